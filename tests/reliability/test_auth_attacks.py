"""Authentication under attack: username probing by timing, hints, built-in accounts."""
import statistics
import time

from db import users
from tests.conftest import PASSWORD, make_user
from tests.test_auth import login_form


def test_unknown_username_takes_as_long_as_a_wrong_password(app_for, db, monkeypatch,
                                                            figures):
    """Median time to reject 'ban.chi.da0' (unknown) vs 'ban.chi.dao' with a wrong password,
    bcrypt cost 10, 7 attempts each, alternating."""
    monkeypatch.setenv("LLW_BCRYPT_ROUNDS", "10")
    make_user(db, "quan.tri", "admin")
    make_user(db, "ban.chi.dao", "committee")
    known, unknown = [], []
    for attempt in range(7):
        for username, bucket in (("ban.chi.dao", known), ("ban.chi.da0", unknown)):
            at = app_for(None)
            started = time.perf_counter()
            login_form(at, username, f"sai mật khẩu {attempt}")
            bucket.append(time.perf_counter() - started)
    ratio = statistics.median(unknown) / statistics.median(known)
    figures(known_median_ms=round(statistics.median(known) * 1000),
            unknown_median_ms=round(statistics.median(unknown) * 1000),
            ratio=round(ratio, 2))
    assert 0.7 <= ratio <= 1.4


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
