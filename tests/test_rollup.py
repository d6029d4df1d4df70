"""Roll-up (issue 15 item 4): three lower-level weeks exported with `manage.py export` and
rolled up with `manage.py rollup` into a fourth database give exactly the sums of their
`stats --json`; a tampered file, a wrong year, our own organiser and an older file are
refused with line-precise Vietnamese messages, and nothing is written then."""
import io
import json
import re
import zipfile

import pytest
from openpyxl import load_workbook

import manage
from core import rollup as core
from core import texts
from db import Actor, connect, rollup

SUBS = [("UBND phường Ngọc Hà", "xa", 11, 3, 25), ("UBND phường Giảng Võ", "xa", 12, 5, 40),
        ("UBND xã Sóc Sơn", "xa", 13, 2, 15)]
SHEET = texts.WB_SHEETS["rollup"]


def run(capsys, *argv):
    code = manage.main([str(a) for a in argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def stats_json(capsys, path, *extra):
    code, out, err = run(capsys, "--db", path, "stats", "--json", *extra)
    assert code == 0, err
    return json.loads(out)


def as_real(path):
    """The demo week's units taken as real ones (no sample flag in the exported sheet)."""
    db = connect(path)
    db.execute("update units set is_sample = 0")
    db.conn.close()


def set_organiser(path, name, level):
    db = connect(path)
    db.execute("update events set organiser_name = ?, organiser_level = ?", [name, level])
    db.conn.close()


@pytest.fixture(scope="module")
def lower(tmp_path_factory):
    """Three sub-organisers' weeks (demo data of different seeds and sizes), each with its
    own organiser name, exported: [(name, db path, xlsx path)]."""
    base = tmp_path_factory.mktemp("lower")
    out = []
    for name, level, seed, units, activities in SUBS:
        path, book = base / f"{seed}.db", base / f"{seed}.xlsx"
        assert manage.main(["--db", str(path), "demo", "--units", str(units), "--activities",
                            str(activities), "--seed", str(seed), "--no-accounts"]) == 0
        set_organiser(path, name, level)
        as_real(path)  # the sums are tested here; sample data: test_rollup_sample.py
        assert manage.main(["--db", str(path), "export", "--out", str(book)]) == 0
        out.append((name, path, book))
    return out


@pytest.fixture
def city(tmp_path, capsys):
    """The level above (a city): its own week, organiser "UBND thành phố Hà Nội"."""
    path = tmp_path / "city.db"
    assert run(capsys, "--db", path, "init")[0] == 0
    set_organiser(path, "UBND thành phố Hà Nội", "tinh")
    return path


def audit_rows(path):
    db = connect(path)
    try:
        return db.execute("select action, table_name from audit_log where table_name = "
                          "'suborg_reports' order by id").fetchall()
    finally:
        db.conn.close()


def stored_count(path):
    db = connect(path)
    try:
        return db.execute("select count(*) from suborg_reports").fetchone()[0]
    finally:
        db.conn.close()


def edit_sheet(src, dst, change):
    """Copy the workbook, changing the text of the roll-up sheet's XML with `change`
    (what a hand edit does to the file), everything else byte for byte."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        book = load_workbook(src, read_only=True)
        index = book.sheetnames.index(SHEET) + 1
        book.close()
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == f"xl/worksheets/sheet{index}.xml":
                data = change(data.decode("utf-8")).encode("utf-8")
            zout.writestr(item, data)


def sheet_rows(path):
    book = load_workbook(path, read_only=True)
    rows = [list(r) for r in book[SHEET].iter_rows(values_only=True)]
    book.close()
    return rows


# --- the sheet -------------------------------------------------------------------------------

def test_sheet_holds_the_figures_of_stats_json_and_its_hash(lower, capsys):
    name, path, book = lower[0]
    figures = stats_json(capsys, path)
    rows = sheet_rows(book)
    header = rows.index(texts.ROLLUP_COLUMNS)
    body, last = rows[header + 1:-1], rows[-1]
    got = {(s, k, f): v for s, k, f, _n, v in body}
    assert got[("meta", "organiser", None)] == name
    assert got[("meta", "level", None)] == "xa"
    assert got[("meta", "year", None)] == figures["event"]["year"]
    assert got[("meta", "schema_version", None)] == core.SCHEMA_VERSION
    for key in core.SHEET_TOTALS:
        assert got[("totals", key, None)] == figures["totals"][key], key
    for w in figures["by_ward"]:
        assert got[("by_area", w["code"], "activities")] == w["activities"]
        assert got[("by_area", w["code"], "units")] == w["units"]
    assert got[("by_area", core.DISTRICT_KEY, "units")] == figures["by_ward_district"]["units"]
    for t in figures["by_type"]:
        assert got[("by_type", t["type"], "participants")] == t["participants"]
    for c in figures["by_channel"]:
        assert got[("by_channel", c["channel"], "quantity")] == c["quantity"]
    assert last[:2] == ["hash", "sha256"]
    assert last[4] == core.content_hash([[v if v is not None else "" for v in r]
                                         for r in body])


def test_three_lower_weeks_roll_up_to_exact_sums(lower, city, capsys):
    own = stats_json(capsys, city)["totals"]
    subs = [stats_json(capsys, path)["totals"] for _n, path, _b in lower]
    code, out, err = run(capsys, "--db", city, "rollup", *[b for _n, _p, b in lower])
    assert code == 0, err
    assert "Đã nhập 3 báo cáo cấp dưới" in out
    rolled = stats_json(capsys, city)
    for key in core.ADDITIVE_TOTALS:
        assert rolled["totals"][key] == own[key] + sum(s[key] for s in subs), key
    for key in core.OWN_ONLY_TOTALS:
        assert rolled["totals"][key] == own[key], key
    units = rolled["totals"]["units"]
    assert rolled["totals"]["reporting_rate"] == round(
        rolled["totals"]["reporting_units"] / units, 4)
    assert rolled["own_totals"] == own
    assert [s["organiser"] for s in rolled["suborganisations"]] == sorted(
        (n for n, *_ in SUBS), key=core.identity)
    by_name = {s["organiser"]: s for s in rolled["suborganisations"]}
    for (name, _p, _b), totals in zip(lower, subs):
        assert {k: by_name[name]["totals"][k] for k in totals} == totals
        assert by_name[name]["level"] == "xa"
    assert audit_rows(city) == [("rollup_import", "suborg_reports")] * 3


def test_a_rolled_up_week_hands_its_combined_totals_to_the_next_level(lower, city, tmp_path,
                                                                     capsys):
    """A chain of levels adds up: the sheet's totals are those of `stats --json`."""
    assert run(capsys, "--db", city, "rollup", *[b for _n, _p, b in lower])[0] == 0
    rolled = stats_json(capsys, city)
    book = tmp_path / "city.xlsx"
    assert run(capsys, "--db", city, "export", "--out", book)[0] == 0
    report = rollup.read_file(book.read_bytes(), "city.xlsx")
    assert report.meta["suborganisations"] == 3
    assert report.totals == {k: rolled["totals"][k] for k in core.SHEET_TOTALS}


def test_stats_json_is_unchanged_without_sub_reports(city, capsys):
    figures = stats_json(capsys, city)
    assert "suborganisations" not in figures and "own_totals" not in figures


def test_tampered_file_is_refused_by_its_hash(lower, city, tmp_path, capsys):
    name, path, book = lower[1]
    activities = stats_json(capsys, path)["totals"]["activities"]
    bad = tmp_path / "sua-tay.xlsx"
    # the totals row "activities": change its number (a hand edit in Excel)
    edit_sheet(book, bad, lambda xml: xml.replace(
        f"<v>{activities}</v>", f"<v>{activities + 1}</v>", 1))
    assert sheet_rows(bad) != sheet_rows(book)
    code, _out, err = run(capsys, "--db", city, "rollup", lower[0][2], bad)
    assert code == 2
    hash_line = len(sheet_rows(book))
    assert f"Tệp «sua-tay.xlsx», trang «{SHEET}», dòng {hash_line}: mã kiểm tra không khớp" \
        in err
    assert stored_count(city) == 0 and audit_rows(city) == []  # not even the good file


def test_wrong_year_and_own_organiser_are_refused(lower, city, tmp_path, capsys):
    db = connect(city)
    db.execute("update events set year = 2026")
    db.conn.close()
    code, _out, err = run(capsys, "--db", city, "rollup", lower[0][2])
    assert code == 2
    year_line = next(i for i, r in enumerate(sheet_rows(lower[0][2]), start=1)
                     if r[:2] == ["meta", "year"])
    assert f"dòng {year_line}: số liệu năm 2020, không phải năm 2026" in err
    db = connect(city)
    # (opening the database seeded the 2020 week again beside the 2026 one)
    db.execute("update events set organiser_name = ? where year = 2020", [lower[0][0]])
    db.conn.close()
    code, _out, err = run(capsys, "--db", city, "rollup", "--year", "2020", lower[0][2])
    assert code == 2 and "chính đơn vị tổ chức" in err
    assert stored_count(city) == 0 and audit_rows(city) == []


def test_same_organiser_newer_needs_replace_older_refused(lower, city, tmp_path, capsys):
    name, path, first = lower[2]
    second = tmp_path / "moi-hon.xlsx"
    assert run(capsys, "--db", path, "export", "--out", second)[0] == 0
    assert sheet_rows(second)[-1] != sheet_rows(first)[-1]  # another export, another hash
    assert run(capsys, "--db", city, "rollup", first)[0] == 0
    # the same file again: refused
    code, _out, err = run(capsys, "--db", city, "rollup", first)
    assert code == 2 and "đã được nhập" in err
    # newer: refused without --replace, taken with it
    code, _out, err = run(capsys, "--db", city, "rollup", second)
    assert code == 2 and "--replace" in err
    assert stored_count(city) == 1
    code, out, err = run(capsys, "--db", city, "rollup", "--replace", second)
    assert code == 0, err
    assert "thay thế báo cáo xuất lúc" in out
    assert stored_count(city) == 1
    # the older one after the newer: refused even with --replace
    code, _out, err = run(capsys, "--db", city, "rollup", "--replace", first)
    assert code == 2 and "cũ hơn" in err
    assert audit_rows(city) == [("rollup_import", "suborg_reports"),
                                ("rollup_replace", "suborg_reports")]
    # one file twice in one batch: refused
    code, _out, err = run(capsys, "--db", city, "rollup", "--replace", second, second)
    assert code == 2


def test_a_file_that_is_not_a_workbook_or_has_no_sheet(city, tmp_path, capsys):
    text = tmp_path / "ghi-chu.xlsx"
    text.write_text("không phải bảng tính")
    code, _out, err = run(capsys, "--db", city, "rollup", text)
    assert code == 2 and "không đọc được như tệp Excel" in err
    other = tmp_path / "khac.xlsx"
    from openpyxl import Workbook

    book = Workbook()
    book.active.title = "Trang 1"
    book.save(other)
    code, _out, err = run(capsys, "--db", city, "rollup", other)
    assert code == 2 and f"không có trang «{SHEET}»" in err
    assert stored_count(city) == 0


def test_bad_rows_are_listed_with_their_line():
    rows = [("ghi chú",), tuple(texts.ROLLUP_COLUMNS)]
    body = [["meta", "format", "", "", core.FORMAT], ["meta", "schema_version", "", "", 9],
            ["meta", "organiser", "", "", "UBND phường X"], ["meta", "level", "", "", "xa"],
            ["meta", "year", "", "", "hai nghìn"], ["meta", "title", "", "", "T"],
            ["meta", "start_date", "", "", "2020-10-02"],
            ["meta", "end_date", "", "", "2020-10-07"],
            ["meta", "generated_at", "", "", "2020-10-08T01:00:00+00:00"],
            ["totals", "activities", "", "", -1], ["khac", "x", "", "", 1]]
    rows += [tuple(r) for r in core.with_hash(body)]
    with pytest.raises(core.RollupError) as caught:
        core.parse(rows, file_name="f.xlsx", sheet="S", header=texts.ROLLUP_COLUMNS)
    errors = caught.value.errors
    assert ("Tệp «f.xlsx», trang «S», dòng 7, ô E7: «year» phải là số nguyên từ 0 đến "
            "1.000.000.000.") in errors
    assert ("Tệp «f.xlsx», trang «S», dòng 12, ô E12: «activities» phải là số nguyên từ 0 "
            "đến 1.000.000.000.") in errors
    assert "Tệp «f.xlsx», trang «S», dòng 13: mục «khac» không có trong mẫu." in errors
    assert any(e.startswith("Tệp «f.xlsx», trang «S», dòng 4: phiên bản mẫu 9") for e in errors)
    assert any("thiếu dòng totals «participants»" in e for e in errors)


def test_only_committee_and_admin_import(lower, city):
    from db import AccessDenied

    db = connect(city)
    report = rollup.read_file(lower[0][2].read_bytes(), "a.xlsx")
    with pytest.raises(AccessDenied):
        rollup.import_reports(db, Actor(None, "u", "unit", 1), 1, [report])
    assert db.execute("select count(*) from suborg_reports").fetchone()[0] == 0
    db.conn.close()


def test_closing_report_body_is_the_whole_area(lower, city, capsys):
    """Issue 22 item 1: a city that rolled up its wards prints their sum in its body
    (II.1 = `stats --json` totals = own + lower levels), a table by lower level whose
    total row is that headline, each lower level's propaganda per channel in its unit of
    measure, and tables that say whether they are the whole area or the own units."""
    from datetime import date

    from core import closing_report, numbers
    from core import report_texts as rt
    from db import events, report_data

    assert run(capsys, "--db", city, "rollup", *[b for _n, _p, b in lower])[0] == 0
    total = stats_json(capsys, city)["totals"]
    db = connect(city)
    try:
        data = report_data.gather(db, events.get(db, 2020), issued_on=date(2020, 10, 8))
    finally:
        db.conn.close()
    assert [s["organiser"] for s in data.suborganisations] == sorted(
        (n for n, *_ in SUBS), key=core.identity)
    n = numbers.integer
    body = " ".join(" ".join(page_texts(closing_report.build_pdf(data))).split(
        "PHỤ LỤC")[0].split())
    own = data.summary["totals"]
    assert total["activities"] == own["activities"] + sum(
        stats_json(capsys, p)["totals"]["activities"] for _n, p, _b in lower)
    assert f"Tổng số hoạt động được tổ chức: {n(total['activities'])} hoạt động." in body
    assert f"Tổng số lượt người tham gia: {n(total['participants'])} lượt" in body
    assert f"{n(total['units_with_data'])}/{n(total['units'])} đơn vị" in body
    assert rt.render(rt.TABLE_LEVELS, n=1) in body
    for name, path, _b in lower:
        sub = stats_json(capsys, path)["totals"]
        assert f"{name} {n(sub['units_with_data'])}/{n(sub['units'])} " in body
        # its channels with entries, each in its unit of measure
        for c in stats_json(capsys, path)["by_channel"]:
            if c["entries"]:
                assert f"{c['measure']} {n(c['quantity'])} {n(c['entries'])}" in body
    rate = numbers.percent(total["units_with_data"] / total["units"])
    assert f"{rt.TOTAL_ROW} {n(total['units_with_data'])}/{n(total['units'])} ({rate}) " \
           f"{n(total['submitted_units'])} {n(total['activities'])} " \
           f"{n(total['participants'])} {n(total['propaganda_entries'])}" in body
    # what each table includes
    assert "Kết quả theo cấp học (toàn địa bàn, gồm cơ quan cấp dưới)" in body
    assert "(các đơn vị trực thuộc UBND thành phố Hà Nội)" in body
    # the whole area's types add up to the headline
    assert re.search(rf"Số hoạt động theo loại hoạt động của Kế hoạch \(toàn địa bàn, gồm cơ "
                     rf"quan cấp dưới\).*?{rt.TOTAL_ROW} {re.escape(n(total['activities']))} "
                     rf"{re.escape(n(total['participants']))}", body)


def page_texts(pdf: bytes):
    from pypdf import PdfReader

    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def test_a_missing_file_is_named(city, tmp_path, capsys):
    code, _out, err = run(capsys, "--db", city, "rollup", tmp_path / "khong-co.xlsx")
    assert code == 2 and "khong-co.xlsx»: không mở được tệp" in err


# --- generated_at: microseconds, and the previous release's whole seconds ----------------------

def sheet_of(db, event_id, summary, generated_at=None):
    """The roll-up sheet as read from a workbook (note row, header, rows) -> Report."""
    rows = rollup.sheet_rows(db, event_id, summary, generated_at)
    return core.parse([("ghi chú",), tuple(texts.ROLLUP_COLUMNS), *map(tuple, rows)],
                      file_name="f.xlsx", sheet=SHEET, header=texts.ROLLUP_COLUMNS)


def week_of(path):
    from db import stats

    db = connect(path)
    event_id = db.execute("select id from events").fetchone()[0]
    return db, event_id, stats.summary(db, event_id)


def test_two_exports_in_the_same_second_are_told_apart(lower, city):
    db, event_id, summary = week_of(lower[1][1])
    for _attempt in range(5):  # two exports that fall in one second (the first try does)
        first, second = (sheet_of(db, event_id, summary) for _ in range(2))
        a, b = first.meta["generated_at"], second.meta["generated_at"]
        if a[:19] == b[:19]:
            break
    db.conn.close()
    assert a[:19] == b[:19] and len(a) == len("2026-10-12T08:30:00.123456+00:00")
    assert core.generated_moment(first) < core.generated_moment(second)
    target = connect(city)
    city_event = target.execute("select id from events").fetchone()[0]
    rollup.import_reports(target, Actor.system(), city_event, [first])
    # the later export of the same second is newer (was «đã được nhập»: the same one)
    with pytest.raises(rollup.NeedsConfirmation):
        rollup.import_reports(target, Actor.system(), city_event, [second])
    rollup.import_reports(target, Actor.system(), city_event, [second], replace=True)
    with pytest.raises(core.RollupError) as caught:  # and the earlier one is older
        rollup.import_reports(target, Actor.system(), city_event, [first], replace=True)
    assert "cũ hơn" in caught.value.errors[0]
    assert rollup.stored(target, city_event)[0]["generated_at"] == b
    target.conn.close()


def test_a_file_of_the_previous_release_with_whole_seconds_is_still_accepted(lower, city):
    db, event_id, summary = week_of(lower[0][1])
    old = sheet_of(db, event_id, summary, generated_at="2020-10-08T01:00:00+00:00")
    zeros = sheet_of(db, event_id, summary, generated_at="2020-10-08T01:00:00.000000+00:00")
    new = sheet_of(db, event_id, summary)  # this release's, later
    db.conn.close()
    target = connect(city)
    city_event = target.execute("select id from events").fetchone()[0]
    (done,) = rollup.import_reports(target, Actor.system(), city_event, [old])
    assert done["replaces"] is None
    assert rollup.stored(target, city_event)[0]["generated_at"] == "2020-10-08T01:00:00+00:00"
    with pytest.raises(core.RollupError) as caught:  # the same moment, written with zeros
        rollup.import_reports(target, Actor.system(), city_event, [zeros])
    assert "đã được nhập" in caught.value.errors[0]
    rollup.import_reports(target, Actor.system(), city_event, [new], replace=True)
    assert rollup.stored(target, city_event)[0]["generated_at"] == new.meta["generated_at"]
    target.conn.close()
