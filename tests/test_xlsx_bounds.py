"""Spreadsheet reading is bounded before it is expanded (issue 25, deliver 3): crafted
XLSX files are refused with a Vietnamese reason, fast and in little memory, by the table
reader (entry, unit and area imports) and by the roll-up reader; real files still read."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from core import texts, xlsx_guard
from core.rollup import RollupError
from core.tabular import MAX_ROWS, TabularError, read_table, template_csv, template_xlsx
from db import rollup
from tests import xlsx_bombs

ROOT = Path(__file__).resolve().parent.parent

# A child process reads one bomb and says how long it took and its peak memory; an address
# space cap keeps a regression from taking the machine down with it (it fails instead).
_CHILD = r"""
import json, resource, sys, time
resource.setrlimit(resource.RLIMIT_AS, (1200 * 2**20, 1200 * 2**20))
sys.path.insert(0, sys.argv[1])
from tests import xlsx_bombs
data = eval("xlsx_bombs." + sys.argv[2])
reader = sys.argv[3]
def high_water_kb():
    # VmHWM belongs to this process image: ru_maxrss keeps the forking parent's peak
    # across exec on Linux (a big pytest process made every child look big)
    for line in open("/proc/self/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
before = high_water_kb()
start = time.monotonic()
try:
    if reader == "table":
        from core.tabular import read_table
        read_table(data, "bom.xlsx")
    else:
        from db.rollup import read_file
        read_file(data, "bom.xlsx")
    outcome = "read"
except MemoryError:
    outcome = "MemoryError"
except Exception as error:
    outcome = type(error).__name__ + ": " + str(error)
print(json.dumps({"size": len(data), "seconds": time.monotonic() - start,
                  "before_mb": before / 1024,
                  "peak_mb": high_water_kb() / 1024,
                  "outcome": outcome}))
"""


def _measure(bomb: str, reader: str = "table") -> dict:
    done = subprocess.run([sys.executable, "-c", _CHILD, str(ROOT), bomb, reader],
                          capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("bomb, reason", [
    ("shared_strings_bomb(550_000)", "chuỗi chữ"),
    ("far_cell_bomb()", "dòng 1.048.576"),
])
def test_a_15_kb_bomb_is_refused_in_5_s_and_200_mb(bomb, reason, figures):
    result = _measure(bomb)
    figures(bytes=result["size"], seconds=round(result["seconds"], 2),
            peak_mb=round(result["peak_mb"]))
    assert result["size"] <= 16_000
    assert result["outcome"].startswith("TabularError"), result
    assert reason in result["outcome"]
    assert result["seconds"] <= 5, result
    assert result["peak_mb"] <= 200, result


def test_the_rollup_reader_refuses_a_bomb_in_its_sheet_before_expanding_it():
    sheet = texts.WB_SHEETS["rollup"]
    result = _measure(f"far_cell_bomb({sheet!r})", "rollup")
    assert result["outcome"].startswith("RollupError"), result
    assert "1.048.576" in result["outcome"]
    assert result["seconds"] <= 5 and result["peak_mb"] <= 200, result


def test_the_rollup_reader_refuses_a_shared_string_bomb():
    with pytest.raises(RollupError) as refused:
        rollup.read_file(xlsx_bombs.shared_strings_bomb(
            550_000, sheet_name=texts.WB_SHEETS["rollup"]), "b.xlsx")
    assert "chuỗi chữ" in str(refused.value) and "b.xlsx" in str(refused.value)


def _rows_xml(lines: int, first: int = 2) -> bytes:
    return b"".join(f'<row r="{i}"><c r="A{i}"><v>{i}</v></c></row>'.encode()
                    for i in range(first, first + lines))


def test_data_past_the_last_readable_line_is_refused_not_padded():
    data = xlsx_bombs.xlsx(xlsx_bombs.header_row() + _rows_xml(1, first=40_001))
    with pytest.raises(TabularError) as refused:
        read_table(data, "x.xlsx")
    assert "dòng 40.001" in str(refused.value)


def test_a_value_past_column_100_is_refused():
    data = xlsx_bombs.xlsx(xlsx_bombs.header_row() + b'<row r="2"><c r="CW2"><v>1</v></c></row>')
    with pytest.raises(TabularError) as refused:
        read_table(data, "x.xlsx")
    assert "cột thứ 101" in str(refused.value)


def test_a_forged_dimension_and_styled_empty_cells_are_not_expanded():
    """A sheet that claims A1:XFD1048576 and has styled empty cells far away reads as
    its values: two columns, one data row."""
    data = xlsx_bombs.xlsx(
        b'<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c>'
        b'<c r="B1" t="inlineStr"><is><t>b</t></is></c></row>'
        b'<row r="2"><c r="A2"><v>7</v></c><c r="XFD2" s="1"/></row>'
        b'<row r="1048576"><c r="A1048576" s="1"/></row>', dimension="A1:XFD1048576")
    table = read_table(data, "x.xlsx")
    assert table.columns == ["a", "b"]
    assert table.rows == [(2, {"a": "7", "b": ""})]


def test_more_parts_than_an_xlsx_has_are_refused():
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for i in range(xlsx_guard.MAX_PARTS + 1):
            archive.writestr(f"x/{i}.bin", b"")
    with pytest.raises(TabularError) as refused:
        read_table(out.getvalue(), "x.xlsx")
    assert "501 thành phần" in str(refused.value)


def test_a_part_declared_bigger_than_the_limit_is_refused(monkeypatch):
    monkeypatch.setattr(xlsx_guard, "MAX_PART_BYTES", 1000)
    with pytest.raises(TabularError) as refused:
        read_table(xlsx_bombs.shared_strings_bomb(200), "x.xlsx")
    assert "giải nén quá lớn" in str(refused.value)


def test_a_doctype_is_not_an_xlsx():
    data = xlsx_bombs.xlsx(xlsx_bombs.header_row())
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            body = source.read(name)
            if name == "xl/sharedStrings.xml":
                body = (b'<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "aaaa">]>'
                        b'<sst xmlns="' + xlsx_bombs.MAIN.encode() + b'"><si><t>&a;</t></si></sst>')
            target.writestr(name, body)
    with pytest.raises(TabularError) as refused:
        read_table(out.getvalue(), "x.xlsx")
    assert str(refused.value).startswith("Không đọc được tệp")


def test_a_real_template_still_reads_with_dates_numbers_and_vietnamese():
    data = template_xlsx(["Tên hoạt động", "Ngày", "Số người"],
                         [["Hội thảo «Học tập suốt đời»", "2020-10-01", "120"]],
                         date_columns=["Ngày"])
    table = read_table(data, "mau.xlsx")
    assert table.rows == [(2, {"Tên hoạt động": "Hội thảo «Học tập suốt đời»",
                               "Ngày": "2020-10-01", "Số người": "120"})]


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_more_than_the_row_limit_is_refused_with_a_vietnamese_message(kind):
    rows = [[f"hoạt động {i}", str(i)] for i in range(MAX_ROWS + 1)]
    data = (template_csv(["Tên", "Số"], rows) if kind == "csv"
            else template_xlsx(["Tên", "Số"], rows))
    with pytest.raises(TabularError) as refused:
        read_table(data, f"x.{kind}")
    assert str(refused.value) == texts.TABLE_TOO_MANY_ROWS.format(max="10.000")


def test_exactly_the_row_limit_reads():
    rows = [[f"hoạt động {i}", str(i)] for i in range(MAX_ROWS)]
    assert len(read_table(template_csv(["Tên", "Số"], rows), "x.csv").rows) == MAX_ROWS
