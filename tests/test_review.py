"""Review decisions (db/review.py): committee only, comment rules, audited, counting."""
import json

import pytest

from db import AccessDenied, Actor, ValidationFailed, review, stats
from tests.stats_fixture import add_activity, add_propaganda, build_week


@pytest.fixture
def week(db):
    return build_week(db)


@pytest.fixture
def activity(db, week):
    return add_activity(db, week, "UBND-00001", "00001", "library", "2020-10-05", 70)


def audit_rows(db, entry_id):
    return list(db.query("select * from audit_log where action = 'review' and row_id = ?",
                         [str(entry_id)]))


def test_committee_accepts_an_activity_and_one_audit_row_is_written(db, committee, activity):
    review.decide(db, committee, "activity", activity, "accepted", "Tốt")
    row = db["activities"].get(activity)
    assert (row["status"], row["review_comment"], row["reviewed_by"]) == \
        ("accepted", "Tốt", committee.user_id)
    [entry] = audit_rows(db, activity)
    assert json.loads(entry["before"])["status"] == "submitted"
    assert json.loads(entry["after"])["status"] == "accepted"
    assert entry["username"] == committee.username


def test_needs_fix_stops_the_entry_counting(db, committee, week, activity):
    before = stats.summary(db, week)["totals"]
    review.decide(db, committee, "activity", activity, "needs_fix", "Thiếu ảnh")
    after = stats.summary(db, week)["totals"]
    assert after["activities"] == before["activities"] - 1
    assert after["participants"] == before["participants"] - 70


def test_needs_fix_on_propaganda(db, committee, week):
    entry = add_propaganda(db, week, "UBND-00004", "00004", "zalo",
                           4, "2020-10-05", [5])
    review.decide(db, committee, "propaganda", entry, "needs_fix", "Sai kênh")
    assert db["propaganda"].get(entry)["status"] == "needs_fix"
    assert stats.summary(db, week)["totals"]["propaganda_items"] == 8


@pytest.mark.parametrize("comment", ["", "   "])
def test_needs_fix_requires_a_comment_and_writes_nothing(db, committee, activity, comment):
    with pytest.raises(ValidationFailed) as error:
        review.decide(db, committee, "activity", activity, "needs_fix", comment)
    assert error.value.errors == {"comment": "Hãy ghi rõ cần sửa gì để đơn vị biết."}
    assert db["activities"].get(activity)["status"] == "submitted"
    assert audit_rows(db, activity) == []


def test_a_too_long_comment_is_refused(db, committee, activity):
    with pytest.raises(ValidationFailed) as error:
        review.decide(db, committee, "activity", activity, "accepted", "x" * 1001)
    assert "comment" in error.value.errors


@pytest.mark.parametrize("status", ["submitted", "deleted", ""])
def test_only_accept_or_needs_fix_are_decisions(db, committee, activity, status):
    with pytest.raises(ValidationFailed):
        review.decide(db, committee, "activity", activity, status, "x")
    assert db["activities"].get(activity)["status"] == "submitted"


@pytest.mark.parametrize("who", ["unit_user", "other_unit_user", "admin"])
def test_only_the_committee_reviews(db, request, activity, who):
    actor = request.getfixturevalue(who)
    with pytest.raises(AccessDenied):
        review.decide(db, actor, "activity", activity, "accepted", "")
    assert db["activities"].get(activity)["status"] == "submitted"


def test_a_withdrawn_entry_cannot_be_reviewed(db, committee, activity):
    db["activities"].update(activity, {"deleted": 1})
    with pytest.raises(ValidationFailed) as error:
        review.decide(db, committee, "activity", activity, "accepted", "")
    assert "entry" in error.value.errors


def test_an_unknown_entry_cannot_be_reviewed(db, committee, week):
    with pytest.raises(ValidationFailed):
        review.decide(db, committee, "activity", 99999, "accepted", "")


def test_list_filters_by_status_ward_unit_and_type(db, week):
    needs_fix = review.list_entries(db, week, "activity", status="needs_fix")
    assert [r["type"] for r in needs_fix] == ["contest"]
    in_phuc_xa = review.list_entries(db, week, "activity", ward="00001")
    assert sorted(r["type"] for r in in_phuc_xa) == ["opening_ceremony", "sports"]
    of_unit = review.list_entries(db, week, "activity", unit_id=needs_fix[0]["unit_id"])
    assert len(of_unit) == 3
    banners = review.list_entries(db, week, "propaganda", type_="banner")
    assert [r["quantity"] for r in banners] == [5]
    assert all(r["deleted"] == 0 for r in review.list_entries(db, week, "activity"))


def test_get_entry_brings_its_photos(db, week, activity):
    db["photos"].insert({"activity_id": activity, "mime": "image/png", "data": b"\x89PNG",
                         "created_at": "2020-10-05T10:00:00"})
    entry = review.get_entry(db, "activity", activity)
    assert entry["unit_code"] == "UBND-00001" and len(entry["photos"]) == 1
    assert entry["photos"][0]["mime"] == "image/png"


def test_the_command_line_acts_as_system_and_may_review(db, activity):
    review.decide(db, Actor.system(), "activity", activity, "accepted", "")
    assert db["activities"].get(activity)["status"] == "accepted"
