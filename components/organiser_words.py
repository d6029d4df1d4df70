"""The organiser's words on pages (issue 15): a text of core/texts.py with {level}, {area},
{areas}, {office} filled from the profile of the week chosen in the sidebar (before login
or before a choice: the latest week)."""
import streamlit as st

from components.session import database
from db import events
from db.organiser import words


def say(text: str, db=None) -> str:
    db = db or database()
    year = st.session_state.get("event_year")
    event = (events.get(db, year) if year else None) or events.get(db)
    return words(db, event)(text)
