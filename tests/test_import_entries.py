"""Bulk import of activities and propaganda: manage.py and the data layer the pages use.
All or nothing by default, `dòng N, cột «C» («value»): reason` for every problem, exit code 1.
(These files use the first importer's code headers and values, which keep working; the
clerk-style files are in test_import_clerk.py.)"""
import json
import re

import pytest

import manage
from core.tabular import read_table, template_csv, template_xlsx
from db import entries, events

ACT_HEADER = ("unit_code,ward_code,type,title,start_date,end_date,format,participants,"
              "online_participants,audiences,evidence_url,description")
GOOD_ACT = ("THCS-THANGLONG,,library,Ngày hội đọc sách,2020-10-03,2020-10-03,truc_tiep,150,0,"
            "hoc_sinh;phu_huynh,https://thcsthanglong.edu.vn/a,Thư viện trường")
GOOD_ACT_2 = ("UBND-00001,00004,sports,Giải chạy «Học tập suốt đời»,03/10/2020,04/10/2020,"
              "ket_hop,300,20,nguoi_dan,,")
PROP_HEADER = "unit_code,ward_code,channel,quantity,date,slogans,link,note"
GOOD_PROP = "UBND-00001,,banner,12,2020-10-02,1;5,,Trụ sở phường"


def write(tmp_path, name, header, *lines, bom=False):
    path = tmp_path / name
    text = "\n".join([header, *lines]) + "\n"
    path.write_bytes(("\ufeff" if bom else "").encode() + text.encode("utf-8"))
    return path


def run(db_path, *argv):
    return manage.main(["--db", str(db_path), *argv])


def count(db, table):
    return db.execute(f"select count(*) from {table}").fetchone()[0]


@pytest.mark.parametrize("bom", [False, True])
def test_good_activities_csv_is_imported_and_attributed(db, db_path, tmp_path, capsys, bom):
    path = write(tmp_path, "hoat-dong.csv", ACT_HEADER, GOOD_ACT, GOOD_ACT_2, bom=bom)
    assert run(db_path, "import-activities", str(path)) == 0
    assert "Đã nhập 2 dòng" in capsys.readouterr().out
    rows = list(db.query("select * from activities order by id"))
    assert rows[0]["ward_code"] == "00007"  # empty ward_code: the unit's ward
    assert rows[1]["ward_code"] == "00004" and rows[1]["start_date"] == "2020-10-03"
    assert json.loads(rows[0]["audiences"]) == ["hoc_sinh", "phu_huynh"]
    assert rows[0]["created_by_name"] == "manage.py" and rows[0]["status"] == "submitted"
    audit = list(db.query("select * from audit_log where table_name = 'activities'"))
    assert len(audit) == 2 and audit[0]["username"] == "manage.py"
    assert json.loads(audit[1]["detail"]) == {"import": "hoat-dong.csv", "line": 3}


def test_good_propaganda_xlsx_is_imported(db, db_path, tmp_path, capsys):
    path = tmp_path / "tuyen-truyen.xlsx"
    path.write_bytes(template_xlsx(PROP_HEADER.split(","), [GOOD_PROP.split(",")]))
    assert run(db_path, "import-propaganda", str(path)) == 0
    row = next(db.query("select * from propaganda"))
    assert (row["channel"], row["quantity"], json.loads(row["slogans"])) == ("banner", 12,
                                                                             [1, 5])


UNKNOWN = "Không có trong danh mục"
BAD_ACTIVITY_ROWS = [
    ("unknown unit", GOOD_ACT.replace("THCS-THANGLONG", "KHONG-CO"),
     "cột «unit_code» («KHONG-CO»): Không có đơn vị này"),
    ("unknown type", GOOD_ACT.replace("library", "bowling"), f"cột «type» («bowling»): {UNKNOWN}"),
    ("unknown ward", GOOD_ACT_2.replace("00004", "99999"),
     f"cột «ward_code» («99999»): {UNKNOWN}"),
    ("negative count", GOOD_ACT.replace(",150,", ",-150,"), "«-150» không phải số nguyên"),
    ("non-numeric", GOOD_ACT.replace(",150,", ",nhiều,"), "«nhiều» không phải số nguyên"),
    ("end before start", GOOD_ACT_2.replace("04/10/2020", "02/10/2020"),
     "Ngày kết thúc (02/10/2020) trước ngày bắt đầu (03/10/2020)"),
    ("impossible date", GOOD_ACT_2.replace("03/10/2020", "31/02/2020"),
     "Ngày «31/02/2020» không hợp lệ"),
    ("empty title", GOOD_ACT.replace("Ngày hội đọc sách", " "), "Vui lòng nhập tên"),
    ("bad format", GOOD_ACT.replace("truc_tiep", "zoom"), f"cột «format» («zoom»): {UNKNOWN}"),
    ("outside week", GOOD_ACT.replace("2020-10-03,2020-10-03", "2020-11-03,2020-11-03"),
     "nằm ngoài Tuần lễ"),
]


@pytest.mark.parametrize("label,bad_row,reason", BAD_ACTIVITY_ROWS,
                         ids=[r[0] for r in BAD_ACTIVITY_ROWS])
def test_one_bad_activity_row_and_nothing_is_written(db, db_path, tmp_path, capsys, label,
                                                    bad_row, reason):
    path = write(tmp_path, "a.csv", ACT_HEADER, GOOD_ACT, bad_row, GOOD_ACT_2)
    assert run(db_path, "import-activities", str(path)) == 1
    captured = capsys.readouterr()
    problems = [line for line in captured.out.splitlines() if line.startswith("dòng ")]
    assert problems and all(line.startswith("dòng 3, ") for line in problems)
    assert any(reason in line for line in problems)
    assert "Không nhập dòng nào" in captured.err
    assert count(db, "activities") == 0 and count(db, "audit_log where table_name = "
                                                  "'activities'") == 0


BAD_PROPAGANDA_ROWS = [
    ("unknown channel", GOOD_PROP.replace("banner", "tiktok"),
     f"cột «channel» («tiktok»): {UNKNOWN}"),
    ("unknown unit", GOOD_PROP.replace("UBND-00001", "UBND-99999"), "Không có đơn vị này"),
    ("unknown ward", GOOD_PROP.replace("UBND-00001,", "UBND-00001,00002"),
     f"cột «ward_code» («00002»): {UNKNOWN}"),
    ("negative quantity", GOOD_PROP.replace(",12,", ",-3,"), "«-3» không phải số nguyên"),
    ("non-numeric quantity", GOOD_PROP.replace(",12,", ",mười,"), "«mười» không phải"),
    ("impossible date", GOOD_PROP.replace("2020-10-02", "31/02/2020"), "«31/02/2020»"),
    ("bad slogan", GOOD_PROP.replace("1;5", "1;9"), "cột «slogans» («1;9»): «9» không có"),
]


@pytest.mark.parametrize("label,bad_row,reason", BAD_PROPAGANDA_ROWS,
                         ids=[r[0] for r in BAD_PROPAGANDA_ROWS])
def test_one_bad_propaganda_row_and_nothing_is_written(db, db_path, tmp_path, capsys, label,
                                                      bad_row, reason):
    path = write(tmp_path, "p.csv", PROP_HEADER, GOOD_PROP, bad_row)
    assert run(db_path, "import-propaganda", str(path)) == 1
    problems = [line for line in capsys.readouterr().out.splitlines() if line.startswith("dòng")]
    assert len(problems) == 1 and problems[0].startswith("dòng 3, ") and reason in problems[0]
    assert count(db, "propaganda") == 0


def test_every_bad_row_is_listed_with_its_line(db_path, tmp_path, capsys):
    path = write(tmp_path, "a.csv", ACT_HEADER, GOOD_ACT,
                 GOOD_ACT.replace("library", "x"), GOOD_ACT_2,
                 GOOD_ACT.replace(",150,", ",-1,"))
    assert run(db_path, "import-activities", str(path)) == 1
    out = capsys.readouterr().out.splitlines()
    assert [re.match(r"dòng (\d+), ", line).group(1) for line in out] == ["3", "5"]


def test_skip_invalid_imports_the_good_rows_and_lists_the_bad(db, db_path, tmp_path, capsys):
    path = write(tmp_path, "a.csv", ACT_HEADER, GOOD_ACT, GOOD_ACT.replace("library", "x"),
                 GOOD_ACT_2)
    assert run(db_path, "import-activities", str(path), "--skip-invalid") == 2  # rows skipped
    out = capsys.readouterr().out
    assert f"dòng 3, cột «type» («x»): {UNKNOWN}" in out and "bỏ qua 1 dòng lỗi" in out
    assert count(db, "activities") == 2


def test_allow_outside_week_accepts_other_dates(db, db_path, tmp_path):
    path = write(tmp_path, "a.csv", ACT_HEADER,
                 GOOD_ACT.replace("2020-10-03,2020-10-03", "2020-09-29,2020-09-30"))
    assert run(db_path, "import-activities", str(path)) == 1
    assert run(db_path, "import-activities", str(path), "--allow-outside-week") == 0
    assert count(db, "activities") == 1


def test_missing_columns_and_unreadable_files(db_path, tmp_path, capsys):
    path = write(tmp_path, "a.csv", "unit_code,title", "THCS-THANGLONG,X")
    assert run(db_path, "import-activities", str(path)) == 1
    assert ("tệp thiếu cột: Loại hoạt động, Ngày bắt đầu, Hình thức, Tổng số người tham gia"
            in capsys.readouterr().out)
    # UTF-16 without its BOM: no encoding we can tell (Windows-1258 and UTF-16 with a BOM
    # are read: tests/test_import_columns.py); the clerk is told how to save it
    latin = tmp_path / "b.csv"
    latin.write_bytes((ACT_HEADER + "\n" + GOOD_ACT + "\n").encode("utf-16-le"))
    assert run(db_path, "import-activities", str(latin)) == 1
    assert "Lưu lại bằng Excel" in capsys.readouterr().err
    assert run(db_path, "import-activities", str(tmp_path / "none.csv")) == 1


def test_a_unit_imports_only_its_own_rows(db, tmp_path, unit_user):
    event = events.get(db, 2020)
    data = "\n".join([ACT_HEADER, GOOD_ACT, GOOD_ACT_2]).encode()
    report = entries.import_activities(db, unit_user, event["id"], read_table(data, "a.csv"))
    assert not report.written and [p.line for p in report.errors] == [3]
    assert "chỉ được nhập dữ liệu của đơn vị mình" in report.errors[0].reason
    assert count(db, "activities") == 0
    report = entries.import_activities(db, unit_user, event["id"], read_table(data, "a.csv"),
                                       skip_invalid=True)
    assert report.created == 1
    assert db.execute("select created_by from activities").fetchone()[0] == unit_user.user_id


def test_committee_imports_any_units_rows(db, committee):
    event = events.get(db, 2020)
    data = "\n".join([ACT_HEADER, GOOD_ACT, GOOD_ACT_2]).encode()
    report = entries.import_activities(db, committee, event["id"], read_table(data, "a.csv"))
    assert report.written and report.created == 2


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
@pytest.mark.parametrize("columns,rows,importer", [
    (entries.ACTIVITY_COLUMNS, entries.ACTIVITY_TEMPLATE_ROWS, entries.import_activities),
    (entries.PROPAGANDA_COLUMNS, entries.PROPAGANDA_TEMPLATE_ROWS, entries.import_propaganda),
])
def test_coded_files_like_the_first_templates_import_cleanly(db, committee, columns, rows,
                                                             importer, suffix):
    event = events.get(db, 2020)
    build = template_csv if suffix == "csv" else template_xlsx
    report = importer(db, committee, event["id"], read_table(build(columns, rows), f"t.{suffix}"))
    assert report.errors == [] and report.created == len(rows)
