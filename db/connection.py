"""Connection factory and write transactions.

A connection is opened per call (cheap), because Streamlit runs every rerun on a new
thread and a shared sqlite3 object fails there.

Writes inside one process queue on a FIFO lock (one per database file) before they ask
SQLite for its write lock: SQLite's busy handler is not a queue (it sleeps and retries, so
under 50 concurrent writers the unluckiest waited 6–10 s while others went twice). With the
lock, writers of this process are served in arrival order and SQLite's busy handler only
arbitrates between processes (the CLI, a second server).
"""
import os
import sqlite3
import threading
from collections import deque
from contextlib import contextmanager
from pathlib import Path

import sqlite_utils

BUSY_TIMEOUT_MS = 30_000


def default_db_path() -> str:
    return os.environ.get("LLW_DB") or str(Path("data") / "llw.db")


def _create_private(path: Path) -> None:
    """A new database file is created readable by the server's user only (0600): it holds
    password hashes and personal data. SQLite gives its -wal and -shm files the same mode.
    An existing file keeps the mode its owner chose."""
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    except FileExistsError:
        pass


def connect(path: str | os.PathLike | None = None) -> sqlite_utils.Database:
    path = Path(path or default_db_path())
    path.parent.mkdir(parents=True, exist_ok=True)
    if str(path) != ":memory:":
        _create_private(path)
    conn = sqlite3.connect(
        path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
    )
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA journal_mode = WAL")
    # A committed entry must survive a power cut; writes are few.
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    return sqlite_utils.Database(conn)


class FifoLock:
    """A lock granted in arrival order (threading.Lock is not fair), re-entrant for the
    thread that holds it, with a timeout that leaves the queue intact."""

    def __init__(self):
        self._mutex = threading.Lock()
        self._owner: int | None = None
        self._depth = 0
        self._waiters: deque = deque()  # (thread ident, a held threading.Lock)

    def waiting(self) -> int:
        with self._mutex:
            return len(self._waiters)

    def acquire(self, timeout: float | None = None) -> bool:
        me = threading.get_ident()
        with self._mutex:
            if self._owner == me:
                self._depth += 1
                return True
            if self._owner is None and not self._waiters:
                self._owner, self._depth = me, 1
                return True
            gate = threading.Lock()
            gate.acquire()
            entry = (me, gate)
            self._waiters.append(entry)
        granted = gate.acquire(timeout=-1 if timeout is None else max(timeout, 0))
        if granted:
            return True  # release() made us the owner before opening our gate
        with self._mutex:
            if self._owner == me:  # handed over just as we timed out
                return True
            self._waiters.remove(entry)
            return False

    def release(self) -> None:
        with self._mutex:
            if self._owner != threading.get_ident():
                raise RuntimeError("release of a FifoLock not held by this thread")
            self._depth -= 1
            if self._depth:
                return
            if self._waiters:
                owner, gate = self._waiters.popleft()
                self._owner, self._depth = owner, 1
                gate.release()
            else:
                self._owner = None


_writer_locks: dict[str, FifoLock] = {}
_writer_locks_guard = threading.Lock()


def writer_lock(db: sqlite_utils.Database) -> FifoLock:
    """The process-wide FIFO writer lock of this connection's database file."""
    row = db.conn.execute("PRAGMA database_list").fetchone()
    key = os.path.realpath(row[2]) if row and row[2] else f"memory:{id(db.conn)}"
    with _writer_locks_guard:
        lock = _writer_locks.get(key)
        if lock is None:
            lock = _writer_locks[key] = FifoLock()
        return lock


@contextmanager
def write_transaction(db: sqlite_utils.Database):
    """BEGIN IMMEDIATE: take the write lock before reading, so read-then-write
    transactions queue instead of failing with 'database is locked'. Writers of this
    process queue first on the FIFO writer lock (first come, first served)."""
    lock = writer_lock(db)
    if not lock.acquire(timeout=BUSY_TIMEOUT_MS / 1000):
        raise sqlite3.OperationalError("database is locked")
    try:
        db.conn.execute("BEGIN IMMEDIATE")
        try:
            yield db
        except BaseException:
            if db.conn.in_transaction:
                db.conn.execute("ROLLBACK")
            raise
        else:
            db.conn.execute("COMMIT")
    finally:
        lock.release()
