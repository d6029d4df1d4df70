"""A city and two wards in one installation (issue 24), built with db/directory.add and
the data layer: each ward has its 2026 week, its own units (names that say whose they
are) and a committee account; the city has its committee and admin."""
from db import Actor, areas, connect, directory, events, new_week, units
from tests.closing_fixture import add_activity
from tests.conftest import PASSWORD, make_user

PASSWORD_B = "Bình Minh học tập 2026!"  # ward B's accounts: another password than A's

CITY, WARD_A, WARD_B = "hanoi", "phuong-a", "phuong-b"
NAMES = {CITY: "Thành phố Hà Nội", WARD_A: "Phường Ánh Dương", WARD_B: "Phường Bình Minh"}
# unit names unique to each ward: a page of the other ward must never show them
UNITS = {WARD_A: [("A-THCS-01", "Trường THCS Ánh Dương Một", "school", "thcs"),
                  ("A-TTHTCD", "Trung tâm học tập cộng đồng Ánh Dương", "community_learning_center",
                   None)],
         WARD_B: [("B-THCS-01", "Trường THCS Bình Minh Một", "school", "thcs"),
                  ("B-TTHTCD", "Trung tâm học tập cộng đồng Bình Minh",
                   "community_learning_center", None)]}

AREA = {WARD_A: ("TDP-A1", "Tổ dân phố Ánh Dương 1"),
        WARD_B: ("TDP-B1", "Tổ dân phố Bình Minh 1")}
ACTIVITY = {WARD_A: "Ngày hội đọc sách Ánh Dương", WARD_B: "Ngày hội đọc sách Bình Minh"}


def build_city(root, *, ward_b_admin=True):
    """The directory beside `root` (an installation's first file, already prepared):
    the city adopts `root`, the two wards get their own files. Returns {key: file}."""
    system = Actor.system("test")
    directory.add(root, CITY, NAMES[CITY], "tinh")
    directory.add(root, WARD_A, NAMES[WARD_A], "xa", parent_key=CITY)
    directory.add(root, WARD_B, NAMES[WARD_B], "xa", parent_key=CITY)
    files = {key: directory.resolve(root, key) for key in (CITY, WARD_A, WARD_B)}
    city = connect(files[CITY])
    try:
        make_user(city, "qt.thanhpho", "admin")
        make_user(city, "bcd.thanhpho", "committee")
    finally:
        city.conn.close()
    for ward in (WARD_A, WARD_B):
        db = connect(files[ward])
        try:
            week = new_week.create(db, system, 2026, empty=True)
            area_code, area_name = AREA[ward]
            areas.save_areas(db, system, week["event_id"],
                             [{"code": area_code, "name": area_name, "row": 1, "col": 1}])
            for code, name, kind, tier in UNITS[ward]:
                units.create(db, system, {"code": code, "name": name, "kind": kind,
                                          "tier": tier})
            week = events.get(db, 2026)
            add_activity(db, week["id"], UNITS[ward][0][0], area_code, "library", 120,
                         day=week["start_date"], title=ACTIVITY[ward])
            password = PASSWORD if ward == WARD_A else PASSWORD_B
            if ward == WARD_A or ward_b_admin:
                make_user(db, "quan.tri", "admin", password=password)
            # the same username in both wards, each with its own password
            make_user(db, "ban.chi.dao", "committee", password=password)
        finally:
            db.conn.close()
    return files


def words_of(ward) -> list[str]:
    """What only this ward's pages may show: its units' names and codes, its area, its
    entry's title."""
    return [*(name for _c, name, _k, _t in UNITS[ward]), *(c for c, *_ in UNITS[ward]),
            AREA[ward][1], ACTIVITY[ward]]
