"""Units: listing, editing and the all-or-nothing import. Which units take part in a week
is that week's roster (db/roster.py): listing, importing and retiring act on one week
(the newest when none is named)."""
from core import import_format, texts
from core.tabular import ImportReport, Table
from core.text import clean, nfc
from core.validation import UNIT_COLUMNS, unit_errors, unit_record
from db import areas, audit, roster, week_units
from db.access import Actor, ValidationFailed, require_role
from db.audit import AuditEvent, now_iso
from db.connection import write_transaction


_COLUMNS = "u.id, u.code, u.name, u.kind, u.tier, u.ward_code, u.email, u.phone, " \
    "u.is_sample, u.created_at"


def list_units(db, *, event_id=None, ward=None, kind=None, tier=None, active=None,
               search=None) -> list[dict]:
    """Units with `active` = in the roster of `event_id` (default: the newest week) and
    `area_code` = their area in that week; `active` True/False filters on it, None lists
    every unit of the installation."""
    event_id = event_id or roster.latest_event_id(db)
    member = roster.in_roster_sql("u", event_id) if event_id else "u.active = 1"
    area = areas.unit_area_sql("u", event_id) if event_id else "u.ward_code"
    where, params = [], []
    for column, value in (("ward_code", ward), ("kind", kind), ("tier", tier)):
        if value:
            where.append(f"u.{column} = ?")
            params.append(value)
    if active is not None:
        where.append(member if active else f"not {member}")
    if search:
        where.append("(u.code like ? or u.name like ?)")
        params += [f"%{nfc(search)}%"] * 2
    sql = (f"select {_COLUMNS}, ({member}) as active, {area} as area_code, "
           f"w.name as ward_name from {week_units.table_sql(event_id) if event_id else 'units'} u "
           "left join wards w on w.code = u.ward_code")
    if where:
        sql += " where " + " and ".join(where)
    return list(db.query(sql + " order by u.kind, u.tier, u.ward_code, u.code", params))


def get(db, unit_id: int) -> dict | None:
    rows = list(db.query("select * from units where id = ?", [unit_id]))
    return rows[0] if rows else None


def get_by_code(db, code: str) -> dict | None:
    rows = list(db.query("select * from units where code = ?", [code]))
    return rows[0] if rows else None


def create(db, actor: Actor, fields: dict, *, event_id: int | None = None) -> int:
    """A new unit, in the roster of `event_id` (default: the newest week) only."""
    require_role(actor, "admin")
    errors = unit_errors(fields, areas.registry_names(db))
    with write_transaction(db):
        if not errors and get_by_code(db, unit_record(fields)["code"]):
            errors["code"] = texts.UNIT_CODE_EXISTS.format(code=unit_record(fields)["code"])
        if errors:
            raise ValidationFailed(errors)
        return _insert(db, actor, unit_record(fields), event_id=event_id)


def update(db, actor: Actor, unit_id: int, fields: dict, *,
           event_id: int | None = None) -> None:
    """Change a unit as it is in the week `event_id` (default: the newest week): its name,
    kind, tier and area change in that week only (and in weeks later created from it);
    its code, e-mail and phone are the unit's own, in every week."""
    require_role(actor, "admin")
    errors = unit_errors(fields, areas.registry_names(db))
    with write_transaction(db):
        other = get_by_code(db, unit_record(fields)["code"]) if not errors else None
        if other and other["id"] != unit_id:
            errors["code"] = texts.UNIT_CODE_EXISTS.format(code=other["code"])
        if errors:
            raise ValidationFailed(errors)
        _update(db, actor, unit_id, unit_record(fields), event_id=event_id)


def set_active(db, actor: Actor, unit_id: int, active: bool, *,
               event_id: int | None = None) -> None:
    """Put a unit in, or retire it from, one week's roster (default: the newest week);
    other weeks keep theirs (db/roster.py)."""
    event_id = event_id or roster.latest_event_id(db)
    roster.set_member(db, actor, event_id, unit_id, active)


def deactivate_codes(db, actor: Actor, codes, *, event_id: int | None = None) -> list[str]:
    """Retire the units of `codes` from one week's roster (default: the newest week) in
    one transaction (an office replacing the seeded roster by its own); unknown codes
    refuse the whole call. Returns the codes that were in that roster. Other weeks keep
    their roster. A retired unit leaves the week's unit figures (units, units with data,
    submitted, schools per tier, rates, targets, scores) and the lists of units to chase;
    what it recorded stays and counts (the rule of db/roster.py), and the workbook's
    per-unit sheet lists it, marked (db/progress.deactivated_with_entries)."""
    event_id = event_id or roster.latest_event_id(db)
    return roster.retire_codes(db, actor, event_id, codes)


def _insert(db, actor, record, is_sample=False, event_id=None) -> int:
    row = dict(record, active=1, is_sample=int(is_sample), created_at=now_iso())
    unit_id = db["units"].insert(row).last_pk
    if event_id is not None:  # the insert trigger placed it in the newest week
        roster.place_new_unit(db, event_id, unit_id)
    audit.record(db, actor, AuditEvent("create", "units", unit_id,
                                       after=dict(row, event_id=event_id)))
    return unit_id


def _update(db, actor, unit_id, changes, action="update", event_id=None):
    before = get(db, unit_id)
    if before is None:
        raise ValidationFailed({"unit": texts.UNIT_UNKNOWN.format(code=unit_id)})
    latest = roster.latest_event_id(db)
    if event_id is not None and event_id != latest:
        _update_older_week(db, actor, event_id, before, changes)
        return
    if "ward_code" in changes and changes["ward_code"] != before["ward_code"]:
        areas.keep_earlier_weeks(db, unit_id)  # a new default area does not rewrite history
    db["units"].update(unit_id, changes)
    audit.record(db, actor, AuditEvent(action, "units", unit_id, before=before,
                                       after=get(db, unit_id)))


_PER_WEEK = ("name", "kind", "tier")


def _update_older_week(db, actor, event_id: int, before: dict, changes: dict) -> None:
    """A change for a week that is not the newest: the name, kind and tier go to that
    week's row (db/week_units.py), a new area to that week's unit_areas row; `units`
    (the newest week's mirror) keeps them. Code, e-mail and phone are the unit's own."""
    unit_id = before["id"]
    week_before = week_units.get(db, event_id, unit_id)
    area_before = areas.unit_area(db, event_id, unit_id)
    merged = {k: changes.get(k, week_before[k]) for k in _PER_WEEK}
    week_units.set_for_week(db, event_id, unit_id, merged["name"], merged["kind"],
                            merged["tier"] or None)
    area = changes.get("ward_code", before["ward_code"]) or None
    if area != before["ward_code"] and area != area_before:
        if area and area not in areas.names_for(db, event_id):
            year = db.execute("select year from events where id = ?", [event_id]).fetchone()[0]
            raise ValidationFailed({"ward_code": texts.AREA_UNKNOWN.format(code=area, year=year)})
        db.execute("insert into unit_areas (event_id, unit_id, area_code) values (?, ?, ?) "
                   "on conflict (event_id, unit_id) do update set area_code = excluded.area_code",
                   [event_id, unit_id, area])
    own = {k: v for k, v in changes.items() if k not in _PER_WEEK and k != "ward_code"}
    if own:
        db["units"].update(unit_id, own)
    after = dict(get(db, unit_id), **week_units.get(db, event_id, unit_id),
                 area_code=areas.unit_area(db, event_id, unit_id))
    audit.record(db, actor, AuditEvent("update", "units", unit_id,
                                       before=dict(week_before, area_code=area_before,
                                                   event_id=event_id),
                                       after=dict(after, event_id=event_id)))


def import_units(db, actor: Actor, table: Table, *, update_existing=False,
                 is_sample=False, event_id: int | None = None) -> ImportReport:
    """All or nothing: one bad row and nothing is written; every problem is reported with
    its line and column. Kind, tier and ward by code or by the name the form shows. Every
    unit of the file takes part in the week `event_id` (default: the newest week): a new
    unit joins that week's roster only, an updated one (update_existing) joins it too."""
    require_role(actor, "admin")
    event_id = event_id or roster.latest_event_id(db)
    report = ImportReport()
    mapped, problems = import_format.map_table(table, import_format.UNIT_LAYOUT)
    if problems:
        report.errors.extend(problems)
        return report
    registry = areas.registry_names(db)
    vocabs = import_format.vocabularies(areas=registry)
    with write_transaction(db):
        first_line_of: dict[str, int] = {}
        planned = []
        for line, cells in mapped.rows:
            cells, twin_errors = import_format.merge_twins(mapped, cells, vocabs)
            values, coded_errors = import_format.resolve_row(import_format.UNIT_LAYOUT, cells,
                                                             vocabs)
            coded_errors.update(twin_errors)
            errors = unit_errors(values, registry)
            errors.update(coded_errors)
            record = unit_record(values)
            code = record["code"]
            hints = {}
            if code in first_line_of:
                errors["code"] = texts.UNIT_CODE_TWICE.format(code=code,
                                                              first=first_line_of[code])
            first_line_of.setdefault(code, line)
            existing = get_by_code(db, code) if "code" not in errors else None
            if existing and not update_existing:
                errors["code"] = texts.IMP_UNIT_EXISTS.format(code=code)
                hints["code"] = "existing_unit"
            for name, reason in errors.items():
                report.add(line, mapped.header(name), clean(cells.get(name)), reason,
                           hints.get(name))
            if not errors:
                planned.append((record, existing))
        if report.errors:
            return report  # the transaction commits nothing: no row was written
        for record, existing in planned:
            if existing:
                _update(db, actor, existing["id"], record, event_id=event_id)
                if event_id is not None:
                    roster.set_many(db, actor, event_id, [existing["id"]], True)
                report.updated += 1
            else:
                _insert(db, actor, record, is_sample, event_id)
                report.created += 1
        report.written = True
    return report


def template(db=None, week: dict | None = None) -> tuple[list[str], list[list], dict]:
    """(headers, example rows, vocabularies) of the units template; with a week, its areas
    are the allowed values and the examples sit in them and name its organiser's place
    (a ward's template shows no Ba Đình ward)."""
    layout = import_format.UNIT_LAYOUT
    if db is None or week is None:
        vocabs = import_format.vocabularies()
        return layout.headers, import_format.example_rows(layout, None, [], vocabs), vocabs
    from db.organiser import organiser_for

    names = areas.names_for(db, week["id"])
    org = organiser_for(db, week["id"])
    vocabs = import_format.vocabularies(areas=names, level_word=org.level_word)
    rows = import_format.example_rows(layout, None, [], vocabs)
    labels = list(names.values())
    for row, label in ((rows[0], labels[:1]), (rows[1], labels[-1:])):
        if row[4] not in labels:  # an area of another week: one of this week's instead
            row[4] = label[0] if label else ""
    rows[1][1] = texts.UNIT_EXAMPLE_LIBRARY.format(level=org.level_word, place=org.place)
    return layout.headers, rows, vocabs


# The coded twin of the template's examples (the code headers are still accepted).
UNIT_TEMPLATE_ROWS = [
    ["TH-NGUYEN-TRI-PHUONG", "Trường Tiểu học Nguyễn Tri Phương", "school", "tieu_hoc", "00019",
     "c1nguyentriphuong@hanoiedu.vn", "024 3823 0000"],
    ["TV-QUAN", "Thư viện quận Ba Đình", "library", "", "00031", "", ""],
]
__all__ = ["UNIT_COLUMNS", "UNIT_TEMPLATE_ROWS"]
