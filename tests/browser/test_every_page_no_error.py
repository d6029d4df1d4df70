"""Issue 20, deliver 5: no error on any page, however it is reached. Every page of every
role is opened by its address, reloaded, and reached from the sidebar; no Streamlit error
box (`stException`, even one that flashes and goes: a watcher in the page records it) and
no «This app has encountered an error» dialog appears, and the server log holds no ERROR
or Traceback. Reloading «Tài khoản» raised StreamlitValueAssignmentNotAllowedError on
st.session_state['logout'] (the logout button's key was the library's own state name).

One server, one browser, one signed-in context per role (pages are visited in turn)."""
import re

import pytest

from components.navigation import pages_for
from db import connect, units
from tests import closing_fixture as fx
from tests.browser.conftest import login, run_finished
from tests.conftest import PASSWORD, make_user

pytestmark = [pytest.mark.browser, pytest.mark.slow]
ACCOUNTS = {"unit": ("ubnd.phuc.xa", "UBND-00001"), "committee": ("ban.chi.dao", None),
            "admin": ("quan.tri", None), "leader": ("lanh.dao", None)}
# records every error box or error dialog that appears, even for a moment
WATCH = """
window.__llwErrors = [];
new MutationObserver(() => {
  const seen = window.__llwErrors;
  for (const el of document.querySelectorAll('[data-testid="stException"]')) {
    const text = 'error box: ' + el.innerText.slice(0, 300);
    if (!seen.includes(text)) seen.push(text);
  }
  for (const el of document.querySelectorAll('[role="dialog"]')) {
    if (el.innerText.includes('encountered an error') && !seen.includes('error dialog'))
      seen.push('error dialog');
  }
}).observe(document, {subtree: true, childList: true, characterData: true});
"""


def prepare(db):
    fx.build_week(db)
    for role, (username, unit_code) in ACCOUNTS.items():
        make_user(db, username, role, unit_code)


def drawn(page, title):
    try:
        page.get_by_role("heading", name=title, exact=True).first.wait_for(timeout=30_000)
    except Exception:
        page.screenshot(path="/tmp/forms_shots/no_heading.png", full_page=True)
        raise
    run_finished(page)  # and the rerun after the first draw (the login cookie) has ended


def errors_seen(page) -> list[str]:
    return page.evaluate("window.__llwErrors || []")


def role_pages(server, role):
    db = connect(server.db_path)
    try:
        unit_code = ACCOUNTS[role][1]
        unit = units.get_by_code(db, unit_code) if unit_code else None
        return pages_for(role, unit)
    finally:
        db.conn.close()


@pytest.mark.parametrize("role", list(ACCOUNTS))
def test_every_page_opens_without_an_error_by_address_reload_and_sidebar(server, browser,
                                                                         role):
    log_file = server.db_path.parent / "server.log"
    log_start = len(log_file.read_text())  # this role's part of the shared server's log
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    context.add_init_script(WATCH)
    page = context.new_page()
    login(page, server.url, ACCOUNTS[role][0], PASSWORD)
    specs = role_pages(server, role)
    assert len(specs) >= 2
    problems = []
    for spec, following in zip(specs, specs[1:] + specs[:1]):
        for how in ("address", "reload"):
            if how == "address":
                page.goto(f"{server.url}/{spec.url_path}")
            else:
                page.reload()
            drawn(page, spec.title)
            problems += [(spec.url_path, how, e) for e in errors_seen(page)]
        # then on to the next page through the sidebar, in the same session
        page.locator('[data-testid="stSidebarNav"]').get_by_role(
            "link", name=following.title, exact=True).click()
        drawn(page, following.title)
        problems += [(following.url_path, "sidebar", e) for e in errors_seen(page)]
    context.close()
    assert problems == []
    log = log_file.read_text()[log_start:]
    assert not re.findall(r".*(?:ERROR|Traceback).*", log), log
