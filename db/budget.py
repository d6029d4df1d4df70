"""The budget estimate of one event: lines, total, notes, and the status flow
draft → submitted (committee, for Phòng GD&ĐT) → approved (leader: the district
leadership's own account). Lines and notes change only while the estimate is a draft; the
leadership may send a submitted estimate back to draft. The amount of
each line is the generated column budget_lines.amount; the total is summed in SQL."""
from core import budget as rules
from core import texts
from core.text import clean
from db import audit, events, idempotency
from db.access import AccessDenied, Actor, NeedsConfirmation, ValidationFailed, require_role
from db.audit import AuditEvent, now_iso
from db.connection import write_transaction

EDITORS = ("committee",)
APPROVERS = ("leader",)  # the district leadership (plan §III.1)


def get(db, event_id: int) -> dict:
    """The estimate's status row with who/when names and the total (a draft when none)."""
    rows = list(db.query(
        "select b.*, su.name as submitted_by_name, au.name as approved_by_name "
        "from budgets b left join users su on su.id = b.submitted_by "
        "left join users au on au.id = b.approved_by where b.event_id = ?", [event_id]))
    budget = rows[0] if rows else {"event_id": event_id, "status": "draft", "notes": "",
                                   "submitted_by": None, "submitted_at": None,
                                   "approved_by": None, "approved_at": None,
                                   "submitted_by_name": None, "approved_by_name": None}
    return dict(budget, total=total(db, event_id))


def lines(db, event_id: int) -> list[dict]:
    return list(db.query("select * from budget_lines where event_id = ? order by sort, id",
                         [event_id]))


def total(db, event_id: int) -> int:
    return db.execute("select coalesce(sum(amount), 0) from budget_lines where event_id = ?",
                      [event_id]).fetchone()[0]


def get_line(db, line_id: int) -> dict | None:
    rows = list(db.query("select * from budget_lines where id = ?", [line_id]))
    return rows[0] if rows else None


def _status_row(db, event_id: int) -> dict:
    """The budgets row, created as a draft on first use (inside a write transaction)."""
    if events.get_by_id(db, event_id) is None:
        raise ValidationFailed({"event": texts.EVT_UNKNOWN})
    db["budgets"].insert({"event_id": event_id, "status": "draft", "notes": ""}, ignore=True)
    return next(db.query("select * from budgets where event_id = ?", [event_id]))


def _ensure_draft(db, event_id: int) -> dict:
    row = _status_row(db, event_id)
    if row["status"] != "draft":
        raise ValidationFailed({"status": texts.BUD_NOT_DRAFT})
    return row


def _validated(fields: dict) -> dict:
    errors = rules.line_errors(fields)
    if errors:
        raise ValidationFailed(errors)
    return rules.line_record(fields)


def add_line(db, actor: Actor, event_id: int, fields: dict, token: str | None = None,
             confirm_duplicate: bool = False) -> int:
    """Add a line at the end; a repeated `token` (double click) returns the first line. A
    line identical to a saved one is added only with `confirm_duplicate` (a stale form
    stored four identical lines, issue 20): NeedsConfirmation otherwise."""
    require_role(actor, *EDITORS)
    record = _validated(fields)
    with write_transaction(db):
        if saved := idempotency.already_saved(db, token):
            return saved
        _ensure_draft(db, event_id)
        if not confirm_duplicate:
            _ask_when_duplicate(db, event_id, record)
        sort = db.execute("select coalesce(max(sort), 0) + 1 from budget_lines "
                          "where event_id = ?", [event_id]).fetchone()[0]
        line_id = db["budget_lines"].insert(dict(record, event_id=event_id, sort=sort)).last_pk
        idempotency.remember(db, token, "budget_lines", line_id)
        audit.record(db, actor, AuditEvent("create", "budget_lines", line_id,
                                           after=get_line(db, line_id)))
    return line_id


def _ask_when_duplicate(db, event_id: int, record: dict) -> None:
    for number, line in enumerate(lines(db, event_id), start=1):
        if all(line[field] == record[field] for field in rules.LINE_FIELDS):
            raise NeedsConfirmation({"confirm_duplicate": texts.BUD_LINE_DUPLICATE.format(
                number=number, item=line["item"], quantity=rules.format_number(line["quantity"]),
                price=rules.format_number(line["unit_price"]))})


def update_line(db, actor: Actor, line_id: int, fields: dict) -> None:
    require_role(actor, *EDITORS)
    record = _validated(fields)
    with write_transaction(db):
        before = _line_or_fail(db, line_id)
        _ensure_draft(db, before["event_id"])
        db["budget_lines"].update(line_id, record)
        audit.record(db, actor, AuditEvent("update", "budget_lines", line_id, before=before,
                                           after=get_line(db, line_id)))


def delete_line(db, actor: Actor, line_id: int) -> None:
    require_role(actor, *EDITORS)
    with write_transaction(db):
        before = _line_or_fail(db, line_id)
        _ensure_draft(db, before["event_id"])
        db["budget_lines"].delete(line_id)
        audit.record(db, actor, AuditEvent("delete", "budget_lines", line_id, before=before))


def _line_or_fail(db, line_id: int) -> dict:
    line = get_line(db, line_id)
    if line is None:
        raise ValidationFailed({"line": texts.BUD_LINE_UNKNOWN})
    return line


def set_notes(db, actor: Actor, event_id: int, notes: str) -> None:
    require_role(actor, *EDITORS)
    with write_transaction(db):
        before = _ensure_draft(db, event_id)
        db["budgets"].update(event_id, {"notes": clean(notes)})
        _audit_status(db, actor, "update", event_id, before)


def submit(db, actor: Actor, event_id: int) -> None:
    """The committee hands the draft to the district leadership for approval."""
    require_role(actor, *EDITORS)
    with write_transaction(db):
        before = _ensure_draft(db, event_id)
        if total_lines(db, event_id) == 0:
            raise ValidationFailed({"status": texts.BUD_EMPTY})
        db["budgets"].update(event_id, {"status": "submitted", "submitted_by": actor.user_id,
                                        "submitted_at": now_iso()})
        _audit_status(db, actor, "submit", event_id, before)


def approve(db, actor: Actor, event_id: int) -> None:
    require_role(actor, *APPROVERS)
    with write_transaction(db):
        before = _status_row(db, event_id)
        if before["status"] != "submitted":
            raise ValidationFailed({"status": texts.BUD_NOT_SUBMITTED})
        db["budgets"].update(event_id, {"status": "approved", "approved_by": actor.user_id,
                                        "approved_at": now_iso()})
        _audit_status(db, actor, "approve", event_id, before)


def return_to_draft(db, actor: Actor, event_id: int) -> None:
    """The leadership sends a submitted (not yet approved) estimate back for changes."""
    require_role(actor, *APPROVERS)
    with write_transaction(db):
        before = _status_row(db, event_id)
        if before["status"] == "approved":
            raise AccessDenied(texts.BUD_APPROVED_FINAL)
        if before["status"] != "submitted":
            raise ValidationFailed({"status": texts.BUD_NOT_SUBMITTED})
        db["budgets"].update(event_id, {"status": "draft", "submitted_by": None,
                                        "submitted_at": None})
        _audit_status(db, actor, "return_to_draft", event_id, before)


def total_lines(db, event_id: int) -> int:
    return db.execute("select count(*) from budget_lines where event_id = ?",
                      [event_id]).fetchone()[0]


def _audit_status(db, actor, action, event_id, before):
    after = next(db.query("select * from budgets where event_id = ?", [event_id]))
    audit.record(db, actor, AuditEvent(action, "budgets", event_id, before=before, after=after))
