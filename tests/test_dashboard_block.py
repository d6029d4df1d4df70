"""components/dashboard_block: the dashboard's picture view as one HTML block (issue 23)."""
from components import dashboard_block
from core import chart_images

NAMES = ("map", "heatmap", "per_day", "channels", "tiers", "slogans")
WORDS = {"feed": "Dữ liệu mới nhập", "feed_empty": "Chưa có dữ liệu nào được nhập.",
         "years": "So sánh các năm", "years_note": "Tổng số của từng năm, không theo bộ lọc."}


def svg_url(width=460, height=390) -> str:
    return chart_images.data_url(
        f'<svg xmlns="http://www.w3.org/2000/svg" class="marks" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}"><rect/></svg>')


def view(dense=False, feed="<table></table>", years=None, title="Bản đồ 14 phường"):
    return {"dense": dense, "feed": feed, "years": years,
            "charts": {name: svg_url(400 + i, 300) for i, name in enumerate(NAMES)},
            "titles": dict({name: name for name in NAMES}, map=title)}


TILES = [("Hoạt động", "4", "+1", "normal")]


def test_the_block_holds_tiles_note_six_pictures_and_the_feed_in_order():
    html = dashboard_block.block_html(view(), TILES, "Số nhỏ dưới mỗi ô", WORDS)
    order = [html.index(part) for part in (
        'class="llw-kpis"', "Số nhỏ dưới mỗi ô", 'alt="Bản đồ 14 phường"', 'alt="heatmap"',
        'alt="per_day"', 'alt="channels"', 'alt="tiers"', 'alt="slogans"',
        "Dữ liệu mới nhập", "<table></table>")]
    assert order == sorted(order)
    assert html.count('<img class="llw-chart"') == 6
    assert "So sánh các năm" not in html  # one year: no years' table


def test_an_admins_words_in_a_title_are_text_in_the_alt():
    html = dashboard_block.block_html(view(title='Bản đồ "14" <b>tổ</b>'), TILES, "x", WORDS)
    assert 'alt="Bản đồ &quot;14&quot; &lt;b&gt;tổ&lt;/b&gt;"' in html
    assert "<b>" not in html


def test_a_picture_keeps_its_proportions_before_it_is_decoded():
    assert dashboard_block.picture(svg_url(460, 390), "a").endswith(
        'width="460" height="390">')
    # a URL that is not an SVG data URL gets no size rather than a wrong one
    assert 'width=' not in dashboard_block.picture("data:image/svg+xml;base64,!!!", "a")


def test_many_areas_put_the_map_on_the_full_width_and_no_feed_says_so():
    html = dashboard_block.block_html(view(dense=True, feed=None, years="<table id=y>"),
                                      TILES, "x", WORDS)
    assert 'class="llw-charts llw-dense"' in html
    assert "Chưa có dữ liệu nào được nhập." in html
    assert html.index("So sánh các năm") < html.index("Tổng số của từng năm") \
        < html.index("<table id=y>")


def test_the_block_is_assembled_once_per_view_for_every_viewer():
    shown = view()
    first = dashboard_block.prepared_block(shown, TILES, "x", WORDS)
    assert dashboard_block.prepared_block(shown, TILES, "x", WORDS) is first
    # other tiles (the whole area's) or a new view: assembled again
    assert dashboard_block.prepared_block(shown, [("Hoạt động", "9", None, "off")], "x",
                                          WORDS) is not first
    again = dashboard_block.prepared_block(view(), TILES, "x", WORDS)
    assert again is not first and again == first
    # st.html takes it as it is (_repr_html_), not through its dedent
    assert first._repr_html_() == str(first)


def test_the_least_recently_shown_block_is_dropped_first(monkeypatch):
    monkeypatch.setattr(dashboard_block, "PREPARED_KEPT", 2)
    dashboard_block._prepared.clear()
    a, b, c = view(), view(), view()
    first_a = dashboard_block.prepared_block(a, TILES, "x", WORDS)
    dashboard_block.prepared_block(b, TILES, "x", WORDS)
    assert dashboard_block.prepared_block(a, TILES, "x", WORDS) is first_a  # a: recent
    dashboard_block.prepared_block(c, TILES, "x", WORDS)  # drops b, not a
    assert dashboard_block.prepared_block(a, TILES, "x", WORDS) is first_a
    assert [entry[0] for entry in dashboard_block._prepared.values()] == [c, a]


def test_viewers_on_many_threads_share_and_evict_without_error(monkeypatch):
    """Every script thread of the server assembles and drops blocks at once. Threads are
    switched every microsecond: an unlocked dict raised «dictionary changed size during
    iteration» here (5 of 3 000 calls)."""
    import sys
    from concurrent.futures import ThreadPoolExecutor

    monkeypatch.setattr(dashboard_block, "PREPARED_KEPT", 2)
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    views = [view() for _ in range(6)]

    def show(i):
        shown = views[i % len(views)]
        return dashboard_block.prepared_block(shown, TILES, "x", WORDS) == \
            dashboard_block.block_html(shown, TILES, "x", WORDS)

    try:
        with ThreadPoolExecutor(8) as pool:
            assert all(pool.map(show, range(3000)))
    finally:
        sys.setswitchinterval(interval)
    assert len(dashboard_block._prepared) <= 2
