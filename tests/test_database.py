"""Schema, seeding and connection settings."""
import sqlite3
import unicodedata

import pytest

from core import reference as ref
from db import connect
from db.schema import migrations
from db.setup import prepare


def test_prepare_twice_changes_nothing(db_path):
    first = connect(db_path)
    counts = {t: first[t].count for t in first.table_names()}
    prepare(db_path)
    again = connect(db_path)
    assert {t: again[t].count for t in again.table_names()} == counts


def test_every_migration_is_recorded_once(db):
    names = [m.name for m in migrations.applied(db)]
    assert names == sorted(set(names), key=names.index)
    assert not migrations.pending(db)


def test_seed_holds_the_2020_plan(db):
    event = db.execute("select year, title, theme, start_date, end_date, plan_number "
                       "from events").fetchone()
    assert event == (2020, "Tuần lễ hưởng ứng học tập suốt đời năm 2020",
                     "Chuyển đổi số thúc đẩy Học tập suốt đời", "2020-10-02", "2020-10-07",
                     "185/KH-BCĐXHHT")
    assert db["slogans"].count == 8
    assert db.execute("select text from slogans where number = 5").fetchone()[0] == \
        "Tự học là một cách xây dựng xã hội học tập."


def test_seed_has_14_wards_with_statistics_codes(db):
    wards = dict(db.execute("select code, name from wards").fetchall())
    assert len(wards) == 14
    assert wards["00001"] == "Phúc Xá" and wards["00034"] == "Thành Công"
    assert wards["00010"] == "Nguyễn Trung Trực"


def test_seed_has_one_committee_and_one_centre_per_ward(db):
    rows = db.execute("select ward_code, kind, count(*) from units where kind in "
                      "('ward_committee', 'community_learning_center') "
                      "group by ward_code, kind").fetchall()
    assert len(rows) == 28 and all(n == 1 for *_, n in rows)
    assert db.execute("select kind, tier from units where code = 'THCS-THANGLONG'"
                      ).fetchone() == ("school", "thcs")


def test_reference_catalogues_are_complete(db):
    assert db["activity_types"].count == len(ref.ACTIVITY_TYPES) == 15
    assert db["channels"].count == 10
    assert db.execute("select measure from channels where code = 'mobile_convoy'"
                      ).fetchone()[0] == "lượt xe"
    assert db["commendation_categories"].count == 4
    assert db["learning_models"].count == 4


def test_seeded_text_is_nfc(db):
    for table, column in [("wards", "name"), ("units", "name"), ("slogans", "text"),
                          ("activity_types", "name"), ("events", "title")]:
        for (value,) in db.execute(f"select {column} from {table}"):
            assert unicodedata.is_normalized("NFC", value), (table, value)


def test_connection_pragmas(db):
    assert db.execute("pragma foreign_keys").fetchone()[0] == 1
    assert db.execute("pragma journal_mode").fetchone()[0] == "wal"
    assert db.execute("pragma synchronous").fetchone()[0] == 2  # FULL
    assert db.execute("pragma busy_timeout").fetchone()[0] >= 5000


def test_foreign_keys_are_enforced(db):
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("insert into units (code, name, kind, ward_code, created_at) "
                    "values ('X', 'X', 'library', '99999', 'now')")


@pytest.mark.parametrize("sql", [
    "insert into units (code, name, kind, tier, created_at) values ('S1', 'S', 'school', null, 'n')",
    "insert into units (code, name, kind, tier, created_at) values ('S2', 'S', 'library', 'thcs', 'n')",
    "insert into users (username, name, role, password_hash, created_at) values ('a', 'a', 'unit', 'h', 'n')",
    "insert into users (username, name, role, password_hash, created_at) values ('b', 'b', 'root', 'h', 'n')",
    "insert into slogans (event_id, number, text) values (1, 9, 'x')",
])
def test_check_constraints_refuse_out_of_range_values(db, sql):
    with pytest.raises(sqlite3.IntegrityError):
        db.execute(sql)
