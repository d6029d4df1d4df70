"""Per-run access to the database and the signed-in user."""
import os

import streamlit as st

from db import Actor, connect, default_db_path
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


def current_actor() -> Actor | None:
    return st.session_state.get("actor")
