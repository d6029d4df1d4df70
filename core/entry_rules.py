"""Validation of what units log: activities, propaganda, learning-model counts, nominations.

Pure functions shared by the forms, the file imports and the command line, so a rule holds
whatever the way in. Each `check_*` takes raw values (form values or cleaned import cells)
and returns `(record, errors)`: the values as stored, and {field: Vietnamese message}.
The record is meaningful only when `errors` is empty.
"""
import re
from dataclasses import dataclass
from datetime import date, datetime

from core import reference as ref
from core import texts, timefmt
from core.text import clean

TITLE_MAX = 200
TEXT_MAX = 10_000  # a long report pasted from a document fits; more is a mistake
URL_MAX = 500
COUNT_MAX = 1_000_000  # more people than the district has is a typo, not a report
DATE_PATTERNS = ("%Y-%m-%d", "%d/%m/%Y")


@dataclass(frozen=True)
class Week:
    start: date
    end: date

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end


def week_of(event: dict) -> Week:
    return Week(date.fromisoformat(event["start_date"]), date.fromisoformat(event["end_date"]))


def default_day(week: Week, today: date | None = None) -> date:
    """Today while the week runs, else its first day."""
    today = today or timefmt.now_local().date()  # Hà Nội's day, not the server's
    return today if week.contains(today) else week.start


def fmt_day(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def parse_date(value) -> date | None:
    """A date from a date object, 'YYYY-MM-DD' or 'dd/mm/yyyy'; None when impossible
    (31/02/2020 included)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = clean(value)
    for pattern in DATE_PATTERNS:
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def parse_count(value, *, empty=0) -> int | None:
    """A non-negative whole number from an int or text ('1.200' and '1 200' accepted as
    Vietnamese-style thousands); None when not one."""
    if value is None or (isinstance(value, str) and not clean(value)):
        return empty
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value >= 0 else None
    if isinstance(value, float):
        return int(value) if value.is_integer() and value >= 0 else None
    text = re.sub(r"[\s.]", "", clean(value)) if re.fullmatch(
        r"\d{1,3}([ .]\d{3})+", clean(value)) else clean(value)
    return int(text) if text.isdigit() else None


def split_list(value) -> list[str]:
    """A list from a list/tuple or from text separated by ';' (or ',')."""
    if value is None:
        return []
    if isinstance(value, (list, tuple, set)):
        return [clean(v) for v in value if clean(v)]
    return [clean(v) for v in re.split(r"[;,]", clean(value)) if clean(v)]


def url_ok(value: str) -> bool:
    from core.validation import url_ok as strict_url_ok  # one rule (issue 10)

    return strict_url_ok(value)


# --- field helpers: each adds at most one message to `errors` ----------------------------

def _text(raw, field, errors, *, required_message=None, limit=TEXT_MAX) -> str:
    value = clean(raw.get(field))
    if required_message and not value:
        errors[field] = required_message
    elif len(value) > limit:
        errors[field] = texts.ENT_TOO_LONG.format(max=limit, length=len(value))
    return value


def _code(raw, field, names: dict, message: str, errors) -> str:
    value = clean(raw.get(field))
    if value not in names:
        errors[field] = message.format(value=value)
    return value


def _count(raw, field, errors) -> int:
    value = parse_count(raw.get(field))
    if value is None:
        errors[field] = texts.ENT_COUNT_INVALID.format(value=clean(raw.get(field)))
        return 0
    if value > COUNT_MAX:
        errors[field] = texts.ENT_COUNT_TOO_BIG.format(max=f"{COUNT_MAX:,}".replace(",", "."))
    return value


def _ward(raw, default_ward, errors, areas=None) -> str | None:
    """`areas`: the event's {code: name} (db/areas.names_for); None: 2020's wards."""
    value = clean(raw.get("ward_code")) or default_ward
    if not value:
        errors["ward_code"] = texts.ENT_WARD_REQUIRED
    elif value not in (ref.WARD_NAMES if areas is None else areas):
        errors["ward_code"] = texts.ENT_WARD_UNKNOWN.format(value=value)
    return value or None


def _day(raw, field, week, confirm_outside, errors, outside_message=None) -> date | None:
    value = raw.get(field)
    if value is None or (isinstance(value, str) and not clean(value)):
        errors[field] = texts.ENT_DATE_REQUIRED
        return None
    day = parse_date(value)
    if day is None:
        errors[field] = texts.ENT_DATE_INVALID.format(value=clean(value))
    elif not week.contains(day) and not confirm_outside:
        message = outside_message or texts.ENT_DATE_OUTSIDE
        errors[field] = message.format(value=fmt_day(day), start=fmt_day(week.start),
                                       end=fmt_day(week.end))
    return day


def _link(raw, field, errors) -> str | None:
    value = clean(raw.get(field))
    if value and not url_ok(value):
        errors[field] = texts.ENT_URL_INVALID
    return value or None


# --- the entries ---------------------------------------------------------------------------

def check_activity(raw: dict, week: Week, *, default_ward: str | None = None,
                   confirm_outside: bool = False, outside_message: str | None = None,
                   types: dict | None = None, areas: dict | None = None) -> tuple[dict, dict]:
    """`outside_message` replaces the form's hint for a date outside the week (imports
    have no checkbox). `types`: {code: name} of the event's catalogue (db/catalogue; the
    2020 plan's when not given): a type outside it is refused."""
    errors: dict[str, str] = {}
    record = {
        "ward_code": _ward(raw, default_ward, errors, areas),
        "type": _code(raw, "type", ref.TYPE_NAMES if types is None else types,
                      texts.ENT_TYPE_UNKNOWN, errors),
        "title": _text(raw, "title", errors, required_message=texts.ENT_TITLE_REQUIRED,
                       limit=TITLE_MAX),
        "description": _text(raw, "description", errors),
        "format": _code(raw, "format", ref.FORMAT_NAMES, texts.ENT_FORMAT_UNKNOWN, errors),
        "participants": _count(raw, "participants", errors),
        "online_participants": _count(raw, "online_participants", errors),
        "evidence_url": _link(raw, "evidence_url", errors),
    }
    start = _day(raw, "start_date", week, confirm_outside, errors, outside_message)
    end_raw = raw.get("end_date")
    if end_raw is None or (isinstance(end_raw, str) and not clean(end_raw)):
        end = start  # a one-day activity may leave the end date empty
    else:
        end = _day(raw, "end_date", week, confirm_outside, errors, outside_message)
    if start and end and end < start and "end_date" not in errors:
        errors["end_date"] = texts.ENT_END_BEFORE_START.format(end=fmt_day(end),
                                                               start=fmt_day(start))
    record["start_date"] = start.isoformat() if start else None
    record["end_date"] = end.isoformat() if end else None
    if not {"participants", "online_participants"} & errors.keys() and \
            record["online_participants"] > record["participants"]:
        errors["online_participants"] = texts.ENT_ONLINE_OVER_TOTAL.format(
            online=record["online_participants"], total=record["participants"])
    if record["format"] == "truc_tiep" and record["online_participants"] and \
            "online_participants" not in errors:
        errors["online_participants"] = texts.ENT_ONLINE_BUT_IN_PERSON
    audiences = split_list(raw.get("audiences"))
    unknown = [a for a in audiences if a not in ref.AUDIENCE_NAMES]
    if unknown:
        errors["audiences"] = texts.ENT_AUDIENCE_UNKNOWN.format(value=", ".join(unknown))
    # stored in the catalogue's order, each once
    record["audiences"] = [a for a in ref.AUDIENCE_NAMES if a in audiences]
    return record, errors


def check_propaganda(raw: dict, week: Week, *, default_ward: str | None = None,
                     confirm_outside: bool = False, outside_message: str | None = None,
                     channels: dict | None = None, areas: dict | None = None
                     ) -> tuple[dict, dict]:
    """`channels`: {code: name} of the event's catalogue (the plan's when not given);
    `areas`: the event's {code: name} (2020's wards when not given)."""
    errors: dict[str, str] = {}
    record = {
        "ward_code": _ward(raw, default_ward, errors, areas),
        "channel": _code(raw, "channel", ref.CHANNEL_NAMES if channels is None else channels,
                         texts.ENT_CHANNEL_UNKNOWN, errors),
        "quantity": _count(raw, "quantity", errors),
        "link": _link(raw, "link", errors),
        "note": _text(raw, "note", errors),
    }
    if "quantity" not in errors and record["quantity"] < 1:
        errors["quantity"] = texts.ENT_QUANTITY_MIN
    day = _day(raw, "date", week, confirm_outside, errors, outside_message)
    record["date"] = day.isoformat() if day else None
    numbers, bad = set(), []
    for item in split_list(raw.get("slogans")):
        number = parse_count(item, empty=None)
        if number is None or not 1 <= number <= len(ref.SLOGANS):
            bad.append(str(item))
        else:
            numbers.add(number)
    if bad:
        errors["slogans"] = texts.ENT_SLOGAN_UNKNOWN.format(value=", ".join(bad),
                                                            max=len(ref.SLOGANS))
    record["slogans"] = sorted(numbers)
    return record, errors


def check_model_counts(values: dict) -> tuple[dict, dict]:
    """values: {model: {"registered": n, "recognised": m}} -> per-model errors keyed
    'model.registered' / 'model.recognised'."""
    errors: dict[str, str] = {}
    record = {}
    for model, raw in values.items():
        if model not in ref.MODEL_NAMES:
            errors[model] = texts.LM_MODEL_UNKNOWN.format(value=model)
            continue
        counts = {}
        for field in ("registered", "recognised"):
            counts[field] = parse_count(raw.get(field))
            if counts[field] is None or counts[field] > COUNT_MAX:
                errors[f"{model}.{field}"] = texts.ENT_COUNT_INVALID.format(
                    value=clean(raw.get(field)))
        if f"{model}.registered" not in errors and f"{model}.recognised" not in errors and \
                counts["recognised"] > counts["registered"]:
            errors[f"{model}.recognised"] = texts.LM_RECOGNISED_OVER.format(**counts)
        record[model] = counts
    return record, errors


def check_nomination(raw: dict, areas: dict | None = None) -> tuple[dict, dict]:
    errors: dict[str, str] = {}
    record = {
        "nominee_kind": _code(raw, "nominee_kind", texts.NOM_KINDS, texts.NOM_KIND_INVALID,
                              errors),
        "nominee_name": _text(raw, "nominee_name", errors,
                              required_message=texts.NOM_NAME_REQUIRED, limit=TITLE_MAX),
        "category": _code(raw, "category", ref.CATEGORY_NAMES, texts.NOM_CATEGORY_UNKNOWN,
                          errors),
        "achievement": _text(raw, "achievement", errors,
                             required_message=texts.NOM_ACHIEVEMENT_REQUIRED),
    }
    ward = clean(raw.get("ward_code"))
    if ward and ward not in (ref.WARD_NAMES if areas is None else areas):
        errors["ward_code"] = texts.ENT_WARD_UNKNOWN.format(value=ward)
    record["ward_code"] = ward or None
    return record, errors
