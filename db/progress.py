"""Reporting progress per unit (like DHIS2's reporting-rate summary): reported or not
(the definition of db/stats.py: >= 1 counting activity or propaganda entry), number of
counting entries, last entry, and the 'submitted' flag of report_submissions."""

from db import areas, roster, week_units

COUNTING = "deleted = 0 and status != 'needs_fix'"


def units_progress(db, event_id: int, *, ward=None, tier=None, kind=None,
                   reported: bool | None = None) -> list[dict]:
    """The units of the week's roster with their progress, ordered by ward, kind, tier,
    code."""
    return _progress_rows(db, event_id, ward=ward, tier=tier, kind=kind, reported=reported)


def deactivated_with_entries(db, event_id: int) -> list[dict]:
    """Units retired from the week's roster that have counting entries in it, with their
    progress, in the order of units_progress. Their entries count in every total of
    db/stats.py (the activity was held) but they are not units of the week: a list of
    units that claims to add up to the totals (the workbook's per-unit sheet) lists them
    after the roster's."""
    return _progress_rows(db, event_id, active=False, reported=True)


def _progress_rows(db, event_id: int, *, active=True, ward=None, tier=None, kind=None,
                   reported: bool | None = None) -> list[dict]:
    member = roster.in_roster_sql("u", event_id)  # the week's roster
    where, params = [member if active else f"not {member}"], {"event": event_id}
    area = areas.unit_area_sql("u", event_id)  # the unit's area in this event
    for column, value in ((area, ward), ("u.tier", tier), ("u.kind", kind)):
        if value:
            name = column.split(".")[-1] if column != area else "ward"
            where.append(f"{column} = :{name}")
            params[name] = value
    if reported is not None:
        where.append("(coalesce(a.n, 0) + coalesce(p.n, 0) > 0) = :reported")
        params["reported"] = int(reported)
    # NOT INDEXED: one grouped scan of each table beats walking the (event_id, unit_id)
    # index row by row (as db/stats.unit_counts; 0.27-0.34 -> 0.12-0.15 CPU-s at 100 000
    # activities, bench/progress.py)
    sql = f"""
        with a as (select unit_id, count(*) as n, max(created_at) as last
                   from activities not indexed
                   where event_id = :event and {COUNTING} group by unit_id),
             p as (select unit_id, count(*) as n, max(created_at) as last
                   from propaganda not indexed
                   where event_id = :event and {COUNTING} group by unit_id)
        select u.id, u.code, u.name, u.kind, u.tier, {area} as ward_code, u.email, u.phone,
               u.is_sample, w.name as ward_name,
               coalesce(a.n, 0) as activities, coalesce(p.n, 0) as propaganda,
               coalesce(a.n, 0) + coalesce(p.n, 0) as entries,
               nullif(max(coalesce(a.last, ''), coalesce(p.last, '')), '') as last_entry,
               rs.submitted_at
        from {week_units.table_sql(event_id)} u
        left join event_areas w on w.event_id = :event and w.code = {area}
        left join a on a.unit_id = u.id
        left join p on p.unit_id = u.id
        left join report_submissions rs on rs.event_id = :event and rs.unit_id = u.id
        where {' and '.join(where)}
        order by {area} is null, {area}, u.kind, u.tier, u.code
    """
    rows = list(db.query(sql, params))
    for row in rows:
        row["reported"] = row["entries"] > 0
        row["submitted"] = row["submitted_at"] is not None
    return rows


def not_reported(db, event_id: int, **filters) -> list[dict]:
    """Units still to chase (with their e-mail and phone)."""
    return units_progress(db, event_id, reported=False, **filters)
