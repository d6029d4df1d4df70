"""Issue 20, deliver 2 (first half): sample data never reaches a signed document. A final
closing report — `manage.py report --final` and the report page's «Bản chính thức» — is
refused while the week holds any sample unit or sample row; the refusal names «dữ liệu
mẫu» and how to remove it; once removed, the final report is written."""
import manage
from core import closing_report
from db import Actor, commendations, demo, events, report_data, sample_data, units
from tests import closing_fixture as fx
from tests.test_closing_pdf import complete, open_report_page, run_report


def _week(db):
    fx.build_week(db)
    return events.get(db, 2020)


def _load_demo(db, committee=None):
    """The demo, its nominations then declined by `committee` (when given): sample data is
    the only thing left that keeps the report from being final."""
    demo.load(db, Actor.system("test"), units=6, activities=40, seed=5, accounts=False,
              with_real=True)
    if committee is not None:
        for nomination in commendations.list_nominations(db, events.get(db, 2020)["id"],
                                                         "proposed"):
            commendations.decide_nomination(db, committee, nomination["id"], "declined")
        gaps = closing_report.missing(report_data.gather_status(db, events.get(db, 2020)))
        assert [g.split(":")[0] for g in gaps] == ["Dữ liệu mẫu"]


def test_the_sequence_demo_loaded_final_refused_then_removed_final_written(
        db_path, db, admin, committee, tmp_path, capsys):
    week = _week(db)
    complete(db, committee, week)
    _load_demo(db, committee)
    out = tmp_path / "chinh-thuc.pdf"
    assert run_report(db_path, out, "--final", "--date", "2020-10-09") == 1
    err = capsys.readouterr().err
    assert "dữ liệu mẫu" in err
    assert "python3 manage.py demo --remove" in err  # how to remove it
    assert not out.exists()
    # a draft may still be printed: it says DỰ THẢO and lists the sample data as missing
    draft = tmp_path / "du-thao.pdf"
    assert run_report(db_path, draft) == 0
    assert draft.exists() and "dữ liệu mẫu" in capsys.readouterr().err
    # remove the sample data (as the README says), then the final report goes through
    assert manage.main(["--db", str(db_path), "demo", "--remove"]) in (0, None)
    capsys.readouterr()
    assert run_report(db_path, out, "--final", "--date", "2020-10-09") == 0
    assert out.exists() and capsys.readouterr().err == ""


def test_one_sample_unit_without_rows_is_enough_to_refuse(db, admin, committee):
    """A sample unit takes part in the week (it counts among the units) even before it has
    a row: the rule is the only thing missing."""
    week = _week(db)
    complete(db, committee, week)
    units._insert(db, Actor.system("test"), {
        "code": "MAU-X", "name": "[Mẫu] Trường thử", "kind": "school", "tier": "thcs",
        "ward_code": "00001"}, is_sample=True)
    assert sample_data.in_week(db, week["id"]) == {"units": 1}
    gaps = closing_report.missing(report_data.gather_status(db, events.get(db, 2020)))
    assert len(gaps) == 1 and gaps[0].startswith("Dữ liệu mẫu:")
    assert "1 đơn vị mẫu" in gaps[0] and "«Gỡ dữ liệu mẫu»" in gaps[0]


def test_sample_rows_of_another_week_do_not_count_in_this_one(db, admin):
    """Rows are counted per week; the 2020 demo's activities are not the 2021 week's."""
    _week(db)
    _load_demo(db)
    w2020 = sample_data.in_week(db, events.get(db, 2020)["id"])
    assert w2020["units"] > 0 and w2020["activities"] > 0 and w2020["nominations"] > 0
    db["events"].insert(dict({k: v for k, v in events.get(db, 2020).items() if k != "id"},
                             year=2021))
    w2021 = sample_data.in_week(db, events.get(db, 2021)["id"])
    assert "activities" not in w2021 and w2021["units"] == w2020["units"]


def test_the_report_page_offers_no_final_report_while_sample_data_is_in(
        db, admin, committee, app_for):
    week = _week(db)
    complete(db, committee, week)
    at = open_report_page(app_for, committee)
    assert at.radio(key="report_kind").options[0] == "Bản chính thức"  # complete: offered
    _load_demo(db, committee)
    at = open_report_page(app_for, committee)
    assert at.radio(key="report_kind").options == ["Bản dự thảo (có chữ DỰ THẢO)"]
    [warning] = [w.value for w in at.warning if "DỰ THẢO" in w.value]
    assert "Dữ liệu mẫu" in warning and "«Sao lưu»" in warning
    assert "manage.py" not in warning  # a page speaks of its buttons, not of commands
    sample_data.remove(db, admin)  # the admin's «Gỡ dữ liệu mẫu»
    at = open_report_page(app_for, committee)
    assert at.radio(key="report_kind").options[0] == "Bản chính thức"
