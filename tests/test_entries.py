"""The unit data layer: entries, learning models, nominations, report submission.
Rules are checked by calling db/ directly (no page in between)."""
import io
import json
from datetime import datetime, timedelta

import pytest
from PIL import Image

from db import AccessDenied, Actor, ValidationFailed, WeekLocked, entries, events
from db import learning_models, nominations, submissions
from tests.conftest import make_user

GOOD_ACTIVITY = {"type": "library", "title": "Ngày hội đọc sách", "start_date": "2020-10-03",
                 "end_date": "2020-10-03", "format": "truc_tiep", "participants": 150,
                 "online_participants": 0, "audiences": ["hoc_sinh"], "evidence_url": ""}
GOOD_PROPAGANDA = {"channel": "banner", "quantity": 6, "date": "2020-10-02",
                   "slogans": [1, 5], "link": "", "note": "Cổng trường"}


@pytest.fixture
def event(db):
    return events.get(db, 2020)


def png():
    out = io.BytesIO()
    Image.new("RGB", (20, 20), "blue").save(out, "PNG")
    return out.getvalue()


def count(db, table, where="1"):
    return db.execute(f"select count(*) from {table} where {where}").fetchone()[0]


def audit_rows(db, table):
    return list(db.query("select * from audit_log where table_name = ? order by id", [table]))


def lock(db, event):
    past = (datetime.now() - timedelta(hours=1)).isoformat(timespec="seconds")
    db["events"].update(event["id"], {"lock_at": past})


def add_activity(db, actor, event, **changes):
    return entries.create_activity(db, actor, event["id"], actor.unit_id,
                                   dict(GOOD_ACTIVITY, **changes))


# --- create -------------------------------------------------------------------------------

def test_unit_creates_an_activity_with_its_ward_and_photos(db, event, unit_user):
    activity_id = entries.create_activity(db, unit_user, event["id"], unit_user.unit_id,
                                          GOOD_ACTIVITY, photo_files=[("a.png", png())])
    row = entries.get_activity(db, activity_id)
    assert row["ward_code"] == "00007"  # THCS Thăng Long is in Cống Vị
    assert row["status"] == "submitted" and row["deleted"] == 0
    assert row["audiences"] == ["hoc_sinh"]
    assert row["created_by"] == unit_user.user_id
    assert count(db, "photos", f"activity_id = {activity_id}") == 1
    [audit] = audit_rows(db, "activities")
    assert audit["action"] == "create" and audit["row_id"] == str(activity_id)
    assert audit["username"] == "thcs.thang.long"


def test_unit_creates_a_propaganda_effort(db, event, unit_user):
    entry_id = entries.create_propaganda(db, unit_user, event["id"], unit_user.unit_id,
                                         GOOD_PROPAGANDA)
    row = entries.get_propaganda(db, entry_id)
    assert row["slogans"] == [1, 5] and row["quantity"] == 6 and row["ward_code"] == "00007"
    assert json.loads(db.execute("select slogans from propaganda").fetchone()[0]) == [1, 5]
    assert len(audit_rows(db, "propaganda")) == 1


def test_bad_input_writes_nothing_not_even_photos_or_audit(db, event, unit_user):
    with pytest.raises(ValidationFailed) as failure:
        add_activity(db, unit_user, event, title="", participants=-1)
    assert set(failure.value.errors) == {"title", "participants"}
    with pytest.raises(ValidationFailed) as failure:
        entries.create_activity(db, unit_user, event["id"], unit_user.unit_id, GOOD_ACTIVITY,
                                photo_files=[("fake.jpg", b"GIF89a not a jpeg")])
    assert list(failure.value.errors) == ["photos"]
    assert count(db, "activities") == count(db, "photos") == 0
    assert audit_rows(db, "activities") == []


def test_propaganda_takes_one_photo_at_most(db, event, unit_user):
    with pytest.raises(ValidationFailed) as failure:
        entries.create_propaganda(db, unit_user, event["id"], unit_user.unit_id,
                                  GOOD_PROPAGANDA, photo_files=[("a.png", png())] * 2)
    assert "Tối đa 1 ảnh" in failure.value.errors["photos"]
    assert count(db, "propaganda") == 0


def test_district_unit_must_choose_a_ward(db, event):
    clerk = make_user(db, "pgd.clerk", "unit", "PGDDT")
    with pytest.raises(ValidationFailed) as failure:
        add_activity(db, clerk, event)
    assert list(failure.value.errors) == ["ward_code"]
    activity_id = add_activity(db, clerk, event, ward_code="00031")
    assert entries.get_activity(db, activity_id)["ward_code"] == "00031"


def test_double_submit_with_the_same_token_saves_once(db, event, unit_user):
    first = entries.create_activity(db, unit_user, event["id"], unit_user.unit_id,
                                    GOOD_ACTIVITY, token="form-render-1")
    second = entries.create_activity(db, unit_user, event["id"], unit_user.unit_id,
                                     GOOD_ACTIVITY, token="form-render-1")
    assert first == second and count(db, "activities") == 1
    assert len(audit_rows(db, "activities")) == 1


def test_outside_the_week_needs_confirmation(db, event, unit_user):
    with pytest.raises(ValidationFailed):
        add_activity(db, unit_user, event, start_date="2020-09-28", end_date="2020-09-28")
    activity_id = entries.create_activity(
        db, unit_user, event["id"], unit_user.unit_id,
        dict(GOOD_ACTIVITY, start_date="2020-09-28", end_date="2020-09-28"),
        confirm_outside=True)
    assert entries.get_activity(db, activity_id)["start_date"] == "2020-09-28"


# --- authorisation ------------------------------------------------------------------------

@pytest.mark.parametrize("kind", ["activity", "propaganda"])
@pytest.mark.parametrize("operation", ["create", "update", "withdraw"])
def test_unit_cannot_touch_another_units_entries(db, event, unit_user, other_unit_user, kind,
                                                 operation):
    good = GOOD_ACTIVITY if kind == "activity" else GOOD_PROPAGANDA
    target = entries.KINDS[kind]
    entry_id = entries.create(db, other_unit_user, target, event["id"],
                              other_unit_user.unit_id, good)
    before = entries.get(db, target, entry_id)
    with pytest.raises(AccessDenied):
        if operation == "create":
            entries.create(db, unit_user, target, event["id"], other_unit_user.unit_id, good)
        elif operation == "update":
            entries.update(db, unit_user, target, entry_id, dict(good, note="x", title="x"))
        else:
            entries.withdraw(db, unit_user, target, entry_id)
    assert entries.get(db, target, entry_id) == before
    assert count(db, target.table) == 1
    assert len(audit_rows(db, target.table)) == 1  # only the owner's create


@pytest.mark.parametrize("role,allowed", [("committee", True), ("admin", False)])
def test_who_else_may_write_a_units_entry(db, event, unit_user, role, allowed):
    other = make_user(db, f"user.{role}", role)
    if allowed:
        entries.create_activity(db, other, event["id"], unit_user.unit_id, GOOD_ACTIVITY)
        assert count(db, "activities") == 1
    else:
        with pytest.raises(AccessDenied):
            entries.create_activity(db, other, event["id"], unit_user.unit_id, GOOD_ACTIVITY)
        assert count(db, "activities") == 0


# --- update and withdraw ------------------------------------------------------------------

def test_update_changes_values_and_writes_one_audit_row(db, event, unit_user):
    activity_id = add_activity(db, unit_user, event)
    entries.update_activity(db, unit_user, activity_id,
                            dict(GOOD_ACTIVITY, title="Ngày hội đọc sách (sửa)",
                                 participants=200))
    row = entries.get_activity(db, activity_id)
    assert row["title"] == "Ngày hội đọc sách (sửa)" and row["participants"] == 200
    assert row["updated_by"] == unit_user.user_id
    update_rows = [a for a in audit_rows(db, "activities") if a["action"] == "update"]
    assert len(update_rows) == 1
    assert json.loads(update_rows[0]["before"])["participants"] == 150
    assert json.loads(update_rows[0]["after"])["participants"] == 200


def test_invalid_update_changes_nothing(db, event, unit_user):
    activity_id = add_activity(db, unit_user, event)
    before = entries.get_activity(db, activity_id)
    with pytest.raises(ValidationFailed):
        entries.update_activity(db, unit_user, activity_id,
                                dict(GOOD_ACTIVITY, end_date="2020-10-01"))
    assert entries.get_activity(db, activity_id) == before
    assert len(audit_rows(db, "activities")) == 1


def test_editing_a_needs_fix_entry_sends_it_back_for_review(db, event, unit_user):
    activity_id = add_activity(db, unit_user, event)
    db["activities"].update(activity_id, {"status": "needs_fix",
                                          "review_comment": "Thiếu số người tham gia"})
    entries.update_activity(db, unit_user, activity_id, dict(GOOD_ACTIVITY, participants=99))
    row = entries.get_activity(db, activity_id)
    assert row["status"] == "submitted" and row["review_comment"] == "Thiếu số người tham gia"


def test_photos_can_be_added_and_removed_within_the_limit(db, event, unit_user):
    activity_id = entries.create_activity(db, unit_user, event["id"], unit_user.unit_id,
                                          GOOD_ACTIVITY, photo_files=[("a.png", png())] * 4)
    with pytest.raises(ValidationFailed):
        entries.update_activity(db, unit_user, activity_id, GOOD_ACTIVITY,
                                photo_files=[("b.png", png())] * 2)
    first = entries.photos(db, entries.ACTIVITY, activity_id)[0]["id"]
    entries.update_activity(db, unit_user, activity_id, GOOD_ACTIVITY,
                            photo_files=[("b.png", png())] * 2, remove_photo_ids=[first])
    assert count(db, "photos", f"activity_id = {activity_id}") == 5


def test_withdraw_is_a_soft_delete_with_one_audit_row(db, event, unit_user):
    activity_id = add_activity(db, unit_user, event)
    entries.withdraw_activity(db, unit_user, activity_id)
    assert entries.get_activity(db, activity_id)["deleted"] == 1
    assert entries.list_own(db, entries.ACTIVITY, event["id"], unit_user.unit_id) == []
    assert [a["action"] for a in audit_rows(db, "activities")] == ["create", "withdraw"]
    with pytest.raises(ValidationFailed):
        entries.withdraw_activity(db, unit_user, activity_id)  # already withdrawn
    with pytest.raises(ValidationFailed):
        entries.update_activity(db, unit_user, activity_id, GOOD_ACTIVITY)


# --- lock and submission ------------------------------------------------------------------

def test_nothing_is_written_after_the_lock(db, event, unit_user):
    activity_id = add_activity(db, unit_user, event)
    lock(db, event)
    with pytest.raises(WeekLocked) as locked:
        add_activity(db, unit_user, event)
    assert "đã khóa báo cáo" in str(locked.value)
    with pytest.raises(WeekLocked):
        entries.update_activity(db, unit_user, activity_id, dict(GOOD_ACTIVITY, title="Mới"))
    with pytest.raises(WeekLocked):
        entries.withdraw_activity(db, unit_user, activity_id)
    with pytest.raises(WeekLocked):
        submissions.submit(db, unit_user, event["id"], unit_user.unit_id)
    assert count(db, "activities") == 1
    assert entries.get_activity(db, activity_id)["title"] == GOOD_ACTIVITY["title"]


def test_committee_may_still_correct_after_the_lock(db, event, unit_user, committee):
    lock(db, event)
    entries.create_activity(db, committee, event["id"], unit_user.unit_id, GOOD_ACTIVITY)
    assert count(db, "activities") == 1


def test_a_submitted_report_freezes_entries_until_reopened(db, event, unit_user):
    activity_id = add_activity(db, unit_user, event)
    submissions.submit(db, unit_user, event["id"], unit_user.unit_id, confirm_unmet=True)
    assert submissions.get(db, event["id"], unit_user.unit_id)["submitted_by"] == \
        unit_user.user_id
    with pytest.raises(submissions.ReportSubmitted) as frozen:
        entries.withdraw_activity(db, unit_user, activity_id)
    assert "mở lại báo cáo" in str(frozen.value)
    with pytest.raises(ValidationFailed):
        submissions.submit(db, unit_user, event["id"], unit_user.unit_id)
    submissions.reopen(db, unit_user, event["id"], unit_user.unit_id)
    entries.withdraw_activity(db, unit_user, activity_id)
    assert [a["action"] for a in audit_rows(db, "report_submissions")] == ["submit", "reopen"]


def test_reopen_is_refused_after_the_lock(db, event, unit_user):
    submissions.submit(db, unit_user, event["id"], unit_user.unit_id, confirm_unmet=True)
    lock(db, event)
    with pytest.raises(WeekLocked):
        submissions.reopen(db, unit_user, event["id"], unit_user.unit_id)
    assert submissions.get(db, event["id"], unit_user.unit_id) is not None


def test_unit_cannot_submit_for_another_unit(db, event, unit_user, other_unit_user):
    with pytest.raises(AccessDenied):
        submissions.submit(db, unit_user, event["id"], other_unit_user.unit_id)
    assert count(db, "report_submissions") == 0


# --- targets ------------------------------------------------------------------------------

def test_target_progress_counts_only_entries_that_count(db, event, unit_user):
    progress = {t["metric"]: t for t in entries.target_progress(db, event["id"],
                                                                unit_user.unit_id)}
    # a school: education activity and propaganda targets apply, not the ward ones
    assert set(progress) == {"education_activities", "propaganda_entries"}
    assert not progress["education_activities"]["met"]
    kept = add_activity(db, unit_user, event)  # library: education group
    withdrawn = add_activity(db, unit_user, event)
    flagged = add_activity(db, unit_user, event)
    add_activity(db, unit_user, event, type="sports")  # emulation: not education
    entries.withdraw_activity(db, unit_user, withdrawn)
    db["activities"].update(flagged, {"status": "needs_fix"})
    progress = {t["metric"]: t for t in entries.target_progress(db, event["id"],
                                                                unit_user.unit_id)}
    assert progress["education_activities"]["count"] == 1
    assert progress["education_activities"]["met"]
    assert progress["propaganda_entries"]["count"] == 0
    assert kept


# --- learning models ----------------------------------------------------------------------

def test_ward_committee_saves_model_counts_with_one_audit_row_per_change(db, event,
                                                                         other_unit_user):
    values = {"gia_dinh": {"registered": 120, "recognised": 100},
              "dong_ho": {"registered": 3, "recognised": 3}}
    assert learning_models.save(db, other_unit_user, event["id"], other_unit_user.unit_id,
                                values) == 2
    saved = learning_models.counts(db, event["id"], other_unit_user.unit_id)
    assert saved["gia_dinh"]["recognised"] == 100 and saved["gia_dinh"]["ward_code"] == "00001"
    values["gia_dinh"]["recognised"] = 110
    assert learning_models.save(db, other_unit_user, event["id"], other_unit_user.unit_id,
                                values) == 1
    assert [a["action"] for a in audit_rows(db, "learning_model_counts")] == \
        ["create", "create", "update"]


def test_model_counts_are_validated_and_limited_to_ward_units(db, event, unit_user,
                                                              other_unit_user):
    with pytest.raises(ValidationFailed) as failure:
        learning_models.save(db, other_unit_user, event["id"], other_unit_user.unit_id,
                             {"gia_dinh": {"registered": 1, "recognised": 2}})
    assert list(failure.value.errors) == ["gia_dinh.recognised"]
    with pytest.raises(ValidationFailed):  # a school does not report models
        learning_models.save(db, unit_user, event["id"], unit_user.unit_id,
                             {"gia_dinh": {"registered": 1, "recognised": 0}})
    with pytest.raises(AccessDenied):
        learning_models.save(db, unit_user, event["id"], other_unit_user.unit_id,
                             {"gia_dinh": {"registered": 1, "recognised": 0}})
    assert count(db, "learning_model_counts") == 0


# --- nominations --------------------------------------------------------------------------

NOMINATION = {"nominee_kind": "person", "nominee_name": "Nguyễn Thị Hoa",
              "category": "tu_hoc", "achievement": "Tự học tiếng Anh ở tuổi 70"}


def test_unit_nominates_and_withdraws(db, event, unit_user):
    nomination_id = nominations.create(db, unit_user, event["id"], unit_user.unit_id,
                                       NOMINATION, token="t1")
    assert nominations.create(db, unit_user, event["id"], unit_user.unit_id, NOMINATION,
                              token="t1") == nomination_id
    row = nominations.get(db, nomination_id)
    assert row["status"] == "proposed" and row["ward_code"] == "00007"
    nominations.withdraw(db, unit_user, nomination_id)
    assert nominations.list_for_unit(db, event["id"], unit_user.unit_id) == []
    assert [a["action"] for a in audit_rows(db, "nominations")] == ["create", "withdraw"]


def test_a_decided_nomination_cannot_be_withdrawn(db, event, unit_user, other_unit_user):
    nomination_id = nominations.create(db, unit_user, event["id"], unit_user.unit_id,
                                       NOMINATION)
    with pytest.raises(AccessDenied):
        nominations.withdraw(db, other_unit_user, nomination_id)
    db["nominations"].update(nomination_id, {"status": "approved"})
    with pytest.raises(ValidationFailed):
        nominations.withdraw(db, unit_user, nomination_id)
    assert nominations.get(db, nomination_id)["deleted"] == 0


def test_bad_nomination_writes_nothing(db, event, unit_user):
    with pytest.raises(ValidationFailed) as failure:
        nominations.create(db, unit_user, event["id"], unit_user.unit_id,
                           dict(NOMINATION, nominee_name="", category="xx"))
    assert set(failure.value.errors) == {"nominee_name", "category"}
    assert count(db, "nominations") == 0


def test_system_actor_is_attributed_by_name(db, event, unit_user):
    entries.create_activity(db, Actor.system(), event["id"], unit_user.unit_id, GOOD_ACTIVITY)
    row = db.execute("select created_by, created_by_name from activities").fetchone()
    assert row == (None, "manage.py")
