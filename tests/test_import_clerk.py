"""Imports in a clerk's words (issue 13 item 2) and no double imports (issue 12 item 4).

A file written the way a school clerk writes it (Vietnamese headers, the labels the forms
show, ward names, slogans by number or text, ";" lists whose labels contain commas) must
import exactly like its coded twin; the same content twice is refused; a row identical to
an entry the unit already has is refused as a probable duplicate."""
import csv
import io
import json
from datetime import datetime

import pytest
from openpyxl import load_workbook

import manage
from core import import_format, texts, timefmt
from core.tabular import read_table, template_csv, template_xlsx
from db import entries, entry_import, events, stats, units
from db.setup import prepare

CODED_ACT = (["unit_code", "ward_code", "type", "title", "start_date", "end_date", "format",
              "participants", "online_participants", "audiences", "evidence_url",
              "description"], [
    ["THCS-THANGLONG", "", "library", "Ngày hội đọc sách", "2020-10-03", "2020-10-03",
     "truc_tiep", "150", "0", "hoc_sinh;phu_huynh", "https://thcsthanglong.edu.vn/a",
     "Thư viện trường"],
    ["UBND-00001", "00004", "sports", "Giải chạy «Học tập suốt đời»", "03/10/2020",
     "04/10/2020", "ket_hop", "300", "20", "nguoi_dan", "", ""],
    ["TTHTCD-00019", "00019", "online_learning", "Lớp tin học cho người cao tuổi",
     "2020-10-05", "", "truc_tuyen", "40", "40", "can_bo;nguoi_lao_dong", "", ""],
])
CLERK_ACT = (["STT", "Đơn vị", "Phường nơi tổ chức", "Loại hoạt động *", "Tên hoạt động",
              "Ngày bắt đầu (dd/mm/yyyy)", "Ngày kết thúc", "Hình thức",
              "Tổng số người tham gia", "Trong đó tham gia trực tuyến", "Đối tượng tham gia",
              "Đường dẫn minh chứng", "Mô tả ngắn (không bắt buộc)"], [
    ["1", "Trường THCS Thăng Long", "", "Hoạt động thư viện, đọc sách", "Ngày hội đọc sách",
     "03/10/2020", "03/10/2020", "Trực tiếp", "150", "0", "Học sinh; Phụ huynh",
     "https://thcsthanglong.edu.vn/a", "Thư viện trường"],
    ["2", "UBND phường Phúc Xá", "Trúc Bạch", "Thi đua, phong trào › Thể dục thể thao",
     "Giải chạy «Học tập suốt đời»", "03/10/2020", "04/10/2020",
     "Kết hợp trực tiếp và trực tuyến", "300", "20", "người dân", "", ""],
    ["3", "Trung tâm học tập cộng đồng phường Điện Biên", "Phường Điện Biên",
     "Học tập trực tuyến, ứng dụng CNTT trong dạy và học", "Lớp tin học cho người cao tuổi",
     "05/10/2020", "", "Trực tuyến", "40", "40", "Giáo viên, cán bộ; Người lao động", "", ""],
])
CODED_PROP = (["unit_code", "ward_code", "channel", "quantity", "date", "slogans", "link",
               "note"], [
    ["UBND-00001", "", "banner", "12", "2020-10-02", "1;5", "", "Trụ sở phường"],
    ["THCS-THANGLONG", "", "facebook", "3", "02/10/2020", "2;3;4",
     "https://facebook.com/thcsthanglong", ""],
    ["HKH", "00031", "ward_radio", "2", "2020-10-06", "", "", ""],
])
CLERK_PROP = (["Đơn vị", "Phường nơi tổ chức", "Kênh tuyên truyền", "Số lượng", "Ngày thực hiện",
               "Khẩu hiệu đã sử dụng", "Đường dẫn", "Ghi chú"], [
    ["UBND phường Phúc Xá", "", "Băng rôn, khẩu hiệu (chiếc)", "12", "02/10/2020",
     "1; Tự học là một cách xây dựng xã hội học tập.", "", "Trụ sở phường"],
    ["Trường THCS Thăng Long", "", "Facebook", "3", "02/10/2020",
     "2. Chuyển đổi số - phát triển học tập trong thời đại Công nghệ 4.0.; 3\n"
     "Việc chuyển đổi số rất quan trọng. Nếu bạn biết cách học, cả thế giới sẽ mở ra cho bạn",
     "https://facebook.com/thcsthanglong", ""],
    ["Hội Khuyến học quận Ba Đình", "Phường Giảng Võ", "Đài truyền thanh phường (buổi phát)",
     "2", "06/10/2020", "", "", ""],
])
ENTRY_COLUMNS = {
    "activities": "unit_id, ward_code, type, title, description, start_date, end_date, format, "
                  "participants, online_participants, audiences, evidence_url, status",
    "propaganda": "unit_id, ward_code, channel, quantity, date, slogans, link, note, status",
}


def csv_bytes(header, rows) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def run(db_path, *argv):
    return manage.main(["--db", str(db_path), *map(str, argv)])


def stored(db, table):
    return db.execute(f"select {ENTRY_COLUMNS[table]} from {table} order by id").fetchall()


def fresh_db(tmp_path, name):
    return prepare(tmp_path / name)


@pytest.mark.parametrize("table,coded,clerk,suffix", [
    ("activities", CODED_ACT, CLERK_ACT, "csv"),
    ("activities", CODED_ACT, CLERK_ACT, "xlsx"),
    ("propaganda", CODED_PROP, CLERK_PROP, "csv"),
])
def test_a_clerk_file_imports_with_the_same_totals_as_its_coded_twin(tmp_path, table, coded,
                                                                     clerk, suffix):
    coded_db, clerk_db = fresh_db(tmp_path, "coded.db"), fresh_db(tmp_path, "clerk.db")
    (tmp_path / "coded.csv").write_bytes(csv_bytes(*coded))
    clerk_file = tmp_path / f"clerk.{suffix}"
    clerk_file.write_bytes(csv_bytes(*clerk) if suffix == "csv" else template_xlsx(*clerk))
    command = "import-activities" if table == "activities" else "import-propaganda"
    assert run(tmp_path / "coded.db", command, tmp_path / "coded.csv") == 0
    assert run(tmp_path / "clerk.db", command, clerk_file) == 0
    assert len(stored(clerk_db, table)) == 3
    assert stored(clerk_db, table) == stored(coded_db, table)
    event_id = events.get(coded_db, 2020)["id"]
    assert stats.summary(clerk_db, event_id) == stats.summary(coded_db, event_id)


def test_excel_typed_cells_are_read_as_a_clerk_means_them(db, committee):
    """Real dates, numbers, and a ward code whose leading zeros Excel dropped."""
    header = ["Đơn vị", "Phường", "Loại hoạt động", "Tên hoạt động", "Ngày bắt đầu",
              "Hình thức", "Tổng số người tham gia"]
    row = ["Trường THCS Thăng Long", 1, "Lễ khai mạc", "Khai mạc Tuần lễ",
           datetime(2020, 10, 2), "trực tiếp", 250]
    table = read_table(template_xlsx(header, [row]), "x.xlsx")
    report = entries.import_activities(db, committee, events.get(db, 2020)["id"], table)
    assert report.errors == [] and report.created == 1
    assert db.execute("select ward_code, type, start_date, end_date, format, participants "
                      "from activities").fetchone() == ("00001", "opening_ceremony",
                                                        "2020-10-02", "2020-10-02",
                                                        "truc_tiep", 250)


def test_unknown_labels_are_reported_per_cell_with_the_column_as_written(db, committee):
    header, rows = CLERK_ACT
    bad = list(rows[0])
    bad[3], bad[7], bad[10] = "Bơi lội", "Qua Zoom", "Học sinh; Sinh viên"
    table = read_table(csv_bytes(header, [rows[1], bad]), "a.csv")
    report = entries.import_activities(db, committee, events.get(db, 2020)["id"], table)
    assert not report.written
    assert [(p.line, p.column, p.value) for p in report.errors] == [
        (3, "Loại hoạt động *", "Bơi lội"), (3, "Hình thức", "Qua Zoom"),
        (3, "Đối tượng tham gia", "Học sinh; Sinh viên")]
    assert "«Sinh viên» không có trong danh mục" in report.errors[2].reason
    lines = report.error_lines()
    assert lines[0] == ("dòng 3, cột «Loại hoạt động *» («Bơi lội»): " + texts.IMP_VALUE_UNKNOWN)
    assert not any(".;" in line or "--" in line for line in lines)
    table_rows = report.error_table()
    assert list(table_rows[0]) == ["Dòng", "Cột", "Giá trị", "Lý do"]
    assert db.execute("select count(*) from activities").fetchone()[0] == 0


def test_a_unit_may_leave_the_unit_column_out(db, unit_user):
    header = ["Loại hoạt động", "Tên hoạt động", "Ngày bắt đầu", "Hình thức",
              "Tổng số người tham gia"]
    table = read_table(csv_bytes(header, [["Câu lạc bộ", "CLB đọc sách", "04/10/2020",
                                           "Trực tiếp", "30"]]), "a.csv")
    report = entries.import_activities(db, unit_user, events.get(db, 2020)["id"], table)
    assert report.errors == [] and report.created == 1
    assert db.execute("select u.code, a.ward_code from activities a join units u "
                      "on u.id = a.unit_id").fetchone() == ("THCS-THANGLONG", "00007")


# --- the templates -------------------------------------------------------------------------

def template_book(db, actor, kind):
    headers, rows, vocabs = entry_import.template(db, actor, kind, events.get(db, 2020))
    layout = entry_import.layout_of(kind)
    data = template_xlsx(headers, rows, catalogues=import_format.catalogues(layout, vocabs),
                         notes=import_format.template_notes(layout),
                         date_columns=[c.label for c in layout.columns if c.date])
    return data, headers, rows, layout


def test_the_xlsx_template_lists_the_values_and_has_a_dropdown_on_every_coded_column(
        db, committee):
    data, headers, rows, layout = template_book(db, committee, entries.ACTIVITY)
    book = load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["Dữ liệu", "Danh mục"]
    sheet, lists = book["Dữ liệu"], book["Danh mục"]
    assert [c.value for c in sheet[1]] == headers == layout.headers
    all_text = [c.value for row in lists.iter_rows() for c in row if c.value]
    assert texts.IMP_NOTE_DATE in all_text
    for label in ("Phúc Xá", "Học tập trực tuyến, ứng dụng CNTT trong dạy và học",
                  "Kết hợp trực tiếp và trực tuyến", "Giáo viên, cán bộ",
                  "Trường THCS Thăng Long"):
        assert label in all_text
    assert not any(code in all_text for code in ("online_learning", "ket_hop", "can_bo"))
    coded = {c.label for c in layout.columns if c.vocabulary}
    assert coded == {"Đơn vị", "Phường nơi tổ chức", "Loại hoạt động", "Hình thức",
                     "Đối tượng tham gia"}
    validated = {}
    for rule in sheet.data_validations.dataValidation:
        column = headers[sheet[str(rule.sqref).split(":")[0]].column - 1]
        validated[column] = rule
        assert rule.type == "list" and rule.formula1.startswith("'Danh mục'!$")
    assert set(validated) == coded
    assert validated["Đối tượng tham gia"].errorStyle == "information"  # ";" lists allowed
    assert validated["Hình thức"].errorStyle == "warning"  # codes and spellings still go in
    start = sheet.cell(row=2, column=headers.index("Ngày bắt đầu") + 1)
    assert isinstance(start.value, datetime) and start.number_format == "DD/MM/YYYY"


@pytest.mark.parametrize("kind", [entries.ACTIVITY, entries.PROPAGANDA])
@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
@pytest.mark.parametrize("role", ["committee", "unit_user"])
def test_the_downloadable_templates_import_as_they_are(request, db, kind, suffix, role):
    actor = request.getfixturevalue(role)
    data, headers, rows, layout = template_book(db, actor, kind)
    if role == "unit_user":  # a unit's template names only the unit itself
        assert {row[0] for row in rows} == {"Trường THCS Thăng Long"}
    if suffix == "csv":
        data = template_csv(headers, rows)
    report = entries.import_rows(db, actor, kind, events.get(db, 2020)["id"],
                                 read_table(data, f"t.{suffix}"))
    assert report.errors == [] and report.created == len(rows) == 2


def test_the_units_template_and_a_clerk_units_file(db_path, db, tmp_path, capsys):
    headers, rows, vocabs = units.template()
    data = template_xlsx(headers, rows, catalogues=import_format.catalogues(
        import_format.UNIT_LAYOUT, vocabs), notes=import_format.template_notes(
        import_format.UNIT_LAYOUT))
    book = load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["Dữ liệu", "Danh mục"]
    assert len(book["Dữ liệu"].data_validations.dataValidation) == 3  # kind, tier, ward
    (tmp_path / "u.xlsx").write_bytes(data)
    assert run(db_path, "import-units", tmp_path / "u.xlsx") == 0
    assert db.execute("select kind, tier, ward_code from units where code = "
                      "'TH-NGUYEN-TRI-PHUONG'").fetchone() == ("school", "tieu_hoc", "00019")
    clerk = csv_bytes(["Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "Cấp học", "Phường"],
                      [["MN-X", "Trường Mầm non X", "Trường học", "", "Kim Mã"]])
    (tmp_path / "c.csv").write_bytes(clerk)
    capsys.readouterr()
    assert run(db_path, "import-units", tmp_path / "c.csv") == 1
    out = capsys.readouterr().out
    assert "(Mầm non, Tiểu học, THCS hoặc THPT)" in out and "mam_non" not in out


def test_an_existing_unit_names_the_option_on_the_cli_and_the_checkbox_on_the_page(db, admin):
    table = read_table(csv_bytes(["Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "Phường"],
                                 [["HKH", "Hội Khuyến học", "Hội Khuyến học", ""]]), "u.csv")
    report = units.import_units(db, admin, table)
    assert report.hints == ["existing_unit"]
    assert "--update" not in report.errors[0].reason
    assert "--update" in texts.IMP_HINTS_CLI["existing_unit"]
    assert "--" not in texts.IMP_HINTS_PAGE["existing_unit"]
    assert texts.IMPORT_UPDATE_EXISTING in texts.IMP_HINTS_PAGE["existing_unit"]


# --- no double imports ---------------------------------------------------------------------

def test_the_same_content_twice_is_refused_with_when_and_by_whom(db_path, db, tmp_path, capsys):
    path = tmp_path / "hoat-dong.csv"
    path.write_bytes(csv_bytes(*CLERK_ACT))
    assert run(db_path, "import-activities", path) == 0
    again = tmp_path / "hoat-dong (1).csv"  # the same content under another name
    again.write_bytes(b"\xef\xbb\xbf" + csv_bytes(*CLERK_ACT).replace(b"\n", b"\r\n"))
    capsys.readouterr()
    assert run(db_path, "import-activities", again) == 1
    out = capsys.readouterr()
    first = db.execute("select imported_at, username, filename, rows from import_files"
                       ).fetchone()
    assert first[1:] == ("manage.py", "hoat-dong.csv", 3)
    assert timefmt.local(first[0]) in out.out and "manage.py" in out.out
    assert "--allow-duplicate-file" in out.out and "Không nhập dòng nào." in out.err
    assert db.execute("select count(*) from activities").fetchone()[0] == 3

    assert run(db_path, "import-activities", again, "--allow-duplicate-file",
               "--allow-duplicates") == 0
    assert db.execute("select count(*) from activities").fetchone()[0] == 6
    audits = db.execute("select username, detail from audit_log where action = 'import' "
                        "order by id").fetchall()
    assert len(audits) == 2 and audits[0][0] == "manage.py"
    assert json.loads(audits[1][1])["allowed_duplicate_of"] == 1


def test_a_failed_import_is_not_recorded_so_the_fixed_file_goes_in(db, committee):
    event_id = events.get(db, 2020)["id"]
    header, rows = CLERK_ACT
    bad = [r[:] for r in rows]
    bad[1][7] = "Qua Zoom"
    report = entries.import_activities(db, committee, event_id,
                                       read_table(csv_bytes(header, bad), "a.csv"))
    assert not report.written and db["import_files"].count == 0
    report = entries.import_activities(db, committee, event_id,
                                       read_table(csv_bytes(header, rows), "a.csv"))
    assert report.created == 3 and db["import_files"].count == 1


def test_duplicate_rows_within_and_across_files_are_refused_by_line(db, committee, unit_user):
    event_id = events.get(db, 2020)["id"]
    entries.create_activity(db, unit_user, event_id, unit_user.unit_id, {
        "type": "library", "title": "Ngày hội đọc sách", "start_date": "2020-10-03",
        "format": "truc_tiep", "participants": 150, "audiences": []})
    header, rows = CLERK_ACT
    same_as_form = rows[0][:4] + ["NGÀY HỘI  đọc sách"] + rows[0][5:]  # case and spaces
    other = rows[0][:8] + ["151"] + rows[0][9:]  # another count: not a duplicate
    table = read_table(csv_bytes(header, [rows[1], same_as_form, other, rows[1]]), "a.csv")
    report = entries.import_activities(db, committee, event_id, table)
    assert not report.written
    assert [(p.line, p.column, p.hint) for p in report.errors] == [
        (3, "Tên hoạt động", "duplicate_row"), (5, "Tên hoạt động", "duplicate_row")]
    assert "nhập lúc" in report.errors[0].reason
    assert "Trùng với dòng 2 của tệp" in report.errors[1].reason
    report = entries.import_activities(db, committee, event_id, table, allow_duplicates=True)
    assert report.errors == [] and report.created == 4


def test_withdrawn_entries_are_not_duplicates(db, unit_user):
    event_id = events.get(db, 2020)["id"]
    raw = {"channel": "zalo", "quantity": 2, "date": "2020-10-04"}
    entry_id = entries.create_propaganda(db, unit_user, event_id, unit_user.unit_id, raw)
    table = read_table(csv_bytes(["Kênh tuyên truyền", "Số lượng", "Ngày thực hiện"],
                                 [["Zalo", "2", "04/10/2020"]]), "p.csv")
    report = entries.import_propaganda(db, unit_user, event_id, table)
    assert [p.hint for p in report.errors] == ["duplicate_row"]
    entries.withdraw_propaganda(db, unit_user, entry_id)
    report = entries.import_propaganda(db, unit_user, event_id, table)
    assert report.errors == [] and report.created == 1


def test_skip_invalid_exits_2_when_it_skipped_rows_and_0_when_all_went_in(db_path, tmp_path,
                                                                         capsys):
    header, rows = CLERK_ACT
    mixed = tmp_path / "a.csv"
    mixed.write_bytes(csv_bytes(header, [rows[0], rows[1][:3] + ["Bơi"] + rows[1][4:]]))
    assert run(db_path, "import-activities", mixed, "--skip-invalid") == 2
    assert "Đã nhập 1 dòng, bỏ qua 1 dòng lỗi." in capsys.readouterr().out
    good = tmp_path / "b.csv"
    good.write_bytes(csv_bytes(header, [rows[2]]))
    assert run(db_path, "import-activities", good, "--skip-invalid") == 0
    all_bad = tmp_path / "c.csv"
    all_bad.write_bytes(csv_bytes(header, [rows[1][:3] + ["Bơi"] + rows[1][4:]]))
    assert run(db_path, "import-activities", all_bad, "--skip-invalid") == 1


def test_outside_week_names_the_option_only_on_the_command_line(db_path, tmp_path, capsys):
    header, rows = CLERK_ACT
    path = tmp_path / "a.csv"
    path.write_bytes(csv_bytes(header, [rows[2][:5] + ["29/09/2020"] + rows[2][6:]]))
    assert run(db_path, "import-activities", path) == 1
    out = capsys.readouterr().out
    assert out.splitlines()[0] == ("dòng 2, cột «Ngày bắt đầu (dd/mm/yyyy)» («29/09/2020»): "
                                   "Ngày 29/09/2020 nằm ngoài Tuần lễ (02/10/2020 – 07/10/2020).")
    assert out.splitlines()[1] == texts.IMP_HINTS_CLI["outside_week"]
    assert run(db_path, "import-activities", path, "--allow-outside-week") == 0
    for hint in texts.IMP_HINTS_PAGE.values():
        assert "--" not in hint


def test_two_units_sending_the_same_rows_without_a_unit_column_are_not_a_double_import(
        db, unit_user, other_unit_user):
    event_id = events.get(db, 2020)["id"]
    data = csv_bytes(["Loại hoạt động", "Tên hoạt động", "Ngày bắt đầu", "Hình thức",
                      "Tổng số người tham gia"],
                     [["Câu lạc bộ", "CLB đọc sách", "04/10/2020", "Trực tiếp", "30"]])
    for actor in (unit_user, other_unit_user):
        report = entries.import_activities(db, actor, event_id, read_table(data, "a.csv"))
        assert report.errors == [] and report.created == 1
    report = entries.import_activities(db, unit_user, event_id, read_table(data, "a.csv"))
    assert report.hints == ["duplicate_file"] and "thcs.thang.long" in report.errors[0].reason


def test_the_same_file_imported_at_the_same_moment_goes_in_once(db_path, db):
    """Four connections import one file together: the hash is checked inside the write
    transaction, so exactly one import writes."""
    import threading

    from db import Actor, connect

    table = read_table(csv_bytes(*CLERK_ACT), "a.csv")
    event_id = events.get(db, 2020)["id"]
    reports, start = [], threading.Barrier(4)

    def run_one():
        own = connect(db_path)
        start.wait()
        reports.append(entries.import_activities(own, Actor.system("t"), event_id, table))
        own.conn.close()

    threads = [threading.Thread(target=run_one) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(r.created for r in reports) == [0, 0, 0, 3]
    assert sorted(tuple(r.hints) for r in reports) == [()] + [("duplicate_file",)] * 3
    assert db.execute("select count(*) from activities").fetchone()[0] == 3


def test_a_committee_file_with_both_unit_code_and_unit_name_columns(db, committee):
    header = ["STT", "Mã đơn vị", "Tên đơn vị", "Loại hoạt động", "Tên hoạt động",
              "Ngày bắt đầu", "Hình thức", "Tổng số người tham gia"]
    rows = [["1", "THCS-THANGLONG", "Trường THCS Thăng Long", "Câu lạc bộ", "CLB cờ vua",
             "04/10/2020", "Trực tiếp", "20"],
            ["2", "UBND-00001", "Trường THCS Thăng Long", "Câu lạc bộ", "CLB cờ tướng",
             "04/10/2020", "Trực tiếp", "20"]]
    report = entries.import_activities(db, committee, events.get(db, 2020)["id"],
                                       read_table(csv_bytes(header, rows), "a.csv"))
    assert [(p.line, p.column, p.value) for p in report.errors] == [(3, "Mã đơn vị",
                                                                     "UBND-00001")]
    assert "«Tên đơn vị»" in report.errors[0].reason
    report = entries.import_activities(db, committee, events.get(db, 2020)["id"],
                                       read_table(csv_bytes(header, rows[:1]), "a.csv"))
    assert report.errors == [] and report.created == 1
