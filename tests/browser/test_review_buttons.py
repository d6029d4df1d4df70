"""The review page's buttons show their whole label (with its shortcut hint) on a desktop
(1280×900) and a phone (390×844): «Yêu cầu sửa» was cut to «Yêu cầu …» beside «Duyệt» in
the detail pane's two equal columns."""
import pytest

from tests.browser.conftest import run_finished, settle
from tests.conftest import PASSWORD, make_user

pytestmark = [pytest.mark.browser]

# every visible button whose label (or a part of it) is clipped by its box
CUT_LABELS = """() => [...document.querySelectorAll('button')]
  .filter(b => b.offsetParent && b.innerText.trim())
  .filter(b => [b, ...b.querySelectorAll('*')].some(e => e.clientWidth > 0
      && e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflow === 'hidden'))
  .map(b => b.innerText.replace(/\\s+/g, ' ').trim())"""


def prepare(db):
    """An admin (else the first-run page shows), a committee account and one activity
    waiting for review."""
    from db import entries, events

    make_user(db, "quan.tri", "admin")
    make_user(db, "ban.chi.dao", "committee")
    clerk = make_user(db, "ubnd.phuc.xa", "unit", "UBND-00001")
    entries.create_activity(db, clerk, events.get(db, 2020)["id"], clerk.unit_id, {
        "type": "online_learning", "title": "Lớp học trực tuyến", "start_date": "2020-10-03",
        "end_date": "2020-10-03", "format": "truc_tuyen", "participants": 40,
        "online_participants": 40, "audiences": ["nguoi_dan"]})


def test_no_button_label_is_cut_on_a_desktop_or_a_phone(server, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    page = context.new_page()
    try:
        page.goto(f"{server.url}/duyet")
        page.get_by_label("Tên đăng nhập", exact=True).fill("ban.chi.dao")
        page.get_by_label("Mật khẩu", exact=True).fill(PASSWORD)
        page.get_by_role("button", name="Đăng nhập").click()
        settle(page)
        needs_fix = page.locator('[data-testid="stForm"] button').filter(has_text="Yêu cầu sửa")
        needs_fix.wait_for(timeout=30_000)
        run_finished(page)
        for size in ({"width": 1280, "height": 900}, {"width": 390, "height": 844}):
            page.set_viewport_size(size)
            page.wait_for_timeout(500)
            assert needs_fix.is_visible()
            assert page.evaluate(CUT_LABELS) == [], size
    finally:
        context.close()
