"""Bulk import of activities and propaganda from a CSV/XLSX table (db.entries re-exports it).

- headers and coded values in the clerk's words (core.import_format);
- all or nothing by default: one bad row and nothing is written; every problem is
  reported with its line, column, value and reason; `skip_invalid` writes the good rows;
- the same content imported again is refused with when and by whom it was first imported
  (`allow_duplicate_file` overrides; recorded and audited either way: db.import_files);
- a row identical to an entry the unit already has, or to an earlier row of the file, is a
  probable duplicate and refused unless `allow_duplicates`;
- a unit imports only its own rows (and may leave the unit column empty);
- every column is used or named: a column the layout does not know stops the import with
  the nearest known names, unless `ignore_unknown_columns` (then the answer names the
  columns left unread); row numbers («STT») are ignored quietly.
"""
import hashlib
import secrets

from core import entry_rules, import_format, texts, timefmt
from core.import_format import ACTIVITY_LAYOUT, PROPAGANDA_LAYOUT, MappedTable
from core.numbers import integer
from core.tabular import MAX_ROWS, ImportReport, Table
from core.text import clean
from db import areas, catalogue, events, import_files, roster, submissions, units
from db.access import AccessDenied, Actor, require_role, require_unit_access
from db.audit import _dump, now_iso
from db.connection import write_transaction
from db.entries import WRITER_ROLES, _stored, catalogue_of


DATE_FIELDS = {"activities": ("start_date", "end_date"), "propaganda": ("date",)}
# what makes two entries of a unit "the same" (DUPLICATE_WHAT in texts says it in words)
DUPLICATE_KEYS = {"activities": ("type", "title", "start_date", "ward_code", "participants"),
                  "propaganda": ("channel", "date", "ward_code", "quantity", "note")}


def layout_of(kind) -> import_format.Layout:
    return ACTIVITY_LAYOUT if kind.table == "activities" else PROPAGANDA_LAYOUT


def importable_units(db, actor: Actor, event_id: int | None = None) -> list[dict]:
    """The units whose rows this actor may import into the week: a unit user only its
    own; the committee the week's roster (db/roster.py)."""
    if actor.role == "unit":
        unit = units.get(db, actor.unit_id)
        return [unit] if unit else []
    return units.list_units(db, event_id=event_id, active=True)


def vocabularies(db, actor: Actor, event_id: int) -> dict:
    slogans = {s["number"]: s["text"] for s in events.slogans(db, event_id)}
    return import_format.vocabularies(units=importable_units(db, actor, event_id), slogans=slogans,
                                      types=catalogue.types_for(db, event_id),
                                      channels=catalogue.channels_for(db, event_id),
                                      areas=areas.names_for(db, event_id))


def import_rows(db, actor: Actor, kind, event_id: int, table: Table, *, skip_invalid=False,
                allow_outside_week=False, allow_duplicates=False, allow_duplicate_file=False,
                ignore_unknown_columns=False, source="") -> ImportReport:
    """Check every row with no lock held, then write (see `_write`): the write lock is
    only ever held for a short batch, so other units keep saving during an import."""
    require_role(actor, *WRITER_ROLES)
    report = ImportReport()
    if len(table.rows) > MAX_ROWS:  # read_table refuses these already; a Table built elsewhere
        report.add(None, "", source, texts.TABLE_TOO_MANY_ROWS.format(max=integer(MAX_ROWS)))
        return report
    layout = layout_of(kind)
    own_unit = actor.role == "unit"
    mapped, problems = import_format.map_table(
        table, layout, optional=("unit_code",) if own_unit else (),
        strict=not ignore_unknown_columns)
    report.ignored_columns = list(mapped.unknown) if ignore_unknown_columns else []
    if problems:
        report.errors.extend(problems)
        return report
    sha256 = _content_hash(db, actor, table, mapped)
    event = events.get_by_id(db, event_id)
    if own_unit:
        submissions.ensure_unit_can_write(db, actor, event_id, actor.unit_id)
    if _seen_before(db, kind, sha256, source, report, allow_duplicate_file):
        return report
    planned = _check_rows(db, actor, kind, event, mapped, report,
                          allow_outside_week=allow_outside_week,
                          allow_duplicates=allow_duplicates)
    if report.errors and not allow_duplicate_file and \
            import_files.first_import(db, kind.table, sha256):
        # imported by someone else while the rows were checked: that is the reason
        report = ImportReport()
        _seen_before(db, kind, sha256, source, report, allow_duplicate_file)
        return report
    if (report.errors and not skip_invalid) or not planned:
        return report  # nothing was written
    _write(db, actor, kind, event_id, planned, source, sha256, report,
           allow_duplicate_file=allow_duplicate_file)
    return report


def _seen_before(db, kind, sha256, source, report, allow_duplicate_file) -> bool:
    """The same content imported before (and not allowed again): reported, True."""
    first = import_files.first_import(db, kind.table, sha256)
    if first is None or allow_duplicate_file:
        return False
    report.add(None, "", source, texts.IMP_FILE_SEEN.format(
        at=timefmt.local(first["imported_at"]), user=first["username"],
        name=first["filename"], rows=first["rows"]), "duplicate_file")
    return True


def _write(db, actor, kind, event_id, planned, source, sha256, report, *,
           allow_duplicate_file) -> None:
    """All or nothing, holding the write lock only for the final move: the checked rows
    (with their audit text) first go into a TEMP table of this connection — SQLite keeps
    it apart from the database file, so filling it takes no lock and nobody else sees it —
    then one short transaction re-checks what may have changed meanwhile (the week or the
    unit's report closed, the same file imported by someone else), moves the rows into
    the entries table and their audit rows into audit_log (SQL, no Python per row) and
    records the file."""
    staging, columns = _stage(db, planned, source)
    # the commit would run SQLite's automatic checkpoint of the ~15 MB it wrote while this
    # thread still holds the writer queue: checkpoint after releasing it (PASSIVE: other
    # writers go on meanwhile)
    db.execute("PRAGMA wal_autocheckpoint = 0")
    try:
        with write_transaction(db):
            if actor.role == "unit":
                submissions.ensure_unit_can_write(db, actor, event_id, actor.unit_id)
            if _seen_before(db, kind, sha256, source, report, allow_duplicate_file):
                return
            first = import_files.first_import(db, kind.table, sha256)
            report.created = _publish(db, actor, kind, staging, columns)
            import_files.record(db, actor, kind.table, event_id, sha256, source,
                                report.created, first["id"] if first else None)
            report.written = True
    finally:
        db.execute(f"drop table if exists temp.{staging}")
        db.execute("PRAGMA wal_autocheckpoint = 1000")  # SQLite's default
        db.execute("PRAGMA wal_checkpoint(PASSIVE)")


def _stage(db, planned: list, source: str) -> tuple[str, list[str]]:
    """A TEMP table of the rows (in file order) with their audit text; returns its name
    and the entry columns (the same for every row: a missing key would become NULL
    instead of the column's default)."""
    columns = list(planned[0][1])
    if any(list(row) != columns for _line, row in planned):
        raise ValueError("import rows with different columns")
    name = f"import_{secrets.token_hex(8)}"
    quoted = ", ".join(f'"{c}"' for c in columns)
    db.execute(f"create temp table {name} (seq integer primary key, {quoted}, "
               "audit_after text, audit_detail text)")
    marks = ", ".join("?" * (len(columns) + 3))
    db.conn.execute("begin")  # a transaction on the temp database only: no lock on the file
    try:
        db.conn.executemany(
            f"insert into temp.{name} (seq, {quoted}, audit_after, audit_detail) "
            f"values ({marks})",
            ([seq, *row.values(), _dump(row), _dump({"import": source, "line": line})]
             for seq, (line, row) in enumerate(planned)))
        db.conn.execute("commit")
    except BaseException:
        db.conn.execute("rollback")
        db.execute(f"drop table if exists temp.{name}")
        raise
    return name, columns


def _publish(db, actor, kind, staging: str, columns: list[str]) -> int:
    """Move the staged rows into their table (ids follow the file's order) and write one
    audit row per entry, as entries._insert would; the stats' triggers fire per row."""
    base = db.execute(f"select coalesce(max(id), 0) from {kind.table}").fetchone()[0]
    quoted = ", ".join(f'"{c}"' for c in columns)
    moved = db.execute(
        f"insert into {kind.table} (id, {quoted}) select ? + seq + 1, {quoted} "
        f"from temp.{staging}", [base]).rowcount
    db.execute(
        "insert into audit_log (at, user_id, username, action, table_name, row_id, before, "
        "after, detail) select ?, ?, ?, 'create', ?, cast(? + seq + 1 as text), null, "
        f"audit_after, audit_detail from temp.{staging}",
        [now_iso(), actor.user_id, actor.username, kind.table, base])
    return moved


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
        unit, errors = _row_unit(db, actor, own, cells, vocabs["unit"], unit_cache,
                                 event["id"])
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
        planned.append((line, _row(actor, kind, event["id"], unit["id"], record)))
    return planned


def _row(actor, kind, event_id, unit_id, record) -> dict:
    """The entry's row as entries._insert writes it (and as its audit row records it)."""
    return dict(_stored(record, kind), event_id=event_id, unit_id=unit_id,
                status="submitted", deleted=0, created_by=actor.user_id,
                created_by_name=actor.username, created_at=now_iso())


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


def _row_unit(db, actor, own, cells, vocab, cache, event_id) -> tuple[dict | None, dict]:
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
    if not roster.member(db, event_id, unit["id"]):  # retired from (or never in) this week
        year = db.execute("select year from events where id = ?", [event_id]).fetchone()[0]
        return None, {"unit_code": texts.ROSTER_NOT_IN_WEEK.format(
            code=unit["code"], name=unit["name"], year=year)}
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
    names = [u["name"] for u in importable_units(db, actor, event["id"])]
    rows = import_format.example_rows(layout, week, names, vocabs)
    return layout.headers, rows, vocabs
