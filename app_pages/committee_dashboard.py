"""Bảng theo dõi trực tiếp: the committee's live view of the week (issue 4 §2).

Every number comes from db/stats.py (aggregated in SQL); the charts are the builders of
core/charts.py (also used by the closing PDF). Its live part is a fragment that reruns
itself every event.refresh_seconds, on the wall clock shortly after each aligned recompute
(components/aligned_refresh.py). The filters sit in a popover, a line says what the page
shows; the charts are pictures, or live Vega charts behind the switch «Biểu đồ tương tác»,
where clicking an area on the tile map filters the page.

City scale (issues 14, 23): everything the fragment draws — figures, KPI changes, the feed
and the six charts (SVG pictures drawn by core/chart_images, or ready Vega-Lite dicts) — is
computed ONCE per (event, filters, day, view) for every viewer of the server process, and
again at most once per refresh period after something it shows changed (db/live_figures:
a sign-in or an audit row changes nothing); a picture whose rows did not change is not
redrawn (core/chart_images keeps pictures by a hash of their spec). A refresh of a viewer
then sends two elements: the line of its time and one HTML block assembled once per view
(components/dashboard_block), which goes to the browser as a reference to its cached copy
when it did not change (global.minCachedMessageSize in .streamlit/config.toml). The filters
and the switch are drawn by the page run, outside the fragment: a refresh costs the server
per element it sends, and a change of filter reruns the page, which hands the fragment its
new filters."""
import hashlib
from datetime import date, datetime, timezone

import streamlit as st
from streamlit import dataframe_util

from components import aligned_refresh, dashboard_block, pickers, safe_text
from components import plain_table
from components.navigation import guard
from components.session import current_event, database, database_file
from core import chart_images, charts, kpi_reference, numbers, server_gc, texts, timefmt
from core import reference as ref
from db import areas, catalogue, events, live_figures, stats
from db.organiser import words, words_for

chart_images.warm_up_in_background()  # vl-convert's ~1 s start, off the first page
server_gc.settle_once()  # the modules above live as long as the server: out of the GC's walk

MAP_KEY = "dash_map"
INTERACTIVE_KEPT = "dash_interactive_kept"
WARD_CLICKED = "dash_ward_clicked"
FEED_ROWS = 15


def keep_interactive():
    """The switch's choice outlives the page: a widget's own state is dropped when the
    user opens another page (persist_state="session" made Streamlit 1.67 show the other
    lists of the page empty)."""
    st.session_state[INTERACTIVE_KEPT] = st.session_state["dash_interactive"]


def select_ward_from_map():
    """on_select of the tile map: the clicked ward becomes the page's ward filter."""
    selection = (st.session_state.get(MAP_KEY) or {}).get("selection", {}).get("ward") or []
    codes = [p.get("code") for p in selection if isinstance(p, dict) and p.get("code")]
    st.session_state["dash_ward"] = codes[0] if codes else None
    st.session_state[WARD_CLICKED] = True  # the fragment reruns the page (its filters)


def read_filters(event, names: dict, fill=str) -> dict:
    """The four filters, one under the other (they live in the «Lọc số liệu» popover).
    An empty list says «Tất cả»: drawn late in a popover, Streamlit 1.67 shows the empty
    choice as its placeholder rather than as the option «Tất cả»."""
    days = events.week_days(event)
    if st.session_state.get("dash_ward") not in (None, *names):
        del st.session_state["dash_ward"]  # an area of another year
    ward = pickers.code_select(fill(texts.FILTER_WARD), names, key="dash_ward",
                               optional_label=texts.FILTER_ALL,
                               placeholder=texts.FILTER_ALL)
    tier = pickers.code_select(texts.FILTER_TIER, ref.TIER_NAMES, key="dash_tier",
                               optional_label=texts.FILTER_ALL,
                               placeholder=texts.FILTER_ALL)
    kind = pickers.code_select(texts.FILTER_KIND, ref.KIND_NAMES, key="dash_kind",
                               optional_label=texts.FILTER_ALL,
                               placeholder=texts.FILTER_ALL)
    if st.session_state.get("dash_days") and \
            not set(st.session_state["dash_days"]) <= set(days):
        del st.session_state["dash_days"]  # another year was chosen
    day_from, day_to = st.select_slider(texts.DASH_FILTER_DAYS, options=days,
                                        value=(days[0], days[-1]), key="dash_days",
                                        format_func=charts.day_label)
    whole_week = (day_from, day_to) == (days[0], days[-1])
    return {"ward": ward, "tier": tier, "kind": kind,
            "day_from": None if whole_week else day_from,
            "day_to": None if whole_week else day_to}


def filter_summary(filters: dict, names: dict, fill=str) -> str:
    """What the page shows, in words: «mọi phường, mọi cấp học, mọi loại đơn vị, cả
    tuần» or the chosen ones (the filters themselves sit in a closed popover)."""
    days = (texts.DASH_ALL_DAYS if not filters["day_from"] else
            f"{charts.day_label(filters['day_from'])} – {charts.day_label(filters['day_to'])}")
    return texts.DASH_SHOWING.format(parts=", ".join([
        names[filters["ward"]] if filters["ward"] else fill(texts.DASH_ALL_AREAS),
        ref.TIER_NAMES[filters["tier"]] if filters["tier"] else texts.DASH_ALL_TIERS,
        ref.KIND_NAMES[filters["kind"]] if filters["kind"] else texts.DASH_ALL_KINDS,
        days]))


# --- computed once per database state, shared by every viewer ---------------------------

def frozen_spec(chart) -> dict:
    """A chart as a ready Vega-Lite dict whose data are named datasets of Arrow bytes
    already, so that st.vega_lite_chart only copies it (no Altair validation, no pandas
    conversion per viewer)."""
    spec = charts.spec(chart)
    datasets = {name: dataframe_util.convert_anything_to_arrow_bytes(rows)
                for name, rows in spec.get("datasets", {}).items()}
    if isinstance(spec.get("data"), dict) and "values" in spec["data"]:
        arrow = dataframe_util.convert_anything_to_arrow_bytes(spec["data"]["values"])
        name = "data-" + hashlib.sha1(arrow).hexdigest()[:16]
        datasets[name] = arrow
        spec["data"] = {"name": name}
    if datasets:
        spec["datasets"] = datasets
    return spec


def kpi_values(summary, change) -> list[tuple]:
    """(label, value, delta, delta_color) of the seven tiles; `change` None: no deltas
    (outside the week, core/kpi_reference)."""
    t = summary["totals"]
    online = numbers.ratio(t["online_participants"], t["participants"])

    def delta(key):
        return None if change is None else numbers.signed(change[key])

    online_delta = None if change is None else numbers.signed_points(numbers.share_change(
        t["online_participants"], t["participants"], change["online_participants"],
        change["participants"]))
    return [
        (texts.DASH_KPI_ACTIVITIES, numbers.integer(t["activities"]),
         delta("activities"), "normal"),
        (texts.DASH_KPI_PARTICIPANTS, numbers.integer(t["participants"]),
         delta("participants"), "normal"),
        (texts.DASH_KPI_ONLINE, numbers.percent(online), online_delta, "off"),
        # entries, not quantities: banners, trips and posts have no common unit (DESIGN §4)
        (texts.DASH_KPI_PROPAGANDA, numbers.integer(t["propaganda_entries"]),
         delta("propaganda_entries"), "normal"),
        (texts.DASH_KPI_REPORTING,
         f"{numbers.integer(t['units_with_data'])}/{numbers.integer(t['units'])}",
         delta("units_with_data"), "normal"),
        # a report is submitted at a moment of its own, not with an entry: no day change
        (texts.DASH_KPI_SUBMITTED,
         f"{numbers.integer(t['submitted_units'])}/{numbers.integer(t['units'])}",
         None, "off"),
        (texts.DASH_KPI_WARDS, f"{t['wards_covered']}/{t['wards']}",
         delta("wards_covered"), "normal"),
    ]


def feed_table(rows, channel_name=None, names: dict | None = None) -> str | None:
    """The feed as one HTML table of escaped text (components/plain_table: a cell is never
    markdown nor HTML), built once for every viewer. `channel_name`: code -> name of the
    week's catalogue."""
    channel_name = channel_name or (lambda c: ref.CHANNEL_NAMES.get(c, c))
    return plain_table.table_html([{
        texts.DASH_FEED_TIME: timefmt.short(r["created_at"]),
        texts.DASH_FEED_KIND: texts.DASH_FEED_ACTIVITY if r["kind"] == "activity"
        else texts.DASH_FEED_PROPAGANDA,
        texts.EXP_COLS["unit"]: r["unit_name"],
        texts.EXP_COLS["title"]: r["title"] if r["kind"] == "activity"
        else channel_name(r["detail"]),
        texts.EXP_COLS["ward"]: (names or {}).get(r["ward_code"], ""),
        texts.EXP_COLS["quantity"]: numbers.integer(r["amount"]),
        texts.EXP_COLS["status"]: texts.STATUS_NAMES[r["status"]],
    } for r in rows], "feed", numeric=(texts.EXP_COLS["quantity"],),
        nowrap=(texts.DASH_FEED_TIME, texts.DASH_FEED_KIND, texts.EXP_COLS["status"]),
        wide=(texts.EXP_COLS["unit"], texts.EXP_COLS["title"]))


def years_table(db) -> str | None:
    """Every year's totals, newest first, as one HTML table (components/plain_table)."""
    if len(events.list_events(db)) < 2:
        return None  # one year: nothing to compare (and no summary to compute)
    rows = stats.year_over_year(db)
    if len(rows) < 2:
        return None
    figures = list(texts.EXP_TOTAL_LABELS.values())
    return plain_table.table_html([
        {texts.DASH_COL_YEAR: str(r["year"]),
         **{texts.EXP_TOTAL_LABELS[k]: numbers.percent(r[k]) if k == "reporting_rate"
            else numbers.integer(r[k]) for k in texts.EXP_TOTAL_LABELS}}
        for r in rows], "years", numeric=tuple(figures))


def build_charts(db, event, data, map_summary, grid, names, filters, titles: dict,
                 interactive: bool) -> dict:
    """The six charts, titled: live Vega specs (tooltips, the map's click) or pictures
    drawn here once for every viewer (core/chart_images: the browser only paints them)."""
    summary = data["summary"]
    # sized for their columns of a 1280 px screen with the sidebar open (map 3/5, heatmap
    # 2/5, the others 1/2 of ~820 px), labels included: a picture is stretched to its
    # column, so its text grows on a projector and shrinks little on a laptop
    built = {
        "map": charts.ward_tile_map(charts.tile_rows(map_summary["by_ward"], grid),
                                    selectable=interactive, selected=filters["ward"],
                                    width=450, height=290),
        "heatmap": charts.ward_group_heatmap(data["ward_group"], names=names, width=140,
                                             legend=False),
        "per_day": charts.activities_per_day(data["day_group"], width=330, height=280),
        "channels": charts.channel_mix(summary["by_channel"], width=220),
        "tiers": charts.tier_reporting_rate(summary["by_tier"], width=320),
        "slogans": charts.slogan_mix(data["by_slogan"], events.slogans(db, event["id"]),
                                     width=170),
    }
    draw = frozen_spec if interactive else chart_images.picture
    return {name: draw(charts.titled(chart, titles[name], titles.get(f"{name}_note")))
            for name, chart in built.items()}


def chart_titles(fill, interactive: bool, ward: str | None = None) -> dict:
    """name -> title, in the organiser's words ("Bản đồ 14 phường"). With an area chosen
    the map still shows every area (to choose another): its note says so, under its
    title, where the eye compares it with the heatmap's one row."""
    titles = {"map": fill(texts.DASH_MAP if interactive else texts.DASH_MAP_PICTURE),
              "heatmap": fill(texts.DASH_HEATMAP), "per_day": texts.DASH_PER_DAY,
              "channels": texts.DASH_CHANNELS, "tiers": texts.DASH_TIER_RATES,
              "slogans": texts.DASH_SLOGANS}
    if ward:
        titles["map_note"] = fill(texts.DASH_MAP_ALL_AREAS_NOTE)
    return titles


def build_view(db, event, filters, today: str, titles: dict,
               interactive: bool = False) -> dict:
    """Everything one refresh draws (the viewer only adds the clock)."""
    data = stats.dashboard(db, event["id"], **filters)
    summary = data["summary"]
    # while the week runs: since the end of Hà Nội's previous day; outside it: none
    ref_day = kpi_reference.reference(date.fromisoformat(event["start_date"]),
                                      date.fromisoformat(event["end_date"]),
                                      date.fromisoformat(today), charts.day_label)
    change = stats.totals_change(db, event["id"], ref_day.created_before,
                                 now=summary["totals"], **filters) \
        if ref_day.created_before else None
    # the map keeps every ward's figures under a ward filter, and outlines the chosen one
    map_summary = summary if not filters["ward"] else stats.summary(
        db, event["id"], **dict(filters, ward=None))
    grid = stats.ward_grid(db, event["id"])
    names = {a["code"]: a["name"] for a in grid}
    return {
        "dense": len(grid) > charts.DENSE_TILES,  # many areas: the map gets the full width
        "kpis": kpi_values(summary, change),
        "kpi_help": ref_day.note,
        "interactive": interactive,
        "titles": titles,
        "charts": build_charts(db, event, data, map_summary, grid, names, filters, titles,
                               interactive),
        "feed": feed_table(stats.latest_entries(db, event["id"], limit=FEED_ROWS,
                                                **filters),
                           catalogue.catalogue_for(db, event["id"]).channel_name, names),
        # every year's totals do not depend on the filters: one view for all of them
        "years": live_figures.view(db, ("committee_dashboard_years",), years_table,
                                   event["refresh_seconds"])[0],
    }


def area_names(source: tuple, event) -> dict:
    """{code: name} of the week's areas, shared by every viewer like the view itself (a
    refresh opens no connection: components.session.database_file)."""
    path, readonly = source
    return live_figures.view_of_file(path, ("committee_dashboard_areas", event["id"]),
                                     lambda own: areas.names_for(own, event["id"]),
                                     event["refresh_seconds"], readonly)[0]


def shared_view(source: tuple, event, filters,
                interactive: bool = False) -> tuple[dict, float]:
    """(view, time its figures were read). Computed once for every viewer, then again at
    most once per refresh period after something it shows changed (db/live_figures.py:
    meanwhile every viewer gets the previous view, with its time)."""
    today = timefmt.now_local().date().isoformat()  # Hà Nội's day, not the server's
    key = ("committee_dashboard", event["id"], tuple(sorted(filters.items())), today,
           interactive)

    def build(own):  # on a connection of its own, maybe later, on another thread
        fresh = events.get(own, event["year"]) or event  # settings as they are now
        titles = chart_titles(words(own, fresh), interactive, filters["ward"])
        return build_view(own, fresh, filters, today, titles, interactive)

    path, readonly = source
    return live_figures.view_of_file(path, key, build, event["refresh_seconds"], readonly)


# --- drawn per viewer --------------------------------------------------------------------

def filled_tiles(view, fill=str) -> list[tuple]:
    """The seven tiles with the organiser's words in their labels."""
    return [(fill(label), value, delta, color) for label, value, delta, color in view["kpis"]]


def chart(view, name, **interactive_kwargs):
    """One live Vega chart of the shared view (the switch «Biểu đồ tương tác»)."""
    st.vega_lite_chart(view["charts"][name], **interactive_kwargs)


def block_words() -> dict:
    return {"feed": texts.DASH_FEED, "feed_empty": texts.DASH_FEED_EMPTY,
            "years": texts.DASH_YEARS, "years_note": texts.DASH_YEARS_NOTE}


def interactive_charts(view):
    """The six live charts in columns: the map's click filters the page."""
    left, right = (st.container(), st.container()) if view["dense"] else st.columns([3, 2])
    with left:  # a chosen area is named in the line under the filters
        chart(view, "map", key=MAP_KEY, on_select=select_ward_from_map,
              selection_mode="ward")
    with right:
        chart(view, "heatmap")
    c1, c2 = st.columns(2)
    with c1:
        chart(view, "per_day")
        chart(view, "channels")
    with c2:
        chart(view, "tiers")
        chart(view, "slogans")


def controls(event, names: dict) -> tuple[dict, bool]:
    """The filters' popover and the switch, drawn by the page run, outside the fragment: a
    refresh then sends none of their five widgets (issue 23: a refresh costs the server
    per element), and changing one reruns the page, which gives the fragment its new
    filters."""
    label = words_for(event, len(names), escape=safe_text.md)  # for markdown labels
    bar = st.container(horizontal=True, vertical_alignment="center")
    # a closed popover: its lists are drawn only when opened
    with bar.popover(texts.DASH_FILTERS, icon=":material/filter_alt:"):
        filters = read_filters(event, names, label)
    interactive = bool(st.session_state.get(INTERACTIVE_KEPT))
    bar.toggle(texts.DASH_INTERACTIVE, value=interactive, key="dash_interactive",
               on_change=keep_interactive, help=label(texts.DASH_INTERACTIVE_HELP))
    return filters, interactive


def live_view(event, source: tuple, filters: dict, interactive: bool):
    """The fragment. `source`: (file, read-only) as the page run found it under its guard
    (a change of organiser or view reruns the page): a refresh reads no file itself, it
    only looks up shared views. `filters`, `interactive`: the page run's controls. In the
    picture view a refresh sends two elements: the line of its time and one HTML block."""
    if st.session_state.pop(WARD_CLICKED, False):
        st.rerun()  # the map's click chose an area: the whole page, filters included
    names = area_names(source, event)
    fill = words_for(event, len(names))  # the organiser's words: "phường", "tổ dân phố"…
    view, stamp = shared_view(source, event, filters, interactive)
    behind = live_figures.served_behind()  # its recompute still runs: look again soon
    read_at = timefmt.clock(datetime.fromtimestamp(stamp, timezone.utc), seconds=True)
    st.caption(safe_text.md(  # area names are typed by an admin: text, not markdown
        texts.DASH_UPDATED_AT.format(time=read_at)  # when its figures were read
        + " · " + filter_summary(filters, names, fill)))
    from components import suborg_view  # with lower levels: the whole area, a switch
    shown = suborg_view.headline(view, event, filters, source)
    tiles = filled_tiles(shown, fill)
    if interactive:
        st.html(dashboard_block.head_html(tiles, shown["kpi_help"]))
        interactive_charts(view)
        st.html(dashboard_block.tables_html(view, block_words()))
    else:
        st.html(dashboard_block.prepared_block(view, tiles, shown["kpi_help"], block_words()))
    # the next run on the wall clock, shortly after the next aligned recompute (issue 23)
    aligned_refresh.keep_aligned(event["refresh_seconds"], live_figures.real_path(source[0]),
                                 behind)


actor = guard("committee_dashboard.py")
db = database()
try:
    event = current_event(db)
    if event is None:
        st.info(texts.DASH_NO_EVENT)
        st.stop()
    source = database_file()
    filters, interactive = controls(event, area_names(source, event))
    st.fragment(run_every=event["refresh_seconds"])(live_view)(event, source, filters,
                                                               interactive)
    from components import suborg_view  # issue 15: sub-organisations, when taken in
    suborg_view.section(event, db)  # on the page run's connection
finally:
    db.conn.close()
