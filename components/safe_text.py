"""Show user-entered text as text, never as markdown.

`st.markdown`, `st.write`, `st.caption`, `st.subheader`, widget labels and `[label](url)` all
render markdown (and Streamlit's own extensions: `:red[...]`, `:material/...:`, `$LaTeX$`).
A title such as ``![](http://host/x.png)`` therefore becomes a real ``<img>`` that the
viewer's browser fetches (a tracking pixel / blind GET from inside the office network).

Use these two functions for anything a user typed or imported (titles, descriptions, notes,
links, unit names, achievements…):

- ``md(value) -> str`` — the text escaped for embedding in a markdown string, e.g.
  ``st.markdown(f"**{md(unit_name)}** — {md(title)}")`` or ``st.caption(md(note))``.
  Every ASCII punctuation character markdown could act on is backslash-escaped (CommonMark
  allows a backslash before any ASCII punctuation, and it then shows the character itself),
  so no image, link, heading, emphasis, colour directive, icon shortcode or formula survives.
  Line breaks are kept as markdown hard breaks.
- ``show_text(value, *, caption=False)`` — shows the text on its own line (as ``st.markdown``
  or ``st.caption`` of ``md(value)``). Nothing is shown for empty text.
- ``show_link(url)`` — a link shown as plain text (escaped), never as a clickable markdown
  link; the address stays selectable and copyable.

Tables (`st.dataframe`) already show cells as text; they need no escaping.
"""
import re

import streamlit as st

# Every ASCII punctuation character (CommonMark: any of them may be backslash-escaped).
_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")


def md(value) -> str:
    """`value` as markdown source that renders as exactly that text."""
    if value is None:
        return ""
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    escaped = _PUNCTUATION.sub(r"\\\1", text)
    # A hard line break (two spaces would be stripped by an editor; a backslash is explicit).
    return escaped.replace("\n", "\\\n")


def show_text(value, *, caption: bool = False) -> None:
    """Show user text as text (see the module's docstring)."""
    if value is None or str(value) == "":
        return
    (st.caption if caption else st.markdown)(md(value))


def show_link(url) -> None:
    """A user-entered address shown as text, not as a markdown link."""
    show_text(url)
