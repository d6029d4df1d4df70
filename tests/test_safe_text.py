"""components.safe_text: user text shown as text, never as markdown."""
from streamlit.testing.v1 import AppTest

from components.safe_text import md

HOSTILE = ["![](http://host/x.png)", "[bấm](http://host/u)", "# Tiêu đề", "**đậm**",
           ":red[đỏ]", ":material/home:", "$x^2$", "<img src=x>", "a\\b", "1. danh sách",
           "https://a.b/x)![](http://host/u.png"]


def test_md_escapes_every_markdown_character():
    for text in HOSTILE:
        escaped = md(text)
        for ch in "![]()#*:$<>\\":
            # every special character is preceded by a backslash
            for i, c in enumerate(escaped):
                if c == ch and (i == 0 or escaped[i - 1] != "\\"):
                    assert escaped[i - 1:i] == "\\" or (c == "\\" and escaped[i + 1:i + 2]), (text, escaped)
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
    assert "\\!\\[\\]\\(http\\:" in texts[0]
