"""Reading import files (CSV or XLSX) into numbered rows, writing the templates, and the
report of an import.

A CSV may be UTF-8 (with or without BOM), UTF-16 with its BOM (Excel's «Unicode Text») or
Windows-1258 (what Vietnamese Excel writes as «CSV (Comma delimited)»: base letters with
combining tone marks, which Python's cp1258 codec does not compose); every text is NFC
after decoding. Separated by commas, «;» or tabs: the one the header line uses most (a
Vietnamese Windows' list separator is «;»; «Unicode Text» uses tabs).

Line numbers are those a person sees in the file: the header is line 1.
"""
import csv
import hashlib
import io
import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from core import texts, xlsx_guard
from core.numbers import integer
from core.text import clean


MAX_ROWS = 10_000  # data rows per file (README): a bigger import is refused up front


class TabularError(Exception):
    """The file cannot be read as a table at all."""


@dataclass
class Table:
    columns: list[str]  # the headers as written in the file (cleaned, case kept)
    rows: list[tuple[int, dict]]  # (line number, {column: cleaned text})

    def content_hash(self) -> str:
        """SHA-256 of what the file says (headers and cells, blank lines left out): the
        same content saved again, as CSV or as XLSX, has the same hash."""
        content = [self.columns, [[row.get(c, "") for c in self.columns]
                                  for _line, row in self.rows]]
        return hashlib.sha256(json.dumps(content, ensure_ascii=False).encode()).hexdigest()


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
    """Rows from (line, values); past MAX_ROWS data rows the file is refused before the
    rest is read (records is consumed lazily, once)."""
    raw = []
    for line, values in records:
        values = list(values)
        if not any(clean(v) for v in values):
            continue  # blank lines are not rows
        if len(raw) >= MAX_ROWS:
            raise TabularError(texts.TABLE_TOO_MANY_ROWS.format(max=integer(MAX_ROWS)))
        raw.append((line, values))
    # a cell under no header (an empty header cell, or a row longer than the header) gets
    # the column's letter as its name, so the import names it instead of dropping it
    width = max([len(header)] + [len(values) for _line, values in raw])
    columns = [clean(c) for c in list(header) + [""] * (width - len(header))]
    for i, column in enumerate(columns):
        if not column and any(i < len(values) and clean(values[i]) for _l, values in raw):
            columns[i] = texts.FILE_UNNAMED_COLUMN.format(letter=_letter(i))
    rows = []
    for line, values in raw:
        values = values + [""] * (len(columns) - len(values))
        rows.append((line, {col: clean(v) for col, v in zip(columns, values) if col}))
    return Table(columns, rows)


def _letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)


def _vietnamese_letters() -> frozenset:
    import unicodedata

    marks = ("", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323")
    return frozenset(unicodedata.normalize("NFC", base + mark)
                     for base in "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY" for mark in marks) | set("đĐ")


# what a Vietnamese text may hold beyond ASCII: its letters and common punctuation; a file
# of another 8-bit encoding (TCVN3, Latin-1) read as Windows-1258 shows other characters
_VIETNAMESE = _vietnamese_letters() | set("\u00a0«»“”‘’‚„–—…•·°±×÷€₫§©®™‹›²³¹¼½¾")


def decode_text(data: bytes) -> str:
    """The text of a CSV file, NFC: UTF-8 (BOM or not), UTF-16 with BOM, else Windows-1258
    when it reads as Vietnamese; otherwise TabularError with what to do in Excel."""
    import codecs
    import unicodedata

    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise TabularError(texts.FILE_ENCODING_UNKNOWN) from None
    elif data.startswith(codecs.BOM_UTF8) or b"\x00" not in data:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = _windows_1258(data)
    else:  # NUL bytes without a BOM: UTF-16 or UTF-32 we cannot tell apart safely
        raise TabularError(texts.FILE_ENCODING_UNKNOWN)
    return unicodedata.normalize("NFC", text)


def _windows_1258(data: bytes) -> str:
    import unicodedata

    try:
        text = unicodedata.normalize("NFC", data.decode("cp1258"))
    except UnicodeDecodeError:
        raise TabularError(texts.FILE_ENCODING_UNKNOWN) from None
    if any(ord(ch) > 127 and ch not in _VIETNAMESE for ch in text):
        raise TabularError(texts.FILE_ENCODING_UNKNOWN)
    return text


def _delimiter(text: str) -> str:
    """The separator the header line uses most: «,», «;» (a Vietnamese Windows' list
    separator; Excel then leaves a comma in a header unquoted: «Ghi chú, nếu có») or a tab
    («Unicode Text»); «,» on a tie or when there is none. Quoted text does not count."""
    header = re.sub(r'"[^"]*"', "", text.split("\n", 1)[0])
    counts = {sep: header.count(sep) for sep in (",", ";", "\t")}
    best = max(counts, key=lambda sep: counts[sep])  # first (the comma) on a tie
    return best if counts[best] else ","


def _read_csv(data: bytes) -> Table:
    text = decode_text(data)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    try:
        header = next(reader)
    except StopIteration:
        raise TabularError(texts.FILE_EMPTY) from None
    except csv.Error as error:
        raise TabularError(texts.FILE_UNREADABLE.format(reason=str(error))) from None

    def records():
        try:
            for values in reader:
                yield reader.line_num, values
        except csv.Error as error:
            raise TabularError(texts.FILE_UNREADABLE.format(reason=str(error))) from None

    return _table(header, records())


def _cell(value) -> str:
    if value is None:
        return ""
    if hasattr(value, "date") and hasattr(value, "hour"):  # datetime from Excel
        return value.date().isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _read_xlsx(data: bytes) -> Table:
    """The first sheet, after core.xlsx_guard has bounded the archive and measured the
    sheet: openpyxl reads only up to its last value (no padding to a forged dimension)."""
    try:
        extent = xlsx_guard.inspect(data)
    except xlsx_guard.SheetTooBig as refused:
        raise TabularError(str(refused)) from None
    except ValueError as error:
        raise TabularError(texts.FILE_UNREADABLE.format(reason=type(error).__name__)) from None
    if extent is None or not extent.last_line:
        raise TabularError(texts.FILE_EMPTY)
    try:
        book = xlsx_guard.open_workbook(data)
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        raise TabularError(texts.FILE_UNREADABLE.format(reason=type(error).__name__)) from None
    try:
        rows = book.worksheets[0].iter_rows(max_row=extent.last_line,
                                            max_col=extent.last_column, values_only=True)
        header = [_cell(v) for v in next(rows)]
        return _table(header, ((i, [_cell(v) for v in values])
                               for i, values in enumerate(rows, start=2)))
    except TabularError:
        raise
    except Exception as error:
        raise TabularError(texts.FILE_UNREADABLE.format(reason=type(error).__name__)) from None
    finally:
        book.close()


def template_csv(columns: list[str], example_rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    writer.writerows(example_rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")  # BOM: Excel opens it as UTF-8


@dataclass
class Catalogue:
    """One list of allowed values for the «Danh mục» sheet and the dropdown of a column."""
    column: str  # the header of the data column it serves
    values: list[str]
    multi: bool = False  # several values separated by ";": the dropdown only suggests


DATA_ROWS = 1000  # rows of the data sheet that get the dropdowns and the date format
DATE_FORMAT = "DD/MM/YYYY"


def template_xlsx(columns: list[str], example_rows: list[list], *,
                  catalogues: list[Catalogue] = (), notes: list[str] = (),
                  date_columns: list[str] = (), sheet_title: str | None = None) -> bytes:
    """The data sheet (header, example rows) first, so a file filled in from it imports;
    then a «Danh mục» sheet with the notes and each catalogue. Each coded column of the
    data sheet gets a dropdown of its catalogue; date columns show dd/mm/yyyy."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter, quote_sheetname
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    sheet = book.active
    sheet.title = sheet_title or texts.IMP_SHEET_DATA
    sheet.append(columns)
    for row in example_rows:
        sheet.append([_xlsx_value(v) for v in row])
    bold = Font(bold=True)
    for index, name in enumerate(columns, start=1):
        cell = sheet.cell(row=1, column=index)
        cell.font = bold
        longest = max([len(name) + 4] + [len(str(row[index - 1])) + 2 for row in example_rows
                                          if index <= len(row)])
        sheet.column_dimensions[get_column_letter(index)].width = max(14, min(40, longest))
        if name in date_columns:
            cell.comment = Comment(texts.IMP_NOTE_DATE, "")
            for row in range(2, DATA_ROWS + 2):
                sheet.cell(row=row, column=index).number_format = DATE_FORMAT
    sheet.freeze_panes = "A2"

    lists = book.create_sheet(texts.IMP_SHEET_CATALOGUE)
    line = 1
    for note in notes:
        lists.cell(row=line, column=1, value=note)
        line += 1
    if notes:
        line += 1
    first = line
    for offset, catalogue in enumerate(catalogues):
        column = offset + 1
        letter = get_column_letter(column)
        lists.cell(row=first, column=column, value=catalogue.column).font = bold
        for i, value in enumerate(catalogue.values, start=first + 1):
            lists.cell(row=i, column=column, value=value)
        lists.column_dimensions[letter].width = max(18, min(60, max(
            [len(catalogue.column)] + [len(v) for v in catalogue.values]) + 2))
        if catalogue.column not in columns:
            continue
        target = get_column_letter(columns.index(catalogue.column) + 1)
        source = (f"{quote_sheetname(lists.title)}!${letter}${first + 1}:"
                  f"${letter}${first + max(1, len(catalogue.values))}")
        # a warning, not a stop: the importer also takes codes and other spellings
        # (Excel allows titles of 32 characters at most)
        rule = DataValidation(type="list", formula1=source, allow_blank=True,
                              showErrorMessage=True,
                              errorStyle="information" if catalogue.multi else "warning",
                              errorTitle=catalogue.column[:32],
                              error=texts.IMP_DROPDOWN_MULTI if catalogue.multi
                              else texts.IMP_DROPDOWN_ERROR,
                              promptTitle=catalogue.column[:32],
                              showInputMessage=catalogue.multi,
                              prompt=texts.IMP_DROPDOWN_MULTI if catalogue.multi else None)
        rule.add(f"{target}2:{target}{DATA_ROWS + 1}")
        sheet.add_data_validation(rule)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _xlsx_value(value):
    """Example dates go in as real dates (shown dd/mm/yyyy), numbers as numbers."""
    if isinstance(value, (date, datetime, int, float)):
        return value
    text = str(value)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return datetime.fromisoformat(text)
    if re.fullmatch(r"\d{2}/\d{2}/\d{4}", text):
        return datetime.strptime(text, "%d/%m/%Y")
    if re.fullmatch(r"\d{1,6}", text) and not text.startswith("0"):
        return int(text)
    return text


@dataclass(frozen=True)
class ImportProblem:
    """One reason a row (or the file) was refused: a row of the error table."""
    line: int | None  # None: the whole file
    column: str  # the header as written in the file; "" for the whole row
    value: str
    reason: str
    hint: str | None = None  # what would let it in: a key of texts.IMP_HINTS_*


MAX_LISTED_PROBLEMS = 200  # listed on the page and the command line; the rest are counted


@dataclass
class ImportReport:
    """What an import did: rows written, and the first MAX_LISTED_PROBLEMS problems with
    their line and column (a million bad rows made four million error rows before);
    `unlisted` counts the others, which still count in bad_lines and hints."""
    created: int = 0
    updated: int = 0
    errors: list[ImportProblem] = field(default_factory=list)
    written: bool = False
    ignored_columns: list[str] = field(default_factory=list)  # unknown, skipped on request
    unlisted: int = 0
    _lines: set = field(default_factory=set, repr=False)
    _hints: dict = field(default_factory=dict, repr=False)

    def add(self, line, column, value, reason, hint=None) -> None:
        if line is not None:
            self._lines.add(line)
        if hint:
            self._hints[hint] = None
        if len(self.errors) < MAX_LISTED_PROBLEMS:
            self.errors.append(ImportProblem(line, column, value, reason, hint))
        else:
            self.unlisted += 1

    @property
    def bad_lines(self) -> int:
        """How many rows were refused (a row with three problems counts once)."""
        return len(self._lines | {p.line for p in self.errors if p.line is not None})

    @property
    def hints(self) -> list[str]:
        return list(dict.fromkeys([*self._hints, *(p.hint for p in self.errors if p.hint)]))

    def refusal(self) -> str:
        """The summary of an import that wrote nothing."""
        unknown = [p.column for p in self.errors if p.hint == "unknown_columns"]
        if unknown:  # the file's columns, before any row was read
            return texts.IMP_NOTHING_WRITTEN_COLUMNS.format(
                count=len(unknown), columns=", ".join(f"«{c}»" for c in unknown))
        if self.bad_lines:
            return texts.IMP_NOTHING_WRITTEN.format(count=self.bad_lines)
        return texts.IMP_NOTHING_WRITTEN_FILE

    def ignored_note(self) -> str | None:
        """The columns left unread on request, named in the answer (nothing is lost
        silently)."""
        if not self.ignored_columns:
            return None
        return texts.IMP_IGNORED_COLUMNS.format(
            columns=", ".join(f"«{c}»" for c in self.ignored_columns))
    def more(self) -> str | None:
        """«… và N lỗi khác không liệt kê», or None when every problem is listed."""
        if not self.unlisted:
            return None
        return texts.IMP_MORE_PROBLEMS.format(listed=integer(len(self.errors)),
                                              more=integer(self.unlisted))

    def error_lines(self) -> list[str]:
        """One line per listed problem, for the command line, then the count of the rest."""
        return [problem_line(p) for p in self.errors] + ([self.more()] if self.unlisted else [])

    def error_table(self) -> list[dict]:
        """The error table of the page: dòng, cột, giá trị, lý do (listed problems)."""
        return [{texts.IMP_COL_LINE: "—" if p.line is None else str(p.line),
                 texts.IMP_COL_COLUMN: p.column or "—", texts.IMP_COL_VALUE: p.value,
                 texts.IMP_COL_REASON: p.reason} for p in self.errors]


def problem_line(problem: ImportProblem) -> str:
    where = texts.IMP_WHERE_FILE if problem.line is None else \
        texts.IMP_WHERE_LINE.format(line=problem.line)
    if problem.column:
        where += texts.IMP_WHERE_COLUMN.format(column=problem.column)
        if problem.value:
            where += texts.IMP_WHERE_VALUE.format(value=problem.value)
    return f"{where}: {problem.reason}"
