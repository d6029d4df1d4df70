"""Vietnamese in place of the few English words Streamlit 1.67 draws itself and offers no
parameter for: the file uploader's «Upload» button and «200MB per file • …» line
(streamlit/streamlit#13500), and the «Press Enter to apply / submit form» hint under text
inputs. Scoped CSS keyed on Streamlit's data-testid attributes only (no generated class
names), pinned by tests/browser/test_clerk_words.py: an upgrade that renames a testid fails
that test instead of silently showing English again."""
import streamlit as st

from core import texts


def upload_limit_mb() -> int:
    """What the browser lets through per file (server.maxUploadSize, in MB)."""
    return int(st.get_option("server.maxUploadSize"))


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def stylesheet() -> str:
    hint = texts.UPLOAD_HINT.format(mb=upload_limit_mb())
    return f"""<style>
/* the uploader's button: «Upload» -> «Chọn tệp» (the icon stays) */
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p {{
  font-size: 0; line-height: 0; }}
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p::after {{
  content: {_css_string(texts.UPLOAD_BUTTON)}; font-size: 1rem; line-height: 1.6; }}
/* «30MB per file • JPG, PNG» -> the Vietnamese hint of the uploader (set per uploader
   through --llw-upload-hint by components/look.uploader) */
[data-testid="stFileUploaderDropzoneInstructions"] span {{ font-size: 0; white-space: normal; }}
[data-testid="stFileUploaderDropzoneInstructions"] span::after {{
  content: var(--llw-upload-hint, {_css_string(hint)}); font-size: 0.875rem; }}
/* «Press Enter to apply / submit form»: hidden; the «12/200» counter of a field with a
   length limit stays (it is the last span; the hint, when shown, is the first) */
[data-testid="stTextInput"]:not(:has(input[maxlength])) [data-testid="InputInstructions"],
[data-testid="stTextArea"]:not(:has(textarea[maxlength])) [data-testid="InputInstructions"],
[data-testid="stNumberInput"] [data-testid="InputInstructions"] {{ display: none; }}
[data-testid="InputInstructions"] > span:first-child:not(:last-child) {{ display: none; }}
[data-testid="InputInstructions"] > span:last-child::before {{ content: none; }}
/* the running indicator keeps its icon; its English «Stop» button goes (a clerk has
   nothing to stop), and the connection notice says «Đang kết nối…» */
[data-testid="stStatusWidget"] button {{ display: none; }}
[data-testid="stConnectionStatus"] > :last-child {{ font-size: 0; }}
[data-testid="stConnectionStatus"] > :last-child::after {{
  content: {_css_string(texts.CONNECTING)}; font-size: 0.875rem; }}
/* phone: long widget labels wrap instead of being cut with «…» */
[data-testid="stWidgetLabel"] p {{ white-space: normal; overflow-wrap: anywhere; }}
</style>"""


def apply() -> None:
    """Once per run, before the page draws (st.html with only a <style> takes no space)."""
    st.html(stylesheet())


def uploader(label: str, *, key: str, hint: str, **kwargs):
    """st.file_uploader whose instruction line says `hint` (Vietnamese, with the real
    limit) instead of Streamlit's English; the same arguments otherwise."""
    with st.container(key=f"llw_upload_{key}"):
        st.html(f"<style>.st-key-llw_upload_{key} {{ --llw-upload-hint: {_css_string(hint)}; "
                f"}}</style>")
        return st.file_uploader(label, key=key, **kwargs)


def table(rows, **kwargs) -> None:
    """st.dataframe without Streamlit's English: an empty table («empty») becomes a
    Vietnamese line, a missing value («None») an empty cell."""
    if rows is None or len(rows) == 0:
        st.caption(texts.TABLE_EMPTY)
        return
    kwargs.setdefault("hide_index", True)
    kwargs.setdefault("width", "stretch")
    kwargs.setdefault("placeholder", "")
    st.dataframe(rows, **kwargs)
