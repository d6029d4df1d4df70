"""import-units, list-units."""
from cli.common import fail, open_db
from cli.entries import print_report
from core import texts
from core.import_format import UNIT_LAYOUT
from core.tabular import TabularError, read_path
from core.text import clean
from db import Actor, ValidationFailed, units


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


def cmd_deactivate_units(args):
    db = open_db(args)
    codes = list(args.codes)
    if args.not_in:
        try:
            table = read_path(args.not_in)
        except (TabularError, OSError) as error:
            fail(str(error))
        keep = {clean(row.get(h) or "") for _line, row in table.rows
                for h in (UNIT_LAYOUT.headers[0], "code")}
        codes += [u["code"] for u in units.list_units(db, active=True)
                  if u["code"] not in keep and not u["is_sample"]]
    if not codes:
        fail(texts.UNIT_DEACTIVATE_NOTHING)
    try:
        done = units.deactivate_codes(db, Actor.system(), codes)
    except ValidationFailed as failure:
        fail(" ".join(failure.errors.values()))
    print(texts.UNIT_DEACTIVATED.format(count=len(done), codes=", ".join(done) or "—"))


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
    p = sub.add_parser("deactivate-units", help="deactivate units by code, or every active "
                       "unit not listed in a units file (--not-in FILE: an office replacing "
                       "the seeded Ba Đình roster by its own); their entries stay")
    p.add_argument("codes", nargs="*", metavar="CODE")
    p.add_argument("--not-in", metavar="FILE", help="keep only the units whose code is in "
                   "this CSV/XLSX (Mã đơn vị or code column)")
    p.set_defaults(func=cmd_deactivate_units)
