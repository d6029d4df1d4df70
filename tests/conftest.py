"""Shared fixtures: a real temporary SQLite file per test (no mocks), actors of each role,
and an AppTest factory that signs a user in by session state."""
import json
import os
from pathlib import Path

import pytest

os.environ.setdefault("LLW_BCRYPT_ROUNDS", "4")  # fast hashing in tests only
os.environ.setdefault("LLW_LOGIN_SLEEP", "0")
ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "Học tập suốt đời 2020!"


@pytest.fixture
def db_path(tmp_path, monkeypatch):
    path = tmp_path / "llw.db"
    monkeypatch.setenv("LLW_DB", str(path))
    from db.setup import prepare

    prepare(path).conn.close()
    return path


@pytest.fixture
def db(db_path):
    from db import connect

    database = connect(db_path)
    yield database
    database.conn.close()


def make_user(db, username, role, unit_code=None, password=PASSWORD):
    from db import Actor, users

    user_id = users.create_user(db, Actor.system("test"), username=username,
                                name=f"Cán bộ {username}",
                                role=role, password=password, unit_code=unit_code)
    user = users.get_by_id(db, user_id)
    return Actor(user_id, username, role, user["unit_id"])


def demo_week_database(folder, units=60, activities=600, seed=2020):
    """(path, open connection, 2020's event id) of a new database holding a demo week,
    for module-scoped fixtures that recount it."""
    from db import Actor, connect, demo, events
    from db.setup import prepare

    path = folder / "llw.db"
    prepare(path).conn.close()
    db = connect(path)
    demo.load(db, Actor.system("test"), units=units, activities=activities, seed=seed,
              accounts=False)
    return path, db, events.get(db, 2020)["id"]


def active_units_with_area(db, event_id):
    """(id, code, kind, tier, area code in that week) of every active unit, read here
    without db/ (the independent recounts of the progress list and the workbook)."""
    return db.execute(
        """select u.id, u.code, u.kind, u.tier,
                  case when ua.unit_id is not null then ua.area_code else ea.code end
           from units u
           left join unit_areas ua on ua.event_id = :e and ua.unit_id = u.id
           left join event_areas ea on ea.event_id = :e and ea.code = u.ward_code
           where u.active = 1""", {"e": event_id}).fetchall()


@pytest.fixture
def admin(db):
    return make_user(db, "quan.tri", "admin")


@pytest.fixture
def committee(db):
    return make_user(db, "ban.chi.dao", "committee")


@pytest.fixture
def unit_user(db):
    return make_user(db, "thcs.thang.long", "unit", "THCS-THANGLONG")


@pytest.fixture
def other_unit_user(db):
    return make_user(db, "ubnd.phuc.xa", "unit", "UBND-00001")


@pytest.fixture
def app_for(db_path, monkeypatch):
    """app_for(actor) -> an AppTest of app.py, already run, with `actor` signed in
    (the cookie path needs a browser; see tests/browser)."""
    from streamlit.testing.v1 import AppTest

    monkeypatch.chdir(ROOT)

    def build(actor=None, run=True):
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
        if actor is not None:
            at.session_state["authentication_status"] = True
            at.session_state["username"] = actor.username
            at.session_state["name"] = actor.username
            at.session_state["logout"] = None
        if run:
            at.run()
        return at

    return build


@pytest.fixture
def figures(request):
    """figures(name=value, ...) records measurements of this test."""
    directory = os.environ.get("LLW_FIGURES_DIR")
    recorded = {}

    def record(**values):
        recorded.update(values)

    yield record
    if directory and recorded:
        path = Path(directory) / f"{request.node.name}.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps({"test": request.node.nodeid, "doc": (
            request.node.function.__doc__ or "").strip(), "figures": recorded},
            ensure_ascii=False, indent=1))
