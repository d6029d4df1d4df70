"""The admin's «Đơn vị và tài khoản» page through AppTest: forms write exactly what they
should, and bad input shows its message next to the field and writes nothing."""
from db import users
from tests.conftest import PASSWORD


def open_page(app_for, admin):
    at = app_for(admin)
    return at.switch_page("app_pages/admin_units.py").run()


def field(at, label, key_prefix):
    return next(w for w in at.text_input if w.label == label and w.key.startswith(key_prefix))


def click(at, label):
    next(b for b in at.button if b.label == label).click()
    return at.run()


def errors(at) -> str:
    return " ".join(e.value for e in at.error)


def test_units_list_filters_by_ward(app_for, admin):
    at = open_page(app_for, admin)
    at.selectbox(key="units_f_ward").set_value("00001").run()
    captions = [c.value for c in at.caption]
    assert "2 đơn vị" in captions  # UBND and TTHTCĐ of Phúc Xá
    assert captions[0].startswith("Danh sách đơn vị tham gia Tuần lễ năm 2020: 34 đơn vị")


def test_add_a_unit_through_the_form(app_for, db, admin):
    at = open_page(app_for, admin)
    field(at, "Mã", "u_code").input("TV-QUAN")
    field(at, "Tên", "u_name").input("Thư viện quận Ba Đình")
    at.selectbox(key="u_kind_new").set_value("library")
    at.selectbox(key="u_ward_new").set_value("00031")
    at = click(at, "Lưu")
    assert "Đã lưu đơn vị" in at.success[0].value
    assert db.execute("select name, kind, ward_code from units where code = 'TV-QUAN'"
                      ).fetchone() == ("Thư viện quận Ba Đình", "library", "00031")


def test_a_school_without_tier_is_refused_and_nothing_is_written(app_for, db, admin):
    before = db["units"].count
    at = open_page(app_for, admin)
    field(at, "Mã", "u_code").input("TH-MOI")
    field(at, "Tên", "u_name").input("Trường Tiểu học Mới")
    at = click(at, "Lưu")  # kind defaults to school, tier left empty
    assert "phải có cấp học" in errors(at)
    assert field(at, "Tên", "u_name").value == "Trường Tiểu học Mới"  # typed value kept
    assert db["units"].count == before


def test_the_page_retires_a_unit_from_the_chosen_week_only_and_adds_it_back(app_for, db,
                                                                            admin):
    from db import Actor, events, new_week, roster

    new_week.create(db, Actor.system("test"), 2026)
    y2020, y2026 = events.get(db, 2020)["id"], events.get(db, 2026)["id"]
    unit_id = db.execute("select id from units where code = 'HKH'").fetchone()[0]
    at = open_page(app_for, admin)
    at.sidebar.selectbox(key="event_year").set_value(2020).run()  # an older week
    at.selectbox(key="unit_pick").set_value(unit_id).run()
    at = click(at, "Bỏ khỏi Tuần lễ năm 2020")
    assert not roster.member(db, y2020, unit_id) and roster.member(db, y2026, unit_id)
    assert any("Tuần lễ năm 2020" in s.value for s in at.success)
    at.selectbox(key="unit_pick").set_value(unit_id).run()
    at = click(at, "Thêm vào Tuần lễ năm 2020")
    assert roster.member(db, y2020, unit_id)


def test_create_an_account_for_a_unit(app_for, db, admin):
    at = open_page(app_for, admin)
    field(at, "Tên đăng nhập", "acc_username").input("ubnd.phuc.xa")
    field(at, "Họ và tên", "acc_name").input("Chị Trần Thu Hà")
    at.selectbox(key="acc_role").set_value("unit")
    at.selectbox(key="acc_unit").set_value("UBND-00001")
    field(at, "Mật khẩu", "acc_password").input(PASSWORD)
    at = click(at, "Tạo tài khoản")
    assert "Đã tạo tài khoản «ubnd.phuc.xa»" in at.success[0].value
    user = users.get(db, "ubnd.phuc.xa")
    assert user["role"] == "unit" and user["name"] == "Chị Trần Thu Hà"


def test_account_form_refuses_a_unit_role_without_unit(app_for, db, admin):
    at = open_page(app_for, admin)
    field(at, "Tên đăng nhập", "acc_username").input("ai.do")
    field(at, "Họ và tên", "acc_name").input("Ai đó")
    at.selectbox(key="acc_role").set_value("unit")
    field(at, "Mật khẩu", "acc_password").input(PASSWORD)
    at = click(at, "Tạo tài khoản")
    assert "phải gắn với một đơn vị" in errors(at)
    assert users.get(db, "ai.do") is None


def test_reset_password_and_unlock(app_for, db, admin, committee):
    db.execute("update users set locked_until = '2999-01-01T00:00:00+07:00', "
               "failed_attempts = 3 where id = ?", [committee.user_id])
    at = open_page(app_for, admin)
    at.selectbox(key="acc_pick").set_value(committee.user_id).run()
    at = click(at, "Mở khóa")
    assert users.get(db, "ban.chi.dao")["locked_until"] is None
    next(w for w in at.text_input if w.key == "acc_reset").input("Mật khẩu mới năm 2021")
    at = click(at, "Đặt lại mật khẩu")
    assert "Đã đặt lại mật khẩu" in at.success[0].value
    from core import passwords

    assert passwords.verify_password("Mật khẩu mới năm 2021",
                                     users.get(db, "ban.chi.dao")["password_hash"])


def test_the_page_renames_a_unit_in_the_chosen_week_only(app_for, db, admin):
    """Issue 21 Deliver 2: the form edits the unit as the week chosen in the sidebar has
    it; the other week keeps its name (db/week_units.py)."""
    from db import Actor, events, new_week, week_units

    new_week.create(db, Actor.system("test"), 2026)
    y2020, y2026 = events.get(db, 2020)["id"], events.get(db, 2026)["id"]
    unit_id = db.execute("select id from units where code = 'HKH'").fetchone()[0]
    old = week_units.get(db, y2020, unit_id)["name"]
    for year, new in ((2020, "Hội Khuyến học (tên năm 2020)"),
                      (2026, "Hội Khuyến học (tên năm 2026)")):
        at = open_page(app_for, admin)
        at.sidebar.selectbox(key="event_year").set_value(year).run()
        at.selectbox(key="unit_pick").set_value(unit_id).run()
        assert field(at, "Tên", "u_name").value == old  # 2026 did not get 2020's new name
        field(at, "Tên", "u_name").set_value(new)
        at = click(at, "Lưu")
        assert "Đã lưu đơn vị" in at.success[0].value
    assert week_units.get(db, y2020, unit_id)["name"] == "Hội Khuyến học (tên năm 2020)"
    assert week_units.get(db, y2026, unit_id)["name"] == "Hội Khuyến học (tên năm 2026)"
