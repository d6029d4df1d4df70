"""Issue 24: a server hosting a city's wards recomputes its shared views on ONE background
thread (db/live_figures.RecomputeQueue), one at a time, after the first computations
under way; at most FIRSTS_AT_ONCE first computations run at once; a viewer never waits
for a recompute past its deadline (core/aligned_refresh.wait_deadline). The clocks are
the tests' own where time matters."""
import threading
import time

import pytest

from core import aligned_refresh
from db import connect, live_figures
from tests.stats_fixture import add_activity, build_week


class Clock:
    def __init__(self, now=1000.0):
        self.now = now

    def __call__(self):
        return self.now


def wait_until(condition, timeout=10.0):
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.005)


def test_the_queue_runs_its_jobs_one_at_a_time_in_the_order_of_their_times():
    queue = live_figures.RecomputeQueue()
    order, running, most, lock = [], [0], [0], threading.Lock()
    done = threading.Event()

    def job(name, last=False):
        def run():
            with lock:
                running[0] += 1
                most[0] = max(most[0], running[0])
            time.sleep(0.05)  # long enough for a second thread to start one meanwhile
            with lock:
                running[0] -= 1
                order.append(name)
            if last:
                done.set()
        return run

    queue(0.30, job("c", last=True))
    queue(0.10, job("b"))
    queue(0.0, job("a"))
    queue(0.0, job("a2"))
    assert done.wait(10)
    assert order == ["a", "a2", "b", "c"]
    assert most[0] == 1  # never two recomputes at once (a timer per view ran them together)


def test_a_recompute_waits_for_a_first_computation_under_way():
    """A viewer opening a view nobody has opened waits for it: the recompute (whose
    viewers have the previous copy) goes after it."""
    views = live_figures.ThrottledViews()
    release, events = threading.Event(), []

    def first():
        events.append("first began")
        release.wait(5)
        events.append("first ended")
        return (), "value"

    opener = threading.Thread(target=lambda: views._first(("k",), live_figures._View(),
                                                          first))
    opener.start()
    wait_until(lambda: events == ["first began"])
    views.schedule(0.0, lambda: events.append("recompute"))
    time.sleep(0.3)
    assert events == ["first began"]  # due, but held back
    release.set()
    wait_until(lambda: "recompute" in events)
    opener.join(5)
    assert events == ["first began", "first ended", "recompute"]


def test_a_recompute_is_held_back_by_first_computations_for_a_bounded_time(monkeypatch):
    views = live_figures.ThrottledViews()
    monkeypatch.setattr(live_figures.RecomputeQueue, "FIRSTS_WAIT_S", 0.2)
    with views.lock:
        views.firsts = 1  # a first computation that never ends
    ran = threading.Event()
    views.schedule(0.0, ran.set)
    assert ran.wait(5)  # the figures of the views already open still move on


def test_at_most_two_first_computations_at_once_and_a_nested_one_takes_no_turn(
        db_path, monkeypatch):
    """127 organisers opened in one period were 127 threads building charts under one
    GIL. A view computed inside another's computation (the dashboard's years table) does
    not wait for a turn its caller holds."""
    build_week(connect(db_path))
    views = live_figures.ThrottledViews(schedule=lambda delay, fn: None)
    monkeypatch.setattr(live_figures, "VIEWS", views)
    running, most, lock = [0], [0], threading.Lock()

    def build(own):
        with lock:
            running[0] += 1
            most[0] = max(most[0], running[0])
        time.sleep(0.1)
        inner = live_figures.view_of_file(db_path, ("inner", threading.get_ident()),
                                          lambda o: "inner", 30)[0]
        with lock:
            running[0] -= 1
        return inner

    results = []
    threads = [threading.Thread(target=lambda i=i: results.append(
        live_figures.view_of_file(db_path, ("outer", i), build, 30)[0])) for i in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert results == ["inner"] * 6
    assert most[0] == live_figures.FIRSTS_AT_ONCE == 2
    assert views.info()["computed"] == 12  # six outer views, six inner ones


def test_a_viewer_does_not_wait_for_a_recompute_past_its_deadline(db_path, monkeypatch):
    """The aligned recompute started at `slot`; a viewer refreshing after
    slot + R + WAIT_PAST_BUDGET_S gets the previous view at once (a wait of WAIT_S would
    make its refresh more than 1 s late), one before it waits as issue 23 wants."""
    db = connect(db_path)
    week = build_week(db)
    clock = Clock(1000.0)
    jobs = []
    views = live_figures.ThrottledViews(clock=clock, schedule=lambda d, fn: jobs.append(fn))
    monkeypatch.setattr(live_figures, "VIEWS", views)
    monkeypatch.setattr(live_figures.aligned_refresh, "phase_of", lambda name, period: 0.0)
    release = threading.Event()

    def build(own):
        if views.info()["computed"]:  # the recompute, not the first computation
            release.wait(10)
        return own.execute("select count(*) from activities where deleted = 0").fetchone()[0]

    first, _ = live_figures.view_of_file(db_path, ("n",), build, 30)
    add_activity(db, week, "TH-VINHPHUC", "00006", "sports", "2020-10-03", 5)
    clock.now = 1020.0  # the aligned time (a multiple of 30 after the first computation)
    worker = threading.Thread(target=jobs.pop())
    worker.start()
    wait_until(lambda: views.info()["checked"] == 1)
    clock.now = 1020.0 + aligned_refresh.RECOMPUTE_BUDGET_S \
        + aligned_refresh.WAIT_PAST_BUDGET_S + 0.01
    began = time.perf_counter()
    assert live_figures.view_of_file(db_path, ("n",), build, 30)[0] == first  # previous
    assert time.perf_counter() - began < 0.5  # not the WAIT_S of 1 s
    release.set()
    worker.join(10)
    assert live_figures.view_of_file(db_path, ("n",), build, 30)[0] == first + 1
    db.conn.close()


def test_the_deadline_of_a_recompute_is_its_budget_and_half_a_second():
    assert aligned_refresh.wait_deadline(1020.0) == pytest.approx(
        1020.0 + aligned_refresh.RECOMPUTE_BUDGET_S + 0.5)
    clock = Clock(1000.0)
    running = live_figures._Running(clock, 1000.2)
    began = time.perf_counter()
    assert running.wait(5) is False  # ends by its deadline on the views' clock
    assert time.perf_counter() - began < 1.0
    clock.now = 1001.0
    running.set()
    assert running.wait(5) is True
