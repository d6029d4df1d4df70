"""The 2020 Ba Đình week's printed words, captured on a fixed sample week and a fixed date
(issue 15: the organiser profile must not change one word of them). Used by
tests/test_organiser_golden.py; `python3 -m tests.golden_ba_dinh` rewrites the golden file
(only when a change of wording is intended)."""
import io
import unicodedata
from datetime import date
from pathlib import Path

GOLDEN = Path(__file__).resolve().parent / "golden" / "ba_dinh_2020.txt"
ISSUED = date(2020, 10, 8)
BUDGET_LINES = [
    {"item": "Băng rôn tuyên truyền", "activity_ref": "Tuyên truyền", "quantity": "20",
     "measure": "chiếc", "unit_price": "350.000", "note": ""},
    {"item": "Hoa, khánh tiết Lễ khai mạc", "activity_ref": "Lễ khai mạc", "quantity": "1",
     "measure": "gói", "unit_price": "5 000 000 đ", "note": ""},
]


ROLLUP_SHEET = "Dữ liệu tổng hợp"  # the machine-readable sheet for the level above


def _pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    return unicodedata.normalize("NFC", "\n".join(p.extract_text() for p in reader.pages))


def build_week(db) -> None:
    """A fixed sample week (demo seed 7) and a budget estimate on the 2020 event."""
    from db import Actor, budget, demo, events

    demo.load(db, Actor.system(), units=12, activities=80, seed=7, accounts=False)
    event_id = events.get(db, 2020)["id"]
    for line in BUDGET_LINES:
        budget.add_line(db, Actor.system(), event_id, line)


def capture(db, year: int = 2020) -> str:
    """Closing report text, budget Tờ trình text (submitted and approved), budget XLSX
    title rows and the workbook's titles, preambles and column headers."""
    from openpyxl import load_workbook

    from core import budget_pdf, closing_report
    from db import budget, events, export, report_data

    event = events.get(db, year)
    parts = ["=== closing report ===",
             _pdf_text(closing_report.build_pdf(report_data.gather(db, event,
                                                                   issued_on=ISSUED)))]
    status = dict(budget.get(db, event["id"]))
    lines = budget.lines(db, event["id"])
    for kind in ("draft", "submitted", "approved"):
        fixed = dict(status, status=kind, submitted_at="2020-09-25T09:00:00",
                     approved_at="2020-09-28T10:00:00", approved_by_name="Phạm Thị Diễm")
        parts += [f"=== budget Tờ trình ({kind}) ===",
                  _pdf_text(budget_pdf.build_pdf(event, fixed, lines, today=ISSUED))]
    book = load_workbook(io.BytesIO(budget_pdf.build_xlsx(event, status, lines)))
    parts.append("=== budget XLSX ===")
    for row in book.active.iter_rows(max_row=5, values_only=True):
        parts.append(" | ".join("" if v is None else str(v) for v in row))
    book = load_workbook(io.BytesIO(export.xlsx(db, event["id"])), read_only=True)
    parts.append(f"=== workbook === {book.properties.title}")
    for sheet in book.worksheets:
        if sheet.title == ROLLUP_SHEET:  # added by issue 15 item 4; tests/test_rollup.py
            continue
        parts.append(f"--- {sheet.title}")
        for row in sheet.iter_rows(max_row=6, values_only=True):
            cells = [str(v) for v in row if isinstance(v, str)]
            if cells:
                parts.append(" | ".join(cells))
    return "\n".join(parts) + "\n"


if __name__ == "__main__":
    import tempfile

    from db import connect
    from db.setup import prepare

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "llw.db"
        prepare(path).conn.close()
        database = connect(path)
        build_week(database)
        GOLDEN.write_text(capture(database), encoding="utf-8")
        print(f"wrote {GOLDEN}")
