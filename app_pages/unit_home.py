"""Đơn vị: home — the week at a glance, the unit's checklist against the targets, the
opening ceremony, and whether the report is submitted."""
from datetime import datetime

import streamlit as st

from components.safe_text import md
from components import entry_forms
from components.navigation import guard
from components.session import current_event, database
from core import numbers, texts, timefmt
from core.entry_rules import fmt_day, week_of
from db import areas, entries, events, submissions, units
from components.organiser_words import say

actor = guard("unit_home.py")
db = database()
event = current_event(db)
unit = units.get(db, actor.unit_id)
week = week_of(event)
today = timefmt.now_local().date()  # Hà Nội's day, not the server's

st.markdown(texts.UHOME_UNIT.format(
    unit=md(unit["name"]), ward=md(areas.names_for(db, event["id"]).get(
        areas.unit_area(db, event["id"], unit["id"]))) or say(texts.UHOME_DISTRICT, db)))
st.caption(f"{md(event['title'])} · {fmt_day(week.start)} – {fmt_day(week.end)}")
if today < week.start:
    st.info(texts.UHOME_BEFORE.format(days=(week.start - today).days))
elif today <= week.end:
    st.info(texts.UHOME_DURING.format(days=(week.end - today).days + 1))
elif events.is_locked(event) or submissions.get(db, event["id"], unit["id"]):
    st.info(texts.UHOME_ENDED)  # the banner below says locked / submitted: no contradiction
else:
    st.info(texts.UHOME_AFTER)
if event.get("opening_time"):
    opening = datetime.fromisoformat(event["opening_time"])  # Hà Nội wall-clock time
    st.markdown(texts.UHOME_OPENING.format(time=opening.strftime("%H:%M"),
                                          day=fmt_day(opening.date()),
                                          place=md(event.get("opening_place") or "")))
entry_forms.write_status(db, event, unit["id"])
if event.get("lock_at") and not events.is_locked(event):
    st.caption(texts.UHOME_LOCK_AT.format(at=timefmt.local(event["lock_at"])))

st.subheader(texts.UHOME_CHECKLIST)
checklist = entries.target_progress(db, event["id"], unit["id"])
if not checklist:
    st.caption(texts.UHOME_NO_TARGETS)
for item in checklist:
    icon = ":material/check_circle:" if item["met"] else ":material/radio_button_unchecked:"
    st.markdown(f"{icon} {md(item['label'])} — "
                + texts.UHOME_PROGRESS.format(count=item["count"], minimum=item["minimum"]))
submitted = submissions.get(db, event["id"], unit["id"])
done = ":material/check_circle:" if submitted else ":material/radio_button_unchecked:"
st.markdown(f"{done} " + (texts.SUB_SUBMITTED_AT.format(
    at=timefmt.local(submitted["submitted_at"])) if submitted else texts.SUB_NOT_YET))

activities = entries.list_own(db, entries.ACTIVITY, event["id"], unit["id"])
propaganda = entries.list_own(db, entries.PROPAGANDA, event["id"], unit["id"])
c1, c2, c3 = st.columns(3)
c1.metric(texts.UHOME_ACTIVITIES, len(activities))
c2.metric(texts.UHOME_PARTICIPANTS, numbers.integer(sum(a["participants"] for a in activities)))
c3.metric(texts.UHOME_PROPAGANDA, len(propaganda))
fixing = sum(r["status"] == "needs_fix" for r in activities + propaganda)
if fixing:
    st.warning(texts.MYE_NEEDS_FIX_COUNT.format(count=fixing), icon=":material/warning:")

st.subheader(texts.UHOME_NEXT)
st.page_link("app_pages/unit_activity.py", label=texts.UHOME_LINK_ACTIVITY,
             icon=":material/event:")
st.page_link("app_pages/unit_propaganda.py", label=texts.UHOME_LINK_PROPAGANDA,
             icon=":material/campaign:")
st.page_link("app_pages/unit_entries.py", label=texts.UNIT_LINK_MY_ENTRIES, icon=":material/list_alt:")
st.page_link("app_pages/unit_submit.py", label=texts.UHOME_LINK_SUBMIT, icon=":material/send:")
