"""Hostile text is stored as typed (NFC) and the PDF and workbook are still produced."""
import io
import logging
import unicodedata

import pytest

from db import events
from tests.hostile_fixture import PAYLOADS, populate


@pytest.fixture
def hostile(db):
    return populate(db)


def test_hostile_text_is_stored_as_typed_in_nfc_without_control_characters(db, hostile):
    # Since issue 10 the entry rule also removes control characters (\x0b becomes a line
    # break); everything else is kept exactly as typed.
    from core.text import strip_controls

    titles = [r[0] for r in db.execute("select title from activities where unit_id = ? "
                                       "order by id", [hostile["unit"].unit_id])]
    assert titles == [strip_controls(unicodedata.normalize("NFC", p[:200])).strip()
                      for p in PAYLOADS]
    assert not any(ch in "".join(titles) for ch in "\x00\x0b\x0c\x1b\x85")


def test_closing_pdf_is_produced_from_hostile_data(db, hostile, caplog, figures):
    """Every text field holds HTML/JS/markdown, RTL and zero-width characters, emoji, NFD."""
    from pypdf import PdfReader

    from core import closing_report
    from db import report_data

    caplog.set_level(logging.WARNING, logger="fpdf")
    pdf = closing_report.build_pdf(report_data.gather(db, events.get(db, 2020)))
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    missing = [r for r in caplog.records if "missing" in r.getMessage()]
    figures(payloads=len(PAYLOADS), pdf_pages=len(PdfReader(io.BytesIO(pdf)).pages),
            missing_glyph_warnings=len(missing))
    assert pdf.startswith(b"%PDF")
    assert "onerror" in text  # printed as text, not dropped or interpreted
    assert missing == []


def test_workbook_keeps_formula_like_text_inert(db, hostile, figures):
    """Cells typed as =HYPERLINK(...), +1+1, @SUM(A1) must not become formulas."""
    from openpyxl import load_workbook

    from db import export

    book = load_workbook(io.BytesIO(export.xlsx(db, events.get(db, 2020)["id"])))
    cells = [c for sheet in book.worksheets for row in sheet.iter_rows() for c in row]
    formulas = [c.coordinate for c in cells if c.data_type == "f"]
    hyperlink = [c for c in cells if isinstance(c.value, str) and c.value.startswith("=HYPER")]
    figures(cells=len(cells), formula_cells=len(formulas))
    assert formulas == []
    assert hyperlink and all(c.data_type == "s" for c in hyperlink)


def test_csv_export_defuses_formula_like_text(db, hostile):
    from db import export

    text = export.csv_bytes(db, events.get(db, 2020)["id"]).decode("utf-8-sig")
    assert "'=HYPERLINK" in text and "'@SUM(A1)" in text
    assert ',=HYPERLINK' not in text
