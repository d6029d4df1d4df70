"""Every total of the exported workbook, recomputed independently.

A demo week is exported with `manage.py export`; every sheet is opened with openpyxl and
every total row, every summed column and every row of the figure tables is compared with
counts made here in plain Python over the raw rows of the database (DESIGN §4: an entry
counts when it is not deleted and not needs_fix; units are the active ones) — never by
calling db/stats.py or db/progress.py — and with `manage.py stats --json`."""
import contextlib
import io
import json
import re
from collections import Counter, defaultdict

import pytest
from openpyxl import load_workbook

import manage
from core import reference as ref
from core import numbers, texts
from tests.conftest import active_units_with_area, demo_week_database
from tests.test_export import table  # (header, data rows, rows under the list)

NAMES = texts.WB_SHEETS
COUNTING = "deleted = 0 and status != 'needs_fix'"


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """(database connection, event id, workbook, printed stats) of a demo week."""
    path, db, event_id = demo_week_database(tmp_path_factory.mktemp("totals"))
    out = path.parent / "export.xlsx"
    printed = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()):
        assert manage.main(["--db", str(path), "export", "--out", str(out)]) == 0
    with contextlib.redirect_stdout(printed):
        assert manage.main(["--db", str(path), "stats", "--json"]) == 0
    yield db, event_id, load_workbook(out), json.loads(printed.getvalue())
    db.conn.close()


@pytest.fixture(scope="module")
def raw(demo):
    """The independent counts, from the raw tables."""
    db, event_id, _book, _printed = demo
    acts = db.execute(f"""select unit_id, ward_code, type, start_date, participants,
                                 online_participants from activities
                          where event_id = ? and {COUNTING}""", [event_id]).fetchall()
    props = db.execute(f"""select unit_id, ward_code, channel, date, quantity, slogans
                           from propaganda where event_id = ? and {COUNTING}""",
                       [event_id]).fetchall()
    units = active_units_with_area(db, event_id)
    submitted = {u for (u,) in db.execute(
        "select unit_id from report_submissions where event_id = ?", [event_id])}
    active = {u[0] for u in units}
    per_unit = defaultdict(lambda: [0, 0])
    for a in acts:
        per_unit[a[0]][0] += 1
    for p in props:
        per_unit[p[0]][1] += 1
    reported = {u for u in active if sum(per_unit[u]) > 0}
    education = {c for (c,) in db.execute(
        "select code from event_activity_types where event_id = ? and grp = 'education'",
        [event_id])}
    return {"acts": acts, "props": props, "units": units, "active": active,
            "submitted": submitted & active, "reported": reported, "per_unit": per_unit,
            "education": education}


def counted(label: str) -> int:
    """The count a list's total row carries in its label («Tổng cộng: 1.234 hoạt động»;
    STT is empty there, issue 22 item 7)."""
    assert label.startswith("Tổng cộng: ")
    return int(re.sub(r"\D", "", label))


def columns(header, rows):
    return [dict(zip(header, r)) for r in rows]


def test_the_demo_has_what_makes_totals_hard(demo, raw):
    """needs-fix and withdrawn entries, units without data, submissions, a district row."""
    db, event_id, _book, _printed = demo
    assert db.execute(f"select count(*) from activities where not ({COUNTING})").fetchone()[0]
    assert db.execute(f"select count(*) from propaganda where not ({COUNTING})").fetchone()[0]
    assert raw["active"] - raw["reported"] and raw["submitted"]
    assert any(u[4] is None for u in raw["units"])


def test_per_unit_sheet_rows_and_total_row(demo, raw):
    """Kết quả từng đơn vị: each unit's counts, and a total row with every count filled
    (its activities and propaganda cells were blank)."""
    _db, _e, book, printed = demo
    header, rows, after = table(book, "units")
    code_of = {u[0]: u[1] for u in raw["units"]}
    expected = {code_of[u]: raw["per_unit"][u] for u in raw["active"]}
    got = {r["Mã đơn vị"]: [r["Số hoạt động"], r["Số mục tuyên truyền"]]
           for r in columns(header, rows)}
    assert got == expected
    assert len(after) == 1
    total = dict(zip(header, after[0]))
    # labelled in the label column, STT empty (issue 22 item 7: it read «64 | Tổng cộng»)
    assert total["STT"] is None and total["Mã đơn vị"] is None
    assert total["Tên đơn vị"] == texts.WB_TOTAL_UNITS.format(
        n=numbers.integer(len(raw["active"]))) == texts.WB_TOTAL_UNITS.format(
        n=numbers.integer(printed["totals"]["units"]))
    assert total["Số hoạt động"] == len(raw["acts"]) == printed["totals"]["activities"]
    assert total["Số hoạt động"] == sum(r["Số hoạt động"] for r in columns(header, rows))
    assert total["Số mục tuyên truyền"] == len(raw["props"]) \
        == printed["totals"]["propaganda_entries"]
    assert total["Số mục tuyên truyền"] == sum(r["Số mục tuyên truyền"]
                                               for r in columns(header, rows))
    assert total["Có số liệu"] == len(raw["reported"]) \
        == sum(r["Có số liệu"] == texts.WB_YES for r in columns(header, rows))
    assert total["Đã nộp báo cáo"] == len(raw["submitted"]) \
        == sum(r["Đã nộp báo cáo"] == texts.WB_YES for r in columns(header, rows))


def test_totals_sheet(demo, raw):
    _db, _e, book, printed = demo
    values = {r[0]: r[1] for r in table(book, "totals")[1]}
    acts, units = raw["acts"], len(raw["active"])
    areas = {w for (w,) in demo[0].execute("select code from event_areas where event_id = ?",
                                           [demo[1]])}
    expected = {
        "Số hoạt động": len(acts), "Lượt người tham gia": sum(a[4] for a in acts),
        "Lượt tham gia trực tuyến": sum(a[5] for a in acts),
        "Số lượt tuyên truyền (số mục đã báo cáo)": len(raw["props"]), "Số đơn vị": units,
        "Số đơn vị có số liệu": len(raw["reported"]),
        "Tỷ lệ đơn vị có số liệu": round(len(raw["reported"]) / units, 4),
        "Số đơn vị đã nộp báo cáo": len(raw["submitted"]),
        "Tỷ lệ đơn vị đã nộp báo cáo": round(len(raw["submitted"]) / units, 4),
        "Số phường": len(areas), "Số phường có hoạt động": len({a[1] for a in acts} & areas)}
    assert {k: values[k] for k in expected} == expected
    t = printed["totals"]
    assert [values[k] for k in expected] == [
        t[k] for k in ("activities", "participants", "online_participants",
                       "propaganda_entries", "units", "units_with_data", "reporting_rate",
                       "submitted_units", "submission_rate", "wards", "wards_covered")]


def test_by_ward_rows_and_total(demo, raw):
    _db, _e, book, printed = demo
    header, rows, after = table(book, "by_ward")
    acts, props = Counter(), Counter()
    people = Counter()
    for a in raw["acts"]:
        acts[a[1]] += 1
        people[a[1]] += a[4]
    for p in raw["props"]:
        props[p[1]] += 1
    units, reported, submitted = Counter(), Counter(), Counter()
    for u in raw["units"]:
        units[u[4]] += 1
        reported[u[4]] += u[0] in raw["reported"]
        submitted[u[4]] += u[0] in raw["submitted"]
    for r in columns(header, rows):
        code = r["Mã phường"]  # None on the district row
        assert (r["Số hoạt động"], r["Lượt người tham gia"], r["Số lượt tuyên truyền"],
                r["Số đơn vị"], r["Số đơn vị có số liệu"], r["Số đơn vị đã nộp báo cáo"]) == (
            acts[code], people[code], props[code], units[code], reported[code],
            submitted[code]), r["Phường"]
    total = dict(zip(header, after[0]))
    for column in ("Số hoạt động", "Lượt người tham gia", "Số lượt tuyên truyền", "Số đơn vị",
                   "Số đơn vị có số liệu", "Số đơn vị đã nộp báo cáo"):
        assert total[column] == sum(r[column] for r in columns(header, rows)), column
    assert (total["Số hoạt động"], total["Số lượt tuyên truyền"], total["Số đơn vị"]) == (
        len(raw["acts"]), len(raw["props"]), len(raw["active"]))
    t = printed["by_ward_total"]
    assert (total["Số hoạt động"], total["Lượt người tham gia"], total["Số lượt tuyên truyền"],
            total["Số đơn vị"], total["Số đơn vị có số liệu"],
            total["Số đơn vị đã nộp báo cáo"]) == (
        t["activities"], t["participants"], t["propaganda_entries"], t["units"],
        t["reporting_units"], t["submitted_units"])
    assert total["Tỷ lệ có số liệu"] == round(len(raw["reported"]) / len(raw["active"]), 4)


def test_by_tier_rows_and_total(demo, raw):
    _db, _e, book, printed = demo
    header, rows, after = table(book, "by_tier")
    tier_of = {u[0]: u[3] for u in raw["units"] if u[2] == "school"}
    kind_tier = {u: t for u, t in demo[0].execute(
        "select id, tier from units where kind = 'school'")}
    schools, reporting, submitted = Counter(), Counter(), Counter()
    for unit, tier in tier_of.items():
        schools[tier] += 1
        reporting[tier] += unit in raw["reported"]
        submitted[tier] += unit in raw["submitted"]
    acts, people = Counter(), Counter()
    for a in raw["acts"]:
        if a[0] in kind_tier:  # a school's activities, wherever held, active or not
            acts[kind_tier[a[0]]] += 1
            people[kind_tier[a[0]]] += a[4]
    names = {name: code for code, name in ref.TIER_NAMES.items()}
    assert [r[1] for r in rows] == list(names)
    for r in columns(header, rows):
        tier = names[r["Cấp học"]]
        assert (r["Số trường"], r["Số trường có số liệu"], r["Số trường đã nộp báo cáo"],
                r["Số hoạt động"], r["Lượt người tham gia"]) == (
            schools[tier], reporting[tier], submitted[tier], acts[tier], people[tier]), tier
    total = dict(zip(header, after[0]))
    for column in ("Số trường", "Số trường có số liệu", "Số trường đã nộp báo cáo",
                   "Số hoạt động", "Lượt người tham gia"):
        assert total[column] == sum(r[column] for r in columns(header, rows)), column
    t = printed["by_tier_total"]
    assert (total["Số trường"], total["Số hoạt động"], total["Lượt người tham gia"]) == (
        t["schools"], t["activities"], t["participants"])


def test_by_type_by_channel_by_day_and_slogans(demo, raw):
    _db, _e, book, printed = demo
    header, rows, after = table(book, "by_type")
    assert sorted(r[3] for r in rows if r[3]) == sorted(Counter(a[2] for a in raw["acts"]
                                                                ).values())
    assert after[0][3] == sum(r[3] for r in rows) == len(raw["acts"])
    assert after[0][4] == sum(r[4] for r in rows) == sum(a[4] for a in raw["acts"])

    header, rows, after = table(book, "by_channel")
    entries, quantity = Counter(), Counter()
    for p in raw["props"]:
        entries[p[2]] += 1
        quantity[p[2]] += p[4]
    by_code = {c["name"]: c["channel"] for c in printed["by_channel"]}
    for r in rows:
        assert (r[3], r[4]) == (entries[by_code[r[1]]], quantity[by_code[r[1]]]), r[1]
    assert after[0][3] == sum(r[3] for r in rows) == len(raw["props"])
    assert after[0][4] is None  # quantities have different units of measure

    header, rows, after = table(book, "by_day")
    days, people = Counter(), Counter()
    for a in raw["acts"]:
        days[a[3]] += 1
        people[a[3]] += a[4]
    assert {r[1].date().isoformat(): (r[2], r[3]) for r in rows if r[2]} == {
        d: (days[d], people[d]) for d in days}
    assert sum(r[2] for r in rows) == len(raw["acts"])

    header, rows, after = table(book, "by_slogan")
    used = Counter(n for p in raw["props"] for n in json.loads(p[5] or "[]"))
    assert {r[0]: r[2] for r in rows} == {n: used[n] for n in range(1, 9)}


def test_learning_models_and_targets(demo, raw):
    db, event_id, book, _printed = demo
    header, rows, after = table(book, "learning_models")
    counts = db.execute("select c.unit_id, c.ward_code, c.model, c.registered, c.recognised "
                        "from learning_model_counts c where c.event_id = ?",
                        [event_id]).fetchall()
    cell = Counter()
    for unit, ward, model, reg, rec in counts:
        if unit in raw["active"]:
            cell[ward, model, 0] += reg
            cell[ward, model, 1] += rec
    models = ["gia_dinh", "dong_ho", "cong_dong", "don_vi"]
    for r in rows:
        assert r[3:11] == [cell[r[1], m, i] for m in models for i in (0, 1)], r[2]
        assert r[11:13] == [sum(r[3:11:2]), sum(r[4:11:2])]
    total = after[0]
    assert total[3:13] == [sum(r[i] for r in rows) for i in range(3, 13)]
    assert total[11] == sum(v for k, v in cell.items() if k[2] == 0) > 0

    header, rows, _after = table(book, "targets")
    targets = db.execute("select metric, minimum, unit_kind, tier from targets "
                         "where event_id = ? order by id", [event_id]).fetchall()
    assert len(rows) == len(targets) > 0
    education = Counter(a[0] for a in raw["acts"] if a[2] in raw["education"])
    for r, (metric, minimum, kind, tier) in zip(rows, targets):
        applies = [u[0] for u in raw["units"] if kind in (None, u[2]) and tier in (None, u[3])]
        value = {"activities": lambda u: raw["per_unit"][u][0],
                 "propaganda_entries": lambda u: raw["per_unit"][u][1],
                 "education_activities": lambda u: education[u]}[metric]
        met = sum(value(u) >= minimum for u in applies)
        assert (r[3], r[4], r[5]) == (len(applies), met, round(met / len(applies), 4)), r[1]


def test_lists_and_not_counted(demo, raw):
    db, event_id, book, printed = demo
    _h, rows, after = table(book, "activities")
    assert after[0][0] is None and len(rows) == counted(after[0][2]) == len(raw["acts"])
    assert sum(r[9] for r in rows) == after[0][9] == sum(a[4] for a in raw["acts"])
    assert sum(r[10] or 0 for r in rows) == after[0][10] == sum(a[5] for a in raw["acts"])
    _h, rows, after = table(book, "propaganda")
    assert after[0][0] is None and len(rows) == counted(after[0][2]) == len(raw["props"])
    assert sum(r[5] for r in rows) == sum(p[4] for p in raw["props"])
    _h, rows, _after = table(book, "not_counted")
    assert len(rows) == db.execute(
        f"select (select count(*) from activities where event_id = :e and not ({COUNTING}))"
        f" + (select count(*) from propaganda where event_id = :e and not ({COUNTING}))",
        {"e": event_id}).fetchone()[0]


def test_rollup_sheet_totals(demo, raw):
    _db, _e, book, printed = demo
    sheet = book[NAMES["rollup"]]
    values = {(r[0], r[1], r[2]): r[4] for r in sheet.iter_rows(values_only=True)
              if r[0] in ("totals", "by_area")}
    assert (values["totals", "activities", None], values["totals", "participants", None],
            values["totals", "propaganda_entries", None]) == (
        len(raw["acts"]), sum(a[4] for a in raw["acts"]), len(raw["props"]))
    assert sum(v for (kind, _c, what), v in values.items()
               if kind == "by_area" and what == "activities") == len(raw["acts"])
    assert values["totals", "propaganda_items", None] == printed["totals"][
        "propaganda_items"] == sum(p[4] for p in raw["props"])
