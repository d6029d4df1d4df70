"""Issue 20, deliver 3: the organiser profile is checked as a whole. A level that the
letterhead, the signer's title or the level word contradict is refused, naming the fields,
on the «Đơn vị tổ chức» tab and in `manage.py settings set`; nothing is written. A
coherent change of several pairs in one call is accepted."""
import pytest

import manage
from core import organiser as rules
from core import texts
from db import events

WARD = {"organiser_level": "xa", "organiser_name": "UBND phường Hoàn Kiếm",
        "issuer_line1": "UBND PHƯỜNG HOÀN KIẾM", "issuer_line2": "BAN CHỈ ĐẠO XÂY DỰNG XHHT",
        "place_name": "Hoàn Kiếm", "signer_for": "TM. BAN CHỈ ĐẠO\nTRƯỞNG BAN",
        "signer_title": "PHÓ CHỦ TỊCH UBND PHƯỜNG", "signer_name": "Trần Văn An",
        "recipients": "Lưu: VT", "report_email": "", "committee_symbol": "BCĐHTSĐ",
        "level_word": "", "area_word": ""}


def settings(db_path, *pairs):
    return manage.main(["--db", str(db_path), "settings", "set", *pairs, "--year", "2020"])


def audits(db):
    return db.execute("select count(*) from audit_log").fetchone()[0]


def test_the_seeded_ba_dinh_2020_profile_is_whole(db):
    assert rules.profile_errors(rules.profile_of(events.get(db, 2020))) == {}
    assert rules.profile_errors(WARD) == {}


@pytest.mark.parametrize("changes,fields", [
    # the issue's case: a province under «UBND QUẬN …»
    ({"organiser_level": "tinh"}, {"organiser_name", "issuer_line1", "signer_title"}),
    # «PHÓ CHỦ TỊCH UBND QUẬN» signing for a ward
    ({"signer_title": "PHÓ CHỦ TỊCH UBND QUẬN"}, {"signer_title"}),
    # the level word of a district for a ward
    ({"level_word": "quận"}, {"level_word"}),
    ({"issuer_line1": "ỦY BAN NHÂN DÂN THỊ XÃ SƠN TÂY"}, {"issuer_line1"}),
])
def test_a_contradicting_field_is_named(changes, fields):
    errors = rules.profile_errors(dict(WARD, **changes))
    assert set(errors) == fields | {"organiser_level"}
    for name in fields:
        assert "không khớp với cấp tổ chức" in errors[name]
    for name in fields:  # the level's message lists every field in the form's words
        assert f"«{texts.ORG_FIELD_LABELS[name]}»" in errors["organiser_level"]


def test_words_that_name_no_level_or_fit_it_are_fine():
    # «xã hội» is not a commune; «thành phố» fits a province and a city of a province
    assert rules.profile_errors(dict(WARD, issuer_line2="BAN CHỈ ĐẠO XÃ HỘI HÓA")) == {}
    city = dict(WARD, organiser_level="tinh", organiser_name="UBND thành phố Hà Nội",
                issuer_line1="UBND TP. HÀ NỘI", signer_title="PHÓ CHỦ TỊCH UBND THÀNH PHỐ",
                level_word="thành phố")
    assert rules.profile_errors(city) == {}
    assert rules.profile_errors(dict(city, organiser_level="huyen")) == {}  # TP Thủ Đức
    assert set(rules.profile_errors(dict(city, organiser_level="xa"))) == {
        "organiser_name", "issuer_line1", "signer_title", "level_word", "organiser_level"}


def test_settings_set_refuses_the_issues_half_changed_profile(db_path, db, capsys):
    """`settings set organiser.level tinh` printed «… thành phố Ba Đình» under «UBND QUẬN
    BA ĐÌNH»: now refused, each contradicting field named by its key, nothing written."""
    before, count = events.get(db, 2020), audits(db)
    assert settings(db_path, "organiser.level", "tinh") == 1
    err = capsys.readouterr().err
    assert "organiser.issuer_line1: «UBND QUẬN» là cấp huyện/quận" in err
    assert "organiser.signer_title: «UBND QUẬN» là cấp huyện/quận" in err
    assert "organiser.name: «UBND quận» là cấp huyện/quận" in err
    assert "organiser.level: Cấp tổ chức (cấp tỉnh/thành phố) không khớp với" in err
    assert events.get(db, 2020) == before and audits(db) == count


def test_settings_set_accepts_a_coherent_change_in_one_call(db_path, db, capsys):
    count = audits(db)
    assert settings(db_path, "organiser.level", "xa", "organiser.name", "UBND phường Ba Đình",
                    "organiser.issuer_line1", "UBND PHƯỜNG BA ĐÌNH",
                    "organiser.signer_title", "PHÓ CHỦ TỊCH UBND PHƯỜNG") == 0, \
        capsys.readouterr().err
    event = events.get(db, 2020)
    assert (event["organiser_level"], event["issuer_line1"], event["signer_title"]) == (
        "xa", "UBND PHƯỜNG BA ĐÌNH", "PHÓ CHỦ TỊCH UBND PHƯỜNG")
    # the district's level word «quận» followed the level (stored empty: «phường»)
    assert rules.from_event(event).level_word == "phường"
    assert audits(db) == count + 1
    # then one field alone that contradicts the saved whole is refused
    assert settings(db_path, "organiser.signer_title", "CHỦ TỊCH UBND QUẬN") == 1
    assert "organiser.signer_title: «UBND QUẬN» là cấp huyện/quận" in capsys.readouterr().err
    assert events.get(db, 2020)["signer_title"] == "PHÓ CHỦ TỊCH UBND PHƯỜNG"


SAVE = "FormSubmitter:organiser_1-Lưu"


def test_the_tab_refuses_a_level_the_letterhead_contradicts(app_for, db, admin):
    before, count = events.get(db, 2020), audits(db)
    at = app_for(admin)
    at.switch_page("app_pages/admin_settings.py").run()
    at.selectbox(key="org_level_1").set_value("tinh")
    at.button(key=SAVE).click().run()
    assert not at.exception, at.exception
    errors = [e.value for e in at.error]
    assert "«UBND QUẬN» là cấp huyện/quận, không khớp với cấp tổ chức (cấp tỉnh/thành phố)." \
        in errors
    assert any(e.startswith("Cấp tổ chức (cấp tỉnh/thành phố) không khớp với:")
               and "«Chức vụ người ký»" in e for e in errors)
    assert at.selectbox(key="org_level_1").value == "tinh"  # the choice stays on screen
    assert events.get(db, 2020) == before and audits(db) == count
