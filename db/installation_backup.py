"""Backup and restore of a whole installation (issue 24 deliver 5): the directory of
organisers and every organiser's database in one .zip.

The archive holds exactly:

- `manifest.json`: the format, its version, when it was made, the root organiser (the one
  whose data are in the installation's --db file) and the keys of every organiser;
- `organisers.db`: a copy of the directory (db/directory.py) made with SQLite's backup API;
- `organisers/<key>.db`: each organiser's backup made by db/backup.backup — the same file
  `manage.py --organiser KEY backup` writes: no login signing key (it is never in a
  database), no login counters, VACUUMed, checked with integrity_check.

A restore is all-or-nothing. The archive's names and sizes are checked before anything is
inflated (core/archive_guard.py); then, in a private folder beside the installation, the
directory's rows are checked and every organiser's file is checked and rebuilt into a fresh
database of the current schema (db/backup.stage: only this app's tables survive). Only when
every file has passed does anything on the server change: each live file is kept beside
itself (`<file>.replaced-<time>`) and replaced with the backup API (a running server keeps
working); should a write fail halfway, the files already replaced get their kept content
back. The directory itself is rebuilt from the archive's rows, never copied: a trigger or
table someone added to it does not survive either.

A restore refuses to drop organisers the installation has and the archive does not have
unless told so (`replace_others`): their files are then kept aside, not deleted.
"""
import json
import os
import re
import sqlite3
import shutil
import tempfile
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from core import archive_guard, texts
from core.archive_guard import ArchiveRefused
from core.text import clean
from db import backup, directory
from db.audit import now_iso
from db.backup import BackupError

FORMAT = "llw-installation-backup"
VERSION = 1
MANIFEST = "manifest.json"
DIRECTORY_MEMBER = directory.DIRECTORY_NAME  # organisers.db
_ORGANISER_MEMBER = re.compile(r"organisers/([a-z0-9][a-z0-9-]{1,39})\.db")
MANIFEST_MAX_BYTES = 256 * 1024
_DIRECTORY_COLUMNS = ("key", "name", "level", "parent_key", "file", "created_at")


def member_of(key: str) -> str:
    return f"organisers/{key}.db"


def _allowed(name: str) -> bool:
    return name in (MANIFEST, DIRECTORY_MEMBER) or bool(_ORGANISER_MEMBER.fullmatch(name))


@dataclass
class ArchiveResult:
    path: Path
    size: int
    organisers: list[str]  # keys, parents first


@dataclass
class Restored:
    organisers: list[str]
    kept: dict[str, Path | None] = field(default_factory=dict)  # key -> replaced file kept
    set_aside: dict[str, Path] = field(default_factory=dict)  # dropped organiser -> its file


# --- backup ---------------------------------------------------------------------------------

def backup_all(root_db, dest, actor=None, now: datetime | None = None) -> ArchiveResult:
    """Write the archive of the installation whose first file is `root_db` to `dest`."""
    root_db, dest = Path(root_db).resolve(), Path(dest)
    if not directory.records(root_db):
        raise BackupError(texts.ARC_SINGLE_INSTALLATION)
    dest.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    with tempfile.TemporaryDirectory(prefix=".llw-backup-", dir=dest.parent) as folder:
        folder = Path(folder)
        # The directory first, and the organisers listed in that copy: an organiser added
        # meanwhile is in neither, never in one without the other.
        directory_copy = folder / DIRECTORY_MEMBER
        _copy_directory(directory.directory_path(root_db), directory_copy)
        rows = _directory_rows(directory_copy)
        root_key = _root_key(rows)
        for row in rows:
            backup.backup(root_db.parent / row["file"], folder / f"{row['key']}.db", actor)
        manifest = {"format": FORMAT, "version": VERSION, "created_at": now_iso(),
                    "root": root_key, "organisers": [row["key"] for row in rows]}
        fd, partial = tempfile.mkstemp(prefix=dest.name + ".", suffix=".part", dir=dest.parent)
        os.close(fd)
        try:
            with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as out:
                out.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
                out.write(directory_copy, DIRECTORY_MEMBER)
                for row in rows:
                    out.write(folder / f"{row['key']}.db", member_of(row["key"]))
            os.replace(partial, dest)
        finally:
            if os.path.exists(partial):
                os.remove(partial)
    return ArchiveResult(dest, dest.stat().st_size, [row["key"] for row in rows])


def _copy_directory(live: Path, target: Path) -> None:
    source, copy = sqlite3.connect(live, timeout=30), sqlite3.connect(target)
    try:
        source.backup(copy)
        copy.execute("PRAGMA journal_mode = DELETE")
        result = [r[0] for r in copy.execute("PRAGMA integrity_check")]
    finally:
        source.close()
        copy.close()
    if result != ["ok"]:
        raise BackupError(texts.BAK_COPY_UNHEALTHY.format(problems="; ".join(result[:5])))


# --- reading an archive's directory ---------------------------------------------------------

def _directory_rows(path: Path) -> list[dict]:
    """The organisers a directory file lists, parents before children, each row checked as
    db/directory.add checks a new one. Raises ArchiveRefused."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as error:
        raise ArchiveRefused(texts.ARC_BAD_DIRECTORY.format(reason=error)) from None
    conn.text_factory = lambda raw: raw.decode("utf-8", "replace")
    try:
        if [r[0] for r in conn.execute("PRAGMA integrity_check")] != ["ok"]:
            raise ArchiveRefused(texts.ARC_BAD_DIRECTORY.format(reason="integrity_check"))
        rows = [dict(zip(_DIRECTORY_COLUMNS, r)) for r in conn.execute(
            f"select {', '.join(_DIRECTORY_COLUMNS)} from organisers order by rowid")]
    except sqlite3.DatabaseError as error:
        raise ArchiveRefused(texts.ARC_BAD_DIRECTORY.format(reason=error)) from None
    finally:
        conn.close()
    return _tree_order(_checked_rows(rows))


def _checked_rows(rows: list[dict]) -> list[dict]:
    for row in rows:  # a column of a hostile file may hold any SQLite type
        if not all(isinstance(row[c], str) for c in ("key", "name", "level")) or \
                not isinstance(row["parent_key"], (str, type(None))):
            raise ArchiveRefused(texts.ARC_BAD_DIRECTORY.format(reason="organisers"))
    keys = [row["key"] for row in rows]
    if not rows or len(set(keys)) != len(keys):
        raise ArchiveRefused(texts.ARC_BAD_DIRECTORY.format(reason="organisers"))
    by_key = {row["key"]: row for row in rows}
    names = set()
    for row in rows:
        key, name = row["key"], clean(row["name"])
        reason = None
        if not isinstance(key, str) or not directory.KEY_PATTERN.match(key):
            reason = f"key {key!r}"
        elif not name or len(name) > directory.NAME_MAX or name.casefold() in names:
            reason = f"{key}: name"
        elif row["level"] not in directory.LEVEL_RANK:
            reason = f"{key}: level"
        elif row["parent_key"] is not None and (
                row["parent_key"] not in by_key or by_key[row["parent_key"]]["level"]
                not in directory.LEVEL_RANK or directory.LEVEL_RANK[
                    by_key[row["parent_key"]]["level"]] <= directory.LEVEL_RANK[row["level"]]):
            reason = f"{key}: parent"
        if reason:
            raise ArchiveRefused(texts.ARC_BAD_DIRECTORY.format(reason=reason))
        names.add(name.casefold())
        row["name"] = name
    return rows


def _tree_order(rows: list[dict]) -> list[dict]:
    """Parents before children; a row whose parents never lead to the root is refused."""
    placed, ordered, pending = set(), [], list(rows)
    while pending:
        ready = [r for r in pending if r["parent_key"] is None or r["parent_key"] in placed]
        if not ready:
            raise ArchiveRefused(texts.ARC_BAD_DIRECTORY.format(reason="parent_key"))
        for row in ready:
            ordered.append(row)
            placed.add(row["key"])
        pending = [r for r in pending if r["key"] not in placed]
    return ordered


def _root_key(rows: list[dict]) -> str:
    """The organiser without a parent: the first one listed, whose data are in the
    installation's --db file (db/directory.add)."""
    roots = [row["key"] for row in rows if row["parent_key"] is None]
    if len(roots) != 1:
        raise ArchiveRefused(texts.ARC_BAD_DIRECTORY.format(reason="root"))
    return roots[0]


# --- restore --------------------------------------------------------------------------------

@dataclass
class _Plan:
    rows: list[dict]
    root: str
    staged: dict[str, backup.Staged]
    directory_log: list[tuple]


def restore_all(root_db, archive_path, actor=None, replace_others: bool = False,
                now: datetime | None = None) -> Restored:
    """Replace the installation whose first file is `root_db` by the archive. Raises
    BackupError (Vietnamese, nothing on the server changed) when anything is wrong."""
    root_db = Path(root_db).resolve()
    root_db.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    # the private folder sits beside the installation: its free space is the one checked
    with tempfile.TemporaryDirectory(prefix=".llw-restore-", dir=root_db.parent) as folder:
        try:
            plan = _stage_archive(Path(archive_path), Path(folder), _kept_bytes(root_db))
            others = [r for r in directory.records(root_db)
                      if r.key not in {row["key"] for row in plan.rows}]
            if others and not replace_others:
                raise ArchiveRefused(texts.ARC_OTHER_ORGANISERS.format(
                    keys=", ".join(f"{r.key} ({r.name})" for r in others)))
            fresh_directory = Path(folder) / "directory.fresh.db"
            _build_directory(fresh_directory, plan, root_db, Path(archive_path).name)
        except ArchiveRefused as refused:
            raise BackupError(texts.ARC_REFUSED.format(reason=_sentence(str(refused)))) \
                from None
        result = _commit(root_db, plan, fresh_directory, others, Path(archive_path).name,
                         actor, now)
    return result


def _sentence(reason: str) -> str:
    return reason if reason.endswith((".", "!", "?", ")")) else reason + "."


def _kept_bytes(root_db: Path) -> int:
    """The size of the files a restore keeps aside before replacing them: the installation's
    files as they are (an upper bound: the archive may not replace them all)."""
    files = [root_db, directory.directory_path(root_db)] + [
        r.file for r in directory.records(root_db)]
    return sum(f.stat().st_size for f in set(files) if f.exists())


def _stage_archive(archive_path: Path, folder: Path, kept_bytes: int = 0) -> _Plan:
    """Every check of the archive, and every organiser's file rebuilt in `folder`."""
    with archive_guard.open_archive(archive_path) as archive:
        members = archive_guard.check(archive, _allowed, folder, kept_bytes)
        keys = _manifest_keys(archive, members)
        if DIRECTORY_MEMBER not in members:
            raise ArchiveRefused(texts.ARC_NO_DIRECTORY_MEMBER)
        directory_copy = folder / "directory.src.db"
        archive_guard.copy_member(archive, members[DIRECTORY_MEMBER], directory_copy)
        rows = _directory_rows(directory_copy)
        root = _root_key(rows)
        listed = [row["key"] for row in rows]
        files = {m.group(1) for name in members if (m := _ORGANISER_MEMBER.fullmatch(name))}
        if missing := [k for k in listed if k not in files]:
            raise ArchiveRefused(texts.ARC_MISSING_ORGANISER.format(keys=", ".join(missing)))
        if unlisted := sorted(files - set(listed)):
            raise ArchiveRefused(texts.ARC_UNLISTED_ORGANISER.format(keys=", ".join(unlisted)))
        if sorted(keys["organisers"]) != sorted(listed) or keys["root"] != root:
            raise ArchiveRefused(texts.ARC_BAD_MANIFEST.format(reason="organisers"))
        staged = {}
        for key in listed:
            source = folder / f"{key}.src.db"
            archive_guard.copy_member(archive, members[member_of(key)], source)
            try:
                staged[key] = backup.stage(source, folder / f"{key}.fresh.db")
            except BackupError as error:
                raise ArchiveRefused(texts.ARC_ORGANISER_FILE_BAD.format(
                    key=key, problems=_problems_of(error))) from None
            source.unlink()  # the disk holds one copy of each file at a time
        log = _directory_log(directory_copy)
    return _Plan(rows, root, staged, log)


def _problems_of(error: BackupError) -> str:
    """backup.refusal's reasons without its closing sentence about the live database."""
    text = str(error)
    head = texts.BAK_RESTORE_REFUSED.split("{problems}")[0]
    tail = texts.BAK_RESTORE_REFUSED.split("{problems}")[1]
    if text.startswith(head) and text.endswith(tail):
        text = text[len(head):-len(tail)]
    return text


def _manifest_keys(archive, members) -> dict:
    if MANIFEST not in members:
        raise ArchiveRefused(texts.ARC_BAD_MANIFEST.format(reason=f"{MANIFEST}?"))
    raw = archive_guard.read_small(archive, members[MANIFEST], MANIFEST_MAX_BYTES)
    try:
        manifest = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        raise ArchiveRefused(texts.ARC_BAD_MANIFEST.format(reason=error)) from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise ArchiveRefused(texts.ARC_BAD_MANIFEST.format(reason="format"))
    version = manifest.get("version")
    if not isinstance(version, int) or version < 1:
        raise ArchiveRefused(texts.ARC_BAD_MANIFEST.format(reason="version"))
    if version > VERSION:
        raise ArchiveRefused(texts.ARC_NEWER_FORMAT.format(version=version))
    organisers = manifest.get("organisers")
    if not isinstance(organisers, list) or not all(isinstance(k, str) for k in organisers) \
            or not isinstance(manifest.get("root"), str):
        raise ArchiveRefused(texts.ARC_BAD_MANIFEST.format(reason="organisers"))
    return manifest


def _directory_log(path: Path) -> list[tuple]:
    """The directory's history (who was listed when), kept through a restore."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    conn.text_factory = lambda raw: raw.decode("utf-8", "replace")
    try:
        return conn.execute("select at, action, key, detail from directory_log "
                            "order by id").fetchall()
    except sqlite3.DatabaseError:
        return []  # a directory without its log still restores
    finally:
        conn.close()


def target_file(root_db: Path, root_key: str, key: str) -> Path:
    """Where an organiser's data go in this installation: the root's in the --db file,
    every other one's in org-<key>.db beside it (as db/directory.add places them)."""
    return root_db if key == root_key else root_db.parent / f"{directory.FILE_PREFIX}{key}.db"


def _build_directory(fresh: Path, plan: _Plan, root_db: Path, archive_name: str) -> None:
    """A new directory of the current schema holding the archive's organisers, their
    files named for this installation (ArchiveRefused when the archive's log rows do not
    fit the schema)."""
    conn = sqlite3.connect(fresh)
    try:
        conn.executescript(directory.SCHEMA)
        with conn:
            for row in plan.rows:
                conn.execute(
                    "insert into organisers (key, name, level, parent_key, file, created_at) "
                    "values (?, ?, ?, ?, ?, ?)",
                    [row["key"], row["name"], row["level"], row["parent_key"],
                     target_file(root_db, plan.root, row["key"]).name,
                     str(row["created_at"] or now_iso())])
            conn.executemany("insert into directory_log (at, action, key, detail) "
                             "values (?, ?, ?, ?)", plan.directory_log)
            conn.execute("insert into directory_log (at, action, key, detail) "
                         "values (?, 'restore', ?, ?)", [now_iso(), plan.root, archive_name])
        conn.execute("PRAGMA journal_mode = DELETE")
    except sqlite3.Error as error:
        raise ArchiveRefused(texts.ARC_BAD_DIRECTORY.format(reason=error)) from None
    finally:
        conn.close()


def _commit(root_db: Path, plan: _Plan, fresh_directory: Path, others, archive_name: str,
            actor, now) -> Restored:
    """Replace every file; on a failure put back what was replaced and raise."""
    done: list[tuple[Path, Path | None]] = []  # (live file, its kept copy or None: new)
    targets = [(row["key"], target_file(root_db, plan.root, row["key"])) for row in plan.rows]
    directory_file = directory.directory_path(root_db)
    try:
        for key, live in targets:
            done.append((live, _replace(live, plan.staged[key].fresh, now)))
        done.append((directory_file, _replace(directory_file, fresh_directory, now)))
    except (BackupError, sqlite3.Error, OSError) as error:
        _put_back(done)
        raise BackupError(texts.ARC_WRITE_FAILED.format(reason=error)) from None
    result = Restored([key for key, _ in targets], kept={
        key: kept for (key, _), (_, kept) in zip(targets, done)})
    for key, live in targets:
        backup.note_restore(live, f"{archive_name}:{member_of(key)}",
                              result.kept[key], actor, plan.staged[key].foreign)
    for record in others:
        if record.file != root_db and record.file.exists():
            result.set_aside[record.key] = _set_aside(record.file, now)
    return result


def _replace(live: Path, fresh: Path, now) -> Path | None:
    """Keep `live` aside (when it exists) and copy `fresh` over it; the kept copy's path."""
    kept = None
    if live.exists():
        kept = backup.kept_name(live, now)
        if live.name == DIRECTORY_MEMBER:
            _copy_directory(live, kept)
        else:
            backup.backup(live, kept)
    if live.name != DIRECTORY_MEMBER:
        backup.keep_revocations(live, fresh)
    backup.copy_over(fresh, live)
    return kept


def _put_back(done: list[tuple[Path, Path | None]]) -> None:
    for live, kept in reversed(done):
        try:
            if kept is not None:
                backup.copy_over(kept, live)
            else:
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{live}{suffix}").unlink(missing_ok=True)
        except (BackupError, sqlite3.Error, OSError):
            pass  # the kept copy stays on disk, named in no message but listed beside it


def _set_aside(file: Path, now) -> Path:
    """An organiser the restored directory no longer lists: its file is kept, renamed."""
    kept = backup.kept_name(file, now)
    backup.backup(file, kept)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{file}{suffix}").unlink(missing_ok=True)
    return kept


# --- a ward brings its data in --------------------------------------------------------------

def add_from_backup(root_db, key: str, name: str, level: str, parent_key: str | None,
                    source, actor=None) -> directory.OrganiserRecord:
    """List a new organiser whose data are a backup of its own installation (`source`, a
    .db made by `manage.py backup` or the Sao lưu page). The file is checked and rebuilt
    before the organiser is listed: a refused file lists nothing and writes nothing."""
    from db.access import ValidationFailed

    if errors := directory.add_errors(root_db, key, clean(name or ""), level, parent_key):
        raise ValidationFailed(errors)
    root_db = Path(root_db).resolve()
    with tempfile.TemporaryDirectory(prefix=".llw-restore-", dir=root_db.parent) as folder:
        private = Path(folder) / "source.db"
        try:
            with open(source, "rb") as handle, open(private, "wb") as copy:
                shutil.copyfileobj(handle, copy)
        except OSError as error:
            raise BackupError(backup.refusal([texts.BAK_UNREADABLE.format(
                reason=error.strerror or error)])) from None
        staged = backup.stage(private)
        first = not directory.records(root_db)
        record = directory.add(root_db, key, name, level, parent_key)
        # a file made a moment ago holds nothing to keep; an adopted first file does
        backup.install(record.file, staged, Path(source).name, actor, None, keep=first)
    return record
