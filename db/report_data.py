"""Everything the closing report prints, read from the database in one place.

Numbers come from the stats module (db/stats.py) and the per-unit progress (db/progress.py)
only; the rubric's scores from db/commendations.py. core/closing_report.py lays it out.
"""
from dataclasses import dataclass, field
from datetime import date

from core import scoring
from db import commendations, progress, stats


@dataclass
class ReportData:
    event: dict                     # the events row
    summary: dict                   # stats.summary shape
    day_group: list[dict]           # stats.dashboard()["day_group"]
    ward_grid: list[dict]           # wards table: code, grid_row, grid_col
    picks: list[dict]               # the committee's commendations
    exemplars: list[dict]           # approved nominations
    leaders: dict[str, list[scoring.UnitScore]]  # rubric ranking per group
    units: list[dict]               # progress.units_progress rows (the appendix)
    issued_on: date
    scores: dict[int, float] = field(default_factory=dict)  # unit id -> rubric total


def gather(db, event: dict, *, issued_on: date | None = None) -> ReportData:
    board = stats.dashboard(db, event["id"])
    ranked = commendations.ranking(db, event)
    return ReportData(
        event=event,
        summary=board["summary"],
        day_group=board["day_group"],
        ward_grid=list(db.query("select code, grid_row, grid_col from wards order by code")),
        picks=commendations.list_commendations(db, event["id"]),
        exemplars=commendations.list_nominations(db, event["id"], "approved"),
        leaders=ranked,
        units=progress.units_progress(db, event["id"]),
        issued_on=issued_on or date.today(),
        scores={s.inputs.unit_id: s.total for group in ranked.values() for s in group},
    )
