"""Many writers at once: nothing lost, no 'database is locked'."""
import csv
import multiprocessing
import subprocess
import sys
import time
from pathlib import Path

import pytest

from db import Actor, connect, entries, events

ROOT = Path(__file__).resolve().parents[2]
WRITERS = 50
# The 50 writers start together (a barrier), so each meets the 49 others. SQLite's busy
# handler between processes is no queue: one writer can wait out most of the burst (measured
# on the shared 2-core CI machine: 200 each, 25 s; 40 each, one save waited 18.6 s of 20.5 s,
# near the 30 s busy timeout). 10 each keeps the burst a few seconds (slowest save 4-6 s
# there), so an error left is the design's, not the machine's load: with a deferred BEGIN
# instead of BEGIN IMMEDIATE 470 of the 500 saves fail with «database is locked».
ENTRIES_PER_WRITER = 10
IMPORTS = 8
ROWS_PER_IMPORT = 250


def add_units(db, count, prefix="CC"):
    rows = [{"code": f"{prefix}-{i:03d}", "name": f"Trường Tiểu học Mẫu {i}", "kind": "school",
             "tier": "tieu_hoc", "ward_code": "00001", "active": 1, "is_sample": 1,
             "created_at": "2020-09-30T00:00:00"} for i in range(count)]
    db["units"].insert_all(rows)
    return [row[0] for row in db.execute(
        f"select id from units where code like '{prefix}-%' order by code")]


def activity(i):
    return {"type": "library", "title": f"Ngày hội đọc sách số {i}", "start_date": "2020-10-03",
            "format": "truc_tiep", "participants": str(i % 300)}


_START = None  # the writers' barrier, handed to each pool process by _join


def _join(barrier):
    global _START
    _START = barrier


def write_entries(args):
    db_path, unit_id, count = args
    db = connect(db_path)
    event_id = events.get(db, 2020)["id"]
    actor = Actor(None, f"writer-{unit_id}", "unit", unit_id)
    if _START is not None:
        _START.wait(timeout=120)  # all at once: contention from the first write
    locked = other = 0
    slowest = 0.0
    for i in range(count):
        started = time.perf_counter()
        try:
            entries.create_activity(db, actor, event_id, unit_id, activity(i))
        except Exception as error:  # counted, not raised: the test reports every failure
            if "locked" in str(error):
                locked += 1
            else:
                other += 1
        slowest = max(slowest, time.perf_counter() - started)
    return locked, other, slowest


@pytest.mark.slow
def test_fifty_writer_processes_lose_no_entry(db_path, db, figures):
    """50 processes × 10 activities through db.entries, each its own unit, started together."""
    unit_ids = add_units(db, WRITERS)
    started = time.perf_counter()
    context = multiprocessing.get_context("fork")
    with context.Pool(WRITERS, initializer=_join, initargs=(context.Barrier(WRITERS),)) as pool:
        results = pool.map(write_entries, [(str(db_path), u, ENTRIES_PER_WRITER)
                                           for u in unit_ids])
    elapsed = time.perf_counter() - started
    locked = sum(r[0] for r in results)
    other = sum(r[1] for r in results)
    stored = db.execute("select count(*) from activities").fetchone()[0]
    audited = db.execute("select count(*) from audit_log where table_name = 'activities' "
                         "and action = 'create'").fetchone()[0]
    figures(writers=WRITERS, entries_each=ENTRIES_PER_WRITER, stored=stored,
            audit_rows=audited, database_locked_errors=locked, other_errors=other,
            seconds=round(elapsed, 1), writes_per_second=round(stored / elapsed),
            slowest_save_s=round(max(r[2] for r in results), 1))  # the busy timeout: 30 s
    assert (locked, other) == (0, 0)
    assert stored == audited == WRITERS * ENTRIES_PER_WRITER
    per_unit = db.execute("select count(distinct unit_id), min(n), max(n) from (select "
                          "unit_id, count(*) n from activities group by unit_id)").fetchone()
    assert per_unit == (WRITERS, ENTRIES_PER_WRITER, ENTRIES_PER_WRITER)
    assert db.execute("pragma integrity_check").fetchone()[0] == "ok"


@pytest.mark.slow
def test_eight_concurrent_cli_imports_lose_no_row(db_path, db, tmp_path, figures):
    """8 `manage.py import-activities` processes started together."""
    add_units(db, IMPORTS, prefix="IMP")
    files = []
    for n in range(IMPORTS):
        path = tmp_path / f"import-{n}.csv"
        with path.open("w", newline="", encoding="utf-8") as f:
            writer = csv.writer(f)
            writer.writerow(entries.ACTIVITY_COLUMNS)
            for i in range(ROWS_PER_IMPORT):
                writer.writerow([f"IMP-{n:03d}", "", "sports", f"Giải chạy {n}-{i}",
                                 "2020-10-04", "", "truc_tiep", str(i), "0", "nguoi_dan",
                                 "", ""])
        files.append(path)
    started = time.perf_counter()
    processes = [subprocess.Popen([sys.executable, "manage.py", "--db", str(db_path),
                                   "import-activities", str(f)], cwd=ROOT,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for f in files]
    outcomes = [(p.wait(timeout=600), p.stderr.read()) for p in processes]
    elapsed = time.perf_counter() - started
    stored = db.execute("select count(*) from activities").fetchone()[0]
    figures(imports=IMPORTS, rows_each=ROWS_PER_IMPORT, stored=stored,
            failed_imports=sum(code != 0 for code, _ in outcomes), seconds=round(elapsed, 1))
    assert [code for code, _ in outcomes] == [0] * IMPORTS, outcomes
    assert stored == IMPORTS * ROWS_PER_IMPORT
