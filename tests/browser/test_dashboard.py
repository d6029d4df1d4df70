"""The live dashboard in a real browser: its charts drawn as pictures, an entry added
meanwhile shows up after one refresh interval without reloading, and with the switch
«Biểu đồ tương tác» the live Vega charts, where a click on the tile map filters."""
import re
import time

import pytest

from db import connect
from tests.browser.conftest import login
from tests.conftest import PASSWORD, make_user
from tests.stats_fixture import add_activity, build_week

pytestmark = pytest.mark.browser
REFRESH_SECONDS = 5  # the schema's minimum
HOSTILE = "![x](http://evil.example/x.png) **đậm** <b>thẻ</b>"


def week_with_committee(db):
    make_user(db, "quan.tri", "admin")
    make_user(db, "ban.chi.dao", "committee")
    build_week(db)
    db.execute("update events set refresh_seconds = ?", [REFRESH_SECONDS])


def metric_value(page, label):
    """The value of the KPI tile whose label is `label`."""
    tile = page.locator(".llw-kpi").filter(
        has=page.locator(".llw-kpi-label", has_text=re.compile(f"^{re.escape(label)}$"))).first
    return tile.locator(".llw-kpi-value").inner_text().strip()


PICTURES_DRAWN = ("() => [...document.querySelectorAll('img.llw-chart')]"
                  ".filter(i => i.complete && i.naturalWidth > 0).length")


def open_dashboard(server_factory, page):
    server = server_factory(week_with_committee)
    login(page, server.url, "ban.chi.dao", PASSWORD)
    page.get_by_text("Cập nhật lúc").first.wait_for(timeout=30_000)
    page.wait_for_function(f"({PICTURES_DRAWN})() >= 6", timeout=30_000)
    return server


def map_picture(page) -> str:
    return page.locator('img.llw-chart').first.get_attribute("src")


def test_dashboard_draws_its_pictures_and_refreshes_itself(server_factory, page):
    server = open_dashboard(server_factory, page)
    assert page.evaluate(PICTURES_DRAWN) == 6  # decoded by the browser: real SVG pictures
    assert page.locator("svg [role='graphics-symbol']").count() == 0  # no live Vega view
    assert metric_value(page, "Hoạt động") == "4"
    first_map = map_picture(page)
    first_stamp = page.get_by_text(re.compile(r"Cập nhật lúc \d\d:\d\d:\d\d")).inner_text()
    navigations, outside = [], []
    page.on("framenavigated", lambda frame: navigations.append(frame.url))
    page.on("request", lambda r: outside.append(r.url) if "evil.example" in r.url else None)

    db = connect(server.db_path)  # another unit logs an activity meanwhile
    add_activity(db, 1, "UBND-00004", "00004", "sports", "2020-10-05", 1234,
                 created_at="2020-10-05T10:00:00+07:00", title=HOSTILE)
    db.conn.close()

    deadline = time.time() + REFRESH_SECONDS * 3 + 10
    while time.time() < deadline and metric_value(page, "Hoạt động") != "5":
        page.wait_for_timeout(500)
    assert metric_value(page, "Hoạt động") == "5"
    assert metric_value(page, "Lượt người tham gia") == "1.594"  # 360 + 1 234, vi format
    assert page.get_by_text(re.compile(r"Cập nhật lúc")).inner_text() != first_stamp
    assert map_picture(page) != first_map  # the map was drawn again with the new activity
    # the feed (one HTML table, issue 23) lists it, its title drawn as typed: text, not
    # markdown nor HTML, so no picture of another server is fetched
    newest = page.locator(".llw-feed tbody tr").filter(has_text="evil.example").locator("td")
    assert newest.nth(3).inner_text() == HOSTILE
    assert newest.nth(5).inner_text() == "1.234"
    assert page.locator(".llw-feed b, .llw-feed img").count() == 0 and outside == []
    assert navigations == []  # no reload
    assert page.dialogs == []


def test_clicking_a_ward_tile_filters_the_page(server_factory, page):
    open_dashboard(server_factory, page)
    page.get_by_text("Biểu đồ tương tác", exact=True).click()  # the live charts
    page.locator("svg [role='graphics-symbol']").first.wait_for(timeout=30_000)
    assert page.locator("svg [role='graphics-symbol']").count() >= 14
    tile = page.locator("svg [role='graphics-symbol'][aria-label*='Phúc Xá']").first
    tile.click()
    page.get_by_text(re.compile("Đang xem: Phúc Xá, mọi cấp học")).wait_for(timeout=20_000)
    deadline = time.time() + 20
    while time.time() < deadline and metric_value(page, "Hoạt động") != "2":
        page.wait_for_timeout(300)
    assert metric_value(page, "Hoạt động") == "2"
    assert metric_value(page, "Phường có hoạt động") == "1/1"
