"""The login page never loses the header above its form while a run redraws it: the header
was drawn after the form (into a placeholder above it), so every rerun — the cookie
component's, on every page load — emptied the header and showed the form alone until the
run's end (a page read then lacked the system's name)."""
import pytest

from core import texts
from tests.browser.conftest import run_finished
from tests.conftest import make_user

pytestmark = pytest.mark.browser

# Counts, at every change of the page once the header has been drawn, each moment the login
# form is on screen without the system's name above it. (Before the first header, the very
# first load may draw the form before the code of the header's markdown is loaded.)
WATCH_FORM = """(() => {
  if (window.top !== window) return;
  window.__headerSeen = 0; window.__formAlone = [];
  new MutationObserver(() => {
    const form = document.querySelector('[data-testid="stForm"]');
    const main = document.querySelector('[data-testid="stMain"]');
    if (!form || !main) return;
    if (main.innerText.includes(TITLE)) window.__headerSeen += 1;
    else if (window.__headerSeen) window.__formAlone.push(main.innerText.slice(0, 60));
  }).observe(document, {subtree: true, childList: true, characterData: true});
})();"""


def prepare(db):
    make_user(db, "quan.tri", "admin")


def test_the_login_header_stays_above_the_form_through_every_rerun(server, browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    context.add_init_script(WATCH_FORM.replace("TITLE", repr(texts.APP_TITLE)))
    page = context.new_page()
    for address in ("", "/tien-do", "/khong-co-trang"):  # the login form at any address
        page.goto(server.url + address)
        run_finished(page)  # the first run and the cookie component's rerun have ended
        page.locator('[data-testid="stForm"]').wait_for(timeout=20_000)
        assert texts.APP_TITLE in page.locator('[data-testid="stMain"]').inner_text()
        seen, alone = page.evaluate("[window.__headerSeen, window.__formAlone]")
        assert seen > 0  # the watcher saw the header with the form
        assert alone == [], f"{address or '/'}: the form without its header: {alone}"
    context.close()
