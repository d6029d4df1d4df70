"""The dashboard's fragment refreshes on the wall clock, not on its own timer (issue 23).

`st.fragment(run_every=P)` starts a browser timer of P seconds when the page opens: every
viewer has its own phase, and with at most one recompute per period a write could wait P
for the recompute and P more for a viewer's tick. core/aligned_refresh puts both on the
wall clock; this module moves the browser's timer there.

How, in Streamlit 1.67.0 (pinned in requirements.txt), and why it works: the fragment
decorator sends a ForwardMsg `auto_rerun` (interval, fragment_id) when the page runs
(streamlit/runtime/fragment.py, `msg.auto_rerun.interval = time_to_seconds(run_every)`).
The frontend's `handleAutoRerun` (static/js/index.*.js) ignores a message whose interval
equals the one its timer runs for that fragment; a different one clears the timer and
starts `setInterval(interval)` anew. So on each of its runs the fragment sends the same
message with the seconds left until its next aligned refresh (never equal to the previous
one: core/aligned_refresh.interval_until), and the browser's timer fires there. A later
Streamlit may change this protocol: tests/browser/test_aligned_refresh.py would fail.

bench/wsclient.py answers these messages exactly as the browser does."""
import random
import time

import streamlit as st
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.runtime.scriptrunner_utils.script_run_context import (ThreadState,
                                                                     get_script_run_ctx)

from core import aligned_refresh

OFFSET_KEY = "aligned_refresh_offset"  # this viewer's place in the spread, for the session
SENT_KEY = "aligned_refresh_sent"  # fragment id -> the interval sent last
RETRIES_KEY = "aligned_refresh_retries"  # fragment id -> soon-retries in a row


def keep_aligned(period: float, phase_name: str = "", behind: bool = False) -> float | None:
    """Call at the end of the fragment's function: its next run is at the viewer's next
    aligned refresh. Returns the interval sent (None outside a fragment run of a server,
    e.g. in AppTest, which has no browser timer). `phase_name`: the database file the
    view is read from (db/live_figures.view uses the same phase for its recompute)."""
    ctx = get_script_run_ctx()
    if ctx is None:
        return None
    fragment_id = ThreadState.get().fragment_id
    if not fragment_id:
        return None
    if OFFSET_KEY not in st.session_state:  # uniform over the spread, once per session
        st.session_state[OFFSET_KEY] = aligned_refresh.offset_for(random.random(), period)
    sent = st.session_state.setdefault(SENT_KEY, {})
    retries = st.session_state.setdefault(RETRIES_KEY, {})
    # never the decorator's own interval (a page run sends it just before) nor ours of
    # the previous run: either would be ignored by the frontend
    avoid = (float(period), sent.get(fragment_id, -1))
    if behind and retries.get(fragment_id, 0) < aligned_refresh.MAX_RETRIES:
        # the view was served while its recompute still ran (slower than R): look again
        # in a moment rather than a whole period later (the new figures would wait 2P)
        retries[fragment_id] = retries.get(fragment_id, 0) + 1
        interval = aligned_refresh.retry_interval(avoid)
    else:
        retries[fragment_id] = 0
        interval = aligned_refresh.interval_until(
            time.time(), period, st.session_state[OFFSET_KEY], avoid=avoid,
            phase=aligned_refresh.phase_of(phase_name, period) if phase_name else 0.0)
    sent[fragment_id] = interval
    msg = ForwardMsg()
    msg.auto_rerun.interval = interval
    msg.auto_rerun.fragment_id = fragment_id
    ctx.enqueue(msg)
    return interval
