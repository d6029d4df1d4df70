"""rollup FILE... [--year Y] [--replace] [--allow-sample] | rollup --remove NAME: take the
workbooks of sub-organisers (their "Dữ liệu tổng hợp" sheet) into a week — all files or
none, every problem listed with its file, sheet and row (exit 2). A newer file of an
organiser already taken in replaces the stored one only with --replace; an older one is
refused; a file whose week holds sample data only with --allow-sample. --remove NAME
removes a stored report (audited)."""
import sys
from pathlib import Path

from cli.common import fail, open_db
from core import texts, timefmt


def cmd_rollup(args):
    from core import rollup as core
    from db import Actor, events, rollup

    db = open_db(args)
    event = events.get(db, args.year)
    if event is None:
        fail(texts.ROLLUP_NO_EVENT.format(year=args.year) if args.year else
             "Chưa có Tuần lễ nào.")
    if args.remove is not None:
        return _remove(db, event, args.remove)
    if not args.files:
        fail(texts.ROLLUP_CLI_NO_FILES)
    reports, errors = [], []
    for name in args.files:
        path = Path(name)
        try:
            data = path.read_bytes()
        except OSError:
            errors.append(texts.ROLLUP_CANNOT_OPEN.format(file=name))
            continue
        try:
            reports.append(rollup.read_file(data, path.name))
        except core.RollupError as error:
            errors += error.errors
    try:
        if errors:
            raise core.RollupError(errors)
        actions = rollup.import_reports(db, Actor.system(), event["id"], reports,
                                        replace=args.replace, allow_sample=args.allow_sample)
    except core.RollupError as error:
        print(texts.ROLLUP_CLI_REFUSED, file=sys.stderr)
        for line in error.errors:
            print(f"- {line}", file=sys.stderr)
        return 2
    print(texts.ROLLUP_CLI_DONE.format(n=len(actions), year=event["year"]))
    for action in actions:
        meta, old = action["report"].meta, action["replaces"]
        print(texts.ROLLUP_CLI_LINE.format(
            name=action["report"].organiser, level=meta.get("level") or "",
            at=timefmt.local(meta["generated_at"], seconds=True),
            action=texts.ROLLUP_ACTION_REPLACED.format(
                at=timefmt.local(old["generated_at"], seconds=True)) if old
            else texts.ROLLUP_ACTION_NEW))
    return 0


def _remove(db, event, name):
    """--remove NAME: the stored report of that organiser (any spelling of its name) goes,
    audited."""
    from core import rollup as core
    from db import Actor, rollup

    try:
        removed = rollup.remove(db, Actor.system(), event["id"], name)
    except core.RollupError as error:
        for line in error.errors:
            print(line, file=sys.stderr)
        return 2
    print(texts.ROLLUP_REMOVE_DONE.format(name=removed["organiser"]))
    return 0


def register(sub):
    p = sub.add_parser("rollup", help="take sub-organisers' workbooks (XLSX) into the week: "
                       "all or nothing")
    p.add_argument("files", nargs="*", metavar="FILE", help="workbooks exported by "
                   "`manage.py export` (or the export page) of the lower level")
    p.add_argument("--year", type=int, default=None, help="the week's year (default: latest)")
    p.add_argument("--replace", action="store_true",
                   help="confirm: a newer file replaces the stored report of its organiser")
    p.add_argument("--allow-sample", action="store_true",
                   help="take in a workbook whose week holds sample data (for trials only; "
                   "the report and dashboard say so)")
    p.add_argument("--remove", metavar="NAME", default=None,
                   help="remove the stored report of the sub-organiser NAME (audited)")
    p.set_defaults(func=cmd_rollup)
