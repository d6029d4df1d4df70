"""A small closing-of-the-week fixture for the commendation and closing-report tests: rows
inserted directly into the schema (as the unit pages and the review would write them)."""
import json

from db.audit import now_iso

# code, name, kind, tier, ward
UNITS = [
    ("TH-DIENBIEN", "Trường Tiểu học Điện Biên", "school", "tieu_hoc", "00019"),
    ("TH-NGOCHA", "Trường Tiểu học Ngọc Hà", "school", "tieu_hoc", "00016"),
    ("MN-KIMMA", "Trường Mầm non Kim Mã", "school", "mam_non", "00028"),
]


def event_id_2020(db) -> int:
    return db.execute("select id from events where year = 2020").fetchone()[0]


def unit_id(db, code) -> int:
    return db.execute("select id from units where code = ?", [code]).fetchone()[0]


def add_units(db):
    for code, name, kind, tier, ward in UNITS:
        db["units"].insert({"code": code, "name": name, "kind": kind, "tier": tier,
                            "ward_code": ward, "active": 1, "is_sample": 0,
                            "created_at": now_iso()})


def add_activity(db, event_id, unit_code, ward, type_, participants, *, day="2020-10-03",
                 status="accepted", deleted=0, evidence_url=None, title="Hoạt động"):
    return db["activities"].insert({
        "event_id": event_id, "unit_id": unit_id(db, unit_code), "ward_code": ward,
        "type": type_, "title": title, "start_date": day, "end_date": day,
        "format": "truc_tiep", "participants": participants, "online_participants": 0,
        "audiences": json.dumps(["hoc_sinh"]), "evidence_url": evidence_url,
        "status": status, "deleted": deleted, "created_at": f"{day}T08:00:00+07:00"}).last_pk


def add_propaganda(db, event_id, unit_code, ward, channel, quantity, *, day="2020-10-04",
                   status="accepted"):
    return db["propaganda"].insert({
        "event_id": event_id, "unit_id": unit_id(db, unit_code), "ward_code": ward,
        "channel": channel, "quantity": quantity, "date": day, "slogans": json.dumps([1, 5]),
        "note": "", "status": status, "deleted": 0,
        "created_at": f"{day}T09:00:00+07:00"}).last_pk


def add_nomination(db, event_id, unit_code, name, category="tu_hoc", kind="person",
                   status="proposed", deleted=0):
    return db["nominations"].insert({
        "event_id": event_id, "unit_id": unit_id(db, unit_code), "nominee_kind": kind,
        "nominee_name": name, "category": category, "ward_code": "00019",
        "achievement": "Tự học tiếng Anh và tin học ở tuổi 70", "status": status,
        "deleted": deleted, "created_at": "2020-10-05T10:00:00+07:00"}).last_pk


def submit(db, event_id, unit_code, at="2020-10-07T16:00:00+07:00"):
    db["report_submissions"].insert({"event_id": event_id, "unit_id": unit_id(db, unit_code),
                                     "submitted_at": at})


def build_week(db) -> int:
    """Returns the 2020 event id. Totals of counting entries (not deleted, not needs_fix):
    6 activities, 1.505 participants, 27 propaganda items."""
    event_id = event_id_2020(db)
    add_units(db)
    add_activity(db, event_id, "TH-DIENBIEN", "00019", "library", 300,
                 evidence_url="https://example.org/a")
    add_activity(db, event_id, "TH-DIENBIEN", "00019", "oer", 200)
    add_activity(db, event_id, "TH-DIENBIEN", "00019", "contest", 100, status="needs_fix")
    add_activity(db, event_id, "TH-NGOCHA", "00016", "library", 900)
    add_activity(db, event_id, "TH-NGOCHA", "00016", "sports", 5, status="submitted")
    add_activity(db, event_id, "UBND-00001", "00001", "opening_ceremony", 100)
    add_activity(db, event_id, "THCS-THANGLONG", "00007", "arts", 0, deleted=1)
    add_activity(db, event_id, "THCS-THANGLONG", "00007", "internet_skills", 0)
    add_propaganda(db, event_id, "TH-DIENBIEN", "00019", "banner", 4)
    add_propaganda(db, event_id, "TH-DIENBIEN", "00019", "facebook", 3)
    add_propaganda(db, event_id, "UBND-00001", "00001", "ward_radio", 20)
    submit(db, event_id, "TH-DIENBIEN")
    submit(db, event_id, "TH-NGOCHA", at="2020-10-09T08:00:00+07:00")  # late
    return event_id
