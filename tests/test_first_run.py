"""The one-time first-admin page."""
import pytest

from db import AccessDenied, ValidationFailed, users
from tests.conftest import PASSWORD


def fill_first_admin(at, username, name, password, repeat=None):
    fields = {t.label: t for t in at.text_input}
    fields["Tên đăng nhập"].input(username)
    fields["Họ và tên"].input(name)
    fields["Mật khẩu"].input(password)
    fields["Nhập lại mật khẩu"].input(password if repeat is None else repeat)
    next(b for b in at.button if b.label == "Tạo tài khoản quản trị").click()
    return at.run()


def test_empty_database_shows_the_first_run_page(app_for):
    at = app_for(None)
    assert at.title[0].value == "Khởi tạo hệ thống"
    assert not [b for b in at.button if b.label == "Đăng nhập"]  # no login form yet


def test_first_run_creates_the_admin_then_the_page_disappears(app_for, db):
    at = fill_first_admin(app_for(None), "quan.tri", "Quản trị viên", PASSWORD)
    assert "Đã tạo tài khoản quản trị" in at.success[0].value
    assert users.get(db, "quan.tri")["role"] == "admin"
    again = app_for(None)
    assert not [t for t in again.title if t.value == "Khởi tạo hệ thống"]
    assert any(t.label == "Tên đăng nhập" for t in again.text_input)  # the login form


def test_first_run_keeps_values_and_writes_nothing_on_bad_input(app_for, db):
    at = fill_first_admin(app_for(None), "quan tri", "Quản trị viên", "ngắn")
    messages = " ".join(e.value for e in at.error)
    assert "Tên đăng nhập gồm" in messages and "ít nhất 10" in messages
    assert {t.label: t.value for t in at.text_input}["Họ và tên"] == "Quản trị viên"
    assert db["users"].count == 0


def test_first_run_refuses_mismatched_passwords(app_for, db):
    at = fill_first_admin(app_for(None), "quan.tri", "Quản trị", PASSWORD, PASSWORD + "x")
    assert "không khớp" in " ".join(e.value for e in at.error)
    assert db["users"].count == 0


def test_second_first_admin_is_refused_in_the_data_layer(db, admin):
    with pytest.raises(AccessDenied):
        users.create_user(db, None, username="ke.gian", name="x", role="admin",
                          password=PASSWORD, first_admin=True)
    assert db.execute("select count(*) from users where role = 'admin'").fetchone()[0] == 1


def test_first_run_may_only_create_an_admin(db):
    with pytest.raises(AccessDenied):
        users.create_user(db, None, username="a.b.c", name="x", role="committee",
                          password=PASSWORD, first_admin=True)


def test_non_admin_cannot_create_accounts(db, committee):
    with pytest.raises(AccessDenied):
        users.create_user(db, committee, username="a.b.c", name="x", role="admin",
                          password=PASSWORD)


def test_admin_creates_a_unit_account_that_sees_only_unit_pages(app_for, db, admin):
    from db import Actor

    users.create_user(db, admin, username="mn.hoa.sen", name="Cô Lan", role="unit",
                      password=PASSWORD, unit_code="UBND-00004")
    at = app_for(users.actor_for(db, "mn.hoa.sen"))
    assert at.title[0].value == "Trang chủ đơn vị"
    with pytest.raises(ValueError):
        at.switch_page("app_pages/admin_units.py")


def test_validation_failure_lists_each_field(db, admin):
    with pytest.raises(ValidationFailed) as failure:
        users.create_user(db, admin, username="", name="", role="unit", password="")
    assert set(failure.value.errors) == {"username", "name", "unit", "password"}
