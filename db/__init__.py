"""The data layer: all SQL lives here. Never imports Streamlit.

Every write function takes the acting user (`Actor`) and checks what that user may do
(db/access.py), so the rules hold even when a page is bypassed.
"""
from db.connection import connect, write_transaction, default_db_path  # noqa: F401
from db.access import Actor, AccessDenied, NeedsConfirmation, ValidationFailed, \
    WeekLocked  # noqa: F401
