"""Show user-entered text as text, never as markdown.

`st.markdown`, `st.write`, `st.caption`, `st.subheader`, widget labels and `[label](url)` all
render markdown (and Streamlit's own extensions: `:red[...]`, `:material/...:`, `$LaTeX$`).
A title such as ``![](http://host/x.png)`` therefore becomes a real ``<img>`` that the
viewer's browser fetches (a tracking pixel / blind GET from inside the office network).

Use these two functions for anything a user typed or imported (titles, descriptions, notes,
links, unit names, achievements…):

- ``md(value) -> str`` — the text escaped for embedding in a markdown string, e.g.
  ``st.markdown(f"**{md(unit_name)}** — {md(title)}")`` or ``st.caption(md(note))``.
  Every character markdown acts on anywhere (``\\ ` * _ [ ] < > | $ ~ { } #``) is
  backslash-escaped (CommonMark shows a backslash-escaped punctuation character as itself),
  and so are the ones that act only at the start of a line (``- + = >`` and the ``.`` or
  ``)`` of ``1.``), so no image, link, heading, list, emphasis, table, HTML, colour
  directive or formula survives; plain sentences («…», parentheses, full stops) are left
  untouched. Line breaks are kept as markdown hard breaks.
- ``show_text(value, *, caption=False)`` — shows the text on its own line (as ``st.markdown``
  or ``st.caption`` of ``md(value)``). Nothing is shown for empty text.
- ``show_link(url)`` — a link shown as plain text (``st.code``, with its copy button), never
  as a clickable link; the address stays selectable and copyable.
- ``show_heading(value)`` — a heading made of user text (``st.html`` of the escaped text).

Autolinks: Streamlit's markdown has GFM autolink literals, applied AFTER backslash escapes
are resolved, so escaping alone would leave a bare address (``http://…``, ``www.…``,
``a@b.c``) a clickable link. ``md`` therefore puts an invisible word joiner (U+2060) inside
``://``, ``www.`` and after ``@``: the reader sees the address, nothing links (checked in
Chromium). Copying such prose copies the joiner too, so show addresses meant to be copied
with ``show_link`` (``st.code``) and headings with ``show_heading`` (no markdown at all).

Tables (`st.dataframe`) already show cells as text; they need no escaping.
"""
import html
import re

import streamlit as st

# Active anywhere in a line: escapes, code, emphasis, links/images/directives, HTML and
# autolinks, tables, LaTeX, strikethrough, attribute braces, headings.
_ANYWHERE = re.compile(r"([\\`*_\[\]<>|$~{}#])")
# Active only at the start of a line: lists, setext underlines, block quotes, ordered lists.
_LINE_START = re.compile(r"^(\s*)([-+=>])", re.M)
_ORDERED = re.compile(r"^(\s*\d+)([.)])", re.M)
# What GFM turns into a link by itself: "scheme:/", "www." and the "@" of an e-mail address.
_AUTOLINK = re.compile(r":/|(?i:www)\\?\.|@.")
_JOINER = "\u2060"


def md(value) -> str:
    """`value` as markdown source that renders as exactly that text."""
    if value is None:
        return ""
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    escaped = _ANYWHERE.sub(r"\\\1", text)
    escaped = _ORDERED.sub(r"\1\\\2", _LINE_START.sub(r"\1\\\2", escaped))
    # GFM autolink literals act after escapes are resolved: a word joiner (U+2060, invisible)
    # inside "://", "www." and after "@" keeps a bare address from becoming a link.
    escaped = _AUTOLINK.sub(lambda m: m.group(0)[:-1] + _JOINER + m.group(0)[-1], escaped)
    # A hard line break (two spaces would be stripped by an editor; a backslash is explicit).
    return escaped.replace("\n", "\\\n")


def show_text(value, *, caption: bool = False) -> None:
    """Show user text as text (see the module's docstring)."""
    if value is None or str(value) == "":
        return
    (st.caption if caption else st.markdown)(md(value))


def show_link(url) -> None:
    """A user-entered address shown as text (copyable), not as a link: markdown would make
    any bare address a clickable link (GFM autolinks), escaped or not."""
    if url is None or str(url) == "":
        return
    st.code(str(url), language=None, wrap_lines=True)


def show_heading(value, level: int = 4) -> None:
    """User text as a heading, through HTML-escaping rather than markdown (no autolink, no
    element, no directive: the characters as typed)."""
    if value is None or str(value) == "":
        return
    st.html(f"<h{level}>{html.escape(str(value))}</h{level}>")
