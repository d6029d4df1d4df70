"""Fresh-eye attacks on the clerk's import (session 5): a file with the same header twice
is refused instead of keeping the second column's cells; a «;» file from a Vietnamese
Windows whose header has a comma in it («Ghi chú, nếu có», left unquoted by Excel) is still
read as «;»-separated; «Ghi chú» beside «Mô tả ngắn» is refused naming both, nothing lost."""
import csv
import io

import pytest

from core.tabular import read_table
from tests.test_import_columns import (HEADER, ROWS, TITLE, run, stored, windows_1258,
                                       write)
from tests.test_import_pages import csv_bytes


def semicolons(rows) -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(rows)
    return out.getvalue()


@pytest.mark.parametrize("encode", [lambda t: t.encode("utf-8-sig"), windows_1258,
                                    lambda t: t.encode("utf-16")])
def test_a_semicolon_file_with_a_comma_in_a_header_is_read(encode):
    header = HEADER[:-1] + ["Ghi chú, nếu có"]
    text = semicolons([header, *ROWS])
    assert '"Ghi chú, nếu có"' not in text  # Excel quotes only the list separator
    table = read_table(encode(text), "a.csv")
    assert table.columns == header
    assert table.rows[0][1]["Tên hoạt động"] == TITLE
    assert table.rows[0][1]["Ghi chú, nếu có"] == "Thư viện trường mở cửa"


def test_a_comma_file_with_a_semicolon_in_a_header_stays_a_comma_file():
    header = HEADER[:-1] + ["Ghi chú; nếu có"]
    table = read_table(csv_bytes(header, ROWS), "a.csv")
    assert table.columns == header and table.rows[1][1]["Ghi chú; nếu có"] == "Có 12 tổ dân phố"


@pytest.mark.parametrize("twice", ["Đơn vị", "Tên hoạt động", "Ghi chú"])
def test_the_same_header_twice_is_refused_and_nothing_written(db_path, db, tmp_path, capsys,
                                                              twice):
    """Two «Đơn vị» columns (one unit, then another): the rows went to the second unit
    without a word; a second «Tên hoạt động» was refused already."""
    header = HEADER + [twice]
    other = {"Đơn vị": "UBND phường Phúc Xá", "Tên hoạt động": "Khác", "Ghi chú": "khác"}
    rows = [row + [other[twice]] for row in ROWS]
    path = write(tmp_path, "hd.csv", csv_bytes(header, rows))
    assert run(db_path, "import-activities", path) != 0
    said = capsys.readouterr()
    err = said.out + said.err
    assert f"dòng 1, cột «{twice}»: Cột này trùng ý nghĩa với cột «{twice}»" in err
    assert stored(db) == []


def test_a_note_beside_a_description_is_refused_naming_both(db_path, db, tmp_path, capsys):
    header = HEADER + ["Mô tả ngắn"]
    rows = [row + ["Mô tả riêng"] for row in ROWS]
    path = write(tmp_path, "hd.csv", csv_bytes(header, rows))
    assert run(db_path, "import-activities", path) != 0
    said = capsys.readouterr()
    err = said.out + said.err
    assert "cột «Mô tả ngắn»: Cột này trùng ý nghĩa với cột «Ghi chú»" in err
    assert stored(db) == []


def test_a_note_under_no_header_is_named_not_dropped(db_path, db, tmp_path, capsys):
    """A clerk typed notes in the column after the last header: the cells were dropped
    and the rows imported without a word."""
    text = csv_bytes(HEADER, ROWS).decode("utf-8-sig").splitlines()
    text = [text[0] + ","] + [line + ",Gọi lại cho thầy Hùng" for line in text[1:]]
    path = write(tmp_path, "hd.csv", ("\r\n".join(text) + "\r\n").encode("utf-8"))
    assert run(db_path, "import-activities", path) != 0
    said = capsys.readouterr()
    assert "cột «Cột J (không có tên)»: Cột không có trong mẫu nhập" in said.out + said.err
    assert stored(db) == []
    # the clerk chooses to skip it: imported, and the answer still names it
    assert run(db_path, "import-activities", "--ignore-unknown-columns", path) == 0
    said = capsys.readouterr()
    assert "Cột J (không có tên)" in said.out + said.err
    assert len(stored(db)) == 2


def test_empty_columns_after_the_header_are_no_column(db_path, db, tmp_path, capsys):
    text = csv_bytes(HEADER, ROWS).decode("utf-8-sig").splitlines()
    text = [line + ",," for line in text]  # Excel's trailing empty cells
    path = write(tmp_path, "hd.csv", ("\r\n".join(text) + "\r\n").encode("utf-8"))
    assert run(db_path, "import-activities", path) == 0, capsys.readouterr()
    assert len(stored(db)) == 2
