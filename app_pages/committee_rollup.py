"""Tổng hợp báo cáo cấp dưới: take the workbooks of the sub-organisers into this week
(issue 15 item 4). All files or none; a newer file of an organiser already taken in
replaces its report only after the confirm button; every problem is listed with its
file, sheet and row (db/rollup.py, core/rollup.py)."""
import streamlit as st

from components import look, suborg_view
from components.navigation import guard
from components.safe_text import md
from components.session import current_event, database
from core import rollup as core
from core import texts
from db import rollup

PENDING = "rollup_pending"  # reports waiting for the confirmation to replace
ALLOW_SAMPLE = "rollup_allow_sample"  # the explicit checkbox for files with sample data

actor = guard("committee_rollup.py")
db = database()
event = current_event(db)
st.caption(texts.ROLLUP_PAGE_INTRO)


def show_errors(errors):
    st.error(texts.ROLLUP_ERRORS + "\n\n" + "\n".join(f"- {md(e)}" for e in errors))


def take_in(reports, replace):
    try:
        actions = rollup.import_reports(db, actor, event["id"], reports, replace=replace,
                                        allow_sample=bool(st.session_state.get(ALLOW_SAMPLE)))
    except rollup.NeedsConfirmation as pending:
        st.session_state[PENDING] = reports
        return pending.errors
    except core.RollupError as error:
        st.session_state.pop(PENDING, None)
        show_errors(error.errors)
        return None
    st.session_state.pop(PENDING, None)
    st.success(texts.ROLLUP_DONE.format(n=len(actions)))
    return None


uploads = look.uploader(texts.ROLLUP_UPLOAD, accept_multiple_files=True, key="rollup_files",
                        hint=texts.UPLOAD_HINT_ROLLUP.format(mb=look.upload_limit_mb()))
st.checkbox(texts.ROLLUP_ALLOW_SAMPLE, key=ALLOW_SAMPLE, value=False)
if st.button(texts.ROLLUP_CHECK, type="primary", disabled=not uploads):
    reports, errors = [], []
    for upload in uploads:
        try:
            reports.append(rollup.read_file(upload.getvalue(), upload.name))
        except core.RollupError as error:
            errors += error.errors
    st.session_state.pop(PENDING, None)
    if errors:
        show_errors(errors)
    else:
        waiting = take_in(reports, replace=False)
        if waiting:
            st.session_state["rollup_waiting"] = waiting
if st.session_state.get(PENDING):
    box = st.empty()  # the warning stands above its button; gone once confirmed
    if st.button(texts.ROLLUP_CONFIRM_REPLACE, key="rollup_confirm"):
        box.empty()
        take_in(st.session_state[PENDING], replace=True)
    else:
        box.warning(texts.ROLLUP_REPLACE_WARNING + "\n\n" + "\n".join(
            f"- {md(line)}" for line in st.session_state.get("rollup_waiting", [])))
if st.session_state.get("rollup_removed"):
    st.success(texts.ROLLUP_REMOVE_DONE.format(name=md(st.session_state.pop("rollup_removed"))))
suborg_view.stored_list(db, event)
suborg_view.remove_form(db, actor, event)
db.conn.close()
