"""«Xem đơn vị cấp dưới» (issue 24 item 4): an upper level's committee or admin looks at one
descendant organiser, read-only.

While a descendant is viewed, the menu holds only the pages that read (VIEW_PAGES); they
draw on that descendant's file opened read-only (components/session.database →
db/directory.connect_readonly), so even a page reached by mistake cannot write there.
Every page that writes — and the descendant's accounts, settings, budget, backup — is left
out of the menu and refused by navigation.guard. The own organiser's option ends the view.
"""
import streamlit as st

from components import organiser_session as org
from components.organiser_picker import level_label
from components.safe_text import md
from core import texts

# the pages that only read: figures and reporting progress, nothing else of the descendant
VIEW_PAGES = ("committee_dashboard.py", "committee_progress.py")
SWITCHED = "llw_view_switched"


def _choices(actor) -> list:
    """[own record, *descendants] when this actor may look below, else []."""
    bound = st.session_state.get(org.BOUND)
    if bound is None or actor is None or actor.role not in org.VIEW_ROLES \
            or actor.organiser != bound:
        return []
    below = org.descendants(bound)
    own = org.get(bound)
    return [own, *below] if below and own else []


def _switched() -> None:
    st.session_state[SWITCHED] = True  # navigation opens the first page of the new view
    st.session_state.pop("event_year", None)  # the other organiser's latest week


def draw(actor):
    """The sidebar selectbox, for an upper level's committee/admin; returns the viewed
    descendant (OrganiserRecord) or None."""
    choices = _choices(actor)
    if not choices:
        st.session_state.pop(org.VIEWED, None)
        return None
    by_key = {r.key: r for r in choices}
    own = choices[0]
    if st.session_state.get(org.VIEWED) not in by_key:
        st.session_state[org.VIEWED] = own.key

    def label(key):
        record = by_key[key]
        if key == own.key:
            return texts.VIEW_OWN_OPTION.format(name=record.name)
        return f"{record.name} – {level_label(record.level)}"

    st.sidebar.selectbox(texts.VIEW_SWITCH, list(by_key), key=org.VIEWED, format_func=label,
                         help=texts.VIEW_SWITCH_HELP, on_change=_switched,
                         placeholder=texts.EF_CHOOSE)
    return org.viewed()


def just_switched() -> bool:
    return bool(st.session_state.pop(SWITCHED, False))


def may_open(actor, script: str, roles: tuple) -> bool:
    """Defence in depth for every page (navigation.guard): while viewing, only the reading
    pages, for the roles that may view; otherwise the role's own pages."""
    if org.viewed() is not None:
        return script in VIEW_PAGES and actor.role in org.VIEW_ROLES
    return actor.role in roles


def banner() -> None:
    """On every page while viewing: whose data, and that it is read-only."""
    viewed = org.viewed()
    if viewed is None:
        return
    own = org.get(st.session_state.get(org.BOUND))
    st.warning(texts.VIEW_BANNER.format(
        name=md(viewed.name), level=md(level_label(viewed.level)),
        own=md(texts.VIEW_OWN_OPTION.format(name=own.name if own else ""))),
        icon=":material/visibility:")
