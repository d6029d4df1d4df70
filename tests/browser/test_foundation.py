"""The foundation's main flows in a real browser against a freshly started server."""
import time

import jwt
import pytest

from core import texts
from tests.browser.conftest import login, run_finished
from tests.conftest import PASSWORD, make_user

pytestmark = pytest.mark.browser
LOGIN_FIELD = "Tên đăng nhập"


def expect_login_form(page):
    page.get_by_label(LOGIN_FIELD, exact=True).wait_for(timeout=20_000)


def sidebar_links(page) -> list[str]:
    page.locator('[data-testid="stSidebarNav"]').wait_for(timeout=20_000)
    texts = page.locator('[data-testid="stSidebarNav"] a').all_inner_texts()
    return [t.strip().splitlines()[-1] for t in texts]  # drop the icon's ligature name


def with_accounts(db):
    make_user(db, "quan.tri", "admin")
    make_user(db, "ban.chi.dao", "committee")


def test_anonymous_url_to_a_committee_page_on_a_fresh_server_gets_the_login_form(
        server_factory, page):
    server = server_factory(with_accounts)
    page.goto(f"{server.url}/bang-theo-doi")  # the live dashboard's URL
    expect_login_form(page)
    assert page.get_by_text("Bảng theo dõi trực tiếp").count() == 0
    assert page.locator('[data-testid="stSidebarNav"]').count() == 0


def test_first_admin_creates_a_unit_account_and_the_unit_sees_only_unit_pages(
        server_factory, page, browser):
    server = server_factory()
    page.goto(server.url)
    page.get_by_label("Tên đăng nhập", exact=True).fill("quan.tri")
    page.get_by_label("Họ và tên", exact=True).fill("Quản trị viên")
    page.get_by_label("Mật khẩu", exact=True).fill(PASSWORD)
    page.get_by_label("Nhập lại mật khẩu", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Tạo tài khoản quản trị").click()
    page.get_by_text("Đã tạo tài khoản quản trị").wait_for(timeout=20_000)

    login(page, server.url, "quan.tri", PASSWORD)
    assert "Đơn vị và tài khoản" in sidebar_links(page)
    page.get_by_role("tab", name="Tài khoản").click()
    form = page.locator('[data-testid="stForm"]').filter(has_text="Tạo tài khoản")
    form.get_by_label("Tên đăng nhập", exact=True).fill("thcs.thang.long")
    form.get_by_label("Họ và tên", exact=True).fill("Cô Nguyễn Thị Hà")
    form.get_by_label("Vai trò", exact=True).click()
    page.get_by_role("option", name="Đơn vị").click()
    form.get_by_label("Đơn vị (cho tài khoản đơn vị)", exact=True).click()
    page.keyboard.type("THCS-THANGLONG")  # the list is long: type to filter it
    page.get_by_role("option", name="THCS-THANGLONG — Trường THCS Thăng Long").click()
    form.get_by_label("Mật khẩu", exact=True).fill(PASSWORD)
    form.get_by_role("button", name="Tạo tài khoản").click()
    page.get_by_text("Đã tạo tài khoản «thcs.thang.long»").wait_for(timeout=20_000)

    unit_page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    login(unit_page, server.url, "thcs.thang.long", PASSWORD)
    links = sidebar_links(unit_page)
    assert "Trang chủ đơn vị" in links and "Nhập hoạt động" in links
    assert not {"Bảng theo dõi trực tiếp", "Đơn vị và tài khoản", "Sao lưu"} & set(links)
    unit_page.goto(f"{server.url}/don-vi-tai-khoan")  # an admin URL, typed by hand
    run_finished(unit_page)
    # a positive sign that the page is drawn (the refusal), then the admin page is not there
    unit_page.get_by_role("heading", name=texts.PAGE_FORBIDDEN_TITLE).wait_for(timeout=20_000)
    assert unit_page.get_by_role("heading", name="Đơn vị và tài khoản").count() == 0
    unit_page.context.close()


def test_cookie_replayed_after_logout_shows_the_login_page(server_factory, page, browser):
    server = server_factory(with_accounts)
    login(page, server.url, "ban.chi.dao", PASSWORD)
    sidebar_links(page)
    stolen = [c for c in page.context.cookies() if c["name"] == "llw_auth"]
    assert stolen, "the login cookie was not set"

    page.goto(f"{server.url}/tai-khoan")
    page.get_by_role("button", name="Đăng xuất").click()
    expect_login_form(page)

    thief = browser.new_context()
    thief.add_cookies(stolen)
    other = thief.new_page()
    other.goto(f"{server.url}/bang-theo-doi")
    expect_login_form(other)
    assert other.locator('[data-testid="stSidebarNav"]').count() == 0
    thief.close()


def test_cookie_kept_before_logout_still_signs_in_until_then(server_factory, page, browser):
    """Control for the test above: the same cookie copy works while the login is live."""
    server = server_factory(with_accounts)
    login(page, server.url, "ban.chi.dao", PASSWORD)
    sidebar_links(page)
    copied = [c for c in page.context.cookies() if c["name"] == "llw_auth"]
    second = browser.new_context()
    second.add_cookies(copied)
    other = second.new_page()
    other.goto(server.url)
    assert "Bảng theo dõi trực tiếp" in sidebar_links(other)
    second.close()
    from db import connect

    logins = connect(server.db_path).execute(
        "select count(*) from audit_log where action = 'login'").fetchone()[0]
    assert logins == 1  # resuming from the cookie in a new tab is not a new login


def test_cookie_signed_with_another_key_shows_the_login_page(server_factory, browser):
    server = server_factory(with_accounts)
    forged = jwt.encode({"username": "quan.tri", "exp_date": time.time() + 3600},
                        "some_key", algorithm="HS256")
    context = browser.new_context()
    context.add_cookies([{"name": "llw_auth", "value": forged, "url": server.url}])
    page = context.new_page()
    page.goto(f"{server.url}/don-vi-tai-khoan")
    expect_login_form(page)
    assert page.locator('[data-testid="stSidebarNav"]').count() == 0
    context.close()
