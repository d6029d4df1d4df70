"""Everything the closing report prints, read from the database in one place.

Numbers come from the stats module (db/stats.py) only (per unit: stats.unit_counts); the rubric's scores from db/commendations.py; the committee's sections and decisions
from the events row (db/closing.py). core/closing_report.py lays it out and decides what is
still missing for a final report.
"""
import json
from dataclasses import dataclass, field
from datetime import date

from core import scoring
from db import areas, closing, commendations, events, roster, rollup, sample_data, stats, week_units


@dataclass
class ReportData:
    event: dict                     # the events row (with the committee's sections)
    summary: dict                   # stats.summary shape
    day_group: list[dict]           # stats.dashboard()["day_group"]
    ward_grid: list[dict]           # wards table: code, grid_row, grid_col
    picks: list[dict]               # the committee's commendations
    exemplars: list[dict]           # approved nominations
    leaders: dict[str, list[scoring.UnitScore]]  # rubric ranking per group
    units: list[dict]               # unit_rows(): one per roster unit (the appendix), then
    # units retired from the roster with counting entries (`active` 0)
    issued_on: date | None          # None: the date line is left for the office to fill
    scores: dict[int, float] = field(default_factory=dict)  # unit id -> rubric total
    reviewed: dict[int, tuple[int, int]] = field(default_factory=dict)  # unit id ->
    # (reviewed entries, entries not withdrawn), reviewed = accepted or needs-fix: the
    # share printed beside any score, as on the Khen thưởng page
    slogans: list[dict] = field(default_factory=list)       # by_slogan + the slogan text
    learning_models: dict = field(default_factory=dict)     # stats.learning_models
    targets: list[dict] = field(default_factory=list)       # stats.targets_attainment
    pending_nominations: int = 0
    picks_changed_after_decision: bool = False
    sample_data: bool = False
    sample_in_week: dict = field(default_factory=dict)  # sample_data.in_week: a final
    # report is refused while it is not empty (core/closing_report.missing)
    charts: list | None = None      # closing_report.report_charts(), rendered by gather()
    suborganisations: list = field(default_factory=list)  # lower_levels()
    unsummed_levels: list = field(default_factory=list)  # live children without figures
    opening: dict | None = None     # opening_ceremony(): the ceremony as an entry records it


def unit_rows(db, event_id: int, counts: dict[int, dict]) -> list[dict]:
    """The week's roster with their counting entries (the appendix), ordered by ward
    (district units last), kind, tier, code — the rows and the 'reported' definition of
    db/progress.units_progress, from the one pass of stats.unit_counts. Units retired
    from the roster with counting entries follow the roster's of their ward (`active` 0):
    their entries are in the report's totals (db/stats.py), so the appendix lists them,
    marked."""
    area = areas.unit_area_sql("u", event_id)  # the unit's area in this event
    member = roster.in_roster_sql("u", event_id)  # `active`: in the week's roster
    rows = list(db.query(
        f"""select u.id, u.code, u.name, u.kind, u.tier, {area} as ward_code, u.is_sample,
                  ({member}) as active, w.name as ward_name, rs.submitted_at
           from {week_units.table_sql(event_id)} u
           left join event_areas w on w.event_id = ? and w.code = {area}
           left join report_submissions rs on rs.event_id = ? and rs.unit_id = u.id
           where {member} or u.id in (select value from json_each(?))
           order by {area} is null, {area}, ({member}) desc, u.kind, u.tier, u.code""",
        [event_id, event_id, json.dumps(list(counts))]))
    for row in rows:
        c = counts.get(row["id"], {})
        row["activities"] = c.get("activities", 0)
        row["propaganda"] = c.get("propaganda_entries", 0)
        row["entries"] = c.get("entries", 0)
        row["reported"] = row["entries"] > 0
        row["submitted"] = row["submitted_at"] is not None
    return rows


def _picks_changed_after(db, event: dict) -> bool:
    """A commendation added or removed after the list was marked final."""
    if not event.get("commendations_decided_at"):
        return False
    # audit rows are ordered by id (time stamps may share a second)
    decision = db.execute("select max(id) from audit_log where table_name = 'events' and "
                          "action = 'decide' and row_id = ?", [str(event["id"])]).fetchone()[0]
    return db.execute("select 1 from audit_log where table_name = 'commendations' "
                      "and id > ? limit 1", [decision or 0]).fetchone() is not None


def gather(db, event: dict, *, issued_on: date | None = None) -> ReportData:
    """`issued_on`: the date to print; default the report date saved for the event."""
    from concurrent.futures import ThreadPoolExecutor
    from types import SimpleNamespace

    from core import closing_report

    event_id = event["id"]
    board = stats.dashboard(db, event_id)
    ward_grid = areas.areas_for(db, event_id)
    # the charts need only the summary: vl-convert draws them on a worker thread (it
    # releases the GIL) while the per-unit figures and the ranking are read here
    pool = ThreadPoolExecutor(max_workers=1)
    charts = pool.submit(closing_report.report_charts, SimpleNamespace(
        summary=board["summary"], day_group=board["day_group"], ward_grid=ward_grid))
    pool.shutdown(wait=False)
    counts = stats.unit_counts(db, event_id)
    ranked = commendations.ranking(db, event)
    texts_by_number = {s["number"]: s["text"] for s in events.slogans(db, event_id)}
    if issued_on is None and event.get("report_date"):
        issued_on = date.fromisoformat(event["report_date"])
    return ReportData(
        event=event,
        summary=board["summary"],
        day_group=board["day_group"],
        ward_grid=ward_grid,
        picks=commendations.list_commendations(db, event_id),
        exemplars=commendations.list_nominations(db, event_id, "approved"),
        leaders=ranked,
        units=unit_rows(db, event_id, counts),
        issued_on=issued_on,
        scores={s.inputs.unit_id: s.total for group in ranked.values() for s in group},
        # the share the Khen thưởng page shows: accepted or needs-fix, of the entries
        # not withdrawn (db/commendations.review_progress), one figure in both places
        reviewed={u: (done, total) for u, (total, done)
                  in commendations.review_progress(db, event_id).items()},
        slogans=[dict(s, text=texts_by_number.get(s["slogan"], "")) for s in board["by_slogan"]],
        learning_models=stats.learning_models(db, event_id),
        targets=stats.targets_attainment(db, event_id, counts),
        pending_nominations=closing.pending_nominations(db, event_id),
        picks_changed_after_decision=_picks_changed_after(db, event),
        sample_data=sample_data.present(db),
        sample_in_week=sample_data.in_week(db, event_id),
        charts=charts.result(),
        suborganisations=lower_levels(db, event_id),
        unsummed_levels=rollup.lower_levels(db, event_id)["unsummed"],
        opening=opening_ceremony(db, event_id),
    )


def opening_ceremony(db, event_id: int) -> dict | None:
    """The first counting activity of type opening_ceremony (its date, title and the area
    where it was held), None when no entry records one: section I then says the ceremony
    was planned, never that it was held."""
    row = db.execute(
        """select a.start_date, a.title, w.name from activities a
           left join event_areas w on w.event_id = a.event_id and w.code = a.ward_code
           where a.event_id = ? and a.type = 'opening_ceremony' and a.deleted = 0
             and a.status != 'needs_fix'
           order by a.start_date, a.id limit 1""", [event_id]).fetchone()
    if row is None:
        return None
    return {"date": row[0], "title": row[1], "area": row[2] or ""}


def suggested_sections(db, event: dict) -> dict[str, list[str]]:
    """The sentences offered for the committee's sections (page and `closing show`):
    section I from facts only, IV–V from the report's figures."""
    from core import closing_report, organiser

    event_id = event["id"]
    summary = closing_report.report_summary(stats.summary(db, event_id),
                                            lower_levels(db, event_id))
    out = closing_report.suggestions(
        summary, event["year"], organiser.from_event(event),
        stats.targets_attainment(db, event_id, stats.unit_counts(db, event_id)))
    out["overview"] = closing_report.overview_suggestion(event,
                                                         opening_ceremony(db, event_id))
    return out


def lower_levels(db, event_id: int) -> list[dict]:
    """db/rollup.suborganisations with each one's tables (by tier, type, channel, learning
    model): the reports taken in and the live children of the installation's directory
    (db/live_rollup.py); the report's whole area adds them up (core/area_report.py)."""
    return rollup.lower_levels(db, event_id)["summed"]


def gather_status(db, event: dict) -> ReportData:
    """Only what core/closing_report.missing() reads (for a page that lists what keeps the
    report a draft without building it)."""
    return ReportData(event=event, summary={}, day_group=[], ward_grid=[], picks=[],
                      exemplars=[], leaders={}, units=[], issued_on=None,
                      pending_nominations=closing.pending_nominations(db, event["id"]),
                      picks_changed_after_decision=_picks_changed_after(db, event),
                      sample_in_week=sample_data.in_week(db, event["id"]),
                      suborganisations=lower_levels(db, event["id"]))
