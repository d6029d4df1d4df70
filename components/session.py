"""Per-run access to the database and the signed-in user."""
import streamlit as st

from components import organiser_session
from core import texts
from db import Actor, connect, events
from db.setup import prepare


@st.cache_resource(show_spinner=False)
def _prepared(path: str) -> str:
    prepare(path).conn.close()  # migrations and seed once per server process
    return path


def database_path() -> str:
    """The session's own organiser's file (components/organiser_session.py): the --db /
    LLW_DB file in a single-organiser installation."""
    return str(organiser_session.own_file())


def own_database():
    """A fresh connection to the session's own organiser's file (Streamlit reruns on new
    threads): sign-in, accounts, every write."""
    return connect(_prepared(database_path()))


def database():
    """What this run's pages read: the own organiser's file, or — while an upper level's
    committee looks at one descendant (components/view_switch.py) — that descendant's
    file opened read-only, so a write fails in SQLite itself."""
    path, readonly = database_file()
    if not readonly:
        return connect(path)
    from db import directory

    return directory.connect_readonly(path)


def database_file() -> tuple[str, bool]:
    """(file, read-only) that database() opens, without opening it: a viewer's refresh
    served from a shared view (db/live_figures.view_of_file) reads nothing."""
    viewed = organiser_session.viewed()
    if viewed is None:
        return _prepared(database_path()), False
    return _prepared(str(viewed.file)), True


def database_or_stop():
    """The own database for app.py; a file that cannot be opened stops with a clear
    message."""
    import sqlite3

    try:
        db = own_database()
        events.list_events(db)  # a first read: fails here, not halfway through a page
        return db
    except (sqlite3.Error, OSError):
        import logging

        logging.getLogger(__name__).exception("database cannot be opened")
        st.error(texts.DB_UNAVAILABLE)  # SQLite's own words stay in the server log
        st.stop()


def current_actor() -> Actor | None:
    """The signed-in Actor, refused (None) unless it signed in to this session's organiser."""
    actor = st.session_state.get("actor")
    if actor is None or actor.organiser != organiser_session.key():
        return None
    return actor


def current_event(db):
    """The event chosen in the sidebar (default: the latest year); every page uses it."""
    all_events = events.list_events(db)
    years = [e["year"] for e in all_events]
    if st.session_state.get("event_year") not in years:
        st.session_state["event_year"] = years[0]
    if len(years) > 1:
        st.sidebar.selectbox(texts.EVENT_YEAR, years, key="event_year", placeholder=texts.EF_CHOOSE)
    return events.get(db, st.session_state["event_year"])
