"""Issue 14: the feed and the 'previous day' read indexes; the figures' fingerprint
(issue 23, db/live_figures.py) ignores reading the cookie key and watches any path. The
shared views themselves: tests/test_live_figures.py."""
import pytest

from db import connect, stats
from tests.stats_fixture import add_activity, build_week


@pytest.fixture
def week(db):
    return build_week(db)


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


def test_reading_the_stored_cookie_key_does_not_change_the_figures(db):
    """app.py asks for the cookie key on every run: that must not count as a change of
    what the dashboard shows, or every page opened anywhere would make every dashboard
    compute its figures again."""
    from db import live_figures, settings

    if hasattr(settings, "cookie_key"):
        key = lambda: settings.cookie_key(db)  # noqa: E731
    else:
        key = lambda: settings.get_or_create_secret(db, "cookie_key")  # noqa: E731
    first = key()
    version = live_figures.fingerprint(db)
    assert key() == first
    assert live_figures.fingerprint(db) == version


def test_a_database_path_with_spaces_and_hashes_is_watched(tmp_path):
    from db import live_figures
    from db.setup import prepare

    path = tmp_path / "Sở GD #1 ?.db"
    db = prepare(path)
    try:
        before = live_figures.fingerprint(db)
        other = connect(path)
        other.execute("insert into settings (key, value) values ('x', '1')")
        other.conn.close()
        assert live_figures.fingerprint(db) != before
    finally:
        db.conn.close()
