"""A unit deactivated after it entered counting entries (DESIGN §4, README «Số liệu»):
what happened counts — its entries stay in every entry total and breakdown — while the
unit figures (units, units with data, submitted, schools per tier, rates) count active
units only; the workbook's per-unit sheet lists it, marked, so that its rows add up to the
total row and to `manage.py stats --json`.

Expected figures are independent SQL counts over the raw tables, never db/stats.py."""
import contextlib
import io
import json

import pytest
from openpyxl import load_workbook

import manage
from core import report_texts, texts
from db import stats
from tests.stats_fixture import build_week, unit_id
from tests.test_workbook_totals import columns, table

COUNTING = "deleted = 0 and status != 'needs_fix'"
GONE = "THCS-THANGLONG"  # 2 counting activities (one held in another ward), 1 needs-fix


def run(db_path, *argv) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert manage.main(["--db", str(db_path), *map(str, argv)]) == 0
    return out.getvalue()


@pytest.fixture
def week(db, db_path):
    """The fixture week, THCS Thăng Long submitted, then deactivated by `deactivate-units`
    (the way an office replaces the seeded roster)."""
    event_id = build_week(db)
    db["report_submissions"].insert({"event_id": event_id, "unit_id": unit_id(db, GONE),
                                     "submitted_at": "2020-10-07T17:00:00+07:00"})
    run(db_path, "deactivate-units", GONE)
    assert db.execute("select active from units where code = ?", [GONE]).fetchone()[0] == 0
    return event_id


def sql(db, query, *params):
    return db.execute(query, params).fetchone()


def test_its_entries_stay_in_every_entry_total_and_breakdown(db, week):
    gone = unit_id(db, GONE)
    n, people, online = sql(db, f"select count(*), sum(participants), "
                                f"sum(online_participants) from activities "
                                f"where event_id = ? and {COUNTING}", week)
    entries, items = sql(db, f"select count(*), sum(quantity) from propaganda "
                             f"where event_id = ? and {COUNTING}", week)
    mine = sql(db, f"select count(*), sum(participants) from activities "
                   f"where unit_id = ? and {COUNTING}", gone)
    assert mine == (2, 150)  # the fixture gives the case something to lose
    s = stats.summary(db, week)
    t = s["totals"]
    assert (t["activities"], t["participants"], t["online_participants"]) == (n, people, online)
    assert (t["propaganda_entries"], t["propaganda_items"]) == (entries, items)
    # breakdowns: where it was held, its tier, day, type
    held_in_phuc_xa = sql(db, f"select count(*) from activities where event_id = ? and "
                              f"ward_code = '00001' and {COUNTING}", week)[0]
    assert next(w for w in s["by_ward"] if w["code"] == "00001")["activities"] == held_in_phuc_xa
    assert s["by_ward_total"]["activities"] == n
    thcs = next(r for r in s["by_tier"] if r["tier"] == "thcs")
    assert (thcs["activities"], thcs["participants"]) == mine
    assert sum(d["activities"] for d in s["by_day"]) == n
    assert sum(r["activities"] for r in s["by_type"]) == n
    assert sum(r["participants"] for r in s["by_type"]) == people
    assert sum(r["entries"] for r in s["by_channel"]) == entries
    board = stats.dashboard(db, week)
    assert sum(r["activities"] for r in board["ward_group"]) == n
    assert sum(r["activities"] for r in board["day_group"]) == n


def test_unit_figures_count_active_units_only(db, week):
    gone = unit_id(db, GONE)
    active = sql(db, "select count(*) from units where active = 1")[0]
    with_data = sql(db, f"""select count(*) from units u where u.active = 1 and u.id in (
        select unit_id from activities where event_id = ? and {COUNTING} union
        select unit_id from propaganda where event_id = ? and {COUNTING})""", week, week)[0]
    submitted = sql(db, "select count(*) from report_submissions rs join units u on "
                        "u.id = rs.unit_id and u.active = 1 where rs.event_id = ?", week)[0]
    t = stats.summary(db, week)["totals"]
    assert (t["units"], t["units_with_data"], t["reporting_units"], t["submitted_units"]) == \
        (active, with_data, with_data, submitted)
    assert t["units_with_data"] <= t["units"]
    assert t["reporting_rate"] == round(with_data / active, 4)
    # it has data and had submitted, yet counts in none of the unit figures
    assert (with_data, submitted) == (3, 0)
    assert sql(db, "select count(*) from report_submissions where unit_id = ?", gone)[0] == 1
    thcs = next(r for r in stats.summary(db, week)["by_tier"] if r["tier"] == "thcs")
    assert (thcs["schools"], thcs["reporting_schools"], thcs["submitted_schools"]) == (0, 0, 0)
    cong_vi = next(w for w in stats.summary(db, week)["by_ward"] if w["code"] == "00007")
    assert cong_vi["reporting_units"] <= cong_vi["units"]
    assert cong_vi["reporting_units"] == 0  # its only reporting unit was THCS Thăng Long


def test_the_per_unit_sheet_adds_up_and_marks_the_deactivated_unit(db, db_path, week,
                                                                     tmp_path):
    out = tmp_path / "export.xlsx"
    run(db_path, "export", "--out", out)
    printed = json.loads(run(db_path, "stats", "--json"))["totals"]
    header, rows, after = table(load_workbook(out), "units")
    rows = columns(header, rows)
    total = dict(zip(header, after[0]))
    n = sql(db, f"select count(*) from activities where event_id = ? and {COUNTING}", week)[0]
    entries = sql(db, f"select count(*) from propaganda where event_id = ? and {COUNTING}",
                  week)[0]
    active = sql(db, "select count(*) from units where active = 1")[0]
    # the rows add up to the total row, to `stats --json` and to the raw counts
    assert sum(r["Số hoạt động"] for r in rows) == total["Số hoạt động"] \
        == printed["activities"] == n
    assert sum(r["Số mục tuyên truyền"] for r in rows) == total["Số mục tuyên truyền"] \
        == printed["propaganda_entries"] == entries
    # the unit counts stay those of the active units
    # (the count is in the label column, STT empty: issue 22 item 7)
    assert total["STT"] is None
    assert total["Tên đơn vị"] == texts.WB_TOTAL_UNITS.format(n=printed["units"])
    assert printed["units"] == active == max(r["STT"] or 0 for r in rows)
    assert sum(r["Có số liệu"] == texts.WB_YES for r in rows) == total["Có số liệu"] \
        == printed["units_with_data"]
    assert sum(r["Đã nộp báo cáo"] == texts.WB_YES for r in rows) == total["Đã nộp báo cáo"] \
        == printed["submitted_units"] == 0
    # the deactivated unit: last, no STT, marked, its own counts
    gone = rows[-1]
    assert (gone["Mã đơn vị"], gone["STT"], gone["Có số liệu"], gone["Đã nộp báo cáo"],
            gone["Số hoạt động"], gone["Số mục tuyên truyền"]) == (
        GONE, None, texts.WB_UNIT_DEACTIVATED, texts.WB_NOT_A_UNIT, 2, 0)
    # THPT-CU (deactivated, no entries) is not listed; every active unit is, once
    codes = [r["Mã đơn vị"] for r in rows]
    assert "THPT-CU" not in codes and len(codes) == len(set(codes)) == active + 1
    notes = [c.value for row in load_workbook(out)[texts.WB_SHEETS["units"]].iter_rows(
        max_row=2) for c in row if c.value]
    assert texts.WB_NOTE_UNITS_DEACTIVATED.format(n=1) in notes


def test_without_a_deactivated_unit_with_entries_the_sheet_is_as_before(db, db_path,
                                                                          tmp_path):
    """THPT-CU is deactivated but has no entries: no extra row, no extra note."""
    build_week(db)
    out = tmp_path / "export.xlsx"
    run(db_path, "export", "--out", out)
    header, rows, _after = table(load_workbook(out), "units")
    assert all(r["STT"] is not None for r in columns(header, rows))
    notes = [c.value for row in load_workbook(out)[texts.WB_SHEETS["units"]].iter_rows(
        max_row=2) for c in row if c.value]
    assert notes[0] == texts.WB_NOTE_UNITS and "STT" in notes  # the header follows the note


def closing_pdf_text(db, event_id) -> str:
    from datetime import date

    from pypdf import PdfReader

    from core import closing_report
    from db import events, report_data

    event = events.get(db, 2020)
    assert event["id"] == event_id
    pdf = closing_report.build_pdf(report_data.gather(db, event, issued_on=date(2020, 10, 8)))
    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)


def test_the_closing_reports_appendix_lists_it_marked_and_adds_up(db, week):
    import re

    text = closing_pdf_text(db, week)
    appendix = text[text.index("PHỤ LỤC"):]
    rows = [re.search(r" (\d+) (\d+) (Có|Không|Ngừng HĐ) ", line + " ")
            for line in appendix.splitlines()]
    rows = [(int(m[1]), int(m[2]), m[3]) for m in rows if m]
    n = sql(db, f"select count(*) from activities where event_id = ? and {COUNTING}", week)[0]
    entries = sql(db, f"select count(*) from propaganda where event_id = ? and {COUNTING}",
                  week)[0]
    active = sql(db, "select count(*) from units where active = 1")[0]
    assert (sum(r[0] for r in rows), sum(r[1] for r in rows)) == (n, entries)
    assert [r for r in rows if r[2] == "Ngừng HĐ"] == [(2, 0, "Ngừng HĐ")]
    assert len(rows) == active + 1
    assert report_texts.APPENDIX_DEACTIVATED_LEGEND[:40] in " ".join(appendix.split())
    # Cống Vị's group row counts its active units only (THCS Thăng Long is listed in it)
    cong_vi = sql(db, "select count(*) from units where active = 1 and ward_code = '00007'")[0]
    assert f"Cống Vị ({cong_vi} đơn vị)" in appendix


def test_the_appendix_summary_by_ward_counts_its_entries_not_the_unit(db, week,
                                                                       monkeypatch):
    """Above APPENDIX_MAX_UNITS the appendix is a table by ward: the deactivated unit's
    entries are in its ward's activities, not in its units."""
    import re

    from core import closing_report

    monkeypatch.setattr(closing_report, "APPENDIX_MAX_UNITS", 5)
    text = closing_pdf_text(db, week)
    appendix = " ".join(text[text.index("PHỤ LỤC"):].split())
    units = sql(db, "select count(*) from units where active = 1 and ward_code = '00007'")[0]
    acts = sql(db, f"""select count(*) from activities a join units u on u.id = a.unit_id
                       where a.event_id = ? and u.ward_code = '00007' and
                       a.deleted = 0 and a.status != 'needs_fix'""", week)[0]
    assert acts == 2  # THCS Thăng Long's, one held in Phúc Xá
    assert re.search(rf"Cống Vị {units} {acts} 0 0 0", appendix), appendix[:2000]
    assert report_texts.render(report_texts.APPENDIX_DEACTIVATED_SUMMARY, n=1)[:40] in appendix
