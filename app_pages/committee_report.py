"""Báo cáo tổng kết: the committee's assessment (edited here, printed in the report) and the
closing report PDF, built only when the download is clicked (the button spins meanwhile)."""
from datetime import date

import streamlit as st

from components.forms import FieldErrors, flash_and_rerun, show_flash
from components.navigation import guard
from components.session import current_event, database, database_path
from core import closing_report, numbers, texts
from db import ValidationFailed, commendations, connect, events, report_data, stats

actor = guard("committee_report.py")
db = database()
event = current_event(db)
totals = stats.summary(db, event["id"])["totals"]

show_flash()

st.markdown(texts.REPORT_PAGE_INTRO)
c1, c2, c3, c4 = st.columns(4)
c1.metric(texts.REPORT_COL_ACTIVITIES, numbers.integer(totals["activities"]))
c2.metric(texts.REPORT_COL_PARTICIPANTS, numbers.integer(totals["participants"]))
c3.metric(texts.REPORT_COL_PROPAGANDA, numbers.integer(totals["propaganda_items"]))
c4.metric(texts.REPORT_METRIC_REPORTING, numbers.percent(totals["reporting_rate"]))

st.subheader(texts.REPORT_PAGE_ASSESSMENT)
errors = FieldErrors()
with st.form("report_assessment_form"):
    assessment = st.text_area(texts.REPORT_ASSESSMENT_LABEL, value=event["assessment"] or "",
                              height=300, key="report_assessment",
                              help=texts.REPORT_ASSESSMENT_HELP)
    errors.slot("assessment")
    save = st.form_submit_button(texts.REPORT_SAVE_ASSESSMENT, type="primary")
if save:
    try:
        commendations.save_assessment(db, actor, event["id"], assessment)
    except ValidationFailed as failure:
        errors.show(failure.errors)
    else:
        flash_and_rerun(texts.REPORT_ASSESSMENT_SAVED)

st.subheader(texts.REPORT_DOWNLOAD_HEADING)
if not (event["assessment"] or "").strip():
    st.warning(texts.REPORT_WARN_NO_ASSESSMENT)
if not commendations.list_commendations(db, event["id"]):
    st.warning(texts.REPORT_WARN_NO_PICKS)
issued_on = st.date_input(texts.REPORT_DATE_LABEL, value=date.today(), format="DD/MM/YYYY",
                          key="report_date")
year = event["year"]
path = database_path()


def build_report() -> bytes:
    """Runs on another thread when the button is clicked: its own connection."""
    own = connect(path)
    try:
        return closing_report.build_pdf(report_data.gather(own, events.get(own, year),
                                                           issued_on=issued_on))
    finally:
        own.conn.close()


st.download_button(texts.REPORT_DOWNLOAD, data=build_report,
                   file_name=f"bao-cao-tong-ket-{year}.pdf", mime="application/pdf",
                   on_click="ignore", type="primary", icon=":material/picture_as_pdf:",
                   key="report_download")
st.caption(texts.REPORT_DOWNLOAD_HELP)
