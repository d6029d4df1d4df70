"""The visible sheets of a lower level's workbook agree with its machine sheet (issue 22
deliver 7): `rollup` refuses a file whose «Theo phường» (or any other visible table) was
edited after the export — a ward's 17 made 999 — naming the sheet and the cell.

Pure: rows of the visible sheets in, Vietnamese messages out. What is compared:

- «Tổng hợp»: each headline figure's row (found by its label, texts.WB_TOTAL_LABELS);
- «Theo phường»: every area row (by its code; the row without a code is the district row)
  and the total row; «Theo cấp học», «Theo loại hoạt động», «Tuyên truyền theo kênh»:
  every row, in the machine sheet's order, and the total row; «Mô hình học tập», «Kết quả
  từng đơn vị», «Danh sách hoạt động», «Danh sách tuyên truyền»: the total row.

Columns are found by their header text (texts.WB_COLS, {area}/{model} words matching any
word) and total rows by their label «Tổng cộng» in any cell, not by position, so a
relabelled layout (STT empty, label in the label column) is read the same. A figure of
the visible sheets is the organiser's own units' while the machine sheet's totals may
include its own sub-organisers (docs/rollup.md): a total is accepted when it equals
either. A sheet that is absent is not checked (the machine sheet is the authority)."""
import re
import unicodedata

from core import reference as ref
from core import texts

# the by_area fields behind the headline keys (units_with_data is reporting_units)
AREA_FIELD = {"activities": "activities", "participants": "participants",
              "propaganda_entries": "propaganda_entries", "units": "units",
              "units_with_data": "reporting_units", "submitted_units": "submitted_units"}


def _text(value) -> str:
    return unicodedata.normalize("NFC", str(value)).strip() if value is not None else ""


def _pattern(template: str) -> re.Pattern:
    """A header template ("Mã {area}", "{model}: đăng ký") as a pattern: a placeholder
    matches any words (the organiser's word was filled in at export)."""
    parts = re.split(r"\{[A-Za-z_]+\}", template)
    return re.compile(".+?".join(re.escape(p) for p in parts), re.I)


def _column_letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)


class _Expect:
    """What the visible sheets may show, from the checked machine sheet (core.rollup)."""

    def __init__(self, report):
        self.totals, self.tables = report.totals, report.tables
        self.subs = int(report.meta.get("suborganisations") or 0)

    def headline(self, key) -> set | None:
        """Accepted values of a headline figure: the totals, or the own units' (the area
        rows' sum); None when the file cannot tell (a week with sub-reports, a key the
        areas do not carry)."""
        whole = self.totals.get(key)
        if key in AREA_FIELD:
            own = sum(r.get(AREA_FIELD[key], 0) for r in self.tables.get("by_area", {}).values())
            return {whole, own}
        return {whole} if self.subs == 0 and whole is not None else None

    def section_sum(self, section, fld) -> set:
        return {sum(r.get(fld, 0) for r in self.tables.get(section, {}).values())}


# sheet key -> (section for the rows or None, {column key: machine field}, {column key:
# headline key or (section, field) for the total row})
TABLES = {
    "by_ward": ("by_area", {"activities": "activities", "participants": "participants",
                            "propaganda_entries": "propaganda_entries", "units": "units",
                            "units_with_data": "reporting_units",
                            "submitted_units": "submitted_units"},
                {k: k for k in ("activities", "participants", "propaganda_entries", "units",
                                "units_with_data", "submitted_units")}),
    "by_tier": ("by_tier", {"schools": "schools", "schools_with_data": "reporting_schools",
                            "schools_submitted": "submitted_schools",
                            "activities": "activities", "participants": "participants"},
                {"schools": ("by_tier", "schools"),
                 "schools_with_data": ("by_tier", "reporting_schools"),
                 "schools_submitted": ("by_tier", "submitted_schools"),
                 "activities": ("by_tier", "activities"),
                 "participants": ("by_tier", "participants")}),
    "by_type": ("by_type", {"activities": "activities", "participants": "participants"},
                {"activities": "activities", "participants": "participants"}),
    "by_channel": ("by_channel", {"propaganda_entries": "entries", "quantity": "quantity"},
                   {"propaganda_entries": "propaganda_entries"}),
    "learning_models": (None, {}, {"registered_total": ("learning_models", "registered"),
                                   "recognised_total": ("learning_models", "recognised")}),
    "units": (None, {}, {"stt": "units", "activities": "activities",
                         "propaganda_count": "propaganda_entries",
                         "has_data": "units_with_data", "submitted": "submitted_units"}),
    "activities": (None, {}, {"stt": "activities", "participants": "participants",
                              "online": "online_participants"}),
    "propaganda": (None, {}, {"stt": "propaganda_entries"}),
}


# the long lists: only their heading and their last rows (the total) need reading
LISTS = ("units", "activities", "propaganda")


def check(rows_of, sheet_names: list[str], report, file_name: str) -> list[str]:
    """Messages for every visible figure that differs from the machine sheet.
    rows_of(sheet title, key) -> (row number, tuple of cell values) of the sheet's rows in
    order (for the LISTS keys it may give only the first rows and the last ones)."""
    expect = _Expect(report)
    errors: list[str] = []

    def mismatch(sheet, row, col, value, accepted):
        shown = " hoặc ".join(str(v) for v in sorted(accepted)) if accepted else "?"
        errors.append(texts.ROLLUP_VISIBLE_MISMATCH.format(
            file=file_name, sheet=sheet, cell=f"{_column_letter(col)}{row}", value=value,
            machine=texts.WB_SHEETS["rollup"], expected=shown))

    def compare(sheet, row, col, value, accepted):
        if value is None or value == "" or accepted is None:
            return
        number = value if isinstance(value, (int, float)) and not isinstance(value, bool) \
            else None
        if number is None or number not in accepted:
            mismatch(sheet, row, col, value, accepted)

    title = texts.WB_SHEETS["totals"]
    if title in sheet_names:
        labels = {key: _pattern(label) for key, label in texts.WB_TOTAL_LABELS.items()
                  if not key.endswith("_rate")}
        for i, row in rows_of(title, "totals"):
            cells = list(row) + [None, None]
            key = _which(labels, texts.WB_TOTAL_LABELS, _text(cells[0]))
            if key is not None:
                compare(title, i, 1, cells[1], expect.headline(key))
    for key, (section, row_fields, total_fields) in TABLES.items():
        title = texts.WB_SHEETS[key]
        if title in sheet_names:
            _check_table(key, title, rows_of(title, key), section, row_fields,
                         total_fields, expect, compare)
    return errors


SAMPLE_ROWS = 6  # the warning is in the heading of «Tổng hợp» (core/workbook.totals_sheet)


def says_sample(rows) -> bool:
    """The first rows of «Tổng hợp» carry the warning a week with sample data exports
    (texts.WB_SAMPLE_WARNING): what a person opening the file sees. A file whose machine
    sheet does not say `sample 1` (a previous release's schema 1, or an edited flag) is
    then read as holding sample data."""
    for number, row in rows:
        if number > SAMPLE_ROWS:
            break
        if any(_text(cell) == texts.WB_SAMPLE_WARNING for cell in row):
            return True
    return False


def _which(patterns: dict, templates: dict, text: str):
    """The key whose template is exactly `text`, else the one whose pattern (with a
    placeholder) matches it: "Số hoạt động" is activities, not "Số {area}"."""
    exact = [k for k in patterns if templates.get(k) == text]
    if exact:
        return exact[0]
    # of several templates with a placeholder, the one with the most fixed text
    # ("Số {area} có hoạt động" before "Số {area}")
    matching = [k for k, p in patterns.items() if p.fullmatch(text)]
    return max(matching, key=lambda k: len(re.sub(r"\{[A-Za-z_]+\}", "", templates[k])),
               default=None)


def _check_table(key, title, rows, section, row_fields, total_fields, expect, compare):
    header, columns, position = None, {}, 0
    machine = list(expect.tables.get(section, {}).items()) if section else []
    by_code = dict(machine)
    keys = set(row_fields) | set(total_fields) | {"ward_code"}
    patterns = {k: _pattern(texts.WB_COLS[k]) for k in keys}
    templates = {k: texts.WB_COLS[k] for k in keys}
    if key == "learning_models":
        for code, name in ref.MODEL_NAMES.items():
            for fld in ("registered", "recognised"):
                templates[(code, fld)] = texts.WB_COLS[fld].replace("{model}", name)
                patterns[(code, fld)] = re.compile(re.escape(templates[(code, fld)]), re.I)
                total_fields = {**total_fields, (code, fld): ("model", code, fld)}
    for i, row in rows:
        cells = [_text(c) if isinstance(c, str) else c for c in row]
        if header is None:
            found = {}
            for j, c in enumerate(cells):
                k = _which(patterns, templates, c) if isinstance(c, str) else None
                if k is not None and k not in found:
                    found[k] = j
            if len(found) >= 2:
                header, columns = i, found
            continue
        if all(c is None or c == "" for c in cells):
            continue
        if any(is_total_label(c) for c in cells):
            for col_key, target in total_fields.items():
                if col_key in columns:
                    compare(title, i, columns[col_key], cells[columns[col_key]],
                            _accepted(target, expect))
            continue
        if not section:
            continue
        entry = None
        if key == "by_ward" and "ward_code" in columns:
            code = cells[columns["ward_code"]]
            entry = by_code.get(str(code) if code not in (None, "") else "_district")
        elif position < len(machine):
            entry = machine[position][1]
        position += 1
        for col_key, fld in row_fields.items():
            if col_key in columns and entry is not None:
                compare(title, i, columns[col_key], cells[columns[col_key]],
                        {entry.get(fld, 0)})


def is_total_label(cell) -> bool:
    """«Tổng cộng», or the per-unit/activities/propaganda sheets' «Tổng cộng: N …»."""
    return isinstance(cell, str) and (cell == texts.WB_TOTAL
                                      or cell.startswith(texts.WB_TOTAL + ":"))


def _accepted(target, expect: _Expect):
    if isinstance(target, str):
        return expect.headline(target)
    if target[0] == "model":
        return {expect.tables.get("learning_models", {}).get(target[1], {}).get(target[2], 0)}
    return expect.section_sum(*target)
