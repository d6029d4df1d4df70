"""Roll-up (issue 15 item 4): the machine-readable sheet of the workbook and its reading at
the level above. Pure: figures in, rows out; rows in, a checked report (or line-precise
Vietnamese errors) out. docs/rollup.md describes the format.

The sheet ("Dữ liệu tổng hợp") is a list of rows of five cells:

    section | key | field | name | value

- `meta` rows: key = format, schema_version, organiser, level, year, title, start_date,
  end_date, generated_at, suborganisations, sample (1: the week held sample data, or a
  report it took in did; field empty);
- `totals` rows: key = a key of the `totals` of `stats --json` (integers only; the two
  rates are derived from them and not written) — so they include the reports this week
  took in from its own sub-organisers (`meta suborganisations` says how many), and a
  chain of levels adds up; the tables below are the organiser's own units;
- table rows (`by_area`, `by_tier`, `by_type`, `by_channel`, `learning_models`,
  `commendations`): key = the row's code, field = the figure, name = the row's name;
- the last row: section `hash`, key `sha256`, value = sha256 of the canonical form of
  every row above it (content_hash()), so a hand-edited file is detected.

Every figure comes from db/stats.py (summary, learning_models, commendations_by_category):
the same numbers as `manage.py stats --json`."""
import hashlib
import json
from dataclasses import dataclass, field
from datetime import datetime

from core.organiser import LEVELS
from core.text import clean

FORMAT = "llw-rollup"
SCHEMA_VERSION = 2  # 2: the `meta sample` row (issue 20 deliver 2)
KNOWN_SCHEMAS = (1, 2)

# totals: the keys written to the sheet (integers), and how the level above uses them
ADDITIVE_TOTALS = ("activities", "participants", "online_participants", "propaganda_items",
                   "propaganda_entries", "units", "reporting_units", "units_with_data",
                   "submitted_units")
OWN_ONLY_TOTALS = ("wards", "wards_covered")  # areas of the organiser's own map
SHEET_TOTALS = ADDITIVE_TOTALS + OWN_ONLY_TOTALS
DERIVED_TOTALS = {"reporting_rate": "reporting_units", "submission_rate": "submitted_units"}

META_KEYS = ("format", "schema_version", "organiser", "level", "year", "title",
             "start_date", "end_date", "generated_at", "suborganisations", "sample")
INT_META = ("schema_version", "year", "suborganisations", "sample")
# rows a file of an older schema does not have: {key: first schema that writes it}
META_SINCE = {"sample": 2}
DISTRICT_KEY = "_district"  # by_area: the units without an area ("Đơn vị cấp quận")

# table sections: (section, the summary fields written per row)
TABLE_FIELDS = {
    "by_area": ("activities", "participants", "propaganda_items", "propaganda_entries",
                "units", "reporting_units", "submitted_units"),
    "by_tier": ("schools", "reporting_schools", "submitted_schools", "activities",
                "participants"),
    "by_type": ("activities", "participants"),
    "by_channel": ("entries", "quantity"),
    "learning_models": ("registered", "recognised"),
    "commendations": ("count",),
}
TEXT_FIELDS = {"by_channel": ("measure",)}
HASH_SECTION, HASH_KEY = "hash", "sha256"


# --- writing ---------------------------------------------------------------------------------

def sheet_rows(meta: dict, summary: dict, models: dict, commendations: dict,
               names: dict | None = None) -> list[list]:
    """The rows (without the hash row) from the figures of db/stats.py. meta: organiser,
    level, year, title, start_date, end_date, generated_at. names: optional
    {section: {code: name}} for the name column."""
    names = names or {}
    rows = [["meta", "format", "", "", FORMAT], ["meta", "schema_version", "", "",
                                                 SCHEMA_VERSION]]
    for key in META_KEYS[2:]:
        rows.append(["meta", key, "", "", meta[key]])
    totals = summary["totals"]
    for key in SHEET_TOTALS:
        rows.append(["totals", key, "", "", int(totals[key])])
    for w in summary["by_ward"] + [summary["by_ward_district"]]:
        code = w["code"] or DISTRICT_KEY
        for f in TABLE_FIELDS["by_area"]:
            rows.append(["by_area", code, f, w["name"], int(w[f])])
    for t in summary["by_tier"]:
        for f in TABLE_FIELDS["by_tier"]:
            rows.append(["by_tier", t["tier"], f, names.get("tier", {}).get(t["tier"], ""),
                         int(t[f])])
    for t in summary["by_type"]:
        for f in TABLE_FIELDS["by_type"]:
            rows.append(["by_type", t["type"], f, names.get("type", {}).get(t["type"], ""),
                         int(t[f])])
    for c in summary["by_channel"]:
        name = names.get("channel", {}).get(c["channel"], "")
        rows.append(["by_channel", c["channel"], "measure", name, c["measure"] or ""])
        for f in TABLE_FIELDS["by_channel"]:
            rows.append(["by_channel", c["channel"], f, name, int(c[f])])
    for m in models["by_model"]:
        for f in TABLE_FIELDS["learning_models"]:
            rows.append(["learning_models", m["model"], f,
                         names.get("model", {}).get(m["model"], ""), int(m[f])])
    for code, count in commendations.items():
        rows.append(["commendations", code, "count",
                     names.get("category", {}).get(code, ""), int(count)])
    return [[_norm(v) for v in row] for row in rows]


def _norm(value):
    """A cell as it reads back from the XLSX: empty -> "", whole floats -> int, text as
    the writer stores it (core/xlsx_stream.clean_text)."""
    from core.xlsx_stream import clean_text

    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        return clean_text(value)
    return value


def content_hash(rows: list[list]) -> str:
    """sha256 (hex) of the canonical form of the rows: a JSON array of the five cells of
    every row, in order, UTF-8, no spaces (json.dumps(..., ensure_ascii=False,
    separators=(",", ":")))."""
    canonical = json.dumps([[_norm(v) for v in row] for row in rows], ensure_ascii=False,
                           separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def with_hash(rows: list[list]) -> list[list]:
    return rows + [[HASH_SECTION, HASH_KEY, "", "", content_hash(rows)]]


# --- reading ---------------------------------------------------------------------------------

@dataclass
class Report:
    """One sub-organiser's figures, checked."""
    meta: dict
    totals: dict
    tables: dict = field(default_factory=dict)  # section -> {code: {field: value, "name"}}
    content_hash: str = ""
    file_name: str = ""
    rows: dict = field(default_factory=dict)     # meta key -> sheet row (for messages)
    cells: dict = field(default_factory=dict)    # (section, key, field) -> sheet row

    @property
    def organiser(self) -> str:
        return self.meta["organiser"]

    @property
    def sample(self) -> bool:
        """The week of this file held sample data (`manage.py demo`) when it was exported."""
        return bool(self.meta.get("sample"))

    def as_json(self) -> dict:
        return {"meta": self.meta, "totals": self.totals, "tables": self.tables}


class RollupError(Exception):
    """Line-precise Vietnamese messages (file, sheet, row, reason)."""

    def __init__(self, errors: list[str]):
        super().__init__("\n".join(errors))
        self.errors = errors


def identity(name: str) -> str:
    """Organiser names compare after NFC, without invisible and bidi characters, case
    and extra spaces (core/rollup_checks.identity)."""
    from core.rollup_checks import identity as one_identity

    return one_identity(name)


def parse(rows: list[tuple], *, file_name: str, sheet: str, header: list[str],
          first_row: int = 1) -> Report:
    """Rows of the sheet (cell values, row `first_row` first) -> Report, or RollupError
    listing every bad row."""
    from core import rollup_checks as checks
    from core import texts

    def where(line):
        return texts.ROLLUP_AT_ROW.format(file=file_name, sheet=sheet, row=line)

    def cell(line, column=checks.VALUE_COLUMN):
        return texts.ROLLUP_AT_CELL.format(file=file_name, sheet=sheet, row=line,
                                           cell=f"{column}{line}")

    errors: list[str] = []
    header_at = None
    for i, row in enumerate(rows, start=first_row):
        cells = [_norm(v) for v in (list(row) + [None] * 5)[:5]]
        if [str(c) for c in cells] == header:
            header_at = i
            break
    if header_at is None:
        raise RollupError([texts.ROLLUP_NO_HEADER.format(
            file=file_name, sheet=sheet, header=" | ".join(header))])
    body: list[tuple[int, list]] = []
    hash_row = None
    for i, row in enumerate(rows[header_at - first_row + 1:], start=header_at + 1):
        cells = [_norm(v) for v in (list(row) + [None] * 5)[:5]]
        if all(c == "" for c in cells):
            continue
        if hash_row is not None:
            errors.append(f"{where(i)}: {texts.ROLLUP_AFTER_HASH}")
            continue
        if cells[0] == HASH_SECTION:
            hash_row = (i, cells)
            continue
        body.append((i, cells))
    if hash_row is None:
        errors.append(texts.ROLLUP_NO_HASH.format(file=file_name, sheet=sheet))
    elif hash_row[1][1] != HASH_KEY or content_hash([c for _i, c in body]) != hash_row[1][4]:
        errors.append(f"{where(hash_row[0])}: {texts.ROLLUP_HASH_MISMATCH}")
        raise RollupError(errors)  # edited by hand: the figures below cannot be trusted

    meta, totals, tables, seen, at, bad = {}, {}, {}, {}, {}, set()
    for i, (section, key, fld, name, value) in body:
        ident = (section, key, fld)
        if ident in seen:
            errors.append(f"{where(i)}: {texts.ROLLUP_DUPLICATE_ROW}")
            continue
        seen[ident] = i
        if section == "meta":
            if key not in META_KEYS:
                errors.append(f"{where(i)}: {texts.ROLLUP_UNKNOWN_KEY.format(key=key)}")
                continue
            if key in INT_META and not _is_count(value):
                errors.append(f"{cell(i)}: {_not_a_number(key)}")
                bad.add(key)
                continue
            meta[key], at[key] = value, i
        elif section == "totals":
            if key not in SHEET_TOTALS:
                errors.append(f"{where(i)}: {texts.ROLLUP_UNKNOWN_KEY.format(key=key)}")
            elif not _is_count(value):
                errors.append(f"{cell(i)}: {_not_a_number(key)}")
                bad.add(key)
            else:
                totals[key] = value
        elif section in TABLE_FIELDS:
            if not key or (fld not in TABLE_FIELDS[section]
                           and fld not in TEXT_FIELDS.get(section, ())):
                errors.append(f"{where(i)}: {texts.ROLLUP_UNKNOWN_KEY.format(key=fld or key)}")
                continue
            if fld in TABLE_FIELDS[section] and not _is_count(value):
                errors.append(f"{cell(i)}: {_not_a_number(fld)}")
                continue
            entry = tables.setdefault(section, {}).setdefault(str(key), {})
            entry[fld] = clean(value) if isinstance(value, str) else value
            if name:
                entry["name"] = clean(name)
        else:
            errors.append(f"{where(i)}: {texts.ROLLUP_UNKNOWN_SECTION.format(section=section)}")
    for key in META_KEYS:
        if key in META_SINCE and meta.get("schema_version", SCHEMA_VERSION) < META_SINCE[key]:
            continue  # an older file cannot say (schema 1 has no `sample`): not marked
        if key not in meta and key not in bad:
            errors.append(texts.ROLLUP_MISSING_META.format(file=file_name, sheet=sheet, key=key))
    for key in SHEET_TOTALS:
        if key not in totals and key not in bad:
            errors.append(texts.ROLLUP_MISSING_TOTAL.format(file=file_name, sheet=sheet,
                                                            key=key))
    if meta.get("format") not in (None, FORMAT):
        errors.append(f"{where(at['format'])}: {texts.ROLLUP_BAD_FORMAT}")
    if "schema_version" in meta and meta["schema_version"] not in KNOWN_SCHEMAS:
        errors.append(f"{where(at['schema_version'])}: " + texts.ROLLUP_UNKNOWN_SCHEMA.format(
            version=meta["schema_version"],
            known=", ".join(str(v) for v in KNOWN_SCHEMAS)))
    if "organiser" in meta and not identity(meta["organiser"]):
        errors.append(f"{where(at['organiser'])}: {texts.ROLLUP_NO_ORGANISER}")
    if "generated_at" in meta and _when(meta["generated_at"]) is None:
        errors.append(f"{where(at['generated_at'])}: {texts.ROLLUP_BAD_TIME}")
    if "level" in meta and meta["level"] not in LEVELS:  # shown and stored: one of ours
        errors.append(f"{cell(at['level'])}: " + texts.ROLLUP_BAD_LEVEL.format(
            level=meta["level"], known=", ".join(LEVELS)))
    if meta.get("sample") not in (None, 0, 1):
        errors.append(f"{cell(at['sample'])}: {texts.ROLLUP_BAD_SAMPLE}")
    if errors:
        raise RollupError(errors)
    meta["sample"] = int(meta.get("sample") or 0)
    # names as stored everywhere else: NFC, no control or bidi characters (core/text.clean)
    for key in ("organiser", "level", "title"):
        meta[key] = clean(meta[key])
    report = Report(meta=meta, totals=totals, tables=tables, content_hash=hash_row[1][4],
                    file_name=file_name, rows=at, cells=seen)

    def named(section, key, fld, column=checks.VALUE_COLUMN):
        return cell(seen[(section, key, fld)], column)

    errors = checks.name_errors(report, named) + checks.cross_errors(report, named)
    if errors:
        raise RollupError(errors)
    return report


def _is_count(value) -> bool:
    from core.rollup_checks import is_count

    return is_count(value)


def _not_a_number(key: str) -> str:
    from core import texts
    from core.rollup_checks import MAX_VALUE

    return texts.ROLLUP_NOT_A_NUMBER.format(key=key, max=f"{MAX_VALUE:,}".replace(",", "."))


def _when(value) -> datetime | None:
    """generated_at -> an aware datetime (None: not ISO 8601 with an offset). This release
    writes microseconds (two exports in one second are two moments); the previous one wrote
    whole seconds, still read: moments are compared as times, not as text."""
    try:
        moment = datetime.fromisoformat(str(value))
    except ValueError:
        return None
    if moment.tzinfo is None or not EARLIEST_YEAR <= moment.year <= LATEST_YEAR:
        return None  # year 1 or 9999 cannot even be shown in Hà Nội time (OverflowError)
    return moment


EARLIEST_YEAR, LATEST_YEAR = 2000, 2999  # no export of this software lies outside


def generated_moment(report_or_meta) -> datetime:
    meta = report_or_meta.meta if isinstance(report_or_meta, Report) else report_or_meta
    return _when(meta["generated_at"])


# --- adding up -------------------------------------------------------------------------------

def combined_totals(own: dict, subs: list[dict]) -> dict:
    """Totals of the organiser plus its sub-organisers: ADDITIVE_TOTALS summed, the rates
    recomputed from the sums, OWN_ONLY_TOTALS (areas of the own map) left as they are."""
    out = dict(own)
    for key in ADDITIVE_TOTALS:
        out[key] = own[key] + sum(s[key] for s in subs)
    units = out["units"]
    for rate, part in DERIVED_TOTALS.items():
        out[rate] = round(out[part] / units, 4) if units else 0.0
    return out


# --- the sheet -------------------------------------------------------------------------------

def rollup_sheet(rows: list[list]):
    """"Dữ liệu tổng hợp": the rows (with their hash row) as a sheet of the workbook."""
    from core import texts
    from core import xlsx_stream as xs

    cols = [xs.Column(texts.ROLLUP_COLUMNS[0], width=16),
            xs.Column(texts.ROLLUP_COLUMNS[1], width=22),
            xs.Column(texts.ROLLUP_COLUMNS[2], width=22),
            xs.Column(texts.ROLLUP_COLUMNS[3], width=40),
            xs.Column(texts.ROLLUP_COLUMNS[4], "auto", width=68)]
    return xs.Sheet(texts.WB_SHEETS["rollup"], cols, rows,
                    preamble=[(texts.ROLLUP_SHEET_NOTE, xs.S_NOTE)])
