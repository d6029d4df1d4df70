"""The visible sheets of a lower level's workbook agree with its machine sheet (issue 22
deliver 7, last sentence): a ward's «Theo phường» figure edited after the export (17 →
999), a total row, a headline of «Tổng hợp», a type's row — each refused naming the sheet
and the cell, nothing written; a relabelled total row (STT empty, «Tổng cộng» in the
label column) is found by its label."""
import pytest
from openpyxl import load_workbook

import manage
from core import texts
from core.rollup_visible import is_total_label
from db import connect

LOWER = "UBND phường Điện Biên"


def run(capsys, *argv):
    code = manage.main([str(a) for a in argv])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    base = tmp_path_factory.mktemp("visible")
    path, out = base / "ward.db", base / "ward.xlsx"
    assert manage.main(["--db", str(path), "demo", "--units", "5", "--activities", "30",
                        "--seed", "17", "--no-accounts"]) == 0
    db = connect(path)
    db.execute("update units set is_sample = 0")
    db.execute("update events set organiser_name = ?, organiser_level = 'xa'", [LOWER])
    db.conn.close()
    assert manage.main(["--db", str(path), "export", "--out", str(out)]) == 0
    return out


@pytest.fixture
def city(tmp_path, capsys):
    path = tmp_path / "city.db"
    assert run(capsys, "--db", path, "init")[0] == 0
    db = connect(path)
    db.execute("update events set organiser_name = 'UBND quận Ba Đình', organiser_level = "
               "'huyen'")
    db.conn.close()
    return path


def stored(path):
    db = connect(path)
    try:
        return db.execute("select count(*) from suborg_reports").fetchone()[0]
    finally:
        db.conn.close()


def edited(src, dst, sheet_key, pick, value=999):
    """Open the workbook as Excel would, set the cell `pick(ws)` returns (a coordinate) to
    `value`, save. Returns (coordinate, old value)."""
    wb = load_workbook(src)
    ws = wb[texts.WB_SHEETS[sheet_key]]
    coordinate = pick(ws)
    old = ws[coordinate].value
    ws[coordinate] = value
    wb.save(dst)
    return coordinate, old


def column_of(ws, header):
    for row in ws.iter_rows(max_row=6):
        for cell in row:
            if cell.value == header:
                return cell.column_letter
    raise AssertionError(header)


def total_row(ws):
    return next(c.row for row in ws.iter_rows() for c in row if is_total_label(c.value))


def a_ward_row(ws, header):
    """The first area row with a non-zero figure in that column."""
    col = column_of(ws, header)
    for row in range(1, ws.max_row + 1):
        if isinstance(ws[f"A{row}"].value, int) and ws[f"{col}{row}"].value:
            return f"{col}{row}"
    raise AssertionError(header)


def refused(capsys, city, path):
    code, _out, err = run(capsys, "--db", city, "rollup", path)
    assert code == 2, err
    assert stored(city) == 0
    return err


def message(sheet_key, coordinate, value, expected):
    return (f"Tệp «sua.xlsx», trang «{texts.WB_SHEETS[sheet_key]}», ô {coordinate}: {value} "
            f"khác số liệu của trang «{texts.WB_SHEETS['rollup']}» ({expected})")


def test_the_exported_workbook_is_taken_in(book, city, capsys):
    code, _out, err = run(capsys, "--db", city, "rollup", book)
    assert code == 0, err


def test_a_wards_figure_edited_in_the_visible_sheet_is_refused(book, city, tmp_path, capsys):
    bad = tmp_path / "sua.xlsx"
    cell, old = edited(book, bad, "by_ward",
                       lambda ws: a_ward_row(ws, texts.WB_COLS["activities"]))
    err = refused(capsys, city, bad)
    assert message("by_ward", cell, 999, old) in err


@pytest.mark.parametrize("sheet_key,header", [
    ("by_ward", "participants"), ("units", "activities"), ("activities", "participants"),
    ("by_type", "activities"), ("by_tier", "schools")])
def test_a_total_row_edited_is_refused(book, city, tmp_path, capsys, sheet_key, header):
    bad = tmp_path / "sua.xlsx"
    cell, old = edited(book, bad, sheet_key, lambda ws: f"{column_of(ws, texts.WB_COLS[header])}"
                       f"{total_row(ws)}", value=old_plus(book, sheet_key, header))
    err = refused(capsys, city, bad)
    assert f"trang «{texts.WB_SHEETS[sheet_key]}», ô {cell}: " in err


def old_plus(src, sheet_key, header):
    wb = load_workbook(src, read_only=True)
    rows = list(wb[texts.WB_SHEETS[sheet_key]].iter_rows(values_only=True))
    wb.close()
    head = next(r for r in rows if texts.WB_COLS[header] in r)
    total = next(r for r in rows if any(is_total_label(c) for c in r))
    return total[head.index(texts.WB_COLS[header])] + 1


def test_a_headline_of_the_totals_sheet_edited_is_refused(book, city, tmp_path, capsys):
    bad = tmp_path / "sua.xlsx"
    label = texts.WB_TOTAL_LABELS["participants"]
    cell, old = edited(book, bad, "totals", lambda ws: next(
        f"B{c.row}" for row in ws.iter_rows() for c in row if c.value == label))
    err = refused(capsys, city, bad)
    assert message("totals", cell, 999, old) in err


def test_a_type_row_edited_is_refused(book, city, tmp_path, capsys):
    bad = tmp_path / "sua.xlsx"
    cell, old = edited(book, bad, "by_type",
                       lambda ws: a_ward_row(ws, texts.WB_COLS["participants"]), value=17)
    err = refused(capsys, city, bad)
    assert message("by_type", cell, 17, old) in err


def test_a_relabelled_total_row_is_found_by_its_label(book, city, tmp_path, capsys):
    """The layout the report helper moves to (issue 22 item 7): STT empty, «Tổng cộng» in
    the label column. Unchanged figures pass; an edited one is still caught."""
    relabelled = tmp_path / "relabelled.xlsx"
    wb = load_workbook(book)
    ws = wb[texts.WB_SHEETS["units"]]
    row = total_row(ws)
    ws[f"A{row}"], ws[f"B{row}"], ws[f"C{row}"] = None, None, texts.WB_TOTAL
    wb.save(relabelled)
    code, _out, err = run(capsys, "--db", city, "rollup", relabelled)
    assert code == 0, err
    db = connect(city)
    db.execute("delete from suborg_reports")
    db.conn.close()
    bad = tmp_path / "sua.xlsx"
    cell, _old = edited(relabelled, bad, "units", lambda ws: f"{column_of(ws, texts.WB_COLS['activities'])}"
                        f"{total_row(ws)}", value=old_plus(book, "units", "activities"))
    err = refused(capsys, city, bad)
    assert f"trang «{texts.WB_SHEETS['units']}», ô {cell}: " in err
