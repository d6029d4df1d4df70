"""Connection factory and write transactions.

A connection is opened per call (cheap), because Streamlit runs every rerun on a new
thread and a shared sqlite3 object fails there.
"""
import os
import sqlite3
from contextlib import contextmanager
from pathlib import Path

import sqlite_utils

BUSY_TIMEOUT_MS = 30_000


def default_db_path() -> str:
    return os.environ.get("LLW_DB") or str(Path("data") / "llw.db")


def connect(path: str | os.PathLike | None = None) -> sqlite_utils.Database:
    path = Path(path or default_db_path())
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(
        path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
    )
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA journal_mode = WAL")
    # A committed entry must survive a power cut; writes are few.
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    return sqlite_utils.Database(conn)


@contextmanager
def write_transaction(db: sqlite_utils.Database):
    """BEGIN IMMEDIATE: take the write lock before reading, so read-then-write
    transactions queue on the busy timeout instead of failing with 'database is locked'."""
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise
    else:
        db.conn.execute("COMMIT")
