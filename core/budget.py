"""Budget estimate (dự trù kinh phí): rules for one line, status names, VND formatting.
Pure functions shared by the budget page, the PDF, the XLSX and the data layer. The
amount of a line is computed by the database (budget_lines.amount, a generated column);
nothing here recomputes it for display."""
import re

from core import texts
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
    """Vietnamese style: 12.345 and 1,5."""
    if value is None:
        return ""
    if isinstance(value, float) and not value.is_integer():
        whole, _, fraction = f"{value:,.2f}".rstrip("0").partition(".")
        return whole.replace(",", ".") + "," + fraction
    return f"{int(value):,}".replace(",", ".")


def format_vnd(value) -> str:
    return f"{format_number(value)} đ"
