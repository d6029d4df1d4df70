"""Nominations of exemplars by units: a person or a unit, a category, the achievement.
Units create and withdraw their own; the committee's approve/decline is in
db/commendations.py (another module)."""
from core import entry_rules, texts
from db import areas, audit, idempotency, submissions
from db.access import Actor, ValidationFailed, require_role, require_unit_access
from db.audit import AuditEvent, now_iso
from db.connection import write_transaction


def get(db, nomination_id: int) -> dict | None:
    rows = list(db.query("select * from nominations where id = ?", [nomination_id]))
    return rows[0] if rows else None


def list_for_unit(db, event_id: int, unit_id: int) -> list[dict]:
    return list(db.query("select * from nominations where event_id = ? and unit_id = ? "
                         "and deleted = 0 order by id desc", [event_id, unit_id]))


def create(db, actor: Actor, event_id: int, unit_id: int, raw: dict, *, token=None) -> int:
    require_role(actor, "unit", "committee")
    require_unit_access(actor, unit_id)
    record, errors = entry_rules.check_nomination(raw, areas.names_for(db, event_id))
    with write_transaction(db):
        if (saved := idempotency.already_saved(db, token)) is not None:
            return saved
        submissions.ensure_unit_can_write(db, actor, event_id, unit_id)
        if errors:
            raise ValidationFailed(errors)
        row = dict(record, ward_code=record["ward_code"]
                   or areas.unit_area(db, event_id, unit_id),
                   event_id=event_id, unit_id=unit_id, status="proposed", deleted=0,
                   created_by=actor.user_id, created_at=now_iso())
        nomination_id = db["nominations"].insert(row).last_pk
        audit.record(db, actor, AuditEvent("create", "nominations", nomination_id, after=row))
        idempotency.remember(db, token, "nominations", nomination_id)
    return nomination_id


def withdraw(db, actor: Actor, nomination_id: int) -> None:
    """A unit withdraws a nomination the committee has not decided on yet."""
    require_role(actor, "unit", "committee")
    with write_transaction(db):
        before = get(db, nomination_id)
        if before is None or before["deleted"]:
            raise ValidationFailed({"nomination": texts.ENT_NOT_FOUND})
        require_unit_access(actor, before["unit_id"])
        submissions.ensure_unit_can_write(db, actor, before["event_id"], before["unit_id"])
        if before["status"] != "proposed":
            raise ValidationFailed({"nomination": texts.NOM_ONLY_PROPOSED})
        db["nominations"].update(nomination_id, {"deleted": 1})
        audit.record(db, actor, AuditEvent("withdraw", "nominations", nomination_id,
                                           before=before, after=get(db, nomination_id)))
