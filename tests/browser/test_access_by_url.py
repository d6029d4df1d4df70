"""Every role × every page, by typing the URL, on a freshly started server."""
import pytest

from components.navigation import PAGES
from tests.browser.conftest import login, run_finished
from tests.conftest import PASSWORD, make_user

pytestmark = [pytest.mark.browser, pytest.mark.slow]
ACCOUNTS = {"admin": "quan.tri", "committee": "ban.chi.dao", "unit": "thcs.thang.long"}


def accounts(db):
    make_user(db, "quan.tri", "admin")
    make_user(db, "ban.chi.dao", "committee")
    make_user(db, "thcs.thang.long", "unit", "THCS-THANGLONG")


def shown_title(page) -> str | None:
    """The page title (h1) the server drew, or None when it drew the login form. Read once
    the last run has finished: a fallback to the default page came after a first draw, in
    the rerun of the cookie component's report (run_finished waits for that rerun)."""
    run_finished(page)
    # a positive sign that the page is drawn: its title, the refusal's or the login form
    page.locator("h1, [data-testid='stForm']").first.wait_for(timeout=20_000)
    titles = page.locator("h1").all_inner_texts()
    return titles[0].strip() if titles else None


@pytest.mark.parametrize("role", ["anonymous", "unit", "committee", "admin"])
def test_each_role_reaches_by_url_exactly_its_pages(server_factory, browser, role, figures):
    """Open every page's URL in a fresh server; count allowed and refused."""
    server = server_factory(accounts)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    if role != "anonymous":
        login(page, server.url, ACCOUNTS[role], PASSWORD)
        page.locator('[data-testid="stSidebarNav"]').wait_for(timeout=20_000)
    wrong = []
    for spec in PAGES:
        page.goto(f"{server.url}/{spec.url_path}")
        page.locator('[data-testid="stApp"]').wait_for(timeout=20_000)
        # the unit here is a school: «Mô hình học tập» is not its page (h7, on purpose)
        allowed = role in spec.roles and not (role == "unit" and spec.script == "unit_models.py")
        if (shown_title(page) == spec.title) != allowed:
            wrong.append((spec.url_path, allowed))
    figures(role=role, pages=len(PAGES),
            allowed=sum(role in s.roles for s in PAGES), mismatches=len(wrong))
    context.close()
    assert wrong == []
