"""The live view during a real week (issue 23): dashboards watched while entries are saved
and people sign in. Used by bench/run.py (`--only live`); every figure states its load.

Load, during EVERY test here: `--writes-per-s` entries (default 2/s) saved by a separate
process through db.entries.create_activity as sample school clerks (the clerk's own page
run is not in the server's figures; the dashboard's recompute it causes is), and
`--signins-per-s` sign-ins (default 1/s) replayed through the real login form of the
server (bench/wsclient.py: the form's values and its submit, the password checked at the
production bcrypt cost, core/passwords.BCRYPT_ROUNDS, whatever LLW_BCRYPT_ROUNDS says).

- viewers: N replayed dashboards (bench/dashboard_app.py, `?viewer=1`) arrive over one
  refresh period, then refresh on their own timer for `duration` seconds: the browser's
  timer, which the dashboard moves to the wall clock with each `auto_rerun` message and
  the replayed client restarts on each such message as the frontend does
  (bench/wsclient.py). Late: a refresh finished more than 1 s after its timer. Server CPU: /proc of the server process
  over the window. Seen: for each write and each viewer, the first refresh whose view was
  computed after the write (the «Cập nhật lúc HH:MM:SS» line: the time its figures were
  read, to the second; a write in the same second counts as not yet seen).
- browser: six headless Chromium pages through app.py's real login — five watching the
  dashboard, one signing in again and again (fresh context: no cookie), seconds from the
  click on «Đăng nhập» until the signed-in sidebar is drawn; meanwhile the same replayed
  sign-ins. A write's extra server CPU: windows with writes and windows without,
  interleaved (A B A B …), sign-ins in both; a window with writes is measured one refresh
  period and 5 s past its last write (the recompute those writes cause is its own); per
  pair (CPU with − the rate without × its length) / writes.
- signin_cpu: server CPU of one replayed sign-in, alone (no viewer, no write).
"""
import asyncio
import random
import shutil
import sqlite3
import statistics
import threading
import time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import bcrypt

LOCAL = ZoneInfo("Asia/Ho_Chi_Minh")
SIGNERS = 6  # accounts the replayed sign-ins cycle through
SIGNER_PASSWORD = "Đăng nhập thử 2020!"


def log(*parts):
    import sys

    print(*parts, file=sys.stderr, flush=True)


def pick(samples: list[float], q: float):
    if not samples:
        return None
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def spread(samples: list[float]) -> dict | None:
    if not samples:
        return None
    return {"min": min(samples), "median": statistics.median(samples), "max": max(samples),
            "runs": len(samples)}


# --- the database --------------------------------------------------------------------------

def scratch_copy(base: Path, workdir: Path, name: str) -> Path:
    """A copy of the city database for one test (its writes do not pile up in the base),
    with the sign-in accounts hashed at the production cost."""
    from core import passwords
    from db import Actor, connect, users

    path = workdir / name
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    src, dst = sqlite3.connect(base), sqlite3.connect(path)
    src.backup(dst)
    src.close()
    dst.close()
    db = connect(path)
    production = bcrypt.hashpw(passwords._prehash(SIGNER_PASSWORD),
                               bcrypt.gensalt(passwords.BCRYPT_ROUNDS)).decode()
    for n in range(SIGNERS):
        name_ = f"bench.signin{n}"
        if not users.get(db, name_):
            users.create_user(db, Actor.system("bench"), username=name_, name=f"Bench {name_}",
                              role="committee", password=SIGNER_PASSWORD, unit_code=None)
        db.execute("update users set password_hash = ? where username = ?",
                   [production, name_])
    db.conn.close()
    return path


def writer_units(path: Path, count: int = 200) -> tuple[int, list[int]]:
    from db import connect

    db = connect(path)
    event_id = db.execute("select id from events order by year desc").fetchone()[0]
    ids = [r[0] for r in db.execute(
        "select id from units u where kind = 'school' and active = 1 and not exists ("
        "select 1 from report_submissions r where r.unit_id = u.id and r.event_id = ?) "
        "limit ?", [event_id, count])]
    db.conn.close()
    return event_id, ids


class Writer(threading.Thread):
    """Saves an activity every 1/rate seconds (as a school's clerk) until stopped;
    `times` holds each save's commit (wall clock)."""

    def __init__(self, path: Path, rate: float):
        super().__init__(daemon=True, name="bench-writer")
        self.path, self.rate = path, rate
        self.event_id, self.units = writer_units(path)
        self.on = threading.Event()
        self.stopped = threading.Event()
        self.times: list[float] = []
        self.errors: list[str] = []

    def run(self):
        from db import Actor, connect, entries

        db = connect(self.path)
        rng = random.Random(23)
        days = [f"2020-10-0{d}" for d in range(2, 8)]
        next_at, i = time.monotonic(), 0
        while not self.stopped.is_set():
            next_at += 1 / self.rate
            self.stopped.wait(max(0.0, next_at - time.monotonic()))
            if self.stopped.is_set() or not self.on.is_set():
                continue
            unit = self.units[i % len(self.units)]
            i += 1
            try:
                entries.create_activity(db, Actor(None, f"bench-{unit}", "unit", unit),
                                        self.event_id, unit, {
                                            "type": rng.choice(["library", "sports", "arts"]),
                                            "title": f"Hoạt động đo tải {i}",
                                            "start_date": rng.choice(days),
                                            "format": "truc_tiep",
                                            "participants": str(rng.randint(5, 300))})
                self.times.append(time.time())
            except Exception as error:  # counted and reported
                self.errors.append(str(error)[:100])
        db.conn.close()

    def stop(self):
        self.stopped.set()
        self.join(10)


class SignIns:
    """Replayed sign-ins through the server's login form, `rate` per second, each a new
    session (no cookie); records each submit's round trip and whether it signed in."""

    def __init__(self, url: str, rate: float):
        self.url, self.rate = url, rate
        self.done: list[dict] = []
        self.tasks: set = set()
        self.on = True

    async def one(self, n: int):
        from wsclient import Session

        s = Session(self.url, "")
        try:
            await s.connect()
            await s.rerun()
            took = await s.sign_in(f"bench.signin{n % SIGNERS}", SIGNER_PASSWORD)
            ok = any("Đang đăng nhập" in c for c in s.captions) and not s.errors
            self.done.append({"at": time.time(), "s": took, "ok": ok})
        except Exception as error:  # noqa: BLE001 - counted as a failed sign-in
            self.done.append({"at": time.time(), "s": None, "ok": False,
                              "error": repr(error)[:100]})
        finally:
            await s.close()

    async def run(self, until: float):
        """Until time.monotonic() reaches `until` (or self.until, lowered to stop)."""
        self.until = until
        n, next_at = 0, time.monotonic()
        while time.monotonic() < self.until:
            if self.on:
                task = asyncio.create_task(self.one(n))
                self.tasks.add(task)
                task.add_done_callback(self.tasks.discard)
                n += 1
            next_at += 1 / self.rate
            await asyncio.sleep(max(0.0, next_at - time.monotonic()))
        await asyncio.gather(*list(self.tasks), return_exceptions=True)

    def summary(self, since: float = 0.0) -> dict:
        rows = [d for d in self.done if d["at"] >= since]
        times = [d["s"] for d in rows if d["s"] is not None]
        return {"count": len(rows), "failed": sum(1 for d in rows if not d["ok"]),
                "p50_s": pick(times, 0.5), "max_s": max(times) if times else None}


def own_cpu() -> float:
    import resource

    me = resource.getrusage(resource.RUSAGE_SELF)
    return me.ru_utime + me.ru_stime


def stamp_of(captions: list[str]) -> float | None:
    """Epoch seconds of the view a refresh showed («Cập nhật lúc HH:MM:SS», Hà Nội)."""
    import re

    for body in captions:
        found = re.search(r"Cập nhật lúc (\d\d):(\d\d):(\d\d)", body)
        if found:
            h, m, s = map(int, found.groups())
            today = datetime.now(LOCAL)
            return today.replace(hour=h, minute=m, second=s, microsecond=0).timestamp()
    return None


# --- viewers ---------------------------------------------------------------------------------

async def viewers_under_load(server, path: Path, count: int, duration: float,
                             writes_per_s: float, signins_per_s: float) -> dict:
    from wsclient import Session

    writer = Writer(path, writes_per_s)
    signins = SignIns(server.url, signins_per_s)
    refreshes: list[dict] = []  # {viewer, timer, done, lag, stamp}
    opened, failed, failures = [], 0, []
    interval = refresh_period(path)
    ramp_end = time.perf_counter() + interval + 5
    window_end = ramp_end + duration
    window: dict = {}

    async def viewer(i):
        nonlocal failed
        await asyncio.sleep(interval * i / count)  # arrive over one refresh period
        s = Session(server.url, "bang-theo-doi", query="viewer=1")
        try:
            await s.connect()
            opened.append(await s.rerun())
            fragment = next(iter(s.fragments))
            timer = time.perf_counter()
            while True:
                # when the browser's timer fires: restarted by every auto_rerun message
                # whose interval differs from the running one, as the frontend does
                timer = s.next_fire(fragment, timer)
                if timer > window_end:
                    break
                await asyncio.sleep(max(0, timer - time.perf_counter()))
                await s.rerun(fragment)
                done = time.perf_counter()
                refreshes.append({"viewer": i, "timer": timer, "lag": done - timer,
                                  "done_wall": time.time(), "stamp": stamp_of(s.captions),
                                  "in_window": ramp_end <= timer <= window_end})
        except Exception as error:  # noqa: BLE001 - counted, with what happened
            failed += 1
            failures.append(f"viewer {i}: {error!r}"[:200])
        finally:
            await s.close()

    async def measure_window():
        await asyncio.sleep(max(0, ramp_end - time.perf_counter()))
        window.update(cpu0=server.cpu(), wall0=time.time(), t0=time.perf_counter(),
                      me0=own_cpu())
        await asyncio.sleep(max(0, window_end - time.perf_counter()))
        window.update(cpu1=server.cpu(), wall1=time.time(), t1=time.perf_counter(),
                      me1=own_cpu())

    writer.on.set()
    writer.start()
    started = time.perf_counter()
    try:
        await asyncio.gather(signins.run(window_end), measure_window(),
                             *(viewer(i) for i in range(count)))
    finally:
        writer.stop()
    in_window = [r for r in refreshes if r["in_window"]]
    wall = window["t1"] - window["t0"]
    cpu = window["cpu1"] - window["cpu0"]
    # writes early enough in the window that every viewer had two refresh periods (the
    # bound: one to be computed, one to be asked for) and 10 s more to show them
    writes = [t for t in writer.times
              if window["wall0"] <= t <= window["wall1"] - 2 * interval - 10]
    seen = visibility(writes, refreshes, count)
    lags = [r["lag"] for r in in_window]
    return {
        "viewers": count, "interval_s": interval, "duration_s": round(wall, 1),
        "writes_per_s": writes_per_s, "signins_per_s": signins_per_s,
        "writes_in_window": sum(1 for t in writer.times
                                if window["wall0"] <= t <= window["wall1"]),
        "write_errors": len(writer.errors), "write_error_sample": writer.errors[:2],
        "signins": signins.summary(window["wall0"]),
        "refreshes": len(in_window), "late": sum(1 for x in lags if x > 1.0) + failed,
        "failed_sessions": failed, "failure_sample": failures[:5],
        "lag_p50_s": pick(lags, 0.5), "lag_p99_s": pick(lags, 0.99),
        "lag_max_s": max(lags) if lags else None,
        "open_max_s": max(opened) if opened else None,
        "server_cpu_s": cpu, "server_core_share": cpu / wall if wall else None,
        # the replay clients, the writer and the sign-ins share the machine with the server
        "clients_cpu_s": window["me1"] - window["me0"],
        "seen": seen, "ramp_s": round(ramp_end - started, 1),
    }


def refresh_period(path: Path) -> float:
    """The event's refresh period (the dashboard's fragment sends the interval to its
    next aligned refresh, not the period)."""
    conn = sqlite3.connect(path)
    try:
        return float(conn.execute(
            "select refresh_seconds from events order by year desc").fetchone()[0])
    finally:
        conn.close()


def visibility(writes: list[float], refreshes: list[dict], viewers: int) -> dict:
    """Seconds from each write until each viewer's first refresh that showed a view
    computed after it; and until the first view computed after it (any viewer)."""
    by_viewer: dict[int, list[dict]] = {}
    for r in refreshes:
        if r["stamp"] is not None:
            by_viewer.setdefault(r["viewer"], []).append(r)
    per_pair, to_view, unseen = [], [], 0
    for t in writes:
        need = int(t) + 1  # a view stamped in the write's own second may predate it
        first_view = None
        for rows in by_viewer.values():
            hit = next((r for r in rows if r["stamp"] >= need), None)
            if hit is None:
                unseen += 1
                continue
            per_pair.append(hit["done_wall"] - t)
            first_view = hit["stamp"] if first_view is None else min(first_view, hit["stamp"])
        if first_view is not None:
            to_view.append(max(0.0, first_view - t))
    return {"writes": len(writes), "pairs": len(per_pair), "unseen_pairs": unseen,
            "viewer_p50_s": pick(per_pair, 0.5), "viewer_p99_s": pick(per_pair, 0.99),
            "viewer_max_s": max(per_pair) if per_pair else None,
            "view_max_s": max(to_view) if to_view else None,
            "view_p50_s": pick(to_view, 0.5)}


# --- a sign-in's cost, alone --------------------------------------------------------------

async def signin_cpu(server, count: int = 10) -> dict:
    signins = SignIns(server.url, 1.0)
    for n in range(2):  # warm-up: imports, first connections
        await signins.one(n)
    cpu = []
    for n in range(count):
        before = server.cpu()
        await signins.one(n)
        await asyncio.sleep(0.3)  # the session's closing work
        cpu.append(server.cpu() - before)
    ok = sum(1 for d in signins.done[2:] if d["ok"])
    return {"cpu_s": spread(cpu), "signed_in": ok, "count": count,
            "round_trip_s": spread([d["s"] for d in signins.done[2:] if d["s"]])}


# --- six Chromium pages ------------------------------------------------------------------------

def browser_under_load(server, path: Path, pairs: int, window_s: float,
                       writes_per_s: float, signins_per_s: float, user: str,
                       password: str, tail_s: float = 35.0) -> dict:
    """Five pages watch the dashboard, one signs in again and again; replayed sign-ins
    and, in every other window, writes. Returns sign-in times and the CPU per write."""
    from playwright.sync_api import sync_playwright

    writer = Writer(path, writes_per_s)
    writer.start()
    signins = SignIns(server.url, signins_per_s)
    thread = threading.Thread(target=lambda: asyncio.run(signins.run(time.monotonic() + 3600)),
                              daemon=True, name="bench-signins")
    thread.start()
    sign_times, windows = [], []
    clicked_again.clear()
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=shutil.which("chromium"))
            watchers = []
            for _ in range(5):
                context = browser.new_context(viewport={"width": 1280, "height": 900})
                page = context.new_page()
                sign_in(page, server.url, user, password)
                page.locator('[data-testid="stSidebarNav"]').get_by_role(
                    "link", name="Bảng theo dõi trực tiếp", exact=True).click()
                watchers.append(page)
            signer_page = {"ctx": None}

            def one_sign_in():
                if signer_page["ctx"] is not None:
                    signer_page["ctx"].close()
                ctx = browser.new_context(viewport={"width": 1280, "height": 900})
                signer_page["ctx"] = ctx
                try:
                    sign_times.append(sign_in(ctx.new_page(), server.url, user, password))
                except Exception:  # noqa: BLE001 - a sign-in that never ended: its worst
                    sign_times.append(float("inf"))

            one_sign_in()  # warm-up
            sign_times.clear()
            for n in range(2 * pairs):
                writing = n % 2 == 0
                (writer.on.set if writing else writer.on.clear)()
                w0, c0, t0 = len(writer.times), server.cpu(), time.monotonic()
                while time.monotonic() - t0 < window_s:
                    one_sign_in()
                if writing:  # the recompute the last writes cause belongs to this window:
                    writer.on.clear()  # measured on for one refresh period and 5 s more
                    while time.monotonic() - t0 < window_s + tail_s:
                        one_sign_in()
                windows.append({"writes": len(writer.times) - w0, "writing": writing,
                                "cpu_s": server.cpu() - c0,
                                "wall_s": time.monotonic() - t0})
            browser.close()
    finally:
        writer.stop()
        signins.until = 0
        thread.join(60)
    per_write = []
    for a, b in zip(windows[0::2], windows[1::2]):
        if a["writes"]:
            rate_b = b["cpu_s"] / b["wall_s"]
            per_write.append((a["cpu_s"] - rate_b * a["wall_s"]) / a["writes"])
    return {"sign_in_s": spread(sign_times), "sign_in_max_s": max(sign_times, default=None),
            "clicked_again": len(clicked_again),
            "write_extra_cpu_s": spread(per_write), "windows": windows,
            "window_s": window_s, "tail_s": tail_s, "pairs": pairs,
            "writes_per_s": writes_per_s,
            "signins_per_s": signins_per_s,
            "replayed_signins": signins.summary()}


SIDEBAR = '[data-testid="stSidebarNav"]'
IDLE = "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
clicked_again: list[float] = []  # sign-ins whose first click a rerun of the page overtook


def sign_in(page, url: str, user: str, password: str) -> float:
    """Seconds from the click on «Đăng nhập» until the signed-in sidebar is drawn. The
    form is filled once the page is idle (the login cookie component reruns the page on
    load, and a click made meanwhile can be overtaken, tests/browser/conftest.settle); a
    click still lost after 20 s is made again, as a person would, and the time counts
    from the first click."""
    page.goto(url)
    page.get_by_label("Tên đăng nhập", exact=True).wait_for(timeout=60_000)
    page.wait_for_function(IDLE, timeout=60_000)
    page.get_by_label("Tên đăng nhập", exact=True).fill(user)
    page.get_by_label("Mật khẩu", exact=True).fill(password)
    start = time.perf_counter()
    page.get_by_role("button", name="Đăng nhập").click()
    try:
        page.locator(SIDEBAR).wait_for(timeout=20_000)
    except Exception:  # noqa: BLE001 - Playwright's TimeoutError
        clicked_again.append(time.perf_counter() - start)
        page.get_by_role("button", name="Đăng nhập").click()
        page.locator(SIDEBAR).wait_for(timeout=60_000)
    return time.perf_counter() - start
