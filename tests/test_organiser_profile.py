"""Issue 15: the organiser profile (core/organiser.py, db/organiser.py) — validated and
audited writes, copied by "start next year", and a 2026 post-2025 ward's week whose closing
report and budget Tờ trình print its own issuer, place, recipients and level word."""
import io
import json
import unicodedata
from datetime import date

import pytest
from pypdf import PdfReader

from core import budget_pdf, closing_report
from core import organiser as rules
from db import Actor, AccessDenied, ValidationFailed, budget, event_admin, events, report_data
from db import organiser

WARD_2026 = {
    "organiser_level": "xa",
    "organiser_name": "UBND phường Hoàn Kiếm",
    "issuer_line1": "UBND PHƯỜNG HOÀN KIẾM",
    "issuer_line2": "BAN CHỈ ĐẠO XÂY DỰNG XHHT",
    "place_name": "Hoàn Kiếm",
    "signer_for": "TM. BAN CHỈ ĐẠO\nTRƯỞNG BAN",
    "signer_title": "PHÓ CHỦ TỊCH UBND PHƯỜNG",
    "signer_name": "Trần Văn An",
    "recipients": "Sở GDĐT Hà Nội;Đảng ủy phường Hoàn Kiếm;Các tổ dân phố;Lưu: VT",
    "report_email": "xhht@hoankiem.hanoi.gov.vn",
    "committee_symbol": "BCĐHTSĐ",
    "level_word": "",
    "area_word": "",
}


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    text = "\n".join(p.extract_text() for p in reader.pages)
    return " ".join(unicodedata.normalize("NFC", text).split())


def event_2026(db, admin) -> dict:
    source = events.get(db, 2020)
    for year in range(2021, 2027):
        event_admin.start_next_year(db, admin, events.get(db, year - 1)["id"])
    assert source["id"] != events.get(db, 2026)["id"]
    return events.get(db, 2026)


def test_a_good_profile_is_saved_and_audited(db, admin):
    event = events.get(db, 2020)
    organiser.update_profile(db, admin, event["id"], WARD_2026)
    org = organiser.organiser_for(db, event["id"])
    assert (org.name, org.level, org.level_word, org.area_word, org.place, org.symbol) == (
        "UBND phường Hoàn Kiếm", "xa", "phường", "tổ dân phố", "Hoàn Kiếm", "BCĐHTSĐ")
    assert org.recipients == ["Sở GDĐT Hà Nội", "Đảng ủy phường Hoàn Kiếm", "Các tổ dân phố",
                              "Lưu: VT"]
    row = db.execute("select before, after from audit_log where table_name = 'events' "
                     "order by id desc limit 1").fetchone()
    assert json.loads(row[0])["organiser_name"] == "UBND quận Ba Đình"
    assert json.loads(row[1])["organiser_name"] == "UBND phường Hoàn Kiếm"


@pytest.mark.parametrize("field,value,message", [
    ("organiser_level", "quan", "Cấp «quan» không hợp lệ"),
    ("organiser_name", "  ", "Không được để trống"),
    ("place_name", "x" * 61, "Quá dài: tối đa 60 ký tự"),
    ("report_email", "xhht@", "mail"),
    ("signer_name", "", "Không được để trống"),  # moved here from the general settings (D2)
    ("issuer_line1", " ", "Không được để trống"),
    ("committee_symbol", "BC/ĐXHHT", "Ký hiệu viết liền"),
    ("recipients", ";".join(f"Nơi {i}" for i in range(21)), "Tối đa 20 nơi nhận"),
])
def test_bad_input_is_refused_at_its_field_and_nothing_is_written(db, admin, field, value,
                                                                 message):
    event = events.get(db, 2020)
    audits = db.execute("select count(*) from audit_log").fetchone()[0]
    with pytest.raises(ValidationFailed) as failure:
        organiser.update_profile(db, admin, event["id"], dict(WARD_2026, **{field: value}))
    assert list(failure.value.errors) == [field]
    assert message.lower() in failure.value.errors[field].lower()
    assert events.get(db, 2020) == event
    assert db.execute("select count(*) from audit_log").fetchone()[0] == audits


def test_only_the_admin_edits_the_profile(db, committee):
    with pytest.raises(AccessDenied):
        organiser.update_profile(db, committee, events.get(db, 2020)["id"], WARD_2026)


def test_start_next_year_copies_the_profile(db, admin):
    event = events.get(db, 2020)
    organiser.update_profile(db, admin, event["id"], dict(WARD_2026, level_word="xã",
                                                          area_word="thôn"))
    new_id = event_admin.start_next_year(db, admin, event["id"])
    assert rules.profile_of(events.get_by_id(db, new_id)) == rules.profile_of(
        events.get(db, 2020))
    assert organiser.organiser_for(db, new_id).area_word == "thôn"


def test_a_2026_ward_prints_its_own_issuer_place_recipients_and_no_district(db, admin):
    event = event_2026(db, admin)
    organiser.update_profile(db, admin, event["id"], WARD_2026)
    event = events.get(db, 2026)
    text = pdf_text(closing_report.build_pdf(report_data.gather(db, event,
                                                                issued_on=date(2026, 10, 9))))
    for expected in ("UBND PHƯỜNG HOÀN KIẾM", "Hoàn Kiếm, ngày 09 tháng 10 năm 2026",
                     "Số: …/BC-BCĐHTSĐ", "Ban chỉ đạo xây dựng XHHT phường Hoàn Kiếm",
                     "- Sở GDĐT Hà Nội;", "- Đảng ủy phường Hoàn Kiếm;", "- Các tổ dân phố;",
                     "PHÓ CHỦ TỊCH UBND PHƯỜNG", "Trần Văn An",
                     # the level's words: its areas are residential groups, it is a ward
                     "Số tổ dân phố có hoạt động:", "2. Kết quả theo tổ dân phố",
                     "Đơn vị cấp phường", "các đơn vị cấp phường (không thuộc tổ dân phố nào)"):
        assert expected in text, expected
    # (the units and the opening place copied from 2020 are data and may still say Ba Đình)
    for absent in ("Ba Đình, ngày", "BCĐXHHT", "UBND 14 phường", "Quận ủy", "XHHT quận",
                   "cấp quận", "Kết quả theo phường", "{area}", "{level}"):
        assert absent not in text, absent

    budget.add_line(db, Actor.system(), event["id"], {
        "item": "Băng rôn", "activity_ref": "Tuyên truyền", "quantity": "2",
        "measure": "chiếc", "unit_price": "100000", "note": ""})
    status = dict(budget.get(db, event["id"]), status="approved",
                  submitted_at="2026-09-25T09:00:00", approved_at="2026-09-28T09:00:00",
                  approved_by_name="")
    # the approval is a page of its own (issue 22 item 6), in the ward's words
    text = pdf_text(budget_pdf.build_pdf(event, status, budget.lines(db, event["id"]),
                                         approval_page=True))
    for expected in ("UBND PHƯỜNG HOÀN KIẾM", "Hoàn Kiếm, ngày 25 tháng 9 năm 2026",
                     "Kính gửi: UBND phường Hoàn Kiếm", "kính trình UBND phường xem xét",
                     "Phòng Tài chính - Kế hoạch phường", "LÃNH ĐẠO UBND PHƯỜNG"):
        assert expected in text, expected
    assert "quận" not in text.lower() and "Ba Đình" not in text


def test_an_old_backup_without_a_place_still_guesses_it_from_the_issuer():
    event = {"issuer_line1": "UBND QUẬN TÂY HỒ", "issuer_line2": "BAN CHỈ ĐẠO XÂY DỰNG XHHT",
             "place_name": "", "organiser_name": ""}
    assert closing_report.place_of(event) == "Tây Hồ"
    assert closing_report.issuer_phrase(event) == "Ban chỉ đạo xây dựng XHHT quận Tây Hồ"
    assert budget_pdf.recipient(event) == ("UBND quận Tây Hồ", "UBND quận")


def test_the_2026_wards_workbook_notes_use_its_words(db, admin):
    from openpyxl import load_workbook

    from db import export

    event = event_2026(db, admin)
    organiser.update_profile(db, admin, event["id"], WARD_2026)
    book = load_workbook(io.BytesIO(export.xlsx(db, event["id"], ["by_ward", "units"])),
                         read_only=True)
    cells = [str(v) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True)
             for v in row if isinstance(v, str)]
    assert any("tính theo tổ dân phố nơi tổ chức" in c for c in cells)
    assert {"Mã tổ dân phố", "Tổ dân phố", "Tổ dân phố (của đơn vị)"} <= set(cells)
    assert "Đơn vị cấp phường" in cells
    assert not [c for c in cells if "cấp quận" in c or "{area}" in c or "{level}" in c]
