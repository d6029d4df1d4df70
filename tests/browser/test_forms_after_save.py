"""Issue 20, deliver 1, in a real browser: after «Đã lưu» a form is clean, so what is saved
next is what was chosen next. The two scenarios of the issue: a decision picked from the
ranking, then three picks made from nominations only (each must carry its nomination's
unit, not the previous pick's); four budget lines typed in a row (each stored as typed,
the duplicate asks first); and a review comment not carried to the next entry."""
import os
import time

import pytest

from db import connect
from tests import closing_fixture as fx
from tests.browser.conftest import login, settle
from tests.conftest import PASSWORD, make_user

pytestmark = pytest.mark.browser
SHOTS = os.environ.get("LLW_SCREENSHOTS")  # a folder: save screenshots to look at
NOMINEES = [("Nguyễn Văn Ấn", "TH-NGOCHA"), ("Trần Thị Bé", "MN-KIMMA"),
            ("Lê Văn Cường", "THCS-THANGLONG")]


def prepare(db):
    make_user(db, "quan.tri", "admin")
    make_user(db, "ban.chi.dao", "committee")
    event_id = fx.build_week(db)
    for name, unit in NOMINEES:
        fx.add_nomination(db, event_id, unit, name, status="approved")


def shot(page, name):
    if SHOTS:
        page.screenshot(path=os.path.join(SHOTS, f"{name}.png"), full_page=True)


def open_page(page, link_name):
    page.locator('[data-testid="stSidebarNav"]').wait_for(timeout=30_000)
    page.locator('[data-testid="stSidebarNav"] a').filter(has_text=link_name).click()
    settle(page)


def choose(page, label, option):
    box = page.locator('[data-testid="stSelectbox"]').filter(has_text=label)
    box.locator("input").click()
    page.get_by_role("option").filter(has_text=option).first.click()


def chosen(page, label) -> str:
    return page.locator('[data-testid="stSelectbox"]').filter(has_text=label).inner_text()


def rows(server, sql):
    db = connect(server.db_path)
    try:
        return [tuple(r) for r in db.execute(sql).fetchall()]
    finally:
        db.conn.close()


def wait_rows(server, sql, count, timeout=30):
    deadline = time.time() + timeout
    while time.time() < deadline:
        found = rows(server, sql)
        if len(found) == count:
            return found
        time.sleep(0.3)
    raise AssertionError(f"expected {count} rows, found {rows(server, sql)}")


def unit_id(server, code):
    return rows(server, f"select id from units where code = '{code}'")[0][0]


def test_three_picks_from_nominations_each_carry_the_nominations_unit(server, page):
    login(page, server.url, "ban.chi.dao", PASSWORD)
    open_page(page, "Khen thưởng")
    picks = "select recipient_name, recipient_unit_id, nomination_id from commendations " \
            "order by id"

    def decide(count):
        page.get_by_role("button", name="Thêm vào danh sách khen thưởng").click()
        found = wait_rows(server, picks, count)
        settle(page)
        page.get_by_role("tab", name="Quyết định khen thưởng").click()
        return found

    page.get_by_role("tab", name="Quyết định khen thưởng").click()
    # first a unit from the ranking (the pick whose unit stuck to the next ones)
    choose(page, "Danh hiệu", "Tổ chức hoạt động tốt")
    choose(page, "Đơn vị được khen", "Trường Tiểu học Điện Biên")
    page.get_by_label("Lý do khen thưởng", exact=True).fill("Tổ chức nhiều hoạt động")
    decide(1)
    for n, (name, unit) in enumerate(NOMINEES, start=2):
        # the form is clean: no unit, no nomination, no reason left from the last pick
        assert "Trường Tiểu học Điện Biên" not in chosen(page, "Đơn vị được khen")
        assert page.get_by_label("Lý do khen thưởng", exact=True).input_value() == ""
        choose(page, "Danh hiệu", "Tấm gương tự học")
        choose(page, "Hoặc chọn từ đề xuất đã duyệt", name)
        page.get_by_label("Lý do khen thưởng", exact=True).fill(f"Tự học suốt đời {n}")
        decide(n)
    shot(page, "picks_saved")
    stored = rows(server, picks)
    assert stored[0][:2] == ("Trường Tiểu học Điện Biên", unit_id(server, "TH-DIENBIEN"))
    assert [(name, unit_id_) for name, unit_id_, _ in stored[1:]] == [
        (name, unit_id(server, unit)) for name, unit in NOMINEES]
    assert all(nomination for _, _, nomination in stored[1:])
    assert page.locator('[data-testid="stException"]').count() == 0


BUDGET = [  # item, quantity, measure, price, note — as typed
    ("In băng rôn tuyên truyền", "20", "chiếc", "350.000", "Treo tại 14 phường"),
    ("Hoa, khánh tiết Lễ khai mạc", "1", "", "5.000.000", ""),
    ("Nước uống đại biểu", "2", "thùng", "120.000", ""),
    ("In băng rôn tuyên truyền", "20", "chiếc", "350.000", "Treo tại 14 phường"),
]


def test_four_budget_lines_in_a_row_are_stored_as_typed_and_a_duplicate_asks(server, page):
    login(page, server.url, "ban.chi.dao", PASSWORD)
    open_page(page, "Dự trù kinh phí")
    stored_sql = "select item, quantity, measure, unit_price, note from budget_lines " \
                 "order by sort, id"
    form = page.locator('[data-testid="stForm"]').filter(
        has=page.get_by_role("button", name="Thêm dòng", exact=True))
    for n, (item, quantity, measure, price, note) in enumerate(BUDGET, start=1):
        # a clean form: nothing of the last line is left to be saved again
        assert form.get_by_label("Nội dung chi", exact=True).input_value() == ""
        assert form.get_by_label("Ghi chú", exact=True).input_value() == ""
        assert form.get_by_label("Đơn vị tính", exact=True).input_value() == ""
        for label, value in (("Nội dung chi", item), ("Số lượng", quantity),
                             ("Đơn vị tính", measure), ("Đơn giá (đồng)", price),
                             ("Ghi chú", note)):
            if value:  # a field left empty is not touched, as a hurried clerk does
                form.get_by_label(label, exact=True).fill(value)
        form.get_by_role("button", name="Thêm dòng", exact=True).click()
        if n == 4:  # identical to line 1: asked first, nothing stored yet
            page.get_by_text("giống hệt dòng 1").wait_for(timeout=30_000)
            shot(page, "budget_duplicate_question")
            assert len(rows(server, stored_sql)) == 3
            page.get_by_role("button", name="Vẫn thêm dòng này").click()
        wait_rows(server, stored_sql, n)
        settle(page)
    assert rows(server, stored_sql) == [
        (item, float(quantity), measure, int(price.replace(".", "")), note)
        for item, quantity, measure, price, note in BUDGET]
    assert page.locator('[data-testid="stException"]').count() == 0


def two_waiting_activities(db):
    from db import entries, events

    make_user(db, "quan.tri", "admin")
    make_user(db, "ban.chi.dao", "committee")
    clerk = make_user(db, "ubnd.phuc.xa", "unit", "UBND-00001")
    for title in ("Lớp học trực tuyến", "Ngày hội đọc sách"):
        entries.create_activity(db, clerk, events.get(db, 2020)["id"], clerk.unit_id, {
            "type": "online_learning", "title": title, "start_date": "2020-10-03",
            "end_date": "2020-10-03", "format": "truc_tuyen", "participants": 40,
            "online_participants": 40, "audiences": ["nguoi_dan"]})


def test_a_review_comment_is_not_carried_to_the_next_entry(server_factory, page):
    """After «Yêu cầu sửa» with a comment the next entry opens: its comment box is empty,
    and accepting it stores no comment (the old one stayed in the box and was sent)."""
    server = server_factory(two_waiting_activities)
    login(page, server.url, "ban.chi.dao", PASSWORD)
    open_page(page, "Duyệt dữ liệu")
    form = page.locator('[data-testid="stForm"]').filter(
        has=page.get_by_role("button", name="Yêu cầu sửa"))
    box = form.get_by_label("Nhận xét (bắt buộc khi yêu cầu sửa)", exact=True)
    box.fill("Thiếu ảnh minh chứng")
    form.get_by_role("button", name="Yêu cầu sửa").click()
    decided = "select title, status, review_comment from activities " \
              "where status != 'submitted' order by id"
    wait_rows(server, decided, 1)
    settle(page)
    assert box.input_value() == ""
    form.get_by_role("button", name="Duyệt").click()
    stored = wait_rows(server, decided, 2)
    assert sorted((status, comment or "") for _title, status, comment in stored) == [
        ("accepted", ""), ("needs_fix", "Thiếu ảnh minh chứng")]
