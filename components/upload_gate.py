"""Uploads need a signed-in session, and a session's uploads are bounded (issue 25, deliver 5).

Streamlit 1.67 takes a PUT to /_stcore/upload_file/<session>/<file> from any websocket
session holding the XSRF cookie, signed in or not, and keeps each file in memory until the
session ends: 20 anonymous PUTs of 26 MB grew the server by 520 MB. Streamlit has no
setting for "signed in", so:

- **closed until the app says otherwise**: `.streamlit/config.toml` sets
  `server.maxUploadSize = 0`, so a server on which no session has run app.py yet refuses
  every file (413, before reading the body); `install()` (top of app.py) sets the real limit
  (UPLOAD_LIMIT_MB) and puts the gate in place;
- **the gate**: the upload route asks `Runtime.is_active_session(session_id)` before it
  reads a byte of the body (it is its only caller in 1.67). `install()` wraps that method of
  the running Runtime: a session that has not signed in (app.py calls `record()` on every
  run with the result of the sign-in) gets 400 and its file never reaches memory;
- **bounded per session**: a signed-in session may start at most UPLOADS_PER_MINUTE
  uploads a minute, and holds at most FILES_HELD files and BYTES_HELD bytes — older files
  of the session are dropped to make room (a page's current files are its latest: five
  photos and an import file fit), so memory per session stays bounded whatever it sends.
"""
import logging
import threading
import time
from collections import deque

UPLOAD_LIMIT_MB = 30  # per file: above core.photos' own 20 MB, so the app says "too big"
FILES_HELD = 12
BYTES_HELD = 160 * 1024 * 1024
UPLOADS_PER_MINUTE = 40

_log = logging.getLogger(__name__)
_lock = threading.Lock()
_signed_in: set[str] = set()
_recent: dict[str, deque] = {}
_gated: set[int] = set()  # id() of the Runtime instances already wrapped


def install() -> None:
    """Open uploads at UPLOAD_LIMIT_MB and gate them; cheap and idempotent (every run)."""
    from streamlit import config

    if config.get_option("server.maxUploadSize") != UPLOAD_LIMIT_MB:
        config.set_option("server.maxUploadSize", UPLOAD_LIMIT_MB, "components/upload_gate")
    from streamlit.runtime import Runtime

    if not Runtime.exists():  # AppTest and bare mode: no server, nothing to gate
        return
    runtime = Runtime.instance()
    with _lock:
        if id(runtime) in _gated:
            return
        _gated.add(id(runtime))
    original = runtime.is_active_session
    manager = runtime.uploaded_file_mgr

    def is_active_session(session_id: str) -> bool:
        return original(session_id) and may_upload(session_id, manager)

    runtime.is_active_session = is_active_session  # the instance's own attribute
    _drop_anonymous_files(manager)


def record(signed_in: bool) -> None:
    """Called by app.py on every run: whether this run's session is signed in."""
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    context = get_script_run_ctx()
    if context is None:
        return
    with _lock:
        if signed_in:
            _signed_in.add(context.session_id)
        else:
            _signed_in.discard(context.session_id)
            _recent.pop(context.session_id, None)


def may_upload(session_id: str, manager) -> bool:
    """The gate: a signed-in session within its rate; room is made among its files."""
    now = time.monotonic()
    with _lock:
        if session_id not in _signed_in:
            _log.warning("upload refused: session not signed in")
            return False
        recent = _recent.setdefault(session_id, deque())
        while recent and now - recent[0] > 60:
            recent.popleft()
        if len(recent) >= UPLOADS_PER_MINUTE:
            _log.warning("upload refused: more than %d a minute", UPLOADS_PER_MINUTE)
            return False
        recent.append(now)
    _make_room(manager, session_id)
    return True


def _held(manager, session_id: str) -> list[tuple[str, int]]:
    """(file id, size) of the files the session holds, oldest first (MemoryUploadedFileManager
    keeps them in insertion order; its lock guards the dict)."""
    storage = getattr(manager, "file_storage", None)
    if storage is None:
        return []
    with manager._lock:
        files = storage.get(session_id) or {}
        return [(file_id, len(record.data)) for file_id, record in files.items()]


def _make_room(manager, session_id: str) -> None:
    """Drop the session's oldest files until one more of the largest size fits."""
    held = _held(manager, session_id)
    room = BYTES_HELD - UPLOAD_LIMIT_MB * 1024 * 1024
    while held and (len(held) >= FILES_HELD or sum(size for _f, size in held) > room):
        file_id, _size = held.pop(0)
        manager.remove_file(session_id, file_id)


def _drop_anonymous_files(manager) -> None:
    """Files stored before the gate existed by sessions that never signed in."""
    storage = getattr(manager, "file_storage", None)
    if storage is None:
        return
    with manager._lock:
        sessions = list(storage)
    with _lock:
        anonymous = [s for s in sessions if s not in _signed_in]
    for session_id in anonymous:
        manager.remove_session_files(session_id)


def held_bytes(manager) -> int:
    """Everything the upload manager holds (for tests and the log)."""
    storage = getattr(manager, "file_storage", None) or {}
    with manager._lock:
        return sum(len(r.data) for files in storage.values() for r in files.values())
