"""Nhập dữ liệu từ tệp: built by a later issue; for now a placeholder that still checks the role."""
import streamlit as st

from components.navigation import guard
from core import texts

guard("committee_import.py")
st.info(texts.UNDER_CONSTRUCTION)
