"""Issue 22 items 7 (labels) and 8: the workbook's total rows carry their label in the
label column with STT empty, one header per meaning across the workbook; scores never add
propaganda quantities of different units — recomputed here with an independent formula
from raw SQL, and unchanged when a quantity changes."""
import io
import math
import re
import unicodedata

import pytest
from openpyxl import load_workbook

from core import numbers, scoring, texts
from core.workbook import SHEET_ORDER
from db import Actor, commendations, demo, events, export
from tests.test_export import table

LISTS = ("units", "activities", "propaganda")


@pytest.fixture
def week(db, admin):
    demo.load(db, Actor.system(), units=40, activities=300, seed=11, accounts=False)
    return events.get(db, 2020)


@pytest.fixture
def book(db, week):
    return load_workbook(io.BytesIO(export.xlsx(db, week["id"])))


def test_total_rows_are_labelled_with_stt_empty(db, week, book):
    totals = db.execute("select count(*) from activities where event_id = ? and deleted = 0 "
                        "and status != 'needs_fix'", [week["id"]]).fetchone()[0]
    for key in SHEET_ORDER:
        if key in ("totals", "rollup"):
            continue
        header, _rows, after = table(book, key)
        for row in after:
            cells = dict(zip(header, row))
            if not any(isinstance(v, str) and v.startswith(texts.WB_TOTAL) for v in row):
                continue  # a note under the list
            assert cells.get("STT") is None, (key, row)
    _h, _r, after = table(book, "activities")
    assert after[0][0] is None
    assert after[0][2] == texts.WB_TOTAL_ACTIVITIES.format(n=numbers.integer(totals))
    _h, _r, after = table(book, "units")
    assert after[0][0] is None and after[0][2].startswith("Tổng cộng: ")


def fold(header: str) -> str:
    """A header's meaning: case, punctuation and spacing aside."""
    text = unicodedata.normalize("NFC", header).casefold()
    return " ".join(re.sub(r"[^\w\s]", " ", text).split())


def test_one_header_per_meaning(book):
    """«Cá nhân, tập thể» (a name) and «Cá nhân / tập thể» (a kind) read the same."""
    seen: dict[str, str] = {}
    for key in SHEET_ORDER:
        if key in ("totals", "rollup"):
            continue
        header, _rows, _after = table(book, key)
        for name in header:
            if not isinstance(name, str):
                continue
            assert seen.setdefault(fold(name), name) == name, (name, seen[fold(name)])


# --- scores ---------------------------------------------------------------------------------

COUNTING = "deleted = 0 and status != 'needs_fix'"


def independent_scores(db, event) -> dict[int, float]:
    """The rubric written again from its documentation (core/scoring.py), on raw rows."""
    w = scoring.default_weights(commendations.type_groups(db, event["id"]))
    e = event["id"]
    out = {}
    deadline = f"{event['end_date']}T23:59"
    for (unit_id,) in db.execute("select id from units where active = 1").fetchall():
        types = dict(db.execute(f"select type, count(*) from activities where event_id = ? "
                                f"and unit_id = ? and {COUNTING} group by type",
                                [e, unit_id]).fetchall())
        acts = sum(types.values())
        people = db.execute(f"select coalesce(sum(participants), 0) from activities where "
                            f"event_id = ? and unit_id = ? and {COUNTING}",
                            [e, unit_id]).fetchone()[0]
        evidence = db.execute(
            f"select count(*) from activities a where event_id = ? and unit_id = ? and "
            f"{COUNTING} and (trim(coalesce(evidence_url, '')) != '' or exists (select 1 "
            f"from photos p where p.activity_id = a.id))", [e, unit_id]).fetchone()[0]
        entries, channels = db.execute(
            f"select count(*), count(distinct channel) from propaganda where event_id = ? "
            f"and unit_id = ? and {COUNTING}", [e, unit_id]).fetchone()
        on_time = db.execute("select 1 from report_submissions where event_id = ? and "
                             "unit_id = ? and substr(submitted_at, 1, 16) <= ?",
                             [e, unit_id, deadline]).fetchone() is not None
        parts = [sum(min(n, w["activity_cap"]) * w["types"].get(t, 0) for t, n in types.items()),
                 len(types) * w["distinct_types"],
                 w["participants"] * math.log10(1 + people),
                 w["propaganda_entries"] * math.log10(1 + entries),
                 channels * w["channels"],
                 (evidence / acts if acts else 0) * w["evidence"],
                 w["on_time"] if on_time else 0]
        out[unit_id] = round(sum(round(p, 2) for p in parts), 2)
    return out


def scores(db, event) -> dict[int, float]:
    return {s.inputs.unit_id: s.total for group in commendations.ranking(db, event).values()
            for s in group}


def test_scores_equal_an_independent_formula(db, week):
    got, expected = scores(db, week), independent_scores(db, week)
    assert got == pytest.approx(expected, abs=0.011)
    assert sum(1 for v in expected.values() if v) > 20


def test_a_quantity_of_another_unit_of_measure_does_not_change_a_score(db, week):
    """12 banners and 300 posts are not 312 of anything: a score counts entries."""
    before = scores(db, week)
    unit_id, entry = db.execute("select unit_id, id from propaganda where event_id = ? and "
                                f"{COUNTING} limit 1", [week["id"]]).fetchone()
    db.execute("update propaganda set quantity = 100000 where id = ?", [entry])
    assert scores(db, week)[unit_id] == before[unit_id]


def test_a_weight_saved_under_its_old_name_still_loads():
    weights = scoring.weights_from_json('{"propaganda_items": 7.5}')
    assert weights["propaganda_entries"] == 7.5
