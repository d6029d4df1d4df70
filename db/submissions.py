"""A unit's "Đã nộp báo cáo" (report submitted): a time stamp that freezes the unit's own
entries until it reopens the report, which it may do until the week is locked."""
from core import texts, timefmt
from db import audit, events, roster
from db.access import Actor, NeedsConfirmation, ValidationFailed, WeekLocked, require_role, \
    require_unit_access
from db.audit import AuditEvent, now_iso
from db.connection import write_transaction


class ReportSubmitted(WeekLocked):
    """The unit has submitted its report: reopen it before changing entries."""


def get(db, event_id: int, unit_id: int) -> dict | None:
    rows = list(db.query("select * from report_submissions where event_id = ? and unit_id = ?",
                         [event_id, unit_id]))
    return rows[0] if rows else None


def ensure_unit_can_write(db, actor: Actor, event_id: int, unit_id: int) -> dict:
    """The gate of every unit write (call inside the write transaction): the unit is in
    the week's roster (for everyone: db/roster.py), the week is open and the report not
    submitted. The committee and the command line may still correct a unit's data after
    either of the last two. Returns the event."""
    roster.require_member(db, event_id, unit_id)
    if actor.role != "unit":
        event = events.get_by_id(db, event_id)
        if event is None:
            raise ValueError(f"unknown event {event_id}")
        return event
    event = events.ensure_open(db, event_id)
    submitted = get(db, event_id, unit_id)
    if submitted:
        raise ReportSubmitted(texts.SUB_FROZEN.format(
            at=timefmt.local(submitted["submitted_at"])))
    return event


def submit(db, actor: Actor, event_id: int, unit_id: int, confirm_unmet: bool = False) -> None:
    """Mark the unit's report submitted. With a target of the unit unmet, the caller must
    confirm (`confirm_unmet`): NeedsConfirmation lists the unmet targets otherwise."""
    require_role(actor, "unit", "committee")
    require_unit_access(actor, unit_id)
    with write_transaction(db):
        roster.require_member(db, event_id, unit_id)
        events.ensure_open(db, event_id)
        if get(db, event_id, unit_id):
            raise ValidationFailed({"submission": texts.SUB_ALREADY})
        if not confirm_unmet and (unmet := unmet_targets(db, event_id, unit_id)):
            raise NeedsConfirmation({"confirm_unmet": texts.SUB_CONFIRM_UNMET.format(
                targets="; ".join(texts.SUB_UNMET_ITEM.format(
                    label=t["label"], count=t["count"], minimum=t["minimum"])
                    for t in unmet))})
        row = {"event_id": event_id, "unit_id": unit_id, "submitted_at": now_iso(),
               "submitted_by": actor.user_id}
        db["report_submissions"].insert(row)
        audit.record(db, actor, AuditEvent("submit", "report_submissions",
                                           f"{event_id}:{unit_id}", after=row))


def unmet_targets(db, event_id: int, unit_id: int) -> list[dict]:
    from db.entries import target_progress  # db.entries imports this module

    return [t for t in target_progress(db, event_id, unit_id) if not t["met"]]


def reopen(db, actor: Actor, event_id: int, unit_id: int) -> None:
    require_role(actor, "unit", "committee")
    require_unit_access(actor, unit_id)
    with write_transaction(db):
        roster.require_member(db, event_id, unit_id)
        if actor.role == "unit":
            events.ensure_open(db, event_id)
        before = get(db, event_id, unit_id)
        if before is None:
            raise ValidationFailed({"submission": texts.SUB_NOT_SUBMITTED})
        db.execute("delete from report_submissions where event_id = ? and unit_id = ?",
                   [event_id, unit_id])
        audit.record(db, actor, AuditEvent("reopen", "report_submissions",
                                           f"{event_id}:{unit_id}", before=before))
