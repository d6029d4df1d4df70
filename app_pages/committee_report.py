"""Báo cáo tổng kết: the committee writes sections IV–V (with sentences suggested from the
figures), decides the commendation list, chooses the report's date and place, sees what
keeps the report a draft, and downloads it (draft or final), built only when clicked."""
from datetime import date

import streamlit as st

from components.forms import FieldErrors, flash_and_rerun, show_flash
from components.navigation import guard
from components.session import current_event, database, database_path
from core import closing_report, numbers, texts, timefmt
from db import ValidationFailed, closing, connect, events, report_data, sample_data, stats

actor = guard("committee_report.py")
db = database()
event = current_event(db)
# the report's figures: the whole area when lower levels' reports were taken in
summary = closing_report.report_summary(stats.summary(db, event["id"]),
                                        report_data.lower_levels(db, event["id"]))
totals = summary["totals"]
n = numbers.integer

show_flash()
st.markdown(texts.CLOSE_PAGE_INTRO)
if sample_data.present(db):
    st.warning(texts.CLOSE_SAMPLE_WARNING)
c1, c2, c3, c4, c5 = st.columns(5)
c1.metric(texts.CLOSE_COL_ACTIVITIES_PLAIN, n(totals["activities"]))
c2.metric(texts.CLOSE_COL_PARTICIPANTS, n(totals["participants"]))
c3.metric(texts.CLOSE_METRIC_PROP_ENTRIES, n(totals["propaganda_entries"]))
c4.metric(texts.CLOSE_METRIC_WITH_DATA, f"{n(totals['units_with_data'])}/{n(totals['units'])}")
c5.metric(texts.CLOSE_METRIC_SUBMITTED, f"{n(totals['submitted_units'])}/{n(totals['units'])}")

# --- sections I, IV and V -----------------------------------------------------------------
FIELDS = [  # (events column, widget key, label)
    ("overview", "report_overview", texts.CLOSE_FIELD_OVERVIEW),
    ("assessment", "report_assessment", texts.CLOSE_FIELD_ASSESSMENT),
    ("assess_strengths", "report_strengths", texts.CLOSE_FIELD_STRENGTHS),
    ("assess_weaknesses", "report_weaknesses", texts.CLOSE_FIELD_WEAKNESSES),
    ("assess_proposals", "report_proposals", texts.CLOSE_FIELD_PROPOSALS),
    ("next_directions", "report_directions", texts.CLOSE_FIELD_DIRECTIONS),
]
suggested = report_data.suggested_sections(db, event)  # I from facts, IV–V from figures
for column, key, _label in FIELDS:
    if key not in st.session_state:
        st.session_state[key] = event.get(column) or ""


def fill_suggestions():
    """Runs before the widgets are drawn: only empty fields get the suggested sentences."""
    for column, key, _label in FIELDS:
        if column in suggested and not st.session_state.get(key, "").strip():
            st.session_state[key] = "\n".join(suggested[column])


st.subheader(texts.CLOSE_PAGE_SECTIONS)
with st.expander(texts.CLOSE_SUGGESTIONS):
    for column, _key, label in FIELDS:
        if suggested.get(column):
            st.markdown(f"**{label}**")
            for sentence in suggested[column]:
                st.text(sentence)  # place names are data: shown as text, never markdown
    st.button(texts.CLOSE_USE_SUGGESTIONS, on_click=fill_suggestions, key="report_suggest")

errors = FieldErrors()
with st.form("report_assessment_form", enter_to_submit=False):
    for column, key, label in FIELDS:
        st.text_area(label, key=key, height=140, help=texts.CLOSE_FIELD_HELP)
        errors.slot(column)
    save = st.form_submit_button(texts.CLOSE_SAVE_SECTIONS, type="primary")
if save:
    try:
        closing.save_sections(db, actor, event["id"], {
            column: st.session_state[key] for column, key, _label in FIELDS})
    except ValidationFailed as failure:
        errors.show(failure.errors)
    else:
        flash_and_rerun(texts.CLOSE_SECTIONS_SAVED)

# --- the commendation list ---------------------------------------------------------------
st.subheader(texts.CLOSE_PAGE_COMMENDATIONS)
picks = db.execute("select count(*) from commendations where event_id = ?",
                   [event["id"]]).fetchone()[0]
st.write(texts.CLOSE_PICKS_COUNT.format(n=n(picks),
                                        pending=n(closing.pending_nominations(db, event["id"]))))
decision_errors = FieldErrors()
if event.get("commendations_decided_at"):
    st.success(texts.CLOSE_DECIDED.format(
        at=timefmt.local(event["commendations_decided_at"])))
    if st.button(texts.CLOSE_REOPEN, key="report_reopen"):
        closing.decide_commendations(db, actor, event["id"], decided=False)
        flash_and_rerun(texts.CLOSE_REOPENED)
elif st.button(texts.CLOSE_DECIDE, key="report_decide"):
    try:
        closing.decide_commendations(db, actor, event["id"])
    except ValidationFailed as failure:
        st.error(failure.errors["commendations"])
    else:
        flash_and_rerun(texts.CLOSE_DECIDED_OK)

# --- date and place ----------------------------------------------------------------------
st.subheader(texts.CLOSE_PAGE_DOCUMENT)
default_place = closing_report.place_of(dict(event, report_place=""))  # the profile's
saved_day = date.fromisoformat(event["report_date"]) if event.get("report_date") else None
doc_errors = FieldErrors()
with st.form("report_document_form", enter_to_submit=False):
    issued_on = st.date_input(texts.CLOSE_FIELD_DATE, value=saved_day, format="DD/MM/YYYY",
                              key="report_date", help=texts.CLOSE_FIELD_DATE_HELP)
    doc_errors.slot("report_date")
    place = st.text_input(texts.CLOSE_FIELD_PLACE.format(default=default_place),
                          value=event.get("report_place") or "", key="report_place")
    doc_errors.slot("report_place")
    save_document = st.form_submit_button(texts.CLOSE_SAVE_DOCUMENT)
if save_document:
    try:
        closing.save_document_settings(db, actor, event["id"], report_date=issued_on,
                                       report_place=place)
    except ValidationFailed as failure:
        doc_errors.show(failure.errors)
    else:
        flash_and_rerun(texts.CLOSE_DOCUMENT_SAVED)

# --- export ------------------------------------------------------------------------------
st.subheader(texts.CLOSE_PAGE_EXPORT)
gaps = closing_report.missing(report_data.gather_status(db, event))
if gaps:
    st.warning("\n".join([texts.CLOSE_MISSING_HEADING] + [f"- {g}" for g in gaps]))
else:
    st.success(texts.CLOSE_COMPLETE)
options = ["draft"] if gaps else ["final", "draft"]
kind = st.radio(texts.CLOSE_KIND_LABEL, options, format_func=texts.CLOSE_KIND_OPTIONS.get,
                horizontal=True, key="report_kind")
year = event["year"]
path = database_path()
final = kind == "final"


def build_report() -> bytes:
    """Runs on another thread when the button is clicked: its own connection. The date
    is the one in the field (saved or not); none leaves 'ngày … tháng … năm …'."""
    own = connect(path)
    try:
        data = report_data.gather(own, events.get(own, year), issued_on=issued_on)
        return closing_report.build_pdf(data, final=final and not closing_report.missing(data))
    finally:
        own.conn.close()


st.download_button(texts.CLOSE_DOWNLOAD, data=build_report,
                   file_name=f"bao-cao-tong-ket-{year}{'' if final else '-du-thao'}.pdf",
                   mime="application/pdf", on_click="ignore", type="primary",
                   icon=":material/picture_as_pdf:", key="report_download")
st.caption(texts.CLOSE_DOWNLOAD_HELP)
