"""Reliability tests use the `figures` fixture of tests/conftest.py."""
