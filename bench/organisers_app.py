"""Entry script for bench/organisers.py's replayed viewers (issue 24): bench/dashboard_app.py
for an installation of many organisers. A client asking with `?viewer=1&dv=KEY` is bound
to organiser KEY (components/organiser_session: the address chooses, the binding holds
until logout) and signed in, through session state as the tests do, as that organiser's
committee account named by LLW_BENCH_USER; then the committee's pages of that organiser's
file. Needs the per-session organiser binding (issue 24's pages); without it every run
says so and stops. Never used by the app."""
import dataclasses
import os
import sqlite3
from pathlib import Path

import streamlit as st

from components import navigation, session
from core import texts
from db import users

try:
    from components import organiser_session
except ImportError:  # a tree without issue 24's pages
    organiser_session = None

st.set_page_config(page_title=texts.APP_SHORT, page_icon=":material/school:", layout="wide")
if organiser_session is None or not st.query_params.get("viewer"):
    st.error("bench/organisers_app.py: no per-session organiser binding in this tree")
    st.stop()
def _log_views(path: str, every: float = 2.0) -> None:
    """Every `every` seconds, db/live_figures' counts and recompute times and
    core/chart_images' pictures drawn, as JSON to `path` (bench/organisers.py reads it
    at the end: how many recomputes ran, how long, how many were skipped). One thread
    per server process."""
    import json
    import threading
    import time

    from core import chart_images
    from db import live_figures

    def loop():
        while True:
            time.sleep(every)
            info = dict(live_figures.view_info(), pictures=dict(chart_images.drawn))
            with open(path + ".partial", "w") as out:
                json.dump(info, out)
            os.replace(path + ".partial", path)

    if not getattr(live_figures, "_bench_views_logged", False):
        live_figures._bench_views_logged = True
        threading.Thread(target=loop, name="llw-bench-views-log", daemon=True).start()


if os.environ.get("LLW_BENCH_VIEWS_LOG"):
    _log_views(os.environ["LLW_BENCH_VIEWS_LOG"])
    import logging

    if not any(isinstance(h, logging.FileHandler) for h in logging.getLogger().handlers):
        # the page errors a replayed viewer sees only as «This app has encountered an
        # error»: their tracebacks, beside the views' log
        errors = logging.FileHandler(os.environ["LLW_BENCH_VIEWS_LOG"] + ".errors.txt")
        errors.setLevel(logging.ERROR)
        logging.getLogger().addHandler(errors)
        logging.getLogger("streamlit").addHandler(errors)
if os.environ.get("LLW_BENCH_SWITCH_INTERVAL"):  # DIAGNOSTIC: sys.setswitchinterval's effect
    import sys

    sys.setswitchinterval(float(os.environ["LLW_BENCH_SWITCH_INTERVAL"]))
if os.environ.get("LLW_BENCH_VIEWS_KEPT"):  # bench/organisers.py --views-kept: diagnostic only
    from db import live_figures

    live_figures.VIEWS.size = int(os.environ["LLW_BENCH_VIEWS_KEPT"])
db = session.database_or_stop()  # the organiser of ?dv=KEY until bound, then the bound one
if "actor" not in st.session_state:
    record = organiser_session.current()
    actor = users.actor_for(db, os.environ["LLW_BENCH_USER"])
    st.session_state["actor"] = dataclasses.replace(actor, organiser=record.key)
    organiser_session.bind(record)
db.conn.close()
from core import chart_images  # noqa: E402

chart_images.warm_up_in_background()  # as app.py does once someone is signed in

ROOT = Path(__file__).resolve().parent.parent
pages = navigation.pages_for("committee")
to_page = lambda p: st.Page(str(ROOT / "app_pages" / p.script), title=p.title,  # noqa: E731
                            url_path=p.url_path, icon=p.icon)
try:
    st.navigation({texts.NAV_SECTIONS["committee"]: [to_page(p) for p in pages
                                                     if p.script != "account.py"],
                   texts.NAV_ACCOUNT: [to_page(p) for p in pages
                                       if p.script == "account.py"]}).run()
except sqlite3.OperationalError as error:
    st.error(texts.DB_WRITE_FAILED)
    st.caption(str(error))
