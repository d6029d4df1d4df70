"""Activities and propaganda efforts that units log: create, update, withdraw (soft
delete), list their own, bulk import. The rules live here, not only in the forms:

- a unit user writes only its own unit's rows (require_unit_access, even when called
  directly); the committee and the command line write any unit's;
- nothing a unit sends is written after the lock or after it submitted its report
  (db.submissions.ensure_unit_can_write);
- validation (core.entry_rules) raises ValidationFailed with per-field Vietnamese
  messages and writes nothing;
- every create/update/withdraw writes exactly one audit row in the same transaction;
- a form token makes a double-clicked submit save once (db.idempotency).
"""
import json
from dataclasses import dataclass

from core import entry_rules, photos as photo_rules, texts
from core.tabular import ImportReport, Table
from db import areas, audit, catalogue, events, idempotency, submissions, units
from db.access import Actor, ValidationFailed, require_role, require_unit_access
from db.audit import AuditEvent, now_iso
from db.connection import write_transaction

WRITER_ROLES = ("unit", "committee")


@dataclass(frozen=True)
class Kind:
    table: str
    photo_column: str
    check: callable
    max_photos: int
    json_fields: tuple[str, ...]


ACTIVITY = Kind("activities", "activity_id", entry_rules.check_activity,
                photo_rules.MAX_PHOTOS, ("audiences",))
PROPAGANDA = Kind("propaganda", "propaganda_id", entry_rules.check_propaganda, 1,
                  ("slogans",))
KINDS = {"activity": ACTIVITY, "propaganda": PROPAGANDA}

# The code headers of the first importer (still accepted; the templates use Vietnamese
# headers and labels: core.import_format) and the coded twin of the templates' examples.
ACTIVITY_COLUMNS = ["unit_code", "ward_code", "type", "title", "start_date", "end_date",
                    "format", "participants", "online_participants", "audiences",
                    "evidence_url", "description"]
ACTIVITY_REQUIRED = ["unit_code", "type", "title", "start_date", "format", "participants"]
PROPAGANDA_COLUMNS = ["unit_code", "ward_code", "channel", "quantity", "date", "slogans",
                      "link", "note"]
PROPAGANDA_REQUIRED = ["unit_code", "channel", "quantity", "date"]
ACTIVITY_TEMPLATE_ROWS = [
    ["THCS-THANGLONG", "", "online_learning", "Tiết học trực tuyến «Chuyển đổi số»",
     "2020-10-02", "2020-10-02", "ket_hop", "120", "45", "hoc_sinh;can_bo",
     "https://thcsthanglong.edu.vn/tuan-le-htsd", "Lồng ghép vào giờ sinh hoạt lớp"],
    ["UBND-00001", "00001", "sports", "Giải chạy «Học tập suốt đời»", "03/10/2020",
     "04/10/2020", "truc_tiep", "300", "0", "nguoi_dan", "", ""],
]
PROPAGANDA_TEMPLATE_ROWS = [
    ["UBND-00001", "", "banner", "12", "2020-10-02", "1;5", "", "Treo tại trụ sở phường"],
    ["THCS-THANGLONG", "", "facebook", "3", "02/10/2020", "2;3;4",
     "https://facebook.com/thcsthanglong", ""],
]


# --- reading ------------------------------------------------------------------------------

def _decode(row: dict | None, kind: Kind) -> dict | None:
    if row is None:
        return None
    row = dict(row)
    for field in kind.json_fields:
        row[field] = json.loads(row[field] or "[]")
    return row


def get(db, kind: Kind, entry_id: int) -> dict | None:
    rows = list(db.query(f"select * from {kind.table} where id = ?", [entry_id]))
    return _decode(rows[0], kind) if rows else None


def get_activity(db, activity_id: int) -> dict | None:
    return get(db, ACTIVITY, activity_id)


def get_propaganda(db, propaganda_id: int) -> dict | None:
    return get(db, PROPAGANDA, propaganda_id)


def list_own(db, kind: Kind, event_id: int, unit_id: int, *,
             include_withdrawn: bool = False) -> list[dict]:
    """A unit's entries, newest first, each with its photo count."""
    order = "e.start_date desc" if kind is ACTIVITY else "e.date desc"
    sql = (f"select e.*, w.name as ward_name, (select count(*) from photos p "
           f"where p.{kind.photo_column} = e.id) as photo_count "
           f"from {kind.table} e left join event_areas w on w.event_id = e.event_id "
           f"and w.code = e.ward_code "
           f"where e.event_id = ? and e.unit_id = ?")
    if not include_withdrawn:
        sql += " and e.deleted = 0"
    return [_decode(r, kind) for r in db.query(sql + f" order by {order}, e.id desc",
                                               [event_id, unit_id])]


def photos(db, kind: Kind, entry_id: int) -> list[dict]:
    """The entry's photos: `data` is the bounded display copy (a JPEG at most
    photos.DISPLAY_PX wide), `thumb` the thumbnail; neither needs a big decode to draw."""
    return list(db.query(f"select id, mime, data, thumb from photos "
                         f"where {kind.photo_column} = ? order by id", [entry_id]))


def target_progress(db, event_id: int, unit_id: int) -> list[dict]:
    """The unit's checklist: each target that applies to its kind/tier, with what it has
    logged that counts (not withdrawn, not 'needs_fix')."""
    unit = units.get(db, unit_id)
    counts = dict(db.execute(
        "select 'activities', count(*) from activities a where a.event_id = :e "
        "and a.unit_id = :u and a.deleted = 0 and a.status != 'needs_fix' "
        "union all select 'education_activities', count(*) from activities a "
        "join event_activity_types t on t.event_id = a.event_id and t.code = a.type "
        "and t.grp = 'education' "
        "where a.event_id = :e and a.unit_id = :u and a.deleted = 0 "
        "and a.status != 'needs_fix' "
        "union all select 'propaganda_entries', count(*) from propaganda p "
        "where p.event_id = :e and p.unit_id = :u and p.deleted = 0 "
        "and p.status != 'needs_fix'", {"e": event_id, "u": unit_id}).fetchall())
    result = []
    for target in events.targets(db, event_id):
        if target["unit_kind"] not in (None, unit["kind"]):
            continue
        if target["tier"] not in (None, unit["tier"]):
            continue
        count = counts[target["metric"]]
        result.append({"label": target["label"], "metric": target["metric"],
                       "minimum": target["minimum"], "count": count,
                       "met": count >= target["minimum"]})
    return result


# --- writing ------------------------------------------------------------------------------

def _unit_for_write(db, actor: Actor, unit_id: int) -> dict:
    require_role(actor, *WRITER_ROLES)
    require_unit_access(actor, unit_id)
    unit = units.get(db, unit_id)
    if unit is None:
        raise ValidationFailed({"unit": texts.UNIT_UNKNOWN.format(code=unit_id)})
    return unit


def _stored(record: dict, kind: Kind) -> dict:
    return {k: json.dumps(v) if k in kind.json_fields else v for k, v in record.items()}


def bound_old_photos(conn) -> int:
    """Photos stored before display copies and thumbnails existed (thumb is null): replaced
    by their bounded copies, one at a time. `conn` is a sqlite3 connection or a sqlite-utils
    Database. A photo that cannot be read (or is too big to decode cheaply) keeps its bytes;
    pages then show a grey square for its thumbnail. Returns how many were converted."""
    converted = 0
    for (photo_id,) in conn.execute("select id from photos where thumb is null").fetchall():
        data = conn.execute("select data from photos where id = ?", [photo_id]).fetchone()[0]
        try:
            display, thumb = photo_rules.process(f"#{photo_id}", data)
        except (photo_rules.PhotoRefused, MemoryError):
            continue
        conn.execute("update photos set mime = ?, data = ?, thumb = ? where id = ?",
                     [photo_rules.STORED_MIME, display, thumb, photo_id])
        converted += 1
    return converted


def _insert_photos(db, kind: Kind, entry_id: int, accepted) -> list[int]:
    """`accepted` from photos.check_photos: (mime, display copy, thumbnail) — the original
    upload is not kept."""
    return [db["photos"].insert({kind.photo_column: entry_id, "mime": mime, "data": display,
                                 "thumb": thumb, "created_at": now_iso()}).last_pk
            for mime, display, thumb in accepted]


def catalogue_of(db, kind: Kind, event_id: int) -> dict:
    """The keyword that limits an entry's type (channel) to its event's catalogue."""
    if kind.table == "activities":
        return {"types": {t["code"]: t["name"] for t in catalogue.types_for(db, event_id)}}
    return {"channels": {c["code"]: c["name"] for c in catalogue.channels_for(db, event_id)}}


def create(db, actor: Actor, kind: Kind, event_id: int, unit_id: int, raw: dict, *,
           photo_files=(), confirm_outside=False, token=None, source=None) -> int:
    """Insert one entry (status 'submitted') with its photos; returns its id. `source`
    (e.g. {"import": "file.csv", "line": 3}) goes into the audit row."""
    _unit_for_write(db, actor, unit_id)
    accepted, photo_error = photo_rules.check_photos(photo_files, limit=kind.max_photos)
    with write_transaction(db):
        if (saved := idempotency.already_saved(db, token)) is not None:
            return saved
        event = submissions.ensure_unit_can_write(db, actor, event_id, unit_id)
        record, errors = kind.check(raw, entry_rules.week_of(event),
                                    default_ward=areas.unit_area(db, event_id, unit_id),
                                    confirm_outside=confirm_outside,
                                    areas=areas.names_for(db, event_id),
                                    **catalogue_of(db, kind, event_id))
        if photo_error:
            errors["photos"] = photo_error
        if errors:
            raise ValidationFailed(errors)
        entry_id = _insert(db, actor, kind, event_id, unit_id, record, accepted, source)
        idempotency.remember(db, token, kind.table, entry_id)
    return entry_id


def _insert(db, actor, kind, event_id, unit_id, record, accepted, source) -> int:
    row = dict(_stored(record, kind), event_id=event_id, unit_id=unit_id, status="submitted",
               deleted=0, created_by=actor.user_id, created_by_name=actor.username,
               created_at=now_iso())
    entry_id = db[kind.table].insert(row).last_pk
    photo_ids = _insert_photos(db, kind, entry_id, accepted)
    detail = dict(source or {})
    if photo_ids:
        detail["photos_added"] = photo_ids
    audit.record(db, actor, AuditEvent("create", kind.table, entry_id, after=row,
                                       detail=detail))
    return entry_id


def _editable(db, actor: Actor, kind: Kind, entry_id: int) -> dict:
    """The live entry the actor may change (inside the write transaction)."""
    require_role(actor, *WRITER_ROLES)
    before = get(db, kind, entry_id)
    if before is None or before["deleted"]:
        raise ValidationFailed({"entry": texts.ENT_NOT_FOUND})
    require_unit_access(actor, before["unit_id"])
    return before


def update(db, actor: Actor, kind: Kind, entry_id: int, raw: dict, *, photo_files=(),
           remove_photo_ids=(), confirm_outside=False, token=None) -> None:
    """Change an entry. An entry the committee had reviewed ('needs_fix' or 'accepted')
    goes back to 'submitted', so the committee reviews the new values; the last review
    comment stays on the row for reference."""
    with write_transaction(db):
        if idempotency.already_saved(db, token) is not None:
            return
        before = _editable(db, actor, kind, entry_id)
        event = submissions.ensure_unit_can_write(db, actor, before["event_id"],
                                                  before["unit_id"])
        record, errors = kind.check(raw, entry_rules.week_of(event),
                                    default_ward=areas.unit_area(db, before["event_id"],
                                                                 before["unit_id"]),
                                    confirm_outside=confirm_outside,
                                    areas=areas.names_for(db, before["event_id"]),
                                    **catalogue_of(db, kind, before["event_id"]))
        current = {p["id"] for p in db.query(
            f"select id from photos where {kind.photo_column} = ?", [entry_id])}
        removing = current & {int(i) for i in remove_photo_ids}
        accepted, photo_error = photo_rules.check_photos(
            photo_files, existing=len(current - removing), limit=kind.max_photos)
        if photo_error:
            errors["photos"] = photo_error
        if errors:
            raise ValidationFailed(errors)
        changes = dict(_stored(record, kind), updated_by=actor.user_id, updated_at=now_iso(),
                       status="submitted")
        db[kind.table].update(entry_id, changes)
        for photo_id in removing:
            db["photos"].delete(photo_id)
        added = _insert_photos(db, kind, entry_id, accepted)
        detail = {k: v for k, v in (("photos_added", added),
                                    ("photos_removed", sorted(removing))) if v}
        after = get(db, kind, entry_id)
        audit.record(db, actor, AuditEvent("update", kind.table, entry_id, before=before,
                                           after=after, detail=detail))
        idempotency.remember(db, token, kind.table, entry_id)


def withdraw(db, actor: Actor, kind: Kind, entry_id: int) -> None:
    """Soft delete: the row stays (audit, history) but no longer counts anywhere."""
    with write_transaction(db):
        before = _editable(db, actor, kind, entry_id)
        submissions.ensure_unit_can_write(db, actor, before["event_id"], before["unit_id"])
        db[kind.table].update(entry_id, {"deleted": 1, "updated_by": actor.user_id,
                                         "updated_at": now_iso()})
        audit.record(db, actor, AuditEvent("withdraw", kind.table, entry_id, before=before,
                                           after=get(db, kind, entry_id)))


# --- shorthands used by pages and tests ---------------------------------------------------

def create_activity(db, actor, event_id, unit_id, raw, **kw) -> int:
    return create(db, actor, ACTIVITY, event_id, unit_id, raw, **kw)


def create_propaganda(db, actor, event_id, unit_id, raw, **kw) -> int:
    return create(db, actor, PROPAGANDA, event_id, unit_id, raw, **kw)


def update_activity(db, actor, activity_id, raw, **kw) -> None:
    update(db, actor, ACTIVITY, activity_id, raw, **kw)


def update_propaganda(db, actor, propaganda_id, raw, **kw) -> None:
    update(db, actor, PROPAGANDA, propaganda_id, raw, **kw)


def withdraw_activity(db, actor, activity_id) -> None:
    withdraw(db, actor, ACTIVITY, activity_id)


def withdraw_propaganda(db, actor, propaganda_id) -> None:
    withdraw(db, actor, PROPAGANDA, propaganda_id)


# --- bulk import (db/entry_import.py) ----------------------------------------------------

def import_activities(db, actor, event_id, table: Table, **kw) -> ImportReport:
    return import_rows(db, actor, ACTIVITY, event_id, table, **kw)


def import_propaganda(db, actor, event_id, table: Table, **kw) -> ImportReport:
    return import_rows(db, actor, PROPAGANDA, event_id, table, **kw)


def import_rows(db, actor: Actor, kind: Kind, event_id: int, table: Table, **kw) -> ImportReport:
    """See db.entry_import: all or nothing unless skip_invalid; no file or row twice unless
    allowed; a unit imports only its own rows."""
    from db import entry_import

    return entry_import.import_rows(db, actor, kind, event_id, table, **kw)
