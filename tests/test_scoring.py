"""The commendation rubric (core/scoring.py): pure, so tested on hand-made inputs."""
import json
import math

import pytest

from core import scoring
from core.scoring import UnitInputs


def school(unit_id, name, tier="thcs", **kw):
    return UnitInputs(unit_id, f"S{unit_id}", name, "school", tier, "00007", **kw)


def test_an_empty_unit_scores_zero():
    result = scoring.score(school(1, "A"), scoring.default_weights())
    assert result.total == 0
    assert [p.criterion for p in result.parts] == scoring.CRITERIA


def test_breakdown_adds_up_to_the_total_and_is_hand_countable():
    weights = scoring.default_weights()
    inputs = school(1, "A", activities_by_type={"library": 2, "sports": 1}, participants=99,
                    propaganda_entries=9, channels=2, activities_with_evidence=3,
                    submitted_on_time=True)
    result = scoring.score(inputs, weights)
    # library (education) 2 × 3 + sports (emulation) 1 × 2 = 8
    assert result.points("activities") == 8
    assert result.points("distinct_types") == 2 * 2.0
    assert result.points("participants") == 4.0 * 2  # log10(100) = 2
    assert result.points("propaganda_entries") == 3.0 * 1  # log10(10) = 1
    assert result.points("channels") == 2 * 1.5
    assert result.points("evidence") == 5.0  # 3 of 3 activities have evidence
    assert result.points("on_time") == 5.0
    assert result.total == pytest.approx(sum(p.points for p in result.parts))
    assert result.total == 8 + 4 + 8 + 3 + 3 + 5 + 5


def test_participants_are_log_scaled_so_size_alone_does_not_win():
    weights = scoring.default_weights()
    small_but_broad = school(1, "Nhỏ", activities_by_type={"library": 1, "oer": 1,
                                                            "contest": 1},
                             participants=150, activities_with_evidence=3)
    big_but_narrow = school(2, "Lớn", activities_by_type={"library": 1}, participants=15_000,
                            activities_with_evidence=1)
    assert scoring.score(small_but_broad, weights).total > \
        scoring.score(big_but_narrow, weights).total
    # 100 times the people is worth only 2 more log units
    gap = scoring.score(big_but_narrow, weights).points("participants") - \
        scoring.score(school(3, "C", participants=150), weights).points("participants")
    assert gap == pytest.approx(4.0 * (math.log10(15_001) - math.log10(151)), abs=0.02)


def test_activities_beyond_the_cap_of_one_type_do_not_count():
    weights = scoring.default_weights()
    five = scoring.score(school(1, "A", activities_by_type={"library": 5}), weights)
    fifty = scoring.score(school(2, "B", activities_by_type={"library": 50}), weights)
    assert five.points("activities") == fifty.points("activities") == 15


def test_edited_weights_change_the_score():
    weights = scoring.default_weights()
    weights["types"]["sports"] = 10.0
    weights["on_time"] = 0.0
    result = scoring.score(school(1, "A", activities_by_type={"sports": 1},
                                  submitted_on_time=True), weights)
    assert result.points("activities") == 10
    assert result.points("on_time") == 0


@pytest.mark.parametrize("kind,tier,group", [
    ("school", "mam_non", "school:mam_non"),
    ("school", "thpt", "school:thpt"),
    ("ward_committee", None, "ward"),
    ("community_learning_center", None, "ward"),
    ("association", None, "other"),
    ("district_office", None, "other"),
])
def test_units_are_grouped_with_comparable_units(kind, tier, group):
    assert scoring.group_of(kind, tier) == group


def test_ranking_is_within_groups_and_ties_share_a_rank():
    weights = scoring.default_weights()
    units = [
        school(1, "B", activities_by_type={"library": 1}),
        school(2, "A", activities_by_type={"library": 1}),
        school(3, "C", activities_by_type={"library": 3}),
        school(4, "Mầm non X", tier="mam_non", activities_by_type={"library": 1}),
        UnitInputs(5, "UBND-1", "UBND phường Phúc Xá", "ward_committee", None, "00001",
                   activities_by_type={"arts": 1}),
    ]
    ranked = scoring.rank_all(units, weights)
    assert list(ranked) == scoring.group_order()
    thcs = ranked["school:thcs"]
    assert [(s.inputs.name, s.rank) for s in thcs] == [("C", 1), ("A", 2), ("B", 2)]
    assert [s.rank for s in ranked["school:mam_non"]] == [1]
    assert [s.inputs.unit_id for s in ranked["ward"]] == [5]
    assert ranked["other"] == [] and ranked["school:thpt"] == []


def test_weights_round_trip_through_json_and_ignore_unknown_keys():
    weights = scoring.default_weights()
    weights["participants"] = 7.5
    weights["types"]["oer"] = 9.0
    stored = json.loads(scoring.weights_to_json(weights))
    stored["not_a_weight"] = 3
    stored["types"]["not_a_type"] = 1
    loaded = scoring.weights_from_json(json.dumps(stored))
    assert loaded["participants"] == 7.5 and loaded["types"]["oer"] == 9.0
    assert "not_a_weight" not in loaded and "not_a_type" not in loaded["types"]


@pytest.mark.parametrize("stored", [None, "", "not json", "[1, 2]", '{"participants": "x"}'])
def test_broken_stored_weights_fall_back_to_the_defaults(stored):
    assert scoring.weights_from_json(stored) == scoring.default_weights()


@pytest.mark.parametrize("key,value", [
    ("participants", -1), ("participants", 101), ("participants", "4"),
    ("participants", float("nan")), ("on_time", True), ("activity_cap", 0),
    ("activity_cap", 2.5),
])
def test_bad_weights_are_refused_with_a_vietnamese_message(key, value):
    weights = scoring.default_weights()
    weights[key] = value
    errors = scoring.weights_errors(weights)
    assert list(errors) == [key]
    assert any(word in errors[key] for word in ("Trọng số", "hoạt động"))


def test_a_bad_type_weight_is_reported_on_that_type():
    weights = scoring.default_weights()
    weights["types"]["library"] = -2
    assert list(scoring.weights_errors(weights)) == ["type:library"]


def test_group_names_are_vietnamese():
    assert scoring.group_name("school:tieu_hoc") == "Trường Tiểu học"
    assert scoring.group_name("ward").startswith("Phường")
    assert scoring.group_name("other") == "Đơn vị khác"


def test_fourteen_activities_outrank_two_however_well_documented():
    """Issue 12 §3 in the rubric itself: a unit with 14 activities of 4 types, no evidence,
    not submitted, beats units with 2 activities that have evidence and submitted on time."""
    busy = school(1, "Bận rộn", activities_by_type={"library": 4, "oer": 4, "sports": 3,
                                                    "arts": 3}, participants=14 * 40)
    small = [school(i, f"Nhỏ {i}", activities_by_type={"library": 1, "oer": 1},
                    participants=120, activities_with_evidence=2, submitted_on_time=True,
                    propaganda_entries=3, channels=1) for i in (2, 3)]
    ranked = scoring.rank_all([busy] + small, scoring.default_weights())["school:thcs"]
    assert [s.inputs.name for s in ranked][0] == "Bận rộn"


def test_review_progress_is_shown_not_scored():
    reviewed = school(1, "A", activities_by_type={"library": 3}, entries_total=3,
                      entries_reviewed=3)
    waiting = school(2, "B", activities_by_type={"library": 3}, entries_total=3,
                     entries_reviewed=0)
    weights = scoring.default_weights()
    assert scoring.score(reviewed, weights).total == scoring.score(waiting, weights).total
    assert (reviewed.reviewed_share, waiting.reviewed_share, waiting.unreviewed) == (1.0, 0.0, 3)
    assert school(3, "C").reviewed_share is None
