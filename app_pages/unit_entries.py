"""Đơn vị: my entries with review status and the committee's comment; edit or withdraw
while reporting is open. Entries marked 'needs_fix' are listed first and highlighted."""
import pandas as pd
import streamlit as st

from components.safe_text import md
from components import entry_forms
from components.forms import flash, show_flash
from components.navigation import guard
from components.session import current_event, database
from core import texts
from core.entry_rules import fmt_day, parse_date
from db import AccessDenied, ValidationFailed, WeekLocked, catalogue, entries, units

actor = guard("unit_entries.py")
db = database()
event = current_event(db)
cat = catalogue.catalogue_for(db, event["id"])  # the week's names of types and channels
unit = units.get(db, actor.unit_id)
show_flash()
can_write = entry_forms.write_status(db, event, unit["id"], reopen=True)

NEEDS_FIX_STYLE = "background-color: #fdecea; color: #8a1c1c"


def day(value):
    return fmt_day(parse_date(value))


def status_label(row):
    return texts.ENT_STATUS_NAMES[row["status"]]


def comment(row):
    return row["review_comment"] or "" if row["status"] != "submitted" else ""


def activity_rows(rows):
    return [{texts.MYE_COL_DATE: day(r["start_date"]) if r["start_date"] == r["end_date"]
             else f"{day(r['start_date'])} – {day(r['end_date'])}",
             texts.MYE_COL_STATUS: status_label(r), texts.MYE_COL_TITLE: r["title"],
             texts.MYE_COL_COMMENT: comment(r), texts.MYE_COL_TYPE: cat.type_name(r["type"]),
             texts.COL_WARD: r["ward_name"], texts.MYE_COL_PARTICIPANTS: r["participants"],
             texts.MYE_COL_PHOTOS: r["photo_count"]} for r in rows]


def propaganda_rows(rows):
    return [{texts.MYE_COL_DATE: day(r["date"]), texts.MYE_COL_STATUS: status_label(r),
             texts.MYE_COL_COMMENT: comment(r),
             texts.MYE_COL_CHANNEL: cat.channel_name(r["channel"]),
             texts.MYE_COL_QUANTITY: f"{r['quantity']} {cat.channel_measure(r['channel'])}",
             texts.COL_WARD: r["ward_name"],
             texts.MYE_COL_SLOGANS: ", ".join(str(n) for n in r["slogans"])} for r in rows]


def table(records):
    frame = pd.DataFrame(records)
    fix = texts.ENT_STATUS_NAMES["needs_fix"]
    styled = frame.style.apply(lambda row: [NEEDS_FIX_STYLE if row[texts.MYE_COL_STATUS] == fix
                                            else ""] * len(row), axis=1)
    st.dataframe(styled, hide_index=True, width="stretch")


def entry_label(kind, row):
    mark = "⚠ " if row["status"] == "needs_fix" else ""
    if kind is entries.ACTIVITY:
        return f"{mark}{day(row['start_date'])} · {row['title']}"
    return (f"{mark}{day(row['date'])} · {cat.channel_name(row['channel'])} · "
            f"{row['quantity']} {cat.channel_measure(row['channel'])}")


def withdraw_button(kind, row, name):
    confirm = st.checkbox(texts.MYE_WITHDRAW_CONFIRM, key=f"wd_ok_{name}_{row['id']}")
    if st.button(texts.MYE_WITHDRAW, key=f"wd_{name}_{row['id']}", disabled=not confirm):
        try:
            entries.withdraw(db, actor, kind, row["id"])
        except (ValidationFailed, WeekLocked, AccessDenied) as refused:
            st.error(md("; ".join(refused.errors.values()) if isinstance(
                refused, ValidationFailed) else str(refused)))
        else:
            st.session_state.pop(f"my_pick_{name}", None)
            flash(texts.MYE_WITHDRAWN)
            st.rerun()


def show_entry(kind, row, name):
    if row["status"] == "needs_fix":
        st.error(texts.MYE_NEEDS_FIX_COMMENT.format(comment=md(row["review_comment"] or "—")),
                 icon=":material/edit_note:")
    elif row["status"] == "accepted":
        st.success(texts.MYE_ACCEPTED_NOTE)
    prefix = f"edit_{name}_{row['id']}_"
    draw = entry_forms.activity_form if kind is entries.ACTIVITY else entry_forms.propaganda_form
    submitted, raw, options, errors = draw(db, event, unit, prefix, current=row,
                                           readonly=not can_write)
    if not can_write:
        return
    if submitted:
        entry_forms.save(lambda token: entries.update(db, actor, kind, row["id"], raw,
                                                      token=token, **options),
                         errors, prefix, texts.MYE_UPDATED)
    withdraw_button(kind, row, name)


def section(kind, rows, name, to_records):
    if not rows:
        st.info(texts.MYE_EMPTY)
        return
    rows = sorted(rows, key=lambda r: r["status"] != "needs_fix")  # needs fixing first
    table(to_records(rows))
    by_id = {r["id"]: r for r in rows}
    picked = st.selectbox(texts.MYE_PICK, list(by_id), index=None, key=f"my_pick_{name}",
                          placeholder=texts.MYE_PICK_PLACEHOLDER,
                          format_func=lambda i: entry_label(kind, by_id[i]))
    if picked is not None:
        show_entry(kind, by_id[picked], name)


activities = entries.list_own(db, entries.ACTIVITY, event["id"], unit["id"])
propaganda = entries.list_own(db, entries.PROPAGANDA, event["id"], unit["id"])
fixing = sum(r["status"] == "needs_fix" for r in activities + propaganda)
if fixing:
    st.warning(texts.MYE_NEEDS_FIX_COUNT.format(count=fixing), icon=":material/warning:")
tab_a, tab_p = st.tabs([texts.MYE_TAB_ACTIVITIES.format(count=len(activities)),
                        texts.MYE_TAB_PROPAGANDA.format(count=len(propaganda))],
                       key=f"my_tabs_{len(activities)}_{len(propaganda)}", on_change="rerun")
with tab_a:
    section(entries.ACTIVITY, activities, "act", activity_rows)
with tab_p:
    section(entries.PROPAGANDA, propaganda, "prop", propaganda_rows)
