"""The admin's «Sao lưu» page in an installation of several organisers (issue 24 deliver
5): a ward's admin backs up the ward's own file, into the ward's own folder, and sees and
downloads only the ward's backups — never the city's or the other ward's."""
from db import backup, directory
from tests.city_fixture import CITY, NAMES, UNITS, WARD_A, WARD_B, build_city
from tests.conftest import PASSWORD
from tests.installation_fixture import rows
from tests.test_auth import login_form, signed_in
from tests.test_organiser_login import picker


def test_a_wards_admin_backs_up_the_wards_file_only_and_lists_its_own_backups(app_for,
                                                                               db_path):
    files = build_city(db_path)
    city_copy = backup.backup_to_folder(files[CITY]).path  # made by the city's admin
    other_copy = backup.backup_to_folder(files[WARD_B]).path  # and by ward B's
    at = app_for(None)
    picker(at).set_value(WARD_A).run()
    at = login_form(at, "quan.tri", PASSWORD)
    assert signed_in(at) and at.session_state["actor"].organiser == WARD_A
    at.switch_page("app_pages/admin_backup.py").run()
    assert not at.exception
    assert any("Chưa có bản sao lưu" in c.value for c in at.caption)  # not B's, not the city's
    (scope,) = [i.value for i in at.info if "nhiều đơn vị tổ chức" in i.value]
    assert f"«{NAMES[WARD_A]}»" in scope and f"--organiser {WARD_A} backup" in scope
    at.button(key="bak_make").click().run()
    assert not at.exception
    (made,) = backup.list_backups(files[WARD_A])
    assert made["path"].parent == db_path.parent / "backups" / WARD_A
    assert made["name"].startswith(f"llw-{WARD_A}-")
    codes = {r[0] for r in rows(made["path"], "select code from units")}
    assert codes == {code for code, *_ in UNITS[WARD_A]}
    (offered,) = at.selectbox(key="bak_pick").options  # one: the ward's own
    assert offered.startswith(made["name"] + " — ")
    assert city_copy.name not in offered and other_copy.name not in offered
    # the backup is noted in ward A's own log, not in the city's or in B's
    assert rows(files[WARD_A], "select count(*) from audit_log where action = 'backup'") \
        == [(1,)]
    assert rows(files[CITY], "select count(*) from audit_log where action = 'backup' "
                "and username = 'quan.tri'") == [(0,)]
    assert directory.record_of_file(made["path"]) is None  # a copy is never a listed file
