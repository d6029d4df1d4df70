"""Events (one per year) and the reporting lock."""
from datetime import date, datetime

from core import texts, timefmt
from db.access import WeekLocked


def list_events(db) -> list[dict]:
    return list(db.query("select * from events order by year desc"))


def get(db, year: int | None = None) -> dict | None:
    """The event of `year`, or the latest one."""
    if year is None:
        rows = list(db.query("select * from events order by year desc limit 1"))
    else:
        rows = list(db.query("select * from events where year = ?", [year]))
    return rows[0] if rows else None


def get_by_id(db, event_id: int) -> dict | None:
    rows = list(db.query("select * from events where id = ?", [event_id]))
    return rows[0] if rows else None


def week_days(event: dict) -> list[str]:
    start, end = date.fromisoformat(event["start_date"]), date.fromisoformat(event["end_date"])
    return [date.fromordinal(d).isoformat() for d in range(start.toordinal(),
                                                          end.toordinal() + 1)]


def is_locked(event: dict, now: datetime | None = None) -> bool:
    if not event.get("lock_at"):
        return False
    # a lock time without offset is Hà Nội wall-clock time, as the admin typed it; the
    # server's own clock may run in UTC (7 hours behind)
    now = now or timefmt.now_local()
    lock_at = datetime.fromisoformat(event["lock_at"])
    if lock_at.tzinfo is not None and now.tzinfo is None:
        now = now.replace(tzinfo=timefmt.ZONE)
    return now >= lock_at


def ensure_open(db, event_id: int) -> dict:
    """Raise WeekLocked when the event no longer accepts unit writes; returns the event."""
    event = get_by_id(db, event_id)
    if event is None:
        raise ValueError(f"unknown event {event_id}")
    if is_locked(event):
        raise WeekLocked(texts.WEEK_LOCKED.format(lock_at=timefmt.local(event["lock_at"])))
    return event


def slogans(db, event_id: int) -> list[dict]:
    return list(db.query("select number, text from slogans where event_id = ? order by number",
                         [event_id]))


def targets(db, event_id: int) -> list[dict]:
    return list(db.query("select * from targets where event_id = ? order by id", [event_id]))
