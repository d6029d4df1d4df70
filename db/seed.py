"""Idempotent seeding of the reference data of DESIGN §2 (core/reference.py).

Rows are inserted only when missing: an admin's later edits are never overwritten.
"""
import json

from core import reference as ref
from core.text import nfc
from db.audit import now_iso


def _insert_missing(db, table, rows, pk):
    db[table].insert_all((nfc(row) for row in rows), pk=pk, ignore=True)


PLAN_SEED_SETTING = "plan_seed"


def mark_without_plan(db) -> None:
    """This file never gets the Ba Đình plan's areas, units and week (a listed organiser's
    own file, db/directory.add: its roster is its own)."""
    db["settings"].insert({"key": PLAN_SEED_SETTING, "value": json.dumps("none")},
                          replace=True)


def _without_plan(db) -> bool:
    row = db.execute("select value from settings where key = ?",
                     [PLAN_SEED_SETTING]).fetchone()
    return bool(row) and row[0] == json.dumps("none")


def seed_reference(db) -> None:
    _seed_codes(db)
    if not _without_plan(db):
        _seed_plan(db)


def _seed_codes(db) -> None:
    """The codes every organiser shares."""
    _insert_missing(db, "unit_kinds", [{"code": c, "name": n} for c, n in ref.UNIT_KINDS], "code")
    _insert_missing(db, "tiers", [{"code": c, "name": n} for c, n in ref.TIERS], "code")
    _insert_missing(db, "activity_groups",
                    [{"code": c, "name": n} for c, n in ref.ACTIVITY_GROUPS], "code")
    _insert_missing(db, "activity_types", [
        {"code": c, "grp": g, "name": n, "sort": i}
        for i, (c, g, n) in enumerate(ref.ACTIVITY_TYPES)
    ], "code")
    _insert_missing(db, "channels", [
        {"code": c, "name": n, "measure": m, "sort": i}
        for i, (c, n, m) in enumerate(ref.CHANNELS)
    ], "code")
    _insert_missing(db, "commendation_categories",
                    [{"code": c, "name": n} for c, n in ref.COMMENDATION_CATEGORIES], "code")
    _insert_missing(db, "learning_models",
                    [{"code": c, "name": n} for c, n in ref.LEARNING_MODELS], "code")


def _seed_plan(db) -> None:
    """The Ba Đình plan of 2020: its wards, units and week."""
    _insert_missing(db, "wards", [
        {"code": c, "name": n, "grid_row": r, "grid_col": col} for c, n, r, col in ref.WARDS
    ], "code")
    created = now_iso()
    units = list(ref.DISTRICT_UNITS) + list(ref.ward_units())
    _insert_missing(db, "units", [
        {"code": code, "name": name, "kind": kind, "tier": tier, "ward_code": ward,
         "active": 1, "is_sample": 0, "created_at": created}
        for code, name, kind, tier, ward in units
    ], "id")  # ignore=True skips codes already present (unique index)
    seed_event_2020(db)


def seed_event_2020(db) -> None:
    if db.execute("select 1 from events where year = 2020").fetchone():
        return
    event = dict(ref.EVENT_2020, created_at=now_iso(), scoring_weights=None)
    event_id = db["events"].insert(nfc(event)).last_pk
    db["slogans"].insert_all(
        nfc({"event_id": event_id, "number": i, "text": text})
        for i, text in enumerate(ref.SLOGANS, start=1)
    )
    db["targets"].insert_all(
        nfc({"event_id": event_id, "unit_kind": kind, "tier": tier, "metric": metric,
             "minimum": minimum, "label": label})
        for kind, tier, metric, minimum, label in ref.DEFAULT_TARGETS
    )
    db["budgets"].insert({"event_id": event_id, "status": "draft", "notes": ""})
    db["event_areas"].insert_all(  # the 14 wards are 2020's areas (db/areas.py)
        nfc({"event_id": event_id, "code": c, "name": n, "grid_row": r, "grid_col": col})
        for c, n, r, col in ref.WARDS)
    db.execute("insert or ignore into event_units (event_id, unit_id) "  # its roster
               "select ?, id from units where active = 1", [event_id])
    db["settings"].insert({"key": "seeded_2020", "value": json.dumps(True)}, replace=True)
