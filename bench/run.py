#!/usr/bin/env python3
"""Benchmark of the committee's reads, the reports and the writes at city scale (issue 14).

For each size (1k / 10k / 100k activities; 2 000 sample schools at 100k) it builds a demo
database once (`manage.py demo --units U --activities N --seed 1`, kept in --db-dir and
reused) and measures, each time after warm-up runs that are discarded:

- stats        db.stats.summary() (uncached) against a TRUE floor: one forced full scan
               (`NOT INDEXED`) of the counting activities grouped by ward;
- feed, day    the dashboard's feed (latest_entries) and its "previous day"
               (last_entry_day);
- refresh CPU  server CPU per dashboard refresh with a warm cache: replayed websocket
               clients (bench/wsclient.py) rerun the dashboard's fragment against a real
               server (bench/dashboard_app.py); CPU of the server process / refreshes;
- openers      40 clients open the dashboard at the same moment, on a cold cache (a write
               just happened): seconds until each one's page finished;
- 300 viewers  (only with --only viewers: no writes, every refresh a cache hit) 300
               dashboards open for two refresh periods, refreshing on the event's timer;
- browser      (largest size, with 2 writes/s and 1 sign-in/s) headless Chromium through
               the real login: sidebar navigation to the dashboard until its 6 charts, 7
               KPIs and the feed are drawn, against navigation to a trivial page of the
               same app (the account page), in turn, ratio per pair;
- report, xlsx `manage.py report`, `manage.py export` (.xlsx), `export --table by_ward`,
               the activities CSV as processes, A/B in turn: the report against a process
               of its own computing stats --json's figures and drawing the same charts
               straight with vl-convert, `--table` against `manage.py stats --json`, the
               CSV against `--table by_ward` (and its peak memory);
- writes       (largest size) 50 threads of one process saving through
               db.entries.create_activity (FIFO writer lock), on a scratch copy.

Every figure is a median with its min–max over the runs; targets are checked at the
largest size (the issue's 100 000 activities); a missed target prints in red and the
document says MISSED. The machine is shared: the load average is printed and recorded
before and after each heavy part.

- live         (largest size; bench/live.py, issue 23) every row with 2 writes/s and 1
               sign-in/s: 300 dashboards for --duration s, six Chromium pages (sign-in
               time, a write's extra CPU from windows with / without writes in turn) and a
               sign-in's own CPU.

    python3 bench/run.py [--sizes 1000,10000,100000] [--db-dir /tmp/llw-bench]
                         [--json out.json] [--write docs/benchmarks.md] [--skip browser,...]
    python3 bench/run.py --only live [--duration 300] [--pairs 3] [--window 30]
    python3 bench/run.py --from-json out.json --write docs/benchmarks.md
    python3 bench/run.py --only organisers [--db-dir …] [--runs 7] [--json out.json]
                         (issue 24: one installation of 126 wards, bench/organisers.py)
"""
import argparse
import asyncio
import json
import os
import platform
import resource
import shutil
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("LLW_BCRYPT_ROUNDS", "4")

BENCH_USER = "bench.bcd"
BENCH_ADMIN = "bench.admin"
BENCH_PASSWORD = "Bench mật khẩu 2020!"
PARTS = ("sql", "refresh", "openers", "viewers", "browser", "documents", "writes", "live")

FLOOR_SQL = ("select ward_code, count(*), sum(participants) from activities not indexed "
             "where event_id = ? and deleted = 0 and status != 'needs_fix' "
             "group by ward_code")

# (key, label, target, direction) — checked at the largest size
TARGETS = [
    ("refresh_cpu_ms", "server CPU per dashboard refresh, warm cache, no write meanwhile "
     "(ms)", 50, "max"),
    ("openers_max_s", "first render, worst of 40 simultaneous openers, cold: the first "
     "viewers of a server (s)", 3.0, "max"),
    ("live_late", "{viewers} dashboards with {writes} writes/s and {signins} sign-in/s for "
     "{duration}: refreshes later than 1 s", 0, "max"),
    ("live_cpu_share", "the same: server CPU, share of one core", 0.5, "max"),
    ("live_seen_excess_s", "the same: a write seen by every viewer, worst, seconds beyond one "
     "refresh period (unseen: counted as missed)", 5.0, "max"),
    ("live_signin_s", "six Chromium pages with {writes} writes/s and {signins} sign-in/s: "
     "a sign-in, worst (s)", 3.0, "max"),
    ("live_write_cpu_s", "the same: a write's extra server CPU, average over windows with / "
     "without writes, interleaved (s)", 0.1, "max"),
    ("browser_x", "browser with {writes} writes/s and {signins} sign-in/s: the whole dashboard "
     "drawn (feed included) / a trivial page, median of pairs", 1.5, "max"),
    ("report_x", "report process / a process of its own drawing the same charts from "
     "stats, with stats --json's figures and the fonts (interleaved)", 2.0, "max"),
    ("report_pages", "report pages at 2 000 units", 40, "max"),
    ("xlsx_s", "XLSX export process (s)", 3.0, "max"),
    ("table_x", "export --table by_ward / stats --json (processes, interleaved)", 1.2, "max"),
    ("csv_x", "activities CSV / export --table by_ward (processes, interleaved)", 2.0, "max"),
    ("csv_mb", "activities CSV: peak memory of the process (MB)", 100, "max"),
    ("writes_p99_s", "p99 of a save, 50 writers in one process (s)", 1.0, "max"),
]

RED, GREEN, RESET = "\033[31m", "\033[32m", "\033[0m"


# --- helpers -----------------------------------------------------------------------------

def load() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def summary_of(samples: list[float]) -> dict:
    return {"median": statistics.median(samples), "min": min(samples), "max": max(samples),
            "runs": len(samples), "samples": samples}


def repeat(fn, runs: int, warmup: int = 1) -> dict:
    for _ in range(warmup):
        fn()
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return summary_of(samples)


def log(*parts):
    print(*parts, file=sys.stderr, flush=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def process_cpu(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def tree_cpu(pid: int) -> float:
    """CPU seconds of a process and of every process under it, living (utime + stime) or
    reaped (cutime + cstime): the server's picture-drawing worker counts as the server."""
    parents, cpu = {}, {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(entry.name)] = int(fields[1])
        cpu[int(entry.name)] = sum(int(f) for f in fields[11:15])
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        total += cpu.get(current, 0)
        todo += [child for child, parent in parents.items() if parent == current]
    return total / os.sysconf("SC_CLK_TCK")


def units_for(activities: int) -> int:
    return 2000 if activities >= 100_000 else max(20, activities // 50)


# --- the databases -----------------------------------------------------------------------

def ensure_database(db_dir: Path, activities: int) -> Path:
    """The demo database of this size, built once and reused (plus two bench accounts)."""
    path = db_dir / f"city-{activities}.db"
    if not path.exists():
        log(f"building {path} ({units_for(activities)} units, {activities} activities)…")
        env = dict(os.environ, LLW_DB=str(path))
        subprocess.run([sys.executable, "manage.py", "demo", "--units",
                        str(units_for(activities)), "--activities", str(activities),
                        "--seed", "1"], cwd=ROOT, env=env, check=True,
                       stdout=subprocess.DEVNULL)
    from db import Actor, users
    from db.setup import prepare

    db = prepare(path)  # brings an older bench database up to the current schema
    for username, role in ((BENCH_USER, "committee"), (BENCH_ADMIN, "admin")):
        if not users.get(db, username):
            users.create_user(db, Actor.system("bench"), username=username,
                              name=f"Bench {username}", role=role, password=BENCH_PASSWORD, unit_code=None)
    db.conn.close()
    return path


def touch(path: Path) -> None:
    """A commit that changes nothing the dashboard shows: the next refresh is a miss."""
    conn = sqlite3.connect(path)
    conn.execute("insert or replace into settings (key, value) values ('bench_touch', ?)",
                 [str(time.time())])
    conn.commit()
    conn.close()


# --- SQL in process ----------------------------------------------------------------------

def measure_sql(path: Path, runs: int) -> dict:
    from db import connect, stats

    db = connect(path)
    event_id = db.execute("select id from events order by year desc").fetchone()[0]
    out = {
        "stats": repeat(lambda: stats.summary(db, event_id), runs),
        "floor": repeat(lambda: db.execute(FLOOR_SQL, [event_id]).fetchall(), runs),
        "feed": repeat(lambda: stats.latest_entries(db, event_id, limit=15), runs),
        "last_day": repeat(lambda: stats.last_entry_day(db, event_id), runs),
        "floor_plan": [r[3] for r in db.execute("explain query plan " + FLOOR_SQL,
                                                [event_id]).fetchall()],
    }
    out["stats_x"] = out["stats"]["median"] / out["floor"]["median"]
    db.conn.close()
    return out


# --- a real server -----------------------------------------------------------------------

class Server:
    def __init__(self, path: Path, script: str):
        self.path = path
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.gc_log = Path(tempfile.mkdtemp(prefix="llw-bench-gc-")) / "gc.txt"
        self.views_log = self.gc_log.parent / "views.json"
        env = dict(os.environ, LLW_DB=str(path), LLW_BENCH_USER=BENCH_USER,
                   LLW_LOGIN_SLEEP="0", LLW_BENCH_GC_LOG=str(self.gc_log),
                   LLW_BENCH_VIEWS_LOG=str(self.views_log))
        # the server's tracebacks, kept where LLW_BENCH_SERVER_LOG names (else dropped)
        self.errors = open(os.environ.get("LLW_BENCH_SERVER_LOG", os.devnull), "a")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", script, "--server.headless", "true",
             "--server.port", str(self.port), "--server.address", "127.0.0.1"],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=self.errors)
        import urllib.request

        deadline = time.monotonic() + 120
        while True:
            try:
                urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2)
                return
            except OSError:
                if time.monotonic() > deadline or self.proc.poll() is not None:
                    self.stop()
                    raise RuntimeError(f"server for {script} did not start")
                time.sleep(0.3)

    def cpu(self) -> float:
        return tree_cpu(self.proc.pid)  # the drawing worker (core/svg_worker) included

    def views(self) -> dict | None:
        """The server's db/live_figures counts and recompute times, as bench/dashboard_app
        last wrote them (a page run, at most every 5 s)."""
        try:
            return json.loads(self.views_log.read_text())
        except (OSError, ValueError):
            return None

    def gc_pauses(self) -> dict:
        """Python's collector in the server so far (bench/dashboard_app.py logs each
        collection): count per generation and the longest pauses (ms)."""
        try:
            lines = self.gc_log.read_text().split()
        except OSError:
            return {}
        pauses = [(int(g), float(ms)) for g, ms in (x.split(":") for x in lines)]
        return {"collections": {g: sum(1 for x, _ in pauses if x == g) for g in (0, 1, 2)},
                "total_ms": round(sum(ms for _, ms in pauses), 1),
                "longest_ms": sorted((round(ms, 1) for _, ms in pauses), reverse=True)[:5],
                "gen2_ms": [round(ms, 1) for g, ms in pauses if g == 2][:20]}

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        self.errors.close()


async def open_sessions(url: str, count: int, page="bang-theo-doi"):
    from wsclient import Session

    sessions = [Session(url, page, query="viewer=1") for _ in range(count)]
    await asyncio.gather(*(s.connect() for s in sessions))
    return sessions


async def _refresh_cpu(server: Server, clients: int, refreshes: int, windows: int) -> dict:
    sessions = await open_sessions(server.url, clients)
    for s in sessions:  # opened one after the other: this part is not the openers' test
        await s.rerun()
    fragment = lambda s: next(iter(s.fragments))  # noqa: E731

    async def window():
        async def loop(s):
            for _ in range(refreshes):
                await s.rerun(fragment(s))
        before = server.cpu()
        await asyncio.gather(*(loop(s) for s in sessions))
        return (server.cpu() - before) / (clients * refreshes)

    await window()  # warm-up window, discarded
    bytes_before = sum(s.bytes_in for s in sessions)
    refs_before = sum(s.references for s in sessions)
    elements_before = sum(s.elements for s in sessions)
    samples = [await window() for _ in range(windows)]
    full_bytes = (sum(s.bytes_in for s in sessions) - bytes_before) / (
        clients * refreshes * windows)
    errors = sum(len(s.errors) for s in sessions)
    refs = sum(s.references for s in sessions) - refs_before
    elements = sum(s.elements for s in sessions) - elements_before
    await asyncio.gather(*(s.close() for s in sessions))
    return {"cpu_s": summary_of(samples), "clients": clients, "refreshes_each": refreshes,
            "errors": errors, "bytes_per_refresh": full_bytes,
            "share_sent_as_reference": refs / max(1, refs + elements)}


async def _openers(server: Server, path: Path, count: int, runs: int) -> dict:
    """`count` clients open the dashboard at the same moment on a cold view: since issue 23
    a write no longer makes a viewer wait (the previous view is served while it is computed
    again), so each run has a server of its own whose first viewers compute it (its
    process already started and its page modules imported by one probe of another page)."""
    async def one_run():
        fresh = Server(path, "bench/dashboard_app.py")
        try:
            probe = Session(fresh.url, "tai-khoan", query="viewer=1")  # imports, not the view
            await probe.connect()
            await probe.rerun()
            await probe.close()
            await asyncio.sleep(3)  # settled: app.py's warm-up of the drawing process done
            sessions = await open_sessions(fresh.url, count)
            times = await asyncio.gather(*(s.rerun() for s in sessions))
            errors = sum(len(s.errors) for s in sessions)
            await asyncio.gather(*(s.close() for s in sessions))
            return max(times), statistics.median(times), errors
        finally:
            fresh.stop()

    from wsclient import Session

    await one_run()  # warm-up (the bytecode cache, the file in the page cache), discarded
    results = [await one_run() for _ in range(runs)]
    return {"max_s": summary_of([r[0] for r in results]),
            "median_s": summary_of([r[1] for r in results]),
            "errors": sum(r[2] for r in results), "openers": count}


async def _viewers(server: Server, count: int, periods: int) -> dict:
    """`count` dashboards opened over one refresh period, then left refreshing on the
    event's timer (as the browser does) for `periods` periods."""
    from wsclient import Session

    latencies, late, failed = [], 0, 0
    opened, late_detail = [], []
    cpu_before = server.cpu()
    refreshes = 0

    async def viewer(i, interval):
        nonlocal late, failed, refreshes
        await asyncio.sleep(interval * i / count)  # viewers arrive over one period
        s = Session(server.url, "bang-theo-doi", query="viewer=1")
        try:
            await s.connect()
            opened.append(await s.rerun())
            fragment = next(iter(s.fragments))
            timer = time.perf_counter()
            for _ in range(periods):
                # the browser's timer, restarted by each auto_rerun message as the
                # frontend does (the dashboard aligns it to the wall clock)
                timer = s.next_fire(fragment, timer)
                await asyncio.sleep(max(0, timer - time.perf_counter()))
                sent = time.perf_counter() - timer  # the client's own delay (its event loop)
                took = await s.rerun(fragment)
                lag = time.perf_counter() - timer  # behind its timer when it finished
                latencies.append(took)
                refreshes += 1
                if lag > 1.0:
                    late += 1
                    late_detail.append({"at_s": round(timer - start, 2),
                                        "client_delay_s": round(sent, 3),
                                        "round_trip_s": round(took, 3)})
        except Exception:
            failed += 1
        finally:
            await s.close()

    import live

    interval = live.refresh_period(server.path)
    start = time.perf_counter()
    me = resource.getrusage(resource.RUSAGE_SELF)
    await asyncio.gather(*(viewer(i, interval) for i in range(count)))
    cpu = server.cpu() - cpu_before
    me_after = resource.getrusage(resource.RUSAGE_SELF)
    clients_cpu = (me_after.ru_utime - me.ru_utime) + (me_after.ru_stime - me.ru_stime)
    latencies.sort()
    pick = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))]  # noqa
    return {"viewers": count, "interval_s": interval, "periods": periods,
            "refreshes": refreshes, "late": late + failed * periods, "failed": failed,
            "refresh_p50_s": pick(0.5) if latencies else None,
            "refresh_p99_s": pick(0.99) if latencies else None,
            "refresh_max_s": latencies[-1] if latencies else None,
            "open_max_s": max(opened) if opened else None,
            "server_cpu_s": cpu, "clients_cpu_s": clients_cpu,
            "wall_s": time.perf_counter() - start,
            "late_detail": late_detail[:50], "gc": server.gc_pauses()}


def measure_server(path: Path, args, largest: bool) -> dict:
    out = {}
    server = Server(path, "bench/dashboard_app.py")
    try:
        def part(name, coroutine):
            try:
                out[name] = asyncio.run(coroutine)
            except Exception as error:  # reported; the next part still runs
                log(f"  {name} failed: {error!r}")
                out[name] = {"error": repr(error)[:300]}

        if "refresh" not in args.skip:
            log("  refresh CPU…", load())
            part("refresh", _refresh_cpu(server, clients=10, refreshes=10,
                                         windows=args.runs))
        if "openers" not in args.skip:
            log("  40 openers…", load())
            part("openers", _openers(server, path, 40, runs=3))
        if largest and "viewers" not in args.skip:
            log(f"  {args.viewers} viewers…", load())
            part("viewers", _viewers(server, args.viewers, periods=2))
            out["viewers"]["load_after"] = load()
    finally:
        server.stop()
    return out


# --- the browser -------------------------------------------------------------------------

# Watches the page from the click on: ms until each condition first held (one check per
# animation frame, until all held or 120 s passed), in window.__llwStages.
STAGE_WATCH = """(stages) => {
    const t0 = performance.now(), out = {};
    window.__llwStages = out;
    const checks = Object.entries(stages).map(([k, js]) => [k, new Function('return ' + js)]);
    const tick = () => {
        const now = performance.now();
        for (const [k, f] of checks) if (out[k] === undefined && f()) out[k] = now - t0;
        if (checks.some(([k]) => out[k] === undefined) && now - t0 < 120000)
            requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
}"""


def measure_browser(path: Path, runs: int, workdir: Path, writes_per_s: float = 2.0,
                    signins_per_s: float = 1.0) -> dict:
    """Navigation to the dashboard against navigation to a trivial page, in turn, while
    entries are saved and people sign in (on a scratch copy of the database)."""
    from playwright.sync_api import sync_playwright

    import live

    path = live.scratch_copy(path, workdir, "browser.db")
    server = Server(path, "app.py")
    writer = live.Writer(path, writes_per_s)
    signins = live.SignIns(server.url, signins_per_s)
    background = threading.Thread(
        target=lambda: asyncio.run(signins.run(time.monotonic() + 3600)), daemon=True)
    writer.on.set()
    writer.start()
    background.start()
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=shutil.which("chromium"))
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(server.url)
            page.get_by_label("Tên đăng nhập", exact=True).fill(BENCH_USER)
            page.get_by_label("Mật khẩu", exact=True).fill(BENCH_PASSWORD)
            page.get_by_role("button", name="Đăng nhập").click()
            nav = page.locator('[data-testid="stSidebarNav"]')
            nav.wait_for(timeout=120_000)
            page.wait_for_timeout(2000)  # the cookie component's reruns

            def go(link_text, drawn_js, stages=None):
                if stages:  # when each part appeared (ms after the click), frame by frame
                    page.evaluate(STAGE_WATCH, stages)
                start = time.perf_counter()
                nav.get_by_role("link", name=link_text, exact=True).click()
                page.wait_for_function(drawn_js, timeout=120_000)
                took = time.perf_counter() - start
                if stages:
                    seen.append(page.evaluate("() => window.__llwStages"))
                page.wait_for_timeout(300)
                return took

            # drawn: the page's title is this page's, and everything it draws is there.
            # A chart is drawn when its picture has loaded (an <img> decoded to a size),
            # or, in the interactive view, when its Vega view holds marks.
            trivial = ("() => [...document.querySelectorAll('h1')].some(h => "
                       "h.textContent.includes('Tài khoản')) && document.querySelector("
                       "'[data-testid=\"stButton\"]')")
            charts_drawn = (
                "([...document.querySelectorAll('img.llw-chart')]"
                ".filter(i => i.complete && i.naturalWidth > 0).length + "
                "[...document.querySelectorAll('[data-testid=\"stVegaLiteChart\"]')]"
                ".filter(c => c.querySelector('[role=\"graphics-symbol\"]')).length)")
            # the whole page: the feed's table drawn too, with its rows (a plain HTML table
            # since issue 23's browser row; before, st.dataframe's grid and its canvas)
            feed_drawn = "(document.querySelectorAll('.llw-feed tbody tr').length > 0)"
            dashboard = ("() => [...document.querySelectorAll('h1')].some(h => "
                         "h.textContent.includes('Bảng theo dõi')) && "
                         "document.querySelectorAll('.llw-kpi').length "
                         f">= 7 && {charts_drawn} >= 6 && {feed_drawn}")
            stages = {
                "kpis": "document.querySelectorAll('.llw-kpi').length >= 7",
                "chart_elements": "document.querySelectorAll("
                                  "'[data-testid=\"stVegaLiteChart\"], "
                                  "img.llw-chart').length >= 6",
            }
            seen = []
            go("Tài khoản", trivial)  # warm-up, discarded
            go("Bảng theo dõi trực tiếp", dashboard)
            seen.clear()
            t, d = [], []
            for _ in range(runs):
                t.append(go("Tài khoản", trivial))
                d.append(go("Bảng theo dõi trực tiếp", dashboard, stages))
            # the live Vega charts, behind the dashboard's switch (kept for the session)
            page.get_by_text("Biểu đồ tương tác", exact=True).click()
            page.wait_for_function(
                "() => document.querySelectorAll('[data-testid=\"stVegaLiteChart\"] "
                "[role=\"graphics-symbol\"]').length > 0", timeout=120_000)
            go("Tài khoản", trivial)  # warm-up, discarded
            go("Bảng theo dõi trực tiếp", dashboard)
            live_t, live_d = [], []
            for _ in range(runs):
                live_t.append(go("Tài khoản", trivial))
                live_d.append(go("Bảng theo dõi trực tiếp", dashboard))
            browser.close()
    finally:
        writer.stop()
        signins.until = 0
        background.join(60)
        server.stop()
    out = {"trivial_s": summary_of(t), "dashboard_s": summary_of(d),
           "writes": len(writer.times), "write_errors": len(writer.errors),
           "signins": signins.summary(), "writes_per_s": writes_per_s,
           "signins_per_s": signins_per_s}
    for name in stages:
        times = [s[name] / 1000 for s in seen if s and s.get(name) is not None]
        if times:
            out[f"{name}_s"] = summary_of(times)
    # trivial and dashboard alternate: the ratio is taken pair by pair
    out["pair_x"] = summary_of([b / a for a, b in zip(t, d)])
    out["x"] = out["pair_x"]["median"]
    live_x = summary_of([b / a for a, b in zip(live_t, live_d)])
    out["interactive"] = {"trivial_s": summary_of(live_t), "dashboard_s": summary_of(live_d),
                          "pair_x": live_x, "x": live_x["median"]}
    return out


# --- documents as processes --------------------------------------------------------------

# The report's floor (issue 23): what any report must do at least, by code of its own in a
# process of its own — the figures of `stats --json` (the same db.stats call, as JSON) and
# the report's three charts drawn straight by vl-convert from db.stats.dashboard (no
# report_data gathering, no chart cache of the report), and its fonts loaded into fpdf2.
CHARTS_ALONE = """
import json, sys
sys.path.insert(0, {root!r})
from db import connect, events, rollup, stats
from core import charts, closing_report, numbers
import vl_convert
db = connect({path!r})
event = events.get(db, None)
summary = rollup.with_suborganisations(db, event["id"], stats.summary(db, event["id"]))
json.dumps(summary, ensure_ascii=False, indent=2)
board = stats.dashboard(db, event["id"])
grid = stats.ward_grid(db, event["id"])
vl_convert.register_font_directory(closing_report._chart_font_dir())
for chart in (charts.ward_tile_map(charts.tile_rows(board["summary"]["by_ward"], grid),
                                   selectable=False, width=520, height=300),
              charts.activities_per_day(board["day_group"], width=440, height=220),
              charts.tier_reporting_rate(board["summary"]["by_tier"], width=400, height=160)):
    spec = charts.spec(chart)
    spec.setdefault("config", {{}})["font"] = closing_report.CHART_FONT
    vl_convert.vegalite_to_png(spec, scale=closing_report.CHART_SCALE, allowed_base_urls=[],
                               format_locale=numbers.VEGA_NUMBER_LOCALE)
from fpdf import FPDF
from core.pdf_layout import FONT_DIR, FONT_FILES
pdf = FPDF()
for style, name in FONT_FILES.items():
    pdf.add_font("bench", "" if style == "Regular" else style, str(FONT_DIR / name))
"""

# A command's peak memory: a fresh wrapper whose only child is the command, so that
# RUSAGE_CHILDREN's maxrss is that child's (kB on Linux).
PEAK_WRAPPER = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, "
                "stdout=subprocess.DEVNULL); print(resource.getrusage("
                "resource.RUSAGE_CHILDREN).ru_maxrss)")


def run_process(argv, env) -> tuple[float, float]:
    """(wall seconds, CPU seconds user+sys of the child) of one process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def repeat_process(argv, env, runs: int, warmup: int = 1) -> dict:
    """Wall-clock summary of `runs` runs after `warmup` discarded ones, with the CPU
    seconds of the same runs under "cpu" (less sensitive to other load than wall time)."""
    for _ in range(warmup):
        run_process(argv, env)
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = run_process(argv, env)
        walls.append(wall)
        cpus.append(cpu)
    return dict(summary_of(walls), cpu=summary_of(cpus))


def process_env(path: Path) -> dict:
    """The environment of a manage.py process as an office runs it: Python writes and
    reuses its bytecode cache (__pycache__, git-ignored). Our sandbox sets
    PYTHONDONTWRITEBYTECODE, which recompiles every module of the app on every start
    (~0.2-0.4 s): not what a user's machine does."""
    env = dict(os.environ, LLW_DB=str(path))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def repeat_pair(argv_a, argv_b, env, runs: int, warmup: int = 1) -> dict:
    """A and B in turn (A B A B …) after `warmup` discarded pairs; the ratio A/B taken pair
    by pair (a drift of the machine's speed moves both of a pair), min/median/max."""
    for _ in range(warmup):
        run_process(argv_a, env)
        run_process(argv_b, env)
    a, b = [], []
    for _ in range(runs):
        a.append(run_process(argv_a, env))
        b.append(run_process(argv_b, env))
    ratios = [x[0] / y[0] for x, y in zip(a, b)]
    return {"a": dict(summary_of([x[0] for x in a]), cpu=summary_of([x[1] for x in a])),
            "b": dict(summary_of([y[0] for y in b]), cpu=summary_of([y[1] for y in b])),
            "x": summary_of(ratios)}


def peak_mb(argv, env) -> float:
    out = subprocess.run([sys.executable, "-c", PEAK_WRAPPER, *argv], cwd=ROOT, env=env,
                         check=True, capture_output=True, text=True).stdout
    return int(out.split()[-1]) / 1024


def measure_documents(path: Path, runs: int, workdir: Path) -> dict:
    env = process_env(path)
    manage = [sys.executable, "manage.py"]
    out = {}

    def paired(name, a_name, b_name, argv_a, argv_b):
        try:
            pair = repeat_pair(argv_a, argv_b, env, runs)
            out[a_name], out[b_name], out[name] = pair["a"], pair["b"], pair["x"]
        except subprocess.CalledProcessError as error:
            out[name] = {"error": (error.stderr or b"").decode()[-300:]}

    pdf = workdir / "report.pdf"
    stats_json = manage + ["stats", "--json"]
    by_ward = manage + ["export", "--out", str(workdir / "by_ward.csv"), "--table", "by_ward"]
    activities = manage + ["export", "--out", str(workdir / "activities.csv")]
    paired("report_pair", "report", "charts_alone", manage + ["report", "--out", str(pdf)],
           [sys.executable, "-c", CHARTS_ALONE.format(root=str(ROOT), path=str(path))])
    try:
        out["xlsx"] = repeat_process(manage + ["export", "--out",
                                               str(workdir / "export.xlsx")], env, runs)
    except subprocess.CalledProcessError as error:
        out["xlsx"] = {"error": (error.stderr or b"").decode()[-300:]}
    paired("table_pair", "table", "stats_json", by_ward, stats_json)
    paired("csv_pair", "activities_csv", "table_again", activities, by_ward)
    try:
        out["activities_csv_mb"] = peak_mb(activities, env)
        out["table_mb"] = peak_mb(by_ward, env)
    except subprocess.CalledProcessError as error:
        out["activities_csv_mb"] = None
        out["peak_error"] = (error.stderr or "")[-300:]
    if pdf.exists():
        out["report_pages"] = pdf_pages(pdf)
    for ratio, pair in (("report_x", "report_pair"), ("table_x", "table_pair"),
                        ("csv_x", "csv_pair")):
        if "median" in out.get(pair, {}):
            out[ratio] = out[pair]["median"]  # the median of the pairs' ratios
    if (workdir / "export.xlsx").exists():
        out["xlsx_mb"] = (workdir / "export.xlsx").stat().st_size / 1e6
    return out


def pdf_pages(pdf: Path) -> int | None:
    try:
        from pypdf import PdfReader

        return len(PdfReader(str(pdf)).pages)
    except ImportError:
        pass
    try:
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
        return int(next(line.split()[-1] for line in info.splitlines()
                        if line.startswith("Pages:")))
    except (OSError, StopIteration, ValueError):
        return None


# --- writes ------------------------------------------------------------------------------

def measure_writes(path: Path, workdir: Path, writers=50, saves=20, fifo=True) -> dict:
    from db import Actor, connect, connection, entries

    scratch = workdir / ("writes.db" if fifo else "writes-nofifo.db")
    src, dst = sqlite3.connect(path), sqlite3.connect(scratch)
    src.backup(dst)
    src.close()
    dst.close()
    setup = connect(scratch)
    event_id = setup.execute("select id from events order by year desc").fetchone()[0]
    unit_ids = [r[0] for r in setup.execute(
        "select id from units u where kind = 'school' and active = 1 and not exists ("
        "select 1 from report_submissions r where r.unit_id = u.id and r.event_id = ?) "
        "limit ?", [event_id, writers])]  # a unit that submitted its report may not write
    setup.conn.close()
    latencies, errors = [], []
    lock = threading.Lock()
    original = connection.writer_lock
    if not fifo:  # the busy handler alone, as before issue 14
        class NoLock:
            def acquire(self, timeout=None):
                return True

            def release(self):
                pass
        connection.writer_lock = lambda db: NoLock()
    # as many as there are units that may write: a small database (a smoke run with
    # --sizes 1000 has 20 units) waited at a barrier of 50 for ever
    barrier = threading.Barrier(len(unit_ids))

    def writer(unit_id):
        db = connect(scratch)
        actor = Actor(None, f"bench-{unit_id}", "unit", unit_id)
        barrier.wait()
        for i in range(saves):
            start = time.perf_counter()
            try:
                entries.create_activity(db, actor, event_id, unit_id, {
                    "type": "library", "title": f"Ngày hội đọc sách {i}",
                    "start_date": "2020-10-03", "format": "truc_tiep",
                    "participants": str(i % 300)})
            except Exception as error:  # counted and reported
                errors.append(str(error)[:80])
            with lock:
                latencies.append(time.perf_counter() - start)
        db.conn.close()

    threads = [threading.Thread(target=writer, args=(u,)) for u in unit_ids]
    start = time.perf_counter()
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        connection.writer_lock = original
    wall = time.perf_counter() - start
    scratch.unlink(missing_ok=True)
    latencies.sort()
    pick = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))]  # noqa
    return {"writers": len(unit_ids), "saves": len(latencies), "errors": len(errors),
            "error_sample": errors[:3], "p50_s": pick(0.5), "p99_s": pick(0.99),
            "max_s": latencies[-1], "writes_per_s": len(latencies) / wall}


# --- one size ----------------------------------------------------------------------------

def measure(activities: int, args, largest: bool, workdir: Path) -> dict:
    path = ensure_database(Path(args.db_dir), activities)
    row = {"activities": activities, "units": units_for(activities), "load_before": load()}
    log(f"== {activities:,} activities", row["load_before"])

    def part(name, fn):
        """A part that fails is reported as such; the others still run."""
        try:
            row[name] = fn()
        except Exception as error:
            log(f"  {name} failed: {error!r}")
            row[name] = {"error": repr(error)[:300]}

    if "sql" not in args.skip:
        part("sql", lambda: measure_sql(path, args.runs))
    if {"refresh", "openers", "viewers"} - set(args.skip):
        part("server", lambda: measure_server(path, args, largest))
    if largest and "browser" not in args.skip:
        log("  browser…", load())
        part("browser", lambda: measure_browser(path, args.runs, workdir, args.writes_per_s,
                                                args.signins_per_s))
    if "documents" not in args.skip:
        log("  report / export…", load())
        part("documents", lambda: measure_documents(path, args.runs,
                                                    workdir))
    if largest and "live" not in args.skip:
        log("  live: viewers, sign-ins and writes together…", load())
        part("live", lambda: measure_live(path, args, workdir))
    if largest and "writes" not in args.skip:
        log("  writes…", load())
        part("writes", lambda: measure_writes(path, workdir))
        part("writes_busy_handler_only", lambda: measure_writes(path, workdir, fifo=False))
    row["load_after"] = load()
    return row


class SkipViewers(Exception):
    """--skip live-viewers: only the Chromium pages of the live part."""


def measure_live(path: Path, args, workdir: Path) -> dict:
    """bench/live.py: {viewers} dashboards, then six Chromium pages, each under
    {writes}/s writes and {signins}/s sign-ins; and a sign-in's own cost."""
    import live

    out = {"load_before": load(), "writes_per_s": args.writes_per_s,
           "signins_per_s": args.signins_per_s}
    scratch = live.scratch_copy(path, workdir, "live.db")
    server = Server(scratch, "bench/dashboard_app.py") if "live-viewers" not in args.skip \
        else None
    try:
        if server is None:
            raise SkipViewers
        try:
            out["signin_cpu"] = asyncio.run(live.signin_cpu(server))
        except Exception as error:
            out["signin_cpu"] = {"error": repr(error)[:300]}
        log(f"    {args.viewers} viewers for {args.duration:.0f} s…", load())
        try:
            out["viewers"] = asyncio.run(live.viewers_under_load(
                server, scratch, args.viewers, args.duration, args.writes_per_s,
                args.signins_per_s))
            out["viewers"]["views"] = server.views()
        except Exception as error:
            out["viewers"] = {"error": repr(error)[:300]}
    except SkipViewers:
        pass
    finally:
        if server is not None:
            server.stop()
    out["load_mid"] = load()
    if "live-browser" not in args.skip:
        log(f"    six Chromium pages, {args.pairs} pairs of {args.window:.0f} s windows…",
            load())
        scratch = live.scratch_copy(path, workdir, "live-browser.db")
        server = Server(scratch, "app.py")
        try:
            out["browser"] = live.browser_under_load(
                server, scratch, args.pairs, args.window, args.writes_per_s,
                args.signins_per_s, "bench.signin0", live.SIGNER_PASSWORD)
        except Exception as error:
            out["browser"] = {"error": repr(error)[:300]}
        finally:
            server.stop()
    out["load_after"] = load()
    return out


def headline(rows) -> dict:
    """The figures the targets are about, from the largest size."""
    r = rows[-1]
    g = lambda *keys: _dig(r, keys)  # noqa: E731
    cpu = g("server", "refresh", "cpu_s", "median")
    return {
        "refresh_cpu_ms": cpu * 1000 if cpu is not None else None,
        "openers_max_s": g("server", "openers", "max_s", "median"),
        "viewers_late": g("server", "viewers", "late"),
        "browser_x": g("browser", "x"),
        "report_x": g("documents", "report_x"),
        "report_pages": g("documents", "report_pages"),
        "xlsx_s": g("documents", "xlsx", "median"),
        "table_x": g("documents", "table_x"),
        "csv_x": g("documents", "csv_x"),
        "csv_mb": g("documents", "activities_csv_mb"),
        "writes_p99_s": g("writes", "p99_s"),
        **live_headline(r.get("live") or {}),
    }


def live_headline(live: dict) -> dict:
    v, b = live.get("viewers") or {}, live.get("browser") or {}
    seen = v.get("seen") or {}
    excess = None
    if seen.get("writes"):
        excess = (float("inf") if seen.get("unseen_pairs") or seen.get("viewer_max_s") is None
                  else seen["viewer_max_s"] - v["interval_s"])
    total_writes = sum(w["writes"] for w in b.get("windows", []) if w["writing"])
    per_write = None
    if total_writes and b.get("windows"):
        extra = 0.0
        for a, off in zip(b["windows"][0::2], b["windows"][1::2]):
            extra += a["cpu_s"] - off["cpu_s"] / off["wall_s"] * a["wall_s"]
        per_write = extra / total_writes
    return {"live_late": v.get("late"), "live_cpu_share": v.get("server_core_share"),
            "live_seen_excess_s": excess, "live_signin_s": b.get("sign_in_max_s"),
            "live_write_cpu_s": per_write}


def _dig(d, keys):
    for k in keys:
        if not isinstance(d, dict) or k not in d:
            return None
        d = d[k]
    return d


def verdicts(rows, viewers=300) -> list[dict]:
    h = headline(rows)
    live = rows[-1].get("live") or {}
    conditions = {"viewers": viewers, "writes": fmt_number(live.get("writes_per_s", 2)),
                  "signins": fmt_number(live.get("signins_per_s", 1)),
                  "duration": fmt_duration((live.get("viewers") or {}).get("duration_s"))}
    out = []
    for key, label, target, _direction in TARGETS:
        value = h.get(key)
        label = label.format(**conditions)
        status = "NOT MEASURED" if value is None else ("met" if value <= target
                                                        else "MISSED")
        reduced = []  # a run smaller than the target's: its verdict is said, not counted
        if key in ("viewers_late", "live_late", "live_cpu_share", "live_seen_excess_s") \
                and viewers < 300:
            reduced.append(f"{viewers} viewers")
        duration = (live.get("viewers") or {}).get("duration_s") or 0
        if key in ("live_late", "live_cpu_share", "live_seen_excess_s") and duration < 295:
            reduced.append(fmt_duration(duration))
        if reduced and value is not None:
            status = f"NOT AT TARGET SCALE ({status} with {', '.join(reduced)})"
        out.append({"key": key, "label": label, "target": target, "value": value,
                    "status": status})
    return out


# --- output ------------------------------------------------------------------------------

def fmt_number(x) -> str:
    return "—" if x is None else (f"{x:g}")


def fmt_duration(seconds) -> str:
    if not seconds:
        return "—"
    return f"{seconds / 60:.1f} min" if seconds >= 90 else f"{seconds:.0f} s"


def fmt_range(s, scale=1.0, digits=1):
    if not isinstance(s, dict) or "median" not in s:
        return "—"
    return (f"{s['median'] * scale:.{digits}f} [{s['min'] * scale:.{digits}f}–"
            f"{s['max'] * scale:.{digits}f}]")


def fmt(value, digits=2, suffix=""):
    return "—" if value is None else f"{value:.{digits}f}{suffix}"


def tables(result) -> str:
    rows = result["rows"]
    lines = ["### In process (SQL)", "",
             "| activities | units | stats (ms) | floor, full scan (ms) | stats / floor | "
             "feed (ms) | previous day (ms) | load before |",
             "|---:|---:|---:|---:|---:|---:|---:|---|"]
    for r in rows:
        s = r.get("sql", {})
        lines.append(f"| {r['activities']:,} | {r['units']:,} | "
                     f"{fmt_range(s.get('stats'), 1000)} | {fmt_range(s.get('floor'), 1000)} | "
                     f"{fmt(s.get('stats_x'))}× | {fmt_range(s.get('feed'), 1000, 2)} | "
                     f"{fmt_range(s.get('last_day'), 1000, 2)} | {r['load_before']} |")
    lines += ["", "### Server (replayed websocket clients)", "",
              "| activities | CPU per refresh, warm (ms) | bytes per refresh | "
              "sent as reference | 40 openers: worst (s) | 40 openers: median (s) | errors |",
              "|---:|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        sv = r.get("server", {})
        rf, op = sv.get("refresh", {}), sv.get("openers", {})
        lines.append(
            f"| {r['activities']:,} | {fmt_range(rf.get('cpu_s'), 1000)} | "
            f"{fmt(rf.get('bytes_per_refresh'), 0)} | "
            f"{fmt((rf.get('share_sent_as_reference') or 0) * 100, 0, ' %') if rf else '—'} | "
            f"{fmt_range(op.get('max_s'), 1, 2)} | {fmt_range(op.get('median_s'), 1, 2)} | "
            f"{(rf.get('errors') or 0) + (op.get('errors') or 0) if rf or op else '—'} |")
    lines += ["", "### Documents (processes; A/B pairs run in turn, ratio per pair)", "",
              "| activities | report (s) | its floor (s) | report / floor | pages | "
              "XLSX (s) | XLSX CPU (s) | XLSX (MB) | --table by_ward (s) | stats --json (s) | "
              "table / stats | activities CSV (s) | CSV CPU (s) | CSV peak (MB) | "
              "CSV / by_ward |",
              "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        d = r.get("documents", {})
        lines.append(
            f"| {r['activities']:,} | {fmt_range(d.get('report'), 1, 2)} | "
            f"{fmt_range(d.get('charts_alone'), 1, 2)} | "
            f"{fmt_range(d.get('report_pair'), 1, 2)}× | "
            f"{d.get('report_pages', '—')} | {fmt_range(d.get('xlsx'), 1, 2)} | "
            f"{fmt_range((d.get('xlsx') or {}).get('cpu'), 1, 2)} | "
            f"{fmt(d.get('xlsx_mb'), 1)} | {fmt_range(d.get('table'), 1, 2)} | "
            f"{fmt_range(d.get('stats_json'), 1, 2)} | "
            f"{fmt_range(d.get('table_pair'), 1, 2)}× | "
            f"{fmt_range(d.get('activities_csv'), 1, 2)} | "
            f"{fmt_range((d.get('activities_csv') or {}).get('cpu'), 1, 2)} | "
            f"{fmt(d.get('activities_csv_mb'), 0)} | {fmt_range(d.get('csv_pair'), 1, 2)}× |")
    errors = [f"- {r['activities']:,}: {k}: `{v['error'].strip().splitlines()[-1]}`"
              for r in rows for k, v in r.get("documents", {}).items()
              if isinstance(v, dict) and "error" in v]
    if errors:
        lines += ["", "Document commands that failed:"] + errors
    big = rows[-1]
    v = big.get("server", {}).get("viewers")
    if v and "error" in v:
        lines += ["", f"### {result['meta']['viewers']} dashboards", "",
                  f"Not measured: `{v['error']}`"]
    elif v:
        lines += ["", f"### {v['viewers']} dashboards at {big['activities']:,} activities, "
                      f"with no writes", "",
                  f"No entry is saved and nobody signs in during this row (the live rows "
                  f"below are the ones under writes). Opened over one refresh period ({v['interval_s']:.0f} s, the event's "
                  f"setting), then {v['periods']} refreshes each on its browser timer "
                  f"(aligned to the wall clock): "
                  f"{v['refreshes']} refreshes, **{v['late']} later than 1 s** "
                  f"({v['failed']} sessions failed); refresh round trip p50 "
                  f"{fmt(v['refresh_p50_s'], 3)} s, p99 {fmt(v['refresh_p99_s'], 3)} s, max "
                  f"{fmt(v['refresh_max_s'], 3)} s; slowest opening {fmt(v['open_max_s'], 2)} s; "
                  f"server CPU {v['server_cpu_s']:.1f} s over {v['wall_s']:.0f} s "
                  f"(the replay clients, on the same machine: "
                  f"{fmt(v.get('clients_cpu_s'), 1)} s) "
                  f"(load average after: {v.get('load_after')})."]
        gc_ = v.get("gc") or {}
        if gc_:
            lines += ["", f"Server GC meanwhile: collections per generation "
                          f"{gc_.get('collections')}, {gc_.get('total_ms')} ms in all, longest "
                          f"{gc_.get('longest_ms')} ms (young collections under 5 ms not "
                          f"logged)."]
        detail = v.get("late_detail") or []
        if detail:
            lines += ["", f"Late refreshes (first {len(detail)}): between "
                          f"{min(d['at_s'] for d in detail):.0f} s and "
                          f"{max(d['at_s'] for d in detail):.0f} s into the run; the client's "
                          f"own delay at most {max(d['client_delay_s'] for d in detail):.3f} s, "
                          f"round trips {min(d['round_trip_s'] for d in detail):.2f}–"
                          f"{max(d['round_trip_s'] for d in detail):.2f} s (the server's)."]
    lines += live_tables(big)
    b = big.get("browser")
    if b:
        lines += ["", "### Browser", ""]
        if "error" in b:
            lines.append(f"Not measured: `{b['error']}`")
        else:
            conditions = (f"with {fmt_number(b.get('writes_per_s'))} writes/s and "
                          f"{fmt_number(b.get('signins_per_s'))} sign-in/s "
                          f"({b.get('writes', '—')} writes, "
                          f"{(b.get('signins') or {}).get('count', '—')} sign-ins meanwhile)"
                          if b.get("writes_per_s") is not None else "with no writes")
            lines.append(f"Headless Chromium, real login, sidebar navigation {conditions}: "
                         f"the whole dashboard (6 charts, 7 KPIs and the feed's table drawn) "
                         f"{fmt_range(b['dashboard_s'], 1, 3)} s, account page "
                         f"{fmt_range(b['trivial_s'], 1, 3)} s, in turn: "
                         f"**{b['x']:.2f}×** (pairs: {fmt_range(b.get('pair_x'), 1, 2)}).")
            if b.get("kpis_s"):
                lines.append(
                    f"On the dashboard, the 7 KPIs were in the page after "
                    f"{fmt_range(b['kpis_s'], 1, 3)} s and the 6 chart elements after "
                    f"{fmt_range(b.get('chart_elements_s'), 1, 3)} s; the rest, until "
                    f"every chart was drawn, is the browser loading the pictures (or, "
                    f"in the interactive view, Vega drawing its marks).")
            live = b.get("interactive")
            if live:
                lines.append(
                    f"Interactive view (the switch «Biểu đồ tương tác»: live Vega charts, "
                    f"not the target's default view): dashboard "
                    f"{fmt_range(live['dashboard_s'], 1, 3)} s, account page "
                    f"{fmt_range(live['trivial_s'], 1, 3)} s: {live['x']:.2f}×.")
    for key, title in (("writes", "FIFO writer lock"),
                       ("writes_busy_handler_only", "busy handler only (before)")):
        w = big.get(key)
        if w and "error" in w:
            lines += ["", f"Writes, {title}: not measured (`{w['error']}`)."]
        elif w:
            lines.append("")
            lines.append(f"Writes, {title}: {w['writers']} threads × "
                         f"{w['saves'] // max(1, w['writers'])} saves through "
                         f"`create_activity`: p50 {w['p50_s']:.3f} s, **p99 {w['p99_s']:.3f} s**"
                         f", max {w['max_s']:.3f} s, {w['writes_per_s']:.0f} saves/s, "
                         f"{w['errors']} errors.")
    return "\n".join(lines)


def live_tables(big: dict) -> list[str]:
    live = big.get("live")
    if not live:
        return []
    w, si = fmt_number(live.get("writes_per_s")), fmt_number(live.get("signins_per_s"))
    load_ = f"load average before {live.get('load_before')}, between {live.get('load_mid')}, " \
            f"after {live.get('load_after')}"
    lines = ["", f"### Live: with {w} writes/s and {si} sign-in/s (issue 23)", "",
             f"Every row below ran with these writes and sign-ins ({load_}). Writes: a "
             f"separate process saving activities through `db.entries` as school clerks; "
             f"sign-ins: replayed through the server's login form (password checked at the "
             f"production bcrypt cost)."]
    sc = live.get("signin_cpu") or {}
    if "error" in sc:
        lines += ["", f"A sign-in alone: not measured (`{sc['error']}`)."]
    elif sc:
        lines += ["", f"A sign-in alone (no viewer, no write): server CPU "
                      f"{fmt_range(sc.get('cpu_s'), 1, 3)} s per sign-in, round trip "
                      f"{fmt_range(sc.get('round_trip_s'), 1, 2)} s; {sc.get('signed_in')}"
                      f"/{sc.get('count')} signed in."]
    v = live.get("viewers") or {}
    if "error" in v:
        lines += ["", f"Dashboards under load: not measured (`{v['error']}`)."]
    elif v:
        seen, s_ = v.get("seen") or {}, v.get("signins") or {}
        lines += ["", f"**{v['viewers']} dashboards with {w} writes/s and {si} sign-in/s**, "
                      f"watched for {fmt_duration(v['duration_s'])} after they arrived over "
                      f"one refresh period ({v['interval_s']:.0f} s): {v['refreshes']} "
                      f"refreshes, **{v['late']} later than 1 s** ({v['failed_sessions']} "
                      f"sessions failed); lag behind the timer p50 {fmt(v['lag_p50_s'], 3)} s, "
                      f"p99 {fmt(v['lag_p99_s'], 3)} s, max {fmt(v['lag_max_s'], 3)} s. Server "
                      f"CPU {v['server_cpu_s']:.1f} s in {v['duration_s']:.0f} s = "
                      f"**{v['server_core_share'] * 100:.0f} % of one core** (the replay "
                      f"clients, writer and sign-ins, on the same machine: "
                      f"{fmt(v.get('clients_cpu_s'), 1)} CPU-s). Writes "
                      f"{v['writes_in_window']} ({v['write_errors']} errors), sign-ins "
                      f"{s_.get('count')} ({s_.get('failed')} failed; round trip p50 "
                      f"{fmt(s_.get('p50_s'), 2)} s, max {fmt(s_.get('max_s'), 2)} s).",
                  "",
                  f"A write seen by each viewer ({seen.get('writes')} writes × viewers, "
                  f"{seen.get('unseen_pairs')} pairs never seen): p50 "
                  f"{fmt(seen.get('viewer_p50_s'), 1)} s, p99 {fmt(seen.get('viewer_p99_s'), 1)}"
                  f" s, **max {fmt(seen.get('viewer_max_s'), 1)} s** (target: one refresh "
                  f"period + 5 s = {v['interval_s'] + 5:.0f} s); in the shared view (computed "
                  f"after the write): p50 {fmt(seen.get('view_p50_s'), 1)} s, max "
                  f"{fmt(seen.get('view_max_s'), 1)} s. {aligned_sentence(v)}"]
    b = live.get("browser") or {}
    if "error" in b:
        lines += ["", f"Six Chromium pages: not measured (`{b['error']}`)."]
    elif b:
        rs = b.get("replayed_signins") or {}
        lines += ["", f"**Six Chromium pages with {w} writes/s and {si} sign-in/s** (five "
                      f"watching the dashboard, one signing in again and again through "
                      f"app.py's real login, from the click to the signed-in sidebar): "
                      f"sign-in {fmt_range(b.get('sign_in_s'), 1, 2)} s, **worst "
                      f"{fmt(b.get('sign_in_max_s'), 2)} s** ({b.get('clicked_again', 0)} "
                      f"clicks on «Đăng nhập» overtaken by a rerun of the page and made "
                      f"again after 20 s, counted in). Replayed sign-ins meanwhile: "
                      f"{rs.get('count')} ({rs.get('failed')} failed). {b['pairs']} pairs of "
                      f"{b['window_s']:.0f} s windows with writes / without (A B A B …; "
                      f"sign-ins in both; a window with writes measured "
                      f"{b.get('tail_s', 0):.0f} s past its last write, so that the "
                      f"recompute they cause is in it): a write's extra server CPU per pair "
                      f"{fmt_range(b.get('write_extra_cpu_s'), 1, 3)} s"
                      + (" (below zero: the machine's other load changed more between "
                         "windows than the writes cost)."
                         if ((b.get('write_extra_cpu_s') or {}).get('min') or 0) < 0
                         else ".")]
    return lines


def aligned_sentence(v: dict) -> str:
    """How the views were recomputed and the viewers refreshed in this run (issue 23), with
    the server's own recompute times when it reported them."""
    from core import aligned_refresh

    period = v.get("interval_s") or 30
    budget, spread = aligned_refresh.budget_and_spread(period)
    views = v.get("views") or {}
    took = ""
    if views.get("recomputed"):
        took = (f" The server recomputed its views {views['recomputed']} times "
                f"({views.get('checked', 0)} aligned checks; {views.get('failed', 0)} failed; "
                f"a viewer waited for a recompute under way {views.get('waited', 0)} times): "
                f"median {fmt(views.get('recompute_s_median'), 2)} s, max "
                f"{fmt(views.get('recompute_s_max'), 2)} s (budget R = {budget:g} s).")
    return (f"The views are recomputed only at multiples of the period on the wall clock "
            f"(at most once each, only after a change), and every viewer's browser timer is "
            f"moved to kP + R + its own offset in [0, S) (R = {budget:g} s, S = {spread:g} s; "
            f"the replayed clients restart their timer on each `auto_rerun` message as "
            f"Streamlit's frontend does), so a write should be seen within P + R + S." + took)


def verdict_table(result, color: bool) -> str:
    lines = ["| target (at the largest size) | value | target | verdict |",
             "|---|---:|---:|---|"]
    for v in result["verdicts"]:
        value = "—" if v["value"] is None else f"{v['value']:.2f}"
        status = v["status"]
        if color and status == "MISSED":
            status = f"{RED}MISSED{RESET}"
        elif color and status == "met":
            status = f"{GREEN}met{RESET}"
        elif not color and status == "MISSED":
            status = "**MISSED**"
        lines.append(f"| {v['label']} | {value} | ≤ {v['target']} | {status} |")
    return "\n".join(lines)


def notes_section(result) -> str:
    """Notes on this run, kept in the JSON (meta.notes) so the document regenerates."""
    notes = result["meta"].get("notes") or []
    if not notes:
        return ""
    return "## Notes on this run\n\n" + "\n".join(f"- {n}" for n in notes) + "\n\n"


def machine_load(meta) -> str:
    """What the load averages say about the machine while this ran — not a fixed claim:
    the same sentence was printed on a quiet machine."""
    # the end's load includes this benchmark's own last part (50 writers, Chromium): only
    # the start says whether other work was running
    start = meta.get("load_start") or [0]
    figures = (f"load average {meta.get('load_start')} at the start and "
               f"{meta.get('load_end')} at the end (1, 5, 15 min; the end's includes this "
               f"benchmark's own processes), on {meta['cpus']} CPUs")
    if start[0] >= 1.0:
        return (f"**The machine was shared** with other work while this ran: {figures}. "
                f"Wall-clock figures (openers, browser, documents, writes) suffer from it; "
                f"CPU per refresh much less.")
    return f"The machine had no other work to speak of: {figures}."


def document(result) -> str:
    meta = result["meta"]
    missed = [v["label"] for v in result["verdicts"] if v["status"] == "MISSED"]
    unmeasured = [v["label"] for v in result["verdicts"]
                  if v["status"].startswith("NOT MEASURED")]
    summary = ("Every target measured was met." if not missed else
               "MISSED: " + "; ".join(missed) + ".")
    if unmeasured:
        summary += " Not measured: " + "; ".join(unmeasured) + "."
    return f"""# Benchmarks

Generated by `python3 bench/run.py --json … --write docs/benchmarks.md` on {meta['machine']},
{meta['cpus']} CPUs, Python {meta['python']}, SQLite {meta['sqlite']}, Streamlit
{meta['streamlit']}, {meta['date']}. Demo data (`manage.py demo --seed 1`; 2 000 sample
schools at 100k), each database built once and reused.

{machine_load(meta)} Every figure is the median of the runs with [min–max], after
warm-up runs that were discarded ({meta['runs']} runs for in-process figures and the
browser and for processes (wall and CPU; Python's bytecode cache on, as on a user's
machine), 3 for the 40 openers, 1 run of the {meta['viewers']} dashboards and of the
writers).

## Verdict

{summary}

{verdict_table(result, color=False)}

## What is measured

- **stats**: `db.stats.summary()` uncached; **floor**: one forced full scan (`NOT INDEXED`)
  of the counting activities grouped by ward (plan: {' / '.join(
        result['rows'][-1].get('sql', {}).get('floor_plan', []) or ['—'])}). The summary
  reads the summary tables (m002), so it may beat a scan of the raw rows.
- **feed** and **previous day**: `latest_entries(limit=15)` and `last_entry_day()`, which
  read `(event_id, created_at)` indexes (m003).
- **CPU per refresh** (a component figure, *no write meanwhile*): 10 replayed websocket
  clients (`bench/wsclient.py`, Streamlit's own protobufs) each rerun the dashboard's
  fragment 10 times in a row against a server started on `bench/dashboard_app.py` (app.py's
  router for a committee account signed in by session state); server process CPU (`/proc`)
  / refreshes. Bytes per refresh and the share of elements sent as a reference to the
  browser's cached copy come from the same clients.
- **40 openers**: 40 clients open the dashboard at the same moment as the first viewers of
  a freshly started server (one visit of another page 3 s before, as a sign-in would); seconds
  until each one's page run finished (the figures are computed once for all of them).
- **Live** (issue 23), every row *with {fmt_number((result['rows'][-1].get('live') or {}).get(
        'writes_per_s'))} writes/s and {fmt_number((result['rows'][-1].get('live') or {}).get(
        'signins_per_s'))} sign-in/s*: entries saved by a separate process through
  `db.entries` (the server's figure is the recompute they cause), sign-ins replayed through
  the server's real login form at the production bcrypt cost. **{meta['viewers']}
  dashboards** arrive over one refresh period and rerun their fragment on their own timer
  for the stated time — the browser's timer, which the dashboard moves to the wall clock
  with each `auto_rerun` message (components/aligned_refresh.py), and which the replayed
  clients restart on each such message as the frontend does: a refresh later than 1 s
  after its timer is late; the server's CPU
  share of one core over that window; each write's delay until each viewer's refresh shows
  a view computed after it (the view's own time, «Cập nhật lúc»). **Six Chromium pages**
  (five on the dashboard, one signing in again and again through app.py's login): sign-in
  time from the click to the signed-in sidebar; windows with writes and without, in turn,
  give a write's extra server CPU. **A sign-in alone**: its server CPU, nothing else
  running.
- **browser** (with the same writes and sign-ins): headless Chromium, real login through
  `app.py`; time from a click in the sidebar until the whole dashboard — 6 charts, 7 KPIs
  and the feed's table — is drawn, against the same for the account page, in turn; the
  ratio is the median of the pairs'.
- **report / XLSX / --table / CSV**: `manage.py report`, `manage.py export --out x.xlsx`,
  `manage.py export --table by_ward`, `manage.py export --out x.csv` (the activities) and
  `manage.py stats --json` as processes (Python start included in each). Each ratio comes
  from A/B pairs run in turn. The report's **floor** is a process of its own that computes
  `stats --json`'s figures and draws the report's three charts straight with vl-convert
  from `db.stats.dashboard` (none of the report's gathering or chart cache), and loads the
  fonts into fpdf2. The CSV's peak memory is the process's own (`ru_maxrss`).
- **writes**: 50 threads of one process, each its own unit and connection, 20 saves each
  through `db.entries.create_activity` on a scratch copy of the largest database; with the
  FIFO writer lock, and once with SQLite's busy handler alone for comparison.

## Figures

{tables(result)}

{notes_section(result)}## What changed for writes and sign-ins (issue 23)

- The shared view was keyed by `PRAGMA data_version`, which changes on every commit — a
  sign-in's login time, an audit row — so every write threw it away and the next refresh
  recomputed all of it (1.1–1.3 CPU-s at city scale, ~0.9 s of it the six pictures).
  Now `db/live_figures.py` keys it on a counter bumped by triggers on the tables the
  dashboard shows only, recomputes it in the background at most once per refresh period
  (viewers meanwhile get the previous view with its time), and `core/chart_images.py`
  redraws only the pictures whose spec changed, in a process of its own
  (`core/svg_worker.py`: vl-convert holds the GIL while it draws).
- Recomputes and refreshes are aligned to the wall clock (`core/aligned_refresh.py`):
  with viewers on timers of their own phase, a write could wait one period for the
  recompute and one more for a viewer's tick (measured: 30.5 s beyond one period).
- A sign-in costs the password check (bcrypt cost 11, `core/passwords.BCRYPT_ROUNDS`; its
  measured server CPU is in «A sign-in alone» above) and no recompute.
- The activities CSV is written as it is read; SQLite makes each line (names, dates, the
  formula guard and csv's quoting) and Python only numbers and writes it.
- This benchmark: writes and sign-ins during every viewer test; the report's floor by code
  of its own; A/B pairs in turn; the whole page including the feed; verdicts recomputed
  from the raw figures of the run.
- The browser row (1.87× on a quiet machine before): the server's page run of the
  dashboard took ~10 ms more than the account page's under a load of 18 (its four
  filters' widgets, two more database connections), and its elements arrived in one
  websocket burst; most of the difference was the browser's. Chromium's main thread
  (trace, thread CPU) spent ≈50 ms more on the dashboard, about half of it the feed's
  st.dataframe (the glide grid's chunk and styled components), whose canvas was drawn a
  frame after the rest of the page. The feed (and, with several years, the years'
  comparison) is now one HTML table of escaped text (`components/plain_table.py`, no
  markdown, no HTML from users) drawn in the same frame; the pictures decode in the frame
  that inserts them. «The whole dashboard drawn» waits for the feed table's rows.

## Where the time went, and what changed (issue 14)

- One dashboard refresh cost ~0.6 CPU-s per viewer. Its figures, KPI changes, feed and
  chart specs were then computed once per (event, filters, day, data version) and shared by
  every viewer (keyed by `PRAGMA data_version`; LRU of 64; concurrent misses compute once);
  issue 23 replaced that key and module by `db/live_figures.py`, see above.
- The feed and the "previous day" read `(event_id[, ward_code], created_at)` indexes
  (m003) instead of sorting or scanning every entry.
- Charts go to `st.vega_lite_chart` as ready dicts with Arrow datasets: no Altair
  conversion under Streamlit's process-wide lock, no schema validation, no pandas per
  viewer. Elements of 1 KB or more that did not change are sent as a reference to the
  browser's cached copy (`global.minCachedMessageSize`).
- py-spy on the server showed two Streamlit defaults dominating what was left:
  a forced `gc.collect(2)` after every run (~2/3 of a refresh) and, on every new session,
  the "magic" AST rewrite of the scripts: `runner.postScriptGC = false`,
  `runner.magicEnabled = false`, `server.fileWatcherType = "none"`.
- Writers of one process queue on a FIFO lock before `BEGIN IMMEDIATE`; SQLite's busy
  handler (sleep and retry) only arbitrates between processes.
- Third session: `manage.py` imports only the module of the command it runs (it imported
  pandas, fpdf2 and Altair for every command: ~2 s of a 10.9 s export under load), and
  sqlite-utils without pandas/numpy (it imports them only for their scalar types).
  The "has this unit reported" probe of `stats.summary` reads the `(event_id, unit_id)`
  index by name: since the review indexes (m003) SQLite preferred a covering index and
  scanned the whole event once per unit (6–13 s at 2 000 units; 9 ms now).
- The viewers' late refreshes: the server's full GC collections paused every session
  0.2–2.2 s (seven in 90 s with 300 dashboards). `core/server_gc.py` freezes the objects
  that live as long as the process out of the collector's walk once the dashboard's
  modules are imported. The viewers result records each late refresh (the client's own
  delay and the round trip) and the server's GC pauses.
- Process figures are run with Python's bytecode cache on, as on a user's machine: the
  sandbox this ran in sets `PYTHONDONTWRITEBYTECODE`, which recompiles the app's modules
  on every start (~0.2–0.4 s per process).
- Fourth session, the browser (2.65× before): every part of the dashboard was taken away
  in turn and the browser's main-thread work measured (CDP `TaskDuration`, 12–15
  navigations each). Six live Vega views cost 0.2–0.5 s (Vega-Lite compiling, the SVG
  DOM, resizing); four filters (three lists and a range slider) ~50 ms; seven
  `st.metric` tiles 30–40 ms; five chart headings about as much as the pictures. Now:
  - the six charts are SVG pictures drawn by vl-convert (as the PDF's) once per data
    state for every viewer (measured again in issue 23's audit: ≈0.9 CPU-s for the six
    at 100 000 activities, not the 0.3 s first written here; now only the pictures whose
    rows changed are redrawn), sent as `data:` URLs; the live Vega charts (tooltips, the map's
    click-to-filter) stay behind the switch «Biểu đồ tương tác», whose ratio is printed
    above but is not the target's view;
  - each chart's title is drawn in the chart; the seven figures, the six pictures and the
    two tables are one HTML block (`components/dashboard_block.py`, issue 23: a refresh
    sends two elements); the filters sit in a closed «Lọc số liệu» popover drawn by the
    page, and a line under it says what the page shows.
  A picture counts as drawn when its `<img>` has decoded (`complete`, `naturalWidth`).
"""


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--db-dir", default=str(Path(tempfile.gettempdir()) / "llw-bench"))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--viewers", type=int, default=300)
    parser.add_argument("--skip", default="", help="comma list of: " + ", ".join(PARTS)
                        + ", live-viewers, live-browser")
    parser.add_argument("--only", default="", help="comma list of parts to run (e.g. "
                        "'live': only the rows under writes and sign-ins, largest size; "
                        "'organisers': bench/organisers.py alone)")
    parser.add_argument("--duration", type=float, default=300.0,
                        help="live: seconds the viewers are watched under load (300)")
    parser.add_argument("--writes-per-s", type=float, default=2.0)
    parser.add_argument("--signins-per-s", type=float, default=1.0)
    parser.add_argument("--pairs", type=int, default=3,
                        help="live browser: pairs of windows with / without writes")
    parser.add_argument("--window", type=float, default=30.0,
                        help="live browser: seconds per window (30)")
    parser.add_argument("--json", default=None, help="write the raw results (JSON)")
    parser.add_argument("--from-json", default=None, help="only format these results")
    parser.add_argument("--write", default=None, help="write the markdown document")
    parser.add_argument("--no-color", action="store_true")
    parser.add_argument("--note", action="append", default=[],
                        help="a note on this run, kept in the JSON and the document")
    args = parser.parse_args(argv)
    if "organisers" in args.only.split(","):  # a run of its own: one installation, many files
        import organisers

        return organisers.main(["--db-dir", args.db_dir, "--runs", str(args.runs),
                                "--writes-per-s", str(args.writes_per_s),
                                *(["--json", args.json] if args.json else [])])
    args.skip = [s for s in args.skip.split(",") if s]
    if "viewers" not in args.only.split(","):
        # the dashboards without writes or sign-ins (every refresh a cache hit) flattered:
        # the live part watches them under load; this one runs only when asked for
        args.skip.append("viewers")
    if args.only:
        only = {s for s in args.only.split(",") if s}
        args.skip += [p for p in PARTS if p not in only]
        if "live" in only and args.sizes == parser.get_default("sizes"):
            args.sizes = "100000"  # the live rows are measured at city scale only
    os.chdir(ROOT)
    if args.from_json:
        result = json.loads(Path(args.from_json).read_text(encoding="utf-8"))
    else:
        import streamlit

        Path(args.db_dir).mkdir(parents=True, exist_ok=True)
        sizes = [int(s) for s in args.sizes.split(",")]
        meta = {"machine": f"{platform.machine()} {platform.system()}",
                "cpus": os.cpu_count(), "python": platform.python_version(),
                "sqlite": sqlite3.sqlite_version, "streamlit": streamlit.__version__,
                "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
                "load_start": load(), "runs": args.runs, "viewers": args.viewers}
        with tempfile.TemporaryDirectory() as tmp:
            rows = [measure(n, args, n == max(sizes), Path(tmp)) for n in sizes]
        meta["load_end"] = load()
        result = {"meta": meta, "rows": rows}
        result["verdicts"] = verdicts(rows, args.viewers)
        if args.json:
            Path(args.json).write_text(json.dumps(result, indent=1), encoding="utf-8")
    result["verdicts"] = verdicts(result["rows"], result["meta"]["viewers"])  # from the raw figures
    if args.note:
        result["meta"]["notes"] = result["meta"].get("notes", []) + args.note
        if args.json or args.from_json:
            Path(args.json or args.from_json).write_text(json.dumps(result, indent=1),
                                                         encoding="utf-8")
    color = not args.no_color
    print(f"load average: start {result['meta']['load_start']}, end "
          f"{result['meta']['load_end']} ({result['meta']['cpus']} CPUs)")
    print(tables(result))
    print()
    print(verdict_table(result, color=color))
    if args.write:
        Path(args.write).write_text(document(result), encoding="utf-8")
    return 1 if any(v["status"] == "MISSED" for v in result["verdicts"]) else 0


if __name__ == "__main__":
    sys.exit(main())
