"""The dashboard's charts drawn once on the server, as SVG pictures (issue 14 §2).

Six live Vega views cost the browser 0.2–0.5 s of its main thread on every visit of the
dashboard (compiling Vega-Lite, building the SVG DOM, resizing), whatever the number of
rows behind them: the page took 2.65× a trivial page of the app. The same specs drawn by
vl-convert (already used for the closing PDF) are pictures that the browser only paints.
They are drawn once per state of the data for every viewer (the dashboard's shared view),
~0.3 CPU-s for the six at city scale, and sent as data: URLs, so that an unchanged picture
goes to the browser as a reference to its cached copy.

Pictures have no tooltips and no click: the dashboard keeps the live Vega charts behind a
switch ("Biểu đồ tương tác"), for the map's click-to-filter and the tooltips. Their
values are printed on the charts themselves (labels on every bar, cell and tile).

Font: the browser draws an SVG picture with its own fonts only (not the page's web font),
so the text asks for the generic "sans-serif", which has Vietnamese letters on Windows,
macOS, Android and Debian alike (a named family such as Liberation Sans 1.07 lacks ơ, ư)."""
import base64
import hashlib
import json
import threading
from collections import OrderedDict

from core import charts, svg_worker
from core.numbers import VEGA_NUMBER_LOCALE

FONT = "sans-serif"
_started = threading.Lock()
_warming: list[threading.Thread] = []


def picture_spec(chart) -> dict:
    """The Vega-Lite dict a picture is drawn from: the chart's rows, sizes, title and
    locale, with the font. Built without schema validation (charts.spec: ~100 ms a chart;
    the dashboard's builders are validated by tests/test_dashboard_view.py)."""
    spec = charts.spec(chart)
    spec.setdefault("config", {})["font"] = FONT
    return spec


def svg_from_spec(spec: dict) -> str:
    """SVG text, offline (no URL may be fetched), drawn in core/svg_worker's process:
    vl-convert holds the GIL while it draws, which stopped every viewer's refresh."""
    # vl-convert ignores config.locale: the number locale is passed explicitly (12.345).
    return svg_worker.svg(spec, VEGA_NUMBER_LOCALE)


def svg(chart) -> str:
    """A chart of core/charts.py as SVG text."""
    return svg_from_spec(picture_spec(chart))


def data_url(svg_text: str) -> str:
    """An SVG as a data: URL, ready for st.image (which returns a URL unchanged: no
    per-viewer encoding)."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg_text.encode()).decode()


# Pictures by a hash of everything they are drawn from (issue 23): when the dashboard's
# view is computed again after a write, only the charts whose rows changed are redrawn
# (drawing is ~0.15 CPU-s a chart at city scale; hashing its spec well under 1 ms).
# Kept for every organiser a server hosts (issue 24: 127 organisers x 6 pictures, each a
# few tens of KB of SVG): at 96 the wards pushed each other's pictures out and every
# recompute redrew them all (bench/organisers.py).
PICTURES_KEPT = 1024
_pictures: "OrderedDict[str, str]" = OrderedDict()
_pictures_lock = threading.Lock()
drawn = {"drawn": 0, "reused": 0}


def spec_hash(spec: dict) -> str:
    return hashlib.sha256(json.dumps(spec, sort_keys=True, ensure_ascii=False,
                                     default=str).encode()).hexdigest()


def picture(chart) -> str:
    """The chart as a data: URL, drawn only if no picture of the same spec is kept."""
    spec = picture_spec(chart)
    key = spec_hash(spec)
    with _pictures_lock:
        if key in _pictures:
            _pictures.move_to_end(key)
            drawn["reused"] += 1
            return _pictures[key]
    url = data_url(svg_from_spec(spec))
    with _pictures_lock:
        _pictures[key] = url
        drawn["drawn"] += 1
        while len(_pictures) > PICTURES_KEPT:
            _pictures.popitem(last=False)
    return url


def clear_pictures() -> None:
    with _pictures_lock:
        _pictures.clear()
        drawn.update(drawn=0, reused=0)


def warm_up_in_background() -> None:
    """Start the drawing process and its vl-convert engine once, off the page's thread, so
    that the first dashboard does not wait for them."""
    with _started:
        if _warming:
            return
        thread = threading.Thread(target=_warm_up, name="llw-chart-warm-up", daemon=True)
        _warming.append(thread)
    thread.start()


def _warm_up() -> None:
    try:  # the worker process started and its engine loaded
        svg_worker.svg({"mark": "point"}, VEGA_NUMBER_LOCALE)
    except Exception:  # noqa: BLE001 - a failed warm-up only means a slower first page
        pass
