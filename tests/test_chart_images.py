"""The dashboard's pictures (core/chart_images.py): real SVG, user text kept as text,
nothing fetched, the Vietnamese number format."""
import base64
import xml.etree.ElementTree as ElementTree

from core import chart_images, charts

HOSTILE = '<script>alert(1)</script> "Phường" & <img src=x onerror=alert(2)>'


def tile_rows(name: str) -> list[dict]:
    by_ward = [{"code": "00001", "name": name, "activities": 12345, "participants": 0,
                "propaganda_items": 0, "reporting_units": 0, "units": 0},
               {"code": "00002", "name": "Trúc Bạch", "activities": 0, "participants": 0,
                "propaganda_items": 0, "reporting_units": 0, "units": 0}]
    grid = [{"code": "00001", "name": name, "grid_row": 0, "grid_col": 0},
            {"code": "00002", "name": "Trúc Bạch", "grid_row": 0, "grid_col": 1}]
    return charts.tile_rows(by_ward, grid)


def test_a_picture_is_well_formed_svg_with_the_text_escaped():
    svg = chart_images.svg(charts.titled(charts.ward_tile_map(
        tile_rows(HOSTILE), selectable=False), "Bản đồ 2 phường"))
    root = ElementTree.fromstring(svg)  # parses: the text did not break the markup
    assert root.tag.endswith("svg")
    words = " ".join(t.text or "" for t in root.iter() if t.tag.endswith("text"))
    assert "Bản đồ 2 phường" in words and "Trúc Bạch" in words
    assert "12.345" in words  # Vietnamese thousands separator
    assert "<script" not in svg and "<img" not in svg  # only as escaped text, if at all


def test_a_picture_fetches_nothing_and_becomes_a_data_url():
    svg = chart_images.svg(charts.tier_reporting_rate([
        {"tier": "mam_non", "schools": 4, "reporting_schools": 3}]))
    assert "href=" not in svg.replace('xmlns:xlink="http://www.w3.org/1999/xlink"', "")
    url = chart_images.data_url(svg)
    assert url.startswith("data:image/svg+xml;base64,")
    assert base64.b64decode(url.split(",", 1)[1]).decode() == svg


def test_pictures_are_drawn_in_a_worker_while_this_process_runs_on():
    """vl-convert holds the GIL while it draws: drawn here, the server's other threads
    (every viewer's refresh) stood still meanwhile. core/svg_worker draws in a process of
    its own; a spec vl-convert refuses still raises."""
    import threading
    import time

    import pytest

    from core import svg_worker
    from core.numbers import VEGA_NUMBER_LOCALE

    spec = chart_images.picture_spec(charts.tier_reporting_rate([
        {"tier": "mam_non", "schools": 4, "reporting_schools": 3}]))
    svg_worker.svg(spec, VEGA_NUMBER_LOCALE)  # the worker is started
    ticks, drawn = [], []
    workers = svg_worker.worker_pids()  # one, or two if an earlier test drew in parallel
    drawing = threading.Thread(target=lambda: drawn.append(
        svg_worker.svg(dict(spec, width=600), VEGA_NUMBER_LOCALE)))
    drawing.start()
    while drawing.is_alive():
        ticks.append(time.perf_counter())
        time.sleep(0.001)
    assert drawn and drawn[0].startswith("<svg")
    # drawn by a worker already running (none started, none of them this process)
    assert workers and __import__("os").getpid() not in workers
    assert svg_worker.worker_pids() == workers
    assert len(ticks) >= 3  # this thread ran while the picture was drawn
    with pytest.raises(ValueError):
        svg_worker.svg({"mark": "no-such-mark"}, VEGA_NUMBER_LOCALE)
    assert svg_worker.svg(spec, VEGA_NUMBER_LOCALE).startswith("<svg")  # still serving


def test_two_pictures_are_drawn_at_once_by_two_workers():
    """Issue 24: a city's server draws ~6 pictures per organiser opened or recomputed; two
    worker processes draw two pictures at once (one drew them one after the other)."""
    import threading

    from core import svg_worker
    from core.numbers import VEGA_NUMBER_LOCALE

    spec = chart_images.picture_spec(charts.tier_reporting_rate([
        {"tier": "mam_non", "schools": 4, "reporting_schools": 3}]))
    inside, most, lock = [0], [0], threading.Lock()
    real_ask = svg_worker._ask

    def ask(proc, payload):  # counts the pictures being drawn at the same moment
        with lock:
            inside[0] += 1
            most[0] = max(most[0], inside[0])
        try:
            return real_ask(proc, payload)
        finally:
            with lock:
                inside[0] -= 1

    svg_worker._ask = ask
    try:
        drawn = []
        threads = [threading.Thread(target=lambda w=w: drawn.append(svg_worker.svg(
            dict(spec, width=300 + w), VEGA_NUMBER_LOCALE))) for w in range(6)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
    finally:
        svg_worker._ask = real_ask
    assert len(drawn) == 6 and all(d.startswith("<svg") for d in drawn)
    assert most[0] == svg_worker.WORKERS == 2  # two at once, never more
    assert len(svg_worker.worker_pids()) == 2
