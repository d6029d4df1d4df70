"""Admin: the audit log — every change (before / after), logins, failed and refused logins,
backups and restores — filtered by user, table, action and date."""
import streamlit as st

from components import look
from components.navigation import guard
from components.session import database
from core import audit_diff, numbers, texts, timefmt
from db import audit_search, events, units, users

LIMIT = 500

actor = guard("admin_audit.py")
db = database()


def when(at: str) -> str:
    return timefmt.local(at, seconds=True)


def names_of(db) -> audit_diff.Names:
    """Unit, account and year names for the ids the log stores."""
    return audit_diff.Names(units={u["id"]: u["name"] for u in units.list_units(db)},
                            users={u["id"]: u["username"] for u in users.list_users(db)},
                            events={e["id"]: e["year"] for e in events.list_events(db)},
                            codes={"type": dict(db.execute(
                                       "select code, name from activity_types").fetchall()),
                                   "channel": dict(db.execute(
                                       "select code, name from channels").fetchall())})


def name_of(names: dict, code):
    return names.get(code, code) if code else texts.FILTER_ALL


choices = audit_search.choices(db)
c1, c2, c3 = st.columns(3)
user = c1.selectbox(texts.AUD_USER, [None] + audit_search.usernames(db), key="aud_user",
                    format_func=lambda u: u or texts.FILTER_ALL, placeholder=texts.FILTER_ALL)
table = c2.selectbox(texts.AUD_TABLE, [None] + choices["table_name"], key="aud_table",
                     format_func=lambda t: name_of(texts.AUD_TABLES, t), placeholder=texts.FILTER_ALL)
action = c3.selectbox(texts.AUD_ACTION, [None] + choices["action"], key="aud_action",
                      format_func=lambda a: name_of(texts.AUD_ACTIONS, a), placeholder=texts.FILTER_ALL)
c1, c2 = st.columns(2)
date_from = c1.date_input(texts.AUD_FROM, None, format="DD/MM/YYYY", key="aud_from")
date_to = c2.date_input(texts.AUD_TO, None, format="DD/MM/YYYY", key="aud_to")

names = names_of(db)
rows = audit_search.search(db, username=user, table=table, action=action,
                           date_from=date_from, date_to=date_to, limit=LIMIT)
st.caption(texts.AUD_COUNT.format(shown=numbers.integer(len(rows)),
                                  total=numbers.integer(audit_search.count(db)), limit=LIMIT))
look.table(
    [{texts.AUD_COL_ID: r["id"], texts.AUD_COL_AT: when(r["at"]),
      texts.AUD_COL_USER: r["who"] or "—",
      texts.AUD_COL_ACTION: texts.AUD_ACTIONS.get(r["action"], r["action"]),
      texts.AUD_COL_TABLE: texts.AUD_TABLES.get(r["table_name"], r["table_name"] or ""),
      texts.AUD_COL_ROW: r["row_id"] or "",
      texts.AUD_COL_DETAIL: audit_diff.detail_text(r["detail"], names)} for r in rows],
    hide_index=True, width="stretch")

if rows:
    st.subheader(texts.AUD_CHANGES)
    by_id = {r["id"]: r for r in rows}
    picked = st.selectbox(texts.AUD_PICK, list(by_id), key="aud_pick",
                          format_func=lambda i: texts.AUD_PICK_ITEM.format(
                              id=i, at=when(by_id[i]["at"]), user=by_id[i]["who"] or "—",
                              action=texts.AUD_ACTIONS.get(by_id[i]["action"],
                                                           by_id[i]["action"])), placeholder=texts.EF_CHOOSE)
    entry = by_id[picked]
    diff = audit_diff.changes(entry["before"], entry["after"], names)
    if diff:
        look.table([{texts.AUD_COL_FIELD: d["field"], texts.AUD_COL_BEFORE: d["before"],
                       texts.AUD_COL_AFTER: d["after"]} for d in diff],
                     hide_index=True, width="stretch")
    else:
        st.caption(texts.AUD_NO_CHANGES)
    if entry["detail"]:
        st.caption(texts.AUD_COL_DETAIL)
        st.text(audit_diff.detail_text(entry["detail"], names))
