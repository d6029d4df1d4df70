"""The commendation rubric: per-unit inputs in, a score and its breakdown out. Pure.

Every point of a score can be traced to one line of the breakdown, so the committee can
explain a ranking to a unit.

Which entries count — ONE rule with the dashboard, the PDF and the workbook (db/stats.py,
DESIGN §4): an activity or propaganda entry earns points when it is not withdrawn
(`deleted = 0`) and not marked needs-fix (`status != 'needs_fix'`), whether or not the
committee has reviewed it yet. Review changes a score only by removing an entry (needs-fix
takes it out until the unit corrects it); accepting an entry changes nothing. So a unit
with 14 activities outranks units with 2 however far review has got. The rubric has no
review factor: instead each unit's reviewed share (accepted or needs-fix, out of its
entries) is shown beside its score, and a unit cannot be chosen for a commendation while
any of its entries still waits for review (db/commendations.py).

Criteria (weights editable per event, stored as JSON in events.scoring_weights):
- activities: each counting activity earns the weight of its type; at most
  `activity_cap` activities of one type count (volume alone does not win);
- distinct types: points per distinct activity type (breadth of the programme);
- participants: `participants` × log10(1 + participants) — log-scaled so a school of
  2 000 pupils does not win by size alone (100 → 2 units, 1 000 → 3, 10 000 → 4);
- propaganda: `propaganda_entries` × log10(1 + entries) and points per distinct channel
  (counting propaganda entries). Entries, never quantities: a channel's quantity is in its
  own unit of measure (pieces of banner, trips, posts, broadcasts), and quantities of
  different units are never added up (DESIGN §4) — 12 banners and 300 posts are not 312 of
  anything. Each entry is one piece of propaganda work on one channel, whatever its size;
- evidence: `evidence` × share of counting activities with a link or a photo;
- on time: `on_time` points when the unit marked its report submitted before the deadline.

Units are ranked only against comparable units: each school tier, the wards (People's
Committees and community learning centres), and all other units.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, field

from core import reference as ref
from core import texts

GROUP_DEFAULT_TYPE_WEIGHT = {"education": 3.0, "emulation": 2.0, "ceremony": 1.0}

SCALAR_DEFAULTS = {
    "activity_cap": 5.0,
    "distinct_types": 2.0,
    "participants": 4.0,
    "propaganda_entries": 3.0,
    "channels": 1.5,
    "evidence": 5.0,
    "on_time": 5.0,
}
MAX_WEIGHT = 100.0
CRITERIA = ["activities", "distinct_types", "participants", "propaganda_entries", "channels",
            "evidence", "on_time"]
# the weight's name before issue 22 (it weighed a sum of quantities): read as the new one
OLD_WEIGHT_NAMES = {"propaganda_items": "propaganda_entries"}
WARD_KINDS = ("ward_committee", "community_learning_center")


def default_weights(type_groups: dict | None = None) -> dict:
    """`type_groups`: {code: group} of the types to weigh (the plan's when not given; a
    week's catalogue adds its own: db/commendations.type_groups)."""
    type_groups = ref.TYPE_GROUPS if type_groups is None else type_groups
    return {
        **SCALAR_DEFAULTS,
        "types": {code: GROUP_DEFAULT_TYPE_WEIGHT.get(group, 0.0) for code, group in
                  type_groups.items()},
    }


def weights_from_json(stored: str | None, type_groups: dict | None = None) -> dict:
    """The event's stored weights over the defaults; unknown keys are ignored, so a rubric
    saved by an older version still loads."""
    weights = default_weights(type_groups)
    if not stored:
        return weights
    try:
        saved = json.loads(stored)
    except (TypeError, ValueError):
        return weights
    if not isinstance(saved, dict):
        return weights
    for old, new in OLD_WEIGHT_NAMES.items():
        if new not in saved and old in saved:
            saved[new] = saved[old]
    for key in SCALAR_DEFAULTS:
        if _is_number(saved.get(key)):
            weights[key] = float(saved[key])
    for code, value in (saved.get("types") or {}).items():
        if code in weights["types"] and _is_number(value):
            weights["types"][code] = float(value)
    return weights


def weights_to_json(weights: dict) -> str:
    return json.dumps({**{k: weights[k] for k in SCALAR_DEFAULTS},
                       "types": dict(weights["types"])}, ensure_ascii=False, sort_keys=True)


def weights_errors(weights: dict, type_groups: dict | None = None) -> dict[str, str]:
    """{field: Vietnamese message}; fields are the scalar keys and 'type:<code>'."""
    type_groups = ref.TYPE_GROUPS if type_groups is None else type_groups
    errors = {}
    for key in SCALAR_DEFAULTS:
        if not _valid(weights.get(key)):
            errors[key] = texts.SCORING_WEIGHT_INVALID.format(max=int(MAX_WEIGHT))
    cap = weights.get("activity_cap")
    if "activity_cap" not in errors and (float(cap) < 1 or float(cap) != int(cap)):
        errors["activity_cap"] = texts.SCORING_CAP_INVALID
    types = weights.get("types") or {}
    for code in type_groups:
        if not _valid(types.get(code)):
            errors[f"type:{code}"] = texts.SCORING_WEIGHT_INVALID.format(max=int(MAX_WEIGHT))
    for code in types:
        if code not in type_groups:
            errors[f"type:{code}"] = texts.SCORING_TYPE_UNKNOWN.format(code=code)
    return errors


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) \
        and math.isfinite(value)


def _valid(value) -> bool:
    return _is_number(value) and 0 <= value <= MAX_WEIGHT


@dataclass(frozen=True)
class UnitInputs:
    """What the rubric looks at for one unit (gathered in SQL by db/commendations.py)."""
    unit_id: int
    code: str
    name: str
    kind: str
    tier: str | None = None
    ward_code: str | None = None
    activities_by_type: dict = field(default_factory=dict)  # counting: not deleted/needs-fix
    participants: int = 0
    propaganda_entries: int = 0  # counting entries; never a sum of quantities
    channels: int = 0
    activities_with_evidence: int = 0
    submitted_on_time: bool = False
    # review progress, shown beside the score (not scored): entries not withdrawn, and
    # those of them the committee has decided on (accepted or needs-fix)
    entries_total: int = 0
    entries_reviewed: int = 0

    @property
    def activities(self) -> int:
        return sum(self.activities_by_type.values())

    @property
    def unreviewed(self) -> int:
        return self.entries_total - self.entries_reviewed

    @property
    def reviewed_share(self) -> float | None:
        return self.entries_reviewed / self.entries_total if self.entries_total else None


@dataclass(frozen=True)
class Part:
    criterion: str       # one of CRITERIA
    value: float         # the raw input (count, people, share 0–1, 0/1)
    points: float


@dataclass(frozen=True)
class UnitScore:
    inputs: UnitInputs
    group: str
    parts: tuple[Part, ...]
    total: float
    rank: int | None = None

    def points(self, criterion: str) -> float:
        return next(p.points for p in self.parts if p.criterion == criterion)


def group_of(kind: str, tier: str | None) -> str:
    """The comparable group: 'school:<tier>', 'ward' or 'other'."""
    if kind == "school":
        return f"school:{tier}"
    if kind in WARD_KINDS:
        return "ward"
    return "other"


def group_order() -> list[str]:
    return [f"school:{tier}" for tier in ref.TIER_NAMES] + ["ward", "other"]


def group_name(group: str) -> str:
    if group.startswith("school:"):
        return texts.SCORING_GROUP_SCHOOL.format(tier=ref.TIER_NAMES[group.split(":", 1)[1]])
    return texts.SCORING_GROUP_WARD if group == "ward" else texts.SCORING_GROUP_OTHER


def log_scale(value: float) -> float:
    return math.log10(1 + max(0.0, float(value)))


def score(inputs: UnitInputs, weights: dict) -> UnitScore:
    cap = int(weights["activity_cap"])
    activity_points = sum(min(count, cap) * weights["types"].get(code, 0.0)
                          for code, count in inputs.activities_by_type.items())
    distinct = sum(1 for count in inputs.activities_by_type.values() if count > 0)
    evidence_share = (inputs.activities_with_evidence / inputs.activities
                      if inputs.activities else 0.0)
    parts = (
        Part("activities", inputs.activities, activity_points),
        Part("distinct_types", distinct, distinct * weights["distinct_types"]),
        Part("participants", inputs.participants,
             weights["participants"] * log_scale(inputs.participants)),
        Part("propaganda_entries", inputs.propaganda_entries,
             weights["propaganda_entries"] * log_scale(inputs.propaganda_entries)),
        Part("channels", inputs.channels, inputs.channels * weights["channels"]),
        Part("evidence", evidence_share, evidence_share * weights["evidence"]),
        Part("on_time", int(inputs.submitted_on_time),
             weights["on_time"] if inputs.submitted_on_time else 0.0),
    )
    parts = tuple(Part(p.criterion, p.value, round(p.points, 2)) for p in parts)
    return UnitScore(inputs, group_of(inputs.kind, inputs.tier), parts,
                     round(sum(p.points for p in parts), 2))


def rank_all(all_inputs, weights: dict) -> dict[str, list[UnitScore]]:
    """{group: scores best first} for every group in group_order() (empty groups kept).
    Equal scores share a rank (1, 2, 2, 4); ties are listed by name."""
    by_group: dict[str, list[UnitScore]] = {g: [] for g in group_order()}
    for item in all_inputs:
        s = score(item, weights)
        by_group.setdefault(s.group, []).append(s)
    ranked = {}
    for group, scores in by_group.items():
        scores.sort(key=lambda s: (-s.total, s.inputs.name, s.inputs.code))
        out, previous, previous_rank = [], None, 0
        for position, s in enumerate(scores, start=1):
            rank = previous_rank if s.total == previous else position
            out.append(UnitScore(s.inputs, s.group, s.parts, s.total, rank))
            previous, previous_rank = s.total, rank
        ranked[group] = out
    return ranked
