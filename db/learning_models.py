"""Learning-model counts (gia đình / dòng họ / cộng đồng / đơn vị học tập): per unit and
model, how many registered and how many were recognised. Reported by ward People's
Committees and community learning centres."""
from core import entry_rules, texts
from db import areas, audit, idempotency, submissions, units
from db.access import Actor, ValidationFailed, require_role, require_unit_access
from db.audit import AuditEvent, now_iso
from db.connection import write_transaction

REPORTING_KINDS = ("ward_committee", "community_learning_center")


def reports_models(unit: dict) -> bool:
    return unit["kind"] in REPORTING_KINDS


def counts(db, event_id: int, unit_id: int) -> dict[str, dict]:
    """{model: row} of what the unit has saved."""
    return {r["model"]: r for r in db.query(
        "select * from learning_model_counts where event_id = ? and unit_id = ?",
        [event_id, unit_id])}


def save(db, actor: Actor, event_id: int, unit_id: int, values: dict, *,
         token=None) -> int:
    """values: {model: {"registered": n, "recognised": m}}. Writes only the models whose
    numbers changed (one audit row each); returns how many changed."""
    require_role(actor, "unit", "committee")
    require_unit_access(actor, unit_id)
    unit = units.get(db, unit_id)
    if unit is None or not reports_models(unit):
        raise ValidationFailed({"unit": texts.LM_NOT_FOR_KIND})
    record, errors = entry_rules.check_model_counts(values)
    with write_transaction(db):
        if idempotency.already_saved(db, token) is not None:
            return 0
        submissions.ensure_unit_can_write(db, actor, event_id, unit_id)
        if errors:
            raise ValidationFailed(errors)
        saved = counts(db, event_id, unit_id)
        changed = 0
        for model, numbers in record.items():
            before = saved.get(model)
            unchanged = before and all(before[k] == numbers[k] for k in numbers)
            if unchanged or (before is None and not any(numbers.values())):
                continue  # nothing new: no row, no audit noise
            row = dict(numbers, updated_by=actor.user_id, updated_at=now_iso())
            if before:
                db["learning_model_counts"].update(before["id"], row)
                row_id, action = before["id"], "update"
            else:
                row_id = db["learning_model_counts"].insert(dict(
                    row, event_id=event_id, unit_id=unit_id,
                    ward_code=areas.unit_area(db, event_id, unit_id),
                    model=model)).last_pk
                action = "create"
            after = db["learning_model_counts"].get(row_id)
            audit.record(db, actor, AuditEvent(action, "learning_model_counts", row_id,
                                               before=before, after=after))
            changed += 1
        idempotency.remember(db, token, "learning_model_counts", unit_id)
    return changed
