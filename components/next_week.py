"""The «Năm sau» tab of the admin's settings: start the week of a chosen year, copied from
an existing week or empty (db/new_week.py, the same as `manage.py new-week`)."""
import streamlit as st

from components.forms import flash_and_rerun
from components.safe_text import md
from core import texts, timefmt
from db import ValidationFailed, events, new_week

EMPTY = 0  # the source choice "an empty week"


def offered_year(db) -> int:
    """The year the tab offers: the year after the newest week, or this year when the
    newest week is older (an office starting again after years)."""
    latest = events.get(db)
    return max(latest["year"] + 1 if latest else 0, timefmt.now_local().year)


def tab(db, actor) -> None:
    years = [e["year"] for e in events.list_events(db)]
    year = st.number_input(texts.SET_NEXT_YEAR, min_value=2000, max_value=2100,
                           value=offered_year(db), step=1, key="set_next_year_value")
    source = st.selectbox(texts.SET_NEXT_SOURCE, years + [EMPTY], key="set_next_source",
                          format_func=lambda y: texts.SET_NEXT_SOURCE_EMPTY if y == EMPTY
                          else texts.SET_NEXT_SOURCE_YEAR.format(year=y),
                          placeholder=texts.NO_CHOICE)
    st.markdown(texts.SET_NEXT_HELP_EMPTY.format(year=int(year)) if source == EMPTY
                else texts.SET_NEXT_HELP.format(source=source, year=int(year)))
    confirmed = st.checkbox(texts.SET_NEXT_CONFIRM.format(year=int(year)),
                            key=f"set_next_ok_{int(year)}")
    if st.button(texts.SET_NEXT_BUTTON.format(year=int(year)), type="primary",
                 disabled=not confirmed, key="set_next_year"):
        try:
            done = new_week.create(db, actor, int(year), empty=source == EMPTY,
                                   from_year=None if source == EMPTY else source)
        except ValidationFailed as failure:
            st.error(md("; ".join(failure.errors.values())))
        else:
            st.session_state["event_year"] = done["year"]  # the sidebar opens the new week
            flash_and_rerun(texts.SET_NEXT_DONE.format(
                year=done["year"], dates="; ".join(new_week.date_lines(done))))
