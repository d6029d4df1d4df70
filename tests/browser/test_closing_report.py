"""The committee downloads the closing report from a real server: the PDF is built lazily
on another thread when the button is clicked, and the commendations page draws."""
import io
import os

import pytest
from pypdf import PdfReader

from tests import closing_fixture as fx
from tests.browser.conftest import login
from tests.conftest import PASSWORD, make_user

pytestmark = pytest.mark.browser
SHOTS = os.environ.get("LLW_SCREENSHOTS")  # a folder: save screenshots to look at


def prepare(db):
    make_user(db, "quan.tri", "admin")
    make_user(db, "ban.chi.dao", "committee")
    fx.build_week(db)


def open_page(page, link_name):
    """Through the sidebar, in the signed-in session."""
    page.locator('[data-testid="stSidebarNav"]').wait_for(timeout=30_000)
    page.locator('[data-testid="stSidebarNav"] a').filter(has_text=link_name).click()


def shot(page, name):
    if SHOTS:
        page.screenshot(path=os.path.join(SHOTS, f"{name}.png"), full_page=True)


def test_committee_downloads_the_closing_report_pdf(server_factory, page):
    server = server_factory(prepare)
    login(page, server.url, "ban.chi.dao", PASSWORD)
    open_page(page, "Báo cáo tổng kết")
    button = page.get_by_role("button", name="Tải báo cáo tổng kết (PDF)")
    button.wait_for(timeout=30_000)
    shot(page, "report_page")
    with page.expect_download(timeout=90_000) as info:
        button.click()
    pdf = open(info.value.path(), "rb").read()
    assert pdf.startswith(b"%PDF")
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "1.505" in text
    assert page.dialogs == []


def test_commendations_page_shows_rankings_in_the_browser(server_factory, page):
    server = server_factory(prepare)
    login(page, server.url, "ban.chi.dao", PASSWORD)
    open_page(page, "Khen thưởng")
    page.get_by_text("Trường Tiểu học", exact=True).first.wait_for(timeout=30_000)
    page.locator('[data-testid="stDataFrame"]').first.wait_for(timeout=30_000)
    shot(page, "commendations_page")
    assert page.locator('[data-testid="stDataFrame"]').count() >= 4
