"""Draws the dashboard's pictures in a process of its own (issue 23).

vl-convert holds Python's GIL for the whole drawing (measured: a thread drawing a chart
stopped every other thread of the process until it finished). In the server that stopped
every viewer's refresh for as long as the pictures took after a write (~0.15 CPU-s a
picture at city scale, more on a loaded machine). One worker process, started once
("spawn": never a fork of the threaded server), draws them instead; the server's threads
run meanwhile. This module imports only vl-convert: the worker starts light."""
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

# d3 number locale (decimal ",", thousands "."): core/numbers.VEGA_NUMBER_LOCALE, passed in
_pool: ProcessPoolExecutor | None = None
_lock = threading.Lock()
TIMEOUT_S = 120


def draw(spec: dict, locale: dict) -> str:
    """SVG text of a Vega-Lite spec, offline (runs in the worker)."""
    import vl_convert

    return vl_convert.vegalite_to_svg(spec, allowed_base_urls=[], format_locale=locale)


def _worker() -> ProcessPoolExecutor:
    global _pool
    with _lock:
        if _pool is None:
            import multiprocessing

            _pool = ProcessPoolExecutor(max_workers=1,
                                        mp_context=multiprocessing.get_context("spawn"))
        return _pool


def svg(spec: dict, locale: dict) -> str:
    """draw() in the worker process; in this process if the worker cannot be used."""
    global _pool
    try:
        return _worker().submit(draw, spec, locale).result(timeout=TIMEOUT_S)
    except (BrokenProcessPool, OSError, RuntimeError):
        with _lock:  # a dead worker is replaced at the next picture
            if _pool is not None:
                _pool.shutdown(wait=False, cancel_futures=True)
            _pool = None
        return draw(spec, locale)
