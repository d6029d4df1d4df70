"""Sample (demo) data: whether the database holds any, what it holds, and its removal.

Sample rows live only in sample units (`units.is_sample = 1`) and sample accounts
(`users.is_sample = 1`); `manage.py demo` writes nowhere else (db/demo.py). Pages, the PDF
and the workbook ask `present()` to warn their readers; `remove()` (manage.py demo --remove
and the admin's button on **Sao lưu**) deletes every sample row in one transaction and
leaves every real row — and so every real figure — exactly as it was.

What `remove()` deletes, in foreign-key order:
- photos of sample units' activities and propaganda;
- commendations of a sample unit, of a sample unit's nomination, or made by a sample
  account; the sample units' nominations, activities, propaganda, learning-model counts and
  report submissions; double-submit tokens of the deleted rows;
- then any row of any other table that references a sample unit (found from the schema, so
  a table added later is covered too);
- import records and sign-in throttle rows of sample accounts (import_files,
  login_throttle, when those tables exist);
- references from real rows to a sample account (who reviewed, created, decided…) are set
  to NULL — a sample account cannot change a real entry (db/review.py, db/commendations.py),
  so this only forgets a name; then the sample accounts themselves;
- the sample units; and the empty cells the deletions leave in the summary tables
  (activity_cube / propaganda_cube of db/schema.py m002) that no remaining entry maps to,
  so they are as before the demo (the empty cell of a real entry added, then withdrawn,
  stays).
The audit log keeps its history; one audit row records the removal and its counts.
"""
from db import audit
from db.access import Actor, AccessDenied, require_role
from db.audit import AuditEvent
from db.connection import write_transaction

SAMPLE_UNITS = "select id from units where is_sample = 1"
SAMPLE_USERS = ("select id from users where is_sample = 1 or unit_id in "
                "(select id from units where is_sample = 1)")
# the summary tables of db/schema.py m002: their raw table, date column, type column
_CUBES = {"activity_cube": ("activities", "start_date", "type"),
          "propaganda_cube": ("propaganda", "date", "channel")}
# Counted for the summary and the removal report, in the order they are deleted.
ENTRY_TABLES = ("photos", "commendations", "nominations", "activities", "propaganda",
                "learning_model_counts", "report_submissions")


def present(db) -> bool:
    """True while any sample unit exists."""
    return db.execute("select 1 from units where is_sample = 1 limit 1").fetchone() is not None


def in_week(db, event_id: int) -> dict[str, int]:
    """The sample data a week's figures include ({what: count}, only what is there; empty
    when none): the sample units taking part (every active unit does, and a deactivated
    one through its rows) and the week's rows of sample units. The rule «no sample data in
    a signed document» (core/closing_report.missing) reads this."""
    if not present(db):  # sample rows exist only in sample units: the usual, cheap answer
        return {}
    e = int(event_id)
    sample = f"unit_id in ({SAMPLE_UNITS})"
    rows = {table: f"select unit_id from {table} where event_id = {e} and {sample}"
            for table in ("activities", "propaganda", "nominations", "learning_model_counts",
                          "report_submissions")}
    out = {"units": _count(db, "select count(*) from units where is_sample = 1 and "
                               f"(active = 1 or id in ({' union '.join(rows.values())}))")}
    for table, select in rows.items():
        out[table] = _count(db, f"select count(*) from ({select})")
    out["commendations"] = _count(db, f"""select count(*) from commendations where event_id
        = {e} and (recipient_unit_id in ({SAMPLE_UNITS}) or nomination_id in (select id from
        nominations where {sample}) or created_by in ({SAMPLE_USERS}))""")
    return {what: n for what, n in out.items() if n}


def summary(db) -> dict[str, int]:
    """How many sample rows each table holds (units, users and the ENTRY_TABLES)."""
    out = {"units": _count(db, f"select count(*) from units where id in ({SAMPLE_UNITS})"),
           "users": _count(db, f"select count(*) from ({SAMPLE_USERS})")}
    for table, where in _entry_conditions().items():
        out[table] = _count(db, f"select count(*) from {table} where {where}")
    return out


def real_entries(db) -> dict[str, int]:
    """Entries of real (non-sample) units: what a demo must not touch."""
    real = "unit_id not in (select id from units where is_sample = 1)"
    return {table: _count(db, f"select count(*) from {table} where {real}")
            for table in ("activities", "propaganda", "nominations", "learning_model_counts",
                          "report_submissions")}


def is_sample_user(db, user_id: int | None) -> bool:
    if user_id is None:
        return False
    row = db.execute("select is_sample from users where id = ?", [user_id]).fetchone()
    return bool(row and row[0])


def sample_unit_ids(db) -> set[int]:
    return {row[0] for row in db.execute(SAMPLE_UNITS).fetchall()}


def require_real_access(db, actor: Actor, unit_ids) -> None:
    """A sample account may act only on sample units: it cannot change a real figure, so
    removing the demo never has to undo anything it did."""
    if not is_sample_user(db, actor.user_id):
        return
    if set(unit_ids) - sample_unit_ids(db):
        from core import texts

        raise AccessDenied(texts.SAMPLE_ACCOUNT_REAL_DATA)


def _entry_conditions() -> dict[str, str]:
    sample = f"unit_id in ({SAMPLE_UNITS})"
    return {
        "photos": (f"activity_id in (select id from activities where {sample}) or "
                   f"propaganda_id in (select id from propaganda where {sample})"),
        "commendations": (f"recipient_unit_id in ({SAMPLE_UNITS}) or nomination_id in "
                          f"(select id from nominations where {sample}) or "
                          f"created_by in ({SAMPLE_USERS})"),
        "nominations": sample,
        "activities": sample,
        "propaganda": sample,
        "learning_model_counts": sample,
        "report_submissions": sample,
    }


def _count(db, sql) -> int:
    return db.execute(sql).fetchone()[0]


def _references(db, target: str) -> list[tuple[str, str, bool]]:
    """(table, column, not_null) of every foreign key to `target`(id) in the schema."""
    out = []
    tables = [r[0] for r in db.execute(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%'")]
    for table in tables:
        notnull = {row[1]: bool(row[3]) for row in db.execute(f"pragma table_info({table})")}
        for fk in db.execute(f"pragma foreign_key_list({table})").fetchall():
            if fk[2] == target:
                out.append((table, fk[3], notnull.get(fk[3], False)))
    return out


def remove(db, actor: Actor) -> dict[str, int]:
    """Delete every sample row in one transaction; returns {table: rows deleted}.
    Admin (or the command line) only; audited."""
    require_role(actor, "admin")
    with write_transaction(db):
        removed = summary(db)
        if not removed["units"] and not removed["users"]:
            return removed
        # ids first: the conditions above stop matching once parents are gone
        db.execute("create temp table if not exists _sample_units (id integer primary key)")
        db.execute("create temp table if not exists _sample_users (id integer primary key)")
        db.execute("delete from _sample_units")
        db.execute("delete from _sample_users")
        db.execute(f"insert into _sample_units {SAMPLE_UNITS}")
        db.execute(f"insert into _sample_users {SAMPLE_USERS}")
        units, users = "select id from _sample_units", "select id from _sample_users"
        for table, row_ids in (
                ("activities", f"select id from activities where unit_id in ({units})"),
                ("propaganda", f"select id from propaganda where unit_id in ({units})"),
                ("nominations", f"select id from nominations where unit_id in ({units})")):
            db.execute(f"delete from form_tokens where table_name = ? and row_id in ({row_ids})",
                       [table])
        db.execute(f"""delete from photos where
            activity_id in (select id from activities where unit_id in ({units})) or
            propaganda_id in (select id from propaganda where unit_id in ({units}))""")
        commendation_ids = (f"select id from commendations where recipient_unit_id in "
                            f"({units}) or nomination_id in (select id from nominations "
                            f"where unit_id in ({units})) or created_by in ({users})")
        db.execute("delete from form_tokens where table_name = 'commendations' and row_id in "
                   f"({commendation_ids})")
        db.execute(f"delete from commendations where id in ({commendation_ids})")
        for table in ("nominations", "activities", "propaganda", "learning_model_counts",
                      "report_submissions"):
            db.execute(f"delete from {table} where unit_id in ({units})")
        # any other table that points at a sample unit (a table added by a later migration)
        for table, column, _notnull in _references(db, "units"):
            if table != "users":
                db.execute(f"delete from {table} where {column} in ({units})")
        # real rows forget the sample account that touched them; then the accounts go
        for table, column, notnull in _references(db, "users"):
            if notnull:
                db.execute(f"delete from {table} where {column} in ({users})")
            else:
                db.execute(f"update {table} set {column} = null where {column} in ({users})")
        # rows keyed by a sample account without a foreign key (tables of later migrations:
        # a sample clerk's import record must not refuse a real unit the same file later)
        present_tables = {r[0] for r in db.execute(
            "select name from sqlite_master where type = 'table'")}
        if "import_files" in present_tables:
            db.execute(f"delete from import_files where user_id in ({users})")
        if "login_throttle" in present_tables:
            db.execute("delete from login_throttle where username in (select username from "
                       f"users where id in ({users}))")
        db.execute(f"delete from users where id in ({users})")
        db.execute(f"delete from units where id in ({units})")
        # the summary tables: the delete triggers subtracted every counting sample entry;
        # drop the cells left empty that no remaining entry maps to (an empty cell of a real
        # entry added then withdrawn stays), so the tables are as before the demo
        for cube, (table, date, what) in _CUBES.items():
            db.execute(f"""delete from {cube} as c where c.n = 0 and not exists (
                select 1 from {table} e join event_unit_attrs u on u.unit_id = e.unit_id
                and u.event_id = e.event_id  -- the unit's kind and tier in that week
                where e.event_id = c.event_id and e.ward_code = c.ward_code
                  and u.kind = c.unit_kind and coalesce(u.tier, '') = c.unit_tier
                  and e.{date} = c.day and e.{what} = c.{what}
                  and substr(e.created_at, 1, 10) = c.created_day)""")
        db.execute("drop table _sample_units")
        db.execute("drop table _sample_users")
        audit.record(db, actor, AuditEvent("demo_remove", None, None, detail=removed))
    return removed


def describe(counts: dict[str, int]) -> str:
    """'88 đơn vị, 4 tài khoản, 600 hoạt động, …' (tables with rows only)."""
    from core import numbers, texts

    return ", ".join(f"{numbers.integer(n)} {texts.SAMPLE_TABLE_NAMES.get(table, table)}"
                     for table, n in counts.items() if n)
