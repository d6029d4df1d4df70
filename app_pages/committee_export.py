"""Xuất dữ liệu: the city's workbook (XLSX, one sheet per table) and CSV, built lazily
from db/export.py — the same numbers as the dashboard and the closing report."""
import streamlit as st

from components.navigation import guard
from components.session import current_event, database, database_path
from core import texts
from core.workbook import SHEET_ORDER
from db import connect, export

actor = guard("committee_export.py")
db = database()
event = current_event(db)
db_path = database_path()
event_id, year = event["id"], event["year"]
db.conn.close()
st.write(texts.EXP_INTRO)


def build_xlsx() -> bytes:
    # download_button runs this on another thread: open a connection of its own
    own = connect(db_path)
    try:
        return export.xlsx(own, event_id)
    finally:
        own.conn.close()


def build_csv(table: str) -> bytes:
    own = connect(db_path)
    try:
        return export.csv_bytes(own, event_id, table)
    finally:
        own.conn.close()


st.download_button(texts.EXP_XLSX, build_xlsx, file_name=f"tuan-le-htsd-{year}.xlsx",
                   mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                   icon=":material/table:", key="exp_xlsx")
table = st.selectbox(texts.EXP_CSV_TABLE, SHEET_ORDER, key="exp_table",
                     format_func=lambda name: texts.EXP_SHEETS[name])
st.download_button(texts.EXP_CSV, lambda: build_csv(table), file_name=f"tuan-le-htsd-{year}-{table}.csv",
                   mime="text/csv", icon=":material/description:", key="exp_csv")
