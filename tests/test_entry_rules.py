"""Pure validation of what units log (core/entry_rules.py) and photo checks
(core/photos.py): every rule, with the Vietnamese message it gives."""
import io
import unicodedata
from datetime import date

import pytest
from PIL import Image

from core import entry_rules as rules
from core import photos, texts

WEEK = rules.Week(date(2020, 10, 2), date(2020, 10, 7))


def activity(**changes):
    raw = {"ward_code": "", "type": "library", "title": "Ngày hội đọc sách",
           "description": "", "start_date": "2020-10-03", "end_date": "2020-10-03",
           "format": "ket_hop", "participants": "120", "online_participants": "20",
           "audiences": "hoc_sinh;phu_huynh", "evidence_url": ""}
    raw.update(changes)
    return raw


def propaganda(**changes):
    raw = {"ward_code": "", "channel": "banner", "quantity": "4", "date": "02/10/2020",
           "slogans": "1;5", "link": "", "note": ""}
    raw.update(changes)
    return raw


def image_bytes(fmt="PNG", size=(40, 30), mode="RGB"):
    out = io.BytesIO()
    Image.new(mode, size, "red").save(out, fmt)
    return out.getvalue()


def test_a_good_activity_gives_the_stored_record():
    record, errors = rules.check_activity(activity(), WEEK, default_ward="00007")
    assert errors == {}
    assert record["ward_code"] == "00007"  # the unit's ward by default
    assert record["participants"] == 120 and record["online_participants"] == 20
    assert record["audiences"] == ["hoc_sinh", "phu_huynh"]
    assert record["start_date"] == record["end_date"] == "2020-10-03"


@pytest.mark.parametrize("field,value,message_start", [
    ("type", "bowling", "Loại hoạt động «bowling»"),
    ("title", "   ", "Vui lòng nhập tên hoạt động"),
    ("title", "x" * 201, "Tối đa 200 ký tự"),
    ("start_date", "31/02/2020", "Ngày «31/02/2020» không hợp lệ"),
    ("start_date", "", "Vui lòng nhập ngày"),
    ("start_date", "2020-13-01", "Ngày «2020-13-01» không hợp lệ"),
    ("format", "zoom", "Hình thức «zoom»"),
    ("participants", "-5", "«-5» không phải số nguyên"),
    ("participants", "nhiều", "«nhiều» không phải số nguyên"),
    ("participants", "2000000", "Số quá lớn"),
    ("online_participants", "121", "Số người tham gia trực tuyến (121)"),
    ("audiences", "hoc_sinh;sinh_vien", "Đối tượng «sinh_vien»"),
    ("evidence_url", "javascript:alert(1)", "Đường dẫn phải"),
    ("evidence_url", "ftp://example.com/a", "Đường dẫn phải"),
    ("evidence_url", "https://exa mple.com", "Đường dẫn phải"),
    ("evidence_url", "www.example.com", "Đường dẫn phải"),
    ("ward_code", "99999", "Mã địa bàn «99999»"),
])
def test_each_bad_activity_field_has_its_message(field, value, message_start):
    _record, errors = rules.check_activity(activity(**{field: value}), WEEK,
                                           default_ward="00007")
    assert list(errors) == [field]
    assert errors[field].startswith(message_start)


def test_end_before_start_is_refused_on_the_end_date():
    _r, errors = rules.check_activity(activity(start_date="2020-10-05", end_date="04/10/2020"),
                                      WEEK, default_ward="00007")
    assert errors == {"end_date": texts.ENT_END_BEFORE_START.format(end="04/10/2020",
                                                                    start="05/10/2020")}


def test_a_date_outside_the_week_needs_confirmation():
    raw = activity(start_date="2020-09-30", end_date="2020-10-02")
    _r, errors = rules.check_activity(raw, WEEK, default_ward="00007")
    assert list(errors) == ["start_date"] and "30/09/2020" in errors["start_date"]
    record, errors = rules.check_activity(raw, WEEK, default_ward="00007",
                                          confirm_outside=True)
    assert errors == {} and record["start_date"] == "2020-09-30"


def test_empty_end_date_means_a_one_day_activity():
    record, errors = rules.check_activity(activity(end_date=""), WEEK, default_ward="00007")
    assert errors == {} and record["end_date"] == "2020-10-03"


def test_a_district_unit_must_pick_a_ward():
    _r, errors = rules.check_activity(activity(ward_code=""), WEEK, default_ward=None)
    assert errors == {"ward_code": texts.ENT_WARD_REQUIRED}
    record, errors = rules.check_activity(activity(ward_code="00019"), WEEK, default_ward=None)
    assert errors == {} and record["ward_code"] == "00019"


def test_in_person_activity_cannot_have_online_participants():
    _r, errors = rules.check_activity(activity(format="truc_tiep"), WEEK, default_ward="00007")
    assert errors == {"online_participants": texts.ENT_ONLINE_BUT_IN_PERSON}


def test_several_bad_fields_are_all_reported():
    _r, errors = rules.check_activity(activity(title="", participants="-1", format="x"), WEEK,
                                      default_ward="00007")
    assert set(errors) == {"title", "participants", "format"}


def test_text_is_stored_nfc_and_trimmed():
    decomposed = unicodedata.normalize("NFD", "  Hội thi Công dân học tập  ")
    record, errors = rules.check_activity(activity(title=decomposed), WEEK, default_ward="00007")
    assert errors == {} and record["title"] == "Hội thi Công dân học tập"
    assert unicodedata.is_normalized("NFC", record["title"])


@pytest.mark.parametrize("value,expected", [
    ("2020-10-03", date(2020, 10, 3)), ("03/10/2020", date(2020, 10, 3)),
    (" 3/10/2020 ", date(2020, 10, 3)), (date(2020, 10, 3), date(2020, 10, 3)),
    ("31/02/2020", None), ("2020/10/03", None), ("hôm qua", None), ("", None),
])
def test_parse_date(value, expected):
    assert rules.parse_date(value) == expected


@pytest.mark.parametrize("value,expected", [
    ("12", 12), (12, 12), ("", 0), (None, 0), ("1.200", 1200), ("1 200", 1200),
    ("-3", None), ("3,5", None), ("abc", None), (True, None), (-1, None), (2.0, 2),
])
def test_parse_count(value, expected):
    assert rules.parse_count(value) == expected


def test_a_good_propaganda_effort():
    record, errors = rules.check_propaganda(propaganda(slogans="5;1;5"), WEEK,
                                            default_ward="00001")
    assert errors == {}
    assert record == {"ward_code": "00001", "channel": "banner", "quantity": 4,
                      "link": None, "note": "", "date": "2020-10-02", "slogans": [1, 5]}


@pytest.mark.parametrize("field,value,message_start", [
    ("channel", "tiktok", "Kênh tuyên truyền «tiktok»"),
    ("quantity", "0", "Số lượng phải từ 1"),
    ("quantity", "-2", "«-2» không phải số nguyên"),
    ("quantity", "ba", "«ba» không phải số nguyên"),
    ("date", "32/10/2020", "Ngày «32/10/2020» không hợp lệ"),
    ("date", "2020-10-20", "Ngày 20/10/2020 nằm ngoài Tuần lễ"),
    ("slogans", "1;9", "Khẩu hiệu «9»"),
    ("slogans", "một", "Khẩu hiệu «một»"),
    ("link", "http://", "Đường dẫn phải"),
])
def test_each_bad_propaganda_field_has_its_message(field, value, message_start):
    _r, errors = rules.check_propaganda(propaganda(**{field: value}), WEEK,
                                        default_ward="00001")
    assert list(errors) == [field]
    assert errors[field].startswith(message_start)


def test_model_counts_recognised_cannot_exceed_registered():
    record, errors = rules.check_model_counts({"gia_dinh": {"registered": 10,
                                                            "recognised": 8}})
    assert errors == {} and record == {"gia_dinh": {"registered": 10, "recognised": 8}}
    _r, errors = rules.check_model_counts({"dong_ho": {"registered": 2, "recognised": 3}})
    assert errors == {"dong_ho.recognised": texts.LM_RECOGNISED_OVER.format(
        recognised=3, registered=2)}
    _r, errors = rules.check_model_counts({"dong_ho": {"registered": -1, "recognised": 0}})
    assert list(errors) == ["dong_ho.registered"]


def test_nomination_needs_name_category_and_achievement():
    _r, errors = rules.check_nomination({"nominee_kind": "person", "nominee_name": " ",
                                         "category": "hoc_gioi", "achievement": ""})
    assert set(errors) == {"nominee_name", "category", "achievement"}
    record, errors = rules.check_nomination({"nominee_kind": "unit",
                                             "nominee_name": "Chi hội Khuyến học tổ 5",
                                             "category": "to_chuc_tot",
                                             "achievement": "Tổ chức 12 buổi đọc sách"})
    assert errors == {} and record["ward_code"] is None


def test_default_day_is_today_inside_the_week_else_its_first_day():
    assert rules.default_day(WEEK, date(2020, 10, 4)) == date(2020, 10, 4)
    assert rules.default_day(WEEK, date(2024, 5, 1)) == date(2020, 10, 2)


# --- photos -------------------------------------------------------------------------------

@pytest.mark.parametrize("fmt,mime", [("JPEG", "image/jpeg"), ("PNG", "image/png"),
                                      ("WEBP", "image/webp")])
def test_real_images_are_accepted_by_content(fmt, mime):
    assert photos.check_photo("anh.bin", image_bytes(fmt)) == (mime, None)


def test_a_text_file_named_jpg_is_refused():
    mime, problem = photos.check_photo("anh.jpg", b"this is not a picture at all")
    assert mime is None and problem == texts.PHOTO_NOT_IMAGE.format(name="anh.jpg")


def test_a_truncated_image_is_refused():
    data = image_bytes("PNG", size=(300, 300))
    mime, problem = photos.check_photo("hong.png", data[:len(data) // 2])
    assert mime is None and problem == texts.PHOTO_BROKEN.format(name="hong.png")


def test_a_gif_is_refused_even_though_it_is_an_image():
    assert photos.check_photo("a.gif", image_bytes("GIF"))[0] is None


def test_a_file_over_the_byte_limit_is_refused():
    # The limit is 20 MB since issue 10/13 (phone photos are 4–12 MB; they are downscaled).
    data = image_bytes("PNG") + b"\0" * photos.MAX_BYTES
    mime, problem = photos.check_photo("lon.png", data)
    assert mime is None and "vượt quá 20 MB" in problem


def test_at_most_five_photos():
    files = [(f"{i}.png", image_bytes()) for i in range(6)]
    accepted, problem = photos.check_photos(files)
    assert accepted == [] and problem == texts.PHOTO_TOO_MANY.format(max=5, count=6)
    accepted, problem = photos.check_photos(files[:2], existing=3)
    assert problem is None and len(accepted) == 2


def test_one_bad_photo_rejects_the_batch():
    accepted, problem = photos.check_photos([("a.png", image_bytes()), ("b.jpg", b"xx")])
    assert accepted == [] and "b.jpg" in problem


def test_thumbnail_is_a_small_jpeg_even_for_transparent_png():
    thumb = photos.thumbnail(image_bytes("PNG", size=(1200, 800), mode="RGBA"))
    with Image.open(io.BytesIO(thumb)) as image:
        assert image.format == "JPEG" and max(image.size) == photos.THUMB_PX
