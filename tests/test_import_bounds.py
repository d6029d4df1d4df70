"""Imports are bounded (issue 25, deliver 2 and the parse-once half of deliver 3): an
uploaded file is parsed once, not on every rerun of the page."""
from components import importer
from core import texts
from tests.test_import_clerk import CLERK_PROP
from tests.test_import_pages import csv_bytes


def test_an_upload_is_parsed_once_not_on_every_rerun(app_for, admin, committee, db,
                                                     monkeypatch):
    calls = []
    real = importer.read_table

    def counting(data, name):
        calls.append(name)
        return real(data, name)

    monkeypatch.setattr(importer, "read_table", counting)
    at = app_for(committee)
    at.switch_page("app_pages/committee_import.py").run()
    at.file_uploader(key="cimp_prop_upload").upload("tt.csv", csv_bytes(*CLERK_PROP),
                                                    "text/csv").run()
    at.checkbox(key="cimp_prop_skip").check().run()  # ticking an option reruns the page
    at.checkbox(key="cimp_prop_outside").check().run()
    at.button(key="cimp_prop_go").click().run()
    assert not at.exception
    assert calls == ["tt.csv"]
    assert [s.value for s in at.success] == [texts.IMP_DONE.format(created=3)]
    assert db.execute("select count(*) from propaganda").fetchone()[0] == 3


def test_a_refused_file_is_not_parsed_again_either(app_for, admin, committee, monkeypatch):
    calls = []
    real = importer.read_table
    monkeypatch.setattr(importer, "read_table",
                        lambda data, name: calls.append(name) or real(data, name))
    at = app_for(committee)
    at.switch_page("app_pages/committee_import.py").run()
    at.file_uploader(key="cimp_prop_upload").upload("x.csv", b"\xff\xfebad",
                                                    "text/csv").run()
    at.checkbox(key="cimp_prop_skip").check().run()
    assert calls == ["x.csv"]
    assert [e.value for e in at.error][0].startswith("Không đọc được tệp")
