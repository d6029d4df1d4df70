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


def test_no_uploader_lets_the_browser_refuse_a_file_kind():
    """With type=, Streamlit's browser code refuses another kind with «image/gif files are
    not allowed.» (English) and its server raises; the app checks the kind itself."""
    uploaders = [(path, line, call) for name in ("file_uploader", "uploader")
                 for path, line, call in calls(name)]
    for path in SOURCES:  # look.uploader(...) is called as an attribute of `look`
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                    and node.func.attr == "uploader":
                uploaders.append((path.relative_to(ROOT), node.lineno, node))
    assert len(uploaders) >= 3
    typed = [f"{path}:{line}" for path, line, call in uploaders if keyword(call, "type")]
    assert typed == [], "uploader with type=: " + ", ".join(typed)


PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n" * 20


def test_a_wrong_kind_of_file_is_refused_in_vietnamese_and_nothing_imported(app_for, admin,
                                                                             committee, db):
    from core import texts

    at = app_for(committee)
    at.switch_page("app_pages/committee_import.py").run()
    before = db.execute("select count(*) from activities").fetchone()[0]
    for name in ("bang-tinh.pdf", "bang-tinh.xlsx", "bang-tinh.xls"):  # the .xlsx is a PDF
        at.file_uploader(key="cimp_act_upload").upload(name, PDF, "application/pdf").run()
        assert not at.exception
        shown = [e.value.replace("\\", "") for e in at.error]  # md() escapes the dot
        assert shown == [texts.IMP_WRONG_KIND.format(name=name)], name
        go = [b for b in at.button if b.key == "cimp_act_go"]
        if go:  # pressing «Nhập» anyway writes nothing
            go[0].click().run()
            assert not at.exception
    assert db.execute("select count(*) from activities").fetchone()[0] == before
