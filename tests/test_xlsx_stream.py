"""core/xlsx_stream.py, the workbook's streaming writer: every part is well-formed XML, every
cell kind reads back as what was written, hostile text stays inert text."""
import io
import zipfile
from datetime import date, datetime
from xml.etree import ElementTree

from openpyxl import load_workbook

from core import xlsx_stream as xs
from core.xlsx_stream import DATE, INT, NUM, PCT, STT, Column, Num, Pct, Sheet

HOSTILE = ['=HYPERLINK("http://evil.example","x")', "+1+1", "@SUM(A1)", "<b>&amp;</b>'\"",
           "\u202eRTL\u200b", "🎉 Học tập", "a\x00b\x07c\x1bd\x85e", "  lề  ", "x]]>y"]


def write(sheets, **kw) -> bytes:
    out = io.BytesIO()
    xs.write(out, sheets, **kw)
    return out.getvalue()


def test_clean_text_keeps_line_breaks_and_tabs_and_drops_other_controls():
    assert xs.clean_text("a\x0bb\x0cc\r\nd\re\tf") == "a\nb\nc\nd\ne\tf"
    assert xs.clean_text("a\x00b\x01c\x1fd\x7fe\x9ff") == "abcdef"
    assert len(xs.clean_text("ư" * 40000)) == 32767


def test_every_part_is_well_formed_xml_even_with_hostile_text():
    sheet = Sheet("Tên <&> 'x'", [Column(h) for h in HOSTILE[:4]] + [Column("n", INT)],
                  [(HOSTILE * 2)[i:i + 4] + [i] for i in range(len(HOSTILE))],
                  preamble=[(HOSTILE[3], xs.S_NOTE)], totals=[[HOSTILE[0], None, None, None, 9]],
                  notes=[HOSTILE[6]])
    data = write([sheet, Sheet("TÊN <&> 'X'", [Column("a")], [["b"]])], title=HOSTILE[3])
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert zf.testzip() is None
        for name in zf.namelist():
            ElementTree.fromstring(zf.read(name))  # raises on any escaping mistake
    book = load_workbook(io.BytesIO(data))
    assert book.sheetnames == ["Tên <&> 'x'", "TÊN <&> 'X'~1"]  # Excel ignores case
    cells = [c for row in book.worksheets[0].iter_rows() for c in row]
    assert not [c for c in cells if c.data_type == "f"]
    values = {c.value for c in cells}
    assert {'=HYPERLINK("http://evil.example","x")', "+1+1", "@SUM(A1)", "<b>&amp;</b>'\"",
            "\u202eRTL\u200b", "🎉 Học tập", "abcde", "  lề  ", "x]]>y"} <= values


def test_cells_read_back_as_written():
    cols = [Column("STT", STT), Column("Chữ"), Column("Số", INT), Column("Ngày", DATE),
            Column("Tỷ lệ", PCT), Column("Thập phân", NUM),
            Column("Mã", convert={"a": "Tên A"}.get), Column("Hỗn hợp", "auto")]
    rows = [["x", 1234567, "2020-10-02", 0.4521, 2.5, "a", Pct(0.5)],
            ["", None, date(2020, 10, 3), None, None, None, date(2020, 1, 1)],
            ["z", 0, "", 1.0, 0.0, "b", Num(1.25)]]
    book = load_workbook(io.BytesIO(write([Sheet("S", cols, rows)])))
    sheet = book.active
    got = [list(r) for r in sheet.iter_rows(min_row=2, values_only=True)]
    assert got[0] == [1, "x", 1234567, datetime(2020, 10, 2), 0.4521, 2.5, "Tên A", 0.5]
    assert got[1] == [2, None, None, datetime(2020, 10, 3), None, None, None,
                      datetime(2020, 1, 1)]
    assert got[2][:6] == [3, "z", 0, None, 1.0, 0.0] and got[2][7] == 1.25
    formats = [c.number_format for c in sheet[2]]
    assert formats[:6] == ["#,##0", "General", "#,##0", "dd/mm/yyyy", "0.0%", "#,##0.0"]
    assert sheet["H2"].number_format == "0.0%" and sheet["H3"].number_format == "dd/mm/yyyy"


def test_totals_sit_under_the_filter_in_bold_and_notes_under_them():
    sheet = Sheet("S", [Column("Tên"), Column("Số", INT)], [["a", 1], ["b", 2]],
                  totals=[["Tổng cộng", 3]], preamble=[("Tiêu đề", xs.S_TITLE)],
                  notes=["Ghi chú"])
    ws = load_workbook(io.BytesIO(write([sheet]))).active
    assert ws.freeze_panes == "A3" and ws.auto_filter.ref == "A2:B4"
    assert (ws["A5"].value, ws["B5"].value, ws["B5"].font.b) == ("Tổng cộng", 3, True)
    assert ws["A7"].value == "Ghi chú" and ws["A7"].font.i
    assert ws["A1"].font.b and ws["A1"].font.sz == 14
    assert ws.print_title_rows == "$2:$2" and ws.page_setup.orientation == "landscape"


def test_an_empty_list_still_has_its_header_filter_and_print_setup():
    ws = load_workbook(io.BytesIO(write([Sheet("S", [Column("STT", STT), Column("Tên")],
                                               [])]))).active
    assert [c.value for c in ws[1]] == ["STT", "Tên"]
    assert ws.auto_filter.ref == "A1:B1" and ws.freeze_panes == "A2"


def test_sheet_names_are_made_valid_for_excel():
    assert xs.safe_sheet_name("Theo phường / quận: [2020]*?") == "Theo phường - quận- -2020---"
    assert len(xs.safe_sheet_name("x" * 40)) == 31


def test_progress_reaches_every_row():
    seen = []
    rows = [[i] for i in range(5000)]
    write([Sheet("A", [Column("n", INT)], rows), Sheet("B", [Column("n", INT)], rows[:10])],
          progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (5010, 5010)
    assert [d for d, _t in seen] == sorted(d for d, _t in seen)
