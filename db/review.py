"""Review: the committee lists units' entries and marks one accepted or needs_fix with a
comment. A needs_fix entry stops counting (db/stats.py) until the unit edits it, which
sends it back to 'submitted' (db/entries.py). Every decision writes one audit row."""
from core import texts
from core.text import clean
from db import audit, entries
from db.access import Actor, ValidationFailed, require_role
from db.audit import AuditEvent, now_iso
from db.connection import write_transaction

DECISIONS = ("accepted", "needs_fix")
COMMENT_MAX = 1000
KIND_TABLES = {"activity": "activities", "propaganda": "propaganda"}


def list_entries(db, event_id: int, kind: str, *, status=None, ward=None, unit_id=None,
                 type_=None, include_withdrawn=False, limit: int | None = 500) -> list[dict]:
    """Entries of one kind with their unit, newest first. `type_` is an activity type or
    a propaganda channel. limit=None lists all (the export)."""
    table = KIND_TABLES[kind]
    type_column = "type" if kind == "activity" else "channel"
    where, params = ["e.event_id = ?"], [event_id]
    if not include_withdrawn:
        where.append("e.deleted = 0")
    for column, value in (("status", status), ("ward_code", ward), ("unit_id", unit_id),
                          (type_column, type_)):
        if value:
            where.append(f"e.{column} = ?")
            params.append(value)
    photo_column = "activity_id" if kind == "activity" else "propaganda_id"
    sql = (f"select e.*, u.code as unit_code, u.name as unit_name, u.tier as unit_tier, "
           f"(select count(*) from photos ph where ph.{photo_column} = e.id) as photo_count "
           f"from {table} e join units u on u.id = e.unit_id where {' and '.join(where)} "
           f"order by e.id desc")
    if limit is not None:
        sql += " limit ?"
        params.append(limit)
    return list(db.query(sql, params))


def get_entry(db, kind: str, entry_id: int) -> dict | None:
    """One entry (JSON fields decoded) with its unit's name and its photos."""
    entry = entries.get(db, entries.KINDS[kind], entry_id)
    if entry is None:
        return None
    unit = db.execute("select code, name from units where id = ?",
                      [entry["unit_id"]]).fetchone()
    entry["unit_code"], entry["unit_name"] = unit
    entry["photos"] = entries.photos(db, entries.KINDS[kind], entry_id)
    return entry


def decide(db, actor: Actor, kind: str, entry_id: int, status: str, comment: str = ""
           ) -> None:
    """Mark an entry accepted or needs_fix (a comment is required for needs_fix)."""
    require_role(actor, "committee")
    comment = clean(comment)
    errors = {}
    if kind not in KIND_TABLES or status not in DECISIONS:
        errors["status"] = texts.REV_STATUS_INVALID
    elif status == "needs_fix" and not comment:
        errors["comment"] = texts.REV_COMMENT_REQUIRED
    if len(comment) > COMMENT_MAX:
        errors["comment"] = texts.REV_COMMENT_TOO_LONG
    if errors:
        raise ValidationFailed(errors)
    table = KIND_TABLES[kind]
    with write_transaction(db):
        before = _row(db, table, entry_id)
        if before is None or before["deleted"]:
            raise ValidationFailed({"entry": texts.REV_ENTRY_MISSING})
        db[table].update(entry_id, {"status": status, "review_comment": comment or None,
                                    "reviewed_by": actor.user_id, "reviewed_at": now_iso()})
        after = _row(db, table, entry_id)
        audit.record(db, actor, AuditEvent("review", table, entry_id,
                                           before=_reviewed(before), after=_reviewed(after)))


def _row(db, table, entry_id):
    rows = list(db.query(f"select * from {table} where id = ?", [entry_id]))
    return rows[0] if rows else None


def _reviewed(row):
    return {k: row[k] for k in ("status", "review_comment", "reviewed_by", "reviewed_at")}


def status_counts(db, event_id: int, kind: str) -> dict[str, int]:
    table = KIND_TABLES[kind]
    return dict(db.execute(f"select status, count(*) from {table} where event_id = ? and "
                           f"deleted = 0 group by status", [event_id]).fetchall())
