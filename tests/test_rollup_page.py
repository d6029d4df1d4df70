"""The committee page «Tổng hợp báo cáo cấp dưới» and the dashboard's section under
AppTest (issue 15 item 4): upload, all or nothing with Vietnamese line-precise errors, a
newer file replaces only after the confirm button; the dashboard shows the sub-organisers
beside the own units only when there are some."""
import pytest

from core import texts
from db import connect, export, rollup
from tests.conftest import make_user
from tests.stats_fixture import build_week

KEY = "rollup_files"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture(autouse=True)
def admin_exists(admin):
    return admin


@pytest.fixture(scope="module")
def lower_books(tmp_path_factory):
    """Two exports (older, newer) of a ward's week and one of another ward."""
    from db.setup import prepare

    out = {}
    for name, seed in (("UBND phường Ngọc Hà", "a"), ("UBND phường Kim Mã", "b")):
        path = tmp_path_factory.mktemp(seed) / "llw.db"
        db = prepare(path)
        build_week(db)
        db.execute("update events set organiser_name = ?, organiser_level = 'xa'", [name])
        event_id = db.execute("select id from events").fetchone()[0]
        out[name] = [export.xlsx(db, event_id)]
        if seed == "a":  # no pause needed: generated_at has microseconds
            out[name].append(export.xlsx(db, event_id))
        db.conn.close()
    return out


def open_rollup(app_for, actor):
    at = app_for(actor)
    at.switch_page("app_pages/committee_rollup.py").run()
    assert not at.exception, at.exception
    return at


def upload(at, files):
    at.file_uploader(key=KEY).set_value([(n, d, XLSX) for n, d in files]).run()
    at.button[0].click().run()
    assert not at.exception, at.exception
    return at


def stored(db_path):
    db = connect(db_path)
    try:
        return db.execute("select organiser, generated_at from suborg_reports "
                          "order by organiser").fetchall()
    finally:
        db.conn.close()


def test_unit_user_is_refused(app_for, unit_user):
    from streamlit.testing.v1 import AppTest

    from tests.conftest import ROOT

    at = app_for(unit_user)
    with pytest.raises(ValueError):  # not registered for a unit: unreachable by URL
        at.switch_page("app_pages/committee_rollup.py")
    at = AppTest.from_file(str(ROOT / "app_pages" / "committee_rollup.py"), default_timeout=60)
    at.session_state["actor"] = unit_user
    at.run()
    assert [e.value for e in at.error] == [texts.PAGE_FORBIDDEN]
    assert not at.file_uploader


def test_committee_imports_two_wards_and_sees_them(app_for, db, db_path, lower_books):
    committee = make_user(db, "bcd", "committee")
    at = open_rollup(app_for, committee)
    assert texts.ROLLUP_EMPTY.format(year=2020) in [i.value for i in at.info]
    uploader = at.file_uploader(key=KEY)
    assert uploader.accept_multiple_files and list(uploader.allowed_type) == []
    upload(at, [("ngoc-ha.xlsx", lower_books["UBND phường Ngọc Hà"][0]),
                ("kim-ma.xlsx", lower_books["UBND phường Kim Mã"][0])])
    assert [s.value for s in at.success] == [texts.ROLLUP_DONE.format(n=2)]
    assert [r[0] for r in stored(db_path)] == ["UBND phường Kim Mã", "UBND phường Ngọc Hà"]
    table = at.dataframe[0].value
    assert list(table[texts.ROLLUP_COLS["organiser"]]) == ["UBND phường Kim Mã",
                                                           "UBND phường Ngọc Hà"]


def test_a_bad_file_refuses_the_whole_batch(app_for, db, db_path, lower_books):
    committee = make_user(db, "bcd", "committee")
    at = open_rollup(app_for, committee)
    upload(at, [("ngoc-ha.xlsx", lower_books["UBND phường Ngọc Hà"][0]),
                ("ghi-chu.xlsx", b"day khong phai bang tinh")])
    (error,) = at.error
    assert error.value.startswith(texts.ROLLUP_ERRORS)
    assert "ghi-chu.xlsx" in error.value and "không đọc được như tệp Excel" in error.value
    assert stored(db_path) == []


def test_newer_file_replaces_only_after_confirmation(app_for, db, db_path, lower_books):
    committee = make_user(db, "bcd", "committee")
    older, newer = lower_books["UBND phường Ngọc Hà"]
    at = open_rollup(app_for, committee)
    upload(at, [("cu.xlsx", older)])
    first = stored(db_path)
    upload(at, [("moi.xlsx", newer)])
    assert stored(db_path) == first  # not yet
    (warning,) = at.warning
    assert warning.value.startswith(texts.ROLLUP_REPLACE_WARNING) and "moi.xlsx" in warning.value
    at.button(key="rollup_confirm").click().run()
    assert not at.exception, at.exception
    assert [s.value for s in at.success] == [texts.ROLLUP_DONE.format(n=1)]
    assert not at.warning
    assert len(stored(db_path)) == 1 and stored(db_path) != first
    # the older file after the newer one: refused
    upload(at, [("cu.xlsx", older)])
    assert "cũ hơn" in at.error[0].value
    assert len(stored(db_path)) == 1 and stored(db_path) != first


def test_dashboard_shows_sub_organisations_only_when_there_are_some(app_for, db, db_path,
                                                                     lower_books):
    from db import Actor

    committee = make_user(db, "bcd", "committee")
    build_week(db)
    at = app_for(committee)
    at.switch_page("app_pages/committee_dashboard.py").run()
    assert not at.exception, at.exception
    assert texts.ROLLUP_DASH_HEADING not in [h.value for h in at.subheader]
    report = rollup.read_file(lower_books["UBND phường Kim Mã"][0], "kim-ma.xlsx")
    rollup.import_reports(db, Actor.system("test"), 1, [report])
    at.run()
    assert not at.exception, at.exception
    assert texts.ROLLUP_DASH_HEADING in [h.value for h in at.subheader]
    table = at.dataframe[-1].value
    names = list(table[texts.ROLLUP_COLS["organiser"]])
    assert names[1:] == ["UBND phường Kim Mã", texts.ROLLUP_TOTAL_ROW]
    activities = list(table[texts.ROLLUP_COLS["activities"]])
    assert activities[-1] == activities[0] + activities[1]
    assert activities[1] == report.totals["activities"]


def store_bad_report(db, value):
    """A stored report whose figure is out of bounds (a release without the checks of issue
    25, or an edit in the database)."""
    import json

    from core import rollup as core

    totals = {k: 1 for k in core.SHEET_TOTALS}
    totals["activities"] = value
    with db.conn:
        db.conn.execute(
            "insert into suborg_reports (event_id, organiser, organiser_key, level, year, "
            "schema_version, generated_at, content_hash, file_name, data, imported_at) "
            "values (1, 'UBND xã Hỏng', 'ubnd xã hỏng', 'xa', 2020, 1, "
            "'2020-10-08T00:00:00+00:00', 'x', 'hong.xlsx', ?, '2020-10-08T00:00:00+00:00')",
            [json.dumps({"totals": totals, "tables": {}})])


@pytest.mark.parametrize("value", [10**60, 1.7e308, float("nan")])
def test_dashboard_survives_a_stored_bad_value_and_says_so(app_for, db, lower_books, value):
    from db import Actor

    committee = make_user(db, "bcd", "committee")
    build_week(db)
    report = rollup.read_file(lower_books["UBND phường Kim Mã"][0], "kim-ma.xlsx")
    rollup.import_reports(db, Actor.system("test"), 1, [report])
    store_bad_report(db, value)
    at = app_for(committee)
    at.switch_page("app_pages/committee_dashboard.py").run()
    assert not at.exception, at.exception
    assert texts.ROLLUP_DASH_HEADING in [h.value for h in at.subheader]
    assert any("UBND xã Hỏng" in w.value and "không được cộng" in w.value for w in at.warning)
    names = list(at.dataframe[-1].value[texts.ROLLUP_COLS["organiser"]])
    assert names[1:] == ["UBND phường Kim Mã", texts.ROLLUP_TOTAL_ROW]


def test_committee_removes_a_stored_report_on_the_page(app_for, db, db_path, lower_books):
    committee = make_user(db, "bcd", "committee")
    store_bad_report(db, 10**60)
    at = open_rollup(app_for, committee)
    upload(at, [("kim-ma.xlsx", lower_books["UBND phường Kim Mã"][0])])
    assert any("UBND xã Hỏng" in w.value for w in at.warning)
    remove = at.button(key="rollup_remove_button")
    assert remove.disabled  # nothing picked, not confirmed
    at.selectbox(key="rollup_remove_pick").select("UBND xã Hỏng").run()
    assert at.button(key="rollup_remove_button").disabled  # not confirmed yet
    at.checkbox(key="rollup_remove_sure").check().run()
    at.button(key="rollup_remove_button").click().run()
    assert not at.exception, at.exception
    assert [o for o, _g in stored(db_path)] == ["UBND phường Kim Mã"]
    assert texts.ROLLUP_REMOVE_DONE.format(name="UBND xã Hỏng") in [s.value for s in at.success]
    assert not any("UBND xã Hỏng" in w.value for w in at.warning)
    rows = db.execute("select action, user_id from audit_log where action = "
                      "'rollup_remove'").fetchall()
    assert rows == [("rollup_remove", committee.user_id)]


def test_dashboard_headline_is_the_whole_area_with_a_switch_to_own_units(app_for, db,
                                                                         lower_books):
    """Issue 22 item 1: with a lower level's report taken in, the seven figures are own +
    lower level (no change arrow: a file is not a stream); the switch shows the own units
    with their changes again."""
    from db import Actor, stats
    from tests.test_committee_pages import block_lines, kpi_tiles

    committee = make_user(db, "bcd", "committee")
    build_week(db)
    own = stats.summary(db, 1)["totals"]
    report = rollup.read_file(lower_books["UBND phường Kim Mã"][0], "kim-ma.xlsx")
    rollup.import_reports(db, Actor.system("test"), 1, [report])
    at = app_for(committee)
    at.switch_page("app_pages/committee_dashboard.py").run()
    assert not at.exception, at.exception
    tiles = kpi_tiles(at)
    whole = own["activities"] + report.totals["activities"]
    assert tiles[texts.DASH_KPI_ACTIVITIES][0] == str(whole)
    assert not tiles[texts.DASH_KPI_ACTIVITIES][1]
    units = own["units"] + report.totals["units"]
    with_data = own["units_with_data"] + report.totals["units_with_data"]
    assert tiles[texts.DASH_KPI_REPORTING][0] == f"{with_data}/{units}"
    assert texts.ROLLUP_DASH_WHOLE_NOTE in block_lines(at)
    at.toggle(key="dash_whole_area").set_value(True).run()
    assert not at.exception, at.exception
    tiles = kpi_tiles(at)
    assert tiles[texts.DASH_KPI_ACTIVITIES][0] == str(own["activities"])
    # the week of 2020 is over: no change figure, as on a dashboard without lower levels
    # (issue 20: the small figures compare with the previous day only while the week runs)
    assert not tiles[texts.DASH_KPI_ACTIVITIES][1]
