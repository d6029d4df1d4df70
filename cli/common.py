"""Helpers shared by the subcommands: open the database, report errors, exit codes."""
import sys

from db.setup import prepare


class CommandError(Exception):
    """A clear message for the user; manage.py prints it and exits with code 1."""


def open_db(args):
    return prepare(args.db)


def fail(message: str) -> None:
    raise CommandError(message)


def print_lines(lines, stream=None):
    stream = stream or sys.stdout
    for line in lines:
        print(line, file=stream)
