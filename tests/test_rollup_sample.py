"""Sample data never rolls up unmarked (issue 20 deliver 2, second half): the roll-up sheet
says whether its week holds sample data; `manage.py rollup` refuses such a workbook unless
`--allow-sample` (the page: an explicit checkbox); a city that took one in says so on the
first page of its report, at the top of its dashboard, and in its own roll-up sheet."""
import json
import subprocess

import pytest

import manage
from core import texts
from db import connect
from tests.conftest import make_user
from tests.test_rollup_values import forge, machine_rows, set_value

SHEET = texts.WB_SHEETS["rollup"]
WARD = "UBND phường Cống Vị"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def run(capsys, *argv):
    code = manage.main([str(a) for a in argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def meta(book, key):
    return next(r[4] for r in machine_rows(book) if r[:2] == ["meta", key])


@pytest.fixture(scope="module")
def demo_book(tmp_path_factory):
    """A ward whose week holds `manage.py demo` sample data, exported."""
    base = tmp_path_factory.mktemp("sample")
    path, book = base / "ward.db", base / "ward.xlsx"
    assert manage.main(["--db", str(path), "demo", "--units", "4", "--activities", "15",
                        "--seed", "5", "--no-accounts"]) == 0
    db = connect(path)
    db.execute("update events set organiser_name = ?, organiser_level = 'xa'", [WARD])
    db.conn.close()
    assert manage.main(["--db", str(path), "export", "--out", str(book)]) == 0
    return book


@pytest.fixture
def city(tmp_path, capsys):
    path = tmp_path / "city.db"
    assert run(capsys, "--db", path, "init")[0] == 0
    db = connect(path)
    db.execute("update events set organiser_name = 'UBND thành phố Hà Nội', "
               "organiser_level = 'tinh'")
    db.conn.close()
    return path


def stored(path):
    db = connect(path)
    try:
        return [r[0] for r in db.execute("select organiser from suborg_reports")]
    finally:
        db.conn.close()


def test_the_sheet_says_whether_the_week_holds_sample_data(demo_book, city, tmp_path,
                                                          capsys):
    assert meta(demo_book, "sample") == 1
    real = tmp_path / "city.xlsx"
    assert run(capsys, "--db", city, "export", "--out", real)[0] == 0
    assert meta(real, "sample") == 0


def test_rollup_refuses_a_sample_workbook_unless_allowed(demo_book, city, tmp_path, capsys):
    code, _out, err = run(capsys, "--db", city, "rollup", demo_book)
    assert code == 2
    row = next(i for i, r in enumerate(machine_rows(demo_book), start=1)
               if r[:2] == ["meta", "sample"])
    assert f"trang «{SHEET}», dòng {row}: tệp của «{WARD}» có DỮ LIỆU MẪU" in err
    assert "--allow-sample" in err
    assert stored(city) == []
    code, _out, err = run(capsys, "--db", city, "rollup", "--allow-sample", demo_book)
    assert code == 0, err
    assert stored(city) == [WARD]
    figures = json.loads(run(capsys, "--db", city, "stats", "--json")[1])
    assert figures["suborganisations"][0]["sample"] is True
    # the city's own sheet carries the flag up to the next level
    up = tmp_path / "city.xlsx"
    assert run(capsys, "--db", city, "export", "--out", up)[0] == 0
    assert meta(up, "sample") == 1
    # its report says so on the first page
    pdf = tmp_path / "bao-cao.pdf"
    code, _out, err = run(capsys, "--db", city, "report", "--out", pdf)
    assert code == 0, err
    first = " ".join(subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(pdf), "-"],
                                    check=True, capture_output=True, text=True).stdout.split())
    assert "gồm cả DỮ LIỆU MẪU của cơ quan cấp dưới" in first and WARD in first


def test_a_forged_sample_flag_is_refused(demo_book, city, tmp_path, capsys):
    bad = tmp_path / "forged.xlsx"
    forge(demo_book, bad, set_value("meta", "sample", "", 7))
    code, _out, err = run(capsys, "--db", city, "rollup", "--allow-sample", bad)
    assert code == 2 and "«sample» phải là 0" in err


def test_a_schema_1_file_without_the_flag_is_still_read(city, tmp_path, capsys):
    """Files of the previous release have no `sample` row: read as not marked, unless
    their «Tổng hợp» shows the sample warning (tests/test_attack_rollup.py)."""
    from tests.test_rollup_values import as_real

    path, book, old = tmp_path / "real.db", tmp_path / "real.xlsx", tmp_path / "old.xlsx"
    assert manage.main(["--db", str(path), "demo", "--units", "4", "--activities", "15",
                        "--seed", "5", "--no-accounts"]) == 0
    as_real(path)  # a real week: no warning on «Tổng hợp»
    db = connect(path)
    db.execute("update events set organiser_name = ?, organiser_level = 'xa'", [WARD])
    db.conn.close()
    assert manage.main(["--db", str(path), "export", "--out", str(book)]) == 0

    def change(body):
        body[:] = [r for r in body if r[:2] != ["meta", "sample"]]
        set_value("meta", "schema_version", "", 1)(body)
    forge(book, old, change)
    assert "sample" not in [r[1] for r in machine_rows(old)]
    code, _out, err = run(capsys, "--db", city, "rollup", old)
    assert code == 0, err


# --- the page and the dashboard ------------------------------------------------------------

def test_page_needs_the_checkbox_and_the_dashboard_says_so(app_for, db, db_path, admin,
                                                          demo_book):
    committee = make_user(db, "bcd", "committee")
    at = app_for(committee)
    at.switch_page("app_pages/committee_rollup.py").run()
    data = demo_book.read_bytes()
    at.file_uploader(key="rollup_files").set_value([("phuong.xlsx", data, XLSX)]).run()
    at.button[0].click().run()
    assert not at.exception, at.exception
    assert "có DỮ LIỆU MẪU" in at.error[0].value
    assert stored(db_path) == []
    assert at.checkbox(key="rollup_allow_sample").value is False
    at.checkbox(key="rollup_allow_sample").check().run()
    at.button[0].click().run()
    assert not at.exception, at.exception
    assert stored(db_path) == [WARD]
    listed = at.dataframe[-1].value
    assert list(listed[texts.COL_SAMPLE]) == [texts.WB_YES]
    at.switch_page("app_pages/committee_dashboard.py").run()
    assert not at.exception, at.exception
    top = at.warning[0].value
    assert top.startswith("Số liệu tổng hợp có DỮ LIỆU MẪU của cấp dưới") and WARD in top
