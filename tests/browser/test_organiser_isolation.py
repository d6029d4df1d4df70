"""Issue 24 in a real browser: a city and two wards on one server (the `city_server`
fixture). Ward A's committee picks its ward, signs in and never reads a word of ward B on
any page it can open — each page reached from the sidebar and again by its address (a new
session that finds its organiser from the cookie `llw_auth_<key>`). The city's committee
switches its view to ward A, read-only, and reads A's units there.

Screenshots of the login with the picker and of the switch: /tmp/organiser_shots/."""
import base64
import re
from pathlib import Path
from urllib.parse import unquote

import pytest

from components.navigation import pages_for
from tests.browser.conftest import run_finished, settle
from tests.city_fixture import NAMES, WARD_A, WARD_B, words_of
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser
SHOTS = Path("/tmp/organiser_shots")


def app_text(page) -> str:
    """What the page shows: its text, its HTML (tables are drawn on a canvas, whose cells
    are in the DOM's accessible grid only) and the text of its pictures (the dashboard's
    charts are SVG images)."""
    parts = [page.locator('[data-testid="stApp"]').inner_text(), page.content()]
    for src in page.locator('[data-testid="stApp"] img').evaluate_all(
            "imgs => imgs.map(i => i.src)"):
        if src.startswith("data:"):
            header, _, data = src.partition(",")
            parts.append(base64.b64decode(data).decode("utf-8", "replace")
                         if header.endswith(";base64") else unquote(data))
        elif src.startswith("http"):
            parts.append(page.request.get(src).text())
    return "\n".join(parts)


def assert_no_error_logged(server):
    log = (server.db_path.parent / "server.log").read_text()
    assert not re.findall(r".*(?:ERROR|Traceback).*", log), log


def drawn(page, title):
    page.get_by_role("heading", name=title, exact=True).first.wait_for(timeout=30_000)
    run_finished(page)


def choose(page, label, option):
    """A Streamlit selectbox: open it by its label, pick the option by its text."""
    page.locator('[data-testid="stSelectbox"]').filter(has_text=label).get_by_role(
        "combobox").click()
    try:
        page.get_by_role("option", name=option).click()
    except Exception:
        page.screenshot(path=str(SHOTS / "choose_failed.png"), full_page=True)
        raise
    settle(page)  # the choice's rerun (sent as the option is clicked) has ended


def sign_in(page, username, password):
    page.get_by_label("Tên đăng nhập", exact=True).fill(username)
    page.get_by_label("Mật khẩu", exact=True).fill(password)
    page.get_by_role("button", name="Đăng nhập").click()
    page.locator('[data-testid="stSidebarNav"]').wait_for(timeout=30_000)
    settle(page)


def open_sign_in(browser, url):
    """A fresh browser (no cookie) on the sign-in page, its organiser picker drawn."""
    SHOTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    page = context.new_page()
    page.goto(url)
    page.get_by_text("Đơn vị tổ chức", exact=True).first.wait_for(timeout=30_000)
    settle(page)
    return page


def test_a_wards_committee_never_sees_the_other_ward(city_server, browser):
    page = open_sign_in(browser, city_server.url)
    context = page.context
    choose(page, "Đơn vị tổ chức", f"{NAMES[WARD_A]} – Cấp xã/phường")
    assert f"dv={WARD_A}" in page.url  # the choice is in the address
    page.reload()  # and a reload keeps it
    box = page.locator('[data-testid="stSelectbox"]').filter(
        has_text="Đơn vị tổ chức").get_by_role("combobox")
    box.wait_for(timeout=30_000)
    settle(page)
    assert box.input_value() == f"{NAMES[WARD_A]} – Cấp xã/phường"
    page.screenshot(path=str(SHOTS / "login_picker.png"), full_page=True)
    sign_in(page, "ban.chi.dao", PASSWORD)
    cookies = {c["name"] for c in context.cookies()}
    assert f"llw_auth_{WARD_A}" in cookies and "llw_auth" not in cookies
    assert f"Đơn vị tổ chức: {NAMES[WARD_A]}" in app_text(page)
    assert page.get_by_label("Đơn vị tổ chức").count() == 0  # no picker once signed in

    specs = pages_for("committee")
    seen = {}
    for spec in specs:  # every page of its menu, from the sidebar, in one session
        page.locator('[data-testid="stSidebarNav"]').get_by_role(
            "link", name=spec.title, exact=True).click()
        drawn(page, spec.title)
        seen[(spec.url_path, "sidebar")] = app_text(page)
    for spec in specs:  # and by address: a new session, bound again through the cookie
        page.goto(f"{city_server.url}/{spec.url_path}")
        drawn(page, spec.title)
        seen[(spec.url_path, "address")] = app_text(page)
    own = next(c for c in context.cookies() if c["name"] == f"llw_auth_{WARD_A}")
    # ward A's cookie handed to ward B under B's name: B's key refuses it
    thief = browser.new_context(locale="vi-VN")
    thief.add_cookies([dict(own, name=f"llw_auth_{WARD_B}")])
    other = thief.new_page()
    other.goto(f"{city_server.url}/tien-do?dv={WARD_B}")
    other.get_by_label("Tên đăng nhập", exact=True).wait_for(timeout=30_000)
    settle(other)
    assert other.locator('[data-testid="stSidebarNav"]').count() == 0
    thief.close()
    # logging out ends A's cookie (the library deletes the name chosen in that run)
    page.goto(f"{city_server.url}/tai-khoan")
    page.get_by_role("button", name="Đăng xuất").click()
    page.get_by_label("Tên đăng nhập", exact=True).wait_for(timeout=30_000)
    settle(page)
    page.reload()
    page.get_by_label("Tên đăng nhập", exact=True).wait_for(timeout=30_000)
    settle(page)
    assert page.locator('[data-testid="stSidebarNav"]').count() == 0
    context.close()
    assert len(seen) == 2 * len(specs) >= 2 * 9
    leaks = [(where, word) for where, text in seen.items() for word in words_of(WARD_B)
             + [NAMES[WARD_B]] if word in text]
    assert leaks == []
    # and it did read its own ward's data (the test would pass on an empty page otherwise)
    assert all(w in seen[("tien-do", "sidebar")] for w in words_of(WARD_A)[:2])
    assert words_of(WARD_A)[-2] in seen[("bang-theo-doi", "address")]  # its area's tile
    assert_no_error_logged(city_server)


def test_the_city_switches_to_one_ward_read_only(city_server, browser):
    page = open_sign_in(browser, city_server.url)
    context = page.context
    sign_in(page, "bcd.thanhpho", PASSWORD)  # the first organiser: the city
    assert f"Đơn vị tổ chức: {NAMES['hanoi']}" in app_text(page)
    choose(page, "Xem đơn vị cấp dưới", f"{NAMES[WARD_A]} – Cấp xã/phường")
    drawn(page, "Bảng theo dõi trực tiếp")
    text = app_text(page)
    assert "chỉ xem" in text
    assert words_of(WARD_A)[-2] in text  # ward A's area on its dashboard's map
    links = page.locator('[data-testid="stSidebarNav"] a').all_inner_texts()
    assert [t.strip().splitlines()[-1] for t in links] == [
        "Bảng theo dõi trực tiếp", "Tiến độ báo cáo"]  # nothing that writes
    page.screenshot(path=str(SHOTS / "view_switch_dashboard.png"), full_page=True)
    page.locator('[data-testid="stSidebarNav"]').get_by_role(
        "link", name="Tiến độ báo cáo", exact=True).click()
    drawn(page, "Tiến độ báo cáo")
    text = app_text(page)
    page.screenshot(path=str(SHOTS / "view_switch_progress.png"), full_page=True)
    assert all(w in text for w in words_of(WARD_A)[:2])
    assert not any(w in text for w in words_of(WARD_B))
    # a writing page by its address while viewing: refused (a new session starts in the
    # city's own view, so the switch is made again in this session first)
    page.goto(f"{city_server.url}/duyet")
    page.get_by_role("heading", name="Duyệt dữ liệu", exact=True).first.wait_for(
        timeout=30_000)  # a new session: the city's own review page
    assert "chỉ xem" not in app_text(page)
    context.close()
    assert_no_error_logged(city_server)

