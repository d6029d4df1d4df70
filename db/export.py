"""The data behind the city's workbook: the numbers of db/stats.py (the one definition)
and every entry that was not withdrawn (with its review status)."""
from core import workbook
from db import review, stats


def tables(db, event_id: int) -> dict:
    return workbook.tables(
        stats.summary(db, event_id),
        list(reversed(review.list_entries(db, event_id, "activity", limit=None))),
        list(reversed(review.list_entries(db, event_id, "propaganda", limit=None))))


def xlsx(db, event_id: int) -> bytes:
    return workbook.xlsx(tables(db, event_id))


def csv_bytes(db, event_id: int, name: str = "activities") -> bytes:
    return workbook.csv_bytes(tables(db, event_id), name)
