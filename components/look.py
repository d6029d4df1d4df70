"""Vietnamese in place of the few English words Streamlit 1.67 draws itself and offers no
parameter for: the file uploader's «Upload» button and «200MB per file • …» line
(streamlit/streamlit#13500), and the «Press Enter to apply / submit form» hint under text
inputs. Scoped CSS keyed on Streamlit's data-testid attributes only (no generated class
names), pinned by tests/browser/test_clerk_words.py: an upgrade that renames a testid fails
that test instead of silently showing English again. English under drawn Vietnamese is
hidden (display: none), not shrunk: a screen reader reads what font-size 0 only hides from
the eye. The names Streamlit gives its own elements (aria-label, the skip link, the
calendar) are put in Vietnamese by a small script (FULL_VALUE_JS, texts.STREAMLIT_*)."""
import streamlit as st

from core import texts


def upload_limit_mb() -> int:
    """What the browser lets through per file (server.maxUploadSize, in MB)."""
    return int(st.get_option("server.maxUploadSize"))


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def stylesheet() -> str:
    from components.plain_table import CSS as TABLE_CSS
    from components.kpi_strip import CSS as KPI_CSS
    from components.dashboard_block import CSS as BLOCK_CSS

    hint = texts.UPLOAD_HINT.format(mb=upload_limit_mb())
    return f"""<style>
{KPI_CSS}
{TABLE_CSS}
{BLOCK_CSS}
/* the uploader's button: «Upload» -> «Chọn tệp» (the icon stays). The English is hidden
   (display: none takes it out of what a screen reader reads; font-size 0 did not) and the
   Vietnamese is its container's generated text, which is read as the button's name */
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p {{
  display: none; }}
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"]::after {{
  content: {_css_string(texts.UPLOAD_BUTTON)}; font-size: 1rem; line-height: 1.6; }}
/* «30MB per file • JPG, PNG» -> the Vietnamese hint of the uploader (set per uploader
   through --llw-upload-hint by components/look.uploader), the same way */
[data-testid="stFileUploaderDropzoneInstructions"] span {{ display: none; }}
[data-testid="stFileUploaderDropzoneInstructions"] > div::after {{
  content: var(--llw-upload-hint, {_css_string(hint)}); font-size: 0.875rem;
  white-space: normal; }}
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
/* phone: a table's toolbar (shown on a touch, 44 px above the table) gets a place of its
   own instead of covering the heading or the tabs above the table */
@media (max-width: 640px) {{
  [data-testid="stDataFrame"] {{ margin-top: 2.75rem; }}
}}
/* phone: long widget labels wrap instead of being cut with «…» */
[data-testid="stWidgetLabel"] p {{ white-space: normal; overflow-wrap: anywhere; }}
/* phone: long choices («Hoạt động giáo dục › Tập huấn kỹ năng khai thác thông tin trên
   Internet an toàn») wrap in the open list instead of being cut at the right edge
   (a list of more than 25 choices is virtualised with fixed rows: its options are not
   children of the listbox and stay on one line) */
[data-testid="stSelectboxVirtualDropdown"] [role="listbox"] > [role="option"] {{
  height: auto; min-height: 2.5rem; }}
[data-testid="stSelectboxVirtualDropdown"] [role="listbox"] > [role="option"] > div {{
  height: auto; min-height: 1.75rem; padding-top: 0.25rem; padding-bottom: 0.25rem;
  white-space: normal; overflow-wrap: anywhere; }}
/* the chosen value when its box cuts it: written in full under the box (FULL_VALUE_JS),
   whose own element takes no room */
.st-key-llw_look_script,
[data-testid="stLayoutWrapper"]:has(> .st-key-llw_look_script) {{ display: none; }}
.llw-full-value {{ font-size: 0.875rem; line-height: 1.4; margin-top: 0.25rem;
  color: rgba(49, 51, 63, 0.75); white-space: normal; overflow-wrap: anywhere; }}
</style>"""


# Runs in the browser, installed once per tab. (1) A selectbox shows its chosen value in an
# <input>, which cannot wrap: on a phone a long
# activity type is cut. This writes the whole value under the box while the box cuts it
# (and only then), following every change on the page (a choice inside a form does not
# rerun the script, so the server cannot draw it). (2) Streamlit's English names, tooltips
# and lines become Vietnamese (Streamlit 1.67 has no parameter for them; its date fields
# come from react-aria, which ships no Vietnamese).
FULL_VALUE_JS = """<script>
(() => {
  if (window.__llwFullValue) return;
  window.__llwFullValue = true;
  const update = () => {
    const inputs = document.querySelectorAll(
      '[data-testid="stSelectbox"] input[role="combobox"]');
    for (const input of inputs) {
      const box = input.closest('[data-testid="stSelectbox"]');
      let line = box.querySelector(':scope > .llw-full-value');
      const cut = input.value && input.scrollWidth > input.clientWidth + 1;
      if (!cut) { if (line) line.remove(); continue; }
      if (!line) {
        line = document.createElement('div');
        line.className = 'llw-full-value';
        line.setAttribute('aria-hidden', 'true');  // the box itself is read out
        box.appendChild(line);
      }
      if (line.textContent !== input.value) line.textContent = input.value;
    }
  };
  // Streamlit's own English: the names a screen reader reads out (aria-label, a date
  // field's «Empty»), whole names or their first words (texts.STREAMLIT_PREFIXES), a
  // material icon's «check_circle icon», the tooltips of the table toolbar, and a few lines
  // of text (the skip link, «No results», the calendar's hint). Text is replaced, not
  // covered: what is drawn and what is heard are the same Vietnamese.
  const WORDS = __WORDS__, PREFIXES = Object.entries(__PREFIXES__), ICONS = __ICONS__,
    TEXTS = __TEXTS__;
  const translate = (said) => {
    if (WORDS[said] !== undefined) return WORDS[said];
    for (const [english, put] of PREFIXES)
      if (said.startsWith(english)) return put + (translate(said.slice(english.length))
                                                   ?? said.slice(english.length));
    return null;
  };
  const icon = (el, said) => {
    const name = said.slice(0, -' icon'.length);
    if (ICONS[name] !== undefined) el.setAttribute('aria-label', ICONS[name]);
    else { el.removeAttribute('aria-label'); el.setAttribute('aria-hidden', 'true'); }
  };
  // whole lines anywhere; Streamlit's words in its tooltips and in the calendar's dialog
  // (its hidden heading «Choose date, tháng 12 năm 2026») only: never a person's own text
  const textNode = (n) => {
    const said = n.data.trim();
    const inside = n.parentElement && n.parentElement.closest(
      '[data-testid="stTooltipContent"], [role="dialog"]');
    let put = TEXTS[said] ?? (inside ? translate(said) : null);
    // a button's hidden «add icon» (its name is its aria-label, put in Vietnamese above)
    if (/^[a-z0-9_]+ icon$/.test(said) && n.parentElement && n.parentElement.closest('button'))
      put = ICONS[said.slice(0, -' icon'.length)] ?? '';
    if (put !== undefined && put !== null && put !== said) n.data = put;
  };
  const texts = (root) => {
    if (root.nodeType === Node.TEXT_NODE) { textNode(root); return; }
    if (root.nodeType !== Node.ELEMENT_NODE) return;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) textNode(n);
  };
  let pending = [document.body];
  const vietnamese = () => {
    for (const el of document.querySelectorAll('[aria-label], [aria-valuetext]')) {
      const said = el.getAttribute('aria-label');
      if (said && /^[a-z0-9_]+ icon$/.test(said)) icon(el, said);
      else if (said) {
        const put = translate(said);
        if (put !== null && put !== said) el.setAttribute('aria-label', put);
      }
      const value = el.getAttribute('aria-valuetext');
      if (value && WORDS[value] !== undefined) el.setAttribute('aria-valuetext', WORDS[value]);
    }
    const roots = pending;
    pending = [];
    for (const root of roots) if (root.isConnected) texts(root);
  };
  let queued = false;
  const later = () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => { queued = false; update(); vietnamese(); });
  };
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'childList') pending.push(...r.addedNodes);
      else if (r.type === 'characterData') pending.push(r.target);
    }
    later();
  }).observe(document.body, {
    subtree: true, childList: true, characterData: true, attributes: true,
    attributeFilter: ['value', 'aria-label', 'aria-valuetext']});
  window.addEventListener('resize', later);
  document.addEventListener('focusin', later, true);
  document.addEventListener('focusout', later, true);
  later();
})();
</script>"""


def apply() -> None:
    """Once per run, before the page draws (st.html with only a <style> takes no space)."""
    st.html(stylesheet())
    with st.container(key="llw_look_script"):
        st.html(script(), unsafe_allow_javascript=True)


def script() -> str:
    import json

    return (FULL_VALUE_JS.replace("__WORDS__", json.dumps(texts.STREAMLIT_WORDS))
            .replace("__PREFIXES__", json.dumps(texts.STREAMLIT_PREFIXES))
            .replace("__ICONS__", json.dumps(texts.STREAMLIT_ICON_WORDS))
            .replace("__TEXTS__", json.dumps(texts.STREAMLIT_TEXTS)))


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
