#!/usr/bin/env python3
"""Benchmark of the closing report (issue 14 item 3): `manage.py report` against the time
of its charts + fonts alone, and its page count, on a database you give (e.g. the city-
sized demo: `manage.py --db /tmp/city.db demo --units 2000 --activities 100000 --seed 1`).

- floor ("charts + fonts alone"): rendering the report's charts to PNG (vl-convert, no
  cache) plus writing a one-page PDF that embeds the same four font styles;
- report: gathering the figures and building the whole PDF (no chart cache), in process;
- process: `manage.py report` as a process (imports included), for information.
Warm-up run discarded; medians with min–max over --runs runs; target: report <= 2x floor.

    python3 bench/report.py --db /tmp/city.db [--runs 5] [--json]
"""
import argparse
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core import closing_report  # noqa: E402
from core.pdf_layout import Letterhead, OfficialDocument  # noqa: E402
from db import events, report_data  # noqa: E402
from db.setup import prepare  # noqa: E402

TARGET = 2.0


def measure(fn, runs: int) -> dict:
    fn()  # warm-up, discarded
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return {"median": statistics.median(samples), "min": min(samples), "max": max(samples)}


def floor_once(data) -> None:
    closing_report._png_cache.clear()
    closing_report.report_charts(data)
    doc = OfficialDocument(Letterhead("UBND QUẬN BA ĐÌNH", "BAN CHỈ ĐẠO", "1", "Ba Đình", None))
    doc.start()
    for style in ("", "B", "I", "BI"):
        doc.paragraph("Tiếng Việt có dấu: ơ ư Ạ ỹ 12.345", style=style)
    doc.to_bytes()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    db = prepare(args.db)
    event = events.get(db)
    data = report_data.gather(db, event)
    pdf = b""

    def report_once():
        nonlocal pdf
        closing_report._png_cache.clear()
        pdf = closing_report.build_pdf(report_data.gather(db, event))

    floor = measure(lambda: floor_once(data), args.runs)
    report = measure(report_once, args.runs)
    out = Path(tempfile.mkdtemp()) / "report.pdf"
    process = measure(lambda: subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "--db", args.db, "report", "--out",
         str(out)], check=True, capture_output=True), max(1, args.runs // 2))
    from pypdf import PdfReader

    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    result = {"units": len(data.units), "activities": data.summary["totals"]["activities"],
              "pages": pages, "floor_s": floor, "report_s": report, "process_s": process,
              "ratio": report["median"] / floor["median"], "target": TARGET,
              "load_average": os.getloadavg()}
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        ok = result["ratio"] <= TARGET and pages <= 40
        fmt = lambda m: f"{m['median']:.2f} s [{m['min']:.2f}–{m['max']:.2f}]"  # noqa: E731
        print(f"units {result['units']}, activities {result['activities']}, "
              f"load average {', '.join(f'{x:.1f}' for x in result['load_average'])}")
        print(f"charts + fonts alone : {fmt(floor)}")
        print(f"report (in process)  : {fmt(report)}  = {result['ratio']:.2f}x "
              f"(target <= {TARGET}x)")
        print(f"manage.py report     : {fmt(process)}")
        print(f"pages                : {pages} (target <= 40)")
        print("MET" if ok else "\033[31mNOT MET\033[0m")
    return 0


if __name__ == "__main__":
    sys.exit(main())
