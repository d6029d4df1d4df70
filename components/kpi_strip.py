"""The dashboard's seven figures as ONE block of HTML instead of seven st.metric tiles.

Seven metrics in two rows of columns are some 30 React components with their own styles:
they cost the browser 30–40 ms of main-thread work on every visit of the dashboard, the
largest part left once the charts became pictures (issue 14 §2). One st.html block draws
the same tiles: label, figure, change since the reference day (arrow and colour as
st.metric: green up, red down, grey when neutral or when the colour says nothing). The
grid wraps by itself on a phone. Every text is escaped: labels carry the organiser's
words, which an admin typed."""
from html import escape


CSS = """
.llw-kpis { display: grid; grid-template-columns: repeat(auto-fill, minmax(11.5rem, 1fr));
  gap: 1rem 1.5rem; margin: 0.25rem 0 0.5rem; }
.llw-kpi-label { font-size: 0.875rem; line-height: 1.4; }
.llw-kpi-value { font-size: 2.25rem; line-height: 1.25; padding: 0.25rem 0;
  white-space: nowrap; }
.llw-kpi-delta { display: inline-block; font-size: 0.875rem; line-height: 1.5;
  padding: 0 0.5rem; border-radius: 0.5rem; background: rgba(128, 132, 149, 0.12);
  color: rgba(49, 51, 63, 0.7); }
.llw-kpi-delta.llw-up { color: #0a7c3e; background: rgba(33, 195, 84, 0.12); }
.llw-kpi-delta.llw-down { color: #bd1f1f; background: rgba(255, 43, 43, 0.09); }
@media (max-width: 640px) {  /* a phone: two tiles a row, smaller figures */
  .llw-kpis { grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 0.75rem 1rem; }
  .llw-kpi-value { font-size: 1.6rem; }
}
"""


def direction(delta: str) -> str:
    """'+3' up, '-3' / '−3' down, '0' (or '0 điểm %') neutral."""
    text = delta.strip()
    if text.startswith("+"):
        return "up"
    if text.startswith(("-", "−")):
        return "down"
    return "flat"


def tile_html(label: str, value: str, delta: str | None, color: str) -> str:
    parts = [f'<div class="llw-kpi-label">{escape(label)}</div>',
             f'<div class="llw-kpi-value">{escape(value)}</div>']
    if delta is not None:
        way = direction(delta)
        arrow = {"up": "↑ ", "down": "↓ "}.get(way, "")
        shade = f" llw-{way}" if color == "normal" and way != "flat" else ""
        parts.append(f'<div><span class="llw-kpi-delta{shade}">{arrow}{escape(delta)}'
                     f"</span></div>")
    return f'<div class="llw-kpi" role="listitem">{"".join(parts)}</div>'


def strip_html(tiles: list[tuple]) -> str:
    """tiles: (label, value, delta or None, "normal" | "off"), as kpi_values() gives."""
    body = "".join(tile_html(*tile) for tile in tiles)
    return f'<div class="llw-kpis" role="list">{body}</div>'

