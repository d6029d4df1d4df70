"""The organiser of a week (issue 15): who holds it, at which level, and the words that
follow from that level. Pure data; db/organiser.py reads it from the event's row.

The profile is stored per event (columns of `events`, copied by "start next year"), so
an office's 2026 week can differ from its 2020 one. Every field a user leaves empty falls
back to the level's default, so a profile is never half-printed; and a profile is saved only
as a whole whose fields name one level (coherence_errors), so it never prints «thành phố»
under «UBND QUẬN»."""
import re
import unicodedata
from dataclasses import dataclass, field

# level code -> (the level's word for itself, its word for an area, the people's committee)
# "huyen" covers the districts that existed until 30/06/2025 (Ba Đình 2020's level).
LEVELS = {
    "xa": {"label": "Cấp xã/phường", "level_word": "phường", "area_word": "tổ dân phố",
           "office": "UBND {level}", "area_heads": "các {area}"},
    "huyen": {"label": "Cấp huyện/quận (trước 01/7/2025)", "level_word": "quận",
              "area_word": "phường", "office": "Phòng GD&ĐT {level}",
              "area_heads": "UBND các {area}"},
    "tinh": {"label": "Cấp tỉnh/thành phố", "level_word": "thành phố",
             "area_word": "xã, phường", "office": "Sở GD&ĐT",
             "area_heads": "UBND các {area}"},
}

# The columns of `events` that hold the profile beyond the older issuer/signer columns.
PROFILE_COLUMNS = [
    ("organiser_name", "text"),      # identity used by roll-up, e.g. "UBND quận Ba Đình"
    ("organiser_level", "text"),     # a key of LEVELS
    ("level_word", "text"),          # "quận" / "phường" / "thành phố" (empty: by level)
    ("area_word", "text"),           # "phường" / "tổ dân phố" / "xã, phường" (empty: by level)
    ("place_name", "text"),          # the date line's place: "Ba Đình, ngày …"
    ("recipients", "text"),          # "Nơi nhận", one per line
    ("committee_symbol", "text"),    # "BCĐXHHT", used in document numbers
]

BA_DINH_2020 = {
    "organiser_name": "UBND quận Ba Đình",
    "organiser_level": "huyen",
    "level_word": "quận",
    "area_word": "phường",
    "place_name": "Ba Đình",
    "recipients": "\n".join([
        "Sở GDĐT Hà Nội",
        "TT Quận ủy - TT HĐND quận",
        "Các đ/c lãnh đạo UBND quận",
        "Thành viên Ban chỉ đạo XHHT quận",
        "UBND 14 phường",
        "Lưu: VT",
    ]),
    "committee_symbol": "BCĐXHHT",
}


@dataclass(frozen=True)
class Organiser:
    name: str
    level: str
    level_word: str
    area_word: str
    place: str
    issuer_line1: str
    issuer_line2: str
    signer_for: str
    signer_title: str
    signer_name: str
    recipients: list[str] = field(default_factory=list)
    email: str = ""
    symbol: str = ""

    @property
    def level_label(self) -> str:
        return LEVELS.get(self.level, LEVELS["huyen"])["label"]

    def areas_phrase(self, count: int) -> str:
        """'14 phường' — the number of areas with the level's word for them."""
        return f"{count} {self.area_word}"


def _text(event: dict, key: str) -> str:
    return (event.get(key) or "").strip()


def from_event(event: dict) -> Organiser:
    """The profile of an event row; empty words fall back to the level's defaults."""
    level = _text(event, "organiser_level") or "huyen"
    defaults = LEVELS.get(level, LEVELS["huyen"])
    recipients = [line.strip() for line in (event.get("recipients") or "").splitlines()
                  if line.strip()]
    return Organiser(
        name=_text(event, "organiser_name") or _text(event, "issuer_line1"),
        level=level,
        level_word=_text(event, "level_word") or defaults["level_word"],
        area_word=_text(event, "area_word") or defaults["area_word"],
        place=_text(event, "place_name"),
        issuer_line1=_text(event, "issuer_line1"),
        issuer_line2=_text(event, "issuer_line2"),
        signer_for=event.get("signer_for") or "",
        signer_title=_text(event, "signer_title"),
        signer_name=_text(event, "signer_name"),
        recipients=recipients,
        email=_text(event, "report_email"),
        symbol=_text(event, "committee_symbol"),
    )


# --- words of the profile in documents and texts -------------------------------------------

def fill(text: str, org: Organiser, areas: int | None = None) -> str:
    """A text of core/texts.py with the profile's words: {level} (quận / phường / thành phố),
    {office} (the level's education office, "Phòng GD&ĐT quận"),
    {area} (phường / tổ dân phố / xã, phường) and {areas} ('14 phường', the event's count).
    Other placeholders are left for the caller's .format(); a text that is .format()ted
    before it is filled writes them doubled ({{area}}), which fill() also accepts."""
    text = text.replace("{{", "{").replace("}}", "}") if "{{" in text else text
    if "{office}" in text:  # who gives out accounts: "Phòng GD&ĐT quận"
        text = text.replace("{office}", LEVELS.get(org.level, LEVELS["huyen"])["office"])
    if "{area_heads}" in text:  # whom a proposal asks: "UBND các phường" / "các tổ dân phố"
        text = text.replace("{area_heads}", LEVELS.get(org.level, LEVELS["huyen"])["area_heads"])
    text = (text.replace("{level}", org.level_word).replace("{area}", org.area_word)
            .replace("{Level}", _capital(org.level_word))
            .replace("{Area}", _capital(org.area_word)))
    if areas is not None:
        text = text.replace("{areas}", org.areas_phrase(areas))
    return text


def _capital(word: str) -> str:
    return word[:1].upper() + word[1:]


def fill_all(value, org: Organiser, areas: int | None = None):
    """fill() through str, lists, tuples and dicts (a table's headers and rows)."""
    if isinstance(value, str):
        return fill(value, org, areas) if "{" in value else value
    if isinstance(value, list):
        return [fill_all(v, org, areas) for v in value]
    if isinstance(value, tuple):
        return tuple(fill_all(v, org, areas) for v in value)
    return value


class FilledDocument:
    """An OfficialDocument (core/pdf_layout.py) whose every text argument has the
    organiser's words filled in: the report's texts say {area} and {level}."""

    def __init__(self, doc, org: Organiser, areas: int | None = None):
        self._doc, self._org, self._areas = doc, org, areas

    def __getattr__(self, name):
        target = getattr(self._doc, name)
        if not callable(target):
            return target

        def call(*args, **kwargs):
            return target(*fill_all(args, self._org, self._areas),
                          **{k: fill_all(v, self._org, self._areas)
                             for k, v in kwargs.items()})
        return call


def _fold(text: str) -> str:
    from core.text import fold

    return " ".join(fold(text).split())


# the words before a place's own name in an organiser's name («UBND phường Phúc Xá»)
_PLACE_PREFIX = re.compile(r"^(?:(?:ubnd|ủy ban nhân dân|uỷ ban nhân dân)\s+)?"
                           r"(?:thành phố|thị xã|thị trấn|đặc khu|phường|xã|quận|huyện|tỉnh)\s+",
                           re.IGNORECASE)


def listed_profile(name: str, level: str) -> dict:
    """The profile a listed organiser's first empty week starts with (issue 24): its own
    name, level and words, a letterhead and signer's title that name it (coherent with
    the level, core.organiser.profile_errors), the place taken from its name. The signer's
    name and the recipients are left for its admin."""
    words = LEVELS[level]
    place = _PLACE_PREFIX.sub("", name.strip(), count=1).strip() or name.strip()
    return {"organiser_name": name, "organiser_level": level,
            "level_word": words["level_word"], "area_word": words["area_word"],
            "place_name": place, "issuer_line1": name.upper(),
            "issuer_line2": "BAN CHỈ ĐẠO XÂY DỰNG XHHT", "committee_symbol": "BCĐXHHT",
            "signer_for": "TM. BAN CHỈ ĐẠO\nTRƯỞNG BAN",
            "signer_title": f"PHÓ CHỦ TỊCH {name.upper()}"}


def place(org: Organiser, fallback: str = "") -> str:
    """The date line's place: the profile's, else `fallback` (an old heuristic)."""
    return org.place or fallback


def issuer_phrase(org: Organiser, body: str, fallback_suffix: str = "") -> str:
    """'Ban chỉ đạo xây dựng XHHT' + ' quận Ba Đình' (the level's word and the place), unless
    the issuer's own words already name the place. Without a place (an old backup) the
    caller's heuristic suffix is used."""
    if not org.place:
        return body + fallback_suffix
    if _fold(org.place) in _fold(body):
        return body
    return f"{body} {org.level_word} {org.place}".strip()


def superior(org: Organiser) -> tuple[str, str]:
    """Whom a Tờ trình goes to: ('UBND quận Ba Đình', 'UBND quận')."""
    return org.name, f"UBND {org.level_word}"


def document_number(kind: str, org: Organiser) -> str:
    """'…/BC-BCĐXHHT': the committee's symbol after the document kind."""
    return f"…/{kind}-{org.symbol}" if org.symbol else f"…/{kind}"


# --- the profile as the admin edits it (form and `manage.py settings set`) ------------------

# field -> the events column it is stored in; the order of the form
PROFILE_FIELDS = {
    "organiser_level": "organiser_level",
    "organiser_name": "organiser_name",
    "issuer_line1": "issuer_line1",
    "issuer_line2": "issuer_line2",
    "place_name": "place_name",
    "signer_for": "signer_for",
    "signer_title": "signer_title",
    "signer_name": "signer_name",
    "recipients": "recipients",
    "report_email": "report_email",
    "committee_symbol": "committee_symbol",
    "level_word": "level_word",
    "area_word": "area_word",
}
REQUIRED = ("organiser_level", "organiser_name", "issuer_line1", "issuer_line2", "place_name",
            "signer_for", "signer_title", "signer_name")
MAX_LENGTH = {"organiser_name": 120, "issuer_line1": 120, "issuer_line2": 120,
              "place_name": 60, "signer_for": 200, "signer_title": 120, "signer_name": 80,
              "report_email": 120, "committee_symbol": 30, "level_word": 30, "area_word": 30}
MAX_RECIPIENTS, MAX_RECIPIENT_LENGTH = 20, 200


def recipient_lines(value) -> list[str]:
    """'Nơi nhận' typed one per line (the form) or separated by ';' (the command line)."""
    if isinstance(value, (list, tuple)):
        lines = value
    else:
        lines = str(value or "").replace("\\n", "\n").replace(";", "\n").splitlines()
    return [" ".join(line.split()) for line in lines if line and line.strip()]


def follow_level(before: dict, record: dict) -> dict:
    """A level changed, its words kept as they were: words that were the old level's
    defaults follow the new level (stored empty), so a district's copied profile turned into
    a ward's says "tổ dân phố", not "phường"; a word the admin chose stays."""
    old = LEVELS.get(before.get("organiser_level") or "huyen", LEVELS["huyen"])
    if record.get("organiser_level") == before.get("organiser_level"):
        return record
    out = dict(record)
    for word in ("level_word", "area_word"):
        if (out.get(word) or "").strip() == old[word]:
            out[word] = ""
    return out


def profile_of(event: dict) -> dict:
    """The editable profile fields of an event row (recipients one per line)."""
    return {name: event.get(column) or "" for name, column in PROFILE_FIELDS.items()}


# --- the profile checked as a whole (issue 20): one level in every field ------------------

# an administrative word -> the levels it can name («thành phố» is a province-level city or
# a city of a province); longer words first, so «thị xã» is not read as «xã»
ADMIN_WORDS = {"thị trấn": {"xa"}, "thị xã": {"huyen"}, "thành phố": {"huyen", "tinh"},
               "tp.": {"huyen", "tinh"}, "tp": {"huyen", "tinh"}, "đặc khu": {"xa"},
               "phường": {"xa"}, "xã": {"xa"}, "quận": {"huyen"}, "huyện": {"huyen"},
               "tỉnh": {"tinh"},
               # abbreviations after the body: «UBND Q. Ba Đình», «UBND P.Hoàn Kiếm»
               "tx": {"huyen"}, "tt": {"xa"}, "q": {"huyen"}, "p": {"xa"}}
# the body a text names: «UBND QUẬN …», «Ủy ban nhân dân phường …», «CHỦ TỊCH UBND XÃ»;
# only after these words, so «Ban chỉ đạo xã hội hóa» names no level
_BODY = r"(?:ubnd|ủy ban nhân dân|uỷ ban nhân dân|hđnd|hội đồng nhân dân)"
# the fields whose words must agree with the level, in the form's order
COHERENT_FIELDS = ("organiser_name", "issuer_line1", "issuer_line2", "signer_for",
                   "signer_title", "level_word")


_NAMED_LEVEL = re.compile(
    rf"\b{_BODY}\s+({'|'.join(re.escape(word) for word in ADMIN_WORDS)})(?!\w)")
# the same words typed without accents («UBND QUAN BA DINH»), read on core.text.fold's text
_FOLDED_WORDS = {unicodedata.normalize("NFD", word.replace("đ", "d")): levels
                 for word, levels in ADMIN_WORDS.items()}
_FOLDED_WORDS = {"".join(ch for ch in word if not unicodedata.combining(ch)): levels
                 for word, levels in _FOLDED_WORDS.items()}
_FOLDED_LEVEL = re.compile(
    r"\b(?:ubnd|uy ban nhan dan|hdnd|hoi dong nhan dan)\s+("
    + "|".join(re.escape(word) for word in _FOLDED_WORDS) + r")(?!\w)")


def named_levels(text: str) -> tuple[str, set[str]] | None:
    """(the words as written, the levels they can name) of the first body with its level
    in `text` («UBND QUẬN BA ĐÌNH» -> ('UBND QUẬN', {'huyen'})); None when it names none.
    Invisible characters (a zero-width space pasted from a web page) are not read, and a
    text typed without accents is read too («UBND QUAN …» -> ('ubnd quan', {'huyen'}))."""
    from core.text import fold

    text = unicodedata.normalize("NFC", str(text or ""))
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    found = _NAMED_LEVEL.search(text.casefold())
    if found is None:
        folded = _FOLDED_LEVEL.search(fold(text))
        return (" ".join(folded.group(0).split()), _FOLDED_WORDS[folded.group(1)]) \
            if folded else None
    # casefold keeps the length of Vietnamese letters: the span is the words as written
    words = text[found.start():found.end()] if len(text.casefold()) == len(text) \
        else found.group(0)
    return " ".join(words.split()), ADMIN_WORDS[found.group(1)]


def coherence_errors(fields: dict) -> dict[str, str]:
    """{field: message} of the fields whose words name another level than the chosen one
    (tinh under «UBND QUẬN …», «PHÓ CHỦ TỊCH UBND QUẬN» for a ward, level word «quận» for a
    province), and on the level itself the list of those fields. `fields` as stored (the
    level words already following the level: see follow_level)."""
    from core import texts
    from core.text import clean

    level = clean(fields.get("organiser_level"))
    if level not in LEVELS:
        return {}
    errors = {}
    for name in COHERENT_FIELDS:
        value = clean(fields.get(name))
        if name == "level_word":
            levels = ADMIN_WORDS.get(value.casefold()) if value else None
            named = (value, levels) if levels else None
        else:
            named = named_levels(value)
        if named and level not in named[1]:
            errors[name] = texts.ORG_LEVEL_CONFLICT_FIELD.format(
                words=named[0], named=texts.ORG_LEVEL_OR.join(
                    texts.ORG_LEVEL_NAMES[code] for code in LEVELS if code in named[1]),
                level=texts.ORG_LEVEL_NAMES[level])
    if errors:
        errors["organiser_level"] = texts.ORG_LEVEL_CONFLICT.format(
            level=texts.ORG_LEVEL_NAMES[level],
            fields=", ".join(f"«{texts.ORG_FIELD_LABELS[name]}»" for name in errors))
    return errors


def profile_errors(fields: dict, before: dict | None = None) -> dict[str, str]:
    """{field: Vietnamese message}; empty means valid. `before`: the event row being
    changed — the level words then follow a changed level as they will when saved
    (follow_level) before the profile is checked as a whole."""
    from core import event_rules, texts
    from core.text import clean

    if before is not None:
        fields = follow_level(before, fields)
    errors = {}
    for name in REQUIRED:
        if not clean(fields.get(name)):
            errors[name] = texts.EVT_REQUIRED
    level = clean(fields.get("organiser_level"))
    if level and level not in LEVELS:
        errors["organiser_level"] = texts.ORG_LEVEL_INVALID.format(
            value=level, levels=", ".join(LEVELS))
    for name, limit in MAX_LENGTH.items():
        if name not in errors and len(clean(fields.get(name))) > limit:
            errors[name] = texts.ORG_TOO_LONG.format(max=limit)
    email = clean(fields.get("report_email"))
    if email and "report_email" not in errors and not event_rules.EMAIL_PATTERN.match(email):
        errors["report_email"] = texts.EMAIL_INVALID
    symbol = clean(fields.get("committee_symbol"))
    if symbol and "committee_symbol" not in errors and (
            " " in symbol or "/" in symbol or not any(ch.isalpha() for ch in symbol)):
        errors["committee_symbol"] = texts.ORG_SYMBOL_INVALID
    lines = recipient_lines(fields.get("recipients"))
    if len(lines) > MAX_RECIPIENTS:
        errors["recipients"] = texts.ORG_RECIPIENTS_TOO_MANY.format(max=MAX_RECIPIENTS)
    elif any(len(line) > MAX_RECIPIENT_LENGTH for line in lines):
        errors["recipients"] = texts.ORG_RECIPIENT_TOO_LONG.format(max=MAX_RECIPIENT_LENGTH)
    if not errors:  # one field at a time first: a whole is judged only from valid parts
        errors = coherence_errors(fields)
    return errors


def profile_record(fields: dict) -> dict:
    """The cleaned columns of a valid profile, as stored."""
    from core.text import clean

    record = {column: clean(fields.get(name)) for name, column in PROFILE_FIELDS.items()}
    record["recipients"] = "\n".join(recipient_lines(fields.get("recipients")))
    record["report_email"] = record["report_email"] or None
    return record
