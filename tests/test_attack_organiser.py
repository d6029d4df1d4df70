"""Fresh-eye attacks on the organiser profile's whole-check (session 5): real ward, commune,
thị trấn, thị xã, district, city and province profiles are accepted; a level contradicted by
a name hidden behind a zero-width space, an abbreviation («UBND Q. …») or typed without
accents is refused, in `manage.py settings set` too, with nothing written."""
import unicodedata

import pytest

import manage
from core import organiser as rules
from db import events
from tests.test_organiser_whole import WARD


def profile(level, name, title, **more):
    return {**WARD, "organiser_level": level, "organiser_name": name,
            "issuer_line1": name.upper(), "signer_title": title, **more}


@pytest.mark.parametrize("fields", [
    profile("xa", "UBND phường Hoàn Kiếm", "PHÓ CHỦ TỊCH UBND PHƯỜNG"),
    profile("xa", "UBND xã Bát Tràng", "CHỦ TỊCH UBND XÃ", level_word="xã", area_word="thôn"),
    profile("xa", "Uỷ ban nhân dân xã Bát Tràng", "CHỦ TỊCH UỶ BAN NHÂN DÂN XÃ"),
    profile("xa", unicodedata.normalize("NFD", "UBND xã Bát Tràng"), "CHỦ TỊCH"),
    profile("xa", "UBND thị trấn Trâu Quỳ", "CHỦ TỊCH UBND THỊ TRẤN", level_word="thị trấn"),
    profile("xa", "UBND đặc khu Phú Quốc", "CHỦ TỊCH UBND ĐẶC KHU", level_word="đặc khu"),
    profile("huyen", "UBND huyện Gia Lâm", "PHÓ CHỦ TỊCH UBND HUYỆN", level_word="huyện"),
    profile("huyen", "UBND thị xã Sơn Tây", "PHÓ CHỦ TỊCH UBND THỊ XÃ", level_word="thị xã"),
    profile("huyen", "UBND thành phố Bắc Ninh", "PHÓ CHỦ TỊCH UBND THÀNH PHỐ"),
    profile("tinh", "UBND thành phố Hà Nội", "PHÓ CHỦ TỊCH UBND THÀNH PHỐ", level_word=""),
    profile("tinh", "UBND TP. Hồ Chí Minh", "PHÓ CHỦ TỊCH UBND TP"),
    profile("tinh", "UBND tỉnh Bắc Ninh", "PHÓ CHỦ TỊCH UBND TỈNH", level_word="tỉnh"),
])
def test_real_profiles_of_every_level_are_accepted(fields):
    assert rules.profile_errors(fields) == {}


@pytest.mark.parametrize("name", [
    "UBND\u200b QUẬN BA ĐÌNH",   # a zero-width space pasted with the name
    "UBND Q. Ba Đình",
    "UBND QUAN BA DINH",          # typed without accents
    "Uy ban nhan dan quan Ba Dinh",
])
def test_a_district_name_for_a_province_is_refused_however_typed(name):
    fields = profile("tinh", "UBND thành phố Hà Nội", "PHÓ CHỦ TỊCH UBND THÀNH PHỐ",
                     issuer_line1=name)
    errors = rules.profile_errors(fields)
    assert set(errors) == {"issuer_line1", "organiser_level"}, errors
    assert "không khớp với cấp tổ chức (cấp tỉnh/thành phố)" in errors["issuer_line1"]


@pytest.mark.parametrize("name, level", [("UBND P.Hoàn Kiếm", "xa"), ("UBND TX. Sơn Tây", "huyen"),
                                         ("UBND TT Trâu Quỳ", "xa")])
def test_abbreviations_name_their_level(name, level):
    assert rules.named_levels(name)[1] == {level}


def test_words_that_only_look_like_an_abbreviation_name_nothing():
    for text in ("UBND Phạm", "TT Quận ủy", "Ban chỉ đạo xã hội hóa",
                 "UBND Quyết định"):
        assert rules.named_levels(text) is None, text


def test_settings_set_province_in_one_call_then_a_hidden_district_is_refused(db_path, db,
                                                                            capsys):
    args = ["--db", str(db_path), "settings", "set", "--year", "2020"]
    assert manage.main(args + [
        "organiser.level", "tinh", "organiser.name", "UBND thành phố Hà Nội",
        "organiser.issuer_line1", "UBND THÀNH PHỐ HÀ NỘI",
        "organiser.issuer_line2", "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
        "organiser.signer_title", "PHÓ CHỦ TỊCH UBND THÀNH PHỐ"]) == 0
    capsys.readouterr()
    before = db.execute("select count(*) from audit_log").fetchone()[0]
    assert manage.main(args + ["organiser.issuer_line1", "UBND\u200b QUẬN BA ĐÌNH"]) != 0
    err = capsys.readouterr().err
    assert "organiser.issuer_line1" in err and "không khớp với cấp tổ chức" in err
    assert events.get(db, 2020)["issuer_line1"] == "UBND THÀNH PHỐ HÀ NỘI"
    assert db.execute("select count(*) from audit_log").fetchone()[0] == before


def test_settings_set_refuses_a_key_given_twice(db_path, db, capsys):
    """«organiser.level xa organiser.level huyen» saved the last one without a word."""
    before = db.execute("select count(*) from audit_log").fetchone()[0]
    code = manage.main(["--db", str(db_path), "settings", "set", "--year", "2020",
                        "organiser.level", "xa", "organiser.level", "tinh"])
    assert code != 0
    assert "«organiser.level» được cho hai lần" in capsys.readouterr().err
    assert events.get(db, 2020)["organiser_level"] == "huyen"
    assert db.execute("select count(*) from audit_log").fetchone()[0] == before
