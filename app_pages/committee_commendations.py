"""Khen thưởng: every unit's score and breakdown, rankings within comparable groups, the
editable weights, units' nominations to approve or decline, and the committee's picks."""
import streamlit as st

from components.safe_text import md
from components.forms import FieldErrors, flash_and_rerun, form_prefix, form_saved, \
    save_form, show_flash
from components.navigation import guard
from components.session import current_event, database
from core import numbers, scoring, texts
from core import reference as ref
from db import AccessDenied, ValidationFailed, catalogue, commendations

actor = guard("committee_commendations.py")
db = database()
event = current_event(db)
weights = commendations.get_weights(db, event["id"])
ranked = commendations.ranking(db, event)
st.caption(texts.SCORING_RUBRIC_HELP)
show_flash()

tab_rank, tab_weights, tab_nominations, tab_picks = st.tabs(
    [texts.COMMEND_TAB_RANKING, texts.COMMEND_TAB_WEIGHTS, texts.COMMEND_TAB_NOMINATIONS,
     texts.COMMEND_TAB_PICKS])


def points(value: float) -> str:
    return numbers.decimal(value, 1)


def reviewed(inputs) -> str:
    if not inputs.entries_total:
        return "—"
    return texts.COMMEND_REVIEWED_CELL.format(
        reviewed=numbers.integer(inputs.entries_reviewed),
        total=numbers.integer(inputs.entries_total),
        share=numbers.percent(inputs.reviewed_share, 0))


def unit_option(u) -> str:
    if u is None:
        return "—"
    s = scores_by_unit[u]
    fields = dict(name=s.inputs.name, group=scoring.group_name(s.group), rank=s.rank,
                  total=points(s.total))
    if s.inputs.unreviewed:
        return texts.COMMEND_UNIT_OPTION_UNREVIEWED.format(
            **fields, n=numbers.integer(s.inputs.unreviewed))
    return texts.COMMEND_UNIT_OPTION.format(**fields)


def raw_value(part) -> str:
    if part.criterion == "evidence":
        return numbers.percent(part.value, 0)
    if part.criterion == "on_time":
        return texts.YES if part.value else texts.NO
    return numbers.integer(part.value)


with tab_rank:
    for group, scores in ranked.items():
        st.subheader(scoring.group_name(group))
        if not scores:
            st.caption(texts.COMMEND_GROUP_EMPTY)
            continue
        # the key columns first and narrow enough that a phone (390 px) shows rank, total
        # and name; the criteria follow (scrolled to)
        st.dataframe(
            [{texts.COMMEND_COL_RANK: s.rank, texts.COMMEND_COL_TOTAL: points(s.total),
              texts.COL_UNIT: s.inputs.name,
              texts.COMMEND_COL_REVIEWED: reviewed(s.inputs),
              **{texts.SCORING_CRITERIA[p.criterion]: f"{raw_value(p)} → {points(p.points)}"
                 for p in s.parts}} for s in scores],
            hide_index=True, width="stretch", key=f"rank_{group}", column_config={
                texts.COMMEND_COL_RANK: st.column_config.Column(width=52),
                texts.COMMEND_COL_TOTAL: st.column_config.Column(width=84),
                texts.COL_UNIT: st.column_config.Column(width=190)})

with tab_weights:
    st.markdown(texts.COMMEND_WEIGHTS_INTRO)
    W = form_prefix("w_")  # new keys after a save or a reset: the stored weights are shown
    errors = FieldErrors()
    with st.form("scoring_weights", enter_to_submit=False):
        edited = {"types": {}}
        for key in scoring.SCALAR_DEFAULTS:
            step = 1.0 if key == "activity_cap" else 0.5
            edited[key] = st.number_input(texts.SCORING_WEIGHT_LABELS[key],
                                          value=float(weights[key]), step=step,
                                          format="%g", key=f"{W}{key}")
            errors.slot(key)
        st.markdown(texts.COMMEND_TYPE_WEIGHTS)
        week_types = catalogue.types_for(db, event["id"])  # the week's types and names
        columns = st.columns(len(ref.GROUP_NAMES))
        for column, (group, group_label) in zip(columns, ref.GROUP_NAMES.items()):
            with column:
                st.caption(group_label)
                for t in week_types:
                    if t["grp"] == group:
                        edited["types"][t["code"]] = st.number_input(
                            md(t["name"]), value=float(weights["types"][t["code"]]),
                            step=0.5, format="%g", key=f"{W}type_{t['code']}")
                        errors.slot(f"type:{t['code']}")
        for code, value in weights["types"].items():  # a plan type the week dropped
            edited["types"].setdefault(code, float(value))
        save = st.form_submit_button(texts.BUTTON_SAVE, type="primary")
    if save:
        try:
            commendations.save_weights(db, actor, event["id"], edited)
        except ValidationFailed as failure:
            errors.show(failure.errors)
        else:
            form_saved("w_")
            flash_and_rerun(texts.SCORING_WEIGHTS_SAVED)
    if st.button(texts.COMMEND_RESET_WEIGHTS, key="w_reset"):
        commendations.save_weights(db, actor, event["id"], None)
        form_saved("w_")
        flash_and_rerun(texts.SCORING_WEIGHTS_RESET)

with tab_nominations:
    statuses = [None] + list(texts.COMMEND_STATUS_NAMES)
    status = st.selectbox(texts.COMMEND_FILTER_STATUS, statuses, key="nom_status",
                          format_func=lambda s: texts.FILTER_ALL if s is None
                          else texts.COMMEND_STATUS_NAMES[s], placeholder=texts.FILTER_ALL)
    nominations = commendations.list_nominations(db, event["id"], status)
    if not nominations:
        st.info(texts.COMMEND_NO_NOMINATIONS)
    for n in nominations:
        with st.container(border=True):
            st.markdown(texts.COMMEND_NOMINATION_LINE.format(
                name=md(n["nominee_name"]), kind=texts.COMMEND_NOMINEE_KINDS[n["nominee_kind"]],
                category=ref.CATEGORY_NAMES[n["category"]], unit=md(n["unit_name"]),
                status=texts.COMMEND_STATUS_NAMES[n["status"]]))
            if n["achievement"]:
                st.text(n["achievement"])
            left, right, _ = st.columns([1, 1, 4])
            decision = None
            if n["status"] != "approved" and left.button(texts.COMMEND_APPROVE,
                                                         key=f"nom_ok_{n['id']}"):
                decision = "approved"
            if n["status"] != "declined" and right.button(texts.COMMEND_DECLINE,
                                                          key=f"nom_no_{n['id']}"):
                decision = "declined"
            if decision:
                try:
                    commendations.decide_nomination(db, actor, n["id"], decision)
                except AccessDenied as denied:  # a sample account on a real unit's nomination
                    st.error(str(denied))
                except ValidationFailed as failure:
                    st.error(md("; ".join(failure.errors.values())))
                else:
                    st.rerun()

scores_by_unit = {s.inputs.unit_id: s for group in ranked.values() for s in group}
with tab_picks:
    approved = {n["id"]: n for n in commendations.list_nominations(db, event["id"],
                                                                   "approved")}
    P = form_prefix("pick_")  # new keys after each save: a clean form (issue 20)
    errors = FieldErrors()
    with st.form("commendation_pick", enter_to_submit=False):
        category = st.selectbox(texts.COMMEND_FIELD_CATEGORY, list(ref.CATEGORY_NAMES),
                                format_func=ref.CATEGORY_NAMES.get, key=f"{P}category",
                                placeholder=texts.EF_CHOOSE)
        errors.slot("category")
        unit_choice = st.selectbox(
            texts.COMMEND_FIELD_UNIT, [None] + sorted(
                scores_by_unit, key=lambda u: (scoring.group_order().index(
                    scores_by_unit[u].group), scores_by_unit[u].rank)),
            format_func=unit_option, key=f"{P}unit", placeholder=texts.NO_CHOICE)
        errors.slot("recipient_unit_id")
        nomination_choice = st.selectbox(
            texts.COMMEND_FIELD_NOMINATION, [None] + list(approved),
            format_func=lambda i: "—" if i is None else
            f"{approved[i]['nominee_name']} ({approved[i]['unit_name']})", key=f"{P}nomination",
            placeholder=texts.NO_CHOICE)
        errors.slot("nomination_id")
        recipient = st.text_input(texts.COMMEND_FIELD_RECIPIENT, key=f"{P}recipient",
                                  help=texts.COMMEND_FIELD_RECIPIENT_HELP)
        errors.slot("recipient_name")
        rationale = st.text_area(texts.COMMEND_FIELD_RATIONALE, key=f"{P}rationale")
        errors.slot("rationale")
        add = st.form_submit_button(texts.COMMEND_ADD, type="primary")
    nominated = approved.get(nomination_choice)
    # the score and rank printed beside a decision are those of the unit it is about: the
    # unit picked, or the unit a unit's nomination names (a person has no unit score)
    scored_unit = unit_choice or (nominated["unit_id"] if nominated and
                                  nominated["nominee_kind"] == "unit" else None)
    picked_score = scores_by_unit.get(scored_unit)

    def save_pick(fields, confirmed, token):
        commendations.add_commendation(db, actor, event["id"], fields, token=token,
                                       confirm_no_entries=confirmed)

    save_form("pick_", add, {
        "category": category, "recipient_unit_id": unit_choice,
        "nomination_id": nomination_choice, "recipient_name": recipient,
        "rationale": rationale, "score": picked_score.total if picked_score else None,
        "rank": picked_score.rank if picked_score else None},
        save_pick, errors, texts.SAVED, texts.COMMEND_CONFIRM_BUTTON)

    picks = commendations.list_commendations(db, event["id"])
    if not picks:
        st.info(texts.COMMEND_NO_PICKS)
    for code, category_name in ref.CATEGORY_NAMES.items():
        chosen = [c for c in picks if c["category"] == code]
        if not chosen:
            continue
        st.subheader(category_name)
        for c in chosen:
            left, right = st.columns([6, 1])
            detail = texts.COMMEND_PICK_SCORE.format(total=points(c["score"]), rank=c["rank"]) \
                if c["score"] is not None else ""
            left.markdown(f"**{md(c['recipient_name'])}** {detail}")
            left.text(c["rationale"])
            if right.button(texts.COMMEND_REMOVE, key=f"pick_rm_{c['id']}"):
                commendations.remove_commendation(db, actor, c["id"])
                st.rerun()
