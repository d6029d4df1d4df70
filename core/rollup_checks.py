"""Roll-up values checked like any input (issue 25 item 1): every figure of a
sub-organiser's sheet is a whole number from 0 to MAX_VALUE, and the figures agree with
each other (a file with `reporting_units` 500 of `units` 10 is refused). Pure: a parsed
core.rollup.Report in, Vietnamese messages naming the cell out. docs/rollup.md §2 lists
the rules.

Also the one identity of an organiser's name (`identity`): NFKC, invisible and bidi
characters removed, lookalike letters read as Latin, spaces collapsed, case folded, tone
marks at the end of their word — so "UBND phường X" written decomposed (NFD), with a
zero-width space, in capitals, with a Cyrillic «Н» or with the old tone placement («Hoà»
for «Hòa») is the same organiser."""
import unicodedata

MAX_VALUE = 10**9  # no week counts a thousand million of anything: more is a forged file
NAME_MAX = 200     # a roll-up name cell (organiser, area, catalogue names), in characters
TITLE_MAX = 300    # the week's title

VALUE_COLUMN = "E"  # the sheet's «Giá trị» column (core.rollup.sheet_rows: 5 cells a row)
NAME_COLUMN = "D"

# by_area / by_type / by_channel rows add up to the totals of the organiser's own units
# (db/stats.summary: "with it, the ward table adds up to the headline"); with reports of
# its own sub-organisers taken in, `totals` hold those too, so the sums are at most them.
SUMS = (
    ("by_area", "activities", "activities"), ("by_area", "participants", "participants"),
    ("by_area", "propaganda_items", "propaganda_items"),
    ("by_area", "propaganda_entries", "propaganda_entries"),
    ("by_area", "units", "units"), ("by_area", "reporting_units", "reporting_units"),
    ("by_area", "submitted_units", "submitted_units"),
    ("by_type", "activities", "activities"), ("by_type", "participants", "participants"),
    ("by_channel", "entries", "propaganda_entries"),
    ("by_channel", "quantity", "propaganda_items"),
)
# by_tier counts schools only: its sums are at most the totals
AT_MOST_SUMS = (
    ("by_tier", "schools", "units"), ("by_tier", "reporting_schools", "reporting_units"),
    ("by_tier", "submitted_schools", "submitted_units"),
    ("by_tier", "activities", "activities"), ("by_tier", "participants", "participants"),
)
# (part, whole): within one row of totals or of a table
PARTS = {
    "totals": (("reporting_units", "units"), ("units_with_data", "units"),
               ("submitted_units", "units"), ("online_participants", "participants"),
               ("wards_covered", "wards")),
    "by_area": (("reporting_units", "units"), ("submitted_units", "units")),
    "by_tier": (("reporting_schools", "schools"), ("submitted_schools", "schools")),
}


def is_count(value) -> bool:
    """A whole number from 0 to MAX_VALUE (not a bool, not a float, not NaN)."""
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= MAX_VALUE


# Letters that look like Latin ones (Cyrillic, Greek; the Icelandic eth and the African D
# for «Đ», typed by some Vietnamese keyboards): the same organiser whoever types its name.
LOOKALIKES = str.maketrans({
    **dict(zip("АВЕКМНОРСТХУІЈЅаеорсухіјѕԁһӏ", "ABEKMHOPCTXYIJSaeopcyxijsdhl")),
    **dict(zip("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧο", "ABEZHIKMNOPTYXo")),
    "Ð": "Đ", "ð": "đ", "Ɖ": "Đ", "ɖ": "đ",
})
# The five Vietnamese tone marks (combining, after NFD). Old and new spelling place a tone
# differently («Hoà»/«Hòa», «Thuỵ»/«Thụy»): a syllable has one tone, so the identity keeps
# it at the end of its word instead of where it was typed.
TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")


def identity(name) -> str:
    """The organiser's identity: NFKC (fullwidth letters are letters), format characters
    (zero-width, bidi, soft hyphen, BOM: Unicode category Cf) removed, lookalike letters
    read as Latin, runs of spaces one space, case folded, each word's tone mark at its
    end (old and new tone placement are one name). A key to compare, not a name to show."""
    text = unicodedata.normalize("NFKC", "" if name is None else str(name))
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Cf")
    text = unicodedata.normalize("NFD", text.translate(LOOKALIKES).casefold())
    words = []
    for word in text.split():
        tones = "".join(ch for ch in word if ch in TONES)
        words.append("".join(ch for ch in word if ch not in TONES) + tones)
    return " ".join(words)


def cross_errors(report, where) -> list[str]:
    """Messages for figures that contradict each other. `where(section, key, field)` names
    the cell of a figure (file, sheet, row, column)."""
    from core import texts

    errors = []
    totals, tables = report.totals, report.tables
    for section, pairs in PARTS.items():
        rows = {"": totals} if section == "totals" else tables.get(section, {})
        for code, row in rows.items():
            for part, whole in pairs:
                if part in row and whole in row and row[part] > row[whole]:
                    key = (section, code or part, part if code else "")
                    errors.append(f"{where(*key)}: " + texts.ROLLUP_PART_OVER_WHOLE.format(
                        part=part, value=row[part], whole=whole, limit=row[whole]))
    own_only = int(report.meta.get("suborganisations") or 0) == 0
    for section, fld, total_key in SUMS + AT_MOST_SUMS:
        rows = tables.get(section)
        if not rows or total_key not in totals:
            continue
        total = sum(r.get(fld, 0) for r in rows.values())
        must_equal = own_only and (section, fld, total_key) in SUMS
        if (must_equal and total != totals[total_key]) or total > totals[total_key]:
            message = texts.ROLLUP_SUM_NOT_EQUAL if must_equal else texts.ROLLUP_SUM_OVER
            errors.append(f"{where('totals', total_key, '')}: " + message.format(
                key=total_key, value=totals[total_key], section=section, field=fld,
                total=total))
    return errors


def name_errors(report, where) -> list[str]:
    """Names longer than the limits (they would overflow every table and the PDF)."""
    from core import texts

    errors = []
    if len(report.meta.get("organiser", "")) > NAME_MAX:
        errors.append(f"{where('meta', 'organiser', '')}: "
                      + texts.ROLLUP_NAME_TOO_LONG.format(max=NAME_MAX))
    if len(str(report.meta.get("title", ""))) > TITLE_MAX:
        errors.append(f"{where('meta', 'title', '')}: "
                      + texts.ROLLUP_NAME_TOO_LONG.format(max=TITLE_MAX))
    for section, rows in report.tables.items():
        for code, row in rows.items():
            if len(str(row.get("name", ""))) > NAME_MAX or len(code) > NAME_MAX:
                fld = next((f for f in row if f != "name"), "")
                errors.append(f"{where(section, code, fld, NAME_COLUMN)}: "
                              + texts.ROLLUP_NAME_TOO_LONG.format(max=NAME_MAX))
    return errors


def stored_ok(data: dict) -> bool:
    """A stored report's content (suborg_reports.data) still obeys the rules: every
    figure a count, the totals present. A row written before these checks, or edited in
    the database, can hold anything; outputs leave such a report out instead of failing."""
    from core import rollup

    try:
        totals = data["totals"]
        if not all(is_count(totals.get(k)) for k in rollup.SHEET_TOTALS):
            return False
        for section, rows in (data.get("tables") or {}).items():
            for row in rows.values():
                for fld in rollup.TABLE_FIELDS.get(section, ()):
                    if fld in row and not is_count(row[fld]):
                        return False
        return all(totals[p] <= totals[w] for p, w in PARTS["totals"])
    except (KeyError, TypeError, AttributeError):
        return False
