"""The dashboard's tables — the feed («Dữ liệu mới nhập») and, with several years, «So sánh
các năm» — as ONE plain HTML table each instead of st.dataframe.

Issue 23: once the charts were pictures, st.dataframe's grid was the largest part of the
dashboard's browser work left — the glide grid's own script chunk and styled components,
then its canvas drawn a frame after the rest of the page (tracing Chromium's main thread:
most of the ≈50 ms the dashboard cost beyond the account page). Fifteen rows (or one per
year) need no scrolling, sorting or search: a table of text shows them, and wraps a long unit name or
title instead of cutting it (a projector shows no tooltip, and «full text on click» needed a
click). Every cell is escaped text — a clerk's title is never markdown nor HTML — and
st.html sanitises the block once more. Built once per view for every viewer; an unchanged
table goes to the browser as a reference to its cached copy."""
from html import escape

CSS = """
.llw-table-box { overflow-x: auto; border: 1px solid rgba(49, 51, 63, 0.1);
  border-radius: 0.5rem; }
.llw-table { width: 100%; border-collapse: collapse; font-size: 0.875rem; line-height: 1.4;
  color: rgb(49, 51, 63); }
.llw-table th, .llw-table td { padding: 0.3rem 0.5rem; vertical-align: top;
  border-bottom: 1px solid rgba(49, 51, 63, 0.1); }
.llw-table th { text-align: left; font-weight: 400; color: rgba(49, 51, 63, 0.7);
  background: rgba(49, 51, 63, 0.03); vertical-align: bottom; }
.llw-table tbody tr:last-child td { border-bottom: none; }
.llw-table td { overflow-wrap: anywhere; min-width: 6rem; }
.llw-table .llw-wide { min-width: 10rem; }  /* a narrow screen scrolls, not 7-line cells */
.llw-table .llw-nowrap { white-space: nowrap; overflow-wrap: normal; min-width: 0; }
.llw-table .llw-num { text-align: right; min-width: 0; }
.llw-table td.llw-num { white-space: nowrap; }  /* a long heading wraps, a figure never */
"""


def table_html(rows: list[dict], name: str, numeric: tuple = (), nowrap: tuple = (),
               wide: tuple = ()) -> str | None:
    """rows: column name -> text (every row the same columns, in order). Columns named in
    `numeric` are right-aligned figures, those in `nowrap` stay on one line (times,
    kinds); the others wrap, those in `wide` (names, titles) keep a wider least width.
    `name`: the table's own class, llw-<name> (the benchmark waits for llw-feed's rows).
    None without rows."""
    if not rows:
        return None
    columns = list(rows[0])

    def cls(name):
        return (' class="llw-num"' if name in numeric else
                ' class="llw-nowrap"' if name in nowrap else
                ' class="llw-wide"' if name in wide else "")

    head = "".join(f'<th scope="col"{cls(c)}>{escape(c)}</th>' for c in columns)
    body = "".join(
        "<tr>" + "".join(f"<td{cls(c)}>{escape(str(row.get(c) or ''))}</td>"
                         for c in columns) + "</tr>"
        for row in rows)
    return (f'<div class="llw-table-box"><table class="llw-table llw-{escape(name)}"><thead>'
            f"<tr>{head}</tr></thead><tbody>{body}</tbody></table></div>")
