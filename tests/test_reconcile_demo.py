"""Audit (r1): the demo week reconciled across every place a figure is shown to people —
`manage.py stats --json`, the closing PDF's text (pypdf) and the city's workbook (openpyxl) —
against counts written here, independently, from the schema (db/schema.py) and DESIGN §4:

- an entry counts when deleted = 0 and status != 'needs_fix';
- units are active units, each counted once; "có số liệu" = at least one counting activity or
  propaganda entry; "đã nộp" = a report_submissions row — two figures, never the same;
- by ward: activities/participants/propaganda where held, units where located, then the row
  "Đơn vị cấp quận" (units without a ward) and a total equal to the headline;
- by tier: a school's own activities wherever held; per channel in its own unit of measure;
  learning models of active units; targets over the active units they apply to.

Nothing here imports db.stats: the SQL below is the second opinion. Then some entries are
marked needs-fix (through the review module) and some withdrawn, and everything is checked
again, with the expected movement of the headline."""
import io
import json
import re
import sqlite3
import subprocess
import sys

import pytest

from tests.conftest import ROOT, make_user
from tests.test_committee_pages import metrics

C = "deleted = 0 and status != 'needs_fix'"
TIERS = ("mam_non", "tieu_hoc", "thcs", "thpt")


def vn(n: int) -> str:
    """12345 -> '12.345' (Vietnamese thousands), written here on purpose."""
    return f"{n:,}".replace(",", ".")


# --- the independent counts ----------------------------------------------------------------

def independent(path) -> dict:
    db = sqlite3.connect(path)

    def one(sql, params=()):
        return db.execute(sql, params).fetchone()

    ev = one("select id from events order by year desc limit 1")[0]
    reported = (f"(u.id in (select unit_id from activities where event_id = {ev} and {C}) or "
                f"u.id in (select unit_id from propaganda where event_id = {ev} and {C}))")
    submitted = f"u.id in (select unit_id from report_submissions where event_id = {ev})"

    def units(where="1", params=()):
        return (one(f"select count(*) from units u where u.active = 1 and {where}", params)[0],
                one(f"select count(*) from units u where u.active = 1 and {where} and "
                    f"{reported}", params)[0],
                one(f"select count(*) from units u where u.active = 1 and {where} and "
                    f"{submitted}", params)[0])

    out = {"event_id": ev}
    out["activities"], out["participants"], out["online"] = one(
        f"select count(*), coalesce(sum(participants), 0), coalesce(sum(online_participants), 0)"
        f" from activities where event_id = ? and {C}", (ev,))
    out["prop_entries"], out["prop_items"] = one(
        f"select count(*), coalesce(sum(quantity), 0) from propaganda where event_id = ? "
        f"and {C}", (ev,))
    out["units"], out["with_data"], out["submitted"] = units()
    out["wards"] = {}
    for code, name in db.execute("select code, name from wards order by code").fetchall():
        n, p = one(f"select count(*), coalesce(sum(participants), 0) from activities "
                   f"where event_id = ? and ward_code = ? and {C}", (ev, code))
        pe = one(f"select count(*) from propaganda where event_id = ? and ward_code = ? "
                 f"and {C}", (ev, code))[0]
        out["wards"][name] = (n, p, pe) + units("u.ward_code = ?", (code,))
    out["district"] = units("u.ward_code is null")
    out["wards_covered"] = sum(1 for w in out["wards"].values() if w[0])
    out["tiers"] = {}
    for tier in TIERS:
        n, p = one("select count(*), coalesce(sum(a.participants), 0) from activities a "
                   "join units u on u.id = a.unit_id where a.event_id = ? and u.kind = 'school' "
                   "and u.tier = ? and a.deleted = 0 and a.status != 'needs_fix'", (ev, tier))
        out["tiers"][tier] = units("u.kind = 'school' and u.tier = ?", (tier,)) + (n, p)
    out["types"] = {t: one(f"select count(*), coalesce(sum(participants), 0) from activities "
                           f"where event_id = ? and type = ? and {C}", (ev, t))
                    for (t,) in db.execute("select code from activity_types order by sort")}
    out["channels"] = {c: (measure,) + one(
        f"select coalesce(sum(quantity), 0), count(*) from propaganda where event_id = ? "
        f"and channel = ? and {C}", (ev, c))
        for c, measure in db.execute("select code, measure from channels order by sort")}
    out["days"] = dict(db.execute(
        f"select start_date, count(*) from activities where event_id = ? and {C} "
        f"group by start_date", (ev,)).fetchall())
    out["models"] = {m: one("select coalesce(sum(c.registered), 0), "
                            "coalesce(sum(c.recognised), 0) from learning_model_counts c "
                            "join units u on u.id = c.unit_id and u.active = 1 "
                            "where c.event_id = ? and c.model = ?", (ev, m))
                     for (m,) in db.execute("select code from learning_models")}
    out["models_total"] = tuple(sum(v[i] for v in out["models"].values()) for i in (0, 1))
    education = "(select code from activity_types where grp = 'education')"
    metric_sql = {
        "activities": f"select count(*) from activities where event_id = ? and unit_id = ? "
                      f"and {C}",
        "education_activities": f"select count(*) from activities where event_id = ? and "
                                f"unit_id = ? and {C} and type in {education}",
        "propaganda_entries": f"select count(*) from propaganda where event_id = ? and "
                              f"unit_id = ? and {C}"}
    out["targets"] = []
    for kind, tier, metric, minimum in db.execute(
            "select unit_kind, tier, metric, minimum from targets where event_id = ? "
            "order by id", (ev,)).fetchall():
        applies = [u for (u,) in db.execute(
            "select id from units where active = 1 and (?1 is null or kind = ?1) "
            "and (?2 is null or tier = ?2)", (kind, tier)).fetchall()]
        met = sum(1 for u in applies if one(metric_sql[metric], (ev, u))[0] >= minimum)
        out["targets"].append((len(applies), met))
    out["per_unit"] = {}
    for uid, code, name in db.execute("select id, code, name from units where active = 1"):
        a = one(f"select count(*) from activities where event_id = ? and unit_id = ? and {C}",
                (ev, uid))[0]
        p = one(f"select count(*) from propaganda where event_id = ? and unit_id = ? and {C}",
                (ev, uid))[0]
        s = one(f"select count(*) from report_submissions where event_id = ? and unit_id = ?",
                (ev, uid))[0]
        out["per_unit"][code] = (name, a, p, bool(a + p), bool(s))
    db.close()
    return out


# --- what each product says -------------------------------------------------------------

def stats_json(path) -> dict:
    done = subprocess.run([sys.executable, "manage.py", "--db", str(path), "stats", "--json"],
                          cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def check_stats(s: dict, ind: dict) -> list[str]:
    bad = []

    def eq(label, shown, truth):
        if shown != truth:
            bad.append(f"stats {label}: shown {shown}, independent {truth}")

    t = s["totals"]
    for key, truth in (("activities", ind["activities"]), ("participants", ind["participants"]),
                       ("online_participants", ind["online"]),
                       ("propaganda_entries", ind["prop_entries"]),
                       ("propaganda_items", ind["prop_items"]), ("units", ind["units"]),
                       ("units_with_data", ind["with_data"]),
                       ("reporting_units", ind["with_data"]),
                       ("submitted_units", ind["submitted"]),
                       ("wards_covered", ind["wards_covered"])):
        eq(f"totals.{key}", t[key], truth)
    keys = ("activities", "participants", "propaganda_entries", "units", "reporting_units",
            "submitted_units")
    for w in s["by_ward"]:
        eq(f"ward {w['name']}", tuple(w[k] for k in keys), ind["wards"][w["name"]])
    d = s["by_ward_district"]
    eq("district row", (d["units"], d["reporting_units"], d["submitted_units"]), ind["district"])
    eq("ward total", tuple(s["by_ward_total"][k] for k in keys),
       (ind["activities"], ind["participants"], ind["prop_entries"], ind["units"],
        ind["with_data"], ind["submitted"]))
    tier_keys = ("schools", "reporting_schools", "submitted_schools", "activities",
                 "participants")
    for tr in s["by_tier"]:
        eq(f"tier {tr['tier']}", tuple(tr[k] for k in tier_keys), ind["tiers"][tr["tier"]])
    eq("tier total", tuple(s["by_tier_total"][k] for k in tier_keys),
       tuple(sum(v[i] for v in ind["tiers"].values()) for i in range(5)))
    for ty in s["by_type"]:
        eq(f"type {ty['type']}", (ty["activities"], ty["participants"]), ind["types"][ty["type"]])
    for c in s["by_channel"]:
        eq(f"channel {c['channel']}", (c["measure"], c["quantity"], c["entries"]),
           ind["channels"][c["channel"]])
    eq("by_day", {d["date"]: d["activities"] for d in s["by_day"] if d["activities"]},
       ind["days"])
    return bad


def pdf_text(path) -> str:
    import pypdf

    from db import connect, events, report_data
    from core import closing_report

    db = connect(path)
    data = report_data.gather(db, events.get(db, None))
    db.conn.close()
    reader = pypdf.PdfReader(io.BytesIO(closing_report.build_pdf(data)))
    return "\n".join(page.extract_text() for page in reader.pages)


def _row(text: str, label: str, cells: int) -> list[str] | None:
    """The numbers after `label` on its line (the first line that starts with it)."""
    number = r"(\d[\d.]*|–|\d+,\d%)"
    match = re.search(rf"^(?:\d+ )?{re.escape(label)} " + " ".join([number] * cells) + r"\s*$",
                      text, re.M)
    return list(match.groups()) if match else None


def check_pdf(text: str, ind: dict) -> list[str]:
    bad = []

    def has(label, fragment):
        if fragment not in text:
            bad.append(f"PDF {label}: {fragment!r} not printed")

    def row(label, expected):
        got = _row(text, label, len(expected))
        if got != [str(e) for e in expected]:
            bad.append(f"PDF row {label!r}: printed {got}, independent {expected}")

    has("activities", f"Tổng số hoạt động được tổ chức: {vn(ind['activities'])} hoạt động")
    has("participants", f"{vn(ind['participants'])} lượt (trong đó trực tuyến: "
                        f"{vn(ind['online'])} lượt)")
    has("propaganda entries", f"{vn(ind['prop_entries'])} lượt tuyên truyền")
    has("units with data", f"{vn(ind['with_data'])}/{vn(ind['units'])} đơn vị")
    has("submitted", f"Đơn vị đã gửi báo cáo kết quả: {vn(ind['submitted'])}/"
                     f"{vn(ind['units'])} đơn vị")
    has("wards covered", f"Số phường có hoạt động: {ind['wards_covered']}/14 phường")
    has("learning models", f"Mô hình học tập: {vn(ind['models_total'][0])} đăng ký, "
                           f"{vn(ind['models_total'][1])} được công nhận")
    # Bảng 1: 14 wards, the district row, the total = the headline
    for name, w in ind["wards"].items():
        row(name, [vn(v) for v in w])
    row("Đơn vị cấp quận", ["–", "–", "–"] + [vn(v) for v in ind["district"]])
    row("Tổng cộng", [vn(ind["activities"]), vn(ind["participants"]), vn(ind["prop_entries"]),
                      vn(ind["units"]), vn(ind["with_data"]), vn(ind["submitted"])])
    # Bảng 2 (the rate column is printed between 'có số liệu' and 'đã nộp')
    names = {"mam_non": "Mầm non", "tieu_hoc": "Tiểu học", "thcs": "THCS", "thpt": "THPT"}
    for tier, (s, r, sub, n, p) in ind["tiers"].items():
        got = _row(text, names[tier], 6)
        if got is None or [got[0], got[1], got[3], got[4], got[5]] != [
                vn(s), vn(r), vn(sub), vn(n), vn(p)]:
            bad.append(f"PDF tier {tier}: printed {got}, independent {(s, r, sub, n, p)}")
    # Bảng 4: each channel in its own unit of measure, the entries column
    from core import reference as ref

    for code, (measure, quantity, entries) in ind["channels"].items():
        has(f"channel {code}", f"{ref.CHANNEL_NAMES[code]} {measure} {vn(quantity)} "
                               f"{vn(entries)}")
    for code, (n, p) in ind["types"].items():
        has(f"type {code}", f"{ref.TYPE_NAMES[code]} {vn(n)} {vn(p)}")
    for code, (reg, rec) in ind["models"].items():
        has(f"model {code}", f"{ref.MODEL_NAMES[code]} {vn(reg)} {vn(rec)}")
    for applies, met in ind["targets"]:
        if not re.search(rf" {vn(applies)} {vn(met)} \d+,\d%", text):
            bad.append(f"PDF target: no row with {applies} units and {met} met")
    # the appendix: one line per active unit (activities, propaganda, data, submitted)
    for code, (name, a, p, data, sub) in ind["per_unit"].items():
        fragment = f"{name} {a} {p} {'Có' if data else 'Không'} {'Có' if sub else 'Không'}"
        if fragment not in text:
            bad.append(f"PDF appendix {code}: {fragment!r} not printed")
    return bad


def workbook(path):
    import openpyxl

    from db import connect, events, export

    db = connect(path)
    data = export.xlsx(db, events.get(db, None)["id"])
    db.conn.close()
    return openpyxl.load_workbook(io.BytesIO(data))


def check_workbook(wb, ind: dict) -> list[str]:
    bad = []

    def eq(label, shown, truth):
        if shown != truth:
            bad.append(f"XLSX {label}: shown {shown}, independent {truth}")

    totals = {r[0]: r[1] for r in wb["Tổng hợp"].iter_rows(values_only=True)}
    for label, truth in (("Số hoạt động", ind["activities"]),
                         ("Lượt người tham gia", ind["participants"]),
                         ("Lượt tham gia trực tuyến", ind["online"]),
                         ("Số lượt tuyên truyền (số mục đã báo cáo)", ind["prop_entries"]),
                         ("Số đơn vị", ind["units"]), ("Số đơn vị có số liệu", ind["with_data"]),
                         ("Số đơn vị đã nộp báo cáo", ind["submitted"]),
                         ("Số phường có hoạt động", ind["wards_covered"])):
        eq(f"Tổng hợp {label}", totals.get(label), truth)
    rows = {r[2]: r for r in wb["Theo phường"].iter_rows(min_row=3, values_only=True)}
    for name, (n, p, pe, u, r, s) in ind["wards"].items():
        eq(f"Theo phường {name}", tuple(rows[name][i] for i in (3, 4, 5, 6, 7, 9)),
           (n, p, pe, u, r, s))
    eq("Theo phường district", tuple(rows["Đơn vị cấp quận"][i] for i in (6, 7, 9)),
       ind["district"])
    eq("Theo phường total", tuple(rows["Tổng cộng"][i] for i in (3, 4, 5, 6, 7, 9)),
       (ind["activities"], ind["participants"], ind["prop_entries"], ind["units"],
        ind["with_data"], ind["submitted"]))
    rows = {r[1]: r for r in wb["Theo cấp học"].iter_rows(min_row=3, values_only=True)}
    names = {"mam_non": "Mầm non", "tieu_hoc": "Tiểu học", "thcs": "THCS", "thpt": "THPT"}
    for tier, truth in ind["tiers"].items():
        eq(f"Theo cấp học {tier}", tuple(rows[names[tier]][i] for i in (2, 3, 5, 7, 8)), truth)
    from core import reference as ref

    rows = {r[2]: r for r in wb["Theo loại hoạt động"].iter_rows(min_row=2, values_only=True)}
    for code, truth in ind["types"].items():
        eq(f"type {code}", tuple(rows[ref.TYPE_NAMES[code]][3:5]), truth)
    eq("type total", tuple(rows["Tổng cộng"][3:5]), (ind["activities"], ind["participants"]))
    rows = {r[1]: r for r in wb["Tuyên truyền theo kênh"].iter_rows(min_row=3, values_only=True)}
    for code, (measure, quantity, entries) in ind["channels"].items():
        eq(f"channel {code}", tuple(rows[ref.CHANNEL_NAMES[code]][2:5]),
           (measure, entries, quantity))
    eq("channel total", rows["Tổng cộng"][3:5], (ind["prop_entries"], None))
    days = {r[1].date().isoformat(): r[2] for r in wb["Theo ngày"].iter_rows(
        min_row=3, values_only=True) if r[1] is not None and r[2]}
    eq("Theo ngày", days, ind["days"])
    total = [r for r in wb["Mô hình học tập"].iter_rows(values_only=True) if r[2] == "Tổng cộng"]
    eq("learning models total", tuple(total[0][-2:]) if total else None, ind["models_total"])
    targets = [r for r in wb["Chỉ tiêu"].iter_rows(min_row=3, values_only=True) if r[0]]
    eq("targets", [(r[3], r[4]) for r in targets], ind["targets"])
    units = {r[1]: r for r in wb["Kết quả từng đơn vị"].iter_rows(min_row=3, values_only=True)
             if r[1] != "Tổng cộng" and r[0] is not None}
    eq("units listed", set(units), set(ind["per_unit"]))
    for code, (name, a, p, data, sub) in ind["per_unit"].items():
        if code in units:
            eq(f"unit {code}", tuple(units[code][i] for i in (2, 6, 7, 8, 9)),
               (name, a, p, "Có" if data else "Chưa", "Có" if sub else "Chưa"))
    acts = [r for r in wb["Danh sách hoạt động"].iter_rows(min_row=2, values_only=True)]
    eq("activity list rows", len(acts) - 1, ind["activities"])
    eq("activity list total", (acts[-1][9], acts[-1][10]), (ind["participants"], ind["online"]))
    eq("activity list participants", sum(r[9] for r in acts[:-1]), ind["participants"])
    props = [r for r in wb["Danh sách tuyên truyền"].iter_rows(min_row=2, values_only=True)]
    eq("propaganda list rows", len(props) - 1, ind["prop_entries"])
    return bad


# --- the tests ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def demo_week(tmp_path_factory):
    """The demo week of README (`init` + `demo`, seed 2020) in a file of its own."""
    import os

    from db import Actor, connect, demo
    from db.setup import prepare

    path = tmp_path_factory.mktemp("reconcile") / "llw.db"
    os.environ.setdefault("LLW_BCRYPT_ROUNDS", "4")
    prepare(path).conn.close()
    db = connect(path)
    demo.load(db, Actor.system("test"), accounts=False)
    db.conn.close()
    return path


def reconcile(path) -> list[str]:
    ind = independent(path)
    return (check_stats(stats_json(path), ind) + check_pdf(pdf_text(path), ind)
            + check_workbook(workbook(path), ind))


def test_demo_week_reconciles_everywhere(demo_week):
    ind = independent(demo_week)
    assert ind["activities"] > 500 and ind["with_data"] > ind["submitted"] > 0
    assert reconcile(demo_week) == []


def test_needs_fix_and_withdrawn_entries_leave_every_figure(demo_week):
    from db import connect, review

    before = independent(demo_week)
    db = connect(demo_week)
    committee = make_user(db, "kiem.toan", "committee")
    ev = before["event_id"]
    # the busiest accepted-or-pending activities of one ward, and some propaganda
    acts = [r[0] for r in db.execute(
        f"select id from activities where event_id = ? and {C} order by participants desc, id "
        f"limit 7", [ev]).fetchall()]
    fix_participants = db.execute(
        f"select sum(participants) from activities where id in ({','.join('?' * 4)})",
        acts[:4]).fetchone()[0]
    review.decide_many(db, committee, "activity", acts[:4], "needs_fix", "Kiểm tra lại số liệu")
    props = [r[0] for r in db.execute(
        f"select id from propaganda where event_id = ? and {C} order by id limit 3",
        [ev]).fetchall()]
    review.decide_many(db, committee, "propaganda", props[:2], "needs_fix", "Thiếu minh chứng")
    # withdrawn by their units (the stored flag, as db/entries.withdraw sets it)
    with db.conn:
        db.execute("update activities set deleted = 1 where id in (?, ?, ?)", acts[4:])
        db.execute("update propaganda set deleted = 1 where id = ?", [props[2]])
        # an activity entered for a day before the week (allowed after a confirmation)
        db.execute(f"update activities set start_date = '2020-09-30', end_date = '2020-09-30'"
                   f" where id = (select min(id) from activities where event_id = ? and {C})",
                   [ev])
    db.conn.close()
    after = independent(demo_week)
    assert after["activities"] == before["activities"] - 7
    assert after["prop_entries"] == before["prop_entries"] - 3
    assert after["participants"] < before["participants"] - fix_participants
    assert reconcile(demo_week) == []


def test_the_dashboard_shows_the_same_figures(demo_week, monkeypatch):
    """The committee's live dashboard (AppTest, as tests/test_committee_pages.py) on the
    same database: its tiles are the independent counts."""
    from streamlit.testing.v1 import AppTest

    from db import connect

    ind = independent(demo_week)
    db = connect(demo_week)
    if not db.execute("select 1 from users where username = 'quan.tri'").fetchone():
        make_user(db, "quan.tri", "admin")  # without an admin only the first-run page shows
    if not db.execute("select 1 from users where username = 'kiem.toan'").fetchone():
        make_user(db, "kiem.toan", "committee")
    db.conn.close()
    monkeypatch.setenv("LLW_DB", str(demo_week))
    monkeypatch.chdir(ROOT)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    for key, value in (("authentication_status", True), ("username", "kiem.toan"),
                       ("name", "kiem.toan"), ("logout", None)):
        at.session_state[key] = value
    at.run()
    at.switch_page("app_pages/committee_dashboard.py").run()
    assert not at.exception, at.exception
    shown = metrics(at)
    assert shown["Hoạt động"] == vn(ind["activities"])
    assert shown["Lượt người tham gia"] == vn(ind["participants"])
    assert shown["Lượt tuyên truyền"] == vn(ind["prop_entries"])
    assert shown["Đơn vị có số liệu"] == f"{vn(ind['with_data'])}/{vn(ind['units'])}"
    assert shown["Đơn vị đã nộp báo cáo"] == f"{vn(ind['submitted'])}/{vn(ind['units'])}"
    assert shown["Phường có hoạt động"] == f"{ind['wards_covered']}/14"
    online = ind["online"] / ind["participants"] * 100
    assert shown["Tỷ lệ trực tuyến"] == f"{online:.1f}%".replace(".", ",")


def test_a_rate_on_a_tie_reads_the_same_in_table_chart_and_workbook():
    """13 of 16 schools = 81,25 %: the PDF's Bảng 2 printed 81,2% (Python rounds a tie to
    even) while the chart beside it (d3) and the workbook (Excel's 0.0%) show 81,3%.
    Vietnamese documents, d3 and Excel round a tie away from zero."""
    from core import numbers

    assert numbers.percent(13 / 16) == "81,3%"
    assert numbers.percent(1 / 8) == "12,5%" and numbers.percent(1 / 16) == "6,3%"
    assert numbers.decimal(2.675, 2) == "2,68"   # as typed, not its binary neighbour
    assert numbers.decimal(-0.04) == "0,0" and numbers.decimal(-1234.56) == "-1.234,6"
    assert numbers.decimal(1234.56) == "1.234,6" and numbers.percent(None) == "0,0%"
