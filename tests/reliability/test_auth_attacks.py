"""Authentication under attack: username probing by timing, hints, built-in accounts."""
import statistics
import time

from core import passwords
from db import users
from tests.conftest import PASSWORD, make_user
from tests.test_auth import login_form


PAIRS = 9


def test_unknown_username_takes_as_long_as_a_wrong_password(app_for, db, monkeypatch,
                                                            figures):
    """9 pairs of rejected logins: 'ban.chi.da0' (unknown) and 'ban.chi.dao' with a wrong
    password, bcrypt cost 10, the pair's order alternating. The median of the pairs'
    differences is compared with one bcrypt verification timed between the pairs: a load on
    the machine slows both logins of a pair alike (their difference stays) and the
    verification with them (the tolerance grows with it), so the comparison holds on a busy
    machine. An unknown name that skipped the verification would be one verification faster:
    a gap under half of one tells the two apart."""
    monkeypatch.setenv("LLW_BCRYPT_ROUNDS", "10")
    make_user(db, "quan.tri", "admin")
    make_user(db, "ban.chi.dao", "committee")
    stored_hash = db.execute("select password_hash from users where username = ?",
                             ["ban.chi.dao"]).fetchone()[0]
    known, unknown, gaps, verification = [], [], [], []
    app_for(None)  # imports and caches warm before the first timed login
    for attempt in range(PAIRS):
        pair = [("ban.chi.dao", known), ("ban.chi.da0", unknown)]
        for username, bucket in pair if attempt % 2 else pair[::-1]:
            at = app_for(None)
            started = time.perf_counter()
            login_form(at, username, f"sai mật khẩu {attempt}")
            bucket.append(time.perf_counter() - started)
        gaps.append(unknown[-1] - known[-1])
        started = time.perf_counter()
        passwords.verify_password(f"sai mật khẩu {attempt}", stored_hash)
        verification.append(time.perf_counter() - started)
    gap, one = statistics.median(gaps), statistics.median(verification)
    figures(known_median_ms=round(statistics.median(known) * 1000),
            unknown_median_ms=round(statistics.median(unknown) * 1000),
            median_gap_ms=round(gap * 1000), verification_ms=round(one * 1000),
            ratio=round(statistics.median(unknown) / statistics.median(known), 2))
    assert abs(gap) < one / 2, (gaps, verification)


def test_credentials_carry_no_password_hint(db):
    make_user(db, "quan.tri", "admin")
    creds = users.credentials(db)
    assert all("password_hint" not in user for user in creds["usernames"].values())


def test_the_app_creates_no_account_by_itself(app_for, db):
    app_for(None)  # first start: the first-run page only
    assert db["users"].count == 0
    make_user(db, "quan.tri", "admin")
    app_for(None)
    assert [r[0] for r in db.execute("select username from users")] == ["quan.tri"]


def test_login_page_offers_no_registration_or_password_reset(app_for, db):
    make_user(db, "quan.tri", "admin")
    at = app_for(None)
    assert [b.label for b in at.button] == ["Đăng nhập"]
    assert [t.label for t in at.text_input] == ["Tên đăng nhập", "Mật khẩu"]
