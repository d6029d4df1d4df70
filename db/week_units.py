"""A unit's name, kind and school tier as they are in one week (`event_unit_attrs`,
db/schema.py m005), so renaming a unit, or changing its kind or tier, for one week leaves
every other week's figures, report, workbook and lists as they were (issue 21, Deliver 2).

Every (week, unit) pair has a row: a new unit gets one in every week (its own values), a
new week gets the registry's, then "new week" copies the source week's (copy_to). The
columns of `units` (name, kind, tier) stay the mirror of the newest week's row: a write to
them (an older caller, the newest week's edit) changes the newest week's row only
(trigger), and a change for an older week writes that week's row only (set_for_week).
The summary tables move a unit's counting entries of that week only (trigger on this
table; the trigger on `units` that moved every week's is gone).

Reads of a week take the unit from `table_sql(event_id)`: the `units` columns with the
week's name, kind and tier (the registry's where a row is missing, which the triggers
prevent; a safety net for a half-restored file)."""


def table_sql(event_id: int) -> str:
    """A subquery shaped like `units` (id, code, name, kind, tier, ward_code, email, phone,
    active, is_sample, created_at) with the week's name, kind and tier."""
    e = int(event_id)
    return ("(select wu.id, wu.code, coalesce(wa.name, wu.name) as name, "
            "case when wa.unit_id is null then wu.kind else wa.kind end as kind, "
            "case when wa.unit_id is null then wu.tier else wa.tier end as tier, "
            "wu.ward_code, wu.email, wu.phone, wu.active, wu.is_sample, wu.created_at "
            f"from units wu left join event_unit_attrs wa on wa.event_id = {e} "
            "and wa.unit_id = wu.id)")


def latest_event_id(db) -> int | None:
    row = db.execute("select id from events order by year desc limit 1").fetchone()
    return row[0] if row else None


def get(db, event_id: int, unit_id: int) -> dict | None:
    rows = list(db.query(f"select * from {table_sql(event_id)} u where u.id = ?", [unit_id]))
    return rows[0] if rows else None


def listing(db, event_id: int) -> list[dict]:
    """Every unit (id, code, name) as the week names it, by name."""
    return list(db.query(f"select id, code, name from {table_sql(event_id)} u order by name"))


def set_for_week(db, event_id: int, unit_id: int, name: str, kind: str,
                 tier: str | None) -> None:
    """Inside the caller's transaction: the unit's name, kind and tier in that week only."""
    db.execute("insert into event_unit_attrs (event_id, unit_id, name, kind, tier) "
               "values (?, ?, ?, ?, ?) on conflict (event_id, unit_id) do update set "
               "name = excluded.name, kind = excluded.kind, tier = excluded.tier",
               [event_id, unit_id, name, kind, tier])


def copy_to(db, from_event_id: int, to_event_id: int) -> None:
    """Inside the caller's transaction (a new week): every unit keeps the name, kind and
    tier it has in the source week (the events trigger seeded the registry's)."""
    db.execute("""update event_unit_attrs as t set name = s.name, kind = s.kind, tier = s.tier
                  from event_unit_attrs s
                  where t.event_id = ? and s.event_id = ? and s.unit_id = t.unit_id""",
               [to_event_id, from_event_id])
    sync_mirror(db)


def sync_mirror(db) -> None:
    """units.name/kind/tier = the newest week's (inside the caller's transaction)."""
    latest = latest_event_id(db)
    if latest is None:
        return
    db.execute("""update units as u set name = a.name, kind = a.kind, tier = a.tier
                  from event_unit_attrs a where a.event_id = ? and a.unit_id = u.id
                  and (u.name is not a.name or u.kind is not a.kind or u.tier is not a.tier)""",
               [latest])
