"""Week settings, the lock and "start next year" (db/event_admin.py, core/event_rules.py)."""
import json

import pytest

from db import AccessDenied, ValidationFailed, WeekLocked, event_admin, events
from tests.conftest import make_user


def event_2020(db):
    return events.get(db, 2020)


def audit_rows(db, table=None):
    sql = "select * from audit_log" + (" where table_name = ?" if table else "")
    return list(db.query(sql + " order by id", [table] if table else []))


def settings(db, **changes):
    fields = event_admin.settings_of(event_2020(db))
    fields.update(changes)
    return fields


def snapshot(db, event_id):
    """Every row that belongs to one event, to prove it did not change."""
    return {table: list(db.query(f"select * from {table} where {column} = ? order by 1",
                                 [event_id]))
            for table, column in (("events", "id"), ("slogans", "event_id"),
                                  ("targets", "event_id"), ("activities", "event_id"),
                                  ("budgets", "event_id"), ("budget_lines", "event_id"))}


def add_activity(db, event_id, unit_code="THCS-THANGLONG"):
    unit_id = db.execute("select id from units where code = ?", [unit_code]).fetchone()[0]
    return db["activities"].insert({
        "event_id": event_id, "unit_id": unit_id, "ward_code": "00007", "type": "library",
        "title": "Ngày hội đọc sách", "start_date": "2020-10-03", "end_date": "2020-10-03",
        "format": "truc_tiep", "participants": 120, "created_at": "2020-10-03T09:00:00"
    }).last_pk


# --- settings -----------------------------------------------------------------------------

def test_admin_saves_settings_and_one_audit_row_holds_before_and_after(db, admin):
    event = event_2020(db)
    event_admin.update_settings(db, admin, event["id"], settings(
        db, theme="Học tập suốt đời trong kỷ nguyên số", end_date="2020-10-08",
        opening_place=" Nhà văn hóa quận ", refresh_seconds="60"))
    saved = event_2020(db)
    assert (saved["theme"], saved["end_date"], saved["opening_place"],
            saved["refresh_seconds"]) == ("Học tập suốt đời trong kỷ nguyên số", "2020-10-08",
                                          "Nhà văn hóa quận", 60)
    rows = audit_rows(db, "events")
    assert len(rows) == 1 and rows[0]["action"] == "update"
    assert json.loads(rows[0]["before"])["theme"] == "Chuyển đổi số thúc đẩy Học tập suốt đời"
    assert json.loads(rows[0]["after"])["theme"] == "Học tập suốt đời trong kỷ nguyên số"


def test_the_general_settings_leave_the_organisers_header_signer_and_email_alone(db, admin):
    """Duplication D2: issuer lines, signer block and e-mail have one editor, the organiser
    profile (db/organiser.update_profile); the general settings neither hold nor write them."""
    from core import event_rules
    from core import organiser as org_rules

    owned = {"issuer_line1", "issuer_line2", "signer_for", "signer_title", "signer_name",
             "report_email"}
    assert owned <= set(org_rules.PROFILE_FIELDS.values())
    assert not owned & set(event_rules.SETTINGS_FIELDS)
    assert not owned & set(event_rules.REQUIRED_TEXT + event_rules.OPTIONAL_TEXT)
    before = event_2020(db)
    # values the general form used to send (even invalid ones) are neither checked nor written
    event_admin.update_settings(db, admin, before["id"], settings(
        db, theme="Chủ đề mới", issuer_line1="", signer_name="Nguyễn Văn Bình",
        report_email="pgd.badinh"))
    after = event_2020(db)
    assert after["theme"] == "Chủ đề mới"
    assert {k: after[k] for k in owned} == {k: before[k] for k in owned}


def test_a_changed_year_moves_the_year_written_in_the_texts(db, admin):
    """As «Năm sau» does: the old year as a standalone number in the title, theme and
    opening place becomes the new one; the audit row shows it; the caller learns which."""
    event = event_2020(db)
    db["events"].update(event["id"], {"opening_place": "Hội trường quận (Khai mạc 2020, "
                                                       "số 12020)"})
    renamed = event_admin.update_settings(db, admin, event["id"], settings(
        db, year="2026", start_date="2026-10-01", end_date="2026-10-07",
        opening_time="2026-10-01T07:00", plan_date="2026-09-20"))
    saved = events.get(db, 2026)
    assert saved["title"] == "Tuần lễ hưởng ứng học tập suốt đời năm 2026"
    assert saved["opening_place"] == "Hội trường quận (Khai mạc 2026, số 12020)"
    assert saved["theme"] == event["theme"]  # names no year
    assert renamed == {"title": saved["title"], "opening_place": saved["opening_place"]}
    (row,) = audit_rows(db, "events")
    assert json.loads(row["after"])["title"].endswith("năm 2026")


def test_a_title_without_a_year_is_unchanged_when_the_year_changes(db, admin):
    event = event_2020(db)
    assert event_admin.update_settings(db, admin, event["id"], settings(
        db, title="Tuần lễ học tập suốt đời của quận")) == {}
    renamed = event_admin.update_settings(db, admin, event["id"], settings(
        db, year="2026", start_date="2026-10-01", end_date="2026-10-07", opening_time="",
        plan_date=""))
    assert renamed == {}
    assert events.get(db, 2026)["title"] == "Tuần lễ học tập suốt đời của quận"


def test_the_year_is_replaced_only_as_a_number_of_its_own():
    from core.event_rules import next_year_title, replace_year, year_in_texts

    assert replace_year("năm 2020; 12020; 20201; 2020-10-02", 2020, 2026) == \
        "năm 2026; 12020; 20201; 2026-10-02"
    assert replace_year(None, 2020, 2026) is None
    assert year_in_texts({"title": "năm 2020"}, 2020, 2020) == {}
    # «Năm sau» uses the same rule, and still appends the year to a title without it
    assert next_year_title("Tuần lễ 12020 năm 2020", 2020, 2021) == "Tuần lễ 12020 năm 2021"
    assert next_year_title("Tuần lễ", 2020, 2021) == "Tuần lễ năm 2021"


@pytest.mark.parametrize("changes, field, words", [
    ({"start_date": "2020-10-07", "end_date": "2020-10-02"}, "end_date", "sau ngày bắt đầu"),
    ({"end_date": "07/10/2020"}, "end_date", "không hợp lệ"),
    ({"lock_at": "2020-10-06T17:00"}, "lock_at", "07/10/2020"),
    ({"lock_at": "2020-10-08"}, "lock_at", "không hợp lệ"),
    ({"refresh_seconds": "2"}, "refresh_seconds", "từ 5 đến 3600"),
    ({"refresh_seconds": "ba mươi"}, "refresh_seconds", "từ 5 đến 3600"),
    ({"title": "   "}, "title", "trống"),
    ({"opening_time": "2020-10-09T07:00"}, "opening_time", "trong thời gian"),
    ({"plan_date": "2020-10-20"}, "plan_date", "sau ngày kết thúc"),
    ({"year": "1999"}, "year", "2000"),
    ({"year": "2021"}, "start_date", "năm 2021"),
])
def test_bad_settings_are_refused_with_a_message_and_nothing_written(db, admin, changes,
                                                                     field, words):
    before = event_2020(db)
    with pytest.raises(ValidationFailed) as failure:
        event_admin.update_settings(db, admin, before["id"], settings(db, **changes))
    assert words in failure.value.errors[field]
    assert event_2020(db) == before
    assert audit_rows(db, "events") == []


def test_year_of_another_event_is_refused(db, admin):
    new_id = event_admin.start_next_year(db, admin, event_2020(db)["id"])
    fields = event_admin.settings_of(events.get_by_id(db, new_id))
    fields.update(year="2020", start_date="2020-10-02", end_date="2020-10-07",
                  opening_time="")
    with pytest.raises(ValidationFailed) as failure:
        event_admin.update_settings(db, admin, new_id, fields)
    assert failure.value.errors["year"] == "Đã có Tuần lễ năm 2020."


def test_slogans_replaced_as_eight_and_audited_once(db, admin):
    event_id = event_2020(db)["id"]
    new = [f"Khẩu hiệu mới số {n}" for n in range(1, 9)]
    event_admin.set_slogans(db, admin, event_id, new)
    assert [s["text"] for s in events.slogans(db, event_id)] == new
    (row,) = audit_rows(db, "slogans")
    assert json.loads(row["before"])["slogans"][4] == "Tự học là một cách xây dựng xã hội học tập."
    assert json.loads(row["after"])["slogans"] == new


@pytest.mark.parametrize("slogans, field", [
    (["Một"] * 7, "slogans"),
    (["Một"] * 7 + ["  "], "slogan_8"),
])
def test_bad_slogans_are_refused(db, admin, slogans, field):
    event_id = event_2020(db)["id"]
    before = events.slogans(db, event_id)
    with pytest.raises(ValidationFailed) as failure:
        event_admin.set_slogans(db, admin, event_id, slogans)
    assert field in failure.value.errors
    assert events.slogans(db, event_id) == before


def test_targets_replaced_and_a_tier_needs_the_school_kind(db, admin):
    event_id = event_2020(db)["id"]
    good = [{"unit_kind": "school", "tier": "mam_non", "metric": "activities",
             "minimum": "2", "label": "Mầm non: ít nhất 2 hoạt động"}]
    event_admin.set_targets(db, admin, event_id, good)
    assert [(t["tier"], t["minimum"]) for t in events.targets(db, event_id)] == [("mam_non", 2)]
    bad = [dict(good[0], unit_kind="library"), dict(good[0], minimum="-1")]
    with pytest.raises(ValidationFailed) as failure:
        event_admin.set_targets(db, admin, event_id, bad)
    assert "trường học" in failure.value.errors["target_1"]
    assert "không âm" in failure.value.errors["target_2"]
    assert len(events.targets(db, event_id)) == 1


# --- the lock -----------------------------------------------------------------------------

def test_after_the_lock_the_data_layer_refuses_unit_writes(db, admin):
    event_id = event_2020(db)["id"]
    events.ensure_open(db, event_id)  # open before the lock
    event_admin.set_lock(db, admin, event_id, "2020-10-08T17:00")
    with pytest.raises(WeekLocked) as locked:
        events.ensure_open(db, event_id)
    assert "08/10/2020 17:00" in str(locked.value)  # dd/mm/yyyy HH:MM everywhere (h7)
    event_admin.set_lock(db, admin, event_id, None)
    assert events.ensure_open(db, event_id)["lock_at"] is None
    assert [r["action"] for r in audit_rows(db, "events")] == ["lock", "unlock"]


def test_a_lock_set_in_the_future_keeps_the_week_open(db, admin):
    event_id = event_2020(db)["id"]
    event_admin.set_lock(db, admin, event_id, "2100-01-01T00:00")
    assert events.ensure_open(db, event_id)["lock_at"] == "2100-01-01T00:00"


def test_lock_now_locks_a_past_week(db, admin):
    event_id = event_2020(db)["id"]
    event_admin.lock_now(db, admin, event_id)
    with pytest.raises(WeekLocked):
        events.ensure_open(db, event_id)


def test_a_lock_before_the_last_day_is_refused(db, admin):
    event_id = event_2020(db)["id"]
    with pytest.raises(ValidationFailed) as failure:
        event_admin.set_lock(db, admin, event_id, "2020-10-05T12:00")
    assert "07/10/2020" in failure.value.errors["lock_at"]
    assert event_2020(db)["lock_at"] is None


def test_units_cannot_log_an_activity_after_the_lock(db, admin, unit_user):
    from db import entries
    event_id = event_2020(db)["id"]
    event_admin.set_lock(db, admin, event_id, "2020-10-08T00:00")
    before = db["activities"].count
    with pytest.raises(WeekLocked):
        entries.create_activity(db, unit_user, event_id, unit_user.unit_id, {
            "type": "library", "title": "Ngày hội đọc sách", "start_date": "2020-10-03",
            "end_date": "2020-10-03", "format": "truc_tiep", "participants": "50"})
    assert db["activities"].count == before


# --- permissions --------------------------------------------------------------------------

def _calls(event_id):
    return {
        "settings": lambda db, actor: event_admin.update_settings(
            db, actor, event_id, settings(db, theme="Chủ đề khác")),
        "slogans": lambda db, actor: event_admin.set_slogans(db, actor, event_id, ["x"] * 8),
        "targets": lambda db, actor: event_admin.set_targets(db, actor, event_id, []),
        "lock": lambda db, actor: event_admin.set_lock(db, actor, event_id, "2020-10-08T17:00"),
        "next_year": lambda db, actor: event_admin.start_next_year(db, actor, event_id),
    }


@pytest.mark.parametrize("call", ["settings", "slogans", "targets", "lock", "next_year"])
@pytest.mark.parametrize("role, unit_code", [("unit", "THCS-THANGLONG"), ("committee", None)])
def test_only_an_admin_changes_the_week(db, role, unit_code, call):
    actor = make_user(db, "nguoi.dung", role, unit_code)
    event_id = event_2020(db)["id"]
    before, audit_count = snapshot(db, event_id), len(audit_rows(db))
    with pytest.raises(AccessDenied):
        _calls(event_id)[call](db, actor)
    assert snapshot(db, event_id) == before
    assert db["events"].count == 1
    assert len(audit_rows(db)) == audit_count


# --- next year ----------------------------------------------------------------------------

def test_next_year_copies_slogans_targets_and_moves_the_dates(db, admin):
    db["events"].update(event_2020(db)["id"], {"scoring_weights": '{"on_time": 5}',
                                                "assessment": "Đánh giá năm 2020"})
    old = event_2020(db)
    new_id = event_admin.start_next_year(db, admin, old["id"])
    new = events.get_by_id(db, new_id)
    assert new["scoring_weights"] == '{"on_time": 5}'  # the committee's rubric carries over
    assert new["assessment"] is None  # last year's assessment does not
    assert (new["year"], new["title"], new["start_date"], new["end_date"],
            new["opening_time"]) == (2021, "Tuần lễ hưởng ứng học tập suốt đời năm 2021",
                                     # the same weekdays: Friday of ISO week 40 (core/week_dates)
                                     "2021-10-08", "2021-10-13", "2021-10-08T07:00")
    assert (new["theme"], new["signer_name"], new["issuer_line1"]) == \
        (old["theme"], old["signer_name"], old["issuer_line1"])
    assert new["opening_place"] == old["opening_place"]  # names no year: copied as it is
    assert new["plan_number"] is None and new["lock_at"] is None
    assert events.slogans(db, new_id) == events.slogans(db, old["id"])
    strip = lambda rows: [{k: v for k, v in r.items() if k not in ("id", "event_id")}  # noqa
                          for r in rows]
    assert strip(events.targets(db, new_id)) == strip(events.targets(db, old["id"]))
    assert db.execute("select status from budgets where event_id = ?",
                      [new_id]).fetchone() == ("draft",)
    (row,) = audit_rows(db, "events")
    assert row["action"] == "create" and json.loads(row["detail"])["copied_from_year"] == 2020


def test_a_new_year_and_its_edits_leave_the_old_year_unchanged(db, admin):
    old_id = event_2020(db)["id"]
    add_activity(db, old_id)
    event_admin.set_lock(db, admin, old_id, "2020-10-08T17:00")
    before = snapshot(db, old_id)
    new_id = event_admin.start_next_year(db, admin, old_id)
    fields = event_admin.settings_of(events.get_by_id(db, new_id))
    fields.update(theme="Chủ đề năm 2021", plan_number="200/KH-BCĐXHHT")
    event_admin.update_settings(db, admin, new_id, fields)
    event_admin.set_slogans(db, admin, new_id, [f"Khẩu hiệu 2021 số {n}" for n in range(1, 9)])
    event_admin.set_targets(db, admin, new_id, [])
    assert snapshot(db, old_id) == before
    assert events.get(db)["year"] == 2021  # the latest year is the default on every page
    events.ensure_open(db, new_id)  # the old lock does not lock the new week
    with pytest.raises(WeekLocked):
        events.ensure_open(db, old_id)


def test_next_year_moves_the_year_in_the_opening_place_as_in_the_title(db, admin):
    old = event_2020(db)
    db["events"].update(old["id"], {"opening_place": "Sân trường (khai mạc 2020)"})
    new = events.get_by_id(db, event_admin.start_next_year(db, admin, old["id"]))
    assert new["opening_place"] == "Sân trường (khai mạc 2021)"
    assert event_2020(db)["opening_place"] == "Sân trường (khai mạc 2020)"


def test_next_year_twice_is_refused(db, admin):
    old_id = event_2020(db)["id"]
    event_admin.start_next_year(db, admin, old_id)
    with pytest.raises(ValidationFailed) as failure:
        event_admin.start_next_year(db, admin, old_id)
    assert failure.value.errors["year"] == "Đã có Tuần lễ năm 2021."
    assert db["events"].count == 2


def test_next_year_from_a_leap_day_lands_on_28_february(db, admin):
    from core.event_rules import shift_year

    assert shift_year("2024-02-29") == "2025-02-28"
    assert shift_year("2020-10-02T07:00") == "2021-10-02T07:00"
    assert shift_year(None) is None
