"""Issue 20: what a committee decides on a form is what is stored. A decision taken from a
nomination is about the nomination's unit; a budget line identical to a saved one is added
only once confirmed; commending a unit with nothing counted asks first."""
import pytest

from core import texts
from db import NeedsConfirmation, ValidationFailed, budget, commendations, events
from tests import closing_fixture as fx

LINE = {"item": "In băng rôn tuyên truyền", "activity_ref": "Tuyên truyền", "quantity": "20",
        "measure": "chiếc", "unit_price": "350.000", "note": ""}


@pytest.fixture
def week(db, admin):
    fx.build_week(db)
    return events.get(db, 2020)


def stored_picks(db):
    return [(c["recipient_name"], c["recipient_unit_id"], c["nomination_id"])
            for c in db.query("select * from commendations order by id")]


def test_a_decision_from_a_nomination_takes_the_nominations_unit(db, week, committee):
    teacher = fx.add_nomination(db, week["id"], "TH-NGOCHA", "Cô Trần Thị Bình",
                                category="day_tot", status="approved")
    commendations.add_commendation(db, committee, week["id"], {
        "category": "day_tot", "nomination_id": teacher, "rationale": "Dạy tốt"})
    assert stored_picks(db) == [("Cô Trần Thị Bình", fx.unit_id(db, "TH-NGOCHA"), teacher)]


def test_a_decision_naming_another_unit_than_the_nominations_is_refused(db, week, committee):
    teacher = fx.add_nomination(db, week["id"], "TH-NGOCHA", "Cô Trần Thị Bình",
                                category="day_tot", status="approved")
    other = fx.unit_id(db, "MN-KIMMA")
    with pytest.raises(ValidationFailed) as refused:
        commendations.add_commendation(db, committee, week["id"], {
            "category": "day_tot", "nomination_id": teacher, "recipient_unit_id": other,
            "rationale": "Dạy tốt", "score": 54.12, "rank": 4})
    message = refused.value.errors["recipient_unit_id"]
    assert message == texts.COMMEND_UNIT_NOT_NOMINATIONS.format(
        unit="Trường Mầm non Kim Mã", nominee="Cô Trần Thị Bình",
        nominating="Trường Tiểu học Ngọc Hà")
    assert stored_picks(db) == []
    assert db.execute("select count(*) from audit_log where table_name = 'commendations'"
                      ).fetchone()[0] == 0


def test_naming_the_nominations_own_unit_is_accepted(db, week, committee):
    teacher = fx.add_nomination(db, week["id"], "TH-NGOCHA", "Cô Trần Thị Bình",
                                category="day_tot", status="approved")
    own = fx.unit_id(db, "TH-NGOCHA")
    commendations.add_commendation(db, committee, week["id"], {
        "category": "day_tot", "nomination_id": teacher, "recipient_unit_id": own,
        "rationale": "Dạy tốt"})
    assert stored_picks(db) == [("Cô Trần Thị Bình", own, teacher)]


def test_organising_well_from_a_units_nomination_checks_the_units_entries(db, week,
                                                                          committee):
    """The nomination path used to skip the rule (no unit was attached)."""
    nomination = fx.add_nomination(db, week["id"], "MN-KIMMA", "Trường Mầm non Kim Mã",
                                   category="to_chuc_tot", kind="unit", status="approved")
    with pytest.raises(ValidationFailed) as refused:
        commendations.add_commendation(db, committee, week["id"], {
            "category": "to_chuc_tot", "nomination_id": nomination, "rationale": "Tốt"})
    assert refused.value.errors["recipient_unit_id"] == texts.COMMEND_UNIT_NO_ENTRIES.format(
        name="Trường Mầm non Kim Mã")
    assert stored_picks(db) == []


def test_commending_a_unit_with_nothing_counted_asks_for_confirmation(db, week, committee):
    empty = fx.unit_id(db, "MN-KIMMA")  # no entry at all in the fixture
    fields = {"category": "hoc_tot", "recipient_unit_id": empty, "rationale": "Chăm ngoan"}
    with pytest.raises(NeedsConfirmation) as asked:
        commendations.add_commendation(db, committee, week["id"], fields)
    assert asked.value.errors == {"confirm_no_entries": texts.COMMEND_CONFIRM_NO_ENTRIES.format(
        name="Trường Mầm non Kim Mã")}
    assert stored_picks(db) == []
    commendations.add_commendation(db, committee, week["id"], fields,
                                   confirm_no_entries=True)
    assert stored_picks(db) == [("Trường Mầm non Kim Mã", empty, None)]


def test_a_unit_nomination_with_nothing_counted_asks_too(db, week, committee):
    nomination = fx.add_nomination(db, week["id"], "MN-KIMMA", "Trường Mầm non Kim Mã",
                                   category="hoc_tot", kind="unit", status="approved")
    with pytest.raises(NeedsConfirmation):
        commendations.add_commendation(db, committee, week["id"], {
            "category": "hoc_tot", "nomination_id": nomination, "rationale": "Tốt"})
    assert stored_picks(db) == []


def test_a_person_of_a_unit_with_nothing_counted_is_not_asked_about(db, week, committee):
    """The unit is where the person works, not what is commended."""
    pupil = fx.add_nomination(db, week["id"], "MN-KIMMA", "Bé Lan", category="hoc_tot",
                              status="approved")
    commendations.add_commendation(db, committee, week["id"], {
        "category": "hoc_tot", "nomination_id": pupil, "rationale": "Chăm ngoan"})
    assert stored_picks(db) == [("Bé Lan", fx.unit_id(db, "MN-KIMMA"), pupil)]


def test_a_budget_line_identical_to_a_saved_one_asks_for_confirmation(db, committee):
    event_id = events.get(db, 2020)["id"]
    budget.add_line(db, committee, event_id, LINE)
    with pytest.raises(NeedsConfirmation) as asked:
        budget.add_line(db, committee, event_id, dict(LINE, unit_price="350000"))
    assert asked.value.errors == {"confirm_duplicate": texts.BUD_LINE_DUPLICATE.format(
        number=1, item="In băng rôn tuyên truyền", quantity="20", price="350.000")}
    assert len(budget.lines(db, event_id)) == 1
    budget.add_line(db, committee, event_id, dict(LINE, quantity="21"))  # not identical
    budget.add_line(db, committee, event_id, LINE, confirm_duplicate=True)
    assert [line["quantity"] for line in budget.lines(db, event_id)] == [20, 21, 20]


# --- warnings where a person would want one (deliver 10) ----------------------------------

def test_submitting_with_a_target_unmet_lists_it_and_asks(db, unit_user):
    event_id = events.get(db, 2020)["id"]
    from db import entries, submissions

    unmet = [t for t in entries.target_progress(db, event_id, unit_user.unit_id)
             if not t["met"]]
    assert unmet  # the plan's targets apply to the school of the fixture
    with pytest.raises(NeedsConfirmation) as asked:
        submissions.submit(db, unit_user, event_id, unit_user.unit_id)
    question = asked.value.errors["confirm_unmet"]
    for target in unmet:
        assert texts.SUB_UNMET_ITEM.format(label=target["label"], count=target["count"],
                                           minimum=target["minimum"]) in question
    assert submissions.get(db, event_id, unit_user.unit_id) is None
    submissions.submit(db, unit_user, event_id, unit_user.unit_id, confirm_unmet=True)
    assert submissions.get(db, event_id, unit_user.unit_id) is not None


def test_submitting_with_every_target_met_asks_nothing(db, unit_user):
    event_id = events.get(db, 2020)["id"]
    from db import entries, submissions

    db.execute("delete from targets where event_id = ?", [event_id])
    assert entries.target_progress(db, event_id, unit_user.unit_id) == []
    submissions.submit(db, unit_user, event_id, unit_user.unit_id)
    assert submissions.get(db, event_id, unit_user.unit_id) is not None


def buttons(at, label):
    return [b for b in at.button if b.label == label]


def test_the_submit_page_shows_the_unmet_targets_and_submits_once_confirmed(db, admin,
                                                                            unit_user, app_for):
    from db import submissions

    event_id = events.get(db, 2020)["id"]
    at = app_for(unit_user)
    at.switch_page("app_pages/unit_submit.py").run()
    buttons(at, texts.SUB_BUTTON)[0].click()
    at.run()
    assert not at.exception
    assert any("Đơn vị chưa đạt chỉ tiêu" in w.value for w in at.warning)
    assert submissions.get(db, event_id, unit_user.unit_id) is None
    buttons(at, texts.SUB_CONFIRM_BUTTON)[0].click()
    at.run()
    assert submissions.get(db, event_id, unit_user.unit_id) is not None
    assert texts.SUB_DONE in [s.value for s in at.success]


def test_the_page_asks_before_commending_a_unit_with_nothing_counted(db, week, committee,
                                                                     app_for):
    at = app_for(committee)
    at.switch_page("app_pages/committee_commendations.py").run()
    empty = fx.unit_id(db, "MN-KIMMA")
    at.selectbox(key="pick_category").set_value("hoc_tot")
    at.selectbox(key="pick_unit").set_value(empty)
    at.text_area(key="pick_rationale").input("Chăm ngoan")
    at.button(key="FormSubmitter:commendation_pick-Thêm vào danh sách khen thưởng").click().run()
    assert any("chưa có hoạt động hay sản phẩm tuyên truyền" in w.value for w in at.warning)
    assert stored_picks(db) == []
    buttons(at, texts.COMMEND_CONFIRM_BUTTON)[0].click()
    at.run()
    assert not at.exception
    assert stored_picks(db) == [("Trường Mầm non Kim Mã", empty, None)]
