"""The server settings the dashboard's cost per viewer depends on (issue 14), and the
condition under which one of them is safe."""
import ast
import tomllib

from tests.conftest import ROOT


def config():
    return tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))


def test_no_forced_gc_no_file_watcher_no_magic_small_cached_messages():
    c = config()
    assert c["runner"]["postScriptGC"] is False
    assert c["runner"]["magicEnabled"] is False
    assert c["server"]["fileWatcherType"] == "none"
    assert c["global"]["minCachedMessageSize"] <= 2000  # every chart is cacheable


def bare_expressions(path):
    """Statements that Streamlit's magic would write to the page: a bare expression
    that is not a call and not a docstring."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if not isinstance(body, list):
            continue
        for i, statement in enumerate(body):
            if not isinstance(statement, ast.Expr):
                continue
            value = statement.value
            if isinstance(value, (ast.Call, ast.Await, ast.Yield, ast.YieldFrom)):
                continue
            if i == 0 and isinstance(value, ast.Constant) and isinstance(value.value, str):
                continue
            found.append(f"{path.name}:{statement.lineno}")
    return found


def test_no_page_relies_on_magic():
    scripts = [ROOT / "app.py", *sorted((ROOT / "app_pages").glob("*.py")),
               *sorted((ROOT / "components").glob("*.py"))]
    assert len(scripts) > 10
    assert [b for s in scripts for b in bare_expressions(s)] == []


def test_the_magic_check_finds_a_bare_expression(tmp_path):
    page = tmp_path / "page.py"
    page.write_text('"""doc"""\nimport streamlit as st\nx = 1\nx\nst.write(x)\n')
    assert bare_expressions(page) == ["page.py:4"]
