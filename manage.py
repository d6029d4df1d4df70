#!/usr/bin/env python3
"""Headless administration: everything the UI does in bulk (DESIGN §7).

    python manage.py [--db PATH] COMMAND ...

--db defaults to $LLW_DB, else data/llw.db (created on first use).
"""
import argparse
import sys

from cli import accounts, areas, catalogue, entries, operations, report, reporting, rollup
from cli import settings, units
from cli.common import CommandError
from db import default_db_path

COMMAND_MODULES = [accounts, units, operations, entries, reporting, report, areas, catalogue,
                   rollup, settings]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="manage.py", description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=None, help="SQLite file (default: $LLW_DB or "
                        "data/llw.db)")
    sub = parser.add_subparsers(dest="command", required=True)
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def main(argv=None) -> int:
    args = build_parser().parse_args(argv)
    args.db = args.db or default_db_path()
    try:
        code = args.func(args)  # a command may return its own exit code (imports: 2)
    except CommandError as error:
        print(str(error), file=sys.stderr)
        return 1
    return code or 0


if __name__ == "__main__":
    sys.exit(main())
