"""The admin imports units from a CSV file in the browser (uploads need a browser)."""
import pytest

from tests.browser.conftest import login
from tests.conftest import PASSWORD, make_user

pytestmark = pytest.mark.browser
HEADER = "code,name,kind,tier,ward_code,email,phone\n"
GOOD = "MN-HOA-SEN,Trường Mầm non Hoa Sen,school,mam_non,00025,,\n"
BAD = "TH-X,Trường Tiểu học X,school,dai_hoc,00001,,\n"


def with_admin(db):
    make_user(db, "quan.tri", "admin")


def upload_and_import(page, path):
    page.get_by_role("tab", name="Nhập từ tệp").click()
    page.locator('[data-testid="stFileUploaderDropzoneInput"]').set_input_files(str(path))
    page.get_by_text(path.name).first.wait_for(timeout=20_000)
    page.get_by_role("button", name="Nhập", exact=True).click()


def test_admin_imports_units_all_or_nothing(server_factory, page, tmp_path):
    server = server_factory(with_admin)
    login(page, server.url, "quan.tri", PASSWORD)
    page.locator('[data-testid="stSidebarNav"]').wait_for(timeout=30_000)
    bad = tmp_path / "don-vi-loi.csv"
    bad.write_text(HEADER + GOOD + BAD, encoding="utf-8-sig")
    upload_and_import(page, bad)
    page.get_by_text("Không nhập dòng nào: 1 dòng lỗi.").wait_for(timeout=30_000)
    # the error table: dòng, cột, giá trị, lý do (a table, so long reasons wrap)
    cells = page.locator('[data-testid="stTable"] td')
    cells.first.wait_for(timeout=10_000)
    assert [c.strip() for c in cells.all_inner_texts()] == [
        "3", "tier", "dai_hoc", "Không có trong danh mục (xem sheet «Danh mục» của tệp mẫu)."]
    from db import connect

    db = connect(server.db_path)
    assert db.execute("select count(*) from units where code = 'MN-HOA-SEN'").fetchone()[0] == 0

    page.get_by_role("button", name="Remove don-vi-loi.csv").click()
    good = tmp_path / "don-vi.csv"
    good.write_text(HEADER + GOOD, encoding="utf-8")
    upload_and_import(page, good)
    page.get_by_text("Đã nhập 1 đơn vị mới, cập nhật 0 đơn vị.").wait_for(timeout=30_000)
    assert db.execute("select name from units where code = 'MN-HOA-SEN'").fetchone()[0] == \
        "Trường Mầm non Hoa Sen"
    assert page.dialogs == []
