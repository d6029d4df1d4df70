"""import-areas: the areas of a week from CSV/XLSX (db/areas.import_file)."""
from cli.common import fail, open_db


def cmd_import_areas(args):
    from pathlib import Path

    from core import texts
    from db import Actor, ValidationFailed, areas, events

    db = open_db(args)
    event = events.get(db, args.year)
    if event is None:
        fail(texts.AREA_CLI_NO_EVENT.format(year=args.year) if args.year
             else "Chưa có Tuần lễ nào.")
    try:
        data = Path(args.file).read_bytes()
    except OSError as error:
        fail(f"{texts.AREA_CLI_FAILED.format(file=args.file)}\n{error.strerror}")
    try:
        done = areas.import_file(db, Actor.system(), event["id"], data, args.file)
    except ValidationFailed as failure:
        fail("\n".join([texts.AREA_CLI_FAILED.format(file=args.file),
                        *failure.errors.values(), texts.AREA_NOTHING_WRITTEN]))
    print(texts.AREA_CLI_DONE.format(n=done["areas"], year=done["year"], added=done["added"],
                                     changed=done["changed"], removed=done["removed"]))


def register(sub):
    p = sub.add_parser("import-areas", help="the areas of a week from CSV or XLSX (columns "
                       "code,name,row,col or Mã,Tên,Hàng,Cột; row/col optional): the file "
                       "is the week's whole list; all or nothing")
    p.add_argument("file")
    p.add_argument("--year", type=int, default=None, help="the week's year (default: latest)")
    p.set_defaults(func=cmd_import_areas)
