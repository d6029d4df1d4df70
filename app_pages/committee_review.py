"""Duyệt dữ liệu at scale: a filterable, sortable, paged table of entries with the true count;
select many rows → accept or mark needs-fix with one comment; a detail pane (photos as
thumbnails, the unit's other entries) where a decision opens the next pending entry; review
progress overall, per ward and per unit. All writes go through db/review.py (committee only,
audited, one transaction). User-entered text is shown as text, never as markdown
(components/safe_text.py). Keyboard: Tab/Space/Enter everywhere, Alt+D accept, Alt+S
needs-fix, Alt+N / Alt+P next / previous page."""
import json
import math

import streamlit as st

from components import pickers
from components.forms import FLASH_KEY, FieldErrors, flash, form_prefix, form_saved, show_flash
from components.navigation import guard
from components.safe_text import show_heading, show_link
from components.session import current_event, database
from components.organiser_words import say
from core import numbers, photos, texts
from core import reference as ref
from db import AccessDenied, ValidationFailed, areas, catalogue, events, review, week_units

PAGE_SIZES = [25, 50, 100, 200, 500]


def vn_date(iso) -> str:
    iso = str(iso or "")
    return f"{iso[8:10]}/{iso[5:7]}/{iso[:4]}" if len(iso) >= 10 else ""


def choose(label, names, key):
    """A filter: «Tất cả» (None) or one code (the placeholder is ours, not Streamlit's)."""
    return pickers.code_select(label, names, key=key, optional_label=texts.FILTER_ALL,
                               placeholder=texts.FILTER_ALL)


def filter_bar(event):
    kind = st.segmented_control(texts.REV_FILTER_KIND, ["activity", "propaganda"],
                                key="rev_kind", default="activity",
                                format_func=lambda k: texts.REV_KIND_ACTIVITY
                                if k == "activity" else texts.REV_KIND_PROPAGANDA) or "activity"
    c1, c2, c3, c4 = st.columns(4)
    with c1:
        status = choose(texts.REV_FILTER_STATUS, texts.STATUS_NAMES, "rev_status")
        if st.session_state.get("rev_ward") not in (None, *area_names):
            del st.session_state["rev_ward"]  # an area of another week
        ward = choose(say(texts.FILTER_WARD), area_names, "rev_ward")
    with c2:
        tier = choose(texts.FILTER_TIER, ref.TIER_NAMES, "rev_tier")
        unit_kind = choose(texts.FILTER_KIND, ref.KIND_NAMES, "rev_unit_kind")
    with c3:
        type_names = cat.type_names if kind == "activity" else cat.channel_names
        if st.session_state.get("rev_type") not in (None, *type_names):
            del st.session_state["rev_type"]  # the kind changed
        type_ = choose(texts.REV_FILTER_TYPE, type_names, "rev_type")
        days = {d: vn_date(d) for d in events.week_days(event)}
        if st.session_state.get("rev_day") not in (None, *days):
            del st.session_state["rev_day"]
        day = choose(texts.REV_FILTER_DAY, days, "rev_day")
    with c4:
        unit_names = {u["id"]: f"{u['code']} — {u['name']}"
                      for u in week_units.listing(db, event["id"])}  # as the week names them
        if st.session_state.get("rev_unit") not in (None, *unit_names):
            del st.session_state["rev_unit"]
        unit_id = choose(texts.COL_UNIT, unit_names, "rev_unit")
        text = st.text_input(texts.REV_FILTER_TEXT, key="rev_text",
                             placeholder=texts.REV_FILTER_TEXT_HINT)
    c1, c2, _ = st.columns([2, 1, 3])
    sort = c1.selectbox(texts.REV_SORT, list(texts.REV_SORTS), key="rev_sort",
                        format_func=texts.REV_SORTS.get, placeholder=texts.EF_CHOOSE)
    size = c2.selectbox(texts.REV_PAGE_SIZE, PAGE_SIZES, index=1, key="rev_size",
                        placeholder=texts.EF_CHOOSE)
    filters = review.Filters(status=status, ward=ward, tier=tier, unit_kind=unit_kind,
                             unit_id=unit_id, type_=type_, day=day, text=text or None)
    return kind, filters, sort, size


def share(reviewed, total) -> str:
    return texts.REV_PROGRESS_CELL.format(reviewed=numbers.integer(reviewed),
                                          total=numbers.integer(total))


def progress_panel(kind):
    prog = review.progress(db, event["id"], kind)
    reviewed, total = prog["total"]
    what = texts.REV_KIND_ACTIVITY if kind == "activity" else texts.REV_KIND_PROPAGANDA
    st.progress(reviewed / total if total else 0.0,
                text=texts.REV_PROGRESS.format(reviewed=numbers.integer(reviewed),
                                               total=numbers.integer(total),
                                               what=what.lower()))
    with st.expander(texts.REV_PROGRESS_DETAIL):
        left, right = st.columns(2)
        left.dataframe([{say(texts.FILTER_WARD): w["name"],
                         texts.REV_COL_REVIEWED: share(w["reviewed"], w["total"]),
                         texts.REV_COL_SHARE: numbers.percent(
                             w["reviewed"] / w["total"] if w["total"] else 0, 0)}
                        for w in prog["wards"]], hide_index=True, key="rev_prog_wards")
        right.dataframe([{texts.COL_UNIT: u["name"],
                          texts.REV_COL_REVIEWED: share(u["reviewed"], u["total"]),
                          texts.REV_COL_SHARE: numbers.percent(u["reviewed"] / u["total"], 0)}
                         for u in prog["units"]], hide_index=True, key="rev_prog_units")


def table_rows(kind, rows):
    out = []
    for r in rows:
        if kind == "activity":
            what, size = r["title"], r["participants"]
            type_name = cat.type_name(r["type"])
            day = vn_date(r["start_date"])
        else:
            what, size = r["note"], r["quantity"]
            type_name = cat.channel_name(r["channel"])
            day = vn_date(r["date"])
        out.append({texts.REV_COL_ID: r["id"], texts.REV_COL_STATUS:
                    texts.STATUS_NAMES[r["status"]], texts.REV_COL_DAY: day,
                    texts.COL_UNIT: r["unit_name"],
                    say(texts.FILTER_WARD): area_names.get(r["ward_code"], r["ward_code"]),
                    texts.REV_COL_TYPE: type_name, texts.REV_COL_WHAT: what,
                    (texts.REV_COL_PARTICIPANTS if kind == "activity"
                     else texts.REV_COL_QUANTITY): size,
                    texts.REV_COL_PHOTOS: r["photo_count"]})
    return out


@st.cache_data(show_spinner=False, max_entries=500)
def thumbnail(photo_id: int, data: bytes) -> bytes:
    try:
        return photos.thumbnail(data)
    except Exception:  # a stored file that no longer decodes: show nothing rather than fail
        return b""


def details(kind, entry):
    st.text(f"{entry['unit_code']} — {entry['unit_name']}")
    if kind == "activity":
        show_heading(entry["title"])
        st.text(f"{cat.type_name(entry['type'])} · {area_names.get(entry['ward_code'], entry['ward_code'])} · "
                f"{vn_date(entry['start_date'])} → {vn_date(entry['end_date'])} · "
                f"{ref.FORMAT_NAMES[entry['format']]}")
        st.text(f"{texts.CHART_PARTICIPANTS}: {numbers.integer(entry['participants'])} "
                f"({texts.EXP_COLS['online_participants']}: "
                f"{numbers.integer(entry['online_participants'])})")
        if entry.get("description"):
            st.text(entry["description"])
        link = entry.get("evidence_url")
    else:
        st.text(f"{cat.channel_name(entry['channel'])}: {numbers.integer(entry['quantity'])} "
                f"{cat.channel_measure(entry['channel'])} · "
                f"{area_names.get(entry['ward_code'], entry['ward_code'])} · "
                f"{vn_date(entry['date'])}")
        slogans = entry["slogans"] if isinstance(entry["slogans"], list) else \
            json.loads(entry["slogans"] or "[]")
        st.text(f"{texts.CHART_SLOGAN}: {', '.join(str(n) for n in slogans) or '—'}")
        if entry.get("note"):
            st.text(entry["note"])
        link = entry.get("link")
    if link:
        st.caption(texts.REV_LINK)
        show_link(link)
    st.caption(texts.REV_PHOTOS)
    # a stored thumbnail when the photo has one (bounded photos, issue 10 §6), else made once
    thumbs = [t for t in (p.get("thumb") or thumbnail(p["id"], p["data"])
                          for p in entry["photos"]) if t]
    if thumbs:
        st.image(thumbs, width=160)
    else:
        st.caption(texts.REV_NO_PHOTOS)
    st.text(texts.REV_CURRENT_STATUS.format(status=texts.STATUS_NAMES[entry["status"]]))
    if entry.get("review_comment"):
        st.text(texts.REV_PREVIOUS_COMMENT.format(comment=entry["review_comment"]))


def unit_context(kind, entry):
    others = [r for r in review.unit_entries(db, event["id"], kind, entry["unit_id"])
              if r["id"] != entry["id"]]
    st.caption(texts.REV_UNIT_OTHERS.format(count=numbers.integer(len(others))))
    if others:
        st.dataframe([{texts.REV_COL_ID: r["id"],
                       texts.REV_COL_DAY: vn_date(r["start_date" if kind == "activity"
                                                    else "date"]),
                       texts.REV_COL_WHAT: r["title"] if kind == "activity" else
                       f"{cat.channel_name(r['channel'])} × {r['quantity']}",
                       texts.REV_COL_STATUS: texts.STATUS_NAMES[r["status"]]} for r in others],
                     hide_index=True, key="rev_unit_others", height=220)


def decide(kind, ids, status, comment, errors, *, single):
    try:
        count = review.decide_many(db, actor, kind, ids, status, comment)
    except ValidationFailed as error:
        errors.show(error.errors)
        return
    except AccessDenied as error:
        st.error(str(error))
        return
    name = texts.STATUS_NAMES[status]
    if single:
        nxt = review.next_pending(db, event["id"], kind, filters, sort, ids[0])
        st.session_state["rev_jump"] = nxt
        flash(texts.REV_DONE.format(status=name) + " " + (
            texts.REV_OPENED_NEXT if nxt else texts.REV_ALL_DONE))
        form_saved("rev_comment")  # the next entry's form starts without this comment
    else:
        flash(texts.REV_BULK_DONE.format(count=numbers.integer(count), status=name))
        form_saved("rev_bulk_comment")
        st.session_state["rev_nonce"] = st.session_state.get("rev_nonce", 0) + 1
    st.rerun()


def decision_form(kind, entry):
    errors = FieldErrors()
    with st.form("rev_form", clear_on_submit=False, enter_to_submit=False):
        comment_key = form_prefix("rev_comment")
        st.text_area(texts.REV_COMMENT, key=comment_key, max_chars=review.COMMENT_MAX)
        errors.slot("comment")
        errors.slot("status")
        errors.slot("entry")
        # a row of buttons as wide as their labels (and their shortcut hints), wrapping
        # when the pane is narrow: two equal columns of the 2/5 pane cut «Yêu cầu sửa»
        with st.container(horizontal=True, key="rev_decide_buttons"):
            accept = st.form_submit_button(texts.REV_ACCEPT, type="primary",
                                           key="rev_accept", shortcut="Alt+D")
            needs_fix = st.form_submit_button(texts.REV_NEEDS_FIX, key="rev_needs_fix",
                                              shortcut="Alt+S")
    if accept or needs_fix:
        decide(kind, [entry["id"]], "accepted" if accept else "needs_fix",
               st.session_state.get(comment_key, ""), errors, single=True)


def bulk_form(kind, ids):
    errors = FieldErrors()
    with st.form("rev_bulk", clear_on_submit=False, border=True, enter_to_submit=False):
        st.markdown(texts.REV_BULK_HEADING.format(count=numbers.integer(len(ids))))
        comment_key = form_prefix("rev_bulk_comment")
        st.text_area(texts.REV_BULK_COMMENT, key=comment_key,
                     max_chars=review.COMMENT_MAX)
        errors.slot("comment")
        errors.slot("status")
        errors.slot("entry")
        c1, c2 = st.columns(2)
        accept = c1.form_submit_button(texts.REV_BULK_ACCEPT.format(
            count=numbers.integer(len(ids))), type="primary", key="rev_bulk_accept")
        needs_fix = c2.form_submit_button(texts.REV_BULK_NEEDS_FIX.format(
            count=numbers.integer(len(ids))), key="rev_bulk_needs_fix")
    if accept or needs_fix:
        decide(kind, ids, "accepted" if accept else "needs_fix",
               st.session_state.get(comment_key, ""), errors, single=False)


actor = guard("committee_review.py")
db = database()
event = current_event(db)
cat = catalogue.catalogue_for(db, event["id"])  # the week's names of types and channels
area_names = areas.names_for(db, event["id"]) if event else {}  # the week's areas
# «Đã duyệt.» also where the eye is: the buttons are far down the page (a bulk review's
# form is gone after it), the message at the top is off-screen (issue 20 item 10)
if st.session_state.get(FLASH_KEY):
    st.toast(st.session_state[FLASH_KEY], icon=":material/check_circle:")
show_flash()
kind, filters, sort, size = filter_bar(event)
progress_panel(kind)

view = json.dumps([kind, filters.__dict__, sort, size], sort_keys=True, default=str)
if st.session_state.get("rev_view") != view:  # new filters: back to page 1
    st.session_state["rev_view"] = view
    st.session_state["rev_page"] = 1
    st.session_state.pop("rev_current", None)
jump = st.session_state.pop("rev_jump", None)
if jump:  # the next pending entry after a decision: its page, selected
    st.session_state["rev_page"] = jump[1] // size + 1
    st.session_state["rev_current"] = jump[0]

def fetch(page: int):
    return review.search(db, event["id"], kind, filters, sort=sort,
                         offset=(page - 1) * size, limit=size)


page_no = max(1, int(st.session_state.get("rev_page", 1)))
result = fetch(page_no)  # one search gives the page and the true count
pages = max(1, math.ceil(result.total / size))
if page_no > pages:  # fewer entries than before (filters, decisions): the last page
    page_no = pages
    result = fetch(page_no)
st.session_state["rev_page"] = page_no
c1, c2, c3, c4 = st.columns([3, 3, 2, 6], vertical_alignment="bottom")
if c1.button(texts.REV_PREV, key="rev_prev", shortcut="Alt+P", disabled=page_no <= 1):
    st.session_state["rev_page"] = page_no - 1
    st.rerun()
if c2.button(texts.REV_NEXT, key="rev_next", shortcut="Alt+N", disabled=page_no >= pages):
    st.session_state["rev_page"] = page_no + 1
    st.rerun()
c3.number_input(texts.REV_PAGE, min_value=1, max_value=pages, step=1, key="rev_page")
first = result.offset + 1 if result.rows else 0
c4.markdown(texts.REV_COUNT_PAGED.format(count=numbers.integer(result.total),
                                   first=numbers.integer(first),
                                   last=numbers.integer(result.offset + len(result.rows)),
                                   page=numbers.integer(page_no),
                                   pages=numbers.integer(pages)))
if not result.rows:
    st.info(texts.REV_NONE)
    st.stop()

ids = [r["id"] for r in result.rows]
table_key = f"rev_table_{st.session_state.get('rev_nonce', 0)}_{page_no}_{hash(view)}"
if jump and jump[0] in ids:
    st.session_state[table_key] = {"selection": {"rows": [ids.index(jump[0])],
                                                 "columns": [], "cells": []}}
picked = st.dataframe(table_rows(kind, result.rows), key=table_key, on_select="rerun",
                      selection_mode="multi-row", hide_index=True, width="stretch",
                      column_config={texts.REV_COL_ID: st.column_config.NumberColumn(
                          format="%d", width="small")})
selected = [ids[i] for i in picked.selection.rows if i < len(ids)]
st.caption(texts.REV_TABLE_HELP)

if len(selected) > 1:
    bulk_form(kind, selected)
if len(selected) == 1:
    st.session_state["rev_current"] = selected[0]
current = st.session_state.get("rev_current")
if current not in ids:  # default: the first entry on the page still waiting for review
    current = next((r["id"] for r in result.rows if r["status"] == "submitted"), ids[0])
    st.session_state["rev_current"] = current
entry = review.get_entry(db, kind, current)
st.divider()
left, right = st.columns([3, 2])
with left:
    details(kind, entry)
with right:
    decision_form(kind, entry)
    unit_context(kind, entry)
