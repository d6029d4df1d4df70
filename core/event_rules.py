"""Rules for the week's settings (admin): pure functions shared by the settings page, the
data layer and the tests. Each *_errors function returns {field: Vietnamese message};
empty means valid. Dates are ISO strings ("2020-10-02"), times "2020-10-02T07:00"."""
import re
from datetime import date, datetime

from core import reference as ref
from core import texts
from core.text import clean

EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
SLOGAN_COUNT = 8
METRICS = ("activities", "education_activities", "propaganda_entries")
REFRESH_MIN, REFRESH_MAX = 5, 3600

# The general settings' texts. The document header, the signer block and the report e-mail
# (issuer_line1/2, signer_*, report_email) are the organiser profile's: edited and validated
# only there (core/organiser.py PROFILE_FIELDS and profile_errors, the «Đơn vị tổ chức» tab),
# so that two forms never write the same columns.
REQUIRED_TEXT = ("title",)
OPTIONAL_TEXT = ("theme", "opening_place", "plan_number")
SETTINGS_FIELDS = ("year", "title", "theme", "start_date", "end_date", "opening_time",
                   "opening_place", "plan_number", "plan_date", "refresh_seconds", "lock_at")


def parse_date(value) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(clean(value))
    except ValueError:
        return None


def parse_datetime(value) -> datetime | None:
    if isinstance(value, datetime):
        return value.replace(second=0, microsecond=0, tzinfo=None)
    text = clean(value)
    if len(text) < 16:  # a date alone is not a time
        return None
    try:
        return datetime.fromisoformat(text).replace(second=0, microsecond=0, tzinfo=None)
    except ValueError:
        return None


def _int(value) -> int | None:
    try:
        return int(clean(value))
    except ValueError:
        return None


def settings_errors(fields: dict) -> dict[str, str]:
    """Everything about one event except slogans and targets."""
    errors = {}
    year = _int(fields.get("year"))
    if year is None or not 2000 <= year <= 2100:
        errors["year"] = texts.EVT_YEAR_INVALID
    for name in REQUIRED_TEXT:
        if not clean(fields.get(name)):
            errors[name] = texts.EVT_REQUIRED
    start, end = parse_date(fields.get("start_date")), parse_date(fields.get("end_date"))
    if start is None:
        errors["start_date"] = texts.EVT_DATE_INVALID
    if end is None:
        errors["end_date"] = texts.EVT_DATE_INVALID
    if start and end and end < start:
        errors["end_date"] = texts.EVT_END_BEFORE_START
    if start and year and start.year != year:
        errors["start_date"] = texts.EVT_DATE_NOT_IN_YEAR.format(year=year)
    if clean(fields.get("opening_time")):
        opening = parse_datetime(fields.get("opening_time"))
        if opening is None:
            errors["opening_time"] = texts.EVT_DATETIME_INVALID
        elif start and end and not start <= opening.date() <= end:
            errors["opening_time"] = texts.EVT_OPENING_OUTSIDE_WEEK
    if clean(fields.get("plan_date")):
        plan_date = parse_date(fields.get("plan_date"))
        if plan_date is None:
            errors["plan_date"] = texts.EVT_DATE_INVALID
        elif end and plan_date > end:
            errors["plan_date"] = texts.EVT_PLAN_AFTER_END
    refresh = _int(fields.get("refresh_seconds"))
    if refresh is None or not REFRESH_MIN <= refresh <= REFRESH_MAX:
        errors["refresh_seconds"] = texts.EVT_REFRESH_INVALID.format(low=REFRESH_MIN,
                                                                    high=REFRESH_MAX)
    if clean(fields.get("lock_at")):
        errors.update(lock_errors(fields.get("lock_at"), end))
    return errors


def lock_errors(lock_at, end: date | None) -> dict[str, str]:
    """The lock comes after the week: on the last day (at a chosen hour) or later."""
    when = parse_datetime(lock_at)
    if when is None:
        return {"lock_at": texts.EVT_DATETIME_INVALID}
    if end and when.date() < end:
        return {"lock_at": texts.EVT_LOCK_BEFORE_END.format(end=end.strftime("%d/%m/%Y"))}
    return {}


def settings_record(fields: dict) -> dict:
    """The cleaned values of valid settings, as stored."""
    record = {name: clean(fields.get(name)) for name in REQUIRED_TEXT + OPTIONAL_TEXT}
    for name in OPTIONAL_TEXT:
        record[name] = record[name] or ("" if name == "theme" else None)
    record["year"] = int(clean(fields["year"]))
    record["start_date"] = parse_date(fields["start_date"]).isoformat()
    record["end_date"] = parse_date(fields["end_date"]).isoformat()
    opening = parse_datetime(fields.get("opening_time"))
    record["opening_time"] = opening.isoformat(timespec="minutes") if opening else None
    plan_date = parse_date(fields.get("plan_date")) if clean(fields.get("plan_date")) else None
    record["plan_date"] = plan_date.isoformat() if plan_date else None
    record["refresh_seconds"] = int(clean(fields["refresh_seconds"]))
    lock_at = parse_datetime(fields.get("lock_at"))
    record["lock_at"] = lock_at.isoformat(timespec="minutes") if lock_at else None
    return record


def slogan_errors(slogans: list) -> dict[str, str]:
    errors = {}
    if len(slogans) != SLOGAN_COUNT:
        return {"slogans": texts.EVT_SLOGAN_COUNT.format(count=SLOGAN_COUNT)}
    for number, text in enumerate(slogans, start=1):
        if not clean(text):
            errors[f"slogan_{number}"] = texts.EVT_SLOGAN_EMPTY.format(number=number)
    return errors


def target_errors(rows: list[dict]) -> dict[str, str]:
    """Targets: per unit kind (or all units) and tier, a minimum of one metric."""
    errors = {}
    for number, row in enumerate(rows, start=1):
        problems = []
        kind, tier = clean(row.get("unit_kind")), clean(row.get("tier"))
        if kind and kind not in ref.KIND_NAMES:
            problems.append(texts.KIND_UNKNOWN.format(kind=kind))
        if tier and tier not in ref.TIER_NAMES:
            problems.append(texts.TIER_UNKNOWN.format(tier=tier))
        elif tier and kind != "school":
            problems.append(texts.EVT_TARGET_TIER_NEEDS_SCHOOL)
        if clean(row.get("metric")) not in METRICS:
            problems.append(texts.EVT_TARGET_METRIC)
        minimum = _int(row.get("minimum"))
        if minimum is None or minimum < 0:
            problems.append(texts.EVT_TARGET_MINIMUM)
        if not clean(row.get("label")):
            problems.append(texts.EVT_TARGET_LABEL)
        if problems:
            errors[f"target_{number}"] = texts.EVT_TARGET_ROW.format(
                number=number, problems="; ".join(problems))
    return errors


def target_record(row: dict) -> dict:
    return {"unit_kind": clean(row.get("unit_kind")) or None,
            "tier": clean(row.get("tier")) or None,
            "metric": clean(row.get("metric")),
            "minimum": int(clean(row.get("minimum"))),
            "label": clean(row.get("label"))}


def shift_year(value: str | None, years: int = 1) -> str | None:
    """The same calendar day `years` later (29 Feb becomes 28 Feb)."""
    if not value:
        return None
    if "T" in value:
        moment = datetime.fromisoformat(value)
        day = _shift_date(moment.date(), years)
        return datetime.combine(day, moment.time()).isoformat(timespec="minutes")
    return _shift_date(date.fromisoformat(value), years).isoformat()


def _shift_date(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


# The week's texts that may name its year ("… năm 2020"): when the year changes (the general
# settings, `manage.py settings set year …`, or «Năm sau») the old year in them becomes the new.
YEAR_TEXTS = ("title", "theme", "opening_place")


def replace_year(text: str | None, old_year: int, new_year: int) -> str | None:
    """`old_year` as a standalone 4-digit number -> `new_year` ('năm 2020' -> 'năm 2026';
    '12020' and '20201' are left alone)."""
    if not text:
        return text
    return re.sub(rf"(?<!\d){int(old_year):04d}(?!\d)", str(int(new_year)), text)


def year_in_texts(record: dict, old_year: int, new_year: int) -> dict[str, str]:
    """{field: new text} for the YEAR_TEXTS of `record` that name `old_year` (empty when the
    year is unchanged or no text names it)."""
    if int(old_year) == int(new_year):
        return {}
    changed = {}
    for name in YEAR_TEXTS:
        text = record.get(name)
        new_text = replace_year(text, old_year, new_year)
        if new_text != text:
            changed[name] = new_text
    return changed


def next_year_title(title: str, old_year: int, new_year: int) -> str:
    """'... năm 2020' becomes '... năm 2021'; a title without the year gets it appended."""
    new_title = replace_year(title, old_year, new_year)
    if new_title != title:
        return new_title
    return f"{title} năm {new_year}"
