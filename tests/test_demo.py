"""`manage.py demo`: a deterministic, clearly marked, valid simulated week."""
import pytest

import manage
from db import Actor, connect, demo, stats
from db.setup import prepare


def load(path, **kw):
    db = prepare(path)
    kw.setdefault("accounts", False)
    demo.load(db, Actor.system(), **kw)
    return db


def test_same_seed_gives_the_same_week(tmp_path):
    a = load(tmp_path / "a.db", units=40, activities=300, seed=7)
    b = load(tmp_path / "b.db", units=40, activities=300, seed=7)
    c = load(tmp_path / "c.db", units=40, activities=300, seed=8)
    assert stats.summary(a, 1) == stats.summary(b, 1)
    assert stats.summary(a, 1) != stats.summary(c, 1)


def test_sample_roster_covers_all_tiers_and_wards_and_is_marked(tmp_path):
    db = load(tmp_path / "d.db", units=56, activities=400)
    rows = db.execute("select tier, count(distinct ward_code), count(*) from units "
                      "where is_sample = 1 and kind = 'school' group by tier").fetchall()
    assert {r[0] for r in rows} == {"mam_non", "tieu_hoc", "thcs", "thpt"}
    assert all(r[1] == 14 and r[2] == 14 for r in rows)
    assert db.execute("select count(*) from units where is_sample = 1 and name not like "
                      "'[Mẫu]%'").fetchone()[0] == 0


def test_demo_rows_are_valid_and_the_week_is_alive(tmp_path):
    db = load(tmp_path / "d.db", units=60, activities=600)
    assert db.execute("pragma foreign_key_check").fetchall() == []
    assert db.execute("pragma integrity_check").fetchone()[0] == "ok"
    assert db["activities"].count == 600
    s = stats.summary(db, 1)["totals"]
    assert s["wards_covered"] == 14 and 0.5 < s["reporting_rate"] < 1
    assert 0 < s["activities"] < 600  # withdrawn and needs-fix entries exist and do not count
    assert db.execute("select count(*) from activities where start_date < '2020-10-02' or "
                      "end_date > '2020-10-07'").fetchone()[0] == 0
    assert db["learning_model_counts"].count == 14 * 4  # the 14 sample learning centres
    assert db["nominations"].count > 0 and db["report_submissions"].count > 0


def test_demo_is_loaded_once(tmp_path):
    db = load(tmp_path / "d.db", units=8, activities=20)
    with pytest.raises(demo.DemoAlreadyLoaded):
        demo.load(db, Actor.system(), units=8, activities=20)
    assert db["activities"].count == 20


def test_only_admin_or_system_loads_the_demo(db, committee):
    from db import AccessDenied

    with pytest.raises(AccessDenied):
        demo.load(db, committee, units=4, activities=4)
    assert db["activities"].count == 0


def test_cli_demo_prints_the_sample_accounts_once(db_path, capsys):
    assert manage.main(["--db", str(db_path), "demo", "--units", "8", "--activities", "40",
                        "--seed", "3"]) == 0
    out = capsys.readouterr().out
    assert "36 đơn vị mẫu, 40 hoạt động" in out  # 8 schools + 28 ward units
    # issue 13: the password is its own column, with no prefix and no space in it
    assert "Mẫu " not in out.split("Mật khẩu")[1]
    line = next(l for l in out.splitlines() if l.strip().startswith("mau.bcd"))
    username, role, password = line.split()[0], " ".join(line.split()[1:-1]), line.split()[-1]
    assert (username, role) == ("mau.bcd", "Ban chỉ đạo")
    assert len(password) == 14 and password.isalnum()
    db = connect(db_path)
    accounts = db.execute("select username, is_sample from users order by id").fetchall()
    assert ("mau.bcd", 1) in accounts and len(accounts) == 4
    assert password not in str(db.execute("select password_hash from users").fetchall())
    from core import passwords
    stored = db.execute("select password_hash from users where username = 'mau.bcd'"
                        ).fetchone()[0]
    assert passwords.verify_password(password, stored)  # exactly what was printed signs in
    assert manage.main(["--db", str(db_path), "demo"]) == 1
    assert "đã được nạp" in capsys.readouterr().err
