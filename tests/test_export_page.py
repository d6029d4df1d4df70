"""The export page builds the workbook off the page script, with a progress bar, and offers
the finished file for download (issue 14 item 4)."""
import io
import sys
import time

import pytest
from openpyxl import load_workbook

from db import export
from tests.stats_fixture import add_activity, build_week

PAGE = "app_pages/committee_export.py"


@pytest.fixture(autouse=True)
def admin_exists(admin):
    return admin


@pytest.fixture
def week(db):
    return build_week(db)


def open_page(app_for, actor):
    at = app_for(actor)
    at.switch_page(PAGE).run()
    assert not at.exception, at.exception
    return at


def downloads(at):
    return {b.proto.label: b for b in at.get("download_button")}


def test_the_workbook_is_built_on_a_thread_and_then_offered_for_download(app_for, committee,
                                                                         week):
    at = open_page(app_for, committee)
    assert "Tải tệp XLSX" not in downloads(at)
    at.button(key="exp_build").click().run()
    assert not at.exception, at.exception
    job = at.session_state["exp_job"]
    assert isinstance(job, export.XlsxJob)
    assert job.wait(30) and job.error is None
    at.run()
    assert not at.exception, at.exception
    assert "Tải tệp XLSX" in downloads(at)
    assert any("Tệp XLSX đã sẵn sàng" in s.value for s in at.success)
    book = load_workbook(io.BytesIO(job.data))
    assert book.sheetnames[0] == "Tổng hợp"
    assert at.button(key="exp_build").label == "Tạo lại"


def test_a_running_build_shows_its_progress(app_for, committee, week, monkeypatch, tmp_path):
    """While the child process works the page draws its progress and the button is
    disabled (a stand-in child reports 20 % and waits for the test)."""
    release = tmp_path / "release"
    waiting = ("import os, sys, time\n"
               "print('marker 0', flush=True)\n"
               "print('0.2000 read', flush=True)\n"
               f"while not os.path.exists({str(release)!r}):\n"
               "    time.sleep(0.05)\n")
    monkeypatch.setattr(export.XlsxJob, "command", [sys.executable, "-c", waiting])
    at = open_page(app_for, committee)
    at.button(key="exp_build").click().run()
    job = at.session_state["exp_job"]
    try:
        assert not at.exception, at.exception
        deadline = time.monotonic() + 20
        while job.fraction < 0.2 and time.monotonic() < deadline:
            time.sleep(0.05)
        at.run()  # the next run while it still works: no second build can be started
        bars = at.get("progress")
        assert bars and bars[0].proto.text == "Đang đọc số liệu…"
        assert bars[0].proto.value == 20
        assert at.button(key="exp_build").disabled
    finally:
        release.touch()
    assert job.wait(30)


def test_the_page_says_when_the_data_changed_after_the_build(app_for, committee, week, db):
    from db import audit
    from db.access import Actor
    from db.audit import AuditEvent

    at = open_page(app_for, committee)
    at.button(key="exp_build").click().run()
    assert at.session_state["exp_job"].wait(30)
    at.run()
    assert not at.warning
    add_activity(db, week, "THCS-THANGLONG", "00007", "library", "2020-10-04", 5)
    audit.record(db, Actor.system("test"), AuditEvent("create", "activities", 99))
    at.run()
    assert any("Số liệu đã thay đổi" in w.value for w in at.warning)


def test_a_failed_build_says_so_in_vietnamese(app_for, committee, week, monkeypatch):
    monkeypatch.setattr(export.XlsxJob, "command",
                        [sys.executable, "-c", "import sys; sys.exit('disk full')"])
    at = open_page(app_for, committee)
    at.button(key="exp_build").click().run()
    assert at.session_state["exp_job"].wait(30)
    at.run()
    assert [e.value for e in at.error] == ["Không tạo được tệp XLSX. Hãy thử lại hoặc báo "
                                           "quản trị viên."]
    assert "Tải tệp XLSX" not in downloads(at)
