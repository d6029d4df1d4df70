"""A week's roster: which units take part in an event (`event_units`, beside the per-week
area of db/areas.py), so adding, retiring and moving units act on one week and a closing
report of an earlier week reads the same years later.

The rule for a unit that leaves a week's roster ("retired" in that week; README «Units
and weeks»): it is no longer a unit of the week — it counts in no unit figure (units,
units with data, submitted, schools per tier, rates, targets, scores) and cannot enter,
be reviewed, make a nomination or be commended there — while what it recorded before it
left stays and counts as it was: its counting entries, its learning-model counts and its
nominations remain in every total and list of the week (a nomination it made before is
still decided by the committee, so the week's list can be closed), and the per-unit sheet
and appendix list it, marked.

`units.active` stays as a mirror of "in the newest week's roster" (sync_active; a write
to it joins or leaves the newest week only: trigger of db/schema.py m004), for older
callers and backups; no figure reads it. Every roster write is admin-only (or
the command line) and audited in the same transaction.

With several organisers in one installation (issue 24) a roster row needs no organiser
key of its own: it belongs to its event, and the event to its organiser; "the newest
week" (the default of the commands and of a new unit) is then the organiser's newest.
"""
from core import texts
from db import audit
from db.access import Actor, ValidationFailed, require_role
from db.audit import AuditEvent
from db.connection import write_transaction


def in_roster_sql(alias: str, event_id: int) -> str:
    """SQL condition: unit `alias` takes part in the event. The one join every figure,
    list and sheet of a week uses (db/stats.py, db/progress.py, db/report_data.py,
    db/commendations.py)."""
    return (f"{alias}.id in (select ev_u.unit_id from event_units ev_u "
            f"where ev_u.event_id = {int(event_id)})")


def latest_event_id(db) -> int | None:
    row = db.execute("select id from events order by year desc limit 1").fetchone()
    return row[0] if row else None


def member(db, event_id: int, unit_id: int) -> bool:
    return db.execute("select 1 from event_units where event_id = ? and unit_id = ?",
                      [event_id, unit_id]).fetchone() is not None


def unit_ids(db, event_id: int) -> set[int]:
    return {r[0] for r in db.execute("select unit_id from event_units where event_id = ?",
                                     [event_id])}


def require_member(db, event_id: int, unit_id: int) -> None:
    """The gate of every write about a unit in a week (entries, learning models,
    nominations, submission, review, commendation): ValidationFailed in Vietnamese when
    the unit is not in that week's roster."""
    if member(db, event_id, unit_id):
        return
    from db.week_units import table_sql  # the unit as that week names it

    row = db.execute(f"select u.code, u.name, e.year from {table_sql(event_id)} u, events e "
                     "where u.id = ? and e.id = ?", [unit_id, event_id]).fetchone()
    if row is None:
        raise ValidationFailed({"unit": texts.UNIT_UNKNOWN.format(code=unit_id)})
    raise ValidationFailed({"unit": texts.ROSTER_NOT_IN_WEEK.format(
        code=row[0], name=row[1], year=row[2])})


def sync_active(db) -> None:
    """units.active = the unit is in the newest week's roster (inside the caller's
    transaction). Before any week exists, nothing changes."""
    latest = latest_event_id(db)
    if latest is None:
        return
    db.execute("update units set active = (id in (select unit_id from event_units "
               "where event_id = ?)) where active != (id in (select unit_id from "
               "event_units where event_id = ?))", [latest, latest])


def place_new_unit(db, event_id: int, unit_id: int) -> None:
    """A unit just created belongs to `event_id`'s roster only (the insert trigger of
    db/schema.py put it in the newest week's)."""
    db.execute("delete from event_units where unit_id = ?", [unit_id])
    db.execute("insert into event_units (event_id, unit_id) values (?, ?)",
               [event_id, unit_id])
    sync_active(db)


def _year(db, event_id: int) -> int:
    row = db.execute("select year from events where id = ?", [event_id]).fetchone()
    if row is None:
        raise ValidationFailed({"event": texts.EVT_UNKNOWN})
    return row[0]


def set_many(db, actor: Actor, event_id: int, ids: list[int], join: bool) -> list[int]:
    """Inside a write transaction: add (join) or retire `ids`; returns those changed,
    with one audit row per unit changed ("activate" / "deactivate" of event_units, the
    unit's id, the week's year)."""
    year = _year(db, event_id)
    present = unit_ids(db, event_id)
    changed = [i for i in ids if (i in present) != join]
    for unit_id in changed:
        if join:
            db.execute("insert into event_units (event_id, unit_id) values (?, ?)",
                       [event_id, unit_id])
        else:
            db.execute("delete from event_units where event_id = ? and unit_id = ?",
                       [event_id, unit_id])
    for unit_id in changed:
        code = db.execute("select code from units where id = ?", [unit_id]).fetchone()[0]
        audit.record(db, actor, AuditEvent(
            "activate" if join else "deactivate", "event_units", unit_id,
            before={"event_id": event_id, "year": year, "in_week": not join},
            after={"event_id": event_id, "year": year, "in_week": join},
            detail={"year": year, "code": code}))
    if changed:
        sync_active(db)
    return changed


def set_member(db, actor: Actor, event_id: int, unit_id: int, join: bool) -> bool:
    """Add a unit to a week's roster or retire it from that week only. Returns whether
    anything changed."""
    require_role(actor, "admin")
    with write_transaction(db):
        if db.execute("select 1 from units where id = ?", [unit_id]).fetchone() is None:
            raise ValidationFailed({"unit": texts.UNIT_UNKNOWN.format(code=unit_id)})
        return bool(set_many(db, actor, event_id, [unit_id], join))


def retire_codes(db, actor: Actor, event_id: int, codes) -> list[str]:
    """Retire the units of `codes` from one week in one transaction; an unknown code
    refuses the whole call. Returns the codes that were in the roster."""
    require_role(actor, "admin")
    with write_transaction(db):
        found = _ids_of(db, codes)
        changed = set(set_many(db, actor, event_id, list(found.values()), False))
    return [code for code, unit_id in found.items() if unit_id in changed]


def add_codes(db, actor: Actor, event_id: int, codes) -> list[str]:
    """Put existing units back into (or into) one week's roster; returns the codes added."""
    require_role(actor, "admin")
    with write_transaction(db):
        found = _ids_of(db, codes)
        changed = set(set_many(db, actor, event_id, list(found.values()), True))
    return [code for code, unit_id in found.items() if unit_id in changed]


def _ids_of(db, codes) -> dict[str, int]:
    from core.text import clean

    codes = list(dict.fromkeys(clean(c) for c in codes if clean(c)))
    found = {c: db.execute("select id from units where code = ?", [c]).fetchone()
             for c in codes}
    if unknown := [c for c, row in found.items() if row is None]:
        raise ValidationFailed({"code": texts.UNIT_CODES_UNKNOWN.format(
            codes=", ".join(unknown))})
    return {c: row[0] for c, row in found.items()}


def copy_to(db, from_event_id: int, to_event_id: int) -> int:
    """Inside the caller's transaction (a new week): the new event gets the old one's
    roster. Returns its size."""
    db.execute("insert or ignore into event_units (event_id, unit_id) "
               "select ?, unit_id from event_units where event_id = ?",
               [to_event_id, from_event_id])
    sync_active(db)
    return db.execute("select count(*) from event_units where event_id = ?",
                      [to_event_id]).fetchone()[0]


def retired_with_entries_sql(event_id: int) -> str:
    """SQL condition on `u`: not in the event's roster but with counting entries in it."""
    e = int(event_id)
    return (f"(not {in_roster_sql('u', e)} and (exists (select 1 from activities ra "
            f"where ra.event_id = {e} and ra.unit_id = u.id and ra.deleted = 0 "
            f"and ra.status != 'needs_fix') or exists (select 1 from propaganda rp "
            f"where rp.event_id = {e} and rp.unit_id = u.id and rp.deleted = 0 "
            f"and rp.status != 'needs_fix')))")
