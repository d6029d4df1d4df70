"""Tiến độ báo cáo: who has reported (DESIGN §4 definition, db/progress.py), reporting
rates per tier and per ward from db/stats.py, and a BCC mailto to every unit still silent."""
import streamlit as st

from components import look, pickers
from components.navigation import guard
from components.session import current_event, database
from components.organiser_words import say
from core import mailto, numbers, texts, timefmt
from core import reference as ref
from db import areas, progress, stats


def rate_column():
    """The bar and, beside it, the rate written as everywhere else (numbers.percent:
    «93,8%», the dashboard's format; the bar's own «percent» format wrote «93,75%»)."""
    return st.column_config.ProgressColumn(texts.PROG_COL_BAR, min_value=0.0, max_value=1.0,
                                           format=" ")


def rates(summary):
    left, right = st.columns(2)
    with left:
        st.subheader(texts.PROG_RATE_TIER)
        look.table([{texts.COL_TIER: ref.TIER_NAMES[t["tier"]],
                       texts.PROG_COL_TOTAL: t["schools"],
                       texts.PROG_COL_REPORTED: t["reporting_schools"],
                       texts.PROG_COL_RATE: numbers.percent(
                           numbers.ratio(t["reporting_schools"], t["schools"])),
                       texts.PROG_COL_BAR: numbers.ratio(t["reporting_schools"], t["schools"])}
                      for t in summary["by_tier"]],
                     hide_index=True, width="stretch",
                     column_config={texts.PROG_COL_BAR: rate_column()})
    with right:
        st.subheader(say(texts.PROG_RATE_WARD))
        look.table([{texts.COL_WARD: w["name"], texts.PROG_COL_TOTAL: w["units"],
                       texts.PROG_COL_REPORTED: w["reporting_units"],
                       texts.PROG_COL_RATE: numbers.percent(
                           numbers.ratio(w["reporting_units"], w["units"])),
                       texts.PROG_COL_BAR: numbers.ratio(w["reporting_units"], w["units"])}
                      for w in summary["by_ward"]],
                     hide_index=True, width="stretch",
                     column_config={texts.PROG_COL_BAR: rate_column()})


def when(value):
    return timefmt.local(value)


# a phone (390 px) shows a table's first ~350 px: the name and what is asked of the unit
# come first, narrow; the code and the rest follow (scrolled to)
NAME_COLUMN = st.column_config.Column(width=170)


def unit_table(rows):
    look.table([{texts.COL_NAME: r["name"],
                 texts.PROG_COL_REPORTED: r["reported"],
                 texts.PROG_COL_SUBMITTED: r["submitted"],
                 texts.PROG_COL_ENTRIES: r["entries"],
                 texts.PROG_COL_LAST: when(r["last_entry"]),
                 texts.COL_WARD: r["ward_name"] or "",
                 texts.COL_KIND: ref.KIND_NAMES[r["kind"]],
                 texts.COL_CODE: r["code"]} for r in rows],
               hide_index=True, width="stretch", column_config={
                   texts.COL_NAME: NAME_COLUMN,
                   texts.PROG_COL_REPORTED: st.column_config.CheckboxColumn(width=80),
                   texts.PROG_COL_SUBMITTED: st.column_config.CheckboxColumn(width=70)})


def chase(event, silent):
    st.subheader(f"{texts.PROG_NOT_REPORTED} ({numbers.integer(len(silent))})")
    if not silent:
        st.success(texts.PROG_ALL_REPORTED)
        return
    link = mailto.bcc_link([u["email"] for u in silent],
                           texts.PROG_MAIL_SUBJECT.format(title=event["title"]),
                           texts.PROG_MAIL_BODY.format(title=event["title"]))
    with_email = len({u["email"] for u in silent if u["email"]})
    if link:
        st.link_button(texts.PROG_MAILTO.format(count=with_email), link,
                       icon=":material/mail:")
    else:
        st.caption(texts.PROG_MAILTO_NONE)
    look.table([{texts.COL_NAME: u["name"], texts.COL_PHONE: u["phone"] or "",
                 texts.COL_EMAIL: u["email"] or texts.PROG_NO_EMAIL,
                 texts.COL_WARD: u["ward_name"] or "", texts.COL_CODE: u["code"]}
                for u in silent],
               hide_index=True, width="stretch", column_config={texts.COL_NAME: NAME_COLUMN})


actor = guard("committee_progress.py")
db = database()
event = current_event(db)
c1, c2, c3, c4 = st.columns(4)
with c1:
    ward = pickers.ward_filter("prog_ward", areas.names_for(db, event["id"]))
with c2:
    tier = pickers.tier_filter("prog_tier")
with c3:
    kind = pickers.kind_filter("prog_kind")
with c4:
    status = st.selectbox(texts.PROG_FILTER_STATUS, [None, True, False], key="prog_status",
                          format_func=lambda s: {None: texts.PROG_STATUS_ALL,
                                                 True: texts.PROG_STATUS_REPORTED,
                                                 False: texts.PROG_STATUS_NOT_REPORTED}[s],
                          placeholder=texts.PROG_STATUS_ALL)
filters = {"ward": ward, "tier": tier, "kind": kind}
summary = stats.summary(db, event["id"], **filters)
t = summary["totals"]
# the dashboard's two figures, under the same words: «có số liệu» and «đã nộp»
m1, m2 = st.columns(2)
m1.metric(texts.DASH_KPI_REPORTING,
          f"{numbers.integer(t['reporting_units'])}/{numbers.integer(t['units'])} "
          f"({numbers.percent(t['reporting_rate'])})")
m2.metric(texts.DASH_KPI_SUBMITTED,
          f"{numbers.integer(t['submitted_units'])}/{numbers.integer(t['units'])} "
          f"({numbers.percent(t['submission_rate'])})")
st.caption(texts.PROG_WORDS_HELP)
rows = progress.units_progress(db, event["id"], **filters)
chase(event, [r for r in rows if not r["reported"]])
st.caption(texts.PROG_NOT_SUBMITTED.format(
    count=numbers.integer(sum(1 for r in rows if not r["submitted"]))))
rates(summary)
st.subheader(texts.PROG_UNITS)
unit_table([r for r in rows if status is None or r["reported"] == status])
