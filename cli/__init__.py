"""Subcommands of manage.py, one module per area; each exposes register(subparsers)."""
