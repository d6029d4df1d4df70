"""manage.py import-units and list-units: good files, and each kind of bad row."""
import pytest

import manage
from core.tabular import template_xlsx
from core.validation import UNIT_COLUMNS

HEADER = "code,name,kind,tier,ward_code,email,phone\n"
GOOD_ROWS = (
    "MN-HOA-SEN,Trường Mầm non Hoa Sen,school,mam_non,00025,mnhoasen@hanoiedu.vn,\n"
    "TH-PHUC-XA,Trường Tiểu học Phúc Xá,school,tieu_hoc,00001,,024 1234 5678\n"
    "TV-QUAN,Thư viện quận Ba Đình,library,,00031,,\n"
)


def write(tmp_path, text, name="units.csv", encoding="utf-8"):
    path = tmp_path / name
    path.write_text(text, encoding=encoding)
    return path


def run(db_path, *args):
    return manage.main(["--db", str(db_path), *map(str, args)])


def unit_codes(db):
    return {row[0] for row in db.execute("select code from units")}


def test_import_good_csv_creates_every_unit(db_path, db, tmp_path, capsys):
    before = db["units"].count
    assert run(db_path, "import-units", write(tmp_path, HEADER + GOOD_ROWS)) == 0
    assert db["units"].count == before + 3
    row = db.execute("select name, kind, tier, ward_code from units where code = 'MN-HOA-SEN'"
                     ).fetchone()
    assert row == ("Trường Mầm non Hoa Sen", "school", "mam_non", "00025")
    assert "3" in capsys.readouterr().out


def test_import_csv_with_byte_order_mark(db_path, db, tmp_path):
    assert run(db_path, "import-units",
               write(tmp_path, HEADER + GOOD_ROWS, encoding="utf-8-sig")) == 0
    assert "TV-QUAN" in unit_codes(db)


def test_import_xlsx(db_path, db, tmp_path):
    rows = [line.split(",") for line in GOOD_ROWS.strip().splitlines()]
    path = tmp_path / "units.xlsx"
    path.write_bytes(template_xlsx(UNIT_COLUMNS, rows))
    assert run(db_path, "import-units", path) == 0
    assert {"MN-HOA-SEN", "TH-PHUC-XA", "TV-QUAN"} <= unit_codes(db)


def test_imported_decomposed_text_is_stored_nfc(db_path, db, tmp_path):
    import unicodedata

    nfd = unicodedata.normalize("NFD", "Trường Mầm non Hoa Sen")
    run(db_path, "import-units", write(tmp_path, HEADER + f"MN-X,{nfd},school,mam_non,00025,,\n"))
    name = db.execute("select name from units where code = 'MN-X'").fetchone()[0]
    assert name == unicodedata.normalize("NFC", nfd)


@pytest.mark.parametrize("bad_row,reason", [
    ("X1,Trường X,factory,,00001,,", "cột «kind» («factory»): Không có trong danh mục"),
    ("X2,Trường X,school,dai_hoc,00001,,", "cột «tier» («dai_hoc»): Không có trong danh mục"),
    ("X3,Trường X,school,,00001,,", "phải có cấp học"),
    ("X4,Thư viện X,library,thcs,00001,,", "chỉ trường học"),
    ("X5,Trường X,school,thcs,99999,,", "cột «ward_code» («99999»): Không có trong danh"),
    ("X6,,school,thcs,00001,,", "thiếu tên"),
    ("X7,Trường X,school,thcs,00001,không-phải-email,", "email"),
    ("THCS-THANGLONG,Trường THCS Thăng Long,school,thcs,00007,,", "đã có"),
])
def test_one_bad_row_writes_nothing_and_names_its_line(db_path, db, tmp_path, capsys,
                                                       bad_row, reason):
    before = db["units"].count
    path = write(tmp_path, HEADER + GOOD_ROWS + bad_row + "\n")
    assert run(db_path, "import-units", path) == 1
    assert db["units"].count == before
    out = capsys.readouterr()
    line = [l for l in (out.out + out.err).splitlines() if l.startswith("dòng 5, ")]
    assert line and reason in line[0]
    assert "--update" not in out.out or reason == "đã có"  # the option only where it helps


def test_a_code_twice_in_the_file_is_refused(db_path, db, tmp_path, capsys):
    rows = GOOD_ROWS + "TV-QUAN,Thư viện khác,library,,00031,,\n"
    assert run(db_path, "import-units", write(tmp_path, HEADER + rows)) == 1
    assert "TV-QUAN" not in unit_codes(db)
    assert ("dòng 5, cột «code» («TV-QUAN»): mã «TV-QUAN» xuất hiện hai lần trong tệp (dòng 4)"
            in capsys.readouterr().out)


def test_every_bad_row_is_listed(db_path, tmp_path, capsys):
    rows = "A1,,school,thcs,00001,,\nA2,Trường,school,thcs,00001,,\nA3,T,bad,,00001,,\n"
    assert run(db_path, "import-units", write(tmp_path, HEADER + rows)) == 1
    out = capsys.readouterr().out
    assert "dòng 2," in out and "dòng 4," in out and "dòng 3," not in out


def test_update_flag_updates_existing_units(db_path, db, tmp_path):
    row = "THCS-THANGLONG,Trường THCS Thăng Long (mới),school,thcs,00007,tl@hanoiedu.vn,\n"
    assert run(db_path, "import-units", "--update", write(tmp_path, HEADER + row)) == 0
    assert db.execute("select name, email from units where code = 'THCS-THANGLONG'"
                      ).fetchone() == ("Trường THCS Thăng Long (mới)", "tl@hanoiedu.vn")


def test_missing_columns_are_reported(db_path, db, tmp_path, capsys):
    before = db["units"].count
    assert run(db_path, "import-units", write(tmp_path, "code,name\nA,B\n")) == 1
    assert "tệp thiếu cột: Loại đơn vị, Phường" in capsys.readouterr().out
    assert db["units"].count == before


def test_a_file_in_no_known_encoding_is_refused(db_path, tmp_path, capsys):
    """Not UTF-8, UTF-16 or Windows-1258 (0x81 is no Windows-1258 character): refused with
    what to do in Excel."""
    path = tmp_path / "units.csv"
    path.write_bytes((HEADER + GOOD_ROWS).encode("utf-8").replace("ư".encode(), b"\x81"))
    assert run(db_path, "import-units", path) == 1
    err = capsys.readouterr().err
    assert "UTF-8" in err and "Lưu lại bằng Excel" in err and "CSV UTF-8" in err


def test_a_damaged_xlsx_is_refused(db_path, tmp_path, capsys):
    path = tmp_path / "units.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a workbook")
    assert run(db_path, "import-units", path) == 1
    assert "Không đọc được tệp" in capsys.readouterr().err


def test_import_is_audited_per_unit(db_path, db, tmp_path):
    run(db_path, "import-units", write(tmp_path, HEADER + GOOD_ROWS))
    rows = db.execute("select username, action from audit_log where table_name = 'units'"
                      ).fetchall()
    assert rows == [("manage.py", "create")] * 3


def test_list_units_prints_one_unit_per_line(db_path, capsys):
    assert run(db_path, "list-units") == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 34
    assert "THCS-THANGLONG\tTrường THCS Thăng Long\tschool\tthcs\t00007" in lines


def test_import_by_a_non_admin_is_refused(db, unit_user):
    from core.tabular import read_table
    from db import AccessDenied, units

    table = read_table((HEADER + GOOD_ROWS).encode(), "u.csv")
    with pytest.raises(AccessDenied):
        units.import_units(db, unit_user, table)
