"""The holes of issue 10, each tried as an attacker would (each test fails on the code
before the fix): the key in backups, control characters, markdown and link breakouts,
padded passphrases, password change, photo decoding, lockout probing, tampered restores,
weak keys, SVG uploads, SQLite's own error text."""
import io
import re
import os
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

import jwt
import pytest
from PIL import Image
from streamlit.testing.v1 import AppTest

from core import passwords, photos, texts
from db import ValidationFailed, backup, entries, events, settings, units, users
from tests.conftest import PASSWORD, ROOT, make_user
from tests.hostile_fixture import BREAKOUT_URL, OUTSIDE_HOST, PADDED_PASSWORDS
from tests.test_auth import errors, login_form, signed_in

DAY = 86400


def key_of(db) -> str:
    from components import auth

    return settings.cookie_key(db) if auth._configured_key() is None else auth._configured_key()


def cookie(key: str, username: str, exp: float) -> str:
    return jwt.encode({"username": username, "exp_date": exp}, key, algorithm="HS256")


# --- 1. the signing key is never in a backup; long-lived cookies are refused --------------

def test_backup_and_download_do_not_carry_the_signing_key(db, db_path, admin, tmp_path,
                                                          figures):
    """A backup used to hold settings.cookie_key: whoever had it signed an admin cookie."""
    key = settings.cookie_key(db)
    key_path = settings.key_file(db_path)
    copy = backup.backup(db_path, tmp_path / "b.db", admin).path
    download = backup.backup_bytes(db_path, admin)
    mode = stat.S_IMODE(os.stat(key_path).st_mode)
    figures(key_file_mode=oct(mode), key_in_backup=key.encode() in copy.read_bytes(),
            key_in_download=key.encode() in download)
    assert mode == 0o600
    assert key.encode() not in copy.read_bytes() and key.encode() not in download
    assert settings.get(db, "cookie_key") is None
    with sqlite3.connect(copy) as conn:
        assert conn.execute("select count(*) from settings where key = 'cookie_key'"
                            ).fetchone()[0] == 0


def test_a_key_left_in_the_database_by_an_older_version_moves_out(db, db_path, tmp_path):
    old = "k" + "Zq8-xW3_vB9" * 5
    db.execute("insert into settings (key, value) values ('cookie_key', ?)", [old])
    # a backup made before the app starts again (CLI) already drops it
    copy = backup.backup(db_path, tmp_path / "before.db").path
    assert old.encode() not in copy.read_bytes()
    assert settings.cookie_key(db) == old  # signed-in users stay signed in
    assert settings.get(db, "cookie_key") is None
    assert settings.key_file(db_path).read_text() == old


def test_an_emptied_key_file_gets_a_new_private_key(db, db_path):
    first = settings.cookie_key(db)
    settings.key_file(db_path).write_text("")
    second = settings.cookie_key(db)
    assert second and second != first and passwords.cookie_key_acceptable(second)
    assert stat.S_IMODE(os.stat(settings.key_file(db_path)).st_mode) == 0o600


def test_a_restore_never_brings_a_key(db, db_path, admin, tmp_path):
    mine = settings.cookie_key(db)
    copy = backup.backup(db_path, tmp_path / "b.db", admin).path
    with sqlite3.connect(copy) as conn:  # a tampered backup carrying the attacker's key
        conn.execute("insert into settings (key, value) values ('cookie_key', 'attacker')")
    backup.restore(db_path, copy, admin)
    assert settings.get(db, "cookie_key") is None
    assert settings.cookie_key(db) == mine


def test_a_cookie_expiring_further_ahead_than_the_lifetime_is_refused(db, admin, figures):
    """exp_date ten years ahead used to be accepted (issued-at is derived as exp − 1 day,
    so it also survived logout)."""
    from components import auth

    key = key_of(db)
    now = time.time()
    normal = cookie(key, "quan.tri", now + auth.COOKIE_EXPIRY_DAYS * DAY)
    ten_years = cookie(key, "quan.tri", now + 3650 * DAY)
    expired = cookie(key, "quan.tri", now - 10)
    foreign = cookie("x" * 48, "quan.tri", now + DAY)
    results = {name: auth.cookie_acceptable(db, raw, key, now) for name, raw in (
        ("normal", normal), ("ten_years", ten_years), ("expired", expired),
        ("foreign_key", foreign))}
    figures(**results)
    assert results == {"normal": True, "ten_years": False, "expired": False,
                       "foreign_key": False}
    users.end_sessions(db, "quan.tri")  # logout still revokes
    assert not auth.cookie_acceptable(db, normal, key, now + 1)


# --- 2. control characters are removed where text enters ---------------------------------

CONTROL_TITLE = "Ngày hội\x0bđọc sách\x0c\x00 trường\x1b[1m\x85"


def test_control_characters_never_reach_the_database_or_break_the_workbook(
        db, admin, unit_user, figures):
    """Word's \\x0b in a title made `manage.py export` raise IllegalCharacterError."""
    from openpyxl import load_workbook

    from core.tabular import read_table
    from db import export

    event = events.get(db, 2020)
    good = {"type": "library", "title": CONTROL_TITLE, "start_date": "2020-10-03",
            "format": "truc_tiep", "participants": 5, "description": "a\x0bb\x07c"}
    entries.create_activity(db, unit_user, event["id"], unit_user.unit_id, good)
    csv = ("unit_code,ward_code,type,title,start_date,end_date,format,participants,"
           "online_participants,audiences,evidence_url,description\n"
           f"THCS-THANGLONG,,library,Nhập\x0btừ tệp\x01,2020-10-03,,truc_tiep,3,0,,,"
           "mô\x0ctả\n").encode()
    report = entries.import_activities(db, unit_user, event["id"], read_table(csv, "a.csv"))
    assert report.created == 1
    units.create(db, admin, {"code": "CTRL-1", "kind": "library", "name": "Thư\x0bviện\x00",
                             "ward_code": "00001"})
    stored = "".join(str(v) for row in db.execute(
        "select title, description from activities union all "
        "select name, '' from units") for v in row)
    controls = [ch for ch in stored if ord(ch) < 32 and ch not in "\n\t"
                or 0x7f <= ord(ch) < 0xa0]
    book = load_workbook(io.BytesIO(export.xlsx(db, event["id"])))
    figures(control_characters_stored=len(controls), workbook_sheets=len(book.worksheets))
    assert controls == []
    assert "Ngày hội\nđọc sách\n trường[1m" in stored  # line breaks kept as \n


def test_one_off_migration_cleans_values_stored_before(db_path):
    """A title stored with \\x0b by the old code is cleaned by the migration step."""
    from db.schema import m003_security_strip_controls
    from db import connect

    database = connect(db_path)
    database.execute("insert into units (code, kind, name, created_at) "
                     "values ('OLD-1', 'library', ?, '2020-01-01')", ["Cũ\x0bcó\x00ký tự"])
    m003_security_strip_controls(database)
    assert database.execute("select name from units where code = 'OLD-1'").fetchone()[0] == \
        "Cũ\ncóký tự"


# --- 3. markdown and links --------------------------------------------------------------

@pytest.mark.parametrize("url", [BREAKOUT_URL, "https://a.b/x)", "https://a.b/[x]",
                                 "https://a.b/<img>", "javascript:alert(1)", "http://a b.vn",
                                 "https://user:pw@a.vn/", "http:/a.vn", "ftp://a.vn/x"])
def test_links_that_could_break_out_of_markdown_are_refused(url):
    from core import entry_rules

    assert not entry_rules.url_ok(url)


def test_user_text_on_a_unit_page_is_escaped(app_for, db, admin, unit_user):
    """A nominee name with a markdown image used to become an <img> on «Đề xuất khen
    thưởng»: now every markdown element of the page shows it escaped."""
    from db import nominations

    event = events.get(db, 2020)
    name = f"![](http://{OUTSIDE_HOST}/x.png) Nguyễn Văn A"
    nominations.create(db, unit_user, event["id"], unit_user.unit_id, {
        "nominee_kind": "person", "nominee_name": name, "category": "tu_hoc",
        "achievement": f"[bấm](http://{OUTSIDE_HOST}/u) thành tích"})
    at = app_for(unit_user)
    at.switch_page("app_pages/unit_nominate.py").run()
    rendered = [m.value for m in at.markdown] + [c.value for c in at.caption]
    import re

    raw = [v for v in rendered if re.search(r"(?<!\\)\]\(http://" + re.escape(OUTSIDE_HOST), v)]
    assert raw == []  # no bracket left unescaped before the address: no link, no image
    assert any(OUTSIDE_HOST in v for v in rendered)  # the text itself is shown
    assert any("Nguyễn Văn A" in v for v in rendered)


# --- 4. one rule for spaces at the ends of a password ---------------------------------------

@pytest.mark.parametrize("padded", PADDED_PASSWORDS)
def test_a_padded_passphrase_is_refused_when_set_everywhere(db, admin, padded):
    """It used to be stored as typed, while the library strips what is typed at login: the
    account could never sign in, and every try counted towards the lockout."""
    with pytest.raises(ValidationFailed) as created:
        users.create_user(db, admin, username="ban.chi.dao", name="B", role="committee",
                          password=padded)
    assert created.value.errors["password"] == texts.PASSWORD_OUTER_SPACES
    committee = make_user(db, "ban.chi.dao", "committee")
    with pytest.raises(ValidationFailed) as reset:
        users.reset_password(db, admin, committee.user_id, padded)
    assert reset.value.errors["password"] == texts.PASSWORD_OUTER_SPACES
    with pytest.raises(ValidationFailed) as changed:
        users.change_own_password(db, committee, PASSWORD, padded, padded)
    assert changed.value.errors["new"] == texts.PASSWORD_OUTER_SPACES


def test_a_password_with_inner_spaces_signs_in_however_the_ends_are_typed(app_for, db,
                                                                            admin):
    make_user(db, "ban.chi.dao", "committee", password="Học tập suốt đời 2020")
    assert signed_in(login_form(app_for(None), "ban.chi.dao", "  Học tập suốt đời 2020  "))
    user = users.get(db, "ban.chi.dao")
    assert passwords.verify_password(" Học tập suốt đời 2020 ", user["password_hash"])


# --- 5. changing one's password ends every earlier session ------------------------------

def test_changing_ones_password_revokes_earlier_cookies(db, admin):
    from components import auth

    key = key_of(db)
    now = time.time()
    earlier = cookie(key, "quan.tri", now + auth.COOKIE_EXPIRY_DAYS * DAY - 5)
    assert auth.cookie_acceptable(db, earlier, key)
    users.change_own_password(db, admin, PASSWORD, "Mật khẩu mới 2026!", "Mật khẩu mới 2026!")
    assert not auth.cookie_acceptable(db, earlier, key)
    assert users.get(db, "quan.tri")["sessions_valid_after"] >= now


# --- 6. photos are decoded once, bounded --------------------------------------------------

def _png(size, mode="RGB") -> bytes:
    out = io.BytesIO()
    Image.new(mode, size, "white").save(out, "PNG", optimize=False, compress_level=9)
    return out.getvalue()


_PHONE: dict = {}


def _phone_jpeg(size=(6000, 4000), orientation=6) -> bytes:
    if (size, orientation) in _PHONE:
        return _PHONE[size, orientation]
    image = Image.new("RGB", size, (30, 120, 200))
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x010F] = "Camera maker"  # Make: metadata that must not be kept
    out = io.BytesIO()
    image.save(out, "JPEG", quality=70, exif=exif.tobytes())
    _PHONE[size, orientation] = out.getvalue()
    return out.getvalue()


def test_a_7000px_png_is_refused_before_decoding_and_says_its_size(figures):
    data = _png((7000, 7000))
    mime, problem = photos.check_photo("lon.png", data)
    figures(png_bytes=len(data), refused=mime is None)
    assert mime is None and "7000×7000" in problem


def test_a_phone_photo_is_downscaled_oriented_and_stripped(db, unit_user, figures):
    """A 24 Mpx JPEG (over the decode limit) is accepted: decoded in draft mode, turned
    upright from its EXIF orientation, stored as a bounded copy without metadata."""
    data = _phone_jpeg()
    event = events.get(db, 2020)
    entry = entries.create_activity(
        db, unit_user, event["id"], unit_user.unit_id,
        {"type": "library", "title": "Ảnh điện thoại", "start_date": "2020-10-03",
         "format": "truc_tiep", "participants": 5}, photo_files=[("IMG_0001.jpg", data)])
    stored = entries.photos(db, entries.ACTIVITY, entry)[0]
    with Image.open(io.BytesIO(stored["data"])) as display:
        size, exif = display.size, dict(display.getexif())
    with Image.open(io.BytesIO(stored["thumb"])) as thumb:
        thumb_size = thumb.size
    figures(upload_bytes=len(data), stored_bytes=len(stored["data"]),
            display=f"{size[0]}x{size[1]}", thumb=f"{thumb_size[0]}x{thumb_size[1]}")
    assert size == (1067, 1600)  # portrait: orientation 6 applied
    assert max(thumb_size) == photos.THUMB_PX
    assert exif == {}


_PEAK_SCRIPT = """
import io, sys
from PIL import Image
from core import photos

def status(field):
    for line in open("/proc/self/status"):
        if line.startswith(field):
            return int(line.split()[1]) // 1024

data = open(sys.argv[1], "rb").read()
mode = sys.argv[2]
open("/proc/self/clear_refs", "w").write("5")  # reset the peak (VmHWM) to now
start = status("VmRSS")
if mode == "ours":
    photos.process("a.jpg", data)
elif mode == "full":
    Image.open(io.BytesIO(data)).load()
print(status("VmHWM") - start)
"""


def _peak_mb(path, mode) -> int:
    """Extra peak resident memory (MB) of our upload check ('ours') or of a plain full
    decode ('full') of `path`, in a fresh process, over what it used before."""
    out = subprocess.run([sys.executable, "-c", _PEAK_SCRIPT, str(path), mode], cwd=ROOT,
                         capture_output=True, text=True, check=True).stdout
    return int(out)


def test_one_upload_decode_stays_well_under_100_mb(tmp_path, figures):
    """A 24 Mpx phone JPEG: extra peak memory of our upload check (draft decode, bounded
    copies) against decoding it in full as the old check (verify + load) did."""
    path = tmp_path / "big.jpg"
    path.write_bytes(_phone_jpeg())
    ours, full = _peak_mb(path, "ours"), _peak_mb(path, "full")
    figures(jpeg_pixels=24_000_000, our_check_peak_mb=ours, full_decode_peak_mb=full)
    assert ours < 50
    assert full > 2 * ours


def test_photos_stored_before_are_bounded_once(db, unit_user):
    """Photos stored full-size by the old code (no thumbnail) get their bounded copies from
    the migration step / a restore, so no page decodes them again."""
    event = events.get(db, 2020)
    entry = entries.create_activity(db, unit_user, event["id"], unit_user.unit_id, {
        "type": "library", "title": "Ảnh cũ", "start_date": "2020-10-03",
        "format": "truc_tiep", "participants": 5})
    original = _png((3000, 2000))
    db["photos"].insert({"activity_id": entry, "mime": "image/png", "data": original,
                         "created_at": "2020-10-03T10:00:00"})
    assert entries.bound_old_photos(db) == 1
    stored = entries.photos(db, entries.ACTIVITY, entry)[0]
    with Image.open(io.BytesIO(stored["data"])) as display:
        assert display.format == "JPEG" and max(display.size) == photos.DISPLAY_PX
    assert stored["thumb"] and entries.bound_old_photos(db) == 0


def test_an_svg_is_refused_with_its_own_message():
    svg = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"></svg>'
    mime, problem = photos.check_photo("logo.svg", svg)
    assert mime is None and problem == texts.PHOTO_SVG.format(name="logo.svg")


# --- 7. lockout: the same answer for unknown names, per client address -------------------

def test_an_unknown_name_is_locked_exactly_like_a_real_one(app_for, db, admin, figures):
    """After 10 failures a real account said «tạm khóa» and an unknown name never did:
    11 tries told whether a name exists."""
    answers = {}
    for name in ("quan.tri", "khong.ton.tai"):
        for attempt in range(users.LOCK_AFTER_FAILURES):
            at = login_form(app_for(None), name, f"sai mật khẩu {attempt}")
        answers[name] = errors(login_form(app_for(None), name, "sai nữa"))
    figures(real=answers["quan.tri"][:40], unknown=answers["khong.ton.tai"][:40])
    assert "tạm khóa" in answers["quan.tri"]
    # the same words; the unlock minute may differ when the two runs straddle a minute
    same = [re.sub(r"\d{2}:\d{2}", "HH:MM", answers[n]) for n in ("quan.tri", "khong.ton.tai")]
    assert same[0] == same[1]


def test_failures_from_one_address_do_not_lock_the_admin_elsewhere(db, admin):
    attacker, office = "198.51.100.9", "10.0.0.5"
    for _ in range(3):  # the attacker re-locks again and again
        creds = users.credentials(db, client=attacker)
        before = users.failure_counts(creds)
        creds["usernames"]["quan.tri"]["failed_login_attempts"] += users.LOCK_AFTER_FAILURES
        users.record_login_outcome(db, before, creds, None, attacker)
    assert users.credentials(db, client=attacker)["usernames"]["quan.tri"][
        "failed_login_attempts"] == users.LOCK_AFTER_FAILURES  # locked for the attacker
    assert users.credentials(db, client=office)["usernames"]["quan.tri"][
        "failed_login_attempts"] == 0  # the admin at the office is not


# --- 8. a tampered backup brings no trigger, view or foreign table -----------------------

def test_restore_keeps_only_this_apps_tables(db, db_path, admin, tmp_path, figures):
    copy = backup.backup(db_path, tmp_path / "b.db", admin).path
    with sqlite3.connect(copy) as conn:
        conn.executescript("""
            create table stash (secret text);
            create view everyone as select username, password_hash from users;
            create trigger leak after insert on activities begin
                insert into stash values (new.title); end;
            create trigger grant_admin after update on users begin
                update users set role = 'admin'; end;
        """)
    backup.restore(db_path, copy, admin)
    names = {r[0] for r in db.execute(
        "select name from sqlite_master where name in "
        "('stash', 'everyone', 'leak', 'grant_admin')")}
    figures(foreign_objects_planted=4, survived=len(names))
    assert names == set()
    assert [r[0] for r in db.execute("select username from users")] == ["quan.tri"]
    assert db.execute("select count(*) from wards").fetchone()[0] == 14
    assert db.execute("pragma integrity_check").fetchone()[0] == "ok"


def test_restore_rebuilds_the_dashboard_figures(db, db_path, unit_user, admin, tmp_path):
    event = events.get(db, 2020)
    entries.create_activity(db, unit_user, event["id"], unit_user.unit_id, {
        "type": "library", "title": "Đọc sách", "start_date": "2020-10-03",
        "format": "truc_tiep", "participants": 40})
    before = list(db.execute("select * from activity_cube"))
    copy = backup.backup(db_path, tmp_path / "b.db", admin).path
    backup.restore(db_path, copy, admin)
    assert list(db.execute("select * from activity_cube")) == before and before


# --- 9. weak configured keys ---------------------------------------------------------------

@pytest.mark.parametrize("weak", ["a" * 32, "some_key" * 4, "0123456789abcdef" * 2])
def test_a_weak_configured_key_stops_the_app_and_says_how_to_make_one(app_for, db, admin,
                                                                      monkeypatch, weak):
    monkeypatch.setenv("LLW_COOKIE_KEY", weak)
    at = app_for(None)
    assert "secrets.token_urlsafe(48)" in errors(at)
    assert not any(t.label == "Tên đăng nhập" for t in at.text_input)


# --- 10. SQLite's own words stay in the log ----------------------------------------------

class _FailingPage:
    def run(self):
        raise sqlite3.OperationalError("disk I/O error: /srv/bi-mat/llw.db")


def test_sqlite_error_text_is_logged_not_shown(monkeypatch, caplog):
    from components import navigation

    monkeypatch.setattr(navigation, "build", lambda role: _FailingPage())  # restored after

    def page():
        from components import navigation

        navigation.run("admin")

    at = AppTest.from_function(page, default_timeout=60).run()
    shown = " ".join(str(e.value) for e in list(at.error) + list(at.caption) + list(at.markdown))
    assert texts.DB_WRITE_FAILED in shown
    assert "bi-mat" not in shown and "disk I/O" not in shown
    assert "bi-mat" in caplog.text  # kept for the administrator, in the server log


def test_metrics_endpoint_exposes_no_user_attribute():
    """/_stcore/metrics cannot be switched off in Streamlit 1.67; it shows counts only as
    long as no user attribute is configured (README, security notes)."""
    config = (ROOT / ".streamlit" / "config.toml").read_text()
    assert "unsafeMetricsUserAttributes = []" in config
