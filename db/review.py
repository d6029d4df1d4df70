"""Review: the committee finds units' entries (filters, sort, paging, the true count), opens
one with its photos and the unit's other entries, and marks one or many accepted or
needs_fix with one comment. A needs_fix entry stops counting (db/stats.py) until the unit
edits it, which sends it back to 'submitted' (db/entries.py). Every decision writes one
audit row per entry, in the same transaction as the change. A sample (demo) account may
decide only on sample units' entries (db/sample_data.py)."""
from dataclasses import dataclass
from functools import lru_cache

from core import texts
from core.text import clean, fold
from db import areas, audit, entries, roster, sample_data, week_units
from db.access import Actor, ValidationFailed, require_role
from db.audit import AuditEvent, now_iso
from db.connection import write_transaction

DECISIONS = ("accepted", "needs_fix")
COMMENT_MAX = 1000
KIND_TABLES = {"activity": "activities", "propaganda": "propaganda"}
BULK_MAX = 5000  # one decision on at most this many entries (a page holds at most 500)
_TYPE_COLUMN = {"activity": "type", "propaganda": "channel"}
_DATE_COLUMN = {"activity": "start_date", "propaganda": "date"}
_PHOTO_COLUMN = {"activity": "activity_id", "propaganda": "propaganda_id"}
# what the text search looks in, besides the unit's name and code
_TEXT_COLUMNS = {"activity": "e.title || ' ' || e.description",
                 "propaganda": "e.note || ' ' || coalesce(e.link, '')"}
_UNIT_TEXT = "u.name || ' ' || u.code"
# the unit as the entry's week names it (db/week_units.py); an inner join SQLite flattens
_WEEK_UNITS = ("(select wu.id, wu.code, wa.event_id as ev, wa.name, wa.kind, wa.tier "
               "from units wu join event_unit_attrs wa on wa.unit_id = wu.id)")
_JOIN_UNIT = f"join {_WEEK_UNITS} u on u.id = e.unit_id and u.ev = e.event_id"
# sort key -> ORDER BY (the id breaks ties, so paging is stable)
SORTS = {
    "newest": "e.id desc",
    "oldest": "e.id",
    "date": "e.{date}, e.id",
    "date_desc": "e.{date} desc, e.id desc",
    "unit": "u.name, e.id",
    "ward": "e.ward_code, e.id",
    "status": "case e.status when 'submitted' then 0 when 'needs_fix' then 1 else 2 end, e.id",
    "size_desc": "e.{size} desc, e.id",
}
_SIZE_COLUMN = {"activity": "participants", "propaganda": "quantity"}


@dataclass(frozen=True)
class Filters:
    """All optional, combined with AND. `type_` is an activity type or a propaganda channel;
    `day` an ISO date (an activity's start date, a propaganda entry's date); `text` is
    searched accent- and case-insensitively in the title/description (note/link) and the
    unit's name and code."""
    status: str | None = None
    ward: str | None = None
    tier: str | None = None
    unit_kind: str | None = None
    unit_id: int | None = None
    type_: str | None = None
    day: str | None = None
    text: str | None = None


@dataclass(frozen=True)
class Page:
    rows: list[dict]
    total: int      # every entry matching the filters (the true count, never capped)
    offset: int
    limit: int


def _where(kind: str, event_id: int, f: Filters, *, include_withdrawn=False, db=None):
    where, params = ["e.event_id = ?"], [event_id]
    if not include_withdrawn:
        where.append("e.deleted = 0")
    for condition, value in (("e.status = ?", f.status), ("e.ward_code = ?", f.ward),
                             ("u.tier = ?", f.tier), ("u.kind = ?", f.unit_kind),
                             ("e.unit_id = ?", f.unit_id),
                             (f"e.{_TYPE_COLUMN[kind]} = ?", f.type_),
                             (f"e.{_DATE_COLUMN[kind]} = ?", f.day)):
        if value:
            where.append(condition)
            params.append(value)
    needle = fold(f.text or "")
    if needle:
        pattern = "%" + needle.replace("\\", "\\\\").replace("%", "\\%") \
            .replace("_", "\\_") + "%"
        units = _units_matching(db, event_id, needle) if db is not None else None
        if units is None:
            where.append(f"(llw_fold({_TEXT_COLUMNS[kind]}) like ? escape '\\' or "
                         f"llw_fold({_UNIT_TEXT}) like ? escape '\\')")
            params += [pattern, pattern]
        else:  # units matched once here, not once per entry
            where.append(f"(llw_fold({_TEXT_COLUMNS[kind]}) like ? escape '\\' or "
                         f"e.unit_id in ({', '.join(str(int(u)) for u in units) or 'null'}))")
            params.append(pattern)
    return " and ".join(where), params


def _units_matching(db, event_id: int, needle: str) -> list[int]:
    """Ids of units whose name (in that week) or code contains the folded `needle`."""
    return [unit_id for unit_id, text in db.execute(
            f"select id, {_UNIT_TEXT} from {week_units.table_sql(event_id)} u")
            if needle in _fold(text)]


@lru_cache(maxsize=200_000)
def _fold(value) -> str:
    # titles, notes and unit names repeat across entries: fold each distinct text once
    return fold(value or "")


def _prepare(db) -> None:
    db.conn.create_function("llw_fold", 1, _fold, deterministic=True)


def _order(kind: str, sort: str) -> str:
    return SORTS.get(sort, SORTS["newest"]).format(date=_DATE_COLUMN[kind],
                                                   size=_SIZE_COLUMN[kind])


def search(db, event_id: int, kind: str, filters: Filters | None = None, *,
           sort: str = "newest", offset: int = 0, limit: int | None = 50) -> Page:
    """One page of entries of one kind with their unit and photo count, and the true
    number of entries matching. limit=None returns every match (the export)."""
    filters = filters or Filters()
    _prepare(db)
    table = KIND_TABLES[kind]
    where, params = _where(kind, event_id, filters)
    source = f"from {table} e {_JOIN_UNIT} where {where}"
    select = (f"select e.*, u.code as unit_code, u.name as unit_name, u.tier as unit_tier, "
              f"u.kind as unit_kind from {table} e {_JOIN_UNIT}")
    offset = max(0, int(offset))
    order = _order(kind, sort)
    if filters.text:
        # the text test runs Python per row: evaluate it once, for the count and the page,
        # in one pass over the table (every row is read anyway: no index lookups)
        where, params = _where(kind, event_id, filters, db=db)
        scan = (f"from {table} e not indexed {_JOIN_UNIT} "
                f"where {where}")
        ids = [r[0] for r in db.execute(f"select e.id {scan} order by {order}", params)]
        total = len(ids)
        wanted = ids[offset:] if limit is None else ids[offset:offset + int(limit)]
    else:
        total = db.execute(f"select count(*) {source}", params).fetchone()[0]
        # ids first (sorting ids is cheap, often straight from an index), then the rows
        sql, page_params = f"select e.id {source} order by {order}", list(params)
        if limit is not None:
            sql += " limit ? offset ?"
            page_params += [int(limit), offset]
        wanted = [r[0] for r in db.execute(sql, page_params)]
    found = {}
    for start in range(0, len(wanted), 900):
        chunk = wanted[start:start + 900]
        for row in db.query(f"{select} where e.id in ({', '.join('?' * len(chunk))})", chunk):
            found[row["id"]] = row
    rows = [found[i] for i in wanted]
    counts = photo_counts(db, kind, [r["id"] for r in rows])
    for row in rows:
        row["photo_count"] = counts.get(row["id"], 0)
    return Page(rows, total, offset, total if limit is None else limit)


def photo_counts(db, kind: str, ids) -> dict[int, int]:
    ids = list(ids)
    if not ids:
        return {}
    column = _PHOTO_COLUMN[kind]
    out = {}
    for start in range(0, len(ids), 900):
        chunk = ids[start:start + 900]
        out.update(db.execute(
            f"select {column}, count(*) from photos where {column} in "
            f"({', '.join('?' * len(chunk))}) group by {column}", chunk).fetchall())
    return out


def list_entries(db, event_id: int, kind: str, *, status=None, ward=None, unit_id=None,
                 type_=None, include_withdrawn=False, limit: int | None = None) -> list[dict]:
    """Entries of one kind with their unit, newest first (no cap unless `limit`)."""
    filters = Filters(status=status, ward=ward, unit_id=unit_id, type_=type_)
    if not include_withdrawn:
        return search(db, event_id, kind, filters, limit=limit).rows
    _prepare(db)
    where, params = _where(kind, event_id, filters, include_withdrawn=True)
    sql = (f"select e.*, u.code as unit_code, u.name as unit_name, u.tier as unit_tier "
           f"from {KIND_TABLES[kind]} e {_JOIN_UNIT} where {where} "
           f"order by e.id desc")
    if limit is not None:
        sql += f" limit {int(limit)}"
    rows = list(db.query(sql, params))
    counts = photo_counts(db, kind, [r["id"] for r in rows])
    for row in rows:
        row["photo_count"] = counts.get(row["id"], 0)
    return rows


def position(db, event_id: int, kind: str, filters: Filters | None, sort: str,
             entry_id: int) -> int | None:
    """0-based position of an entry in the filtered, sorted list (None if not in it)."""
    filters = filters or Filters()
    _prepare(db)
    where, params = _where(kind, event_id, filters)
    source = f"from {KIND_TABLES[kind]} e {_JOIN_UNIT} where {where}"
    if sort in ("newest", "oldest"):
        if not db.execute(f"select 1 {source} and e.id = ?", params + [entry_id]).fetchone():
            return None
        before = "e.id > ?" if sort == "newest" else "e.id < ?"
        return db.execute(f"select count(*) {source} and {before}",
                          params + [entry_id]).fetchone()[0]
    row = db.execute(
        f"""with ordered as (select e.id, row_number() over (order by {_order(kind, sort)})
                             as rn {source})
            select rn - 1 from ordered where id = ?""", params + [entry_id]).fetchone()
    return None if row is None else row[0]


def next_pending(db, event_id: int, kind: str, filters: Filters | None, sort: str,
                 after_id: int) -> tuple[int, int] | None:
    """(id, position) of the next entry still waiting for review ('submitted') after
    `after_id` in the filtered, sorted list, wrapping round to the start; None when
    nothing is left. The status filter is ignored when looking (the point is the next
    entry to decide on); the position is the entry's place in the list as filtered, the
    page the reviewer is looking at (0 when that list does not show it)."""
    filters = filters or Filters()
    _prepare(db)
    from dataclasses import replace

    where, params = _where(kind, event_id, replace(filters, status=None))
    source = f"from {KIND_TABLES[kind]} e {_JOIN_UNIT} where {where}"
    if sort in ("newest", "oldest"):  # id order: two index searches, no window over all rows
        after, wrap = ("<", "desc") if sort == "newest" else (">", "")
        for extra, extra_params in ((f"and e.id {after} ?", [after_id]), ("", [])):
            row = db.execute(f"select e.id {source} and e.status = 'submitted' "
                             f"and e.id != ? {extra} order by e.id {wrap} limit 1",
                             params + [after_id] + extra_params).fetchone()
            if row:
                return row[0], position(db, event_id, kind, filters, sort, row[0]) or 0
        return None
    row = db.execute(
        f"""with ordered as (
                select e.id, e.status, row_number() over (order by {_order(kind, sort)}) as rn
                {source}),
            here as (select coalesce((select rn from ordered where id = ?), 0) as here_rn)
            select ordered.id, ordered.rn - 1 from ordered, here
            where ordered.status = 'submitted' and ordered.id != ?
            order by ordered.rn <= here.here_rn, ordered.rn limit 1""",
        params + [after_id, after_id]).fetchone()
    if row is None:
        return None
    # its place in the list as shown (with the status filter, if any)
    return row[0], position(db, event_id, kind, filters, sort, row[0]) or 0


def get_entry(db, kind: str, entry_id: int) -> dict | None:
    """One entry (JSON fields decoded) with its unit's name and its photos."""
    entry = entries.get(db, entries.KINDS[kind], entry_id)
    if entry is None:
        return None
    unit = db.execute(f"select code, name from {week_units.table_sql(entry['event_id'])} u "
                      "where id = ?", [entry["unit_id"]]).fetchone()
    entry["unit_code"], entry["unit_name"] = unit
    entry["photos"] = entries.photos(db, entries.KINDS[kind], entry_id)
    return entry


def unit_entries(db, event_id: int, kind: str, unit_id: int, *, limit: int = 200
                 ) -> list[dict]:
    """The unit's entries of this kind (not withdrawn), by date: the detail pane's context."""
    table = KIND_TABLES[kind]
    date = _DATE_COLUMN[kind]
    return list(db.query(
        f"select e.* from {table} e where e.event_id = ? and e.unit_id = ? and e.deleted = 0 "
        f"order by e.{date}, e.id limit ?", [event_id, unit_id, limit]))


def _validate(kind: str, status: str, comment: str) -> str:
    comment = clean(comment)
    errors = {}
    if kind not in KIND_TABLES or status not in DECISIONS:
        errors["status"] = texts.REV_STATUS_INVALID
    elif status == "needs_fix" and not comment:
        errors["comment"] = texts.REV_COMMENT_REQUIRED
    if len(comment) > COMMENT_MAX:
        errors["comment"] = texts.REV_COMMENT_TOO_LONG
    if errors:
        raise ValidationFailed(errors)
    return comment


def decide(db, actor: Actor, kind: str, entry_id: int, status: str, comment: str = ""
           ) -> None:
    """Mark an entry accepted or needs_fix (a comment is required for needs_fix)."""
    decide_many(db, actor, kind, [entry_id], status, comment)


def decide_many(db, actor: Actor, kind: str, entry_ids, status: str, comment: str = ""
                ) -> int:
    """One decision (and one comment) for many entries, all or nothing, in one transaction
    with one audit row per entry. Returns how many entries were decided."""
    require_role(actor, "committee")
    comment = _validate(kind, status, comment)
    ids = sorted({int(i) for i in entry_ids})
    if not ids:
        raise ValidationFailed({"entry": texts.REV_NOTHING_SELECTED})
    if len(ids) > BULK_MAX:
        raise ValidationFailed({"entry": texts.REV_TOO_MANY.format(max=BULK_MAX)})
    table = KIND_TABLES[kind]
    with write_transaction(db):
        before = {}
        for start in range(0, len(ids), 900):
            chunk = ids[start:start + 900]
            for row in db.query(f"select id, event_id, unit_id, deleted, status, review_comment, "
                                f"reviewed_by, reviewed_at from {table} where id in "
                                f"({', '.join('?' * len(chunk))})", chunk):
                before[row["id"]] = row
        missing = [i for i in ids if i not in before or before[i]["deleted"]]
        if missing:
            raise ValidationFailed({"entry": texts.REV_ENTRY_MISSING if len(ids) == 1 else
                                    texts.REV_ENTRIES_MISSING.format(
                                        ids=", ".join(f"#{i}" for i in missing[:10]))})
        sample_data.require_real_access(db, actor, {r["unit_id"] for r in before.values()})
        for event_id, unit_id in sorted({(r["event_id"], r["unit_id"])
                                         for r in before.values()}):
            roster.require_member(db, event_id, unit_id)  # a retired unit's entries stay
        at = now_iso()
        after = {"status": status, "review_comment": comment or None,
                 "reviewed_by": actor.user_id, "reviewed_at": at}
        db.conn.executemany(
            f"update {table} set status = ?, review_comment = ?, reviewed_by = ?, "
            f"reviewed_at = ? where id = ?",
            [(status, comment or None, actor.user_id, at, i) for i in ids])
        for i in ids:
            audit.record(db, actor, AuditEvent("review", table, i, before=_reviewed(before[i]),
                                               after=after))
    return len(ids)


def _reviewed(row):
    return {k: row[k] for k in ("status", "review_comment", "reviewed_by", "reviewed_at")}


def status_counts(db, event_id: int, kind: str) -> dict[str, int]:
    table = KIND_TABLES[kind]
    return dict(db.execute(f"select status, count(*) from {table} where event_id = ? and "
                           f"deleted = 0 group by status", [event_id]).fetchall())


def progress(db, event_id: int, kind: str) -> dict:
    """Review progress of entries (not withdrawn): {'total': (reviewed, all),
    'wards': [{code, name, reviewed, total}] for every area of the event (db/areas.py;
    where entries were held),
    'units': [{id, code, name, reviewed, total}] for units with entries, least reviewed
    share first}. Reviewed = accepted or needs_fix."""
    table = KIND_TABLES[kind]
    by_unit: dict[int, list[int]] = {}
    by_ward: dict[str, list[int]] = {}
    # one pass over the covering index (m003_trust_review_indexes), summed here
    for unit_id, ward, decided, n in db.execute(
            f"""select unit_id, ward_code, status != 'submitted', count(*) from {table}
                where event_id = ? and deleted = 0 group by 1, 2, 3""", [event_id]):
        for key, into in ((unit_id, by_unit), (ward, by_ward)):
            cell = into.setdefault(key, [0, 0])
            cell[0] += n if decided else 0
            cell[1] += n
    wards = [{"code": code, "name": name, "reviewed": by_ward.get(code, [0, 0])[0],
              "total": by_ward.get(code, [0, 0])[1]}
             for code, name in areas.names_for(db, event_id).items()]
    names = {row[0]: row[1:] for row in db.execute(
        f"select id, code, name from {week_units.table_sql(event_id)} u")}
    units = [{"id": unit_id, "code": names[unit_id][0], "name": names[unit_id][1],
              "reviewed": cell[0], "total": cell[1]} for unit_id, cell in by_unit.items()]
    units.sort(key=lambda u: (u["reviewed"] / u["total"], -(u["total"] - u["reviewed"]),
                              u["name"]))
    return {"total": (sum(w["reviewed"] for w in wards), sum(w["total"] for w in wards)),
            "wards": wards, "units": units}
