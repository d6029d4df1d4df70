"""One-time page: create the first admin while the database has none."""
import streamlit as st

from components.safe_text import md
from components.forms import FieldErrors
from components.session import database
from components import look, organiser_session
from core import texts
from db import AccessDenied, ValidationFailed, users

look.apply()
if organiser_session.has_directory():  # a listed organiser's first admin: manage.py only
    st.stop()
st.title(texts.FIRST_RUN_TITLE)
st.info(texts.FIRST_RUN_INTRO)
errors = FieldErrors()
with st.form("first_admin", enter_to_submit=False):
    username = st.text_input(texts.FIELD_USERNAME, key="fa_username")
    errors.slot("username")
    name = st.text_input(texts.FIELD_NAME, key="fa_name")
    errors.slot("name")
    password = st.text_input(texts.FIELD_PASSWORD, type="password", key="fa_password",
                             help=texts.PASSWORD_RULES)
    errors.slot("password")
    repeat = st.text_input(texts.FIELD_PASSWORD_REPEAT, type="password", key="fa_repeat")
    errors.slot("repeat")
    submitted = st.form_submit_button(texts.BUTTON_CREATE_ADMIN, type="primary")

if submitted:
    if password != repeat:
        errors.show({"repeat": texts.PASSWORD_MISMATCH})
    else:
        try:
            users.create_user(database(), None, username=username, name=name, role="admin",
                              password=password, first_admin=True)
        except ValidationFailed as failure:
            errors.show(failure.errors)
        except AccessDenied as denied:
            st.error(md(str(denied)))
        else:
            st.success(texts.FIRST_RUN_DONE.format(username=md(username.strip().lower())))
            st.button(texts.LOGIN_FIELDS["Login"], on_click=lambda: None)
