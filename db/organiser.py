"""Read the organiser profile of an event (core/organiser.py says what it holds)."""
from core.organiser import Organiser, from_event
from db import events


def organiser_for(db, event_id: int) -> Organiser | None:
    event = events.get_by_id(db, event_id)
    return from_event(event) if event else None
