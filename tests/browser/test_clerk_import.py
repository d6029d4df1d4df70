"""A committee clerk imports a file written in Vietnamese labels, on a phone (390×844): the
problems come as a table that fits the screen, a file's cell loads nothing, and the fixed
file goes in once."""
import csv
import io

import pytest

from tests.browser.conftest import login, settle
from tests.conftest import PASSWORD, make_user
from tests.test_import_clerk import CLERK_ACT

pytestmark = pytest.mark.browser
HOSTILE = "![x](http://example.invalid/x.png) **đậm**"


def with_committee(db):
    make_user(db, "quan.tri", "admin")  # with no admin the app opens its first-run page
    make_user(db, "ban.chi.dao", "committee")


def write(path, rows):
    out = io.StringIO()
    csv.writer(out).writerows([CLERK_ACT[0], *rows])
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def upload_and_import(page, path):
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').first.set_input_files(str(path))
    page.get_by_text(path.name).first.wait_for(timeout=20_000)
    page.get_by_role("button", name="Nhập", exact=True).first.click()


def test_a_clerk_file_on_a_phone(server_factory, browser, tmp_path):
    server = server_factory(with_committee)
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="vi-VN")
    page = context.new_page()
    outside = []
    page.on("request", lambda r: outside.append(r.url) if "example.invalid" in r.url else None)
    login(page, server.url, "ban.chi.dao", PASSWORD)
    page.locator('[data-testid="stExpandSidebarButton"]').first.click()
    page.locator('[data-testid="stSidebarNav"]').get_by_text("Nhập dữ liệu từ tệp").click()
    settle(page)
    page.mouse.click(370, 800)  # close the sidebar overlay
    rows = CLERK_ACT[1]
    bad = write(tmp_path / "hoat-dong-loi.csv",
                [rows[0], rows[1][:7] + [HOSTILE] + rows[1][8:], rows[2]])
    upload_and_import(page, bad)
    page.get_by_text("Không nhập dòng nào: 1 dòng lỗi.").wait_for(timeout=30_000)
    cells = page.locator('[data-testid="stTable"] td')
    cells.first.wait_for(timeout=10_000)
    settle(page)
    assert [c.strip() for c in cells.all_inner_texts()] == [
        "3", "Hình thức", HOSTILE, "Không có trong danh mục (xem sheet «Danh mục» của tệp mẫu)."]
    assert page.locator('[data-testid="stTable"] img').count() == 0
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    table_box = page.locator('[data-testid="stTable"]').first.bounding_box()
    assert table_box["x"] + table_box["width"] <= 390
    assert outside == []

    page.get_by_role("button", name="Remove hoat-dong-loi.csv").click()
    good = write(tmp_path / "hoat-dong.csv", rows)
    upload_and_import(page, good)
    page.get_by_text("Đã nhập 3 dòng.").wait_for(timeout=30_000)
    page.get_by_role("button", name="Nhập", exact=True).first.click()  # by mistake, again
    page.get_by_text("Không nhập dòng nào.").wait_for(timeout=30_000)
    from db import connect

    db = connect(server.db_path)
    assert db.execute("select count(*) from activities").fetchone()[0] == 3
    context.close()
