"""Đơn vị: learning-model counts (registered, recognised) — ward People's Committees and
community learning centres only."""
import streamlit as st

from components import entry_forms
from components.forms import FieldErrors, show_flash
from components.navigation import guard
from components.session import current_event, database
from core import reference as ref
from core import texts
from db import learning_models, units

actor = guard("unit_models.py")
db = database()
event = current_event(db)
unit = units.get(db, actor.unit_id)
show_flash()

if not learning_models.reports_models(unit):
    st.info(texts.LM_NOT_FOR_KIND)
    st.stop()
can_write = entry_forms.write_status(db, event, unit["id"], reopen=True)
st.caption(texts.LM_INTRO)
saved = learning_models.counts(db, event["id"], unit["id"])
errors = FieldErrors()
PREFIX = "lm_"
K = entry_forms.keys(PREFIX)
with st.form(f"{K}form", clear_on_submit=False, enter_to_submit=False):
    for model, name in ref.MODEL_NAMES.items():
        st.markdown(f"**{name}**")
        left, right = st.columns(2)
        with left:
            st.number_input(texts.LM_REGISTERED, step=1, disabled=not can_write,
                            value=saved.get(model, {}).get("registered", 0),
                            key=f"{K}{model}_registered")
            errors.slot(f"{model}.registered")
        with right:
            st.number_input(texts.LM_RECOGNISED, step=1, disabled=not can_write,
                            value=saved.get(model, {}).get("recognised", 0),
                            key=f"{K}{model}_recognised")
            errors.slot(f"{model}.recognised")
    submitted = st.form_submit_button(texts.EF_SAVE, type="primary", disabled=not can_write)
if submitted and can_write:
    values = {model: {field: st.session_state[f"{K}{model}_{field}"]
                      for field in ("registered", "recognised")} for model in ref.MODEL_NAMES}
    entry_forms.save(lambda token: learning_models.save(db, actor, event["id"], unit["id"],
                                                        values, token=token),
                     errors, PREFIX, texts.LM_SAVED)
