"""Form tokens: a double-clicked submit carries the same token twice; only the first
one writes. Call inside the write transaction of the insert."""
from db.audit import now_iso


def already_saved(db, token: str | None) -> int | None:
    """The row id saved under this token earlier, or None."""
    if not token:
        return None
    row = db.execute("select row_id from form_tokens where token = ?", [token]).fetchone()
    return row[0] if row else None


def remember(db, token: str | None, table: str, row_id: int) -> None:
    if token:
        db["form_tokens"].insert({"token": token, "table_name": table, "row_id": row_id,
                                  "created_at": now_iso()})
