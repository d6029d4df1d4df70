"""Issue 23: the activities CSV made by SQL in numbered blocks (db/activities_csv) is byte
for byte what the row by row conversion of core/workbook writes, on a demo week with
hostile text, whatever the block size and the number of reader connections."""
import io
import re

import pytest

from core import workbook, xlsx_stream
from db import activities_csv, export
from db.schema import CSV_QUOTED_TEXT, _quoted, _unclean
from tests.conftest import demo_week_database

TITLES = ["=1+2", "+84 912 345 678", "-5 độ", "@mention", 'Có "ngoặc kép", dấu phẩy',
          "Hai\ndòng", "Tuần lễ HỌC TẬP SUỐT ĐỜI: Đắk Lắk, Quảng Ngãi",
          "'đã có nháy", ",phẩy đầu", '"', " cách ", "ệ" * 5000, "%s %d 100%"]
LINKS = [None, "", "=cmd|' /C calc'!A0", "https://x.vn/a,b", 'https://x.vn/"q"', "-", "@",
         "+", "dòng\nhai", "https://thư-viện.vn/đọc?x=1&y=2"]
AUDIENCES = ["[]", "", '["khac"]', '["hoc_sinh", "phu_huynh"]', '["can_bo"]']
DATES = [("2020-10-02", "2020-10-02"), ("2020-09-28", "2020-10-31"),
         ("2020-10-05T08:00:00", "2020-10-06"), ("2021-01-01", "2021-01-01")]


def _insert(db, week, template, **values):
    row = dict(template, **values)
    row.pop("id")
    db["activities"].insert(row)


def tricky_week(db, week) -> None:
    """Hostile titles, links, audiences and dates; units and a type named like formulas; a
    second week whose activities sit between this week's ids; rows that do not count."""
    template = db.execute("select * from activities where event_id = ? limit 1",
                          [week]).fetchone()
    template = dict(zip([d[0] for d in db.execute("select * from activities limit 0")
                         .description], template))
    other = db["events"].insert({"year": 2021, "title": "Tuần lễ", "start_date": "2021-10-01",
                                 "end_date": "2021-10-07", "created_at": "2021-01-01"}).last_pk
    for i, title in enumerate(TITLES):
        start, end = DATES[i % len(DATES)]
        _insert(db, week, template, title=title, evidence_url=LINKS[i % len(LINKS)],
                audiences=AUDIENCES[i % len(AUDIENCES)], start_date=start, end_date=end,
                participants=i * 7, online_participants=0,
                status=["submitted", "accepted"][i % 2])
        _insert(db, other, template, event_id=other, title=f"Tuần sau {i}")
    for i, link in enumerate(LINKS):
        _insert(db, week, template, title=TITLES[-i], evidence_url=link)
    _insert(db, week, template, title="=đã xoá", deleted=1)
    _insert(db, week, template, title="=cần sửa", status="needs_fix")
    unit = template["unit_id"]
    db.execute("update units set name = ?, code = ? where id = ?",
               ['=Trường "Lạ", Hà Nội', "=U,1", unit])
    db.execute("update event_unit_attrs set name = ? where unit_id = ?",
               ["+Tên của tuần, «lạ» 100%", unit])
    db.execute("update activity_types set name = ? where code = ?",
               ['@Loại, "mới"', template["type"]])


def reference_csv(db, week) -> str:
    """The list converted row by row in Python (the path every other table takes)."""
    (sheet,) = export.sheets(db, week, ["activities"])
    out = io.StringIO()
    workbook.write_csv(sheet, out)
    return out.getvalue()


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    path, db, week = demo_week_database(tmp_path_factory.mktemp("csv"), units=30,
                                        activities=300)
    tricky_week(db, week)
    yield path, db, week
    db.conn.close()


@pytest.mark.parametrize("chunk", [1, 7, 4096])
@pytest.mark.parametrize("readers", [1, 2])
def test_blocks_write_the_bytes_of_the_row_by_row_path(demo, monkeypatch, chunk, readers):
    _path, db, week = demo
    monkeypatch.setattr(activities_csv, "CHUNK_IDS", chunk)
    monkeypatch.setattr(activities_csv, "READERS", readers)
    opened = []
    open_readers = activities_csv._open_readers
    monkeypatch.setattr(activities_csv, "_open_readers",
                        lambda *args: opened.append(open_readers(*args)) or opened[-1])
    out = io.StringIO()
    assert export.write_csv(db, week, "activities", out)  # the SQL path
    assert out.getvalue() == reference_csv(db, week)
    # two connections on threads, unless the list is one block (a few hundred ids)
    assert bool(opened and opened[0]) == (readers > 1 and chunk < 100)
    assert not db.conn.in_transaction
    text = out.getvalue()
    assert ",'=1+2," in text and ",'@mention," in text
    assert '"Có ""ngoặc kép"", dấu phẩy"' in text
    assert "28/09/2020,31/10/2020" in text and "05/10/2020,06/10/2020" in text
    assert "Tuần sau" not in text and "đã xoá" not in text and "cần sửa" not in text


def test_the_file_written_by_the_command_line_has_the_same_bytes(demo, tmp_path):
    import manage

    path, db, week = demo
    out = tmp_path / "hoat-dong.csv"
    assert manage.main(["--db", str(path), "export", "--out", str(out),
                        "--year", "2020"]) in (0, None)  # 2021 is the latest
    assert out.read_bytes() == reference_csv(db, week).encode("utf-8")


def test_a_caller_s_transaction_is_left_open(demo):
    _path, db, week = demo
    db.execute("begin")
    out = io.StringIO()
    export.write_csv(db, week, "activities", out)
    assert db.conn.in_transaction
    db.execute("commit")
    assert out.getvalue() == reference_csv(db, week)


def test_readers_that_see_other_data_are_refused(demo):
    path, db, _week = demo
    marker = activities_csv._marker(db.conn)
    readers = activities_csv._open_readers(str(path), [], marker, 2)
    assert readers is not None and len(readers) == 2
    for conn in readers:
        conn.close()
    assert activities_csv._open_readers(str(path), [], marker + 1, 2) is None


def test_the_index_answers_whether_text_needs_cleaning(demo):
    _path, db, week = demo
    plan = " ".join(str(row) for row in db.execute(
        "explain query plan " + activities_csv.UNCLEAN_QUERY, [week]))
    assert "activities_unclean_text" in plan
    assert not activities_csv.has_unclean_text(db, week)


@pytest.mark.parametrize("value", ["Word\x0bngắt", "tab\tvẫn sạch", "CR\r", "NUL\x00",
                                   "\x85", "\ufffe", "x" * 32768, "x" * 32767, "ệ" * 32767])
def test_unclean_text_in_sql_is_what_clean_text_changes(db, value):
    sql_says = db.execute(f"select {_unclean('t')} from (select ? as t)", [value]).fetchone()[0]
    assert bool(sql_says) == (xlsx_stream.clean_text(value) != value)


def test_every_control_character_is_judged_as_clean_text_judges_it(db):
    """SQLite reads U+FFFE and U+FFFF as U+FFFD, so a replacement character also sends the
    list to the Python path: slower, never other bytes."""
    for code in list(range(0, 0x250)) + [0x1ec7, 0xfffd, 0xfffe, 0xffff, 0x1f600]:
        value = f"a{chr(code)}b"
        sql_says = db.execute(f"select {_unclean('t')} from (select ? as t)",
                              [value]).fetchone()[0]
        changed = xlsx_stream.clean_text(value) != value
        assert bool(sql_says) == (changed or code == 0xfffd), hex(code)


def test_a_link_that_needs_cleaning_takes_the_python_path(demo):
    _path, db, week = demo
    row = db.execute("select max(id) from activities where event_id = ? and deleted = 0 "
                     "and status != 'needs_fix'", [week]).fetchone()[0]
    before = db.execute("select evidence_url from activities where id = ?", [row]).fetchone()[0]
    db.execute("update activities set evidence_url = ? where id = ?", ["link\x07", row])
    try:
        out = io.StringIO()
        assert not export.write_csv(db, week, "activities", out)
        assert out.getvalue() == reference_csv(db, week) and "\x07" not in out.getvalue()
    finally:
        db.execute("update activities set evidence_url = ? where id = ?", [before, row])


def test_numbering_a_block():
    numbered = activities_csv._numbered
    assert bytes(numbered(b"%d,a,b\r\n%d,c\r\n", 9, 2)) == b"9,a,b\r\n10,c\r\n"
    # a CRLF in a field: the marks still number the lines
    assert bytes(numbered(b"%d,a\r\nb\r\n%d,c\r\n", 1, 2)) == b"1,a\r\nb\r\n2,c\r\n"
    # a % of the text is never read as a mark or a format
    assert bytes(numbered(b"%d,5%,%s %d %%\r\n%d,c\r\n", 7, 2)) == \
        b"7,5%,%s %d %%\r\n8,c\r\n"
    assert numbered(b"%d,1%\r\nb\r\n%d,c\r\n", 1, 2) is None  # both: line by line


@pytest.mark.parametrize("title", [None, "100% cán bộ, %d"])
def test_a_crlf_inside_a_field_numbers_its_block_line_by_line(demo, monkeypatch, title):
    """Only a stored date can bring one (text with CR is cleaned in Python); the lines
    around it keep their numbers, whether the block is numbered by its marks or (a % in
    its text) line by line."""
    _path, db, week = demo
    monkeypatch.setattr(activities_csv, "CHUNK_IDS", 64)
    row = db.execute("select min(id) + 40 from activities where event_id = ?",
                     [week]).fetchone()[0]
    before, old_title = db.execute("select start_date, title from activities where id = ?",
                                   [row]).fetchone()
    db.execute("update activities set start_date = '2020-10-\r\n', title = ? where id = ?",
               [title or old_title, row])
    try:
        out = io.StringIO()
        assert export.write_csv(db, week, "activities", out)
        body = out.getvalue().split("\r\n", 1)[1]
        numbers = [int(n) for n in re.findall(r"(?:^|\r\n)(\d+),", body)]
        counted = db.execute("select count(*) from activities where event_id = ? and "
                             "deleted = 0 and status != 'needs_fix'", [week]).fetchone()[0]
        assert numbers == list(range(1, counted + 1))
        assert body.count("\r\n/10/2020") == 1
        assert title is None or '"100% cán bộ, %d"' in body
    finally:
        db.execute("update activities set start_date = ?, title = ? where id = ?",
                   [before, old_title, row])


def test_the_index_answers_which_texts_are_quoted_or_guarded(demo):
    """Each block asks activities_csv_quoted (m007) for its rows whose title or link is
    quoted or guarded; any other text is shown as stored, unsearched."""
    _path, db, week = demo
    names = export.list_names(db, week)
    plan = activities_csv._Plan(db, week, names, [db.conn])
    shown = " ".join(str(row) for row in db.execute("explain query plan " + plan.chunk,
                                                      [1, 10 ** 6, week]))
    assert "activities_csv_quoted" in shown
    quoted = {i for (i,) in db.execute(
        f"select id from activities where event_id = ? and {CSV_QUOTED_TEXT}", [week])}
    assert quoted and all(db.execute(
        f"select {_quoted('title')} or {_quoted('evidence_url')} from activities where id = ?",
        [i]).fetchone()[0] for i in quoted)


def test_a_title_edited_to_need_quotes_is_quoted_in_the_next_export(demo):
    """Save a plain title, export; edit it to hold a comma and a link to start with =,
    export again: the index follows the edit and the bytes stay the row by row path's."""
    _path, db, week = demo
    row = db.execute("select min(id) from activities where event_id = ? and deleted = 0 "
                     "and status != 'needs_fix' and title not like '%,%'", [week]).fetchone()[0]
    before = db.execute("select title, evidence_url from activities where id = ?",
                        [row]).fetchone()
    db.execute("update activities set title = 'Tọa đàm sách', evidence_url = null "
               "where id = ?", [row])
    try:
        first = io.StringIO()
        assert export.write_csv(db, week, "activities", first)
        assert ",Tọa đàm sách," in first.getvalue()
        db.execute("update activities set title = 'Tọa đàm, sách', evidence_url = '=x' "
                   "where id = ?", [row])
        second = io.StringIO()
        assert export.write_csv(db, week, "activities", second)
        assert second.getvalue() == reference_csv(db, week)
        assert ',"Tọa đàm, sách",' in second.getvalue() and ",'=x\r\n" in second.getvalue()
    finally:
        db.execute("update activities set title = ?, evidence_url = ? where id = ?",
                   [*before, row])


def test_the_week_s_audiences_are_walked_through_their_index(demo):
    """Every distinct audiences text of the week, as `select distinct` reads it from every
    row, found by one look-up per value (activities_event_audiences, m008)."""
    _path, db, week = demo
    every = {a for (a,) in db.execute("select distinct audiences from activities "
                                      "where +event_id = ? and audiences != ''", [week])}
    assert set(activities_csv.used_audiences(db, week)) == every
    assert len(activities_csv.used_audiences(db, week)) == len(every)
    assert '["khac"]' in every  # a code the registry does not name
    shown = " ".join(str(row) for row in db.execute(
        "explain query plan " + activities_csv.USED_AUDIENCES, [week]))
    assert "activities_event_audiences" in shown and "SCAN activities" not in shown
