"""Issue 23: the dashboard's shared view is recomputed at most once per refresh period,
only when something it shows changed, and only the pictures whose rows changed are
redrawn (db/live_figures.py, core/chart_images.py)."""
import threading

import pytest

from core import chart_images
from db import Actor, connect, live_figures, users
from db.audit import AuditEvent
from db import audit
from db.connection import write_transaction
from tests.stats_fixture import add_activity, add_propaganda, build_week
from tests.test_committee_pages import metrics, open_page


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


class Scheduled(list):
    """schedule(delay, fn) of a ThrottledViews, run when the test says so."""

    def __call__(self, delay, fn):
        self.append((delay, fn))

    def run_all(self):
        while self:
            self.pop(0)[1]()


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def scheduled():
    return Scheduled()


@pytest.fixture
def views(monkeypatch, clock, scheduled):
    """The process's views, on the test's clock and scheduler. The real views are emptied
    first: a recompute that an earlier test's page scheduled on a real timer would
    otherwise fire during this test and draw pictures into its counts (seen in the full
    suite: 15 drawn against 9); an evicted view's recompute does nothing."""
    live_figures.VIEWS.clear()
    throttled = live_figures.ThrottledViews(clock=clock, schedule=scheduled)
    monkeypatch.setattr(live_figures, "VIEWS", throttled)
    # the temporary file's own phase would move every aligned time of these tests: they
    # state times as multiples of the period (the phase has tests of its own)
    monkeypatch.setattr(live_figures.aligned_refresh, "phase_of", lambda name, period: 0.0)
    return throttled


@pytest.fixture
def week(db):
    return build_week(db)


def counting_build(db_path):
    calls = []

    def build(own):
        calls.append(1)
        return own.execute("select count(*) from activities where deleted = 0").fetchone()[0]
    return build, calls


def test_a_sign_in_and_an_audit_row_change_nothing_the_dashboard_shows(db, week, committee):
    before = live_figures.fingerprint(db)
    creds = users.credentials(db)
    users.record_login_outcome(db, users.failure_counts(creds), creds, committee.username)
    users.record_refused_login(db, "ai.do", "locked")
    with write_transaction(db):
        audit.record(db, committee, AuditEvent("export", "activities"))
    assert db.execute("select count(*) from audit_log where action = 'login'").fetchone()[0]
    assert live_figures.fingerprint(db) == before
    add_activity(db, week, "TH-VINHPHUC", "00006", "sports", "2020-10-03", 5)
    assert live_figures.fingerprint(db) != before  # an entry does


def test_a_sign_in_does_not_trigger_a_recompute(db_path, db, week, committee, views,
                                                clock, scheduled):
    build, calls = counting_build(db_path)
    live_figures.view(db, ("n",), build, 30)
    creds = users.credentials(db)
    users.record_login_outcome(db, users.failure_counts(creds), creds, committee.username)
    clock.now += 60
    live_figures.view(db, ("n",), build, 30)
    scheduled.run_all()  # the aligned check finds nothing the dashboard shows changed
    assert len(calls) == 1
    assert views.info()["hits"] == 1 and views.info()["recomputed"] == 0


def test_two_writes_within_one_period_cause_one_recompute(db_path, db, week, views, clock,
                                                          scheduled):
    build, calls = counting_build(db_path)
    first, stamp = live_figures.view(db, ("n",), build, 30)
    clock.now += 5
    add_activity(db, week, "TH-VINHPHUC", "00006", "sports", "2020-10-03", 5)
    # the previous view, with the time its figures were read, while the period runs
    assert live_figures.view(db, ("n",), build, 30) == (first, stamp)
    clock.now += 5
    other = connect(db_path)  # another process's write counts the same
    add_activity(other, week, "TH-VINHPHUC", "00006", "arts", "2020-10-04", 7)
    other.conn.close()
    assert live_figures.view(db, ("n",), build, 30) == (first, stamp)
    # one check, at the first multiple of the period after the computation (1000 -> 1020)
    assert len(scheduled) == 1 and scheduled[0][0] == pytest.approx(20)
    clock.now += 10
    scheduled.run_all()
    value, new_stamp = live_figures.view(db, ("n",), build, 30)
    assert value == first + 2 and new_stamp >= stamp
    assert len(calls) == 2  # one recompute for both writes
    assert [delay for delay, _ in scheduled] == [pytest.approx(30)]  # the next: at 1050


def test_a_write_after_a_quiet_period_is_recomputed_at_the_next_aligned_time(
        db_path, db, week, views, clock, scheduled):
    build, calls = counting_build(db_path)
    first, _ = live_figures.view(db, ("n",), build, 30)
    clock.now = 1020
    scheduled.run_all()  # nothing changed: nothing recomputed
    assert len(calls) == 1
    clock.now = 1045
    add_activity(db, week, "TH-VINHPHUC", "00006", "sports", "2020-10-03", 5)
    live_figures.view(db, ("n",), build, 30)
    assert [delay for delay, _ in scheduled] == [pytest.approx(5)]  # at 1050, not at once
    clock.now = 1050
    scheduled.run_all()
    assert live_figures.view(db, ("n",), build, 30)[0] == first + 1


def test_a_write_after_every_viewer_refreshed_is_in_the_next_aligned_recompute(
        db_path, db, week, views, clock, scheduled):
    """The 2P of issue 23: a write late in a period, after the viewers' refreshes of that
    period, must not wait for a viewer's next refresh to be noticed."""
    build, calls = counting_build(db_path)
    first, _ = live_figures.view(db, ("n",), build, 30)
    clock.now = 1020
    scheduled.run_all()
    clock.now = 1022.5  # the viewers' refreshes of this period (R + offset)
    live_figures.view(db, ("n",), build, 30)
    clock.now = 1040  # then a write, and no viewer asks before 1052
    add_activity(db, week, "TH-VINHPHUC", "00006", "sports", "2020-10-03", 5)
    clock.now = 1050
    scheduled.run_all()  # the check at 1050 the refresh at 1022.5 arranged
    assert len(calls) == 2
    clock.now = 1052
    assert live_figures.view(db, ("n",), build, 30)[0] == first + 1


def test_recomputes_start_only_at_multiples_of_the_period_at_most_once_each(
        db_path, db, week, views, clock, scheduled):
    build, calls = counting_build(db_path)
    due = [(clock.now + delay, fn) for delay, fn in scheduled]  # absolute times
    scheduled.clear()
    starts = []
    for second in range(1000, 1200):  # a write every 4 s, a viewer every second
        for at, fn in [d for d in due if d[0] <= second + 0.5]:
            due.remove((at, fn))
            clock.now = at
            starts.append(at)
            fn()
        clock.now = second + 0.5
        if second % 4 == 0:
            add_activity(db, week, "TH-VINHPHUC", "00006", "sports", "2020-10-03", 1)
        live_figures.view(db, ("n",), build, 30)
        due += [(clock.now + delay, fn) for delay, fn in scheduled]
        scheduled.clear()
    recomputes = len(calls) - 1
    assert starts and all(at % 30 == pytest.approx(0) for at in starts)
    assert len(starts) == len(set(starts))  # one check per aligned time
    assert recomputes == len(starts)  # every period had a write
    assert recomputes <= 200 / 30 + 1


def test_a_viewer_waits_briefly_for_the_recompute_under_way(db_path, db, week, views,
                                                            clock, scheduled):
    release = threading.Event()

    def slow(own):
        if views.info()["computed"]:  # the recompute, not the first computation
            release.wait(5)
        return own.execute("select count(*) from activities where deleted = 0").fetchone()[0]

    first, _ = live_figures.view(db, ("n",), slow, 30)
    add_activity(db, week, "TH-VINHPHUC", "00006", "sports", "2020-10-03", 5)
    clock.now = 1020
    (delay, tick), = scheduled
    worker = threading.Thread(target=tick)
    worker.start()
    threading.Timer(0.3, release.set).start()  # the recompute ends 0.3 s after the viewer asks
    while views.info()["checked"] == 0:
        pass
    assert live_figures.view(db, ("n",), slow, 30)[0] == first + 1  # not the old view
    worker.join(5)
    assert views.info()["waited"] == 1


def test_a_failed_recompute_keeps_the_previous_view(db_path, db, week, views, clock,
                                                    scheduled):
    good, _ = live_figures.view(db, ("n",), lambda own: "good", 30)
    clock.now = 1020
    scheduled.run_all()  # nothing changed yet
    add_activity(db, week, "TH-VINHPHUC", "00006", "sports", "2020-10-03", 5)
    clock.now = 1031

    def broken(own):
        raise RuntimeError("boom")

    live_figures.view(db, ("n",), broken, 30)
    clock.now = 1050
    scheduled.run_all()
    assert live_figures.view(db, ("n",), broken, 30)[0] == "good"
    assert views.info()["failed"] == 1
    assert scheduled and scheduled[0][0] == pytest.approx(30)  # retried a period later


def test_concurrent_first_viewers_compute_once(db_path, week, views):
    calls, results = [], []
    started = threading.Event()

    def slow(own):
        calls.append(1)
        started.wait(0.3)
        return "figures"

    def viewer():
        own = connect(db_path)
        results.append(live_figures.view(own, ("slow",), slow, 30)[0])
        own.conn.close()

    threads = [threading.Thread(target=viewer) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert results == ["figures"] * 6 and len(calls) == 1


def test_a_table_added_later_is_watched_from_the_next_start(db_path, db):
    from db.setup import prepare

    db.execute("create table later_figures (id integer primary key, n integer)")
    prepare(db_path).conn.close()
    before = live_figures.fingerprint(db)
    db.execute("insert into later_figures (n) values (1)")
    assert live_figures.fingerprint(db) != before


def test_a_restored_database_is_a_new_state(tmp_path, db_path, db, week):
    from db import backup

    before = live_figures.fingerprint(db)
    copy = tmp_path / "copy.db"
    backup.backup(db_path, copy)
    backup.restore(db_path, copy)
    after = live_figures.fingerprint(db)
    assert after[2] != before[2]  # a new epoch: never taken for the state before


# --- the page ---------------------------------------------------------------------------

@pytest.fixture
def pictures_counted():
    chart_images.clear_pictures()
    return chart_images.drawn


def test_only_the_pictures_whose_rows_changed_are_redrawn(app_for, db_path, db, admin,
                                                          committee, week, views, clock,
                                                          scheduled, pictures_counted):
    open_page(app_for, committee, "committee_dashboard.py")
    assert pictures_counted["drawn"] == 6
    # an activity of a unit that has reported already, on a day that had activities:
    # the map, the area x group grid and the per-day chart change; the propaganda
    # channels, the slogans and the tiers' reporting rates do not
    add_activity(db, week, "THCS-THANGLONG", "00007", "library", "2020-10-02", 10)
    clock.now += 31
    stale = open_page(app_for, committee, "committee_dashboard.py")
    assert metrics(stale)["Hoạt động"] == "4"  # the previous view until the recompute
    scheduled.run_all()
    at = open_page(app_for, committee, "committee_dashboard.py")
    assert metrics(at)["Hoạt động"] == "5"
    assert pictures_counted["drawn"] == 6 + 3
    assert pictures_counted["reused"] == 3


def test_a_sign_in_while_the_dashboard_is_open_recomputes_nothing(
        app_for, db, admin, committee, week, views, clock, scheduled, pictures_counted):
    open_page(app_for, committee, "committee_dashboard.py")
    computed = views.info()["computed"]
    creds = users.credentials(db)
    users.record_login_outcome(db, users.failure_counts(creds), creds, admin.username)
    clock.now += 120
    open_page(app_for, committee, "committee_dashboard.py")
    scheduled.run_all()  # the aligned checks find nothing shown changed
    assert views.info()["computed"] == computed and views.info()["recomputed"] == 0
    assert pictures_counted["drawn"] == 6


def test_filters_and_the_interactive_view_follow_the_same_rule(
        app_for, db, admin, committee, week, views, clock, scheduled):
    ward, interactive = {"dash_ward": "00007"}, {"dash_interactive_kept": True}
    before = metrics(open_page(app_for, committee, "committee_dashboard.py", ward))
    open_page(app_for, committee, "committee_dashboard.py", interactive)
    shown = views.info()["size"]  # the views the pages asked for (the years' included)
    add_propaganda(db, week, "THCS-THANGLONG", "00007", "banner", 3, "2020-10-03", [1])
    add_propaganda(db, week, "THCS-THANGLONG", "00007", "banner", 2, "2020-10-04", [2])
    clock.now += 31
    for _ in range(2):
        for state in (ward, interactive):
            open_page(app_for, committee, "committee_dashboard.py", state)
    # one recompute per view for the two writes and the eight page runs
    assert 2 <= len(scheduled) <= shown
    scheduled.run_all()
    assert views.info()["recomputed"] <= shown  # at most once each
    after = metrics(open_page(app_for, committee, "committee_dashboard.py", ward))
    assert int(after["Lượt tuyên truyền"]) == int(before["Lượt tuyên truyền"]) + 2
    live = open_page(app_for, committee, "committee_dashboard.py", interactive)
    assert int(metrics(live)["Lượt tuyên truyền"]) >= int(after["Lượt tuyên truyền"])



def test_a_new_password_is_hashed_at_the_documented_cost(monkeypatch):
    from core import passwords

    monkeypatch.delenv("LLW_BCRYPT_ROUNDS", raising=False)
    hashed = passwords.hash_password("Học tập suốt đời 2020!")
    assert hashed.startswith(f"$2b${passwords.BCRYPT_ROUNDS:02d}$")
    assert passwords.BCRYPT_ROUNDS == 11  # README «Password hashing» says so
    assert passwords.verify_password("Học tập suốt đời 2020!", hashed)


def test_a_files_phase_moves_its_aligned_recompute(db_path, db, week, clock, scheduled,
                                                   monkeypatch):
    monkeypatch.setattr(live_figures, "VIEWS",
                        live_figures.ThrottledViews(clock=clock, schedule=scheduled))
    phase = live_figures.aligned_refresh.phase_of(live_figures.real_path(db_path), 30)
    build, calls = counting_build(db_path)
    live_figures.view(db, ("n",), build, 30)
    delay = scheduled[0][0]
    off = (clock.now + delay - phase) % 30
    assert min(off, 30 - off) < 1e-6  # at kP + the file's phase


def test_a_viewer_of_the_file_reads_nothing_and_sees_a_write_after_the_aligned_check(
        db_path, db, week, views, clock, scheduled, tmp_path):
    """view_of_file (the dashboard's refresh): no connection of the viewer's own; the
    check at the aligned time reads the counter once for every viewer."""
    import os

    build, calls = counting_build(db_path)
    first, _ = live_figures.view_of_file(db_path, ("n",), build, 30)
    moved = tmp_path / "moved-away.db"
    os.rename(db_path, moved)  # a viewer that opened the path would create an empty file
    try:
        assert live_figures.view_of_file(db_path, ("n",), build, 30)[0] == first
        assert not os.path.exists(db_path)
    finally:
        os.rename(moved, db_path)
    assert views.info()["served"] == 1
    add_activity(db, week, "TH-VINHPHUC", "00006", "sports", "2020-10-03", 5)
    clock.now = 1020
    scheduled.run_all()  # the one probe of this aligned time
    assert live_figures.view_of_file(db_path, ("n",), build, 30)[0] == first + 1
    assert len(calls) == 2


def test_a_viewer_served_while_the_recompute_overruns_is_told_to_look_again_soon(
        db_path, db, week, views, clock, scheduled):
    """A recompute slower than its budget: the viewer gets the previous view at once (its
    refresh is not late) and served_behind() says newer figures are seconds away, so the
    dashboard retries in a second instead of a whole period later (2P)."""
    release = threading.Event()
    views.wait = 0.05

    def slow(own):
        if views.info()["computed"]:
            release.wait(5)
        return own.execute("select count(*) from activities where deleted = 0").fetchone()[0]

    first, _ = live_figures.view_of_file(db_path, ("n",), slow, 30)
    assert live_figures.served_behind() is False
    add_activity(db, week, "TH-VINHPHUC", "00006", "sports", "2020-10-03", 5)
    clock.now = 1020
    (delay, tick), = scheduled
    worker = threading.Thread(target=tick)
    worker.start()
    try:
        while views.info()["checked"] == 0:
            pass
        assert live_figures.view_of_file(db_path, ("n",), slow, 30)[0] == first  # previous
        assert live_figures.served_behind() is True
    finally:
        release.set()
        worker.join(5)
    assert live_figures.view_of_file(db_path, ("n",), slow, 30)[0] == first + 1
    assert live_figures.served_behind() is False
