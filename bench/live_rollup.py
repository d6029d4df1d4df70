#!/usr/bin/env python3
"""The city's live sum of its wards (issue 24 deliver 3, db/live_rollup.py): CPU of one
refresh of the city's lower levels with N wards in one installation.

Builds (once, kept in --dir) a city and N wards (db/directory.add), each ward with a 2026
week, --units schools and --activities activities written through db/entries; then, in
this process:

- first read   rollup.suborganisations(city) on a cold cache: every ward's figures read
               (its roll-up sheet: stats.summary, learning models, commendations, state);
- unchanged    the same call again, nothing written: one stamp read per ward
               (figures counter + newest audit id), no ward's tables opened;
- one write    one activity written in one ward, then the call: that ward recomputed,
               the others from the cache;
- whole area   components/suborg_view.whole_area_totals' current fingerprint (the city's
               own + live_rollup.area_stamp), what every viewer's refresh reads.

Each figure is the median (min–max) CPU seconds of --runs runs (time.process_time).
Usage: python3 bench/live_rollup.py [--wards 126] [--dir /tmp/llw-live-rollup]
"""
import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from db import Actor, areas, connect, directory, entries, events, live_figures  # noqa: E402
from db import live_rollup, new_week, rollup, units  # noqa: E402
from db.setup import prepare  # noqa: E402

SYSTEM = Actor.system("bench")
YEAR = 2026


def ward_week(path: Path, n_units: int, n_activities: int) -> None:
    db = connect(path)
    try:
        new_week.create(db, SYSTEM, YEAR, empty=True)
        event = events.get(db, YEAR)
        areas.save_areas(db, SYSTEM, event["id"], [
            {"code": "TDP-01", "name": "Tổ dân phố số 1", "row": 1, "col": 1}])
        ids = [units.create(db, SYSTEM, {"code": f"U-{i:03d}", "name": f"Trường {i}",
                                         "kind": "school", "tier": "tieu_hoc",
                                         "ward_code": "TDP-01"}, event_id=event["id"])
               for i in range(n_units)]
        for i in range(n_activities):
            entries.create_activity(db, SYSTEM, event["id"], ids[i % len(ids)], {
                "type": "library", "title": f"Hoạt động {i}",
                "start_date": event["start_date"], "end_date": event["start_date"],
                "format": "truc_tiep", "participants": str(10 + i % 50),
                "online_participants": "0"})
    finally:
        db.conn.close()


def build(folder: Path, wards: int, n_units: int, n_activities: int) -> Path:
    root = folder / "llw.db"
    if directory.records(root):
        return root
    folder.mkdir(parents=True, exist_ok=True)
    prepare(root).conn.close()
    directory.add(root, "ha-noi", "UBND thành phố Hà Nội", "tinh")
    db = connect(root)
    try:
        new_week.create(db, SYSTEM, YEAR, empty=True)
    finally:
        db.conn.close()
    for i in range(wards):
        record = directory.add(root, f"p{i:03d}", f"UBND phường số {i}", "xa",
                               parent_key="ha-noi")
        ward_week(record.file, n_units, n_activities)
    return root


def cpu(fn, runs: int) -> tuple[float, float, float]:
    times = []
    for _ in range(runs):
        started = time.process_time()
        fn()
        times.append(time.process_time() - started)
    return statistics.median(times), min(times), max(times)


def shown(label: str, figures: tuple) -> str:
    median, low, high = figures
    return f"{label:<13} {median * 1000:8.1f} ms CPU  ({low * 1000:.1f}–{high * 1000:.1f})"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wards", type=int, default=126)
    parser.add_argument("--units", type=int, default=5)
    parser.add_argument("--activities", type=int, default=20)
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--dir", default="/tmp/llw-live-rollup")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    root = build(Path(args.dir) / f"w{args.wards}", args.wards, args.units, args.activities)
    print(f"installation: {args.wards} wards in {root.parent} "
          f"(built/reused in {time.perf_counter() - started:.1f} s)")
    db = connect(root)
    try:
        event_id = events.get(db, YEAR)["id"]
        live_rollup.clear_cache()
        first = cpu(lambda: rollup.suborganisations(db, event_id), 1)
        print(shown("first read", first))
        print(shown("unchanged", cpu(lambda: rollup.suborganisations(db, event_id),
                                     args.runs)))
        ward = directory.records(root)[1].file

        def one_write():
            w = connect(ward)
            try:
                ward_event = events.get(w, YEAR)
                unit = w.execute("select id from units where code = 'U-000'").fetchone()[0]
                entries.create_activity(w, SYSTEM, ward_event["id"], unit, {
                    "type": "arts", "title": "Văn nghệ", "format": "truc_tiep",
                    "start_date": ward_event["start_date"],
                    "end_date": ward_event["start_date"], "participants": "7",
                    "online_participants": "0"})
            finally:
                w.conn.close()

        times = []
        for _ in range(args.runs):
            one_write()
            started = time.process_time()
            rollup.suborganisations(db, event_id)
            times.append(time.process_time() - started)
        print(shown("one write", (statistics.median(times), min(times), max(times))))
        print(shown("whole area", cpu(lambda: (live_figures.fingerprint(db),
                                               live_rollup.area_stamp(db)), args.runs)))
        print(f"cache: {live_rollup.cache_info()}")
    finally:
        db.conn.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
