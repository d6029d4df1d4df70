"""Hand-made XLSX files for the bounded-reading tests: a minimal valid workbook whose
sheet and shared-string parts say what the test wants (issue 25, spreadsheet bombs)."""
import io
import zipfile

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_TYPES = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats'
          '.org/package/2006/content-types"><Default Extension="rels" ContentType="application/'
          'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
          '"application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/'
          'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName='
          '"/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
          'officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings'
          '.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.'
          'sharedStrings+xml"/></Types>')
_RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
         'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
         'schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
         'Target="xl/workbook.xml"/></Relationships>')
_WB_RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http:'
            '//schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
            'Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.'
            'openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
            'Target="sharedStrings.xml"/></Relationships>')


def _workbook(sheet_name: str) -> str:
    return (f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" xmlns:r="http://'
            'schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet '
            f'name="{sheet_name}" sheetId="1" r:id="rId1"/></sheets></workbook>')


def xlsx(sheet_data: bytes | str, shared: bytes | str = b"", *, dimension: str = "A1",
         sheet_name: str = "Sheet1") -> bytes:
    """A workbook of one sheet: `sheet_data` is the inside of <sheetData>, `shared` the
    inside of <sst> (strings referenced by <c t="s"><v>i</v></c>)."""
    if isinstance(sheet_data, str):
        sheet_data = sheet_data.encode()
    if isinstance(shared, str):
        shared = shared.encode()
    sheet = (f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}"><dimension '
             f'ref="{dimension}"/><sheetData>').encode() + sheet_data + b"</sheetData></worksheet>"
    sst = f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN}">'.encode() + shared \
        + b"</sst>"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", _TYPES)
        archive.writestr("_rels/.rels", _RELS)
        archive.writestr("xl/workbook.xml", _workbook(sheet_name))
        archive.writestr("xl/_rels/workbook.xml.rels", _WB_RELS)
        archive.writestr("xl/worksheets/sheet1.xml", sheet)
        archive.writestr("xl/sharedStrings.xml", sst)
    return out.getvalue()


def header_row() -> bytes:
    return b'<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>'


def shared_strings_bomb(count: int = 1_000_000, sheet_name: str = "Sheet1") -> bytes:
    """`count` empty shared strings (openpyxl loads them all before the first row)."""
    return xlsx(header_row(), b"<si><t/></si>" * count, sheet_name=sheet_name)


def far_cell_bomb(sheet_name: str = "Sheet1") -> bytes:
    """One value at XFD1048576 under a full-sheet dimension: openpyxl's read-only rows are
    padded to 16 384 columns and filled down to line 1 048 576."""
    return xlsx(header_row() + b'<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>',
                dimension="A1:XFD1048576", sheet_name=sheet_name)


def many_rows_bomb(count: int = 600_000) -> bytes:
    """`count` rows of one number each, without row numbers."""
    return xlsx(header_row() + b"<row><c><v>1</v></c></row>" * count)
