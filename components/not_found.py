"""A mistyped or unknown address (`/khong-co-trang`, `/a/b`, the hidden twin of a role's
default page) gets a Vietnamese page instead of Streamlit's English «Page not found … Running
the app's main page.» dialog.

How Streamlit 1.67 decides (streamlit/commands/navigation.py and runtime/pages_manager.py):
a browser that opens `/x` asks for the page NAMED "x"; `st.navigation` looks for a registered
url_path "x" and, when none has it, sends `page_not_found` to the browser (which shows the
English dialog) and runs the default page. A rerun from a click or a widget asks by page
HASH instead, never by name. So, right before `st.navigation`, `catch()` reads the name asked
for and, when no page has it, changes the request to our own hidden page (signed in) or to
the default page (signed out, first run): Streamlit then finds a page and sends nothing.

This reads and sets the run's PagesManager intent (`intended_page_name`,
`set_script_intent`), which is not a public API: tests/browser/test_clerk_gaps.py opens
unknown addresses in a real browser, so an upgrade that changes it fails there (and the
code below falls back to Streamlit's own behaviour instead of breaking the app)."""
import logging

import streamlit as st

from components.safe_text import md
from core import texts

URL_PATH = "khong-tim-thay-trang"
_ASKED = "_llw_unknown_address"


def _pages_manager():
    try:
        from streamlit.runtime.scriptrunner import get_script_run_ctx

        manager = get_script_run_ctx().pages_manager
        if all(hasattr(manager, name) for name in (
                "intended_page_name", "intended_page_script_hash", "set_script_intent")):
            return manager
        raise AttributeError("PagesManager without the page intent")
    except Exception:  # another Streamlit: keep its own behaviour
        logging.getLogger(__name__).warning("page-not-found guard unavailable", exc_info=True)
        return None


def catch(pages: list, *, own_page: bool) -> list:
    """Call right before st.navigation(pages). Returns the pages to add to the navigation:
    with `own_page`, the hidden «Không có trang này» page that an unknown address is sent
    to; without, nothing (an unknown address opens the default page, silently)."""
    default = next((p for p in pages if p._default), pages[0])  # as st.navigation picks
    extra = [_page(default)] if own_page else []
    manager = _pages_manager()
    if manager is None or manager.intended_page_script_hash:
        return extra  # a click or a rerun: asked by hash, which Streamlit resolves itself
    asked = manager.intended_page_name or ""
    if not asked or asked in {p.url_path for p in [*pages, *extra] if p is not default}:
        return extra
    if own_page and asked != getattr(default, "_url_path", None):
        st.session_state[_ASKED] = asked
        manager.set_script_intent("", URL_PATH)
    else:  # the default page's own address, or signed out / first run: the default page
        manager.set_script_intent("", "")
    return extra


def _page(home):
    def unknown_address():
        st.title(texts.NOT_FOUND_TITLE)
        asked = st.session_state.get(_ASKED)
        st.info(texts.NOT_FOUND_TEXT.format(address=md(f"/{asked}")) if asked
                else texts.NOT_FOUND_TEXT_PLAIN, icon=":material/travel_explore:")
        if home is not None:
            st.page_link(home, label=texts.NOT_FOUND_HOME, icon=":material/home:")

    return st.Page(unknown_address, title=texts.NOT_FOUND_TITLE, url_path=URL_PATH,
                   visibility="hidden")
