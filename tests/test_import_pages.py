"""The import boxes of the pages (AppTest): errors as a table (dòng, cột, giá trị, lý do),
hints in the page's own words (no command-line option), the allowed values listed, the same
file refused the second time."""
import csv
import io
import re

from core import texts
from tests.test_import_clerk import CLERK_ACT, CLERK_PROP

ERROR_COLUMNS = ["Dòng", "Cột", "Giá trị", "Lý do"]


def csv_bytes(header, rows) -> bytes:
    out = io.StringIO()
    csv.writer(out).writerows([header, *rows])
    return out.getvalue().encode("utf-8")


def error_table(at):
    """The error table, its cells as the clerk reads them (Markdown escapes removed)."""
    tables = [t.value for t in at.table if list(t.value.columns) == ERROR_COLUMNS]
    if not tables:
        return None
    return tables[0].map(lambda cell: re.sub(r"\\(.)", r"\1", cell))


def page_text(at) -> str:
    parts = []
    for kind in ("markdown", "caption", "text", "info", "error", "success", "warning",
                 "checkbox", "button", "expander"):
        for element in at.get(kind):
            parts.append(str(getattr(element, "value", "") or getattr(element, "label", "")))
            parts.append(str(getattr(element, "label", "") or ""))
    for frame in [*at.dataframe, *at.table]:
        parts.append(frame.value.to_csv())
    return "\n".join(parts)


def upload_and_import(at, key, name, data):
    at.file_uploader(key=f"{key}_upload").upload(name, data, "text/csv").run()
    at.button(key=f"{key}_go").click().run()
    assert not at.exception
    return at


def test_committee_page_shows_errors_as_a_table_in_the_pages_words(app_for, admin, committee,
                                                                    db):
    at = app_for(committee)
    at.switch_page("app_pages/committee_import.py").run()
    header, rows = CLERK_ACT
    bad = [rows[0][:6] + ["20/11/2020"] + rows[0][7:], rows[1][:3] + ["Bơi lội"] + rows[1][4:]]
    upload_and_import(at, "cimp_act", "hoat-dong.csv", csv_bytes(header, bad))
    assert [e.value for e in at.error] == [texts.IMP_NOTHING_WRITTEN.format(count=2)]
    table = error_table(at)
    assert table is not None
    assert table.values.tolist() == [
        ["2", "Ngày kết thúc", "20/11/2020",
         "Ngày 20/11/2020 nằm ngoài Tuần lễ (02/10/2020 – 07/10/2020)."],
        ["3", "Loại hoạt động *", "Bơi lội", texts.IMP_VALUE_UNKNOWN]]
    assert [i.value for i in at.info] == [texts.IMP_HINTS_PAGE["outside_week"]]
    text = page_text(at)
    assert "--" not in text and ".;" not in text
    for code in ("online_learning", "ket_hop", "hoc_sinh", "unit_code", "ward_code"):
        assert code not in text, code
    assert db.execute("select count(*) from activities").fetchone()[0] == 0
    # the report stays while the clerk ticks the option it names, then the import works
    at.checkbox(key="cimp_act_outside").check().run()
    assert error_table(at) is not None
    at.button(key="cimp_act_go").click().run()
    assert error_table(at).values.tolist() == [
        ["3", "Loại hoạt động *", "Bơi lội", texts.IMP_VALUE_UNKNOWN]]


def test_the_same_file_twice_is_refused_on_the_page(app_for, admin, committee, db):
    at = app_for(committee)
    at.switch_page("app_pages/committee_import.py").run()
    data = csv_bytes(*CLERK_PROP)
    upload_and_import(at, "cimp_prop", "tuyen-truyen.csv", data)
    assert [s.value for s in at.success] == [texts.IMP_DONE.format(created=3)]
    at.button(key="cimp_prop_go").click().run()
    assert at.error[0].value == texts.IMP_NOTHING_WRITTEN_FILE
    reason = error_table(at).values.tolist()[0][3]
    assert "ban.chi.dao" in reason and "tuyen-truyen.csv" in reason
    assert [i.value for i in at.info] == [texts.IMP_HINTS_PAGE["duplicate_file"]]
    assert db.execute("select count(*) from propaganda").fetchone()[0] == 3


def test_a_unit_imports_its_own_rows_without_a_unit_column(app_for, admin, unit_user, db):
    at = app_for(unit_user)
    at.switch_page("app_pages/unit_activity.py").run()
    assert texts.IMP_OWN_UNIT_NOTE in [c.value for c in at.caption]
    columns = [t.value for t in at.text if "Loại hoạt động" in t.value][0]
    assert columns.startswith("Đơn vị | ") and "Loại hoạt động *" in columns  # optional here
    data = csv_bytes(["Loại hoạt động", "Tên hoạt động", "Ngày bắt đầu", "Hình thức",
                      "Tổng số người tham gia", "Đối tượng tham gia"],
                     [["Hoạt động khuyến học", "Trao học bổng", "05/10/2020", "Trực tiếp", "80",
                       "Học sinh; Phụ huynh"]])
    upload_and_import(at, "import_act", "hd.csv", data)
    assert [s.value for s in at.success] == [texts.IMP_DONE.format(created=1)]
    assert db.execute("select unit_id, type, audiences from activities").fetchone() == (
        unit_user.unit_id, "study_promotion", '["hoc_sinh", "phu_huynh"]')


def test_the_admin_units_import_lists_values_and_hints_the_checkbox(app_for, admin, db):
    at = app_for(admin)
    at.switch_page("app_pages/admin_units.py").run()
    assert not at.exception
    catalogue = [d.value for d in at.dataframe if list(d.value.columns) == ["Cột", "Giá trị"]]
    assert catalogue and "Trường học" in catalogue[0]["Giá trị"].tolist()
    data = csv_bytes(["Mã đơn vị", "Tên đơn vị", "Loại đơn vị", "Cấp học", "Phường"],
                     [["HKH", "Hội Khuyến học quận", "Hội Khuyến học", "", ""],
                      ["MN-X", "Trường Mầm non X", "Trường học", "", "Kim Mã"]])
    at.file_uploader(key="units_upload").upload("dv.csv", data, "text/csv").run()
    at.button(key="units_import").click().run()
    rows = error_table(at).values.tolist()
    assert rows == [["2", "Mã đơn vị", "HKH", "Mã đơn vị «HKH» đã có trong hệ thống."],
                    ["3", "Cấp học", "", texts.TIER_REQUIRED]]
    assert [i.value for i in at.info] == [texts.IMP_HINTS_PAGE["existing_unit"]]
    assert "--" not in page_text(at) and "mam_non" not in page_text(at)


def test_file_cells_are_shown_as_typed_never_as_markdown(app_for, admin, committee):
    at = app_for(committee)
    at.switch_page("app_pages/committee_import.py").run()
    header, rows = CLERK_ACT
    hostile = "![x](http://example.invalid/x.png) **đậm**"
    upload_and_import(at, "cimp_act", "a.csv",
                      csv_bytes(header, [rows[0][:3] + [hostile] + rows[0][4:]]))
    raw = [t.value for t in at.table][0]
    assert raw.iloc[0]["Giá trị"] == re.sub(r"([\\`*_{}\[\]()#+\-.!|<>~$:/])", r"\\\1",
                                            hostile)
    assert error_table(at).iloc[0]["Giá trị"] == hostile


def test_each_hint_of_the_page_quotes_a_checkbox_the_page_has():
    labels = {"outside_week": texts.EIMP_ALLOW_OUTSIDE,
              "duplicate_row": texts.IMP_ALLOW_DUPLICATES,
              "duplicate_file": texts.IMP_ALLOW_DUPLICATE_FILE,
              "existing_unit": texts.IMPORT_UPDATE_EXISTING,
              "unknown_columns": texts.IMP_IGNORE_UNKNOWN}
    assert set(labels) == set(texts.IMP_HINTS_PAGE) == set(texts.IMP_HINTS_CLI)
    for hint, label in labels.items():
        assert f"«{label}»" in texts.IMP_HINTS_PAGE[hint]
        assert "--" in texts.IMP_HINTS_CLI[hint] and "--" not in texts.IMP_HINTS_PAGE[hint]


def test_a_unit_that_submitted_its_report_gets_no_upload_box(app_for, admin, unit_user, db):
    from db import events, submissions

    submissions.submit(db, unit_user, events.get(db, 2020)["id"], unit_user.unit_id,
                       confirm_unmet=True)
    at = app_for(unit_user)
    at.switch_page("app_pages/unit_propaganda.py").run()
    assert not at.exception
    assert texts.IMP_UNIT_CLOSED in [i.value for i in at.info]
    assert not [u for u in at.file_uploader if u.key == "import_prop_upload"]
