"""Issue 23: the activities CSV is written as it is read (SQL shows the rows, csv's C loop
writes them), byte for byte what the row-by-row conversion of core/workbook writes."""
import csv
import io

import manage
from core import numbers, texts, workbook
from db import export
from tests.stats_fixture import add_activity, build_week


def reference_csv(db, event_id, name="activities") -> str:
    """The table converted row by row in Python (the path every other table takes)."""
    (sheet,) = export.sheets(db, event_id, [name])
    out = io.StringIO()
    workbook.write_csv(sheet, out)
    return out.getvalue()


def streamed_csv(db, event_id, name="activities") -> tuple[str, bool]:
    out = io.StringIO()
    by_sql = export.write_csv(db, event_id, name, out)
    return out.getvalue(), by_sql


def hostile_week(db):
    week = build_week(db)
    for title in ('=HYPERLINK("http://x")', "+1", "-2", "@SUM(A1)", 'Có "ngoặc", phẩy',
                  "Hai\ndòng", "Bình thường"):
        add_activity(db, week, "TH-VINHPHUC", "00006", "library", "2020-10-03", 7,
                     title=title)
    db.execute("update activities set evidence_url = '=cmd|x' where title = '+1'")
    db.execute("update activities set audiences = '[\"khac\"]' where title = '-2'")  # unknown code
    db.execute("update activities set audiences = '[]' where title = '@SUM(A1)'")
    db.execute("update activities set evidence_url = null where title = 'Hai\ndòng'")
    db.execute("update units set name = '=Trường, \"lạ\"' where code = 'TH-VINHPHUC'")
    return week


def test_the_sql_path_writes_the_same_bytes_as_the_python_one(db):
    week = hostile_week(db)
    text, by_sql = streamed_csv(db, week)
    assert by_sql
    assert text == reference_csv(db, week)
    rows = list(csv.reader(io.StringIO(text.removeprefix(workbook.CSV_BOM))))
    titles = {r[5] for r in rows[1:]}
    assert "'=HYPERLINK(\"http://x\")" in titles and "'+1" in titles  # inert formulas
    assert "Hai\ndòng" in titles and 'Có "ngoặc", phẩy' in titles
    assert any(r[2] == "'=Trường, \"lạ\"" for r in rows[1:])
    # the total row: labelled in the label column with its count, STT empty (issue 22)
    assert rows[-1][0] == "" and rows[-1][2] == texts.WB_TOTAL_ACTIVITIES.format(
        n=numbers.integer(len(rows) - 2))


def test_a_text_that_needs_cleaning_takes_the_python_path(db):
    week = hostile_week(db)
    add_activity(db, week, "TH-VINHPHUC", "00006", "library", "2020-10-03", 7,
                 title="Word\x0bngắt dòng\x07")
    text, by_sql = streamed_csv(db, week)
    assert not by_sql
    assert text == reference_csv(db, week)
    assert "Word\nngắt dòng" in text and "\x07" not in text and "\x0b" not in text


def test_other_tables_are_streamed_too_with_the_same_bytes(db):
    week = hostile_week(db)
    for name in ("propaganda", "by_ward", "units", "not_counted"):
        assert streamed_csv(db, week, name)[0] == reference_csv(db, week, name), name


def test_the_cli_writes_the_streamed_file_with_a_bom(db_path, db, tmp_path):
    week = hostile_week(db)
    out = tmp_path / "hoat-dong.csv"
    assert manage.main(["--db", str(db_path), "export", "--out", str(out)]) in (0, None)
    data = out.read_bytes()
    assert data.startswith("\ufeff".encode())
    assert data.decode("utf-8") == reference_csv(db, week)
    assert not (tmp_path / "hoat-dong.csv.partial").exists()
