"""import-activities, import-propaganda: all or nothing unless --skip-invalid.

Exit codes: 0 every row went in; 1 nothing was written; 2 --skip-invalid skipped rows."""
from pathlib import Path

from cli.common import fail, open_db, print_lines
from core import texts
from core.import_format import ACTIVITY_LAYOUT, PROPAGANDA_LAYOUT
from core.tabular import ImportReport, TabularError, read_path
from db import Actor, WeekLocked, entries, events

PARTIAL = 2  # exit code: some rows were skipped


def _event(db, year):
    event = events.get(db, year)
    if event is None:
        fail(f"Không có Tuần lễ năm {year}." if year else "Chưa có Tuần lễ nào.")
    return event


def print_report(report: ImportReport) -> None:
    """One line per problem, then what would let the refused rows in (options by name),
    then the columns left unread on request."""
    print_lines(report.error_lines())
    print_lines(texts.IMP_HINTS_CLI[hint] for hint in report.hints)
    if report.ignored_note():
        print(report.ignored_note())


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
                                     allow_duplicates=args.allow_duplicates,
                                     allow_duplicate_file=args.allow_duplicate_file,
                                     ignore_unknown_columns=args.ignore_unknown_columns,
                                     source=Path(args.file).name)
    except WeekLocked as locked:
        fail(str(locked))
    print_report(report)
    if not report.written:
        fail(report.refusal())
    if report.errors:
        print(texts.IMP_PARTIAL.format(created=report.created, skipped=report.bad_lines))
        return PARTIAL
    print(texts.IMP_DONE.format(created=report.created) + f" (Tuần lễ {event['year']})")
    return 0


def cmd_import_activities(args):
    return _run_import(args, entries.ACTIVITY)


def cmd_import_propaganda(args):
    return _run_import(args, entries.PROPAGANDA)


def register(sub):
    for name, func, layout in (
            ("import-activities", cmd_import_activities, ACTIVITY_LAYOUT),
            ("import-propaganda", cmd_import_propaganda, PROPAGANDA_LAYOUT)):
        p = sub.add_parser(name, help=f"import from CSV or XLSX (columns: "
                           f"{', '.join(layout.headers)}; the code headers also work); all or "
                           "nothing unless --skip-invalid")
        p.add_argument("file")
        p.add_argument("--year", type=int, help="event year (default: the latest)")
        p.add_argument("--skip-invalid", action="store_true",
                       help="import the good rows, still list the bad ones (exit code 2 "
                       "when rows were skipped)")
        p.add_argument("--allow-outside-week", action="store_true",
                       help="accept dates outside the event's week")
        p.add_argument("--allow-duplicates", action="store_true",
                       help="import rows identical to an entry the unit already has")
        p.add_argument("--allow-duplicate-file", action="store_true",
                       help="import content that was imported before (audited)")
        p.add_argument("--ignore-unknown-columns", action="store_true",
                       help="import although the file has columns the template does not "
                       "know (they are named and not read; without it they stop the import)")
        p.set_defaults(func=func)
