"""Admin: the week's settings (general, slogans, targets, catalogue), the reporting lock,
the next year, and the approval of the committee's budget estimate. Works on the event
chosen in the sidebar; all rules live in core/event_rules.py and db/event_admin.py (the
catalogue: components/settings_catalogue.py, db/catalogue.py)."""
from datetime import datetime, time

import streamlit as st

from components.safe_text import md
from components.forms import FieldErrors, flash_and_rerun, form_prefix, form_saved, show_flash
from components.navigation import guard
from components.session import current_event, database
from components import look, settings_areas, settings_catalogue
from components import next_week, settings_organiser
from core import budget as budget_rules
from core import event_rules as rules
from core import reference as ref
from core import timefmt
from core import texts
from db import ValidationFailed, budget, event_admin, events
from components.organiser_words import say

actor = guard("admin_settings.py")
db = database()
event = current_event(db)
eid = event["id"]  # every widget key carries the event, so switching year reloads values

show_flash()


def lock_status(event) -> None:
    if not event["lock_at"]:
        st.info(texts.SET_LOCK_NONE)
    elif events.is_locked(event):
        st.warning(texts.SET_LOCK_LOCKED.format(at=timefmt.local(event["lock_at"])))
    else:
        st.info(texts.SET_LOCK_PLANNED.format(at=timefmt.local(event["lock_at"])))


st.caption(texts.SET_EDITING.format(year=event["year"], title=md(event["title"])))
lock_status(event)
if len(events.list_events(db)) > 1:  # only then has the sidebar a year selector
    st.caption(texts.SET_EDITING_OTHER_YEAR)
# keyed tabs keep the open tab across the rerun after a save (approving the budget used to
# jump back to the first tab)
tab_general, tab_slogans, tab_targets, tab_catalogue, tab_lock, tab_next, tab_budget, \
    tab_organiser, tab_areas = st.tabs(
    [*texts.SET_TABS[:3], texts.CAT_TAB, *texts.SET_TABS[3:], texts.ORG_TAB, texts.AREA_TAB],
    key="set_tabs", on_change="rerun")


def _date(value):
    return rules.parse_date(value) if value else None


def _joined(day, moment) -> str:
    """date + time widgets -> '2020-10-02T07:00' ('' when the date is empty)."""
    if not day:
        return ""
    return datetime.combine(day, moment or time(0, 0)).isoformat(timespec="minutes")


YEAR_TEXT_WIDGETS = {"title": "set_title", "theme": "set_theme", "opening_place": "set_place"}

with tab_general:
    st.caption(texts.SET_HEADER_IN_ORGANISER_TAB)  # issuer, signer, e-mail: one editor only
    # texts whose year followed the year saved on the last run: set here, before the widgets
    # are drawn (forgetting their keys is not enough: the browser keeps and sends back what
    # was typed, seen on a screenshot)
    renamed = st.session_state.pop(f"set_renamed_{eid}", {})
    for name, text in renamed.items():
        st.session_state[f"{YEAR_TEXT_WIDGETS[name]}_{eid}"] = text or ""

    def initial(name: str, value):
        """The widget's first value; None where session state holds it (Streamlit logs a
        warning, with a stack, for a widget given both)."""
        return None if name in renamed else value

    errors = FieldErrors()
    opening = rules.parse_datetime(event["opening_time"]) if event["opening_time"] else None
    with st.form(f"settings_{eid}", enter_to_submit=False):
        year = st.number_input(texts.SET_YEAR, 2000, 2100, event["year"], key=f"set_year_{eid}")
        errors.slot("year")
        title = st.text_input(texts.SET_TITLE, initial("title", event["title"]),
                              key=f"set_title_{eid}")
        errors.slot("title")
        theme = st.text_input(texts.SET_THEME, initial("theme", event["theme"]),
                              key=f"set_theme_{eid}")
        c1, c2 = st.columns(2)
        start = c1.date_input(texts.SET_START, _date(event["start_date"]), format="DD/MM/YYYY",
                              key=f"set_start_{eid}")
        with c1:
            errors.slot("start_date")
        end = c2.date_input(texts.SET_END, _date(event["end_date"]), format="DD/MM/YYYY",
                            key=f"set_end_{eid}")
        with c2:
            errors.slot("end_date")
        c1, c2 = st.columns(2)
        opening_day = c1.date_input(texts.SET_OPENING_DAY, opening.date() if opening else None,
                                    format="DD/MM/YYYY", key=f"set_open_day_{eid}")
        opening_time = c2.time_input(texts.SET_OPENING_TIME,
                                     opening.time() if opening else time(7, 0),
                                     key=f"set_open_time_{eid}")
        errors.slot("opening_time")
        place = st.text_input(texts.SET_OPENING_PLACE,
                              initial("opening_place", event["opening_place"] or ""),
                              key=f"set_place_{eid}")
        c1, c2 = st.columns(2)
        plan_number = c1.text_input(texts.SET_PLAN_NUMBER, event["plan_number"] or "",
                                    key=f"set_plan_no_{eid}")
        plan_date = c2.date_input(texts.SET_PLAN_DATE, _date(event["plan_date"]),
                                  format="DD/MM/YYYY", key=f"set_plan_date_{eid}")
        with c2:
            errors.slot("plan_date")
        c1, _c2 = st.columns(2)
        refresh = c1.number_input(texts.SET_REFRESH, rules.REFRESH_MIN, rules.REFRESH_MAX,
                                  event["refresh_seconds"], key=f"set_refresh_{eid}")
        with c1:
            errors.slot("refresh_seconds")
        errors.slot("lock_at")
        save = st.form_submit_button(texts.BUTTON_SAVE, type="primary")
    if save:
        fields = {"year": year, "title": title, "theme": theme, "start_date": start or "",
                  "end_date": end or "", "opening_time": _joined(opening_day, opening_time),
                  "opening_place": place, "plan_number": plan_number,
                  "plan_date": plan_date or "", "refresh_seconds": refresh,
                  "lock_at": event["lock_at"] or ""}
        try:
            renamed = event_admin.update_settings(db, actor, eid, fields)
        except ValidationFailed as failure:
            errors.show(failure.errors)
        else:
            st.session_state.pop("event_year", None)  # the year itself may have changed
            message = texts.SET_SAVED
            if renamed:  # the old year in the texts became the new one: show the new texts
                st.session_state[f"set_renamed_{eid}"] = renamed
                message += " " + texts.SET_YEAR_TEXTS_CHANGED.format(
                    old=event["year"], new=int(year),
                    fields=", ".join(f"«{texts.YEAR_TEXT_LABELS[n]}»" for n in renamed))
            flash_and_rerun(message)

with tab_slogans:
    st.caption(texts.SET_SLOGANS_HELP)
    errors = FieldErrors()
    current = {s["number"]: s["text"] for s in events.slogans(db, eid)}
    with st.form(f"slogans_{eid}", enter_to_submit=False):
        values = []
        for n in range(1, rules.SLOGAN_COUNT + 1):
            values.append(st.text_area(texts.SET_SLOGAN_N.format(n=n), current.get(n, ""),
                                       height=68, key=f"set_slogan_{eid}_{n}"))
            errors.slot(f"slogan_{n}")
        save_slogans = st.form_submit_button(texts.BUTTON_SAVE, type="primary")
    if save_slogans:
        try:
            event_admin.set_slogans(db, actor, eid, values)
        except ValidationFailed as failure:
            errors.show(failure.errors)
        else:
            st.success(texts.SET_SLOGANS_SAVED)

with tab_targets:
    st.caption(texts.SET_TARGETS_HELP)
    kind_labels = {None: texts.SET_ANY_KIND, **ref.KIND_NAMES}
    tier_labels = {None: texts.SET_ANY_TIER, **ref.TIER_NAMES}
    by_label = lambda names: {v: k for k, v in names.items()}  # noqa: E731
    rows = [{texts.SET_COL_KIND: kind_labels[t["unit_kind"]],
             texts.SET_COL_TIER: tier_labels[t["tier"]],
             texts.SET_COL_METRIC: texts.SET_METRICS[t["metric"]],
             texts.SET_COL_MINIMUM: t["minimum"], texts.SET_COL_LABEL: t["label"]}
            for t in events.targets(db, eid)]
    with st.form(f"targets_{eid}", enter_to_submit=False):
        edited = st.data_editor(
            rows, num_rows="dynamic", width="stretch", key=form_prefix(f"set_targets_{eid}"),
            column_config={
                texts.SET_COL_KIND: st.column_config.SelectboxColumn(
                    options=list(kind_labels.values()), required=True,
                    default=texts.SET_ANY_KIND),
                texts.SET_COL_TIER: st.column_config.SelectboxColumn(
                    options=list(tier_labels.values()), required=True,
                    default=texts.SET_ANY_TIER),
                texts.SET_COL_METRIC: st.column_config.SelectboxColumn(
                    options=list(texts.SET_METRICS.values()), required=True),
                texts.SET_COL_MINIMUM: st.column_config.NumberColumn(min_value=0, step=1,
                                                                     default=1),
                texts.SET_COL_LABEL: st.column_config.TextColumn(width="large"),
            })
        target_errors = st.empty()
        save_targets = st.form_submit_button(texts.BUTTON_SAVE, type="primary")
    if save_targets:
        metrics = by_label(texts.SET_METRICS)
        kinds, tiers = by_label(kind_labels), by_label(tier_labels)
        new_rows = [{"unit_kind": kinds.get(r.get(texts.SET_COL_KIND)) or "",
                     "tier": tiers.get(r.get(texts.SET_COL_TIER)) or "",
                     "metric": metrics.get(r.get(texts.SET_COL_METRIC), ""),
                     "minimum": "" if r.get(texts.SET_COL_MINIMUM) is None
                     else str(r.get(texts.SET_COL_MINIMUM)),
                     "label": r.get(texts.SET_COL_LABEL) or ""} for r in edited]
        try:
            event_admin.set_targets(db, actor, eid, new_rows)
        except ValidationFailed as failure:
            target_errors.error("\n\n".join([texts.FORM_HAS_ERRORS, *failure.errors.values()]))
        else:  # drawn again from what was stored: the editor's added rows are not kept
            form_saved(f"set_targets_{eid}")
            flash_and_rerun(texts.SET_TARGETS_SAVED.format(count=len(new_rows)))

with tab_catalogue:  # the week's activity types and channels (issue 15 item 3)
    settings_catalogue.render(db, actor, event)

with tab_lock:
    st.markdown(texts.SET_LOCK_HELP.format(end=timefmt.day(event["end_date"])))
    current_lock = rules.parse_datetime(event["lock_at"]) if event["lock_at"] else None
    errors = FieldErrors()
    with st.form(f"lock_{eid}", enter_to_submit=False):
        c1, c2 = st.columns(2)
        lock_day = c1.date_input(texts.SET_LOCK_DAY,
                                 current_lock.date() if current_lock
                                 else rules.parse_date(event["end_date"]),
                                 format="DD/MM/YYYY", key=f"set_lock_day_{eid}")
        lock_time = c2.time_input(texts.SET_LOCK_TIME,
                                  current_lock.time() if current_lock else time(17, 0),
                                  key=f"set_lock_time_{eid}")
        errors.slot("lock_at")
        save_lock = st.form_submit_button(texts.SET_LOCK_SAVE, type="primary")
    c1, c2 = st.columns(2)
    lock_now = c1.button(texts.SET_LOCK_NOW, key=f"set_lock_now_{eid}")
    unlock = c2.button(texts.SET_UNLOCK, key=f"set_unlock_{eid}", disabled=not event["lock_at"])
    try:
        if save_lock:
            event_admin.set_lock(db, actor, eid, _joined(lock_day, lock_time))
        elif lock_now:
            event_admin.lock_now(db, actor, eid)
        elif unlock:
            event_admin.set_lock(db, actor, eid, None)
    except ValidationFailed as failure:
        errors.show(failure.errors)
    else:
        if save_lock or lock_now or unlock:
            flash_and_rerun(texts.SET_LOCK_SAVED)

with tab_next:
    next_week.tab(db, actor)

with tab_budget:
    estimate = budget.get(db, eid)
    st.markdown(texts.SET_BUDGET_STATUS.format(
        status=texts.BUD_STATUS_NAMES[estimate["status"]],
        total=budget_rules.format_vnd(estimate["total"]), lines=budget.total_lines(db, eid)))
    if estimate["status"] == "submitted":
        st.caption(texts.SET_BUDGET_SUBMITTED_BY.format(
            name=md(estimate["submitted_by_name"] or "—"),
            at=timefmt.local(estimate["submitted_at"])))
    elif estimate["status"] == "approved":
        st.caption(texts.SET_BUDGET_APPROVED_BY.format(
            name=md(estimate["approved_by_name"] or "—"),
            at=timefmt.local(estimate["approved_at"])))
    look.table([{texts.BPDF_HEADERS[1]: line["item"], texts.BPDF_HEADERS[2]: line["activity_ref"],
                   texts.BPDF_HEADERS[3]: line["measure"],
                   texts.BPDF_HEADERS[4]: budget_rules.format_number(line["quantity"]),
                   texts.BPDF_HEADERS[5]: budget_rules.format_number(line["unit_price"]),
                   texts.BPDF_HEADERS[6]: budget_rules.format_number(line["amount"])}
                  for line in budget.lines(db, eid)], hide_index=True, width="stretch")
    if estimate["status"] == "submitted":
        # approval is the district leadership's, with its own account (issue 11 item 7)
        st.caption(say(texts.SET_BUDGET_APPROVED_BY_LEADER, db))
    else:
        st.caption(texts.SET_BUDGET_NOTHING_TO_APPROVE)

with tab_organiser:
    settings_organiser.render(db, actor, event)
with tab_areas:  # the week's areas (issue 15 item 2)
    settings_areas.render(db, actor, event)
