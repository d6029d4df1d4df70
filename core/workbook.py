"""The city's workbook: one sheet per table, laid out for people (Vietnamese headers, real
date cells, a running STT, total rows, notes saying which ward basis a table uses) and
written by core/xlsx_stream.py; the same tables as CSV.

Pure: data in, sheets out. Every figure comes from db/stats.py (summary, learning models,
slogans) or db/progress.py (per unit) through db/export.py; a total row prints the total
that module defines (never a sum made here; a row's rate is only its own two figures
divided), so the workbook reconciles with `manage.py stats --json` by construction
(tests/test_export.py checks it, with independent SQL counts).

Lists hold the counting entries only; needs-fix and withdrawn entries have a sheet of their
own ("Mục không tính")."""
import csv
import io
import itertools
import json
from datetime import date

from core import numbers
from core import reference as ref
from core import texts, timefmt
from core import xlsx_stream as xs
from core.xlsx_stream import DATE, INT, PCT, STT, TEXT, Column, Pct, Sheet

# in the order of the workbook; the keys are the `--table` names
SHEET_ORDER = ["totals", "by_ward", "by_tier", "by_type", "by_channel", "by_slogan", "by_day",
               "learning_models", "targets", "units", "commendations", "nominations", "activities",
               "propaganda", "not_counted", "rollup"]


def _c(key: str, kind: str = TEXT, **kw) -> Column:
    return Column(texts.WB_COLS[key], kind, **kw)


def _name(key: str) -> str:
    return texts.WB_SHEETS[key]


def _ratio(part, whole) -> Pct:
    return Pct(round(part / whole, 4) if whole else 0.0)


def _note(text: str) -> list:
    return [(text, xs.S_NOTE)]


# --- sheets from the stats summary -----------------------------------------------------------

def totals_sheet(summary: dict, *, sample: bool) -> Sheet:
    """Tổng hợp: the headline figures (the first sheet; it says so when sample data is in)."""
    event, t = summary["event"], summary["totals"]
    rows = [[texts.WB_EVENT, event["title"]],
            [texts.WB_FROM, date.fromisoformat(event["start_date"])],
            [texts.WB_TO, date.fromisoformat(event["end_date"])]]
    for key, label in texts.WB_TOTAL_LABELS.items():
        value = t[key]
        rows.append([label, Pct(value) if key.endswith("_rate") else value])
    title = event["title"] if str(event["year"]) in event["title"] else \
        f"{event['title']} {event['year']}"
    preamble = [(texts.WB_TITLE.format(title=title.upper()), xs.S_TITLE)]
    if sample:
        preamble.append((texts.WB_SAMPLE_WARNING, xs.S_WARNING))
    preamble.append((texts.WB_COUNTING_NOTE, xs.S_NOTE))
    return Sheet(_name("totals"), [Column(texts.WB_ITEM, width=44),
                                   Column(texts.WB_VALUE, "auto", width=24)],
                 rows, preamble=preamble)


def by_ward_sheet(summary: dict) -> Sheet:
    """Theo phường: 14 wards, the row "Đơn vị cấp quận", and a total equal to the headline."""
    cols = [_c("stt", INT), _c("ward_code"), _c("ward"), _c("activities", INT),
            _c("participants", INT), _c("propaganda_entries", INT), _c("units", INT),
            _c("units_with_data", INT), _c("data_rate", PCT), _c("submitted_units", INT),
            _c("submit_rate", PCT)]
    rows = []
    for i, w in enumerate(summary["by_ward"] + [summary["by_ward_district"]], start=1):
        rows.append([i, w["code"], w["name"], w["activities"], w["participants"],
                     w["propaganda_entries"], w["units"], w["reporting_units"],
                     _ratio(w["reporting_units"], w["units"]), w["submitted_units"],
                     _ratio(w["submitted_units"], w["units"])])
    t, head = summary["by_ward_total"], summary["totals"]
    total = [None, None, texts.WB_TOTAL, t["activities"], t["participants"],
             t["propaganda_entries"], t["units"], t["reporting_units"],
             Pct(head["reporting_rate"]), t["submitted_units"], Pct(head["submission_rate"])]
    return Sheet(_name("by_ward"), cols, rows, totals=[total],
                 preamble=_note(texts.WB_NOTE_WARD_BASIS))


def by_tier_sheet(summary: dict) -> Sheet:
    cols = [_c("stt", INT), _c("tier"), _c("schools", INT), _c("schools_with_data", INT),
            _c("data_rate", PCT), _c("schools_submitted", INT), _c("submit_rate", PCT),
            _c("activities", INT), _c("participants", INT)]
    rows = [[i, ref.TIER_NAMES.get(r["tier"], r["tier"]), r["schools"],
             r["reporting_schools"], _ratio(r["reporting_schools"], r["schools"]),
             r["submitted_schools"], _ratio(r["submitted_schools"], r["schools"]),
             r["activities"], r["participants"]]
            for i, r in enumerate(summary["by_tier"], start=1)]
    t = summary["by_tier_total"]
    total = [None, texts.WB_TOTAL, t["schools"], t["reporting_schools"],
             _ratio(t["reporting_schools"], t["schools"]), t["submitted_schools"],
             _ratio(t["submitted_schools"], t["schools"]), t["activities"], t["participants"]]
    return Sheet(_name("by_tier"), cols, rows, totals=[total], preamble=_note(texts.WB_NOTE_TIER))


def by_type_sheet(summary: dict) -> Sheet:
    """Every activity type of the week's catalogue (the plan's 15 in 2020), zeros included;
    the total is the headline."""
    cols = [_c("stt", INT), _c("group"), _c("type"), _c("activities", INT),
            _c("participants", INT)]
    rows = [[i, ref.GROUP_NAMES.get(r["group"], r["group"]),
             r.get("name") or ref.TYPE_NAMES.get(r["type"], r["type"]),  # the week's name
             r["activities"], r["participants"]]
            for i, r in enumerate(summary["by_type"], start=1)]
    t = summary["totals"]
    return Sheet(_name("by_type"), cols, rows,
                 totals=[[None, None, texts.WB_TOTAL, t["activities"], t["participants"]]])


def by_channel_sheet(summary: dict) -> Sheet:
    """Propaganda per channel, each quantity in its own unit of measure (never summed)."""
    cols = [_c("stt", INT), _c("channel"), _c("measure"), _c("propaganda_entries", INT),
            _c("quantity", INT)]
    rows = [[i, r.get("name") or ref.CHANNEL_NAMES.get(r["channel"], r["channel"]),
             r["measure"], r["entries"], r["quantity"]]
            for i, r in enumerate(summary["by_channel"], start=1)]
    total = [None, texts.WB_TOTAL, None, summary["totals"]["propaganda_entries"], None]
    return Sheet(_name("by_channel"), cols, rows, totals=[total],
                 preamble=_note(texts.WB_NOTE_CHANNEL))


def by_slogan_sheet(slogans: list[dict], slogan_texts: dict[int, str]) -> Sheet:
    cols = [_c("slogan_no", INT), _c("slogan", width=70), _c("slogan_entries", INT)]
    rows = [[r["slogan"], slogan_texts.get(r["slogan"], ""), r["entries"]] for r in slogans]
    return Sheet(_name("by_slogan"), cols, rows, preamble=_note(texts.WB_NOTE_SLOGAN))


def by_day_sheet(summary: dict) -> Sheet:
    cols = [_c("stt", INT), _c("date", DATE), _c("activities", INT), _c("participants", INT)]
    rows = [[i, d["date"], d["activities"], d["participants"]]
            for i, d in enumerate(summary["by_day"], start=1)]
    return Sheet(_name("by_day"), cols, rows, preamble=_note(texts.WB_NOTE_DAY))


# --- other figures ---------------------------------------------------------------------------

def learning_models_sheet(models: dict) -> Sheet:
    """Registered / recognised per model and ward (db/stats.learning_models), district row,
    total row from the same function."""
    codes = [code for code, _n in ref.LEARNING_MODELS]
    cols = [_c("stt", INT), _c("ward_code"), _c("ward_unit")]
    for code in codes:
        name = ref.MODEL_NAMES[code]
        cols += [Column(texts.WB_COLS["registered"].format(model=name), INT),
                 Column(texts.WB_COLS["recognised"].format(model=name), INT)]
    cols += [_c("registered_total", INT), _c("recognised_total", INT)]
    rows = []
    for i, w in enumerate(models["by_ward"], start=1):
        row = [i, w["code"], w["name"]]
        for code in codes:
            row += list(w[code])
        rows.append(row + [w["registered"], w["recognised"]])
    by_model = {r["model"]: r for r in models["by_model"]}
    total = [None, None, texts.WB_TOTAL]
    for code in codes:
        total += [by_model[code]["registered"], by_model[code]["recognised"]]
    total += [models["total"]["registered"], models["total"]["recognised"]]
    return Sheet(_name("learning_models"), cols, rows, totals=[total],
                 preamble=_note(texts.WB_NOTE_MODELS))


def targets_sheet(targets: list[dict]) -> Sheet:
    """Chỉ tiêu: each target of the week with the units it applies to and how many met it
    (db/stats.targets_attainment, the figures of the closing report's table)."""
    cols = [_c("stt", INT), _c("target", width=50), _c("applies_to", width=36),
            _c("target_units", INT), _c("target_met", INT), _c("target_rate", PCT)]
    rows = []
    for i, t in enumerate(targets, start=1):
        whom = " – ".join(w for w in (
            ref.KIND_NAMES.get(t["unit_kind"], t["unit_kind"]) if t["unit_kind"] else "",
            ref.TIER_NAMES.get(t["tier"], t["tier"]) if t["tier"] else "") if w)
        rows.append([i, t["label"], whom or texts.WB_TARGET_ALL_UNITS, t["units"], t["met"],
                     Pct(t["rate"])])
    return Sheet(_name("targets"), cols, rows, preamble=_note(texts.WB_NOTE_TARGETS))


def units_sheet(units: list[dict], totals: dict, district_row: str = "",
                deactivated: list[dict] = ()) -> Sheet:
    """Kết quả từng đơn vị (db/progress.units_progress); the total row counts units,
    activities, propaganda entries, units with data and units that submitted — the headline
    figures of db/stats.py (every column that adds up has its total).

    `deactivated` (db/progress.deactivated_with_entries): units deactivated after they
    entered counting entries. Their entries are in the headline totals, so they are listed
    after the active units, without STT, «Đã ngừng hoạt động» in «Có số liệu» and «–» in
    «Đã nộp báo cáo» (they are not units: STT, «Có» and the unit counts stay those of the
    active units), and the activity and propaganda columns add up to the total row."""
    cols = [_c("stt", INT), _c("unit_code"), _c("unit"), _c("kind"), _c("tier"),
            _c("ward_unit"), _c("activities", INT), _c("propaganda_count", INT),
            _c("has_data", "auto"), _c("submitted", "auto"), _c("submitted_at", DATE),
            _c("last_entry", DATE)]

    def row(number, u, has_data, submitted):
        return [number, u["code"], u["name"], ref.KIND_NAMES.get(u["kind"], u["kind"]),
                ref.TIER_NAMES.get(u["tier"], u["tier"] or ""),
                u["ward_name"] or district_row or texts.STATS_DISTRICT_ROW, u["activities"],
                u["propaganda"], has_data, submitted,
                timefmt.local_date(u["submitted_at"]), timefmt.local_date(u["last_entry"])]

    rows = [row(i, u, texts.WB_YES if u["reported"] else texts.WB_NO,
                texts.WB_YES if u["submitted"] else texts.WB_NO)
            for i, u in enumerate(units, start=1)]
    rows += [row(None, u, texts.WB_UNIT_DEACTIVATED, texts.WB_NOT_A_UNIT)
             for u in deactivated]
    total = [None, None, texts.WB_TOTAL_UNITS.format(n=numbers.integer(totals["units"])),
             None, None, None, totals["activities"],
             totals["propaganda_entries"], totals["units_with_data"],
             totals["submitted_units"], None, None]
    preamble = _note(texts.WB_NOTE_UNITS)
    if deactivated:
        preamble += _note(texts.WB_NOTE_UNITS_DEACTIVATED.format(n=len(deactivated)))
    return Sheet(_name("units"), cols, rows, totals=[total], preamble=preamble)


def commendations_sheet(picks: list[dict]) -> Sheet:
    cols = [_c("stt", INT), _c("category"), _c("recipient"), _c("unit"),
            _c("rationale", width=60, wrap=True), _c("rank", INT)]
    rows = [[i, ref.CATEGORY_NAMES.get(c["category"], c["category"]), c["recipient_name"],
             c.get("unit_name") or "", c["rationale"], c["rank"]]
            for i, c in enumerate(picks, start=1)]
    return Sheet(_name("commendations"), cols, rows)


def nominations_sheet(nominations: list[dict]) -> Sheet:
    cols = [_c("stt", INT), _c("proposer"), _c("nominee"), _c("nominee_kind"),
            _c("category"), _c("ward"), _c("achievement", width=60, wrap=True),
            _c("decision"), _c("proposed_on", DATE)]
    rows = [[i, n["unit_name"], n["nominee_name"],
             texts.COMMEND_NOMINEE_KINDS.get(n["nominee_kind"], n["nominee_kind"]),
             ref.CATEGORY_NAMES.get(n["category"], n["category"]), n.get("ward_name") or "",
             n["achievement"], texts.COMMEND_STATUS_NAMES.get(n["status"], n["status"]),
             timefmt.local_date(n["created_at"])]
            for i, n in enumerate(nominations, start=1)]
    return Sheet(_name("nominations"), cols, rows)


# --- the entry lists -------------------------------------------------------------------------

class _Names:
    """Code lists -> Vietnamese names, memoised (a list has few distinct values)."""

    def __init__(self, names: dict):
        self.names, self.memo = names, {}

    def __call__(self, value) -> str:
        out = self.memo.get(value)
        if out is None:
            codes = json.loads(value) if isinstance(value, str) else (value or [])
            out = ", ".join(str(self.names.get(c, c)) for c in codes)
            self.memo[value] = out
        return out


class Lookup(dict):
    """code -> name for a list column; an unknown code shows as itself."""

    def __missing__(self, key):
        return str(key)


def activities_sheet(rows: list[tuple], totals: dict, names: dict[str, Lookup]) -> Sheet:
    """Counting activities, oldest first, STT from 1. rows (from SQL): (unit_id, unit_id,
    ward_code, type, title, start_date, end_date, format_name, participants, online,
    audiences JSON, status_name, link); names: unit_code, unit_name, ward, type lookups
    (a dict look-up per cell is cheaper than three joins per row). The total row: number of
    activities and participants from the stats."""
    cols = [_c("stt", STT), _c("unit_code", convert=names["unit_code"].__getitem__),
            _c("unit", width=36, convert=names["unit_name"].__getitem__),
            _c("ward_held", convert=names["ward"].__getitem__),
            _c("type", width=34, convert=names["type"].__getitem__), _c("title", width=48),
            _c("start_date", DATE), _c("end_date", DATE), _c("format"), _c("participants", INT),
            _c("online", INT), _c("audiences", width=30, convert=audience_names()),
            _c("status"), _c("link", width=30)]
    total = [None, None, texts.WB_TOTAL_ACTIVITIES.format(
        n=numbers.integer(totals["activities"]))] + [None] * 6 + [
        totals["participants"], totals["online_participants"], None, None, None]
    return Sheet(_name("activities"), cols, rows, totals=[total])


def propaganda_sheet(rows: list[tuple], totals: dict, names: dict[str, Lookup]) -> Sheet:
    """Counting propaganda entries, oldest first, STT from 1. rows (from SQL): (unit_id,
    unit_id, ward_code, channel, quantity, channel, date, slogans JSON, status_name, link,
    note). Quantities are in each channel's unit of measure: the total row counts entries
    only."""
    cols = [_c("stt", STT), _c("unit_code", convert=names["unit_code"].__getitem__),
            _c("unit", width=36, convert=names["unit_name"].__getitem__),
            _c("ward_held", convert=names["ward"].__getitem__),
            _c("channel", convert=names["channel"].__getitem__), _c("quantity", INT),
            _c("measure", convert=names["measure"].__getitem__), _c("date", DATE),
            _c("slogans", convert=_Names({})), _c("status"), _c("link", width=30),
            _c("note", width=40)]
    total = [None, None, texts.WB_TOTAL_PROPAGANDA.format(
        n=numbers.integer(totals["propaganda_entries"]))] + [None] * 9
    return Sheet(_name("propaganda"), cols, rows, totals=[total])


def not_counted_sheet(rows: list[tuple], names: dict[str, Lookup] | None = None) -> Sheet:
    """Needs-fix and withdrawn entries of both kinds. rows: (kind 'activity'|'propaganda',
    deleted, unit_code, unit_name, ward_name, content, date, amount, channel, comment);
    `names`: db/export.list_names of the event (channel names and measures)."""
    channel_name = ref.CHANNEL_NAMES.get if names is None else names["channel"].get
    channel_measure = ref.CHANNEL_MEASURES.get if names is None else names["measure"].get
    cols = [_c("stt", INT), _c("entry_kind"), _c("reason"), _c("unit_code"),
            _c("unit", width=36), _c("ward_held"), _c("content", width=48), _c("date", DATE),
            _c("amount", INT), _c("amount_measure"), _c("comment", width=40)]
    out = []
    for i, (kind, deleted, code, unit, ward, content, day, amount, channel, comment) in \
            enumerate(rows, start=1):
        activity = kind == "activity"
        out.append([i, texts.WB_KIND_ACTIVITY if activity else texts.WB_KIND_PROPAGANDA,
                    texts.WB_REASON_WITHDRAWN if deleted else texts.WB_REASON_NEEDS_FIX,
                    code, unit, ward,
                    content if activity else channel_name(channel, channel), day,
                    amount,
                    texts.WB_PERSONS if activity else channel_measure(channel, ""),
                    comment])
    return Sheet(_name("not_counted"), cols, out, preamble=_note(texts.WB_NOTE_NOT_COUNTED))


# --- output ----------------------------------------------------------------------------------

def xlsx(sheets: list[Sheet], out=None, *, progress=None, title: str = "") -> bytes | None:
    """Write the sheets as XLSX to `out` (path or binary file), or return the bytes."""
    if out is not None:
        xs.write(out, sheets, progress=progress, title=title)
        return None
    buffer = io.BytesIO()
    xs.write(buffer, sheets, progress=progress, title=title)
    return buffer.getvalue()


FORMULA_STARTS = ("=", "+", "-", "@")


def _csv_value(value, kind: str):
    """Dates as dd/mm/yyyy; text a spreadsheet would run as a formula (= + - @) gets an
    apostrophe; control characters dropped (numbers are left alone)."""
    if value is None:
        return ""
    if kind == DATE or isinstance(value, date):
        if isinstance(value, str):
            value = date.fromisoformat(value[:10]) if value else None
        return value.strftime("%d/%m/%Y") if value else ""
    if isinstance(value, str):
        value = xs.clean_text(value)
        return "'" + value if value.startswith(FORMULA_STARTS) else value
    return value


def csv_bytes(sheet: Sheet) -> bytes:
    """One table as CSV bytes (see write_csv), UTF-8 with BOM."""
    out = io.StringIO()
    write_csv(sheet, out)
    return out.getvalue().encode("utf-8")


CSV_BOM = "\ufeff"


def write_csv(sheet: Sheet, out, shown_blocks=None) -> None:
    """One table as CSV (header, rows, total rows) written to the text stream `out` as it
    goes (issue 23: 100 000 activities are never held as one text), UTF-8 with BOM so
    Excel shows the diacritics. A rate reads as on every page ("83,3%"); its
    machine-readable ratio (0.8333) follows in a column of its own at the end, headed
    texts.CSV_RATIO_COLUMN. `shown_blocks`: the rows already written as CSV, numbered and
    CRLF-ended, in blocks of UTF-8 bytes or memoryviews (db/activities_csv), handed to the
    stream's byte buffer when it has one; else the sheet's rows are converted here one by
    one."""
    writer = csv.writer(out)
    rates = [i for i, c in enumerate(sheet.columns) if c.kind == PCT]
    out.write(CSV_BOM)
    writer.writerow([c.header for c in sheet.columns]
                    + [texts.CSV_RATIO_COLUMN.format(header=sheet.columns[i].header)
                       for i in rates])
    if shown_blocks is not None:
        _write_blocks(out, shown_blocks)
        rows = iter(sheet.totals)
    else:
        rows = itertools.chain((sheet.shown(i, row) for i, row in enumerate(sheet.rows)),
                               sheet.totals)
    for row in rows:
        row = list(row)
        shown = [numbers.percent(v) if _is_rate(v, c) else _csv_value(v, c.kind)
                 for c, v in zip(sheet.columns, row)]
        writer.writerow(shown + [_machine_ratio(row[i]) for i in rates])


def _write_blocks(out, blocks) -> None:
    """UTF-8 blocks to a text stream: straight to its byte buffer (an open file; the text
    written so far is flushed first, to keep the order), else decoded (io.StringIO)."""
    raw = getattr(out, "buffer", None)
    if raw is not None:
        out.flush()
        for block in blocks:
            raw.write(block)
    else:
        for block in blocks:
            out.write(str(block, "utf-8"))


def csv_text(value) -> str:
    """A text cell of a CSV as write_csv shows it (db/export's SQL path)."""
    return _csv_value(value, TEXT)


def audience_names():
    """The activities list's audiences converter (a JSON list of codes -> names)."""
    return _Names(ref.AUDIENCE_NAMES)


def _is_rate(value, column) -> bool:
    return isinstance(value, Pct) or (column.kind == PCT and isinstance(value, (int, float))
                                      and not isinstance(value, bool))


def _machine_ratio(value):
    """The machine-readable ratio of a rate cell: a float rounded to 4 places, or empty."""
    return round(value, 4) if isinstance(value, (int, float)) else ""
