"""A new ward's words everywhere (issue 21 deliver 5, item 6): a ward's 2027 week, set up
as the README says, walked through — the import page and its templates (units,
activities, propaganda: headers, notes, examples, «Danh mục»), the units page with its
accounts (role names), the unit's home, and the workbook (sheet names and every cell) —
says no «quận», no «Ba Đình» and gives no 2020 example."""
import io
import re

import pytest

import manage
from db import Actor, connect, entries, events
from tests.conftest import make_user
from tests.week_record import workbook_cells

FORBIDDEN = re.compile(r"quận|Ba Đình|Phúc Xá|2020", re.IGNORECASE)
AREAS = "Mã,Tên\nTDP-01,Tổ dân phố số 1\nTDP-02,Tổ dân phố số 2\n"
UNITS = ("Mã đơn vị,Tên đơn vị,Loại đơn vị,Cấp học,Tổ dân phố\n"
         "UBND-HK,UBND phường Hoàn Kiếm,UBND phường,,\n"
         "TH-HK-01,Trường Tiểu học Hoàn Kiếm,Trường học,Tiểu học,TDP-01\n")


def bad(texts) -> list[str]:
    return [t for t in texts if t and FORBIDDEN.search(str(t))]


@pytest.fixture
def ward(db_path, tmp_path):
    def run(*argv):
        assert manage.main(["--db", str(db_path), *map(str, argv)]) == 0, argv

    run("new-week", "--year", 2027, "--empty")
    run("settings", "set", "organiser.level", "xa", "organiser.name", "UBND phường Hoàn Kiếm",
        "organiser.issuer_line1", "UBND PHƯỜNG HOÀN KIẾM", "organiser.issuer_line2",
        "BAN CHỈ ĐẠO XÂY DỰNG XHHT", "organiser.place", "Hoàn Kiếm", "organiser.signer_for",
        "TM. BAN CHỈ ĐẠO", "organiser.signer_title", "PHÓ CHỦ TỊCH UBND PHƯỜNG",
        "organiser.signer_name", "Trần Văn An", "--year", 2027)
    (tmp_path / "a.csv").write_text(AREAS, encoding="utf-8")
    (tmp_path / "u.csv").write_text(UNITS, encoding="utf-8")
    run("import-areas", tmp_path / "a.csv", "--year", 2027)
    run("import-units", tmp_path / "u.csv", "--year", 2027)
    db = connect(db_path)
    yield db, events.get(db, 2027)
    db.conn.close()


def template_texts(xlsx: bytes, csv: bytes) -> list[str]:
    cells = [v for rows in workbook_cells(xlsx).values() for row in rows for v in row]
    return [str(v) for v in cells if v is not None] + [csv.decode("utf-8-sig")]


def test_the_templates_speak_the_wards_words_and_its_year(ward):
    from components import importer

    db, event = ward
    committee = make_user(db, "bcd.hoan.kiem", "committee")
    unit_layout, rows, vocabs, words = importer.unit_template(db, event)
    xlsx, csv = importer.template_files(unit_layout, rows, vocabs, words=words)
    found = template_texts(xlsx, csv)
    assert "Tổ dân phố" in unit_layout.headers and not bad(found)
    for kind in (entries.ACTIVITY, entries.PROPAGANDA):
        layout, rows, vocabs, words = importer.entry_template(db, committee, event, kind)
        xlsx, csv = importer.template_files(layout, rows, vocabs, words=words)
        found = template_texts(xlsx, csv)
        assert "Tổ dân phố nơi tổ chức" in layout.headers
        assert not bad(found), bad(found)
        joined = " ".join(found)
        assert "08/10/2027" in joined and "Tổ dân phố số 1" in joined


def test_the_workbook_names_its_sheet_by_the_area_word_and_no_district(ward):
    from db import export

    db, event = ward
    cells = workbook_cells(export.xlsx(db, event["id"]))
    assert "Theo tổ dân phố" in cells and "Theo phường" not in cells
    found = [str(v) for rows in cells.values() for row in rows for v in row if v is not None]
    assert not bad(list(cells) + found), bad(list(cells) + found)


def page_texts(at) -> list[str]:
    out = []
    for kind in ("markdown", "caption", "text", "info", "warning", "error", "success",
                 "title", "header", "subheader"):
        out += [e.value for e in getattr(at, kind)]
    for kind in ("button", "checkbox", "text_input", "selectbox", "number_input",
                 "text_area", "radio", "multiselect"):
        out += [w.label for w in getattr(at, kind)]
    out += [t.label for t in at.tabs]
    return [str(t) for t in out]


def test_the_import_and_units_pages_and_the_role_names_speak_the_wards_words(ward, app_for):
    db, event = ward
    admin = make_user(db, "quan.tri.hk", "admin")
    committee = make_user(db, "bcd.hoan.kiem", "committee")
    make_user(db, "lanh.dao.hk", "leader")
    for actor, script in ((committee, "committee_import.py"), (admin, "admin_units.py")):
        at = app_for(actor)
        at.switch_page(f"app_pages/{script}").run()
        assert not at.exception, at.exception
        assert at.sidebar.selectbox(key="event_year").value == 2027
        shown = page_texts(at)
        assert not bad(shown), (script, bad(shown))
    cells = [str(v) for frame in list(at.table) + list(at.dataframe)
             for v in frame.value.astype(str).values.ravel()]
    assert "Lãnh đạo UBND phường" in cells and not bad(cells), bad(cells)
    assert at.selectbox(key="acc_role").format_func("leader") == "Lãnh đạo UBND phường"


def test_a_ward_units_pages_say_no_district(ward, app_for):
    db, event = ward
    make_user(db, "quan.tri.hk", "admin")  # else the app shows its first-run page
    clerk = make_user(db, "th.hoan.kiem", "unit", "TH-HK-01")
    at = app_for(clerk)
    assert not at.exception, at.exception
    shown = page_texts(at)
    assert not bad(shown), bad(shown)
    assert any("Tổ dân phố số 1" in t for t in shown), shown
    for script in ("unit_activity.py", "unit_propaganda.py", "unit_entries.py"):
        at.switch_page(f"app_pages/{script}").run()
        assert not at.exception, at.exception
        assert not bad(page_texts(at)), (script, bad(page_texts(at)))
