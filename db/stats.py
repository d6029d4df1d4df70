"""Coverage statistics (DESIGN §4): the ONE source of numbers for the dashboard, the
closing PDF, the XLSX/CSV export and `manage.py stats --json`.

Definitions, applied in SQL:
- an entry counts when `deleted = 0` and `status != 'needs_fix'`;
- ward figures count where an activity (or propaganda effort) was held (`ward_code` of
  the entry); tier figures count a school's own activities wherever they were held;
- `units` are the units of the week's roster (db/roster.py: the one roster join,
  roster.in_roster_sql); a unit has reported when it has >= 1 counting activity or
  propaganda entry; every unit is counted once;
- a unit outside the week's roster (retired from it): what happened counts — its counting
  entries and learning-model counts stay in every total and breakdown (activities,
  participants, propaganda, learning models; by ward, tier, day, type, channel, slogan) —
  while the unit figures (units, reporting / submitted units, schools per tier, rates,
  targets) count roster units only, so reporting units never exceed units;
- an activity is counted on its start date.

Filters (all optional, combined with AND):
- `ward`: entries held in that ward, units located in it;
- `tier` / `kind`: entries of units of that school tier / unit kind, and those units;
- `day_from` / `day_to`: activities starting, propaganda dated, in that range (ISO dates);
  a unit has reported in the range when one of its counting entries falls in it.

Totals and breakdowns read the summary tables activity_cube / propaganda_cube (counting
entries pre-grouped by ward, unit kind and tier, day, type/channel and day of entry; kept
exact by triggers, db/schema.py m002) with one GROUP BY statement each: at 100 000
activities a scan and sort of the raw table cost ~10x the floor (docs/benchmarks.md).
Reporting units, slogans and the feed read the raw tables through their indexes.
"""
from dataclasses import dataclass

from core import reference as ref
from core import texts
from db import areas as event_areas
from db import catalogue
from db import roster, week_units

COUNTING = "{t}.deleted = 0 and {t}.status != 'needs_fix'"


@dataclass(frozen=True)
class Filters:
    ward: str | None = None
    tier: str | None = None
    kind: str | None = None
    day_from: str | None = None
    day_to: str | None = None
    created_before: str | None = None  # ISO date: entries created before that day

    def unit_clause(self, alias: str) -> tuple[str, list]:
        """Conditions on the owning unit (tier / kind)."""
        where, params = [], []
        if self.tier:
            where.append(f"{alias}.tier = ?")
            params.append(self.tier)
        if self.kind:
            where.append(f"{alias}.kind = ?")
            params.append(self.kind)
        return " and ".join(where), params

    def entry_clause(self, alias: str, date_column: str, *, with_ward=True,
                     with_unit=True) -> tuple[str, list]:
        """Counting entries of table `alias` under these filters."""
        where, params = [COUNTING.format(t=alias)], []
        if with_ward and self.ward:
            where.append(f"{alias}.ward_code = ?")
            params.append(self.ward)
        if self.day_from:
            where.append(f"{alias}.{date_column} >= ?")
            params.append(str(self.day_from))
        if self.day_to:
            where.append(f"{alias}.{date_column} <= ?")
            params.append(str(self.day_to))
        if self.created_before:
            where.append(f"substr({alias}.created_at, 1, 10) < ?")
            params.append(str(self.created_before))
        unit_where, unit_params = self.unit_clause("fu")
        if with_unit and unit_where:
            # the unit's kind / tier in the entry's own week (db/week_units.py)
            where.append(f"{alias}.unit_id in (select fu.unit_id from event_unit_attrs fu "
                         f"where fu.event_id = {alias}.event_id and {unit_where})")
            params += unit_params
        return " and ".join(where), params


def _cube_clause(f: "Filters") -> tuple[str, list]:
    """Filters on a summary table (activity_cube / propaganda_cube of db/schema.py m002),
    which holds only counting entries already grouped by these columns."""
    where, params = [], []
    for condition, value in (("ward_code = ?", f.ward), ("unit_tier = ?", f.tier),
                             ("unit_kind = ?", f.kind), ("day >= ?", f.day_from),
                             ("day <= ?", f.day_to), ("created_day < ?", f.created_before)):
        if value:
            where.append(condition)
            params.append(value)
    return " and ".join(where) or "1", params


def _filters(ward=None, tier=None, kind=None, day_from=None, day_to=None,
             created_before=None) -> Filters:
    return Filters(ward or None, tier or None, kind or None,
                   str(day_from) if day_from else None, str(day_to) if day_to else None,
                   str(created_before) if created_before else None)


def event_info(db, event_id: int) -> dict:
    row = db.execute("select year, title, start_date, end_date from events where id = ?",
                     [event_id]).fetchone()
    if row is None:
        raise ValueError(f"unknown event {event_id}")
    return dict(zip(("year", "title", "start_date", "end_date"), row))


def ward_grid(db, event_id: int) -> list[dict]:
    """The event's areas with their tile-map positions (db/areas.py; positions may be
    NULL: core/areas.tile_positions then lays them out)."""
    return event_areas.areas_for(db, event_id)


def week_days(event: dict) -> list[str]:
    from db.events import week_days as days

    return days(event)


def report_days(event: dict, acts: dict) -> list[str]:
    """Every day of the week, plus any day outside it on which a counting activity started
    (an entry outside the week is allowed after a confirmation): the by-day figures then
    add up to the headline instead of silently dropping those activities."""
    return sorted(set(week_days(event)) | {d for d, v in acts["day"].items() if v[0]})


# --- the activity cube -------------------------------------------------------------------

def _activity_rollups(db, event_id: int, f: Filters) -> dict[str, dict]:
    """{dimension: {key: (activities, participants, online)}} for dimensions
    total, ward, tier, day, type, ward_group, day_group — one statement over activity_cube."""
    where, params = _cube_clause(f)
    sql = f"""
        with cube as materialized (
            select ward_code as ward, nullif(unit_tier, '') as tier, day, type,
                   sum(n) as n, sum(participants) as p, sum(online) as o
            from activity_cube where event_id = ? and {where}
            group by ward_code, unit_tier, day, type
        ),
        typed as materialized (
            select cube.*, coalesce(et.grp, t.grp) as grp from cube
            join activity_types t on t.code = cube.type
            left join event_activity_types et on et.event_id = ? and et.code = cube.type
        )
        select 'total', '', sum(n), sum(p), sum(o) from cube
        union all select 'ward', ward, sum(n), sum(p), sum(o) from cube group by ward
        union all select 'tier', tier, sum(n), sum(p), sum(o) from cube
                  where tier is not null group by tier
        union all select 'day', day, sum(n), sum(p), sum(o) from cube group by day
        union all select 'type', type, sum(n), sum(p), sum(o) from cube group by type
        union all select 'ward_group', ward || '|' || grp, sum(n), sum(p), sum(o)
                  from typed group by ward, grp
        union all select 'day_group', day || '|' || grp, sum(n), sum(p), sum(o)
                  from typed group by day, grp
    """
    out: dict[str, dict] = {d: {} for d in ("total", "ward", "tier", "day", "type",
                                             "ward_group", "day_group")}
    for dim, key, n, p, o in db.execute(sql, [event_id] + params + [event_id]).fetchall():
        out[dim][key] = (n or 0, p or 0, o or 0)
    return out


def _propaganda_rollups(db, event_id: int, f: Filters) -> dict[str, dict]:
    """{dimension: {key: (entries, quantity)}} for total, ward, channel, day."""
    where, params = _cube_clause(f)
    sql = f"""
        with cube as materialized (
            select ward_code as ward, channel, day, sum(n) as n, sum(quantity) as q
            from propaganda_cube where event_id = ? and {where}
            group by ward_code, channel, day
        )
        select 'total', '', sum(n), sum(q) from cube
        union all select 'ward', ward, sum(n), sum(q) from cube group by ward
        union all select 'channel', channel, sum(n), sum(q) from cube group by channel
        union all select 'day', day, sum(n), sum(q) from cube group by day
    """
    out: dict[str, dict] = {d: {} for d in ("total", "ward", "channel", "day")}
    for dim, key, n, q in db.execute(sql, [event_id] + params).fetchall():
        out[dim][key] = (n or 0, q or 0)
    return out


def _reported_sql(f: Filters) -> tuple[str, list, list]:
    """SQL expression (1/0) for 'unit u has reported' (event id as the first parameters).
    The ward filter does not apply here: a unit located in the ward has reported wherever
    its entries were held."""
    a_where, a_params = f.entry_clause("a", "start_date", with_ward=False, with_unit=False)
    p_where, p_params = f.entry_clause("p", "date", with_ward=False, with_unit=False)
    # INDEXED BY: left to itself SQLite prefers the covering review index (event_id,
    # deleted, status, unit_id, ...) of m003_trust_review_indexes and scans the whole event
    # once per unit (6-13 s at 2 000 units / 100 000 activities, measured); one probe of
    # (event_id, unit_id) per unit takes 9 ms.
    expr = (f"(exists (select 1 from activities a indexed by activities_event_unit "
            f"where a.unit_id = u.id and a.event_id = ? and {a_where}) or exists (select 1 "
            f"from propaganda p indexed by propaganda_event_unit where p.unit_id = u.id "
            f"and p.event_id = ? and {p_where}))")
    return expr, a_params, p_params


def _unit_rollups(db, event_id: int, f: Filters) -> list[tuple]:
    """Rows (ward_code, kind, tier, units, reporting_units, submitted_units) over the
    week's roster. A unit has submitted when its report is marked "Đã nộp" (report_submissions;
    `created_before` applies to the time it was submitted)."""
    expr, a_params, p_params = _reported_sql(f)
    area = event_areas.unit_area_sql("u", event_id)  # the unit's area in this event
    where, params = [roster.in_roster_sql("u", event_id)], []
    if f.ward:
        where.append(f"{area} = ?")
        params.append(f.ward)
    unit_where, unit_params = f.unit_clause("u")
    if unit_where:
        where.append(unit_where)
        params += unit_params
    submitted = "select 1 from report_submissions rs where rs.event_id = ? and rs.unit_id = u.id"
    submitted_params = [event_id]
    if f.created_before:
        submitted += " and substr(rs.submitted_at, 1, 10) < ?"
        submitted_params.append(f.created_before)
    sql = f"""
        select u.area, u.kind, u.tier, count(*), sum(reported), sum(submitted) from (
            select {area} as area, u.kind, u.tier, {expr} as reported,
                   exists ({submitted}) as submitted
            from {week_units.table_sql(event_id)} u where {' and '.join(where)}
        ) u group by u.area, u.kind, u.tier
    """
    return db.execute(sql, [event_id] + a_params + [event_id] + p_params + submitted_params
                      + params).fetchall()


# --- the public shape --------------------------------------------------------------------

def summary(db, event_id: int, *, ward=None, tier=None, kind=None, day_from=None,
            day_to=None, created_before=None) -> dict:
    """The JSON shape of issue 4 §1 (also printed by `manage.py stats --json`)."""
    f = _filters(ward, tier, kind, day_from, day_to, created_before)
    acts = _activity_rollups(db, event_id, f)
    return _summary_from(db, event_id, f, acts)


def _summary_from(db, event_id: int, f: Filters, acts: dict) -> dict:
    event = event_info(db, event_id)
    props = _propaganda_rollups(db, event_id, f)
    units = _unit_rollups(db, event_id, f)
    wards = list(event_areas.names_for(db, event_id).items())

    total_a = acts["total"].get("", (0, 0, 0))
    total_p = props["total"].get("", (0, 0))
    units_total = sum(r[3] for r in units)
    reporting_total = sum(r[4] or 0 for r in units)
    submitted_total = sum(r[5] or 0 for r in units)
    ward_units = _sum_by(units, 0)
    wards_in_scope = [w for w in wards if not f.ward or w[0] == f.ward]
    by_ward = []
    for code, name in wards:
        n, p, _o = acts["ward"].get(code, (0, 0, 0))
        u, r, s = ward_units.get(code, (0, 0, 0))
        entries, quantity = props["ward"].get(code, (0, 0))
        by_ward.append({"code": code, "name": name, "activities": n, "participants": p,
                        "propaganda_items": quantity, "propaganda_entries": entries,
                        "units": u, "reporting_units": r, "submitted_units": s})
    # units without a ward (district level): every activity is held in a ward, so only
    # their unit counts live on this row; with it, the ward table adds up to the headline
    u, r, s = ward_units.get(None, (0, 0, 0))
    by_ward_district = {"code": None, "name": district_row(db, event_id), "activities": 0, "participants": 0,
                        "propaganda_items": 0, "propaganda_entries": 0, "units": u,
                        "reporting_units": r, "submitted_units": s}
    tier_units = _sum_by([r for r in units if r[1] == "school"], 2)
    by_tier = []
    for code, _name in ref.TIERS:
        n, p, _o = acts["tier"].get(code, (0, 0, 0))
        s, r, sub = tier_units.get(code, (0, 0, 0))
        by_tier.append({"tier": code, "schools": s, "reporting_schools": r,
                        "submitted_schools": sub, "activities": n, "participants": p})
    by_day = [{"date": day, "activities": acts["day"].get(day, (0, 0, 0))[0],
               "participants": acts["day"].get(day, (0, 0, 0))[1]}
              for day in report_days(event, acts)]
    # the event's catalogue in its order (db/catalogue), then any code its entries use that
    # it no longer lists, under the registry's name, so the rows add up to the totals
    cat = catalogue.catalogue_for(db, event_id)
    type_codes = [t["code"] for t in cat.types]
    type_codes += sorted(c for c in acts["type"] if c not in type_codes)
    by_type = [{"type": code, "group": cat.type_group(code), "name": cat.type_name(code),
                "activities": acts["type"].get(code, (0, 0, 0))[0],
                "participants": acts["type"].get(code, (0, 0, 0))[1]}
               for code in type_codes]
    channel_codes = [c["code"] for c in cat.channels]
    channel_codes += sorted(c for c in props["channel"] if c not in channel_codes)
    by_channel = [{"channel": code, "measure": cat.channel_measure(code),
                   "name": cat.channel_name(code),
                   "entries": props["channel"].get(code, (0, 0))[0],
                   "quantity": props["channel"].get(code, (0, 0))[1]}
                  for code in channel_codes]
    return {
        "event": event,
        "totals": {
            "activities": total_a[0],
            "participants": total_a[1],
            "online_participants": total_a[2],
            # for machines only: a sum across units of measure (pieces + trips + posts...)
            "propaganda_items": total_p[1] or 0,
            "propaganda_entries": total_p[0] or 0,   # "số lượt tuyên truyền"
            "units": units_total,
            "reporting_units": reporting_total,       # = units_with_data
            "units_with_data": reporting_total,       # "có số liệu"
            "submitted_units": submitted_total,       # "đã nộp báo cáo"
            "reporting_rate": round(reporting_total / units_total, 4) if units_total else 0.0,
            "submission_rate": (round(submitted_total / units_total, 4) if units_total
                                else 0.0),
            "wards": len(wards_in_scope),
            "wards_covered": sum(1 for w in wards_in_scope
                                 if acts["ward"].get(w[0], (0,))[0] > 0),
        },
        "by_ward": by_ward,
        "by_ward_district": by_ward_district,
        "by_ward_total": _total_row(by_ward + [by_ward_district], WARD_SUM_KEYS),
        "by_tier": by_tier,
        "by_tier_total": _total_row(by_tier, TIER_SUM_KEYS),
        "by_day": by_day,
        "by_type": by_type,
        "by_channel": by_channel,
    }


DISTRICT_ROW = texts.STATS_DISTRICT_ROW.replace("{level}", "quận")  # Ba Đình 2020's


def district_row(db, event_id: int) -> str:
    """The by-area row of units without an area: 'Đơn vị cấp quận' in the organiser's
    level word (issue 15)."""
    from db.organiser import organiser_for

    org = organiser_for(db, event_id)
    return texts.STATS_DISTRICT_ROW.replace("{level}", org.level_word if org else "quận")
WARD_SUM_KEYS = ("activities", "participants", "propaganda_items", "propaganda_entries",
                 "units", "reporting_units", "submitted_units")
TIER_SUM_KEYS = ("schools", "reporting_schools", "submitted_schools", "activities",
                 "participants")


def _total_row(rows: list[dict], keys) -> dict:
    return {k: sum(r[k] for r in rows) for k in keys}


def _sum_by(unit_rows, index) -> dict:
    """{key: (units, reporting, submitted)} summed over unit rollup rows."""
    out: dict = {}
    for row in unit_rows:
        u, r, s = out.get(row[index], (0, 0, 0))
        out[row[index]] = (u + row[3], r + (row[4] or 0), s + (row[5] or 0))
    return out


def learning_models(db, event_id: int) -> dict:
    """Learning models (gia đình / dòng họ / cộng đồng / đơn vị học tập), registered and
    recognised, of every unit that reported them in the week (a unit retired from the
    roster keeps its counts, like its entries: db/roster.py): {"by_model": [{model, registered, recognised}] (all four),
    "by_ward": [{code, name, <model>: (registered, recognised), registered, recognised}]
    (every area of the event, then the district row with code None), "total": {registered,
    recognised}}. A count belongs to the ward of the unit that reported it."""
    rows = db.execute(
        """select c.ward_code, c.model, sum(c.registered), sum(c.recognised)
           from learning_model_counts c
           where c.event_id = ? group by c.ward_code, c.model""", [event_id]).fetchall()
    cell = {(w, m): (reg or 0, rec or 0) for w, m, reg, rec in rows}
    models = [code for code, _name in ref.LEARNING_MODELS]
    by_model = [{"model": m, "registered": sum(v[0] for (w, mm), v in cell.items() if mm == m),
                 "recognised": sum(v[1] for (w, mm), v in cell.items() if mm == m)}
                for m in models]
    wards = list(event_areas.names_for(db, event_id).items())
    by_ward = []
    for code, name in wards + [(None, district_row(db, event_id))]:
        row = {"code": code, "name": name}
        for m in models:
            row[m] = cell.get((code, m), (0, 0))
        row["registered"] = sum(row[m][0] for m in models)
        row["recognised"] = sum(row[m][1] for m in models)
        by_ward.append(row)
    return {"by_model": by_model, "by_ward": by_ward,
            "total": {"registered": sum(r["registered"] for r in by_model),
                      "recognised": sum(r["recognised"] for r in by_model)}}


def commendations_by_category(db, event_id: int) -> dict[str, int]:
    """{category: number of commendations decided} for every category (zeros included):
    the counts the roll-up sheet carries (issue 15)."""
    rows = dict(db.execute("select category, count(*) from commendations where event_id = ? "
                           "group by category", [event_id]).fetchall())
    return {code: rows.get(code, 0) for code, _name in ref.COMMENDATION_CATEGORIES}


def unit_counts(db, event_id: int) -> dict[int, dict]:
    """Per unit with at least one counting entry: {unit id: {activities,
    education_activities, propaganda_entries, accepted (counting entries the committee
    accepted), entries}} — one grouped pass over each table (a plain scan: at
    100 000 rows it is ~3x faster than walking the (event_id, unit_id) index)."""
    out: dict[int, dict] = {}
    for unit_id, n, accepted, education in db.execute(
            f"""select unit_id, count(*), sum(status = 'accepted'),
                       sum(type in (select code from event_activity_types
                                    where event_id = ? and grp = 'education'))
                from activities a not indexed where event_id = ? and {COUNTING.format(t='a')}
                group by unit_id""", [event_id, event_id]).fetchall():
        out[unit_id] = {"activities": n, "education_activities": education or 0,
                        "propaganda_entries": 0, "accepted": accepted or 0}
    for unit_id, n, accepted in db.execute(
            f"""select unit_id, count(*), sum(status = 'accepted')
                from propaganda p not indexed where event_id = ? and {COUNTING.format(t='p')}
                group by unit_id""", [event_id]).fetchall():
        row = out.setdefault(unit_id, {"activities": 0, "education_activities": 0,
                                       "propaganda_entries": 0, "accepted": 0})
        row["propaganda_entries"] = n
        row["accepted"] += accepted or 0
    for row in out.values():
        row["entries"] = row["activities"] + row["propaganda_entries"]
    return out


def targets_attainment(db, event_id: int, counts: dict | None = None) -> list[dict]:
    """Every target of the week with its attainment over the roster units it applies to
    (its unit kind / tier; all units when neither is set): [{label, metric, minimum,
    unit_kind, tier, units, met, rate}]. Counting entries only, as everywhere; `counts`:
    unit_counts() when the caller has it already."""
    counts = unit_counts(db, event_id) if counts is None else counts
    units = db.execute(f"select id, kind, tier from {week_units.table_sql(event_id)} u "
                       f"where {roster.in_roster_sql('u', event_id)}").fetchall()
    empty = {"activities": 0, "education_activities": 0, "propaganda_entries": 0}
    out = []
    for t in db.query("select * from targets where event_id = ? order by id", [event_id]):
        applies = [u for u in units if t["unit_kind"] in (None, u[1])
                   and t["tier"] in (None, u[2])]
        met = sum(1 for u in applies
                  if counts.get(u[0], empty)[t["metric"]] >= t["minimum"])
        out.append({"label": t["label"], "metric": t["metric"], "minimum": t["minimum"],
                    "unit_kind": t["unit_kind"], "tier": t["tier"], "units": len(applies),
                    "met": met, "rate": round(met / len(applies), 4) if applies else 0.0})
    return out


def dashboard(db, event_id: int, **filters) -> dict:
    """Everything the live dashboard draws, from the same scans as `summary`: the summary
    plus the ward x group matrix, activities per day by group and propaganda per day."""
    f = _filters(**filters)
    acts = _activity_rollups(db, event_id, f)
    event = event_info(db, event_id)
    ward_group = [{"ward_code": w, "group": g,
                   "activities": acts["ward_group"].get(f"{w}|{g}", (0,))[0]}
                  for w in event_areas.names_for(db, event_id)
                  for g, _n in ref.ACTIVITY_GROUPS]
    day_group = [{"date": d, "group": g,
                  "activities": acts["day_group"].get(f"{d}|{g}", (0,))[0]}
                 for d in report_days(event, acts) for g, _n in ref.ACTIVITY_GROUPS]
    return {"summary": _summary_from(db, event_id, f, acts), "ward_group": sorted(
        ward_group, key=lambda r: r["ward_code"]), "day_group": day_group,
        "by_slogan": by_slogan(db, event_id, **filters)}


def ward_group_matrix(db, event_id: int, **filters) -> list[dict]:
    """[{ward_code, group, activities}] for every area of the event x 3 groups (zeros
    included)."""
    return dashboard(db, event_id, **filters)["ward_group"]


def by_day_group(db, event_id: int, **filters) -> list[dict]:
    """[{date, group, activities}] for every day of the week x 3 groups."""
    return dashboard(db, event_id, **filters)["day_group"]


def by_slogan(db, event_id: int, **filters) -> list[dict]:
    """[{slogan, entries, quantity}] for slogans 1..8: counting propaganda entries that
    used the slogan (an entry using three slogans counts for each of them)."""
    f = _filters(**filters)
    where, params = f.entry_clause("p", "date")
    rows = dict((n, (e, q)) for n, e, q in db.execute(
        f"""select cast(j.value as integer), count(*), sum(p.quantity)
            from propaganda p, json_each(p.slogans) j
            where p.event_id = ? and {where} group by 1""", [event_id] + params).fetchall())
    return [{"slogan": n, "entries": rows.get(n, (0, 0))[0], "quantity": rows.get(n, (0, 0))[1]}
            for n in range(1, 9)]


def latest_entries(db, event_id: int, limit: int = 15, **filters) -> list[dict]:
    """The feed: newest activities and propaganda entries (not withdrawn), newest first."""
    f = _filters(**filters)
    a_where, a_params = f.entry_clause("a", "start_date")
    p_where, p_params = f.entry_clause("p", "date")
    # needs_fix entries still appear in the feed (with their status): drop that condition
    counting_a, counting_p = COUNTING.format(t="a"), COUNTING.format(t="p")
    a_where = a_where.replace(counting_a, "a.deleted = 0")
    p_where = p_where.replace(counting_p, "p.deleted = 0")
    # newest first along (event_id, created_at): the walk stops after `limit` matches
    # instead of sorting every entry of the event (issue 14); under a ward filter, along
    # (event_id, ward_code, created_at), so a ward without entries costs nothing
    a_index = "activities_event_ward_created" if f.ward else "activities_event_created"
    p_index = "propaganda_event_ward_created" if f.ward else "propaganda_event_created"
    activities = db.query(
        f"""select 'activity' as kind, a.id, a.created_at, a.title as title, a.type as detail,
                   a.participants as amount, a.ward_code, a.status, u.name as unit_name
            from activities a indexed by {a_index}
            join {week_units.table_sql(event_id)} u on u.id = a.unit_id
            where a.event_id = ? and {a_where}
            order by a.created_at desc, a.id desc limit ?""",
        [event_id] + a_params + [limit])
    propaganda = db.query(
        f"""select 'propaganda' as kind, p.id, p.created_at, p.note as title,
                   p.channel as detail, p.quantity as amount, p.ward_code, p.status,
                   u.name as unit_name
            from propaganda p indexed by {p_index}
            join {week_units.table_sql(event_id)} u on u.id = p.unit_id
            where p.event_id = ? and {p_where}
            order by p.created_at desc, p.id desc limit ?""",
        [event_id] + p_params + [limit])
    merged = sorted(list(activities) + list(propaganda), key=lambda r: r["created_at"],
                    reverse=True)
    return merged[:limit]


def totals_change(db, event_id: int, since_day: str, *, now: dict | None = None,
                  **filters) -> dict:
    """Totals now minus totals of the entries created before `since_day` (ISO date):
    the 'change since the previous day' of the KPI tiles. `now`: the current totals when
    the caller has them already (saves a scan)."""
    now = now or summary(db, event_id, **filters)["totals"]
    before = summary(db, event_id, created_before=since_day, **filters)["totals"]
    return {k: now[k] - before[k] for k in now if k != "reporting_rate"}


def last_entry_day(db, event_id: int) -> str | None:
    """The day (ISO) of the newest entry of the event, or None. Two index lookups
    (max over (event_id, created_at)), not a scan."""
    row = db.execute(
        """select substr(max(d), 1, 10) from (
             select max(created_at) as d from activities indexed by activities_event_created
             where event_id = ?
             union all
             select max(created_at) from propaganda indexed by propaganda_event_created
             where event_id = ?)""",
        [event_id, event_id]).fetchone()
    return row[0] if row else None


def year_over_year(db) -> list[dict]:
    """Totals of every event in the database, newest first (only meaningful with >1)."""
    rows = []
    for event_id, year in db.execute("select id, year from events order by year desc"
                                     ).fetchall():
        totals = summary(db, event_id)["totals"]
        rows.append({"year": year, **totals})
    return rows


# The dashboard's shared views (issue 14) are db/live_figures.py's since issue 23: keyed by
# PRAGMA data_version they were thrown away by every commit, a sign-in's included.
