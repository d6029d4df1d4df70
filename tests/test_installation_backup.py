"""Backup and restore per organiser and for the whole installation (issue 24 deliver 5):
one ward's backup and restore touch its file only; `backup --all` / `restore --all` carry
the directory and every organiser's backup in one .zip, checked before anything is replaced;
a ward takes its data to an installation of its own and brings them in, every figure kept."""
import io
import json
import zipfile

import pytest

from db import backup, installation_backup
from tests.installation_fixture import (ADMIN_PASSWORD, CITY, WARDS, build_installation,
                                        copy_installation, fingerprint, manage, rows, stats)


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    return build_installation(tmp_path_factory.mktemp("city"))


@pytest.fixture
def city(template, tmp_path):
    return copy_installation(template, tmp_path / "here")


def ward_file(root, key):
    return root.parent / f"org-{key}.db"


def activity_titles(db_file):
    return sorted(r[0] for r in rows(db_file, "select title from activities"))


# --- one organiser ------------------------------------------------------------------------

def test_one_wards_backup_holds_its_data_only_and_its_restore_touches_its_file_only(
        city, tmp_path):
    saved = tmp_path / "phuc-xa.db"
    manage(city, "--organiser", "phuc-xa", "backup", saved)
    units = {r[0] for r in rows(saved, "select code from units")}
    assert units == {"UBND-PHUC-XA", "TH-PHUC-XA"}  # no other ward's, no Ba Đình plan
    assert [r[0] for r in rows(saved, "select username from users")] == ["quan.tri"]
    before = stats(city, "phuc-xa")
    # the ward's clerk withdraws everything; the other ward and the city carry on
    rows_gone = rows(ward_file(city, "phuc-xa"), "select count(*) from activities")[0][0]
    assert rows_gone == 2
    import sqlite3
    conn = sqlite3.connect(ward_file(city, "phuc-xa"))
    conn.execute("delete from activities")
    conn.commit()
    conn.close()
    assert stats(city, "phuc-xa")["totals"]["activities"] == 0
    others = {k: fingerprint_of(city, k) for k in ("ngoc-ha", CITY)}
    done = manage(city, "--organiser", "phuc-xa", "restore", saved, "--yes")
    assert "org-phuc-xa.db.replaced-" in done.stdout
    assert stats(city, "phuc-xa") == before
    assert {k: fingerprint_of(city, k) for k in ("ngoc-ha", CITY)} == others


def test_another_wards_backup_is_not_restored_over_a_ward_unless_the_server_admin_says_so(
        city, tmp_path):
    theirs = tmp_path / "ngoc-ha.db"
    manage(city, "--organiser", "ngoc-ha", "backup", theirs)
    before = fingerprint_of(city, "phuc-xa")
    refused = manage(city, "--organiser", "phuc-xa", "restore", theirs, "--yes", check=False)
    assert refused.returncode == 1 and "đơn vị tổ chức khác" in refused.stderr
    assert fingerprint_of(city, "phuc-xa") == before  # nothing written
    with pytest.raises(backup.BackupError):  # the admin page's path: no way round it
        backup.restore_bytes(ward_file(city, "phuc-xa"), theirs.read_bytes(), "x.db")
    assert fingerprint_of(city, "phuc-xa") == before
    done = manage(city, "--organiser", "phuc-xa", "restore", theirs, "--yes",
                  "--other-organiser")
    assert done.returncode == 0
    assert stats(city, "phuc-xa") == stats(city, "ngoc-ha")


def fingerprint_of(root, key):
    file = root if key == CITY else ward_file(root, key)
    return rows(file, "select count(*), group_concat(title) from activities"), \
        rows(file, "select group_concat(code) from units"), file.stat().st_mtime_ns


def test_the_admin_pages_backups_of_a_ward_are_kept_apart_from_the_citys(city):
    ward = ward_file(city, "phuc-xa")
    made = backup.backup_to_folder(ward)
    assert made.path.parent == city.parent / "backups" / "phuc-xa"
    assert made.path.name.startswith("llw-phuc-xa-")
    city_made = backup.backup_to_folder(city)
    assert city_made.path.parent == city.parent / "backups"
    assert [b["name"] for b in backup.list_backups(ward)] == [made.path.name]
    assert [b["name"] for b in backup.list_backups(city)] == [city_made.path.name]
    assert backup.list_backups(ward_file(city, "ngoc-ha")) == []  # the other ward sees none
    assert (city.parent / "backups" / "phuc-xa").stat().st_mode & 0o077 == 0


# --- the whole installation ---------------------------------------------------------------

def test_the_archive_holds_the_directory_and_each_organisers_backup_and_nothing_else(
        city, tmp_path):
    import sqlite3

    # db/settings.py's generated signing keys, one beside each organiser's file
    secrets = {}
    for file in (city, ward_file(city, "phuc-xa")):
        secrets[file] = f"khoa-bi-mat-{file.stem}-" + "x7Qp" * 12
        file.with_name(file.name + ".cookie-key").write_text(secrets[file])
    conn = sqlite3.connect(ward_file(city, "ngoc-ha"))
    conn.execute("insert into login_throttle (username, client, failures, updated_at) "
                 "values ('MatKhauGoNham2026', '10.0.0.9', 3, '2026-10-02T08:00:00+07:00')")
    conn.commit()
    conn.close()
    archive = tmp_path / "toan-may-chu.zip"
    done = manage(city, "backup", "--all", archive)
    assert "3 đơn vị" in done.stdout
    with zipfile.ZipFile(archive) as z:
        names = z.namelist()
        data = {n: z.read(n) for n in names}
    assert names == ["manifest.json", "organisers.db", "organisers/ha-noi.db",
                     "organisers/phuc-xa.db", "organisers/ngoc-ha.db"]
    manifest = json.loads(data["manifest.json"])
    assert manifest["root"] == CITY and manifest["organisers"] == [CITY, *WARDS]
    for name, raw in data.items():
        assert b"MatKhauGoNham2026" not in raw
        assert not any(secret.encode() in raw for secret in secrets.values())
    (tmp_path / "ngoc-ha.db").write_bytes(data["organisers/ngoc-ha.db"])
    assert backup.health_problems(tmp_path / "ngoc-ha.db") == []
    assert rows(tmp_path / "ngoc-ha.db", "select count(*) from login_throttle") == [(0,)]
    assert rows(tmp_path / "ngoc-ha.db", "select count(*) from settings where key in "
                "('cookie_key')") == [(0,)]


def test_a_single_organiser_installation_is_told_to_use_backup_file(db_path, tmp_path):
    done = manage(db_path, "backup", "--all", tmp_path / "x.zip", check=False)
    assert done.returncode == 1 and "manage.py backup TỆP" in done.stderr
    assert not (tmp_path / "x.zip").exists()


def test_restore_all_into_a_fresh_installation_keeps_every_organiser_and_figure(
        city, tmp_path):
    archive = tmp_path / "all.zip"
    manage(city, "backup", "--all", archive)
    before = {k: stats(city, k) for k in (CITY, *WARDS)}
    listed = manage(city, "organisers", "list").stdout
    fresh = tmp_path / "new-server" / "data" / "llw.db"
    done = manage(fresh, "restore", "--all", archive)
    assert "3 đơn vị tổ chức" in done.stdout
    assert {k: stats(fresh, k) for k in (CITY, *WARDS)} == before
    assert manage(fresh, "organisers", "list").stdout == listed
    assert sorted(p.name for p in fresh.parent.iterdir() if "-" not in p.suffix) == [
        "llw.db", "org-ngoc-ha.db", "org-phuc-xa.db", "organisers.db"]
    assert all(p.stat().st_mode & 0o077 == 0 for p in fresh.parent.iterdir())
    # each ward's first admin signs in to its own file, with its own password
    from core import passwords
    (hashed,) = rows(ward_file(fresh, "phuc-xa"),
                     "select password_hash from users where username = 'quan.tri'")[0]
    assert passwords.verify_password(ADMIN_PASSWORD, hashed)


def test_restore_all_over_the_same_installation_brings_back_every_file_and_keeps_the_old(
        city, tmp_path):
    archive = tmp_path / "all.zip"
    manage(city, "backup", "--all", archive)
    before = {k: stats(city, k) for k in (CITY, *WARDS)}
    import sqlite3
    for key in WARDS:
        conn = sqlite3.connect(ward_file(city, key))
        conn.execute("delete from activities")
        conn.commit()
        conn.close()
    done = manage(city, "restore", "--all", archive, "--yes")
    assert {k: stats(city, k) for k in (CITY, *WARDS)} == before
    kept = sorted(p.name.split(".replaced-")[0] for p in city.parent.glob("*.replaced-*"))
    assert kept == ["llw.db", "org-ngoc-ha.db", "org-phuc-xa.db", "organisers.db"]
    assert "Dữ liệu cũ của phuc-xa được giữ tại" in done.stdout
    (old_ward,) = city.parent.glob("org-phuc-xa.db.replaced-*")
    assert rows(old_ward, "select count(*) from activities") == [(0,)]
    restored = rows(ward_file(city, "phuc-xa"),
                    "select action, detail from audit_log where action = 'restore'")
    assert restored and "organisers/phuc-xa.db" in restored[-1][1]


def test_restore_all_refuses_to_drop_an_organiser_the_archive_has_not_unless_told(
        city, tmp_path):
    archive = tmp_path / "all.zip"
    manage(city, "backup", "--all", archive)
    manage(city, "organisers", "add", "tay-ho", "--name", "UBND phường Tây Hồ", "--level",
           "xa", "--parent", CITY)
    manage(city, "--organiser", "tay-ho", "new-week", "--year", "2026", "--empty")
    untouched = fingerprint(city.parent)
    refused = manage(city, "restore", "--all", archive, "--yes", check=False)
    assert refused.returncode == 1
    assert "tay-ho (UBND phường Tây Hồ)" in refused.stderr
    assert "--replace-others" in refused.stderr
    assert "Không tệp nào của máy chủ bị thay đổi" in refused.stderr
    assert fingerprint(city.parent) == untouched
    done = manage(city, "restore", "--all", archive, "--yes", "--replace-others")
    assert "tay-ho không có trong bản sao lưu" in done.stdout
    assert "tay-ho" not in manage(city, "organisers", "list").stdout
    assert not ward_file(city, "tay-ho").exists()
    (aside,) = city.parent.glob("org-tay-ho.db.replaced-*")
    assert rows(aside, "select year from events") == [(2026,)]  # kept, not deleted


def test_a_failed_write_halfway_puts_back_the_files_already_replaced(city, tmp_path,
                                                                     monkeypatch):
    archive = tmp_path / "all.zip"
    installation_backup.backup_all(city, archive)
    import sqlite3
    conn = sqlite3.connect(ward_file(city, "phuc-xa"))
    conn.execute("delete from activities")
    conn.commit()
    conn.close()
    changed = {k: activity_titles(city if k == CITY else ward_file(city, k))
               for k in (CITY, *WARDS)}
    real, calls = backup.copy_over, []

    def failing(source, live):
        calls.append(live)
        if len(calls) == 3:  # the city and phuc-xa are replaced, then the disk is full
            raise OSError(28, "No space left on device")
        return real(source, live)

    monkeypatch.setattr(backup, "copy_over", failing)
    with pytest.raises(backup.BackupError) as failed:
        installation_backup.restore_all(city, archive)
    assert "các tệp đã thay được trả lại như trước" in str(failed.value)
    assert {k: activity_titles(city if k == CITY else ward_file(city, k))
            for k in (CITY, *WARDS)} == changed  # phuc-xa still has no activity


# --- bad archives: a clear Vietnamese message, nothing written ------------------------------

def rezip(archive, path, *, drop=(), add=(), replace=None):
    """A copy of `archive` at `path` with members dropped, added or replaced."""
    with zipfile.ZipFile(archive) as source, zipfile.ZipFile(path, "w",
                                                              zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            if info.filename in drop:
                continue
            data = source.read(info)
            if replace and info.filename in replace:
                data = replace[info.filename]
            out.writestr(info.filename, data)
        for name, data in add:
            out.writestr(name, data)
    return path


def written(path, data: bytes):
    path.write_bytes(data)
    return path


def damaged(data: bytes) -> bytes:
    out = bytearray(data)
    for offset in range(4096 * 2, len(out), 4096):
        out[offset + 50: offset + 400] = b"\xa5" * 350
    return bytes(out)


def bomb(archive, path):
    """The archive plus a member of 100 MB of zeros (a thousand times its packed size)."""
    with zipfile.ZipFile(archive) as source, zipfile.ZipFile(path, "w",
                                                              zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            if info.filename != "organisers/ngoc-ha.db":
                out.writestr(info.filename, source.read(info))
        with out.open("organisers/ngoc-ha.db", "w", force_zip64=True) as member:
            zeros = bytes(1024 * 1024)
            for _ in range(100):
                member.write(zeros)
    return path


BAD = {
    "foreign file": (lambda a, p: rezip(a, p, add=[("organisers/run.sh", b"rm -rf /")]),
                     "không thuộc bản sao lưu của ứng dụng này"),
    "foreign file at the top": (lambda a, p: rezip(a, p, add=[("notes.txt", b"x")]),
                                "«notes.txt»"),
    "path traversal": (lambda a, p: rezip(a, p, add=[("../x", b"x")]),
                       "tên tệp không hợp lệ «../x»"),
    "absolute path": (lambda a, p: rezip(a, p, add=[("/etc/cron.d/x", b"x")]),
                      "tên tệp không hợp lệ"),
    "missing organiser": (lambda a, p: rezip(a, p, drop=["organisers/ngoc-ha.db"]),
                          "Thiếu dữ liệu của đơn vị tổ chức ngoc-ha"),
    "unlisted organiser": (lambda a, p: rezip(a, p, add=[(
        "organisers/tay-ho.db", zipfile.ZipFile(a).read("organisers/ngoc-ha.db"))]),
        "danh mục đơn vị tổ chức không có tên"),
    "no directory": (lambda a, p: rezip(a, p, drop=["organisers.db"]),
                     "không có danh mục đơn vị tổ chức"),
    "truncated": (lambda a, p: written(p, a.read_bytes()[: a.stat().st_size * 2 // 3]),
                  "bị cắt cụt"),
    "not a zip": (lambda a, p: written(p, b"SQLite format 3\x00" + b"\0" * 5000),
                  "không phải bản sao lưu toàn máy chủ"),
    "zip bomb": (bomb, "tệp nén độc hại"),
    "damaged organiser": (lambda a, p: rezip(a, p, replace={
        "organisers/ngoc-ha.db": damaged(zipfile.ZipFile(a).read("organisers/ngoc-ha.db"))}),
        "Dữ liệu của đơn vị tổ chức «ngoc-ha»"),
    "another app's database": (lambda a, p: rezip(a, p, replace={
        "organisers/phuc-xa.db": _other_app_db(p.parent)}),
        "không phải cơ sở dữ liệu của ứng dụng này"),
    "newer format": (lambda a, p: rezip(a, p, replace={"manifest.json": json.dumps(dict(
        json.loads(zipfile.ZipFile(a).read("manifest.json")), version=9)).encode()}),
        "phiên bản ứng dụng mới hơn"),
    "manifest not json": (lambda a, p: rezip(a, p, replace={"manifest.json": b"\xff{"}),
                          "manifest.json không đúng định dạng"),
    "bad directory": (lambda a, p: rezip(a, p, replace={"organisers.db": b"not sqlite" * 99}),
                      "Danh mục đơn vị tổ chức trong tệp nén bị hỏng"),
    "directory name not text": (lambda a, p: rezip(a, p, replace={"organisers.db": edited(
        a, p.parent, "update organisers set name = x'ff00' where key = 'ngoc-ha'")}),
        "Danh mục đơn vị tổ chức trong tệp nén bị hỏng"),
    "directory ward above its city": (lambda a, p: rezip(a, p, replace={
        "organisers.db": edited(a, p.parent, "update organisers set level = 'tinh' "
                                "where key = 'phuc-xa'")}),
        "phuc-xa: parent"),
    "directory log without times": (lambda a, p: rezip(a, p, replace={
        "organisers.db": edited(a, p.parent, "create table t as select * from directory_log; "
                                "drop table directory_log; create table directory_log (id "
                                "integer primary key, at, action, key, detail); insert into "
                                "directory_log select id, null, action, key, detail from t")}),
        "Danh mục đơn vị tổ chức trong tệp nén bị hỏng"),
}


def edited(archive, folder, sql) -> bytes:
    """The archive's directory with `sql` run on it."""
    import sqlite3
    path = folder / "organisers-edited.db"
    path.write_bytes(zipfile.ZipFile(archive).read("organisers.db"))
    conn = sqlite3.connect(path)
    conn.executescript(sql)
    conn.commit()
    conn.close()
    return path.read_bytes()


def _other_app_db(folder) -> bytes:
    import sqlite3
    path = folder / "other-app.db"
    conn = sqlite3.connect(path)
    conn.execute("create table notes (id integer primary key, text text)")
    conn.commit()
    conn.close()
    return path.read_bytes()


@pytest.fixture(scope="module")
def good_archive(template, tmp_path_factory):
    folder = tmp_path_factory.mktemp("archive")
    return installation_backup.backup_all(template, folder / "all.zip").path


@pytest.mark.parametrize("kind", list(BAD))
def test_a_bad_archive_is_refused_in_vietnamese_and_nothing_is_written(kind, good_archive,
                                                                       city, tmp_path):
    make, words = BAD[kind]
    bad = make(good_archive, tmp_path / f"{kind.replace(' ', '-')}.zip")
    # over a running installation: not one byte of it changes
    before = fingerprint(city.parent)
    refused = manage(city, "restore", "--all", bad, "--yes", check=False)
    assert refused.returncode == 1, refused.stdout
    assert words in refused.stderr
    assert refused.stderr.startswith("Không khôi phục:")
    assert "Không tệp nào của máy chủ bị thay đổi" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert fingerprint(city.parent) == before
    # into a fresh installation: no file is created
    fresh = tmp_path / "fresh" / "llw.db"
    refused = manage(fresh, "restore", "--all", bad, "--yes", check=False)
    assert refused.returncode == 1 and words in refused.stderr
    assert not fresh.parent.exists() or list(fresh.parent.iterdir()) == []


def test_a_path_traversal_member_is_refused_before_anything_is_inflated(good_archive,
                                                                       tmp_path):
    bad = rezip(good_archive, tmp_path / "up.zip", add=[("../../escaped.txt", b"x")])
    with pytest.raises(backup.BackupError):
        installation_backup.restore_all(tmp_path / "srv" / "llw.db", bad)
    assert not (tmp_path / "escaped.txt").exists()
    assert not list(tmp_path.rglob("escaped.txt"))


def test_an_archive_with_a_foreign_table_in_a_ward_restores_without_it(good_archive,
                                                                      tmp_path):
    import sqlite3
    ward = tmp_path / "w.db"
    ward.write_bytes(zipfile.ZipFile(good_archive).read("organisers/phuc-xa.db"))
    conn = sqlite3.connect(ward)
    conn.execute("create table stolen (secret text)")
    conn.execute("create trigger spy after insert on activities begin "
                 "insert into stolen values (new.title); end")
    conn.commit()
    conn.close()
    bad = rezip(good_archive, tmp_path / "foreign.zip",
                replace={"organisers/phuc-xa.db": ward.read_bytes()})
    fresh = tmp_path / "srv" / "llw.db"
    installation_backup.restore_all(fresh, bad)
    names = {r[0] for r in rows(ward_file(fresh, "phuc-xa"),
                                "select name from sqlite_master")}
    assert "stolen" not in names and "spy" not in names


# --- a ward takes its data out, and brings them in ------------------------------------------

def test_a_wards_backup_restores_into_a_fresh_installation_with_every_figure_kept(
        city, tmp_path):
    before = stats(city, "phuc-xa")
    saved = tmp_path / "phuc-xa.db"
    manage(city, "--organiser", "phuc-xa", "backup", saved)
    own = tmp_path / "own-server" / "data" / "llw.db"
    manage(own, "restore", saved, "--yes")
    assert stats(own) == before
    assert manage(own, "list-units", "--year", "2026").stdout == \
        manage(city, "--organiser", "phuc-xa", "list-units", "--year", "2026").stdout
    # its own installation never gets the Ba Đình plan's units or 2020 week
    manage(own, "list-units", "--year", "2026")
    assert rows(own, "select year from events") == [(2026,)]
    assert rows(own, "select count(*) from units") == [(2,)]


def test_a_ward_from_its_own_installation_is_brought_in_with_every_figure_kept(
        city, tmp_path):
    from tests.installation_fixture import ward_week

    own = tmp_path / "own-server" / "data" / "llw.db"
    manage(own, "init")
    ward_week(own, None, tmp_path, "TAYHO", (40, 60))
    before = stats(own)
    saved = tmp_path / "tay-ho.db"
    manage(own, "backup", saved)
    city_before = stats(city, CITY)
    done = manage(city, "organisers", "add", "tay-ho", "--name", "UBND phường Tây Hồ",
                  "--level", "xa", "--parent", CITY, "--from-backup", saved)
    assert "tay-ho.db" in done.stdout and "org-tay-ho.db" in done.stdout
    assert stats(city, "tay-ho") == before
    assert "tay-ho" in manage(city, "organisers", "list").stdout
    assert stats(city, CITY)["event"] == city_before["event"]
    assert not list(city.parent.glob("org-tay-ho.db.replaced-*"))  # nothing to keep
    # and back out again: the same figures in a second installation of its own
    again = tmp_path / "third" / "llw.db"
    manage(city, "--organiser", "tay-ho", "backup", tmp_path / "out.db")
    manage(again, "restore", tmp_path / "out.db", "--yes")
    assert stats(again) == before


@pytest.mark.parametrize("content,words", [
    (b"PK\x03\x04 not a database" * 50, "không phải cơ sở dữ liệu SQLite"),
    (None, "Không đọc được tệp"),
])
def test_a_ward_brought_in_from_a_bad_file_is_not_listed_and_nothing_is_written(
        city, tmp_path, content, words):
    source = tmp_path / "ward.db"
    if content is not None:
        source.write_bytes(content)
    before = fingerprint(city.parent)
    refused = manage(city, "organisers", "add", "tay-ho", "--name", "UBND phường Tây Hồ",
                     "--level", "xa", "--parent", CITY, "--from-backup", source, check=False)
    assert refused.returncode == 1 and words in refused.stderr, refused.stderr
    assert fingerprint(city.parent) == before
    assert "tay-ho" not in manage(city, "organisers", "list").stdout


def test_a_ward_brought_in_under_a_bad_key_is_refused_before_the_file_is_read(city,
                                                                             tmp_path):
    saved = tmp_path / "ward.db"
    manage(city, "--organiser", "phuc-xa", "backup", saved)
    refused = manage(city, "organisers", "add", "phuc-xa", "--name", "Phường khác", "--level",
                     "xa", "--parent", CITY, "--from-backup", saved, check=False)
    assert refused.returncode == 1 and "đã có trong danh mục" in refused.stderr


def test_an_archive_round_trips_in_memory_names(good_archive):
    """The names are ours and fixed: a reader can tell every member from its name."""
    with zipfile.ZipFile(io.BytesIO(good_archive.read_bytes())) as z:
        assert all(installation_backup._allowed(n) for n in z.namelist())


@pytest.mark.parametrize("bound,value,words", [
    ("MAX_MEMBER_BYTES", 100_000, "khi giải nén lớn hơn"),
    ("MAX_TOTAL_BYTES", 1_000_000, "Bản sao lưu khi giải nén lớn hơn"),
    ("MAX_MEMBERS", 4, "Tệp nén có 5 tệp bên trong (tối đa 4)"),
])
def test_the_bounds_of_an_archive_refuse_it_before_anything_is_inflated(
        good_archive, tmp_path, monkeypatch, bound, value, words):
    from core import archive_guard

    monkeypatch.setattr(archive_guard, bound, value)
    opened = []
    monkeypatch.setattr(archive_guard, "copy_member",
                        lambda *a: opened.append(a) or pytest.fail("inflated"))
    target = tmp_path / "srv" / "llw.db"
    with pytest.raises(backup.BackupError) as refused:
        installation_backup.restore_all(target, good_archive)
    assert words in str(refused.value) and not opened
    assert not target.exists() and list(target.parent.iterdir()) == []


def test_an_archive_that_would_fill_the_disk_is_refused(city, good_archive, monkeypatch):
    """The disk keeps its margin (the server goes on writing): room for the members but not
    for the margin as well is no room."""
    import collections

    from core import archive_guard

    usage = collections.namedtuple("usage", "total used free")
    free = archive_guard.FREE_SPACE_MARGIN + 1024 * 1024  # 1 MB above the margin
    monkeypatch.setattr(archive_guard.shutil, "disk_usage",
                        lambda path: usage(10 ** 12, 10 ** 12 - free, free))
    before = fingerprint(city.parent)
    with pytest.raises(backup.BackupError) as refused:
        installation_backup.restore_all(city, good_archive)
    assert "Không đủ chỗ trống trên đĩa" in str(refused.value)
    assert fingerprint(city.parent) == before


def test_the_citys_live_figures_follow_a_wards_restore_in_a_running_process(city, tmp_path):
    """A server keeps each ward's figures cached for the city (db/live_rollup.py); a ward's
    restore replaces its file's content under the same name: the city's next read shows the
    restored figures, not the cached ones."""
    import sqlite3

    from db import connect, events, rollup, stats as db_stats
    from tests.installation_fixture import without_read_times

    saved = backup.backup(ward_file(city, "phuc-xa"), tmp_path / "phuc-xa.db").path
    server = connect(city)  # held open, as the running server holds it
    week = events.get(server, 2026)["id"]

    def city_totals():
        summary = rollup.with_suborganisations(server, week, db_stats.summary(server, week))
        return without_read_times(summary)["totals"]

    before = city_totals()
    assert before["activities"] == 4 and before["participants"] == 150 + 300 + 75 + 220
    conn = sqlite3.connect(ward_file(city, "phuc-xa"))
    conn.execute("delete from activities")
    conn.commit()
    conn.close()
    assert city_totals()["activities"] == 2
    backup.restore(ward_file(city, "phuc-xa"), saved)
    assert city_totals() == before
    server.conn.close()


def test_the_whole_installations_backup_taken_while_a_process_writes_is_consistent(
        city, tmp_path):
    """Each organiser's member is an online backup: a process committing an activity and
    its audit row per transaction in the city's file meanwhile leaves both counts equal."""
    import subprocess
    import sys
    import time

    from tests.conftest import ROOT
    from tests.test_backup import WRITER, writer_pair_counts

    stop = tmp_path / "stop"
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(city), str(stop)], cwd=ROOT,
                              stdout=subprocess.PIPE, text=True)
    try:
        deadline = time.time() + 60
        while writer_pair_counts(city)[0] < 20 and time.time() < deadline:
            time.sleep(0.1)
        archive = installation_backup.backup_all(city, tmp_path / "all.zip").path
    finally:
        stop.touch()
        written = int(writer.communicate(timeout=60)[0])
    member = tmp_path / "city.db"
    member.write_bytes(zipfile.ZipFile(archive).read("organisers/ha-noi.db"))
    activities, audit_rows = writer_pair_counts(member)
    assert activities == audit_rows and 20 <= activities <= written
