#!/usr/bin/env python3
"""Headless administration: everything the UI does in bulk (DESIGN §7).

    python manage.py [--db PATH] [--organiser KEY] COMMAND ...

--db defaults to $LLW_DB, else data/llw.db (created on first use). --organiser names one
of the organisers the installation hosts (`organisers list`); without it a command acts on
the --db file, the installation's first (or only) organiser.
"""
import argparse
import importlib
import os
import sys

# Every command names the cli/ module that registers it (register(subparsers)) and runs it.
# Only the module of the command being run is imported, so `export` does not pay for fpdf2
# and Altair (the report's) and `stats` not for openpyxl: a new command is one line here
# plus its module, which imports what its commands need (heavy libraries inside the
# command functions when the module registers several commands).
COMMANDS = {
    "init": "cli.accounts",
    "create-user": "cli.accounts",
    "list-users": "cli.accounts",
    "import-units": "cli.units",
    "list-units": "cli.units",
    "backup": "cli.operations",
    "restore": "cli.operations",
    "import-activities": "cli.entries",
    "import-propaganda": "cli.entries",
    "stats": "cli.reporting",
    "export": "cli.reporting",
    "demo": "cli.reporting",
    "report": "cli.report",
    "deactivate-units": "cli.units",
    "import-areas": "cli.areas",
    "catalogue": "cli.catalogue",
    "rollup": "cli.rollup",
    "settings": "cli.settings",
    "closing": "cli.closing",
    "new-week": "cli.weeks",
    "organisers": "cli.organisers",
}
GLOBAL_OPTIONS_WITH_VALUE = ("--db", "--organiser")


def _import_sqlite_utils_without_pandas() -> None:
    """sqlite-utils imports pandas and numpy when they are installed (0.4-0.6 s, a third of a
    short command) only to add their scalar types to its column-type map; no command hands
    it a pandas or numpy value. Import it with both hidden; a command that needs pandas
    (the report's charts) still imports it as usual afterwards. Does nothing when
    sqlite-utils or pandas is already loaded (tests, the Streamlit server)."""
    if "sqlite_utils" in sys.modules or "pandas" in sys.modules or "numpy" in sys.modules:
        return
    sys.modules["pandas"] = sys.modules["numpy"] = None  # `import pandas` -> ImportError
    try:
        import sqlite_utils  # noqa: F401
    finally:
        del sys.modules["pandas"], sys.modules["numpy"]


def _command_of(argv: list[str]) -> str | None:
    """The command named on the line (the first word that is not an option or a global
    option's value), or None."""
    skip = False
    for word in argv:
        if skip:
            skip = False
        elif word in GLOBAL_OPTIONS_WITH_VALUE:
            skip = True
        elif not word.startswith("-"):
            return word
    return None


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The parser, with only the named command's module registered when the line names a
    known command (all of them for --help, no command or an unknown one)."""
    parser = argparse.ArgumentParser(prog="manage.py", description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=None, help="SQLite file (default: $LLW_DB or "
                        "data/llw.db)")
    parser.add_argument("--organiser", default=None, metavar="KEY",
                        help="the organiser to act on (`organisers list`; default: the "
                        "--db file, the installation's first or only organiser)")
    sub = parser.add_subparsers(dest="command", required=True)
    command = _command_of(argv) if argv is not None else None
    modules = [COMMANDS[command]] if command in COMMANDS else list(dict.fromkeys(
        COMMANDS.values()))
    for name in modules:
        importlib.import_module(name).register(sub)
    return parser


def main(argv=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    _import_sqlite_utils_without_pandas()
    from cli.common import CommandError
    from db import default_db_path

    args = build_parser(argv).parse_args(argv)
    args.db = args.db or default_db_path()
    try:
        _choose_organiser(args)
        code = args.func(args)  # a command may return its own exit code (imports: 2)
    except CommandError as error:
        print(str(error), file=sys.stderr)
        return 1
    return code or 0


def _choose_organiser(args) -> None:
    """--organiser KEY points every command at that organiser's file; `args.root_db` keeps
    the installation's first file (where the directory of organisers is found)."""
    from cli.common import CommandError
    from db import directory

    args.root_db = args.db
    if args.organiser is not None:
        try:
            args.db = str(directory.resolve(args.root_db, args.organiser))
        except directory.UnknownOrganiser as error:
            raise CommandError(str(error))


def run() -> int:
    """main() for the command line: a reader that stops early (`list-units | head -3`)
    ends the command quietly, whatever the command (the recipe of the Python docs, "Note on
    SIGPIPE": stdout is pointed at devnull so that the exit's flush does not fail again)."""
    try:
        code = main()
        sys.stdout.flush()  # a BrokenPipeError here, not in the interpreter's final flush
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    return code


if __name__ == "__main__":
    sys.exit(run())
