"""Altair chart builders: aggregated rows in (from db/stats.py), alt.Chart out.

Pure functions without Streamlit: the dashboard shows them as SVG pictures drawn by
vl-convert (core/chart_images.py) or, behind its switch «Biểu đồ tương tác», as live Vega
charts, and the closing PDF renders the SAME specs to PNG with vl-convert. Every chart:
- gets Vietnamese number format through a format-locale dict (d3 has no vi-VN);
- sorts categories explicitly (Vega would sort Vietnamese names by code point);
- fixes its category domains, so all 14 wards / 4 tiers / every day always show.
"""
from datetime import date

import altair as alt

from core import areas as area_rules
from core import reference as ref
from core import texts
from core.numbers import VEGA_NUMBER_LOCALE

def _reuse_altair_class_table() -> None:
    """Altair 6 rebuilds a hash table of all its ~1 000 schema classes (a JSON dump of each
    schema) on every from_dict — i.e. for every alt.condition given to an encoding: about
    half of the CPU of building the dashboard's six charts. The table depends only on the
    classes, so build it once per set of classes. Skipped if Altair's internals differ."""
    from altair.utils import schemapi

    from_dict = getattr(schemapi, "_FromDict", None)
    if from_dict is None or getattr(from_dict, "_llw_table_reused", False):
        return
    original = from_dict.__init__
    tables: dict = {}

    def init(self, wrapper_classes, /):
        classes = tuple(wrapper_classes)
        table = tables.get(classes)
        if table is None:
            original(self, classes)
            tables[classes] = self.class_dict
        else:
            self.class_dict = table

    from_dict.__init__ = init
    from_dict._llw_table_reused = True


_reuse_altair_class_table()

WARD_ORDER = [ref.WARD_NAMES[c] for c in sorted(ref.WARD_NAMES)]  # statistics-code order
GROUP_ORDER = [name for _code, name in ref.ACTIVITY_GROUPS]
GROUP_COLORS = ["#1f77b4", "#ff7f0e", "#2ca02c"]
TIER_ORDER = [name for _code, name in ref.TIERS]
NOT_COVERED_COLOR = "#e6e6e6"
FONT = "Liberation Serif"


def count_axis(top: float) -> alt.Axis:
    """An axis for counts: integer ticks only (Vega otherwise labels 0,5 as '1')."""
    return alt.Axis(format=",d", tickCount=max(1, min(int(top or 1), 6)),
                    labelExpr="datum.value % 1 ? '' : datum.label")


def localised(chart, font: str | None = None):
    """Top-level configuration: Vietnamese number locale (and a font for vl-convert)."""
    chart = chart.configure(locale=alt.Locale(number=VEGA_NUMBER_LOCALE))
    if font:
        chart = chart.configure(font=font)
    return chart


def titled(chart, text: str, note: str | None = None):
    """The chart with its title drawn in it, as the dashboard shows it: one element of the
    page fewer per chart (a heading costs the browser as much as a picture). `note`, a
    line under the title: what the chart shows that the page's filters do not."""
    extra = {"subtitle": note, "subtitleFontSize": 12, "subtitleColor": "#444444"} \
        if note else {}
    return chart.properties(title=alt.TitleParams(text, anchor="start", fontSize=16,
                                                  fontWeight="bold", offset=12, **extra))


MAP_LINE_CHARS = 12  # a tile of the 14-ward map holds ~12 characters of 11 px a line


def wrap_name(name: str, width: int = MAP_LINE_CHARS) -> str:
    """A tile's name on at most two lines broken between words («Nguyễn Trung\nTrực»):
    whole names on the map, not «Nguyễn Trung …». A single word longer than a line
    stays whole (the mark's limit then shortens it; the tooltip has the name)."""
    words = name.split()
    lines: list[str] = []
    for word in words:
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    if len(lines) > 2:  # a long name: the second line takes the rest
        lines = [lines[0], " ".join(lines[1:])]
    return "\n".join(lines)


def name_lines(name: str) -> tuple[str, str]:
    """(first line or "", last line) of wrap_name: the tile map's two text marks."""
    lines = wrap_name(name).split("\n")
    return (lines[0], lines[-1]) if len(lines) == 2 else ("", lines[0])


def day_label(iso: str) -> str:
    """'2020-10-02' -> 'T6 02/10' (weekday short name in Vietnamese)."""
    d = date.fromisoformat(iso)
    return f"{texts.WEEKDAY_SHORT[d.weekday()]} {d:%d/%m}"


def tile_rows(by_ward: list[dict], grid: list[dict]) -> list[dict]:
    """Join summary['by_ward'] with the event's areas (db/areas.areas_for): their own tile
    positions, or a compact automatic grid when some are missing
    (core/areas.tile_positions). `short` is the tile's label, the full name the tooltip's."""
    codes = {w["code"] for w in by_ward}
    position = area_rules.tile_positions([g for g in grid if g["code"] in codes])
    rows = []
    for w in by_ward:
        row, col = position[w["code"]]
        rows.append({**w, "grid_row": row, "grid_col": col,
                     "short": area_rules.short_label(w["name"]),
                     # the name's last line above the count, its first line (if two) above
                     **dict(zip(("line_1", "line_2"), name_lines(w["name"]))),
                     "label": f"{w['activities']:,}".replace(",", "."),
                     "covered": w["activities"] > 0})
    return rows


DENSE_TILES = 30  # above this many areas the map uses small tiles and short labels


def tile_map_size(rows: list[dict], width: int, height: int) -> tuple[int, int]:
    """The map's size: as asked for a few areas; with many, ~62 x 40 px per tile so that
    126 areas (12 x 11 tiles) stay readable."""
    if len(rows) <= DENSE_TILES:
        return width, height
    columns = max(r["grid_col"] for r in rows) + 1
    lines = max(r["grid_row"] for r in rows) + 1
    return max(width, columns * 62), max(height, lines * 40)


def ward_tile_map(rows: list[dict], *, selectable: bool = True, selected: str | None = None,
                  width: int = 520, height: int = 300):
    """Schematic map: one tile per ward on its grid position, coloured by the number of
    activities held there (grey when none). `rows` come from tile_rows(). With
    `selectable`, a point selection named 'ward' on the field 'code' (clicking filters)."""
    dense = len(rows) > DENSE_TILES
    width, height = tile_map_size(rows, width, height)
    base = alt.Chart(alt.Data(values=rows)).encode(
        x=alt.X("grid_col:O", axis=None, scale=alt.Scale(paddingInner=0.06)),
        y=alt.Y("grid_row:O", axis=None, scale=alt.Scale(paddingInner=0.08)),
    )
    top = max([r["activities"] for r in rows] + [1])
    tiles = base.mark_rect(cornerRadius=4, stroke="#333333").encode(
        color=alt.condition(
            "datum.activities > 0",
            alt.Color("activities:Q", title=texts.CHART_ACTIVITIES,
                      scale=alt.Scale(scheme="greens", domain=[0, top], zero=True),
                      legend=alt.Legend(format=",d", orient="bottom",
                                        tickCount=max(1, min(top, 5)))),
            alt.value(NOT_COVERED_COLOR)),
        strokeWidth=alt.condition(f"datum.code == '{selected}'", alt.value(3),
                                  alt.value(0.5)) if selected else alt.value(0.5),
        tooltip=[alt.Tooltip("name:N", title=texts.CHART_WARD),
                 alt.Tooltip("activities:Q", title=texts.CHART_ACTIVITIES, format=",d"),
                 alt.Tooltip("participants:Q", title=texts.CHART_PARTICIPANTS, format=",d"),
                 alt.Tooltip("propaganda_items:Q", title=texts.CHART_PROPAGANDA, format=",d"),
                 alt.Tooltip("reporting_units:Q", title=texts.CHART_REPORTING, format=",d"),
                 alt.Tooltip("units:Q", title=texts.CHART_UNITS, format=",d")],
    )
    if selectable:
        tiles = tiles.add_params(alt.selection_point(name="ward", fields=["code"],
                                                     on="click", clear="dblclick"))
    # dark tiles get white text
    ink = alt.condition(f"datum.activities > {top * 0.6}", alt.value("#ffffff"),
                        alt.value("#111111"))
    if dense:  # short labels (the full name is in the tooltip)
        names = base.mark_text(baseline="bottom", dy=-1, fontSize=9, limit=58).encode(
            text="short:N", color=ink, tooltip=alt.Tooltip("name:N", title=texts.CHART_WARD))
        counts = base.mark_text(baseline="top", dy=2, fontSize=10, fontWeight="bold").encode(
            text="label:N", color=ink)
    else:
        # the whole name, on two lines when it needs them, above the count (two marks:
        # a multi-line text mark grows downwards over the count whatever its baseline)
        names = alt.layer(
            base.mark_text(baseline="bottom", dy=-2, fontSize=11, limit=100).encode(
                text="line_2:N", color=ink),
            base.mark_text(baseline="bottom", dy=-15, fontSize=11, limit=100).encode(
                text="line_1:N", color=ink))
        counts = base.mark_text(baseline="top", dy=3, fontSize=13, fontWeight="bold").encode(
            text="label:N", color=ink)
    return alt.layer(tiles, names, counts).properties(width=width, height=height)


def ward_group_heatmap(rows: list[dict], *, width: int = 360, height: int = 380,
                       names: dict | None = None, legend: bool = True):
    """Area x activity-group counts. rows: [{ward_code, group, activities}] (every area of
    the event x 3); `names`: the event's {code: name} (db/areas.names_for; default 2020's
    wards), in code order. With many areas each gets a 14 px line."""
    names = ref.WARD_NAMES if names is None else names
    order = [names[c] for c in sorted(names)]  # statistics-code order
    height = max(height, 14 * len(order))
    data = [{"ward": names[r["ward_code"]], "group": ref.GROUP_NAMES[r["group"]],
             "activities": r["activities"]} for r in rows]
    top = max([d["activities"] for d in data] + [1])
    base = alt.Chart(alt.Data(values=data)).encode(
        x=alt.X("group:N", title=None, sort=GROUP_ORDER, scale=alt.Scale(domain=GROUP_ORDER),
                axis=alt.Axis(labelAngle=-30, labelLimit=150, orient="top",
                              labelOverlap=False)),
        y=alt.Y("ward:N", title=None, sort=order, scale=alt.Scale(domain=order),
                axis=alt.Axis(labelOverlap=False)),
    )
    cells = base.mark_rect().encode(
        color=alt.Color("activities:Q", title=texts.CHART_ACTIVITIES,
                        scale=alt.Scale(scheme="blues"),
                        # every cell prints its count: the legend can go where room is short
                        legend=alt.Legend(format=",d", tickCount=max(1, min(top, 5)))
                        if legend else None),
        tooltip=[alt.Tooltip("ward:N", title=texts.CHART_WARD),
                 alt.Tooltip("group:N", title=texts.CHART_GROUP),
                 alt.Tooltip("activities:Q", title=texts.CHART_ACTIVITIES, format=",d")])
    labels = base.mark_text(fontSize=11).encode(
        text=alt.Text("activities:Q", format=",d"),
        color=alt.condition("datum.activities > 0", alt.value("#111111"),
                            alt.value("#999999")))
    return alt.layer(cells, labels).properties(width=width, height=height)


def tier_reporting_rate(by_tier: list[dict], *, width: int = 360, height: int = 180):
    """Share of schools that reported, per tier (all 4, domain 0–100 %)."""
    data = [{"tier": ref.TIER_NAMES[t["tier"]], "schools": t["schools"],
             "reporting": t["reporting_schools"],
             "rate": (t["reporting_schools"] / t["schools"]) if t["schools"] else 0.0}
            for t in by_tier]
    base = alt.Chart(alt.Data(values=data)).encode(
        y=alt.Y("tier:N", title=None, sort=TIER_ORDER, scale=alt.Scale(domain=TIER_ORDER),
                axis=alt.Axis(labelOverlap=False)),
        x=alt.X("rate:Q", title=texts.CHART_REPORTING_RATE,
                scale=alt.Scale(domain=[0, 1]), axis=alt.Axis(format=".0%")),
    )
    bars = base.mark_bar(color="#2ca02c").encode(
        tooltip=[alt.Tooltip("tier:N", title=texts.CHART_TIER),
                 alt.Tooltip("rate:Q", title=texts.CHART_REPORTING_RATE, format=".1%"),
                 alt.Tooltip("reporting:Q", title=texts.CHART_REPORTING, format=",d"),
                 alt.Tooltip("schools:Q", title=texts.CHART_UNITS, format=",d")])
    labels = base.mark_text(align="left", dx=3).encode(text=alt.Text("rate:Q", format=".1%"))
    return alt.layer(bars, labels).properties(width=width, height=height)


def activities_per_day(day_group: list[dict], *, width: int = 420, height: int = 300):
    """Activities per day of the week (by start date), stacked by activity group."""
    days = sorted({r["date"] for r in day_group})
    day_order = [day_label(d) for d in days]
    totals: dict[str, int] = {}
    for r in day_group:
        totals[r["date"]] = totals.get(r["date"], 0) + r["activities"]
    data = [{"day": day_label(r["date"]), "group": ref.GROUP_NAMES[r["group"]],
             "order": GROUP_ORDER.index(ref.GROUP_NAMES[r["group"]]),
             "activities": r["activities"]} for r in day_group]
    return alt.Chart(alt.Data(values=data)).mark_bar().encode(
        x=alt.X("day:N", title=texts.CHART_DAY, sort=day_order,
                scale=alt.Scale(domain=day_order), axis=alt.Axis(labelAngle=0)),
        y=alt.Y("sum(activities):Q", title=texts.CHART_ACTIVITIES,
                axis=count_axis(max(totals.values(), default=1))),
        color=alt.Color("group:N", title=texts.CHART_GROUP, sort=GROUP_ORDER,
                        scale=alt.Scale(domain=GROUP_ORDER, range=GROUP_COLORS),
                        legend=alt.Legend(orient="top", direction="horizontal",
                                          columns=2, title=None, labelLimit=160)),
        order=alt.Order("order:Q"),
        tooltip=[alt.Tooltip("day:N", title=texts.CHART_DAY),
                 alt.Tooltip("group:N", title=texts.CHART_GROUP),
                 alt.Tooltip("activities:Q", title=texts.CHART_ACTIVITIES, format=",d")],
    ).properties(width=width, height=height)


def channel_mix(by_channel: list[dict], *, width: int = 360, height: int = 300):
    """Propaganda quantity per channel (every channel of the week's catalogue, in its
    order: the rows of stats.summary()["by_channel"]), with its measure."""
    data = [{"channel": c.get("name") or ref.CHANNEL_NAMES.get(c["channel"], c["channel"]),
             "quantity": c["quantity"], "entries": c["entries"],
             "measure": c.get("measure") or ref.CHANNEL_MEASURES.get(c["channel"], "")}
            for c in by_channel]
    order = [d["channel"] for d in data]
    base = alt.Chart(alt.Data(values=data)).encode(
        y=alt.Y("channel:N", title=None, sort=order,
                scale=alt.Scale(domain=order),
                axis=alt.Axis(labelOverlap=False, labelLimit=180)),
        x=alt.X("quantity:Q", title=texts.CHART_QUANTITY,
                axis=count_axis(max(d["quantity"] for d in data))),
    )
    bars = base.mark_bar(color="#9467bd").encode(tooltip=[
        alt.Tooltip("channel:N", title=texts.CHART_CHANNEL),
        alt.Tooltip("quantity:Q", title=texts.CHART_QUANTITY, format=",d"),
        alt.Tooltip("measure:N", title=texts.EXP_COLS["measure"]),
        alt.Tooltip("entries:Q", title=texts.CHART_ENTRIES, format=",d")])
    labels = base.mark_text(align="left", dx=3).encode(text=alt.Text("quantity:Q",
                                                                     format=",d"))
    return alt.layer(bars, labels).properties(width=width, height=height)


SLOGAN_LABEL_CHARS = 34


def slogan_label(number: int, text: str | None) -> str:
    """'3. Học tập sử dụng công nghệ - chìa…': the slogan's number and its first words
    (whole words, at most SLOGAN_LABEL_CHARS characters), or 'Khẩu hiệu 3' without text."""
    words = " ".join((text or "").split())
    if not words:
        return texts.CHART_SLOGAN_N.format(n=number)
    if len(words) > SLOGAN_LABEL_CHARS:
        cut = words[:SLOGAN_LABEL_CHARS + 1].rsplit(" ", 1)[0].rstrip(" ,.;:-–")
        words = (cut or words[:SLOGAN_LABEL_CHARS]) + "…"
    return f"{number}. {words}"


def slogan_mix(by_slogan: list[dict], slogans: list[dict] | None = None, *,
               width: int = 360, height: int = 260):
    """Propaganda entries using each of the 8 slogans: labelled by the slogan's first
    words, the full text in the tooltip."""
    text_of = {s["number"]: s["text"] for s in (slogans or [])}
    order = [slogan_label(n, text_of.get(n)) for n in range(1, 9)]
    data = [{"slogan": slogan_label(r["slogan"], text_of.get(r["slogan"])),
             "entries": r["entries"], "text": text_of.get(r["slogan"], "")}
            for r in by_slogan]
    base = alt.Chart(alt.Data(values=data)).encode(
        y=alt.Y("slogan:N", title=None, sort=order, scale=alt.Scale(domain=order),
                axis=alt.Axis(labelOverlap=False, labelLimit=260)),
        x=alt.X("entries:Q", title=texts.CHART_ENTRIES,
                axis=count_axis(max(d["entries"] for d in data))),
    )
    bars = base.mark_bar(color="#d62728").encode(tooltip=[
        alt.Tooltip("text:N", title=texts.CHART_SLOGAN),
        alt.Tooltip("entries:Q", title=texts.CHART_ENTRIES, format=",d")])
    labels = base.mark_text(align="left", dx=3).encode(text=alt.Text("entries:Q",
                                                                     format=",d"))
    return alt.layer(bars, labels).properties(width=width, height=height)


def spec(chart) -> dict:
    """The Vega-Lite dict of a localised chart for callers that draw the same chart many
    times from a cache. Not validated against the Vega-Lite schema here (~100 ms per
    chart): the builders of this module are validated by tests/test_dashboard_view.py
    and by the closing report. The default theme's view size is dropped (every chart sets
    its own), so the dict does not depend on which Altair theme happens to be active."""
    out = localised(chart).to_dict(validate=False)
    view = out.get("config", {}).get("view")
    if isinstance(view, dict):
        view.pop("continuousWidth", None)
        view.pop("continuousHeight", None)
        if not view:
            del out["config"]["view"]
    return out
