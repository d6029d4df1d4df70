"""db/closing.py writes (issue 11) refused to the wrong role with nothing written, and
working for the right one (the pattern of tests/reliability/test_write_permissions.py)."""
import pytest

from db import AccessDenied, closing, commendations, events
from tests.conftest import make_user

WRITES = {  # name -> (roles allowed, call)
    "save_sections": (("committee",), lambda db, e, a: closing.save_sections(
        db, a, e, {"assess_strengths": "Tốt."})),
    "save_document_settings": (("committee", "admin"),
                               lambda db, e, a: closing.save_document_settings(
                                   db, a, e, report_date="2020-10-09", report_place="Hà Nội")),
    "save_office_head": (("committee", "admin"), lambda db, e, a: closing.save_office_head(
        db, a, e, "Nguyễn Thị Hồng")),
    "decide_commendations": (("committee",), lambda db, e, a: closing.decide_commendations(
        db, a, e)),
}
ACTORS = ["admin", "committee", "unit"]


@pytest.fixture
def world(db):
    actors = {"admin": make_user(db, "quan.tri", "admin"),
              "committee": make_user(db, "ban.chi.dao", "committee"),
              "unit": make_user(db, "ubnd.phuc.xa", "unit", "UBND-00001")}
    event_id = events.get(db, 2020)["id"]
    commendations.add_commendation(db, actors["committee"], event_id, {
        "category": "to_chuc_tot", "recipient_name": "UBND phường Phúc Xá",
        "rationale": "Tổ chức tốt"})
    return actors, event_id


def snapshot(db) -> list[str]:
    return [line for line in db.conn.iterdump()]


@pytest.mark.parametrize("write,actor", [(w, a) for w in WRITES for a in ACTORS
                                         if a not in WRITES[w][0]])
def test_refused_for_the_wrong_role_and_nothing_written(db, world, write, actor):
    actors, event_id = world
    before = snapshot(db)
    with pytest.raises(AccessDenied):
        WRITES[write][1](db, event_id, actors[actor])
    assert snapshot(db) == before


@pytest.mark.parametrize("write", list(WRITES))
def test_works_for_an_allowed_role_with_one_audit_row(db, world, write):
    actors, event_id = world
    audit_rows = db.execute("select count(*) from audit_log").fetchone()[0]
    WRITES[write][1](db, event_id, actors[WRITES[write][0][0]])
    assert db.execute("select count(*) from audit_log").fetchone()[0] == audit_rows + 1
