"""Roll-up (issue 15 item 4): the sheet a week hands to the level above, and the reports of
the sub-organisers a week has taken in. core/rollup.py holds the format and its checks;
this module reads the figures (db/stats.py only) and stores the reports (table
suborg_reports, migration m003_rollup_reports): committee and the command line only, one
audit row per report written, in the same transaction, all files or none.

One report per sub-organiser (its organiser name, compared without case and extra
spaces): a newer export replaces the stored one only when the caller confirms
(`replace=True`); an older one, or the same one again, is refused."""
import functools
import json
from datetime import datetime, timedelta, timezone

from core import reference as ref
from core import rollup as core
from core import rollup_checks as checks
from core import texts, timefmt, xlsx_peek
from db import audit, events, stats
from db.access import Actor, require_role
from db.audit import AuditEvent, now_iso
from db.connection import write_transaction
from db.organiser import organiser_for

IMPORTERS = ("committee", "admin")


# --- the sheet of our own week ---------------------------------------------------------------

def sheet_rows(db, event_id: int, summary: dict | None = None,
               generated_at: str | None = None) -> list[list]:
    """The roll-up rows of this week, with their hash row: every figure from db/stats.py;
    the totals those of `stats --json` (with the sub-organisers this week took in)."""
    summary = with_suborganisations(db, event_id, summary or stats.summary(db, event_id))
    organiser = organiser_for(db, event_id)
    event = summary["event"]
    meta = {"organiser": _organiser_name(db, organiser),
            "level": organiser.level if organiser else "",
            "year": event["year"], "title": event["title"],
            "start_date": event["start_date"], "end_date": event["end_date"],
            "generated_at": generated_at or datetime.now(timezone.utc).isoformat(
                timespec="microseconds"),
            "suborganisations": sum(1 for s in summary.get("suborganisations", [])
                                    if s.get("totals") is not None),
            "sample": int(holds_sample(db, event_id, summary))}
    names = {"tier": ref.TIER_NAMES, "type": ref.TYPE_NAMES, "channel": ref.CHANNEL_NAMES,
             "model": ref.MODEL_NAMES, "category": ref.CATEGORY_NAMES}
    rows = core.sheet_rows(meta, summary, stats.learning_models(db, event_id),
                           stats.commendations_by_category(db, event_id), names)
    return core.with_hash(rows)


def _organiser_name(db, organiser) -> str:
    """The week's organiser name; blank (a new organiser's empty week), the name the
    installation's directory gives its file (db/directory.py), so its sheet can be taken
    in."""
    if organiser is not None and organiser.name.strip():
        return organiser.name
    from db import live_rollup

    record = live_rollup.record_of(db)
    return record.name if record is not None else ""


def holds_sample(db, event_id: int, summary: dict | None = None) -> bool:
    """The week's figures include sample data: its own (`manage.py demo` units) or a
    sub-organiser's report that said so (issue 20 deliver 2)."""
    from db import sample_data

    if sample_data.present(db):
        return True
    subs = (summary or {}).get("suborganisations")
    if subs is None:
        subs = suborganisations(db, event_id)
    return any(s.get("sample") for s in subs)


def sheet(db, event_id: int, summary: dict | None = None):
    return core.rollup_sheet(sheet_rows(db, event_id, summary))


# --- reading a file --------------------------------------------------------------------------

def read_file(data: bytes, file_name: str) -> core.Report:
    """A workbook's roll-up sheet -> Report, or core.RollupError (Vietnamese, line-precise).
    Only that sheet is parsed (openpyxl read-only)."""
    from core import xlsx_guard

    name = texts.WB_SHEETS["rollup"]
    try:  # bounded before openpyxl expands anything (core.xlsx_guard)
        extent = xlsx_guard.inspect(data, name)
        book = xlsx_guard.open_workbook(data) if extent is not None else None
    except xlsx_guard.SheetTooBig as refused:
        raise core.RollupError([f"«{file_name}»: {refused}"]) from None
    except Exception as error:  # zipfile.BadZipFile, KeyError, InvalidFileException...
        raise core.RollupError([texts.ROLLUP_NOT_XLSX.format(file=file_name)]) from error
    if extent is None:
        raise core.RollupError([texts.ROLLUP_NO_SHEET.format(file=file_name, sheet=name)])
    try:
        if name not in book.sheetnames:
            raise core.RollupError([texts.ROLLUP_NO_SHEET.format(file=file_name, sheet=name)])
        try:
            rows = [tuple(r) for r in book[name].iter_rows(
                max_row=max(extent.last_line, 1), max_col=max(extent.last_column, 1),
                values_only=True)]
        except (ValueError, OverflowError) as error:  # openpyxl: int("NaN"), 5 000 digits
            raise core.RollupError([_unreadable_cell(data, book[name], file_name)]) from error
        report = core.parse(rows, file_name=file_name, sheet=name,
                            header=texts.ROLLUP_COLUMNS)
        errors = _visible_errors(book, report, file_name, data)
        if not report.sample and _visible_sample(book):
            report.meta["sample"] = 1  # what the file shows a person, whatever the flag
    finally:
        book.close()
    if errors:
        raise core.RollupError(errors)
    return report


def _visible_errors(book, report, file_name: str, data: bytes) -> list[str]:
    """The visible sheets' figures against the machine sheet's (core/rollup_visible)."""
    from core import rollup_visible

    unreadable = []

    def rows_of(title, key):
        try:
            if key in rollup_visible.LISTS:
                tail = _last_rows(data, book[title])
                if tail is not None:  # a list of thousands of rows: its heading and total
                    head = book[title].iter_rows(max_row=HEAD_ROWS, values_only=True)
                    yield from enumerate(head, start=1)
                    yield from ((n, r) for n, r in tail if n > HEAD_ROWS)
                    return
            yield from enumerate(book[title].iter_rows(values_only=True), start=1)
        except (ValueError, OverflowError):  # NaN, INF, endless digits: a hand-made sheet
            unreadable.append(_unreadable_cell(data, book[title], file_name))

    visible = [n for n in book.sheetnames if n != texts.WB_SHEETS["rollup"]]
    return rollup_visible.check(rows_of, visible, report, file_name) + unreadable


def _visible_sample(book) -> bool:
    from core import rollup_visible

    title = texts.WB_SHEETS["totals"]
    if title not in book.sheetnames:
        return False
    rows = book[title].iter_rows(max_row=rollup_visible.SAMPLE_ROWS, values_only=True)
    return rollup_visible.says_sample(enumerate(rows, start=1))


HEAD_ROWS = 10  # a list's heading lies in its first rows


def _last_rows(data: bytes, sheet):
    """The last rows of a long sheet (core/xlsx_peek.last_rows), or None."""
    try:
        path = sheet._worksheet_path
    except AttributeError:
        return None
    return xlsx_peek.last_rows(data, path)


def _unreadable_cell(data: bytes, sheet, file_name: str) -> str:
    """The message naming the first number cell openpyxl cannot read (NaN, INF, a number
    of thousands of digits), found by core/xlsx_peek.first_bad_number."""
    found = xlsx_peek.first_bad_number(data, getattr(sheet, "_worksheet_path", ""))
    if found is None:
        return texts.ROLLUP_UNREADABLE.format(file=file_name, sheet=sheet.title)
    row, cell = found
    return texts.ROLLUP_AT_ROW.format(file=file_name, sheet=sheet.title, row=row) + ": " + \
        texts.ROLLUP_BAD_CELL.format(cell=cell)


# --- checking against the target week and storing ----------------------------------------

def stored(db, event_id: int) -> list[dict]:
    """The reports taken in for this event, by organiser name: id, organiser, level, year,
    generated_at, content_hash, file_name, imported_at, totals, tables."""
    out = []
    for row in db.query("select * from suborg_reports where event_id = ? "
                        "order by organiser_key", [event_id]):
        try:
            data = json.loads(row.pop("data"))
        except (TypeError, ValueError):
            data = {}
        # a row stored before the checks of issue 25, or edited in the database, may hold
        # any value: marked, left out of every sum, removable (remove())
        row["ok"] = checks.stored_ok(data)
        row["totals"] = data.get("totals", {}) if isinstance(data, dict) else {}
        row["tables"] = data.get("tables", {}) if isinstance(data, dict) else {}
        meta = data.get("meta") if isinstance(data, dict) else None
        row["sample"] = bool(meta.get("sample")) if isinstance(meta, dict) else False
        out.append(row)
    return out


def damaged(db, event_id: int) -> list[str]:
    """Names of the stored reports whose figures break the rules (left out of the sums)."""
    return [r["organiser"] for r in stored(db, event_id) if not r["ok"]]


def remove(db, actor: Actor, event_id: int, name: str) -> dict:
    """Remove the stored report of the organiser `name` (compared as identities), one audit
    row `rollup_remove`. core.RollupError (Vietnamese) when there is none."""
    require_role(actor, *IMPORTERS)
    with write_transaction(db):
        reports = stored(db, event_id)
        found = next((r for r in reports
                      if r["organiser_key"] == core.identity(name)
                      or core.identity(r["organiser"]) == core.identity(name)), None)
        if found is None:
            event = events.get_by_id(db, event_id)
            raise core.RollupError([texts.ROLLUP_REMOVE_UNKNOWN.format(
                name=name, year=event["year"],
                names=", ".join(f"«{r['organiser']}»" for r in reports) or "–")])
        db.execute("delete from suborg_reports where id = ?", [found["id"]])
        audit.record(db, actor, AuditEvent(
            "rollup_remove", "suborg_reports", found["id"],
            before={k: found[k] for k in ("organiser", "level", "year", "generated_at",
                                          "content_hash", "file_name")}))
    return found


def plan(db, event_id: int, reports: list[core.Report], *,
         allow_sample: bool = False) -> tuple[list[str], list[dict]]:
    """(errors, actions) for taking these reports into the event: errors refuse the whole
    batch; each action is {report, replaces (stored row or None)}. An action that replaces
    needs the caller's confirmation (import_reports(replace=True))."""
    event = events.get_by_id(db, event_id)
    own = organiser_for(db, event_id)
    existing = {core.identity(r["organiser"]): r for r in stored(db, event_id)}
    live = _live_names(db, event_id)
    errors, actions, seen = [], [], {}
    for report in reports:
        meta, at = report.meta, report.rows

        def where(key):
            return texts.ROLLUP_AT_ROW.format(file=report.file_name,
                                              sheet=texts.WB_SHEETS["rollup"], row=at[key])

        key = core.identity(report.organiser)
        if report.sample and not allow_sample:
            place = where("sample") if "sample" in at else texts.ROLLUP_AT_SHEET.format(
                file=report.file_name, sheet=texts.WB_SHEETS["totals"])  # its warning
            errors.append(f"{place}: "
                          + texts.ROLLUP_SAMPLE_REFUSED.format(name=report.organiser))
        if core.generated_moment(report) > datetime.now(timezone.utc) + FUTURE_SLACK:
            # a file dated ahead would make every real later export "older", refused
            errors.append(f"{where('generated_at')}: " + texts.ROLLUP_FUTURE_TIME.format(
                theirs=_shown(meta["generated_at"])))
        if meta["year"] != event["year"]:
            errors.append(f"{where('year')}: " + texts.ROLLUP_WRONG_YEAR.format(
                theirs=meta["year"], ours=event["year"]))
        if own is not None and key == core.identity(own.name):
            errors.append(f"{where('organiser')}: "
                          + texts.ROLLUP_OWN_ORGANISER.format(name=own.name))
            continue
        if key in live:  # its figures are summed already, live, from its own file
            errors.append(f"{where('organiser')}: " + texts.ROLLUP_LIVE_CHILD.format(
                name=report.organiser, live=live[key]))
            continue
        if key in seen:
            errors.append(f"{where('organiser')}: " + texts.ROLLUP_TWICE_IN_BATCH.format(
                name=report.organiser, other=seen[key]))
            continue
        seen[key] = report.file_name
        old = existing.get(key)
        if old is not None and old["ok"]:  # a damaged stored report is simply replaced
            theirs, mine = core.generated_moment(report), core.generated_moment(
                {"generated_at": old["generated_at"]})
            if report.content_hash == old["content_hash"] or theirs == mine:
                errors.append(f"{where('generated_at')}: " + texts.ROLLUP_SAME.format(
                    name=old["organiser"], existing=_shown(old["generated_at"])))
                continue
            if theirs < mine:
                errors.append(f"{where('generated_at')}: " + texts.ROLLUP_OLDER.format(
                    name=old["organiser"], existing=_shown(old["generated_at"]),
                    theirs=_shown(meta["generated_at"])))
                continue
        actions.append({"report": report, "replaces": old})
    return errors, actions


FUTURE_SLACK = timedelta(days=1)  # clocks of two offices may differ, not by more


def _shown(moment: str) -> str:
    """A moment of export as people read it (Hà Nội time, with seconds)."""
    return timefmt.local(moment, seconds=True)


class NeedsConfirmation(core.RollupError):
    """Newer files of organisers already taken in: import again with replace=True."""

    def __init__(self, errors: list[str], actions: list[dict]):
        super().__init__(errors)
        self.actions = actions


def import_reports(db, actor: Actor, event_id: int, reports: list[core.Report], *,
                   replace: bool = False, allow_sample: bool = False) -> list[dict]:
    """Store every report or none (core.RollupError with every reason; NeedsConfirmation
    when the only obstacle is a newer file that replaces a stored one and `replace` is
    off). Checked again inside the write transaction. Returns the actions done."""
    require_role(actor, *IMPORTERS)
    with write_transaction(db):
        errors, actions = plan(db, event_id, reports, allow_sample=allow_sample)
        if errors:
            raise core.RollupError(errors)
        pending = [a for a in actions if a["replaces"] is not None]
        if pending and not replace:
            raise NeedsConfirmation([
                texts.ROLLUP_AT_ROW.format(file=a["report"].file_name,
                                           sheet=texts.WB_SHEETS["rollup"],
                                           row=a["report"].rows["generated_at"]) + ": "
                + texts.ROLLUP_NEEDS_REPLACE.format(
                    name=a["replaces"]["organiser"],
                    existing=_shown(a["replaces"]["generated_at"]),
                    theirs=_shown(a["report"].meta["generated_at"])) for a in pending], actions)
        for action in actions:
            report, old = action["report"], action["replaces"]
            meta = report.meta
            record = {"event_id": event_id, "organiser": report.organiser,
                      "organiser_key": core.identity(report.organiser),
                      "level": str(meta.get("level") or ""), "year": meta["year"],
                      "schema_version": meta["schema_version"],
                      "generated_at": meta["generated_at"],
                      "content_hash": report.content_hash, "file_name": report.file_name,
                      "data": json.dumps(report.as_json(), ensure_ascii=False),
                      "imported_at": now_iso(), "imported_by": actor.user_id}
            summary = {k: record[k] for k in ("organiser", "level", "year", "generated_at",
                                              "content_hash", "file_name")}
            summary["sample"] = report.sample
            if old is None:
                row_id = db["suborg_reports"].insert(record).last_pk
                audit.record(db, actor, AuditEvent("rollup_import", "suborg_reports", row_id,
                                                   after=summary))
            else:
                row_id = old["id"]
                db["suborg_reports"].update(row_id, record)
                audit.record(db, actor, AuditEvent(
                    "rollup_replace", "suborg_reports", row_id,
                    before={k: old[k] for k in summary}, after=summary))
            action["id"] = row_id
    return actions


# --- figures with the sub-organisers ---------------------------------------------------------

def report_totals(totals: dict) -> dict:
    """A lower level's sheet totals as they are summed: rates recomputed, its own-map
    areas as they are (core.combined_totals)."""
    out = core.combined_totals({k: 0 for k in core.SHEET_TOTALS}, [totals])
    out.update({k: totals[k] for k in core.OWN_ONLY_TOTALS})
    return out


def lower_levels(db, event_id: int) -> dict:
    """Every lower level of the week: {"summed": items whose totals are in the sums (the
    reports taken in, then the live children of the directory, db/live_rollup.py),
    "unsummed": live children listed without figures (no week of that year, unreadable),
    "superseded": [(stored report's name, live child's name)]}. A stored report naming a
    live child (its name in the directory or on its sheet) is left out of the sums: the
    live figures win, and the pages say so. Items keep their tables ("tables")."""
    from db import live_rollup

    live = live_rollup.children(db, event_id)
    names = {}
    for child in live:
        for name in (child["organiser"], *_directory_names(child)):
            names.setdefault(_identity(name), child["organiser"])
    summed, superseded = [], []
    for item in stored_items(db, event_id):
        if _identity(item["organiser"]) in names:
            superseded.append((item["organiser"], names[_identity(item["organiser"])]))
            continue
        summed.append(item)
    # copies: the cached items of db/live_rollup stay as read, whatever a caller does
    summed += [dict(c, totals=dict(c["totals"])) for c in live if c["totals"] is not None]
    return {"summed": summed, "unsummed": [dict(c) for c in live if c["totals"] is None],
            "superseded": superseded}


def stored_items(db, event_id: int) -> list[dict]:
    """The reports taken in whose figures pass the rules, as lower-level items (with their
    tables)."""
    return [{"organiser": r["organiser"], "level": r["level"], "year": r["year"],
             "generated_at": r["generated_at"], "imported_at": r["imported_at"],
             "file_name": r["file_name"], "content_hash": r["content_hash"],
             "sample": r["sample"], "totals": report_totals(r["totals"]),
             "tables": r["tables"]} for r in stored(db, event_id) if r["ok"]]


@functools.lru_cache(maxsize=4096)
def _identity(name: str) -> str:
    """core.identity, remembered: every refresh compares the same few hundred names."""
    return core.identity(name)


def _live_names(db, event_id: int) -> dict[str, str]:
    """identity -> name of every live child of this organiser (its sheet's and its
    directory name), whatever its state."""
    from db import live_rollup

    names = {}
    for child in live_rollup.children(db, event_id):
        for name in (child["organiser"], *_directory_names(child)):
            names.setdefault(_identity(name), child["organiser"])
    return names


def _directory_names(child: dict) -> list[str]:
    return [n for n in (child.get("directory_name"),) if n]


def without_tables(items: list[dict]) -> list[dict]:
    return [{k: v for k, v in item.items() if k != "tables"} for item in items]


def suborganisations(db, event_id: int) -> list[dict]:
    """[{organiser, level, year, generated_at, imported_at, file_name, content_hash,
    sample, totals}] of the stored reports (totals as in their files, rates recomputed),
    then of the live children in the installation's directory (db/live_rollup.py: the
    same keys plus key, live, state, state_label, errors): the lower levels whose figures
    are summed."""
    return without_tables(lower_levels(db, event_id)["summed"])


def superseded(db, event_id: int) -> list[tuple[str, str]]:
    """(stored report, live child) pairs: reports taken in that a live child replaces."""
    return lower_levels(db, event_id)["superseded"]


def with_suborganisations(db, event_id: int, summary: dict) -> dict:
    """`stats --json`: the summary unchanged when there is no lower level; otherwise
    `totals` include the lower levels' figures (core.ADDITIVE_TOTALS summed, the rates
    recomputed, wards and wards_covered the own map's), `own_totals` hold the own
    figures and `suborganisations` each lower level's (a live child without figures too,
    with `totals` null and its state). docs/rollup.md."""
    levels = lower_levels(db, event_id)
    subs = without_tables(levels["summed"])
    if not subs and not levels["unsummed"]:
        return summary
    out = dict(summary)
    out["own_totals"] = summary["totals"]
    out["totals"] = core.combined_totals(summary["totals"], [s["totals"] for s in subs])
    out["suborganisations"] = subs + without_tables(levels["unsummed"])
    return out
