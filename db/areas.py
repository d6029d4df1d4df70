"""The areas (wards, communes, residential groups) an event's figures are grouped by.

Every "by area" read goes through here, so that areas can belong to an event (issue 15)."""


def areas_for(db, event_id: int) -> list[dict]:
    """code, name, grid_row, grid_col of the areas of an event, ordered by code."""
    return list(db.query("select code, name, grid_row, grid_col from wards order by code"))
