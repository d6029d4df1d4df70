"""Bulk import of activities and propaganda from a CSV/XLSX table (db.entries re-exports it).

- headers and coded values in the clerk's words (core.import_format);
- all or nothing by default: one bad row and nothing is written; every problem is
  reported with its line, column, value and reason; `skip_invalid` writes the good rows;
- the same content imported again is refused with when and by whom it was first imported
  (`allow_duplicate_file` overrides; recorded and audited either way: db.import_files);
- a row identical to an entry the unit already has, or to an earlier row of the file, is a
  probable duplicate and refused unless `allow_duplicates`;
- a unit imports only its own rows (and may leave the unit column empty).
"""
import hashlib

from core import entry_rules, import_format, texts, timefmt
from core.import_format import ACTIVITY_LAYOUT, PROPAGANDA_LAYOUT, MappedTable
from core.tabular import ImportReport, Table
from core.text import clean
from db import areas, catalogue, events, import_files, submissions, units
from db.access import AccessDenied, Actor, require_role, require_unit_access
from db.connection import write_transaction
from db.entries import WRITER_ROLES, _insert, catalogue_of

DATE_FIELDS = {"activities": ("start_date", "end_date"), "propaganda": ("date",)}
# what makes two entries of a unit "the same" (DUPLICATE_WHAT in texts says it in words)
DUPLICATE_KEYS = {"activities": ("type", "title", "start_date", "ward_code", "participants"),
                  "propaganda": ("channel", "date", "ward_code", "quantity", "note")}


def layout_of(kind) -> import_format.Layout:
    return ACTIVITY_LAYOUT if kind.table == "activities" else PROPAGANDA_LAYOUT


def importable_units(db, actor: Actor) -> list[dict]:
    """The units whose rows this actor may import: a unit user only its own."""
    if actor.role == "unit":
        unit = units.get(db, actor.unit_id)
        return [unit] if unit else []
    return units.list_units(db, active=True)


def vocabularies(db, actor: Actor, event_id: int) -> dict:
    slogans = {s["number"]: s["text"] for s in events.slogans(db, event_id)}
    return import_format.vocabularies(units=importable_units(db, actor), slogans=slogans,
                                      types=catalogue.types_for(db, event_id),
                                      channels=catalogue.channels_for(db, event_id),
                                      areas=areas.names_for(db, event_id))


def import_rows(db, actor: Actor, kind, event_id: int, table: Table, *, skip_invalid=False,
                allow_outside_week=False, allow_duplicates=False, allow_duplicate_file=False,
                source="") -> ImportReport:
    require_role(actor, *WRITER_ROLES)
    report = ImportReport()
    layout = layout_of(kind)
    own_unit = actor.role == "unit"
    mapped, problems = import_format.map_table(
        table, layout, optional=("unit_code",) if own_unit else ())
    if problems:
        report.errors.extend(problems)
        return report
    sha256 = _content_hash(db, actor, table, mapped)
    with write_transaction(db):
        event = events.get_by_id(db, event_id)
        if own_unit:
            submissions.ensure_unit_can_write(db, actor, event_id, actor.unit_id)
        first = import_files.first_import(db, kind.table, sha256)
        if first and not allow_duplicate_file:
            report.add(None, "", source, texts.IMP_FILE_SEEN.format(
                at=timefmt.local(first["imported_at"]), user=first["username"],
                name=first["filename"], rows=first["rows"]), "duplicate_file")
            return report
        planned = _check_rows(db, actor, kind, event, mapped, report,
                              allow_outside_week=allow_outside_week,
                              allow_duplicates=allow_duplicates)
        if report.errors and not skip_invalid:
            return report  # nothing was written: the transaction commits nothing
        for line, unit, record in planned:
            _insert(db, actor, kind, event_id, unit["id"], record, [],
                    {"import": source, "line": line})
            report.created += 1
        if planned:
            import_files.record(db, actor, kind.table, event_id, sha256, source,
                                report.created, first["id"] if first else None)
        report.written = bool(planned)
    return report


def _content_hash(db, actor, table: Table, mapped: MappedTable) -> str:
    """The file's content hash; when a unit left unit cells empty (they mean «my unit»), the
    unit is part of the content: two schools sending the same rows are not a double import."""
    content = table.content_hash()
    if actor.role == "unit" and any(not clean(cells.get("unit_code"))
                                    for _line, cells in mapped.rows):
        unit = units.get(db, actor.unit_id)
        content = hashlib.sha256(f"{content}:{unit['code']}".encode()).hexdigest()
    return content


def _check_rows(db, actor, kind, event, mapped: MappedTable, report: ImportReport, *,
                allow_outside_week, allow_duplicates) -> list:
    """Validate every row; add each problem to `report`; return the rows to write."""
    layout = mapped.layout
    week = entry_rules.week_of(event)
    vocabs = vocabularies(db, actor, event["id"])
    limits = catalogue_of(db, kind, event["id"])
    planned, seen_in_file = [], {}
    existing = _ExistingEntries(db, kind, event["id"])
    own = units.get(db, actor.unit_id) if actor.role == "unit" else None
    unit_cache: dict[str, dict | None] = {}
    unit_area = areas.unit_areas(db, event["id"])  # each unit's area in this week
    area_names = areas.names_for(db, event["id"])
    for line, cells in mapped.rows:
        cells, twin_errors = import_format.merge_twins(mapped, cells, vocabs)
        unit, errors = _row_unit(db, actor, own, cells, vocabs["unit"], unit_cache)
        errors.update(twin_errors)
        values, coded_errors = import_format.resolve_row(layout, cells, vocabs)
        record, row_errors = kind.check(values, week,
                                        default_ward=(unit_area.get(unit["id"]) if unit
                                                      else None),
                                        areas=area_names,
                                        confirm_outside=allow_outside_week,
                                        outside_message=texts.IMP_DATE_OUTSIDE, **limits)
        if unit is None:  # the ward default is unknown: only the unit's problem matters
            row_errors.pop("ward_code", None)
        row_errors.update(coded_errors)
        errors.update(row_errors)
        for name, reason in errors.items():
            report.add(line, mapped.header(name), clean(cells.get(name)), reason,
                       _hint(name, cells, week, kind))
        if errors:
            continue
        key = (unit["id"],) + tuple(_key_part(record[k]) for k in DUPLICATE_KEYS[kind.table])
        if not allow_duplicates:
            reason = None
            if key in seen_in_file:
                reason = texts.IMP_DUPLICATE_IN_FILE.format(
                    first=seen_in_file[key], what=texts.IMP_DUPLICATE_WHAT[kind.table])
            elif (at := existing.created_at(unit["id"], key)) is not None:
                reason = texts.IMP_DUPLICATE_EXISTING.format(
                    at=timefmt.local(at), what=texts.IMP_DUPLICATE_WHAT[kind.table])
            if reason:
                shown = "title" if kind.table == "activities" else "channel"
                report.add(line, mapped.header(shown), clean(cells.get(shown)), reason,
                           "duplicate_row")
                continue
        seen_in_file.setdefault(key, line)
        planned.append((line, unit, record))
    return planned


def _hint(name, cells, week, kind) -> str | None:
    if name in DATE_FIELDS[kind.table]:
        day = entry_rules.parse_date(cells.get(name))
        if day is not None and not week.contains(day):
            return "outside_week"
    return None


def _key_part(value):
    """Titles and notes compare without regard to case and spacing."""
    if isinstance(value, str):
        return " ".join(value.casefold().split())
    return value


class _ExistingEntries:
    """The live entries of a unit in the event, by duplicate key (loaded once per unit)."""

    def __init__(self, db, kind, event_id):
        self.db, self.kind, self.event_id = db, kind, event_id
        self.by_unit: dict[int, dict] = {}

    def created_at(self, unit_id: int, key: tuple) -> str | None:
        if unit_id not in self.by_unit:
            columns = DUPLICATE_KEYS[self.kind.table]
            rows = self.db.execute(
                f"select {', '.join(columns)}, created_at from {self.kind.table} "
                "where event_id = ? and unit_id = ? and deleted = 0 order by id",
                [self.event_id, unit_id]).fetchall()
            found = {}
            for row in rows:
                found.setdefault((unit_id,) + tuple(_key_part(v) for v in row[:-1]), row[-1])
            self.by_unit[unit_id] = found
        return self.by_unit[unit_id].get(key)


def _row_unit(db, actor, own, cells, vocab, cache) -> tuple[dict | None, dict]:
    """The unit a row is for, or its problem. A unit user's empty cell means its own unit."""
    written = clean(cells.get("unit_code"))
    if not written:
        if own is not None:
            return own, {}
        return None, {"unit_code": texts.IMP_UNIT_UNKNOWN}
    if written not in cache:
        code, _reason = import_format.resolve_unit(vocab, written)
        cache[written] = units.get_by_code(db, code or written)
    unit = cache[written]
    if unit is None:
        code, reason = import_format.resolve_unit(vocab, written)
        if own is not None and reason == texts.IMP_UNIT_UNKNOWN:
            reason = texts.ENT_IMPORT_OTHER_UNIT.format(code=written)
        return None, {"unit_code": reason}
    if not unit["active"]:
        return None, {"unit_code": texts.ENT_UNIT_INACTIVE.format(code=unit["code"])}
    try:
        require_unit_access(actor, unit["id"])
    except AccessDenied:
        return None, {"unit_code": texts.ENT_IMPORT_OTHER_UNIT.format(code=written)}
    return unit, {}


def template(db, actor: Actor, kind, event: dict) -> tuple[list[str], list[list], dict]:
    """(headers, example rows, vocabularies) of the template this actor downloads."""
    layout = layout_of(kind)
    vocabs = vocabularies(db, actor, event["id"])
    week = entry_rules.week_of(event)
    names = [u["name"] for u in importable_units(db, actor)]
    rows = import_format.example_rows(layout, week, names, vocabs)
    return layout.headers, rows, vocabs
