"""The data layer's roster rules (issue 21 deliver 1): a unit outside a week's roster
cannot enter, submit, be reviewed, make a nomination or be commended in it (a Vietnamese
message, nothing written), whoever asks; what it recorded before it left stays and counts,
learning-model counts included (one rule: item 7); a week's figures read its roster."""
import pytest

from db import (Actor, ValidationFailed, commendations, entries, events, learning_models,
                new_week, nominations, review, roster, stats, submissions, units)

SYSTEM = Actor.system("test")
ACTIVITY = {"type": "library", "title": "Ngày hội đọc sách", "start_date": "2020-10-03",
            "end_date": "2020-10-03", "format": "truc_tiep", "participants": "40",
            "online_participants": "0", "audiences": ["hoc_sinh"], "ward_code": "00001"}
NOMINATION = {"nominee_kind": "person", "nominee_name": "Nguyễn Thị Hoa",
              "category": "tu_hoc", "achievement": "Tự học tiếng Anh ở tuổi 70"}


@pytest.fixture
def week(db):
    return events.get(db, 2020)["id"]


def unit(db, code):
    return units.get_by_code(db, code)["id"]


def refused(call):
    with pytest.raises(ValidationFailed) as failure:
        call()
    message = " ".join(failure.value.errors.values())
    assert "không có trong danh sách đơn vị tham gia Tuần lễ năm 2020" in message
    return message


def test_a_retired_unit_cannot_enter_submit_or_be_nominated_by_anyone(db, week, committee,
                                                                      unit_user):
    thang_long = unit(db, "THCS-THANGLONG")
    units.deactivate_codes(db, SYSTEM, ["THCS-THANGLONG"], event_id=week)
    before = db.execute("select count(*) from audit_log").fetchone()[0]
    for actor in (unit_user, committee, SYSTEM):
        refused(lambda: entries.create_activity(db, actor, week, thang_long, ACTIVITY))
        refused(lambda: nominations.create(db, actor, week, thang_long, NOMINATION))
    refused(lambda: submissions.submit(db, unit_user, week, thang_long))
    assert db.execute("select count(*) from activities").fetchone()[0] == 0
    assert db.execute("select count(*) from nominations").fetchone()[0] == 0
    assert db.execute("select count(*) from audit_log").fetchone()[0] == before


def test_its_entries_stay_and_count_but_cannot_be_reviewed_and_it_cannot_be_commended(
        db, week, committee):
    ubnd = unit(db, "UBND-00001")
    activity = entries.create_activity(db, committee, week, ubnd, ACTIVITY)
    learning_models.save(db, committee, week, ubnd,
                         {"gia_dinh": {"registered": 12, "recognised": 5}})
    review.decide(db, committee, "activity", activity, "accepted")
    counted = stats.summary(db, week)["totals"]
    models = stats.learning_models(db, week)["total"]
    units.deactivate_codes(db, SYSTEM, ["UBND-00001"], event_id=week)
    after = stats.summary(db, week)["totals"]
    # what happened counts: the activity and the learning models (item 7: one rule)
    assert after["activities"] == counted["activities"] == 1
    assert stats.learning_models(db, week)["total"] == models == {"registered": 12,
                                                                  "recognised": 5}
    # the unit figures read the roster
    assert after["units"] == counted["units"] - 1
    assert after["units_with_data"] == counted["units_with_data"] - 1 == 0
    refused(lambda: review.decide(db, committee, "activity", activity, "needs_fix", "Sửa"))
    assert entries.get_activity(db, activity)["status"] == "accepted"
    with pytest.raises(ValidationFailed) as failure:
        commendations.add_commendation(db, committee, week, {
            "category": "to_chuc_tot", "recipient_unit_id": ubnd,
            "rationale": "Tổ chức tốt"})
    assert "Tuần lễ năm 2020" in failure.value.errors["recipient_unit_id"]
    assert ubnd not in {i.unit_id for i in commendations.unit_inputs(
        db, events.get(db, 2020))}


def test_retiring_in_2026_leaves_2020s_roster_and_figures(db, week, admin):
    y2026 = new_week.create(db, admin, 2026)["event_id"]
    before = stats.summary(db, week)
    assert units.deactivate_codes(db, admin, ["HKH", "PGDDT"], event_id=y2026) == \
        ["HKH", "PGDDT"]
    assert stats.summary(db, week) == before
    hkh = unit(db, "HKH")
    assert roster.member(db, week, hkh) and not roster.member(db, y2026, hkh)
    assert stats.summary(db, y2026)["totals"]["units"] == before["totals"]["units"] - 2
    # the newest week's roster is what units.active mirrors
    assert units.get(db, hkh)["active"] == 0
    # a unit created for 2026 is not a unit of 2020
    new = units.create(db, admin, {"code": "TV-HK", "name": "Thư viện phường", "kind":
                                   "library", "tier": "", "ward_code": "00001"},
                       event_id=y2026)
    assert roster.member(db, y2026, new) and not roster.member(db, week, new)
    assert stats.summary(db, week) == before


def test_an_unknown_code_retires_nothing(db, week, admin):
    with pytest.raises(ValidationFailed) as failure:
        units.deactivate_codes(db, admin, ["HKH", "KHONG-CO"], event_id=week)
    assert "KHONG-CO" in failure.value.errors["code"]
    assert roster.member(db, week, unit(db, "HKH"))


def test_only_an_admin_changes_a_roster(db, week, committee):
    from db import AccessDenied

    with pytest.raises(AccessDenied):
        roster.retire_codes(db, committee, week, ["HKH"])
    with pytest.raises(AccessDenied):
        new_week.create(db, committee, 2026)
