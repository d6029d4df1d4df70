"""An office that is not Ba Đình replaces the seeded roster by its own: `deactivate-units`
by code, or every active unit not in its units file; unknown codes change nothing."""
import manage
from db import connect, units


def run(capsys, path, *argv):
    code = manage.main(["--db", str(path), *map(str, argv)])
    return code, capsys.readouterr()


def active_codes(path):
    db = connect(path)
    try:
        return {u["code"] for u in units.list_units(db, active=True)}
    finally:
        db.conn.close()


def test_only_the_units_of_the_offices_file_stay_active(tmp_path, capsys):
    path, own = tmp_path / "w.db", tmp_path / "don-vi.csv"
    own.write_text("Mã đơn vị,Tên đơn vị,Loại đơn vị,Cấp học,Phường\n"
                   "TH-HK-01,Trường Tiểu học Hoàn Kiếm,Trường học,Tiểu học,\n", encoding="utf-8")
    assert run(capsys, path, "init")[0] == 0
    assert run(capsys, path, "import-units", own)[0] == 0
    seeded = active_codes(path) - {"TH-HK-01"}
    assert len(seeded) == 34  # Ba Đình's district units, ward committees and centres
    code, out = run(capsys, path, "deactivate-units", "--not-in", own)
    assert code == 0 and "34" in out.out
    assert active_codes(path) == {"TH-HK-01"}
    db = connect(path)
    assert db.execute("select count(*) from audit_log where action = 'deactivate'"
                      ).fetchone()[0] == 34


def test_an_unknown_code_changes_nothing(tmp_path, capsys):
    path = tmp_path / "w.db"
    assert run(capsys, path, "init")[0] == 0
    before = active_codes(path)
    code, out = run(capsys, path, "deactivate-units", "PGDDT", "KHONG-CO")
    assert code == 1 and "KHONG-CO" in out.err
    assert active_codes(path) == before


def test_not_in_a_file_acts_on_the_named_week_only(tmp_path, capsys):
    """An office moving to its own roster in 2026 leaves 2020's roster as it was."""
    path, own = tmp_path / "w.db", tmp_path / "don-vi.csv"
    own.write_text("Mã đơn vị,Tên đơn vị,Loại đơn vị,Cấp học,Phường\n"
                   "TH-HK-01,Trường Tiểu học Hoàn Kiếm,Trường học,Tiểu học,\n", encoding="utf-8")
    assert run(capsys, path, "init")[0] == 0
    assert run(capsys, path, "new-week", "--year", "2026")[0] == 0
    assert run(capsys, path, "import-units", own, "--year", "2026")[0] == 0
    code, out = run(capsys, path, "deactivate-units", "--year", "2026", "--not-in", own)
    assert code == 0 and "Tuần lễ năm 2026" in out.out and "34" in out.out
    listed = {year: {line.split("\t")[0] for line in run(
        capsys, path, "list-units", "--year", year)[1].out.splitlines()}
        for year in ("2020", "2026")}
    assert listed["2026"] == {"TH-HK-01"}
    assert len(listed["2020"]) == 34 and "TH-HK-01" not in listed["2020"]
