"""Issue 24 deliver 3: a city's figures are its wards' figures, live. A city and its wards
in one installation (db/directory.py), each ward with its own 2026 week, units and
entries: the city's `stats --json` totals are the wards' sums, exactly what taking in the
wards' workbooks gives; a write in a ward shows on the next read; sample data, a
grandchild, a ward without the year's week, a file report of a live ward; the city reads
its wards read-only, and a refresh with nothing changed recomputes no ward."""
import json
import sqlite3
import time

import pytest

import manage
from core import rollup as core
from core import texts
from db import Actor, connect, demo, directory, entries, events, export, live_rollup, new_week
from db import report_data, rollup, stats, units
from db.setup import prepare

SYSTEM = Actor.system("test")
YEAR = 2026
CITY = ("ha-noi", "UBND thành phố Hà Nội", "tinh")
WARDS = {  # key: name, [(unit code, kind, tier)], [(unit, type, participants)], propaganda
    "ba-dinh": ("UBND phường Ba Đình", [("BD-TH", "school", "tieu_hoc"),
                                        ("BD-THCS", "school", "thcs")],
                [("BD-TH", "library", 120), ("BD-THCS", "sports", 80), ("BD-TH", "oer", 45)],
                [("BD-TH", "banner", 3)]),
    "ngoc-ha": ("UBND phường Ngọc Hà", [("NH-TH", "school", "tieu_hoc"),
                                        ("NH-MN", "school", "mam_non"),
                                        ("NH-TV", "library", None)],
                [("NH-TH", "contest", 200)],
                [("NH-MN", "facebook", 5), ("NH-TH", "banner", 2)]),
}


@pytest.fixture(autouse=True)
def fresh_cache():
    live_rollup.clear_cache()
    yield
    live_rollup.clear_cache()


def week(path, year=YEAR) -> dict:
    """An empty week of `year` in the organiser's own file (db/new_week) with two areas
    (residential groups) of its own (db/areas)."""
    from db import areas

    db = connect(path)
    try:
        new_week.create(db, SYSTEM, year, empty=True)
        event = events.get(db, year)
        areas.save_areas(db, SYSTEM, event["id"], [
            {"code": "TDP-01", "name": "Tổ dân phố số 1", "row": 1, "col": 1},
            {"code": "TDP-02", "name": "Tổ dân phố số 2", "row": 1, "col": 2}])
        return event
    finally:
        db.conn.close()


def fill(path, unit_rows, activities, propaganda, year=YEAR) -> None:
    """The ward's units (in its week's roster) and entries, through db/units and
    db/entries as the pages write them."""
    db = connect(path)
    try:
        event = events.get(db, year)
        day = event["start_date"]
        ids = {code: unit_id for unit_id, code in db.execute("select id, code from units")}
        for code, kind, tier in unit_rows:
            ids[code] = units.create(db, SYSTEM, {"code": code, "name": f"Đơn vị {code}",
                                                  "kind": kind, "tier": tier or "",
                                                  "ward_code": "TDP-01"},
                                     event_id=event["id"])
        for code, type_, people in activities:
            entries.create_activity(db, SYSTEM, event["id"], ids[code], {
                "type": type_, "title": "Hoạt động", "start_date": day, "end_date": day,
                "format": "truc_tiep", "participants": str(people),
                "online_participants": "0"})
        for code, channel, quantity in propaganda:
            entries.create_propaganda(db, SYSTEM, event["id"], ids[code], {
                "channel": channel, "quantity": str(quantity), "date": day})
    finally:
        db.conn.close()


def add_ward(root, key, parent=CITY[0], level="xa", name=None, with_week=True):
    name = name or WARDS[key][0]
    record = directory.add(root, key, name, level, parent_key=parent)
    if with_week:
        week(record.file)
        if key in WARDS:
            fill(record.file, *WARDS[key][1:])
    return record


@pytest.fixture
def city(tmp_path):
    """A city (the installation's first organiser, the --db file) and two wards."""
    root = tmp_path / "llw.db"
    prepare(root).conn.close()
    directory.add(root, *CITY)
    week(root)
    for key in WARDS:
        add_ward(root, key)
    return root


def run(capsys, *argv):
    code = manage.main([str(a) for a in argv])
    out = capsys.readouterr()
    assert code == 0, out.err
    return out.out


def stats_json(capsys, path):
    return json.loads(run(capsys, "--db", path, "stats", "--json", "--year", YEAR))


def own_totals(path):
    db = connect(path)
    try:
        return stats.summary(db, events.get(db, YEAR)["id"])["totals"]
    finally:
        db.conn.close()


def ward_files(root):
    return {r.key: r.file for r in directory.records(root) if r.parent_key}


# --- the city's figures ----------------------------------------------------------------------

def test_city_stats_json_totals_are_the_two_wards_sums_with_both_listed(city, capsys):
    figures = stats_json(capsys, city)
    wards = [own_totals(path) for path in ward_files(city).values()]
    assert wards[0]["activities"] == 3 and wards[1]["activities"] == 1  # real figures
    for key in core.ADDITIVE_TOTALS:
        assert figures["totals"][key] == figures["own_totals"][key] + sum(
            w[key] for w in wards), key
    assert figures["totals"]["participants"] == 120 + 80 + 45 + 200
    assert figures["totals"]["units"] == 5
    listed = figures["suborganisations"]
    assert [s["organiser"] for s in listed] == ["UBND phường Ba Đình", "UBND phường Ngọc Hà"]
    assert [s["key"] for s in listed] == ["ba-dinh", "ngoc-ha"]
    assert all(s["live"] and s["state"] == "draft" and not s["sample"] for s in listed)
    assert all(s["year"] == YEAR and s["generated_at"] for s in listed)
    for item, ward in zip(listed, wards):
        assert {k: item["totals"][k] for k in core.ADDITIVE_TOTALS} == {
            k: ward[k] for k in core.ADDITIVE_TOTALS}
    assert figures["totals"]["reporting_rate"] == round(
        figures["totals"]["reporting_units"] / figures["totals"]["units"], 4)


def test_city_totals_equal_importing_the_two_wards_workbooks(city, tmp_path, capsys):
    """The same wards taken in by their workbooks' roll-up sheets (db/rollup.import_reports)
    by a city in another installation: the exact same numbers."""
    reports = []
    for key, path in ward_files(city).items():
        db = connect(path)
        try:
            db.execute("update events set organiser_name = ?", [WARDS[key][0]])
            data = export.xlsx(db, events.get(db, YEAR)["id"])
        finally:
            db.conn.close()
        reports.append(rollup.read_file(data, f"{key}.xlsx"))
    elsewhere = tmp_path / "elsewhere" / "llw.db"
    elsewhere.parent.mkdir()
    prepare(elsewhere).conn.close()
    week(elsewhere)
    db = connect(elsewhere)
    try:
        rollup.import_reports(db, SYSTEM, events.get(db, YEAR)["id"], reports)
    finally:
        db.conn.close()
    live, by_file = stats_json(capsys, city), stats_json(capsys, elsewhere)
    assert live["totals"] == by_file["totals"]
    assert [s["totals"] for s in live["suborganisations"]] == [
        s["totals"] for s in by_file["suborganisations"]]
    assert [s["content_hash"] != "" for s in live["suborganisations"]] == [True, True]


def test_a_write_in_a_ward_shows_in_the_citys_figures_on_the_next_read(city, capsys):
    before = stats_json(capsys, city)["totals"]
    fill(ward_files(city)["ngoc-ha"], [("NH-THCS", "school", "thcs")],
         [("NH-THCS", "library", 33)], [])
    after = stats_json(capsys, city)["totals"]
    assert after["activities"] == before["activities"] + 1
    assert after["participants"] == before["participants"] + 33
    assert after["units"] == before["units"] + 1


def load_sample(path) -> None:
    """`manage.py demo`'s sample units and entries in one ward's 2026 week."""
    ward = connect(path)
    try:
        demo.load(ward, SYSTEM, units=3, activities=12, seed=7, year=YEAR, accounts=False,
                  with_real=True)
    finally:
        ward.conn.close()


def test_a_ward_with_sample_data_makes_the_citys_figures_say_sample(city, capsys):
    db = connect(city)
    try:
        event_id = events.get(db, YEAR)["id"]
        assert not rollup.holds_sample(db, event_id)
    finally:
        db.conn.close()
    load_sample(ward_files(city)["ba-dinh"])
    figures = stats_json(capsys, city)
    sample = {s["key"]: s["sample"] for s in figures["suborganisations"]}
    assert sample == {"ba-dinh": True, "ngoc-ha": False}
    db = connect(city)
    try:
        assert rollup.holds_sample(db, event_id)
        rows = rollup.sheet_rows(db, event_id)  # the city's own sheet tells the level above
    finally:
        db.conn.close()
    assert ["meta", "sample", "", "", 1] in rows


def test_the_citys_final_report_is_refused_while_a_ward_holds_sample_data(city, capsys):
    from core import closing_report

    load_sample(ward_files(city)["ba-dinh"])
    db = connect(city)
    try:
        data = report_data.gather_status(db, events.get(db, YEAR))
        missing = closing_report.missing(data)
    finally:
        db.conn.close()
    assert any("UBND phường Ba Đình" in line and "dữ liệu mẫu" in line for line in missing)
    assert not any("Ngọc Hà" in line for line in missing)
    out = city.parent / "final.pdf"
    code = manage.main(["--db", str(city), "report", "--year", str(YEAR), "--final",
                        "--out", str(out)])
    assert code == 1 and not out.exists()


def test_a_grandchild_adds_up_through_its_parent(city, capsys):
    district = add_ward(city, "dong-da", level="huyen", name="UBND quận Đống Đa")
    add_ward(city, "kim-lien", parent="dong-da", name="UBND phường Kim Liên")
    fill(district.file, [("DD-THPT", "school", "thpt")], [("DD-THPT", "arts", 70)], [])
    fill(ward_files(city)["kim-lien"], [("KL-TH", "school", "tieu_hoc")],
         [("KL-TH", "library", 11), ("KL-TH", "sports", 12)], [])
    figures = stats_json(capsys, city)
    listed = {s["key"]: s for s in figures["suborganisations"]}
    assert list(listed) == ["ba-dinh", "dong-da", "ngoc-ha"]  # children only, by key
    assert listed["dong-da"]["totals"]["participants"] == 70 + 11 + 12
    assert listed["dong-da"]["totals"]["units"] == 2
    district_json = stats_json(capsys, district.file)
    assert district_json["totals"] == {k: v for k, v in listed["dong-da"]["totals"].items()}
    assert figures["totals"]["participants"] == 120 + 80 + 45 + 200 + 70 + 11 + 12


def test_a_child_without_the_years_week_is_listed_and_not_summed(city, capsys):
    add_ward(city, "tay-ho", name="UBND phường Tây Hồ", with_week=False)
    figures = stats_json(capsys, city)
    listed = {s["key"]: s for s in figures["suborganisations"]}
    assert listed["tay-ho"]["state"] == "no_week"
    assert listed["tay-ho"]["state_label"] == "chưa có tuần"
    assert listed["tay-ho"]["totals"] is None
    assert figures["totals"]["units"] == 5  # the two wards' units only
    db = connect(city)
    try:
        rows = rollup.sheet_rows(db, events.get(db, YEAR)["id"])
    finally:
        db.conn.close()
    assert ["meta", "suborganisations", "", "", 2] in rows  # the summed ones


def test_a_wards_week_of_another_year_is_not_summed(city, capsys):
    db = connect(ward_files(city)["ba-dinh"])
    try:
        new_week.create(db, SYSTEM, YEAR + 1, empty=True)
    finally:
        db.conn.close()
    figures = stats_json(capsys, city)  # the city's 2026: Ba Đình's 2026, not its 2027
    assert figures["suborganisations"][0]["totals"]["activities"] == 3


def test_the_citys_connection_to_a_ward_is_read_only(city, monkeypatch):
    """Every connection the city opens to a ward refuses a write in SQLite itself."""
    opened, refused = [], []
    real = directory.connect_readonly

    def spy(path):
        conn = real(path)
        opened.append(path)
        try:
            conn.execute("insert into audit_log (at, action, table_name) values "
                         "('2026-01-01', 'x', 'y')")
        except sqlite3.OperationalError as error:
            refused.append(str(error))
        return conn

    monkeypatch.setattr(directory, "connect_readonly", spy)
    db = connect(city)
    try:
        assert len(rollup.suborganisations(db, events.get(db, YEAR)["id"])) == 2
    finally:
        db.conn.close()
    assert opened and len(refused) == len(opened)
    assert all("readonly" in message for message in refused)
    for path in ward_files(city).values():
        ward = connect(path)
        try:
            assert ward.execute("select count(*) from audit_log where action = 'x'"
                                ).fetchone()[0] == 0
        finally:
            ward.conn.close()


def test_a_wards_state_follows_its_closing_report_even_through_the_cache(city):
    """«final» once the ward's closing report may be final; a unit's new nomination waiting
    for a decision makes it a draft again on the next read (nominations are not in the
    figures counter: the audit row in the stamp catches it)."""
    from db import closing, commendations, nominations

    path = ward_files(city)["ba-dinh"]
    ward = connect(path)
    try:
        event_id = events.get(ward, YEAR)["id"]
        closing.save_sections(ward, SYSTEM, event_id, {
            key: "Đã viết." for key in ("assess_strengths", "assess_weaknesses",
                                        "assess_proposals", "next_directions")})
        commendations.add_commendation(ward, SYSTEM, event_id, {
            "category": "to_chuc_tot", "recipient_name": "Trường Tiểu học Ba Đình",
            "rationale": "Tổ chức tốt."})
        closing.decide_commendations(ward, SYSTEM, event_id)
    finally:
        ward.conn.close()
    db = connect(city)
    try:
        city_event = events.get(db, YEAR)["id"]

        def states():
            return {s["key"]: s["state"] for s in rollup.suborganisations(db, city_event)}

        assert states() == {"ba-dinh": "final", "ngoc-ha": "draft"}
        ward = connect(path)
        try:
            unit = ward.execute("select id from units where code = 'BD-TH'").fetchone()[0]
            nominations.create(ward, SYSTEM, event_id, unit, {
                "nominee_kind": "person", "nominee_name": "Nguyễn Văn A",
                "category": "tu_hoc", "achievement": "Tự học suốt đời."})
        finally:
            ward.conn.close()
        assert states() == {"ba-dinh": "draft", "ngoc-ha": "draft"}
    finally:
        db.conn.close()


# --- mixed with file reports -------------------------------------------------------------------

def ward_report(path, name, tmp_name):
    db = connect(path)
    try:
        db.execute("update events set organiser_name = ?", [name])
        return rollup.read_file(export.xlsx(db, events.get(db, YEAR)["id"]), tmp_name)
    finally:
        db.conn.close()


def test_a_file_report_of_another_installation_adds_to_the_live_wards(city, tmp_path,
                                                                        capsys):
    other = tmp_path / "other" / "llw.db"
    other.parent.mkdir()
    prepare(other).conn.close()
    week(other)
    fill(other, [("SS-TH", "school", "tieu_hoc")], [("SS-TH", "library", 9)], [])
    report = ward_report(other, "UBND xã Sóc Sơn", "soc-son.xlsx")
    db = connect(city)
    try:
        rollup.import_reports(db, SYSTEM, events.get(db, YEAR)["id"], [report])
    finally:
        db.conn.close()
    figures = stats_json(capsys, city)
    assert [s["organiser"] for s in figures["suborganisations"]] == [
        "UBND xã Sóc Sơn", "UBND phường Ba Đình", "UBND phường Ngọc Hà"]
    assert [bool(s.get("live")) for s in figures["suborganisations"]] == [False, True, True]
    assert figures["totals"]["participants"] == 120 + 80 + 45 + 200 + 9


def taken_in_before_listed(city, report) -> None:
    """The ward's workbook taken in by the city while the ward was not yet in the
    directory (the directory set aside for the import), as happens when a city moves its
    wards onto its server after the first files came in."""
    listed = directory.directory_path(city)
    aside = listed.with_name("organisers.aside")
    listed.rename(aside)
    live_rollup.clear_cache()
    db = connect(city)
    try:
        rollup.import_reports(db, SYSTEM, events.get(db, YEAR)["id"], [report])
    finally:
        db.conn.close()
        aside.rename(listed)
        live_rollup.clear_cache()


def test_a_workbook_of_a_live_ward_is_refused_as_already_summed(city):
    report = ward_report(ward_files(city)["ngoc-ha"], "UBND phường Ngọc Hà", "ngoc-ha.xlsx")
    db = connect(city)
    try:
        event_id = events.get(db, YEAR)["id"]
        with pytest.raises(core.RollupError) as refused:
            rollup.import_reports(db, SYSTEM, event_id, [report])
        assert rollup.stored(db, event_id) == []
    finally:
        db.conn.close()
    assert "UBND phường Ngọc Hà" in str(refused.value.errors) and "trực tiếp" in str(
        refused.value.errors)


def test_a_file_report_naming_a_live_ward_is_left_out_and_the_live_figures_win(city,
                                                                                capsys):
    path = ward_files(city)["ngoc-ha"]
    report = ward_report(path, "UBND phường Ngọc Hà", "ngoc-ha.xlsx")
    fill(path, [("NH-THCS", "school", "thcs")], [("NH-THCS", "library", 33)], [])
    taken_in_before_listed(city, report)
    db = connect(city)
    try:
        event_id = events.get(db, YEAR)["id"]
        assert rollup.superseded(db, event_id) == [("UBND phường Ngọc Hà",
                                                    "UBND phường Ngọc Hà")]
    finally:
        db.conn.close()
    figures = stats_json(capsys, city)
    assert [s["organiser"] for s in figures["suborganisations"]] == [
        "UBND phường Ba Đình", "UBND phường Ngọc Hà"]  # once, the live one
    assert figures["suborganisations"][1]["live"]
    assert figures["totals"]["participants"] == 120 + 80 + 45 + 200 + 33  # not the file's


# --- the report, the workbook, the dashboard ----------------------------------------------------

def test_closing_report_and_workbook_of_the_city_include_the_live_wards(city, capsys):
    figures = stats_json(capsys, city)
    db = connect(city)
    try:
        event = events.get(db, YEAR)
        subs = report_data.lower_levels(db, event["id"])
        rows = rollup.sheet_rows(db, event["id"])
    finally:
        db.conn.close()
    assert [s["organiser"] for s in subs] == ["UBND phường Ba Đình", "UBND phường Ngọc Hà"]
    tiers = {k: v["activities"] for k, v in subs[1]["tables"]["by_tier"].items()}
    assert tiers["tieu_hoc"] == 1 and tiers["mam_non"] == 0
    assert subs[0]["tables"]["by_type"]["library"]["participants"] == 120
    sheet = {(r[0], r[1]): r[4] for r in rows}
    for key in core.SHEET_TOTALS:
        assert sheet[("totals", key)] == figures["totals"][key], key


def test_closing_pdf_of_the_city_names_the_live_wards(city):
    from core import closing_report
    from tests.test_closing_pdf import pdf_text

    db = connect(city)
    try:
        data = report_data.gather(db, events.get(db, YEAR))
    finally:
        db.conn.close()
    text, _pages = pdf_text(closing_report.build_pdf(data))
    assert "UBND phường Ba Đình" in text and "UBND phường Ngọc Hà" in text


def city_page(city, monkeypatch, app_for, page):
    """The city committee's page under AppTest (the app bound to the city's file)."""
    from tests.conftest import make_user

    monkeypatch.setenv("LLW_DB", str(city))
    db = connect(city)
    try:
        make_user(db, "quan.tri.thanh.pho", "admin")  # past the first-run page
        committee = make_user(db, "bcd.thanh.pho", "committee")
    finally:
        db.conn.close()
    at = app_for(committee)
    at.switch_page(f"app_pages/{page}").run()
    assert not at.exception, at.exception
    return at


def test_city_dashboard_lists_the_live_wards_with_state_and_the_one_without_a_week(
        city, monkeypatch, app_for):
    add_ward(city, "tay-ho", name="UBND phường Tây Hồ", with_week=False)
    at = city_page(city, monkeypatch, app_for, "committee_dashboard.py")
    assert texts.ROLLUP_DASH_HEADING in [h.value for h in at.subheader]
    table = at.dataframe[-1].value
    names = list(table[texts.ROLLUP_COLS["organiser"]])
    assert names[1:] == ["UBND phường Ba Đình", "UBND phường Ngọc Hà", texts.ROLLUP_TOTAL_ROW,
                         "UBND phường Tây Hồ"]
    states = list(table[texts.LIVE_ROLLUP_COL_STATE])
    assert states[1:3] == ["Dự thảo", "Dự thảo"] and states[4] == "chưa có tuần"
    activities = list(table[texts.ROLLUP_COLS["activities"]])
    assert activities[3] == activities[0] + 3 + 1
    assert texts.LIVE_ROLLUP_TABLE_NOTE in [c.value for c in at.caption]


# --- cost --------------------------------------------------------------------------------------

def test_a_refresh_with_nothing_changed_recomputes_no_ward_and_a_write_one(city):
    db = connect(city)
    try:
        event_id = events.get(db, YEAR)["id"]
        rollup.suborganisations(db, event_id)
        assert live_rollup.cache_info()["computed"] == 2
        rollup.suborganisations(db, event_id)
        info = live_rollup.cache_info()
        assert info["computed"] == 2 and info["hits"] == 2
        fill(ward_files(city)["ba-dinh"], [], [], [("BD-THCS", "zalo", 1)])
        subs = rollup.suborganisations(db, event_id)
        info = live_rollup.cache_info()
        assert info["computed"] == 3 and info["hits"] == 3  # Ngọc Hà from the cache
        assert subs[0]["totals"]["propaganda_entries"] == 2
    finally:
        db.conn.close()


def test_a_grandchilds_write_reaches_the_city_through_the_cache(city):
    add_ward(city, "dong-da", level="huyen", name="UBND quận Đống Đa")
    add_ward(city, "kim-lien", parent="dong-da", name="UBND phường Kim Liên")
    db = connect(city)
    try:
        event_id = events.get(db, YEAR)["id"]
        def district_units():
            subs = {s["key"]: s for s in rollup.suborganisations(db, event_id)}
            return subs["dong-da"]["totals"]["units"]

        before = district_units()
        fill(ward_files(city)["kim-lien"], [("KL-TH", "school", "tieu_hoc")], [], [])
        after = district_units()
    finally:
        db.conn.close()
    assert after == before + 1


def test_city_refresh_with_many_wards_costs_only_the_counters(tmp_path, figures):
    """A quick measurement (the scale bench lives in bench/): 40 wards, first read, then
    a refresh with nothing changed, which reads one stamp per ward."""
    root = tmp_path / "llw.db"
    prepare(root).conn.close()
    directory.add(root, *CITY)
    week(root)
    for i in range(40):
        record = directory.add(root, f"p{i:03d}", f"UBND phường số {i}", "xa",
                               parent_key=CITY[0])
        week(record.file)
    db = connect(root)
    try:
        event_id = events.get(db, YEAR)["id"]
        started = time.perf_counter()
        assert len(rollup.suborganisations(db, event_id)) == 40
        first = time.perf_counter() - started
        started = time.process_time()
        rollup.suborganisations(db, event_id)
        again = time.process_time() - started
    finally:
        db.conn.close()
    figures(wards=40, first_read_s=round(first, 3), unchanged_refresh_cpu_s=round(again, 4))
    assert live_rollup.cache_info()["computed"] == 40
    assert again < first / 4


def test_dashboard_whole_area_tiles_follow_a_ward_write_through_the_shared_view(city,
                                                                                monkeypatch):
    """The whole area's totals are a shared view keyed by the city file's fingerprint AND
    its wards' stamps: a ward's write makes the next refresh recompute it (here at once:
    the test runs the scheduled recompute itself)."""
    from components import suborg_view
    from db import live_figures

    pending = []
    views = live_figures.ThrottledViews(schedule=lambda delay, fn: pending.append(fn))
    monkeypatch.setattr(live_figures, "VIEWS", views)
    db = connect(city)
    try:
        event = events.get(db, YEAR)
        first = suborg_view.whole_area_totals(db, event)
        assert first["participants"] == 120 + 80 + 45 + 200
        while pending:  # the aligned checks: nothing changed, nothing recomputed
            pending.pop(0)()
        assert suborg_view.whole_area_totals(db, event) == first
        fill(ward_files(city)["ba-dinh"], [], [("BD-TH", "arts", 5)], [])
        assert suborg_view.whole_area_totals(db, event) == first  # the previous view...
        assert pending  # ...while its aligned check is scheduled
        while pending:
            pending.pop(0)()
        assert suborg_view.whole_area_totals(db, event)["participants"] == first[
            "participants"] + 5
    finally:
        db.conn.close()


def test_city_pages_show_the_sample_banner_for_a_ward_with_sample_data(city, monkeypatch,
                                                                       app_for):
    ward = connect(ward_files(city)["ngoc-ha"])
    try:
        demo.load(ward, SYSTEM, units=2, activities=6, seed=3, year=YEAR, accounts=False,
                  with_real=True)
    finally:
        ward.conn.close()
    at = city_page(city, monkeypatch, app_for, "committee_dashboard.py")
    banner = texts.ROLLUP_SAMPLE_BANNER.split("{")[0]
    assert any(w.value.startswith(banner) and "UBND phường Ngọc Hà" in w.value
               for w in at.warning)
    assert not any("UBND phường Ba Đình" in w.value for w in at.warning)


def test_rollup_page_says_a_file_report_of_a_live_ward_is_not_summed(city, monkeypatch,
                                                                      app_for):
    report = ward_report(ward_files(city)["ba-dinh"], "UBND phường Ba Đình", "ba-dinh.xlsx")
    taken_in_before_listed(city, report)
    at = city_page(city, monkeypatch, app_for, "committee_rollup.py")
    said = [w.value for w in at.warning]
    assert any(texts.LIVE_ROLLUP_SUPERSEDED.split("«")[0] in w and "Ba Đình" in w
               for w in said), said
    listed = list(at.dataframe[-1].value[texts.ROLLUP_COLS["organiser"]])
    assert listed == ["UBND phường Ba Đình"]  # still stored, removable
    at.switch_page("app_pages/committee_dashboard.py").run()
    assert not at.exception, at.exception
    assert any(texts.LIVE_ROLLUP_SUPERSEDED.split("«")[0] in w.value for w in at.warning)
    names = list(at.dataframe[-1].value[texts.ROLLUP_COLS["organiser"]])
    assert names[1:] == ["UBND phường Ba Đình", "UBND phường Ngọc Hà", texts.ROLLUP_TOTAL_ROW]


def test_the_citys_workbook_carries_its_live_wards_to_a_province_elsewhere(city, capsys):
    """The city's own workbook (export) passes the checks of a level above in another
    installation, and its roll-up sheet's totals are the city's whole area."""
    figures = stats_json(capsys, city)
    db = connect(city)
    try:
        db.execute("update events set organiser_name = ? where year = ?", [CITY[1], YEAR])
        report = rollup.read_file(export.xlsx(db, events.get(db, YEAR)["id"]), "ha-noi.xlsx")
    finally:
        db.conn.close()
    assert report.meta["suborganisations"] == 2
    for key in core.SHEET_TOTALS:
        assert report.totals[key] == figures["totals"][key], key
    assert report.totals["participants"] == 120 + 80 + 45 + 200
