"""backup FILE, restore FILE: the whole database, safe while the app is in use."""
import sys

from cli.common import fail
from core.budget import format_number
from db import Actor, backup


def cmd_backup(args):
    try:
        result = backup.backup(args.db, args.file, Actor.system())
    except backup.BackupError as error:
        fail(str(error))
    counts = ", ".join(f"{table} {format_number(n)}" for table, n in result.tables.items())
    print(f"Đã sao lưu {args.db} vào {result.path} ({format_number(result.size)} byte; "
          f"integrity_check: ok; {counts}).")


def cmd_restore(args):
    problems = backup.health_problems(args.file)
    if problems:
        fail(backup.refusal(problems))
    if not args.yes and sys.stdin.isatty():
        answer = input(f"Thay toàn bộ dữ liệu của {args.db} bằng {args.file}? "
                       "Gõ 'co' để tiếp tục: ")
        if answer.strip().lower() not in ("co", "có"):
            fail("Đã hủy, không thay đổi gì.")
    try:
        kept = backup.restore(args.db, args.file, Actor.system())
    except backup.BackupError as error:
        fail(str(error))
    print(f"Đã khôi phục {args.db} từ {args.file}. Cơ sở dữ liệu cũ được giữ tại {kept}.")


def register(sub):
    p = sub.add_parser("backup", help="online backup of the database to FILE, then "
                       "integrity_check on the copy (safe while people write)")
    p.add_argument("file")
    p.set_defaults(func=cmd_backup)
    p = sub.add_parser("restore", help="replace the database by FILE (a backup); refuses a "
                       "file that is not a healthy database of this app; keeps the replaced "
                       "database beside it as <db>.replaced-<time>")
    p.add_argument("file")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    p.set_defaults(func=cmd_restore)
