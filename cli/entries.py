"""import-activities, import-propaganda: all or nothing unless --skip-invalid."""
from pathlib import Path

from cli.common import fail, open_db, print_lines
from core.tabular import TabularError, read_path
from db import Actor, WeekLocked, entries, events


def _event(db, year):
    event = events.get(db, year)
    if event is None:
        fail(f"Không có Tuần lễ năm {year}." if year else "Chưa có Tuần lễ nào.")
    return event


def _run_import(args, kind):
    db = open_db(args)
    event = _event(db, args.year)
    try:
        table = read_path(args.file)
    except (TabularError, OSError) as error:
        fail(str(error))
    try:
        report = entries.import_rows(db, Actor.system(), kind, event["id"], table,
                                     skip_invalid=args.skip_invalid,
                                     allow_outside_week=args.allow_outside_week,
                                     source=Path(args.file).name)
    except WeekLocked as locked:
        fail(str(locked))
    print_lines(report.error_lines())
    if not report.written:
        fail(f"Không nhập dòng nào: {len(report.errors)} dòng lỗi.")
    skipped = f", bỏ qua {len(report.errors)} dòng lỗi" if report.errors else ""
    print(f"Đã nhập {report.created} dòng vào Tuần lễ {event['year']}{skipped}.")


def cmd_import_activities(args):
    _run_import(args, entries.ACTIVITY)


def cmd_import_propaganda(args):
    _run_import(args, entries.PROPAGANDA)


def register(sub):
    for name, func, columns in (
            ("import-activities", cmd_import_activities, entries.ACTIVITY_COLUMNS),
            ("import-propaganda", cmd_import_propaganda, entries.PROPAGANDA_COLUMNS)):
        p = sub.add_parser(name, help=f"import from CSV or XLSX (columns: {','.join(columns)});"
                           " all or nothing unless --skip-invalid")
        p.add_argument("file")
        p.add_argument("--year", type=int, help="event year (default: the latest)")
        p.add_argument("--skip-invalid", action="store_true",
                       help="import the good rows, still list the bad ones")
        p.add_argument("--allow-outside-week", action="store_true",
                       help="accept dates outside the event's week")
        p.set_defaults(func=func)
