"""Create or upgrade a database and seed it: safe to run at every start, from any process."""
from db.connection import connect, write_transaction
from db.live_figures import ensure_triggers
from db.schema import migrations
from db.seed import seed_reference


def prepare(path=None):
    """Apply pending migrations and seed reference data; returns an open Database."""
    db = connect(path)
    with write_transaction(db):  # one writer at a time, even when two processes start
        migrations.apply(db)
        seed_reference(db)
        ensure_triggers(db)  # the dashboard's change counter covers every shown table
    return db
