"""The areas (wards, communes, residential groups) an event's figures are grouped by.

Every "by area" read goes through here: the areas belong to an event (`event_areas`,
db/schema.py m003_areas_per_event), and so does a unit's area (`unit_areas`, with
`units.ward_code` as the default for an event without a row, when that code is one of the
event's areas). `wards` stays as the registry of every code ever used (foreign keys).
Writes are admin-only and audited in the same transaction; rules in core/areas.py.
"""
from core import areas as rules
from core import texts
from core.tabular import TabularError, read_table
from db import audit
from db.access import Actor, ValidationFailed, require_role
from db.audit import AuditEvent
from db.connection import write_transaction

# tables whose rows carry the area of an entry (event_id, ward_code)
_USES = ("activities", "propaganda", "learning_model_counts", "nominations")


def areas_for(db, event_id: int) -> list[dict]:
    """code, name, grid_row, grid_col of the areas of an event, ordered by code."""
    return list(db.query("select code, name, grid_row, grid_col from event_areas "
                         "where event_id = ? order by code", [event_id]))


def names_for(db, event_id: int) -> dict[str, str]:
    """{code: name} of the areas of an event, in code order."""
    return {a["code"]: a["name"] for a in areas_for(db, event_id)}


def registry_names(db) -> dict[str, str]:
    """{code: name} of every area code any week has used (the `wards` registry): what a
    unit's default area (units.ward_code) may be."""
    return dict(db.execute("select code, name from wards order by code").fetchall())


def unit_area_sql(alias: str, event_id: int) -> str:
    """SQL expression: the area of unit `alias` in the event — its unit_areas row when it
    has one (NULL there: no area this year), else its units.ward_code when that is one of
    the event's areas, else NULL (no area: the level above, e.g. a district office)."""
    e = int(event_id)
    return (f"(case when exists (select 1 from unit_areas ua where ua.event_id = {e} "
            f"and ua.unit_id = {alias}.id) then (select ua.area_code from unit_areas ua "
            f"where ua.event_id = {e} and ua.unit_id = {alias}.id) else (select ea.code "
            f"from event_areas ea where ea.event_id = {e} and ea.code = {alias}.ward_code) "
            f"end)")


def unit_area(db, event_id: int, unit_id: int) -> str | None:
    """The area code of a unit in an event (see unit_area_sql)."""
    row = db.execute(f"select {unit_area_sql('u', event_id)} from units u where u.id = ?",
                     [unit_id]).fetchone()
    return row[0] if row else None


def unit_areas(db, event_id: int) -> dict[int, str | None]:
    """{unit id: area code or None} of every unit in an event."""
    return dict(db.execute(f"select u.id, {unit_area_sql('u', event_id)} from units u"
                           ).fetchall())


def _year(db, event_id: int) -> int:
    row = db.execute("select year from events where id = ?", [event_id]).fetchone()
    if row is None:
        raise ValidationFailed({"event": texts.EVT_UNKNOWN})
    return row[0]


def _uses(db, event_id: int, code: str) -> int:
    return sum(db.execute(f"select count(*) from {t} where event_id = ? and ward_code = ?",
                          [event_id, code]).fetchone()[0] for t in _USES)


def _replace(db, actor: Actor, event_id: int, areas: list[dict], source: dict) -> dict:
    """Inside a write transaction: make `areas` the event's list. Refuses (ValidationFailed,
    nothing written) to drop an area that has entries in the event."""
    year = _year(db, event_id)
    before = {a["code"]: a for a in areas_for(db, event_id)}
    after = {a["code"]: a for a in areas}
    removed = [code for code in before if code not in after]
    refusals = []
    for code in removed:
        n = _uses(db, event_id, code)
        if n:
            refusals.append(texts.AREA_IN_USE.format(code=code, name=before[code]["name"],
                                                     n=n, year=year))
    if refusals:
        raise ValidationFailed({"areas": "\n".join(refusals)})
    added = [c for c in after if c not in before]
    changed = [c for c in after if c in before and before[c] != after[c]]
    for code in removed:
        db.execute("update unit_areas set area_code = null where event_id = ? "
                   "and area_code = ?", [event_id, code])
        db.execute("delete from event_areas where event_id = ? and code = ?", [event_id, code])
    for area in areas:
        # the registry keeps every code (foreign keys of entries); a new code gets a row
        db.execute("insert or ignore into wards (code, name) values (?, ?)",
                   [area["code"], area["name"]])
        if area["code"] in before:
            db.execute("update event_areas set name = ?, grid_row = ?, grid_col = ? "
                       "where event_id = ? and code = ?",
                       [area["name"], area["grid_row"], area["grid_col"], event_id,
                        area["code"]])
        else:
            db.execute("insert into event_areas (event_id, code, name, grid_row, grid_col) "
                       "values (?, ?, ?, ?, ?)", [event_id, area["code"], area["name"],
                                                  area["grid_row"], area["grid_col"]])
    summary = {"areas": len(areas), "added": len(added), "changed": len(changed),
               "removed": len(removed), "year": year}
    if not (added or changed or removed):
        return summary  # saved as it was: nothing to record
    audit.record(db, actor, AuditEvent(
        "update", "event_areas", event_id,
        before={"areas": [before[c] for c in removed + changed]},
        after={"areas": [after[c] for c in added + changed]},
        detail=dict(source, added=added, changed=changed, removed=removed)))
    return summary


def save_areas(db, actor: Actor, event_id: int, rows: list[dict], *,
               source: dict | None = None) -> dict:
    """Replace the areas of an event with `rows` ([{code, name, row, col}] or with
    grid_row/grid_col): validated, all or nothing, one audit row. Returns {areas, added,
    changed, removed, year}. Errors: ValidationFailed({"areas": lines})."""
    require_role(actor, "admin")
    normalised = [(r.get("line"), {"code": r.get("code"), "name": r.get("name"),
                                   "row": r.get("row", r.get("grid_row")),
                                   "col": r.get("col", r.get("grid_col"))}) for r in rows]
    areas, errors = rules.check_rows(normalised)
    if errors:
        raise ValidationFailed({"areas": "\n".join(errors)})
    with write_transaction(db):
        return _replace(db, actor, event_id, areas, source or {"source": "form"})


def import_file(db, actor: Actor, event_id: int, data: bytes, filename: str) -> dict:
    """Make the areas of a CSV/XLSX file (code,name,row,col or Mã,Tên,Hàng,Cột) the event's
    list: all or nothing, line-precise Vietnamese errors (ValidationFailed)."""
    require_role(actor, "admin")
    try:
        table = read_table(data, filename)
    except TabularError as error:
        raise ValidationFailed({"areas": str(error)}) from None
    rows, errors = rules.rows_from_table(table, filename)
    if errors:
        raise ValidationFailed({"areas": "\n".join(errors)})
    areas, errors = rules.check_rows(rows)
    if errors:
        raise ValidationFailed({"areas": "\n".join(errors)})
    with write_transaction(db):
        return _replace(db, actor, event_id, areas,
                        {"import": filename, "rows": len(areas)})


def set_unit_area(db, actor: Actor, event_id: int, unit_id: int, code: str | None) -> None:
    """A unit's area in one event (None: no area, the level above). Other events keep
    theirs: the default units.ward_code is not changed."""
    require_role(actor, "admin")
    with write_transaction(db):
        year = _year(db, event_id)
        if db.execute("select 1 from units where id = ?", [unit_id]).fetchone() is None:
            raise ValidationFailed({"unit": texts.AREA_UNIT_NOT_FOUND})
        if code and code not in names_for(db, event_id):
            raise ValidationFailed({"area": texts.AREA_UNKNOWN.format(code=code, year=year)})
        before = unit_area(db, event_id, unit_id)
        code = code or None
        db.execute("delete from unit_areas where event_id = ? and unit_id = ?",
                   [event_id, unit_id])
        default = db.execute(
            "select ea.code from units u join event_areas ea on ea.event_id = ? "
            "and ea.code = u.ward_code where u.id = ?", [event_id, unit_id]).fetchone()
        if (default[0] if default else None) != code:  # a row only where it differs
            db.execute("insert into unit_areas (event_id, unit_id, area_code) values (?, ?, ?)",
                       [event_id, unit_id, code])
        audit.record(db, actor, AuditEvent("update", "unit_areas", unit_id,
                                           before={"event_id": event_id, "area": before},
                                           after={"event_id": event_id, "area": code}))


def keep_earlier_weeks(db, unit_id: int) -> int:
    """Before a unit's default area (units.ward_code) changes: every week but the latest
    that has no unit_areas row for it gets one with the area it has now, so the new
    default applies to the latest week (and later ones) and earlier weeks' figures stay.
    Inside the caller's transaction; returns the number of weeks pinned."""
    latest = db.execute("select id from events order by year desc limit 1").fetchone()
    pinned = 0
    for (event_id,) in db.execute(
            "select id from events where id != ? and id not in (select event_id from "
            "unit_areas where unit_id = ?)", [latest[0] if latest else None, unit_id]
            ).fetchall():
        db.execute("insert into unit_areas (event_id, unit_id, area_code) values (?, ?, ?)",
                   [event_id, unit_id, unit_area(db, event_id, unit_id)])
        pinned += 1
    return pinned


def copy_to(db, from_event_id: int, to_event_id: int) -> int:
    """Inside the caller's transaction ("start next year"): the new event gets the areas of
    the old one and the units keep their areas. Returns the number of areas copied."""
    db.execute("""insert into event_areas (event_id, code, name, grid_row, grid_col)
                  select ?, code, name, grid_row, grid_col from event_areas
                  where event_id = ?""", [to_event_id, from_event_id])
    db.execute("""insert into unit_areas (event_id, unit_id, area_code)
                  select ?, unit_id, area_code from unit_areas where event_id = ?""",
               [to_event_id, from_event_id])
    return db.execute("select count(*) from event_areas where event_id = ?",
                      [to_event_id]).fetchone()[0]
