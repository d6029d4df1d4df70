"""Issue 23: two dashboards opened seconds apart in real Chromium refresh on the wall
clock — at kP + R + their own offset in [0, S) — not P after each one was opened
(components/aligned_refresh.py moves Streamlit 1.67's fragment timer there)."""
import os
import time

import pytest
from streamlit.proto.BackMsg_pb2 import BackMsg

from core import aligned_refresh
from tests.browser.conftest import login
from tests.conftest import PASSWORD, make_user
from tests.stats_fixture import build_week

pytestmark = pytest.mark.browser
PERIOD = 10
EARLY, LATE = 0.4, 0.8  # the browser's timer and Playwright's report of a sent frame


def prepare(db):
    make_user(db, "quan.tri", "admin")  # without an admin the app shows its first run
    make_user(db, "ban.chi.dao", "committee")
    build_week(db)
    db.execute("update events set refresh_seconds = ?", [PERIOD])


# every frame the page sends, with the browser's own clock (Playwright's events reach
# Python only when the test calls into Playwright: their arrival time says nothing)
RECORD_SENDS = """
window.__sent = [];
const send = WebSocket.prototype.send;
WebSocket.prototype.send = function (data) {
  const bytes = data instanceof ArrayBuffer ? new Uint8Array(data)
    : ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
    : null;
  if (bytes) window.__sent.push([Date.now() / 1000, Array.from(bytes)]);
  return send.call(this, data);
};
"""


def auto_reruns(page) -> list[float]:
    """Wall times at which the page asked for its fragment on its own timer."""
    times = []
    for at, data in page.evaluate("window.__sent"):
        msg = BackMsg()
        try:
            msg.ParseFromString(bytes(data))
        except Exception:  # noqa: BLE001 - not a BackMsg
            continue
        if msg.WhichOneof("type") == "rerun_script" and msg.rerun_script.is_auto_rerun \
                and msg.rerun_script.fragment_id:
            times.append(at)
    return times


def wait_for_phase(phase: float) -> None:
    """Sleep until the wall clock is `phase` seconds into a period."""
    now = time.time()
    time.sleep((phase - now % PERIOD) % PERIOD)


def test_two_dashboards_opened_apart_refresh_within_the_spread_of_the_aligned_time(
        server, browser):
    budget, spread = aligned_refresh.budget_and_spread(PERIOD)
    # the server's database file has its own phase on the wall clock (one per organiser)
    shift = aligned_refresh.phase_of(os.path.realpath(server.db_path), PERIOD)
    pages = []
    # opened where their own timers would put them far from kP + R: 7 s and 9 s into a
    # period (R = 1 s, S = 4 s for a 10 s period)
    for phase in (7.0, 9.0):
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        context.add_init_script(RECORD_SENDS)
        page = context.new_page()
        login(page, server.url, "ban.chi.dao", PASSWORD)  # lands on the dashboard
        nav = page.locator('[data-testid="stSidebarNav"]')
        nav.get_by_role("link", name="Tài khoản", exact=True).click()  # away: its timer is cleared
        page.get_by_text("Cập nhật lúc").wait_for(state="detached", timeout=30_000)
        wait_for_phase((shift + phase) % PERIOD)  # back, at the chosen moment
        nav.get_by_role("link", name="Bảng theo dõi trực tiếp", exact=True).click()
        page.get_by_text("Cập nhật lúc").first.wait_for(timeout=30_000)
        pages.append(page)
    time.sleep(3 * PERIOD)
    sent = [auto_reruns(page) for page in pages]
    for page in pages:
        page.context.close()
    for times in sent:
        assert len(times) >= 2, times
        for at in times:
            into = (at - shift - budget) % PERIOD  # seconds after this period's kP + R
            assert into <= spread + LATE or into >= PERIOD - EARLY, (at, into)
    # the same aligned periods, within the spread of each other
    period_of = lambda t: round((t - shift - budget - spread / 2) / PERIOD)  # noqa: E731
    first = {period_of(t): t for t in sent[0]}
    second = {period_of(t): t for t in sent[1]}
    common = set(first) & set(second)
    assert len(common) >= 2, (sent, [t % PERIOD for t in sent[0] + sent[1]])
    assert all(abs(first[k] - second[k]) <= spread + LATE for k in common)
