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
