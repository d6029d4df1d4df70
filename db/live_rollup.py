"""Live sub-organisations (issue 24 deliver 3): an upper level's figures include its
children in the installation's directory (db/directory.py) without any file.

For the organiser whose file `db` is, each CHILD in the directory is read through
directory.connect_readonly (a write fails in SQLite itself): its week of the same year,
and exactly what its roll-up sheet would carry — db/rollup.sheet_rows on the child's file,
read back by core/rollup.parse as an imported workbook is. So the child's totals are
`rollup.with_suborganisations(child, week, stats.summary(child, week))["totals"]`: its own
live children (and the files it took in) are inside, through its own call, and a chain of
levels adds up. Its state is «final» when its closing report may be final
(core/closing_report.missing is empty), else «draft»; «no_week» when it has no week of
that year (listed, never summed); «error» when its file cannot be read or its sheet does
not pass the checks a workbook passes (listed with the reasons, never summed).

Cost: each child's figures are kept in this process, keyed by its file and year, and
valid while the child's stamp is unchanged: its figures counter (db/live_figures
fingerprint: file, inode, epoch, figures_version — every table the figures read), the
newest audit row id (what the state also reads: nominations, commendations — every write
is audited), and the stamps of its own descendants (their figures are in its totals). A
refresh with nothing changed reads one row pair per descendant and opens no table of
theirs beyond that.
"""
import os
import sqlite3
import threading
import time
from datetime import datetime, timezone
from pathlib import Path

from core import texts

DRAFT, FINAL, NO_WEEK, ERROR = "draft", "final", "no_week", "error"
_CACHE: dict[tuple, tuple] = {}  # (child file, year) -> (stamp, item with "tables")
_LOCK = threading.Lock()
_CHAIN = threading.local()  # the files being computed on this thread (a loop guard)
COUNTS = {"computed": 0, "hits": 0}


# --- which file, which children ----------------------------------------------------------

def database_file(db) -> Path | None:
    """The file of an open connection (None: in memory)."""
    row = db.execute("PRAGMA database_list").fetchone()
    return Path(os.path.realpath(row[2])) if row and row[2] else None


def _directory():
    from db import directory

    return directory


def record_of(db):
    """The directory's record of the organiser whose file `db` is (None: no directory, or
    a file it does not list)."""
    path = database_file(db)
    if path is None:
        return None
    return _directory().record_of_file(path)


def _tree(records: list) -> dict[str, list]:
    """parent key -> its children's records (directory order)."""
    out: dict[str, list] = {}
    for r in records:
        if r.parent_key:
            out.setdefault(r.parent_key, []).append(r)
    return out


def _place(db):
    """(this file's record, the directory's tree), from one read of the directory;
    (None, {}) without a directory or for a file it does not list."""
    path = database_file(db)
    if path is None:
        return None, {}
    everyone = _directory().records(path)
    record = next((r for r in everyone if r.file == path), None)  # both absolute
    return record, (_tree(everyone) if record is not None else {})


# --- the figures -----------------------------------------------------------------------------

def children(db, event_id: int) -> list[dict]:
    """One item per child of this file's organiser in the directory ([] without a
    directory): the shape of db/rollup.suborganisations' items (organiser, level, year,
    generated_at, imported_at, file_name, content_hash, sample, totals) plus `key`,
    `directory_name`, `live` True, `state` (draft/final/no_week/error), `state_label`,
    `errors` and `tables` (the sheet's tables, for the closing report). `totals` is None
    unless the child's figures are summed (state draft or final)."""
    record, tree = _place(db)
    if record is None:
        return []
    kids = tree.get(record.key, [])
    if not kids:
        return []
    year = db.execute("select year from events where id = ?", [event_id]).fetchone()[0]
    return [child_item(kid, year, tree) for kid in kids]


def child_item(record, year: int, tree: dict | None = None) -> dict:
    """The child's item for `year`, from the cache while its stamp is unchanged."""
    tree = _tree(_directory().records(record.file)) if tree is None else tree
    path = str(record.file)  # absolute (db/directory.py)
    chain = _chain()
    if path in chain:  # a directory whose parents loop: never sum a file into itself
        return _unsummed(record, year, ERROR, [texts.LIVE_ROLLUP_LOOP.format(
            name=record.name)])
    try:
        stamp = _stamp(record, tree)
        with _LOCK:
            cached = _CACHE.get((path, year))
            if cached is not None and cached[0] == stamp:
                COUNTS["hits"] += 1
                return cached[1]
        chain.add(path)
        try:
            item = _compute(record, year)
        finally:
            chain.discard(path)
    except (sqlite3.Error, OSError) as error:  # a file listed but missing, damaged
        return _unsummed(record, year, ERROR, [texts.LIVE_ROLLUP_UNREADABLE.format(
            name=record.name, error=error)])
    with _LOCK:
        _CACHE[(path, year)] = (stamp, item)
        COUNTS["computed"] += 1
    return item


def _chain() -> set:
    if not hasattr(_CHAIN, "files"):
        _CHAIN.files = set()
    return _CHAIN.files


class _StampReader:
    """One read-only connection per child file, kept open to read its stamp: opening a
    file and parsing its schema (a hundred triggers) costs ~1 ms, the read itself ~20 µs.
    A file replaced by a restore (another inode) gets a new connection; each read is its
    own snapshot (autocommit), so it sees every commit."""

    def __init__(self):
        self.lock = threading.Lock()
        self.conns: dict[str, tuple] = {}  # path -> (inode, connection, its lock)

    def read(self, path: str) -> tuple:
        inode = os.stat(path).st_ino
        with self.lock:
            entry = self.conns.get(path)
            if entry is None or entry[0] != inode:  # the old one closes when unused
                entry = self.conns[path] = (inode, _directory().connect_readonly(path),
                                            threading.Lock())
        _inode, conn, lock = entry
        with lock:
            try:
                row = conn.execute(STAMP_SQL).fetchone()
            except sqlite3.Error:
                with self.lock:  # a damaged or vanished file: open again next time
                    if self.conns.get(path) is entry:
                        del self.conns[path]
                raise
        return (path, inode, *(row or (None, None, None)))

    def forget_all(self) -> None:
        """Drop every kept connection (each closes once no reader holds it)."""
        with self.lock:
            self.conns.clear()


# the figures counter and the newest audit row of a child, in one statement
STAMP_SQL = ("select epoch, n, (select max(id) from audit_log) from figures_version "
             "where id = 1")
_READER = _StampReader()


def _stamp(record, tree: dict, seen: frozenset = frozenset()) -> tuple:
    """The child's own stamp and those of its descendants (their figures are in its
    totals), read once each."""
    if record.key in seen:  # parents that loop: stop (child_item refuses to sum it)
        return ("loop",)
    own = _READER.read(str(record.file))
    seen = seen | {record.key}
    return (own, tuple(_stamp(k, tree, seen) for k in tree.get(record.key, [])))


def _compute(record, year: int) -> dict:
    """Read the child's week of `year` in one read transaction (its figures and its
    state of one moment)."""
    conn = _directory().connect_readonly(record.file)
    try:
        conn.execute("begin")
        try:
            return _figures(conn, record, year)
        finally:
            conn.execute("commit")
    finally:
        conn.conn.close()


def _figures(conn, record, year: int) -> dict:
    from core import closing_report
    from core import rollup as core
    from db import events, report_data, rollup

    event = events.get(conn, year)
    if event is None:
        return _unsummed(record, year, NO_WEEK, [])
    read_at = datetime.now(timezone.utc).isoformat(timespec="microseconds")
    rows = rollup.sheet_rows(conn, event["id"], generated_at=read_at)
    try:  # the checks a workbook of this sheet passes when it is taken in
        report = core.parse([texts.ROLLUP_COLUMNS] + rows, file_name=record.name,
                            sheet=texts.WB_SHEETS["rollup"], header=texts.ROLLUP_COLUMNS)
    except core.RollupError as refused:
        return _unsummed(record, year, ERROR, refused.errors)
    final = not closing_report.missing(report_data.gather_status(conn, event))
    state = FINAL if final else DRAFT
    return {"organiser": report.organiser, "level": record.level, "year": year,
            "generated_at": read_at, "imported_at": None, "file_name": "",
            "content_hash": report.content_hash, "sample": report.sample,
            "totals": rollup.report_totals(report.totals), "key": record.key,
            "directory_name": record.name, "live": True,
            "state": state, "state_label": texts.LIVE_ROLLUP_STATES[state], "errors": [],
            "tables": report.tables}


def _unsummed(record, year: int, state: str, errors: list[str]) -> dict:
    """A child listed without figures (no week of that year, or unreadable)."""
    return {"organiser": record.name, "level": record.level, "year": year,
            "generated_at": datetime.now(timezone.utc).isoformat(timespec="microseconds"),
            "imported_at": None, "file_name": "", "content_hash": "", "sample": False,
            "totals": None, "key": record.key, "directory_name": record.name,
            "live": True, "state": state,
            "state_label": texts.LIVE_ROLLUP_STATES[state], "errors": list(errors),
            "tables": {}}


# --- the stamp of the whole area (the dashboard's shared view) ------------------------------

def area_stamp(db) -> tuple:
    """The stamps of every descendant of this file's organiser (() without a directory):
    with the own fingerprint, it names the state of the whole area's figures."""
    record, tree = _place(db)
    if record is None:
        return ()
    try:
        return tuple(_stamp(k, tree) for k in tree.get(record.key, []))
    except (sqlite3.Error, OSError):
        return (time.time(),)  # an unreadable child: never a state seen before


def cache_info() -> dict:
    with _LOCK:
        return dict(COUNTS, size=len(_CACHE))


def clear_cache() -> None:
    _READER.forget_all()
    with _LOCK:
        _CACHE.clear()
        for key in COUNTS:
            COUNTS[key] = 0
