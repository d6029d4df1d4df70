"""Xuất dữ liệu: the city's workbook (XLSX, one sheet per table) and CSV, from db/export.py —
the same numbers as the dashboard and the closing report.

The workbook is built off the page script (db/export.XlsxJob, a child process): at city
scale it takes seconds, and the page shows a progress bar meanwhile instead of a frozen
button, while other sessions of the server keep their CPU. The finished file stays in the session for download; the page
says when the data has changed since."""
import streamlit as st

from components.navigation import guard
from components.session import current_event, database, database_path
from core import texts
from core.numbers import decimal, percent
from core.workbook import SHEET_ORDER
from db import connect, export

actor = guard("committee_export.py")
db = database()
event = current_event(db)
db_path = database_path()
event_id, year = event["id"], event["year"]
marker = export.data_marker(db)
db.conn.close()
st.write(texts.EXP_INTRO)

JOB_KEY = "exp_job"
job = st.session_state.get(JOB_KEY)
if job is not None and job.event_id != event_id:
    job = None  # built for another year
running = job is not None and not job.finished

clicked = st.button(texts.WB_BUILD if job is None else texts.WB_AGAIN, key="exp_build",
                    icon=":material/table:", disabled=running)
if clicked and not running:  # a click sent before the button was disabled starts nothing
    job = st.session_state[JOB_KEY] = export.XlsxJob(db_path, event_id).start()
    running = True


def _size(n: int) -> str:
    return f"{decimal(n / 1_000_000, 1)} MB" if n >= 100_000 else f"{decimal(n / 1000, 0)} KB"


@st.fragment(run_every=0.5 if running else None)
def workbook_status():
    current = st.session_state.get(JOB_KEY)
    if current is None or current.event_id != event_id:
        return
    if not current.finished:
        label = texts.WB_READING if current.phase == "read" else texts.WB_BUILDING.format(
            percent=percent(current.fraction, 0))
        st.progress(current.fraction, text=label)
        return
    if running:  # it finished while the timer ran: redraw the page without the timer
        st.rerun()
    if current.error:
        st.error(texts.WB_FAILED)
        return
    st.success(texts.WB_READY.format(size=_size(len(current.data)),
                                     seconds=decimal(current.seconds or 0, 1)))
    if current.marker is not None and current.marker != marker:
        st.warning(texts.WB_STALE)
    st.download_button(texts.WB_DOWNLOAD, current.data, file_name=f"tuan-le-htsd-{year}.xlsx",
                       mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                       icon=":material/download:", key="exp_xlsx")


workbook_status()


def build_csv(table: str) -> bytes:
    # download_button runs this on another thread: open a connection of its own
    own = connect(db_path)
    try:
        return export.csv_bytes(own, event_id, table)
    finally:
        own.conn.close()


st.divider()
table = st.selectbox(texts.EXP_CSV_TABLE, SHEET_ORDER, key="exp_table", placeholder=texts.EF_CHOOSE,
                     format_func=lambda name: texts.WB_SHEETS[name])
st.download_button(texts.EXP_CSV, lambda: build_csv(table),
                   file_name=f"tuan-le-htsd-{year}-{table}.csv", mime="text/csv",
                   icon=":material/description:", key="exp_csv")
