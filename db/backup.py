"""Backup and restore of the whole database.

Backup uses SQLite's online backup API (never a file copy: a `cp` during writes can lose
committed rows), then runs `PRAGMA integrity_check` on the copy. The copy is switched to
rollback-journal mode so it is one self-contained file.

What a backup contains: every table of the application (events, units, accounts with their
bcrypt password hashes, entries, photos, the audit log, settings). Never the login cookie's
signing key: it is kept outside the database (db/settings.py), and a `cookie_key` row left
by an older version is deleted from every copy.

Restore refuses any file that is not a healthy database of this app (integrity_check, the
app's migration records, the expected tables) and then leaves the live database untouched.
Otherwise the rows of this app's tables (and only those, never a key) are copied from the
file into a freshly created database of the current schema: a trigger, view or table that
someone added to the file does not survive. The live database is then backed up beside
itself as a timestamped file and replaced by the fresh one with the same backup API, under
SQLite's lock, so a running server keeps working and sees the restored data on its next
query.
"""
import os
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from core import texts, timefmt
from db import audit
from db.access import require_role
from db.audit import AuditEvent
from db.connection import _create_private, connect, write_transaction
from db import schema, settings
from db.schema import BACKFILL_ACTIVITIES_WEEK, BACKFILL_PROPAGANDA_WEEK, migrations
from db.setup import prepare

SQLITE_HEADER = b"SQLite format 3\x00"
# Tables every database of this app has had since the first migration.
EXPECTED_TABLES = ("events", "wards", "units", "users", "activities", "propaganda",
                   "budgets", "budget_lines", "audit_log", "settings")
BUSY_TIMEOUT_S = 30


class BackupError(Exception):
    """A backup or restore did not happen; the message says why, in Vietnamese."""


@dataclass
class BackupResult:
    path: Path
    size: int
    tables: dict[str, int]  # row counts of a few main tables, to show the admin


def _open(path) -> sqlite3.Connection:
    # Read-write even to read: a read-only connection cannot open a WAL database whose
    # -shm file does not exist yet. Only files we own are opened (see restore).
    conn = sqlite3.connect(Path(path), timeout=BUSY_TIMEOUT_S, isolation_level=None,
                           check_same_thread=False)
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_S * 1000}")
    return conn


def backup(live_path, dest_path, actor=None) -> BackupResult:
    """Copy the live database to `dest_path` while others may be writing. With an
    `actor`, the backup is first noted in the audit log (so the copy holds that row)."""
    if actor is not None:  # None is the command line, which runs with the server's rights
        require_role(actor, "admin")
    live_path, dest_path = Path(live_path), Path(dest_path)
    if not live_path.exists():
        raise BackupError(texts.BAK_NO_DATABASE.format(path=live_path))
    if actor is not None:
        _note_backup(live_path, actor, dest_path.name)
    # a folder made here is the server's own: 0700 whatever the umask (issue 25 item 10)
    dest_path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    # Write beside the target, then rename: a half-written file never carries the name.
    fd, partial = tempfile.mkstemp(prefix=dest_path.name + ".", suffix=".part",
                                   dir=dest_path.parent)
    os.close(fd)
    try:
        source, target = _open(live_path), _open(partial)
        try:
            source.backup(target)  # one step: a consistent snapshot under a read lock
            target.execute("PRAGMA journal_mode = DELETE")
            settings.strip_secrets(target)  # an old version's key never leaves the server
            _strip_server_state(target)
            target.execute("VACUUM")  # and its bytes do not linger in free pages
        finally:
            source.close()
            target.close()
        problems = health_problems(partial)
        if problems:
            raise BackupError(texts.BAK_COPY_UNHEALTHY.format(problems=_joined(problems)))
        os.replace(partial, dest_path)
    finally:
        if os.path.exists(partial):
            os.remove(partial)
    return BackupResult(dest_path, dest_path.stat().st_size, row_counts(dest_path))


def _strip_server_state(conn: sqlite3.Connection) -> None:
    """Empty the tables a restore never copies back (NOT_COPIED) and that only describe this
    server: login_throttle holds every name typed into the sign-in form that failed, and a
    password typed into the name field by mistake is such a name. A copy carries none of it."""
    tables = {r[0] for r in conn.execute("select name from sqlite_master where type = 'table'")}
    if "login_throttle" in tables:
        conn.execute("delete from login_throttle")


def backup_bytes(live_path, actor=None) -> bytes:
    """A backup as bytes, for the admin's download button."""
    with tempfile.TemporaryDirectory() as folder:
        result = backup(live_path, Path(folder) / "llw-backup.db", actor)
        return result.path.read_bytes()


def _note_backup(live_path: Path, actor, name: str) -> None:
    db = connect(live_path)
    try:
        with write_transaction(db):
            audit.record(db, actor, AuditEvent("backup", detail={"file": name}))
    finally:
        db.conn.close()


def health_problems(path) -> list[str]:
    """Why `path` is not a healthy database of this app (empty list: it is)."""
    path = Path(path)
    try:
        with open(path, "rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as error:
        return [texts.BAK_UNREADABLE.format(reason=error.strerror or error)]
    if header != SQLITE_HEADER:
        return [texts.BAK_NOT_SQLITE]
    try:
        conn = _open(path)
    except sqlite3.Error as error:
        return [texts.BAK_UNREADABLE.format(reason=error)]
    # A damaged file can put any bytes in integrity_check's messages and in its text.
    conn.text_factory = lambda raw: raw.decode("utf-8", "replace")
    try:
        return _app_problems(conn)
    except sqlite3.DatabaseError as error:
        return [texts.BAK_DAMAGED.format(reason=error)]
    except UnicodeDecodeError:  # SQLite's message quoted damaged bytes
        return [texts.BAK_DAMAGED.format(reason="malformed")]
    finally:
        conn.close()


def _app_problems(conn: sqlite3.Connection) -> list[str]:
    result = [row[0] for row in conn.execute("PRAGMA integrity_check")]
    if result != ["ok"]:
        return [texts.BAK_DAMAGED.format(reason="; ".join(result[:5]))]
    tables = {row[0] for row in conn.execute(
        "select name from sqlite_master where type = 'table'")}
    if migrations.migrations_table not in tables:
        return [texts.BAK_NOT_THIS_APP]
    applied = {row[0] for row in conn.execute(
        f"select name from {migrations.migrations_table} where migration_set = ?",
        [migrations.name])}
    known = {m.name for m in migrations._migrations}
    problems = []
    if not applied:
        problems.append(texts.BAK_NOT_THIS_APP)
    elif applied - known:
        problems.append(texts.BAK_NEWER_VERSION.format(names=", ".join(sorted(applied - known))))
    if missing := [t for t in EXPECTED_TABLES if t not in tables]:
        problems.append(texts.BAK_MISSING_TABLES.format(tables=", ".join(missing)))
    elif forged := _forged_sample_rows(conn):
        problems.append(texts.BAK_FORGED_SAMPLE.format(count=forged))
    elif malformed := _malformed_lists(conn):
        problems.append(texts.BAK_DAMAGED.format(reason=malformed))
    return problems


# Lists stored as JSON text; the stats read them with json_each, which fails on bad JSON.
_JSON_LISTS = (("propaganda", "slogans"), ("activities", "audiences"))


def _malformed_lists(conn: sqlite3.Connection) -> str:
    """'propaganda.slogans: 2' when some rows do not hold a JSON list ('' when all do)."""
    bad = []
    for table, column in _JSON_LISTS:
        count = conn.execute(
            f"select count(*) from {table} where not (json_valid({column}) "
            f"and json_type({column}) = 'array')").fetchone()[0]
        if count:
            bad.append(f"{table}.{column}: {count}")
    return "; ".join(bad)


def _forged_sample_rows(conn: sqlite3.Connection) -> int:
    """Rows marked as sample data that the demo never makes (db/demo.py names its units
    MAU-… and its accounts mau.…): a file marking real units or accounts so would have a
    later "remove the sample data" delete them."""
    units = conn.execute("select count(*) from units where is_sample = 1 "
                         "and code not like 'MAU-%'").fetchone()[0]
    users = conn.execute("select count(*) from users where is_sample = 1 "
                         "and username not like 'mau.%'").fetchone()[0]
    return units + users


def _joined(problems: list[str]) -> str:
    return "; ".join(p.rstrip(".") for p in problems)


def refusal(problems: list[str]) -> str:
    """The message shown when a file is refused for a restore."""
    return texts.BAK_RESTORE_REFUSED.format(problems=_joined(problems))


def row_counts(path) -> dict[str, int]:
    conn = _open(path)
    try:
        return {t: conn.execute(f"select count(*) from {t}").fetchone()[0]
                for t in ("events", "units", "users", "activities", "propaganda",
                          "audit_log")}
    finally:
        conn.close()


def restore(live_path, source_path, actor=None, now: datetime | None = None,
            other_organiser: bool = False) -> Path:
    """Replace the live database's content by the file `source_path`. Returns where the
    replaced database was kept. Raises BackupError, with the live database untouched, when
    the file is not a healthy database of this app. The file is copied to a private
    temporary folder first: what is checked is exactly what is restored, and the
    caller's file is never opened for writing."""
    if actor is not None:
        require_role(actor, "admin")
    with tempfile.TemporaryDirectory() as folder:
        private = Path(folder) / "restore.db"
        try:
            shutil.copyfile(source_path, private)
        except OSError as error:
            raise BackupError(texts.BAK_UNREADABLE.format(reason=error.strerror or error))
        if not other_organiser:
            _refuse_another_organisers(Path(live_path), private)
        return _restore_checked(Path(live_path), private, Path(source_path).name, actor, now)


def restore_bytes(live_path, data: bytes, filename: str = "upload.db", actor=None,
                  now: datetime | None = None) -> Path:
    """Restore from an uploaded file's bytes (the admin page: never another organiser's
    backup over this one's file)."""
    with tempfile.TemporaryDirectory() as folder:
        private = Path(folder) / "restore.db"
        private.write_bytes(data)
        _refuse_another_organisers(Path(live_path), private)
        return _restore_checked(Path(live_path), private, filename, actor, now)


def _organiser_names(path: Path) -> set[str]:
    """The organiser names of a database's weeks, compared as identities (case, spaces)."""
    from core.rollup import identity

    try:
        conn = _open(path)
    except sqlite3.Error:
        return set()
    try:
        rows = conn.execute("select organiser_name from events").fetchall()
    except sqlite3.Error:
        return set()  # not ours: health_problems says so
    finally:
        conn.close()
    return {identity(name) for (name,) in rows if name and name.strip()}


def _refuse_another_organisers(live_path: Path, private: Path) -> None:
    """On a server of several organisers (issue 24), a backup whose weeks name only other
    organisers is not restored over this organiser's file: ward B's copy would replace
    ward A's data. A backup of this organiser — its weeks share a name with the live file's
    weeks or with its name in the directory — or one naming no organiser passes."""
    from core.rollup import identity
    from db import directory

    record = directory.record_of_file(live_path)
    theirs = _organiser_names(private)
    if record is None or not theirs:
        return
    ours = _organiser_names(live_path) | {identity(record.name)}
    if theirs & ours:
        return
    raise BackupError(texts.BAK_OTHER_ORGANISER.format(ours=record.name))


# Tables derived from others by the app's own triggers: rebuilt, never copied.
DERIVED_TABLES = {"activity_cube": BACKFILL_ACTIVITIES_WEEK,
                  "propaganda_cube": BACKFILL_PROPAGANDA_WEEK}
# Never copied from a file: the fresh schema's migration records and per-server state.
# figures_version: the fresh file's own random epoch, so a restored state is never taken
# for one the dashboard has seen (db/live_figures.py).
NOT_COPIED = {migrations.migrations_table, "login_throttle", "sqlite_sequence",
              "figures_version"}


def rebuild_from(private: Path, fresh: Path) -> int:
    """Create `fresh` with the current schema and copy into it the rows of this app's tables
    found in `private` (columns both have). Returns how many foreign objects (triggers,
    views, tables not of this app) were left behind."""
    prepare(fresh).conn.close()
    conn = _open(fresh)
    try:
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute("ATTACH DATABASE ? AS src", [str(private)])
        ours = [r[0] for r in conn.execute(
            "select name from main.sqlite_master where type = 'table' "
            "and name not like 'sqlite_%' order by rowid")]
        theirs = {r[0]: r[1] for r in conn.execute(
            "select name, type from src.sqlite_master where name not like 'sqlite_%' "
            "and type in ('table', 'view', 'trigger')")}
        own_objects = {r[0] for r in conn.execute(
            "select name from main.sqlite_master where name not like 'sqlite_%'")}
        foreign = [n for n, kind in theirs.items()
                   if kind in ("view", "trigger", "table") and n not in own_objects]
        conn.execute("BEGIN IMMEDIATE")
        for table in ours:
            if table in NOT_COPIED or table in DERIVED_TABLES or theirs.get(table) != "table":
                continue
            mine = [r[1] for r in conn.execute(f"pragma main.table_info([{table}])")]
            source_columns = {r[1] for r in conn.execute(f"pragma src.table_info([{table}])")}
            columns = ", ".join(f"[{c}]" for c in mine if c in source_columns)
            conn.execute(f"delete from main.[{table}]")
            conn.execute(f"insert into main.[{table}] ({columns}) "
                         f"select {columns} from src.[{table}]")
        from db.entries import bound_old_photos

        bound_old_photos(conn)  # an older backup's full-size photos get bounded copies
        for needed, fill in schema.RESTORE_BACKFILLS:  # per-event data an older release lacked
            table, _, column = needed.partition(".")
            if theirs.get(table) != "table" or (column and column not in {
                    r[1] for r in conn.execute(f"pragma src.table_info([{table}])")}):
                fill(conn)
        for table, backfill in DERIVED_TABLES.items():
            conn.execute(f"delete from main.[{table}]")
            conn.execute(backfill)
        conn.execute("delete from main.settings where key in "
                     f"({','.join('?' * len(settings.SECRET_KEYS))})", settings.SECRET_KEYS)
        conn.execute("COMMIT")
        conn.execute("DETACH DATABASE src")
        broken = conn.execute("PRAGMA foreign_key_check").fetchall()
        if broken:
            raise BackupError(refusal([texts.BAK_DAMAGED.format(
                reason=f"foreign_key_check: {len(broken)}")]))
        conn.execute("PRAGMA journal_mode = DELETE")
    except sqlite3.Error as error:
        raise BackupError(refusal([texts.BAK_DAMAGED.format(reason=error)])) from None
    finally:
        conn.close()
    return len(foreign)


def keep_revocations(live_path: Path, fresh: Path) -> None:
    """A restored file knows only the logouts and password changes made before it was
    copied: a cookie revoked since (a stolen one, a shared computer's) would be accepted again
    until it expires. Each account keeps the later of the two revocation times."""
    if not live_path.exists():
        return
    conn = _open(fresh)
    try:
        conn.execute("ATTACH DATABASE ? AS live", [str(live_path)])
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(
            "update main.users set sessions_valid_after = max(sessions_valid_after, "
            "(select l.sessions_valid_after from live.users l "
            " where l.username = main.users.username)) "
            "where username in (select username from live.users)")
        conn.execute("COMMIT")
        conn.execute("DETACH DATABASE live")
    except sqlite3.Error as error:
        raise BackupError(refusal([texts.BAK_DAMAGED.format(reason=error)])) from None
    finally:
        conn.close()


def _restore_checked(live_path: Path, private: Path, name: str, actor, now) -> Path:
    staged = stage(private)
    return install(live_path, staged, name, actor, now)


@dataclass
class Staged:
    """A file checked and rebuilt into a fresh database of the current schema, ready to be
    copied over a live one (install): what a restore writes, made before anything is
    replaced — a restore of several files (a whole installation) stages them all first."""
    fresh: Path
    foreign: int  # objects of the file left behind (triggers, views, tables not ours)


def stage(private: Path, fresh: Path | None = None) -> Staged:
    """Check `private` (a copy only we can write) and rebuild it into `fresh` (default:
    fresh.db beside it). Raises BackupError with the reasons, nothing else written."""
    problems = health_problems(private)
    if problems:
        raise BackupError(refusal(problems))
    fresh = fresh or private.with_name("fresh.db")
    return Staged(fresh, rebuild_from(private, fresh))


def kept_name(live_path: Path, now=None) -> Path:
    """Where the database a restore replaces is kept: <name>.replaced-YYYYmmdd-HHMMSS,
    never over an earlier one (two restores in one second)."""
    stamp = timefmt.file_stamp(now)  # Hà Nội time
    kept = live_path.with_name(f"{live_path.name}.replaced-{stamp}")
    for n in range(2, 1000):
        if not kept.exists():
            break
        kept = live_path.with_name(f"{live_path.name}.replaced-{stamp}-{n}")
    return kept


def install(live_path: Path, staged: Staged, name: str, actor, now, keep: bool = True
            ) -> Path | None:
    """Copy a staged database over `live_path` (kept beside itself first, unless `keep` is
    False: a file made a moment ago and still empty). Returns where the old one was kept."""
    keep_revocations(live_path, staged.fresh)
    kept = kept_name(live_path, now) if keep and live_path.exists() else None
    if kept is not None:
        backup(live_path, kept)
    copy_over(staged.fresh, live_path)
    note_restore(live_path, name, kept, actor, staged.foreign)
    return kept


def copy_over(source_path: Path, live_path: Path) -> None:
    """Replace the content of `live_path` by `source_path`'s with the backup API, under
    SQLite's lock: a running server keeps its connections and sees the new data next.
    A file made here (a restore into a new installation) is the server's own: 0600."""
    live_path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    _create_private(live_path)
    source, live = _open(source_path), _open(live_path)
    try:
        live.execute("PRAGMA journal_mode = WAL")  # the live database keeps running in WAL
        try:
            source.backup(live)  # one step, under the write lock: readers see old or new
        except sqlite3.Error as error:
            raise BackupError(texts.BAK_RESTORE_FAILED.format(reason=error)) from None
        live.execute("PRAGMA journal_mode = WAL")
    finally:
        source.close()
        live.close()


def note_restore(live_path: Path, name: str, kept: Path, actor, foreign: int = 0) -> None:
    """Note the restore in the restored database's log (its schema is already current)."""
    db = prepare(live_path)
    try:
        with write_transaction(db):
            audit.record(db, actor, AuditEvent("restore", detail={
                "file": name, "replaced_database_kept_as": str(kept) if kept else None,
                "foreign_objects_dropped": foreign}))
    finally:
        db.conn.close()


def backup_folder(live_path) -> Path:
    """Where the admin page keeps the backups it makes: 'backups/' beside the database, and
    for an organiser listed under another one (a ward of a city, issue 24) 'backups/<key>/':
    every file of an installation sits in one folder, and a ward's admin lists and downloads
    the ward's own backups only."""
    from db import directory

    folder = Path(live_path).resolve().parent / "backups"
    record = directory.record_of_file(live_path)
    if record is not None and record.parent_key is not None:
        return folder / record.key
    return folder


def backup_to_folder(live_path, actor=None, now: datetime | None = None) -> BackupResult:
    """A new timestamped backup in backup_folder(): llw-YYYYmmdd-HHMMSS.db (a listed
    ward's: llw-<key>-YYYYmmdd-HHMMSS.db, so that a downloaded copy says whose it is)."""
    from db import directory

    stamp = timefmt.file_stamp(now)  # Hà Nội time
    folder = private_folder(backup_folder(live_path))
    record = directory.record_of_file(live_path)
    prefix = f"llw-{record.key}-" if record is not None and record.parent_key else "llw-"
    return backup(live_path, folder / f"{prefix}{stamp}.db", actor)


def private_folder(folder: Path) -> Path:
    """The backups folder, created 0700 (a umask of 000 would make mkdir's default 0777)
    and tightened to 0700 if it exists looser: backups hold every account's hash."""
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    if folder.stat().st_mode & 0o077:
        folder.chmod(0o700)
    return folder


def list_backups(live_path) -> list[dict]:
    """The backups in backup_folder(), newest first: name, path, size, modified time."""
    folder = backup_folder(live_path)
    if not folder.is_dir():
        return []
    files = sorted(folder.glob("llw-*.db"), key=lambda p: p.stat().st_mtime, reverse=True)
    return [{"name": p.name, "path": p, "size": p.stat().st_size,
             "modified": datetime.fromtimestamp(p.stat().st_mtime, timefmt.ZONE)} for p in files]
