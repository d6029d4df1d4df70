"""The past is history (issue 21, deliver 2 and its «Done when»): a 2020 week with data,
then `new-week --year 2026`, three units retired and three added for 2026, 2026's own
areas, catalogue, profile and a unit moved to another area — 2020's `stats --json`,
closing-report text and workbook cells stay identical; 2026 has its new roster; a retired
unit's 2026 import is refused, with nothing written."""
import json

import pytest

import manage
from db import connect, events, roster, stats
from tests.week_record import record
from tests.test_roster_history import assert_same

RETIRED = ["MAU-THPT-0004", "MAU-MN-0001", "MAU-TH-0002"]  # sample schools with entries
NEW_UNITS = ("Mã đơn vị,Tên đơn vị,Loại đơn vị,Cấp học,Phường\n"
             "TH-HK-01,Trường Tiểu học Hoàn Kiếm,Trường học,Tiểu học,TDP-01\n"
             "THCS-HK-02,Trường THCS Hoàn Kiếm,Trường học,THCS,TDP-02\n"
             "TV-HK,Thư viện phường Hoàn Kiếm,library,,\n")
AREAS_2026 = "code,name\nTDP-01,Tổ dân phố số 1\nTDP-02,Tổ dân phố số 2\n00001,Phúc Xá\n"
CATALOGUE_2026 = ("kind,code,group,name,measure\n"
                  "type,online_learning,education,Học trực tuyến (2026),\n"
                  "type,library,education,Đọc sách,\n"
                  "channel,banner,,Băng rôn,chiếc\n"
                  "channel,zalo,,Zalo,bài\n")


def run(capsys, path, *argv):
    code = manage.main(["--db", str(path), *map(str, argv)])
    out = capsys.readouterr()
    return code, out.out + out.err


@pytest.fixture
def office(tmp_path, capsys):
    """A 2020 week with sample data (demo), its record taken before 2026 exists."""
    path = tmp_path / "llw.db"
    assert run(capsys, path, "demo", "--units", "16", "--activities", "60", "--seed", "5",
               "--no-accounts")[0] == 0
    db = connect(path)
    before = record(db, 2020)
    db.conn.close()
    return path, before


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_changed_2026_week_leaves_2020_as_it_was(office, tmp_path, capsys):
    path, before = office
    code, out = run(capsys, path, "new-week", "--year", "2026")
    assert code == 0 and "2026-10-02" in out  # the moved dates are printed
    assert run(capsys, path, "deactivate-units", "--year", "2026", *RETIRED)[0] == 0
    assert run(capsys, path, "import-areas", write(tmp_path, "a.csv", AREAS_2026),
               "--year", "2026")[0] == 0
    assert run(capsys, path, "import-units", write(tmp_path, "u.csv", NEW_UNITS),
               "--year", "2026")[0] == 0
    assert run(capsys, path, "catalogue", "import", write(tmp_path, "c.csv", CATALOGUE_2026),
               "--year", "2026")[0] == 0
    assert run(capsys, path, "settings", "set", "organiser.level", "xa", "organiser.name",
               "UBND phường Hoàn Kiếm", "organiser.place", "Hoàn Kiếm",
               "organiser.issuer_line1", "UBND PHƯỜNG HOÀN KIẾM",
               "organiser.signer_title", "PHÓ CHỦ TỊCH UBND PHƯỜNG", "--year",
               "2026")[0] == 0
    db = connect(path)
    from db import Actor, areas

    y2026 = events.get(db, 2026)["id"]
    moved = db.execute("select id from units where code = 'MAU-THCS-0003'").fetchone()[0]
    areas.set_unit_area(db, Actor.system("test"), y2026, moved, "TDP-02")
    assert_same(before, record(db, 2020))  # stats --json, report text, every cell

    y2020 = events.get(db, 2020)["id"]
    old, new = roster.unit_ids(db, y2020), roster.unit_ids(db, y2026)
    code_of = dict(db.execute("select id, code from units").fetchall())
    assert {code_of[i] for i in old - new} == set(RETIRED)
    assert {code_of[i] for i in new - old} == {"TH-HK-01", "THCS-HK-02", "TV-HK"}
    assert stats.summary(db, y2026)["totals"]["units"] == len(old) == len(new)
    assert stats.summary(db, y2020)["totals"]["units"] == len(old)
    db.conn.close()


def test_a_retired_units_2026_import_is_refused_and_a_new_units_goes_in(office, tmp_path,
                                                                        capsys):
    path, _before = office
    assert run(capsys, path, "new-week", "--year", "2026")[0] == 0
    assert run(capsys, path, "deactivate-units", "--year", "2026", *RETIRED)[0] == 0
    assert run(capsys, path, "import-units", write(tmp_path, "u.csv", NEW_UNITS.replace(
        "TDP-01", "").replace("TDP-02", "")), "--year", "2026")[0] == 0
    rows = ("unit_code,ward_code,type,title,start_date,format,participants\n"
            "{code},00001,library,Ngày hội đọc sách,2026-10-03,truc_tiep,40\n")
    code, out = run(capsys, path, "import-activities",
                    write(tmp_path, "r.csv", rows.format(code=RETIRED[0])), "--year", "2026")
    assert code == 1
    assert "không có trong danh sách đơn vị tham gia Tuần lễ năm 2026" in out
    db = connect(path)
    y2026 = events.get(db, 2026)["id"]
    assert db.execute("select count(*) from activities where event_id = ?",
                      [y2026]).fetchone()[0] == 0
    db.conn.close()
    code, out = run(capsys, path, "import-activities",
                    write(tmp_path, "n.csv", rows.format(code="TH-HK-01")), "--year", "2026")
    assert code == 0, out
    code, out = run(capsys, path, "stats", "--json", "--year", "2026")
    totals = json.loads(out)["totals"]
    assert totals["activities"] == 1 and totals["units_with_data"] == 1


def test_a_year_that_exists_is_refused_and_nothing_is_written(office, capsys):
    path, _before = office
    code, out = run(capsys, path, "new-week", "--year", "2020")
    assert code == 1 and "Đã có Tuần lễ năm 2020" in out
    db = connect(path)
    assert [e["year"] for e in events.list_events(db)] == [2020]
    db.conn.close()
    code, out = run(capsys, path, "new-week", "--year", "2027", "--from", "2019")
    assert code == 1 and "Không có Tuần lễ năm 2019" in out
    code, out = run(capsys, path, "new-week", "--year", "2027", "--from", "2020", "--empty")
    assert code == 1 and "Chỉ chọn một trong hai" in out
    assert events.get(connect(path), 2027) is None


def test_an_empty_week_has_the_plans_catalogue_and_nothing_else(office, capsys):
    from core import reference as ref
    from db import areas, catalogue

    path, _before = office
    code, out = run(capsys, path, "new-week", "--year", "2026", "--empty")
    assert code == 0 and "2026-10-02" in out
    db = connect(path)
    event = events.get(db, 2026)
    assert roster.unit_ids(db, event["id"]) == set() and areas.areas_for(db, event["id"]) == []
    assert events.slogans(db, event["id"]) == [] and events.targets(db, event["id"]) == []
    assert [t["code"] for t in catalogue.types_for(db, event["id"])] == \
        [c for c, _g, _n in ref.ACTIVITY_TYPES]
    assert "Ba Đình" not in json.dumps(event, ensure_ascii=False)
    db.conn.close()
