"""Create or upgrade a database and seed it: safe to run at every start, from any process."""
from db.connection import connect, write_transaction
from db.live_figures import ensure_triggers
from db.schema import migrations
from db.seed import mark_without_plan, seed_reference


def prepare(path=None, plan_seed: bool = True):
    """Apply pending migrations and seed reference data; returns an open Database.
    `plan_seed=False` (a new organiser's file, db/directory.add) marks the file so that
    neither this start nor any later one adds the Ba Đình plan's areas, units and 2020
    week: the reference codes only."""
    db = connect(path)
    with write_transaction(db):  # one writer at a time, even when two processes start
        migrations.apply(db)
        if not plan_seed:
            mark_without_plan(db)
        seed_reference(db)
        ensure_triggers(db)  # the dashboard's change counter covers every shown table
    return db
