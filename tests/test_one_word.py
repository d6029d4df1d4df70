"""Issue 20 deliver 9: one word for one figure on every screen («có số liệu» = has a
counting entry, «đã nộp» = report submitted; DESIGN §4), a map that says which filters it
does not apply, and whole area names on the tile map."""
import re

import pytest

from core import charts, texts
from core import reference as ref
from db import live_figures, stats
from tests.stats_fixture import build_week
from tests.test_committee_pages import chart_specs, metrics, open_page


def subtitle(spec: dict):
    title = spec.get("title")
    return title.get("subtitle") if isinstance(title, dict) else None


@pytest.fixture(autouse=True)
def admin_exists(admin):
    return admin


def screen_texts() -> dict[str, str]:
    """The dashboard's and the progress page's own texts."""
    return {name: value for name, value in vars(texts).items()
            if re.match(r"(DASH|PROG|CHART)_", name) and isinstance(value, str)}


def test_no_screen_text_says_reported_for_either_figure():
    """«đã báo cáo» reads as «submitted» to a committee: the figures say «có số liệu» or
    «đã nộp» (the e-mail reminder «Nhắc báo cáo» asks for a report, it names no figure)."""
    found = {name: value for name, value in screen_texts().items()
             if re.search(r"(đã|chưa) báo cáo|Tỷ lệ báo cáo", value, re.IGNORECASE)}
    assert found == {}
    assert "có số liệu" in texts.DASH_TIER_RATES and "có số liệu" in texts.CHART_REPORTING_RATE


def test_the_progress_page_shows_both_figures_under_the_dashboards_words(app_for, db,
                                                                         committee):
    event_id = build_week(db)
    totals = stats.summary(db, event_id)["totals"]
    at = open_page(app_for, committee, "committee_progress.py")
    shown = metrics(at)
    assert shown[texts.DASH_KPI_REPORTING].startswith(
        f"{totals['units_with_data']}/{totals['units']} ")
    assert shown[texts.DASH_KPI_SUBMITTED].startswith(
        f"{totals['submitted_units']}/{totals['units']} ")
    headings = [h.value for h in at.subheader]
    silent = totals["units"] - totals["units_with_data"]
    assert f"{texts.PROG_NOT_REPORTED} ({silent})" in headings
    assert texts.PROG_NOT_SUBMITTED.format(
        count=totals["units"] - totals["submitted_units"]) in [c.value for c in at.caption]


def test_a_chosen_area_puts_a_note_under_the_maps_title(app_for, db, committee):
    build_week(db)
    live_figures.clear_views()
    at = open_page(app_for, committee, "committee_dashboard.py",
                   {"dash_ward": "00001", "dash_interactive_kept": True})
    note = texts.DASH_MAP_ALL_AREAS_NOTE.format(area="phường")
    notes = [subtitle(spec) for spec in chart_specs(at)]
    assert notes.count(note) == 1 and notes[0] == note  # the map's, and no other chart's
    live_figures.clear_views()
    at = open_page(app_for, committee, "committee_dashboard.py",
                   {"dash_interactive_kept": True})
    assert [subtitle(spec) for spec in chart_specs(at)] == [None] * 6


def test_every_ward_name_is_whole_on_the_map():
    for name in ref.WARD_NAMES.values():
        first, last = charts.name_lines(name)
        assert " ".join(filter(None, [first, last])) == name
        assert len(first) <= charts.MAP_LINE_CHARS
    assert charts.name_lines("Nguyễn Trung Trực") == ("Nguyễn Trung", "Trực")
    assert charts.name_lines("Phúc Xá") == ("", "Phúc Xá")
    assert charts.wrap_name("Một tên phường rất dài có năm từ") == \
        "Một tên\nphường rất dài có năm từ"


def test_the_map_draws_both_lines_and_no_cut_name(db):
    event_id = build_week(db)
    rows = charts.tile_rows(stats.summary(db, event_id)["by_ward"],
                            stats.ward_grid(db, event_id))
    spec = charts.ward_tile_map(rows).to_dict()
    fields = {layer["encoding"]["text"]["field"] for layer in _text_layers(spec)}
    assert {"line_1", "line_2", "label"} <= fields and "name" not in fields
    row = next(r for r in rows if r["name"] == "Nguyễn Trung Trực")
    assert (row["line_1"], row["line_2"]) == ("Nguyễn Trung", "Trực")


def _text_layers(spec):
    for layer in spec.get("layer", []):
        if "layer" in layer:
            yield from _text_layers(layer)
        elif (layer.get("mark", {}).get("type") if isinstance(layer.get("mark"), dict)
              else layer.get("mark")) == "text":
            yield layer


def test_the_ranking_shows_rank_total_and_name_first(app_for, db, committee):
    """On a phone a table shows its first ~350 px: «Hạng», «Tổng điểm», «Đơn vị» (it
    showed «Hạng» and «Đơn vị» only, the name column taking the rest)."""
    build_week(db)
    at = open_page(app_for, committee, "committee_commendations.py")
    ranking = next(d for d in at.dataframe if texts.COMMEND_COL_RANK in d.value.columns)
    assert list(ranking.value.columns[:3]) == [texts.COMMEND_COL_RANK,
                                               texts.COMMEND_COL_TOTAL, texts.COL_UNIT]
