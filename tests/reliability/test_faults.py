"""Faults: a writer killed mid-transaction, a full disk, a read-only disk."""
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import uuid
from contextlib import contextmanager
from pathlib import Path

import pytest

from db import Actor, ValidationFailed, connect, entries, events
from db.setup import prepare

ROOT = Path(__file__).resolve().parents[2]
KILLED_WRITER = """
import sys, time
sys.path.insert(0, {root!r})
from db import connect, write_transaction
db = connect({path!r})
with write_transaction(db):
    db.execute("insert into activities (event_id, unit_id, ward_code, type, title, start_date,"
               " end_date, format, created_at) values (1, 1, '00001', 'library', 'HALF-DONE',"
               " '2020-10-02', '2020-10-02', 'truc_tiep', 'now')")
    print("inside", flush=True)
    time.sleep(60)
"""


def add_activity(db, title):
    unit_id = db.execute("select id from units where code = 'UBND-00001'").fetchone()[0]
    return entries.create_activity(db, Actor.system("test"), events.get(db, 2020)["id"],
                                   unit_id, {"type": "library", "title": title,
                                             "start_date": "2020-10-02",
                                             "format": "truc_tiep", "participants": "10"})


def test_writer_killed_mid_transaction_leaves_a_healthy_database(db_path, db, figures):
    """SIGKILL while a write transaction is open."""
    committed = [add_activity(db, f"Đã lưu {i}") for i in range(20)]
    child = subprocess.Popen([sys.executable, "-c",
                              KILLED_WRITER.format(root=str(ROOT), path=str(db_path))],
                             stdout=subprocess.PIPE, text=True)
    assert child.stdout.readline().strip() == "inside"
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    fresh = connect(db_path)
    integrity = fresh.execute("pragma integrity_check").fetchone()[0]
    titles = [r[0] for r in fresh.execute("select title from activities order by id")]
    figures(committed_before_kill=len(committed), rows_after_kill=len(titles),
            half_done_rows=titles.count("HALF-DONE"), integrity_check=integrity)
    assert integrity == "ok"
    assert titles == [f"Đã lưu {i}" for i in range(20)]
    assert add_activity(fresh, "Sau sự cố")  # the write lock was released by the kill


@contextmanager
def tiny_disk(tmp_path, size="400k"):
    mount_point = tmp_path / f"disk-{uuid.uuid4().hex[:6]}"
    mount_point.mkdir()
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs",
                             str(mount_point)], capture_output=True, text=True)
    if result.returncode != 0:
        pytest.fail(f"cannot mount a small tmpfs for the full-disk test: {result.stderr}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)])


def fill(directory: Path):
    """Write zeros until the disk says no space is left."""
    f = open(directory / "filler", "wb", buffering=0)
    try:
        while True:
            f.write(b"\0" * 4096)
    except OSError:
        pass
    finally:
        try:
            f.close()
        except OSError:
            pass


def test_full_disk_refuses_the_write_and_keeps_what_was_there(tmp_path, figures):
    """The database lives on a 500 KB disk that we fill up (a fresh database is 344 KB
    since the rosters of m004; with its write-ahead log during the first start it no
    longer fits in 400 KB)."""
    with tiny_disk(tmp_path, "500k") as disk:
        db = prepare(disk / "llw.db")
        add_activity(db, "Trước khi đầy")
        fill(disk)
        with pytest.raises(sqlite3.OperationalError) as error:
            for i in range(200):  # the first write that needs a new page fails
                add_activity(db, "Hoạt động số " + str(i) + " " + "x" * 150)
        os.remove(disk / "filler")
        fresh = connect(disk / "llw.db")
        integrity = fresh.execute("pragma integrity_check").fetchone()[0]
        activities = fresh.execute("select count(*) from activities").fetchone()[0]
        audits = fresh.execute("select count(*) from audit_log where table_name = "
                               "'activities'").fetchone()[0]
        figures(error=str(error.value), integrity_check=integrity,
                activities=activities, audit_rows=audits)
        assert "full" in str(error.value)
        assert integrity == "ok"
        assert activities == audits  # no entry without its audit row, nor the reverse


def test_full_disk_shows_a_clear_message_in_the_app(tmp_path, monkeypatch, figures):
    """A signed-in user submits a form (change password) while the disk is full."""
    from streamlit.testing.v1 import AppTest

    from tests.conftest import make_user

    with tiny_disk(tmp_path, "600k") as disk:
        path = disk / "llw.db"
        db = prepare(path)
        make_user(db, "quan.tri", "admin")
        actor = make_user(db, "ubnd.phuc.xa", "unit", "UBND-00001")
        before = db.execute("select count(*) from activities").fetchone()[0]
        monkeypatch.setenv("LLW_DB", str(path))
        monkeypatch.chdir(ROOT)
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        at.session_state["authentication_status"] = True
        at.session_state["username"] = actor.username
        at.run()
        fill(disk)
        at.switch_page("app_pages/account.py").run()
        fields = {t.label: t for t in at.text_input}
        fields["Mật khẩu hiện tại"].input("Học tập suốt đời 2020!")
        fields["Mật khẩu mới"].input("Một mật khẩu mới rất dài 2021")
        fields["Nhập lại mật khẩu"].input("Một mật khẩu mới rất dài 2021")
        next(b for b in at.button if b.label == "Đổi mật khẩu").click()
        at.run()
        messages = [e.value for e in at.error]
        os.remove(disk / "filler")
        figures(message=messages[0] if messages else None)
        assert any("Không ghi được dữ liệu" in m for m in messages), messages
        assert not at.exception
        assert connect(path).execute("select count(*) from activities").fetchone()[0] == before


def test_read_only_disk_shows_a_clear_message(tmp_path, monkeypatch, figures):
    """The data folder is remounted read-only under the running app."""
    from streamlit.testing.v1 import AppTest

    data = tmp_path / "data"
    data.mkdir()
    path = data / "llw.db"
    db = prepare(path)
    from tests.conftest import make_user

    make_user(db, "quan.tri", "admin")
    db.conn.close()
    shutil.copy(path, tmp_path / "copy.db")
    result = subprocess.run(["mount", "--bind", "-o", "ro", str(data), str(data)],
                            capture_output=True, text=True)
    if result.returncode != 0:
        pytest.fail(f"cannot bind-mount read-only: {result.stderr}")
    try:
        subprocess.run(["mount", "-o", "remount,bind,ro", str(data)], check=True)
        monkeypatch.setenv("LLW_DB", str(path))
        monkeypatch.chdir(ROOT)
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
        messages = [e.value for e in at.error]
        figures(message=messages[0] if messages else None)
        assert messages and ("Không mở được" in messages[0] or "Không ghi" in messages[0])
        assert not at.exception
    finally:
        subprocess.run(["umount", "-l", str(data)])
