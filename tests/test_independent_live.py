"""The arithmetic of bench/independent_live.py (issue 23's independent run): no server."""
import importlib.util
from pathlib import Path

import pytest

_spec = importlib.util.spec_from_file_location(
    "independent_live", Path(__file__).resolve().parents[1] / "bench" / "independent_live.py")
il = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(il)

INF = float("inf")


def test_the_figure_is_read_with_vietnamese_thousands():
    assert il.parse_count("100.003") == 100003
    assert il.parse_count("94.076") == 94076
    assert il.parse_count("") is None and il.parse_count(None) is None


def test_proc_stat_with_a_command_name_holding_spaces_and_parentheses():
    # pid (comm) state ppid ... field 14-17: utime stime cutime cstime
    rest = " ".join(["S", "41"] + ["0"] * 9 + ["100", "20", "3", "4"] + ["0"] * 5)
    ppid, ticks = il.stat_ticks(f"77 (python3 (x) y) {rest}")
    assert (ppid, ticks) == (41, 127)


def test_the_server_tree_counts_children_and_grandchildren_only():
    table = {10: (1, 100), 11: (10, 5), 12: (11, 7), 20: (1, 1000), 21: (20, 3)}
    assert il.tree_ticks(10, table) == 112
    assert il.tree_ticks(11, table) == 12


def obs(t, v):
    return {"t": t, "v": v, "c": "Cập nhật lúc"}


def test_a_write_is_seen_when_the_figure_reaches_its_total_not_before_the_write():
    writes = [{"t": 100.0, "total": 11}, {"t": 102.0, "total": 12}]
    page = [obs(90, "10"), obs(99, "11"), obs(131, "12")]
    # a figure shown before the write (another writer's) does not count: the write of 100
    # is seen at 131, the first figure >= 11 after it; the write of 102 too
    seen = il.seen_delays(writes, page, end=200, need_s=40)
    assert seen["delays"] == [31.0, 29.0] and seen["unseen"] == 0


def test_a_write_never_shown_is_infinite_unless_too_late_to_judge():
    writes = [{"t": 100.0, "total": 11}, {"t": 190.0, "total": 12}]
    seen = il.seen_delays(writes, [obs(90, "10")], end=200, need_s=40)
    assert seen["delays"] == [INF] and seen["unseen"] == 1 and seen["unjudged"] == 1


def test_refresh_lateness_follows_the_frontend_timer():
    spans = [(0.0, 100.0)]
    events = [{"t": 0.0, "kind": "timer", "interval": 30.0},
              {"t": 10.0, "kind": "timer", "interval": 30.0},  # the same: ignored
              {"t": 30.4, "kind": "timer", "interval": 29.6},  # the run fired at 30
              {"t": 30.5, "kind": "done"},
              {"t": 62.0, "kind": "done"},  # the timer of 29.6 fired at 60.0
              {"t": 62.1, "kind": "timer", "interval": 28.0}]
    late = il.refresh_lateness(events, spans)
    # fired at 30.0 (done 30.5), at 60.0 (done 62.0), at 90.1 (never done: infinite)
    assert late[:2] == pytest.approx([0.5, 2.0]) and late[2] == INF and len(late) == 3


def test_extra_cpu_per_write_subtracts_the_rate_without_writes():
    a = {"cpu_s": 10.0, "wall_s": 50.0, "writes": 20}
    b = {"cpu_s": 5.0, "wall_s": 50.0, "writes": 0}
    assert il.extra_cpu_per_write([(a, b)]) == [pytest.approx(0.25)]
    assert il.extra_cpu_per_write([(dict(a, writes=0), b)]) == []


def test_verdicts_are_as_measured():
    assert il.verdict(3.0, 3.0) == "MET"
    assert il.verdict(3.01, 3.0) == "MISSED"
    assert il.verdict(INF, 3.0) == "MISSED"
    assert il.verdict(None, 3.0) == "NOT MEASURED"


def test_windows_alternate_with_writes_only_in_a():
    windows = il.schedule(1000.0, 2, 40.0, 35.0)
    assert [w["kind"] for w in windows] == ["A", "B", "A", "B"]
    assert windows[0]["write_end"] == 1040.0 and windows[1]["write_end"] == 1075.0
    assert windows[-1]["end"] == 1300.0
