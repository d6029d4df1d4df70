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
    # propaganda: 3 entries on 3 channels, never "27" summed across units of measure
    assert "Công tác tuyên truyền: 3 lượt tuyên truyền trên 3 kênh" in text
    assert "27" not in re.sub(r"\d+[./]\d+", "", text.split("PHỤ LỤC")[0]).split()
    reporting = f"{totals['reporting_units']}/{totals['units']} đơn vị " \
                f"(đạt {numbers.percent(totals['reporting_rate'])})"
    assert "Đơn vị có báo cáo số liệu" in text and reporting in text
    assert "Đơn vị đã gửi báo cáo kết quả: 2/" in text
    # the ward table's total row: activities, participants, propaganda entries, units...
    assert re.search(r"Tổng cộng 6 1\.505 3 " + str(totals["units"]), text)


def test_report_prints_commendations_exemplars_and_every_unit(db, week, committee):
    nomination = fx.add_nomination(db, week["id"], "TH-DIENBIEN", "Nguyễn Văn Ấn",
                                   status="approved")
    commendations.add_commendation(db, committee, week["id"], {
        "category": "tu_hoc", "nomination_id": nomination,
        "rationale": "Tự học ngoại ngữ ở tuổi 70"})
    text = flat(pdf_text(build(db))[0])
    # a table row: STT, name, unit, category, achievement
    assert re.search(r"1 Nguyễn Văn Ấn Trường Tiểu học Điện Biên Tấm gương tự học, học "
                     r"tập suốt đời Tự học ngoại ngữ ở tuổi 70", text)
    # the exemplar is in the table: not listed a second time
    assert text.count("Nguyễn Văn Ấn") == 1
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
    assert 6 <= pages <= 16
    assert "Phạm Thị Diễm" in text  # the signature still comes after it


def test_emoji_and_control_characters_are_dropped_not_boxed():
    assert pdf_layout.printable("Tốt 🎉👍🏽\u200d\ufe0f!\x07\tx") == "Tốt ! x"
    assert pdf_layout.printable("Nghe\u0300") == "Nghè"  # decomposed input comes out NFC


def test_page_count_is_sane(db, week):
    _text, pages = pdf_text(build(db))
    assert 5 <= pages <= 10


def test_the_same_data_gives_the_same_pdf(db, week):
    first, second = build(db), build(db)
    strip = lambda pdf: re.sub(rb"/CreationDate \(D:[^)]*\)", b"", pdf)  # noqa: E731
    assert strip(first) == strip(second)
    assert first == second  # the creation date is the report's date, so even bytes match


def test_an_empty_week_still_gives_a_complete_report(db, admin, glyph_warnings):
    text, pages = pdf_text(build(db))
    assert "Tổng số hoạt động được tổ chức: 0 hoạt động." in flat(text)
    assert "Ban chỉ đạo chưa chốt danh sách khen thưởng." in flat(text)
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


SAVE_SECTIONS = "FormSubmitter:report_assessment_form-Lưu mục I, IV và V"


def test_page_saves_the_assessment(db, week, committee, app_for):
    at = open_report_page(app_for, committee)
    at.text_area(key="report_assessment").input("Tuần lễ thành công tốt đẹp.")
    at.text_area(key="report_strengths").input("Nhiều đơn vị tham gia.")
    at.text_area(key="report_overview").input("Ban chỉ đạo ban hành Kế hoạch.\n- Họp 2 lần.")
    at.button(key=SAVE_SECTIONS).click().run()
    assert not at.exception
    saved = events.get(db, 2020)
    assert saved["overview"] == "Ban chỉ đạo ban hành Kế hoạch.\n- Họp 2 lần."
    text = flat(pdf_text(build(db))[0])
    assert "I. CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI Ban chỉ đạo ban hành Kế hoạch. - Họp 2 lần." in text
    assert saved["assessment"] == "Tuần lễ thành công tốt đẹp."
    assert saved["assess_strengths"] == "Nhiều đơn vị tham gia."
    assert saved["assess_weaknesses"] is None
    assert any("Đã lưu" in s.value for s in at.success)


def test_page_refuses_an_over_long_assessment_and_keeps_the_text(db, week, committee,
                                                                 app_for):
    at = open_report_page(app_for, committee)
    too_long = "a" * (commendations.MAX_ASSESSMENT + 1)
    at.text_area(key="report_strengths").input("Tốt.")
    at.text_area(key="report_assessment").input(too_long)
    at.button(key=SAVE_SECTIONS).click().run()
    assert any("tối đa" in e.value for e in at.error)
    assert events.get(db, 2020)["assessment"] is None
    assert events.get(db, 2020)["assess_strengths"] is None  # nothing half-written
    assert at.text_area(key="report_assessment").value == too_long


def test_page_offers_a_lazily_built_pdf_download(db, week, committee, app_for):
    at = open_report_page(app_for, committee)
    [download] = at.get("download_button")
    assert download.proto.label == "Tải báo cáo tổng kết (PDF)"
    # a draft: the page lists what is missing and offers no final report
    assert any("DỰ THẢO" in w.value and "Mục IV.1 Ưu điểm" in w.value for w in at.warning)
    assert at.radio(key="report_kind").options == ["Bản dự thảo (có chữ DỰ THẢO)"]
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


# --- issue 11: a draft until complete, the date, reconciled totals, the plan's content ----

import manage  # noqa: E402
from db import closing  # noqa: E402

SECTIONS = {"assess_strengths": "Các đơn vị tham gia tích cực.",
            "assess_weaknesses": "Một số phường báo cáo chậm.",
            "assess_proposals": "Đề nghị Sở GDĐT hỗ trợ tài liệu.",
            "next_directions": "Duy trì Tuần lễ hằng năm."}


def complete(db, committee, event):
    """Everything a final report needs: sections IV-V, every nomination decided, one
    commendation, the list marked final."""
    closing.save_sections(db, committee, event["id"], SECTIONS)
    nomination = fx.add_nomination(db, event["id"], "TH-DIENBIEN", "Nguyễn Văn Ấn",
                                   status="approved")
    fx.add_nomination(db, event["id"], "TH-NGOCHA", "Trần Thị Bé", status="declined")
    commendations.add_commendation(db, committee, event["id"], {
        "category": "tu_hoc", "nomination_id": nomination,
        "rationale": "Tự học ngoại ngữ ở tuổi 70"})
    closing.decide_commendations(db, committee, event["id"])


def pages_text(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def run_report(db_path, out, *extra):
    return manage.main(["--db", str(db_path), "report", "--out", str(out)] + list(extra))


def test_a_draft_says_so_on_every_page_and_on_the_terminal(db_path, db, week, tmp_path,
                                                          capsys):
    out = tmp_path / "draft.pdf"
    assert run_report(db_path, out) == 0
    captured = capsys.readouterr()
    assert "DỰ THẢO" in captured.err
    for line in ("Mục IV.1 Ưu điểm", "Mục IV.2 Tồn tại, hạn chế", "Mục IV.3 Đề xuất",
                 "Mục V Phương hướng", "chưa chốt danh sách khen thưởng"):
        assert line in captured.err, line
    pages = pages_text(out.read_bytes())
    assert len(pages) >= 5 and all("DỰ THẢO" in page for page in pages)


def test_final_is_refused_until_complete_then_prints_no_placeholder(db_path, db, week,
                                                                    committee, tmp_path,
                                                                    capsys):
    out = tmp_path / "final.pdf"
    assert run_report(db_path, out, "--final") == 1
    err = capsys.readouterr().err
    assert "--final" in err and "Mục IV.1 Ưu điểm" in err and not out.exists()
    complete(db, committee, week)
    assert run_report(db_path, out, "--final", "--date", "2020-10-09") == 0
    assert capsys.readouterr().err == ""
    text = flat(pdf_text(out.read_bytes())[0])
    assert "DỰ THẢO" not in text and "Dự thảo" not in text
    for placeholder in ("chưa nhập", "chưa chốt", "chưa quyết định", "[", "]"):
        assert placeholder not in text, placeholder
    for section in SECTIONS.values():
        assert section in text
    assert "Ba Đình, ngày 09 tháng 10 năm 2020" in text


def test_a_change_to_the_list_after_it_was_decided_makes_it_a_draft_again(db, week,
                                                                          committee):
    complete(db, committee, week)
    data = report_data.gather(db, events.get(db, 2020), issued_on=ISSUED)
    assert closing_report.missing(data) == []
    pick = commendations.list_commendations(db, week["id"])[0]
    commendations.remove_commendation(db, committee, pick["id"])
    data = report_data.gather(db, events.get(db, 2020), issued_on=ISSUED)
    assert any("thay đổi sau khi chốt" in m for m in closing_report.missing(data))
    with pytest.raises(closing_report.ReportIncomplete):
        closing_report.build_pdf(data, final=True)


def test_deciding_the_list_is_refused_while_a_nomination_waits(db, week, committee):
    fx.add_nomination(db, week["id"], "TH-DIENBIEN", "Chờ quyết định")
    with pytest.raises(closing.ValidationFailed) as failure:
        closing.decide_commendations(db, committee, week["id"])
    assert "chưa được quyết định" in failure.value.errors["commendations"]
    assert events.get(db, 2020)["commendations_decided_at"] is None


def test_only_the_committee_writes_the_sections(db, week, unit_user, admin):
    from db import AccessDenied
    for actor in (unit_user, admin):
        with pytest.raises(AccessDenied):
            closing.save_sections(db, actor, week["id"], SECTIONS)
    assert events.get(db, 2020)["assess_strengths"] is None


def test_an_over_long_section_is_refused_and_nothing_is_written(db, week, committee):
    with pytest.raises(closing.ValidationFailed) as failure:
        closing.save_sections(db, committee, week["id"], {
            "assess_strengths": "Tốt.", "assess_weaknesses": "x" * (closing.MAX_SECTION + 1)})
    assert "tối đa" in failure.value.errors["assess_weaknesses"]
    assert events.get(db, 2020)["assess_strengths"] is None


def test_the_date_is_a_choice_never_today_by_accident(db_path, db, week, committee, tmp_path,
                                                      capsys):
    out = tmp_path / "r.pdf"
    assert run_report(db_path, out) == 0
    assert "Ba Đình, ngày … tháng … năm …" in pdf_text(out.read_bytes())[0]
    closing.save_document_settings(db, committee, week["id"], report_date="2020-10-12",
                                   report_place="Hà Nội")
    assert run_report(db_path, out) == 0
    assert "Hà Nội, ngày 12 tháng 10 năm 2020" in pdf_text(out.read_bytes())[0]
    assert run_report(db_path, out, "--date", "2020-10-15") == 0  # the option wins
    assert "Hà Nội, ngày 15 tháng 10 năm 2020" in pdf_text(out.read_bytes())[0]
    with pytest.raises(closing.ValidationFailed):
        closing.save_document_settings(db, committee, week["id"], report_date="31/12/2020")
    assert events.get(db, 2020)["report_date"] == "2020-10-12"


RAW_UNITS = "select count(*) from units where active = 1"
RAW_WITH_DATA = """select count(*) from units u where u.active = 1 and (
    exists (select 1 from activities a where a.unit_id = u.id and a.event_id = :e
            and a.deleted = 0 and a.status != 'needs_fix')
    or exists (select 1 from propaganda p where p.unit_id = u.id and p.event_id = :e
               and p.deleted = 0 and p.status != 'needs_fix'))"""
RAW_SUBMITTED = """select count(*) from report_submissions s join units u on u.id = s.unit_id
                   where u.active = 1 and s.event_id = :e"""
RAW_ACTIVITIES = """select count(*), coalesce(sum(participants), 0) from activities
                    where event_id = :e and deleted = 0 and status != 'needs_fix'"""
RAW_PROPAGANDA = """select count(*) from propaganda where event_id = :e and deleted = 0
                    and status != 'needs_fix'"""


def assert_unit_totals_reconcile(db, event_id, text):
    """Every unit total printed equals the headline and an independent SQL count."""
    e = {"e": event_id}
    units = db.execute(RAW_UNITS).fetchone()[0]
    with_data = db.execute(RAW_WITH_DATA, e).fetchone()[0]
    submitted = db.execute(RAW_SUBMITTED, e).fetchone()[0]
    activities, participants = db.execute(RAW_ACTIVITIES, e).fetchone()
    entries = db.execute(RAW_PROPAGANDA, e).fetchone()[0]
    n = numbers.integer
    body, appendix = text.split("PHỤ LỤC", 1)
    assert f"Đơn vị có báo cáo số liệu (có ít nhất một hoạt động hoặc lượt tuyên truyền): " \
           f"{n(with_data)}/{n(units)} đơn vị" in body
    assert f"Đơn vị đã gửi báo cáo kết quả: {n(submitted)}/{n(units)}" in body
    # Bảng 1's total row: activities, participants, entries, units, with data, submitted
    assert f"Tổng cộng {n(activities)} {n(participants)} {n(entries)} {n(units)} " \
           f"{n(with_data)} {n(submitted)}" in body
    # the district row: units without a ward
    no_ward = db.execute("select count(*) from units where active = 1 and ward_code is null"
                         ).fetchone()[0]
    assert re.search(rf"Đơn vị cấp quận – – – {n(no_ward)} ", body)
    return appendix, units, with_data, submitted, activities, entries


def test_every_unit_total_in_the_pdf_equals_the_headline_and_sql(db, week):
    text = flat(pdf_text(build(db))[0])
    appendix, units, with_data, submitted, activities, entries = \
        assert_unit_totals_reconcile(db, week["id"], text)
    # the appendix: one line per unit, grouped by ward; its lines add up to the same
    rows = re.findall(r"(\d+) ([^\d]+?) (\d+) (\d+) (Có|Không) (Có|Không) (\d+,\d) (\S+)",
                      appendix)
    assert len(rows) == units
    assert sum(int(r[2]) for r in rows) == activities
    assert sum(int(r[3]) for r in rows) == entries
    assert sum(r[4] == "Có" for r in rows) == with_data
    assert sum(r[5] == "Có" for r in rows) == submitted
    assert "Kèm theo Báo cáo số …/BC-BCĐXHHT" in appendix
    assert "Điện Biên (" in appendix and "Đơn vị cấp quận (" in appendix


def test_demo_week_reconciles_too(db, admin):
    from db import Actor, demo
    demo.load(db, Actor.system(), units=30, activities=300, seed=3, accounts=False)
    event = events.get(db, 2020)
    text = flat(pdf_text(build(db))[0])
    assert_unit_totals_reconcile(db, event["id"], text)
    # sample data is said so on the first page
    first = flat(pages_text(build(db))[0])
    assert "DỮ LIỆU MẪU" in first


def test_sections_come_in_the_order_of_a_closing_report(db, week):
    text = flat(pdf_text(build(db))[0])
    order = ["I. CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI", "II. KẾT QUẢ THỰC HIỆN",
             "2. Kết quả theo phường", "3. Kết quả theo cấp học",
             "4. Kết quả theo loại hoạt động", "5. Công tác tuyên truyền",
             "6. Xây dựng các mô hình học tập", "7. Thực hiện các chỉ tiêu", "8. Biểu đồ",
             "III. KHEN THƯỞNG", "IV. ĐÁNH GIÁ CHUNG", "1. Ưu điểm", "2. Tồn tại, hạn chế",
             "3. Đề xuất, kiến nghị", "V. PHƯƠNG HƯỚNG NĂM 2021", "Nơi nhận:", "PHỤ LỤC"]
    positions = [text.index(heading) for heading in order]
    assert positions == sorted(positions)
    assert "xem Phụ lục kèm theo Báo cáo này" in text  # the body refers to the appendix


def test_results_cover_every_type_channel_measure_slogan_model_and_target(db, week):
    from core import reference as ref
    db["learning_model_counts"].insert({
        "event_id": week["id"], "unit_id": fx.unit_id(db, "UBND-00001"), "ward_code": "00001",
        "model": "gia_dinh", "registered": 120, "recognised": 95,
        "updated_at": "2020-10-05T10:00:00"})
    text = flat(pdf_text(build(db))[0])
    for _code, _group, name in ref.ACTIVITY_TYPES:
        assert name in text, name
    # a type nobody held is listed with zeros
    assert re.search(r"Xóa mù chữ 0 0", text)
    assert "Đơn vị tính" in text
    assert re.search(r"Băng rôn, khẩu hiệu chiếc 4 1", text)
    assert re.search(r"Đài truyền thanh phường buổi phát 20 1", text)
    assert "Tự học là một cách xây dựng xã hội học tập." in text  # slogan 5, used
    assert re.search(r"Gia đình học tập 120 95", text)
    assert re.search(r"Phúc Xá 120/95 0/0 0/0 0/0 120/95", text)
    assert "Bảng 8. Kết quả thực hiện chỉ tiêu" in text
    assert "Số đơn vị áp dụng" in text


def test_scores_are_printed_beside_each_units_reviewed_share(db, week):
    text = flat(pdf_text(build(db))[0])
    # Điện Biên: 2 accepted activities + 2 accepted propaganda of 4 counting entries
    assert re.search(r"Trường Tiểu học 1 Trường Tiểu học Điện Biên \d+,\d 100%", text)
    # Ngọc Hà: 1 of its 2 counting activities accepted
    assert re.search(r"Trường Tiểu học Ngọc Hà \d+,\d 50%", text)
    assert "Tỷ lệ đã kiểm tra" in text


def test_a_big_roster_moves_the_per_unit_appendix_to_the_workbook(db, week, monkeypatch):
    monkeypatch.setattr(closing_report, "APPENDIX_MAX_UNITS", 10)
    text = flat(pdf_text(build(db))[0])
    appendix = text.split("PHỤ LỤC", 1)[1]
    assert "tệp số liệu Excel kèm theo" in appendix
    assert "Trường Tiểu học Ngọc Hà" not in appendix  # no line per unit
    assert "Điện Biên" in appendix and "Đơn vị cấp quận" in appendix


def test_suggestions_name_the_lowest_coverage_wards_and_tiers(db, week):
    summary = stats.summary(db, week["id"])
    suggested = closing_report.suggestions(summary, 2020)
    weak = " ".join(suggested["assess_weaknesses"])
    # every ward but those with a reporting unit has 0 %: the lowest are named
    assert "Các phường có tỷ lệ đơn vị có số liệu thấp nhất" in weak
    assert "0,0%" in weak
    assert "Mầm non (0,0%)" in weak  # MN Kim Mã has nothing that counts
    assert "2021" in suggested["next_directions"][0]
    assert suggested["assess_proposals"]


def test_page_offers_the_final_report_once_complete(db, week, committee, app_for):
    complete(db, committee, week)
    at = open_report_page(app_for, committee)
    assert any("Đã đủ các mục" in s.value for s in at.success)
    assert at.radio(key="report_kind").value == "final"
    assert any("đã chốt" in s.value for s in at.success)


def test_page_fills_empty_fields_with_suggestions_and_keeps_written_ones(db, week,
                                                                        committee, app_for):
    closing.save_sections(db, committee, week["id"], {"assess_strengths": "Đã viết."})
    at = open_report_page(app_for, committee)
    at.button(key="report_suggest").click().run()
    assert at.text_area(key="report_strengths").value == "Đã viết."
    assert "thấp nhất" in at.text_area(key="report_weaknesses").value
    assert "2021" in at.text_area(key="report_directions").value
    assert events.get(db, 2020)["assess_weaknesses"] is None  # not saved until asked


def test_page_decides_the_list_and_saves_the_date(db, week, committee, app_for):
    nomination = fx.add_nomination(db, week["id"], "TH-DIENBIEN", "Nguyễn Văn Ấn",
                                   status="approved")
    commendations.add_commendation(db, committee, week["id"], {
        "category": "tu_hoc", "nomination_id": nomination, "rationale": "Tự học"})
    at = open_report_page(app_for, committee)
    at.button(key="report_decide").click().run()
    assert events.get(db, 2020)["commendations_decided_at"]
    at.date_input(key="report_date").set_value(date(2020, 10, 12))
    at.button(key="FormSubmitter:report_document_form-Lưu ngày và địa danh").click().run()
    assert not at.exception
    assert events.get(db, 2020)["report_date"] == "2020-10-12"


def test_page_refuses_to_decide_while_a_nomination_waits(db, week, committee, app_for):
    fx.add_nomination(db, week["id"], "TH-DIENBIEN", "Chờ")
    at = open_report_page(app_for, committee)
    at.button(key="report_decide").click().run()
    assert any("chưa được quyết định" in e.value for e in at.error)
    assert events.get(db, 2020)["commendations_decided_at"] is None


# --- audit (r1) ---------------------------------------------------------------------------

def test_the_score_notes_say_what_the_rubric_counts(db, week):
    """Scores count every counting entry, reviewed or not (core/scoring.py, issue 12 §3):
    the report must not tell the reader that only reviewed entries earn points."""
    text = flat(pdf_text(build(db))[0])
    assert "Điểm chỉ tính" not in text and "chưa duyệt chưa có điểm" not in text
    # said once, in III.3 (the appendix refers to it), in the report's words
    assert text.count("Điểm tính trên toàn bộ hoạt động và lượt tuyên truyền của đơn vị") == 1
    assert "Điểm: xem ghi chú tại mục III.3" in text


def test_the_reviewed_share_is_the_commendation_pages(db, week):
    """'Đã duyệt' beside a score is the share the Khen thưởng page shows (accepted or
    needs-fix, of the entries not withdrawn; db.commendations.review_progress): Ngọc Hà
    with 1 accepted, 1 waiting and 1 needs-fix entry is 2/3 = 67% there, not 1/2."""
    fx.add_activity(db, fx.event_id_2020(db), "TH-NGOCHA", "00016", "oer", 10,
                    status="needs_fix")
    total, reviewed = commendations.review_progress(db, fx.event_id_2020(db))[
        fx.unit_id(db, "TH-NGOCHA")]
    assert (reviewed, total) == (2, 3)
    text = flat(pdf_text(build(db))[0])
    assert re.search(r"Trường Tiểu học Ngọc Hà \d+,\d 67%", text)
    assert not re.search(r"Trường Tiểu học Ngọc Hà \d+,\d 50%", text)


def test_targets_that_share_a_label_say_whom_they_apply_to(db, week):
    """Two targets with the same wording for UBND phường and TTHTCĐ printed as two
    identical lines: the signer cannot tell them apart."""
    event_id = fx.event_id_2020(db)
    db.execute("delete from targets where event_id = ?", [event_id])
    for kind in ("ward_committee", "community_learning_center"):
        db["targets"].insert({"event_id": event_id, "unit_kind": kind, "tier": None,
                              "metric": "activities", "minimum": 1,
                              "label": "Ít nhất 1 hoạt động trong Tuần lễ"})
    db.conn.commit()
    text = flat(pdf_text(build(db))[0])
    assert "Ít nhất 1 hoạt động trong Tuần lễ (UBND phường)" in text
    assert "Ít nhất 1 hoạt động trong Tuần lễ (Trung tâm học tập cộng đồng)" in text


def test_the_tier_chart_names_its_figure_as_the_table_does(db, week):
    """Audit (r1): Bảng 2 calls it "Tỷ lệ có số liệu"; the chart beside it said "Tỷ lệ
    trường đã báo cáo" / "Tỷ lệ báo cáo", which a reader takes for "đã nộp báo cáo"
    (issue 11: the two figures are named apart everywhere)."""
    text = flat(pdf_text(build(db))[0])
    assert "Biểu đồ 3. Tỷ lệ trường có số liệu theo cấp học" in text
    assert "đã báo cáo theo cấp học" not in text
