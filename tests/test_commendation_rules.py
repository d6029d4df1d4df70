"""A unit is commended for "organising activities well" only when something of it counts."""
import pytest

from core import texts
from db import ValidationFailed, commendations, events
from tests import closing_fixture as fx


@pytest.fixture
def week(db, admin):
    fx.build_week(db)
    return events.get(db, 2020)


def test_a_unit_with_nothing_counted_cannot_be_commended_for_organising_well(db, week,
                                                                              committee):
    empty = fx.unit_id(db, "MN-KIMMA")  # no entry at all in the fixture
    with pytest.raises(ValidationFailed) as refused:
        commendations.add_commendation(db, committee, week["id"], {
            "category": "to_chuc_tot", "recipient_unit_id": empty, "rationale": "Tốt"})
    assert refused.value.errors["recipient_unit_id"] == texts.COMMEND_UNIT_NO_ENTRIES.format(
        name="Trường Mầm non Kim Mã")
    assert commendations.list_commendations(db, week["id"]) == []


def test_only_withdrawn_entries_do_not_count_either(db, week, committee):
    unit = fx.unit_id(db, "MN-KIMMA")
    fx.add_activity(db, week["id"], "MN-KIMMA", "00028", "arts", 10, deleted=1)
    with pytest.raises(ValidationFailed):
        commendations.add_commendation(db, committee, week["id"], {
            "category": "to_chuc_tot", "recipient_unit_id": unit, "rationale": "Tốt"})


def test_one_counted_propaganda_entry_is_enough(db, week, committee):
    unit = fx.unit_id(db, "MN-KIMMA")
    fx.add_propaganda(db, week["id"], "MN-KIMMA", "00028", "banner", 1)
    commendations.add_commendation(db, committee, week["id"], {
        "category": "to_chuc_tot", "recipient_unit_id": unit, "rationale": "Tốt"})
    assert len(commendations.list_commendations(db, week["id"])) == 1


def test_other_categories_do_not_need_the_units_entries(db, week, committee):
    unit = fx.unit_id(db, "MN-KIMMA")
    commendations.add_commendation(db, committee, week["id"], {
        "category": "hoc_tot", "recipient_unit_id": unit, "recipient_name": "Bé Lan",
        "rationale": "Chăm ngoan"})
    assert len(commendations.list_commendations(db, week["id"])) == 1
