"""One server for a whole city (issue 24 deliver 6): 126 wards × 50 units, 300 000
activities in ONE installation (a directory and one SQLite file per organiser,
db/directory.py), measured against the same ward's file alone.

The installation is built once and kept under --db-dir (`organisers-126x50-300000/`):
the city adopts the root file (`llw.db`), each ward `org-pNNN.db` is added through
db/directory.add, gets an empty 2026 week (db/new_week), five residential groups as its
areas and the demo's sample week (db/demo.load: 40 schools + one People's Committee and one
learning centre per area = 50 units, its share of the 300 000 activities, bulk-inserted),
and a committee account. «Alone»: a copy (SQLite backup API) of one ward's file in a
folder of its own, no directory beside it.

Rows (each states its conditions; medians with min–max; warm-up runs discarded):

- ward dashboard: the dashboard's shared-view recompute (app_pages/committee_dashboard.
  build_view, no filter) of ward W, in the installation (its file resolved through the
  directory, as a session or a command does) against the same computation on W's file
  alone, A/B interleaved, ratio per pair; target ≤ 1.2×;
- ward report: the closing report (db/report_data.gather + core/closing_report.build_pdf,
  chart cache emptied each run) the same way; target ≤ 1.2×;
- city refresh CPU (when the live sum of descendants, db/live_rollup.py — the `sums` part
  of issue 24 — is in this tree; else NOT MEASURED rows), on a scratch copy:
  the server CPU per refresh of the city's dashboard (10 replayed viewers signed in to the
  city — bench/organisers_app.py ?dv=hn, or bench/dashboard_app.py on the city's file in a
  tree without the per-session binding — nothing written), as bench/run.py's refresh row; the
  whole-area check each viewer's refresh makes (the city's fingerprint + the stamps of its
  126 wards), in process; the shared whole-area recompute after one ward's write (CPU,
  time.process_time), computed once for all viewers; target ≤ 50 ms;
- writes: `--writes-per-s` saves per second (open loop: each starts on its own timer) of
  an activity by a school clerk of a random ward (db.entries.create_activity on that
  ward's file), for --write-seconds, on a scratch copy of the installation; p99 ≤ 0.5 s;
- viewers: 300 replayed dashboards spread over the organisers (a sixth on the city, the
  rest over the wards) in ONE server (bench/organisers_app.py: each session bound to its
  organiser by ?dv=KEY), arriving over one refresh period then refreshing on their timer,
  while 2 saves/s go into random wards; late = a refresh finished more than 1 s after its
  timer; target 0;
- ward in a server: the server CPU per dashboard refresh of ward W in the installation's
  server against a server of W's file alone, windows in turn.
The last two need the per-session organiser binding (components/organiser_session, the
`app` part of issue 24): NOT MEASURED rows without it.

    python3 bench/run.py --only organisers [--db-dir /tmp/llw-bench] [--runs 7]
    python3 bench/organisers.py [--db-dir …] [--runs 7] [--json out.json]
"""
import argparse
import json
import os
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("LLW_BCRYPT_ROUNDS", "4")

WARDS = 126
UNITS_PER_WARD = 50
ACTIVITIES = 300_000
AREAS_PER_WARD = 5  # 40 schools + 2 units per area (demo) = 50 units
YEAR = 2026
CITY = "hn"
BENCH_USER = "bench.bcd"
BENCH_ADMIN = "bench.admin"
BENCH_PASSWORD = "Bench mật khẩu 2020!"
PARTS = ("ward", "city", "writes", "viewers")
TARGETS = {"ward_dashboard_x": 1.2, "ward_report_x": 1.2, "city_refresh_cpu_ms": 50,
           "writes_p99_s": 0.5, "viewers_late": 0}


def log(*parts):
    print(*parts, file=sys.stderr, flush=True)


def load() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]


def spread(samples: list[float]) -> dict:
    return {"min": min(samples), "median": statistics.median(samples), "max": max(samples),
            "runs": len(samples)}


def ward_key(i: int) -> str:
    return f"p{i:03d}"


def ward_share(i: int) -> int:
    """Ward i's activities: 300 000 split as evenly as integers allow."""
    base, extra = divmod(ACTIVITIES, WARDS)
    return base + (1 if i < extra else 0)


# --- the installation ------------------------------------------------------------------------

def installation_folder(db_dir: Path) -> Path:
    return Path(db_dir) / f"organisers-{WARDS}x{UNITS_PER_WARD}-{ACTIVITIES}"


def fill_ward(path: Path, i: int) -> None:
    """An empty 2026 week, five areas, the demo's sample week and a committee account."""
    from db import Actor, areas, connect, demo, new_week, users

    db = connect(path)
    actor = Actor.system("bench")
    try:
        event_id = new_week.create(db, actor, YEAR, empty=True)["event_id"]
        areas.save_areas(db, actor, event_id, [
            {"code": f"TDP-{k:02d}", "name": f"Tổ dân phố số {k}", "row": 1, "col": k}
            for k in range(1, AREAS_PER_WARD + 1)])
        demo.load(db, actor, units=UNITS_PER_WARD - 2 * AREAS_PER_WARD,
                  activities=ward_share(i), seed=i, year=YEAR, accounts=False)
        users.create_user(db, actor, username=BENCH_USER, name="Bench Ban chỉ đạo",
                          role="committee", password=BENCH_PASSWORD)
    finally:
        db.conn.close()


def build_installation(db_dir: Path) -> Path:
    """The root file of the cached installation (built on the first run, then reused)."""
    from db import Actor, connect, directory, new_week

    folder = installation_folder(db_dir)
    root = folder / "llw.db"
    marker = folder / "built.json"
    if marker.exists():
        return root
    if folder.exists():
        shutil.rmtree(folder)  # a build interrupted earlier: start again
    folder.mkdir(parents=True)
    started = time.perf_counter()
    directory.add(root, CITY, "UBND thành phố Hà Nội", "tinh")
    city = connect(root)
    new_week.create(city, Actor.system("bench"), YEAR, empty=True)
    city.conn.close()
    for i in range(WARDS):
        record = directory.add(root, ward_key(i), f"UBND phường Mẫu {i + 1:03d}", "xa",
                               parent_key=CITY)
        fill_ward(record.file, i)
        if i % 20 == 0:
            log(f"  ward {i + 1}/{WARDS} built ({time.perf_counter() - started:.0f} s)")
    seconds = time.perf_counter() - started
    marker.write_text(json.dumps({"wards": WARDS, "activities": ACTIVITIES,
                                  "build_s": round(seconds, 1)}))
    log(f"  installation built in {seconds:.0f} s")
    return root


def backup_copy(source: Path, target: Path) -> Path:
    """A consistent copy through SQLite's backup API (never a file copy of a database)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    src.backup(dst)
    src.close()
    dst.close()
    return target


def alone_copy(root: Path, key: str, workdir: Path) -> Path:
    """Ward `key`'s file alone: a folder of its own, no directory beside it."""
    from db import directory

    path = backup_copy(directory.resolve(root, key), workdir / "alone" / "llw.db")
    assert directory.record_of_file(path) is None and not directory.records(path)
    return path


def scratch_installation(root: Path, workdir: Path) -> Path:
    """A copy of the whole installation (directory and every file) for the writes."""
    folder = workdir / "scratch"
    if folder.exists():
        shutil.rmtree(folder)
    for path in sorted(root.parent.glob("*.db")):
        backup_copy(path, folder / path.name)
    return folder / root.name


# --- a ward: in the installation against alone ----------------------------------------------

_DASHBOARD = {}


def _dashboard_module():
    """The dashboard page's definitions (build_view, chart_titles) without its page run:
    the script's body from `actor = guard(…)` on needs a Streamlit session, so only the
    part above it is executed (the page itself is not changed for the bench)."""
    if not _DASHBOARD:
        path = ROOT / "app_pages" / "committee_dashboard.py"
        source = path.read_text(encoding="utf-8")
        head = source[:source.index("\nactor = guard(")]
        namespace = {"__name__": "bench_committee_dashboard", "__file__": str(path)}
        exec(compile(head, str(path), "exec"), namespace)  # noqa: S102 - our own file
        _DASHBOARD.update(namespace)
    return argparse.Namespace(**_DASHBOARD)


def dashboard_once(path: Path) -> None:
    """One recompute of the dashboard's shared view (what db/live_figures runs once per
    refresh period after a change), on a connection of its own, as live_figures does."""
    from core import timefmt
    from db import connect, events
    from db.organiser import words

    dash = _dashboard_module()
    db = connect(path)
    try:
        event = events.get(db, YEAR)
        filters = {"ward": None, "tier": None, "kind": None, "day_from": None,
                   "day_to": None}
        titles = dash.chart_titles(words(db, event), False, None)
        dash.build_view(db, event, filters, timefmt.now_local().date().isoformat(), titles)
    finally:
        db.conn.close()


def report_once(path: Path) -> None:
    from core import closing_report
    from db import connect, events, report_data

    db = connect(path)
    try:
        event = events.get(db, YEAR)
        closing_report._png_cache.clear()  # every run draws its charts, as bench/report.py
        closing_report.build_pdf(report_data.gather(db, event))
    finally:
        db.conn.close()


def interleaved(in_installation, alone, runs: int, warmup: int = 1) -> dict:
    """A (in the installation) and B (alone) in turn, A B A B …, after `warmup` discarded
    pairs; wall seconds and this process's CPU seconds (all its threads: the report's
    chart drawing included), the ratios taken pair by pair. On a shared machine the CPU
    ratio is the one other processes hardly move; both are reported."""
    for _ in range(warmup):
        in_installation()
        alone()
    wall, cpu = ([], []), ([], [])
    for _ in range(runs):
        for side, fn in enumerate((in_installation, alone)):
            start, start_cpu = time.perf_counter(), time.process_time()
            fn()
            wall[side].append(time.perf_counter() - start)
            cpu[side].append(time.process_time() - start_cpu)
    return {"installation_s": spread(wall[0]), "alone_s": spread(wall[1]),
            "ratio": spread([x / y for x, y in zip(*wall)]),
            "installation_cpu_s": spread(cpu[0]), "alone_cpu_s": spread(cpu[1]),
            "cpu_ratio": spread([x / y for x, y in zip(*cpu)])}


def measure_ward(root: Path, key: str, workdir: Path, runs: int) -> dict:
    from db import directory

    alone = alone_copy(root, key, workdir)
    # in the installation the file is resolved through the directory at every run, as a
    # session bound to the organiser or `manage.py --organiser KEY` does
    installed = lambda fn: (lambda: fn(directory.resolve(root, key)))  # noqa: E731
    log(f"  ward {key}: dashboard recompute, installation / alone…", load())
    dash = interleaved(installed(dashboard_once), lambda: dashboard_once(alone), runs)
    log(f"  ward {key}: closing report, installation / alone…", load())
    report = interleaved(installed(report_once), lambda: report_once(alone), runs)
    return {"ward": key, "dashboard": dash, "report": report}


# --- the city's live sum -----------------------------------------------------------------

def live_sum_modules():
    """(db.live_rollup, components.suborg_view) when this tree has the live sum of
    descendants (issue 24 deliver 3, the `sums` part), else None."""
    try:
        from db import live_rollup
    except ImportError:
        return None
    from components import suborg_view

    return live_rollup, suborg_view


def ensure_accounts(root: Path, files=None) -> None:
    """Every organiser gets the bench's committee account (the replayed viewers sign in as
    it) and an admin (the sign-in offers only organisers with one)."""
    from db import Actor, connect, directory, users

    for path in files or [r.file for r in directory.records(root)]:
        db = connect(path)
        try:
            for name, role in ((BENCH_USER, "committee"), (BENCH_ADMIN, "admin")):
                if not users.get(db, name):
                    users.create_user(db, Actor.system("bench"), username=name,
                                      name=f"Bench {role}", role=role,
                                      password=BENCH_PASSWORD)
        finally:
            db.conn.close()


def one_ward_write(root: Path, rng: random.Random) -> str:
    """An activity saved by a school clerk of a random ward; returns the ward's file name."""
    from db import Actor, connect, entries

    path, event_id, unit_id = rng.choice(writer_targets(root))
    db = connect(path)
    try:
        entries.create_activity(db, Actor(None, f"bench-{unit_id}", "unit", unit_id),
                                event_id, unit_id, {
                                    "type": "library", "title": "Ngày hội đọc sách",
                                    "start_date": f"{YEAR}-10-02", "format": "truc_tiep",
                                    "participants": "40"})
    finally:
        db.conn.close()
    return path.name


def whole_area_build(db, event_id: int) -> dict:
    """What the city's whole-area view computes (components/suborg_view.whole_area_totals'
    build): every live child's figures (a cache hit while its stamp is unchanged) summed
    with the city's own."""
    from core import rollup as core
    from db import rollup, stats

    subs = rollup.suborganisations(db, event_id)
    return core.combined_totals(stats.summary(db, event_id)["totals"],
                                [s["totals"] for s in subs])


def measure_city_recompute(root: Path, runs: int) -> dict:
    """In process, CPU seconds (time.process_time) of: the per-refresh check of the whole
    area (the city's fingerprint + the stamps of its 126 wards), nothing changed; and the
    shared recompute of the whole area's totals after one ward's write (125 wards from the
    cache, one read again)."""
    from db import connect, events, live_figures

    live_rollup, _view = live_sum_modules()
    db = connect(root)
    event_id = events.get(db, YEAR)["id"]
    live_rollup.clear_cache()
    cold_start = time.process_time()
    totals = whole_area_build(db, event_id)  # every ward computed once: the cold start
    cold = time.process_time() - cold_start
    check, recompute, wards = [], [], []
    rng = random.Random(6)
    for _ in range(runs):
        start = time.process_time()
        live_figures.fingerprint(db)
        live_rollup.area_stamp(db)
        check.append(time.process_time() - start)
        wards.append(one_ward_write(root, rng))
        before = live_rollup.cache_info()["computed"]
        start = time.process_time()
        after = whole_area_build(db, event_id)
        recompute.append(time.process_time() - start)
        assert live_rollup.cache_info()["computed"] == before + 1  # exactly one ward again
    db.conn.close()
    return {"cold_cpu_s": cold, "check_cpu_s": spread(check),
            "recompute_cpu_s": spread(recompute), "writes_between": len(wards),
            "activities_before": totals["activities"],
            "activities_after": after["activities"]}


def measure_city_server(root: Path, runs: int) -> dict:
    """Server CPU per refresh of the city's dashboard (10 replayed viewers × 10 refreshes
    per window, warm, nothing written), as bench/run.py's refresh row measures a single
    organiser's: bench/organisers_app.py bound to the city (?dv=hn) when the server binds
    sessions to organisers, else bench/dashboard_app.py on the city's file."""
    import asyncio
    import importlib.util

    import run as house

    bound = importlib.util.find_spec("components.organiser_session") is not None
    if bound:
        ensure_accounts(root, [root])
    server = house.Server(root, "bench/organisers_app.py" if bound
                          else "bench/dashboard_app.py")
    try:
        out = asyncio.run(_refresh_windows(server, f"viewer=1&dv={CITY}" if bound
                                           else "viewer=1", 10, 10, runs))
        out["script"] = "bench/organisers_app.py" if bound else "bench/dashboard_app.py"
        return out
    finally:
        server.stop()


async def _refresh_windows(server, query: str, clients: int, refreshes: int,
                           windows: int) -> dict:
    """Server CPU per refresh over `windows` windows after one discarded."""
    import asyncio

    from wsclient import Session

    sessions = [Session(server.url, "bang-theo-doi", query=query) for _ in range(clients)]
    await asyncio.gather(*(s.connect() for s in sessions))
    for s in sessions:
        await s.rerun()
    if not all(s.fragments for s in sessions):
        raise RuntimeError(f"no live fragment: {sessions[0].errors[:1]}")

    async def window():
        async def loop(s):
            fragment = next(iter(s.fragments))
            for _ in range(refreshes):
                await s.rerun(fragment)
        before = server.cpu()
        await asyncio.gather(*(loop(s) for s in sessions))
        return (server.cpu() - before) / (clients * refreshes)

    await window()  # warm-up, discarded
    samples = [await window() for _ in range(windows)]
    errors = [e for s in sessions for e in s.errors]
    await asyncio.gather(*(s.close() for s in sessions))
    return {"cpu_s": spread(samples), "clients": clients, "refreshes_each": refreshes,
            "errors": len(errors), "error_sample": errors[:3]}


def measure_city(root: Path, workdir: Path, runs: int) -> dict:
    if live_sum_modules() is None:
        return {"not_measured": "the live sum of descendants (db/live_rollup.py, issue 24 "
                                "deliver 3) is not in this tree"}
    scratch = scratch_installation(root, workdir)  # the writes below stay out of the cache
    ensure_accounts(scratch, [scratch])
    out = {}
    try:
        log("  city: whole-area check and recompute after one ward's write…", load())
        out["recompute"] = measure_city_recompute(scratch, runs)
    except Exception as error:  # reported; the next part still runs
        out["recompute"] = {"error": repr(error)[:300]}
    try:
        log("  city: server CPU per dashboard refresh, 10 viewers…", load())
        out["server"] = measure_city_server(scratch, runs)
    except Exception as error:
        out["server"] = {"error": repr(error)[:300]}
    shutil.rmtree(scratch.parent, ignore_errors=True)
    return out


# --- writes from all wards ---------------------------------------------------------------

def writer_targets(root: Path) -> list[tuple[Path, int, int]]:
    """(file, 2026 event id, a school that has not submitted) per ward."""
    from db import directory

    out = []
    for record in directory.records(root):
        if record.level != "xa":
            continue
        conn = sqlite3.connect(record.file)
        event_id = conn.execute("select id from events where year = ?", [YEAR]).fetchone()[0]
        unit = conn.execute(
            "select id from units u where kind = 'school' and active = 1 and not exists ("
            "select 1 from report_submissions r where r.unit_id = u.id and r.event_id = ?) "
            "order by id limit 1", [event_id]).fetchone()
        conn.close()
        if unit:
            out.append((record.file, event_id, unit[0]))
    return out


def measure_writes(root: Path, workdir: Path, per_s: float, seconds: float) -> dict:
    from db import Actor, connect, entries

    scratch = scratch_installation(root, workdir)
    targets = writer_targets(scratch)
    rng = random.Random(24)
    count = int(per_s * seconds)
    latencies, errors, wards = [], [], set()
    lock = threading.Lock()

    def save(path, event_id, unit_id, n):
        start = time.perf_counter()
        try:
            db = connect(path)  # a page run opens its own connection
            try:
                entries.create_activity(db, Actor(None, f"bench-{unit_id}", "unit", unit_id),
                                        event_id, unit_id, {
                                            "type": "library", "title": f"Ngày hội đọc sách {n}",
                                            "start_date": f"{YEAR}-10-02",
                                            "format": "truc_tiep", "participants": "40"})
            finally:
                db.conn.close()
        except Exception as error:  # counted and reported
            with lock:
                errors.append(repr(error)[:120])
        with lock:
            latencies.append(time.perf_counter() - start)

    threads, began = [], time.perf_counter()
    for n in range(count):
        path, event_id, unit_id = rng.choice(targets)
        wards.add(path.name)
        time.sleep(max(0.0, began + n / per_s - time.perf_counter()))
        thread = threading.Thread(target=save, args=(path, event_id, unit_id, n))
        thread.start()
        threads.append(thread)
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - began
    shutil.rmtree(scratch.parent, ignore_errors=True)
    latencies.sort()
    pick = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))]  # noqa
    return {"saves": len(latencies), "wards_written": len(wards), "errors": len(errors),
            "error_sample": errors[:3], "p50_s": pick(0.5), "p99_s": pick(0.99),
            "max_s": latencies[-1], "per_s": per_s, "wall_s": wall}


# --- a ward's refresh in a server: in the installation against alone ----------------------------

async def _refresh_pair(a, b, clients: int, refreshes: int, windows: int) -> dict:
    """Server CPU per dashboard refresh (warm, nothing written) of two servers, windows in
    turn (A B A B … after one discarded pair); a, b: (server, query)."""
    import asyncio

    from wsclient import Session

    async def open_(server, query):
        sessions = [Session(server.url, "bang-theo-doi", query=query) for _ in range(clients)]
        await asyncio.gather(*(s.connect() for s in sessions))
        for s in sessions:
            await s.rerun()
        return sessions

    async def window(server, sessions):
        async def loop(s):
            fragment = next(iter(s.fragments))
            for _ in range(refreshes):
                await s.rerun(fragment)
        before = server.cpu()
        await asyncio.gather(*(loop(s) for s in sessions))
        return (server.cpu() - before) / (clients * refreshes)

    opened = [await open_(*a), await open_(*b)]
    for (server, _q), sessions in zip((a, b), opened):
        await window(server, sessions)  # warm-up, discarded
    cpu_a, cpu_b = [], []
    for _ in range(windows):
        cpu_a.append(await window(a[0], opened[0]))
        cpu_b.append(await window(b[0], opened[1]))
    errors = [e for sessions in opened for s in sessions for e in s.errors]
    for sessions in opened:
        await asyncio.gather(*(s.close() for s in sessions))
    return {"installation_cpu_s": spread(cpu_a), "alone_cpu_s": spread(cpu_b),
            "ratio": spread([x / y for x, y in zip(cpu_a, cpu_b)]), "clients": clients,
            "refreshes_each": refreshes, "errors": len(errors), "error_sample": errors[:3]}


def measure_ward_server(root: Path, key: str, workdir: Path, runs: int) -> dict:
    """A ward's dashboard refresh in a real server: the installation's server (every
    session bound to its organiser, bench/organisers_app.py, ?dv=KEY) against a server of
    the ward's file alone (bench/dashboard_app.py), 10 viewers each, windows in turn."""
    import asyncio
    import importlib.util

    if importlib.util.find_spec("components.organiser_session") is None:
        return {"not_measured": "the server cannot bind a session to an organiser in this "
                                "tree (issue 24's per-session binding)"}
    import run as house

    scratch = scratch_installation(root, workdir)
    ensure_accounts(scratch)
    alone = alone_copy(scratch, key, workdir / "alone-server")
    servers = []
    try:
        servers.append(house.Server(scratch, "bench/organisers_app.py"))
        servers.append(house.Server(alone, "bench/dashboard_app.py"))
        return asyncio.run(_refresh_pair((servers[0], f"viewer=1&dv={key}"),
                                         (servers[1], "viewer=1"), 10, 10, runs))
    finally:
        for server in servers:
            server.stop()
        shutil.rmtree(scratch.parent, ignore_errors=True)


# --- viewers spread over organisers, with writes ---------------------------------------------

def viewer_keys(root: Path, count: int) -> list[str]:
    """`count` viewers: the city's committee a sixth of them, the rest over the wards in
    turn (126 wards, 300 viewers: 50 on the city, 2 on each ward, 2 wards with 1)."""
    from db import directory

    wards = [r.key for r in directory.records(root) if r.level == "xa"]
    city = count // 6
    return [CITY] * city + [wards[i % len(wards)] for i in range(count - city)]


class WardWriter(threading.Thread):
    """`per_s` saves a second (open loop) into random wards until stopped."""

    def __init__(self, root: Path, per_s: float):
        super().__init__(daemon=True)
        self.targets, self.per_s = writer_targets(root), per_s
        self.stop_at = None
        self.latencies, self.errors = [], []

    def run(self):
        from db import Actor, connect, entries

        rng, began, n = random.Random(23), time.perf_counter(), 0
        while self.stop_at is None or time.perf_counter() < self.stop_at:
            time.sleep(max(0.0, began + n / self.per_s - time.perf_counter()))
            path, event_id, unit_id = rng.choice(self.targets)
            start = time.perf_counter()
            try:
                db = connect(path)
                try:
                    entries.create_activity(
                        db, Actor(None, f"bench-{unit_id}", "unit", unit_id), event_id,
                        unit_id, {"type": "library", "title": f"Ngày hội đọc sách {n}",
                                  "start_date": f"{YEAR}-10-02", "format": "truc_tiep",
                                  "participants": "40"})
                finally:
                    db.conn.close()
            except Exception as error:  # counted and reported
                self.errors.append(repr(error)[:120])
            self.latencies.append(time.perf_counter() - start)
            n += 1


def server_errors(server) -> list[str]:
    """The last lines of each error the server logged (bench/organisers_app.py)."""
    try:
        text = Path(str(server.views_log) + ".errors.txt").read_text()
    except OSError:
        return []
    return [block.strip().splitlines()[-1] for block in text.split("Traceback")[1:]][:20]


def server_own_cpu(server) -> float:
    """CPU seconds of the server's own process (its Python threads, one GIL), without
    the picture-drawing worker (core/svg_worker): is the GIL the bottleneck?"""
    fields = Path(f"/proc/{server.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
    return sum(int(f) for f in fields[11:13]) / os.sysconf("SC_CLK_TCK")


def event_period(root: Path) -> float:
    """The refresh period of the city's YEAR week (its dashboard's timer, seconds)."""
    with sqlite3.connect(root) as conn:
        return float(conn.execute("select refresh_seconds from events where year = ?",
                                  (YEAR,)).fetchone()[0])


async def _viewers(server, root: Path, count: int, periods: int, per_s: float) -> dict:
    """`count` dashboards of their organisers opened over one refresh period, then left
    refreshing on the event's timer for `periods` periods, while WardWriter saves."""
    import asyncio

    from wsclient import Session

    keys = viewer_keys(root, count)
    probe = Session(server.url, "bang-theo-doi", query=f"viewer=1&dv={CITY}")
    await probe.connect()
    await probe.rerun()
    if not probe.fragments:
        raise RuntimeError(f"no live fragment: {probe.errors or probe.captions[:3]}")
    # the fragment's first interval is the time to its next aligned refresh (anything in
    # [0, P)): the viewers arrive over the event's period P itself, whatever the phase
    interval = event_period(root)
    await probe.close()
    writer = WardWriter(root, per_s)
    writer.start()
    late, failed, refreshes, opened = 0, 0, 0, []
    latencies, late_detail, errors = [], [], []
    cpu_before, start = server.cpu(), time.perf_counter()
    own_before = server_own_cpu(server)

    async def viewer(i, key):
        nonlocal late, failed, refreshes
        await asyncio.sleep(interval * i / count)  # viewers arrive over one period
        s = Session(server.url, "bang-theo-doi", query=f"viewer=1&dv={key}")
        try:
            await s.connect()
            opened.append(await s.rerun())
            fragment = next(iter(s.fragments))
            timer = time.perf_counter()
            for _ in range(periods):
                timer += s.fragments[fragment]
                await asyncio.sleep(max(0, timer - time.perf_counter()))
                took = await s.rerun(fragment)
                lag = time.perf_counter() - timer
                latencies.append(took)
                refreshes += 1
                if lag > 1.0:
                    late += 1
                    late_detail.append({"organiser": key, "at_s": round(timer - start, 1),
                                        "lag_s": round(lag, 2),
                                        "took_s": round(took, 2)})
            errors.extend(s.errors)
        except Exception as error:  # a viewer that could not refresh: all its refreshes late
            failed += 1
            errors.append(repr(error)[:120])
        finally:
            await s.close()

    try:
        await asyncio.gather(*(viewer(i, key) for i, key in enumerate(keys)))
    finally:
        writer.stop_at = time.perf_counter()
        writer.join(30)
    wall = time.perf_counter() - start
    cpu = server.cpu() - cpu_before
    own_cpu = server_own_cpu(server) - own_before
    latencies.sort()
    pick = lambda q: latencies[min(len(latencies) - 1, int(q * len(latencies)))]  # noqa
    saves = sorted(writer.latencies)
    return {"viewers": count, "on_city": keys.count(CITY),
            "organisers": len(set(keys)), "interval_s": interval, "periods": periods,
            "refreshes": refreshes, "late": late + failed * periods, "failed": failed,
            "errors": len(errors), "error_sample": errors[:3],
            "refresh_p50_s": pick(0.5) if latencies else None,
            "refresh_p99_s": pick(0.99) if latencies else None,
            "refresh_max_s": latencies[-1] if latencies else None,
            "open_max_s": max(opened) if opened else None, "server_cpu_s": cpu,
            "server_process_cpu_s": own_cpu, "views": server.views(),
            "server_errors": server_errors(server),
            "late_lags_s": sorted(((d["lag_s"], d["took_s"]) for d in late_detail),
                                  reverse=True)[:10],
            "wall_s": wall, "saves": len(saves), "save_errors": len(writer.errors),
            "save_p99_s": saves[min(len(saves) - 1, int(0.99 * len(saves)))] if saves
            else None, "late_detail": late_detail[:40]}


def measure_viewers(root: Path, workdir: Path, count: int, periods: int,
                    per_s: float) -> dict:
    import asyncio
    import importlib.util

    if importlib.util.find_spec("components.organiser_session") is None:
        return {"not_measured": "the server cannot bind a replayed viewer to an organiser "
                                "in this tree (issue 24's per-session binding)"}
    import run as house

    scratch = scratch_installation(root, workdir)
    ensure_accounts(scratch)
    server = house.Server(scratch, "bench/organisers_app.py")
    try:
        out = asyncio.run(_viewers(server, scratch, count, periods, per_s))
        out["views_kept"] = os.environ.get("LLW_BENCH_VIEWS_KEPT")
    finally:
        server.stop()
        shutil.rmtree(scratch.parent, ignore_errors=True)
    return out


# --- the table -----------------------------------------------------------------------------

def verdict(value, target) -> str:
    if value is None:
        return "NOT MEASURED"
    return "MET" if value <= target else "MISSED"


def rows_of(result: dict) -> list[dict]:
    """One row per figure: what, conditions, result, target, verdict."""
    meta = result["meta"]
    activities = f"{meta['activities']:,}".replace(",", " ")
    shape = (f"{meta['wards']} wards × {meta['units_per_ward']} units, {activities} "
             "activities in one installation")
    rows = []
    ward = result.get("ward") or {}
    for part, label in (("dashboard", "a ward's dashboard: shared-view recompute"),
                        ("report", "a ward's closing report (gather + PDF, charts drawn)")):
        fig = ward.get(part)
        key = f"ward_{part}_x"
        if not fig:
            rows.append({"row": label, "conditions": shape,
                         "result": ward.get("not_measured", "—"),
                         "target": f"≤ {TARGETS[key]}×", "verdict": "NOT MEASURED"})
            continue
        a, b, r = fig["installation_s"], fig["alone_s"], fig["ratio"]
        ca, cb, cr = fig["installation_cpu_s"], fig["alone_cpu_s"], fig["cpu_ratio"]
        rows.append({
            "row": label,
            "conditions": f"{shape}; ward {ward['ward']} in it (file resolved through the "
                          f"directory each run) / its file alone, A/B interleaved, "
                          f"{r['runs']} pairs after 1 discarded, one process; verdict on the "
                          f"CPU ratio (this process, all threads; the dashboard's pictures, "
                          f"drawn by core/svg_worker's process, are not in it — the same "
                          f"for both), wall-clock ratio beside it (the machine is shared: "
                          f"see the load below)",
            "result": f"CPU {cr['median']:.2f}× [{cr['min']:.2f}–{cr['max']:.2f}] "
                      f"({ca['median']:.3f} s vs {cb['median']:.3f} s); wall "
                      f"{r['median']:.2f}× [{r['min']:.2f}–{r['max']:.2f}] "
                      f"({a['median']:.3f} s vs {b['median']:.3f} s)",
            "target": f"≤ {TARGETS[key]}×", "verdict": verdict(cr["median"], TARGETS[key])})
    rows.append(ward_server_row(ward, shape))
    rows += city_rows(result.get("city") or {}, shape)
    w = result.get("writes") or {}
    rows.append({
        "row": "writes from all wards: p99 of a save",
        "conditions": (f"{shape} (scratch copy); {w['per_s']:g} saves/s open loop, each a "
                       f"school clerk of a random ward through db.entries.create_activity, "
                       f"{w['saves']} saves into {w['wards_written']} wards, "
                       f"{w['errors']} errors; no viewers meanwhile") if w.get("saves")
        else shape,
        "result": (f"p99 {w['p99_s']:.3f} s (p50 {w['p50_s']:.3f}, max {w['max_s']:.3f})"
                   if w.get("saves") else w.get("not_measured", "—")),
        "target": f"≤ {TARGETS['writes_p99_s']} s",
        "verdict": verdict(w.get("p99_s") if w.get("saves") and not w.get("errors")
                           else None, TARGETS["writes_p99_s"])
        if not w.get("errors") else "MISSED"})
    rows.append(viewers_row(result.get("viewers") or {}, shape))
    return rows


def ward_server_row(ward: dict, shape: str) -> dict:
    label = "a ward's dashboard refresh in a server: CPU per refresh, installation / alone"
    server = ward.get("server") or {}
    target = f"≤ {TARGETS['ward_dashboard_x']}×"
    if "ratio" not in server:
        return {"row": label, "conditions": shape, "target": target,
                "result": server.get("not_measured") or ward.get("not_measured")
                or server.get("error") or "—", "verdict": "NOT MEASURED"}
    a, b, r = server["installation_cpu_s"], server["alone_cpu_s"], server["ratio"]
    return {
        "row": label,
        "conditions": f"{shape}; ward {ward['ward']}: the installation's server (sessions "
                      f"bound by ?dv=KEY, bench/organisers_app.py) / a server of its file "
                      f"alone (bench/dashboard_app.py), {server['clients']} replayed viewers "
                      f"× {server['refreshes_each']} refreshes per window, windows in turn, "
                      f"{r['runs']} pairs after 1 discarded, warm, nothing written, "
                      f"{server['errors']} errors",
        "result": f"{r['median']:.2f}× [{r['min']:.2f}–{r['max']:.2f}] "
                  f"({a['median'] * 1000:.1f} ms vs {b['median'] * 1000:.1f} ms)",
        "target": target,
        "verdict": "MISSED" if server["errors"] else verdict(r["median"],
                                                             TARGETS["ward_dashboard_x"])}


def city_rows(city: dict, shape: str) -> list[dict]:
    target = TARGETS["city_refresh_cpu_ms"]
    missing = city.get("not_measured")
    server, recompute = city.get("server") or {}, city.get("recompute") or {}
    rows = []
    cpu = (server.get("cpu_s") or {}) if not missing else {}
    rows.append({
        "row": "the city's dashboard refresh, nothing changed: server CPU per refresh",
        "conditions": f"{shape}; the city's file (whole area = live sum of its 126 wards), "
                      f"{server.get('script', 'bench/dashboard_app.py')}, "
                      f"{server.get('clients', 10)} replayed viewers × "
                      f"{server.get('refreshes_each', 10)} refreshes per window, "
                      f"{cpu.get('runs', 0)} windows after 1 discarded, "
                      f"{server.get('errors', 0)} errors; no write meanwhile",
        "result": missing or server.get("error") or
        f"{cpu['median'] * 1000:.1f} ms [{cpu['min'] * 1000:.1f}–{cpu['max'] * 1000:.1f}]",
        "target": f"≤ {target} ms",
        "verdict": "NOT MEASURED" if missing or "median" not in cpu else
        ("MISSED" if server.get("errors") else verdict(cpu["median"] * 1000, target))})
    check = recompute.get("check_cpu_s") or {}
    rows.append({
        "row": "the city's whole-area check, nothing changed: CPU (for information: "
               "made once per refresh period for all the city's viewers by the aligned "
               "probe; a viewer's refresh reads no file)",
        "conditions": f"{shape}; in one process: the city's fingerprint + the stamps of its "
                      f"126 wards (read-only connections), {check.get('runs', 0)} runs",
        "result": missing or recompute.get("error") or
        f"{check['median'] * 1000:.1f} ms [{check['min'] * 1000:.1f}–"
        f"{check['max'] * 1000:.1f}]",
        "target": "—", "verdict": "NOT MEASURED" if missing or not check else "—"})
    shared = recompute.get("recompute_cpu_s") or {}
    rows.append({
        "row": "the city's dashboard after one ward's write: the whole-area recompute, "
               "CPU (computed once, shared by every viewer)",
        "conditions": f"{shape}; in one process, after each of "
                      f"{recompute.get('writes_between', 0)} saves into a random ward: the "
                      f"live sum (125 wards from the cache, the written one read again) + "
                      f"the city's own figures; cold start (all 126 read): "
                      + (f"{recompute['cold_cpu_s']:.2f} s CPU" if "cold_cpu_s" in recompute
                         else "—"),
        "result": missing or recompute.get("error") or
        f"{shared['median'] * 1000:.1f} ms [{shared['min'] * 1000:.1f}–"
        f"{shared['max'] * 1000:.1f}]",
        "target": f"≤ {target} ms",
        "verdict": "NOT MEASURED" if missing or not shared else
        verdict(shared["median"] * 1000, target)})
    return rows


def viewers_row(v: dict, shape: str) -> dict:
    label = (f"{v.get('viewers', 300)} viewers spread over organisers with "
             f"{v.get('per_s', 2):g} writes/s: refreshes more than 1 s late")
    if v.get("not_measured") or v.get("error") or not v.get("refreshes"):
        return {"row": label, "conditions": shape, "result": v.get("not_measured") or
                v.get("error") or "no refresh measured", "target": "0",
                "verdict": "NOT MEASURED" if v.get("not_measured") else "MISSED"}
    p = lambda x: f"{x:.2f}" if x is not None else "—"  # noqa: E731
    return {
        "row": label,
        "conditions": (f"DIAGNOSTIC, NOT THE PRODUCT: the server keeps {v['views_kept']} "
                       "shared views instead of db/live_figures.VIEWS_KEPT; "
                       if v.get("views_kept") else "")
                      + f"{shape} (scratch copy); one server (bench/organisers_app.py, each "
                      f"viewer bound to its organiser by ?dv=KEY), {v['viewers']} replayed "
                      f"dashboards over {v['organisers']} organisers ({v['on_city']} on the "
                      f"city, the rest over the wards), arriving over one refresh period "
                      f"({v['interval_s']:g} s) then refreshing on their timer for "
                      f"{v['periods']} periods; meanwhile {v['saves']} saves into random "
                      f"wards (p99 {p(v['save_p99_s'])} s, {v['save_errors']} errors); "
                      f"server CPU {v['server_cpu_s']:.0f} s over {v['wall_s']:.0f} s; "
                      f"{v['failed']} viewers failed, {v['errors']} errors",
        "result": f"{v['late']} late of {v['refreshes']} (refresh p50 "
                  f"{p(v['refresh_p50_s'])} s, p99 {p(v['refresh_p99_s'])} s, max "
                  f"{p(v['refresh_max_s'])} s; first open worst {p(v['open_max_s'])} s)",
        "target": "0",
        "verdict": "MET" if v["late"] == 0 and not v["failed"] and not v["errors"]
        else "MISSED"}


def table(result: dict) -> str:
    rows = rows_of(result)
    lines = ["| measure | conditions | result | target | verdict |", "|---|---|---|---|---|"]
    lines += [f"| {r['row']} | {r['conditions']} | {r['result']} | {r['target']} | "
              f"{r['verdict']} |" for r in rows]
    meta = result["meta"]
    lines.append("")
    lines.append(f"Machine: {meta['cpus']} CPUs, shared with other work (load average "
                 f"{meta['load_start']} at the start, {meta['load_end']} at the end); "
                 f"SQLite {meta['sqlite']}; {meta['date']}; the whole run took "
                 f"{meta['wall_s']:.0f} s (installation build: {meta['build']}).")
    return "\n".join(lines)


# --- main ----------------------------------------------------------------------------------

def run(db_dir: Path, runs: int = 7, writes_per_s: float = 2.0, write_seconds: float = 60.0,
        ward: str | None = None, viewers: int = 300, periods: int = 2,
        parts=PARTS) -> dict:
    started = time.perf_counter()
    meta = {"wards": WARDS, "units_per_ward": UNITS_PER_WARD, "activities": ACTIVITIES,
            "cpus": os.cpu_count(), "sqlite": sqlite3.sqlite_version,
            "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
            "load_start": load(), "runs": runs}
    os.chdir(ROOT)
    marker = installation_folder(db_dir) / "built.json"
    cached = marker.exists()
    log("organisers: the installation…", load())
    root = build_installation(Path(db_dir))
    meta["build"] = "cached" if cached else f"{json.loads(marker.read_text())['build_s']} s"
    result = {"meta": meta}
    skipped = {"not_measured": "not run this time (--only)"}
    result.update({part: dict(skipped) for part in PARTS if part not in parts})
    with tempfile.TemporaryDirectory(prefix="llw-organisers-") as tmp:
        work = Path(tmp)
        if "ward" in parts:
            result["ward"] = measure_ward(root, ward or ward_key(WARDS // 2), work, runs)
            log("  ward: server CPU per refresh, installation / alone…", load())
            try:
                result["ward"]["server"] = measure_ward_server(
                    root, ward or ward_key(WARDS // 2), work, runs)
            except Exception as error:  # reported as such
                result["ward"]["server"] = {"error": repr(error)[:300]}
        if "city" in parts:
            result["city"] = measure_city(root, work, runs)
        if "writes" in parts:
            log(f"  writes: {writes_per_s:g}/s for {write_seconds:.0f} s over every ward…",
                load())
            result["writes"] = measure_writes(root, work, writes_per_s, write_seconds)
        if "viewers" in parts and viewers:
            log(f"  {viewers} viewers over the organisers, {writes_per_s:g} writes/s…",
                load())
            try:
                result["viewers"] = measure_viewers(root, work, viewers, periods,
                                                    writes_per_s)
            except Exception as error:  # reported as such
                result["viewers"] = {"error": repr(error)[:300]}
            result["viewers"]["per_s"] = writes_per_s
    meta["load_end"] = load()
    meta["wall_s"] = time.perf_counter() - started
    result["rows"] = rows_of(result)
    return result


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db-dir", default=str(Path(tempfile.gettempdir()) / "llw-bench"))
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--writes-per-s", type=float, default=2.0)
    parser.add_argument("--write-seconds", type=float, default=60.0)
    parser.add_argument("--ward", default=None, help="the ward measured (default: p063)")
    parser.add_argument("--viewers", type=int, default=300, help="0: no viewers row")
    parser.add_argument("--periods", type=int, default=2,
                        help="refresh periods the viewers are watched (2)")
    parser.add_argument("--json", default=None)
    parser.add_argument("--write", default=None, help="write the table (markdown)")
    parser.add_argument("--only", default=",".join(PARTS),
                        help=f"comma list of parts: {', '.join(PARTS)}")
    parser.add_argument("--views-kept", type=int, default=None,
                        help="DIAGNOSTIC: the server keeps this many shared views "
                        "(db/live_figures.VIEWS_KEPT, 64) in the viewers part; the row says so")
    args = parser.parse_args(argv)
    if args.views_kept:
        os.environ["LLW_BENCH_VIEWS_KEPT"] = str(args.views_kept)  # bench/organisers_app.py
    result = run(Path(args.db_dir), args.runs, args.writes_per_s, args.write_seconds,
                 args.ward, args.viewers, args.periods,
                 [p for p in args.only.split(",") if p in PARTS])
    text = table(result)
    print(text)
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=1, ensure_ascii=False))
    if args.write:
        Path(args.write).write_text(text + "\n", encoding="utf-8")
    return 1 if any(r["verdict"] == "MISSED" for r in result["rows"]) else 0


if __name__ == "__main__":
    sys.exit(main())
