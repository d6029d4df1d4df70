"""The page registry: which page belongs to which role. app.py builds st.navigation from
it, and every page script checks its own entry again (defence in depth)."""
import logging
from dataclasses import dataclass

import streamlit as st

from core import texts
from components.organiser_words import say
from components.safe_text import md


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
    PageSpec("committee_rollup.py", "Tổng hợp báo cáo cấp dưới", "tong-hop-cap-duoi",
             ("committee",), ":material/account_tree:"),
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


def pages_for(role: str, unit: dict | None = None) -> list[PageSpec]:
    """The role's pages; for a unit, only those that apply to its kind (a school has no
    «Mô hình học tập» page)."""
    return [p for p in PAGES if role in p.roles and applies(p, unit)]


def applies(spec: PageSpec, unit: dict | None) -> bool:
    if spec.script == "unit_models.py" and unit is not None:
        from db import learning_models

        return learning_models.reports_models(unit)
    return True


def _page(spec: PageSpec, **extra):
    return st.Page(f"app_pages/{spec.script}", title=spec.title, icon=spec.icon,
                   url_path=extra.pop("url_path", spec.url_path), **extra)


def _refused():
    st.title(texts.PAGE_FORBIDDEN_TITLE)
    st.error(texts.PAGE_FORBIDDEN)


def _refusals(allowed: list[PageSpec]) -> list:
    """Every other page's URL, registered hidden, shows a Vietnamese refusal instead of
    Streamlit's English «Page not found» dialog. The refused page's script is never
    registered, so it stays unreachable (and AppTest.switch_page to it still raises)."""
    mine = {p.url_path for p in allowed}
    return [st.Page(_refused, title=p.title, url_path=p.url_path, visibility="hidden")
            for p in PAGES if p.url_path not in mine]


def signed_in_unit() -> dict | None:
    actor = st.session_state.get("actor")
    if actor is None or not actor.unit_id:
        return None
    from components.session import database
    from db import units

    return units.get(database(), actor.unit_id)


def build(role: str, unit: dict | None = None):
    """st.navigation with only this role's pages, grouped in the sidebar, under it who is
    signed in, and the Vietnamese look (components/look.py) for every page.

    The role's first page is also the default page at «/». Streamlit gives the default
    page no URL of its own (opening «/don-vi» said «Page not found»), so the default is a
    hidden twin at «/<url>-trang-dau» and the menu entry keeps its own URL."""
    from components import look, not_found, view_switch
    from components.session import current_actor

    actor = current_actor()
    unit = unit or signed_in_unit()
    look.apply()
    if actor is not None:
        identity(actor, unit)  # in the sidebar, under the menu (drawn first whatever comes)
    # an upper level looking at one descendant: its reading pages only (view_switch.py)
    viewing = view_switch.draw(actor) if actor is not None else None
    allowed = [p for p in PAGES if p.script in view_switch.VIEW_PAGES] if viewing \
        else pages_for(role, unit)
    own = [p for p in allowed if p.script != "account.py"]
    account = [p for p in allowed if p.script == "account.py"]
    home = own[0]
    default = _page(home, url_path=f"{home.url_path}-trang-dau", default=True,
                    visibility="hidden")
    section = texts.VIEW_SECTION if viewing else say(texts.NAV_SECTIONS[role])
    menu = {section: [default, *map(_page, own)],
            texts.NAV_ACCOUNT: [*map(_page, account), *_refusals(allowed)]}
    menu[texts.NAV_ACCOUNT] += not_found.catch([p for ps in menu.values() for p in ps],
                                               own_page=True)  # an unknown address
    navigation = st.navigation(menu)
    if view_switch.just_switched():
        st.switch_page(default)  # a page the new view may not open is not left on screen
    return navigation


def build_signed_out():
    """Signed out: every page's URL shows the login form (no English «Page not found»);
    after the login the same URL opens the page, when the role owns it. The Vietnamese
    look too: the login form's fields would say «Press Enter to submit form»."""
    from components import look, not_found

    look.apply()
    pages = [st.Page(lambda: None, title=texts.LOGIN_FIELDS["Form name"],
                     url_path="dang-nhap", default=True)] + [
        st.Page(lambda: None, title=texts.LOGIN_FIELDS["Form name"], url_path=p.url_path)
        for p in PAGES]
    not_found.catch(pages, own_page=False)  # an unknown address: the login form, silently
    return st.navigation(pages, position="hidden")


def login_header(db) -> None:
    """Above the login form: the system's name and its organiser."""
    from db import events

    from components import organiser_session

    event = events.get(db) if events.list_events(db) else None
    st.markdown(f"### {texts.APP_TITLE}")
    if event and not organiser_session.has_directory():  # else the picker names it
        organiser = " – ".join(x for x in (event.get("issuer_line1"), event.get("issuer_line2"))
                               if x)
        # admin-set lines on the anonymous page: text, never markdown (issue 25 item 7)
        st.caption(texts.NAV_ORGANISER.format(organiser=md(organiser.replace("\n", " "))))


def identity(actor, unit: dict | None) -> None:
    """The sidebar, under the menu: the system's name and who is signed in."""
    from components import organiser_picker

    with st.sidebar:
        st.caption(texts.NAV_SYSTEM.format(name=texts.APP_TITLE))
        organiser_picker.sidebar_caption()  # which organiser (a multi-organiser server)
        from components.organiser_words import role_name

        who = unit["name"] if unit else role_name(actor.role)
        st.text(texts.NAV_SIGNED_IN.format(who=who, username=actor.username))


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
    from components import view_switch
    from components.session import current_actor

    actor = current_actor()  # None unless signed in to this session's organiser
    spec = next(p for p in PAGES if p.script == script)
    if actor is None or not view_switch.may_open(actor, script, spec.roles):
        st.error(texts.PAGE_FORBIDDEN)
        st.stop()
    from components import sample_banner  # every committee/admin page, in one place
    from components.session import database

    view_switch.banner()  # an upper level looking at a descendant: «chỉ xem»
    sample_banner.show(database(), actor.role)
    st.title(spec.title)
    return actor
