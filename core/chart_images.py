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
import threading

from core import charts
from core.numbers import VEGA_NUMBER_LOCALE

FONT = "sans-serif"
_started = threading.Lock()
_warming: list[threading.Thread] = []


def svg(chart) -> str:
    """A chart of core/charts.py as SVG text, offline (no URL may be fetched)."""
    import vl_convert  # a ~1 s engine start: only where pictures are drawn

    spec = charts.localised(chart, font=FONT).to_dict()
    # vl-convert ignores config.locale: the number locale is passed explicitly (12.345).
    return vl_convert.vegalite_to_svg(spec, allowed_base_urls=[],
                                      format_locale=VEGA_NUMBER_LOCALE)


def data_url(svg_text: str) -> str:
    """An SVG as a data: URL, ready for st.image (which returns a URL unchanged: no
    per-viewer encoding)."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg_text.encode()).decode()


def picture(chart) -> str:
    return data_url(svg(chart))


def warm_up_in_background() -> None:
    """Start vl-convert's engine once per process, off the page's thread, so that the
    first dashboard does not wait for it."""
    with _started:
        if _warming:
            return
        thread = threading.Thread(target=_warm_up, name="llw-chart-warm-up", daemon=True)
        _warming.append(thread)
    thread.start()


def _warm_up() -> None:
    try:
        import vl_convert

        vl_convert.vegalite_to_svg({"mark": "point"}, allowed_base_urls=[])
    except Exception:  # noqa: BLE001 - a failed warm-up only means a slower first page
        pass
