"""Bảng theo dõi trực tiếp: the committee's live view of the week (issue 4 §2).

Every number comes from db/stats.py (aggregated in SQL); the charts are the builders of
core/charts.py (also used by the closing PDF). The whole view is a fragment that reruns
itself every event.refresh_seconds; clicking a ward on the tile map filters the page."""
from datetime import date, datetime

import streamlit as st

from components import pickers
from components.navigation import guard
from components.session import current_event, database
from core import charts, numbers, texts
from core import reference as ref
from db import events, stats

MAP_KEY = "dash_map"


def select_ward_from_map():
    """on_select of the tile map: the clicked ward becomes the page's ward filter."""
    selection = (st.session_state.get(MAP_KEY) or {}).get("selection", {}).get("ward") or []
    codes = [p.get("code") for p in selection if isinstance(p, dict) and p.get("code")]
    st.session_state["dash_ward"] = codes[0] if codes else None


def read_filters(event) -> dict:
    days = events.week_days(event)
    cols = st.columns([1, 1, 1, 2])
    with cols[0]:
        ward = pickers.ward_filter("dash_ward")
    with cols[1]:
        tier = pickers.tier_filter("dash_tier")
    with cols[2]:
        kind = pickers.kind_filter("dash_kind")
    with cols[3]:
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


def reference_day(db, event) -> str:
    """'Previous day' of the KPI tiles: today while entries arrive, else the last day
    anything was entered (a past year's archive)."""
    today = date.today().isoformat()
    return min(today, stats.last_entry_day(db, event["id"]) or today)


def kpi_tiles(summary, change, since):
    t = summary["totals"]
    help_text = texts.DASH_KPI_DELTA_HELP.format(day=charts.day_label(since))
    online = numbers.ratio(t["online_participants"], t["participants"])
    cols = st.columns(6)
    cols[0].metric(texts.DASH_KPI_ACTIVITIES, numbers.integer(t["activities"]),
                   numbers.signed(change["activities"]), help=help_text)
    cols[1].metric(texts.DASH_KPI_PARTICIPANTS, numbers.integer(t["participants"]),
                   numbers.signed(change["participants"]), help=help_text)
    online_change = numbers.share_change(t["online_participants"], t["participants"],
                                         change["online_participants"], change["participants"])
    cols[2].metric(texts.DASH_KPI_ONLINE, numbers.percent(online),
                   numbers.signed_points(online_change), help=help_text, delta_color="off")
    cols[3].metric(texts.DASH_KPI_PROPAGANDA, numbers.integer(t["propaganda_items"]),
                   numbers.signed(change["propaganda_items"]), help=help_text)
    cols[4].metric(texts.DASH_KPI_REPORTING,
                   f"{numbers.integer(t['reporting_units'])}/{numbers.integer(t['units'])}",
                   numbers.signed(change["reporting_units"]), help=help_text)
    cols[5].metric(texts.DASH_KPI_WARDS, f"{t['wards_covered']}/{t['wards']}",
                   numbers.signed(change["wards_covered"]), help=help_text)


def feed(db, event_id, filters):
    rows = stats.latest_entries(db, event_id, limit=15, **filters)
    if not rows:
        st.caption(texts.DASH_FEED_EMPTY)
        return
    table = [{
        texts.EXP_COLS["date"]: datetime.fromisoformat(r["created_at"]).strftime(
            "%H:%M %d/%m"),
        texts.REV_FILTER_KIND: texts.DASH_FEED_ACTIVITY if r["kind"] == "activity"
        else texts.DASH_FEED_PROPAGANDA,
        texts.EXP_COLS["unit"]: r["unit_name"],
        texts.EXP_COLS["title"]: r["title"] if r["kind"] == "activity"
        else ref.CHANNEL_NAMES.get(r["detail"], r["detail"]),
        texts.EXP_COLS["ward"]: ref.WARD_NAMES.get(r["ward_code"], ""),
        texts.EXP_COLS["quantity"]: numbers.integer(r["amount"]),
        texts.EXP_COLS["status"]: texts.STATUS_NAMES[r["status"]],
    } for r in rows]
    st.dataframe(table, hide_index=True, width="stretch")


def year_table(db):
    rows = stats.year_over_year(db)
    if len(rows) < 2:
        return
    st.subheader(texts.DASH_YEARS)
    st.dataframe([{texts.DASH_COL_YEAR: str(r["year"]),
                   **{texts.EXP_TOTAL_LABELS[k]: numbers.percent(r[k]) if k == "reporting_rate"
                      else numbers.integer(r[k]) for k in texts.EXP_TOTAL_LABELS}}
                  for r in rows], hide_index=True, width="stretch")


def live_view(event):
    db = database()
    try:
        filters = read_filters(event)
        data = stats.dashboard(db, event["id"], **filters)
        summary = data["summary"]
        since = reference_day(db, event)
        change = stats.totals_change(db, event["id"], since, now=summary["totals"],
                                     **filters)
        st.caption(texts.DASH_UPDATED_AT.format(time=datetime.now().strftime("%H:%M:%S")))
        kpi_tiles(summary, change, since)
        # the map keeps every ward's figures under a ward filter, and outlines the chosen one
        map_summary = summary if not filters["ward"] else stats.summary(
            db, event["id"], **dict(filters, ward=None))
        left, right = st.columns([3, 2])
        with left:
            st.subheader(texts.DASH_MAP)
            if filters["ward"]:
                st.caption(texts.DASH_WARD_SELECTED.format(
                    name=ref.WARD_NAMES[filters["ward"]]))
            tile_map = charts.ward_tile_map(
                charts.tile_rows(map_summary["by_ward"], stats.ward_grid(db)),
                selected=filters["ward"])
            st.altair_chart(charts.localised(tile_map), key=MAP_KEY,
                            on_select=select_ward_from_map, selection_mode="ward")
        with right:
            st.subheader(texts.DASH_HEATMAP)
            st.altair_chart(charts.localised(charts.ward_group_heatmap(data["ward_group"])))
        c1, c2 = st.columns(2)
        with c1:
            st.subheader(texts.DASH_PER_DAY)
            st.altair_chart(charts.localised(charts.activities_per_day(data["day_group"])))
            st.subheader(texts.DASH_CHANNELS)
            st.altair_chart(charts.localised(charts.channel_mix(summary["by_channel"])))
        with c2:
            st.subheader(texts.DASH_TIER_RATES)
            st.altair_chart(charts.localised(charts.tier_reporting_rate(summary["by_tier"])))
            st.subheader(texts.DASH_SLOGANS)
            st.altair_chart(charts.localised(charts.slogan_mix(
                data["by_slogan"], events.slogans(db, event["id"]))))
        st.subheader(texts.DASH_FEED)
        feed(db, event["id"], filters)
        year_table(db)
    finally:
        db.conn.close()


actor = guard("committee_dashboard.py")
db = database()
event = current_event(db)
db.conn.close()
if event is None:
    st.info(texts.DASH_NO_EVENT)
    st.stop()

st.fragment(run_every=event["refresh_seconds"])(live_view)(event)
