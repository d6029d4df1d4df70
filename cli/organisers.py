"""organisers add|list|show: the organisers one installation hosts (db/directory.py). The
installation administrator (whoever runs manage.py on the server) lists them and gives each
its first admin account; every other command acts on one of them with --organiser KEY."""
from cli.common import fail, print_lines


def cmd_add(args):
    from core import texts
    from db import ValidationFailed, directory

    first = not directory.records(args.root_db)
    try:
        record = directory.add(args.root_db, args.key, args.name, args.level, args.parent)
    except ValidationFailed as failure:
        fail("\n".join(failure.errors.values()))
    print(texts.ORGS_ADDED.format(name=record.name, key=record.key, level=record.level_label,
                                  file=record.file.name))
    if first:
        print(texts.ORGS_ADOPTED.format(file=record.file.name))
    if not directory.has_admin(record):
        print(texts.ORGS_NEXT_STEPS.format(key=record.key))


def _summary(record) -> dict:
    """Accounts, admins, weeks and the newest week's roster of one organiser, read-only."""
    from db import directory

    db = directory.connect_readonly(record.file)
    try:
        admins = db.execute("select count(*) from users where role = 'admin' and active = 1"
                            ).fetchone()[0]
        accounts = db.execute("select count(*) from users where active = 1").fetchone()[0]
        weeks = [y for (y,) in db.execute("select year from events order by year")]
        units = db.execute("select count(*) from event_units where event_id = "
                           "(select id from events order by year desc limit 1)").fetchone()[0]
    finally:
        db.conn.close()
    return {"admins": admins, "accounts": accounts, "weeks": weeks, "units": units}


def cmd_list(args):
    from core import texts
    from db import directory

    records = directory.records(args.root_db)
    if not records:
        print(texts.ORGS_SINGLE.format(file=args.root_db))
        return
    print("\t".join(texts.ORGS_COLS))
    for r in records:
        s = _summary(r)
        print("\t".join([r.key, r.name, r.level, r.parent_key or "", r.file.name,
                         str(s["admins"]) if s["admins"] else texts.ORGS_NO_ADMIN,
                         ", ".join(map(str, s["weeks"]))]))


def cmd_show(args):
    from core import texts
    from db import directory

    record = directory.get(args.root_db, args.key)
    if record is None:
        try:
            directory.resolve(args.root_db, args.key)
        except directory.UnknownOrganiser as error:
            fail(str(error))
    s = _summary(record)
    parent = directory.get(args.root_db, record.parent_key) if record.parent_key else None
    words = texts.ORGS_SHOW_LINES
    print_lines([
        f"{words['key']}: {record.key}",
        f"{words['name']}: {record.name}",
        f"{words['level']}: {record.level_label}",
        f"{words['parent']}: {f'{parent.name} ({parent.key})' if parent else '–'}",
        f"{words['children']}: " + (", ".join(
            f"{c.name} ({c.key})" for c in directory.children(args.root_db, record.key))
            or "–"),
        f"{words['file']}: {record.file}",
        f"{words['admins']}: {s['admins'] or texts.ORGS_NO_ADMIN}",
        f"{words['accounts']}: {s['accounts']}",
        f"{words['weeks']}: {', '.join(map(str, s['weeks'])) or '–'}",
        f"{words['units']}: {s['units']}",
    ])


def register(sub):
    p = sub.add_parser("organisers", help="the organisers this installation hosts (a city "
                       "and its wards): add, list, show")
    actions = p.add_subparsers(dest="organisers_command", required=True)
    add = actions.add_parser("add", help="list a new organiser (the first adopts the --db "
                             "file and its data; the next get a file of their own)")
    add.add_argument("key", help="a short code: lowercase letters, digits, hyphens (phuc-xa)")
    add.add_argument("--name", required=True, help="e.g. «UBND phường Phúc Xá»")
    add.add_argument("--level", required=True, choices=["tinh", "huyen", "xa"])
    add.add_argument("--parent", default=None, metavar="KEY",
                     help="the organiser it reports to (required but for the first)")
    add.set_defaults(func=cmd_add)
    lst = actions.add_parser("list", help="every organiser, parents before children")
    lst.set_defaults(func=cmd_list)
    show = actions.add_parser("show", help="one organiser: its file, accounts, weeks")
    show.add_argument("key")
    show.set_defaults(func=cmd_show)
