"""A small hand-countable week for the stats tests (rows inserted directly into the
schema, as db/entries.py would write them). Expected figures are in tests/test_stats.py."""
import json

from db.audit import now_iso

SCHOOLS = [  # code, tier, ward, active
    ("MN-TRUCBACH", "mam_non", "00004", 1),
    ("TH-VINHPHUC", "tieu_hoc", "00006", 1),
    ("THPT-LIEUGIAI", "thpt", "00008", 1),
    ("THPT-CU", "thpt", "00008", 0),  # deactivated: not a unit any more
]


def unit_id(db, code):
    return db.execute("select id from units where code = ?", [code]).fetchone()[0]


def add_unit(db, code, kind="school", tier=None, ward=None, active=1, email=None):
    return db["units"].insert({"code": code, "name": f"Trường {code}", "kind": kind,
                               "tier": tier, "ward_code": ward, "active": active,
                               "email": email, "is_sample": 0,
                               "created_at": now_iso()}).last_pk


def add_activity(db, event_id, unit_code, ward, type_, day, participants, online=0,
                 status="submitted", deleted=0, created_at=None, title="Hoạt động"):
    return db["activities"].insert({
        "event_id": event_id, "unit_id": unit_id(db, unit_code), "ward_code": ward,
        "type": type_, "title": title, "start_date": day, "end_date": day,
        "format": "truc_tiep", "participants": participants,
        "online_participants": online, "audiences": json.dumps(["hoc_sinh"]),
        "status": status, "deleted": deleted,
        "created_at": created_at or f"{day}T08:00:00+07:00"}).last_pk


def add_propaganda(db, event_id, unit_code, ward, channel, quantity, day, slogans=(),
                   status="submitted", deleted=0, created_at=None):
    return db["propaganda"].insert({
        "event_id": event_id, "unit_id": unit_id(db, unit_code), "ward_code": ward,
        "channel": channel, "quantity": quantity, "date": day,
        "slogans": json.dumps(list(slogans)), "note": f"Tuyên truyền {channel}",
        "status": status, "deleted": deleted,
        "created_at": created_at or f"{day}T09:00:00+07:00"}).last_pk


def build_week(db) -> int:
    """Returns the event id of 2020 after inserting the fixture week."""
    event_id = db.execute("select id from events where year = 2020").fetchone()[0]
    for code, tier, ward, active in SCHOOLS:
        add_unit(db, code, "school", tier, ward, active)
    add_activity(db, event_id, "THCS-THANGLONG", "00007", "library", "2020-10-02", 100, 20)
    # held in another ward: counts for ward 00001 and for the THCS tier
    add_activity(db, event_id, "THCS-THANGLONG", "00001", "sports", "2020-10-03", 50,
                 status="accepted")
    add_activity(db, event_id, "THCS-THANGLONG", "00007", "contest", "2020-10-03", 30, 30,
                 status="needs_fix")
    add_activity(db, event_id, "MN-TRUCBACH", "00004", "arts", "2020-10-02", 40, deleted=1)
    add_activity(db, event_id, "UBND-00001", "00001", "opening_ceremony", "2020-10-02", 200,
                 50)
    add_activity(db, event_id, "TH-VINHPHUC", "00006", "oer", "2020-10-07", 10, 10)
    add_propaganda(db, event_id, "THPT-LIEUGIAI", "00008", "banner", 5, "2020-10-04", [1, 2])
    add_propaganda(db, event_id, "UBND-00001", "00001", "facebook", 3, "2020-10-02", [2])
    add_propaganda(db, event_id, "MN-TRUCBACH", "00004", "zalo", 7, "2020-10-03", [3],
                   status="needs_fix")
    add_propaganda(db, event_id, "THCS-THANGLONG", "00007", "portal", 2, "2020-10-02", [4],
                   deleted=1)
    return event_id
