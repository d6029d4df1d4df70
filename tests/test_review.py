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


# --- issue 12 §2: review at scale ----------------------------------------------------------

def test_search_returns_the_true_count_beyond_500(db, week):
    from tests.stats_fixture import unit_id

    school = unit_id(db, "MN-TRUCBACH")
    db.conn.execute("begin")  # one commit, not 600
    db.conn.executemany(
        "insert into activities (event_id, unit_id, ward_code, type, title, start_date, "
        "end_date, format, created_at) values (?, ?, '00004', 'library', ?, '2020-10-04', "
        "'2020-10-04', 'truc_tiep', '2020-10-04T08:00:00')",
        [(week, school, f"Đọc sách {i}") for i in range(600)])
    db.conn.execute("commit")
    page = review.search(db, week, "activity", limit=50, offset=550)
    assert page.total == 605 and len(page.rows) == 50  # 600 + the fixture's 5 live ones
    assert len(review.list_entries(db, week, "activity")) == 605  # no silent cap any more
    everything = review.search(db, week, "activity", limit=None)
    assert len(everything.rows) == 605


@pytest.mark.parametrize("filters, expected", [
    (review.Filters(tier="thcs"), 3),           # THCS Thăng Long, needs-fix one included
    (review.Filters(unit_kind="ward_committee"), 1),
    (review.Filters(day="2020-10-02"), 2),
    (review.Filters(text="thang long"), 3),     # unit name, accents and case ignored
    (review.Filters(text="HOẠT ĐỘNG"), 5),      # the title
    (review.Filters(text="50%_"), 0),           # LIKE wildcards are literal
    (review.Filters(status="accepted", ward="00001"), 1),
])
def test_search_filters(db, week, filters, expected):
    assert review.search(db, week, "activity", filters).total == expected


def test_search_sorts_and_pages_stably(db, week):
    by_size = [r["participants"] for r in
               review.search(db, week, "activity", sort="size_desc").rows]
    assert by_size == sorted(by_size, reverse=True)
    ids = [r["id"] for r in review.search(db, week, "activity", sort="oldest").rows]
    pages = [r["id"] for o in range(0, 5, 2)
             for r in review.search(db, week, "activity", sort="oldest", offset=o,
                                    limit=2).rows]
    assert pages == ids == sorted(ids)


def test_decide_many_one_comment_one_transaction_one_audit_row_each(db, committee, week):
    ids = [r["id"] for r in review.search(db, week, "activity",
                                          review.Filters(status="submitted")).rows]
    assert len(ids) == 3
    assert review.decide_many(db, committee, "activity", ids, "needs_fix", "Thiếu ảnh") == 3
    rows = db.execute(f"select status, review_comment from activities where id in "
                      f"({', '.join(map(str, ids))})").fetchall()
    assert rows == [("needs_fix", "Thiếu ảnh")] * 3
    assert sorted(int(r["row_id"]) for r in db.query(
        "select row_id from audit_log where action = 'review'")) == sorted(ids)


def test_decide_many_is_all_or_nothing(db, committee, week):
    ids = [r["id"] for r in review.search(db, week, "activity",
                                          review.Filters(status="submitted")).rows]
    db["activities"].update(ids[0], {"deleted": 1})  # withdrawn meanwhile
    with pytest.raises(ValidationFailed) as error:
        review.decide_many(db, committee, "activity", ids, "accepted")
    assert f"#{ids[0]}" in error.value.errors["entry"]
    assert {db["activities"].get(i)["status"] for i in ids[1:]} == {"submitted"}
    with pytest.raises(ValidationFailed):
        review.decide_many(db, committee, "activity", [], "accepted")


def test_next_pending_follows_the_sort_and_wraps(db, committee, week):
    order = [r["id"] for r in review.search(db, week, "activity", sort="oldest").rows]
    pending = [r["id"] for r in review.search(db, week, "activity", sort="oldest").rows
               if r["status"] == "submitted"]
    assert review.next_pending(db, week, "activity", None, "oldest", pending[0]) == \
        (pending[1], order.index(pending[1]))
    assert review.next_pending(db, week, "activity", None, "oldest", pending[-1])[0] == \
        pending[0]  # wraps round
    review.decide_many(db, committee, "activity", pending, "accepted")
    assert review.next_pending(db, week, "activity", None, "oldest", pending[0]) is None


def test_progress_per_ward_and_unit(db, committee, week):
    prog = review.progress(db, week, "activity")
    assert prog["total"] == (2, 5)  # one accepted, one needs-fix, of 5 live activities
    assert len(prog["wards"]) == 14
    phuc_xa = next(w for w in prog["wards"] if w["code"] == "00001")
    assert (phuc_xa["reviewed"], phuc_xa["total"]) == (1, 2)
    thang_long = next(u for u in prog["units"] if u["code"] == "THCS-THANGLONG")
    assert (thang_long["reviewed"], thang_long["total"]) == (2, 3)


def test_next_pending_position_is_its_place_in_the_filtered_list(db, committee, week):
    shown = [r["id"] for r in review.search(db, week, "activity",
                                            review.Filters(status="submitted"),
                                            sort="date").rows]
    nxt = review.next_pending(db, week, "activity", review.Filters(status="submitted"),
                              "date", shown[0])
    assert nxt == (shown[1], 1)
    newest = review.next_pending(db, week, "activity", review.Filters(status="submitted"),
                                 "newest", shown[0])
    listed = [r["id"] for r in review.search(db, week, "activity",
                                             review.Filters(status="submitted")).rows]
    assert newest[1] == listed.index(newest[0])
