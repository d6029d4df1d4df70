"""Reading the audit log for the admin's page: filter choices and one entry. The filtered
list lives here, apart from the writer in db/audit.py."""


def choices(db) -> dict[str, list[str]]:
    """Distinct tables and actions present in the log, sorted, for the filters."""
    return {column: [row[0] for row in db.execute(
        f"select distinct {column} from audit_log where {column} is not null "
        f"order by {column}")]
        for column in ("table_name", "action")}


def get(db, entry_id: int) -> dict | None:
    rows = list(db.query("select * from audit_log where id = ?", [entry_id]))
    return rows[0] if rows else None


def count(db) -> int:
    return db.execute("select count(*) from audit_log").fetchone()[0]


# A failed or refused login has no signed-in user: the name typed is in detail.username.
_WHO = "coalesce(username, json_extract(detail, '$.username'))"


def usernames(db) -> list[str]:
    return [row[0] for row in db.execute(
        f"select distinct {_WHO} as who from audit_log where who is not null order by who")]


def search(db, *, username=None, table=None, action=None, date_from=None, date_to=None,
           limit=500) -> list[dict]:
    """Newest first. `username` also finds failed logins typed with that name; dates are
    inclusive days of the server's local time (the `at` column's own date)."""
    where, params = [], []
    if username:
        where.append(f"{_WHO} = ?")
        params.append(username)
    for column, value in (("table_name", table), ("action", action)):
        if value:
            where.append(f"{column} = ?")
            params.append(value)
    if date_from:
        where.append("substr(at, 1, 10) >= ?")
        params.append(str(date_from))
    if date_to:
        where.append("substr(at, 1, 10) <= ?")
        params.append(str(date_to))
    sql = f"select *, {_WHO} as who from audit_log"
    if where:
        sql += " where " + " and ".join(where)
    return list(db.query(sql + " order by id desc limit ?", params + [limit]))
