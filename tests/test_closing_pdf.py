"""The closing report PDF: official layout text, numbers from the stats module, Vietnamese
glyphs, hostile assessment text, determinism, the command line and the report page."""
import io
import logging
import re
import subprocess
import sys
from datetime import date

import pytest
from pypdf import PdfReader

from core import closing_report, numbers, pdf_layout
from db import commendations, events, report_data, stats
from tests import closing_fixture as fx
from tests.conftest import ROOT

ISSUED = date(2020, 10, 8)
HOSTILE = ("Đánh giá “chung” – các đơn vị 🎉👍🏽 đã làm tốt; **đậm** <b>thẻ</b> # tiêu đề "
           "`mã` [liên kết](http://x) {x} %s \\n ơư ỹ Ạ\u200d\ufe0f\t\x07 ")


@pytest.fixture
def week(db, admin):
    fx.build_week(db)
    return events.get(db, 2020)


@pytest.fixture
def glyph_warnings(caplog):
    """Missing-glyph warnings of fpdf2 (logger fpdf.output): every test asserts none."""
    caplog.set_level(logging.WARNING, logger="fpdf.output")
    yield lambda: [r.getMessage() for r in caplog.records
                   if r.name == "fpdf.output" and "missing" in r.getMessage().lower()]


def build(db, year=2020):
    return closing_report.build_pdf(report_data.gather(db, events.get(db, year),
                                                       issued_on=ISSUED))


def pdf_text(pdf: bytes) -> tuple[str, int]:
    reader = PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() for page in reader.pages), len(reader.pages)


def flat(text: str) -> str:
    return " ".join(text.split())


def test_report_has_the_official_header_title_and_signature(db, week, glyph_warnings):
    text, _pages = pdf_text(build(db))
    for line in ["UBND QUẬN BA ĐÌNH", "BAN CHỈ ĐẠO XÂY DỰNG XHHT",
                 "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc",
                 "Số: …/BC-BCĐXHHT", "Ba Đình, ngày 08 tháng 10 năm 2020", "BÁO CÁO",
                 "Nơi nhận:", "TM. BAN CHỈ ĐẠO", "TRƯỞNG BAN", "PHÓ CHỦ TỊCH UBND QUẬN",
                 "Phạm Thị Diễm", "PHỤ LỤC"]:
        assert line in text, line
    assert "Kết quả tổ chức “Tuần lễ hưởng ứng học tập suốt đời” năm 2020" in flat(text)
    assert "Chuyển đổi số thúc đẩy Học tập suốt đời" in flat(text)
    assert glyph_warnings() == []


def test_report_lists_all_fourteen_wards_with_diacritics(db, week, glyph_warnings):
    text, _pages = pdf_text(build(db))
    for name in ["Phúc Xá", "Trúc Bạch", "Vĩnh Phúc", "Cống Vị", "Liễu Giai",
                 "Nguyễn Trung Trực", "Quán Thánh", "Ngọc Hà", "Điện Biên", "Đội Cấn",
                 "Ngọc Khánh", "Kim Mã", "Giảng Võ", "Thành Công"]:
        assert name in text, name
    assert glyph_warnings() == []


def test_report_totals_are_the_stats_modules_in_vietnamese_format(db, week):
    totals = stats.summary(db, week["id"])["totals"]
    # the fixture's hand count: 6 activities, 1.505 participants, 27 propaganda items
    assert (totals["activities"], totals["participants"], totals["propaganda_items"]) == \
        (6, 1505, 27)
    text = flat(pdf_text(build(db))[0])
    assert "Tổng số hoạt động được tổ chức: 6 hoạt động." in text
    assert "Tổng số lượt người tham gia: 1.505 lượt" in text
    assert "Sản phẩm, lượt tuyên truyền: 27." in text
    reporting = f"{totals['reporting_units']}/{totals['units']} đơn vị " \
                f"(đạt {numbers.percent(totals['reporting_rate'])})"
    assert reporting in text
    assert re.search(r"Cộng 14 phường 6 1\.505 27", text)


def test_report_prints_commendations_exemplars_and_every_unit(db, week, committee):
    nomination = fx.add_nomination(db, week["id"], "TH-DIENBIEN", "Nguyễn Văn Ấn",
                                   status="approved")
    commendations.add_commendation(db, committee, week["id"], {
        "category": "tu_hoc", "nomination_id": nomination,
        "rationale": "Tự học ngoại ngữ ở tuổi 70"})
    text = flat(pdf_text(build(db))[0])
    assert "Nguyễn Văn Ấn: Tự học ngoại ngữ ở tuổi 70" in text
    assert "Tấm gương tự học, học tập suốt đời" in text
    for unit in ["Trường Tiểu học Ngọc Hà", "Trường Mầm non Kim Mã",
                 "Hội Khuyến học quận Ba Đình"]:
        assert unit in text, unit


def test_a_long_hostile_assessment_does_not_break_the_report(db, week, committee,
                                                              glyph_warnings):
    assessment = (HOSTILE * 60)[:5000]
    assert len(assessment) == 5000
    commendations.save_assessment(db, committee, week["id"], assessment)
    pdf = build(db)
    text, pages = pdf_text(pdf)
    assert glyph_warnings() == []
    assert "**đậm** <b>thẻ</b> # tiêu đề" in flat(text)  # markup printed as typed
    assert "Đánh giá “chung” – các đơn vị" in flat(text)
    assert "🎉" not in text and "ơư ỹ Ạ" in flat(text)
    assert 5 <= pages <= 12
    assert "Phạm Thị Diễm" in text  # the signature still comes after it


def test_emoji_and_control_characters_are_dropped_not_boxed():
    assert pdf_layout.printable("Tốt 🎉👍🏽\u200d\ufe0f!\x07\tx") == "Tốt ! x"
    assert pdf_layout.printable("Nghe\u0300") == "Nghè"  # decomposed input comes out NFC


def test_page_count_is_sane(db, week):
    _text, pages = pdf_text(build(db))
    assert 4 <= pages <= 8


def test_the_same_data_gives_the_same_pdf(db, week):
    first, second = build(db), build(db)
    strip = lambda pdf: re.sub(rb"/CreationDate \(D:[^)]*\)", b"", pdf)  # noqa: E731
    assert strip(first) == strip(second)
    assert first == second  # the creation date is the report's date, so even bytes match


def test_an_empty_week_still_gives_a_complete_report(db, admin, glyph_warnings):
    text, pages = pdf_text(build(db))
    assert "Tổng số hoạt động được tổ chức: 0 hoạt động." in flat(text)
    assert "Ban chỉ đạo chưa quyết định danh sách khen thưởng." in flat(text)
    assert pages >= 3 and glyph_warnings() == []


def test_margins_are_those_of_decree_30():
    doc = pdf_layout.OfficialDocument(pdf_layout.Letterhead("A", "B", "1", "Ba Đình", ISSUED))
    assert 30 <= doc.l_margin <= 35 and 15 <= doc.r_margin <= 20
    assert 20 <= doc.t_margin <= 25 and 20 <= doc.b_margin <= 25
    assert (round(doc.w), round(doc.h)) == (210, 297)


def test_date_line_writes_day_and_early_months_with_two_digits():
    assert pdf_layout.date_line("Ba Đình", date(2020, 2, 5)) == \
        "Ba Đình, ngày 05 tháng 02 năm 2020"
    assert pdf_layout.date_line("Ba Đình", date(2020, 10, 8)) == \
        "Ba Đình, ngày 08 tháng 10 năm 2020"


# --- the command line --------------------------------------------------------------------

def test_manage_report_writes_the_pdf(db_path, db, week, tmp_path):
    out = tmp_path / "out" / "bao-cao.pdf"
    done = subprocess.run([sys.executable, "manage.py", "--db", str(db_path), "report",
                           "--out", str(out), "--year", "2020", "--date", "2020-10-08"],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert out.read_bytes() == build(db)
    assert "Đã ghi báo cáo" in done.stdout


@pytest.mark.parametrize("extra,message", [(["--year", "1999"], "Không có Tuần lễ năm 1999"),
                                           (["--date", "08/10/2020"], "không hợp lệ")])
def test_manage_report_refuses_bad_arguments_clearly(db_path, week, tmp_path, extra, message):
    out = tmp_path / "x.pdf"
    done = subprocess.run([sys.executable, "manage.py", "--db", str(db_path), "report",
                           "--out", str(out)] + extra,
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1 and message in done.stderr
    assert not out.exists()


# --- the page ----------------------------------------------------------------------------

def open_report_page(app_for, actor):
    at = app_for(actor)
    at.switch_page("app_pages/committee_report.py").run()
    assert not at.exception, at.exception
    return at


def test_page_saves_the_assessment(db, week, committee, app_for):
    at = open_report_page(app_for, committee)
    at.text_area(key="report_assessment").input("Tuần lễ thành công tốt đẹp.")
    at.button(key="FormSubmitter:report_assessment_form-Lưu phần đánh giá").click().run()
    assert not at.exception
    assert events.get(db, 2020)["assessment"] == "Tuần lễ thành công tốt đẹp."
    assert any("Đã lưu" in s.value for s in at.success)


def test_page_refuses_an_over_long_assessment_and_keeps_the_text(db, week, committee,
                                                                 app_for):
    at = open_report_page(app_for, committee)
    too_long = "a" * (commendations.MAX_ASSESSMENT + 1)
    at.text_area(key="report_assessment").input(too_long)
    at.button(key="FormSubmitter:report_assessment_form-Lưu phần đánh giá").click().run()
    assert any("tối đa" in e.value for e in at.error)
    assert events.get(db, 2020)["assessment"] is None
    assert at.text_area(key="report_assessment").value == too_long


def test_page_offers_a_lazily_built_pdf_download(db, week, committee, app_for):
    at = open_report_page(app_for, committee)
    [download] = at.get("download_button")
    assert download.proto.label == "Tải báo cáo tổng kết (PDF)"
    # built on click (the browser test downloads it), not on every run of the page
    assert download.proto.deferred_file_id
    assert download.proto.ignore_rerun


def test_charts_use_the_shipped_font_under_a_name_no_system_font_shares():
    """Debian's Liberation Serif 1.07 lacks ơ/ư/U+1EA0–1EF9 and shares the family name:
    vl-convert then drew Vietnamese labels in a fallback face."""
    from pathlib import Path

    from fontTools.ttLib import TTFont

    fonts = sorted(Path(closing_report._chart_font_dir()).glob("*.ttf"))
    assert len(fonts) == 4
    for path in fonts:
        font = TTFont(path)
        assert font["name"].getDebugName(1) == closing_report.CHART_FONT
        assert "Liberation" not in font["name"].getDebugName(4)  # OFL reserved name
        cmap = font.getBestCmap()
        assert all(cp in cmap for cp in [0x01A1, 0x01B0, 0x0110] + list(range(0x1EA0, 0x1EFA)))
