"""manage.py init and create-user."""
import io

import pytest

import manage
from core import passwords
from db import connect, users
from tests.conftest import PASSWORD


def run(path, *args):
    return manage.main(["--db", str(path), *args])


def test_init_creates_the_database_file_and_is_idempotent(tmp_path):
    path = tmp_path / "sub" / "llw.db"
    assert run(path, "init") == 0 and path.exists()
    assert run(path, "init") == 0
    assert connect(path)["units"].count == 34


def test_db_defaults_to_the_environment_variable(tmp_path, monkeypatch):
    path = tmp_path / "env.db"
    monkeypatch.setenv("LLW_DB", str(path))
    assert manage.main(["init"]) == 0 and path.exists()


def test_create_admin_with_password_from_stdin(db_path, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert run(db_path, "create-user", "--name", "Nguyễn Văn An", "--username", "Quan.Tri", "--role", "admin",
               "--password-stdin") == 0
    user = users.get(connect(db_path), "quan.tri")
    assert user["role"] == "admin" and passwords.verify_password(PASSWORD, user["password_hash"])


def test_create_unit_user_attached_to_its_unit(db_path):
    assert run(db_path, "create-user", "--name", "Nguyễn Văn An", "--username", "thcs.thang.long", "--role", "unit",
               "--unit-code", "THCS-THANGLONG", "--password", PASSWORD) == 0
    db = connect(db_path)
    unit_id = db.execute("select unit_id from users where username = 'thcs.thang.long'"
                         ).fetchone()[0]
    assert db.execute("select code from units where id = ?", [unit_id]).fetchone()[0] == \
        "THCS-THANGLONG"


@pytest.mark.parametrize("args,message", [
    (["--username", "x.y.z", "--role", "unit", "--unit-code", "NOPE"], "Không có đơn vị"),
    (["--username", "x.y.z", "--role", "unit"], "phải gắn với một đơn vị"),
    (["--username", "x.y.z", "--role", "committee", "--unit-code", "HKH"], "Chỉ tài khoản đơn vị"),
    (["--username", "x y", "--role", "committee"], "Tên đăng nhập"),
])
def test_create_user_refuses_bad_input(db_path, capsys, args, message):
    assert run(db_path, "create-user", "--name", "Nguyễn Văn An", *args, "--password",
               PASSWORD) == 1
    assert message in capsys.readouterr().err
    assert connect(db_path)["users"].count == 0


def test_create_user_refuses_a_duplicate_username(db_path, capsys):
    assert run(db_path, "create-user", "--name", "Nguyễn Văn An", "--username", "a.b.c", "--role", "committee",
               "--password", PASSWORD) == 0
    assert run(db_path, "create-user", "--name", "Nguyễn Văn An", "--username", "A.B.C", "--role", "admin",
               "--password", PASSWORD) == 1
    assert "đã có" in capsys.readouterr().err
    assert connect(db_path)["users"].count == 1


def test_create_user_refuses_a_short_password(db_path, capsys):
    assert run(db_path, "create-user", "--name", "Nguyễn Văn An", "--username", "a.b.c", "--role", "admin",
               "--password", "ngắn") == 1
    assert "ít nhất 10" in capsys.readouterr().err
