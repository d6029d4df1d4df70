"""One way to show a moment to people: Hà Nội time, dd/mm/yyyy HH:MM. The only place that
turns a moment into words for a page, a file or a message (issue 20: the dashboard's clock
was the server's UTC); and the only clock for stamps (now_iso, now_local).

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


def local_date(value) -> date | None:
    """A stamp's day in Hà Nội (a date as it is); None for empty. Files write days from
    stamps through it: the first ten characters of a UTC stamp are not Hà Nội's day."""
    if value in (None, ""):
        return None
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    text = str(value)
    if isinstance(value, datetime) or "T" in text:
        return to_local(value).date()
    return date.fromisoformat(text[:10])


def clock(value, *, seconds: bool = False) -> str:
    """Only the time of day, HH:MM (HH:MM:SS), in Hà Nội."""
    moment = to_local(value)
    return moment.strftime("%H:%M" + (":%S" if seconds else "")) if moment else ""


def short(value) -> str:
    """HH:MM dd/mm in Hà Nội (the dashboard's feed)."""
    moment = to_local(value)
    return moment.strftime("%H:%M %d/%m") if moment else ""


def now_local() -> datetime:
    """Hà Nội wall-clock time now (naive), whatever the server's own time zone."""
    return datetime.now(ZONE).replace(tzinfo=None)


def now_iso() -> str:
    """The stamp stored on rows: Hà Nội time with its offset (+07:00). A stamp's first ten
    characters are then Hà Nội's day, which the per-day figures compare (a server on UTC
    stamped 06:00 in Hà Nội as the day before)."""
    return datetime.now(ZONE).isoformat(timespec="seconds")


def file_stamp(moment: datetime | None = None) -> str:
    """YYYYmmdd-HHMMSS of Hà Nội time, for file names (backups)."""
    return (moment or now_local()).strftime("%Y%m%d-%H%M%S")
