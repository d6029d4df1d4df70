"""Committee: the budget estimate of the selected year — lines (amount computed by the
database), notes, "send for approval", and the PDF / XLSX downloads. Rules in
core/budget.py and db/budget.py; the admin approves on the settings page. The PDF is a
Tờ trình of Phòng GD&ĐT to the district leadership, signed by the office's head."""
import streamlit as st

from components.safe_text import md
from components.forms import FieldErrors, flash_and_rerun, form_prefix, form_saved, \
    save_form, show_flash
from components.navigation import guard
from components.session import current_event, database
from core import budget as rules
from core import texts, timefmt
from core.budget_pdf import build_pdf, build_xlsx
from db import ValidationFailed, budget, closing
from components.organiser_words import say

actor = guard("committee_budget.py")
db = database()
event = current_event(db)
eid = event["id"]

show_flash()

estimate = budget.get(db, eid)
lines = budget.lines(db, eid)
is_draft = estimate["status"] == "draft"

st.caption(say(texts.BUDP_FOR_YEAR.format(year=event["year"]), db))
status_line = texts.SET_BUDGET_STATUS.format(
    status=texts.BUD_STATUS_NAMES[estimate["status"]], lines=len(lines),
    total=rules.format_vnd(estimate["total"]))
if estimate["status"] == "approved":
    st.success(status_line + "  \n" + texts.SET_BUDGET_APPROVED_BY.format(
        name=md(estimate["approved_by_name"] or "—"),
        at=timefmt.local(estimate["approved_at"])))
elif estimate["status"] == "submitted":
    st.info(status_line + "  \n" + texts.SET_BUDGET_SUBMITTED_BY.format(
        name=md(estimate["submitted_by_name"] or "—"),
        at=timefmt.local(estimate["submitted_at"])) + " " + say(texts.BUDP_WAITING, db))
else:
    st.markdown(status_line)

headers = texts.BPDF_HEADERS
if not lines:
    st.caption(texts.BUDP_NO_LINES)
else:
    st.dataframe(
        [{headers[0]: i, headers[1]: line["item"], headers[2]: line["activity_ref"],
          headers[3]: line["measure"], headers[4]: rules.format_number(line["quantity"]),
          headers[5]: rules.format_number(line["unit_price"]),
          headers[6]: rules.format_number(line["amount"]), headers[7]: line["note"]}
         for i, line in enumerate(lines, start=1)],
        hide_index=True, width="stretch")
st.markdown(texts.BUDP_TOTAL.format(total=rules.format_vnd(estimate["total"]),
                                    words=rules.vnd_in_words(estimate["total"])))

left, right = st.columns(2)
slug = f"du-tru-kinh-phi-{event['year']}"
with_approval = estimate["status"] == "approved" and st.checkbox(
    texts.BUDP_APPROVAL_PAGE, value=True, key="bud_approval_page")
left.download_button(texts.BUDP_DOWNLOAD_PDF,
                     lambda: build_pdf(event, estimate, lines, approval_page=with_approval),
                     file_name=f"{slug}.pdf", mime="application/pdf", key="bud_pdf",
                     disabled=not lines)
right.download_button(texts.BUDP_DOWNLOAD_XLSX, lambda: build_xlsx(event, estimate, lines),
                      file_name=f"{slug}.xlsx", key="bud_xlsx", disabled=not lines,
                      mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")

# the Tờ trình is signed by the head of Phòng GD&ĐT: the name printed under TRƯỞNG PHÒNG
head_errors = FieldErrors()
with st.form("bud_head_form", enter_to_submit=False):
    head_name = st.text_input(texts.BUDP_HEAD_NAME, event.get("office_head_name") or "",
                              key=f"{form_prefix('bud_head_')}name", help=texts.BUDP_HEAD_HELP)
    head_errors.slot("office_head_name")
    save_head = st.form_submit_button(texts.BUDP_HEAD_SAVE)
if save_head:
    try:
        closing.save_office_head(db, actor, eid, head_name)
    except ValidationFailed as failure:
        head_errors.show(failure.errors)
    else:
        form_saved("bud_head_")
        flash_and_rerun(texts.BUDP_HEAD_SAVED)


def line_form(form_key: str, prefix: str, current: dict, submit_label: str):
    """The six fields of a line with an error slot under each; returns (submitted, fields)."""
    errors = FieldErrors()
    with st.form(form_key, enter_to_submit=False):
        item = st.text_input(texts.BUDP_ITEM, current.get("item", ""), key=f"{prefix}item")
        errors.slot("item")
        activity = st.text_input(texts.BUDP_ACTIVITY, current.get("activity_ref", ""),
                                 key=f"{prefix}activity", placeholder=texts.BUDP_ACTIVITY_HINT)
        c1, c2, c3 = st.columns(3)
        quantity = c1.text_input(texts.BUDP_QUANTITY,
                                 rules.format_number(current["quantity"]) if current else "1",
                                 key=f"{prefix}quantity")
        with c1:
            errors.slot("quantity")
        measure = c2.text_input(texts.BUDP_MEASURE, current.get("measure", ""),
                                key=f"{prefix}measure", placeholder="chiếc, gói, buổi…")
        price = c3.text_input(texts.BUDP_PRICE,
                              rules.format_number(current["unit_price"]) if current else "",
                              key=f"{prefix}price", placeholder="1.500.000")
        with c3:
            errors.slot("unit_price")
        note = st.text_input(texts.BUDP_NOTE, current.get("note", ""), key=f"{prefix}note")
        submitted = st.form_submit_button(submit_label, type="primary")
    fields = {"item": item, "activity_ref": activity, "quantity": quantity, "measure": measure,
              "unit_price": price, "note": note}
    return submitted, fields, errors


if is_draft:
    st.subheader(texts.BUDP_ADD)
    # new keys after each save (form_prefix): the next line starts from a clean form
    added, fields, errors = line_form("budget_add", form_prefix("bud_new_"), {},
                                      texts.BUDP_ADD_BUTTON)
    save_form("bud_new_", added, fields,
              lambda values, confirmed, token: budget.add_line(
                  db, actor, eid, values, token=token, confirm_duplicate=confirmed),
              errors, texts.BUDP_ADDED, texts.BUDP_ADD_ANYWAY)

    if lines:
        st.subheader(texts.BUDP_EDIT)
        by_id = {line["id"]: line for line in lines}
        picked = st.selectbox(texts.BUDP_PICK, list(by_id), key="bud_pick", placeholder=texts.EF_CHOOSE,
                              format_func=lambda i: f"{lines.index(by_id[i]) + 1}. "
                              f"{by_id[i]['item']}")
        # a saved line is drawn again from what was stored (new keys)
        edit_base = f"bud_edit_{picked}_"
        saved, fields, errors = line_form(f"budget_edit_{picked}", form_prefix(edit_base),
                                          by_id[picked], texts.BUTTON_SAVE)
        if saved:
            try:
                budget.update_line(db, actor, picked, fields)
            except ValidationFailed as failure:
                errors.show(failure.errors)
            else:
                form_saved(edit_base)
                flash_and_rerun(texts.BUDP_UPDATED)
        if st.button(texts.BUDP_DELETE, key=f"bud_delete_{picked}"):
            try:
                budget.delete_line(db, actor, picked)
            except ValidationFailed as failure:
                st.error(md("; ".join(failure.errors.values())))
            else:
                flash_and_rerun(texts.BUDP_DELETED)

    st.subheader(texts.BUDP_NOTES)
    with st.form("budget_notes", enter_to_submit=False):
        notes = st.text_area(texts.BUDP_NOTES, estimate["notes"],
                             key=f"{form_prefix(f'bud_notes_{eid}_')}text",
                             label_visibility="collapsed", placeholder=say(texts.BUDP_NOTES_HINT, db))
        save_notes = st.form_submit_button(texts.BUTTON_SAVE)
    if save_notes:
        budget.set_notes(db, actor, eid, notes)
        form_saved(f"bud_notes_{eid}_")  # what was stored (cleaned) is shown
        flash_and_rerun(texts.BUDP_NOTES_SAVED)

    st.divider()
    st.markdown(say(texts.BUDP_SUBMIT_HELP, db))
    if st.button(texts.BUDP_SUBMIT, type="primary", key="bud_submit", disabled=not lines):
        try:
            budget.submit(db, actor, eid)
        except ValidationFailed as failure:
            st.error(md("; ".join(failure.errors.values())))
        else:
            flash_and_rerun(texts.BUDP_SUBMITTED)
else:
    if estimate["notes"]:
        st.markdown(f"**{texts.BUDP_NOTES}:** ")
        st.text(estimate["notes"])
    st.caption(texts.BUDP_FROZEN)
