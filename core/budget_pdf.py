"""The budget estimate "DỰ TRÙ KINH PHÍ" as a PDF in the official layout of
core/pdf_layout.py (Decree 30/2020), and as an XLSX workbook. Pure: the event, the
estimate's status row and its lines in (as db/budget.py returns them), bytes out. Every
amount and the total are the database's (budget_lines.amount and budget.get()["total"])."""
import io
from datetime import date, datetime

from core import budget as rules
from core import numbers, organiser, texts, timefmt
from core.report_texts import render
from core.pdf_layout import Letterhead, OfficialDocument, Signature

# STT, item, related activity, unit of measure, quantity, unit price, amount, note (mm)
WIDTHS = [10, 42, 22, 14, 12, 21, 24, 30]
ALIGN = ["C", "L", "L", "C", "R", "R", "R", "L"]
QUANTITY_FORMAT_DECIMAL = "#,##0.0#"
CLOSING_ROOM = 95  # mm: the amount in words, the closing sentence, "Nơi nhận", signature  # a fractional quantity; whole ones use #,##0


def issued_on(budget: dict, today: date | None = None) -> date:
    """The document's date: when Phòng GD&ĐT submitted the request (a Tờ trình carries the
    date it was issued, not that of the answer), else when it was approved (a record
    without a submission time), else today."""
    for field in ("submitted_at", "approved_at"):
        if budget.get(field):
            return timefmt.to_local(budget[field]).date()  # Hà Nội's day
    return today or timefmt.now_local().date()


def _vn_date(iso: str | None) -> str:
    return timefmt.day(iso)  # a stamp's day in Hà Nội


def _text(event: dict, key: str) -> str:
    return (event.get(key) or "").strip()


def table_rows(lines: list[dict]) -> list[list[str]]:
    return [[str(i), line["item"], line["activity_ref"], line["measure"],
             rules.format_number(line["quantity"]), numbers.integer(line["unit_price"]),
             numbers.integer(line["amount"]), line["note"]]
            for i, line in enumerate(lines, start=1)]


def recipient(event: dict) -> tuple[str, str]:
    """('UBND quận Ba Đình', 'UBND quận'): the organiser of the profile; without one (an
    old backup) guessed from the superior body 'UBND QUẬN BA ĐÌNH'."""
    from core.closing_report import district_of

    org = organiser.from_event(event)
    if _text(event, "organiser_name"):
        return organiser.superior(org)
    line = (event.get("issuer_line1") or "").upper()
    if "QUẬN " in line:
        return f"UBND quận {district_of(line)}", "UBND quận"
    return event.get("issuer_line1") or "", event.get("issuer_line1") or ""


def build_pdf(event: dict, budget: dict, lines: list[dict], *,
              today: date | None = None, approval_page: bool = False) -> bytes:
    """The estimate as a Tờ trình: Phòng GD&ĐT drafts it and submits it to the leadership
    (plan §III.1), signed by its head (TRƯỞNG PHÒNG, name from the week's settings). The
    request never prints its own approval: the approval is its own record (db/budget.py)
    and, with `approval_page`, a separate page «Ý kiến phê duyệt» signed with the
    approver's full name. When the closing (last sentence, "Nơi nhận", signature) would
    stand alone on a page, the table's last rows move to that page with it."""
    doc = _layout(event, budget, lines, today, keep_tail=False)
    if doc.closing_alone or doc.closing_page != doc.last_table_page:
        doc = _layout(event, budget, lines, today, keep_tail=True)
    if approval_page and budget["status"] == "approved":
        _approval(doc, event, budget)
    return doc.to_bytes()


def _layout(event, budget, lines, today, keep_tail: bool) -> OfficialDocument:
    from core.closing_report import district_of

    org = organiser.from_event(event)
    day = issued_on(budget, today) if budget["status"] != "draft" else None
    to, to_short = recipient(event)
    doc = OfficialDocument(
        Letterhead(event["issuer_line1"], texts.TTR_ISSUER, texts.TTR_NUMBER,
                   organiser.place(org, district_of(event.get("issuer_line1") or "")), day),
        subject=texts.TTR_KIND,
        creation_date=datetime.combine(day or issued_on(budget, today), datetime.min.time()))
    doc.start()
    # every text is ours, filled once (render): a level word «{x}» is printed as typed
    subject = render(texts.TTR_SUBJECT, year=event["year"])
    if budget["status"] == "draft":
        subject += "\n" + render(texts.BPDF_STATUS_NOTE["draft"], org)
    doc.document_title(texts.TTR_KIND, subject)
    doc.paragraph(render(texts.TTR_TO, to=to), indent=False, align="C")
    if event.get("plan_number"):
        doc.paragraph(render(texts.TTR_BASIS, org, number=event["plan_number"],
                             date=_vn_date(event.get("plan_date")), title=event["title"]))
    doc.paragraph(render(texts.TTR_INTRO, to_short=to_short,
                         start=_vn_date(event["start_date"]), end=_vn_date(event["end_date"])))
    # second layout (build_pdf): the table's last rows go to the page of the closing
    doc.data_table(texts.BPDF_HEADERS, table_rows(lines), widths=WIDTHS, align=ALIGN,
                   size=10, total_row=["", texts.BPDF_TOTAL, "", "", "", "",
                                       numbers.integer(budget["total"]), ""],
                   caption=texts.BPDF_UNIT_NOTE, keep_after=CLOSING_ROOM if keep_tail else 0)
    doc.label_value(texts.BPDF_IN_WORDS, rules.vnd_in_words(budget["total"]) + ".")
    if budget.get("notes"):
        doc.label_value(texts.BPDF_NOTES, budget["notes"])
    doc.closing([render(line, org) for line in texts.TTR_RECIPIENTS],
                Signature(texts.TTR_SIGNER, "", event.get("office_head_name") or ""),
                last_paragraph=render(texts.TTR_CLOSING, to_short=to_short))
    return doc


def _approval(doc, event: dict, budget: dict) -> None:
    """«Ý kiến phê duyệt»: a page of its own after the request, with the approval's date
    and the approver's full name (the account's name)."""
    org = organiser.from_event(event)
    doc.page_break()
    doc.document_title(texts.TTR_APPROVAL_TITLE, render(
        texts.TTR_APPROVAL_SUBJECT, number=texts.TTR_NUMBER,
        day=_vn_date(budget.get("submitted_at")) or "…/…/…", year=event["year"]))
    doc.paragraph(render(texts.TTR_APPROVAL_TEXT, org, year=event["year"],
                         total=numbers.integer(budget["total"]),
                         words=rules.vnd_in_words(budget["total"])))
    doc.paragraph(render(texts.TTR_APPROVAL_DATE, day=_vn_date(budget["approved_at"])))
    doc.closing([], Signature(render(texts.TTR_APPROVAL_SIGNER, org).upper(), "",
                              budget.get("approved_by_name") or ""))


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
        quantity = line["quantity"]
        if isinstance(quantity, float) and quantity.is_integer():
            quantity = int(quantity)
        sheet.append([i, line["item"], line["activity_ref"], line["measure"],
                      quantity, line["unit_price"], line["amount"], line["note"]])
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # typed text such as "=1+1" stays text, not a formula
            cell.alignment = Alignment(vertical="top", wrap_text=cell.column in (2, 3, 8))
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
        # "#,##0.##" printed a whole 30 as "30." in Excel: whole quantities get "#,##0",
        # fractional ones one or two decimals
        if isinstance(row[4].value, float):
            row[4].number_format = QUANTITY_FORMAT_DECIMAL
    # the note column is wide and wraps: a note of a sentence or two stays one or two lines
    for column, width in zip("ABCDEFGH", (6, 40, 24, 11, 10, 16, 18, 45)):
        sheet.column_dimensions[column].width = width
    for cell in sheet[header_row]:
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
