"""Validation rules shared by forms, imports and the command line. Pure functions:
each returns {field: Vietnamese message}; empty means valid."""
import re

from core import reference as ref
from core import texts
from core.text import clean

UNIT_CODE_PATTERN = re.compile(r"^[A-Za-z0-9._-]{1,40}$")
EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
UNIT_COLUMNS = ["code", "name", "kind", "tier", "ward_code", "email", "phone"]
UNIT_NAME_MAX = 200  # a name longer than this breaks every table and list (issue 25 item 4)
CONTACT_MAX = 120   # e-mail, phone


def unit_errors(row: dict, areas: dict | None = None) -> dict[str, str]:
    """Rules for one unit (form or import row). `row` holds cleaned strings. `areas`: the
    area codes a unit's default area may take (db/areas.registry_names: every area of
    every week); None: 2020's wards."""
    errors = {}
    code, kind, tier = clean(row.get("code")), clean(row.get("kind")), clean(row.get("tier"))
    ward = clean(row.get("ward_code"))
    if not UNIT_CODE_PATTERN.match(code):
        errors["code"] = texts.UNIT_CODE_INVALID
    name = clean(row.get("name"))
    if not name:
        errors["name"] = texts.UNIT_NAME_REQUIRED
    elif len(name) > UNIT_NAME_MAX:
        errors["name"] = texts.UNIT_NAME_TOO_LONG.format(length=len(name), max=UNIT_NAME_MAX)
    if kind not in ref.KIND_NAMES:
        errors["kind"] = texts.KIND_UNKNOWN.format(kind=kind)
    elif kind == "school" and not tier:
        errors["tier"] = texts.TIER_REQUIRED
    elif kind != "school" and tier:
        errors["tier"] = texts.TIER_ONLY_SCHOOL
    if tier and tier not in ref.TIER_NAMES:
        errors["tier"] = texts.TIER_UNKNOWN.format(tier=tier)
    if ward and ward not in (ref.WARD_NAMES if areas is None else areas):
        errors["ward_code"] = texts.WARD_UNKNOWN.format(ward=ward)
    email = clean(row.get("email"))
    if email and not EMAIL_PATTERN.match(email):
        errors["email"] = texts.EMAIL_INVALID
    for fld in ("email", "phone"):
        if fld not in errors and len(clean(row.get(fld))) > CONTACT_MAX:
            errors[fld] = texts.UNIT_FIELD_TOO_LONG.format(max=CONTACT_MAX)
    return errors


def unit_record(row: dict) -> dict:
    """The cleaned values of a valid unit row, as stored."""
    return {
        "code": clean(row.get("code")),
        "name": clean(row.get("name")),
        "kind": clean(row.get("kind")),
        "tier": clean(row.get("tier")) or None,
        "ward_code": clean(row.get("ward_code")) or None,
        "email": clean(row.get("email")) or None,
        "phone": clean(row.get("phone")) or None,
    }


# Characters never accepted in a link: whitespace and the ones that end or open markdown /
# HTML syntax, so a stored link can never break out of `[text](link)` or an attribute.
URL_FORBIDDEN = re.compile(r"[\s()\[\]<>\"'`\\{}|^]")
URL_HOST = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$|^localhost$|"
                      r"^\d{1,3}(?:\.\d{1,3}){3}$", re.I)
URL_MAX = 500


def url_ok(value: str) -> bool:
    """A strict web address: http or https, a real host name (or an IPv4 address), no
    user:password@ part, no whitespace or any of ()[]<>"'`\\{}|^, at most 500 characters."""
    from urllib.parse import urlsplit

    if not value or len(value) > URL_MAX or URL_FORBIDDEN.search(value):
        return False
    if any(ord(ch) < 32 or 127 <= ord(ch) < 160 for ch in value):
        return False
    try:
        parts = urlsplit(value)
        port = parts.port  # raises on a bad port
    except ValueError:
        return False
    host = parts.hostname or ""
    try:
        host = host.encode("idna").decode("ascii")  # trường.vn -> xn--...
    except UnicodeError:
        return False
    return (parts.scheme in ("http", "https") and value.lower().startswith(parts.scheme + "://")
            and "@" not in parts.netloc and bool(URL_HOST.match(host))
            and (port is None or 0 < port < 65536))
