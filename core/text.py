"""Text hygiene: everything stored is NFC, so 'ệ' typed on any keyboard is one string."""
import unicodedata


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
    """NFC, outer whitespace trimmed; None becomes ''."""
    return nfc(str(value if value is not None else "")).strip()


def fold(value: str) -> str:
    """Lower-case, accents removed and đ→d: for searching 'ha noi' or 'da' in Vietnamese."""
    decomposed = unicodedata.normalize("NFD", clean(value).lower().replace("đ", "d"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
