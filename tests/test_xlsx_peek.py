"""core/xlsx_peek: the last rows of a long sheet read from the end of its XML (shared and
inline strings resolved), and the cell of a number openpyxl cannot read."""
import io
import time

from openpyxl import Workbook, load_workbook

from core import xlsx_peek


def long_book(rows=30_000) -> bytes:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Danh sách")
    sheet.append(["STT", "Tên", "Số người"])
    for i in range(1, rows + 1):
        sheet.append([i, f"Hoạt động {i % 50}", i % 90])
    sheet.append([None, "Tổng cộng", 4242])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def part_of(data: bytes, title: str) -> str:
    book = load_workbook(io.BytesIO(data), read_only=True)
    try:
        return book[title]._worksheet_path
    finally:
        book.close()


def test_the_total_row_of_a_long_sheet_without_reading_every_row():
    data = long_book()
    part = part_of(data, "Danh sách")
    started = time.perf_counter()
    rows = xlsx_peek.last_rows(data, part)
    assert time.perf_counter() - started < 1
    number, last = rows[-1]
    assert number == 30_002 and last == (None, "Tổng cộng", 4242)  # a shared string
    assert rows[-2] == (30_001, (30_000, "Hoạt động 0", 30_000 % 90))
    assert len(rows) < 5_000  # only the tail


def test_a_nan_cell_is_named_and_stops_the_tail_reader():
    data = long_book(10)
    part = part_of(data, "Danh sách")
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w") as zout:
        for item in zin.infolist():
            body = zin.read(item.filename)
            if item.filename == part.lstrip("/"):
                body = body.replace(b"<v>4242</v>", b"<v>NaN</v>")
            zout.writestr(item, body)
    bad = out.getvalue()
    assert xlsx_peek.first_bad_number(bad, part) == (12, "C12")
    assert xlsx_peek.last_rows(bad, part) is None  # the caller reads the sheet itself
    assert xlsx_peek.first_bad_number(data, part) is None
