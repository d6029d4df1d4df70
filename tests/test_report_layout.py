"""Layout rules of the closing report proved on the rendered PDF (issue 22 item 5): a
table's note stays on the page of the table's last row, the signature block never stands
alone on a page, an all-zero table is one sentence, the appendix ends with a total row,
and no heading or total row of ours is broken inside a word — on the fixture week, an
empty week and a demo week."""
import io
from datetime import date

import pytest
from pypdf import PdfReader

from core import closing_report, numbers, pdf_layout
from core import report_texts as rt
from core.pdf_layout import Letterhead, OfficialDocument
from db import Actor, closing, demo, events, report_data, stats
from tests import closing_fixture as fx


def gather(db):
    return report_data.gather(db, events.get(db, 2020), issued_on=date(2020, 10, 8))


def pages(pdf: bytes) -> list[str]:
    return [" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages]


@pytest.fixture(params=["fixture", "empty", "demo"])
def week(request, db, admin):
    if request.param == "fixture":
        fx.build_week(db)
    elif request.param == "demo":
        demo.load(db, Actor.system(), units=40, activities=300, seed=7, accounts=False)
    return request.param


# the notes under tables and the last text of the table they belong to
NOTES = [(rt.CHANNELS_NOTE, rt.TOTAL_ROW), (rt.TIERS_BASIS, rt.TIER_TOTAL)]


def test_each_note_is_on_the_page_of_its_table(db, week):
    texts = pages(closing_report.build_pdf(gather(db)))
    for note, last in NOTES:
        start = note.replace("{area}", "phường")[:50]
        found = [i for i, page in enumerate(texts) if start in page]
        if not found:
            continue  # that table is a sentence in this week
        page = texts[found[0]]
        assert last in page[:page.index(start)], (week, note)
    # the ward table's note too (it names the level's words)
    found = [p for p in texts if "Hoạt động, người tham gia và lượt tuyên truyền tính" in p]
    assert found and "Tổng cộng" in found[0].split("Hoạt động, người tham gia")[0]


def test_a_note_moves_with_the_last_rows_of_its_table():
    """A table that ends at the foot of a page: its last row goes to the next page with
    the note, never the note alone."""
    for filler in range(20, 44):
        doc = OfficialDocument(Letterhead("UBND", "BCĐ", "…/BC", "Ba Đình", None))
        doc.start()
        for _ in range(filler):
            doc.paragraph("Dòng đệm để đẩy bảng xuống cuối trang.", indent=False)
        doc.data_table(["A", "B"], [[f"hàng {i}", str(i)] for i in range(40)],
                       widths=[100, 60], total_row=["Tổng cộng", "780"],
                       note="Ghi chú của bảng: luôn đi cùng bảng.")
        texts = pages(bytes(doc.output()))
        note_page = next(i for i, t in enumerate(texts) if "Ghi chú của bảng" in t)
        assert "Tổng cộng 780" in texts[note_page], filler
        assert texts[note_page].index("Tổng cộng 780") < texts[note_page].index("Ghi chú")


def signature_page_has_body(texts: list[str]) -> bool:
    """The page with "Nơi nhận:" holds body text before the closing sentence."""
    page = next(t for t in texts if pdf_layout.RECIPIENTS_LABEL in t)
    before = page.split("Trên đây là báo cáo")[0]
    for furniture in (rt.DRAFT_MARK,):
        before = before.replace(furniture, "")
    return len("".join(c for c in before if c.isalpha())) > 20


def test_the_signature_never_stands_alone(db, week):
    assert signature_page_has_body(pages(closing_report.build_pdf(gather(db))))


def test_the_signature_never_stands_alone_whatever_the_length_of_part_v(db, admin,
                                                                        committee):
    """Part V grown line by line moves the closing to the next page at some length:
    there, part V moves with it."""
    fx.build_week(db)
    event_id = fx.event_id_2020(db)
    moved = 0
    for lines in range(0, 40, 3):
        closing.save_sections(db, committee, event_id, {"next_directions": "\n".join(
            f"Phương hướng thứ {i + 1} của năm sau." for i in range(lines)) or None})
        data = gather(db)
        first = closing_report._layout(data, False, keep_tail=False)
        moved += first.closing_alone
        assert signature_page_has_body(pages(closing_report.build_pdf(data))), lines
    assert moved  # the case happened at least once


def test_no_all_zero_table_and_sentences_instead(db, admin, monkeypatch):
    tables = []
    original = OfficialDocument.data_table

    def spy(self, headers, rows, **kw):
        tables.append((headers, rows, kw.get("caption")))
        return original(self, headers, rows, **kw)

    monkeypatch.setattr(OfficialDocument, "data_table", spy)
    text = " ".join(pages(closing_report.build_pdf(gather(db))))
    for headers, rows, caption in tables:
        figures = [c for row in rows for c in row[1:] if str(c).replace(".", "").isdigit()]
        assert not figures or any(str(c).strip("0").replace(".", "") for c in figures), \
            caption
    for sentence in (rt.NO_MODELS, rt.NO_TYPES, rt.NO_CHANNELS, rt.NO_SLOGANS):
        assert sentence in text
    assert "0/0 0/0 0/0 0/0" not in text  # the models by area


def test_the_appendix_ends_with_a_total_row(db, week):
    data = gather(db)
    text = " ".join(pages(closing_report.build_pdf(data)))
    appendix = text.split(rt.APPENDIX)[-1]
    totals = data.summary["totals"]
    n = numbers.integer
    assert f"{rt.TOTAL_ROW} {n(totals['activities'])} {n(totals['propaganda_entries'])} " \
           f"{n(totals['units_with_data'])} {n(totals['submitted_units'])}" in appendix


def test_no_heading_or_total_row_is_broken_inside_a_word(db, week):
    doc = closing_report.build_document(gather(db))
    assert doc.fixed_rows
    for cells, col, style, size in doc.fixed_rows:
        assert doc.broken_words(cells, col, style, size) == [], cells
    # the tier table's total label is whole on one line
    assert any(rt.TIER_TOTAL in cells for cells, *_ in doc.fixed_rows) or week == "empty"


def test_a_heading_too_wide_for_its_column_is_set_smaller_not_broken():
    """The check can fail: «Thành tiền» in a 12 mm column at 10.5 pt breaks inside a word;
    data_table sets that heading smaller so that it does not. The tier table's total label
    («Cộng khối trường học» wrapped) is one line now."""
    doc = OfficialDocument(Letterhead("UBND", "BCĐ", "…/BC", "Ba Đình", None))
    doc.start()
    col = [12 * doc.epw / 165, 153 * doc.epw / 165]
    assert doc.broken_words(["Thành tiền", "B"], col, "B", 10.5)
    doc.data_table(["Thành tiền", "B"], [["1", "x"]], widths=[12, 153], size=10.5)
    cells, col, style, size = doc.fixed_rows[-1]
    assert size < 10.5 and not doc.broken_words(cells, col, style, size)
    tiers = [w * doc.epw / 149 for w in [30, 17, 19, 19, 20, 20, 24]]
    assert len(doc._wrap(rt.TIER_TOTAL, "B", 10.5, tiers[0] - 2 * doc.PAD_X)) == 1
    assert len(doc._wrap("Cộng khối trường học", "B", 10.5, tiers[0] - 2 * doc.PAD_X)) == 2


def test_demo_totals_used_by_the_layout_tests_are_the_stats(db, admin):
    demo.load(db, Actor.system(), units=40, activities=300, seed=7, accounts=False)
    assert gather(db).summary["totals"] == stats.summary(db, fx.event_id_2020(db))["totals"]
