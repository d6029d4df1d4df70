"""Ban chỉ đạo: import activities or propaganda of any unit from a CSV/XLSX file."""
import streamlit as st

from components import importer
from components.navigation import guard
from components.session import current_event, database
from core import texts
from db import entries

actor = guard("committee_import.py")
db = database()
event = current_event(db)
st.caption(texts.EIMP_COMMITTEE_INTRO.format(year=event["year"]))
tab_activities, tab_propaganda = st.tabs([texts.EIMP_TAB_ACTIVITIES, texts.EIMP_TAB_PROPAGANDA])
with tab_activities:
    importer.entry_import_box(db, actor, event, entries.ACTIVITY, "cimp_act")
with tab_propaganda:
    importer.entry_import_box(db, actor, event, entries.PROPAGANDA, "cimp_prop")
