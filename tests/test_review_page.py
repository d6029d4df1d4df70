"""Issue 12 §2: Duyệt dữ liệu at scale under AppTest — the true count with 2 000+ entries,
paging, filters, a bulk accept of a whole page, the next pending entry after a decision,
user text shown as text."""
import json

import pytest

from db import stats, write_transaction
from tests.stats_fixture import build_week, unit_id

MANY = 2_100


@pytest.fixture(autouse=True)
def admin_exists(admin):
    return admin


@pytest.fixture
def big_week(db):
    event_id = build_week(db)
    school = unit_id(db, "THCS-THANGLONG")
    rows = [(event_id, school, "00007", "library", f"Đọc sách số {i}", "2020-10-0" +
             str(2 + i % 6), "truc_tiep", 10 + i % 7, json.dumps(["hoc_sinh"]),
             f"2020-10-02T08:{i % 60:02d}:00+07:00") for i in range(MANY)]
    with write_transaction(db):  # one commit (one fsync), not 2 100
        db.conn.executemany(
            "insert into activities (event_id, unit_id, ward_code, type, title, start_date, "
            "end_date, format, participants, audiences, created_at) "
            "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [r[:6] + (r[5],) + r[6:] for r in rows])
    return event_id


def open_review(app_for, committee, state=None):
    at = app_for(committee)
    for key, value in (state or {}).items():
        at.session_state[key] = value
    at.switch_page("app_pages/committee_review.py").run()
    assert not at.exception, at.exception
    return at


def table(at):
    return next(d for d in at.dataframe if d.key and d.key.startswith("rev_table_"))


def page_text(at):
    return " ".join(m.value for m in at.markdown)


def test_the_true_count_paging_and_review_progress(app_for, db, committee, big_week):
    at = open_review(app_for, committee)
    live = db.execute("select count(*) from activities where deleted = 0").fetchone()[0]
    assert live == MANY + 5
    assert "**2.105 mục** phù hợp bộ lọc — đang xem mục 1–50, trang 1/43" in page_text(at)
    assert len(table(at).value) == 50
    at.button(key="rev_next").click().run()
    assert "mục 51–100, trang 2/43" in page_text(at)
    assert list(table(at).value["Ngày"])[0].count("/") == 2  # dd/mm/yyyy
    # review progress: overall, per ward, per unit
    assert any("Đã duyệt 2/2.105 hoạt động" in p.proto.text for p in at.get("progress"))
    wards = next(d.value for d in at.dataframe if "Phường" in d.value.columns
                 and "Đã duyệt" in d.value.columns)
    assert len(wards) == 14
    # Cống Vị (00007): 2 100 + a submitted and a needs-fix entry of THCS Thăng Long
    assert list(wards["Đã duyệt"])[3] == "đã duyệt 1/2.102"
    units = next(d.value for d in at.dataframe if "Đơn vị" in d.value.columns
                 and "Đã duyệt" in d.value.columns)
    # THCS Thăng Long: 2 100 + its 3 own (one accepted, one needs-fix)
    shown = dict(zip(units["Đơn vị"], units["Đã duyệt"]))
    assert shown["Trường THCS Thăng Long"] == "đã duyệt 2/2.103"
    assert list(units["Tỷ lệ"])[0] == "0%"  # least reviewed share first




def test_bulk_accept_of_a_whole_page(app_for, db, committee, big_week):
    at = open_review(app_for, committee, {"rev_status": "submitted", "rev_size": 500})
    ids = list(table(at).value["Số"])
    assert len(ids) == 500
    before = stats.summary(db, big_week)["totals"]["activities"]
    at.session_state[table(at).key] = {"selection": {"rows": list(range(500)),
                                                     "columns": [], "cells": []}}
    at.run()
    assert at.button(key="rev_bulk_accept").label == "Duyệt 500 mục"
    at.button(key="rev_bulk_accept").click().run()
    assert not at.exception
    statuses = db.execute(f"select distinct status from activities where id in "
                          f"({', '.join(map(str, ids))})").fetchall()
    assert statuses == [("accepted",)]
    assert db.execute("select count(*) from audit_log where action = 'review'"
                      ).fetchone()[0] == 500
    assert any("Đã lưu kết quả duyệt cho 500 mục" in s.value for s in at.success)
    # also where the eye is: the form by the buttons is gone, the top is off-screen
    assert any("Đã lưu kết quả duyệt cho 500 mục" in t.value for t in at.toast)
    # the table redraws without a reload: the accepted entries left the 'submitted' filter
    assert "**1.603 mục**" in page_text(at)  # 2 100 + 4 submitted − 500 − 1 accepted before
    assert stats.summary(db, big_week)["totals"]["activities"] == before  # accepting: same count


def test_bulk_needs_fix_needs_one_comment(app_for, db, committee, big_week):
    at = open_review(app_for, committee, {"rev_status": "submitted"})
    ids = list(table(at).value["Số"])[:3]
    at.session_state[table(at).key] = {"selection": {"rows": [0, 1, 2], "columns": [],
                                                     "cells": []}}
    at.run()
    at.button(key="rev_bulk_needs_fix").click().run()
    assert any("Hãy ghi rõ cần sửa gì" in e.value for e in at.error)
    assert db.execute("select count(*) from activities where status = 'needs_fix'"
                      ).fetchone()[0] == 1
    at.text_area(key="rev_bulk_comment").input("Thiếu ảnh")
    at.button(key="rev_bulk_needs_fix").click().run()
    rows = db.execute(f"select status, review_comment from activities where id in "
                      f"({', '.join(map(str, ids))})").fetchall()
    assert rows == [("needs_fix", "Thiếu ảnh")] * 3


def test_after_a_decision_the_next_pending_entry_opens(app_for, db, committee, big_week):
    at = open_review(app_for, committee, {"rev_sort": "oldest"})
    first = at.session_state["rev_current"]
    assert db["activities"].get(first)["status"] == "submitted"
    at.button(key="rev_accept").click().run()
    assert db["activities"].get(first)["status"] == "accepted"
    following = db.execute("select min(id) from activities where status = 'submitted' and "
                           "deleted = 0 and id > ?", [first]).fetchone()[0]
    assert at.session_state["rev_current"] == following
    assert any("Đã mở mục chờ duyệt tiếp theo" in s.value for s in at.success)
    row = list(table(at).value["Số"]).index(first)
    assert table(at).value["Trạng thái"][row] == "Đã duyệt"  # updated without a reload


def test_filters_text_day_and_unit(app_for, db, committee, big_week):
    at = open_review(app_for, committee, {"rev_text": "doc sach so 1999"})
    assert "**1 mục**" in page_text(at)
    at.text_input(key="rev_text").set_value("")
    at.selectbox(key="rev_day").set_value("2020-10-07")
    at.selectbox(key="rev_tier").set_value("thcs").run()
    n = db.execute("select count(*) from activities a join units u on u.id = a.unit_id "
                   "where a.deleted = 0 and a.start_date = '2020-10-07' and u.tier = 'thcs'"
                   ).fetchone()[0]
    assert f"**{n:,} mục**".replace(",", ".") in page_text(at)


def test_user_text_is_shown_as_text(app_for, db, committee, big_week):
    hostile = "![](http://evil.example/x.png) **đậm**"
    db.execute("update activities set title = ?, description = ?, evidence_url = ? "
               "where id = 1", [hostile, hostile, "https://a.b/x)![](http://h/u.png"])
    at = open_review(app_for, committee, {"rev_sort": "oldest"})
    assert at.session_state["rev_current"] == 1
    rendered = [m.value for m in at.markdown] + [c.value for c in at.caption]
    assert not any("![](" in v for v in rendered)  # never raw markdown source
    assert any(hostile == t.value for t in at.text)  # the description, as typed
