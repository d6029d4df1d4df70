"""The week's settings (admin): general settings with the lock, slogans, targets, and
"start next year". Every change is validated (core/event_rules.py), admin-only and
audited in the same transaction."""
from datetime import datetime

from core import event_rules as rules
from core import texts
from core.text import clean
from db import audit, events
from db.access import Actor, ValidationFailed, require_role
from db.audit import AuditEvent, now_iso
from db.connection import write_transaction


def _event_or_fail(db, event_id: int) -> dict:
    event = events.get_by_id(db, event_id)
    if event is None:
        raise ValidationFailed({"event": texts.EVT_UNKNOWN})
    return event


def settings_of(event: dict) -> dict:
    """The editable fields of an event, as the settings form and update_settings use them."""
    return {name: event.get(name) for name in rules.SETTINGS_FIELDS}


def update_settings(db, actor: Actor, event_id: int, fields: dict) -> dict[str, str]:
    """Change the general settings (year, dates, title and texts, refresh, lock). `fields`
    must hold every settings field (see settings_of): a missing one is treated as empty;
    others (the organiser profile's issuer, signer and e-mail: db/organiser.update_profile)
    are ignored. When the year changes, the old year written in the week's texts becomes
    the new one, as «Năm sau» does (core/event_rules.year_in_texts). Returns those changed
    texts {field: new text} (empty when none), for the caller to tell the admin."""
    require_role(actor, "admin")
    errors = rules.settings_errors(fields)
    with write_transaction(db):
        before = _event_or_fail(db, event_id)
        if "year" not in errors:
            other = events.get(db, int(fields["year"]))
            if other and other["id"] != event_id:
                errors["year"] = texts.EVT_YEAR_TAKEN.format(year=other["year"])
        if errors:
            raise ValidationFailed(errors)
        record = rules.settings_record(fields)
        renamed = rules.year_in_texts(record, before["year"], record["year"])
        record.update(renamed)
        db["events"].update(event_id, record)
        audit.record(db, actor, AuditEvent("update", "events", event_id, before=before,
                                           after=events.get_by_id(db, event_id)))
    return renamed


def set_lock(db, actor: Actor, event_id: int, lock_at: str | datetime | None) -> None:
    """Set the lock time (None removes it). Same rule as the settings form: after the week."""
    require_role(actor, "admin")
    with write_transaction(db):
        before = _event_or_fail(db, event_id)
        value = None
        if lock_at:
            errors = rules.lock_errors(lock_at, rules.parse_date(before["end_date"]))
            if errors:
                raise ValidationFailed(errors)
            value = rules.parse_datetime(lock_at).isoformat(timespec="minutes")
        db["events"].update(event_id, {"lock_at": value})
        audit.record(db, actor, AuditEvent("lock" if value else "unlock", "events", event_id,
                                           before={"lock_at": before["lock_at"]},
                                           after={"lock_at": value}))


def lock_now(db, actor: Actor, event_id: int) -> None:
    from core import timefmt

    set_lock(db, actor, event_id, timefmt.now_local())  # Hà Nội wall-clock time


def set_slogans(db, actor: Actor, event_id: int, slogans: list[str]) -> None:
    """Replace the 8 numbered slogans of an event (one audit row with the old and new list)."""
    require_role(actor, "admin")
    errors = rules.slogan_errors(slogans)
    if errors:
        raise ValidationFailed(errors)
    with write_transaction(db):
        _event_or_fail(db, event_id)
        before = [s["text"] for s in events.slogans(db, event_id)]
        after = [clean(s) for s in slogans]
        db.execute("delete from slogans where event_id = ?", [event_id])
        db["slogans"].insert_all({"event_id": event_id, "number": n, "text": text}
                                 for n, text in enumerate(after, start=1))
        audit.record(db, actor, AuditEvent("update", "slogans", event_id,
                                           before={"slogans": before},
                                           after={"slogans": after}))


def set_targets(db, actor: Actor, event_id: int, rows: list[dict]) -> None:
    """Replace the targets of an event (one audit row with the old and new list)."""
    require_role(actor, "admin")
    errors = rules.target_errors(rows)
    if errors:
        raise ValidationFailed(errors)
    with write_transaction(db):
        _event_or_fail(db, event_id)
        before = [_target_view(t) for t in events.targets(db, event_id)]
        after = [rules.target_record(row) for row in rows]
        db.execute("delete from targets where event_id = ?", [event_id])
        db["targets"].insert_all(dict(t, event_id=event_id) for t in after)
        audit.record(db, actor, AuditEvent("update", "targets", event_id,
                                           before={"targets": before},
                                           after={"targets": after}))


def _target_view(row: dict) -> dict:
    return {k: row[k] for k in ("unit_kind", "tier", "metric", "minimum", "label")}


def start_next_year(db, actor: Actor, from_event_id: int) -> int:
    """The week one year after `from_event_id`, copied from it (db/new_week.create: the
    settings, profile, slogans, targets, catalogue, areas and roster; the dates on the
    same weekdays). The earlier event is only read. Returns the new event id."""
    source = _event_or_fail(db, from_event_id)
    from db import new_week

    return new_week.create(db, actor, source["year"] + 1,
                           from_year=source["year"])["event_id"]
