"""Hostile text on every page, in a real browser: rendered inert (no script runs, no
dialog opens, no injected element, no request to any address but the app's own — a
markdown image in a title would be a tracking pixel, and an intranet has no internet);
hostile uploads refused with a message."""
import urllib.request
from urllib.parse import urlsplit

import pytest

from components.navigation import PAGES
from core import texts
from tests.browser.conftest import login, run_finished, settle
from tests.conftest import PASSWORD
from tests.hostile_fixture import (BREAKOUT_URL, OUTSIDE_HOST, PAYLOADS, REVIEW_COMMENT,
                                   REVIEW_MARK, REVIEW_PAYLOADS, populate, populate_review)

pytestmark = [pytest.mark.browser, pytest.mark.slow]
ACCOUNTS = {"admin": "quan.tri", "committee": "ban.chi.dao", "unit": "thcs.thang.long"}
INJECTED = "img[src='x'], a[href^='javascript'], a[href^='JAVASCRIPT']"


def injected_script_ran(page) -> bool:
    return bool(page.evaluate("() => window.__pwned === 1"))


def block_outside_requests(context, server) -> list[str]:
    """Every request to another address than the app's own is recorded and aborted (an
    intranet would not answer it either)."""
    own = urlsplit(server.url).netloc
    outside = []

    def route(route):
        url = route.request.url
        if url.startswith(("data:", "blob:")) or urlsplit(url).netloc == own:
            route.continue_()
        else:
            outside.append(url)
            route.abort()

    context.route("**/*", route)
    return outside


@pytest.mark.parametrize("role", ["unit", "committee", "admin"])
def test_hostile_text_is_inert_on_every_page(server_factory, browser, role, figures):
    """Every page of the role opened with HTML/JS/markdown payloads in the data; requests
    to any other address than the app's own are counted."""
    server = server_factory(populate)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    outside = block_outside_requests(context, server)
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    login(page, server.url, ACCOUNTS[role], PASSWORD)
    page.locator('[data-testid="stSidebarNav"]').wait_for(timeout=30_000)
    problems, visited = [], 0
    # the unit is a school: no «Mô hình học tập» page in its menu (h7)
    for spec in [p for p in PAGES if role in p.roles
                 and not (role == "unit" and p.script == "unit_models.py")]:
        page.locator('[data-testid="stSidebarNav"]').get_by_role(
            "link", name=spec.title, exact=True).click()
        page.locator("h1").filter(has_text=spec.title).wait_for(timeout=30_000)
        run_finished(page)  # the page's run has ended and its charts are drawn
        visited += 1
        injected = page.locator(INJECTED).count() + \
            page.locator("script").filter(has_text="__pwned").count()
        if injected or injected_script_ran(page):
            problems.append((spec.url_path, injected))
        if page.locator('[data-testid="stException"]').count():
            problems.append((spec.url_path, "exception"))
    with urllib.request.urlopen(f"{server.url}/_stcore/metrics", timeout=10) as response:
        metrics = response.read().decode()
    figures(role=role, pages_visited=visited, payloads=len(PAYLOADS), dialogs=len(dialogs),
            injected_elements=len(problems), outside_requests=len(outside),
            metrics_mentions_a_user=ACCOUNTS[role] in metrics)
    context.close()
    assert problems == [] and dialogs == []
    assert outside == []
    assert ACCOUNTS[role] not in metrics


def outside_elements(page, own: str) -> list[str]:
    """Every <img>/<source>/<iframe> source and <a> target in the page that points to another
    address than the app's own (an injected element, whether or not it was fetched yet)."""
    return page.evaluate("""own => [...document.querySelectorAll(
            'img[src], source[src], iframe[src], a[href], link[href], [srcset]')]
        .map(e => [e.tagName.toLowerCase(),
                   e.getAttribute('src') || e.getAttribute('href') || e.getAttribute('srcset')])
        .filter(([_, u]) => { try { const h = new URL(u, location.href);
                                    return /^https?:$/.test(h.protocol) && h.host !== own; }
                              catch (e) { return false; } })
        .map(([tag, u]) => tag + ' ' + u)""", own)


def pane_text(page, selector: str) -> str:
    return "\n".join(page.locator(selector).all_inner_texts())


def test_review_detail_pane_shows_hostile_text_as_text(server_factory, browser, figures):
    """Duyệt dữ liệu as the committee: the detail pane of an activity and of a propaganda entry
    whose title, description, note and link carry a markdown image, a link breakout, HTML and
    control characters; one marked needs-fix with a hostile comment and shown again. No
    request leaves the app, no element points outside, and the payloads read as text."""
    server = server_factory(populate_review)
    own = urlsplit(server.url).netloc
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    outside = block_outside_requests(context, server)
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    login(page, server.url, "ban.chi.dao", PASSWORD)
    page.locator('[data-testid="stSidebarNav"]').get_by_role(
        "link", name="Duyệt dữ liệu", exact=True).click()
    page.locator("h1").filter(has_text="Duyệt dữ liệu").wait_for(timeout=30_000)
    search = page.get_by_label("Tìm theo chữ", exact=True)
    search.fill(REVIEW_MARK)
    search.press("Enter")
    # the only match opens in the detail pane: its title is the pane's heading
    title = page.locator("h4").filter(has_text=REVIEW_MARK)
    title.wait_for(timeout=30_000)
    settle(page)
    banner = page.locator('[data-testid="stAlertContentWarning"]').filter(
        has_text="DỮ LIỆU MẪU")
    seen = {"banner": banner.locator('[data-testid="stMarkdownContainer"]').inner_text()
            if banner.count() == 1 else None,
            "activity_title": title.inner_text(),
            "activity_text": pane_text(page, '[data-testid="stText"]'),
            "activity_link": pane_text(page, '[data-testid="stCode"]')}
    injected = {"activity": outside_elements(page, own)}

    page.get_by_label("Nhận xét (bắt buộc khi yêu cầu sửa)", exact=True).fill(REVIEW_COMMENT)
    # the button's name also carries its shortcut (Alt+S)
    page.locator('[data-testid="stForm"]').get_by_role(
        "button", name="Yêu cầu sửa").first.click()
    comment = page.locator('[data-testid="stText"], [data-testid="stMarkdown"]').filter(
        has_text="Nhận xét trước: Sửa lại")
    comment.wait_for(timeout=30_000)
    settle(page)
    seen["comment"] = comment.inner_text()
    injected["needs_fix"] = outside_elements(page, own)

    page.locator('[data-testid="stButtonGroup"]').get_by_text("Tuyên truyền", exact=True).click()
    note = page.locator('[data-testid="stText"]').filter(has_text=REVIEW_MARK)
    note.wait_for(timeout=30_000)
    settle(page)
    seen["propaganda_text"] = pane_text(page, '[data-testid="stText"]')
    seen["propaganda_link"] = pane_text(page, '[data-testid="stCode"]')
    injected["propaganda"] = outside_elements(page, own)
    exceptions = page.locator('[data-testid="stException"]').count()
    ran = injected_script_ran(page)
    figures(outside_requests=len(outside), outside_elements=sum(map(len, injected.values())),
            dialogs=len(dialogs), exceptions=exceptions)
    context.close()
    assert outside == [], outside
    assert all(v == [] for v in injected.values()), injected
    assert dialogs == [] and exceptions == 0 and not ran
    # the sample-data banner (one sample unit, named with a payload): counts and fixed words
    # only, rendered as its source says («[Mẫu]» stays brackets, not a link)
    expected = texts.SAMPLE_BANNER.format(details=texts.SAMPLE_BANNER_UNITS.format(units=1))
    assert seen["banner"] is not None and " ".join(seen["banner"].split()) == expected
    image, breakout, html, _controls = REVIEW_PAYLOADS
    # the payloads read as the characters typed: the title (a heading), the description and
    # the note (plain text), the link (text, not a link) and the committee's comment
    assert image in seen["activity_title"] and html in seen["activity_title"]
    for shown in (seen["activity_text"], seen["propaganda_text"]):
        assert image in shown and breakout in shown and html in shown and "Dòng" in shown
    assert BREAKOUT_URL in seen["activity_link"] and BREAKOUT_URL in seen["propaganda_link"]
    assert f"![](http://{OUTSIDE_HOST}/c.png)" in seen["comment"]
    assert BREAKOUT_URL in seen["comment"] and "<img src=" in seen["comment"]


def test_uploads_of_the_wrong_kind_are_refused_with_a_message(server_factory, page, tmp_path,
                                                              figures):
    """A renamed executable, a GIF, and an oversize file offered as activity photos."""
    server = server_factory(populate)
    login(page, server.url, "thcs.thang.long", PASSWORD)
    page.locator('[data-testid="stSidebarNav"]').wait_for(timeout=30_000)
    executable = tmp_path / "anh-dep.jpg"
    executable.write_bytes(b"\x7fELF\x02\x01\x01" + b"\0" * 5000)  # an ELF binary renamed
    gif = tmp_path / "dong.png"
    gif.write_bytes(b"GIF89a" + b"\0" * 100)
    big = tmp_path / "qua-lon.jpg"
    big.write_bytes(b"\xff\xd8\xff\xe0" + b"\0" * (6 * 1024 * 1024))
    refused = 0
    for bad in (executable, gif, big):
        page.goto(f"{server.url}/nhap-hoat-dong")
        form = page.locator('[data-testid="stForm"]').first
        form.wait_for(timeout=30_000)
        form.get_by_label("Tên hoạt động", exact=True).fill("Ảnh không hợp lệ")
        form.get_by_label("Tổng số người tham gia", exact=True).fill("10")
        form.locator('input[type="file"]').set_input_files(str(bad))
        page.get_by_text(bad.name).first.wait_for(timeout=20_000)
        form.get_by_role("button", name="Lưu hoạt động").click()
        page.locator('[data-testid="stAlertContentError"]').filter(
            has_text=f"«{bad.name}»").wait_for(timeout=30_000)
        refused += 1
    from db import connect

    stored = connect(server.db_path).execute(
        "select count(*) from activities where title = 'Ảnh không hợp lệ'").fetchone()[0]
    figures(bad_uploads=3, refused=refused, stored=stored)
    assert stored == 0
    assert page.dialogs == []
