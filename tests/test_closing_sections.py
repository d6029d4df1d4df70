"""Section I of the closing report (issue 22 item 2) and the committee's texts on the
command line (item 9): a suggested section I built only from facts — the opening ceremony
as planned unless an entry records it, then as held with that entry's date and place —,
the committee's own text printed instead once written, and `manage.py closing show/set`
(VALUE @FILE) validated like the page, nothing written on a bad call."""
import io
from datetime import date

import pytest
from pypdf import PdfReader

import manage
from core import closing_report
from db import closing, connect, events, report_data
from tests import closing_fixture as fx


def body(db) -> str:
    data = report_data.gather(db, events.get(db, 2020), issued_on=date(2020, 10, 8))
    pdf = closing_report.build_pdf(data)
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
                    .split())
    return text.split("II. KẾT QUẢ THỰC HIỆN")[0]


def test_a_week_without_an_opening_entry_never_says_one_was_held(db, admin):
    section = body(db)
    assert "Lễ khai mạc theo Kế hoạch: 07 giờ 00 ngày 02/10/2020 tại Trường THCS Thăng " \
           "Long" in section
    assert "đã được tổ chức" not in section
    assert "Thực hiện Kế hoạch số 185/KH-BCĐXHHT ngày 28/09/2020" in section
    assert "Thời gian tổ chức: từ ngày 02/10/2020 đến ngày 07/10/2020." in section


def test_an_opening_entry_makes_it_held_with_its_date_and_place(db, admin):
    fx.add_units(db)
    event_id = fx.event_id_2020(db)
    fx.add_activity(db, event_id, "TH-NGOCHA", "00016", "opening_ceremony", 300,
                    day="2020-10-03", title="Khai mạc tại sân trường")
    section = body(db)
    assert "Lễ khai mạc đã được tổ chức ngày 03/10/2020 tại phường Ngọc Hà (Khai mạc tại " \
           "sân trường)." in section
    assert "theo Kế hoạch: 07 giờ" not in section
    # an entry the committee sent back for fixing does not count
    db.execute("update activities set status = 'needs_fix' where type = 'opening_ceremony'")
    assert "đã được tổ chức" not in body(db)


def test_the_committees_text_replaces_the_suggestion(db, admin, committee):
    closing.save_sections(db, committee, fx.event_id_2020(db), {
        "overview": "Ban chỉ đạo đã họp triển khai ngày 25/9/2020.\n- Ban hành 3 văn bản."})
    section = body(db)
    assert "Ban chỉ đạo đã họp triển khai ngày 25/9/2020. - Ban hành 3 văn bản." in section
    assert "Lễ khai mạc theo Kế hoạch" not in section


def run(capsys, *argv):
    code = manage.main([str(a) for a in argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_closing_set_reads_files_and_show_prints_them(db_path, tmp_path, capsys):
    assert run(capsys, "--db", db_path, "init")[0] == 0
    text = "Ưu điểm thứ nhất.\nƯu điểm thứ hai."
    (tmp_path / "uu-diem.txt").write_text(text, encoding="utf-8")
    code, out, err = run(capsys, "--db", db_path, "closing", "set", "strengths",
                         f"@{tmp_path / 'uu-diem.txt'}", "directions", "Duy trì hằng năm.")
    assert code == 0, err
    assert "Đã lưu «strengths»" in out and "Đã lưu «directions»" in out
    db = connect(db_path)
    try:
        event = events.get(db, 2020)
        assert event["assess_strengths"] == text
        assert event["next_directions"] == "Duy trì hằng năm."
        audits = db.execute("select count(*) from audit_log where table_name = 'events' "
                            "and action = 'update'").fetchone()[0]
        assert audits == 1  # one save, one audit row
    finally:
        db.conn.close()
    code, out, _ = run(capsys, "--db", db_path, "closing", "show", "--year", "2020")
    assert code == 0
    assert "== strengths (IV.1 Ưu điểm)\nƯu điểm thứ nhất.\nƯu điểm thứ hai." in out
    # a text not written yet shows the suggestion, marked
    assert "== overview" in out and "(chưa viết; gợi ý:)" in out
    assert "Lễ khai mạc theo Kế hoạch" in out


@pytest.mark.parametrize("argv,message", [
    (["nonsense", "x"], "nonsense"),
    (["strengths"], ""),
    (["strengths", "@/khong/co/tep.txt"], "Không đọc được tệp"),
    (["strengths", "ok", "weaknesses", "a" * (closing.MAX_SECTION + 1)], "tối đa"),
])
def test_closing_set_refuses_and_writes_nothing(db_path, capsys, argv, message):
    assert run(capsys, "--db", db_path, "init")[0] == 0
    code, _out, err = run(capsys, "--db", db_path, "closing", "set", *argv)
    assert code == 1
    assert message in err
    db = connect(db_path)
    try:
        event = events.get(db, 2020)
        assert event["assess_strengths"] is None and event["assess_weaknesses"] is None
    finally:
        db.conn.close()
