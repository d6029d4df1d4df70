"""Backup with the online API while another process writes; restore that refuses bad files."""
import os
import sqlite3
import subprocess
import sys
import textwrap
import time
from datetime import datetime

import pytest

from db import Actor, backup, connect
from tests.conftest import ROOT

# The writer: one process committing an activity and its audit row per transaction, as the
# app does, until told to stop. A consistent copy has exactly as many of one as the other.
WRITER = textwrap.dedent("""
    import sys
    from pathlib import Path
    from db import Actor, connect, write_transaction
    from db.audit import AuditEvent, record
    db = connect(sys.argv[1])
    unit_id = db.execute("select id from units where code = 'THCS-THANGLONG'").fetchone()[0]
    event_id = db.execute("select id from events").fetchone()[0]
    stop_file = Path(sys.argv[2])
    n = 0
    while not stop_file.exists():
        with write_transaction(db):
            row_id = db["activities"].insert({
                "event_id": event_id, "unit_id": unit_id, "ward_code": "00007",
                "type": "library", "title": f"Hoạt động số {n}", "description": "x" * 500,
                "start_date": "2020-10-03", "end_date": "2020-10-03", "format": "truc_tiep",
                "participants": n, "created_at": "2020-10-03T09:00:00"}).last_pk
            record(db, Actor.system("writer"), AuditEvent("create", "activities", row_id))
        n += 1
    print(n)
""")


def writer_pair_counts(path):
    conn = sqlite3.connect(path)
    try:
        return conn.execute(
            "select (select count(*) from activities), (select count(*) from audit_log "
            "where table_name = 'activities' and username = 'writer')").fetchone()
    finally:
        conn.close()


def content(path):
    """What the database holds, to prove it did not change."""
    conn = sqlite3.connect(path)
    try:
        return {t: conn.execute(f"select * from {t} order by rowid").fetchall()
                for t in ("events", "units", "activities", "audit_log", "slogans")}
    finally:
        conn.close()


def run_manage(*args, db_path):
    return subprocess.run([sys.executable, "manage.py", "--db", str(db_path), *args],
                          cwd=ROOT, capture_output=True, text=True, timeout=120,
                          stdin=subprocess.DEVNULL)


def test_backup_taken_while_another_process_writes_is_consistent_and_restores(db_path,
                                                                              tmp_path):
    stop = tmp_path / "stop"
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(db_path), str(stop)],
                              cwd=ROOT, stdout=subprocess.PIPE, text=True)
    copies = []
    try:
        deadline = time.time() + 60
        while writer_pair_counts(db_path)[0] < 20 and time.time() < deadline:
            time.sleep(0.1)  # until it is really writing
        for i in range(4):
            copies.append(backup.backup(db_path, tmp_path / f"copy-{i}.db"))
            time.sleep(0.3)
    finally:
        stop.touch()
        written = int(writer.communicate(timeout=60)[0])
    assert writer.returncode == 0 and written > 50
    seen = []
    for copy in copies:
        assert backup.health_problems(copy.path) == []  # includes PRAGMA integrity_check
        activities, audit_rows = writer_pair_counts(copy.path)
        assert activities == audit_rows  # no half transaction in the copy
        seen.append(activities)
    assert seen == sorted(seen) and seen[-1] > seen[0] > 0  # taken during the writes
    assert seen[-1] < written
    # restore the middle copy: the live database now holds exactly that snapshot
    kept = backup.restore(db_path, copies[1].path)
    assert writer_pair_counts(db_path) == (seen[1], seen[1])
    assert writer_pair_counts(kept) == (written, written)  # the replaced one, kept aside


def test_a_junk_file_is_refused_and_the_live_database_untouched(db_path, tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"PK\x03\x04 not a database at all" * 100)
    before = content(db_path)
    with pytest.raises(backup.BackupError) as refused:
        backup.restore(db_path, junk)
    assert "không phải cơ sở dữ liệu SQLite" in str(refused.value)
    assert "không bị thay đổi" in str(refused.value)
    assert content(db_path) == before
    assert not list(tmp_path.glob("*.replaced-*"))


def test_another_apps_sqlite_file_is_refused(db_path, tmp_path):
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("create table notes (id integer primary key, text text)")
    conn.commit()
    conn.close()
    before = content(db_path)
    with pytest.raises(backup.BackupError) as refused:
        backup.restore(db_path, other)
    assert "không phải cơ sở dữ liệu của ứng dụng này" in str(refused.value)
    assert content(db_path) == before


def test_a_damaged_backup_is_refused(db_path, tmp_path):
    good = backup.backup(db_path, tmp_path / "good.db").path
    data = bytearray(good.read_bytes())
    for offset in range(4096 * 3, len(data), 4096):  # scribble over every page after the 3rd
        data[offset + 100: offset + 300] = os.urandom(200)
    damaged = tmp_path / "damaged.db"
    damaged.write_bytes(bytes(data))
    before = content(db_path)
    with pytest.raises(backup.BackupError) as refused:
        backup.restore(db_path, damaged)
    assert "Không khôi phục" in str(refused.value)
    assert content(db_path) == before


def test_a_backup_missing_tables_or_from_a_newer_version_is_refused(db_path, tmp_path):
    copy = backup.backup(db_path, tmp_path / "copy.db").path
    conn = sqlite3.connect(copy)
    conn.execute("insert into _sqlite_migrations (migration_set, name, applied_at) "
                 "values ('llw', 'm999_from_the_future', '2030-01-01')")
    conn.execute("drop table budget_lines")
    conn.commit()
    conn.close()
    problems = backup.health_problems(copy)
    assert any("m999_from_the_future" in p for p in problems)
    assert any("budget_lines" in p for p in problems)
    with pytest.raises(backup.BackupError):
        backup.restore(db_path, copy)


def test_restore_brings_back_deleted_rows_and_keeps_the_replaced_database(db_path, tmp_path):
    copy = backup.backup(db_path, tmp_path / "copy.db").path
    live = connect(db_path)  # a connection held open, as the running server holds one
    live.execute("delete from units where code like 'TTHTCD-%'")
    assert live["units"].count == 20
    kept = backup.restore(db_path, copy, Actor.system("test"),
                          now=datetime(2020, 10, 8, 17, 30, 0))
    assert live["units"].count == 34  # the open connection sees the restored data
    assert kept.name == "llw.db.replaced-20201008-173000"
    assert backup.health_problems(kept) == []
    assert sqlite3.connect(kept).execute("select count(*) from units").fetchone() == (20,)
    assert live.execute("pragma journal_mode").fetchone() == ("wal",)
    (row,) = list(live.query("select * from audit_log where action = 'restore'"))
    assert "copy.db" in row["detail"] and row["username"] == "test"
    # a second restore in the same second keeps both replaced databases
    again = backup.restore(db_path, copy, now=datetime(2020, 10, 8, 17, 30, 0))
    assert again != kept and again.exists() and kept.exists()
    live.conn.close()


def test_restore_from_uploaded_bytes(db_path, tmp_path):
    data = backup.backup_bytes(db_path, Actor.system("test"))
    assert data.startswith(backup.SQLITE_HEADER)
    db = connect(db_path)
    assert db.execute("select count(*) from audit_log where action = 'backup'"
                      ).fetchone() == (1,)
    db.execute("delete from slogans")
    backup.restore_bytes(db_path, data, "llw-2020.db")
    assert db["slogans"].count == 8
    with pytest.raises(backup.BackupError):
        backup.restore_bytes(db_path, b"", "empty.db")
    db.conn.close()


def test_restore_into_a_missing_database_creates_it(db_path, tmp_path):
    copy = backup.backup(db_path, tmp_path / "copy.db").path
    fresh = tmp_path / "new" / "llw.db"
    fresh.parent.mkdir()
    backup.restore(fresh, copy)
    assert content(fresh)["units"] == content(db_path)["units"]


def test_backup_of_a_missing_database_is_an_error_not_an_empty_file(tmp_path):
    with pytest.raises(backup.BackupError) as error:
        backup.backup(tmp_path / "none.db", tmp_path / "out.db")
    assert "Không có cơ sở dữ liệu" in str(error.value)
    assert not (tmp_path / "out.db").exists()


def test_manage_backup_and_restore_commands(db_path, tmp_path):
    out = tmp_path / "saved" / "llw-backup.db"
    done = run_manage("backup", str(out), db_path=db_path)
    assert done.returncode == 0, done.stderr
    assert "integrity_check: ok" in done.stdout and out.exists()
    sqlite3.connect(db_path).execute("delete from slogans").connection.commit()
    done = run_manage("restore", str(out), db_path=db_path)
    assert done.returncode == 0, done.stderr
    assert "Cơ sở dữ liệu cũ được giữ tại" in done.stdout
    assert len(content(db_path)["slogans"]) == 8
    junk = tmp_path / "junk.db"
    junk.write_text("không phải cơ sở dữ liệu")
    before = content(db_path)
    refused = run_manage("restore", str(junk), db_path=db_path)
    assert refused.returncode == 1 and "Không khôi phục" in refused.stderr
    assert content(db_path) == before
    missing = run_manage("backup", str(tmp_path / "x.db"), db_path=tmp_path / "none.db")
    assert missing.returncode == 1 and not (tmp_path / "none.db").exists()
