"""Every role: who am I, change my password, log out."""
import streamlit as st

from components.safe_text import md
from components import auth
from components.forms import FieldErrors
from components.navigation import guard
from components.session import database
from components.organiser_words import role_name
from core import texts
from db import ValidationFailed, units, users

actor = guard("account.py")
db = database()
st.markdown(texts.ACCOUNT_SIGNED_IN_AS.format(username=md(actor.username),
                                              role=role_name(actor.role, db)))
if actor.unit_id:
    st.text(texts.ACCOUNT_UNIT.format(unit=units.get(db, actor.unit_id)["name"]))

# not key="logout": streamlit-authenticator writes st.session_state["logout"] itself, which
# raised StreamlitValueAssignmentNotAllowedError on a reload of this page (issue 20)
if st.button(texts.LOGOUT, type="primary", key="account_logout"):
    auth.request_logout()

st.subheader(texts.BUTTON_CHANGE_PASSWORD)
errors = FieldErrors()
with st.form("change_password", enter_to_submit=False):
    current = st.text_input(texts.FIELD_PASSWORD_CURRENT, type="password", key="pw_current")
    errors.slot("current")
    new = st.text_input(texts.FIELD_PASSWORD_NEW, type="password", key="pw_new",
                        help=texts.PASSWORD_RULES)
    errors.slot("new")
    repeat = st.text_input(texts.FIELD_PASSWORD_REPEAT, type="password", key="pw_repeat")
    errors.slot("repeat")
    submitted = st.form_submit_button(texts.BUTTON_CHANGE_PASSWORD)
if submitted:
    try:
        users.change_own_password(db, actor, current, new, repeat)
    except ValidationFailed as failure:
        errors.show(failure.errors)
    else:
        auth.keep_this_session()
        st.success(texts.PASSWORD_CHANGED_SIGNED_OUT)
