"""Python's garbage collector in the long-running Streamlit server (issue 14).

With 300 dashboards open, the server's full (generation 2) collections walked every object
the process holds — Streamlit, Altair's ~1 000 schema classes, pyarrow, pandas, the app's
modules — and paused every session for 0.2-2.2 s each (seven of them in 90 s, logged by
bench/dashboard_app.py under load): most of the refreshes that came late. Those objects
live as long as the process, so once the heavy modules are imported they are moved out of
the collector's reach (gc.freeze, as CPython's documentation advises for long-running
servers) and the collector only walks what the sessions create. Measured with 300
replayed dashboards at load 2-5 (bench/run.py viewers, one run each): full collections
paused 22-88 ms instead of 122-241 ms, every refresh on time (0 late, p99 0.41 s) against
3 late (p99 0.90 s) without. Raising the young threshold as well (700 -> 7 000) made it
worse (a 328 ms full collection, 5 late): left at Python's default.

The price: objects frozen now are never examined for reference cycles again; if one of
them (the first viewer's session state, say) later becomes cyclic garbage, it stays in
memory. Once per process, that is a few kilobytes against seconds of pauses.

No Streamlit here: the dashboard page calls settle_once() after its imports."""
import gc
import threading

_lock = threading.Lock()
_settled = False


def settle_once() -> bool:
    """Collect, then freeze what survives (the modules and whatever the process holds
    now), once per process; True on the call that did it."""
    global _settled
    if _settled:
        return False
    with _lock:
        if _settled:
            return False
        gc.collect()
        gc.freeze()
        _settled = True
        return True
