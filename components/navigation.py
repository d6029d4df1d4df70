"""The page registry: which page belongs to which role. app.py builds st.navigation from
it, and every page script checks its own entry again (defence in depth)."""
import logging
from dataclasses import dataclass

import streamlit as st

from core import texts


@dataclass(frozen=True)
class PageSpec:
    script: str  # under app_pages/
    title: str
    url_path: str
    roles: tuple[str, ...]
    icon: str = ":material/description:"


PAGES = [
    # unit
    PageSpec("unit_home.py", "Trang chủ đơn vị", "don-vi", ("unit",), ":material/home:"),
    PageSpec("unit_activity.py", "Nhập hoạt động", "nhap-hoat-dong", ("unit",),
             ":material/event:"),
    PageSpec("unit_propaganda.py", "Nhập tuyên truyền", "nhap-tuyen-truyen", ("unit",),
             ":material/campaign:"),
    PageSpec("unit_models.py", "Mô hình học tập", "mo-hinh-hoc-tap", ("unit",),
             ":material/diversity_3:"),
    PageSpec("unit_nominate.py", "Đề xuất khen thưởng", "de-xuat", ("unit",),
             ":material/military_tech:"),
    PageSpec("unit_entries.py", "Dữ liệu đã nhập", "du-lieu-da-nhap", ("unit",),
             ":material/list_alt:"),
    PageSpec("unit_submit.py", "Nộp báo cáo", "nop-bao-cao", ("unit",), ":material/send:"),
    # committee
    PageSpec("committee_dashboard.py", "Bảng theo dõi trực tiếp", "bang-theo-doi",
             ("committee",), ":material/monitoring:"),
    PageSpec("committee_progress.py", "Tiến độ báo cáo", "tien-do", ("committee",),
             ":material/checklist:"),
    PageSpec("committee_review.py", "Duyệt dữ liệu", "duyet", ("committee",),
             ":material/fact_check:"),
    PageSpec("committee_import.py", "Nhập dữ liệu từ tệp", "nhap-tep", ("committee",),
             ":material/upload_file:"),
    PageSpec("committee_commendations.py", "Khen thưởng", "khen-thuong", ("committee",),
             ":material/emoji_events:"),
    PageSpec("committee_report.py", "Báo cáo tổng kết", "bao-cao-tong-ket", ("committee",),
             ":material/picture_as_pdf:"),
    PageSpec("committee_budget.py", "Dự trù kinh phí", "du-tru-kinh-phi", ("committee",),
             ":material/payments:"),
    PageSpec("committee_export.py", "Xuất dữ liệu", "xuat-du-lieu", ("committee",),
             ":material/download:"),
    # admin
    PageSpec("admin_units.py", "Đơn vị và tài khoản", "don-vi-tai-khoan", ("admin",),
             ":material/groups:"),
    PageSpec("admin_settings.py", "Cấu hình Tuần lễ", "cau-hinh", ("admin",),
             ":material/settings:"),
    PageSpec("admin_audit.py", "Nhật ký hệ thống", "nhat-ky", ("admin",),
             ":material/history:"),
    PageSpec("admin_backup.py", "Sao lưu", "sao-luu", ("admin",), ":material/backup:"),
    # everyone signed in
    PageSpec("leader_budget.py", "Phê duyệt dự trù kinh phí", "phe-duyet-du-tru",
             ("leader",), ":material/approval:"),
    PageSpec("account.py", "Tài khoản", "tai-khoan", ("unit", "committee", "admin", "leader"),
             ":material/account_circle:"),
]


def pages_for(role: str) -> list[PageSpec]:
    return [p for p in PAGES if role in p.roles]


def build(role: str):
    """st.navigation with only this role's pages, grouped in the sidebar."""
    own = [p for p in pages_for(role) if p.script != "account.py"]
    account = [p for p in pages_for(role) if p.script == "account.py"]
    to_page = lambda p: st.Page(f"app_pages/{p.script}", title=p.title,  # noqa: E731
                                url_path=p.url_path, icon=p.icon)
    return st.navigation({texts.NAV_SECTIONS[role]: [to_page(p) for p in own],
                          texts.NAV_ACCOUNT: [to_page(p) for p in account]})


def run(role: str) -> None:
    """Run the chosen page. A database that cannot be written (full or read-only disk)
    surfaces as one clear message instead of a hidden traceback; the failed transaction
    has already rolled back, so nothing is half-written."""
    import sqlite3

    try:
        build(role).run()
    except sqlite3.OperationalError:
        # SQLite's own words (paths, table names) go to the server log, not to the user.
        logging.getLogger(__name__).exception("database error while running a page")
        st.error(texts.DB_WRITE_FAILED)


def guard(script: str):
    """First line of every page: stop unless the signed-in user's role owns this page.
    Returns the Actor."""
    actor = st.session_state.get("actor")
    spec = next(p for p in PAGES if p.script == script)
    if actor is None or actor.role not in spec.roles:
        st.error(texts.PAGE_FORBIDDEN)
        st.stop()
    from components import sample_banner  # every committee/admin page, in one place
    from components.session import database

    sample_banner.show(database(), actor.role)
    st.title(spec.title)
    return actor
