"""stats --json, export --out FILE.xlsx|FILE.csv, demo: the committee's numbers headless."""
import json
import os
import sys

from cli.common import fail, open_db
from core import texts
from db import Actor, demo, events, export, rollup, sample_data, stats


def _event(db, year):
    event = events.get(db, year)
    if event is None:
        fail(f"Không có Tuần lễ năm {year}." if year else "Chưa có Tuần lễ nào.")
    return event


def cmd_stats(args):
    db = open_db(args)
    event_id = _event(db, args.year)["id"]
    summary = rollup.with_suborganisations(db, event_id, stats.summary(db, event_id))
    if args.json:
        json.dump(summary, sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        for key, value in summary["totals"].items():
            print(f"{key}\t{value}")


def cmd_export(args):
    """The workbook (all sheets, or only --table T) or one table as CSV. The file appears
    only once it is complete (written beside it, then renamed)."""
    db = open_db(args)
    event = _event(db, args.year)
    out = args.out
    suffix = os.path.splitext(out)[1].lower()
    if suffix not in (".xlsx", ".csv"):
        fail("Tên tệp phải kết thúc bằng .xlsx hoặc .csv")
    try:
        names = export.check_names([args.table] if args.table else None)
    except export.UnknownTable as error:
        fail(str(error))
    partial = f"{out}.partial"
    try:
        if suffix == ".xlsx":
            export.xlsx(db, event["id"], names if args.table else None, out=partial)
        else:  # written as it is read (issue 23): never the whole table in memory
            with open(partial, "w", encoding="utf-8", newline="",
                      buffering=1 << 20) as handle:
                export.write_csv(db, event["id"], args.table or "activities", handle)
        os.replace(partial, out)
    finally:
        if os.path.exists(partial):
            os.remove(partial)
    print(f"Đã ghi {out}")


def cmd_demo(args):
    db = open_db(args)
    if args.remove:
        removed = sample_data.remove(db, Actor.system())
        if not removed["units"] and not removed["users"]:
            print(texts.DEMO_NOTHING_TO_REMOVE)
        else:
            print(texts.DEMO_REMOVED.format(details=sample_data.describe(removed)))
        return
    try:
        result = demo.load(db, Actor.system(), units=args.units, activities=args.activities,
                           seed=args.seed, year=args.year, accounts=not args.no_accounts,
                           with_real=args.yes)
    except demo.RealDataPresent as error:
        fail(f"{error}\n{texts.DEMO_CONFIRM_WITH_YES}")
    except (demo.DemoAlreadyLoaded, ValueError) as error:
        fail(str(error))
    print(f"Đã nạp dữ liệu mẫu: {result.units} đơn vị mẫu, {result.activities} hoạt động, "
          f"{result.propaganda} mục tuyên truyền, {result.nominations} đề xuất khen thưởng "
          "(chỉ vào các đơn vị mẫu; gỡ bỏ bằng: manage.py demo --remove).")
    if result.accounts:
        print(texts.DEMO_ACCOUNTS_HEADING)
        rows = [texts.DEMO_ACCOUNTS_COLUMNS] + [
            (username, texts.DEMO_ROLE_NAMES.get(role, role), password)
            for username, role, password in result.accounts]
        widths = [max(len(r[i]) for r in rows) for i in range(3)]
        for row in rows:
            print("  " + "   ".join(cell.ljust(width) for cell, width in zip(row, widths))
                  .rstrip())


def register(sub):
    p = sub.add_parser("stats", help="coverage figures of the week (DESIGN §4)")
    p.add_argument("--json", action="store_true", help="the full JSON summary")
    p.add_argument("--year", type=int, default=None, help="event year (default: latest)")
    p.set_defaults(func=cmd_stats)
    p = sub.add_parser("export", help="the city's workbook: XLSX (all sheets) or CSV")
    p.add_argument("--out", required=True, help="FILE.xlsx or FILE.csv")
    p.add_argument("--year", type=int, default=None)
    p.add_argument("--table", default=None,
                   help="only this table (XLSX: one sheet; CSV: default activities): "
                        + ", ".join(export.workbook.SHEET_ORDER))
    p.set_defaults(func=cmd_export)
    p = sub.add_parser("demo", help="load a simulated week of sample data (deterministic)")
    p.add_argument("--units", type=int, default=60, help="sample schools to add")
    p.add_argument("--activities", type=int, default=600)
    p.add_argument("--seed", type=int, default=2020)
    p.add_argument("--year", type=int, default=None)
    p.add_argument("--no-accounts", action="store_true", help="do not create sample accounts")
    p.add_argument("--yes", action="store_true",
                   help="load even though the database already holds real entries (the "
                        "demo adds its own sample units and never touches real ones)")
    p.add_argument("--remove", action="store_true",
                   help="delete every sample unit, account and row in one transaction")
    p.set_defaults(func=cmd_demo)
