"""Text hygiene: everything stored is NFC, so 'ệ' typed on any keyboard is one string, and
free of control characters (other than line feed and tab), which no reader shows and which
openpyxl refuses to write (Word pastes \x0b for a manual line break).

`clean()` is the one entry rule: forms, imports, the command line and the admin's fields all
pass their text through it (core/entry_rules.py, core/validation.py, db/users.py, db/units.py
and the other db/ writers call it)."""
import re
import unicodedata

# Line and page separators typed or pasted as a line break become one: VT, FF, CR, NEL,
# LINE SEPARATOR, PARAGRAPH SEPARATOR.
_LINE_BREAKS = re.compile("\r\n|[\x0b\x0c\r\x85\u2028\u2029]")
# C0 (except \t and \n), DEL and C1: removed. So are the bidi embeddings, overrides and
# isolates (U+202A–U+202E, U+2066–U+2069): Vietnamese never needs them, and a U+202E in a
# unit's name shows it reversed ("Trojan source") on every page, list and PDF.
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def strip_controls(text: str) -> str:
    """Line-break look-alikes become \\n, every other control character but \\t goes, and
    so do the bidi overrides."""
    return _CONTROL.sub("", _LINE_BREAKS.sub("\n", text))


def nfc(value):
    """NFC-normalise a string, or every string inside a dict/list/tuple."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, dict):
        return {k: nfc(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(nfc(v) for v in value)
    return value


def clean(value) -> str:
    """NFC, control characters removed (see strip_controls), outer whitespace trimmed;
    None becomes ''."""
    return strip_controls(nfc(str(value if value is not None else ""))).strip()


def fold(value: str) -> str:
    """Lower-case, accents removed and đ→d: for searching 'ha noi' or 'da' in Vietnamese."""
    decomposed = unicodedata.normalize("NFD", clean(value).lower().replace("đ", "d"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
