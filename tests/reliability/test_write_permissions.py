"""Every db/ write function called directly as the wrong role or the wrong unit: refused,
nothing written. (The pages hide these actions too; this proves the data layer holds.)"""
import pytest

from db import AccessDenied, Actor, backup, budget, commendations, entries, event_admin, \
    events, learning_models, nominations, review, submissions, units, users
from tests.conftest import PASSWORD, make_user

ACTIVITY = {"type": "library", "title": "Ngày hội đọc sách", "start_date": "2020-10-03",
            "format": "truc_tiep", "participants": "40"}
PROPAGANDA = {"channel": "banner", "quantity": "3", "date": "2020-10-02", "slogans": "1"}
NOMINATION = {"nominee_kind": "person", "nominee_name": "Cô Lan", "category": "day_tot",
              "achievement": "Dạy tốt"}


@pytest.fixture
def world(db, tmp_path):
    actors = {
        "admin": make_user(db, "quan.tri", "admin"),
        "leader": make_user(db, "lanh.dao", "leader"),
        "committee": make_user(db, "ban.chi.dao", "committee"),
        "unit": make_user(db, "thcs.thang.long", "unit", "THCS-THANGLONG"),
        "ward_unit": make_user(db, "ubnd.phuc.xa", "unit", "UBND-00001"),
        "other_unit": make_user(db, "ubnd.truc.bach", "unit", "UBND-00004"),
    }
    event = events.get(db, 2020)
    ward = actors["ward_unit"]
    activity = entries.create_activity(db, ward, event["id"], ward.unit_id, ACTIVITY)
    propaganda = entries.create_propaganda(db, ward, event["id"], ward.unit_id, PROPAGANDA)
    nomination = nominations.create(db, ward, event["id"], ward.unit_id, NOMINATION)
    line = budget.add_line(db, actors["committee"], event["id"],
                           {"item": "Băng rôn", "quantity": "10", "unit_price": "150.000"})
    pick = commendations.add_commendation(db, actors["committee"], event["id"], {
        "category": "to_chuc_tot", "recipient_name": "UBND phường Phúc Xá",
        "rationale": "Tổ chức tốt"})
    return dict(actors=actors, event=event["id"], ward_unit=ward.unit_id, activity=activity,
                propaganda=propaganda, nomination=nomination, line=line, pick=pick,
                db_path=tmp_path / "llw.db", backup=tmp_path / "copy.db")


# name -> (roles allowed among admin/committee/unit (of the ward unit), the call)
WRITES = {
    "create_activity": (("committee", "owner"), lambda db, w, a: entries.create_activity(
        db, a, w["event"], w["ward_unit"], ACTIVITY)),
    "update_activity": (("committee", "owner"), lambda db, w, a: entries.update_activity(
        db, a, w["activity"], dict(ACTIVITY, title="Sửa"))),
    "withdraw_activity": (("committee", "owner"), lambda db, w, a: entries.withdraw_activity(
        db, a, w["activity"])),
    "create_propaganda": (("committee", "owner"), lambda db, w, a: entries.create_propaganda(
        db, a, w["event"], w["ward_unit"], PROPAGANDA)),
    "withdraw_propaganda": (("committee", "owner"),
                            lambda db, w, a: entries.withdraw_propaganda(db, a, w["propaganda"])),
    "save_learning_models": (("committee", "owner"), lambda db, w, a: learning_models.save(
        db, a, w["event"], w["ward_unit"], {"gia_dinh": {"registered": 5, "recognised": 2}})),
    "create_nomination": (("committee", "owner"), lambda db, w, a: nominations.create(
        db, a, w["event"], w["ward_unit"], NOMINATION)),
    "withdraw_nomination": (("committee", "owner"), lambda db, w, a: nominations.withdraw(
        db, a, w["nomination"])),
    "submit_report": (("committee", "owner"), lambda db, w, a: submissions.submit(
        db, a, w["event"], w["ward_unit"])),
    "review_decide": (("committee",), lambda db, w, a: review.decide(
        db, a, "activity", w["activity"], "accepted", "")),
    "decide_nomination": (("committee",), lambda db, w, a: commendations.decide_nomination(
        db, a, w["nomination"], "approved")),
    "add_commendation": (("committee",), lambda db, w, a: commendations.add_commendation(
        db, a, w["event"], {"category": "hoc_tot", "recipient_name": "Em A",
                            "rationale": "Học tốt"})),
    "remove_commendation": (("committee",), lambda db, w, a: commendations.remove_commendation(
        db, a, w["pick"])),
    "save_weights": (("committee",), lambda db, w, a: commendations.save_weights(
        db, a, w["event"], None)),
    "save_assessment": (("committee",), lambda db, w, a: commendations.save_assessment(
        db, a, w["event"], "Đánh giá")),
    "budget_add_line": (("committee", "admin"), lambda db, w, a: budget.add_line(
        db, a, w["event"], {"item": "Khẩu hiệu", "quantity": "1", "unit_price": "1"})),
    "budget_delete_line": (("committee", "admin"), lambda db, w, a: budget.delete_line(
        db, a, w["line"])),
    "budget_approve": (("leader",), lambda db, w, a: budget.approve(db, a, w["event"])),
    "update_settings": (("admin",), lambda db, w, a: event_admin.update_settings(
        db, a, w["event"], {**event_admin.settings_of(events.get(db, 2020)),
                            "theme": "Chủ đề khác"})),
    "lock_now": (("admin",), lambda db, w, a: event_admin.lock_now(db, a, w["event"])),
    "start_next_year": (("admin",), lambda db, w, a: event_admin.start_next_year(
        db, a, w["event"])),
    "create_unit": (("admin",), lambda db, w, a: units.create(db, a, {
        "code": "TV-MOI", "name": "Thư viện mới", "kind": "library", "ward_code": "00001"})),
    "deactivate_unit": (("admin",), lambda db, w, a: units.set_active(
        db, a, w["ward_unit"], False)),
    "create_user": (("admin",), lambda db, w, a: users.create_user(
        db, a, username="nguoi.moi", name="Người mới", role="committee", password=PASSWORD)),
    "reset_password": (("admin",), lambda db, w, a: users.reset_password(
        db, a, w["actors"]["committee"].user_id, "Mật khẩu mới 2021!")),
    "unlock_user": (("admin",), lambda db, w, a: users.unlock(
        db, a, w["actors"]["committee"].user_id)),
    "backup": (("admin",), lambda db, w, a: backup.backup(w["db_path"], w["backup"], a)),
}
ACTORS = ["admin", "leader", "committee", "owner", "other_unit", "school_unit"]


def actor_for(world, name) -> Actor:
    return {"admin": world["actors"]["admin"], "leader": world["actors"]["leader"],
            "committee": world["actors"]["committee"],
            "owner": world["actors"]["ward_unit"], "other_unit": world["actors"]["other_unit"],
            "school_unit": world["actors"]["unit"]}[name]


def snapshot(db) -> list[str]:
    """The whole database as SQL text: any written byte shows."""
    return list(db.conn.iterdump())


REFUSALS = [(w, a) for w in WRITES for a in ACTORS if a not in WRITES[w][0]]


@pytest.mark.parametrize("write,actor_name", REFUSALS)
def test_write_refused_for_the_wrong_role_or_unit(db, world, write, actor_name, figures):
    allowed, call = WRITES[write]
    before = snapshot(db)
    with pytest.raises(AccessDenied):
        call(db, world, actor_for(world, actor_name))
    assert snapshot(db) == before
    figures(write=write, actor=actor_name, refused=True)


@pytest.mark.parametrize("write", list(WRITES))
def test_each_write_works_for_an_allowed_actor(db, world, write):
    """Control: the refusals above are about the actor, not a broken call."""
    allowed, call = WRITES[write]
    if write == "budget_approve":
        budget.submit(db, world["actors"]["committee"], world["event"])
    before = snapshot(db)
    call(db, world, actor_for(world, allowed[0]))
    assert snapshot(db) != before
