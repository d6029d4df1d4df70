"""Lãnh đạo UBND quận: the budget estimate Phòng GD&ĐT submitted (the Tờ trình), approved
or sent back with the leadership's own account (plan §III.1; issue 11 item 7). The data
layer (db/budget.APPROVERS) refuses anyone else."""
import streamlit as st

from components import look
from components.forms import flash_and_rerun, show_flash
from components.navigation import guard
from components.safe_text import md
from components.session import current_event, database
from core import budget as rules
from core import texts, timefmt
from core.budget_pdf import build_pdf
from db import AccessDenied, ValidationFailed, budget
from components.organiser_words import say

actor = guard("leader_budget.py")
db = database()
event = current_event(db)
eid = event["id"]
show_flash()

estimate = budget.get(db, eid)
lines = budget.lines(db, eid)
st.caption(say(texts.LEAD_INTRO.format(year=event["year"]), db))
st.markdown(texts.SET_BUDGET_STATUS.format(
    status=texts.BUD_STATUS_NAMES[estimate["status"]], lines=len(lines),
    total=rules.format_vnd(estimate["total"])))
if estimate["status"] == "submitted":
    st.caption(texts.SET_BUDGET_SUBMITTED_BY.format(
        name=md(estimate["submitted_by_name"] or "—"),
        at=timefmt.local(estimate["submitted_at"])))
elif estimate["status"] == "approved":
    st.success(texts.SET_BUDGET_APPROVED_BY.format(
        name=md(estimate["approved_by_name"] or "—"),
        at=timefmt.local(estimate["approved_at"])))

headers = texts.BPDF_HEADERS
look.table([{headers[0]: i, headers[1]: line["item"], headers[2]: line["activity_ref"],
             headers[3]: line["measure"], headers[4]: rules.format_number(line["quantity"]),
             headers[5]: rules.format_number(line["unit_price"]),
             headers[6]: rules.format_number(line["amount"]), headers[7]: line["note"]}
            for i, line in enumerate(lines, start=1)])  # an empty estimate: no «empty»
st.markdown(texts.BUDP_TOTAL.format(total=rules.format_vnd(estimate["total"]),
                                    words=rules.vnd_in_words(estimate["total"])))
with_approval = estimate["status"] == "approved" and st.checkbox(
    texts.BUDP_APPROVAL_PAGE, value=True, key="lead_approval_page")
st.download_button(texts.BUDP_DOWNLOAD_PDF,
                   lambda: build_pdf(event, estimate, lines, approval_page=with_approval),
                   file_name=f"to-trinh-du-tru-kinh-phi-{event['year']}.pdf",
                   mime="application/pdf", key="lead_pdf", disabled=not lines)

if estimate["status"] == "submitted":
    c1, c2 = st.columns(2)
    try:
        if c1.button(texts.SET_BUDGET_APPROVE, type="primary", key="lead_approve"):
            budget.approve(db, actor, eid)
            flash_and_rerun(texts.SET_BUDGET_APPROVED)
        if c2.button(texts.SET_BUDGET_RETURN, key="lead_return"):
            budget.return_to_draft(db, actor, eid)
            flash_and_rerun(texts.SET_BUDGET_RETURNED)
    except (ValidationFailed, AccessDenied) as failure:
        st.error(str(failure) if isinstance(failure, AccessDenied)
                 else "; ".join(failure.errors.values()))
else:
    st.caption(texts.SET_BUDGET_NOTHING_TO_APPROVE)
