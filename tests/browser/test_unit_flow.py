"""A unit clerk in a real browser: signs in, logs an activity with a photo, sees it (and
its thumbnail) in «Dữ liệu đã nhập»; a fake photo is refused with a message."""
import io

import pytest
from PIL import Image

from tests.browser.conftest import login
from tests.conftest import PASSWORD, make_user

pytestmark = pytest.mark.browser
TITLE = "Ngày hội đọc sách «Học tập suốt đời»"


def with_unit(db):
    make_user(db, "quan.tri", "admin")
    make_user(db, "thcs.thang.long", "unit", "THCS-THANGLONG")


def photo_file(tmp_path):
    path = tmp_path / "anh-ngay-hoi.jpg"
    image = Image.new("RGB", (640, 480), (183, 28, 28))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG")
    path.write_bytes(buffer.getvalue())
    return path


def open_page(page, url, link_name):
    page.locator('[data-testid="stSidebarNav"]').wait_for(timeout=30_000)
    page.locator('[data-testid="stSidebarNav"] a').filter(has_text=link_name).click()


def activity_form(page):
    form = page.locator('[data-testid="stForm"]').first
    form.wait_for(timeout=30_000)
    return form


def test_unit_logs_an_activity_with_a_photo_and_sees_it_in_my_entries(
        server_factory, page, tmp_path):
    server = server_factory(with_unit)
    login(page, server.url, "thcs.thang.long", PASSWORD)
    open_page(page, server.url, "Nhập hoạt động")
    form = activity_form(page)

    # a text file named .jpg first: refused by content, nothing saved, values kept
    fake = tmp_path / "khong-phai-anh.jpg"
    fake.write_bytes(b"this is not a photo")
    form.get_by_label("Tên hoạt động", exact=True).fill(TITLE)
    form.get_by_label("Tổng số người tham gia", exact=True).fill("150")
    form.locator('input[type="file"]').set_input_files(str(fake))
    page.get_by_text("khong-phai-anh.jpg").first.wait_for(timeout=20_000)
    form.get_by_role("button", name="Lưu hoạt động").click()
    page.get_by_text("không phải ảnh JPEG, PNG hoặc WebP").wait_for(timeout=30_000)
    assert form.get_by_label("Tên hoạt động", exact=True).input_value() == TITLE

    # now a real photo
    page.get_by_role("button", name="Remove khong-phai-anh.jpg").click()
    form.locator('input[type="file"]').set_input_files(str(photo_file(tmp_path)))
    page.get_by_text("anh-ngay-hoi.jpg").first.wait_for(timeout=20_000)
    form.get_by_role("button", name="Lưu hoạt động").click()
    page.get_by_text(f"Đã lưu hoạt động «{TITLE}»").wait_for(timeout=30_000)
    form = activity_form(page)  # a fresh, empty form for the next activity
    assert form.get_by_label("Tên hoạt động", exact=True).input_value() == ""
    page.screenshot(path=str(tmp_path / "saved.png"))

    open_page(page, server.url, "Dữ liệu đã nhập")
    page.get_by_text("Hoạt động (1)").wait_for(timeout=30_000)
    page.locator('[data-testid="stSelectbox"]').first.click()
    page.get_by_role("option").filter(has_text=TITLE).click()
    # the saved photo comes back as a thumbnail and the title is prefilled for editing
    page.locator('[data-testid="stImage"] img').first.wait_for(timeout=30_000)
    edit = page.locator('[data-testid="stForm"]').first
    assert edit.get_by_label("Tên hoạt động", exact=True).input_value() == TITLE
    page.screenshot(path=str(tmp_path / "my-entries.png"), full_page=True)
    assert page.dialogs == []
    from db import connect
    db = connect(server.db_path)
    assert db.execute("select title, status, ward_code, participants from activities"
                      ).fetchall() == [(TITLE, "submitted", "00007", 150)]
    assert db.execute("select mime from photos").fetchall() == [("image/jpeg",)]
    db.conn.close()
