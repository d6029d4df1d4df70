"""The signed-out page's «Đơn vị tổ chức» picker and the sidebar line naming the session's
organiser (issue 24). Which organiser is chosen, and how it is bound at sign-in, is
components/organiser_session.py; this module only draws."""
import streamlit as st

from components import organiser_session as org
from components.safe_text import md
from core import texts
from core.organiser import LEVELS


def level_label(level: str) -> str:
    return LEVELS.get(level, {}).get("label", level or "")


def option_label(record) -> str:
    """A selectbox option: plain text (Streamlit does not render options as markdown)."""
    return texts.ORG_OPTION.format(name=record.name, level=level_label(record.level))


def first_run_needed(db) -> bool:
    """The first-run form (create the first admin) is for a single-organiser installation
    without an admin only: an organiser of a directory gets its first admin from the
    installation administrator (manage.py --organiser KEY create-user ... --role admin)."""
    from db import users

    return not org.has_directory() and not users.admin_exists(db)


def stop_unless_ready() -> None:
    """A directory whose organisers have no admin yet: nobody can sign in; say who acts."""
    if org.has_directory() and org.current() is None:
        st.title(texts.ORG_NONE_READY_TITLE)
        st.info(texts.ORG_NONE_READY)
        st.stop()


def picker() -> None:
    """Above the login form, when the installation lists organisers: the choice, kept in the
    address (?dv=KEY) so a reload keeps it. Drawn after the login form was built from the
    current choice; a new choice reruns the app with its file, cookie and accounts."""
    choices = org.listed()
    if not choices:
        return
    chosen = org.current()
    st.session_state[org.PICKED] = chosen.key  # a widget's value, set before it is drawn
    by_key = {r.key: r for r in choices}
    st.selectbox(texts.ORG_PICKER, list(by_key), key=org.PICKED, help=texts.ORG_PICKER_HELP,
                 placeholder=texts.EF_CHOOSE,
                 format_func=lambda key: option_label(by_key[key]), on_change=_picked)
    keep_in_address(chosen)


def _picked() -> None:
    st.query_params[org.QUERY] = st.session_state[org.PICKED]  # before the rerun reads it


def keep_in_address(record) -> None:
    if record is not None and st.query_params.get(org.QUERY) != record.key:
        st.query_params[org.QUERY] = record.key


def sidebar_caption() -> None:
    """Signed in: which organiser this session belongs to (nothing in a single
    installation)."""
    record = org.current()
    if record is None:
        return
    st.sidebar.caption(texts.ORG_SIDEBAR.format(name=md(record.name),
                                                level=md(level_label(record.level))))
    keep_in_address(record)
