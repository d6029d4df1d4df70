"""Issue 15, done when: an office that is not Ba Đình runs its 2026 week without touching
code, and a city rolls its wards' workbooks up into totals that are the exact sums.

Two post-2025 wards each set up their week only through `manage.py` (the week moved to
2026, their organiser profile, their residential groups as areas, their own units, their
entries), then: the dashboard (AppTest), the closing PDF (read back with pdftotext), the
workbook, and a city that rolls both workbooks up. The 2020 Ba Đình week's own output is
pinned by tests/test_organiser_golden.py."""
import json
import subprocess

import pytest
from openpyxl import load_workbook

import manage
from core import texts
from db import Actor, connect, event_admin, events, users
from db.setup import prepare
from tests.conftest import PASSWORD
from tests.test_committee_pages import metrics

WARDS = {
    "hk": {"name": "UBND phường Hoàn Kiếm", "place": "Hoàn Kiếm", "areas": 4,
           "activities": [("HK-TH", "TDP-01", "library", 120), ("HK-TH", "TDP-02", "sports", 80),
                          ("HK-THCS", "TDP-02", "oer", 45)],
           "propaganda": [("HK-TH", "TDP-01", "banner", 3)]},
    "cn": {"name": "UBND phường Cửa Nam", "place": "Cửa Nam", "areas": 3,
           "activities": [("CN-TH", "TDP-03", "contest", 200)],
           "propaganda": [("CN-THCS", "TDP-01", "facebook", 5), ("CN-TH", "TDP-03", "banner", 2)]},
}
ADDITIVE = ["activities", "participants", "online_participants", "propaganda_items",
            "propaganda_entries", "units", "reporting_units", "units_with_data",
            "submitted_units"]


def cli(capsys, path, *argv):
    code = manage.main(["--db", str(path), *map(str, argv)])
    out = capsys.readouterr()
    assert code == 0, (argv, out.out, out.err)
    return out.out


def write(path, lines):
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def week_2026(capsys, path, organiser: dict):
    """What an admin types: a next-year week moved to 2026 and the organiser profile."""
    db = prepare(path)
    event_admin.start_next_year(db, Actor.system(), events.get(db, 2020)["id"])
    db.conn.close()
    cli(capsys, path, "settings", "set", "year", 2026, "start_date", "2026-10-01", "end_date",
        "2026-10-07", "opening_time", "2026-10-01T07:30", "title",
        "Tuần lễ hưởng ứng học tập suốt đời năm 2026", "opening_place",
        f"Nhà văn hóa {organiser['organiser.name'].removeprefix('UBND ')}", "--year", 2021)
    cli(capsys, path, "settings", "set", *[x for kv in organiser.items() for x in kv],
        "--year", 2026)


def ward_week(capsys, tmp_path, path, key):
    ward = WARDS[key]
    prefix = key.upper()
    week_2026(capsys, path, {
        "organiser.level": "xa", "organiser.name": ward["name"],
        "organiser.issuer_line1": ward["name"].upper(), "organiser.place": ward["place"],
        "organiser.signer_title": "PHÓ CHỦ TỊCH UBND PHƯỜNG",
        "organiser.signer_name": "Trần Văn An", "organiser.symbol": "BCĐHTSĐ",
        "organiser.recipients": f"Sở GDĐT Hà Nội;Đảng ủy phường {ward['place']};Lưu: VT"})
    areas = write(tmp_path / f"{key}-areas.csv", ["Mã,Tên"] + [
        f"TDP-{i:02d},Tổ dân phố số {i}" for i in range(1, ward["areas"] + 1)])
    cli(capsys, path, "import-areas", areas, "--year", 2026)
    roster = write(tmp_path / f"{key}-units.csv", [
        "Mã đơn vị,Tên đơn vị,Loại đơn vị,Cấp học,Phường",
        f"{prefix}-TH,Trường Tiểu học {ward['place']},Trường học,Tiểu học,TDP-01",
        f"{prefix}-THCS,Trường THCS {ward['place']},Trường học,THCS,TDP-02"])
    cli(capsys, path, "import-units", roster)
    cli(capsys, path, "deactivate-units", "--not-in", roster)
    acts = write(tmp_path / f"{key}-act.csv", [
        "unit_code,ward_code,type,title,start_date,end_date,format,participants"] + [
        f"{u},{a},{t},Hoạt động {i},2026-10-0{i + 2},2026-10-0{i + 2},truc_tiep,{n}"
        for i, (u, a, t, n) in enumerate(ward["activities"])])
    cli(capsys, path, "import-activities", acts, "--year", 2026)
    props = write(tmp_path / f"{key}-prop.csv", ["unit_code,ward_code,channel,quantity,date"] + [
        f"{u},{a},{c},{q},2026-10-03" for u, a, c, q in ward["propaganda"]])
    cli(capsys, path, "import-propaganda", props, "--year", 2026)
    return json.loads(cli(capsys, path, "stats", "--json", "--year", 2026))


@pytest.fixture
def hoan_kiem(db_path, tmp_path, capsys):
    return ward_week(capsys, tmp_path, db_path, "hk")


def test_a_wards_2026_figures_are_its_own(hoan_kiem):
    ward = WARDS["hk"]
    totals = hoan_kiem["totals"]
    assert totals["activities"] == len(ward["activities"])
    assert totals["participants"] == sum(n for *_x, n in ward["activities"])
    assert totals["propaganda_items"] == sum(q for *_x, q in ward["propaganda"])
    assert (totals["units"], totals["wards"], totals["wards_covered"]) == (2, 4, 2)
    assert [w["name"] for w in hoan_kiem["by_ward"]][:4] == [
        f"Tổ dân phố số {i}" for i in range(1, 5)]


def test_the_dashboard_shows_the_wards_week_in_its_words(hoan_kiem, app_for, db, admin):
    from tests.test_committee_pages import chart_rows, chart_specs, pictures

    user_id = users.create_user(db, Actor.system("test"), username="bcd.hk", name="BCĐ",
                                role="committee", password=PASSWORD)
    at = app_for(Actor(user_id, "bcd.hk", "committee", None))
    at.switch_page("app_pages/committee_dashboard.py").run()
    assert not at.exception, at.exception
    shown = " ".join([str(e.value) for kind in ("markdown", "caption", "subheader")
                      for e in at.get(kind)] + list(metrics(at)) + pictures(at))
    assert "Bản đồ 4 tổ dân phố" in shown and "Ba Đình" not in shown  # titles in pictures
    assert "Hoạt động theo tổ dân phố và nhóm" in shown
    assert "Tổ dân phố có hoạt động" in metrics(at)
    assert "Tổ dân phố" in [s.label for s in at.selectbox if s.key == "dash_ward"]
    at.toggle(key="dash_interactive").set_value(True).run()  # the live charts: their rows
    index = next(i for i, spec in enumerate(chart_specs(at)) if "grid_col" in json.dumps(spec))
    assert {r["name"] for r in chart_rows(at, index)} == {
        f"Tổ dân phố số {i}" for i in range(1, 5)}


def test_the_closing_report_is_the_wards_and_the_workbook_names_it(hoan_kiem, db_path,
                                                                   tmp_path, capsys):
    pdf = tmp_path / "bao-cao.pdf"
    cli(capsys, db_path, "report", "--year", 2026, "--date", "2026-10-20", "--out", pdf)
    text = " ".join(subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                                   capture_output=True, text=True).stdout.split())
    assert "UBND PHƯỜNG HOÀN KIẾM" in text
    assert "Hoàn Kiếm, ngày 20 tháng 10 năm 2026" in text
    assert "Đảng ủy phường Hoàn Kiếm" in text and "BC-BCĐHTSĐ" in text
    assert "Tổ dân phố số 1" in text
    assert "quận" not in text.lower() and "Ba Đình" not in text
    book = tmp_path / "bang-tinh.xlsx"
    cli(capsys, db_path, "export", "--year", 2026, "--out", book)
    sheets = load_workbook(book, read_only=True)
    cells = [str(v) for ws in sheets.worksheets for row in ws.iter_rows(values_only=True)
             for v in row if v is not None]
    assert "Ba Đình" not in " ".join(cells)
    rollup = [r for r in sheets[texts.WB_SHEETS["rollup"]].iter_rows(values_only=True)]
    assert ("meta", "organiser", None, None, "UBND phường Hoàn Kiếm") in [
        tuple(r[:5]) for r in rollup]


def test_a_city_rolls_both_wards_up_to_their_exact_sums(tmp_path, capsys):
    wards = {}
    for key in WARDS:
        path = tmp_path / f"{key}.db"
        stats = ward_week(capsys, tmp_path, path, key)
        book = tmp_path / f"{key}.xlsx"
        cli(capsys, path, "export", "--year", 2026, "--out", book)
        wards[key] = (stats, book)
    city = tmp_path / "city.db"
    week_2026(capsys, city, {"organiser.level": "tinh",
                             "organiser.name": "UBND thành phố Hà Nội",
                             "organiser.issuer_line1": "UBND THÀNH PHỐ HÀ NỘI",
                             "organiser.signer_title": "PHÓ CHỦ TỊCH UBND THÀNH PHỐ",
                             "organiser.place": "Hà Nội"})
    own = json.loads(cli(capsys, city, "stats", "--json", "--year", 2026))["totals"]
    cli(capsys, city, "rollup", *[book for _s, book in wards.values()], "--year", 2026)
    after = json.loads(cli(capsys, city, "stats", "--json", "--year", 2026))
    assert {s["organiser"] for s in after["suborganisations"]} == {
        w["name"] for w in WARDS.values()}
    for key in ADDITIVE:
        assert after["totals"][key] == own[key] + sum(
            s["totals"][key] for s, _b in wards.values()), key
    assert after["totals"]["activities"] == 4 and after["totals"]["propaganda_items"] == 10
    assert connect(city).execute("select count(*) from suborg_reports").fetchone()[0] == 2


def test_a_copied_district_profile_turned_into_a_wards_follows_the_new_level(db, admin):
    """2021 copied Ba Đình's words ("quận", "phường"); set to level xa (with a ward's
    letterhead and signer: the profile is checked as a whole), they follow it."""
    from core.organiser import profile_of
    from db import organiser

    event_id = event_admin.start_next_year(db, Actor.system(), events.get(db, 2020)["id"])
    fields = dict(profile_of(events.get_by_id(db, event_id)), organiser_level="xa",
                  organiser_name="UBND phường Ba Đình", issuer_line1="UBND PHƯỜNG BA ĐÌNH",
                  signer_title="PHÓ CHỦ TỊCH UBND PHƯỜNG")
    organiser.update_profile(db, admin, event_id, fields)
    ward = organiser.organiser_for(db, event_id)
    assert (ward.level_word, ward.area_word) == ("phường", "tổ dân phố")
    fields = dict(profile_of(events.get_by_id(db, event_id)), area_word="khu dân cư")
    organiser.update_profile(db, admin, event_id, fields)  # a chosen word stays
    assert organiser.organiser_for(db, event_id).area_word == "khu dân cư"
