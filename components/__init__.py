"""Streamlit widgets and glue shared by the pages."""
