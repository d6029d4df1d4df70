"""Issue 12 §1: sample data lives apart. The demo writes only into its own sample units and
accounts, asks for --yes when real entries exist, and `demo --remove` leaves the database
exactly as it was before the demo (every table but the audit log, row for row)."""
import json

import pytest

import manage
from db import AccessDenied, Actor, connect, demo, review, sample_data
from tests.stats_fixture import add_activity, build_week

DEMO = ["demo", "--units", "12", "--activities", "150", "--seed", "5"]


def cli(db_path, capsys, *args):
    code = manage.main(["--db", str(db_path), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def per_unit_counts(db) -> list[tuple]:
    """Per real unit: all, counting and accepted activities, propaganda, participants,
    nominations, learning models, submission."""
    return db.execute("""
        select u.id, u.code,
          (select count(*) from activities a where a.unit_id = u.id),
          (select count(*) from activities a where a.unit_id = u.id and a.deleted = 0
             and a.status != 'needs_fix'),
          (select count(*) from activities a where a.unit_id = u.id and a.status = 'accepted'),
          (select coalesce(sum(participants), 0) from activities a where a.unit_id = u.id),
          (select count(*) from propaganda p where p.unit_id = u.id),
          (select count(*) from nominations n where n.unit_id = u.id),
          (select count(*) from learning_model_counts m where m.unit_id = u.id),
          (select count(*) from report_submissions s where s.unit_id = u.id)
        from units u where u.is_sample = 0 order by u.id""").fetchall()


def dump(db) -> dict:
    """Every table except the audit log (which keeps its history) and the dashboard's change
    counter (db/live_figures: it counts changes, like the log), every row in order."""
    tables = [r[0] for r in db.execute("select name from sqlite_master where type = 'table' "
                                       "and name not in ('audit_log', 'sqlite_sequence', "
                                       "'figures_version') order by name")]
    return {t: sorted(db.execute(f"select * from {t}").fetchall(), key=repr) for t in tables}


def recount_cubes(db):
    """The summary tables recomputed from the raw rows (db/schema.py's backfill)."""
    from db import schema

    activity = sorted(db.execute(schema.BACKFILL_ACTIVITIES_WEEK.split("insert into activity_cube")[1]
                                 ).fetchall())
    propaganda = sorted(db.execute(
        schema.BACKFILL_PROPAGANDA_WEEK.split("insert into propaganda_cube")[1]).fetchall())
    return activity, propaganda


def cubes(db, nonzero=False):
    where = " where n != 0" if nonzero else ""
    return (sorted(db.execute(f"select * from activity_cube{where}").fetchall()),
            sorted(db.execute(f"select * from propaganda_cube{where}").fetchall()))


@pytest.fixture
def real_week(db, committee, unit_user):
    """A real week: entries (some accepted, needs-fix, withdrawn), a photo, a nomination,
    a learning model, a submission, a commendation and a double-submit token."""
    event_id = build_week(db)
    first = db.execute("select id from activities order by id limit 1").fetchone()[0]
    db["photos"].insert({"activity_id": first, "mime": "image/png", "data": b"\x89PNG",
                         "created_at": "2020-10-02T10:00:00+07:00"})
    db["nominations"].insert({"event_id": event_id, "unit_id": unit_user.unit_id,
                              "nominee_kind": "person", "nominee_name": "Nguyễn Văn Thật",
                              "category": "hoc_tot", "created_at": "2020-10-03T10:00:00"})
    db["learning_model_counts"].insert({"event_id": event_id, "unit_id": unit_user.unit_id,
                                        "model": "gia_dinh", "registered": 9, "recognised": 4,
                                        "updated_at": "2020-10-03T10:00:00"})
    db["report_submissions"].insert({"event_id": event_id, "unit_id": unit_user.unit_id,
                                     "submitted_at": "2020-10-07T16:00:00+07:00"})
    # a real entry added then withdrawn leaves an empty summary cell: it must stay
    withdrawn = add_activity(db, event_id, "UBND-00004", "00004", "club", "2020-10-06", 12)
    db["activities"].update(withdrawn, {"deleted": 1})
    db["commendations"].insert({"event_id": event_id, "category": "to_chuc_tot",
                                "recipient_name": "Trường THCS Thăng Long",
                                "recipient_unit_id": unit_user.unit_id, "rationale": "Tốt",
                                "created_by": committee.user_id, "created_at": "2020-10-08"})
    return event_id


def test_demo_on_real_data_asks_for_yes_and_says_what_it_adds(db, db_path, real_week, capsys):
    before = dump(db)
    code, out, err = cli(db_path, capsys, *DEMO)
    assert code == 1
    assert "(7 hoạt động, 4 mục tuyên truyền)" in err and "THÊM 12 trường mẫu và 28 đơn vị phường mẫu" in err
    assert "--yes" in err and "demo --remove" in err
    assert dump(db) == before  # nothing written


def test_demo_changes_no_real_figure_and_remove_restores_everything(db, db_path, real_week,
                                                                    capsys):
    stats_before = cli(db_path, capsys, "stats", "--json")[1]
    units_before, rows_before, cubes_before = per_unit_counts(db), dump(db), cubes(db)

    code, out, _ = cli(db_path, capsys, *DEMO, "--yes")
    assert code == 0 and "mau.bcd" in out
    # while the demo is loaded: every real unit's rows and counts are exactly as before
    assert per_unit_counts(db) == units_before
    for table in ("activities", "propaganda", "nominations", "learning_model_counts",
                  "report_submissions", "photos", "commendations"):
        real = [r for r in dump(db)[table] if r in rows_before[table]]
        assert real == rows_before[table], table
    loaded = sample_data.summary(db)
    assert loaded["units"] == 12 + 28 and loaded["activities"] == 150 and loaded["users"] == 4
    assert json.loads(cli(db_path, capsys, "stats", "--json")[1]) != json.loads(stats_before)
    assert cubes(db, nonzero=True) == recount_cubes(db)

    code, out, _ = cli(db_path, capsys, "demo", "--remove")
    assert code == 0 and "Đã gỡ toàn bộ dữ liệu mẫu: 40 đơn vị mẫu, 4 tài khoản mẫu" in out
    assert cli(db_path, capsys, "stats", "--json")[1] == stats_before  # byte for byte
    assert per_unit_counts(db) == units_before
    assert dump(db) == rows_before  # every table but the audit log, row for row
    assert cubes(db) == cubes_before  # the empty cell of the withdrawn entry included
    assert cubes(db, nonzero=True) == recount_cubes(db)
    assert not sample_data.present(db)
    assert db.execute("pragma foreign_key_check").fetchall() == []
    [row] = db.execute("select detail from audit_log where action = 'demo_remove'").fetchall()
    assert json.loads(row[0])["activities"] == 150
    # a second removal finds nothing, and the demo can be loaded again afterwards
    assert "Không có dữ liệu mẫu" in cli(db_path, capsys, "demo", "--remove")[1]
    assert cli(db_path, capsys, *DEMO, "--yes")[0] == 0


def test_remove_deletes_what_the_committee_did_with_sample_data(db, db_path, real_week,
                                                                committee, capsys):
    rows_before = dump(db)
    assert cli(db_path, capsys, *DEMO, "--yes")[0] == 0
    sample_entry, sample_unit = db.execute(
        "select a.id, a.unit_id from activities a join units u on u.id = a.unit_id "
        "where u.is_sample = 1 and a.deleted = 0 order by a.id limit 1").fetchone()
    review.decide(db, committee, "activity", sample_entry, "needs_fix", "Thiếu ảnh")
    db["photos"].insert({"activity_id": sample_entry, "mime": "image/png", "data": b"x",
                         "created_at": "2020-10-05T10:00:00"})
    db["commendations"].insert({"event_id": real_week, "category": "to_chuc_tot",
                                "recipient_name": "Mẫu", "recipient_unit_id": sample_unit,
                                "rationale": "x", "created_by": committee.user_id,
                                "created_at": "2020-10-08"})
    assert cli(db_path, capsys, "demo", "--remove")[0] == 0
    assert dump(db) == rows_before


def test_a_sample_account_cannot_touch_real_entries(db, db_path, real_week, capsys):
    assert cli(db_path, capsys, *DEMO, "--yes")[0] == 0
    user = db.execute("select id, username from users where username = 'mau.bcd'").fetchone()
    sample_committee = Actor(user[0], user[1], "committee")
    real = db.execute("select id from activities where status = 'submitted' and unit_id in "
                      "(select id from units where is_sample = 0) limit 1").fetchone()[0]
    with pytest.raises(AccessDenied):
        review.decide(db, sample_committee, "activity", real, "accepted", "")
    with pytest.raises(AccessDenied):
        review.decide_many(db, sample_committee, "activity", [real], "accepted", "")
    assert db["activities"].get(real)["status"] == "submitted"
    sample = db.execute("select id from activities where deleted = 0 and unit_id in "
                        "(select id from units where is_sample = 1) limit 1").fetchone()[0]
    review.decide(db, sample_committee, "activity", sample, "accepted", "")  # its own: fine
    assert db["activities"].get(sample)["status"] == "accepted"


def test_demo_on_an_empty_database_needs_no_yes_and_writes_only_sample_units(db_path, capsys):
    code, out, _ = cli(db_path, capsys, *DEMO)
    assert code == 0
    db = connect(db_path)
    for table in ("activities", "propaganda", "nominations", "learning_model_counts",
                  "report_submissions"):
        assert db.execute(f"select count(*) from {table} where unit_id in "
                          "(select id from units where is_sample = 0)").fetchone()[0] == 0
    assert db.execute("select count(*) from users where is_sample = 0").fetchone()[0] == 0


def test_only_an_admin_removes_sample_data(db, committee, real_week):
    demo.load(db, Actor.system(), units=4, activities=10, accounts=False, with_real=True)
    with pytest.raises(AccessDenied):
        sample_data.remove(db, committee)
    assert sample_data.present(db)


def test_removal_is_one_transaction(db, db_path, real_week, capsys):
    """A failure part-way (a foreign key from a table the removal does not know about,
    with no way to delete it) rolls everything back."""
    demo.load(db, Actor.system(), units=4, activities=10, accounts=False, with_real=True)
    before = dump(db)
    sample_unit = db.execute("select id from units where is_sample = 1 limit 1").fetchone()[0]
    db.execute("create table pinned (id integer primary key, "
               "unit_id integer references units(id) on delete restrict)")
    db.execute("create trigger pinned_keep before delete on pinned begin "
               "select raise(abort, 'kept'); end")
    db.execute("insert into pinned values (1, ?)", [sample_unit])
    with pytest.raises(Exception):
        sample_data.remove(db, Actor.system())
    after = dump(db)
    after.pop("pinned")
    assert after == before and sample_data.present(db)
    add_activity(db, real_week, "UBND-00001", "00001", "library", "2020-10-05", 1)  # usable
