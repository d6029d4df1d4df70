"""import-units, list-units."""
from cli.common import fail, open_db
from cli.entries import print_report
from core import texts
from core.import_format import UNIT_LAYOUT
from core.tabular import TabularError, read_path
from db import Actor, units


def cmd_import_units(args):
    db = open_db(args)
    try:
        table = read_path(args.file)
    except (TabularError, OSError) as error:
        fail(str(error))
    report = units.import_units(db, Actor.system(), table, update_existing=args.update)
    print_report(report)
    if not report.written:
        fail(report.refusal())
    print(texts.IMP_UNITS_DONE.format(created=report.created, updated=report.updated))


def cmd_list_units(args):
    db = open_db(args)
    for u in units.list_units(db, active=None if args.all else True):
        print("\t".join([u["code"], u["name"], u["kind"], u["tier"] or "-",
                         u["ward_code"] or "-"]))


def register(sub):
    p = sub.add_parser("import-units", help="import units from CSV or XLSX (all or nothing; "
                       f"columns: {', '.join(UNIT_LAYOUT.headers)}; the code headers also "
                       "work)")
    p.add_argument("file")
    p.add_argument("--update", action="store_true", help="update units whose code exists")
    p.set_defaults(func=cmd_import_units)
    p = sub.add_parser("list-units", help="one unit per line: code, name, kind, tier, ward")
    p.add_argument("--all", action="store_true", help="include deactivated units")
    p.set_defaults(func=cmd_list_units)
