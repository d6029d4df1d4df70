"""db/progress.units_progress (the reporting-progress page, the workbook's per-unit sheet)
on a demo week, against counts made here in Python over the raw rows (DESIGN §4)."""
import pytest

from tests.conftest import active_units_with_area, demo_week_database

COUNTING = "deleted = 0 and status != 'needs_fix'"


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    _path, db, event_id = demo_week_database(tmp_path_factory.mktemp("progress"))
    yield db, event_id
    db.conn.close()


def expected_rows(db, event_id):
    """Active units in the page's order, each with its counting entries, last entry and
    submission, computed without db/progress or db/stats."""
    units = active_units_with_area(db, event_id)
    entries: dict[int, list] = {}
    for table in ("activities", "propaganda"):
        for unit_id, created in db.execute(
                f"select unit_id, created_at from {table} where event_id = ? and {COUNTING}",
                [event_id]):
            counts = entries.setdefault(unit_id, [0, 0, ""])
            counts[0 if table == "activities" else 1] += 1
            counts[2] = max(counts[2], created)
    submitted = dict(db.execute("select unit_id, submitted_at from report_submissions "
                                "where event_id = ?", [event_id]).fetchall())
    out = []
    for unit_id, code, kind, tier, area in units:
        n_act, n_prop, last = entries.get(unit_id, [0, 0, ""])
        out.append({"id": unit_id, "code": code, "kind": kind, "tier": tier,
                    "ward_code": area, "activities": n_act, "propaganda": n_prop,
                    "entries": n_act + n_prop, "last_entry": last or None,
                    "submitted_at": submitted.get(unit_id), "reported": n_act + n_prop > 0,
                    "submitted": unit_id in submitted})
    out.sort(key=lambda r: (r["ward_code"] is None, r["ward_code"] or "", r["kind"],
                            r["tier"] or "", r["code"]))
    return out


def shown(rows):
    keys = ("id", "code", "kind", "tier", "ward_code", "activities", "propaganda", "entries",
            "last_entry", "submitted_at", "reported", "submitted")
    return [{k: r[k] for k in keys} for r in rows]


def test_units_progress_is_the_independent_count(demo):
    from db import progress

    db, event_id = demo
    expected = expected_rows(db, event_id)
    got = progress.units_progress(db, event_id)
    assert shown(got) == expected
    # the demo has what makes it hard: units without data, withdrawn and needs-fix entries
    assert any(not r["reported"] for r in expected) and any(r["submitted"] for r in expected)
    assert db.execute(f"select count(*) from activities where not ({COUNTING})").fetchone()[0]


def test_units_progress_filters(demo):
    from db import progress

    db, event_id = demo
    expected = expected_rows(db, event_id)
    ward = next(r["ward_code"] for r in expected if r["ward_code"])
    assert shown(progress.units_progress(db, event_id, ward=ward)) == [
        r for r in expected if r["ward_code"] == ward]
    assert shown(progress.units_progress(db, event_id, tier="thcs", reported=True)) == [
        r for r in expected if r["tier"] == "thcs" and r["reported"]]
    assert shown(progress.not_reported(db, event_id)) == [
        r for r in expected if not r["reported"]] != []
