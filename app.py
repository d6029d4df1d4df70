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

header = st.empty()  # above the login form; stays empty once signed in
actor = auth.authenticate(db)
upload_gate.record(actor is not None)
if actor is None:
    with header.container():
        navigation.login_header(db)
        organiser_picker.picker()  # «Đơn vị tổ chức», when the server hosts several
    navigation.build_signed_out().run()
    st.stop()

chart_images.warm_up_in_background()  # the dashboard's pictures: engine ready before
navigation.run(actor.role)
