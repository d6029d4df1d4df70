"""Vietnamese number format (12.345 and 45,2%): one definition shared by the dashboard,
the closing PDF, the XLSX export and the charts (d3 has no vi-VN locale, hence the dict)."""

# d3-format locale for Vega-Lite (`usermeta`/`config.locale.number`)
VEGA_NUMBER_LOCALE = {"decimal": ",", "thousands": ".", "grouping": [3],
                      "currency": ["", " ₫"]}
# Excel number formats: the workbook keeps numbers numeric; the reader's locale shows them
XLSX_INT_FORMAT = "#,##0"
XLSX_PCT_FORMAT = "0.0%"


def integer(value) -> str:
    """12345 -> '12.345'; None -> '0'; negative -> '-12.345'."""
    n = int(round(value or 0))
    return ("-" if n < 0 else "") + f"{abs(n):,}".replace(",", ".")


def decimal(value, digits: int = 1) -> str:
    """1234.56 -> '1.234,6'. A tie rounds away from zero (81,25 -> 81,3), as Vietnamese
    documents, Excel's number formats and d3 (the charts) do: Python's own format rounds
    it to even (81,2), so a table read differently from the chart beside it. The value is
    taken as written (repr), not as its binary neighbour (2.675 -> 2,68)."""
    import math
    from decimal import ROUND_HALF_UP, Decimal

    if not math.isfinite(float(value or 0)):
        return str(value)
    exact = Decimal(repr(float(value or 0))).quantize(Decimal(1).scaleb(-digits),
                                                      rounding=ROUND_HALF_UP)
    text = f"{abs(exact):,.{digits}f}"
    whole, _, frac = text.partition(".")
    sign = "-" if exact < 0 and exact != 0 else ""
    return sign + whole.replace(",", ".") + ("," + frac if frac else "")


def percent(ratio, digits: int = 1) -> str:
    """0.4521 -> '45,2%'; a ratio in 0..1."""
    return decimal((ratio or 0) * 100, digits) + "%"


def signed(value) -> str:
    """The change of a KPI tile: '+12', '-3', '0' (Vietnamese thousands)."""
    n = int(round(value or 0))
    return ("+" if n > 0 else "") + integer(n)


def ratio(part, whole) -> float:
    return part / whole if whole else 0.0


def share_change(part, whole, part_change, whole_change) -> float:
    """Change of part/whole since the totals were (part - part_change)/(whole - whole_change),
    in percentage points: the delta of a rate tile is a rate, not a head count."""
    return (ratio(part, whole) - ratio(part - part_change, whole - whole_change)) * 100


def signed_points(points: float) -> str:
    """+1,2 điểm % (percentage points, Vietnamese decimal comma)."""
    sign = "+" if round(points, 1) > 0 else ""
    from core import texts

    return f"{sign}{decimal(points, 1)} {texts.PERCENT_POINTS}"


def plain(value, max_digits: int = 2) -> str:
    """A number as people write it, without useless zeros: 5.0 -> '5', 0.25 -> '0,25',
    1234.5 -> '1.234,5' (weights, scores, quantities that may have a fraction)."""
    number = float(value or 0)
    rounded = round(number, max_digits)
    if rounded == int(rounded):
        return integer(rounded)
    text = decimal(rounded, max_digits)
    return text.rstrip("0").rstrip(",")
