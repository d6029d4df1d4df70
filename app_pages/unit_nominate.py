"""Đơn vị: nominate a person or a unit for a commendation; withdraw a nomination the
committee has not decided on yet."""
import streamlit as st

from components.safe_text import md
from components import entry_forms
from components.forms import FieldErrors, flash, show_flash
from components.navigation import guard
from components.session import current_event, database
from core import reference as ref
from core import texts
from db import AccessDenied, ValidationFailed, WeekLocked, nominations, units

actor = guard("unit_nominate.py")
db = database()
event = current_event(db)
unit = units.get(db, actor.unit_id)
show_flash()
can_write = entry_forms.write_status(db, event, unit["id"], reopen=True)

errors = FieldErrors()
PREFIX = "nom_"
K = entry_forms.keys(PREFIX)
with st.form(f"{K}form", clear_on_submit=False, enter_to_submit=False):
    st.radio(texts.NOM_KIND, list(texts.NOM_KINDS), format_func=texts.NOM_KINDS.get,
             horizontal=True, key=f"{K}nominee_kind", disabled=not can_write)
    errors.slot("nominee_kind")
    st.text_input(texts.NOM_NAME, key=f"{K}nominee_name", disabled=not can_write)
    errors.slot("nominee_name")
    st.selectbox(texts.NOM_CATEGORY, list(ref.CATEGORY_NAMES), format_func=ref.CATEGORY_NAMES.get,
                 key=f"{K}category", disabled=not can_write, placeholder=texts.EF_CHOOSE)
    errors.slot("category")
    st.text_area(texts.NOM_ACHIEVEMENT, key=f"{K}achievement", height=120,
                 disabled=not can_write)
    errors.slot("achievement")
    submitted = st.form_submit_button(texts.NOM_SUBMIT, type="primary",
                                      disabled=not can_write)
if submitted and can_write:
    raw = {f: st.session_state[f"{K}{f}"]
           for f in ("nominee_kind", "nominee_name", "category", "achievement")}
    entry_forms.save(lambda token: nominations.create(db, actor, event["id"], unit["id"], raw,
                                                      token=token),
                     errors, PREFIX, texts.NOM_SAVED.format(name=md(raw["nominee_name"].strip())))

st.subheader(texts.NOM_LIST)
rows = nominations.list_for_unit(db, event["id"], unit["id"])
if not rows:
    st.caption(texts.NOM_NONE)
for row in rows:
    with st.container(border=True):
        st.markdown(f"**{md(row['nominee_name'])}** · {texts.NOM_KINDS[row['nominee_kind']]} · "
                    f"{ref.CATEGORY_NAMES[row['category']]} — "
                    f"*{texts.NOM_STATUS_NAMES[row['status']]}*")
        st.caption(md(row["achievement"]))
        if can_write and row["status"] == "proposed" and \
                st.button(texts.NOM_WITHDRAW, key=f"nom_wd_{row['id']}"):
            try:
                nominations.withdraw(db, actor, row["id"])
            except (ValidationFailed, WeekLocked, AccessDenied) as refused:
                st.error(md(str(refused)))
            else:
                flash(texts.NOM_WITHDRAWN)
                st.rerun()
