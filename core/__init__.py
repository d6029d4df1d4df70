"""Plain logic shared by pages, the PDF and manage.py: no Streamlit, no SQL."""
