"""The admin edits the week's catalogue in the table editor (a table editor needs a
browser): a cleared name is refused at the table with nothing written, a new name is saved
under the same code."""
import pytest

from tests.browser.conftest import login, settle
from tests.conftest import PASSWORD, make_user

pytestmark = pytest.mark.browser


def with_admin(db):
    make_user(db, "quan.tri", "admin")


def names(db_path):
    from db import catalogue, connect, events

    db = connect(db_path)
    try:
        return {t["code"]: t["name"] for t in catalogue.types_for(db, events.get(db, 2020)["id"])}
    finally:
        db.conn.close()


def test_admin_renames_a_type_and_a_cleared_name_is_refused(server_factory, page):
    server = server_factory(with_admin)
    page.set_viewport_size({"width": 1300, "height": 1900})
    login(page, server.url, "quan.tri", PASSWORD)
    page.goto(server.url + "/cau-hinh")
    settle(page)
    page.get_by_role("tab", name="Danh mục").click()
    grid = page.locator('[data-testid="stDataFrame"]:visible').first
    grid.wait_for(timeout=20_000)
    page.wait_for_timeout(1500)  # the grid draws its cells after it appears
    box = grid.bounding_box()
    # row 8 of the types (literacy), column «Tên» (after the 75 px «Thứ tự»; names come
    # before codes): a 35 px header, then 35 px rows
    x, y = box["x"] + 150, box["y"] + 35 * 8 + 17
    page.mouse.click(x, y)
    page.wait_for_timeout(300)
    page.keyboard.press("Delete")
    page.wait_for_timeout(300)
    page.get_by_role("button", name="Lưu loại hoạt động").click()
    page.get_by_text("Dòng 8: chưa nhập tên.").wait_for(timeout=20_000)
    assert names(server.db_path)["literacy"] == "Xóa mù chữ"
    # the refusal is shown above the table and the page may have moved: measure again
    grid = page.locator('[data-testid="stDataFrame"]:visible').first
    grid.scroll_into_view_if_needed()
    page.wait_for_timeout(500)
    box = grid.bounding_box()
    x, y = box["x"] + 150, box["y"] + 35 * 8 + 17
    editor = page.locator("textarea.gdg-input")  # the grid's cell editor (an overlay)
    for _ in range(5):  # on a loaded machine the first double click can be missed
        page.mouse.dblclick(x, y)
        try:
            editor.wait_for(timeout=3_000)
            break
        except Exception:
            page.keyboard.press("Escape")
    editor.fill("Xóa mù chữ và sau xóa mù chữ")
    page.keyboard.press("Enter")
    editor.wait_for(state="hidden", timeout=10_000)
    page.wait_for_timeout(1000)  # the grid hands the edited cell to the form
    page.get_by_role("button", name="Lưu loại hoạt động").click()
    for _ in range(60):  # the save, then the page's rerun with its message
        if names(server.db_path)["literacy"] != "Xóa mù chữ":
            break
        page.wait_for_timeout(500)
    assert names(server.db_path)["literacy"] == "Xóa mù chữ và sau xóa mù chữ"
    page.get_by_text("Đã lưu danh mục.").wait_for(timeout=20_000)
