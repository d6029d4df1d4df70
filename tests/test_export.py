"""The city's workbook (XLSX + CSV) and `stats --json`: the numbers of db/stats.py."""
import csv
import io
import json

import pytest
from openpyxl import load_workbook

import manage
from db import export, stats
from tests.stats_fixture import build_week


@pytest.fixture
def week(db):
    return build_week(db)


@pytest.fixture
def book(db, week):
    return load_workbook(io.BytesIO(export.xlsx(db, week)))


def sheet_rows(book, name):
    return [list(r) for r in book[name].iter_rows(values_only=True)]


def test_workbook_has_one_sheet_per_table_with_vietnamese_names(book):
    assert book.sheetnames == ["Tổng hợp", "Theo phường", "Theo cấp học", "Theo ngày",
                               "Theo loại hoạt động", "Theo kênh tuyên truyền",
                               "Danh sách hoạt động", "Danh sách tuyên truyền"]


def test_totals_sheet_equals_the_stats(book, db, week):
    totals = dict((r[0], r[1]) for r in sheet_rows(book, "Tổng hợp")[1:])
    s = stats.summary(db, week)["totals"]
    assert totals["Số hoạt động"] == s["activities"] == 4
    assert totals["Lượt người tham gia"] == 360
    assert totals["Sản phẩm tuyên truyền"] == 8
    assert totals["Tỷ lệ đơn vị đã báo cáo"] == pytest.approx(4 / 37, abs=1e-4)
    assert totals["Số phường có hoạt động"] == 3


def test_ward_sheet_has_all_14_wards_with_headers(book):
    rows = sheet_rows(book, "Theo phường")
    assert rows[0] == ["Mã", "Phường", "Số hoạt động", "Lượt người tham gia",
                       "Sản phẩm tuyên truyền", "Số đơn vị", "Số đơn vị đã báo cáo", "Tỷ lệ"]
    assert len(rows) == 15
    assert rows[1][:7] == ["00001", "Phúc Xá", 2, 250, 3, 2, 1]


def test_tier_day_type_channel_sheets(book):
    tiers = sheet_rows(book, "Theo cấp học")
    assert tiers[3][:2] == ["THCS", 1] and tiers[3][4:] == [2, 150]
    days = sheet_rows(book, "Theo ngày")
    assert days[1] == ["02/10/2020", 2, 300] and len(days) == 7
    types = {r[0]: r for r in sheet_rows(book, "Theo loại hoạt động")[1:]}
    assert types["library"][1:] == ["Hoạt động thư viện, đọc sách", "Hoạt động giáo dục", 1,
                                    100]
    channels = {r[0]: r for r in sheet_rows(book, "Theo kênh tuyên truyền")[1:]}
    assert channels["banner"][2:] == ["chiếc", 1, 5]


def test_entry_sheets_list_every_entry_not_withdrawn_with_its_status(book):
    activities = sheet_rows(book, "Danh sách hoạt động")
    assert len(activities) == 1 + 5  # 6 logged, 1 withdrawn
    statuses = [r[12] for r in activities[1:]]
    assert statuses.count("Cần sửa") == 1 and statuses.count("Đã duyệt") == 1
    first = activities[1]
    assert first[1:5] == ["THCS-THANGLONG", "Trường THCS Thăng Long", "Cống Vị",
                          "Hoạt động thư viện, đọc sách"]
    assert first[6] == "02/10/2020" and first[11] == "Học sinh"
    propaganda = sheet_rows(book, "Danh sách tuyên truyền")
    assert len(propaganda) == 1 + 3
    assert propaganda[1][8] == "1, 2"


def test_csv_has_a_bom_and_vietnamese_headers(db, week):
    data = export.csv_bytes(db, week, "by_ward")
    assert data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][:2] == ["Mã", "Phường"] and rows[1][:3] == ["00001", "Phúc Xá", "2"]


def test_cli_export_xlsx_and_csv(db_path, week, tmp_path):
    out = tmp_path / "city.xlsx"
    assert manage.main(["--db", str(db_path), "export", "--out", str(out)]) == 0
    assert load_workbook(out)["Tổng hợp"]["B5"].value == 4  # after title and dates
    out_csv = tmp_path / "ward.csv"
    assert manage.main(["--db", str(db_path), "export", "--out", str(out_csv),
                        "--table", "by_tier"]) == 0
    assert "Mầm non" in out_csv.read_text("utf-8-sig")


def test_cli_export_refuses_an_unknown_format(db_path, week, tmp_path, capsys):
    assert manage.main(["--db", str(db_path), "export", "--out", str(tmp_path / "x.pdf")]) == 1
    assert ".xlsx" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()


def test_stats_json_agrees_with_the_workbook_number_for_number(db_path, db, week, book,
                                                                capsys):
    assert manage.main(["--db", str(db_path), "stats", "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed == stats.summary(db, week)
    assert set(printed) == {"event", "totals", "by_ward", "by_tier", "by_day", "by_type",
                            "by_channel"}
    wards = sheet_rows(book, "Theo phường")[1:]
    assert [[w["code"], w["activities"], w["participants"], w["propaganda_items"]]
            for w in printed["by_ward"]] == [[r[0], r[2], r[3], r[4]] for r in wards]


def test_stats_json_for_a_missing_year_fails_clearly(db_path, capsys):
    assert manage.main(["--db", str(db_path), "stats", "--json", "--year", "1999"]) == 1
    assert "1999" in capsys.readouterr().err
