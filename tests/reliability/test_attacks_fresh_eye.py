"""Attacks tried with a fresh eye after issue 10's fixes (round 2): each failed before its fix.

- IPv6 rotation: the lockout counted per exact address, and one IPv6 customer holds a /64
  (2^64 addresses), so rotating the low bits gave 10 new guesses per address without end.
- A password typed into the name field was kept as text in login_throttle and in the audit
  log, and every backup and download carried login_throttle (never restored anyway).
"""
import sqlite3

from db import backup, users
from tests.test_auth import errors, login_form


def _fail(db, name, client, times):
    """`times` failed sign-ins of a real account `name` from `client`, as the login does."""
    for _ in range(times):
        creds = users.credentials(db, client=client)
        before = users.failure_counts(creds)
        creds["usernames"][name]["failed_login_attempts"] += 1
        users.record_login_outcome(db, before, creds, None, client)


def test_rotating_ipv6_addresses_inside_one_64_does_not_escape_the_lockout(db, admin,
                                                                          figures):
    for n in range(users.LOCK_AFTER_FAILURES):  # each try from a new address of one /64
        _fail(db, "quan.tri", f"2001:db8:1:2::{n + 1:x}", 1)
    fresh = "2001:db8:1:2:ffff:ffff:ffff:ffff"  # an address not used yet, same /64
    attempts = users.credentials(db, client=fresh)["usernames"]["quan.tri"][
        "failed_login_attempts"]
    figures(addresses_used=users.LOCK_AFTER_FAILURES, attempts_seen_from_a_fresh_one=attempts)
    assert attempts == users.LOCK_AFTER_FAILURES  # locked for the whole /64
    assert users.locked_until(db, "quan.tri", fresh)
    # another network, and the office's IPv4 address, are not locked by it
    assert users.locked_until(db, "quan.tri", "2001:db8:1:3::1") is None
    assert users.locked_until(db, "quan.tri", "10.0.0.5") is None


def test_an_ipv4_mapped_address_counts_as_the_ipv4_address(db, admin):
    _fail(db, "quan.tri", "::ffff:198.51.100.9", users.LOCK_AFTER_FAILURES)
    assert users.locked_until(db, "quan.tri", "198.51.100.9")


def test_unknown_names_from_one_64_share_one_lock(db):
    for n in range(users.LOCK_AFTER_FAILURES):
        users.record_unknown_failure(db, "khong.ton.tai", f"2001:db8::{n + 1}")
    assert users.throttle_locked_until(db, "khong.ton.tai", "2001:db8::abcd")


PASSWORD_IN_NAME_FIELD = "Mật Khẩu Bí Mật 2020!"


def test_a_password_typed_as_the_name_is_kept_nowhere_as_text(app_for, db, db_path, admin,
                                                             tmp_path, figures):
    """Through the real login form: the typed 'name' is a password (spaces, capitals, '!':
    no account can have it). It must not be readable in the live database, nor in a backup."""
    at = login_form(app_for(None), PASSWORD_IN_NAME_FIELD, "x")
    assert errors(at)  # refused, as any wrong sign-in
    needle = PASSWORD_IN_NAME_FIELD.lower()
    stored = [r[0] for r in db.execute("select username from login_throttle")]
    logged = [r[0] for r in db.execute(
        "select coalesce(detail, '') from audit_log where action = 'login_failed'")]
    copy = backup.backup(db_path, tmp_path / "b.db", admin).path
    download = backup.backup_bytes(db_path, admin)
    figures(throttle_rows=len(stored), in_throttle=any(needle in s for s in stored),
            in_audit=any(needle in s for s in logged))
    assert stored and all(needle not in s and PASSWORD_IN_NAME_FIELD not in s for s in stored)
    assert logged and all(needle not in s for s in logged)
    for blob in (copy.read_bytes(), download):
        assert needle.encode() not in blob and PASSWORD_IN_NAME_FIELD.encode() not in blob


def test_a_backup_carries_no_sign_in_counters(db, db_path, admin, tmp_path):
    """Failed-sign-in counters (typed names, client addresses) are never restored, so a copy
    has no reason to carry them; the live database keeps them."""
    users.record_unknown_failure(db, "khach.la", "203.0.113.7")
    _fail(db, "quan.tri", "203.0.113.7", 2)
    assert db.execute("select count(*) from login_throttle").fetchone()[0] == 2
    copy = backup.backup(db_path, tmp_path / "b.db", admin).path
    with sqlite3.connect(copy) as conn:
        assert conn.execute("select count(*) from login_throttle").fetchone()[0] == 0
    assert db.execute("select count(*) from login_throttle").fetchone()[0] == 2


def test_a_real_username_is_still_counted_by_name_so_an_admin_can_unlock_it(db, admin):
    _fail(db, "quan.tri", "203.0.113.7", users.LOCK_AFTER_FAILURES)
    assert [r[0] for r in db.execute("select username from login_throttle")] == ["quan.tri"]
    users.unlock(db, admin, users.get(db, "quan.tri")["id"])
    assert users.locked_until(db, "quan.tri", "203.0.113.7") is None


def test_a_restore_does_not_revive_a_cookie_revoked_since_the_backup(db, db_path, admin,
                                                                    tmp_path, figures):
    """Logout (or a password change) after a backup was taken, then that backup restored:
    the stolen cookie issued before the logout was accepted again until it expired."""
    import time

    import jwt

    from components import auth
    from db import settings

    key = auth._configured_key() or settings.cookie_key(db)
    now = time.time()
    stolen = jwt.encode({"username": "quan.tri", "exp_date": now + auth.COOKIE_EXPIRY_DAYS
                         * 86400 - 5}, key, algorithm="HS256")
    copy = backup.backup(db_path, tmp_path / "before-logout.db", admin).path
    time.sleep(0.01)
    users.end_sessions(db, "quan.tri")  # the owner logs out: the copied cookie is dead
    assert not auth.cookie_acceptable(db, stolen, key)
    backup.restore(db_path, copy, admin)
    revived = auth.cookie_acceptable(db, stolen, key)
    figures(revived_after_restore=revived)
    assert not revived
    assert [r[0] for r in db.execute("select username from users")] == ["quan.tri"]


# --- markdown: the leadership's page showed account names as markdown -------------------

HOSTILE_NAME = "![](http://evil.example/p.png) **Lãnh** [đạo](http://evil.example/l)"


def test_the_leadership_page_shows_who_submitted_and_approved_as_text(app_for, db, admin):
    """Phê duyệt dự trù printed submitted_by_name / approved_by_name through st.caption and
    st.success unescaped (the admin's settings page escaped the same names)."""
    from db import Actor, budget, events
    from tests.conftest import PASSWORD

    def make(username, role):  # the account's display name is what the page prints
        user_id = users.create_user(db, Actor.system("test"), username=username,
                                    name=HOSTILE_NAME, role=role, password=PASSWORD)
        return Actor(user_id, username, role, None)

    committee, leader = make("ban.chi.dao", "committee"), make("lanh.dao", "leader")
    event_id = events.get(db, 2020)["id"]
    budget.add_line(db, committee, event_id, {
        "item": "Băng rôn", "activity_ref": "Tuyên truyền", "quantity": "2",
        "measure": "chiếc", "unit_price": "350.000", "note": ""})
    budget.submit(db, committee, event_id)
    shown = _markdown_of(app_for(leader))
    assert "Lãnh" in shown  # the submitter's name is on the page
    assert "![](http" not in shown and "](http://evil" not in shown
    assert "**Lãnh**" not in shown
    budget.approve(db, leader, event_id)
    shown = _markdown_of(app_for(leader))
    assert "Lãnh" in shown
    assert "![](http" not in shown and "](http://evil" not in shown
    assert "**Lãnh**" not in shown


def _markdown_of(at) -> str:
    """Every markdown string the page sent (markdown, captions, alerts)."""
    assert not at.exception, at.exception
    parts = [e.value for e in at.markdown] + [e.value for e in at.caption]
    parts += [e.value for kind in (at.success, at.info, at.warning, at.error) for e in kind]
    return "\n".join(str(p) for p in parts)


# --- an open session outlived a logout elsewhere, a password change or an admin's reset ----

def test_an_open_session_ends_when_the_account_is_signed_out_elsewhere(app_for, db, admin,
                                                                       figures):
    """Only cookies were checked against sessions_valid_after: a browser tab already signed
    in (a stolen cookie's session included) stayed in after the owner's logout elsewhere,
    their password change or an admin's reset, for as long as the tab stayed open."""
    from tests.test_auth import login_form, signed_in

    at = login_form(app_for(None), "quan.tri", PASSWORD_OF_TESTS)
    assert signed_in(at)
    at.run()
    assert signed_in(at)  # a plain rerun keeps the session
    users.end_sessions(db, "quan.tri")  # logout in another browser (or password change)
    at.run()
    figures(still_signed_in_after_logout_elsewhere=signed_in(at))
    assert not signed_in(at)
    assert "actor" not in at.session_state


def test_changing_ones_password_keeps_this_session_and_ends_the_others(app_for, db, admin):
    from tests.test_auth import signed_in

    mine, other = app_for(admin), app_for(admin)  # two browsers, both signed in
    assert signed_in(mine) and signed_in(other)
    mine.switch_page("app_pages/account.py").run()
    by_label = {t.label: t for t in mine.text_input}
    by_label["Mật khẩu hiện tại"].input(PASSWORD_OF_TESTS)
    by_label["Mật khẩu mới"].input("Sống và học tập 2021 mới")
    by_label["Nhập lại mật khẩu"].input("Sống và học tập 2021 mới")
    next(b for b in mine.button if b.label == "Đổi mật khẩu").click()
    mine.run()
    assert not mine.exception
    assert "Đã đổi mật khẩu" in " ".join(s.value for s in mine.success)
    mine.run()
    assert signed_in(mine)  # the session that changed it goes on
    other.run()
    assert not signed_in(other)  # every other one ends


from tests.conftest import PASSWORD as PASSWORD_OF_TESTS  # noqa: E402


def test_a_new_database_and_its_wal_are_private_to_the_server(tmp_path):
    """The live database (bcrypt hashes, names, e-mails) was created 0644: any local account
    could read it, while its backups were 0600."""
    import os
    import stat

    from db.setup import prepare

    path = tmp_path / "new.db"
    db = prepare(path)
    db.execute("insert into settings (key, value) values ('x', 'y')")
    modes = {p.name: oct(stat.S_IMODE(os.stat(p).st_mode))
             for p in tmp_path.iterdir() if p.name.startswith("new.db")}
    db.conn.close()
    assert modes["new.db"] == "0o600"
    assert all(mode == "0o600" for mode in modes.values()), modes


# --- the workbook: a typed "_x000B_" became a control character in Excel / LibreOffice ----

def _ooxml_decoded(text: str) -> str:
    """What a spreadsheet shows for an OOXML string (ST_Xstring: `_xHHHH_` is U+HHHH)."""
    import re

    return re.sub("_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m.group(1), 16)), text)


def test_a_typed_ooxml_escape_stays_text_in_the_workbook(figures):
    """«_x000B_», «_x0000_» are plain characters a user can type or import (the entry rules
    keep them). Written raw, LibreOffice (checked: soffice --convert-to csv) and Excel read
    them as VT and NUL: the control characters issue 10 removed came back in the city's
    workbook."""
    import io
    import zipfile
    from xml.etree import ElementTree

    from core import xlsx_stream as xs

    typed = ["Tiêu đề_x000B_Word_x001B_[1m_x0000_x", "a_x005F_b", "_xABCD_"]
    sheet = xs.Sheet("Danh sách", [xs.Column("Tên")], [[t] for t in typed])
    out = io.BytesIO()
    xs.write(out, [sheet])
    shown = []
    with zipfile.ZipFile(io.BytesIO(out.getvalue())) as zf:
        for name in zf.namelist():
            if name.startswith("xl/worksheets/") or name == "xl/sharedStrings.xml":
                root = ElementTree.fromstring(zf.read(name))
                shown += [_ooxml_decoded(t.text or "") for t in root.iter()
                          if t.tag.endswith("}t")]
    figures(shown=[s for s in shown if "_x" in s or "\x00" in s or "\x0b" in s])
    for value in typed:
        assert value in shown  # what the spreadsheet shows is what was typed
    assert not any(c in s for s in shown for c in "\x00\x0b\x1b\uabcd")
