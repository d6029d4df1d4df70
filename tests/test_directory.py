"""The directory of organisers (issue 24, db/directory.py) and `manage.py organisers` /
`--organiser`: one file per organiser, a tree, refusals that write nothing."""
import sqlite3
import subprocess
import sys

import pytest

from tests.conftest import ROOT


def manage(root, *args, stdin=None):
    return subprocess.run([sys.executable, "manage.py", "--db", str(root), *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120, input=stdin)


@pytest.fixture
def city(db_path):
    """A city adopting the installation's file, and two wards of their own."""
    from db import directory

    directory.add(db_path, "ha-noi", "UBND thành phố Hà Nội", "tinh")
    directory.add(db_path, "phuc-xa", "UBND phường Phúc Xá", "xa", "ha-noi")
    directory.add(db_path, "ngoc-ha", "UBND phường Ngọc Hà", "xa", "ha-noi")
    return db_path


def test_a_single_installation_has_no_directory_and_resolves_to_its_own_file(db_path):
    from db import directory

    assert directory.records(db_path) == []
    assert directory.resolve(db_path, None) == db_path
    assert directory.record_of_file(db_path) is None
    assert not directory.directory_path(db_path).exists()


def test_the_first_organiser_adopts_the_root_file_and_the_next_get_files_of_their_own(city):
    from db import directory

    records = {r.key: r for r in directory.records(city)}
    assert records["ha-noi"].file == city.resolve()
    assert records["phuc-xa"].file == city.resolve().parent / "org-phuc-xa.db"
    assert [r.key for r in directory.records(city)][0] == "ha-noi"  # parents first
    assert {r.key for r in directory.children(city, "ha-noi")} == {"phuc-xa", "ngoc-ha"}
    assert directory.record_of_file(records["ngoc-ha"].file).key == "ngoc-ha"


def test_a_new_organisers_file_has_the_codes_but_not_the_ba_dinh_plan(city):
    from db import connect, directory
    from db.setup import prepare

    ward = directory.get(city, "phuc-xa").file
    prepare(ward).conn.close()  # a later start must not seed it either
    db = connect(ward)
    assert db.execute("select count(*) from units").fetchone()[0] == 0
    assert db.execute("select count(*) from events").fetchone()[0] == 0
    assert db.execute("select count(*) from activity_types").fetchone()[0] > 0
    root = connect(city)
    assert root.execute("select count(*) from units").fetchone()[0] > 0  # adopted: kept


def test_a_wards_first_week_carries_the_name_and_level_it_was_listed_under(city):
    from db import Actor, connect, directory, events, new_week

    db = connect(directory.get(city, "phuc-xa").file)
    new_week.create(db, Actor.system("test"), 2026, empty=True)
    week = events.get(db, 2026)
    assert (week["organiser_name"], week["organiser_level"]) == ("UBND phường Phúc Xá", "xa")


@pytest.mark.parametrize("key,name,level,parent,field", [
    ("X", "Phường X", "xa", "ha-noi", "key"),
    ("a", "Phường X", "xa", "ha-noi", "key"),
    ("../etc", "Phường X", "xa", "ha-noi", "key"),
    ("phuc-xa", "Phường khác", "xa", "ha-noi", "key"),
    ("moi", "  ", "xa", "ha-noi", "name"),
    ("moi", "ubnd PHƯỜNG phúc xá", "xa", "ha-noi", "name"),
    ("moi", "UBND phường\u200b Phúc  Xá", "xa", "ha-noi", "name"),  # invisible, spaces
    ("moi", "UBND phu\u031bo\u031b\u0300ng Phu\u0301c Xa\u0301", "xa", "ha-noi", "name"),  # NFD
    ("moi", "Phường Mới", "ap", "ha-noi", "level"),
    ("moi", "Phường Mới", "xa", "khong-co", "parent"),
    ("moi", "Quận Mới", "tinh", "phuc-xa", "parent"),
    ("moi", "Phường Mới", "xa", "phuc-xa", "parent"),
    ("moi", "Phường Mới", "xa", None, "parent"),
])
def test_a_bad_organiser_is_refused_in_vietnamese_and_nothing_is_written(city, key, name,
                                                                          level, parent,
                                                                          field):
    from db import ValidationFailed, directory

    before = directory.records(city)
    files = sorted(p.name for p in city.parent.iterdir())
    with pytest.raises(ValidationFailed) as refused:
        directory.add(city, key, name, level, parent)
    assert field in refused.value.errors
    assert directory.records(city) == before
    assert sorted(p.name for p in city.parent.iterdir()) == files


def test_a_readonly_connection_cannot_write(city):
    from db import directory

    db = directory.connect_readonly(directory.get(city, "phuc-xa").file)
    with pytest.raises(sqlite3.OperationalError):
        db.execute("insert into settings (key, value) values ('x', '1')")


def test_the_command_line_lists_adds_and_acts_on_the_chosen_organiser(db_path):
    added = manage(db_path, "organisers", "add", "ha-noi", "--name", "UBND thành phố Hà Nội",
                   "--level", "tinh")
    assert added.returncode == 0, added.stderr
    ward = manage(db_path, "organisers", "add", "phuc-xa", "--name", "UBND phường Phúc Xá",
                  "--level", "xa", "--parent", "ha-noi")
    assert "org-phuc-xa.db" in ward.stdout and "create-user" in ward.stdout
    created = manage(db_path, "--organiser", "phuc-xa", "create-user", "--username",
                     "px.admin", "--role", "admin", "--name", "Nguyễn Văn An",
                     "--password-stdin", stdin="Mật khẩu thử 2026!\n")
    assert created.returncode == 0, created.stderr
    listed = manage(db_path, "organisers", "list").stdout.splitlines()
    assert listed[1].startswith("ha-noi\tUBND thành phố Hà Nội\ttinh\t\tllw.db")
    assert listed[2].startswith("phuc-xa\tUBND phường Phúc Xá\txa\tha-noi\torg-phuc-xa.db\t1")
    shown = manage(db_path, "organisers", "show", "phuc-xa").stdout
    assert "Cấp trên: UBND thành phố Hà Nội (ha-noi)" in shown
    # the account is in the ward's file only
    root_users = manage(db_path, "list-users").stdout
    ward_users = manage(db_path, "--organiser", "phuc-xa", "list-users").stdout
    assert "px.admin" in ward_users and "px.admin" not in root_users


def test_an_unknown_organiser_stops_the_command_with_the_known_keys(city):
    done = manage(city, "--organiser", "tay-ho", "list-units")
    assert done.returncode == 1
    assert "«tay-ho»" in done.stderr and "ha-noi, ngoc-ha, phuc-xa" in done.stderr
    assert not (city.parent / "org-tay-ho.db").exists()


def test_a_command_without_organiser_acts_on_the_first_file_as_before(city):
    from db import connect, directory

    root_units = manage(city, "list-units")
    assert root_units.returncode == 0 and root_units.stdout.count("\n") > 10  # the plan's
    ward = connect(directory.get(city, "phuc-xa").file)
    assert ward.execute("select count(*) from units").fetchone()[0] == 0


def test_sample_data_in_a_wards_week_without_areas_is_refused_in_vietnamese(city):
    from db import connect, directory

    ward = directory.get(city, "phuc-xa").file
    assert manage(city, "--organiser", "phuc-xa", "new-week", "--year", "2026",
                  "--empty").returncode == 0
    done = manage(city, "--organiser", "phuc-xa", "demo", "--year", "2026")
    assert done.returncode == 1 and "chưa có địa bàn" in done.stderr
    assert "Traceback" not in done.stderr
    db = connect(ward)
    assert db.execute("select count(*) from units").fetchone()[0] == 0


def test_a_shared_view_of_a_viewed_descendant_is_built_on_a_readonly_connection(city):
    from db import directory, live_figures

    live_figures.clear_views()
    viewed = directory.connect_readonly(directory.get(city, "phuc-xa").file)
    value, _stamp = live_figures.view(
        viewed, ("test-readonly",), lambda own: own.execute("PRAGMA query_only").fetchone()[0],
        30)
    live_figures.clear_views()
    assert value == 1
