"""Reading an XLSX sheet's XML directly, for what openpyxl does badly (issue 25, the
roll-up): the last rows of a long sheet without streaming every row before them (openpyxl
took 8 s to reach the total row of 20 000 activities), and the cell of a number openpyxl
cannot read (NaN, INF, thousands of digits raise ValueError inside its reader, with no
cell named). Pure: the file's bytes and the sheet's part name in, values out; the XML is
matched with bounded regular expressions and shared strings are parsed with defusedxml."""
import html
import io
import math
import re
import zipfile

TAIL_BYTES = 65536  # a sheet's total row lies in the last bytes of its XML

_ROW = re.compile(rb'<row\b[^>]*?\br="([0-9]+)"[^>]*>(.*?)</row>', re.S)
_CELL = re.compile(rb'<c\b([^>]*?)(?:/>|>(.*?)</c>)', re.S)
_REF = re.compile(rb'\br="([A-Z]+)[0-9]+"')
_VALUE = re.compile(rb'<v>([^<]*)</v>')
_TEXT = re.compile(rb"<t[^>]*>([^<]*)</t>")


def last_rows(data: bytes, part: str) -> list[tuple[int, tuple]] | None:
    """[(row number, cell values)] of the rows in the last TAIL_BYTES of the sheet's XML
    (`part`: e.g. "xl/worksheets/sheet13.xml"), text cells resolved (inline or shared
    strings). None when it cannot tell (the caller then reads the whole sheet)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            with archive.open(part.lstrip("/")) as member:
                tail = _tail(member)
            rows = [(int(m.group(1)), _cells(m.group(2))) for m in _ROW.finditer(tail)]
            wanted = {int(v) for _n, cells in rows for kind, v in cells if kind == "s"}
            shared = _shared_strings(archive, wanted) if wanted else {}
    except (KeyError, OSError, ValueError, zipfile.BadZipFile):
        return None
    if not rows:
        return None
    return [(number, tuple(shared.get(int(v)) if kind == "s" else v for kind, v in cells))
            for number, cells in rows]


def first_bad_number(data: bytes, part: str) -> tuple[int, str] | None:
    """(row, cell such as "E14") of the first number cell that is not a finite number of
    at most 40 characters, or None."""
    from openpyxl.utils import column_index_from_string, get_column_letter

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            xml = archive.read(part.lstrip("/"))
    except (KeyError, OSError, zipfile.BadZipFile):
        return None
    for row in _ROW.finditer(xml):
        column = 0
        for cell in _CELL.finditer(row.group(2)):
            attrs, body = cell.group(1), cell.group(2) or b""
            ref = _REF.search(attrs)
            column = column_index_from_string(ref.group(1).decode()) if ref else column + 1
            value = _VALUE.search(body)
            if b't="' in attrs and b't="n"' not in attrs or value is None:
                continue
            if not _readable_number(value.group(1).decode("ascii", "replace")):
                line = int(row.group(1))
                return line, f"{get_column_letter(column)}{line}"
    return None


def _readable_number(text: str) -> bool:
    try:
        return math.isfinite(float(text)) and len(text) <= 40
    except ValueError:
        return False


def _tail(member) -> bytes:
    """The last TAIL_BYTES of a zip member, from its first whole <row> on."""
    tail = b""
    while chunk := member.read(1 << 20):
        tail = (tail + chunk)[-TAIL_BYTES:]
    start = tail.find(b"<row ")
    return tail[start:] if start >= 0 else b""


def _cells(xml: bytes) -> list[tuple[str, object]]:
    """(kind, value) of each cell in column order (a gap in r= references is filled with
    empty cells): kind "s" = shared-string index, "v" = a value."""
    from openpyxl.utils import column_index_from_string

    out, column = [], 0
    for cell in _CELL.finditer(xml):
        attrs, body = cell.group(1), cell.group(2) or b""
        ref = _REF.search(attrs)
        target = column_index_from_string(ref.group(1).decode()) if ref else column + 1
        out += [("v", None)] * (target - column - 1)
        column = target
        value = _VALUE.search(body)
        if b't="s"' in attrs and value:
            out.append(("s", value.group(1).decode()))
        elif b't="inlineStr"' in attrs or b't="str"' in attrs:
            text = b"".join(_TEXT.findall(body)) or (value.group(1) if value else b"")
            out.append(("v", html.unescape(text.decode("utf-8"))))
        elif value is None:
            out.append(("v", None))
        else:
            out.append(("v", _number(value.group(1).decode("ascii"))))
    return out


def _number(text: str):
    if not _readable_number(text):
        raise ValueError(text)
    number = float(text)
    return int(number) if number.is_integer() and "." not in text and \
        "e" not in text.lower() else number


def _shared_strings(archive, wanted: set[int]) -> dict[int, str]:
    """The shared strings of these indexes, streamed (stops after the last one)."""
    from defusedxml.ElementTree import iterparse

    out, index, last = {}, -1, max(wanted)
    with archive.open("xl/sharedStrings.xml") as member:
        for _event, element in iterparse(member, events=("end",)):
            if element.tag.endswith("}si") or element.tag == "si":
                index += 1
                if index in wanted:
                    out[index] = "".join(t.text or "" for t in element.iter()
                                         if t.tag.endswith("}t") or t.tag == "t")
                element.clear()
                if index >= last:
                    break
    return out
