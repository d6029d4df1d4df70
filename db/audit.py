"""The audit log: one row per change, written in the same transaction as the change."""
import json
from dataclasses import dataclass, field
from core import timefmt
from db.access import Actor


def now_iso() -> str:
    return timefmt.now_iso()  # Hà Nội time with its offset


@dataclass
class AuditEvent:
    action: str  # create | update | delete | login | login_failed | ...
    table: str | None = None
    row_id: int | str | None = None
    before: dict | None = None
    after: dict | None = None
    detail: dict = field(default_factory=dict)


def _dump(value):
    return None if value is None else json.dumps(value, ensure_ascii=False, default=str)


def record(db, actor: Actor | None, event: AuditEvent) -> None:
    db["audit_log"].insert(
        {
            "at": now_iso(),
            "user_id": actor.user_id if actor else None,
            "username": actor.username if actor else None,
            "action": event.action,
            "table_name": event.table,
            "row_id": None if event.row_id is None else str(event.row_id),
            "before": _dump(event.before),
            "after": _dump(event.after),
            "detail": _dump(event.detail) if event.detail else None,
        }
    )

