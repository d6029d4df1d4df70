"""Areas per event (issue 15 item 2): a 2026 week with 126 areas of its own and no tile
positions, next to the untouched 2020 week of Ba Đình's 14 wards."""
import csv
import io
import json
from types import SimpleNamespace

import pytest

from core import areas as area_rules
from core import charts
from db import Actor, ValidationFailed, areas, entries, event_admin, stats
from tests.stats_fixture import add_activity, build_week, unit_id

SYSTEM = Actor.system("test")
CODES_2026 = [f"{10000 + i:05d}" for i in range(1, 127)]  # none is a 2020 ward code


def areas_csv(rows, header=("code", "name", "row", "col")) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode()


def csv_126(header=("code", "name", "row", "col")) -> bytes:
    return areas_csv([(c, area_name(i), "", "") for i, c in enumerate(CODES_2026, 1)], header)


def area_name(i: int) -> str:
    return f"{'Phường' if i % 3 else 'Xã'} Khu {i}"


@pytest.fixture
def week(db):
    return build_week(db)


@pytest.fixture
def week_2026(db, week):
    """2026 started from 2020 ("next year"), moved to 2026, given 126 areas from a file."""
    event_id = event_admin.start_next_year(db, SYSTEM, week)
    db["events"].update(event_id, {"year": 2026, "start_date": "2026-10-01",
                                   "end_date": "2026-10-07", "opening_time": None})
    areas.import_file(db, SYSTEM, event_id, csv_126(("Mã", "Tên", "Hàng", "Cột")), "a.csv")
    return event_id


def by_ward_2020(db, week):
    return json.dumps([stats.summary(db, week)["by_ward"], stats.learning_models(db, week),
                       stats.dashboard(db, week)["ward_group"]], sort_keys=True)


def test_2020_keeps_its_14_wards_with_positions(db, week):
    grid = areas.areas_for(db, week)
    assert [a["code"] for a in grid][:3] == ["00001", "00004", "00006"] and len(grid) == 14
    assert grid[0] == {"code": "00001", "name": "Phúc Xá", "grid_row": 0, "grid_col": 4}
    # the map keeps the hand-made positions of 2020
    assert area_rules.tile_positions(grid)["00001"] == (0, 4)


def test_next_year_copies_areas_and_units_areas(db, week):
    ubnd = unit_id(db, "UBND-00001")
    areas.set_unit_area(db, SYSTEM, week, ubnd, "00004")
    new = event_admin.start_next_year(db, SYSTEM, week)
    assert areas.areas_for(db, new) == areas.areas_for(db, week)
    assert areas.unit_area(db, new, ubnd) == "00004"


def test_2026_week_has_its_own_126_areas_and_2020_is_unchanged(db, week, week_2026):
    assert [a["code"] for a in areas.areas_for(db, week_2026)] == CODES_2026
    assert len(areas.areas_for(db, week)) == 14
    s = stats.summary(db, week_2026)
    assert len(s["by_ward"]) == 126 and s["totals"]["wards"] == 126
    # units of 2020's wards have no area in 2026 until the admin gives them one
    assert s["by_ward_district"]["units"] == s["totals"]["units"]


def test_entries_default_to_the_units_area_of_the_week(db, week, week_2026):
    ubnd = unit_id(db, "UBND-00001")
    areas.set_unit_area(db, SYSTEM, week_2026, ubnd, "10050")
    raw = {"type": "sports", "title": "Chạy", "start_date": "2026-10-02",
           "end_date": "2026-10-02", "format": "truc_tiep", "participants": "40",
           "online_participants": "0", "audiences": ["nguoi_dan"]}
    entry = entries.create(db, SYSTEM, entries.ACTIVITY, week_2026, ubnd, raw)
    assert entries.get(db, entries.ACTIVITY, entry)["ward_code"] == "10050"
    # a 2020 ward is not an area of 2026
    with pytest.raises(ValidationFailed) as refused:
        entries.create(db, SYSTEM, entries.ACTIVITY, week_2026, ubnd,
                       dict(raw, ward_code="00001"))
    assert "00001" in refused.value.errors["ward_code"]
    s = stats.summary(db, week_2026)
    row = next(w for w in s["by_ward"] if w["code"] == "10050")
    assert (row["activities"], row["participants"], row["units"], row["reporting_units"]) == \
        (1, 40, 1, 1)
    assert sum(w["activities"] for w in s["by_ward"]) == s["totals"]["activities"] == 1
    assert s["by_ward_total"]["units"] == s["totals"]["units"]
    assert s["totals"]["wards_covered"] == 1


def test_a_units_area_changed_in_2026_leaves_2020_intact(db, week, week_2026):
    before = by_ward_2020(db, week)
    ubnd = unit_id(db, "UBND-00001")
    areas.set_unit_area(db, SYSTEM, week_2026, ubnd, "10001")
    add_activity(db, week_2026, "UBND-00001", "10001", "sports", "2026-10-02", 70)
    assert by_ward_2020(db, week) == before
    assert areas.unit_area(db, week, ubnd) == "00001"
    assert areas.unit_area(db, week_2026, ubnd) == "10001"
    # the unit still counts under Phúc Xá in 2020
    phuc_xa = stats.summary(db, week)["by_ward"][0]
    assert phuc_xa["code"] == "00001" and phuc_xa["units"] >= 1
    assert stats.summary(db, week, ward="00001")["totals"]["units"] == phuc_xa["units"]


def test_automatic_grid_for_126_areas_without_positions(db, week_2026):
    grid = stats.ward_grid(db, week_2026)
    assert all(a["grid_row"] is None for a in grid)
    rows = charts.tile_rows(stats.summary(db, week_2026)["by_ward"], grid)
    spots = {(r["grid_row"], r["grid_col"]) for r in rows}
    assert len(spots) == 126  # one tile each
    assert max(c for _r, c in spots) == 11 and max(r for r, _c in spots) == 10  # 12 x 11
    assert all(len(r["short"]) <= 9 for r in rows)
    assert next(r for r in rows if r["code"] == "10003")["short"] == "Khu 3"  # Xã Khu 3
    chart = charts.ward_tile_map(rows)
    spec = charts.localised(chart).to_dict()  # a valid Vega-Lite spec
    assert spec["width"] >= 12 * 62 and spec["height"] >= 11 * 40
    names = area_rules.short_label("Phường Nguyễn Trung Trực")
    assert names == "Nguyễn T…"


def test_some_positions_missing_gives_the_automatic_grid():
    grid = [{"code": "A", "name": "Bình", "grid_row": 0, "grid_col": 0},
            {"code": "B", "name": "An", "grid_row": None, "grid_col": None},
            {"code": "C", "name": "Cầu", "grid_row": 0, "grid_col": 0}]
    assert area_rules.tile_positions(grid) == {"B": (0, 0), "A": (0, 1), "C": (1, 0)}


def test_pdf_map_and_dashboard_heatmap_build_for_126_areas(db, week_2026, tmp_path):
    from core import closing_report

    board = stats.dashboard(db, week_2026)
    charts_ = closing_report.report_charts(SimpleNamespace(
        summary=board["summary"], day_group=board["day_group"],
        ward_grid=areas.areas_for(db, week_2026)))
    caption, png, _width = charts_[0]
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 10_000
    heat = charts.ward_group_heatmap(board["ward_group"],
                                     names=areas.names_for(db, week_2026))
    assert len(charts.localised(heat).to_dict()["layer"]) == 2
    assert len(board["ward_group"]) == 126 * 3


def test_dashboard_page_renders_the_126_area_week(app_for, db, admin, committee, week_2026):
    from tests.test_committee_pages import chart_rows, chart_specs, pictures

    at = app_for(committee)
    at.switch_page("app_pages/committee_dashboard.py").run()
    assert not at.exception, at.exception
    tile_map = pictures(at)[0]  # the default view: a picture with every area's tile
    assert "Bản đồ 126" in tile_map and tile_map.count('role="graphics-symbol"') >= 126
    at.toggle(key="dash_interactive").set_value(True).run()  # the live map: its rows
    index = next(i for i, spec in enumerate(chart_specs(at)) if "grid_col" in json.dumps(spec))
    rows = chart_rows(at, index)
    assert len(rows) == 126 and {r["name"] for r in rows} >= {"Phường Khu 1", "Xã Khu 126"}
    tile_map = json.dumps(rows, ensure_ascii=False, default=str)
    assert "Phúc Xá" not in tile_map  # 2020's wards are not 2026's areas


def test_removing_an_area_with_entries_is_refused_in_vietnamese(db, week):
    before = areas.areas_for(db, week)
    audits = db["audit_log"].count
    with pytest.raises(ValidationFailed) as refused:
        areas.save_areas(db, SYSTEM, week, [a for a in before if a["code"] != "00007"])
    assert "Không thể xóa địa bàn «00007 – Cống Vị»" in refused.value.errors["areas"]
    assert areas.areas_for(db, week) == before and db["audit_log"].count == audits


def test_admin_adds_renames_and_positions_areas(db, week):
    rows = areas.areas_for(db, week)
    rows[1] = dict(rows[1], name="Trúc Bạch mới", grid_row=5, grid_col=5)
    rows.append({"code": "TDP-03", "name": "Tổ dân phố 3", "grid_row": None,
                 "grid_col": None})
    done = areas.save_areas(db, SYSTEM, week, rows)
    assert (done["added"], done["changed"], done["removed"]) == (1, 1, 0)
    names = areas.names_for(db, week)
    assert names["00004"] == "Trúc Bạch mới" and names["TDP-03"] == "Tổ dân phố 3"
    log = db.execute("select table_name, detail from audit_log order by id desc limit 1"
                     ).fetchone()
    assert log[0] == "event_areas" and "TDP-03" in log[1]


def test_bad_area_rows_are_refused_line_by_line(db, week):
    bad = areas_csv([("00001", "Phúc Xá", "", ""), ("00001", "Lặp", "", ""),
                     ("", "Không mã", "", ""), ("X" * 21, "Dài", "", ""),
                     ("00002", "", "", ""), ("00003", "Hàng sai", "abc", "1"),
                     ("00005", "Nửa vị trí", "1", "")])
    before = areas.areas_for(db, week)
    with pytest.raises(ValidationFailed) as refused:
        areas.import_file(db, SYSTEM, week, bad, "bad.csv")
    message = refused.value.errors["areas"]
    assert "Dòng 3: mã «00001» trùng với dòng 2" in message
    assert "Dòng 4: thiếu mã địa bàn" in message
    assert "Dòng 5: mã «XXXXXXXXXXXXXXXXXXXXX» dài quá 20 ký tự" in message
    assert "Dòng 6: thiếu tên địa bàn" in message
    assert "Dòng 7: hàng «abc» không hợp lệ" in message
    assert "Dòng 8: cần điền cả hàng và cột" in message
    assert areas.areas_for(db, week) == before


def test_xlsx_import_restores_leading_zeros(db, week):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Mã", "Tên", "Hàng", "Cột"])
    for code, name, r, c in [(1, "Phúc Xá", 0, 0), (4, "Trúc Bạch", 0, 1)] + [
            (int(a["code"]), a["name"], None, None) for a in areas.areas_for(db, week)[2:]]:
        sheet.append([code, name, r, c])
    out = io.BytesIO()
    book.save(out)
    done = areas.import_file(db, SYSTEM, week, out.getvalue(), "areas.xlsx")
    assert done["areas"] == 14 and done["removed"] == 0
    assert areas.areas_for(db, week)[0] == {"code": "00001", "name": "Phúc Xá",
                                            "grid_row": 0, "grid_col": 0}


def run_cli(db_path, capsys, *args):
    """manage.py in this process (its own connection, as a separate run would)."""
    import manage

    code = manage.main(["--db", str(db_path), *args])
    out, err = capsys.readouterr()
    return SimpleNamespace(returncode=code, stdout=out, stderr=err)


def test_import_areas_command_good_and_bad(db, db_path, tmp_path, capsys):
    good = tmp_path / "areas.csv"
    good.write_bytes(csv_126())
    bad = tmp_path / "bad.csv"
    bad.write_bytes(areas_csv([("10001", "Một", "", ""), ("10001", "Hai", "", "")]))
    before = areas.areas_for(db, 1)
    audits = db["audit_log"].count
    result = run_cli(db_path, capsys, "import-areas", str(bad), "--year", "2020")
    assert result.returncode == 1
    assert "Dòng 3: mã «10001» trùng với dòng 2" in result.stderr
    assert "Chưa ghi gì" in result.stderr
    assert areas.areas_for(db, 1) == before and db["audit_log"].count == audits
    result = run_cli(db_path, capsys, "import-areas", str(good), "--year", "2020")
    assert result.returncode == 0, result.stderr
    assert "Đã nhập 126 địa bàn cho năm 2020" in result.stdout
    assert len(areas.areas_for(db, 1)) == 126
    assert db.execute("select count(*) from audit_log where table_name = 'event_areas'"
                      ).fetchone()[0] == 1
    missing = run_cli(db_path, capsys, "import-areas", str(good), "--year", "2031")
    assert missing.returncode == 1 and "Không có Tuần lễ năm 2031" in missing.stderr


def test_migration_backfills_and_relaxes_the_code_check(tmp_path):
    """A database from before m003_areas_per_event, with entries: its wards become the
    areas of every event, the figures by ward stay, and a residential group's code fits."""
    from core import reference as ref
    from db.connection import connect
    from db.schema import migrations
    from db.seed import seed_reference

    db = connect(tmp_path / "old.db")
    migrations.apply(db, stop_before="m003_areas_per_event")
    db["events"].insert({"year": 2020, "title": "T", "start_date": "2020-10-01",
                         "end_date": "2020-10-07", "created_at": "2020-01-01"})
    seed_reference(db)  # wards, units, catalogue (the event exists: not seeded again)
    for ward, n in (("00001", 10), ("00001", 5), ("00034", 7)):
        add_activity(db, 1, f"UBND-{ward}", ward, "sports", "2020-10-02", n)
    with pytest.raises(Exception):  # 6 characters: refused before
        db.execute("insert into wards (code, name, grid_row, grid_col) "
                   "values ('TDP-03', 'x', 0, 0)")
    migrations.apply(db)
    grid = areas.areas_for(db, 1)
    assert [a["code"] for a in grid] == sorted(c for c, *_ in ref.WARDS)
    assert grid[0] == {"code": "00001", "name": "Phúc Xá", "grid_row": 0, "grid_col": 4}
    by_ward = {w["code"]: (w["activities"], w["participants"], w["units"])
               for w in stats.summary(db, 1)["by_ward"]}
    assert by_ward["00001"] == (2, 15, 2) and by_ward["00034"] == (1, 7, 2)
    assert by_ward["00004"] == (0, 0, 2) and len(by_ward) == 14
    db.execute("insert into wards (code, name) values ('TDP-03', 'Tổ 3')")
    with pytest.raises(Exception):
        db.execute("insert into wards (code, name) values (?, 'x')", ["X" * 21])
    assert db.execute("pragma foreign_key_check").fetchall() == []
    assert db.execute("pragma integrity_check").fetchone()[0] == "ok"


def test_admin_tab_saves_the_list_and_a_units_area(app_for, db, admin, week):
    at = app_for(admin)
    at.switch_page("app_pages/admin_settings.py").run()
    assert not at.exception, at.exception
    assert "Địa bàn" in [t.label for t in at.tabs]
    assert any(c.value == "14 địa bàn" for c in at.caption)
    at.button(key=f"areas_save_{week}").click().run()
    assert not at.exception, at.exception
    assert "Đã lưu 14 địa bàn." in [s.value for s in at.success]
    ubnd = unit_id(db, "UBND-00001")
    at.selectbox(key=f"areas_unit_{week}").set_value(ubnd).run()
    form = next(s for s in at.selectbox if s.label == "Địa bàn năm 2020")
    form.set_value("00004")
    at.button(key=f"FormSubmitter:areas_unit_form_{week}_{ubnd}_1-Lưu địa bàn của đơn vị"
              ).click().run()
    assert not at.exception, at.exception
    assert areas.unit_area(db, week, ubnd) == "00004"
    assert db.execute("select count(*) from audit_log where table_name = 'unit_areas'"
                      ).fetchone()[0] == 1


def test_entry_import_resolves_the_weeks_areas_by_name_or_code(db, committee, week_2026):
    from core.tabular import read_table

    ubnd = unit_id(db, "UBND-00001")
    areas.set_unit_area(db, SYSTEM, week_2026, ubnd, "10007")
    header = ("unit_code,ward_code,type,title,start_date,end_date,format,participants,"
              "online_participants,audiences,evidence_url,description")
    rows = ["UBND-00001,Phường Khu 2,sports,Chạy,2026-10-02,2026-10-02,truc_tiep,10,0,"
            "nguoi_dan,,", "UBND-00001,10005,arts,Hát,2026-10-03,2026-10-03,truc_tiep,5,0,"
            "nguoi_dan,,", "UBND-00001,,library,Đọc,2026-10-03,2026-10-03,truc_tiep,7,0,"
            "nguoi_dan,,"]
    bad = "UBND-00001,Phúc Xá,arts,Hát,2026-10-03,2026-10-03,truc_tiep,5,0,nguoi_dan,,"
    report = entries.import_activities(db, committee, week_2026, read_table(
        "\n".join([header, *rows, bad]).encode(), "a.csv"))
    assert not report.written and [e.line for e in report.errors] == [5]
    assert db.execute("select count(*) from activities where event_id = ?",
                      [week_2026]).fetchone()[0] == 0
    report = entries.import_activities(db, committee, week_2026, read_table(
        "\n".join([header, *rows]).encode(), "a.csv"))
    assert report.written and report.created == 3
    stored = [r[0] for r in db.execute("select ward_code from activities where event_id = ? "
                                       "order by id", [week_2026])]
    assert stored == ["10002", "10005", "10007"]  # the last: the unit's area of 2026


def test_entry_form_offers_the_weeks_areas_with_the_units_area_first(
        app_for, db, admin, unit_user, week_2026):
    thang_long = unit_id(db, "THCS-THANGLONG")
    areas.set_unit_area(db, SYSTEM, week_2026, thang_long, "10042")
    at = app_for(unit_user)
    at.switch_page("app_pages/unit_activity.py").run()
    assert not at.exception, at.exception
    ward = at.selectbox(key="act_ward")
    assert ward.value == "10042" and len(ward.options) == 126
    assert "Phường Khu 1" in ward.options and "Phúc Xá" not in ward.options


def test_a_new_default_area_applies_to_the_latest_week_only(db, admin, week, week_2026):
    from db import units

    before = by_ward_2020(db, week)
    ubnd = units.get(db, unit_id(db, "UBND-00001"))
    fields = {k: ubnd[k] or "" for k in ("code", "name", "kind", "tier", "email", "phone")}
    units.update(db, admin, ubnd["id"], dict(fields, ward_code="10003"))
    assert areas.unit_area(db, week_2026, ubnd["id"]) == "10003"  # the latest week
    assert areas.unit_area(db, week, ubnd["id"]) == "00001"  # 2020 keeps Phúc Xá
    assert by_ward_2020(db, week) == before
