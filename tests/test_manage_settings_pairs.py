"""`settings set` takes several KEY VALUE pairs: a week is moved to 2026 in one call (its
year and dates are checked together, as the form does), and a bad pair writes nothing."""
import manage
from db import Actor, connect, event_admin, events
from db.setup import prepare


def run(capsys, path, *argv):
    code = manage.main(["--db", str(path), *argv])
    return code, capsys.readouterr()


def week_2021(tmp_path):
    path = tmp_path / "w.db"
    db = prepare(path)
    event_admin.start_next_year(db, Actor.system(), events.get(db, 2020)["id"])
    db.conn.close()
    return path


def test_a_week_moves_to_2026_with_its_dates_in_one_call(tmp_path, capsys):
    path = week_2021(tmp_path)
    assert run(capsys, path, "settings", "set", "year", "2026")[0] == 1  # alone: dates in 2021
    code, out = run(capsys, path, "settings", "set", "year", "2026", "start_date", "2026-10-01",
                    "end_date", "2026-10-07", "opening_time", "2026-10-01T07:30",
                    "--year", "2021")
    assert code == 0, out.err
    week = events.get(connect(path), 2026)
    assert (week["start_date"], week["end_date"]) == ("2026-10-01", "2026-10-07")


def test_a_bad_pair_writes_nothing_of_the_others(tmp_path, capsys):
    path = week_2021(tmp_path)
    before = events.get(connect(path), 2021)
    code, out = run(capsys, path, "settings", "set", "theme", "Chủ đề mới",
                    "organiser.level", "xa", "organiser.place", "", "--year", "2021")
    assert code == 1 and "organiser.place" in out.err
    assert events.get(connect(path), 2021) == before


def test_an_odd_number_of_words_is_refused(tmp_path, capsys):
    path = week_2021(tmp_path)
    code, out = run(capsys, path, "settings", "set", "theme", "x", "title")
    assert code == 1 and "cặp" in out.err


def test_a_year_moved_on_the_command_line_moves_the_year_in_the_texts(tmp_path, capsys):
    """As «Năm sau» does: «… năm 2021» becomes «… năm 2026», and a line says so."""
    path = week_2021(tmp_path)
    code, out = run(capsys, path, "settings", "set", "opening_place",
                    "Nhà văn hóa (khai mạc 2021, phòng 12021)", "--year", "2021")
    assert code == 0, out.err
    code, out = run(capsys, path, "settings", "set", "year", "2026", "start_date", "2026-10-01",
                    "end_date", "2026-10-07", "opening_time", "2026-10-01T07:30",
                    "--year", "2021")
    assert code == 0, out.err
    week = events.get(connect(path), 2026)
    assert week["title"] == "Tuần lễ hưởng ứng học tập suốt đời năm 2026"
    assert week["opening_place"] == "Nhà văn hóa (khai mạc 2026, phòng 12021)"
    lines = out.out.splitlines()
    assert "Đã đổi năm 2021 thành 2026 trong title: Tuần lễ hưởng ứng học tập suốt đời " \
        "năm 2026" in lines
    assert "Đã đổi năm 2021 thành 2026 trong opening_place: Nhà văn hóa (khai mạc 2026, " \
        "phòng 12021)" in lines
    assert not any("trong theme" in line for line in lines)  # the theme names no year


def test_a_title_without_a_year_is_left_as_written(tmp_path, capsys):
    path = week_2021(tmp_path)
    assert run(capsys, path, "settings", "set", "title", "Tuần lễ học tập của quận",
               "--year", "2021")[0] == 0
    code, out = run(capsys, path, "settings", "set", "year", "2026", "start_date", "2026-10-01",
                    "end_date", "2026-10-07", "opening_time", "", "--year", "2021")
    assert code == 0, out.err
    assert events.get(connect(path), 2026)["title"] == "Tuần lễ học tập của quận"
    assert "Đã đổi năm" not in out.out
