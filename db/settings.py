"""Key/value settings kept in the database (the generated cookie key among them)."""
import secrets


def get(db, key, default=None):
    row = db.execute("select value from settings where key = ?", [key]).fetchone()
    return row[0] if row else default


def get_or_create_secret(db, key: str) -> str:
    """A random secret generated once and stored; concurrent first starts agree on one."""
    db.execute("insert or ignore into settings (key, value) values (?, ?)",
               [key, secrets.token_urlsafe(48)])
    return get(db, key)
