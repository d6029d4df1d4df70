"""Sample (demo) data: one place that says whether the database holds any.

Sample rows live only in sample units (`units.is_sample = 1`); pages, the PDF and the
workbook ask `present()` to warn their readers."""


def present(db) -> bool:
    """True while any sample unit exists."""
    return db.execute("select 1 from units where is_sample = 1 limit 1").fetchone() is not None
