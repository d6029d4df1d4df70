"""Issue 20, deliver 6: a clerk's file loses nothing silently. Every column of an imported
activities/propaganda file is used or named in the answer: common spellings map to their
field, row numbers are ignored quietly, any other column stops the import (nearest known
names given) unless «Bỏ qua các cột này» / --ignore-unknown-columns. CSV files saved by
Vietnamese Excel (Windows-1258, tone marks as combining characters) and UTF-16 are read
and stored in NFC; a file in none of them gets advice in Vietnamese."""
import codecs
import unicodedata

import pytest

import manage
from core import import_format, texts
from core.tabular import TabularError, read_table
from db import events
from tests.test_import_pages import csv_bytes, error_table, upload_and_import

TITLE = "Ngày hội đọc sách «Học tập suốt đời» ở Trường"
HEADER = ["STT", "Đơn vị", "Loại hoạt động", "Tên hoạt động", "Ngày bắt đầu", "Hình thức",
          "Tổng số người tham gia", "Link minh chứng", "Ghi chú"]
ROWS = [["1", "Trường THCS Thăng Long", "Hoạt động thư viện, đọc sách", TITLE, "03/10/2020",
         "Trực tiếp", "150", "https://thcsthanglong.edu.vn/doc-sach", "Thư viện trường mở cửa"],
        ["2", "UBND phường Phúc Xá", "Thể dục thể thao", "Giải chạy phường", "04/10/2020",
         "Trực tiếp", "300", "https://phucxa.hanoi.gov.vn/giai-chay", "Có 12 tổ dân phố"]]
TONES = "\u0300\u0301\u0303\u0309\u0323"


def windows_1258(text: str) -> bytes:
    """What Vietnamese Excel writes for «CSV (Comma delimited)»: a letter Windows-1258 has
    as one byte stays one byte, any other one is its base letter (ơ, ư, â… are in the code
    page) followed by a combining tone mark — as Windows' own conversion does."""
    out = b""
    for ch in text:
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in parts if c in TONES)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in TONES))
        out += base.encode("cp1258") + tones.encode("cp1258")
    return out


def run(db_path, *args):
    return manage.main(["--db", str(db_path), *map(str, args)])


def stored(db, table="activities", columns="title, evidence_url, description"):
    return db.execute(f"select {columns} from {table} order by id").fetchall()


def write(tmp_path, name, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


# --- spellings -----------------------------------------------------------------------------

def test_the_issues_file_keeps_its_evidence_links_and_notes(db_path, db, tmp_path, capsys):
    """«Link minh chứng» and «Ghi chú» were dropped with «Đã nhập 2 dòng.»: now stored;
    «STT» is ignored without a word."""
    path = write(tmp_path, "hd.csv", csv_bytes(HEADER, ROWS))
    assert run(db_path, "import-activities", path) == 0
    out = capsys.readouterr().out
    assert "Đã nhập 2 dòng." in out and "bỏ qua" not in out.lower()
    assert stored(db) == [
        (TITLE, "https://thcsthanglong.edu.vn/doc-sach", "Thư viện trường mở cửa"),
        ("Giải chạy phường", "https://phucxa.hanoi.gov.vn/giai-chay", "Có 12 tổ dân phố")]


@pytest.mark.parametrize("spelling", ["Liên kết", "Link", "LINK MINH CHỨNG"])
def test_common_spellings_of_the_link(spelling):
    assert import_format.unknown_columns(
        read_table(csv_bytes([spelling, "Số TT"], [["x", "1"]]), "a.csv"),
        import_format.ACTIVITY_LAYOUT) == []
    mapped, problems = import_format.map_table(
        read_table(csv_bytes(["Đơn vị", "Kênh", "Số lượng", "Ngày", spelling],
                             [["HKH", "Facebook", "1", "02/10/2020", "https://x.vn"]]),
                   "p.csv"), import_format.PROPAGANDA_LAYOUT, strict=True)
    assert problems == [] and mapped.headers["link"] == spelling


def test_an_xlsx_file_is_held_to_the_same_columns(db_path, db, tmp_path, capsys):
    from openpyxl import Workbook

    book = Workbook()
    for row in [HEADER + ["Người phụ trách"], *[r + ["Cô Lan"] for r in ROWS]]:
        book.active.append(row)
    path = tmp_path / "hd.xlsx"
    book.save(path)
    assert run(db_path, "import-activities", path) == 1
    assert "«Người phụ trách»" in capsys.readouterr().err and stored(db) == []
    assert run(db_path, "import-activities", path, "--ignore-unknown-columns") == 0
    assert stored(db)[0] == (TITLE, "https://thcsthanglong.edu.vn/doc-sach",
                             "Thư viện trường mở cửa")


def test_a_propaganda_file_keeps_its_link_and_note(db_path, db, tmp_path, capsys):
    header = ["Số TT", "Đơn vị", "Kênh", "Số lượng", "Ngày", "Link minh chứng", "Ghi chú"]
    rows = [["1", "Trường THCS Thăng Long", "Facebook", "3", "02/10/2020",
             "https://facebook.com/thcsthanglong/1", "Ba bài về chuyển đổi số"]]
    path = write(tmp_path, "tt.csv", csv_bytes(header, rows))
    assert run(db_path, "import-propaganda", path) == 0, capsys.readouterr()
    assert stored(db, "propaganda", "link, note") == [
        ("https://facebook.com/thcsthanglong/1", "Ba bài về chuyển đổi số")]


# --- unknown columns -------------------------------------------------------------------------

UNKNOWN_HEADER = HEADER[:7] + ["Link minh chung", "Ghi chú", "Người phụ trách"]
UNKNOWN_ROWS = [row + ["Cô Lan"] for row in ROWS]


def test_an_unknown_column_stops_the_import_with_the_nearest_names(db_path, db, tmp_path,
                                                                   capsys):
    path = write(tmp_path, "hd.csv", csv_bytes(UNKNOWN_HEADER, UNKNOWN_ROWS))
    assert run(db_path, "import-activities", path) == 1
    captured = capsys.readouterr()
    # the answer lists the columns, each with the nearest known names, and the option
    assert ("Không nhập dòng nào: tệp có 2 cột không có trong mẫu nhập, chưa biết ghi vào "
            "đâu: «Link minh chung», «Người phụ trách».") in captured.err
    assert ("dòng 1, cột «Link minh chung»: Cột không có trong mẫu nhập; tên gần nhất: "
            "«Đường dẫn minh chứng»") in captured.out
    assert "dòng 1, cột «Người phụ trách»: Cột không có trong mẫu nhập" in captured.out
    assert "--ignore-unknown-columns" in captured.out
    assert stored(db) == []  # nothing written
    assert db.execute("select count(*) from import_files").fetchone()[0] == 0


def test_with_the_option_the_rows_go_in_and_the_answer_names_the_columns(db_path, db,
                                                                        tmp_path, capsys):
    path = write(tmp_path, "hd.csv", csv_bytes(UNKNOWN_HEADER, UNKNOWN_ROWS))
    assert run(db_path, "import-activities", path, "--ignore-unknown-columns") == 0
    out = capsys.readouterr().out
    assert "Đã nhập 2 dòng." in out
    assert texts.IMP_IGNORED_COLUMNS.format(
        columns="«Link minh chung», «Người phụ trách»") in out
    assert [row[0] for row in stored(db)] == [TITLE, "Giải chạy phường"]
    # the note went in («Ghi chú»); the misspelt link column was left unread, as said
    assert [row[2] for row in stored(db)] == ["Thư viện trường mở cửa", "Có 12 tổ dân phố"]
    assert all(not row[1] for row in stored(db))


def test_the_page_names_the_columns_and_imports_only_when_told(app_for, admin, committee, db):
    at = app_for(committee)
    at.switch_page("app_pages/committee_import.py").run()
    data = csv_bytes(UNKNOWN_HEADER, UNKNOWN_ROWS)
    at.file_uploader(key="cimp_act_upload").upload("hd.csv", data, "text/csv").run()
    warning = [w.value for w in at.warning if "không có trong mẫu nhập" in w.value]
    assert warning and "Link minh chung" in warning[0] and "Đường dẫn minh chứng" in warning[0]
    [box] = [c for c in at.checkbox if c.label == "Bỏ qua các cột này"]
    assert box.value is False
    at.button(key="cimp_act_go").click().run()
    assert any("cột không có trong mẫu nhập" in e.value for e in at.error)
    assert error_table(at)["Cột"].tolist() == ["Link minh chung", "Người phụ trách"]
    assert any("«Bỏ qua các cột này»" in i.value for i in at.info)
    assert stored(db) == []
    [box] = [c for c in at.checkbox if c.label == "Bỏ qua các cột này"]
    box.check().run()
    at.button(key="cimp_act_go").click().run()
    assert not at.exception
    assert "Đã nhập 2 dòng." in [s.value for s in at.success]
    assert any("Người phụ trách" in i.value and "Đã bỏ qua" in i.value for i in at.info)
    assert len(stored(db)) == 2


def test_the_page_stores_the_link_and_the_note(app_for, admin, committee, db):
    at = app_for(committee)
    at.switch_page("app_pages/committee_import.py").run()
    upload_and_import(at, "cimp_act", "hd.csv", csv_bytes(HEADER, ROWS))
    assert "Đã nhập 2 dòng." in [s.value for s in at.success]
    assert not [c for c in at.checkbox if c.label == "Bỏ qua các cột này"]
    assert stored(db)[0][1:] == ("https://thcsthanglong.edu.vn/doc-sach",
                                 "Thư viện trường mở cửa")


# --- encodings -------------------------------------------------------------------------------

def test_a_windows_1258_csv_from_vietnamese_excel_is_read_in_nfc(db_path, db, tmp_path,
                                                                capsys):
    text = csv_bytes(HEADER[1:], [r[1:] for r in ROWS]).decode()  # quoted as Excel does
    data = windows_1258(text)
    assert b"\xcc" in data or b"\xec" in data or b"\xf2" in data  # combining tone marks
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")  # what was refused before: «không phải UTF-8 (byte 0)»
    path = write(tmp_path, "hd.csv", data)
    assert run(db_path, "import-activities", path) == 0, capsys.readouterr()
    titles = [row[0] for row in stored(db)]
    assert titles == [TITLE, "Giải chạy phường"]
    assert all(unicodedata.is_normalized("NFC", t) for t in titles)
    assert stored(db)[1][2] == "Có 12 tổ dân phố"
    unit = db.execute("select u.name from activities a join units u on u.id = a.unit_id "
                      "order by a.id").fetchone()[0]
    assert unit == "Trường THCS Thăng Long"  # the unit cell matched after composing


def test_a_utf16_file_excel_unicode_text_is_read(db_path, db, tmp_path, capsys):
    """Excel's «Unicode Text (*.txt)»: UTF-16 with BOM, separated by tabs."""
    text = "\r\n".join("\t".join(row) for row in [HEADER, *ROWS]) + "\r\n"
    path = write(tmp_path, "hd.txt", codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
    assert run(db_path, "import-activities", path) == 0, capsys.readouterr()
    assert stored(db)[0] == (TITLE, "https://thcsthanglong.edu.vn/doc-sach",
                             "Thư viện trường mở cửa")


def test_a_utf16_file_goes_through_the_pages_upload_too(app_for, admin, committee, db):
    at = app_for(committee)
    at.switch_page("app_pages/committee_import.py").run()
    upload_and_import(at, "cimp_act", "hd.csv",
                      csv_bytes(HEADER, ROWS).decode().encode("utf-16"))
    assert "Đã nhập 2 dòng." in [s.value for s in at.success]


def test_a_semicolon_csv_of_a_vietnamese_windows_is_read():
    import csv
    import io

    out = io.StringIO()
    csv.writer(out, delimiter=";").writerows([HEADER, *ROWS])
    table = read_table(out.getvalue().encode("utf-8"), "a.csv")
    assert table.columns == HEADER and table.rows[0][1]["Tên hoạt động"] == TITLE


@pytest.mark.parametrize("data", [
    "Tr\u00adêng THCS Th¨ng Long,¬".encode("latin-1"),   # TCVN3 bytes: ư=0xAD, ă=0xA8, ơ=0xAC
    "Trường".encode("utf-16-le"),                          # UTF-16 without its BOM
    b"Tr\x81\x8dng",                                       # bytes Windows-1258 does not have
])
def test_a_file_in_no_known_encoding_gets_advice_in_vietnamese(data):
    with pytest.raises(TabularError) as refused:
        read_table(data, "a.csv")
    assert "Lưu lại bằng Excel" in str(refused.value)
    assert "CSV UTF-8" in str(refused.value)


def test_the_cli_gives_the_advice_and_writes_nothing(db_path, db, tmp_path, capsys):
    path = write(tmp_path, "hd.csv", "Tr\u00adêng,¬".encode("latin-1"))
    assert run(db_path, "import-activities", path) == 1
    assert "Lưu lại bằng Excel" in capsys.readouterr().err
    assert stored(db) == [] and events.get(db, 2020)
