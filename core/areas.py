"""The areas of a week (wards, communes, residential groups): the rules of a list and of an
import file, and the tile map's automatic layout. Pure: db/areas.py reads and writes.

An area code is the statistics office's code (5 digits, e.g. 00001) or a short code the
office chooses for a residential group (e.g. TDP-03): 1..20 characters, unique in a week.
A name is required, at most NAME_MAX characters. Tile positions (row, column) are optional
whole numbers 0..999.
"""
import math
from pathlib import Path

from core import texts
from core.text import clean

CODE_MAX = 20
NAME_MAX = 120  # the longest real name is ~40 characters; a longer one breaks every table
POSITION_MAX = 999

# an import file's columns: field -> accepted headers (compared without case)
HEADERS = {
    "code": ("code", "mã", "mã địa bàn", "mã phường", "ma"),
    "name": ("name", "tên", "tên địa bàn", "tên phường", "ten"),
    "row": ("row", "hàng", "grid_row", "hang"),
    "col": ("col", "cột", "column", "grid_col", "cot"),
}


def _position(value, line_errors: list, label: str):
    text = clean("" if value is None else str(value))
    if not text:
        return None
    try:
        number = float(text.replace(",", "."))
    except ValueError:
        number = None
    if number is None or not number.is_integer() or not 0 <= number <= POSITION_MAX:
        line_errors.append(texts.AREA_POSITION_INVALID.format(what=label, value=text,
                                                              max=POSITION_MAX))
        return None
    return int(number)


def check_rows(rows: list[tuple[int | None, dict]]) -> tuple[list[dict], list[str]]:
    """rows: [(line or None, {code, name, row, col})] -> (areas, errors). An error names its
    line (when given) in Vietnamese; `areas` is meaningful only when `errors` is empty."""
    areas, errors, seen = [], [], {}
    for index, (line, raw) in enumerate(rows, start=1):
        where = (texts.AREA_LINE.format(line=line) if line is not None
                 else texts.AREA_ROW.format(row=index))
        line_errors: list[str] = []
        code = clean("" if raw.get("code") is None else str(raw.get("code")))
        name = clean("" if raw.get("name") is None else str(raw.get("name")))
        if not code:
            line_errors.append(texts.AREA_CODE_REQUIRED)
        elif len(code) > CODE_MAX:
            line_errors.append(texts.AREA_CODE_TOO_LONG.format(code=code, max=CODE_MAX))
        elif code in seen:
            line_errors.append(texts.AREA_CODE_DUPLICATE.format(code=code, other=seen[code]))
        if not name:
            line_errors.append(texts.AREA_NAME_REQUIRED)
        elif len(name) > NAME_MAX:
            line_errors.append(texts.AREA_NAME_TOO_LONG.format(length=len(name), max=NAME_MAX))
        grid_row = _position(raw.get("row"), line_errors, texts.AREA_ROW_WORD)
        grid_col = _position(raw.get("col"), line_errors, texts.AREA_COL_WORD)
        if (grid_row is None) != (grid_col is None) and not line_errors:
            line_errors.append(texts.AREA_POSITION_HALF)
        if code and code not in seen:
            seen[code] = line if line is not None else index
        errors += [f"{where}: {e}" for e in line_errors]
        areas.append({"code": code, "name": name, "grid_row": grid_row, "grid_col": grid_col})
    if not rows:
        errors.append(texts.AREA_LIST_EMPTY)
    return areas, errors


def rows_from_table(table, filename: str = "") -> tuple[list[tuple[int, dict]], list[str]]:
    """An import file read by core.tabular.read_table -> rows for check_rows, or errors
    about its header. Excel drops the leading zeros of a number: in an XLSX file a code of
    1..4 digits is the statistics code padded to 5 digits (1 -> 00001)."""
    found, errors = {}, []
    for column in table.columns:
        key = column.strip().lower()
        for field, aliases in HEADERS.items():
            if key in aliases and field not in found:
                found[field] = column
    for field in ("code", "name"):
        if field not in found:
            errors.append(texts.AREA_HEADER_MISSING.format(
                column=texts.AREA_HEADER_WORDS[field], found=", ".join(table.columns) or "—"))
    if errors:
        return [], errors
    xlsx = Path(filename).suffix.lower() == ".xlsx"
    rows = []
    for line, cells in table.rows:
        row = {field: cells.get(column, "") for field, column in found.items()}
        code = clean(row.get("code", ""))
        if xlsx and code.isdigit() and len(code) < 5:
            row["code"] = code.zfill(5)
        rows.append((line, row))
    return rows, errors


def short_label(name: str, limit: int = 9) -> str:
    """A tile's label: the name without its "Phường"/"Xã" prefix, cut to `limit` characters
    with an ellipsis (the full name is in the tooltip)."""
    text = clean(name)
    for prefix in ("Phường ", "Xã ", "Thị trấn ", "Đặc khu ", "Tổ dân phố "):
        if text.startswith(prefix) and len(text) > len(prefix):
            text = text[len(prefix):]
            break
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def tile_positions(areas: list[dict]) -> dict[str, tuple[int, int]]:
    """code -> (row, column) of the tile map. The areas' own positions when every area has
    one and no two share a tile; otherwise a compact automatic grid: sorted by name,
    ceil(sqrt(n)) columns (126 areas: 12 columns x 11 rows)."""
    placed = [(a["grid_row"], a["grid_col"]) for a in areas]
    if areas and all(r is not None and c is not None for r, c in placed) \
            and len(set(placed)) == len(placed):
        return {a["code"]: (int(a["grid_row"]), int(a["grid_col"])) for a in areas}
    columns = max(1, math.ceil(math.sqrt(len(areas))))
    ordered = sorted(areas, key=lambda a: (clean(a["name"]).lower(), a["code"]))
    return {a["code"]: divmod(i, columns) for i, a in enumerate(ordered)}
