"""When the live dashboard is recomputed and when each viewer refreshes: both on the wall
clock (issue 23, the lead's decision).

Why aligned: with viewers refreshing on their own timers at random phases and at most one
recompute per refresh period P, a write can wait P for the recompute and then P for a
viewer's tick (2P; measured: 30.5 s beyond one period). Aligned, a write at any moment of
[kP, (k+1)P) is in the view recomputed at (k+1)P, and every viewer refreshes between
(k+1)P + R and (k+1)P + R + S: seen within P + R + S plus the refresh itself, with R + S <= 4 s.

- A view's recompute starts only at a multiple of P (epoch seconds), at most once per
  period, only when what it shows changed (db/live_figures).
- A viewer refreshes at kP + R + its own offset in [0, S): the 300 refreshes of a period are
  spread over S seconds instead of landing at once; R is the recompute's budget (measured at
  city scale with 2 writes/s: see docs/benchmarks.md), and a viewer whose refresh still
  finds the recompute running waits for it a little (WAIT_S) rather than show the old view.

- Each database file (one organiser, issue 24) has its own phase in [0, P): a server
  hosting 126 wards does not recompute 126 views, nor refresh all their viewers, in the
  same few seconds of every period; one organiser's views and viewers share one phase.

Pure arithmetic, no clock of its own: callers pass `now` (epoch seconds)."""
import math
import zlib

# R: the dashboard's recompute after a period of 2 writes/s took 0.62-0.69 s at city scale
# (100 000 activities, the changed pictures redrawn by core/svg_worker; machine load ~10);
# WAIT_S covers a slower one
RECOMPUTE_BUDGET_S = 0.8
# S: the 300 refreshes of a period spread over 3.2 s (about 8 ms of server CPU each since
# a refresh reads no file: ~75 % of one core while they last)
SPREAD_S = 3.2
# R + S + MARGIN_S <= VISIBLE_EXTRA_S: a write just after an aligned time is seen by the
# last viewer of the spread at P + R + S + the time its refresh takes (and any lateness).
# With R + S = 5 s exactly (before), the worst viewer missed the target by construction.
MARGIN_S = 1.0
VISIBLE_EXTRA_S = 5.0  # the target: a write is seen within one period + 5 s
WAIT_S = 1.0  # a viewer's run waits this long at most for a recompute already running
# a viewer served the previous view while the recompute still ran looks again this soon,
# at most MAX_RETRIES times in a row (a recompute slower than R costs seconds, not a period)
RETRY_S = 1.0
MAX_RETRIES = 3
# ...and only until kP + phase + R + WAIT_PAST_BUDGET_S: a viewer refreshing at R + its
# offset then finishes within ~0.5 s of its time even when the recompute overruns (issue
# 24: no refresh more than 1 s late; the previous view, with its time, is shown instead)
WAIT_PAST_BUDGET_S = 0.5
MIN_GAP_FRACTION = 0.25  # a refresh never follows the previous one by less than P/4 (or 1 s)


def phase_of(name: str, period: float) -> float:
    """A stable phase in [0, period) for a database file (its path): the same in every
    process and run, different enough between organisers to spread them over the period."""
    return (zlib.crc32(str(name).encode("utf-8")) % 10_000) / 10_000 * period


def aligned_at_or_after(now: float, period: float, phase: float = 0.0) -> float:
    """The first kP + phase at or after `now`."""
    return math.ceil((now - phase) / period - 1e-9) * period + phase


def recompute_slot(now: float, period: float, last_started: float | None,
                   phase: float = 0.0) -> float:
    """When a recompute asked for at `now` may start: the first kP + phase at or after
    `now` that is later than the one the previous computation started in (at most one
    recompute per aligned period)."""
    slot = aligned_at_or_after(now, period, phase)
    if last_started is not None and slot <= math.floor(
            (last_started - phase) / period + 1e-9) * period + phase:
        slot += period
    return slot


def wait_deadline(slot: float) -> float:
    """Until when a viewer may wait for the recompute that started at the aligned time
    `slot` (db/live_figures): its budget R, then WAIT_PAST_BUDGET_S."""
    return slot + RECOMPUTE_BUDGET_S + WAIT_PAST_BUDGET_S


def budget_and_spread(period: float) -> tuple[float, float]:
    """(R, S) for this period: the constants, shrunk proportionally for a period shorter
    than R + S (a 5 s period refreshes within its own length)."""
    total = RECOMPUTE_BUDGET_S + SPREAD_S
    if period >= total:
        return RECOMPUTE_BUDGET_S, SPREAD_S
    scale = period / total
    return RECOMPUTE_BUDGET_S * scale, SPREAD_S * scale * 0.9


def offset_for(draw: float, period: float) -> float:
    """A viewer's offset in [0, S) from a uniform draw in [0, 1)."""
    _, spread = budget_and_spread(period)
    return min(max(draw, 0.0), 0.999999) * spread


def next_refresh(now: float, period: float, offset: float, phase: float = 0.0) -> float:
    """The viewer's next refresh: the first kP + phase + R + offset later than now + a
    minimal gap (a timer that fired a few milliseconds early must not refresh twice)."""
    budget, _ = budget_and_spread(period)
    gap = min(1.0, MIN_GAP_FRACTION * period)
    phase = phase + budget + offset
    k = math.floor((now + gap - phase) / period) + 1
    return k * period + phase


def interval_until(now: float, period: float, offset: float,
                   avoid: tuple = (), phase: float = 0.0) -> float:
    """Seconds from `now` to the viewer's next refresh, in milliseconds, never equal to a
    value in `avoid`: Streamlit's frontend ignores an auto-rerun interval equal to the one
    it runs already (components/aligned_refresh.py), which would leave the old phase."""
    interval = round(next_refresh(now, period, offset, phase) - now, 3)
    while any(abs(interval - a) < 5e-4 for a in avoid):
        interval = round(interval + 0.001, 3)
    return interval


def retry_interval(avoid: tuple = ()) -> float:
    """RETRY_S, never equal to a value in `avoid` (see interval_until)."""
    interval = RETRY_S
    while any(abs(interval - a) < 5e-4 for a in avoid):
        interval = round(interval + 0.001, 3)
    return interval
