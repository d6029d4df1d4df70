"""Reading import files (CSV in UTF-8 with or without BOM, or XLSX) into numbered rows.

Line numbers are those a person sees in the file: the header is line 1.
"""
import csv
import io
from dataclasses import dataclass
from pathlib import Path

from core import texts
from core.text import clean


class TabularError(Exception):
    """The file cannot be read as a table at all."""


@dataclass
class Table:
    columns: list[str]
    rows: list[tuple[int, dict]]  # (line number, {column: cleaned text})


def read_table(data: bytes, filename: str) -> Table:
    suffix = Path(filename).suffix.lower()
    if suffix == ".xlsx":
        return _read_xlsx(data)
    if suffix in (".csv", ".txt", ""):
        return _read_csv(data)
    raise TabularError(texts.FILE_UNREADABLE.format(reason=f"chỉ nhận .csv hoặc .xlsx ({suffix})"))


def read_path(path) -> Table:
    return read_table(Path(path).read_bytes(), str(path))


def _table(header, records) -> Table:
    columns = [clean(c).lower() for c in header]
    rows = []
    for line, values in records:
        values = list(values) + [""] * (len(columns) - len(values))
        if not any(clean(v) for v in values):
            continue  # blank lines are not rows
        rows.append((line, {col: clean(v) for col, v in zip(columns, values) if col}))
    return Table(columns, rows)


def _read_csv(data: bytes) -> Table:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise TabularError(texts.FILE_UNREADABLE.format(
            reason=f"không phải UTF-8 (byte {error.start})")) from None
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise TabularError(texts.FILE_EMPTY) from None
    except csv.Error as error:
        raise TabularError(texts.FILE_UNREADABLE.format(reason=str(error))) from None
    records = []
    try:
        for values in reader:
            records.append((reader.line_num, values))
    except csv.Error as error:
        raise TabularError(texts.FILE_UNREADABLE.format(reason=str(error))) from None
    return _table(header, records)


def _cell(value) -> str:
    if value is None:
        return ""
    if hasattr(value, "date") and hasattr(value, "hour"):  # datetime from Excel
        return value.date().isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _read_xlsx(data: bytes) -> Table:
    from openpyxl import load_workbook

    try:
        sheet = load_workbook(io.BytesIO(data), read_only=True, data_only=True).worksheets[0]
        rows = [[_cell(v) for v in row] for row in sheet.iter_rows(values_only=True)]
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise TabularError(texts.FILE_UNREADABLE.format(reason=type(error).__name__)) from None
    if not rows:
        raise TabularError(texts.FILE_EMPTY)
    return _table(rows[0], [(i, values) for i, values in enumerate(rows[1:], start=2)])


def missing_columns(table: Table, required: list[str]) -> list[str]:
    return [c for c in required if c not in table.columns]


def shape_errors(table: Table, required: list[str]) -> list[tuple[int, str]]:
    """Errors that stop an import before any row is read: missing columns, no rows."""
    if missing := missing_columns(table, required):
        return [(1, texts.FILE_MISSING_COLUMNS.format(columns=", ".join(missing)))]
    if not table.rows:
        return [(1, texts.FILE_EMPTY)]
    return []


def template_csv(columns: list[str], example_rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    writer.writerows(example_rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")  # BOM: Excel opens it as UTF-8


def template_xlsx(columns: list[str], example_rows: list[list[str]]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(columns)
    for row in example_rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@dataclass
class ImportReport:
    """What an import did: rows written, and every bad row with its line and reason."""
    created: int = 0
    updated: int = 0
    errors: list[tuple[int, str]] | None = None
    written: bool = False

    def __post_init__(self):
        self.errors = self.errors or []

    def error_lines(self) -> list[str]:
        return [texts.IMPORT_LINE.format(line=line, reason=reason)
                for line, reason in self.errors]
