"""Which organiser's file this browser session works in (issue 24).

An installation that hosts several organisers keeps a directory (db/directory.py) and one
SQLite file per organiser. A session is bound to ONE of them: before sign-in the visitor
picks it (components/organiser_picker.py), at sign-in it is bound, and until logout every
page reads and writes that file only (components/session.database). Isolation is by
construction: another organiser's usernames, units and areas are not in this file.

An upper level's committee or admin may look at one descendant read-only
(components/view_switch.py); `viewed()` names it, and only when it really is a descendant
of the bound organiser and the signed-in role may look.

With no directory (a single-organiser installation) there is no organiser to choose:
`current()` is None, the file is the --db / LLW_DB file, and the cookie keeps its name.
"""
import hashlib
import hmac
import os
import sqlite3
from pathlib import Path

import streamlit as st

from db import default_db_path, directory

BOUND = "llw_organiser"  # the organiser key bound at sign-in (until logout)
PICKED = "llw_organiser_pick"  # the signed-out picker's widget
VIEWED = "llw_view"  # view_switch's widget: a descendant's key, or the own key
QUERY = "dv"  # the address keeps the signed-out choice: ?dv=KEY
ROOT_COOKIE = "llw_auth"  # the root file's cookie, as before organisers existed
VIEW_ROLES = ("committee", "admin")


def root_path() -> Path:
    """The installation's first file (--db / LLW_DB); the directory sits beside it."""
    return Path(os.path.abspath(default_db_path()))


_DIRECTORIES: dict = {}  # root file -> its directory's path (a resolve walks every folder)


def _directory_of(root: Path) -> Path:
    found = _DIRECTORIES.get(root)
    if found is None:
        found = _DIRECTORIES[root] = directory.directory_path(root)
    return found


def _is_root(record) -> bool:
    return Path(record.file).resolve() == root_path().resolve()


_LISTS: dict = {}  # directory file -> (stamp, records)


def records() -> list:
    """directory.records(), read again only when the directory file changed: every page
    asks several times per run (the session's organiser, the view, the actor check), and
    each read opens the directory (3 ms)."""
    root = root_path()
    path = _directory_of(root)
    stamp = _stamp(path)
    seen = _LISTS.get(path)
    if seen is not None and seen[0] == stamp:
        return seen[1]
    found = directory.records(root)
    _LISTS[path] = (stamp, found)
    return found


def get(key):
    return next((r for r in records() if r.key == key), None)


def descendants(key) -> list:
    """Children, grandchildren … of `key`, in the directory's order (parents first)."""
    below, keys = [], {key}
    for record in records():  # records() lists every parent before its children
        if record.parent_key in keys:
            below.append(record)
            keys.add(record.key)
    return below


def has_directory() -> bool:
    return bool(records())


def _stamp(path: Path) -> tuple:
    """Changes whenever a transaction commits in the file (WAL: its -wal file grows or is
    reset; a checkpoint rewrites the file): a cache key that costs two stat calls."""
    out = []
    for p in (path, path.with_name(path.name + "-wal")):
        try:
            info = p.stat()
            out += [info.st_mtime_ns, info.st_size]
        except OSError:
            out += [None, None]
    return tuple(out)


_ADMIN_SEEN: dict = {}  # file -> (stamp, has an admin): every signed-out run asks


def _has_admin(record) -> bool:
    """An organiser is offered at sign-in only once it has an active admin account (its
    first admin comes from the installation administrator, never a first-run form). A
    signed-out run asks this of every organiser several times: 126 wards cost 0.2 s a
    time opened, two stat calls each once known."""
    path = Path(record.file)
    stamp = _stamp(path)
    seen = _ADMIN_SEEN.get(path)
    if seen is not None and seen[0] == stamp:
        return seen[1]
    try:
        answer = directory.has_admin(record)
    except sqlite3.Error:  # a listed file that is missing or unreadable: not offered
        answer = False
    _ADMIN_SEEN[path] = (stamp, answer)  # a dict write: atomic under the GIL
    return answer


def listed() -> list:
    """The organisers a visitor may sign in to, in the directory's order."""
    return [r for r in records() if _has_admin(r)]


def cookie_name(record) -> str:
    """`llw_auth` for the root file (so a single installation and the first organiser keep
    their cookies), `llw_auth_<key>` for every other organiser's file."""
    if record is None or _is_root(record):
        return ROOT_COOKIE
    return f"{ROOT_COOKIE}_{record.key}"


def _candidate(choices: list):
    """Signed out: the address (?dv=KEY; the picker writes its choice there), else the
    organiser whose cookie this browser holds, else the first."""
    by_key = {r.key: r for r in choices}
    for key in (st.query_params.get(QUERY), st.session_state.get(PICKED)):
        if key in by_key:
            return by_key[key]
    cookies = st.context.cookies
    return next((r for r in choices if cookie_name(r) in cookies), choices[0])


def current():
    """The session's organiser record, or None for a single installation (or an
    installation whose organisers have no admin yet: organiser_picker says so)."""
    bound = st.session_state.get(BOUND)
    if bound is not None:
        return get(bound)
    if not records():
        return None
    choices = listed()
    return _candidate(choices) if choices else None


def key() -> str | None:
    record = current()
    return record.key if record else None


def own_file() -> Path:
    record = current()
    return Path(record.file) if record else root_path()


def bind(record) -> None:
    """At sign-in: from now on this session is this organiser's, until logout."""
    if record is not None:
        st.session_state[BOUND] = record.key


def unbind() -> None:
    for name in (BOUND, VIEWED):
        st.session_state.pop(name, None)


def viewed():
    """The descendant this session looks at read-only, or None. Re-checked on every call:
    the key must be a descendant of the bound organiser and the signed-in actor a
    committee member or admin of the bound organiser."""
    wanted = st.session_state.get(VIEWED)
    bound = st.session_state.get(BOUND)
    actor = st.session_state.get("actor")
    if not wanted or bound is None or wanted == bound or actor is None:
        return None
    if actor.role not in VIEW_ROLES or actor.organiser != bound:
        return None
    return next((r for r in descendants(bound) if r.key == wanted),
                None)


def derived_cookie_key(configured: str, record) -> str:
    """One configured key (secrets.toml / LLW_COOKIE_KEY) signs every organiser's cookie;
    each organiser but the root gets its own key derived from it, so a cookie copied from
    one organiser's name to another's never validates there, even for a username both
    files hold. (Generated keys are per file already: db/settings.py.)"""
    if record is None or _is_root(record):
        return configured
    return hmac.new(configured.encode(), f"llw-organiser:{record.key}".encode(),
                    hashlib.sha256).hexdigest()
