"""Bidi overrides ("Trojan source"): a U+202E pasted into a unit's name would show it
reversed on every page, list and PDF. They are removed at entry and from stored values."""
import pytest

from core.text import clean
from db import connect, units

OVERRIDES = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068",
             "\u2069"]


@pytest.mark.parametrize("mark", OVERRIDES)
def test_clean_removes_every_bidi_override(mark):
    assert clean(f"Trường{mark} THCS") == "Trường THCS"


def test_vietnamese_letters_and_joiners_are_kept():
    text = "Trường THCS Thăng Long – Điện Biên\u200d"
    assert clean(text) == text


def test_a_unit_named_with_an_override_is_stored_without_it(db, admin):
    unit_id = units.create(db, admin, {"code": "BIDI-1", "name": "Thư viện \u202egnoL",
                                       "kind": "library"})
    assert db.execute("select name from units where id = ?", [unit_id]).fetchone()[0] == \
        "Thư viện gnoL"


def test_migration_removes_overrides_stored_by_the_old_code(db_path):
    from db.schema import m003_lead_strip_bidi

    database = connect(db_path)
    database.execute("insert into units (code, kind, name, created_at) "
                     "values ('OLD-2', 'library', ?, '2020-01-01')", ["Cũ\u202eiv"])
    m003_lead_strip_bidi(database)
    assert database.execute("select name from units where code = 'OLD-2'").fetchone()[0] == \
        "Cũiv"
