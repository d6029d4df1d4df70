"""Issue 20 deliver 7: every selectbox and multiselect of the app names its own Vietnamese
placeholder. Without one Streamlit 1.67 writes «Choose an option» in an empty box, and a
box whose empty choice (None) is chosen is drawn with its placeholder after a rerun."""
import ast

from tests.conftest import ROOT


def calls_without_placeholder(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [f"{path.relative_to(ROOT)}:{node.lineno}" for node in ast.walk(tree)
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and node.func.attr in ("selectbox", "multiselect")
            and not {k.arg for k in node.keywords} & {"placeholder", None}]


def test_every_box_has_a_vietnamese_placeholder():
    scripts = [ROOT / "app.py", *sorted((ROOT / "app_pages").glob("*.py")),
               *sorted((ROOT / "components").glob("*.py"))]
    assert [c for s in scripts for c in calls_without_placeholder(s)] == []


def test_the_check_finds_a_box_without_one(tmp_path):
    page = ROOT / "tests" / "_placeholder_probe.py"
    try:
        page.write_text("import streamlit as st\nst.selectbox('a', [1])\n"
                        "st.selectbox('b', [1], placeholder='Chọn…')\n")
        assert calls_without_placeholder(page) == ["tests/_placeholder_probe.py:2"]
    finally:
        page.unlink()


def test_a_filter_says_all_whichever_way_streamlit_draws_it():
    """pickers.code_select with an empty choice: its placeholder is that choice's label."""
    from unittest import mock

    from components import pickers
    from core import texts

    with mock.patch("streamlit.selectbox") as selectbox:
        pickers.code_select("Phường", {"00001": "Phúc Xá"}, key="k",
                            optional_label=texts.FILTER_ALL)
    assert selectbox.call_args.kwargs["placeholder"] == texts.FILTER_ALL
