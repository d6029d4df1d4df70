#!/usr/bin/env python3
"""Benchmark of the city's workbook (issue 14 item 4), as processes, the way an office runs it.

Builds a city-sized database once (`manage.py demo --units 2000 --activities 100000 --seed 1`
into a temporary file), then times, each as a whole `python3 manage.py ...` process:
- `export --out FILE.xlsx`              (the whole workbook; target <= 3 s)
- `export --out FILE.xlsx --table by_ward` (one sheet; target <= 1.2x stats --json)
- `stats --json`                        (the reference)
- `python3 -c "import manage"`          (the floor every command pays: Python + imports)
The runs are interleaved (stats, table, export, stats, ...) so a burst of load on a shared
machine hits all three alike; the first round is a warm-up and discarded. Prints medians with
min-max, the ratio, CPU seconds (user+sys of the child: less sensitive to other load than
wall time) and the load average before and after.

    python3 bench/export.py [--runs 5] [--activities 100000] [--units 2000] [--db PATH]
                            [--json]

bench/run.py may import `measure()` (it returns the same dict that --json prints).
"""
import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET_EXPORT_S = 3.0
TARGET_TABLE_X = 1.2


# As a user's machine runs it: Python writes and reuses its bytecode cache. Our sandbox sets
# PYTHONDONTWRITEBYTECODE, which recompiles the app's modules on every start (~0.2-0.4 s).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def run(args: list[str]) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the child) of `python3 manage.py ARGS` (or of
    `python3 ARGS` when ARGS starts with "-c")."""
    command = [sys.executable, *args] if args[0] == "-c" else [
        sys.executable, str(ROOT / "manage.py"), *args]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, cwd=ROOT, env=ENV)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def build(path: Path, units: int, activities: int) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, str(ROOT / "manage.py"), "--db", str(path), "demo",
                    "--units", str(units), "--activities", str(activities), "--seed", "1",
                    "--no-accounts"], check=True, stdout=subprocess.DEVNULL, cwd=ROOT,
                   env={**os.environ, "LLW_BCRYPT_ROUNDS": "4"})
    return time.perf_counter() - start


def _stats(samples: list[float]) -> dict:
    return {"median": statistics.median(samples), "min": min(samples), "max": max(samples),
            "samples": samples}


def measure(db_path: Path, runs: int = 5, workdir: Path | None = None) -> dict:
    workdir = workdir or Path(tempfile.mkdtemp(prefix="llw-bench-export-"))
    commands = {
        # the floor of every manage.py command: starting Python and importing manage.py
        # (since the lazy command table, without any command module)
        "imports": ["-c", "import manage"],
        "stats_json": ["--db", str(db_path), "stats", "--json"],
        "export_table": ["--db", str(db_path), "export", "--out",
                         str(workdir / "ward.xlsx"), "--table", "by_ward"],
        "export": ["--db", str(db_path), "export", "--out", str(workdir / "all.xlsx")],
    }
    wall = {k: [] for k in commands}
    cpu = {k: [] for k in commands}
    load_before = os.getloadavg()
    for round_ in range(runs + 1):
        for name, args in commands.items():
            w, c = run(args)
            if round_:  # round 0 warms the page cache and the imports: discarded
                wall[name].append(w)
                cpu[name].append(c)
    size = (workdir / "all.xlsx").stat().st_size
    out = {"runs": runs, "load_before": load_before, "load_after": os.getloadavg(),
           "xlsx_bytes": size}
    for name in commands:
        out[name] = {"wall": _stats(wall[name]), "cpu": _stats(cpu[name])}
    out["table_x"] = out["export_table"]["wall"]["median"] / out["stats_json"]["wall"]["median"]
    out["table_x_cpu"] = (out["export_table"]["cpu"]["median"]
                          / out["stats_json"]["cpu"]["median"])
    out["export_ok"] = out["export"]["wall"]["median"] <= TARGET_EXPORT_S
    out["table_ok"] = out["table_x"] <= TARGET_TABLE_X
    return out


RED, GREEN, RESET = "\033[31m", "\033[32m", "\033[0m"


def _line(label: str, m: dict) -> str:
    w, c = m["wall"], m["cpu"]
    return (f"{label:<28} {w['median']:6.2f} s  [{w['min']:.2f}–{w['max']:.2f}]   "
            f"CPU {c['median']:5.2f} s  [{c['min']:.2f}–{c['max']:.2f}]")


def report(result: dict, color: bool = True) -> str:
    def mark(ok: bool, text: str) -> str:
        if not color:
            return text + ("" if ok else "  <-- TARGET MISSED")
        return f"{GREEN if ok else RED}{text}{RESET}"

    lines = [f"load average before {result['load_before'][0]:.2f}, after "
             f"{result['load_after'][0]:.2f} (2 cores); {result['runs']} runs after a "
             f"discarded warm-up; medians [min–max]",
             _line("import manage (floor)", result["imports"]),
             _line("stats --json", result["stats_json"]),
             _line("export --table by_ward", result["export_table"]),
             _line("export (whole workbook)", result["export"]),
             f"workbook size {result['xlsx_bytes'] / 1e6:.1f} MB",
             mark(result["export_ok"], f"export: {result['export']['wall']['median']:.2f} s "
                                       f"(target <= {TARGET_EXPORT_S:.0f} s)"),
             mark(result["table_ok"], f"export --table by_ward: {result['table_x']:.2f}x "
                                      f"stats --json (target <= {TARGET_TABLE_X}x; CPU "
                                      f"{result['table_x_cpu']:.2f}x)")]
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--units", type=int, default=2000)
    parser.add_argument("--activities", type=int, default=100_000)
    parser.add_argument("--db", help="an existing database to use (otherwise built once)")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="llw-bench-export-") as tmp:
        workdir = Path(tmp)
        if args.db:
            db_path = Path(args.db)
        else:
            db_path = workdir / "city.db"
            seconds = build(db_path, args.units, args.activities)
            print(f"built {args.activities} activities / {args.units} units in "
                  f"{seconds:.1f} s", file=sys.stderr)
        result = measure(db_path, args.runs, workdir)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        print(report(result, color=sys.stdout.isatty()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
