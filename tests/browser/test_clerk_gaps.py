"""Issue 13's last gaps (h13, session 3), in a real browser: an unknown address gets a
Vietnamese page (never Streamlit's English «Page not found» dialog), a photo of another
kind is refused in Vietnamese (the browser no longer refuses it in English), the uploaders
name their kinds and the real limit, and long choices stay readable on a phone."""
import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from tests.browser.conftest import run_finished
from tests.browser.test_clerk_words import (ACCOUNTS, VISIBLE_TEXT, sign_in_at, wait_drawn,
                                            words_found)
# the database of the shared `server` fixture (tests/browser/conftest.py): the same as
# test_clerk_words'
from tests.browser.test_clerk_words import prepare  # noqa: F401

pytestmark = [pytest.mark.browser]
PHONE = {"width": 390, "height": 844}


def new_page(browser, viewport=None):
    context = browser.new_context(viewport=viewport or {"width": 1280, "height": 800},
                                  locale="vi-VN")
    page = context.new_page()
    page.dialogs = []
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    return page


def settled(page):
    # Streamlit's «Page not found» came after the first draw, in the cookie component's rerun
    run_finished(page)


def english(page) -> list[str]:
    found = words_found(page.evaluate(VISIBLE_TEXT))
    if found:  # a widget mounting shows an English placeholder for a moment: look again
        page.wait_for_timeout(1500)
        found = words_found(page.evaluate(VISIBLE_TEXT))
    return found


def test_an_unknown_address_gets_a_vietnamese_page_never_page_not_found(server, browser):
    page = new_page(browser)
    # signed out: any address shows the login form, silently
    page.goto(f"{server.url}/khong-co-trang")
    page.get_by_label("Tên đăng nhập", exact=True).wait_for(timeout=20_000)
    settled(page)
    assert english(page) == []
    # signed in: a mistyped address names what was typed, in Vietnamese, with a way home
    sign_in_at(page, f"{server.url}/don-vi", ACCOUNTS["unit"])
    wait_drawn(page, "Trang chủ đơn vị")
    page.goto(f"{server.url}/khong-co-trang")
    wait_drawn(page, "Không có trang này")
    settled(page)
    assert page.get_by_text("«/khong-co-trang»").count() == 1
    assert english(page) == []
    page.get_by_role("link", name="Về trang đầu").click()
    wait_drawn(page, "Trang chủ đơn vị")
    # the default page's own (hidden) address opens that page
    page.goto(f"{server.url}/don-vi-trang-dau")
    wait_drawn(page, "Trang chủ đơn vị")
    settled(page)
    assert english(page) == []
    # another role: the committee's mistyped address
    committee = new_page(browser)
    sign_in_at(committee, f"{server.url}/bang-theo-doi", ACCOUNTS["committee"])
    wait_drawn(committee, "Bảng theo dõi trực tiếp")
    committee.goto(f"{server.url}/bao-cao")
    wait_drawn(committee, "Không có trang này")
    settled(committee)
    assert english(committee) == []
    assert page.dialogs == committee.dialogs == []
    page.context.close()
    committee.context.close()


GIF = (b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00"
       b"\x00,\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;")


def uploader_hint(page, nth=0) -> str:
    """The text the clerk reads under the uploader (drawn by components/look.py's CSS on
    the span's box; the English span itself is hidden, so it is not read out either)."""
    return page.locator('[data-testid="stFileUploaderDropzoneInstructions"] > div').nth(
        nth).evaluate("e => getComputedStyle(e, '::after').content").strip('"')


def test_a_photo_of_another_kind_is_refused_in_vietnamese(server, browser, tmp_path):
    """A .gif: the browser used to refuse it in English («image/gif files are not
    allowed.») and the form saved the entry without it."""
    from db import connect

    page = new_page(browser, PHONE)
    sign_in_at(page, f"{server.url}/nhap-hoat-dong", ACCOUNTS["unit"])
    wait_drawn(page, "Nhập hoạt động")
    assert uploader_hint(page) == "Ảnh JPG, PNG hoặc WebP, tối đa 20 MB mỗi ảnh"
    path = tmp_path / "chuc-mung.gif"
    path.write_bytes(GIF)
    form = page.locator('[data-testid="stForm"]').first
    form.get_by_label("Tên hoạt động", exact=True).fill("Ảnh sai loại")
    form.get_by_label("Tổng số người tham gia", exact=True).fill("10")
    form.locator('input[type="file"]').set_input_files(str(path))
    page.get_by_text(path.name).first.wait_for(timeout=20_000)
    page.wait_for_timeout(500)
    assert english(page) == []  # no «Error: image/gif files are not allowed.»
    form.get_by_role("button", name="Lưu hoạt động").click()
    page.locator('[data-testid="stAlertContentError"]').filter(
        has_text=f"«{path.name}»").wait_for(timeout=30_000)
    settled(page)
    assert english(page) == []
    stored = connect(server.db_path).execute(
        "select count(*) from activities where title = 'Ảnh sai loại'").fetchone()[0]
    assert stored == 0
    page.context.close()


def test_the_import_box_names_its_kinds_and_refuses_another_in_vietnamese(server, browser,
                                                                          tmp_path):
    page = new_page(browser)
    sign_in_at(page, f"{server.url}/nhap-tep", ACCOUNTS["committee"])
    wait_drawn(page, "Nhập dữ liệu từ tệp")
    assert uploader_hint(page) == "Tệp CSV hoặc Excel (.xlsx), tối đa 30 MB"
    path = tmp_path / "bang-cu.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 2000)  # an old Excel file
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').first.set_input_files(
        str(path))
    page.locator('[data-testid="stAlertContentError"]').filter(
        has_text="«bang-cu.xls» không phải bảng CSV hoặc Excel").wait_for(timeout=30_000)
    settled(page)
    assert english(page) == []
    page.context.close()
    admin = new_page(browser)
    sign_in_at(admin, f"{server.url}/sao-luu", ACCOUNTS["admin"])
    wait_drawn(admin, "Sao lưu")
    assert uploader_hint(admin) == "Tệp sao lưu .db (hoặc .sqlite, .sqlite3), tối đa 30 MB"
    admin.context.close()


LONG_TYPE = "Hoạt động giáo dục › Tập huấn kỹ năng khai thác thông tin trên Internet an toàn"


def test_a_long_choice_is_readable_on_a_phone(server, browser):
    """The open list wraps long options; the chosen value, which its box cuts, is written
    in full under the box (the box is an <input>: it cannot wrap)."""
    page = new_page(browser, PHONE)
    sign_in_at(page, f"{server.url}/nhap-hoat-dong", ACCOUNTS["unit"])
    wait_drawn(page, "Nhập hoạt động")
    box = page.locator('[data-testid="stSelectbox"]').filter(has_text="Loại hoạt động")
    box.locator("button[aria-haspopup=listbox]").click()
    option = page.get_by_role("option", name=LONG_TYPE, exact=True)
    option.wait_for(timeout=10_000)
    cut = page.get_by_role("option").evaluate_all(
        "os => os.filter(o => { const r = o.getBoundingClientRect(); const t = "
        "o.firstElementChild; return t.scrollWidth > t.clientWidth + 1 "
        "|| r.right > window.innerWidth; }).map(o => o.innerText)")
    assert cut == []
    option.click()
    full = box.locator(".llw-full-value")
    full.wait_for(timeout=10_000)
    assert full.inner_text() == LONG_TYPE
    assert full.bounding_box()["width"] <= PHONE["width"]
    # a short choice fits its box: no second line
    box.locator("button[aria-haspopup=listbox]").click()
    page.get_by_role("option", name="Hoạt động giáo dục › Xóa mù chữ", exact=True).click()
    full.wait_for(state="detached", timeout=10_000)
    page.context.close()


def test_streamlit_s_own_buttons_speak_vietnamese(server, browser):
    """The table toolbar's tooltips (seen with a mouse) and the names a screen reader reads
    for Streamlit's own buttons («Help for …», «Open», «Collapse sidebar»…) were English."""
    from core import texts

    page = new_page(browser)
    sign_in_at(page, f"{server.url}/nhap-hoat-dong", ACCOUNTS["unit"])
    wait_drawn(page, "Nhập hoạt động")
    # the Vietnamese names are put in after the widgets mount: wait for two of them
    page.wait_for_function("() => ['Giải thích: Phường nơi tổ chức', 'Mở danh sách'].every("
                           "n => document.querySelector(`[aria-label=\"${n}\"]`))",
                           timeout=10_000)
    # ...and for the rest: a table mounted later (its toolbar) is translated on the next
    # animation frame after it appears; the assertion below names what stayed English
    english = list(texts.STREAMLIT_WORDS)
    try:
        page.wait_for_function(
            "(words) => ![...document.querySelectorAll('[aria-label]')].some(e => {"
            " const n = e.getAttribute('aria-label');"
            " return words.includes(n) || n.startsWith('Help for'); })",
            arg=english, timeout=10_000)
    except PlaywrightTimeout:
        pass
    said = page.evaluate("() => [...document.querySelectorAll('[aria-label]')]"
                         ".map(e => e.getAttribute('aria-label'))")
    english_names = [s for s in said if s in texts.STREAMLIT_WORDS or s.startswith("Help for")]
    assert english_names == []
    assert "Giải thích: Phường nơi tổ chức" in said and "Mở danh sách" in said
    page.goto(f"{server.url}/du-lieu-da-nhap")
    wait_drawn(page, "Dữ liệu đã nhập")
    page.locator('[data-testid="stDataFrame"]').first.hover()
    page.locator('[data-testid="stElementToolbar"] button').first.hover()
    tip = page.locator('[data-testid="stTooltipContent"]').last
    tip.wait_for(timeout=10_000)
    expect(tip).not_to_have_text("", timeout=10_000)  # its words are drawn
    assert tip.inner_text().strip() in texts.STREAMLIT_WORDS.values()
    page.context.close()
