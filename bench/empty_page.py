"""The benchmark's baseline page: what every committee page pays (role check, title,
database connection, event) and nothing else."""
import streamlit as st

from components.navigation import guard
from components.session import current_event, database

guard("committee_dashboard.py")
db = database()
event = current_event(db)
st.write(event["title"])
