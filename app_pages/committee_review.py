"""Duyệt dữ liệu: the committee lists entries (filters: kind, status, ward, unit, type),
opens one with its photos and marks it accepted or needs-fix with a comment
(db/review.py: committee only, audited; a needs-fix entry stops counting)."""
import json

import streamlit as st

from components import pickers
from components.forms import FieldErrors
from components.navigation import guard
from components.session import current_event, database
from core import numbers, texts
from core import reference as ref
from db import ValidationFailed, review, units


def filters():
    c1, c2, c3 = st.columns(3)
    with c1:
        kind = st.selectbox(texts.REV_FILTER_KIND, ["activity", "propaganda"], key="rev_kind",
                            format_func=lambda k: texts.REV_KIND_ACTIVITY if k == "activity"
                            else texts.REV_KIND_PROPAGANDA)
        status = pickers.code_select(texts.REV_FILTER_STATUS, texts.STATUS_NAMES,
                                     key="rev_status", optional_label=texts.FILTER_ALL)
    with c2:
        ward = pickers.ward_filter("rev_ward")
        unit_names = {u["id"]: f"{u['code']} — {u['name']}" for u in units.list_units(db)}
        unit_id = pickers.code_select(texts.COL_UNIT, unit_names, key="rev_unit",
                                      optional_label=texts.FILTER_ALL)
    with c3:
        type_names = ref.TYPE_NAMES if kind == "activity" else ref.CHANNEL_NAMES
        if st.session_state.get("rev_type") not in (None, *type_names):
            del st.session_state["rev_type"]  # the kind changed
        type_ = pickers.code_select(texts.REV_FILTER_TYPE, type_names, key="rev_type",
                                    optional_label=texts.FILTER_ALL)
    return kind, {"status": status, "ward": ward, "unit_id": unit_id, "type_": type_}


def label(kind, row):
    what = row["title"] if kind == "activity" else \
        f"{ref.CHANNEL_NAMES[row['channel']]} × {numbers.integer(row['quantity'])}"
    return (f"#{row['id']} · {texts.STATUS_NAMES[row['status']]} · {row['unit_name']} · "
            f"{what}")


def details(kind, entry):
    st.markdown(f"**{entry['unit_code']} — {entry['unit_name']}**")
    if kind == "activity":
        st.markdown(f"### {entry['title']}")
        st.write(f"{ref.TYPE_NAMES[entry['type']]} · {ref.WARD_NAMES[entry['ward_code']]} · "
                 f"{entry['start_date']} → {entry['end_date']} · "
                 f"{ref.FORMAT_NAMES[entry['format']]}")
        st.write(f"{texts.CHART_PARTICIPANTS}: {numbers.integer(entry['participants'])} "
                 f"({texts.EXP_COLS['online_participants']}: "
                 f"{numbers.integer(entry['online_participants'])})")
        if entry.get("description"):
            st.write(entry["description"])
        link = entry.get("evidence_url")
    else:
        st.write(f"{ref.CHANNEL_NAMES[entry['channel']]}: {numbers.integer(entry['quantity'])} "
                 f"{ref.CHANNEL_MEASURES[entry['channel']]} · "
                 f"{ref.WARD_NAMES[entry['ward_code']]} · {entry['date']}")
        slogans = entry["slogans"] if isinstance(entry["slogans"], list) else \
            json.loads(entry["slogans"] or "[]")
        st.write(f"{texts.CHART_SLOGAN}: {', '.join(str(n) for n in slogans) or '—'}")
        if entry.get("note"):
            st.write(entry["note"])
        link = entry.get("link")
    if link:
        st.markdown(f"[{link}]({link})")
    st.markdown(f"**{texts.REV_PHOTOS}**")
    if entry["photos"]:
        st.image([p["data"] for p in entry["photos"]], width=220)
    else:
        st.caption(texts.REV_NO_PHOTOS)
    if entry.get("review_comment"):
        st.info(texts.REV_PREVIOUS_COMMENT.format(comment=entry["review_comment"]))


def decision_form(kind, entry):
    errors = FieldErrors()
    with st.form("rev_form", clear_on_submit=False):
        st.text_area(texts.REV_COMMENT, key="rev_comment", max_chars=review.COMMENT_MAX)
        errors.slot("comment")
        errors.slot("status")
        errors.slot("entry")
        c1, c2 = st.columns(2)
        accept = c1.form_submit_button(texts.REV_ACCEPT, type="primary")
        needs_fix = c2.form_submit_button(texts.REV_NEEDS_FIX)
    if not (accept or needs_fix):
        return
    status = "accepted" if accept else "needs_fix"
    try:
        review.decide(db, actor, kind, entry["id"], status,
                      st.session_state.get("rev_comment", ""))
    except ValidationFailed as error:
        errors.show(error.errors)
        return
    st.session_state["rev_done"] = texts.REV_DONE.format(status=texts.STATUS_NAMES[status])
    del st.session_state["rev_comment"]
    st.rerun()


actor = guard("committee_review.py")
db = database()
event = current_event(db)
if message := st.session_state.pop("rev_done", None):
    st.success(message)
kind, chosen = filters()
rows = review.list_entries(db, event["id"], kind, **chosen)
st.caption(texts.REV_COUNT.format(count=numbers.integer(len(rows))))
if not rows:
    st.info(texts.REV_NONE)
    st.stop()
labels = {r["id"]: label(kind, r) for r in rows}
if st.session_state.get("rev_pick") not in labels:
    st.session_state.pop("rev_pick", None)
entry_id = st.selectbox(texts.REV_PICK, list(labels), key="rev_pick",
                        format_func=labels.get)
entry = review.get_entry(db, kind, entry_id)
left, right = st.columns([3, 2])
with left:
    details(kind, entry)
with right:
    decision_form(kind, entry)
