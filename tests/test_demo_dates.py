"""The sample week is dated inside the week: nominations and learning-model counts of a
2020 demo said 2026 (the day the demo was loaded)."""
from db import Actor, demo
from db.setup import prepare


def test_sample_nominations_and_model_counts_are_dated_inside_the_week(tmp_path):
    db = prepare(tmp_path / "demo.db")
    demo.load(db, Actor.system(), units=12, activities=40)
    start, end = db.execute("select start_date, end_date from events where year = 2020").fetchone()
    stamps = [r[0] for r in db.execute(
        "select created_at from nominations union all select updated_at from learning_model_counts")]
    assert stamps, "the demo made no nominations or model counts"
    assert all(start <= s[:10] <= end for s in stamps), sorted(set(s[:10] for s in stamps))
