"""Key/value settings kept in the database, and the login cookie's signing key, kept OUT of it.

The signing key is an admin login for whoever holds it (it signs the login cookie), so it is
never stored in the database: every backup, download and export of the database would carry
it. It lives in a file beside the database, `<database file>.cookie-key`, created with mode
0600 (readable by the server's user only), unless a key is configured (secrets.toml
`cookie_key` or LLW_COOKIE_KEY), which then wins. A key left in the `settings` table by an
older version is moved out to that file on first use (so signed-in users stay signed in) and
deleted from the table.
"""
import os
import secrets
import time
from pathlib import Path

# Settings rows that must never leave the server (stripped from every backup and restore).
SECRET_KEYS = ("cookie_key",)
KEY_FILE_SUFFIX = ".cookie-key"


def get(db, key, default=None):
    row = db.execute("select value from settings where key = ?", [key]).fetchone()
    return row[0] if row else default


def database_file(db) -> Path | None:
    """The file behind a connection (None for an in-memory database)."""
    for _seq, name, file in db.execute("PRAGMA database_list").fetchall():
        if name == "main":
            return Path(file) if file else None
    return None


def key_file(db_path) -> Path:
    path = Path(db_path)
    return path.with_name(path.name + KEY_FILE_SUFFIX)


def _write_private(path: Path, value: str) -> str:
    """Create `path` with mode 0600 holding `value`; if another process created it first,
    return its value instead (concurrent first starts agree on one key)."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        for _ in range(50):  # the other process may not have written it yet
            if existing := _read(path):
                return existing
            time.sleep(0.02)
        raise RuntimeError(f"{path} exists but is empty: delete it to generate a new key")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(value)
        handle.flush()
        os.fsync(handle.fileno())
    return value


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8").strip()


def cookie_key(db) -> str:
    """The generated signing key, from the file beside the database (created on first use;
    an old key in the settings table is moved there)."""
    path = database_file(db)
    if path is None:  # an in-memory database (tests): nothing to protect beyond the process
        return get_or_create_secret(db, "cookie_key")
    target = key_file(path)
    old = get(db, "cookie_key")
    if target.exists() and _read(target):
        key = _read(target)
    elif target.exists():  # emptied (a full disk at creation): a new key signs everyone out
        key = old or secrets.token_urlsafe(48)
        partial = target.with_name(target.name + f".{os.getpid()}.tmp")
        _write_private(partial, key)
        os.replace(partial, target)
    else:
        key = _write_private(target, old or secrets.token_urlsafe(48))
    if old is not None:
        db.execute("delete from settings where key = 'cookie_key'")
    if target.stat().st_mode & 0o077:
        os.chmod(target, 0o600)
    return key


def get_or_create_secret(db, key: str) -> str:
    """A random secret generated once and stored in the database. Only for an in-memory
    database: a file-backed database keeps its signing key out (see cookie_key)."""
    db.execute("insert or ignore into settings (key, value) values (?, ?)",
               [key, secrets.token_urlsafe(48)])
    return get(db, key)


def strip_secrets(conn) -> None:
    """Delete the secret settings rows from a copy (a backup or a file being restored).
    `conn` is a sqlite3 connection in autocommit mode."""
    conn.execute(f"delete from settings where key in ({','.join('?' * len(SECRET_KEYS))})",
                 SECRET_KEYS)
