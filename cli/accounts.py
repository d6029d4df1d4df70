"""init, create-user."""
import sys

from cli.common import fail, open_db
from db import AccessDenied, Actor, ValidationFailed, users


def cmd_init(args):
    from db import areas, events

    db = open_db(args)
    latest = events.get(db)  # the areas of the latest week (db/areas.py)
    count = len(areas.areas_for(db, latest["id"])) if latest else 0
    print(f"Cơ sở dữ liệu sẵn sàng: {args.db} "
          f"({db['units'].count} đơn vị, {count} địa bàn)")


def cmd_create_user(args):
    db = open_db(args)
    password = sys.stdin.readline().rstrip("\r\n") if args.password_stdin else args.password
    if not password:
        fail("Cần --password hoặc --password-stdin.")
    try:
        users.create_user(db, Actor.system(), username=args.username, role=args.role,
                          name=args.name, password=password,
                          unit_code=args.unit_code, email=args.email)
    except ValidationFailed as failure:
        fail("\n".join(failure.errors.values()))
    except AccessDenied as denied:
        fail(str(denied))
    print(f"Đã tạo tài khoản {args.username.strip().lower()} ({args.role}).")


def cmd_list_users(args):
    """Accounts, or with --missing-name those without a full name (created before it was
    required): username, role, name, one a line."""
    from core import texts

    db = open_db(args)
    rows = users.without_full_name(db) if args.missing_name else users.list_users(db)
    if args.missing_name and not rows:
        print(texts.USERS_CLI_NONE_MISSING)
        return 0
    for row in rows:
        print(f"{row['username']}\t{row['role']}\t{row['name']}")
    return 0


def register(sub):
    p = sub.add_parser("init", help="create or upgrade the database and seed reference data")
    p.set_defaults(func=cmd_init)
    p = sub.add_parser("create-user", help="create an account")
    p.add_argument("--username", required=True)
    p.add_argument("--role", required=True, choices=["unit", "committee", "admin", "leader"])
    p.add_argument("--unit-code")
    p.add_argument("--name", required=True, help="the person's full name (printed on "
                   "documents, e.g. the approval of the budget Tờ trình)")
    p.add_argument("--email")
    group = p.add_mutually_exclusive_group(required=True)
    group.add_argument("--password")
    group.add_argument("--password-stdin", action="store_true")
    p.set_defaults(func=cmd_create_user)
    p = sub.add_parser("list-users", help="list accounts (username, role, full name)")
    p.add_argument("--missing-name", action="store_true",
                   help="only active accounts without a full name (empty or the username)")
    p.set_defaults(func=cmd_list_users)
