"""Accounts: creation, the credentials dict for streamlit-authenticator, lockout, logout."""
import hashlib
import ipaddress
import time
from datetime import datetime, timedelta

from core import passwords, texts
from core.text import clean
from db import audit
from db.access import AccessDenied, Actor, ValidationFailed, require_role
from db.audit import AuditEvent, now_iso
from db.connection import write_transaction

LOCK_AFTER_FAILURES = 10
LOCK_MINUTES = 15
ROLES = ("unit", "committee", "admin", "leader")
PUBLIC_COLUMNS = ("id, username, name, email, role, unit_id, active, failed_attempts, "
                  "locked_until, last_login_at, is_sample, created_at")


def _public(row: dict | None) -> dict | None:
    return None if row is None else {k: v for k, v in row.items() if k != "password_hash"}


def get(db, username: str) -> dict | None:
    rows = list(db.query("select * from users where username = ?",
                         [passwords.normalise_username(username)]))
    return rows[0] if rows else None


def get_by_id(db, user_id: int) -> dict | None:
    rows = list(db.query("select * from users where id = ?", [user_id]))
    return rows[0] if rows else None


def admin_exists(db) -> bool:
    return bool(db.execute(
        "select 1 from users where role = 'admin' and active = 1 limit 1").fetchone())


def list_users(db) -> list[dict]:
    return list(db.query(
        f"select u.{PUBLIC_COLUMNS.replace(', ', ', u.')}, units.code as unit_code, "
        "units.name as unit_name from users u left join units on units.id = u.unit_id "
        "order by u.role, u.username"))


MAX_FULL_NAME = 80


def full_name_error(name, username: str) -> str | None:
    """A person's full name is required (it is printed on documents: the Tờ trình's
    approval); the username in its place is what an account made without one got."""
    value = clean(name)
    if not value:
        return texts.NAME_REQUIRED
    if value.casefold() == (username or "").strip().casefold():
        return texts.NAME_NOT_USERNAME
    if len(value) > MAX_FULL_NAME:
        return texts.NAME_TOO_LONG.format(max=MAX_FULL_NAME)
    return None


def without_full_name(db) -> list[dict]:
    """Active accounts whose name is empty or the username (made before the name was
    required, e.g. `create-user` without --name)."""
    return list(db.query(
        "select id, username, name, role from users where active = 1 and "
        "(trim(name) = '' or lower(trim(name)) = lower(username)) order by role, username"))


def set_name(db, actor: Actor, user_id: int, name: str) -> None:
    """The admin gives an account its full name (audited)."""
    require_role(actor, "admin")
    user = get_by_id(db, user_id)
    if message := full_name_error(name, user["username"] if user else ""):
        raise ValidationFailed({"name": message})
    with write_transaction(db):
        _update(db, actor, user_id, {"name": clean(name)}, "set_name")


def actor_for(db, username: str) -> Actor | None:
    user = get(db, username)
    if not user or not user["active"]:
        return None
    return Actor(user["id"], user["username"], user["role"], user["unit_id"])


def _validate_new_user(db, username, name, role, password, unit_code):
    errors = {}
    username = passwords.normalise_username(username)
    if message := passwords.username_error(username):
        errors["username"] = message
    elif get(db, username):
        errors["username"] = texts.USERNAME_TAKEN
    if message := full_name_error(name, username):
        errors["name"] = message
    unit_id = None
    if role not in ROLES:
        errors["role"] = texts.ROLE_INVALID
    elif role == "unit":
        if not clean(unit_code):
            errors["unit"] = texts.UNIT_REQUIRED_FOR_ROLE
        else:
            row = db.execute("select id from units where code = ?", [clean(unit_code)]).fetchone()
            if row:
                unit_id = row[0]
            else:
                errors["unit"] = texts.UNIT_UNKNOWN.format(code=clean(unit_code))
    elif clean(unit_code):
        errors["unit"] = texts.UNIT_NOT_ALLOWED_FOR_ROLE
    if message := passwords.password_error(password, username):
        errors["password"] = message
    return errors, username, unit_id


def create_user(db, actor: Actor | None, *, username, name, role, password, unit_code=None,
                email=None, is_sample=False, first_admin=False) -> int:
    """Create an account. Only an admin (or the command line) may, except the one-time
    first admin, which is allowed only while the database has no admin at all."""
    if not first_admin:
        require_role(actor, "admin")
    with write_transaction(db):
        if first_admin and admin_exists(db):
            raise AccessDenied(texts.FIRST_ADMIN_EXISTS)
        if first_admin and role != "admin":
            raise AccessDenied(texts.ACCESS_DENIED)
        errors, username, unit_id = _validate_new_user(db, username, name, role, password,
                                                       unit_code)
        if errors:
            raise ValidationFailed(errors)
        row = {"username": username, "name": clean(name), "email": clean(email) or None,
               "role": role, "unit_id": unit_id,
               "password_hash": passwords.hash_password(password), "active": 1,
               "is_sample": int(bool(is_sample)), "created_at": now_iso()}
        user_id = db["users"].insert(row).last_pk
        audit.record(db, actor or Actor(user_id, username, role), AuditEvent(
            "create", "users", user_id, after=_public(row)))
    return user_id


# --- streamlit-authenticator bridge -------------------------------------------------------
#
# Lockout choice: failures are counted per (typed username, client address) in
# login_throttle, for known and unknown names alike. After LOCK_AFTER_FAILURES failures that
# pair is refused for LOCK_MINUTES, with the same message whether the name exists or not.
# Someone guessing the admin's password from one machine locks only themselves; the admin
# signing in from another machine is never locked out by them. (Behind a reverse proxy every
# visitor has the proxy's address: then the lock is shared again, but only for LOCK_MINUTES
# after every 10 failures, and another admin can unlock the account on its page.)

MAX_TRACKED_NAME = 80  # typed names longer than this are counted under their first 80 chars
THROTTLE_KEEP_DAYS = 1


def _is_locked(user: dict, now: datetime) -> bool:
    return bool(user["locked_until"]) and datetime.fromisoformat(user["locked_until"]) > now


# One IPv6 customer is given a whole /64 (2^64 addresses): counted per address, each of them
# would get its own 10 tries and a lockout that never ends guessing. An IPv6 client is
# therefore counted under its /64 network, and an IPv4-mapped one as the IPv4 address.
IPV6_PREFIX = 64


def throttle_client(client: str | None) -> str:
    """The key a client address is counted under: IPv4 as is, IPv6 as its /64 network."""
    text = (client or "").strip()
    try:
        address = ipaddress.ip_address(text.split("%", 1)[0])
    except ValueError:
        return text  # '' (localhost, tests) or a name: counted as given
    if address.version == 6 and address.ipv4_mapped:
        return str(address.ipv4_mapped)
    if address.version == 6:
        return str(ipaddress.ip_network(f"{address}/{IPV6_PREFIX}", strict=False))
    return str(address)


def tracked_name(username: str) -> str:
    """The name a failed sign-in is counted and logged under. A typed name that no account
    could have (not a valid username) is often a password typed into the name field: it is
    kept only as a digest, never as text, in login_throttle and in the audit log."""
    name = passwords.normalise_username(username)
    if passwords.username_error(name) is None:
        return name[:MAX_TRACKED_NAME]
    return "#" + hashlib.sha256(name.encode("utf-8")).hexdigest()[:24]


def _throttle_key(username: str, client: str | None) -> tuple[str, str]:
    return tracked_name(username), throttle_client(client)


def _throttle(db, username: str, client: str | None) -> dict | None:
    return _throttle_row(db, *_throttle_key(username, client))


def _throttle_row(db, name: str, client_key: str) -> dict | None:
    rows = list(db.query("select * from login_throttle where username = ? and client = ?",
                         [name, client_key]))
    return rows[0] if rows else None


def throttle_locked_until(db, username: str, client: str | None,
                          now: datetime | None = None) -> str | None:
    """When this (username, client) pair may try again, or None when it may now."""
    row = _throttle(db, username, client)
    now = now or datetime.now().astimezone()
    if row and _is_locked(row, now):
        return row["locked_until"]
    return None


def credentials(db, now: datetime | None = None, client: str | None = None) -> dict:
    """The dict streamlit-authenticator reads, for a visitor at `client`. A pair that is
    locked is given the maximum failure count, so the library itself refuses it before
    checking the password; otherwise the pair's own count (never another client's)."""
    now = now or datetime.now().astimezone()
    pairs = {r["username"]: r for r in db.query(
        "select * from login_throttle where client = ?", [throttle_client(client)])}
    users = {}
    for user in db.query("select * from users where active = 1"):
        pair = pairs.get(user["username"])
        locked = bool(pair) and _is_locked(pair, now)
        users[user["username"]] = {
            "name": user["name"],
            "email": user["email"] or "",
            "password": user["password_hash"],
            "roles": [user["role"]],
            "failed_login_attempts": LOCK_AFTER_FAILURES if locked else (
                pair["failures"] if pair else 0),
            "logged_in": False,
        }
    return {"usernames": users}


def failure_counts(creds: dict) -> dict[str, int]:
    return {u: d.get("failed_login_attempts", 0) for u, d in creds["usernames"].items()}


def _count_failure(db, username: str, client: str | None, delta: int = 1) -> str | None:
    """Add failures to a pair; returns the lock time when this locked it. In a transaction."""
    name, client = _throttle_key(username, client)
    now = datetime.now().astimezone()
    db.execute("delete from login_throttle where updated_at < ?",
               [(now - timedelta(days=THROTTLE_KEEP_DAYS)).isoformat(timespec="seconds")])
    db.execute("insert into login_throttle (username, client, failures, updated_at) "
               "values (?, ?, 0, ?) on conflict (username, client) do nothing",
               [name, client, now.isoformat(timespec="seconds")])
    db.execute("update login_throttle set failures = failures + ?, updated_at = ? "
               "where username = ? and client = ?",
               [delta, now.isoformat(timespec="seconds"), name, client])
    row = _throttle_row(db, name, client)
    if row["failures"] >= LOCK_AFTER_FAILURES:
        until = (now + timedelta(minutes=LOCK_MINUTES)).isoformat(timespec="seconds")
        db.execute("update login_throttle set failures = 0, locked_until = ? "
                   "where username = ? and client = ?", [until, name, client])
        return until
    return None


def record_unknown_failure(db, username: str, client: str | None) -> None:
    """A failed sign-in under a name that has no active account: counted like a real one."""
    if not passwords.normalise_username(username):
        return
    with write_transaction(db):
        until = _count_failure(db, username, client)
        audit.record(db, None, AuditEvent("login_failed", "users", None, detail={
            "username": _throttle_key(username, client)[0], "client": client or "",
            **({"locked_until": until} if until else {})}))


def record_login_outcome(db, before: dict[str, int], creds: dict,
                         succeeded: str | None, client: str | None = None) -> list[str]:
    """Write back what the library changed in the dict. Counts are applied as deltas in
    SQL, so two sessions failing at once both count. Returns usernames just locked (for
    this client)."""
    locked = []
    after = failure_counts(creds)
    with write_transaction(db):
        for username, count in after.items():
            delta = count - before.get(username, 0)
            if username == succeeded:
                db.execute("update users set failed_attempts = 0, locked_until = null, "
                           "last_login_at = ? where username = ?", [now_iso(), username])
                db.execute("delete from login_throttle where username = ? and client = ?",
                           list(_throttle_key(username, client)))
                audit.record(db, actor_for(db, username), AuditEvent("login", "users"))
            elif delta > 0:
                # users.failed_attempts / locked_until: what the admin sees (the last lock
                # of any client); the lock itself is the pair's row in login_throttle.
                db.execute("update users set failed_attempts = failed_attempts + ? "
                           "where username = ?", [delta, username])
                user = get(db, username)
                audit.record(db, None, AuditEvent("login_failed", "users", user["id"],
                                                  detail={"username": username,
                                                          "client": client or ""}))
                until = _count_failure(db, username, client, delta)
                if until:
                    db.execute("update users set failed_attempts = 0, locked_until = ? "
                               "where id = ?", [until, user["id"]])
                    audit.record(db, None, AuditEvent("lock", "users", user["id"], detail={
                        "until": until, "client": client or ""}))
                    locked.append(username)
    return locked


def locked_until(db, username: str, client: str | None = None) -> str | None:
    """When `username` may sign in again from `client` (None: now)."""
    return throttle_locked_until(db, username, client)


def record_refused_login(db, username: str, reason: str) -> None:
    user = get(db, username)
    with write_transaction(db):
        audit.record(db, None, AuditEvent("login_refused", "users",
                                          user["id"] if user else None,
                                          detail={"username": username, "reason": reason}))


def end_sessions(db, username: str, actor: Actor | None = None) -> None:
    """Logout: every login cookie issued before now stops being accepted."""
    with write_transaction(db):
        db.execute("update users set sessions_valid_after = ? where username = ?",
                   [time.time(), passwords.normalise_username(username)])
        user = get(db, username)
        if user:
            audit.record(db, actor or actor_for(db, username),
                         AuditEvent("logout", "users", user["id"]))


def cookie_still_valid(db, username: str, issued_at: float) -> bool:
    user = get(db, username)
    return bool(user and user["active"] and issued_at > user["sessions_valid_after"])


# --- admin and self-service ---------------------------------------------------------------

def _update(db, actor: Actor, user_id: int, changes: dict, action="update"):
    before = get_by_id(db, user_id)
    if before is None:
        raise ValidationFailed({"user": texts.USER_UNKNOWN.format(username=user_id)})
    db["users"].update(user_id, changes)
    audit.record(db, actor, AuditEvent(action, "users", user_id, before=_public(before),
                                       after=_public(get_by_id(db, user_id))))


def reset_password(db, actor: Actor, user_id: int, new_password: str) -> None:
    require_role(actor, "admin")
    user = get_by_id(db, user_id)
    if message := passwords.password_error(new_password, user["username"] if user else ""):
        raise ValidationFailed({"password": message})
    with write_transaction(db):
        db.execute("delete from login_throttle where username = ?",
                   [user["username"] if user else ""])
        _update(db, actor, user_id, {"password_hash": passwords.hash_password(new_password),
                                     "failed_attempts": 0, "locked_until": None,
                                     "sessions_valid_after": time.time()}, "reset_password")


def unlock(db, actor: Actor, user_id: int) -> None:
    require_role(actor, "admin")
    with write_transaction(db):
        user = get_by_id(db, user_id)
        if user:
            db.execute("delete from login_throttle where username = ?", [user["username"]])
        _update(db, actor, user_id, {"failed_attempts": 0, "locked_until": None}, "unlock")


def set_active(db, actor: Actor, user_id: int, active: bool) -> None:
    require_role(actor, "admin")
    if actor.user_id == user_id and not active:
        raise ValidationFailed({"user": texts.CANNOT_DEACTIVATE_SELF})
    with write_transaction(db):
        _update(db, actor, user_id, {"active": int(active), "sessions_valid_after": time.time()},
                "activate" if active else "deactivate")


def change_own_password(db, actor: Actor, current: str, new: str, repeat: str) -> None:
    user = get_by_id(db, actor.user_id) if actor.user_id else None
    if user is None:
        raise AccessDenied(texts.ACCESS_DENIED)
    errors = {}
    if not passwords.verify_password(current, user["password_hash"]):
        errors["current"] = texts.PASSWORD_CURRENT_WRONG
    if message := passwords.password_error(new, user["username"]):
        errors["new"] = message
    elif new != repeat:
        errors["repeat"] = texts.PASSWORD_MISMATCH
    if errors:
        raise ValidationFailed(errors)
    with write_transaction(db):
        # Like a logout: every cookie issued before now (other tabs, other machines, a
        # copied cookie) stops being accepted.
        _update(db, actor, user["id"], {"password_hash": passwords.hash_password(new),
                                        "sessions_valid_after": time.time()},
                "change_password")
