"""Issue 23: the timing arithmetic that puts the dashboard's recomputes and its viewers'
refreshes on the wall clock (core/aligned_refresh.py)."""
import random

import pytest

from core import aligned_refresh as ar

P = 30.0


def test_the_budget_and_the_spread_keep_a_write_within_one_period_and_5_s():
    budget, spread = ar.budget_and_spread(P)
    assert budget > 0 and spread > 0
    # the last viewer's refresh takes time and may be a little late: a margin is left
    assert budget + spread + ar.MARGIN_S <= ar.VISIBLE_EXTRA_S
    for period in (5, 6, 10, 3600):  # the settings page allows 5 .. 3600
        budget, spread = ar.budget_and_spread(period)
        assert 0 < budget + spread <= min(ar.VISIBLE_EXTRA_S, period)


def test_recompute_slots_are_multiples_of_the_period_at_most_one_each():
    assert ar.recompute_slot(1000.0, P, None) == 1020.0
    assert ar.recompute_slot(1020.0, P, None) == 1020.0  # exactly on time: that one
    # the first computation at 1000 was in the period [990, 1020): the next may be 1020
    assert ar.recompute_slot(1005.0, P, 1000.0) == 1020.0
    # a recompute at 1020 already: the next is 1050, even when asked at 1020 itself
    assert ar.recompute_slot(1020.0, P, 1020.0) == 1050.0
    assert ar.recompute_slot(1049.9, P, 1020.0) == 1050.0


def test_a_viewer_refreshes_at_a_multiple_plus_the_budget_plus_its_offset():
    budget, _ = ar.budget_and_spread(P)
    assert ar.next_refresh(1000.0, P, 0.7) == pytest.approx(1020 + budget + 0.7)
    # just after its refresh (a run takes a moment): the next period's
    assert ar.next_refresh(1020 + budget + 0.9, P, 0.7) == pytest.approx(1050 + budget + 0.7)


def test_a_timer_that_fires_a_little_early_does_not_refresh_twice():
    budget, _ = ar.budget_and_spread(P)
    due = 1050 + budget + 2.0
    assert ar.next_refresh(due - 0.05, P, 2.0) == pytest.approx(due + P)


def test_the_offsets_of_many_viewers_spread_over_the_spread():
    _, spread = ar.budget_and_spread(P)
    rng = random.Random(1)
    offsets = [ar.offset_for(rng.random(), P) for _ in range(300)]
    assert all(0 <= o < spread for o in offsets)
    quarters = [sum(1 for o in offsets if q * spread / 4 <= o < (q + 1) * spread / 4)
                for q in range(4)]
    assert min(quarters) > 50  # no quarter of the spread left empty or overloaded
    assert ar.offset_for(1.0, P) < spread and ar.offset_for(-0.1, P) == 0


def test_every_viewer_sees_a_write_within_one_period_and_5_s():
    """Simulated: writes at any moment, recomputes at the slots, viewers at their
    aligned refreshes: the worst wait is below P + R + S <= P + 5 s."""
    budget, spread = ar.budget_and_spread(P)
    rng = random.Random(7)
    offsets = [ar.offset_for(rng.random(), P) for _ in range(50)]
    worst = 0.0
    for _ in range(200):
        write = 1000 + rng.random() * 600
        recomputed = ar.recompute_slot(write, P, write - 0.001)
        for offset in offsets:
            # the viewer's first refresh after the recompute (asked a minimal gap before:
            # a refresh asks for its next one at its own time, a period earlier)
            refresh = ar.next_refresh(recomputed - min(1.0, ar.MIN_GAP_FRACTION * P), P,
                                      offset)
            if refresh < recomputed + budget:  # never before the recompute's budget
                refresh += P
            worst = max(worst, refresh - write)
    assert worst <= P + budget + spread + 1e-6
    assert worst <= P + ar.VISIBLE_EXTRA_S


def test_the_interval_sent_is_never_the_one_the_frontend_runs_already():
    budget, _ = ar.budget_and_spread(P)
    now = 1020 + budget + 1.0 - 30.0  # exactly one period before the refresh
    assert ar.interval_until(now, P, 1.0) == pytest.approx(30.0)
    # 30 is the decorator's run_every: the frontend would ignore it and keep its phase
    assert ar.interval_until(now, P, 1.0, avoid=(30.0,)) == pytest.approx(30.001)
    assert ar.interval_until(now, P, 1.0, avoid=(30.0, 30.001)) == pytest.approx(30.002)
    assert ar.interval_until(now + 0.2, P, 1.0) == pytest.approx(29.8)


def test_each_database_file_has_a_stable_phase_within_the_period():
    phases = {ar.phase_of(f"/srv/llw/org-phuong-{i}.db", 30) for i in range(126)}
    assert all(0 <= p < 30 for p in phases)
    assert len(phases) > 100  # 126 wards spread over the period, not one instant
    assert ar.phase_of("/srv/llw/llw.db", 30) == ar.phase_of(
        "/srv/llw/llw.db", 30)


def test_recompute_slots_and_refreshes_follow_the_files_phase():
    period, phase = 30, 7.25
    assert ar.recompute_slot(1000, period, None, phase) == 1027.25
    assert ar.recompute_slot(1028, period, 1027.25, phase) == 1057.25
    budget, _ = ar.budget_and_spread(period)
    assert ar.next_refresh(1027.3, period, 0.5, phase) == 1027.25 + budget + 0.5


def test_a_retry_is_soon_and_never_an_interval_the_frontend_would_ignore():
    assert ar.retry_interval() == ar.RETRY_S < ar.VISIBLE_EXTRA_S
    assert ar.retry_interval(avoid=(ar.RETRY_S,)) == pytest.approx(ar.RETRY_S + 0.001)
    assert ar.MAX_RETRIES * ar.RETRY_S <= ar.VISIBLE_EXTRA_S  # bounded extra refreshes
