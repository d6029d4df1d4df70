"""backup FILE, restore FILE: one organiser's database (the --db file, or --organiser KEY's),
safe while the app is in use; backup --all / restore --all: the whole installation (the
directory of organisers and every organiser's database) in one .zip."""
import sys

from cli.common import fail
from core import texts
from core.budget import format_number
from db import Actor, backup


def cmd_backup(args):
    if args.all:
        return _backup_all(args)
    try:
        result = backup.backup(args.db, args.file, Actor.system())
    except backup.BackupError as error:
        fail(str(error))
    counts = ", ".join(f"{table} {format_number(n)}" for table, n in result.tables.items())
    print(f"Đã sao lưu {args.db} vào {result.path} ({format_number(result.size)} byte; "
          f"integrity_check: ok; {counts}).")


def cmd_restore(args):
    if args.all:
        return _restore_all(args)
    problems = backup.health_problems(args.file)
    if problems:
        fail(backup.refusal(problems))
    _confirm(args, f"Thay toàn bộ dữ liệu của {args.db} bằng {args.file}? "
                   "Gõ 'co' để tiếp tục: ")
    try:
        kept = backup.restore(args.db, args.file, Actor.system(),
                              other_organiser=args.other_organiser)
    except backup.BackupError as error:
        fail(str(error))
    print(f"Đã khôi phục {args.db} từ {args.file}. Cơ sở dữ liệu cũ được giữ tại {kept}.")


def _confirm(args, question: str) -> None:
    """A restore replaces data: asked at a terminal unless --yes (a script is not asked)."""
    if not args.yes and sys.stdin.isatty():
        if input(question).strip().lower() not in ("co", "có"):
            fail("Đã hủy, không thay đổi gì.")


def _whole_installation_only(args) -> None:
    if args.organiser is not None:
        fail(texts.ARC_ALL_NOT_ONE)


def _backup_all(args):
    from db import installation_backup

    _whole_installation_only(args)
    try:
        result = installation_backup.backup_all(args.root_db, args.file, Actor.system())
    except backup.BackupError as error:
        fail(str(error))
    print(texts.ARC_MADE.format(path=result.path, size=format_number(result.size),
                                count=len(result.organisers),
                                keys=", ".join(result.organisers)))


def _restore_all(args):
    from db import installation_backup

    _whole_installation_only(args)
    _confirm(args, texts.ARC_CONFIRM.format(file=args.file))
    try:
        done = installation_backup.restore_all(args.root_db, args.file, Actor.system(),
                                               replace_others=args.replace_others)
    except backup.BackupError as error:
        fail(str(error))
    print(texts.ARC_RESTORED.format(file=args.file, count=len(done.organisers),
                                    keys=", ".join(done.organisers)))
    for key, kept in done.kept.items():
        if kept is not None:
            print(texts.ARC_KEPT.format(key=key, kept=kept))
    for key, kept in done.set_aside.items():
        print(texts.ARC_SET_ASIDE.format(key=key, kept=kept))


def register(sub):
    p = sub.add_parser("backup", help="online backup of the database to FILE, then "
                       "integrity_check on the copy (safe while people write)")
    p.add_argument("file")
    p.add_argument("--all", action="store_true", help="the whole installation: the "
                   "directory of organisers and every organiser's backup in one .zip FILE")
    p.set_defaults(func=cmd_backup)
    p = sub.add_parser("restore", help="replace the database by FILE (a backup); refuses a "
                       "file that is not a healthy database of this app; keeps the replaced "
                       "database beside it as <db>.replaced-<time>")
    p.add_argument("file")
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    p.add_argument("--all", action="store_true", help="FILE is a whole installation's .zip "
                   "(backup --all): every file is checked before any is replaced")
    p.add_argument("--replace-others", action="store_true", help="with --all: drop from the "
                   "directory the organisers this installation has and FILE has not (their "
                   "files are kept aside, renamed)")
    p.add_argument("--other-organiser", action="store_true", help="restore a backup whose "
                   "weeks name another organiser over this organiser's file (refused "
                   "otherwise on a server of several organisers)")
    p.set_defaults(func=cmd_restore)
