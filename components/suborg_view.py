"""Sub-organisations (issue 15 item 4) on the committee's pages: the table of the reports
taken in (coverage and reporting per sub-organiser beside the own units), shown only when
there is one. Figures: the own week's from db/stats.py, each sub-organiser's as in its
checked file (db/rollup.py); the total row is core/rollup.combined_totals()."""
import streamlit as st

from core import numbers, texts, timefmt
from core import rollup as core


def table_rows(own_name: str, own_totals: dict, subs: list[dict],
               unsummed: list[dict] = ()) -> list[dict]:
    """Rows for people: the own units, each sub-organiser (a live one with its state:
    draft/final), the total (Vietnamese headers); then the live children listed without
    figures (no week of that year), outside the total. The state column appears only
    when a live child is there (db/live_rollup.py)."""
    c = texts.ROLLUP_COLS
    live = any(s.get("live") for s in list(subs) + list(unsummed))

    def state(s):
        return s.get("state_label") or "" if s.get("live") else texts.LIVE_ROLLUP_FILE_STATE

    def row(name, level, t, generated="", status=""):
        if t is None:  # a live child without figures: named, its state, no figure
            out = {c["organiser"]: name, c["level"]: level}
            out.update({c[k]: None for k in ("activities", "participants",
                                             "propaganda_entries", "units", "units_with_data",
                                             "data_rate", "submitted_units", "submit_rate")})
            out.update({c["generated_at"]: generated, texts.LIVE_ROLLUP_COL_STATE: status})
            return out
        return {c["organiser"]: name, c["level"]: level,
                c["activities"]: t["activities"], c["participants"]: t["participants"],
                c["propaganda_entries"]: t["propaganda_entries"], c["units"]: t["units"],
                c["units_with_data"]: t["units_with_data"],
                c["data_rate"]: numbers.percent(t["units_with_data"] / t["units"])
                if t["units"] else "–",
                c["submitted_units"]: t["submitted_units"],
                c["submit_rate"]: numbers.percent(t["submitted_units"] / t["units"])
                if t["units"] else "–",
                c["generated_at"]: generated, **({texts.LIVE_ROLLUP_COL_STATE: status}
                                                 if live else {})}

    rows = [row(texts.ROLLUP_OWN_ROW.format(name=own_name), "", own_totals)]
    for s in subs:
        rows.append(row(s["organiser"], level_label(s["level"]), s["totals"],
                        timefmt.local(s["generated_at"]), state(s)))
    rows.append(row(texts.ROLLUP_TOTAL_ROW, "",
                    core.combined_totals(own_totals, [s["totals"] for s in subs])))
    for s in unsummed:
        rows.append(row(s["organiser"], level_label(s["level"]), None,
                        timefmt.local(s["generated_at"]), state(s)))
    return rows


WHOLE_AREA_KEY = "dash_whole_area"


def _whole_area_build(event: dict):
    def build(own):
        from db import rollup, stats

        subs = rollup.suborganisations(own, event["id"])
        if not subs:
            return None
        return core.combined_totals(stats.summary(own, event["id"])["totals"],
                                    [s["totals"] for s in subs])
    return build


def whole_area_totals(db, event: dict) -> dict | None:
    """The whole area's totals (own units + the lower levels' reports, the `totals` of
    `stats --json`), None without lower levels; shared by every viewer and recomputed as
    the dashboard's own view is (db/live_figures: at most once per refresh period, only
    when what it shows changed)."""
    from db import live_figures, live_rollup

    value, _read_at = live_figures.view(db, ("whole_area_totals", event["id"]),
                                        _whole_area_build(event), event["refresh_seconds"],
                                        also=live_rollup.area_stamp)
    return value


def whole_area_totals_of_file(source: tuple, event: dict) -> dict | None:
    """whole_area_totals() for a viewer's refresh, which reads nothing itself: the same
    shared view, checked (own counter + the lower levels' stamps) once per aligned time
    for every viewer. `source`: (file, read-only) as components.session.database_file()."""
    from db import live_figures, live_rollup

    path, readonly = source
    value, _read_at = live_figures.view_of_file(
        path, ("whole_area_totals", event["id"]), _whole_area_build(event),
        event["refresh_seconds"], readonly, also=live_rollup.area_stamp)
    return value


def whole_area_tiles(t: dict) -> list[tuple]:
    """The dashboard's seven figures for the whole area. No change since the reference
    day: a lower level's report is a file taken in once, not a stream of entries."""
    n = numbers.integer
    return [
        (texts.DASH_KPI_ACTIVITIES, n(t["activities"]), None, "off"),
        (texts.DASH_KPI_PARTICIPANTS, n(t["participants"]), None, "off"),
        (texts.DASH_KPI_ONLINE, numbers.percent(numbers.ratio(t["online_participants"],
                                                              t["participants"])), None, "off"),
        (texts.DASH_KPI_PROPAGANDA, n(t["propaganda_entries"]), None, "off"),
        (texts.DASH_KPI_REPORTING, f"{n(t['units_with_data'])}/{n(t['units'])}", None, "off"),
        (texts.DASH_KPI_SUBMITTED, f"{n(t['submitted_units'])}/{n(t['units'])}", None, "off"),
        (texts.DASH_KPI_WARDS, f"{t['wards_covered']}/{t['wards']}", None, "off"),
    ]


def headline(view: dict, event: dict, filters: dict, source: tuple | None = None) -> dict:
    """The view whose figures the dashboard shows: with lower levels taken in and no
    filter, the whole area (a switch «Chỉ các đơn vị trực thuộc» shows the own units,
    with their changes); otherwise `view` unchanged. Filters apply to the own entries
    only, so a filtered page shows the own units and says so."""
    from components.session import database_file

    whole = whole_area_totals_of_file(source or database_file(), event)
    if whole is None:
        return view
    if any(v for v in filters.values()):
        st.caption(texts.ROLLUP_DASH_FILTERED)
        return view
    own_only = st.toggle(texts.ROLLUP_DASH_OWN_SWITCH, key=WHOLE_AREA_KEY,
                         help=texts.ROLLUP_DASH_OWN_HELP)
    if own_only:
        return view
    return dict(view, kpis=whole_area_tiles(whole), kpi_help=texts.ROLLUP_DASH_WHOLE_NOTE)


def level_label(level: str) -> str:
    from core.organiser import LEVELS

    return LEVELS.get(level, {}).get("label", level or "")


def section(event: dict) -> None:
    """The dashboard's section "Theo cơ quan cấp dưới"; nothing without sub-reports."""
    from components.session import database
    from db import rollup, stats
    from db.organiser import organiser_for

    db = database()
    try:
        levels = rollup.lower_levels(db, event["id"])
        subs = rollup.without_tables(levels["summed"])
        unsummed = levels["unsummed"]
        broken = rollup.damaged(db, event["id"])
        if not subs and not broken and not unsummed:
            return
        own = stats.summary(db, event["id"])["totals"]
        organiser = organiser_for(db, event["id"])
    finally:
        db.conn.close()
    st.subheader(texts.ROLLUP_DASH_HEADING)
    live = any(s.get("live") for s in subs + unsummed)
    st.caption(texts.LIVE_ROLLUP_TABLE_NOTE if live else texts.ROLLUP_DASH_TABLE_NOTE)
    damaged_warnings(broken)
    live_warnings(levels["superseded"], unsummed)
    st.dataframe(table_rows(organiser.name if organiser else "", own, subs, unsummed),
                 hide_index=True, width="stretch")


def live_warnings(superseded: list[tuple[str, str]], unsummed: list[dict]) -> None:
    """A stored report that a live child replaces, and a live child left out of the
    sums (no week of that year, unreadable, with the reasons): say so."""
    from components.safe_text import md

    for stored_name, live_name in superseded:
        st.warning(texts.LIVE_ROLLUP_SUPERSEDED.format(stored=md(stored_name),
                                                       live=md(live_name)))
    for s in unsummed:
        if s["state"] == "no_week":
            continue  # the table's row says «chưa có tuần»
        st.warning(texts.LIVE_ROLLUP_NOT_SUMMED.format(name=md(s["organiser"]),
                                                       state=md(s["state_label"])))
        for line in s.get("errors", []):
            st.caption(md(line))


def stored_list(db, event: dict) -> None:
    """The roll-up page's list of reports taken in (file, times)."""
    from db import rollup

    subs = rollup.without_tables(rollup.stored_items(db, event["id"]))
    damaged_warnings(rollup.damaged(db, event["id"]))
    live_warnings(rollup.superseded(db, event["id"]), [])
    if not subs:
        st.info(texts.ROLLUP_EMPTY.format(year=event["year"]))
        return
    c = texts.ROLLUP_COLS
    st.subheader(texts.ROLLUP_LIST_HEADING)
    st.dataframe([{c["organiser"]: s["organiser"], c["level"]: level_label(s["level"]),
                   c["generated_at"]: timefmt.local(s["generated_at"], seconds=True),
                   c["imported_at"]: timefmt.local(s["imported_at"]),
                   c["file"]: s["file_name"], c["activities"]: s["totals"]["activities"],
                   c["participants"]: s["totals"]["participants"],
                   c["units"]: s["totals"]["units"],
                   c["units_with_data"]: s["totals"]["units_with_data"],
                   c["submitted_units"]: s["totals"]["submitted_units"],
                   texts.COL_SAMPLE: texts.WB_YES if s.get("sample") else ""} for s in subs],
                 hide_index=True, width="stretch")


def damaged_warnings(names: list[str]) -> None:
    """A stored report whose figures break the rules is left out of every sum: say so."""
    from components.safe_text import md

    for name in names:
        st.warning(texts.ROLLUP_DAMAGED.format(name=md(name)))


def remove_form(db, actor, event: dict) -> None:
    """«Xóa một báo cáo cấp dưới»: pick a stored report, tick the confirmation, remove
    (db/rollup.remove, audited)."""
    from core import rollup as core_rollup
    from db import rollup

    names = [r["organiser"] for r in rollup.stored(db, event["id"])]
    if not names:
        return
    st.subheader(texts.ROLLUP_REMOVE_HEADING)
    name = st.selectbox(texts.ROLLUP_REMOVE_PICK, names, index=None, key="rollup_remove_pick",
                        placeholder=texts.ROLLUP_REMOVE_PLACEHOLDER)
    sure = st.checkbox(texts.ROLLUP_REMOVE_CONFIRM, key="rollup_remove_sure")
    if st.button(texts.ROLLUP_REMOVE_BUTTON, disabled=not (name and sure),
                 key="rollup_remove_button"):
        try:
            removed = rollup.remove(db, actor, event["id"], name)
        except core_rollup.RollupError as error:
            for line in error.errors:
                st.error(line)
            return
        for key in ("rollup_remove_pick", "rollup_remove_sure"):
            st.session_state.pop(key, None)
        st.session_state["rollup_removed"] = removed["organiser"]
        st.rerun()
