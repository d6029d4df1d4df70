"""Entry script for the replayed websocket clients of bench/run.py and bench/live.py:
app.py after the login — the same page config, database start-up and committee router
(sidebar, pages, the dashboard's fragment). A client asking with `?viewer=1` is the
committee account named by LLW_BENCH_USER, signed in through session state as the tests
do; any other goes through app.py's own login (components/auth.authenticate: the form,
the password check, the writes of a sign-in), which bench/live.py replays. The login
cookie (a browser component) is never set. Never used by the app."""
import gc
import os
import sqlite3
import threading
import time
from pathlib import Path

import streamlit as st

from components import navigation, session
from core import texts
from db import users

def _log_gc(path: str):
    """Collections of Python's garbage collector as GEN:MS to `path` (bench/run.py
    reads it: are late refreshes GC pauses?). Installed once per server process."""
    started = {}

    def callback(phase, info):
        if phase == "start":
            started["t"] = time.perf_counter()
        elif "t" in started:
            ms = (time.perf_counter() - started["t"]) * 1000
            if info["generation"] or ms >= 5:  # young collections: only the slow ones
                with open(path, "a") as out:
                    out.write(f"{info['generation']}:{ms:.2f}\n")

    if not any(getattr(c, "__name__", "") == "callback" and getattr(c, "__qualname__", "")
               .startswith("_log_gc") for c in gc.callbacks):
        gc.callbacks.append(callback)


if os.environ.get("LLW_BENCH_GC_LOG"):
    _log_gc(os.environ["LLW_BENCH_GC_LOG"])


def _log_views(path: str, every: float = 5.0):
    """db/live_figures' counts and recompute times as JSON to `path`, at most every
    `every` seconds (bench/live.py reads it: how long did the aligned recomputes take?)."""
    import json

    from db import live_figures

    now = time.monotonic()
    if now - _log_views.__dict__.get("at", float("-inf")) < every:
        return
    _log_views.at = now
    # a name of this thread's own: page runs of several sessions come here at once (one
    # shared name made the replace of all but one fail, and their viewers count as failed)
    partial = f"{path}.{threading.get_ident()}.partial"
    with open(partial, "w") as out:
        json.dump(live_figures.view_info(), out)
    os.replace(partial, path)


if os.environ.get("LLW_BENCH_VIEWS_LOG"):
    _log_views(os.environ["LLW_BENCH_VIEWS_LOG"])

st.set_page_config(page_title=texts.APP_SHORT, page_icon=":material/school:", layout="wide")
db = session.database_or_stop()
if st.query_params.get("viewer"):  # a replayed dashboard: signed in by session state
    if "actor" not in st.session_state:
        st.session_state["actor"] = users.actor_for(db, os.environ["LLW_BENCH_USER"])
else:  # a replayed sign-in (bench/live.py): app.py's own login, password check included
    from components import auth

    if auth.authenticate(db) is None:
        db.conn.close()
        st.stop()
db.conn.close()
from core import chart_images  # noqa: E402

chart_images.warm_up_in_background()  # as app.py does once someone is signed in

# navigation.build("committee") with absolute paths (st.Page paths are relative to the
# entry script, which lives in bench/)
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
