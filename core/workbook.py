"""The city's workbook: the summary of db/stats.py and the entry lists as tables with
Vietnamese headers, written as XLSX (one sheet per table) or CSV (one table).

Pure: rows in, bytes out. db/export.py feeds it from the database."""
import csv
import io
import json
from datetime import date

from core import reference as ref
from core import texts
from core.numbers import XLSX_INT_FORMAT, XLSX_PCT_FORMAT

Table = tuple[list[str], list[list]]  # headers, rows
SHEET_ORDER = ["totals", "by_ward", "by_tier", "by_day", "by_type", "by_channel",
               "activities", "propaganda"]


def _h(*keys) -> list[str]:
    return [texts.EXP_COLS[k] for k in keys]


def vn_date(iso: str | None) -> str:
    return date.fromisoformat(iso[:10]).strftime("%d/%m/%Y") if iso else ""


def _rate(part, whole):
    return round(part / whole, 4) if whole else 0.0


def tables(summary: dict, activities: list[dict], propaganda: list[dict]) -> dict[str, Table]:
    """All tables of the workbook, in SHEET_ORDER."""
    t = summary["totals"]
    event = summary["event"]
    totals_rows = [[texts.EXP_COLS["title"], event["title"]],
                   [texts.EXP_COLS["start_date"], vn_date(event["start_date"])],
                   [texts.EXP_COLS["end_date"], vn_date(event["end_date"])]]
    totals_rows += [[texts.EXP_TOTAL_LABELS[k], t[k]] for k in texts.EXP_TOTAL_LABELS]
    return {
        "totals": (_h("item", "value"), totals_rows),
        "by_ward": (_h("code", "ward", "activities", "participants", "propaganda_items",
                       "units", "reporting_units", "rate"),
                    [[w["code"], w["name"], w["activities"], w["participants"],
                      w["propaganda_items"], w["units"], w["reporting_units"],
                      _rate(w["reporting_units"], w["units"])] for w in summary["by_ward"]]),
        "by_tier": (_h("tier", "schools", "reporting_schools", "rate", "activities",
                       "participants"),
                    [[ref.TIER_NAMES[r["tier"]], r["schools"], r["reporting_schools"],
                      _rate(r["reporting_schools"], r["schools"]), r["activities"],
                      r["participants"]] for r in summary["by_tier"]]),
        "by_day": (_h("date", "activities", "participants"),
                   [[vn_date(d["date"]), d["activities"], d["participants"]]
                    for d in summary["by_day"]]),
        "by_type": (_h("code", "type", "group", "activities", "participants"),
                    [[r["type"], ref.TYPE_NAMES[r["type"]],
                      ref.GROUP_NAMES[ref.TYPE_GROUPS[r["type"]]], r["activities"],
                      r["participants"]] for r in summary["by_type"]]),
        "by_channel": (_h("code", "channel", "measure", "entries", "quantity"),
                       [[r["channel"], ref.CHANNEL_NAMES[r["channel"]],
                         ref.CHANNEL_MEASURES[r["channel"]], r["entries"], r["quantity"]]
                        for r in summary["by_channel"]]),
        "activities": (_h("id", "unit_code", "unit", "ward", "type", "title", "start_date",
                          "end_date", "format", "participants", "online_participants",
                          "audiences", "status", "link"),
                       [[a["id"], a["unit_code"], a["unit_name"],
                         ref.WARD_NAMES.get(a["ward_code"], a["ward_code"]),
                         ref.TYPE_NAMES.get(a["type"], a["type"]), a["title"],
                         vn_date(a["start_date"]), vn_date(a["end_date"]),
                         ref.FORMAT_NAMES.get(a["format"], a["format"]), a["participants"],
                         a["online_participants"], _names(a["audiences"], ref.AUDIENCE_NAMES),
                         texts.STATUS_NAMES[a["status"]], a["evidence_url"] or ""]
                        for a in activities]),
        "propaganda": (_h("id", "unit_code", "unit", "ward", "channel", "quantity", "measure",
                          "date", "slogans", "status", "link", "note"),
                       [[p["id"], p["unit_code"], p["unit_name"],
                         ref.WARD_NAMES.get(p["ward_code"], p["ward_code"]),
                         ref.CHANNEL_NAMES.get(p["channel"], p["channel"]), p["quantity"],
                         ref.CHANNEL_MEASURES.get(p["channel"], ""), vn_date(p["date"]),
                         ", ".join(str(n) for n in _json(p["slogans"])),
                         texts.STATUS_NAMES[p["status"]], p["link"] or "", p["note"] or ""]
                        for p in propaganda]),
    }


def _json(value):
    return json.loads(value) if isinstance(value, str) else (value or [])


def _names(codes, names):
    return ", ".join(names.get(c, c) for c in _json(codes))


FORMULA_STARTS = ("=", "+", "-", "@")


def _inert_cell(sheet, value):
    """Text typed by a unit such as "=HYPERLINK(...)" must stay text in the city's
    workbook: openpyxl would store it as a live formula."""
    from openpyxl.cell import WriteOnlyCell

    if isinstance(value, str) and value.startswith("="):
        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"
        return cell
    return value


def _inert_csv(value):
    """Spreadsheet programs run CSV cells starting with = + - @ as formulas: prefix an
    apostrophe to such text (numbers are left alone)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def xlsx(all_tables: dict[str, Table]) -> bytes:
    """One sheet per table (Vietnamese sheet names and headers); write-only mode keeps
    100 000 rows in little memory. Numbers stay numeric (rates as %, counts as #,##0)."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    book = Workbook(write_only=True)
    bold = Font(bold=True)
    for name in SHEET_ORDER:
        headers, rows = all_tables[name]
        sheet = book.create_sheet(texts.EXP_SHEETS[name][:31])
        sheet.freeze_panes = "A2"
        header_cells = []
        for title in headers:
            cell = WriteOnlyCell(sheet, value=title)
            cell.font = bold
            header_cells.append(cell)
        sheet.append(header_cells)
        small = len(rows) < 1000  # styling every cell of the entry lists costs too much
        rate_col = headers.index(texts.EXP_COLS["rate"]) if texts.EXP_COLS["rate"] in \
            headers else None
        for row in rows:
            if not small:
                sheet.append([_inert_cell(sheet, value) for value in row])
                continue
            cells = []
            for i, value in enumerate(row):
                cell = WriteOnlyCell(sheet, value=value)
                if isinstance(value, str) and value.startswith("="):
                    cell.data_type = "s"
                if isinstance(value, (int, float)) and not isinstance(value, bool):
                    cell.number_format = XLSX_PCT_FORMAT if (
                        i == rate_col or (name == "totals" and isinstance(value, float))
                    ) else XLSX_INT_FORMAT
                cells.append(cell)
            sheet.append(cells)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def csv_bytes(all_tables: dict[str, Table], name: str = "activities") -> bytes:
    """One table as CSV, UTF-8 with BOM so Excel shows the diacritics."""
    if name not in all_tables:
        raise KeyError(name)
    headers, rows = all_tables[name]
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(headers)
    writer.writerows([_inert_csv(v) for v in row] for row in rows)
    return ("\ufeff" + out.getvalue()).encode("utf-8")
