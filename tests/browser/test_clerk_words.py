"""Every page of every role, on a desktop (1280×800) and a phone (390×844): no English word
Streamlit draws by itself, no internal code value, no ISO timestamp, no horizontal
scrolling. What is checked is what a person sees: text nodes that are rendered (not hidden,
not font-size 0), CSS ::before/::after text, placeholders and title tooltips.

Every tab of a page (st.tabs) is opened and checked too, not only the first (at phone
size, where width matters most; only the opened tab's panel, the rest is checked already).

What a screen reader hears is read too: the page's accessibility tree (Playwright's
aria_snapshot; page.accessibility is gone in 1.65), where Streamlit's names of its own
buttons («Fullscreen: …», «Shortcut Alt + P», «day, Từ ngày», «check_circle icon»), the
skip link and text hidden under drawn Vietnamese («Upload», «30MB per file») used to be
English. A second test opens what only shows on a click: a list search that finds nothing,
the calendar, a table's «add row» tooltip, the boxes of Khen thưởng after a rerun, the
⋮ menu, and the leader's empty table.

Also: the role's first page opens by its own URL (no «Page not found»), and a negative
participant count gets the Vietnamese message at its field (the browser used to refuse it
silently with an English tooltip)."""
import re

import pytest
from playwright.sync_api import expect

from components.navigation import PAGES, applies
from tests.browser.conftest import run_finished, settle
from tests.conftest import PASSWORD, make_user

pytestmark = [pytest.mark.browser]

VIEWPORTS = {"desktop": (1280, 800), "phone": (390, 844)}
ACCOUNTS = {"unit": "ubnd.phuc.xa", "committee": "ban.chi.dao", "admin": "quan.tri",
            "leader": "lanh.dao"}
UNIT_CODE = "UBND-00001"  # a ward committee: it has every unit page, models included

# Streamlit's own English (1.67), as it would show on our pages
ENGLISH = ["Upload", "Drag and drop", "per file", "Browse files", "Select all",
           "Press Enter", "to apply", "submit form", "Choose an option", "No options",
           "No results", "empty", "Page not found", "Running the app", "does not seem",
           "None", "NaN", "True", "False", "Error:", "Please", "Show more", "Clear all",
           "Stop", "Running...", "Connecting",
           # what a screen reader used to hear (issue 20 item 8)
           "Skip to main content", "Fullscreen", "Shortcut", "Add row", "Previous month",
           "Next month", "Print", "Record screen", "Made with", "Copy", "Choose date",
           "Today", "Use arrow keys", "icon", "day,", "month,", "year,", "Empty", "Search",
           "Download", "Help for", "Open", "Close", "Clear value", "Remove", "Delete"]
CODES = re.compile(
    r"\b(mam_non|tieu_hoc|thcs_|online_learning|internet_skills|study_promotion|"
    r"learning_model|opening_ceremony|ket_hop|truc_tiep|truc_tuyen|hoc_sinh|phu_huynh|"
    r"can_bo|nguoi_dan|needs_fix|submitted|accepted|unit_id|is_sample|ward_code|"
    r"ward_committee|community_learning_center|district_office|gia_dinh|dong_ho|"
    r"day_tot|hoc_tot|to_chuc_tot|tu_hoc|mobile_convoy|ward_radio|city_radio_tv|"
    r"table_name|row_id|created_at|updated_at)\b"
    r"|\b\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?\b")

VISIBLE_TEXT = """(root) => {
  const base = root || document.body;  // an element (a tab's panel) or the whole page
  const out = [];
  const shown = (el) => {
    for (let e = el; e && e !== document.body; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (s.display === 'none' || s.visibility === 'hidden') return false;
      if (e.getAttribute('data-testid') === 'stIconMaterial') return false;
    }
    return parseFloat(getComputedStyle(el).fontSize) > 0;
  };
  const walker = document.createTreeWalker(base, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const t = n.textContent.trim();
    if (t && n.parentElement && !['SCRIPT', 'STYLE', 'NOSCRIPT'].includes(
        n.parentElement.tagName) && shown(n.parentElement)) out.push(t);
  }
  for (const el of base.querySelectorAll('*')) {
    for (const pseudo of ['::before', '::after']) {
      const c = getComputedStyle(el, pseudo).content;
      if (c && c !== 'none' && c !== 'normal' && c.startsWith('"') && shown(el))
        out.push(c.slice(1, -1));
    }
    for (const attr of ['placeholder', 'title']) {
      const v = el.getAttribute(attr);  // a placeholder shows only in an empty field
      if (v && shown(el) && !(attr === 'placeholder' && el.value)) out.push(v);
    }
  }
  return out;
}"""


def prepare(db):
    """The database of this module's `server` (the shared fixture of conftest.py)."""
    from db import demo, entries, events, units

    admin = make_user(db, ACCOUNTS["admin"], "admin")
    make_user(db, ACCOUNTS["committee"], "committee")
    make_user(db, ACCOUNTS["leader"], "leader")  # an estimate with no line yet
    clerk = make_user(db, ACCOUNTS["unit"], "unit", UNIT_CODE)
    demo.load(db, admin, units=6, activities=40, accounts=False)
    event = events.get(db, 2020)
    db.execute("delete from report_submissions where unit_id = ?", [clerk.unit_id])
    entries.create_activity(db, clerk, event["id"], clerk.unit_id, {
        "type": "online_learning", "title": "Lớp học trực tuyến", "start_date": "2020-10-03",
        "end_date": "2020-10-03", "format": "ket_hop", "participants": 40,
        "online_participants": 10, "audiences": ["hoc_sinh", "nguoi_dan"]})
    units.create(db, admin, {"code": "THCS-MOI", "name": "Trường THCS Mới", "kind": "school",
                             "tier": "thcs", "ward_code": "00010", "email": "", "phone": ""})


def words_found(texts: list[str]) -> list[str]:
    found = []
    for text in texts:
        found += [f"{word!r} in {text[:80]!r}" for word in ENGLISH
                  if re.search(rf"(?<![\w]){re.escape(word)}(?![\w])", text)]
        found += [f"code {m.group(0)!r} in {text[:80]!r}" for m in CODES.finditer(text)]
    return found


def open_sidebar(page):
    expand = page.locator('[data-testid="stExpandSidebarButton"]')
    if expand.is_visible():
        expand.click()
        page.locator('[data-testid="stSidebar"][data-collapsed="false"]').wait_for()


def wait_drawn(page, title):
    try:
        page.get_by_role("heading", name=title, exact=True).first.wait_for(timeout=20_000)
    except Exception:
        page.screenshot(path="/tmp/h7/fail.png")
        raise
    run_finished(page)  # the run that drew the title, and any rerun after it, has ended


def sign_in_at(page, url, username):
    page.goto(url)
    page.get_by_label("Tên đăng nhập", exact=True).fill(username)
    page.get_by_label("Mật khẩu", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    settle(page)


def heard(locator) -> list[str]:
    """The lines of the accessibility tree under `locator` (names, text, values), without
    link targets (addresses are not words)."""
    return [line for line in locator.aria_snapshot().splitlines()
            if not line.strip().startswith("- /url:")]


def check_page(page, where, problems, panel=None):
    """The whole page, or only `panel` (a tab's panel: the rest was checked already):
    what is drawn and what a screen reader hears."""
    def texts():
        if panel:
            return panel.evaluate(VISIBLE_TEXT) + heard(panel)
        return page.evaluate(VISIBLE_TEXT) + heard(page.locator("body"))

    found = words_found(texts())
    if found:  # a widget mounting shows its English placeholder for a moment: look again
        page.wait_for_timeout(1500)
        found = words_found(texts())
    problems += [f"{where}: {p}" for p in found]
    overflow = page.evaluate("() => document.documentElement.scrollWidth "
                             "- document.documentElement.clientWidth")
    if overflow > 0:
        problems.append(f"{where}: scrolls sideways by {overflow}px")


def check_other_tabs(page, where, problems) -> int:
    """Open every tab the page has not shown yet (st.tabs draws all of them and hides the
    others: nothing reruns), check each, then show the first again. Tabs inside a tab are
    reached once their tab is open. Returns how many tabs were checked."""
    tabs = page.locator('[data-testid="stTabs"] [role="tab"]')
    seen, checked = set(), 0
    while True:
        labels = tabs.evaluate_all(
            "ts => ts.map(t => [t.innerText.trim(), t.getAttribute('aria-selected'), "
            "t.offsetParent !== null])")
        todo = [i for i, (label, selected, shown) in enumerate(labels)
                if shown and selected != "true" and label not in seen]
        if not todo:
            break
        label = labels[todo[0]][0]
        seen.add(label)
        # a DOM click: the tab is shown and enabled (Playwright's checks cost ~0.3 s a tab)
        tab = tabs.nth(todo[0])
        tab.evaluate("t => t.click()")
        page.locator('[data-testid="stApp"][data-test-script-state="notRunning"]').wait_for(
            timeout=30_000)
        panel = page.locator(f'[id="{tab.get_attribute("aria-controls")}"]')
        panel.wait_for(timeout=10_000)
        check_page(page, f"{where} tab «{label}»", problems, panel)
        checked += 1
    if checked:
        page.locator('[data-testid="stTabs"]').first.get_by_role("tab").first.evaluate(
            "t => t.click()")
    return checked


def test_every_page_of_every_role_speaks_vietnamese(server, browser, figures):
    """Each role signs in once (the three at the same time), opens its first page by its
    URL, then every page from the menu; each page is checked at desktop size, then at
    phone size (the same page resized: Streamlit lays out by CSS media queries)."""
    import time

    from db import connect, units

    unit = units.get_by_code(connect(server.db_path), UNIT_CODE)
    desktop, phone = ({"width": w, "height": h} for w, h in VIEWPORTS.values())
    problems, visited, tabs, tab_seconds, started = [], 0, 0, 0.0, time.monotonic()
    pages = {}
    for role, username in [("login", None), *ACCOUNTS.items()]:
        context = browser.new_context(viewport=desktop, locale="vi-VN")
        pages[role] = context.new_page()
    # the login page names the system and the organiser
    login = pages.pop("login")
    login.goto(server.url)
    # the header above the form is drawn after it, and redrawn on the cookie component's
    # rerun: wait until the page shows both (read mid-rerun, the body lacked the header)
    login.wait_for_function(
        "() => document.body.innerText.includes('Tuần lễ hưởng ứng học tập suốt đời')"
        " && document.body.innerText.includes('Đơn vị tổ chức')", timeout=20_000)
    body = login.locator("body").inner_text()
    assert "Tuần lễ hưởng ứng học tập suốt đời" in body and "BAN CHỈ ĐẠO" in body.upper()
    login.get_by_label("Mật khẩu", exact=True).fill("gõ dở")  # a typed field shows hints
    for size in (desktop, phone):
        login.set_viewport_size(size)
        check_page(login, f"{size['width']}px login", problems)
    login.context.close()
    specs = {role: [p for p in PAGES if role in p.roles and applies(p, unit)]
             for role in ACCOUNTS}
    for role, page in pages.items():  # the first page, typed as its own URL
        page.goto(f"{server.url}/{specs[role][0].url_path}")
    for role, page in pages.items():
        page.get_by_label("Tên đăng nhập", exact=True).fill(ACCOUNTS[role])
        page.get_by_label("Mật khẩu", exact=True).fill(PASSWORD)
        page.get_by_role("button", name="Đăng nhập").click()
    for role, page in pages.items():
        for n, spec in enumerate(specs[role]):
            if n:
                page.locator('[data-testid="stSidebarNav"]').get_by_role(
                    "link", name=spec.title, exact=True).click()
            wait_drawn(page, spec.title)  # the first: drawn, no «Page not found»
            for size in (desktop, phone):
                page.set_viewport_size(size)
                where = f"{size['width']}px {role} /{spec.url_path}"
                check_page(page, where, problems)
                if size is phone:  # the other tabs once, where width matters most
                    tab_started = time.monotonic()
                    tabs += check_other_tabs(page, where, problems)
                    tab_seconds += time.monotonic() - tab_started
            page.set_viewport_size(desktop)
            visited += 1
        sidebar = page.locator('[data-testid="stSidebar"]').inner_text()
        assert "Đang đăng nhập" in sidebar and "Tuần lễ hưởng ứng" in sidebar
        if role == "unit":  # another role's page by URL: a Vietnamese refusal, no dialog
            page.goto(f"{server.url}/tien-do")
            wait_drawn(page, "Không mở được trang này")
            check_page(page, "unit /tien-do (refused)", problems)
        page.context.close()
    figures(pages=visited, other_tabs_checked=tabs, tab_seconds=round(tab_seconds, 1),
            seconds=round(time.monotonic() - started, 1))
    assert problems == [], "\n".join(problems)


def test_a_negative_count_gets_a_vietnamese_message_at_its_field(server, browser):
    """On a phone. Also: the audiences list opens without an English «Select all»."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="vi-VN")
    page = context.new_page()
    sign_in_at(page, f"{server.url}/nhap-hoat-dong", ACCOUNTS["unit"])
    wait_drawn(page, "Nhập hoạt động")
    opener = page.locator('[data-testid="stMultiSelect"]').filter(
        has_text="Đối tượng tham gia").locator("button[aria-haspopup=listbox]")
    listbox = page.get_by_role("listbox")
    for _ in range(5):  # a click while the app still hydrates can be lost: click again
        opener.click()
        try:
            listbox.wait_for(timeout=3_000)
            break
        except Exception:
            continue
    shown = listbox.inner_text()
    assert "Học sinh" in shown and not words_found([shown]), shown
    page.keyboard.press("Escape")
    page.get_by_label("Tên hoạt động", exact=True).fill("Ngày hội đọc sách")
    participants = page.get_by_label("Tổng số người tham gia", exact=True)
    participants.fill("-5")
    participants.press("Tab")
    page.get_by_role("button", name="Lưu hoạt động").click()
    message = page.get_by_text("«-5» không phải số nguyên không âm.")
    message.wait_for(timeout=20_000)
    # the message stands under its own field: between it and the next field's label
    field_box = participants.bounding_box()
    message_box = message.bounding_box()
    next_label = page.get_by_text("Trong đó tham gia trực tuyến", exact=True).bounding_box()
    assert field_box["y"] < message_box["y"] < next_label["y"]
    context.close()


def open_list(page, box):
    """Open a selectbox's list (a click while the app hydrates can be lost: again)."""
    for _ in range(5):
        box.click()
        try:
            page.get_by_role("listbox").wait_for(timeout=3_000)
            return
        except Exception:
            continue
    raise AssertionError("the list did not open")


def test_what_shows_on_a_click_speaks_vietnamese_too(server, browser):
    """The states the page-by-page walk does not reach, each read as drawn and as heard."""
    from core import texts

    problems = []
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="vi-VN")
    page = context.new_page()
    sign_in_at(page, f"{server.url}/khen-thuong", ACCOUNTS["committee"])
    wait_drawn(page, "Khen thưởng")
    # no ⋮ menu («Print / Record screen / Made with Streamlit»): client.toolbarMode
    assert page.locator('[data-testid="stMainMenu"]').count() == 0
    # the skip link a keyboard's first Tab shows is Vietnamese
    skip = page.locator('[data-testid="stSkipToContent"]').text_content()
    assert skip == texts.STREAMLIT_TEXTS["Skip to main content"], skip
    # «Trạng thái» back on «Tất cả» after a rerun: Streamlit draws the empty choice as the
    # box's placeholder (it was «Choose an option»)
    page.get_by_role("tab", name=texts.COMMEND_TAB_NOMINATIONS).click()
    status = page.get_by_role("combobox", name=texts.COMMEND_FILTER_STATUS)
    for choice in (texts.COMMEND_STATUS_NAMES["approved"], texts.FILTER_ALL):
        open_list(page, status)
        page.get_by_role("option", name=choice, exact=True).click()
        run_finished(page)  # the rerun the choice started has ended
    shown = status.evaluate("e => e.value || e.placeholder")
    assert shown == texts.FILTER_ALL, shown
    check_page(page, "Đề xuất, «Tất cả» again", problems,
               page.get_by_role("tabpanel", name=texts.COMMEND_TAB_NOMINATIONS))
    # a list search that finds nothing
    open_list(page, status)
    status.fill("zzzz")
    listbox = page.get_by_role("listbox")
    listbox.get_by_text(texts.STREAMLIT_TEXTS["No results"]).wait_for(timeout=10_000)
    assert texts.STREAMLIT_TEXTS["No results"] in listbox.inner_text()
    check_page(page, "a search with no result", problems, listbox)
    page.keyboard.press("Escape")
    # the two pickers of a decision, after a refused save (a rerun with nothing chosen)
    page.get_by_role("tab", name=texts.COMMEND_TAB_PICKS).click()
    page.get_by_role("button", name=texts.COMMEND_ADD).click()
    run_finished(page)  # the refused save's rerun has ended
    panel = page.get_by_role("tabpanel", name=texts.COMMEND_TAB_PICKS)
    for label in (texts.COMMEND_FIELD_UNIT, texts.COMMEND_FIELD_NOMINATION):
        box = panel.get_by_role("combobox", name=label)
        shown = box.evaluate("e => e.value || e.placeholder")
        assert shown == texts.NO_CHOICE, (label, shown)
    check_page(page, "Quyết định khen thưởng after a refused save", problems, panel)
    context.close()

    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="vi-VN")
    page = context.new_page()
    sign_in_at(page, f"{server.url}/nhat-ky", ACCOUNTS["admin"])
    wait_drawn(page, "Nhật ký hệ thống")
    # the calendar of a date field: its month buttons, hint and grid
    page.get_by_role("button", name="Chọn ngày").first.click()
    dialog = page.get_by_role("dialog")
    dialog.wait_for(timeout=10_000)
    page.wait_for_timeout(300)
    said = "\n".join(heard(dialog))
    assert "Tháng trước" in said and "Tháng sau" in said, said
    check_page(page, "the calendar", problems, dialog)
    page.keyboard.press("Escape")
    # the «add row» button of an editable table and its tooltip
    page.goto(f"{server.url}/cau-hinh")
    wait_drawn(page, "Cấu hình Tuần lễ")
    page.get_by_role("tab", name=texts.SET_TABS[2]).click()  # «Chỉ tiêu»: rows may be added
    page.locator('[data-testid="stApp"][data-test-script-state="notRunning"]').wait_for()
    editor = page.locator('[data-testid="stDataFrame"]:visible').first
    editor.scroll_into_view_if_needed()
    editor.hover()
    add = editor.locator('[data-testid="stElementToolbar"] button').first
    add.wait_for(timeout=10_000)
    assert add.get_attribute("aria-label") == texts.STREAMLIT_WORDS["Add row"]
    add.hover()
    tip = page.locator('[data-testid="stTooltipContent"]')
    tip.wait_for(timeout=10_000)
    expect(tip).to_have_text(texts.STREAMLIT_WORDS["Add row"], timeout=10_000)
    context.close()

    # the leader's estimate without lines: a Vietnamese line, not a grid saying «empty»
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="vi-VN")
    page = context.new_page()
    sign_in_at(page, f"{server.url}/phe-duyet-du-tru", ACCOUNTS["leader"])
    wait_drawn(page, "Phê duyệt dự trù kinh phí")
    page.get_by_text(texts.TABLE_EMPTY, exact=True).wait_for(timeout=10_000)
    assert page.locator('[data-testid="stDataFrame"]').count() == 0
    context.close()
    assert problems == [], "\n".join(problems)


OVERLAPS = """(toolbar) => {
  const t = toolbar.getBoundingClientRect();
  const hit = (b) => !(b.right <= t.left || b.left >= t.right || b.bottom <= t.top
                       || b.top >= t.bottom);
  return [...document.querySelectorAll('h1, h2, h3, [role="tablist"], [role="tab"]')]
    .filter(e => e.offsetParent !== null && hit(e.getBoundingClientRect()))
    .map(e => e.textContent.trim().slice(0, 40));
}"""


def test_on_a_phone_a_table_toolbar_covers_no_heading_or_tab(server, browser):
    """390×844: the toolbar a touch shows above a table (44 px high) used to sit on the
    heading or the tabs above it; every table of Khen thưởng and Tiến độ is tried."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="vi-VN",
                                  has_touch=True)
    page = context.new_page()
    covered = []
    for path, title in (("khen-thuong", "Khen thưởng"), ("tien-do", "Tiến độ báo cáo")):
        if path == "khen-thuong":
            sign_in_at(page, f"{server.url}/{path}", ACCOUNTS["committee"])
        else:
            page.goto(f"{server.url}/{path}")
        wait_drawn(page, title)
        tables = page.locator('[data-testid="stDataFrame"]:visible')
        tables.first.wait_for(timeout=20_000)
        assert tables.count() >= 2
        for i in range(tables.count()):
            table = tables.nth(i)
            table.scroll_into_view_if_needed()
            table.hover()
            toolbar = table.locator('[data-testid="stElementToolbar"]')
            toolbar.wait_for(timeout=10_000)
            page.wait_for_timeout(200)
            covered += [f"{path} table {i + 1}: {text}" for text in toolbar.evaluate(OVERLAPS)]
    context.close()
    assert covered == []
