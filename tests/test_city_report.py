"""A city's closing report over its hosted wards (issue 24): every sentence about the lower
levels true to where the figures come from — live from the same server, a ward without the
year's week named as not counted, the areas line counting lower levels when the city has no
area of its own — and a listed organiser's first week with a letterhead of its own."""
import io

import pytest
from pypdf import PdfReader

from core import closing_report, organiser
from core import report_texts as rt
from db import Actor, connect, directory, events, live_rollup, new_week, report_data
from db.setup import prepare
from tests.test_live_rollup import CITY, YEAR, add_ward


@pytest.fixture(autouse=True)
def fresh_cache():
    live_rollup.clear_cache()
    yield
    live_rollup.clear_cache()


@pytest.fixture
def city(tmp_path):
    root = tmp_path / "llw.db"
    prepare(root).conn.close()
    directory.add(root, *CITY)
    db = connect(root)
    new_week.create(db, Actor.system("test"), YEAR, empty=True)  # no area of its own
    db.conn.close()
    for key in ("ba-dinh", "ngoc-ha"):
        add_ward(root, key)
    directory.add(root, "tay-ho", "UBND phường Tây Hồ", "xa", "ha-noi")  # no week
    return root


def report_text(path) -> str:
    db = connect(path)
    try:
        pdf = closing_report.build_pdf(report_data.gather(db, events.get(db, YEAR)))
    finally:
        db.conn.close()
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    return " ".join(text.split())


def test_the_city_report_says_its_wards_figures_are_read_live_and_names_the_one_not_counted(
        city):
    text = report_text(city)
    assert "trên cùng hệ thống" in text
    assert "gửi lên" not in text  # no file was sent: no sentence may say so
    assert "Chưa tính vào số liệu chung: UBND phường Tây Hồ (chưa có tuần)" in text
    assert "Cơ quan cấp dưới có hoạt động: 2/3 cơ quan." in text
    assert "có hoạt động: 0/0" not in text
    assert "UBND phường Ba Đình (trực tiếp, dự thảo)" in text


def test_a_listed_organisers_first_week_has_a_coherent_letterhead_of_its_own(city):
    db = connect(city)
    try:
        event = events.get(db, YEAR)
    finally:
        db.conn.close()
    org = organiser.from_event(event)
    assert (org.name, org.place, event["issuer_line1"]) == (
        "UBND thành phố Hà Nội", "Hà Nội", "UBND THÀNH PHỐ HÀ NỘI")
    filled = {k: event.get(v) for k, v in organiser.PROFILE_FIELDS.items()}
    filled.update(signer_name="Nguyễn Văn An", recipients="Lưu: VT")
    assert organiser.profile_errors(filled, event) == {}
    text = report_text(city)
    assert "Hà Nội, ngày" in text and "Ba Đình, ngày" not in text
