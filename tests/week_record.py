"""What a week leaves on record, captured so that two states can be compared: its
`stats --json` (db/stats.summary), its closing report's text (PDF, a fixed issue date)
and every cell of every sheet of its workbook. Used by tests/test_roster_history.py; the
goldens in tests/previous_release/*.record.json were captured with this file on the code
before rosters existed (commits 038e2b4, then 3925917), see that test's docstring."""
import io
import json
import unicodedata
from datetime import date

ISSUED = date(2020, 10, 8)


def _pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    return unicodedata.normalize("NFC", "\n".join(p.extract_text() for p in reader.pages))


def _cell(value):
    if isinstance(value, (date,)):
        return value.isoformat()
    return value


def workbook_cells(data: bytes) -> dict[str, list[list]]:
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(data))
    return {sheet.title: [[_cell(v) for v in row] for row in sheet.iter_rows(values_only=True)]
            for sheet in book.worksheets}


def record(db, year: int) -> dict:
    from core import closing_report
    from db import events, export, report_data, stats

    event = events.get(db, year)
    summary = json.loads(json.dumps(stats.summary(db, event["id"]), ensure_ascii=False,
                                    default=str))
    report = _pdf_text(closing_report.build_pdf(report_data.gather(db, event,
                                                                   issued_on=ISSUED)))
    return {"stats": summary, "report": report,
            "workbook": workbook_cells(export.xlsx(db, event["id"]))}
