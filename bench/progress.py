#!/usr/bin/env python3
"""CPU and wall time of db/progress.units_progress (the reporting-progress page and the
workbook's per-unit sheet): one warm-up call, then the median of RUNS calls.

    python3 bench/progress.py /tmp/you/city-100000.db [--runs 5] [--event 1]

Give it a COPY of a benchmark database (bench/run.py builds them in /tmp/llw-bench): it
only reads, but a shared file is someone else's measurement."""
import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from db import connect, progress  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("db")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--event", type=int, default=1)
    args = parser.parse_args()
    db = connect(args.db)
    rows = progress.units_progress(db, args.event)  # warm-up (page cache, statement cache)
    cpu, wall = [], []
    for _ in range(args.runs):
        c0, w0 = time.process_time(), time.perf_counter()
        progress.units_progress(db, args.event)
        cpu.append(time.process_time() - c0)
        wall.append(time.perf_counter() - w0)
    print(f"units_progress: {len(rows)} units, "
          f"{sum(r['activities'] for r in rows)} activities; median of {args.runs}: "
          f"CPU {statistics.median(cpu):.3f} s (min {min(cpu):.3f}, max {max(cpu):.3f}), "
          f"wall {statistics.median(wall):.3f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
