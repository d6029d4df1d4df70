"""A backup edited to mark real units or accounts as sample data is refused at restore:
otherwise "remove the sample data" (demo --remove, the admin's button) would delete them."""
import sqlite3

import pytest

from core import texts
from db import backup, sample_data, units
from db.backup import BackupError


@pytest.fixture
def copy(db, db_path, admin, tmp_path):
    return backup.backup(db_path, tmp_path / "b.db", admin).path


def _mark(path, sql):
    with sqlite3.connect(path) as conn:
        conn.execute(sql)


@pytest.mark.parametrize("forgery", [
    "update units set is_sample = 1 where code = 'PGDDT'",
    "update users set is_sample = 1 where username = 'quan.tri'",
])
def test_a_backup_marking_real_rows_as_sample_is_refused(db, db_path, admin, copy, forgery):
    _mark(copy, forgery)
    with pytest.raises(BackupError) as refused:
        backup.restore(db_path, copy, admin)
    assert texts.BAK_FORGED_SAMPLE.format(count=1).rstrip(".") in str(refused.value)
    assert not sample_data.present(db)
    assert units.get_by_code(db, "PGDDT")["is_sample"] == 0


def test_a_backup_with_the_demos_own_sample_rows_restores(db, db_path, admin, tmp_path):
    from db import Actor, demo

    demo.load(db, Actor.system(), units=8, activities=20)
    copy = backup.backup(db_path, tmp_path / "with-demo.db", admin).path
    backup.restore(db_path, copy, admin)
    assert sample_data.present(db)


@pytest.mark.parametrize("forgery", [
    "update propaganda set slogans = '[1, 2' where id = (select min(id) from propaganda)",
    "update activities set audiences = '\"hoc_sinh\"' where id = (select min(id) from activities)",
])
def test_a_backup_with_malformed_lists_is_refused_before_it_breaks_the_stats(
        db, db_path, admin, tmp_path, forgery):
    """A tampered restore with bad JSON in propaganda.slogans crashed the workbook and the
    report (json_each): it is refused, and the live database keeps working."""
    from db import Actor, demo, events, stats

    demo.load(db, Actor.system(), units=8, activities=20)
    copy = backup.backup(db_path, tmp_path / "lists.db", admin).path
    _mark(copy, forgery)
    with pytest.raises(BackupError):
        backup.restore(db_path, copy, admin)
    assert stats.summary(db, events.get(db, 2020)["id"])["totals"]["activities"] > 0
