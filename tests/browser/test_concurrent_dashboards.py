"""20 dashboard sessions open at once on one server, over demo data."""
import time

import pytest

from db import Actor, demo
from tests.browser.conftest import login
from tests.conftest import PASSWORD, make_user

pytestmark = [pytest.mark.browser, pytest.mark.slow]
SESSIONS = 20


def demo_week(db):
    make_user(db, "quan.tri", "admin")
    make_user(db, "ban.chi.dao", "committee")
    demo.load(db, Actor.system("test"), units=200, activities=5000, seed=7, accounts=False)


def test_twenty_concurrent_dashboard_sessions_show_no_error(server_factory, browser, figures):
    """One signed-in browser opens the live dashboard in 20 tabs (20 Streamlit sessions)."""
    server = server_factory(demo_week)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    first = context.new_page()
    login(first, server.url, "ban.chi.dao", PASSWORD)
    first.locator('[data-testid="stSidebarNav"]').wait_for(timeout=30_000)
    started = time.perf_counter()
    pages = [context.new_page() for _ in range(SESSIONS)]
    for page in pages:
        page.goto(f"{server.url}/bang-theo-doi", wait_until="commit")
    drawn = errors = 0
    for page in pages:
        try:  # 20 sessions share 2 cores: allow each up to 5 minutes, count what fails
            page.wait_for_function(  # all six chart pictures decoded
                "() => [...document.querySelectorAll('img.llw-chart')]"
                ".filter(i => i.complete && i.naturalWidth > 0).length >= 6",
                timeout=300_000)
            drawn += 1
        except Exception:
            pass
        errors += page.locator('[data-testid="stException"]').count()
        errors += page.locator('[data-testid="stAlertContentError"]').count()
    elapsed = time.perf_counter() - started
    figures(sessions=SESSIONS, dashboards_drawn=drawn, errors=errors,
            seconds_until_all_drawn=round(elapsed, 1))
    context.close()
    assert (drawn, errors) == (SESSIONS, 0)
