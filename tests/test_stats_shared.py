"""Issue 14: the dashboard's figures are shared by every viewer (a cache keyed by the
database's data version, bounded), and the feed and the 'previous day' read indexes."""
import threading
import time

import pytest

from db import connect, stats
from tests.stats_fixture import add_activity, build_week


@pytest.fixture
def week(db):
    stats.clear_shared_cache()
    return build_week(db)


def counted(fn):
    calls = []

    def compute():
        calls.append(1)
        return fn()
    return compute, calls


def test_unchanged_data_is_a_cache_hit(db, week):
    compute, calls = counted(lambda: stats.summary(db, week))
    first = stats.shared(db, ("summary", week), compute)
    second = stats.shared(db, ("summary", week), compute)
    assert len(calls) == 1 and second is first
    assert stats.shared_cache_info()["hits"] == 1


def test_a_write_by_another_connection_is_a_miss(db_path, db, week):
    compute, calls = counted(lambda: stats.summary(db, week)["totals"]["activities"])
    before = stats.shared(db, ("n", week), compute)
    other = connect(db_path)
    add_activity(other, week, "TH-VINHPHUC", "00006", "sports", "2020-10-03", 5)
    other.conn.close()
    after = stats.shared(db, ("n", week), compute)
    assert len(calls) == 2 and after == before + 1


def test_a_write_through_the_same_connection_is_a_miss(db, week):
    compute, calls = counted(lambda: stats.summary(db, week)["totals"]["activities"])
    before = stats.shared(db, ("n", week), compute)
    add_activity(db, week, "TH-VINHPHUC", "00006", "sports", "2020-10-03", 5)
    assert stats.shared(db, ("n", week), compute) == before + 1 and len(calls) == 2


def test_other_filters_are_other_entries(db, week):
    compute, calls = counted(lambda: 1)
    stats.shared(db, ("dash", week, ("ward", "00004")), compute)
    stats.shared(db, ("dash", week, ("ward", "00006")), compute)
    stats.shared(db, ("dash", week, ("ward", "00004")), compute)
    assert len(calls) == 2


def test_concurrent_viewers_of_a_missing_entry_compute_it_once(db_path, week):
    calls = []

    def slow():
        calls.append(1)
        time.sleep(0.2)
        return "figures"

    results = []

    def viewer():
        own = connect(db_path)
        results.append(stats.shared(own, ("slow", week), slow))
        own.conn.close()

    threads = [threading.Thread(target=viewer) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert results == ["figures"] * 8 and len(calls) == 1


def test_a_failed_computation_is_not_cached_and_frees_the_waiters(db, week):
    def broken():
        raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        stats.shared(db, ("broken", week), broken)
    assert stats.shared(db, ("broken", week), lambda: "ok") == "ok"


def test_the_cache_is_bounded(db, week):
    for n in range(stats.SHARED_CACHE_SIZE + 10):
        stats.shared(db, ("bound", n), lambda: n)
    info = stats.shared_cache_info()
    assert info["size"] == stats.SHARED_CACHE_SIZE == info["bound"]
    compute, calls = counted(lambda: 0)
    stats.shared(db, ("bound", 0), compute)  # the oldest was evicted
    assert len(calls) == 1


def plans_of(db, call):
    """EXPLAIN QUERY PLAN of every statement `call` runs on db."""
    statements = []
    db.conn.set_trace_callback(statements.append)
    try:
        call()
    finally:
        db.conn.set_trace_callback(None)
    return {sql: [row[3] for row in db.execute("explain query plan " + sql).fetchall()]
            for sql in statements if sql.lstrip().lower().startswith(("select", "with"))}


def assert_no_scan_of_entries(plans):
    assert plans
    for sql, plan in plans.items():
        scans = [step for step in plan if step.startswith("SCAN")
                 and any(t in step for t in ("activities", "propaganda", " a", " p"))]
        assert not scans, (sql, plan)


@pytest.mark.parametrize("filters", [{}, {"ward": "00004"}, {"kind": "school"},
                                     {"tier": "thpt", "day_from": "2020-10-02"}])
def test_the_feed_reads_an_index_newest_first(db, week, filters):
    assert_no_scan_of_entries(plans_of(db, lambda: stats.latest_entries(db, week,
                                                                         **filters)))
    for plan in plans_of(db, lambda: stats.latest_entries(db, week, **filters)).values():
        assert not any("TEMP B-TREE FOR ORDER BY" in step for step in plan), plan


def test_the_feed_is_newest_first_under_a_filter(db, week):
    add_activity(db, week, "TH-VINHPHUC", "00006", "sports", "2020-10-03", 5,
                 created_at="2020-10-08T09:00:00+07:00", title="Mới nhất")
    feed = stats.latest_entries(db, week, limit=3, ward="00006")
    assert feed[0]["title"] == "Mới nhất"
    assert all(r["ward_code"] == "00006" for r in feed)
    stamps = [r["created_at"] for r in stats.latest_entries(db, week, limit=20)]
    assert stamps == sorted(stamps, reverse=True)


def test_the_previous_day_reads_an_index(db, week):
    plans = plans_of(db, lambda: stats.last_entry_day(db, week))
    assert_no_scan_of_entries(plans)
    # a max() along (event_id, created_at): not every row of the event (the old plan
    # searched (event_id, ward_code) and read all 100 000 rows)
    steps = [s for plan in plans.values() for s in plan if "activities" in s
             or "propaganda" in s]
    assert len(steps) == 2 and all("_event_created" in s for s in steps), steps
    add_activity(db, week, "TH-VINHPHUC", "00006", "sports", "2020-10-03", 5,
                 created_at="2020-10-09T09:00:00+07:00", deleted=1)
    assert stats.last_entry_day(db, week) == "2020-10-09"  # any entry, even withdrawn


def test_reading_the_stored_cookie_key_does_not_change_the_data_version(db):
    """app.py asks for the cookie key on every run: that must not count as a write, or
    every page opened anywhere would make every dashboard compute its figures again."""
    from db import settings

    # the call app.py makes (settings.cookie_key where the key lives beside the database)
    if hasattr(settings, "cookie_key"):
        key = lambda: settings.cookie_key(db)  # noqa: E731
    else:
        key = lambda: settings.get_or_create_secret(db, "cookie_key")  # noqa: E731
    first = key()
    version = stats.data_version(db)
    assert key() == first
    assert stats.data_version(db) == version


def test_a_database_path_with_spaces_and_hashes_is_watched(tmp_path):
    from db.setup import prepare

    path = tmp_path / "Sở GD #1 ?.db"
    db = prepare(path)
    try:
        before = stats.data_version(db)
        other = connect(path)
        other.execute("insert into settings (key, value) values ('x', '1')")
        other.conn.close()
        assert stats.data_version(db) != before
    finally:
        db.conn.close()
