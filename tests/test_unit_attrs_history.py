"""A unit's name, kind and school tier belong to a week (issue 21 Deliver 2, db/week_units.py):
renaming a school, or changing a unit's tier or kind, for 2026 leaves 2020's `stats --json`,
closing-report text and workbook cells identical, and 2026 reads the new values; a change
for a week that is not the newest changes that week only; the summary tables move one
week's entries."""
import pytest

import manage
from db import Actor, connect, events, progress, stats, units
from db.schema import BACKFILL_ACTIVITIES_WEEK, BACKFILL_PROPAGANDA_WEEK
from tests.test_roster_history import assert_same
from tests.week_record import record

NEW_NAME = "Trường Tiểu học Đổi Tên 2026"
ACTIVITY = ("unit_code,ward_code,type,title,start_date,format,participants\n"
            "{code},{ward},library,Ngày hội đọc sách,{year}-10-03,truc_tiep,40\n")


def run(capsys, path, *argv):
    code = manage.main(["--db", str(path), *map(str, argv)])
    out = capsys.readouterr()
    return code, out.out + out.err


@pytest.fixture
def office(tmp_path, capsys):
    """A 2020 week with sample data, its record taken before 2026 exists, and three schools
    with counting entries in 2020 (renamed, re-tiered, re-kinded later)."""
    path = tmp_path / "llw.db"
    assert run(capsys, path, "demo", "--units", "16", "--activities", "60", "--seed", "5",
               "--no-accounts")[0] == 0
    db = connect(path)
    before = record(db, 2020)
    schools = [dict(r) for r in db.query(
        "select u.id, u.code, u.name, u.tier, u.ward_code from units u where u.kind = 'school' "
        "and exists (select 1 from activities a where a.unit_id = u.id and a.deleted = 0 "
        "and a.status != 'needs_fix') order by u.code limit 3")]
    assert len(schools) == 3
    db.conn.close()
    return path, before, schools


def other_tier(tier):
    return "thpt" if tier != "thpt" else "mam_non"


def fields(unit, **changes):
    return dict({"code": unit["code"], "name": unit["name"], "kind": "school",
                 "tier": unit["tier"], "ward_code": unit["ward_code"] or "",
                 "email": "", "phone": ""}, **changes)


def change_three(db, event_id, schools):
    """Rename the first school, move the second to another tier, make the third a library,
    all as the units page does for the chosen week."""
    first, second, third = schools
    admin = Actor.system("test")
    units.update(db, admin, first["id"], fields(first, name=NEW_NAME), event_id=event_id)
    units.update(db, admin, second["id"], fields(second, tier=other_tier(second["tier"])),
                 event_id=event_id)
    units.update(db, admin, third["id"], fields(third, kind="library", tier=""),
                 event_id=event_id)


def as_week_reads(db, event_id, schools):
    rows = {r["id"]: r for r in progress.units_progress(db, event_id)}
    return [(rows[s["id"]]["name"], rows[s["id"]]["kind"], rows[s["id"]]["tier"])
            for s in schools]


def assert_cubes_match_raw(db):
    for table, backfill in (("activity_cube", BACKFILL_ACTIVITIES_WEEK),
                            ("propaganda_cube", BACKFILL_PROPAGANDA_WEEK)):
        kept = sorted(db.execute(f"select * from {table} where n != 0").fetchall())
        fresh = sorted(db.execute(backfill.split(f"insert into {table}")[1]).fetchall())
        assert kept == fresh, table


def test_renaming_and_retiering_in_2026_leaves_2020_as_it_was(office, tmp_path, capsys):
    path, before, schools = office
    assert run(capsys, path, "new-week", "--year", "2026")[0] == 0
    db = connect(path)
    y2020, y2026 = events.get(db, 2020)["id"], events.get(db, 2026)["id"]
    old_reads = as_week_reads(db, y2020, schools)
    change_three(db, y2026, schools)
    assert_same(before, record(db, 2020))  # stats --json, report text, every cell
    assert as_week_reads(db, y2020, schools) == old_reads
    first, second, third = schools
    assert as_week_reads(db, y2026, schools) == [
        (NEW_NAME, "school", first["tier"]), (second["name"], "school",
                                              other_tier(second["tier"])),
        (third["name"], "library", None)]
    assert NEW_NAME not in str(record(db, 2020)["workbook"])
    in_2026 = record(db, 2026)  # its per-unit sheet and appendix use the 2026 name
    assert NEW_NAME in str(in_2026["workbook"]) and NEW_NAME in in_2026["report"]
    db.conn.close()
    # 2026's entries of the re-tiered school count under its 2026 tier, 2020's under 2020's
    ward = second["ward_code"] or ""
    rows = tmp_path / "a.csv"
    rows.write_text(ACTIVITY.format(code=second["code"], ward=ward, year=2026), encoding="utf-8")
    code, out = run(capsys, path, "import-activities", rows, "--year", "2026")
    assert code == 0, out
    db = connect(path)
    tiers_2026 = {r[0]: r[1] for r in db.execute(
        "select unit_tier, sum(n) from activity_cube where event_id = ? and n != 0 "
        "group by 1", [y2026])}
    assert tiers_2026 == {other_tier(second["tier"]): 1}
    assert_same(before, record(db, 2020))
    assert_cubes_match_raw(db)
    db.conn.close()


def test_import_units_update_for_2026_changes_2026_only(office, tmp_path, capsys):
    path, before, schools = office
    assert run(capsys, path, "new-week", "--year", "2026")[0] == 0
    first = schools[0]
    file = tmp_path / "u.csv"
    file.write_text("Mã đơn vị,Tên đơn vị,Loại đơn vị,Cấp học,Phường\n"
                    f"{first['code']},{NEW_NAME},Trường học,THPT,{first['ward_code'] or ''}\n",
                    encoding="utf-8")
    code, out = run(capsys, path, "import-units", file, "--update", "--year", "2026")
    assert code == 0, out
    db = connect(path)
    assert_same(before, record(db, 2020))
    y2026 = events.get(db, 2026)["id"]
    assert as_week_reads(db, y2026, schools[:1]) == [(NEW_NAME, "school", "thpt")]
    db.conn.close()


def test_a_change_for_an_older_week_changes_that_week_only(office, tmp_path, capsys):
    """2026 and 2027 exist; the units page edits 2026: 2020 and 2027 keep theirs, and the
    entries of 2026 move in the summary tables, not those of 2020."""
    path, before, schools = office
    assert run(capsys, path, "new-week", "--year", "2026")[0] == 0
    third = schools[2]
    rows = tmp_path / "a.csv"
    rows.write_text(ACTIVITY.format(code=third["code"], ward=third["ward_code"] or "",
                                    year=2026), encoding="utf-8")
    assert run(capsys, path, "import-activities", rows, "--year", "2026")[0] == 0
    assert run(capsys, path, "new-week", "--year", "2027")[0] == 0
    db = connect(path)
    y2026, y2027 = events.get(db, 2026)["id"], events.get(db, 2027)["id"]
    reads_2027 = as_week_reads(db, y2027, schools)
    change_three(db, y2026, schools)
    assert_same(before, record(db, 2020))
    assert as_week_reads(db, y2027, schools) == reads_2027
    assert as_week_reads(db, y2026, schools)[0][0] == NEW_NAME
    assert as_week_reads(db, y2026, schools)[2][1:] == ("library", None)
    # the registry (the newest week's mirror) still has 2027's values
    assert units.get(db, schools[0]["id"])["name"] == schools[0]["name"]
    kinds_2026 = {r[0]: r[1] for r in db.execute(
        "select unit_kind, sum(n) from activity_cube where event_id = ? and n != 0 "
        "group by 1", [y2026])}
    assert kinds_2026 == {"library": 1}
    assert_cubes_match_raw(db)
    db.conn.close()
    # a week created later from 2026 starts with 2026's names
    assert run(capsys, path, "new-week", "--year", "2028", "--from", "2026")[0] == 0
    db = connect(path)
    y2028 = events.get(db, 2028)["id"]
    assert as_week_reads(db, y2028, schools)[0][0] == NEW_NAME
    assert units.get(db, schools[0]["id"])["name"] == NEW_NAME  # 2028 is the newest now
    assert as_week_reads(db, y2027, schools) == reads_2027
    db.conn.close()


def test_an_area_the_older_week_lacks_is_refused_and_nothing_is_written(office, capsys):
    """Editing 2026 (2027 exists) with an area 2026 does not list: a Vietnamese message
    naming the area and the year; the 2026 name typed in the same form is not saved."""
    from db import ValidationFailed

    path, _before, schools = office
    assert run(capsys, path, "new-week", "--year", "2026")[0] == 0
    assert run(capsys, path, "new-week", "--year", "2027")[0] == 0
    db = connect(path)
    y2026 = events.get(db, 2026)["id"]
    db["wards"].insert({"code": "TDP-99", "name": "Tổ dân phố 99"})  # in the registry only
    before = as_week_reads(db, y2026, schools)
    with pytest.raises(ValidationFailed) as failure:
        units.update(db, Actor.system("test"), schools[0]["id"],
                     fields(schools[0], name=NEW_NAME, ward_code="TDP-99"), event_id=y2026)
    assert failure.value.errors["ward_code"] == \
        "Địa bàn «TDP-99» không có trong danh sách địa bàn của năm 2026."
    assert as_week_reads(db, y2026, schools) == before
    db.conn.close()


def test_a_backup_restored_keeps_each_weeks_names_and_tiers(office, tmp_path, capsys):
    from db import backup

    path, before, schools = office
    assert run(capsys, path, "new-week", "--year", "2026")[0] == 0
    db = connect(path)
    y2026 = events.get(db, 2026)["id"]
    change_three(db, y2026, schools)
    reads_2026 = as_week_reads(db, y2026, schools)
    db.conn.close()
    copy = backup.backup(path, tmp_path / "copy.db").path
    fresh = tmp_path / "fresh.db"
    backup.rebuild_from(copy, fresh)
    db = connect(fresh)
    assert as_week_reads(db, y2026, schools) == reads_2026
    assert_same(before, record(db, 2020))
    assert_cubes_match_raw(db)
    db.conn.close()
