"""The catalogue of an event: its activity types and propaganda channels (issue 15 item 3).

Every page, import, statistic and report that lists or names types/channels of a week reads
them here. The global tables activity_types / channels are the registry of codes (the
foreign keys of activities.type and propaganda.channel): a new code is added there too, and a
code keeps its meaning across years. Writes are admin-only and audited in the same
transaction (one audit row per save).
"""
from core import catalogue as rules
from core import texts
from core.catalogue import Catalogue
from db import audit, events
from db.access import Actor, ValidationFailed, require_role
from db.audit import AuditEvent
from db.connection import write_transaction


def types_for(db, event_id: int) -> list[dict]:
    """[{code, grp, name, sort}] of the event's activity types, in its order."""
    return list(db.query("select code, grp, name, sort from event_activity_types "
                         "where event_id = ? order by sort, code", [event_id]))


def channels_for(db, event_id: int) -> list[dict]:
    """[{code, name, measure, sort}] of the event's propaganda channels, in its order."""
    return list(db.query("select code, name, measure, sort from event_channels "
                         "where event_id = ? order by sort, code", [event_id]))


def catalogue_for(db, event_id: int) -> Catalogue:
    """The event's catalogue with the registry's names for codes it does not list."""
    return Catalogue(
        types_for(db, event_id), channels_for(db, event_id),
        {c: (g, n) for c, g, n in db.execute("select code, grp, name from activity_types")},
        {c: (n, m) for c, n, m in db.execute("select code, name, measure from channels")})


def _in_use(db, table: str, column: str, event_id: int) -> dict[str, int]:
    """{code: entries of the event using it} (withdrawn entries too: they can come back)."""
    return dict(db.execute(f"select {column}, count(*) from {table} where event_id = ? "
                           f"group by {column}", [event_id]).fetchall())


def set_types(db, actor: Actor, event_id: int, rows: list[dict]) -> list[dict]:
    """Replace the event's activity types by `rows` [{code?, grp, name}] in that order.
    A row without a code gets one made from its name (a new registry code); a code the
    event's entries use cannot be removed. Returns the stored rows."""
    require_role(actor, "admin")
    cleaned, errors = rules.type_rows(rows)
    if errors:
        raise ValidationFailed(errors)
    with write_transaction(db):
        event = _event_or_fail(db, event_id)
        before = types_for(db, event_id)
        errors = _removal_errors(db, event, before, cleaned, "activities", "type",
                                 texts.CAT_TYPE_IN_USE, "types")
        if errors:
            raise ValidationFailed(errors)
        if [_view(r) for r in before] == cleaned:
            return before  # nothing changed: nothing written, nothing audited
        _register(db, "activity_types", cleaned, ("grp", "name"))
        db.execute("delete from event_activity_types where event_id = ?", [event_id])
        db["event_activity_types"].insert_all(
            dict(r, event_id=event_id, sort=i) for i, r in enumerate(cleaned))
        after = types_for(db, event_id)
        audit.record(db, actor, AuditEvent(
            "update", "event_activity_types", event_id,
            before={"types": [_view(r) for r in before]},
            after={"types": [_view(r) for r in after]}))
    return after


def set_channels(db, actor: Actor, event_id: int, rows: list[dict]) -> list[dict]:
    """Replace the event's channels by `rows` [{code?, name, measure}] in that order (same
    rules as set_types)."""
    require_role(actor, "admin")
    cleaned, errors = rules.channel_rows(rows)
    if errors:
        raise ValidationFailed(errors)
    with write_transaction(db):
        event = _event_or_fail(db, event_id)
        before = channels_for(db, event_id)
        errors = _removal_errors(db, event, before, cleaned, "propaganda", "channel",
                                 texts.CAT_CHANNEL_IN_USE, "channels")
        if errors:
            raise ValidationFailed(errors)
        if [_view(r) for r in before] == cleaned:
            return before
        _register(db, "channels", cleaned, ("name", "measure"))
        db.execute("delete from event_channels where event_id = ?", [event_id])
        db["event_channels"].insert_all(
            dict(r, event_id=event_id, sort=i) for i, r in enumerate(cleaned))
        after = channels_for(db, event_id)
        audit.record(db, actor, AuditEvent(
            "update", "event_channels", event_id,
            before={"channels": [_view(r) for r in before]},
            after={"channels": [_view(r) for r in after]}))
    return after


def copy_to(db, from_event_id: int, to_event_id: int) -> dict:
    """Give `to_event_id` the catalogue of `from_event_id` (start next year; inside the
    caller's transaction). Returns {"types": n, "channels": m} for the audit row."""
    db.execute("delete from event_activity_types where event_id = ?", [to_event_id])
    db.execute("insert into event_activity_types (event_id, code, grp, name, sort) "
               "select ?, code, grp, name, sort from event_activity_types where event_id = ?",
               [to_event_id, from_event_id])
    db.execute("delete from event_channels where event_id = ?", [to_event_id])
    db.execute("insert into event_channels (event_id, code, name, measure, sort) "
               "select ?, code, name, measure, sort from event_channels where event_id = ?",
               [to_event_id, from_event_id])
    return {"types": len(types_for(db, to_event_id)),
            "channels": len(channels_for(db, to_event_id))}


def _event_or_fail(db, event_id: int) -> dict:
    event = events.get_by_id(db, event_id)
    if event is None:
        raise ValidationFailed({"event": texts.EVT_UNKNOWN})
    return event


def _removal_errors(db, event, before, after, table, column, message, kind) -> dict:
    kept = {r["code"] for r in after}
    used = _in_use(db, table, column, event["id"])
    return {f"{kind}.{r['code']}": message.format(name=r["name"], code=r["code"],
                                                  n=used[r["code"]], year=event["year"])
            for r in before if r["code"] not in kept and used.get(r["code"])}


def _register(db, table: str, rows: list[dict], columns: tuple[str, ...]) -> None:
    """Add the codes the registry does not know yet (its rows are never changed: they are
    what other years' catalogues started from)."""
    top = db.execute(f"select coalesce(max(sort), -1) from {table}").fetchone()[0]
    for row in rows:
        if not db.execute(f"select 1 from {table} where code = ?", [row["code"]]).fetchone():
            top += 1
            db[table].insert(dict({c: row[c] for c in columns}, code=row["code"], sort=top))


def _view(row: dict) -> dict:
    return {k: v for k, v in row.items() if k not in ("sort", "event_id")}
