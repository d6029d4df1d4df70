"""Entry point: page config, database start-up, authentication, router. Nothing else."""
import streamlit as st

from components import auth, navigation, not_found, organiser_picker, session, upload_gate
from core import chart_images, texts

st.set_page_config(page_title=texts.APP_SHORT, page_icon="🎓", layout="wide")
upload_gate.install()  # uploads are closed (config.toml) until this: signed-in sessions only

organiser_picker.stop_unless_ready()  # several organisers, none with an admin yet
db = session.database_or_stop()  # the session's organiser's file
if organiser_picker.first_run_needed(db):
    first = [st.Page("app_pages/first_run.py", title=texts.FIRST_RUN_TITLE,
                     url_path="khoi-tao")]
    not_found.catch(first, own_page=False)  # any address opens the first-run form
    st.navigation(first, position="hidden").run()
    st.stop()


def login_header(where):
    with where:
        navigation.login_header(db)
        organiser_picker.picker()  # «Đơn vị tổ chức», when the server hosts several


# Above the login form, drawn before it when a form will follow, in a container: a rerun then
# redraws it in place (through an st.empty placeholder filled after the form, a rerun emptied
# it first and the form stood alone until the run's end). When the session turns out signed
# out only during the run (ended elsewhere), the placeholder is filled after the form; signed
# in by the form beside an old cookie, the header stays until the new cookie's rerun.
if auth.login_form_expected(db):
    login_header(st.container())
    header = None
else:
    header = st.empty()
actor = auth.authenticate(db)
upload_gate.record(actor is not None)
if actor is None:
    if header is not None:
        login_header(header.container())
    navigation.build_signed_out().run()
    st.stop()

chart_images.warm_up_in_background()  # the dashboard's pictures: engine ready before
navigation.run(actor.role)
