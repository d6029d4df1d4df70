"""Per-run access to the database and the signed-in user."""
import os

import streamlit as st

from core import texts
from db import Actor, connect, default_db_path, events
from db.setup import prepare


@st.cache_resource(show_spinner=False)
def _prepared(path: str) -> str:
    prepare(path).conn.close()  # migrations and seed once per server process
    return path


def database_path() -> str:
    return os.path.abspath(default_db_path())


def database():
    """A fresh connection for this run (Streamlit reruns on new threads)."""
    return connect(_prepared(database_path()))


def database_or_stop():
    """The database for app.py; a file that cannot be opened stops with a clear message."""
    import sqlite3

    try:
        db = database()
        events.list_events(db)  # a first read: fails here, not halfway through a page
        return db
    except (sqlite3.Error, OSError):
        import logging

        logging.getLogger(__name__).exception("database cannot be opened")
        st.error(texts.DB_UNAVAILABLE)  # SQLite's own words stay in the server log
        st.stop()


def current_actor() -> Actor | None:
    return st.session_state.get("actor")


def current_event(db):
    """The event chosen in the sidebar (default: the latest year); every page uses it."""
    all_events = events.list_events(db)
    years = [e["year"] for e in all_events]
    if st.session_state.get("event_year") not in years:
        st.session_state["event_year"] = years[0]
    if len(years) > 1:
        st.sidebar.selectbox(texts.EVENT_YEAR, years, key="event_year", placeholder=texts.EF_CHOOSE)
    return events.get(db, st.session_state["event_year"])
