"""A week's roster is its own, and the past never changes (issue 21, deliver 1 and 2).

The goldens were captured by tests/week_record.py on the code before rosters existed:
first at commit 038e2b4 («main» at the start of session 5), then again at 3925917 («main»
just before the roster was merged, whose closing report and workbook carry issue 22's new
wording and layout; its `stats --json` equalled 038e2b4's on both databases), from:
- main_before_rosters.restored: the previous release's backup
  (tests/previous_release/backup_prev_release.db) restored into an empty database;
- main_before_rosters.retired: the same database after that code's
  `manage.py deactivate-units MAU-THPT-0004 MAU-THCS-0003` (a school with counting entries
  and one without), kept as main_before_rosters_retired2.db, a database as an office has
  it today, migrated here by db/setup.prepare.
Each holds, for 2020 and 2021, `stats --json`, the closing report's text and every cell
of the workbook. The roll-up sheet's time of export and the checksum over it are the only
cells that differ between two exports of one database; they are left out of the compare."""
import gzip
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from db import backup, connect, events, roster
from db.setup import prepare
from tests.week_record import record

DATA = Path(__file__).parent / "previous_release"
ROLLUP_SHEET = "Dữ liệu tổng hợp"


def golden(name: str) -> dict:
    raw = gzip.decompress((DATA / f"main_before_rosters.{name}.record.json.gz").read_bytes())
    return json.loads(raw)


def comparable(rec: dict) -> dict:
    """The record without the roll-up sheet's export time and checksum rows."""
    rec = json.loads(json.dumps(rec, ensure_ascii=False, default=str))
    rows = rec["workbook"].get(ROLLUP_SHEET, [])
    rec["workbook"][ROLLUP_SHEET] = [r for r in rows if not (
        len(r) > 1 and r[0] in ("meta", "hash") and r[1] in ("generated_at", "sha256"))]
    return rec


def assert_same(before: dict, after: dict) -> None:
    before, after = comparable(before), comparable(after)
    assert after["stats"] == before["stats"]
    assert after["report"] == before["report"]
    assert after["workbook"].keys() == before["workbook"].keys()
    for sheet, rows in before["workbook"].items():
        assert after["workbook"][sheet] == rows, sheet


@pytest.fixture
def migrated(tmp_path):
    """The office's database of today (deactivated units with entries), upgraded."""
    path = tmp_path / "office.db"
    shutil.copy(DATA / "main_before_rosters_retired2.db", path)
    prepare(path).conn.close()
    db = connect(path)
    yield db
    db.conn.close()


@pytest.mark.parametrize("year", [2020, 2021])
def test_a_restored_previous_release_backup_keeps_every_record(tmp_path, year):
    live = tmp_path / "live.db"
    prepare(live).conn.close()
    backup.restore(live, DATA / "backup_prev_release.db")
    db = connect(live)
    assert_same(golden("restored")[str(year)], record(db, year))


@pytest.mark.parametrize("year", [2020, 2021])
def test_a_database_with_deactivated_units_migrates_without_changing_a_record(migrated,
                                                                              year):
    assert_same(golden("retired")[str(year)], record(migrated, year))
    event_id = events.get(migrated, year)["id"]
    codes = {r[0] for r in migrated.execute(
        f"select code from units u where {roster.in_roster_sql('u', event_id)}")}
    assert "MAU-THPT-0004" not in codes and "MAU-THCS-0003" not in codes
    assert "MAU-THPT-0008" in codes and len(codes) == 72  # 74 units, 2 deactivated


def test_the_golden_database_is_the_pre_roster_schema():
    """The migration is really exercised: the stored database has no roster table."""
    conn = sqlite3.connect(DATA / "main_before_rosters_retired2.db")
    tables = {r[0] for r in conn.execute("select name from sqlite_master where type='table'")}
    conn.close()
    assert "event_units" not in tables and "event_areas" in tables
