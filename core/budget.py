"""Budget estimate (dự trù kinh phí): rules for one line, status names, VND formatting.
Pure functions shared by the budget page, the PDF, the XLSX and the data layer. The
amount of a line is computed by the database (budget_lines.amount, a generated column);
nothing here recomputes it for display."""
import re

from core import numbers, texts
from core.text import clean

STATUSES = ("draft", "submitted", "approved")
MAX_QUANTITY = 1_000_000
MAX_UNIT_PRICE = 100_000_000_000  # 100 tỷ đồng: far above any line of a district week
LINE_FIELDS = ("item", "activity_ref", "quantity", "measure", "unit_price", "note")
# Whole đồng, optionally grouped by three: 1500000, 1.500.000, 1 500 000, 1,500,000.
_VND = re.compile(r"^(\d+|\d{1,3}([.\s,_]\d{3})+)$")


def parse_quantity(value) -> float | None:
    """A quantity such as 2, 1.5 or the Vietnamese 1,5."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    text = clean(value).replace(",", ".")
    try:
        return float(text) if text else None
    except ValueError:
        return None


def parse_vnd(value) -> int | None:
    """Whole đồng: 1500000, '1.500.000', '1 500 000 đ'. Decimals are not đồng."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else None
    text = clean(value).lower().removesuffix("vnd").removesuffix("đ").strip()
    if not _VND.match(text):
        return None
    return int(re.sub(r"\D", "", text))


def line_errors(fields: dict) -> dict[str, str]:
    errors = {}
    if not clean(fields.get("item")):
        errors["item"] = texts.BUD_ITEM_REQUIRED
    quantity = parse_quantity(fields.get("quantity"))
    if quantity is None or quantity != quantity or not 0 <= quantity <= MAX_QUANTITY:
        errors["quantity"] = texts.BUD_QUANTITY_INVALID.format(max=format_number(MAX_QUANTITY))
    price = parse_vnd(fields.get("unit_price"))
    if price is None or not 0 <= price <= MAX_UNIT_PRICE:
        errors["unit_price"] = texts.BUD_PRICE_INVALID
    return errors


def line_record(fields: dict) -> dict:
    """The cleaned values of a valid line, as stored (amount is left to the database)."""
    return {"item": clean(fields.get("item")),
            "activity_ref": clean(fields.get("activity_ref")),
            "quantity": parse_quantity(fields.get("quantity")),
            "measure": clean(fields.get("measure")),
            "unit_price": parse_vnd(fields.get("unit_price")),
            "note": clean(fields.get("note"))}


def format_number(value) -> str:
    """Vietnamese style via core/numbers: 12.345, and a fractional quantity as 1,5."""
    if value is None:
        return ""
    if isinstance(value, float) and not value.is_integer():
        return numbers.decimal(value, 2).rstrip("0").rstrip(",")
    return numbers.integer(value)


def format_vnd(value) -> str:
    return f"{format_number(value)} đ"


_DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]
_GROUPS = ["", "nghìn", "triệu", "tỷ"]


def _three(n: int, full: bool) -> list[str]:
    """Words for 0..999; `full` when a more significant group precedes (so 5 in
    1.005 reads 'không trăm linh năm')."""
    hundreds, tens, units = n // 100, n // 10 % 10, n % 10
    words = []
    if full or hundreds:
        words += [_DIGITS[hundreds], "trăm"]
    if tens == 0:
        if units and words:
            words.append("linh")
        if units:
            words.append(_DIGITS[units])
    elif tens == 1:
        words.append("mười")
        if units:
            words.append("lăm" if units == 5 else _DIGITS[units])
    else:
        words += [_DIGITS[tens], "mươi"]
        if units:
            words.append({1: "mốt", 4: "tư", 5: "lăm"}.get(units, _DIGITS[units]))
    return words


def vnd_in_words(amount: int) -> str:
    """'Mười hai triệu một trăm tám mươi nghìn không trăm linh hai đồng' — the line
    'Bằng chữ' of a Vietnamese financial document. Groups of three digits; a thousand
    billion reads 'nghìn tỷ'."""
    amount = int(amount)
    if amount == 0:
        return "Không đồng"
    groups = []
    while amount:
        groups.append(amount % 1000)
        amount //= 1000
    words = []
    for index in range(len(groups) - 1, -1, -1):
        value = groups[index]
        if not value:
            if index % 3 == 0 and index and any(groups[index:index + 3]):
                words.append("tỷ")  # 1.000.000.000.000: 'một nghìn tỷ'
            continue
        words += _three(value, full=index < len(groups) - 1)
        scale = "tỷ" if index and index % 3 == 0 else _GROUPS[index % 3]
        if scale:
            words.append(scale)
    text = " ".join(words) + " đồng"
    return text[0].upper() + text[1:]
