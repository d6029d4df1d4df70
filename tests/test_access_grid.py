"""Role × page: each role reaches exactly its pages, in the router and in the page itself."""
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from components.navigation import PAGES
from db import Actor

ROOT = Path(__file__).resolve().parent.parent
ROLES = ["unit", "committee", "admin", "leader"]
FORBIDDEN = "Trang này không dành cho vai trò của bạn."


@pytest.fixture
def actors(db, admin, committee, unit_user):
    from tests.conftest import make_user
    return {"admin": admin, "committee": committee, "unit": unit_user,
            "leader": make_user(db, "lanh.dao", "leader")}


@pytest.mark.parametrize("spec", PAGES, ids=lambda p: p.script)
@pytest.mark.parametrize("role", ROLES)
def test_router_serves_a_page_only_to_its_roles(app_for, actors, role, spec):
    at = app_for(actors[role])
    assert not at.exception
    # the unit here is a school: «Mô hình học tập» is not its page (h7, on purpose)
    school_without_models = role == "unit" and spec.script == "unit_models.py"
    if role in spec.roles and not school_without_models:
        at.switch_page(f"app_pages/{spec.script}").run()
        assert not at.exception, at.exception
        assert at.title and at.title[0].value == spec.title
        assert FORBIDDEN not in [e.value for e in at.error]
    else:
        with pytest.raises(ValueError):
            at.switch_page(f"app_pages/{spec.script}")


@pytest.mark.parametrize("spec", PAGES, ids=lambda p: p.script)
def test_anonymous_visitor_reaches_no_page(app_for, admin, spec):
    at = app_for(None)
    assert any(t.label == "Tên đăng nhập" for t in at.text_input)
    with pytest.raises(ValueError):
        at.switch_page(f"app_pages/{spec.script}")


@pytest.mark.parametrize("spec", PAGES, ids=lambda p: p.script)
def test_page_script_refuses_a_wrong_role_by_itself(db_path, spec, monkeypatch):
    """Defence in depth: run the page script directly, as if the router were bypassed."""
    monkeypatch.chdir(ROOT)
    wrong = next(r for r in ROLES + ["anonymous"] if r not in spec.roles)
    at = AppTest.from_file(str(ROOT / "app_pages" / spec.script), default_timeout=60)
    if wrong != "anonymous":
        at.session_state["actor"] = Actor(999, "x", wrong, None)
    at.run()
    assert FORBIDDEN in [e.value for e in at.error]
    assert not at.title


def test_each_role_has_the_pages_design_lists():
    by_role = {r: {p.url_path for p in PAGES if r in p.roles} for r in ROLES}
    assert len(by_role["unit"]) == 8 and len(by_role["committee"]) == 10  # + roll-up (issue 15)
    assert len(by_role["admin"]) == 5
    assert by_role["leader"] == {"phe-duyet-du-tru", "tai-khoan"}  # approves the budget
    assert all("tai-khoan" in pages for pages in by_role.values())


def test_there_is_no_pages_folder():
    """Streamlit would serve a pages/ folder by URL to anyone on a fresh server."""
    assert not (ROOT / "pages").exists()
