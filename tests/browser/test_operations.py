"""Backup download and restore upload in a real browser (file uploads cannot be driven in
AppTest)."""
import sqlite3

import pytest

from tests.browser.conftest import login, run_finished
from tests.conftest import PASSWORD, make_user

pytestmark = pytest.mark.browser


def with_admin(db):
    make_user(db, "quan.tri", "admin")


def slogan_count(path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("select count(*) from slogans").fetchone()[0]
    finally:
        conn.close()


def open_backup_page(page, server):
    login(page, server.url, "quan.tri", PASSWORD)
    page.locator('[data-testid="stSidebarNav"]').wait_for(timeout=30_000)
    page.goto(f"{server.url}/sao-luu")
    page.get_by_role("button", name="Sao lưu ngay").wait_for(timeout=30_000)


def test_admin_downloads_a_backup_and_restores_it_after_confirming(server_factory, page,
                                                                   tmp_path):
    server = server_factory(with_admin)
    open_backup_page(page, server)
    page.get_by_role("button", name="Sao lưu ngay").click()
    page.get_by_text("kiểm tra toàn vẹn: đạt").wait_for(timeout=30_000)
    button = page.get_by_role("button", name="Tải bản sao lưu về máy")
    button.wait_for(timeout=30_000)
    run_finished(page)  # under load the rerun after the backup may still redraw it
    with page.expect_download(timeout=90_000) as download:
        button.click()
    saved = tmp_path / "downloaded.db"
    download.value.save_as(saved)
    assert saved.read_bytes().startswith(b"SQLite format 3\x00")

    conn = sqlite3.connect(server.db_path)  # someone loses the slogans after the backup
    conn.execute("delete from slogans")
    conn.commit()
    conn.close()
    assert slogan_count(server.db_path) == 0

    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(saved))
    restore = page.get_by_role("button", name="Khôi phục", exact=True)
    restore.wait_for(timeout=30_000)
    assert restore.is_disabled()  # not before the confirmation is ticked
    page.get_by_text("Tôi hiểu toàn bộ dữ liệu hiện tại").click()
    page.wait_for_function("() => [...document.querySelectorAll('button')].some("
                           "b => b.innerText.trim() === 'Khôi phục' && !b.disabled)",
                           timeout=30_000)
    restore.click()
    page.get_by_text("Đã khôi phục dữ liệu từ «downloaded.db»").wait_for(timeout=30_000)
    assert slogan_count(server.db_path) == 8
    assert list(server.db_path.parent.glob("browser.db.replaced-*"))
    assert page.dialogs == []


def test_a_junk_upload_is_refused_with_a_message_and_nothing_changes(server_factory, page,
                                                                     tmp_path):
    server = server_factory(with_admin)
    open_backup_page(page, server)
    junk = tmp_path / "sao-luu.db"
    junk.write_bytes(b"MZ\x90\x00 this is a renamed executable" * 50)
    before = slogan_count(server.db_path)
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(junk))
    page.get_by_text("Tôi hiểu toàn bộ dữ liệu hiện tại").click()
    page.wait_for_function("() => [...document.querySelectorAll('button')].some("
                           "b => b.innerText.trim() === 'Khôi phục' && !b.disabled)",
                           timeout=30_000)
    page.get_by_role("button", name="Khôi phục", exact=True).click()
    page.get_by_text("Tệp không phải cơ sở dữ liệu SQLite").wait_for(timeout=30_000)
    assert page.get_by_text("Cơ sở dữ liệu đang dùng không bị thay đổi").count() == 1
    assert slogan_count(server.db_path) == before
    assert not list(server.db_path.parent.glob("browser.db.replaced-*"))
