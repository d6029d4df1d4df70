"""Issue 12 §1 on the pages: the sample-data banner on every committee page while the demo
is loaded (and on none after), and the admin's confirmed, audited removal button."""
import pytest

from components.navigation import pages_for
from db import Actor, demo, sample_data

COMMITTEE_PAGES = [p.script for p in pages_for("committee") if p.script != "account.py"]


@pytest.fixture
def loaded(db, admin):
    demo.load(db, Actor.system(), units=4, activities=30, accounts=False)
    return db


def banner(at):
    return [w.value for w in at.warning if "DỮ LIỆU MẪU" in w.value]


def test_every_committee_page_shows_the_banner_while_sample_data_is_present(
        app_for, loaded, committee):
    at = app_for(committee)
    for script in COMMITTEE_PAGES:
        at.switch_page(f"app_pages/{script}").run()
        assert not at.exception, (script, at.exception)
        [text] = banner(at)
        assert "32 đơn vị mẫu" in text and "«[Mẫu]»" in text, script  # 4 schools + 28


def test_no_banner_without_sample_data_and_none_for_a_unit(app_for, db, admin, committee,
                                                           unit_user):
    at = app_for(committee)
    at.switch_page("app_pages/committee_dashboard.py").run()
    assert banner(at) == []
    demo.load(db, Actor.system(), units=4, activities=10, accounts=False)
    at = app_for(unit_user)  # a real unit sees only its own rows: no banner
    assert banner(at) == []


def test_admin_removes_sample_data_after_confirming(app_for, loaded, admin):
    at = app_for(admin)
    at.switch_page("app_pages/admin_backup.py").run()
    assert banner(at)
    assert at.button(key="demo_rm").disabled  # not before the box is ticked
    at.checkbox(key="demo_rm_confirm").check().run()
    at.button(key="demo_rm").click().run()
    assert not at.exception
    assert not sample_data.present(loaded)
    assert any("Đã gỡ toàn bộ dữ liệu mẫu: 32 đơn vị mẫu" in s.value for s in at.success)
    assert banner(at) == []
    [row] = loaded.execute("select username from audit_log where action = 'demo_remove'"
                           ).fetchall()
    assert row[0] == admin.username
    assert any("Không có dữ liệu mẫu" in c.value for c in at.caption)


def test_a_sample_committee_account_is_refused_on_real_units_with_a_message(
        app_for, db, admin):
    """The sample committee account may try everything on sample data; on a real unit's
    entry or pick the page says why, and nothing is written."""
    from db import users
    from tests.stats_fixture import build_week

    build_week(db)
    demo.load(db, Actor.system(), units=4, activities=10, with_real=True)
    sample = users.actor_for(db, "mau.bcd")
    # a real unit with nothing waiting for review, so only the sample rule can refuse
    real = db.execute("select id from units where code = 'UBND-00006'").fetchone()[0]
    at = app_for(sample)
    at.switch_page("app_pages/committee_commendations.py").run()
    at.selectbox(key="pick_unit").set_value(real)
    at.text_area(key="pick_rationale").input("Thử")
    at.button(key="FormSubmitter:commendation_pick-Thêm vào danh sách khen thưởng").click().run()
    assert not at.exception
    assert db["commendations"].count == 0
    assert any("Tài khoản mẫu chỉ thao tác được trên dữ liệu mẫu" in e.value
               for e in at.error)
