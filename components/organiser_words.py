"""The organiser's words on pages (issue 15): a text of core/texts.py with {level}, {area},
{areas}, {office} filled from the profile of the week chosen in the sidebar (before login
or before a choice: the latest week). The words are set by an admin: they are put in
escaped for markdown (components/safe_text.md), since every text made here is shown as a
label, caption or markdown (issue 25 item 7)."""
import streamlit as st

from components.safe_text import md
from components.session import database
from db import events
from db.organiser import words


def say(text: str, db=None) -> str:
    db = db or database()
    year = st.session_state.get("event_year")
    event = (events.get(db, year) if year else None) or events.get(db)
    return words(db, event, escape=md)(text)


def role_name(role: str, db=None) -> str:
    """A role's name in the week's words: «Lãnh đạo UBND phường» for a ward's week."""
    from core import reference as ref
    from core import texts

    return say(texts.ROLE_NAMES_IN_WORDS.get(role, ref.ROLE_NAMES.get(role, role)), db)


def role_names(db=None) -> dict[str, str]:
    from core import reference as ref

    return {role: role_name(role, db) for role in ref.ROLE_NAMES}
