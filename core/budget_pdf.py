"""The budget estimate "DỰ TRÙ KINH PHÍ" as a PDF in the official layout of
core/pdf_layout.py (Decree 30/2020), and as an XLSX workbook. Pure: the event, the
estimate's status row and its lines in (as db/budget.py returns them), bytes out. Every
amount and the total are the database's (budget_lines.amount and budget.get()["total"])."""
import io
from datetime import date, datetime

from core import budget as rules
from core import numbers, texts
from core.pdf_layout import Letterhead, OfficialDocument, Signature

# STT, item, related activity, unit of measure, quantity, unit price, amount, note (mm)
WIDTHS = [11, 43, 26, 15, 13, 23, 25, 19]
ALIGN = ["C", "L", "L", "C", "R", "R", "R", "L"]
PLACE = "Ba Đình"


def issued_on(budget: dict, today: date | None = None) -> date:
    """The document's date: when it was approved, else submitted, else today."""
    for field in ("approved_at", "submitted_at"):
        if budget.get(field):
            return datetime.fromisoformat(budget[field]).date()
    return today or date.today()


def _vn_date(iso: str | None) -> str:
    return date.fromisoformat(iso[:10]).strftime("%d/%m/%Y") if iso else ""


def table_rows(lines: list[dict]) -> list[list[str]]:
    return [[str(i), line["item"], line["activity_ref"], line["measure"],
             rules.format_number(line["quantity"]), numbers.integer(line["unit_price"]),
             numbers.integer(line["amount"]), line["note"]]
            for i, line in enumerate(lines, start=1)]


def build_pdf(event: dict, budget: dict, lines: list[dict], *,
              today: date | None = None) -> bytes:
    day = issued_on(budget, today)
    doc = OfficialDocument(
        Letterhead(event["issuer_line1"], event["issuer_line2"], texts.BPDF_NUMBER, PLACE,
                   day),
        subject=texts.BPDF_TITLE)
    doc.start()
    subject = texts.BPDF_SUBJECT.format(year=event["year"])
    if budget["status"] != "approved":
        subject += "\n" + texts.BPDF_STATUS_NOTE[budget["status"]]
    doc.document_title(texts.BPDF_TITLE, subject)
    if event.get("plan_number"):
        doc.paragraph(texts.BPDF_BASIS.format(number=event["plan_number"],
                                              date=_vn_date(event.get("plan_date")),
                                              title=event["title"]))
    doc.paragraph(texts.BPDF_INTRO.format(start=_vn_date(event["start_date"]),
                                          end=_vn_date(event["end_date"])))
    doc.data_table(texts.BPDF_HEADERS, table_rows(lines), widths=WIDTHS, align=ALIGN,
                   size=10, total_row=["", texts.BPDF_TOTAL, "", "", "", "",
                                       numbers.integer(budget["total"]), ""],
                   caption=texts.BPDF_UNIT_NOTE)
    doc.label_value(texts.BPDF_IN_WORDS, rules.vnd_in_words(budget["total"]) + "./.")
    if budget.get("notes"):
        doc.label_value(texts.BPDF_NOTES, budget["notes"])
    if budget["status"] == "approved":
        doc.paragraph(texts.BPDF_APPROVED.format(
            date=_vn_date(budget["approved_at"]), name=budget.get("approved_by_name") or ""),
            style="I")
    doc.closing(texts.BPDF_RECIPIENTS,
                Signature(event["signer_for"], event["signer_title"], event["signer_name"]))
    return doc.to_bytes()


def build_xlsx(event: dict, budget: dict, lines: list[dict]) -> bytes:
    """The same table as a workbook: numbers stay numbers (Vietnamese display comes from
    the reader's locale and the #,##0 format)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    sheet.title = texts.BXLSX_SHEET
    sheet.append([texts.BPDF_TITLE])
    sheet.append([texts.BPDF_SUBJECT.format(year=event["year"])])
    status = texts.BUD_STATUS_NAMES[budget["status"]]
    sheet.append([texts.BXLSX_STATUS, status])
    sheet.append([])
    sheet.append(texts.BPDF_HEADERS)
    header_row = sheet.max_row
    for i, line in enumerate(lines, start=1):
        sheet.append([i, line["item"], line["activity_ref"], line["measure"],
                      line["quantity"], line["unit_price"], line["amount"], line["note"]])
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # typed text such as "=1+1" stays text, not a formula
    sheet.append(["", texts.BPDF_TOTAL, "", "", "", "", budget["total"], ""])
    total_row = sheet.max_row
    sheet.append(["", f"{texts.BPDF_IN_WORDS}: {rules.vnd_in_words(budget['total'])}"])
    if budget.get("notes"):
        sheet.append(["", f"{texts.BPDF_NOTES}: {budget['notes']}"])
    for cell in sheet[1] + sheet[header_row] + sheet[total_row]:
        cell.font = Font(bold=True)
    for row in sheet.iter_rows(min_row=header_row + 1, max_row=total_row):
        for cell in row[4:7]:
            cell.number_format = numbers.XLSX_INT_FORMAT
        row[4].number_format = "#,##0.##"
    for column, width in zip("ABCDEFGH", (6, 40, 24, 10, 10, 16, 18, 24)):
        sheet.column_dimensions[column].width = width
    for cell in sheet[header_row]:
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
