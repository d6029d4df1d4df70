"""Read the organiser profile of an event (core/organiser.py says what it holds)."""
from core.organiser import Organiser, fill, from_event
from db import events


def organiser_for(db, event_id: int) -> Organiser | None:
    event = events.get_by_id(db, event_id)
    return from_event(event) if event else None


def update_profile(db, actor, event_id: int, fields: dict) -> None:
    """Save the organiser profile of an event (admin). `fields` holds every field of
    core.organiser.PROFILE_FIELDS (a missing one is empty). Validated by
    core.organiser.profile_errors as a whole (the level agrees with the letterhead, the
    signer's title and the level word, as they will be stored); nothing is written on an
    error; one audit row."""
    from core import organiser as rules
    from core import texts
    from db import audit
    from db.access import ValidationFailed, require_role
    from db.audit import AuditEvent
    from db.connection import write_transaction

    require_role(actor, "admin")
    with write_transaction(db):
        before = events.get_by_id(db, event_id)
        if before is None:
            raise ValidationFailed({"event": texts.EVT_UNKNOWN})
        if errors := rules.profile_errors(fields, before):
            raise ValidationFailed(errors)
        record = rules.follow_level(before, rules.profile_record(fields))
        db["events"].update(event_id, record)
        audit.record(db, actor, AuditEvent(
            "update", "events", event_id, before={k: before.get(k) for k in record},
            after=record))


def words(db, event: dict | None = None, escape=None):
    """text -> text with the organiser's words of `event` (default: the latest week) and its
    number of areas ({areas}: '14 phường'). Before any week exists: the default level's.
    `escape` (e.g. components.safe_text.md): applied to the admin-set words before they are
    put in, for a text shown as markdown (a label, a caption): admin text is text too."""
    from db.areas import areas_for

    event = event or events.get(db)
    return words_for(event, None if event is None else len(areas_for(db, event["id"])),
                     escape)


def words_for(event: dict | None, area_count: int | None, escape=None):
    """words() from what it reads: the week's settings and its number of areas (the
    dashboard's refresh keeps both in its shared view and reads nothing)."""
    from dataclasses import replace

    org = from_event(event or {})
    if escape is not None:
        org = replace(org, level_word=escape(org.level_word), area_word=escape(org.area_word))
    if event is None:
        return lambda text: fill(text, org)
    return lambda text: fill(text, org, area_count)
