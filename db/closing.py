"""The committee's part of the closing report (issue 11): the assessment sections IV–V,
the decision that the commendations are final, and the report's date and place. Committee
only (and the command line), one audit row per write in the same transaction.

Whether the report may be final is decided by core/closing_report.missing() on what
db/report_data.gather() reads; this module only stores."""
from datetime import date

from core import texts
from core.text import clean
from db import audit
from db.access import Actor, ValidationFailed, require_role
from db.audit import AuditEvent, now_iso
from db.connection import write_transaction

MAX_SECTION = 20_000
MAX_PLACE = 60
MAX_NAME = 120
# the committee's sections of the report, in the order they are printed
SECTIONS = ("assessment", "assess_strengths", "assess_weaknesses", "assess_proposals",
            "next_directions")
EDITORS = ("committee",)


def _event_row(db, event_id: int, columns) -> dict:
    row = db.execute(f"select {', '.join(columns)} from events where id = ?",
                     [event_id]).fetchone()
    if row is None:
        raise ValidationFailed({"event": texts.EVT_UNKNOWN})
    return dict(zip(columns, row))


def _update(db, actor: Actor, event_id: int, values: dict) -> None:
    with write_transaction(db):
        before = _event_row(db, event_id, list(values))
        if before == values:
            return  # nothing changed: no audit noise
        db["events"].update(event_id, values)
        audit.record(db, actor, AuditEvent("update", "events", event_id, before=before,
                                           after=values))


def save_sections(db, actor: Actor, event_id: int, fields: dict) -> None:
    """fields: any of SECTIONS -> text (blank = not written yet)."""
    require_role(actor, *EDITORS)
    values, errors = {}, {}
    for key in SECTIONS:
        if key not in fields:
            continue
        value = clean(fields[key])
        if len(value) > MAX_SECTION:
            errors[key] = texts.REPORT_ASSESSMENT_TOO_LONG.format(max=MAX_SECTION)
        values[key] = value or None
    if errors:
        raise ValidationFailed(errors)
    if values:
        _update(db, actor, event_id, values)


def parse_report_date(value) -> date | None:
    """None/'' -> None; a date or 'YYYY-MM-DD' -> date; anything else raises
    ValidationFailed with a Vietnamese message."""
    if value in (None, ""):
        return None
    if isinstance(value, date):
        day = value
    else:
        try:
            day = date.fromisoformat(str(value).strip())
        except ValueError:
            raise ValidationFailed({"report_date": texts.CLOSE_DATE_INVALID.format(
                value=value)}) from None
    if not 2000 <= day.year <= 2100:
        raise ValidationFailed({"report_date": texts.CLOSE_DATE_INVALID.format(value=value)})
    return day


def save_document_settings(db, actor: Actor, event_id: int, *, report_date=None,
                           report_place: str = "") -> None:
    """The report's date (None: printed as 'ngày … tháng … năm …') and its place (blank:
    the district of the issuing body)."""
    require_role(actor, *EDITORS, "admin")
    day = parse_report_date(report_date)
    place = clean(report_place)
    if len(place) > MAX_PLACE:
        raise ValidationFailed({"report_place": texts.CLOSE_TOO_LONG.format(max=MAX_PLACE)})
    _update(db, actor, event_id, {"report_date": day.isoformat() if day else None,
                                  "report_place": place or None})


def save_office_head(db, actor: Actor, event_id: int, name: str) -> None:
    """The head of Phòng GD&ĐT, who signs the budget estimate (Tờ trình)."""
    require_role(actor, *EDITORS, "admin")
    value = clean(name)
    if len(value) > MAX_NAME:
        raise ValidationFailed({"office_head_name": texts.CLOSE_TOO_LONG.format(max=MAX_NAME)})
    _update(db, actor, event_id, {"office_head_name": value or None})


def pending_nominations(db, event_id: int) -> int:
    return db.execute("select count(*) from nominations where event_id = ? and deleted = 0 "
                      "and status = 'proposed'", [event_id]).fetchone()[0]


def decide_commendations(db, actor: Actor, event_id: int, decided: bool = True) -> None:
    """Mark the commendation list final (or open it again). Refused while a unit's
    nomination waits for a decision or no commendation has been picked."""
    require_role(actor, *EDITORS)
    with write_transaction(db):
        if decided:
            errors = {}
            if pending_nominations(db, event_id):
                errors["commendations"] = texts.CLOSE_PENDING_NOMINATIONS.format(
                    n=pending_nominations(db, event_id))
            elif not db.execute("select 1 from commendations where event_id = ? limit 1",
                                [event_id]).fetchone():
                errors["commendations"] = texts.CLOSE_NO_PICKS
            if errors:
                raise ValidationFailed(errors)
            values = {"commendations_decided_at": now_iso(),
                      "commendations_decided_by": actor.user_id}
        else:
            values = {"commendations_decided_at": None, "commendations_decided_by": None}
        before = _event_row(db, event_id, list(values))
        db["events"].update(event_id, values)
        audit.record(db, actor, AuditEvent("decide" if decided else "reopen", "events",
                                           event_id, before=before, after=values))
