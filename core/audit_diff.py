"""Before/after of one audit entry as rows a person can read: only what changed, every
field by its Vietnamese name and every value in words («Đơn vị: Trường THCS …»,
«Dữ liệu mẫu: không», «29/11/2026 06:13») — never a column name or a stored code."""
import json
from dataclasses import dataclass, field

from core import numbers, texts, timefmt
from core import reference as ref

FLAGS = {"active", "is_sample", "deleted"}
MOMENTS = {"created_at", "updated_at", "reviewed_at", "decided_at", "submitted_at",
           "approved_at", "locked_until", "last_login_at", "lock_at", "opening_time", "until"}
DAYS = {"start_date", "end_date", "date", "plan_date"}
CODES = {"kind": ref.KIND_NAMES, "unit_kind": ref.KIND_NAMES, "tier": ref.TIER_NAMES,
         "ward_code": ref.WARD_NAMES, "type": ref.TYPE_NAMES, "format": ref.FORMAT_NAMES,
         "channel": ref.CHANNEL_NAMES, "category": ref.CATEGORY_NAMES,
         "model": ref.MODEL_NAMES, "role": ref.ROLE_NAMES, "nominee_kind": texts.NOM_KINDS,
         "metric": texts.SET_METRICS, "audiences": ref.AUDIENCE_NAMES,
         "grp": ref.GROUP_NAMES}
STATUS = {**texts.ENT_STATUS_NAMES, **texts.NOM_STATUS_NAMES, **texts.BUD_STATUS_NAMES}
USER_FIELDS = {"created_by", "updated_by", "reviewed_by", "decided_by", "submitted_by",
               "approved_by"}
UNIT_FIELDS = {"unit_id", "recipient_unit_id"}


@dataclass
class Names:
    """Ids the log stores, with the names to show (built by the page from the database)."""
    units: dict = field(default_factory=dict)
    users: dict = field(default_factory=dict)
    events: dict = field(default_factory=dict)
    # {field: {code: name}} over CODES: the registry's names of types and channels, so a
    # code a later week added shows its name too (db/catalogue)
    codes: dict = field(default_factory=dict)


def _load(value):
    if value in (None, ""):
        return None
    try:
        return json.loads(value)
    except (TypeError, ValueError):
        return value  # stored as plain text: show it as it is


def label(name: str) -> str:
    return texts.AUD_FIELDS.get(name, name)


def value_text(name: str, value, names: Names | None = None) -> str:
    """One stored value, in words."""
    names = names or Names()
    if value is None or value == "":
        return ""
    if name in FLAGS:
        return texts.YES_LOWER if value else texts.NO_LOWER
    if name in UNIT_FIELDS:
        return names.units.get(value, f"#{value}")
    if name in USER_FIELDS:
        return names.users.get(value, f"#{value}")
    if name == "event_id":
        return str(names.events.get(value, f"#{value}"))
    if name == "status":
        return STATUS.get(value, str(value))
    if name in CODES:
        codes = {**CODES[name], **names.codes.get(name, {})}
        if isinstance(value, list):
            return ", ".join(codes.get(v, str(v)) for v in value)
        return codes.get(value, str(value))
    if name in MOMENTS and isinstance(value, str):
        try:
            return timefmt.local(value)
        except ValueError:
            return value
    if name in DAYS and isinstance(value, str):
        try:
            return timefmt.day(value)
        except ValueError:
            return value
    if isinstance(value, bool):
        return texts.YES_LOWER if value else texts.NO_LOWER
    if isinstance(value, int) and name != "year":
        return numbers.integer(value)
    if isinstance(value, float):
        return numbers.plain(value)
    if isinstance(value, list):
        return ", ".join(value_text(name, v, names) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{label(k)}: {value_text(k, v, names)}" for k, v in value.items())
    return str(value)


def changes(before_json, after_json, names: Names | None = None) -> list[dict]:
    """[{"field", "before", "after"}] for every field that differs (all fields of a create
    or delete), each field by its Vietnamese name and each value in words."""
    before, after = _load(before_json), _load(after_json)
    if not isinstance(before, dict) and not isinstance(after, dict):
        if before == after:
            return []
        return [{"field": "", "before": value_text("", before, names),
                 "after": value_text("", after, names)}]
    before, after = before if isinstance(before, dict) else {}, \
        after if isinstance(after, dict) else {}
    fields = list(dict.fromkeys([*before, *after]))
    return [{"field": label(f), "before": value_text(f, before.get(f), names),
             "after": value_text(f, after.get(f), names)}
            for f in fields if before.get(f) != after.get(f) and f != "password_hash"]


def detail_text(detail_json, names: Names | None = None) -> str:
    detail = _load(detail_json)
    if isinstance(detail, dict):
        return "; ".join(f"{label(k)}: {value_text(k, v, names)}" for k, v in detail.items())
    return value_text("", detail, names)
