"""catalogue show|import: the week's activity types and propaganda channels (issue 15
item 3) headless. The file of `import` has the columns kind,code,group,name,measure
(kind 'type' or 'channel'; group for a type: education, emulation or ceremony; measure for a
channel; an empty code makes one from the name); the rows of a kind replace that kind's list,
in the file's order. Same rules as the admin page (db/catalogue.py): all or nothing."""
import json
import sys

from cli.common import fail, open_db
from core import texts

COLUMNS = ("kind", "code", "group", "name", "measure")


def _event(db, year):
    from db import events

    event = events.get(db, year)
    if event is None:
        fail(f"Không có Tuần lễ năm {year}." if year else "Chưa có Tuần lễ nào.")
    return event


def cmd_show(args):
    from db import catalogue

    db = open_db(args)
    event = _event(db, args.year)
    types, channels = catalogue.types_for(db, event["id"]), catalogue.channels_for(db,
                                                                                   event["id"])
    if args.json:
        json.dump({"year": event["year"], "types": types, "channels": channels}, sys.stdout,
                  ensure_ascii=False, indent=2)
        print()
        return
    print("\t".join(COLUMNS))
    for t in types:
        print("\t".join(["type", t["code"], t["grp"], t["name"], ""]))
    for c in channels:
        print("\t".join(["channel", c["code"], "", c["name"], c["measure"]]))


def cmd_import(args):
    from core.tabular import TabularError, read_path
    from db import Actor, ValidationFailed, catalogue

    db = open_db(args)
    event = _event(db, args.year)
    try:
        table = read_path(args.file)
    except (OSError, TabularError) as error:
        fail(str(error))
    headers = {c.casefold(): c for c in table.columns}
    missing = [c for c in ("kind", "name") if c not in headers]
    if missing:
        fail(texts.CAT_CLI_MISSING.format(missing=", ".join(missing), columns=",".join(COLUMNS)))
    rows = {"type": [], "channel": []}
    for line, cells in table.rows:
        cell = {c: cells.get(headers.get(c, c), "") for c in COLUMNS}
        if cell["kind"] not in rows:
            fail(texts.CAT_CLI_BAD_KIND.format(line=line, value=cell["kind"]))
        rows[cell["kind"]].append({"code": cell["code"], "grp": cell["group"],
                                   "name": cell["name"], "measure": cell["measure"]})
    actor = Actor.system()
    try:
        if rows["type"]:
            catalogue.set_types(db, actor, event["id"], rows["type"])
        if rows["channel"]:
            catalogue.set_channels(db, actor, event["id"], rows["channel"])
    except ValidationFailed as failure:
        fail("\n".join(failure.errors.values()))
    print(texts.CAT_CLI_SAVED.format(year=event["year"], types=len(rows["type"]),
                                      channels=len(rows["channel"]))
          + (texts.CAT_CLI_KEPT if not all(rows.values()) else "."))


def register(sub):
    p = sub.add_parser("catalogue", help="the week's activity types and channels: show | "
                       "import FILE (columns kind,code,group,name,measure)")
    actions = p.add_subparsers(dest="action", required=True)
    show = actions.add_parser("show", help="one line per type and channel (TSV), or --json")
    show.add_argument("--year", type=int, help="event year (default: the latest)")
    show.add_argument("--json", action="store_true")
    show.set_defaults(func=cmd_show)
    load = actions.add_parser("import", help="replace the week's types and/or channels by "
                              "the rows of a CSV/XLSX file (all or nothing)")
    load.add_argument("file")
    load.add_argument("--year", type=int, help="event year (default: the latest)")
    load.set_defaults(func=cmd_import)
