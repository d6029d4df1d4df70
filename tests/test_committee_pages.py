"""The committee's pages under AppTest: dashboard, progress, review, export — shown to the
committee, refused to a unit; figures on the pages are the figures of db/stats.py."""
import json
import re

import pytest

from core import texts
from db import stats
from tests.conftest import make_user
from tests.stats_fixture import add_unit, build_week, unit_id

COMMITTEE_PAGES = ["committee_dashboard.py", "committee_progress.py", "committee_review.py",
                   "committee_export.py"]


@pytest.fixture(autouse=True)
def admin_exists(admin):
    """Without an admin the app shows only the first-run page."""
    return admin


@pytest.fixture
def week(db):
    return build_week(db)


def open_page(app_for, actor, script, state=None):
    at = app_for(actor)
    for key, value in (state or {}).items():
        at.session_state[key] = value
    at.switch_page(f"app_pages/{script}").run()
    assert not at.exception, at.exception
    return at


def kpi_tiles(at) -> dict:
    """label -> (value, delta or None) of the dashboard's KPI strip (one st.html block,
    components/kpi_strip), read back from its HTML."""
    from html import unescape

    tile = re.compile(r'<div class="llw-kpi-label">(.*?)</div><div class="llw-kpi-value">'
                      r'(.*?)</div>(?:<div><span class="llw-kpi-delta[^"]*">(?:[↑↓] )?'
                      r"(.*?)</span></div>)?</div>")
    return {unescape(label): (unescape(value), delta and unescape(delta))
            for el in at.get("html") for label, value, delta in tile.findall(el.proto.body)}


def table_block(at, name: str) -> str:
    """The HTML of the dashboard's plain table llw-<name> (in the page's one block)."""
    for el in at.get("html"):
        found = re.search(rf'<table class="llw-table llw-{name}">.*?</table>', el.proto.body)
        if found:
            return found.group(0)
    raise AssertionError(f"no table llw-{name} on the page")


def block_lines(at) -> list[str]:
    """The headings and notes of the dashboard's block (components/dashboard_block), as
    text: with the captions, every line a viewer reads besides the tiles and tables."""
    from html import unescape

    return [unescape(text) for el in at.get("html") for text in re.findall(
        r'<(?:h3|p) class="llw-block-(?:heading|note)">(.*?)</(?:h3|p)>', el.proto.body)]


def table_rows(at, name: str) -> list[dict]:
    """The rows of the dashboard's plain table llw-<name> (components/plain_table: one
    st.html block), read back: column -> the cell's text."""
    from html import unescape

    rows = re.findall(r"<tr>(.*?)</tr>", table_block(at, name))

    def cells(row, tag):
        return [unescape(c) for c in re.findall(rf"<{tag}[^>]*>(.*?)</{tag}>", row)]

    head = cells(rows[0], "th")
    return [dict(zip(head, cells(r, "td"))) for r in rows[1:]]


def metrics(at):
    """Figures shown as st.metric (other pages) or in the dashboard's KPI strip."""
    return {m.label: m.value for m in at.metric} | {
        label: value for label, (value, _) in kpi_tiles(at).items()}


def chart_specs(at):
    return [json.loads(el.proto.spec) for el in at.get("vega_lite_chart")]


def picture_tags(at) -> list[tuple[str, str]]:
    """(src, alt) of every <img> in the page's st.html blocks, in order: the dashboard's
    pictures are one block with the figures and tables (components/dashboard_block)."""
    from html import unescape

    return [(unescape(src), unescape(alt)) for el in at.get("html")
            for src, alt in re.findall(r'<img class="llw-chart" src="([^"]*)" alt="([^"]*)"[^>]*>', el.proto.body)]


def pictures(at) -> list[str]:
    """The dashboard's charts drawn as pictures (the default): their SVG texts."""
    import base64

    prefix = "data:image/svg+xml;base64,"
    urls = [src for src, _alt in picture_tags(at)]
    assert all(u.startswith(prefix) for u in urls), urls
    return [base64.b64decode(u[len(prefix):]).decode() for u in urls]


def chart_rows(at, index):
    """The rows a chart was drawn from (Streamlit ships a chart's top-level data as Arrow,
    either as its data or, as the dashboard does since issue 14, as its named dataset)."""
    from streamlit.dataframe_util import convert_arrow_bytes_to_pandas_df

    element = at.get("vega_lite_chart")[index]
    spec = json.loads(element.proto.spec)
    if "name" in spec.get("data", {}):
        named = {d.name: d.data.data for d in element.proto.datasets}
        return convert_arrow_bytes_to_pandas_df(named[spec["data"]["name"]]).to_dict(
            "records")
    return convert_arrow_bytes_to_pandas_df(element.proto.data.data).to_dict("records")


@pytest.mark.parametrize("script", COMMITTEE_PAGES)
def test_unit_user_is_refused_every_committee_page(app_for, unit_user, script):
    at = app_for(unit_user)
    at.switch_page("app_pages/unit_home.py")  # the unit's own pages are registered
    with pytest.raises(ValueError):  # not registered for a unit: unreachable by URL
        at.switch_page(f"app_pages/{script}")


@pytest.mark.parametrize("script", COMMITTEE_PAGES)
def test_page_script_itself_refuses_a_unit_user(app_for, db, unit_user, script):
    """Defence in depth: run the page script directly as a unit user."""
    from streamlit.testing.v1 import AppTest

    from core import texts
    from tests.conftest import ROOT

    at = AppTest.from_file(str(ROOT / "app_pages" / script), default_timeout=60)
    at.session_state["actor"] = unit_user
    at.run()
    assert [e.value for e in at.error] == [texts.PAGE_FORBIDDEN]
    assert not metrics(at) and not at.get("vega_lite_chart")


def test_dashboard_shows_the_stats_figures_and_charts(app_for, db, committee, week):
    at = open_page(app_for, committee, "committee_dashboard.py")
    shown = metrics(at)
    assert shown["Hoạt động"] == "4"
    assert shown["Lượt người tham gia"] == "360"
    assert shown["Tỷ lệ trực tuyến"] == "22,2%"  # 80 / 360
    assert "Sản phẩm tuyên truyền" not in shown  # no sum across units of measure
    assert shown["Lượt tuyên truyền"] == "2"  # two counting entries (8 items in all)
    assert shown["Đơn vị có số liệu"] == "4/37"
    assert shown["Đơn vị đã nộp báo cáo"] == "0/37"
    assert shown["Phường có hoạt động"] == "3/14"
    assert any(c.value.startswith("Cập nhật lúc ") for c in at.caption)
    # the six charts are pictures drawn on the server (issue 14 §2), not live Vega views
    assert len(pictures(at)) == 6 and not chart_specs(at)
    titles = ["Bản đồ 14 phường", "Hoạt động theo phường và nhóm", texts.DASH_PER_DAY,
              texts.DASH_CHANNELS, texts.DASH_TIER_RATES, texts.DASH_SLOGANS]
    # each title is drawn in its picture (no heading element), and is its text alternative
    assert [alt for _src, alt in picture_tags(at)] == titles
    assert all(f">{title}</text>" in svg for title, svg in zip(titles, pictures(at)))


def test_dashboard_pictures_print_the_figures_on_the_charts(app_for, db, committee, week):
    """A picture has no tooltip: what the tooltip said must be readable on the chart."""
    at = open_page(app_for, committee, "committee_dashboard.py")
    tile_map, heatmap, per_day, channels, tiers, slogans = pictures(at)
    texts_of = lambda svg: re.findall(r"<text[^>]*>([^<]*)</text>", svg)  # noqa: E731
    assert "Phúc Xá" in " ".join(texts_of(tile_map))  # Vietnamese letters kept as text
    counts = {row["ward_code"]: row["n"] for row in db.query(
        "select ward_code, count(*) n from activities where deleted = 0 and "
        "status != 'needs_fix' group by ward_code")}
    assert counts["00001"] == 2 and "2" in texts_of(tile_map)
    assert 'font-family="sans-serif"' in tile_map  # the browser's own font, with ơ, ư
    assert all("<svg" in svg and "http" not in svg.replace("http://www.w3.org", "")
               for svg in (tile_map, heatmap, per_day, channels, tiers, slogans))


def test_the_interactive_switch_draws_live_vega_charts(app_for, committee, week):
    at = open_page(app_for, committee, "committee_dashboard.py", {"dash_interactive_kept": True})
    assert len(chart_specs(at)) == 6 and not picture_tags(at)
    assert chart_specs(at)[0]["title"]["text"] == \
        "Bản đồ 14 phường (bấm vào một phường để lọc cả trang)"


def test_dashboard_map_has_all_14_wards_and_a_ward_selection(app_for, committee, week):
    at = open_page(app_for, committee, "committee_dashboard.py", {"dash_interactive_kept": True})
    tile_map = chart_specs(at)[0]
    rows = chart_rows(at, 0)
    assert len(rows) == 14 and {r["code"] for r in rows} >= {"00001", "00034"}
    assert {r["code"]: r["activities"] for r in rows}["00001"] == 2
    assert tile_map["params"][0]["name"] == "ward"
    assert tile_map["config"]["locale"]["number"]["thousands"] == "."


def test_dashboard_ward_filter_filters_the_whole_page(app_for, committee, week):
    """A map click sets dash_ward (select_ward_from_map); here we set it directly."""
    at = open_page(app_for, committee, "committee_dashboard.py", {"dash_ward": "00001"})
    shown = metrics(at)
    assert shown["Hoạt động"] == "2" and shown["Lượt người tham gia"] == "250"
    assert shown["Đơn vị có số liệu"] == "1/2" and shown["Phường có hoạt động"] == "1/1"
    assert any("Phúc Xá" in c.value for c in at.caption)



# the small figures under the tiles: tests/test_hanoi_time.py (issue 20 deliver 4)


def test_dashboard_year_over_year_table_with_two_events(app_for, db, committee, week):
    db["events"].insert({"year": 2019, "title": "Tuần lễ 2019", "start_date": "2019-10-01",
                         "end_date": "2019-10-07", "created_at": "2019-01-01T00:00:00"})
    at = open_page(app_for, committee, "committee_dashboard.py")
    assert "So sánh các năm" in block_lines(at)
    # the one table the page's filters do not apply to says so (issue 20 item 10)
    assert texts.DASH_YEARS_NOTE in block_lines(at)
    years = table_rows(at, "years")  # a plain table (issue 23), not st.dataframe
    assert [r["Năm"] for r in years] == ["2020", "2019"]
    assert not at.dataframe


def test_dashboard_for_an_empty_week_shows_zeros(app_for, committee):
    at = open_page(app_for, committee, "committee_dashboard.py")
    assert metrics(at)["Hoạt động"] == "0"
    assert "Chưa có dữ liệu nào được nhập." in block_lines(at)


def test_progress_lists_units_not_reported_with_a_bcc_mailto(app_for, db, committee, week):
    db["units"].update(unit_id(db, "MN-TRUCBACH"), {"email": "mn.trucbach@example.vn"})
    add_unit(db, "TH-SILENT", "school", "tieu_hoc", "00034", email="th.silent@example.vn")
    at = open_page(app_for, committee, "committee_progress.py", {"prog_tier": "mam_non"})
    assert metrics(at)["Đơn vị có số liệu"] == "0/1 (0,0%)"
    silent = at.dataframe[0].value
    assert list(silent["Mã"]) == ["MN-TRUCBACH"]
    button = at.get("link_button")[0]
    url = button.proto.url
    assert url.startswith("mailto:?bcc=mn.trucbach@example.vn&subject=")
    assert "th.silent" not in url  # filtered out by tier


def test_progress_rates_per_tier_and_ward_agree_with_stats(app_for, db, committee, week):
    at = open_page(app_for, committee, "committee_progress.py")
    summary = stats.summary(db, week)
    tiers = at.dataframe[1].value
    assert list(tiers[texts.PROG_COL_REPORTED]) == [t["reporting_schools"] for t in summary["by_tier"]]
    wards = at.dataframe[2].value
    assert list(wards["Tổng số"]) == [w["units"] for w in summary["by_ward"]]
    units = at.dataframe[3].value
    assert int(units[texts.PROG_COL_REPORTED].sum()) == summary["totals"]["reporting_units"]


def test_review_needs_fix_without_comment_is_refused_and_writes_nothing(
        app_for, db, committee, week):
    at = open_page(app_for, committee, "committee_review.py", {"rev_status": "submitted"})
    entry_id = at.session_state["rev_current"]  # the first pending entry opens by itself
    at.button(key="rev_needs_fix").click().run()  # Yêu cầu sửa, no comment
    assert any("Hãy ghi rõ cần sửa gì" in e.value for e in at.error)
    assert db["activities"].get(entry_id)["status"] == "submitted"


def test_review_needs_fix_with_comment_stops_the_entry_counting(app_for, db, committee, week):
    at = open_page(app_for, committee, "committee_review.py", {"rev_status": "submitted"})
    entry_id = at.session_state["rev_current"]
    before = stats.summary(db, week)["totals"]["activities"]
    at.text_area(key="rev_comment").input("Thiếu ảnh minh chứng")
    at.button(key="rev_needs_fix").click().run()
    assert not at.exception
    row = db["activities"].get(entry_id)
    assert (row["status"], row["review_comment"]) == ("needs_fix", "Thiếu ảnh minh chứng")
    assert stats.summary(db, week)["totals"]["activities"] == before - 1
    assert any("Cần sửa" in s.value for s in at.success)


def test_review_accept_on_propaganda(app_for, db, committee, week):
    at = open_page(app_for, committee, "committee_review.py",
                   {"rev_kind": "propaganda", "rev_status": "needs_fix"})
    entry_id = at.session_state["rev_current"]
    at.button(key="rev_accept").click().run()
    assert db["propaganda"].get(entry_id)["status"] == "accepted"


def test_export_page_offers_xlsx_and_csv(app_for, committee, week):
    """The workbook is built on request, off the page script (tests/test_export_page.py);
    the CSV downloads directly."""
    at = open_page(app_for, committee, "committee_export.py")
    assert [b.label for b in at.button] == ["Tạo tệp XLSX"]
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == ["Tải tệp CSV"]


def test_the_interactive_switch_is_kept_when_the_user_comes_back(app_for, committee, week):
    at = open_page(app_for, committee, "committee_dashboard.py")
    assert len(pictures(at)) == 6
    at.toggle(key="dash_interactive").set_value(True).run()
    assert len(chart_specs(at)) == 6 and not picture_tags(at)
    at.switch_page("app_pages/account.py").run()
    at.switch_page("app_pages/committee_dashboard.py").run()
    assert len(chart_specs(at)) == 6 and at.toggle(key="dash_interactive").value
    at.toggle(key="dash_interactive").set_value(False).run()
    assert len(pictures(at)) == 6 and not chart_specs(at)


def test_kpi_strip_escapes_the_organisers_words_and_marks_the_changes():
    from components import kpi_strip

    html = kpi_strip.strip_html([
        ('<img src=x onerror=alert(1)> có hoạt động', "3/4", "+1", "normal"),
        ("Tỷ lệ trực tuyến", "29,7%", "+0,1 điểm %", "off"),
        ("Hoạt động", "12", "-2", "normal"),
        ("Đơn vị đã nộp báo cáo", "0/3", None, "off"),
        ("Phường có hoạt động", "1/14", "0", "normal")])
    assert "<img" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert '<span class="llw-kpi-delta llw-up">↑ +1</span>' in html
    assert '<span class="llw-kpi-delta">↑ +0,1 điểm %</span>' in html  # colour says nothing
    assert '<span class="llw-kpi-delta llw-down">↓ -2</span>' in html
    assert '<span class="llw-kpi-delta">0</span>' in html
    assert html.count('role="listitem"') == 5 and html.count("llw-kpi-delta") == 4


def test_the_filters_are_in_a_popover_and_the_page_says_what_it_shows(app_for, committee,
                                                                      week):
    at = open_page(app_for, committee, "committee_dashboard.py")
    summary = next(c.value for c in at.caption if c.value.startswith("Cập nhật lúc "))
    assert summary.endswith(" · Đang xem: mọi phường, mọi cấp học, mọi loại đơn vị, cả tuần")
    at = open_page(app_for, committee, "committee_dashboard.py",
                   {"dash_ward": "00001", "dash_tier": "thcs",
                    "dash_days": ("2020-10-03", "2020-10-05")})
    summary = next(c.value for c in at.caption if c.value.startswith("Cập nhật lúc "))
    assert summary.endswith("Đang xem: Phúc Xá, THCS, mọi loại đơn vị, T7 03/10 – T2 05/10")
    assert metrics(at)["Hoạt động"] == "1"  # THCS Thăng Long's sports day in Phúc Xá, 03/10
    popover = at.get("popover")
    assert [p.proto.popover.label for p in popover] == ["Lọc số liệu"]
    assert {w.key for w in popover[0].selectbox} == {"dash_ward", "dash_tier", "dash_kind"}
