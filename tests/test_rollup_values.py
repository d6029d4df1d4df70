"""Roll-up values checked like any input (issue 25 item 1): the attacks of the issue re-run
— a 60-digit number with the sha256 recomputed, 1.7e308, NaN/INF, `reporting_units` 500
of `units` 10 — are refused naming the cell, nothing written; the own organiser in any
spelling and one organiser twice in a batch (NFC + NFD) are refused; a stored report can be
removed (command and page), audited; and a bad value already in the database stops no
output."""
import json
import re
import unicodedata
import zipfile
from xml.sax.saxutils import escape

import pytest
from openpyxl import load_workbook

import manage
from core import rollup as core
from core import texts
from db import connect
from tests.test_rollup import as_real, set_organiser

SHEET = texts.WB_SHEETS["rollup"]
LOWER = "UBND phường Ngọc Hà"
CITY = "UBND thành phố Hà Nội"


def run(capsys, *argv):
    code = manage.main([str(a) for a in argv])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture(scope="module")
def lower(tmp_path_factory):
    """A ward's demo week exported: (db path, workbook path)."""
    base = tmp_path_factory.mktemp("lower")
    path, book = base / "ward.db", base / "ward.xlsx"
    assert manage.main(["--db", str(path), "demo", "--units", "4", "--activities", "20",
                        "--seed", "21", "--no-accounts"]) == 0
    set_organiser(path, LOWER, "xa")
    as_real(path)  # the sums are tested here; sample data: test_rollup_sample.py
    assert manage.main(["--db", str(path), "export", "--out", str(book)]) == 0
    return path, book


@pytest.fixture
def city(tmp_path, capsys):
    path = tmp_path / "city.db"
    assert run(capsys, "--db", path, "init")[0] == 0
    set_organiser(path, CITY, "tinh")
    return path


def machine_rows(book):
    wb = load_workbook(book, read_only=True)
    rows = [list(r) for r in wb[SHEET].iter_rows(values_only=True)]
    wb.close()
    return rows


def _cell_xml(ref, value, raw=None):
    if raw is not None:
        return f'<c r="{ref}"><v>{raw}</v></c>'
    if value is None or value == "":
        return f'<c r="{ref}"/>'
    if isinstance(value, str):
        return f'<c r="{ref}" t="inlineStr"><is><t>{escape(value)}</t></is></c>'
    return f'<c r="{ref}"><v>{value!r}</v></c>'


def forge(src, dst, change, raw=None):
    """A forger's file: the roll-up sheet's body changed by `change(body)` (a list of
    [section, key, field, name, value] rows, edited in place), the sha256 row recomputed
    with the public definition, every other sheet as exported. `raw`: {(section, key,
    field): text} written as the cell's number as is (NaN, INF). Returns {(section, key,
    field): row number}."""
    rows = machine_rows(src)
    header = rows.index(texts.ROLLUP_COLUMNS)
    body = [[("" if v is None else v) for v in r] for r in rows[header + 1:-1]]
    change(body)
    body = core.with_hash(body)
    raw = raw or {}
    lines, at = [], {}
    for i, r in enumerate(rows[:header + 1] + body, start=1):
        if i > header + 1:
            at[tuple(r[:3])] = i
        cells = "".join(_cell_xml(f"{col}{i}", v, raw.get(tuple(r[:3])) if col == "E"
                                  else None) for col, v in zip("ABCDE", (r + [""] * 5)[:5]))
        lines.append(f'<row r="{i}">{cells}</row>')
    book = load_workbook(src, read_only=True)
    index = book.sheetnames.index(SHEET) + 1
    book.close()
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == f"xl/worksheets/sheet{index}.xml":
                xml = data.decode("utf-8")
                xml = re.sub(r"<sheetData>.*</sheetData>",
                             lambda _m: "<sheetData>" + "".join(lines) + "</sheetData>", xml,
                             flags=re.S)
                xml = re.sub(r'<autoFilter ref="[^"]*"/>', "", xml)
                data = xml.encode("utf-8")
            zout.writestr(item, data)
    return at


def set_value(section, key, fld, value):
    def change(body):
        for r in body:
            if (r[0], r[1], r[2]) == (section, key, fld):
                r[4] = value
    return change


def set_organiser_cell(name):
    return set_value("meta", "organiser", "", name)


def stored(path):
    db = connect(path)
    try:
        return [r[0] for r in db.execute("select organiser from suborg_reports")]
    finally:
        db.conn.close()


def audit_actions(path):
    db = connect(path)
    try:
        return [r[0] for r in db.execute("select action from audit_log where table_name = "
                                         "'suborg_reports' order by id")]
    finally:
        db.conn.close()


def refused(capsys, city, *files):
    code, _out, err = run(capsys, "--db", city, "rollup", *files)
    assert code == 2, err
    assert stored(city) == [] and audit_actions(city) == []
    return err


# --- the attacks ---------------------------------------------------------------------

def cell_of(at, section, key, fld=""):
    row = at[(section, key, fld)]
    return f"Tệp «forged.xlsx», trang «{SHEET}», dòng {row}, ô E{row}"


@pytest.mark.parametrize("value", [10**60, 10**400 + 7, 1.7e308, 10**9 + 1, -3])
def test_a_huge_number_with_the_hash_recomputed_is_refused_naming_its_cell(
        lower, city, tmp_path, capsys, value):
    bad = tmp_path / "forged.xlsx"
    at = forge(lower[1], bad, set_value("totals", "activities", "", value))
    err = refused(capsys, city, bad)
    assert (f"{cell_of(at, 'totals', 'activities')}: «activities» phải là số nguyên từ 0 "
            "đến 1.000.000.000.") in err
    # and the city's outputs still work
    code, out, err = run(capsys, "--db", city, "stats", "--json")
    assert code == 0 and "suborganisations" not in json.loads(out)


@pytest.mark.parametrize("raw", ["NaN", "INF", "-inf", "1" * 5000])
def test_nan_inf_and_endless_digits_are_refused_naming_the_cell(lower, city, tmp_path,
                                                                capsys, raw):
    bad = tmp_path / "forged.xlsx"
    at = forge(lower[1], bad, lambda body: None,
               raw={("totals", "participants", ""): raw})
    err = refused(capsys, city, bad)
    row = at[("totals", "participants", "")]
    assert (f"Tệp «forged.xlsx», trang «{SHEET}», dòng {row}: ô E{row} không phải một số "
            "đọc được") in err


def test_a_float_is_not_a_count(lower, city, tmp_path, capsys):
    bad = tmp_path / "forged.xlsx"
    at = forge(lower[1], bad, set_value("by_type", next(
        r[1] for r in machine_rows(lower[1]) if r[0] == "by_type"), "participants", 2.5))
    err = refused(capsys, city, bad)
    assert "«participants» phải là số nguyên từ 0" in err and "ô E" in err
    assert any(k[0] == "by_type" for k in at)


def test_reporting_units_500_of_10_is_refused(lower, city, tmp_path, capsys):
    bad = tmp_path / "forged.xlsx"

    def change(body):
        set_value("totals", "units", "", 10)(body)
        set_value("totals", "reporting_units", "", 500)(body)
    at = forge(lower[1], bad, change)
    err = refused(capsys, city, bad)
    assert (f"{cell_of(at, 'totals', 'reporting_units')}: «reporting_units» = 500 lớn hơn "
            "«units» = 10: số liệu mâu thuẫn.") in err


def test_totals_must_equal_the_sum_of_the_areas(lower, city, tmp_path, capsys):
    rows = machine_rows(lower[1])
    ward = next(r[1] for r in rows if r[0] == "by_area" and r[2] == "activities" and r[4])
    value = next(r[4] for r in rows if r[:3] == ["by_area", ward, "activities"])
    bad = tmp_path / "forged.xlsx"
    at = forge(lower[1], bad, set_value("by_area", ward, "activities", value + 100))
    err = refused(capsys, city, bad)
    total = next(r[4] for r in rows if r[:2] == ["totals", "activities"])
    assert (f"{cell_of(at, 'totals', 'activities')}: «activities» = {total} nhưng tổng các "
            f"dòng «by_area» («activities») là ") in err


def test_a_ward_with_more_submitted_than_units_is_refused(lower, city, tmp_path, capsys):
    rows = machine_rows(lower[1])
    ward = next(r[1] for r in rows if r[0] == "by_area" and r[2] == "units" and r[4])
    units = next(r[4] for r in rows if r[:3] == ["by_area", ward, "units"])
    bad = tmp_path / "forged.xlsx"
    at = forge(lower[1], bad, set_value("by_area", ward, "submitted_units", units + 1))
    err = refused(capsys, city, bad)
    assert (f"{cell_of(at, 'by_area', ward, 'submitted_units')}: «submitted_units» = "
            f"{units + 1} lớn hơn «units» = {units}") in err


def test_an_honest_file_is_taken_in(lower, city, capsys):
    code, _out, err = run(capsys, "--db", city, "rollup", lower[1])
    assert code == 0, err
    assert stored(city) == [LOWER]


# --- identity --------------------------------------------------------------------------------

@pytest.mark.parametrize("spelling", [
    unicodedata.normalize("NFD", CITY), "UBND thành\u200b phố Hà Nội", CITY.upper(),
    "\u202eUBND  thành phố Hà Nội\u2060", "UBND thành phố Hà\u00a0Nội"])
def test_the_own_organiser_in_any_spelling_is_refused(lower, city, tmp_path, capsys,
                                                      spelling):
    bad = tmp_path / "forged.xlsx"
    forge(lower[1], bad, set_organiser_cell(spelling))
    err = refused(capsys, city, bad)
    assert "chính đơn vị tổ chức" in err


def test_one_organiser_twice_in_a_batch_nfc_and_nfd_is_refused(lower, city, tmp_path,
                                                               capsys):
    nfd = tmp_path / "nfd.xlsx"
    forge(lower[1], nfd, set_organiser_cell(unicodedata.normalize("NFD", LOWER)))
    err = refused(capsys, city, lower[1], nfd)
    assert "có hơn một tệp trong lần nhập này" in err


def test_bidi_override_is_stripped_from_the_stored_name(lower, city, tmp_path, capsys):
    bad = tmp_path / "bidi.xlsx"
    forge(lower[1], bad, set_organiser_cell("\u202e" + unicodedata.normalize("NFD", LOWER)))
    code, _out, err = run(capsys, "--db", city, "rollup", bad)
    assert code == 0, err
    assert stored(city) == [LOWER]  # NFC, no U+202E


def test_a_name_longer_than_the_limit_is_refused(lower, city, tmp_path, capsys):
    bad = tmp_path / "forged.xlsx"
    at = forge(lower[1], bad, set_organiser_cell("UBND phường " + "X" * 10_000))
    err = refused(capsys, city, bad)
    assert f"{cell_of(at, 'meta', 'organiser')}: tên dài quá 200 ký tự." in err


# --- removing a stored report ----------------------------------------------------------------

def test_rollup_remove_in_any_spelling_is_audited(lower, city, capsys):
    assert run(capsys, "--db", city, "rollup", lower[1])[0] == 0
    code, _out, err = run(capsys, "--db", city, "rollup", "--remove", "UBND phường Kim Mã")
    assert code == 2 and "Không có báo cáo cấp dưới nào của «UBND phường Kim Mã»" in err
    assert f"«{LOWER}»" in err and stored(city) == [LOWER]
    code, out, err = run(capsys, "--db", city, "rollup", "--remove",
                         unicodedata.normalize("NFD", LOWER.upper()))
    assert code == 0, err
    assert texts.ROLLUP_REMOVE_DONE.format(name=LOWER) in out
    assert stored(city) == []
    assert audit_actions(city) == ["rollup_import", "rollup_remove"]
    db = connect(city)
    before = json.loads(db.execute("select before from audit_log where action = "
                                   "'rollup_remove'").fetchone()[0])
    db.conn.close()
    assert before["organiser"] == LOWER
    # taken in again after the removal
    assert run(capsys, "--db", city, "rollup", lower[1])[0] == 0


# --- a bad value already stored stops no output ----------------------------------------------

def store_bad_report(path, value):
    """What a release without these checks (or an edit in the database) left behind."""
    db = connect(path)
    event_id = db.execute("select id from events order by year desc").fetchone()[0]
    totals = {k: 1 for k in core.SHEET_TOTALS}
    totals["activities"] = value
    data = json.dumps({"meta": {}, "totals": totals, "tables": {}})
    with db.conn:
        db.conn.execute(
            "insert into suborg_reports (event_id, organiser, organiser_key, level, year, "
            "schema_version, generated_at, content_hash, file_name, data, imported_at) "
            "values (?, 'UBND xã Hỏng', 'ubnd xã hỏng', 'xa', 2020, 1, 'không phải ngày', "
            "'x', 'hong.xlsx', ?, '2020-10-08T00:00:00+00:00')", [event_id, data])
    db.conn.close()
    return event_id


@pytest.mark.parametrize("value", [10**60, 1.7e308, float("nan"), "nhiều", None])
def test_outputs_survive_a_stored_bad_value(lower, city, tmp_path, capsys, value):
    assert run(capsys, "--db", city, "rollup", lower[1])[0] == 0
    store_bad_report(city, value)
    code, out, err = run(capsys, "--db", city, "stats", "--json")
    assert code == 0, err
    figures = json.loads(out)
    assert [s["organiser"] for s in figures["suborganisations"]] == [LOWER]  # bad one left out
    code, _out, err = run(capsys, "--db", city, "export", "--out", tmp_path / "out.xlsx")
    assert code == 0, err
    code, _out, err = run(capsys, "--db", city, "report", "--out", tmp_path / "r.pdf")
    assert code == 0, err
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")
    # a newer honest file of that organiser replaces it, and it can be removed
    code, _out, err = run(capsys, "--db", city, "rollup", "--remove", "UBND XÃ HỎNG")
    assert code == 0, err
    assert stored(city) == [LOWER]
