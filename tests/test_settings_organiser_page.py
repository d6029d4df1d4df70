"""AppTest of the "Đơn vị tổ chức" tab of the week's settings (issue 15)."""
import pytest

from db import events


@pytest.fixture(autouse=True)
def an_admin_exists(admin):
    return admin


def open_settings(app_for, admin):
    at = app_for(admin)
    at.switch_page("app_pages/admin_settings.py").run()
    assert not at.exception, at.exception
    return at


SAVE = "FormSubmitter:organiser_1-Lưu"


def test_the_tab_shows_ba_dinh_2020s_profile(app_for, admin):
    at = open_settings(app_for, admin)
    assert at.selectbox(key="org_level_1").value == "huyen"
    assert at.text_input(key="org_name_1").value == "UBND quận Ba Đình"
    assert at.text_input(key="org_place_1").value == "Ba Đình"
    assert at.text_area(key="org_recipients_1").value.splitlines()[-1] == "Lưu: VT"


def test_a_good_profile_is_saved(app_for, db, admin):
    at = open_settings(app_for, admin)
    at.selectbox(key="org_level_1").set_value("xa")
    at.text_input(key="org_name_1").set_value("UBND phường Ba Đình")
    at.text_input(key="org_iss1_1").set_value("UBND PHƯỜNG BA ĐÌNH")
    at.text_input(key="org_stitle_1").set_value("PHÓ CHỦ TỊCH UBND PHƯỜNG")
    at.text_area(key="org_recipients_1").set_value("Sở GDĐT Hà Nội\n\nLưu: VT")
    at.text_input(key="org_symbol_1").set_value("BCĐHTSĐ")
    at.button(key=SAVE).click().run()
    assert not at.exception, at.exception
    assert "Đã lưu hồ sơ đơn vị tổ chức." in [s.value for s in at.success]
    event = events.get(db, 2020)
    assert (event["organiser_level"], event["organiser_name"], event["issuer_line1"],
            event["recipients"], event["committee_symbol"]) == (
        "xa", "UBND phường Ba Đình", "UBND PHƯỜNG BA ĐÌNH", "Sở GDĐT Hà Nội\nLưu: VT",
        "BCĐHTSĐ")
    # the form shows the saved values after the rerun
    assert at.text_input(key="org_iss1_1").value == "UBND PHƯỜNG BA ĐÌNH"


def test_bad_input_shows_messages_at_the_fields_and_writes_nothing(app_for, db, admin):
    before = events.get(db, 2020)
    audits = db.execute("select count(*) from audit_log").fetchone()[0]
    at = open_settings(app_for, admin)
    at.text_input(key="org_place_1").set_value("")
    at.text_input(key="org_symbol_1").set_value("BC ĐX")
    at.text_input(key="org_email_1").set_value("pgd@")
    at.button(key=SAVE).click().run()
    errors = [e.value for e in at.error]
    assert "Không được để trống." in errors
    assert any("Ký hiệu viết liền" in e for e in errors)
    assert any("mail" in e.lower() for e in errors)
    assert at.text_input(key="org_symbol_1").value == "BC ĐX"  # typed values stay
    assert events.get(db, 2020) == before
    assert db.execute("select count(*) from audit_log").fetchone()[0] == audits


def ward_profile(db, admin):
    from core import organiser as rules
    from db import organiser

    event = events.get(db, 2020)
    organiser.update_profile(db, admin, event["id"], dict(
        rules.profile_of(event), organiser_level="xa", organiser_name="UBND phường Ba Đình",
        issuer_line1="UBND PHƯỜNG BA ĐÌNH", signer_title="PHÓ CHỦ TỊCH UBND PHƯỜNG",
        level_word="", area_word=""))


def test_pages_say_the_profiles_words(app_for, db, admin, committee):
    """Before login the latest week's office; the dashboard's map counts its areas in its
    own word; the Ba Đình 2020 words are gone once the profile is a ward's."""
    from tests.test_committee_pages import chart_specs, picture_tags

    at = app_for(None)
    assert "Chưa có tài khoản? Liên hệ Phòng GD&ĐT quận để được cấp." in [
        c.value for c in at.caption]
    ward_profile(db, admin)
    at = app_for(None)
    assert "Chưa có tài khoản? Liên hệ UBND phường để được cấp." in [c.value for c in at.caption]
    at = app_for(committee)
    at.switch_page("app_pages/committee_dashboard.py").run()
    assert not at.exception, at.exception
    titles = [alt for _src, alt in picture_tags(at)]  # drawn in the pictures
    assert "Bản đồ 14 tổ dân phố" in titles
    assert not [t for t in titles if "14 phường" in t]
    at.toggle(key="dash_interactive").set_value(True).run()  # the live charts' title
    titles = [spec.get("title", {}).get("text") for spec in chart_specs(at)]
    assert "Bản đồ 14 tổ dân phố (bấm vào một tổ dân phố để lọc cả trang)" in titles


def test_the_report_page_offers_the_profiles_place(app_for, db, admin, committee):
    from core import organiser as rules
    from db import organiser

    event = events.get(db, 2020)
    organiser.update_profile(db, admin, event["id"], dict(rules.profile_of(event),
                                                          place_name="Hoàn Kiếm"))
    at = app_for(committee)
    at.switch_page("app_pages/committee_report.py").run()
    assert not at.exception, at.exception
    assert at.text_input(key="report_place").label == "Địa danh (để trống: Hoàn Kiếm)"
