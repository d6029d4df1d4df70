"""Before/after of one audit entry as rows a person can read: only what changed."""
import json


def _load(value):
    if value in (None, ""):
        return None
    try:
        return json.loads(value)
    except (TypeError, ValueError):
        return value  # stored as plain text: show it as it is


def changes(before_json, after_json) -> list[dict]:
    """[{"field", "before", "after"}] for every field that differs (all fields of a create
    or delete). Values are shown as text; lists and dicts as compact JSON."""
    before, after = _load(before_json), _load(after_json)
    if not isinstance(before, dict) and not isinstance(after, dict):
        if before == after:
            return []
        return [{"field": "", "before": _text(before), "after": _text(after)}]
    before, after = before if isinstance(before, dict) else {}, \
        after if isinstance(after, dict) else {}
    fields = list(dict.fromkeys([*before, *after]))
    return [{"field": f, "before": _text(before.get(f)), "after": _text(after.get(f))}
            for f in fields if before.get(f) != after.get(f)]


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def detail_text(detail_json) -> str:
    detail = _load(detail_json)
    if isinstance(detail, dict):
        return "; ".join(f"{k}: {_text(v)}" for k, v in detail.items())
    return _text(detail)
