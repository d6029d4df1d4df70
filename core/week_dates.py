"""A week's dates moved to another year on the same weekdays (manage.py new-week, «Năm
sau»): the start keeps its ISO week number and weekday (Friday of week 40: 02/10/2020,
08/10/2021, 02/10/2026), so copying a week year after year never drifts, and the start
stays within the same seven-day window of the calendar. Every date of the week moves by
the same number of days, so its length and weekdays stay."""
from datetime import date, datetime, timedelta

DATE_FIELDS = ("start_date", "end_date", "opening_time")


def shift_days(start: str, year: int) -> int:
    """Days to add to `start` (ISO date) so it falls on the same ISO week and weekday of
    `year` (week 53 in a year that has 52: week 52)."""
    old = date.fromisoformat(str(start)[:10])
    _y, week, weekday = old.isocalendar()
    try:
        new = date.fromisocalendar(year, week, weekday)
    except ValueError:
        new = date.fromisocalendar(year, 52, weekday)
    return (new - old).days


def moved(value: str | None, days: int) -> str | None:
    """An ISO date or date-time `days` later (None stays None)."""
    if not value:
        return None
    if "T" in str(value):
        moment = datetime.fromisoformat(str(value)) + timedelta(days=days)
        return moment.isoformat(timespec="minutes")
    return (date.fromisoformat(str(value)) + timedelta(days=days)).isoformat()


def moved_dates(event: dict, year: int) -> dict[str, tuple[str | None, str | None]]:
    """{field: (old, new)} of the week's dates moved to `year` (DATE_FIELDS present)."""
    days = shift_days(event["start_date"], year)
    return {name: (event.get(name), moved(event.get(name), days))
            for name in DATE_FIELDS if name in event}
