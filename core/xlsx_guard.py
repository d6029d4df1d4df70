"""Bounded look at an XLSX before openpyxl expands it (issue 25, deliver 3).

openpyxl loads the whole shared-string table before the first row, and its read-only
sheets pad every row to the sheet's declared width and fill every missing row up to the
last row number: a 15 kB file can ask for millions of strings or cells. So, before openpyxl
sees a file, this module checks, streaming with expat (no tree is ever built):

- the archive: number of parts, each part's and the total uncompressed size (Python's
  zipfile never inflates a part past its declared size, so the declared sizes bind);
- the shared-string table: number of strings;
- the sheet that will be read: number of rows and cells, and the last row and column that
  hold a value (any `r="XFD1048576"` reference is refused, not expanded);
- no DTD anywhere (an XLSX never has one: no entity tricks).

`inspect` returns the sheet's real extent, which the readers pass to openpyxl as
max_row/max_col so that nothing past the last value is padded.
"""
import io
import posixpath
import zipfile
from dataclasses import dataclass
from xml.parsers import expat

from core import texts
from core.numbers import integer as _n

MAX_PARTS = 500
MAX_PART_BYTES = 64 * 1024 * 1024  # one part, uncompressed
MAX_TOTAL_BYTES = 256 * 1024 * 1024  # the whole archive, uncompressed
MAX_SHARED_STRINGS = 300_000
MAX_LINES = 40_000  # the last line holding a value (the reader's row limit is lower)
MAX_COLUMNS = 100
MAX_CELLS = 1_000_000
MAX_OTHER_ELEMENTS = 100_000  # styles, workbook, relationships...: openpyxl builds objects
_CHUNK = 64 * 1024

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"


class SheetTooBig(Exception):
    """The Vietnamese reason a workbook is refused before it is read."""


class _NotXlsx(Exception):
    pass


@dataclass(frozen=True)
class Extent:
    """The sheet's rows and columns up to the last one holding a value (0: empty)."""
    last_line: int
    last_column: int


def inspect(data: bytes, sheet_name: str | None = None) -> Extent | None:
    """Check the archive and the sheet (the first one, or `sheet_name`). Returns its
    extent; None when the archive has no such sheet (the caller says so in its words).
    Raises SheetTooBig with a Vietnamese reason, or ValueError for a file that is not an
    XLSX (the caller's «cannot read» message)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, ValueError, OSError) as error:
        raise ValueError("not a zip") from error
    with archive:
        _check_archive(archive)
        try:
            part = _sheet_part(archive, sheet_name)
            if part is None:
                return None
            strings = _shared_strings_part(archive)
            if strings:
                _scan(archive, strings, _SharedStrings())
            for other in _other_xml_parts(archive, strings):
                _scan(archive, other, _Counter())
            return _scan(archive, part, _Sheet()).extent()
        except _NotXlsx as error:
            raise ValueError(str(error)) from None


def _check_archive(archive: zipfile.ZipFile) -> None:
    parts = archive.infolist()
    if len(parts) > MAX_PARTS:
        raise SheetTooBig(texts.XLSX_TOO_MANY_PARTS.format(count=_n(len(parts)),
                                                           max=_n(MAX_PARTS)))
    total = 0
    for part in parts:
        if part.file_size > MAX_PART_BYTES:
            raise SheetTooBig(texts.XLSX_PART_TOO_BIG.format(
                mb=MAX_PART_BYTES // (1024 * 1024)))
        total += part.file_size
    if total > MAX_TOTAL_BYTES:
        raise SheetTooBig(texts.XLSX_PART_TOO_BIG.format(mb=MAX_TOTAL_BYTES // (1024 * 1024)))


def _small_xml(archive, name: str) -> "_Collector":
    return _scan(archive, name, _Collector())


def _rels(archive, name: str) -> dict[str, str]:
    """{relationship id: target part} of a .rels part, targets resolved to archive names."""
    base = posixpath.dirname(posixpath.dirname(name))  # xl/_rels/workbook.xml.rels -> xl
    out = {}
    for tag, attrs in _small_xml(archive, name).elements:
        if tag == f"{_PKG_REL} Relationship" and "Target" in attrs:
            target = attrs["Target"]
            path = target.lstrip("/") if target.startswith("/") else \
                posixpath.normpath(posixpath.join(base, target))
            out[attrs.get("Id", "")] = path
    return out


def _workbook_part(archive) -> str:
    for tag, attrs in _small_xml(archive, "_rels/.rels").elements:
        if tag == f"{_PKG_REL} Relationship" and \
                attrs.get("Type", "").endswith("/officeDocument") and "Target" in attrs:
            return attrs["Target"].lstrip("/")
    return "xl/workbook.xml"


def _sheet_part(archive, sheet_name: str | None) -> str | None:
    workbook = _workbook_part(archive)
    folder, base = posixpath.split(workbook)
    rels = _rels(archive, posixpath.join(folder, "_rels", base + ".rels"))
    for tag, attrs in _small_xml(archive, workbook).elements:
        if tag != f"{_MAIN} sheet":
            continue
        if sheet_name is None or attrs.get("name") == sheet_name:
            return rels.get(attrs.get(f"{_REL} id", ""))
    return None


def _shared_strings_part(archive) -> str | None:
    for name in archive.namelist():
        if name.lower().endswith("sharedstrings.xml"):
            return name
    return None


def _other_xml_parts(archive, strings: str | None) -> list[str]:
    """The XML parts openpyxl may parse whole on opening (styles, properties, names...):
    everything but the worksheets (streamed, bounded by max_row/max_col) and the strings."""
    return [name for name in archive.namelist()
            if name.lower().endswith((".xml", ".rels")) and name != strings
            and not name.startswith(("xl/worksheets/", "xl/media/"))]


class _Handler:
    """An expat consumer: `start(tag, attrs)`; raises SheetTooBig to stop."""

    def start(self, tag, attrs):  # pragma: no cover - overridden
        raise NotImplementedError


class _Collector(_Handler):
    """Every element of a small part (workbook, rels): they are capped by their size."""
    LIMIT = 20_000

    def __init__(self):
        self.elements = []

    def start(self, tag, attrs):
        if len(self.elements) >= self.LIMIT:
            raise SheetTooBig(texts.XLSX_TOO_COMPLEX)
        self.elements.append((tag, attrs))


class _Counter(_Handler):
    def __init__(self):
        self.count = 0

    def start(self, tag, attrs):
        self.count += 1
        if self.count > MAX_OTHER_ELEMENTS:
            raise SheetTooBig(texts.XLSX_TOO_COMPLEX)


class _SharedStrings(_Handler):
    def __init__(self):
        self.count = 0

    def start(self, tag, attrs):
        if tag == f"{_MAIN} si":
            self.count += 1
            if self.count > MAX_SHARED_STRINGS:
                raise SheetTooBig(texts.XLSX_TOO_MANY_STRINGS.format(max=_n(MAX_SHARED_STRINGS)))


_ROW, _CELL, _VALUE, _INLINE = (f"{_MAIN} {tag}" for tag in ("row", "c", "v", "is"))
_DIGITS = "0123456789"


class _Sheet(_Handler):
    """Rows and cells as openpyxl's read-only sheet numbers them: a row's line is its `r`
    (or the previous line + 1), a cell's column the letters of its `r` (or the previous
    column + 1). Called for every element of the sheet: kept lean."""

    def __init__(self):
        self.line = self.column = self.cells = self.elements = 0
        self.last_line = self.last_column = 0
        self.ref = None  # the open cell's reference, read only if it holds a value
        self.columns: dict[str, int] = {}

    def start(self, tag, attrs):
        if tag == _CELL:
            self.ref = attrs.get("r", "")
            self._count()
        elif tag == _ROW:
            self.line = _number(attrs.get("r")) or self.line + 1
            self.column = 0
            self._count()
        elif (tag == _VALUE or tag == _INLINE) and self.ref is not None:
            self._value(self.ref)
            self.ref = None  # one value per cell

    def _count(self):
        # empty rows and cells cost openpyxl too (a million <row r="1"/>)
        self.elements += 1
        if self.elements > 2 * MAX_CELLS:
            raise SheetTooBig(texts.XLSX_TOO_MANY_CELLS.format(max=_n(MAX_CELLS)))

    def _value(self, ref):
        self.column = self._column(ref.rstrip(_DIGITS)) if ref else self.column + 1
        self.cells += 1
        if self.cells > MAX_CELLS:
            raise SheetTooBig(texts.XLSX_TOO_MANY_CELLS.format(max=_n(MAX_CELLS)))
        if self.line > MAX_LINES:
            raise SheetTooBig(texts.XLSX_TOO_MANY_LINES.format(line=_n(self.line),
                                                               max=_n(MAX_LINES)))
        if self.column > MAX_COLUMNS:
            raise SheetTooBig(texts.XLSX_TOO_MANY_COLUMNS.format(column=_n(self.column),
                                                                 max=_n(MAX_COLUMNS)))
        if self.line > self.last_line:
            self.last_line = self.line
        if self.column > self.last_column:
            self.last_column = self.column

    def _column(self, letters: str) -> int:
        column = self.columns.get(letters)
        if column is None:
            if not (0 < len(letters) <= 3 and letters.isascii() and letters.isupper()):
                raise _NotXlsx(f"bad cell reference {letters[:12]!r}")
            column = 0
            for letter in letters:
                column = column * 26 + ord(letter) - 64
            self.columns[letters] = column
        return column

    def extent(self) -> Extent:
        return Extent(self.last_line, self.last_column)


def _number(text) -> int:
    if text and text.isdigit() and len(text) <= 9:
        return int(text)
    if text:
        raise SheetTooBig(texts.XLSX_TOO_MANY_LINES.format(line=text[:12], max=_n(MAX_LINES)))
    return 0


def _scan(archive, name: str, handler: _Handler):
    """Stream one part through expat into `handler`; no DTD, no entities."""
    parser = expat.ParserCreate(namespace_separator=" ")

    def no_dtd(*_args):
        raise _NotXlsx("DTD in an XLSX part")

    parser.StartDoctypeDeclHandler = no_dtd
    parser.EntityDeclHandler = no_dtd
    parser.StartElementHandler = handler.start
    try:
        with archive.open(name) as stream:
            while chunk := stream.read(_CHUNK):
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
    except KeyError:
        raise _NotXlsx(f"no part {name}") from None
    except expat.ExpatError as error:
        raise _NotXlsx(str(error)) from None
    except (zipfile.BadZipFile, EOFError, zipfile.LargeZipFile, NotImplementedError,
            RuntimeError) as error:  # bad CRC, truncated, encrypted
        raise _NotXlsx(str(error)) from None
    return handler


def open_workbook(data: bytes):
    """openpyxl, read-only, values only: call after `inspect` accepted the file."""
    from openpyxl import load_workbook

    return load_workbook(io.BytesIO(data), read_only=True, data_only=True)
