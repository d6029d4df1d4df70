"""The dashboard's figures, pictures and tables as ONE st.html block (issue 23).

A refresh of the dashboard's fragment costs the server per element it sends, not per byte:
each element is a message handed from the script's thread to the event loop (a wake-up and
a GIL hand-off each), hashed and queued. With 28 of them (the filters, the toggle, four
columns, six pictures, headings, tables) one server process served ~90 refreshes a second,
and 300 viewers refreshing within the few seconds after each recompute queued up for more
than a second. The same content as one block of HTML is one message: the seven tiles, their
note, the six pictures in a grid that keeps the layout of the columns (the map wider than
the heatmap, then two columns; one column on a phone), the feed and the years' table.

Every text is escaped (labels carry an admin's words; tables are components/plain_table's
escaped cells); the pictures are data: URLs of SVG drawn on the server, with their titles
as text alternatives. st.html sanitises the block once more in the browser."""
import base64
import re
import threading
from collections import OrderedDict
from html import escape

from components import kpi_strip

CSS = """
.llw-charts { display: grid; gap: 1rem 1.5rem; margin: 0.5rem 0 1rem;
  grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); }
.llw-charts.llw-dense { grid-template-columns: minmax(0, 1fr); }
.llw-charts-pair { display: grid; gap: 1rem 1.5rem; margin: 0 0 1rem;
  grid-template-columns: repeat(2, minmax(0, 1fr)); }
.llw-chart-column { display: flex; flex-direction: column; gap: 1rem; min-width: 0; }
.llw-charts img, .llw-charts-pair img { display: block; width: 100%; height: auto; }
.llw-block-heading { font-size: 1.5rem; font-weight: 600; line-height: 1.2;
  margin: 1rem 0 0.5rem; padding: 0; }
.llw-block-note { font-size: 0.875rem; line-height: 1.4; color: rgba(49, 51, 63, 0.6);
  margin: 0 0 0.5rem; }
@media (max-width: 640px) {  /* a phone: one picture a row, as Streamlit's columns do */
  .llw-charts, .llw-charts-pair { grid-template-columns: minmax(0, 1fr); }
}
"""


SVG_SIZE = re.compile(rb'<svg[^>]*?\swidth="([\d.]+)"[^>]*?\sheight="([\d.]+)"')


def picture_size(url: str) -> tuple[str, str] | None:
    """(width, height) of an SVG data: URL's picture, read from the start of its text."""
    head = url.partition(",")[2][:800]
    try:
        found = SVG_SIZE.search(base64.b64decode(head[:len(head) // 4 * 4]))
    except ValueError:
        return None
    return (found.group(1).decode(), found.group(2).decode()) if found else None


def picture(url: str, alt: str) -> str:
    """An <img> that keeps its place while it is decoded: its width and height attributes
    give the browser its proportions, so a redrawn block does not make the page jump."""
    size = picture_size(url)
    sized = f' width="{size[0]}" height="{size[1]}"' if size else ""
    return f'<img class="llw-chart" src="{escape(url)}" alt="{escape(alt)}"{sized}>'


def note(text: str) -> str:
    return f'<p class="llw-block-note">{escape(text)}</p>'


def heading(text: str) -> str:
    return f'<h3 class="llw-block-heading">{escape(text)}</h3>'


def charts_html(view: dict) -> str:
    """The six pictures: map and heatmap side by side (one under the other when the map
    has many areas: `dense`), then per day and channels | tiers and slogans."""
    pictures = {name: picture(url, view["titles"][name])
                for name, url in view["charts"].items()}
    top = "llw-charts llw-dense" if view["dense"] else "llw-charts"
    return (f'<div class="{top}">{pictures["map"]}{pictures["heatmap"]}</div>'
            '<div class="llw-charts-pair">'
            f'<div class="llw-chart-column">{pictures["per_day"]}{pictures["channels"]}</div>'
            f'<div class="llw-chart-column">{pictures["tiers"]}{pictures["slogans"]}</div>'
            "</div>")


def tables_html(view: dict, words: dict) -> str:
    """The feed (or the line saying nothing was entered) and, with several years, the
    years' table with its note. `words`: the headings and notes (core/texts)."""
    parts = [heading(words["feed"]), view["feed"] or note(words["feed_empty"])]
    if view["years"] is not None:
        parts += [heading(words["years"]), note(words["years_note"]), view["years"]]
    return "".join(parts)


def head_html(kpis: list[tuple], kpi_help: str) -> str:
    """The seven tiles and the one line saying what their changes compare with."""
    return kpi_strip.strip_html(kpis) + note(kpi_help)


def block_html(view: dict, kpis: list[tuple], kpi_help: str, words: dict) -> str:
    """Tiles, their note, the pictures, the tables: all a refresh of the picture view
    sends besides the line of its time."""
    return head_html(kpis, kpi_help) + charts_html(view) + tables_html(view, words)


class Prepared(str):
    """HTML that st.html takes as it is: through `_repr_html_`, which Streamlit 1.67 uses
    before its own clean-up (a dedent and a file-path check of the whole text: about a
    quarter of a refresh's server time for this block, data: URLs included)."""

    def _repr_html_(self) -> str:
        return str(self)


# (id(view), tiles, note, words) -> (view, Prepared), least recently used first. Every
# script thread of the server reads and evicts it: one lock. Room for the default view of
# every organiser a server hosts (issue 24: 127) and some filtered ones; fewer made the
# organisers' views push each other out and be assembled again on every refresh.
PREPARED_KEPT = 256
_prepared: "OrderedDict[tuple, tuple]" = OrderedDict()
_prepared_lock = threading.Lock()


def prepared_block(view: dict, kpis: list[tuple], kpi_help: str, words: dict) -> Prepared:
    """block_html assembled once per view for every viewer (a refresh of an unchanged view
    only looks it up). The view is kept with its entry: its id cannot be reused meanwhile."""
    key = (id(view), tuple(kpis), kpi_help, tuple(sorted(words.items())))
    with _prepared_lock:
        found = _prepared.get(key)
        if found is not None and found[0] is view:
            _prepared.move_to_end(key)
            return found[1]
    html = Prepared(block_html(view, kpis, kpi_help, words))  # outside the lock
    with _prepared_lock:
        _prepared[key] = (view, html)
        while len(_prepared) > PREPARED_KEPT:
            _prepared.popitem(last=False)
    return html
