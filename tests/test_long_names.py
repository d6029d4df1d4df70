"""Long names cost milliseconds, not minutes (issue 25 item 4): the PDF's cell wrapping is
linear (a 10 000-character name wraps in milliseconds; it took minutes when a long word
was broken by measuring every prefix), a cell never grows past its line limit and ends in
«…», and every name field has a length limit at entry and at import, with a Vietnamese
message and nothing written."""
import subprocess
import time
from datetime import date

import pytest

import manage
from core import areas as area_rules
from core import texts
from core import validation
from core.pdf_layout import Letterhead, OfficialDocument
from db import Actor, users
from db.access import ValidationFailed
from tests.test_areas import areas_csv

LONG = "Nguyễn" * 1667  # 10 002 characters, one word
SPACED = ("Trường Mầm non Nguyễn Trung Trực " * 310)[:10_000]


def document():
    return OfficialDocument(Letterhead("UBND QUẬN BA ĐÌNH", "BAN CHỈ ĐẠO", "1/BC", "Ba Đình",
                                       date(2020, 10, 20)))


@pytest.mark.parametrize("text", [LONG, SPACED, "Ư" * 10_000])
def test_wrapping_a_10000_character_name_costs_milliseconds(text):
    doc = document()
    doc._wrap("ấm", "", 11, 30)  # the font's advances loaded once, as in a report
    started = time.perf_counter()
    for style in ("", "B"):
        lines = doc._wrap(text, style, 11, 30)
    elapsed = time.perf_counter() - started
    assert elapsed < 0.1, f"{elapsed:.3f} s"
    assert len(lines) == doc.MAX_CELL_LINES and lines[-1].endswith("…")
    assert all(doc._width(line, "B", 11) <= 30 for line in lines)


def test_short_text_wraps_as_before_and_is_not_shortened():
    doc = document()
    assert doc._wrap("Phúc Xá", "", 11, 60) == ["Phúc Xá"]
    lines = doc._wrap("Trường Tiểu học Nguyễn Trung Trực", "", 11, 20)
    assert " ".join(lines) == "Trường Tiểu học Nguyễn Trung Trực" and len(lines) > 1
    assert doc._wrap("", "", 11, 20) == [""]
    # a word wider than the column is broken between characters, nothing lost
    assert "".join(doc._wrap("W" * 40, "", 11, 15)) == "W" * 40


def test_a_table_with_a_10000_character_cell_prints_shortened_in_a_second(tmp_path):
    doc = document()
    doc.start()
    started = time.perf_counter()
    doc.data_table(["STT", "Tên"], [[1, LONG], [2, SPACED], [3, "Phúc Xá"]],
                   widths=[10, 60], align=["C", "L"])
    pdf = tmp_path / "t.pdf"
    pdf.write_bytes(doc.to_bytes())
    assert time.perf_counter() - started < 2
    text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout
    assert "…" in text and "Phúc Xá" in text
    assert len(text) < 10_000  # both long cells shortened (20 000 characters in full)


@pytest.mark.parametrize("text", [LONG, SPACED])
def test_a_compact_table_cell_of_10000_characters_is_cut_in_one_pass(text):
    """The per-unit appendix (compact_table) cut a long cell one character at a time,
    measuring the whole rest each time: 8 s a cell for 10 000 characters."""
    doc = document()
    doc.start()
    started = time.perf_counter()
    doc.compact_table(["STT", "Tên", "Số"], [["1", text, "3"], ["2", text, "4"]],
                      widths=[10, 80, 10], align=["C", "L", "R"])
    elapsed = time.perf_counter() - started
    assert elapsed < 0.5, f"{elapsed:.3f} s"
    pdf = doc.to_bytes()
    assert len(pdf) < 100_000  # the cells are shortened, not 20 000 characters in full


def test_a_compact_table_cell_that_fits_is_drawn_whole():
    doc = document()
    doc.start()
    doc.compact_table(["STT", "Tên"], [["1", "Trường Mầm non Phúc Xá"]], widths=[10, 80],
                      align=["C", "L"])
    from pypdf import PdfReader  # noqa: PLC0415
    from io import BytesIO  # noqa: PLC0415

    text = PdfReader(BytesIO(doc.to_bytes())).pages[0].extract_text()
    assert "Trường Mầm non Phúc Xá" in text and "…" not in text


# --- limits at entry and import ----------------------------------------------------------

def test_area_names_have_a_limit_at_entry():
    ok = "Phường " + "A" * (area_rules.NAME_MAX - 7)
    _areas, errors = area_rules.check_rows([(2, {"code": "00001", "name": ok})])
    assert errors == []
    _areas, errors = area_rules.check_rows([(2, {"code": "00001", "name": ok + "B"})])
    assert errors == [f"Dòng 2: tên địa bàn dài {area_rules.NAME_MAX + 1} ký tự, tối đa "
                      f"{area_rules.NAME_MAX} ký tự."]


def test_import_areas_refuses_a_10000_character_name(db, db_path, tmp_path, capsys):
    from db import areas

    before = areas.areas_for(db, 1)
    bad = tmp_path / "areas.csv"
    bad.write_bytes(areas_csv([("00001", "Phúc Xá", "", ""), ("00004", LONG, "", "")]))
    code = manage.main(["--db", str(db_path), "import-areas", str(bad), "--year", "2020"])
    err = capsys.readouterr().err
    assert code == 1
    assert f"Dòng 3: tên địa bàn dài {len(LONG)} ký tự, tối đa 120 ký tự." in err
    assert areas.areas_for(db, 1) == before


def test_unit_names_and_contacts_have_a_limit():
    row = {"code": "TH-1", "name": "Trường " + "A" * 300, "kind": "school",
           "tier": "tieu_hoc", "ward_code": "", "email": "", "phone": "0" * 200}
    errors = validation.unit_errors(row)
    assert errors["name"] == "tên đơn vị dài 307 ký tự, tối đa 200 ký tự."
    assert errors["phone"] == "dài quá 120 ký tự."
    row.update(name="Trường Tiểu học Phúc Xá", phone="024 1234 5678")
    assert validation.unit_errors(row) == {}


def test_import_units_refuses_a_long_name(db, db_path, tmp_path, capsys):
    path = tmp_path / "units.csv"
    path.write_text("code,name,kind,tier,ward_code,email,phone\n"
                    f"TH-X,{LONG},school,tieu_hoc,00001,,\n", encoding="utf-8")
    before = db["units"].count
    code = manage.main(["--db", str(db_path), "import-units", str(path)])
    out = capsys.readouterr()
    assert code != 0 and "tên đơn vị dài 10002 ký tự, tối đa 200 ký tự" in out.out + out.err
    assert db["units"].count == before


def test_a_person_name_has_a_limit(db):
    with pytest.raises(ValidationFailed) as caught:
        users.create_user(db, Actor.system("test"), username="bcd.dai", name="A" * (users.MAX_FULL_NAME + 1),
                          role="committee", password="Mậtkhẩu@123")
    assert texts.NAME_TOO_LONG.format(max=users.MAX_FULL_NAME) in str(caught.value.errors)
