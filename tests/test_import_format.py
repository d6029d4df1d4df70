"""core.import_format: headers and coded values read the way a clerk writes them."""
import pytest

from core import import_format as fmt
from core import reference as ref
from core.tabular import read_table

VOCABS = fmt.vocabularies(units=[
    {"code": "THCS-THANGLONG", "name": "Trường THCS Thăng Long"},
    {"code": "TH-A", "name": "Trường Tiểu học A"},
    {"code": "TH-A2", "name": "Trường Tiểu học A"},  # two units with one name
])


@pytest.mark.parametrize("header,field", [
    ("Ngày bắt đầu", "start_date"), ("ngày  BẮT ĐẦU", "start_date"),
    ("Ngày bắt đầu (dd/mm/yyyy)", "start_date"), ("Ngày bắt đầu *", "start_date"),
    ("start_date", "start_date"), ("Mã đơn vị", "unit_code"), ("Tên đơn vị", "unit_code"),
    ("Mô tả ngắn (không bắt buộc)", "description"),
])
def test_headers_as_a_clerk_writes_them(header, field):
    table = read_table(f"{header},STT\nx,1\n".encode(), "a.csv")
    mapped, problems = fmt.map_table(table, fmt.ACTIVITY_LAYOUT, optional=[
        c.field for c in fmt.ACTIVITY_LAYOUT.columns])
    assert problems == [] and mapped.headers == {field: header.strip()}


def test_two_columns_for_one_field_and_missing_columns_are_problems_of_line_1():
    table = read_table("Tên hoạt động,title\nx,y\n".encode(), "a.csv")
    _mapped, problems = fmt.map_table(table, fmt.ACTIVITY_LAYOUT)
    assert [(p.line, p.column) for p in problems] == [(1, "title"), (1, "")]
    assert "«Tên hoạt động»" in problems[0].reason
    assert problems[1].reason.startswith("tệp thiếu cột: Đơn vị, Loại hoạt động")


def test_a_code_column_and_a_name_column_for_one_coded_field():
    table = read_table(("Mã đơn vị,Tên đơn vị,Phường\n"
                        "THCS-THANGLONG,Trường THCS Thăng Long,Cống Vị\n"
                        ",Trường THCS Thăng Long,\n"
                        "TH-A2,Trường THCS Thăng Long,\n"
                        "THCS-THANGLONG,Tên gõ khác,\n").encode(), "a.csv")
    mapped, problems = fmt.map_table(table, fmt.ACTIVITY_LAYOUT, optional=[
        c.field for c in fmt.ACTIVITY_LAYOUT.columns])
    assert problems == [] and mapped.twins == {"unit_code": "Tên đơn vị"}
    merged = [fmt.merge_twins(mapped, cells, VOCABS) for _line, cells in mapped.rows]
    assert [cells["unit_code"] for cells, _errors in merged] == [
        "THCS-THANGLONG", "Trường THCS Thăng Long", "TH-A2", "THCS-THANGLONG"]
    assert [list(errors) for _cells, errors in merged] == [[], [], ["unit_code"], []]
    assert "«Tên đơn vị»" in merged[2][1]["unit_code"]


@pytest.mark.parametrize("vocab,value,code", [
    ("ward", "Phúc Xá", "00001"), ("ward", "phường phúc xá", "00001"), ("ward", "1", "00001"),
    ("ward", "00034", "00034"), ("type", "Câu lạc bộ", "club"),
    ("type", "Thi đua, phong trào > Câu lạc bộ", "club"),
    ("channel", "Xe lưu động (lượt xe)", "mobile_convoy"), ("format", "TRỰC TUYẾN", "truc_tuyen"),
    ("slogan", "7", 7), ("slogan", "7.", 7), ("slogan", ref.SLOGANS[6], 7),
    ('slogan', '"Học hỏi là một việc phải tiếp tục suốt đời" (Hồ Chí Minh)', 7),
    ("slogan", f"7. {ref.SLOGANS[6]}", 7), ("kind", "Trường học", "school"),
    ("tier", "Mầm non", "mam_non"), ("unit", "trường thcs thăng long", "THCS-THANGLONG"),
    ("unit", "TH-A2", "TH-A2"),
])
def test_codes_and_labels_resolve(vocab, value, code):
    assert VOCABS[vocab].resolve(value) == code


@pytest.mark.parametrize("vocab,value", [("ward", "Phúc Xa"), ("ward", "99"),
                                         ("type", "Bơi lội"), ("slogan", "9")])
def test_unknown_values_do_not_resolve(vocab, value):
    assert VOCABS[vocab].resolve(value) is None


def test_a_name_two_units_share_asks_for_the_code():
    code, reason = fmt.resolve_unit(VOCABS["unit"], "Trường Tiểu học A")
    assert code is None and "mã đơn vị" in reason


@pytest.mark.parametrize("value,codes,unknown", [
    ("Học sinh; Giáo viên, cán bộ", ["hoc_sinh", "can_bo"], []),
    ("Giáo viên, cán bộ\nNgười dân", ["can_bo", "nguoi_dan"], []),
    ("hoc_sinh,can_bo", ["hoc_sinh", "can_bo"], []),  # the first importer's comma lists
    ("Học sinh; Học sinh", ["hoc_sinh"], []),
    ("Học sinh; Sinh viên, Giáo viên", ["hoc_sinh"], ["Sinh viên, Giáo viên"]),
])
def test_lists_split_on_semicolons_and_labels_keep_their_commas(value, codes, unknown):
    assert fmt.resolve_list(VOCABS["audience"], value) == (codes, unknown)


def test_slogan_lists_by_number_and_by_text():
    value = f"1; {ref.SLOGANS[7]}; 2. {ref.SLOGANS[1]}"
    assert fmt.resolve_list(VOCABS["slogan"], value) == ([1, 8, 2], [])
    assert fmt.resolve_list(VOCABS["slogan"], "1,5") == ([1, 5], [])
