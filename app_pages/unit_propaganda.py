"""Đơn vị: log a propaganda effort (form), or import several from a file."""
import streamlit as st

from components import entry_forms, importer
from components.forms import show_flash
from components.navigation import guard
from components.session import current_event, database
from core import texts
from db import entries, units

actor = guard("unit_propaganda.py")
db = database()
event = current_event(db)
unit = units.get(db, actor.unit_id)
show_flash()
can_write = entry_forms.write_status(db, event, unit["id"], reopen=True)

tab_form, tab_file = st.tabs([texts.PROP_TAB_FORM, texts.TAB_IMPORT])
with tab_form:
    PREFIX = "prop_"
    submitted, raw, options, errors = entry_forms.propaganda_form(db, event, unit, PREFIX,
                                                                     readonly=not can_write)
    if submitted and can_write:
        entry_forms.save(lambda token: entries.create_propaganda(
            db, actor, event["id"], unit["id"], raw, token=token, **options),
            errors, PREFIX, texts.PROP_SAVED)
    st.page_link("app_pages/unit_entries.py", label=texts.UNIT_LINK_MY_ENTRIES,
                 icon=":material/list_alt:")
with tab_file:
    importer.entry_import_box(db, actor, event, entries.PROPAGANDA, "import_prop")
