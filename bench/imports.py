#!/usr/bin/env python3
"""Benchmark of file imports (issue 13 item 2, issue 12 item 4).

For clerk-style files (Vietnamese headers and labels) of N activities over the seeded units
it measures: reading the CSV, importing it (validation, duplicate checks, inserts, audit),
refusing the same content again (hash lookup), and checking the same rows again as a new
file (every row found to be a probable duplicate), against the coded twin of the file.

    python3 bench/imports.py [--sizes 1000,5000]
"""
import argparse
import csv
import io
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from core import reference as ref  # noqa: E402
from core.import_format import ACTIVITY_LAYOUT  # noqa: E402
from core.tabular import read_table  # noqa: E402
from db import Actor, entries, events, units  # noqa: E402
from db.setup import prepare  # noqa: E402


def files(db, size: int) -> tuple[bytes, bytes]:
    """(clerk-style CSV, coded twin) of `size` distinct activities."""
    pool = units.list_units(db, active=True)
    types = list(ref.TYPE_NAMES)
    clerk, coded = io.StringIO(), io.StringIO()
    clerk_writer, coded_writer = csv.writer(clerk), csv.writer(coded)
    clerk_writer.writerow(ACTIVITY_LAYOUT.headers)
    coded_writer.writerow(entries.ACTIVITY_COLUMNS)
    for i in range(size):
        unit, kind = pool[i % len(pool)], types[i % len(types)]
        ward = unit["ward_code"] or "00031"
        day = 2 + i % 6
        title = f"Hoạt động số {i}"
        clerk_writer.writerow([unit["name"], ref.WARD_NAMES[ward], ref.TYPE_NAMES[kind], title,
                               f"{day:02d}/10/2020", "", "Kết hợp trực tiếp và trực tuyến",
                               str(50 + i % 300), "10", "Học sinh; Giáo viên, cán bộ", "", ""])
        coded_writer.writerow([unit["code"], ward, kind, title, f"2020-10-{day:02d}", "",
                               "ket_hop", str(50 + i % 300), "10", "hoc_sinh;can_bo", "", ""])
    return clerk.getvalue().encode(), coded.getvalue().encode()


def measure(size: int) -> dict:
    result = {"rows": size}
    with tempfile.TemporaryDirectory() as tmp:
        for name in ("coded", "clerk"):
            db = prepare(Path(tmp) / f"{name}.db")
            event_id = events.get(db, 2020)["id"]
            data = files(db, size)[0 if name == "clerk" else 1]
            start = time.perf_counter()
            table = read_table(data, f"{name}.csv")
            result[f"{name} read (s)"] = time.perf_counter() - start
            start = time.perf_counter()
            report = entries.import_activities(db, Actor.system("bench"), event_id, table)
            result[f"{name} import (s)"] = time.perf_counter() - start
            assert report.created == size and not report.errors, report.errors[:3]
            if name == "clerk":
                start = time.perf_counter()
                again = entries.import_activities(db, Actor.system("bench"), event_id, table)
                result["same file refused (s)"] = time.perf_counter() - start
                assert again.hints == ["duplicate_file"]
                start = time.perf_counter()
                again = entries.import_activities(db, Actor.system("bench"), event_id, table,
                                                  allow_duplicate_file=True)
                result["all rows duplicate (s)"] = time.perf_counter() - start
                assert again.bad_lines == size and not again.written
            db.conn.close()
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,5000")
    args = parser.parse_args()
    rows = [measure(int(n)) for n in args.sizes.split(",")]
    columns = list(rows[0])
    print("| " + " | ".join(columns) + " |")
    print("|" + "---:|" * len(columns))
    for row in rows:
        print("| " + " | ".join(f"{v:,}" if isinstance(v, int) else f"{v:.2f}"
                                for v in row.values()) + " |")


if __name__ == "__main__":
    main()
