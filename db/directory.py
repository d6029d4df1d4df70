"""The installation's directory of organisers (issue 24): which organisers one server hosts,
in a tree (a city or province, its districts where one exists, its wards and communes), and
which SQLite file holds each one's data.

One file per organiser (docs/architecture.md says why): an organiser's weeks, roster,
areas, catalogue, profile, accounts, commendations and budget are in its own file, so a
session or a command bound to that file cannot resolve another organiser's unit code,
username or area code — they are not there. Every file of an installation sits in ONE
folder: the directory `organisers.db`, the first organiser's file (the `--db`/`LLW_DB`
file, data/llw.db by default, unchanged) and each other organiser's `org-<key>.db`.

No directory (or an empty one) is a single-organiser installation: everything works on the
`--db` file exactly as before this module existed. The first `add` adopts that file as the
organiser it names; later adds create new files, prepared without the Ba Đình plan's seed
(a ward's roster is its own, imported by its admin).

An upper level reads its descendants through `connect_readonly` only: a write on such a
connection fails in SQLite itself.
"""
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from core import texts
from core.organiser import LEVELS
from core.rollup import identity
from core.text import clean
from db.access import ValidationFailed
from db.audit import now_iso
from db.connection import connect, write_transaction

DIRECTORY_NAME = "organisers.db"
FILE_PREFIX = "org-"
KEY_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{1,39}$")
NAME_MAX = 120
# A level may only sit under a higher one (a ward under a city or a district).
LEVEL_RANK = {"tinh": 3, "huyen": 2, "xa": 1}

SCHEMA = """
create table if not exists organisers (
    key text primary key,
    name text not null,
    level text not null check (level in ('tinh', 'huyen', 'xa')),
    parent_key text references organisers(key),
    file text not null unique,
    created_at text not null
);
create table if not exists directory_log (
    id integer primary key,
    at text not null,
    action text not null,
    key text not null,
    detail text not null default ''
);
"""


class UnknownOrganiser(Exception):
    """A key the directory does not list (the message is Vietnamese, for the user)."""


@dataclass(frozen=True)
class OrganiserRecord:
    key: str
    name: str
    level: str
    parent_key: str | None
    file: Path  # absolute
    created_at: str

    @property
    def level_label(self) -> str:
        return LEVELS[self.level]["label"]


def directory_path(root_db) -> Path:
    return Path(root_db).resolve().parent / DIRECTORY_NAME


def _open(root_db, create: bool = False) -> sqlite_utils.Database | None:
    path = directory_path(root_db)
    if not create and not path.exists():
        return None
    db = connect(path)
    db.conn.executescript(SCHEMA)
    return db


def _record(folder: Path, row) -> OrganiserRecord:
    key, name, level, parent_key, file, created_at = row
    return OrganiserRecord(key, name, level, parent_key, folder / file, created_at)


_COLUMNS = "key, name, level, parent_key, file, created_at"


def records(root_db) -> list[OrganiserRecord]:
    """Every organiser, parents before their children, then by key; [] for a
    single-organiser installation."""
    db = _open(root_db)
    if db is None:
        return []
    try:
        rows = db.execute(f"select {_COLUMNS} from organisers order by key").fetchall()
    finally:
        db.conn.close()
    folder = directory_path(root_db).parent
    by_parent: dict = {}
    for row in rows:
        by_parent.setdefault(row[3], []).append(_record(folder, row))
    keys = {row[0] for row in rows}
    ordered: list[OrganiserRecord] = []

    def walk(parent):
        for record in by_parent.get(parent, []):
            ordered.append(record)
            walk(record.key)

    walk(None)
    for parent, orphans in by_parent.items():  # a parent removed by hand: still listed
        if parent is not None and parent not in keys:
            ordered.extend(orphans)
    return ordered


def get(root_db, key: str) -> OrganiserRecord | None:
    return next((r for r in records(root_db) if r.key == key), None)


def children(root_db, key: str) -> list[OrganiserRecord]:
    return [r for r in records(root_db) if r.parent_key == key]


def descendants(root_db, key: str) -> list[OrganiserRecord]:
    """Children, grandchildren … of `key`, each after its parent."""
    out, frontier = [], [key]
    everyone = records(root_db)
    while frontier:
        parent = frontier.pop(0)
        found = [r for r in everyone if r.parent_key == parent]
        out.extend(found)
        frontier.extend(r.key for r in found)
    return out


def record_of_file(db_file) -> OrganiserRecord | None:
    """The organiser whose data `db_file` holds, from the directory beside it (None in a
    single-organiser installation or for a file the directory does not list)."""
    if db_file is None or str(db_file) == ":memory:":
        return None
    path = Path(db_file).resolve()
    return next((r for r in records(path) if r.file == path), None)


def resolve(root_db, key: str | None) -> Path:
    """The file of organiser `key` (None: the installation's first organiser, the --db
    file itself)."""
    if key is None:
        return Path(root_db)
    record = get(root_db, key)
    if record is None:
        known = ", ".join(r.key for r in records(root_db)) or texts.ORGS_NONE_LISTED
        raise UnknownOrganiser(texts.ORGS_UNKNOWN.format(key=key, known=known))
    return record.file


def connect_readonly(path) -> sqlite_utils.Database:
    """A connection that cannot write (SQLite's `mode=ro`): how an upper level reads a
    descendant's file."""
    uri = Path(path).resolve().as_uri() + "?mode=ro"
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False,
                           timeout=30)
    conn.execute("PRAGMA busy_timeout = 30000")
    conn.execute("PRAGMA query_only = ON")
    return sqlite_utils.Database(conn)


def add_errors(root_db, key: str, name: str, level: str, parent_key: str | None) -> dict:
    """Vietnamese messages by field; {} when the organiser may be added."""
    errors = {}
    existing = {r.key: r for r in records(root_db)}
    if not KEY_PATTERN.match(key or ""):
        errors["key"] = texts.ORGS_KEY_INVALID.format(key=key)
    elif key in existing:
        errors["key"] = texts.ORGS_KEY_TAKEN.format(key=key)
    if not clean(name):
        errors["name"] = texts.ORGS_NAME_MISSING
    elif len(clean(name)) > NAME_MAX:
        errors["name"] = texts.ORGS_NAME_TOO_LONG.format(limit=NAME_MAX)
    elif any(identity(r.name) == identity(name) for r in existing.values()):
        # the roll-up's identity of an organiser (case, spaces, NFD, invisible characters):
        # two names it takes for one would be summed as one
        errors["name"] = texts.ORGS_NAME_TAKEN.format(name=clean(name))
    if level not in LEVEL_RANK:
        errors["level"] = texts.ORGS_LEVEL_INVALID.format(level=level)
    if parent_key is not None:
        parent = existing.get(parent_key)
        if parent is None:
            errors["parent"] = texts.ORGS_PARENT_UNKNOWN.format(key=parent_key)
        elif level in LEVEL_RANK and LEVEL_RANK[parent.level] <= LEVEL_RANK[level]:
            errors["parent"] = texts.ORGS_PARENT_NOT_ABOVE.format(
                parent=parent.name, level=LEVELS[level]["label"])
    elif existing and "key" not in errors:
        errors["parent"] = texts.ORGS_PARENT_NEEDED
    return errors


def add(root_db, key: str, name: str, level: str,
        parent_key: str | None = None) -> OrganiserRecord:
    """List a new organiser. The first one adopts the root file (its data stay); the next
    ones get a new file `org-<key>.db`, migrated, without the plan's sample roster.
    Refused (ValidationFailed, Vietnamese, nothing written) on a bad key, name, level or
    parent; a second organiser must name its parent (one tree per installation)."""
    from db.setup import prepare

    name = clean(name)
    if errors := add_errors(root_db, key, name, level, parent_key):
        raise ValidationFailed(errors)
    root = Path(root_db).resolve()
    first = not records(root_db)
    file = root if first else root.parent / f"{FILE_PREFIX}{key}.db"
    if not first and file.exists():
        raise ValidationFailed({"key": texts.ORGS_FILE_EXISTS.format(file=file.name)})
    prepare(file, plan_seed=first).conn.close()
    directory = _open(root_db, create=True)
    try:
        with write_transaction(directory):
            directory["organisers"].insert({
                "key": key, "name": name, "level": level, "parent_key": parent_key,
                "file": file.name, "created_at": now_iso()})
            directory["directory_log"].insert({
                "at": now_iso(), "action": "add", "key": key,
                "detail": f"{name} | {level} | parent={parent_key or ''} | {file.name}"})
    finally:
        directory.conn.close()
    return get(root_db, key)


def has_admin(record: OrganiserRecord) -> bool:
    """An organiser can be signed into once it has an active admin account."""
    db = connect_readonly(record.file)
    try:
        return db.execute("select 1 from users where role = 'admin' and active = 1 "
                          "limit 1").fetchone() is not None
    except sqlite3.Error:
        return False
    finally:
        db.conn.close()
