"""Issue 13's last gaps (h13, session 3) that need no browser: every form waits for its
button (Enter in a field does not send a half-filled form), and no uploader lets the
browser refuse a file with Streamlit's English («… files are not allowed»)."""
import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = sorted([*ROOT.glob("app_pages/*.py"), *ROOT.glob("components/*.py"), ROOT / "app.py"])


def calls(name: str):
    """(file, line, call) for every `st.<name>(...)` in the app's own code."""
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                    and node.func.attr == name and isinstance(node.func.value, ast.Name) \
                    and node.func.value.id == "st":
                yield path.relative_to(ROOT), node.lineno, node


def keyword(call: ast.Call, name: str):
    return next((k.value for k in call.keywords if k.arg == name), None)


def test_no_form_submits_on_enter():
    forms = list(calls("form"))
    assert len(forms) >= 20  # the scan sees the app's forms
    wrong = [f"{path}:{line}" for path, line, call in forms
             if not (isinstance(keyword(call, "enter_to_submit"), ast.Constant)
                     and keyword(call, "enter_to_submit").value is False)]
    assert wrong == [], "st.form without enter_to_submit=False: " + ", ".join(wrong)
