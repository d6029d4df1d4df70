"""Đơn vị: mark the report "Đã nộp" (submitted, with its time), or reopen it to make
changes — until the week is locked."""
import streamlit as st

from components.safe_text import md
from components.forms import FieldErrors, flash, save_form, show_flash
from components.navigation import guard
from components.session import current_event, database
from core import texts, timefmt
from db import AccessDenied, ValidationFailed, WeekLocked, entries, events, submissions, units

actor = guard("unit_submit.py")
db = database()
event = current_event(db)
unit = units.get(db, actor.unit_id)
show_flash()
locked = events.is_locked(event)
if locked:
    st.warning(texts.WEEK_LOCKED.format(lock_at=timefmt.local(event["lock_at"])))

activities = entries.list_own(db, entries.ACTIVITY, event["id"], unit["id"])
propaganda = entries.list_own(db, entries.PROPAGANDA, event["id"], unit["id"])
st.markdown(texts.SUB_SUMMARY.format(activities=len(activities), propaganda=len(propaganda)))
for item in entries.target_progress(db, event["id"], unit["id"]):
    icon = ":material/check_circle:" if item["met"] else ":material/radio_button_unchecked:"
    st.markdown(f"{icon} {md(item['label'])} — "
                + texts.UHOME_PROGRESS.format(count=item["count"], minimum=item["minimum"]))


def act(action, message):
    try:
        action(db, actor, event["id"], unit["id"])
    except ValidationFailed as failure:
        st.error(md("; ".join(failure.errors.values())))
    except (WeekLocked, AccessDenied) as refused:
        st.error(md(str(refused)))
    else:
        flash(message)
        st.rerun()


submitted = submissions.get(db, event["id"], unit["id"])
if submitted:
    st.success(texts.SUB_SUBMITTED_AT.format(
        at=timefmt.local(submitted["submitted_at"])), icon=":material/task_alt:")
    if not locked:
        st.caption(texts.SUB_REOPEN_HELP)
        if st.button(texts.SUB_REOPEN, key="sub_reopen"):
            act(submissions.reopen, texts.SUB_REOPENED)
else:
    st.info(texts.SUB_NOT_YET)
    if not activities and not propaganda:
        st.warning(texts.SUB_EMPTY_WARNING)
    if not locked:
        st.caption(texts.SUB_HELP)
        errors = FieldErrors()
        clicked = st.button(texts.SUB_BUTTON, type="primary", key="sub_submit")
        # a target unmet: the list is shown under the button and the clerk confirms
        save_form("sub_submit", clicked, {}, lambda _fields, confirmed, _token:
                  submissions.submit(db, actor, event["id"], unit["id"],
                                     confirm_unmet=confirmed),
                  errors, texts.SUB_DONE, texts.SUB_CONFIRM_BUTTON, texts.SUB_NOT_NOW)
