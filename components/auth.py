"""Login through streamlit-authenticator, with our database as the source of truth.

The library draws the form and sets the cookie; we build its credentials dict from SQLite
each run and write back what it changed (failure counts, lockout), refuse revoked or
foreign cookies before it reads them, and end sessions server-side on logout.
"""
import dataclasses
import os
import threading
import time

import jwt
import streamlit as st
import streamlit_authenticator as stauth
from streamlit_authenticator.models.authentication_model import AuthenticationModel
from streamlit_authenticator.utilities.exceptions import LoginError
from streamlit_authenticator.utilities.hasher import Hasher

from core import passwords, texts, timefmt
from db import users, settings
from components import organiser_session
from components.organiser_words import say

COOKIE_NAME = organiser_session.ROOT_COOKIE  # each other organiser: llw_auth_<key>
COOKIE_EXPIRY_DAYS = 1.0

# Passwords are bcrypt over SHA-256 of the NFC text (core/passwords.py); the library must
# check them the same way. Pinned at streamlit-authenticator 0.4.2, where check_pw is the
# only verification path.
Hasher.check_pw = classmethod(lambda cls, password, hashed: passwords.verify_password(
    password, hashed))

# The library counts failures only for names that exist, so a lockout would tell which
# names are real. Its login() is wrapped (pinned at 0.4.2) to note the typed name and to
# refuse an unknown name that is locked for this client exactly as it refuses a real one.
_library_login = AuthenticationModel.login
_attempt = threading.local()  # (db, client) of the run in progress: one thread per run
TRIED_USERNAME = "llw_login_tried"


def _login_noting_the_name(self, username, password, *args, **kwargs):
    if username:
        st.session_state[TRIED_USERNAME] = username
        context = getattr(_attempt, "context", None)
        if context and username not in self.credentials["usernames"] and \
                users.throttle_locked_until(context[0], username, context[1]):
            raise LoginError("Maximum number of login attempts exceeded")
    return _library_login(self, username, password, *args, **kwargs)


AuthenticationModel.login = _login_noting_the_name


def _configured_key() -> str | None:
    try:
        key = st.secrets.get("cookie_key")
    except Exception:  # no secrets.toml at all raises
        key = None
    return key or os.environ.get("LLW_COOKIE_KEY")


def cookie_key(db, record=None) -> str:
    """The configured key (secrets.toml cookie_key or LLW_COOKIE_KEY), which must be strong,
    or the generated one kept in a 0600 file beside the database (db/settings.py) — never
    in the database, so no backup or export carries it. Each organiser's file has its own
    generated key; a configured key is derived per organiser (organiser_session)."""
    configured = _configured_key()
    if configured is not None and not passwords.cookie_key_acceptable(configured):
        st.error(texts.COOKIE_KEY_WEAK)
        st.stop()
    if configured:
        return organiser_session.derived_cookie_key(configured, record)
    return settings.cookie_key(db)


def _cookie_issued_at(token: dict) -> float:
    return float(token["exp_date"]) - COOKIE_EXPIRY_DAYS * 86400


# A cookie may expire at most this far ahead: the configured lifetime, plus a minute for
# clocks. One signed for ten years ahead is a forgery (or an old key's), never ours.
CLOCK_SLACK_S = 60


def cookie_acceptable(db, raw: str | None, key: str, now: float | None = None) -> bool:
    """Signed with our key, not expired, not expiring further ahead than the lifetime we
    issue, for an active user, and issued after that user's last logout / password change."""
    if not raw:
        return False
    now = time.time() if now is None else now
    try:
        token = jwt.decode(raw, key, algorithms=["HS256"])
        exp = float(token["exp_date"])
        if not now < exp <= now + COOKIE_EXPIRY_DAYS * 86400 + CLOCK_SLACK_S:
            return False
        return users.cookie_still_valid(db, token["username"], _cookie_issued_at(token))
    except (jwt.PyJWTError, KeyError, TypeError, ValueError):
        return False


def _ignore_cookie_unless_valid(db, key: str, cookie_name: str) -> None:
    """Tell the library to ignore a cookie that is forged, malformed, too long-lived or
    revoked by logout or a password change."""
    raw = st.context.cookies.get(cookie_name)
    if not raw or st.session_state.get("authentication_status"):
        return
    if not cookie_acceptable(db, raw, key):
        st.session_state["logout"] = True  # the library skips the cookie in this session


def client_address() -> str:
    """The visitor's address as Streamlit sees it ('' for localhost and in AppTest)."""
    try:
        address = st.context.ip_address
    except Exception:  # no client context (bare mode)
        return ""
    return address if isinstance(address, str) else ""


def _login_sleep() -> float:
    # The library sleeps before drawing the form on every signed-out run. Any delay before
    # st.navigation lets the cookie component's first rerun overtake the opening of a typed
    # URL, which then lands on the default page. Brute force is stopped by the lockout.
    return float(os.environ.get("LLW_LOGIN_SLEEP", "0"))


def login_form_expected(db) -> bool:
    """Whether this run will draw the login form, known before it is drawn, so that the
    header above the form can be drawn above it in order (app.py): a page read mid-run then
    never shows the form without its header. Signed out, a logout just asked for, or no
    cookie that authenticate() would accept. app.py still draws the header after the form
    when the guess was «signed in» and the session ended during the run."""
    if st.session_state.get("logout_requested"):
        return True
    if st.session_state.get("authentication_status"):
        return False
    if st.session_state.get("logout"):
        return True  # the library ignores the cookie in this session
    organiser = organiser_session.current()
    raw = st.context.cookies.get(organiser_session.cookie_name(organiser))
    return not cookie_acceptable(db, raw, cookie_key(db, organiser))


def authenticate(db):
    """Draw the login form when needed; return the signed-in Actor or None. The cookie's
    name and key are the session's organiser's (components/organiser_session.py); `db`
    is that organiser's file."""
    organiser = organiser_session.current()
    cookie_name = organiser_session.cookie_name(organiser)
    key = cookie_key(db, organiser)
    client = client_address()
    creds = users.credentials(db, client=client)
    before = users.failure_counts(creds)
    authenticator = stauth.Authenticate(creds, cookie_name, key, COOKIE_EXPIRY_DAYS,
                                        auto_hash=False, login_sleep_time=_login_sleep())
    if st.session_state.pop("logout_requested", False):
        username = st.session_state.get("username")
        if username:
            users.end_sessions(db, username)
        authenticator.logout(location="unrendered")
        st.session_state.pop("actor", None)
        st.session_state.pop(SIGNED_IN_AT, None)
        organiser_session.unbind()  # the picker comes back: another organiser may sign in
        st.info(texts.LOGGED_OUT)
    _ignore_cookie_unless_valid(db, key, cookie_name)
    was_signed_in = bool(st.session_state.get("authentication_status"))
    # A new tab or reload resumes the login from the cookie: not a new login to audit.
    resuming = bool(st.context.cookies.get(cookie_name)) and not st.session_state.get("logout")
    st.session_state.pop(TRIED_USERNAME, None)
    _attempt.context = (db, client)
    try:
        authenticator.login(location="main", max_login_attempts=users.LOCK_AFTER_FAILURES,
                            fields=texts.LOGIN_FIELDS)
    except LoginError:
        _show_locked(db, client)
        return None
    finally:
        _attempt.context = None
    signed_in = st.session_state.get("authentication_status")
    username = st.session_state.get("username") if signed_in else None
    if signed_in and not _same_organiser(organiser):
        authenticator.logout(location="unrendered")  # signed in elsewhere: never here
        st.session_state.pop("actor", None)
        organiser_session.unbind()
        st.warning(texts.SESSION_ENDED)
        return None
    if signed_in and not _session_still_valid(db, username, was_signed_in):
        authenticator.logout(location="unrendered")
        st.session_state.pop("actor", None)
        organiser_session.unbind()
        st.warning(texts.SESSION_ENDED)
        return None
    form_login = signed_in and not was_signed_in and not resuming
    if users.failure_counts(creds) != before or form_login:
        users.record_login_outcome(db, before, creds, username if form_login else None,
                                   client)
    if signed_in is False:
        tried = st.session_state.get(TRIED_USERNAME)
        if users.failure_counts(creds) == before:
            passwords.spend_verification_time()  # unknown name: as slow as a wrong password
            if tried:
                users.record_unknown_failure(db, tried, client)
        if tried and users.throttle_locked_until(db, tried, client):
            _show_locked(db, client)  # the 10th failure: the same answer, name or not
            return None
        st.error(texts.LOGIN_WRONG)
    if not signed_in:
        st.caption(say(texts.LOGIN_HELP, db))
        return None
    actor = users.actor_for(db, username)
    if actor is None:  # deactivated or deleted since the login
        authenticator.logout(location="unrendered")
        organiser_session.unbind()
        st.warning(texts.SESSION_ENDED)
        return None
    actor = dataclasses.replace(actor, organiser=organiser.key if organiser else None)
    organiser_session.bind(organiser)
    st.session_state["actor"] = actor
    if not was_signed_in and st.context.cookies.get(cookie_name) is None:
        # The cookie is set by a browser component drawn in this run; it reruns the app
        # once the cookie is stored. st.rerun() here would cancel it before it is drawn.
        st.caption(texts.SIGNING_IN)
        st.stop()
    return actor


def _same_organiser(organiser) -> bool:
    """The Actor kept in session state signed in to this session's organiser (issue 24):
    one organiser's session never turns into another's, even for a username both hold."""
    kept = st.session_state.get("actor")
    return kept is None or kept.organiser == (organiser.key if organiser else None)


# When this browser session signed in (a form login or a resumed cookie). A session that
# stays open is not re-read from its cookie, so a logout elsewhere, a password change or an
# admin's reset (users.sessions_valid_after) must also end it here, not only its cookie.
SIGNED_IN_AT = "llw_signed_in_at"


def _session_still_valid(db, username: str, was_signed_in: bool) -> bool:
    stamp = st.session_state.get(SIGNED_IN_AT)
    if stamp is None or not was_signed_in:  # signed in during this run
        st.session_state[SIGNED_IN_AT] = time.time()
        return True
    if users.cookie_still_valid(db, username, stamp):
        return True
    st.session_state.pop(SIGNED_IN_AT, None)
    return False


def keep_this_session() -> None:
    """After the user changed their own password in this session: every other session and
    cookie ends, this one goes on."""
    st.session_state[SIGNED_IN_AT] = time.time()


def _show_locked(db, client):
    tried = st.session_state.get(TRIED_USERNAME)
    until = users.throttle_locked_until(db, tried, client) if tried else None
    when = timefmt.clock(until) if until else "—"  # Hà Nội time
    st.error(texts.LOGIN_LOCKED.format(until=when, limit=users.LOCK_AFTER_FAILURES))
    st.caption(say(texts.LOGIN_HELP, db))


def request_logout() -> None:
    """Pages call this; app.py performs the logout at the top of the next run."""
    st.session_state["logout_requested"] = True
    st.rerun()
