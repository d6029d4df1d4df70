"""One way to show a moment to people: Hà Nội time, dd/mm/yyyy HH:MM.

Stored moments are ISO strings: with an offset (`now_iso()`: created_at, submitted_at,
last_login_at, the audit log) they are converted to Asia/Ho_Chi_Minh; without one (the
admin's lock time, the opening ceremony) they are wall-clock times typed in Hà Nội and
shown as they are."""
from datetime import date, datetime
from zoneinfo import ZoneInfo

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")
FORMAT = "%d/%m/%Y %H:%M"


def to_local(value) -> datetime | None:
    """An ISO string or datetime -> a naive Hà Nội wall-clock datetime (None for empty)."""
    if value in (None, ""):
        return None
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    if moment.tzinfo is not None:
        try:
            moment = moment.astimezone(ZONE).replace(tzinfo=None)
        except OverflowError:  # year 1 or 9999 stored by an older release: shown as is
            moment = moment.replace(tzinfo=None)
    return moment


def local(value, *, seconds: bool = False, empty: str = "") -> str:
    """'2026-11-28T23:13:32+00:00' -> '29/11/2026 06:13'; None or '' -> `empty`."""
    moment = to_local(value)
    if moment is None:
        return empty
    return moment.strftime(FORMAT + (":%S" if seconds else ""))


def day(value) -> str:
    """A date (or the date part of an ISO string) as dd/mm/yyyy."""
    if value in (None, ""):
        return ""
    if isinstance(value, datetime):
        value = to_local(value).date()
    elif not isinstance(value, date):
        text = str(value)
        value = to_local(text).date() if "T" in text else date.fromisoformat(text[:10])
    return value.strftime("%d/%m/%Y")


def clock(value) -> str:
    """Only the time of day, HH:MM, in Hà Nội."""
    moment = to_local(value)
    return moment.strftime("%H:%M") if moment else ""


def now_local() -> datetime:
    return datetime.now(ZONE).replace(tzinfo=None)
