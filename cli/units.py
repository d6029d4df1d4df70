"""import-units, list-units, deactivate-units: each acts on one week's roster (--year;
default: the newest week). Other weeks keep theirs (db/roster.py)."""
from cli.common import fail, open_db
from cli.entries import print_report
from core import texts
from core.import_format import UNIT_LAYOUT
from core.tabular import TabularError, read_path
from core.text import clean
from db import Actor, ValidationFailed, events, units


def week_of(db, year):
    """The event of --year (default: the newest), or a clear refusal."""
    event = events.get(db, year)
    if event is None:
        fail(texts.ROSTER_CLI_NO_EVENT.format(year=year) if year
             else texts.SETCLI_NO_EVENTS)
    return event


def cmd_import_units(args):
    db = open_db(args)
    event = week_of(db, args.year)
    try:
        table = read_path(args.file)
    except (TabularError, OSError) as error:
        fail(str(error))
    report = units.import_units(db, Actor.system(), table, update_existing=args.update,
                                event_id=event["id"])
    print_report(report)
    if not report.written:
        fail(report.refusal())
    print(texts.IMP_UNITS_DONE.format(created=report.created, updated=report.updated))
    print(texts.ROSTER_IMPORTED.format(year=event["year"],
                                       count=report.created + report.updated))


def cmd_list_units(args):
    db = open_db(args)
    event = week_of(db, args.year)
    for u in units.list_units(db, event_id=event["id"], active=None if args.all else True):
        line = [u["code"], u["name"], u["kind"], u["tier"] or "-", u["area_code"] or "-"]
        if args.all and not u["active"]:
            line.append(texts.UNITS_NOT_IN_WEEK)
        print("\t".join(line))


def cmd_deactivate_units(args):
    db = open_db(args)
    event = week_of(db, args.year)
    codes = list(args.codes)
    if args.not_in:
        try:
            table = read_path(args.not_in)
        except (TabularError, OSError) as error:
            fail(str(error))
        keep = {clean(row.get(h) or "") for _line, row in table.rows
                for h in (UNIT_LAYOUT.headers[0], "code")}
        codes += [u["code"] for u in units.list_units(db, event_id=event["id"], active=True)
                  if u["code"] not in keep and not u["is_sample"]]
    if not codes:
        fail(texts.UNIT_DEACTIVATE_NOTHING)
    try:
        done = units.deactivate_codes(db, Actor.system(), codes, event_id=event["id"])
    except ValidationFailed as failure:
        fail(" ".join(failure.errors.values()))
    print(texts.ROSTER_RETIRED.format(year=event["year"], count=len(done),
                                      codes=", ".join(done) or "—"))


def _year_option(parser):
    parser.add_argument("--year", type=int, default=None,
                        help="the week's year (default: the newest week)")


def register(sub):
    p = sub.add_parser("import-units", help="import units from CSV or XLSX into one week's "
                       "roster (all or nothing; columns: "
                       f"{', '.join(UNIT_LAYOUT.headers)}; the code headers also work)")
    p.add_argument("file")
    p.add_argument("--update", action="store_true", help="update units whose code exists "
                   "(and put them in the week's roster)")
    _year_option(p)
    p.set_defaults(func=cmd_import_units)
    p = sub.add_parser("list-units", help="one unit of the week's roster per line: code, "
                       "name, kind, tier, area in that week")
    p.add_argument("--all", action="store_true", help="every unit of the installation, "
                   "those outside the week marked")
    _year_option(p)
    p.set_defaults(func=cmd_list_units)
    p = sub.add_parser("deactivate-units", help="retire units from one week's roster by "
                       "code, or every unit of the week not listed in a units file "
                       "(--not-in FILE: an office replacing the seeded Ba Đình roster by "
                       "its own); their entries stay, other weeks keep their roster")
    p.add_argument("codes", nargs="*", metavar="CODE")
    p.add_argument("--not-in", metavar="FILE", help="keep only the units whose code is in "
                   "this CSV/XLSX (Mã đơn vị or code column)")
    _year_option(p)
    p.set_defaults(func=cmd_deactivate_units)
