"""The record of imported files, by content hash: an import of content already imported is
refused (with when and by whom), unless the importer insists; either way it is recorded
and audited, in the import's own transaction."""
from db import audit
from db.access import Actor
from db.audit import AuditEvent, now_iso


def first_import(db, kind: str, sha256: str) -> dict | None:
    """The earliest import of this content into this kind of entry, if any."""
    rows = list(db.query("select * from import_files where kind = ? and sha256 = ? "
                         "order by id limit 1", [kind, sha256]))
    return rows[0] if rows else None


def record(db, actor: Actor, kind: str, event_id: int | None, sha256: str, filename: str,
           rows: int, duplicate_of: int | None = None) -> int:
    """Call inside the import's write transaction, after its rows are written."""
    row = {"kind": kind, "event_id": event_id, "sha256": sha256, "filename": filename or "",
           "rows": rows, "duplicate_of": duplicate_of, "user_id": actor.user_id,
           "username": actor.username, "imported_at": now_iso()}
    file_id = db["import_files"].insert(row).last_pk
    detail = {"file": filename, "rows": rows}
    if duplicate_of is not None:
        detail["allowed_duplicate_of"] = duplicate_of
    audit.record(db, actor, AuditEvent("import", "import_files", file_id, after=row,
                                       detail=detail))
    return file_id
