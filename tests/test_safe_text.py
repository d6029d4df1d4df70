"""components.safe_text: user text shown as text, never as markdown."""
from streamlit.testing.v1 import AppTest

from components.safe_text import md

HOSTILE = ["- gạch đầu dòng", "> trích dẫn", "+ cộng", "=====", "![](http://host/x.png)", "[bấm](http://host/u)", "# Tiêu đề", "**đậm**",
           ":red[đỏ]", ":material/home:", "$x^2$", "<img src=x>", "a\\b", "1. danh sách",
           "https://a.b/x)![](http://host/u.png"]


def test_md_escapes_every_markdown_character():
    import re

    for text in HOSTILE:
        escaped = md(text)
        # remove every backslash pair: no markdown-active character may be left bare
        bare = re.sub(r"\\.", "", escaped)
        assert not set(bare) & set("[]#*$<>`_~|{}"), (text, escaped)
        # nothing else changed but the invisible word joiners that stop autolinks
        assert re.sub(r"\\(.)", r"\1", escaped).replace("\u2060", "") == text
    for line_start in ("- a", "+ a", "> a", "= a", "1. a", "2) a"):
        assert "\\" in md(line_start)[:3], line_start  # lists, quotes, underlines escaped
    assert md("Số lượng phải từ 1 trở lên (ít nhất).") == "Số lượng phải từ 1 trở lên (ít nhất)."
    assert md(None) == ""
    assert md("Học tập\nsuốt đời") == "Học tập\\\nsuốt đời"


def test_rendered_markdown_keeps_the_text_and_no_image():
    def page():
        import streamlit as st
        from components.safe_text import md, show_text
        show_text("![](http://host/x.png) **đậm** [a](http://h/)")
        st.markdown(f"**Đơn vị:** {md(':red[x] # h')}")

    at = AppTest.from_function(page).run()
    texts = [m.value for m in at.markdown]
    assert texts[0] == md("![](http://host/x.png) **đậm** [a](http://h/)")
    assert "!\\[\\](http:" in texts[0]


def test_md_leaves_no_bare_address_for_gfm_autolinks():
    """Streamlit's markdown links bare addresses after escapes are resolved: a word joiner
    (U+2060) inside '://', 'www.' and after '@' stops it (checked in Chromium: 0 links)."""
    import re

    for text in ("xem http://host/x.png", "WWW.evil.com", "gửi a@b.co nhé",
                 "https://a.b/x)![](http://host/u.png"):
        shown = re.sub(r"\\(.)", r"\1", md(text))
        assert not re.search(r"://|www\.|@\w", shown, re.I), shown
        assert shown.replace("\u2060", "") == text
