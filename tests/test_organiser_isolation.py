"""Issue 24, the access grid per organiser pair: in one installation (a city and two wards,
A = Hoàn Kiếm and B = Bạch Mai, each with its week, areas, units, accounts and entries),
A's clerk, committee, admin and leader cannot read or change B by any way in — the
command line (`manage.py --organiser A …`), the data layer, a file import, the pages, a
replayed form. Every refusal has its control: the same call on B's own file finds or does
what A's could not, so a cell fails if isolation broke or if the call itself is broken.

B's units, accounts and entries are made more numerous than A's, so that B's row ids lie
beyond every id A's file has: an id replayed from B names nothing in A."""
import json
import sqlite3

import pytest

import manage
from core.tabular import read_table
from db import AccessDenied, Actor, ValidationFailed, areas, connect, directory, entries, \
    entry_import, events, learning_models, nominations, review, roster, submissions, \
    units, users
from tests.conftest import PASSWORD

YEAR = 2026
CITY = "hn"
A, B = "pa", "pb"
ORGANISERS = {
    A: {"name": "UBND phường Hoàn Kiếm", "areas": [("TDP-A1", "Tổ dân phố Hàng Đào"),
                                                    ("TDP-A2", "Tổ dân phố Hàng Bạc")],
        "units": [("PA-TH-01", "Trường Tiểu học Hàng Đào", "Trường học", "Tiểu học", "TDP-A1"),
                  ("PA-THCS-01", "Trường THCS Hàng Bạc", "Trường học", "THCS", "TDP-A2"),
                  ("PA-UBND", "UBND phường Hoàn Kiếm", "UBND phường", "", "TDP-A1")],
        "activities": [("PA-TH-01", "TDP-A1", "library", "Ngày hội đọc sách Hàng Đào", 120),
                       ("PA-THCS-01", "TDP-A2", "sports", "Giải bóng đá Hàng Bạc", 80)],
        "marker": "Hàng Đào"},
    B: {"name": "UBND phường Bạch Mai", "areas": [("TDP-B1", "Tổ dân phố Bạch Mai 1"),
                                                   ("TDP-B2", "Tổ dân phố Bạch Mai 2"),
                                                   ("TDP-B3", "Tổ dân phố Lạc Trung")],
        "units": [("PB-TH-01", "Trường Tiểu học Bạch Mai", "Trường học", "Tiểu học", "TDP-B1"),
                  ("PB-THCS-01", "Trường THCS Lạc Trung", "Trường học", "THCS", "TDP-B3"),
                  ("PB-MN-01", "Trường Mầm non Bạch Mai", "Trường học", "Mầm non", "TDP-B2"),
                  ("PB-MN-02", "Trường Mầm non Quỳnh Lôi", "Trường học", "Mầm non", "TDP-B2"),
                  ("PB-UBND", "UBND phường Bạch Mai", "UBND phường", "", "TDP-B1"),
                  ("PB-TTHTCD", "Trung tâm HTCĐ Bạch Mai", "community_learning_center", "", "TDP-B2")],
        "activities": [("PB-TH-01", "TDP-B1", "library", "Ngày hội đọc sách Bạch Mai", 150),
                       ("PB-THCS-01", "TDP-B3", "contest", "Thi công dân học tập Lạc Trung",
                        90),
                       ("PB-MN-01", "TDP-B2", "arts", "Liên hoan văn nghệ Quỳnh Lôi", 60),
                       ("PB-MN-02", "TDP-B2", "sports", "Ngày hội thể thao Quỳnh Lôi", 45),
                       ("PB-UBND", "TDP-B1", "thematic", "Chuyên đề học tập Bạch Mai", 200)],
        "marker": "Bạch Mai"},
}
# role -> username stem; the clerk is a school's (the first unit of each organiser)
ROLES = {"unit": "gv", "committee": "bcd", "admin": "qt", "leader": "ld"}
ROLE_IDS = ["clerk", "committee", "admin", "leader"]
ROLE_OF = dict(zip(ROLE_IDS, ROLES))


def username(key: str, role: str) -> str:
    return f"{ROLES[role]}.{key}"


def cli(root, key, *argv) -> tuple[int, str, str]:
    """manage.py --db ROOT --organiser KEY … in this process: (exit code, out, err)."""
    import contextlib
    import io

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = manage.main(["--db", str(root), "--organiser", key, *map(str, argv)])
    return code, out.getvalue(), err.getvalue()


def ok(root, key, *argv) -> str:
    code, out, err = cli(root, key, *argv)
    assert code == 0, (argv, out, err)
    return out


def csv_file(path, header: str, rows) -> str:
    path.write_text("\n".join([header, *(",".join(map(str, r)) for r in rows)]) + "\n",
                    encoding="utf-8")
    return str(path)


def activity_rows(event: dict, rows) -> list[tuple]:
    day = event["start_date"]
    return [(unit, area, kind, title, day, day, "truc_tiep", n)
            for unit, area, kind, title, n in rows]


ACTIVITY_HEADER = "unit_code,ward_code,type,title,start_date,end_date,format,participants"
UNIT_HEADER = "Mã đơn vị,Tên đơn vị,Loại đơn vị,Cấp học,Phường"


def set_up(root, key: str, folder) -> None:
    """What an organiser's admin types on the command line for its week."""
    spec = ORGANISERS[key]
    ok(root, key, "new-week", "--year", YEAR, "--empty")
    ok(root, key, "import-areas", csv_file(folder / f"{key}-areas.csv", "code,name",
                                           spec["areas"]), "--year", YEAR)
    ok(root, key, "import-units", csv_file(folder / f"{key}-units.csv", UNIT_HEADER,
                                           spec["units"]), "--year", YEAR)
    for role in ROLES:
        extra = ["--unit-code", spec["units"][0][0]] if role == "unit" else []
        ok(root, key, "create-user", "--username", username(key, role), "--role", role,
           "--name", f"Cán bộ {spec['name']} {role}", "--password", PASSWORD, *extra)
    if key == B:  # more accounts in B: its user ids lie beyond A's
        for n, unit in enumerate(spec["units"][1:], start=2):
            ok(root, key, "create-user", "--username", f"gv{n}.{key}", "--role", "unit",
               "--name", f"Cán bộ {unit[1]}", "--password", PASSWORD, "--unit-code", unit[0])
    db = connect(directory.resolve(root, key))
    event = events.get(db, YEAR)
    db.conn.close()
    ok(root, key, "import-activities", csv_file(
        folder / f"{key}-activities.csv", ACTIVITY_HEADER,
        activity_rows(event, spec["activities"])), "--year", YEAR)


@pytest.fixture(scope="module")
def installation(tmp_path_factory):
    """(root file, {key: file}) of a city with wards A and B, built once for the module;
    the tests that may write copy it first (`fresh`)."""
    import os

    os.environ.setdefault("LLW_BCRYPT_ROUNDS", "4")
    folder = tmp_path_factory.mktemp("installation")
    root = folder / "llw.db"
    assert manage.main(["--db", str(root), "organisers", "add", CITY, "--name",
                        "UBND thành phố Hà Nội", "--level", "tinh"]) == 0
    for key in (A, B):
        assert manage.main(["--db", str(root), "organisers", "add", key, "--name",
                            ORGANISERS[key]["name"], "--level", "xa", "--parent", CITY]) == 0
        set_up(root, key, folder)
    return root, {key: directory.resolve(root, key) for key in (A, B)}


def snapshot(path) -> list[str]:
    """The whole file as SQL text: any written byte shows."""
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def b_copy(installation, tmp_path):
    """B's file alone (SQLite backup), for a control that writes."""
    _root, files = installation
    target = tmp_path / "b-alone.db"
    src, dst = sqlite3.connect(files[B]), sqlite3.connect(target)
    src.backup(dst)
    src.close()
    dst.close()
    return target


@pytest.fixture
def untouched(installation):
    """Asserts after the test that neither ward's file changed."""
    _root, files = installation
    before = {key: snapshot(path) for key, path in files.items()}
    yield
    for key, path in files.items():
        assert snapshot(path) == before[key], f"{key}'s file changed"


def actor_of(db, key: str, role: str) -> Actor:
    actor = users.actor_for(db, username(key, role))
    assert actor is not None
    return actor


def beyond_a(installation, table: str) -> int:
    """The id of B's newest row of `table`, checked to lie beyond every id of A's."""
    _root, files = installation
    ids = {}
    for key, path in files.items():
        conn = sqlite3.connect(path)
        ids[key] = conn.execute(f"select max(id) from {table}").fetchone()[0]
        conn.close()
    assert ids[B] > ids[A], (table, ids)
    return ids[B]


# --- the installation itself -------------------------------------------------------------

def test_the_installation_lists_the_city_and_both_wards_each_with_its_own_file(installation):
    root, files = installation
    assert [(r.key, r.parent_key) for r in directory.records(root)] == [
        (CITY, None), (A, CITY), (B, CITY)]
    assert files[A] != files[B] != root and files[A].parent == files[B].parent == root.parent
    for key, path in files.items():
        db = connect(path)
        codes = {u["code"] for u in units.list_units(db, event_id=events.get(db, YEAR)["id"])}
        assert codes == {u[0] for u in ORGANISERS[key]["units"]}
        db.conn.close()


# --- the command line --------------------------------------------------------------------

# way in -> (the command, the file's header, its rows for A's week)
CLI_WAYS = {
    "import-activities naming B's unit code": (
        "import-activities", ACTIVITY_HEADER,
        lambda ev: activity_rows(ev, [("PB-TH-01", "TDP-A1", "library", "Đọc sách", 10)])),
    "import-activities naming B's area code": (
        "import-activities", ACTIVITY_HEADER,
        lambda ev: activity_rows(ev, [("PA-TH-01", "TDP-B1", "library", "Đọc sách", 10)])),
    "import-propaganda naming B's unit code": (
        "import-propaganda", "unit_code,ward_code,channel,quantity,date",
        lambda ev: [("PB-UBND", "TDP-A1", "banner", 3, ev["start_date"])]),
    "import-units placing a unit in B's area": (
        "import-units", UNIT_HEADER,
        lambda ev: [("PA-MN-09", "Trường Mầm non Hàng Gai", "Trường học", "Mầm non",
                     "TDP-B2")]),
}


@pytest.mark.parametrize("way", list(CLI_WAYS))
def test_a_command_for_a_refuses_bs_codes_as_unknown_and_writes_nothing(
        installation, untouched, tmp_path, way):
    root, _files = installation
    command, header, rows = CLI_WAYS[way]
    db = connect(directory.resolve(root, A))
    path = csv_file(tmp_path / "in.csv", header, rows(events.get(db, YEAR)))
    db.conn.close()
    code, out, err = cli(root, A, command, path, "--year", YEAR)
    assert code == 1, (out, err)
    shown = out + err
    assert "PB-" in shown or "TDP-B" in shown, shown  # the refusal names the unknown code
    assert any(word in shown.lower() for word in ("không có", "không tồn tại", "chưa có",
                                                  "không thuộc", "không biết")), shown


@pytest.mark.parametrize("way", list(CLI_WAYS))
def test_control_the_same_codes_are_known_in_bs_own_file(installation, tmp_path, way):
    """The refusals above are about the organiser: B's own file takes B's codes (here the
    A-side code of each row is swapped for B's)."""
    command, header, rows = CLI_WAYS[way]
    alone = b_copy(installation, tmp_path)
    db = connect(alone)
    event = events.get(db, YEAR)
    db.conn.close()
    swapped = [tuple({"TDP-A1": "TDP-B1", "PA-TH-01": "PB-TH-01"}.get(c, c) for c in row)
               for row in rows(event)]
    path = csv_file(tmp_path / "in.csv", header, swapped)
    code = manage.main(["--db", str(alone), command, path, "--year", str(YEAR)])
    assert code == 0


# way in -> the command line naming one of B's codes as an argument
CLI_ARGUMENTS = {
    "create-user for B's unit": ["create-user", "--username", "gv.moi", "--role", "unit",
                                 "--name", "Cán bộ mới", "--password", PASSWORD,
                                 "--unit-code", "PB-MN-01"],
    "deactivate-units of B's unit": ["deactivate-units", "PB-MN-01", "--year", YEAR],
}


@pytest.mark.parametrize("way", list(CLI_ARGUMENTS))
def test_a_command_for_a_naming_bs_unit_is_refused_and_b_takes_it(installation, untouched,
                                                                   tmp_path, way):
    root, _files = installation
    code, out, err = cli(root, A, *CLI_ARGUMENTS[way])
    assert code == 1 and "PB-MN-01" in out + err, (out, err)
    alone = b_copy(installation, tmp_path)  # the control: B's own file knows the unit
    assert manage.main(["--db", str(alone), *map(str, CLI_ARGUMENTS[way])]) == 0


def test_an_organiser_the_installation_does_not_list_is_refused_by_name(installation,
                                                                      untouched):
    root, _files = installation
    code, out, err = cli(root, "pz", "list-units")
    assert code == 1 and "pz" in err and not out


def test_list_commands_of_a_name_nothing_of_b(installation, untouched):
    root, _files = installation
    shown = ok(root, A, "list-units", "--all") + ok(root, A, "list-users") + ok(
        root, A, "stats", "--json", "--year", YEAR)
    assert "PA-TH-01" in shown and f"qt.{A}" in shown  # control: A's own are listed
    for word in ("PB-", "TDP-B", f".{B}", ORGANISERS[B]["marker"], "Lạc Trung"):
        assert word not in shown, word
    totals = json.loads(ok(root, A, "stats", "--json", "--year", YEAR))["totals"]
    assert totals["activities"] == len(ORGANISERS[A]["activities"])


# --- the data layer: A's connection cannot resolve B's names -------------------------------

LOOKUPS = {
    "unit code": (lambda db, e, a: units.get_by_code(db, "PB-TH-01"),
                  lambda db, e, a: units.get_by_code(db, "PB-TH-01") is not None),
    "username": (lambda db, e, a: users.get(db, f"qt.{B}"),
                 lambda db, e, a: users.get(db, f"qt.{B}") is not None),
    "account as actor": (lambda db, e, a: users.actor_for(db, f"bcd.{B}"),
                         lambda db, e, a: users.actor_for(db, f"bcd.{B}") is not None),
    "area code in the registry": (
        lambda db, e, a: areas.registry_names(db).get("TDP-B1"),
        lambda db, e, a: areas.registry_names(db).get("TDP-B1") is not None),
    "area code in the week": (
        lambda db, e, a: areas.names_for(db, e["id"]).get("TDP-B1"),
        lambda db, e, a: areas.names_for(db, e["id"]).get("TDP-B1") is not None),
    "unit in the roster list": (
        lambda db, e, a: [u for u in units.list_units(db, event_id=e["id"])
                          if u["code"].startswith("PB-")] or None,
        lambda db, e, a: any(u["code"].startswith("PB-")
                             for u in units.list_units(db, event_id=e["id"]))),
    "unit among the importable": (
        lambda db, e, a: [u for u in entry_import.importable_units(db, a, e["id"])
                          if u["code"].startswith("PB-")] or None,
        lambda db, e, a: any(u["code"].startswith("PB-")
                             for u in entry_import.importable_units(db, a, e["id"]))),
}


@pytest.mark.parametrize("lookup", list(LOOKUPS))
@pytest.mark.parametrize("role", ROLE_IDS)
def test_as_a_role_of_a_the_data_layer_cannot_resolve_b(installation, untouched, role, lookup):
    _root, files = installation
    refused, control = LOOKUPS[lookup]
    found = {}
    for key in (A, B):
        db = connect(files[key])
        try:
            event, actor = events.get(db, YEAR), actor_of(db, key, ROLE_OF[role])
            found[key] = (refused if key == A else control)(db, event, actor)
        finally:
            db.conn.close()
    assert found[A] is None, found[A]
    assert found[B] is True  # the control: B's own file resolves it


# --- a file imported through the data layer as each role of A ------------------------------

def import_table(db, event, rows) -> object:
    data = "\n".join([ACTIVITY_HEADER, *(",".join(map(str, r)) for r in
                                         activity_rows(event, rows))]) + "\n"
    return read_table(data.encode(), "hoat-dong.csv")


@pytest.mark.parametrize("role", ROLE_IDS)
def test_as_a_role_of_a_a_file_naming_bs_unit_is_refused_as_unknown(installation, untouched,
                                                                    role):
    _root, files = installation
    db = connect(files[A])
    try:
        event, actor = events.get(db, YEAR), actor_of(db, A, ROLE_OF[role])
        table = import_table(db, event, [("PB-TH-01", "TDP-A1", "library", "Đọc sách", 10)])
        try:
            report = entries.import_rows(db, actor, entries.ACTIVITY, event["id"], table,
                                         source="hoat-dong.csv")
        except AccessDenied:
            assert ROLE_OF[role] in ("admin", "leader")  # no import for them at all
            return
        assert not report.written and report.created == 0
        assert "PB-TH-01" in "\n".join(report.error_lines())
    finally:
        db.conn.close()


def test_control_the_same_file_imports_into_b_for_bs_committee(installation, tmp_path):
    alone = b_copy(installation, tmp_path)
    db = connect(alone)
    event = events.get(db, YEAR)
    report = entries.import_rows(db, actor_of(db, B, "committee"), entries.ACTIVITY,
                                 event["id"], import_table(db, event, [
                                     ("PB-TH-01", "TDP-B1", "library", "Đọc sách", 10)]),
                                 source="hoat-dong.csv")
    assert report.written and report.created == 1
    db.conn.close()


# --- a replayed form: B's ids sent to A's data layer ------------------------------------------

ACTIVITY = {"type": "library", "title": "Ngày hội đọc sách", "format": "truc_tiep",
            "participants": "40"}

# name -> (the call, with B's id), the B table the id comes from
REPLAYS = {
    "save an activity for B's unit": (
        lambda db, a, e, i: entries.create_activity(
            db, a, e["id"], i, dict(ACTIVITY, start_date=e["start_date"])), "units"),
    "edit B's activity": (
        lambda db, a, e, i: entries.update_activity(
            db, a, i, dict(ACTIVITY, start_date=e["start_date"])), "activities"),
    "withdraw B's activity": (lambda db, a, e, i: entries.withdraw_activity(db, a, i),
                              "activities"),
    "review B's activity": (lambda db, a, e, i: review.decide(db, a, "activity", i,
                                                              "accepted", ""), "activities"),
    "save B's unit's learning models": (
        lambda db, a, e, i: learning_models.save(
            db, a, e["id"], i, {"gia_dinh": {"registered": 5, "recognised": 2}}), "units"),
    "nominate for B's unit": (
        lambda db, a, e, i: nominations.create(db, a, e["id"], i, {
            "nominee_kind": "person", "nominee_name": "Cô Lan", "category": "day_tot",
            "achievement": "Dạy tốt"}), "units"),
    "submit B's unit's report": (lambda db, a, e, i: submissions.submit(db, a, e["id"], i),
                                 "units"),
    "retire B's unit": (lambda db, a, e, i: units.set_active(db, a, i, False), "units"),
    "move B's unit to an area": (lambda db, a, e, i: areas.set_unit_area(
        db, a, e["id"], i, next(iter(areas.names_for(db, e["id"])))), "units"),
    "take B's unit out of the week's roster": (lambda db, a, e, i: roster.set_member(
        db, a, e["id"], i, False), "units"),
    "reset B's account's password": (lambda db, a, e, i: users.reset_password(
        db, a, i, "Mật khẩu mới 2026!"), "users"),
    "deactivate B's account": (lambda db, a, e, i: users.set_active(db, a, i, False),
                               "users"),
}
REFUSED = (AccessDenied, ValidationFailed, LookupError)


@pytest.mark.parametrize("replay", list(REPLAYS))
@pytest.mark.parametrize("role", ROLE_IDS)
def test_as_a_role_of_a_a_replayed_form_with_bs_id_is_refused(installation, untouched, role,
                                                              replay):
    _root, files = installation
    call, table = REPLAYS[replay]
    b_id = beyond_a(installation, table)
    db = connect(files[A])
    try:
        event, actor = events.get(db, YEAR), actor_of(db, A, ROLE_OF[role])
        with pytest.raises(REFUSED):
            call(db, actor, event, b_id)
    finally:
        db.conn.close()


@pytest.mark.parametrize("replay", list(REPLAYS))
def test_control_the_replayed_call_works_in_bs_file_for_its_allowed_role(installation,
                                                                         tmp_path, replay):
    """The refusals above are about the organiser: in B's file the same call with the same
    id works for a role of B that may make it."""
    call, table = REPLAYS[replay]
    b_id = beyond_a(installation, table)
    alone = b_copy(installation, tmp_path)
    db = connect(alone)
    event = events.get(db, YEAR)
    done = []
    for role in ("committee", "admin", "unit"):
        actor = actor_of(db, B, role)
        if role == "unit":  # the clerk of the very unit the id names
            row = db.execute("select username from users where unit_id = ?",
                             [b_id]).fetchone() if table == "units" else None
            if row is None:
                continue
            actor = users.actor_for(db, row[0])
        before = snapshot(alone)
        try:
            call(db, actor, event, b_id)
        except (AccessDenied, ValidationFailed):
            continue
        done.append(role)
        assert snapshot(alone) != before
        break
    db.conn.close()
    assert done, replay


# --- the pages: A's signed-in accounts on every page of their role ----------------------------

B_WORDS = ("Bạch Mai", "Lạc Trung", "Quỳnh Lôi", "PB-TH-01", "PB-THCS-01", "PB-MN-0",
           "PB-UBND", "PB-TTHTCD", "TDP-B1", "TDP-B2", "TDP-B3", f"bcd.{B}", f"qt.{B}",
           f"gv.{B}", f"ld.{B}")


def _nodes(node):
    yield node
    for child in (getattr(node, "children", None) or {}).values():
        yield from _nodes(child)


def everything_shown(at) -> str:
    """Every text the run sent: each element's message (labels, options, values, help)
    as UTF-8, the tables' cells, and the text of the pictures (SVG)."""
    import base64

    from google.protobuf import text_format

    parts = []
    for node in _nodes(at._tree):
        proto = getattr(node, "proto", None)
        if proto is not None:
            parts.append(text_format.MessageToString(proto, as_utf8=True))
        value = getattr(node, "value", None) if node.type in ("arrow_data_frame",
                                                               "arrow_table") else None
        if value is not None:
            parts.append(value.to_csv())
        if node.type == "imgs":
            prefix = "data:image/svg+xml;base64,"
            parts += [base64.b64decode(img.url[len(prefix):]).decode()
                      for img in proto.imgs if img.url.startswith(prefix)]
    return "\n".join(parts)


def scripts_of(role: str) -> list[str]:
    """The pages of a role of A (the clerk is a primary school's: no «Mô hình học tập»)."""
    from components.navigation import pages_for

    unit = {"kind": "school", "tier": "tieu_hoc"} if ROLE_OF[role] == "unit" else None
    return [spec.script for spec in pages_for(ROLE_OF[role], unit)]


def page_ids():
    return [(role, script) for role in ROLE_IDS for script in scripts_of(role)]


def bound_by_address() -> bool:
    """The server binds a session to one organiser (the picker's address ?dv=KEY, then the
    sign-in; components/organiser_session.py, issue 24's pages) when this tree has it;
    else a server serves one file (LLW_DB) and the test points it at the organiser's."""
    import importlib.util

    return importlib.util.find_spec("components.organiser_session") is not None


@pytest.fixture
def app_of(installation, monkeypatch):
    """app_of(key, role) -> an AppTest of app.py in organiser `key` (see bound_by_address),
    its account of `role` signed in (as tests/conftest.app_for does); role None: signed
    out, not run."""
    from streamlit.testing.v1 import AppTest

    from tests.conftest import ROOT

    root, files = installation
    monkeypatch.chdir(ROOT)

    def build(key, role):
        bound = bound_by_address()
        monkeypatch.setenv("LLW_DB", str(root if bound else files[key]))
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=90)
        if bound:
            at.query_params["dv"] = key
        if role is None:
            return at
        name = username(key, role)
        at.session_state["authentication_status"] = True
        at.session_state["username"] = name
        at.session_state["name"] = name
        at.session_state["logout"] = None
        at.run()
        assert not at.exception, at.exception
        return at

    return build


def open_page(at, script):
    at.switch_page(f"app_pages/{script}").run()
    assert not at.exception, (script, at.exception)
    return everything_shown(at)


@pytest.mark.parametrize("role,script", page_ids())
def test_as_a_role_of_a_no_page_shows_anything_of_b(app_of, installation, role, script):
    _root, files = installation
    before = snapshot(files[B])
    shown = open_page(app_of(A, ROLE_OF[role]), script)
    found = [w for w in B_WORDS if w in shown]
    assert not found, (script, found)
    assert snapshot(files[B]) == before


@pytest.mark.parametrize("role", ROLE_IDS)
def test_control_bs_own_pages_show_b_and_as_show_a(app_of, role):
    """The page check above can see: B's own pages of the same role show B's words (its
    name, a unit or area, or at least the signed-in account), and A's show A's."""
    scripts = scripts_of(role)
    for key, other in ((B, A), (A, B)):
        at = app_of(key, ROLE_OF[role])
        shown = "\n".join(open_page(at, script) for script in scripts)
        own = (ORGANISERS[key]["name"], ORGANISERS[key]["marker"], username(key, ROLE_OF[role]))
        assert any(word in shown for word in own), (key, role)
        assert ORGANISERS[other]["marker"] not in shown and username(other, ROLE_OF[role]) \
            not in shown


@pytest.mark.parametrize("role", ROLE_IDS)
def test_as_a_role_of_a_signing_in_to_b_with_as_account_is_refused(app_of, installation,
                                                                     role):
    """An account belongs to one organiser: A's username and password at B's sign-in
    (B's address) sign nobody in and show nothing of B's; B's own account signs in."""
    from tests.test_auth import login_form, signed_in

    _root, files = installation
    before = snapshot(files[B])
    at = login_form(app_of(B, None).run(), username(A, ROLE_OF[role]), PASSWORD)
    assert not at.exception, at.exception
    assert not signed_in(at)
    assert "actor" not in at.session_state or at.session_state["actor"] is None
    shown = everything_shown(at)
    # the sign-in page may name B itself (the picker lists the organisers): nothing more
    private = [w for w in B_WORDS if w != ORGANISERS[B]["marker"]] + [
        u[1] for u in ORGANISERS[B]["units"] if u[1] != ORGANISERS[B]["name"]]
    assert not [w for w in private if w in shown]
    # the refused attempt may count against the unknown name, never change B's figures
    assert [line for line in snapshot(files[B]) if "activities" in line] == [
        line for line in before if "activities" in line]
    control = login_form(app_of(B, None).run(), username(B, ROLE_OF[role]), PASSWORD)
    assert signed_in(control)


@pytest.mark.parametrize("role", ["committee", "admin"])
def test_as_a_role_of_a_an_address_or_a_view_switch_naming_b_shows_nothing_of_b(
        app_of, role):
    """Signed in to A: the address ?dv=B and a replayed view switch to B (B is not A's
    descendant) leave the session on A's file."""
    if not bound_by_address():
        pytest.skip("no per-session organiser binding in this tree (issue 24's pages)")
    from components import organiser_session

    at = app_of(A, role)
    at.query_params["dv"] = B
    at.session_state[organiser_session.VIEWED] = B
    at.run()
    assert not at.exception, at.exception
    assert at.session_state["actor"].organiser == A
    for script in scripts_of(role):
        shown = open_page(at, script)
        assert not [w for w in B_WORDS if w in shown], script
