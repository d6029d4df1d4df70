"""Admin: units (list, filter, add, edit, import) and accounts. The list, the roster
buttons, a new unit and an import act on the week chosen in the sidebar (db/roster.py):
other weeks keep their roster."""
import streamlit as st

from components.safe_text import md
from components import importer
from components.forms import FieldErrors
from components.navigation import guard
from components.pickers import code_select, kind_filter, tier_filter, ward_filter
from components.session import current_event, database
from components import look
from components.forms import flash_and_rerun, form_prefix, form_saved, show_flash
from core import reference as ref
from core import timefmt
from core import texts
from db import ValidationFailed, areas, units, users
from components.organiser_words import role_name, role_names, say

actor = guard("admin_units.py")
db = database()
show_flash()
week = current_event(db)  # the week whose roster this page edits


def generation(name: str) -> int:
    """A saved form is drawn again with new widget keys: the browser keeps showing the
    values of a widget whose key is unchanged (see components/entry_forms.keys)."""
    return st.session_state.get(f"_gen_{name}", 0)


def after_save(name: str, message: str) -> None:
    st.session_state[f"_gen_{name}"] = generation(name) + 1
    flash_and_rerun(message)

st.caption(texts.UNITS_WEEK_CAPTION.format(
    year=week["year"], n=len(units.list_units(db, event_id=week["id"], active=True))))
tab_list, tab_edit, tab_import, tab_accounts = st.tabs(
    [texts.TAB_UNITS, texts.TAB_UNIT_EDIT, texts.TAB_IMPORT, texts.TAB_ACCOUNTS],
    key="units_tabs", on_change="rerun")  # keyed: a save does not jump to the first tab


def unit_label(unit):
    return f"{unit['code']} — {unit['name']}" + (
        "" if unit["active"] else f" ({texts.UNITS_NOT_IN_WEEK})")



with tab_list:
    c1, c2, c3, c4 = st.columns(4)
    with c1:
        ward = ward_filter("units_f_ward", areas.registry_names(db))
    with c2:
        kind = kind_filter("units_f_kind")
    with c3:
        tier = tier_filter("units_f_tier")
    with c4:
        search = st.text_input(texts.FILTER_SEARCH, key="units_f_search")
    show_inactive = st.checkbox(texts.FILTER_SHOW_INACTIVE, key="units_f_inactive")
    rows = units.list_units(db, event_id=week["id"], ward=ward, kind=kind, tier=tier,
                            search=search, active=None if show_inactive else True)
    week_areas = areas.names_for(db, week["id"])
    st.caption(texts.UNITS_COUNT.format(count=len(rows)))
    look.table(
        [{texts.COL_CODE: u["code"], texts.COL_NAME: u["name"],
          texts.COL_KIND: ref.KIND_NAMES.get(u["kind"], u["kind"]),
          texts.COL_TIER: ref.TIER_NAMES.get(u["tier"], ""),
          say(texts.FILTER_WARD, db): week_areas.get(u["area_code"], ""),
          texts.COL_EMAIL: u["email"] or "",
          texts.COL_PHONE: u["phone"] or "",
          texts.UNITS_IN_WEEK_COL.format(year=week["year"]): texts.YES if u["active"]
          else texts.NO,
          texts.COL_SAMPLE: texts.YES if u["is_sample"] else ""} for u in rows],
        hide_index=True, width="stretch")

with tab_edit:
    all_units = {u["id"]: u for u in units.list_units(db, event_id=week["id"])}
    picked = st.selectbox(texts.UNIT_PICK, [None] + list(all_units), key="unit_pick",
                          format_func=lambda i: texts.UNIT_NEW if i is None
                          else unit_label(all_units[i]), placeholder=texts.UNIT_NEW)
    current = all_units.get(picked, {})
    errors = FieldErrors()
    suffix = f"{picked or 'new'}" + (f"_{generation('unit_form')}"
                                     if generation("unit_form") else "")
    with st.form(f"unit_form_{suffix}", enter_to_submit=False):
        code = st.text_input(texts.COL_CODE, current.get("code", ""), key=f"u_code_{suffix}")
        errors.slot("code")
        name = st.text_input(texts.COL_NAME, current.get("name", ""), key=f"u_name_{suffix}")
        errors.slot("name")
        kinds = list(ref.KIND_NAMES)
        kind = st.selectbox(texts.COL_KIND, kinds, format_func=ref.KIND_NAMES.get,
                            index=kinds.index(current.get("kind", "school")),
                            key=f"u_kind_{suffix}", placeholder=texts.EF_CHOOSE)
        errors.slot("kind")
        tiers = [None] + list(ref.TIER_NAMES)
        tier = st.selectbox(texts.COL_TIER, tiers, index=tiers.index(current.get("tier")),
                            format_func=lambda t: texts.NO_TIER if t is None
                            else ref.TIER_NAMES[t], key=f"u_tier_{suffix}", placeholder=texts.EF_CHOOSE)
        errors.slot("tier")
        area_names = areas.registry_names(db)  # a unit's default area (db/areas.py)
        wards = [None] + list(area_names)
        ward_code = st.selectbox(say(texts.FILTER_WARD, db), wards,
                                 index=wards.index(current.get("ward_code")),
                                 format_func=lambda w: say(texts.NO_WARD, db) if w is None
                                 else area_names.get(w, w), key=f"u_ward_{suffix}", placeholder=texts.EF_CHOOSE)
        errors.slot("ward_code")
        email = st.text_input(texts.COL_EMAIL, current.get("email") or "",
                              key=f"u_email_{suffix}")
        errors.slot("email")
        phone = st.text_input(texts.COL_PHONE, current.get("phone") or "",
                              key=f"u_phone_{suffix}")
        saved = st.form_submit_button(texts.BUTTON_SAVE, type="primary")
    if saved:
        fields = {"code": code, "name": name, "kind": kind, "tier": tier or "",
                  "ward_code": ward_code or "", "email": email, "phone": phone}
        try:
            if picked:
                units.update(db, actor, picked, fields, event_id=week["id"])
            else:
                units.create(db, actor, fields, event_id=week["id"])
        except ValidationFailed as failure:
            errors.show(failure.errors)
        else:
            if not picked:
                st.session_state.pop("unit_pick", None)
            after_save("unit_form", texts.UNIT_SAVED.format(name=md(name.strip())))
    if picked:  # in or out of the chosen week's roster; other weeks keep theirs
        year = week["year"]
        if current["active"] and st.button(texts.UNITS_RETIRE_FROM_WEEK.format(year=year),
                                           key="unit_deactivate"):
            units.set_active(db, actor, picked, False, event_id=week["id"])
            flash_and_rerun(texts.UNITS_RETIRED_FLASH.format(year=year))
        elif not current["active"] and st.button(texts.UNITS_ADD_TO_WEEK.format(year=year),
                                                 key="unit_activate"):
            units.set_active(db, actor, picked, True, event_id=week["id"])
            flash_and_rerun(texts.UNITS_ADDED_FLASH.format(year=year))

with tab_import:
    importer.units_import_box(db, actor, week)

with tab_accounts:
    account_rows = users.list_users(db)
    look.table(
        [{texts.FIELD_USERNAME: u["username"], texts.FIELD_NAME: u["name"],
          texts.COL_ROLE: role_name(u["role"], db), texts.COL_UNIT: u["unit_name"] or "",
          texts.COL_ACTIVE: texts.YES if u["active"] else texts.NO,
          texts.COL_LOCKED: timefmt.local(u["locked_until"]),
          texts.COL_LAST_LOGIN: timefmt.local(u["last_login_at"])} for u in account_rows],
        hide_index=True, width="stretch")

    nameless = users.without_full_name(db)
    if nameless:  # made before a full name was required (issue 22 item 6)
        st.warning(texts.ACCOUNTS_NO_NAME.format(names=md("; ".join(
            u["username"] for u in nameless))))

    st.subheader(texts.ACCOUNT_CREATE)
    errors = FieldErrors()
    active_units = {u["code"]: u for u in units.list_units(db, event_id=week["id"],
                                                            active=True)}
    acc = f"acc{generation('create_account') or ''}_"
    with st.form(f"create_account_{acc}", enter_to_submit=False):
        new_username = st.text_input(texts.FIELD_USERNAME, key=f"{acc}username",
                                     placeholder="nguyen.van.a")
        errors.slot("username")
        new_name = st.text_input(texts.FIELD_NAME, key=f"{acc}name")
        errors.slot("name")
        new_email = st.text_input(texts.FIELD_EMAIL, key=f"{acc}email")
        new_role = code_select(texts.FIELD_ROLE, role_names(db), key=f"{acc}role")
        errors.slot("role")
        new_unit = st.selectbox(texts.FIELD_UNIT, [None] + list(active_units), key=f"{acc}unit",
                                format_func=lambda c: texts.NO_CHOICE if c is None
                                else unit_label(active_units[c]), placeholder=texts.NO_CHOICE)
        errors.slot("unit")
        new_password = st.text_input(texts.FIELD_PASSWORD, type="password", key=f"{acc}password",
                                     help=texts.PASSWORD_RULES)
        errors.slot("password")
        create = st.form_submit_button(texts.ACCOUNT_CREATE, type="primary")
    if create:
        try:
            users.create_user(db, actor, username=new_username, name=new_name,
                              role=new_role, password=new_password,
                              unit_code=new_unit if new_role == "unit" else None,
                              email=new_email)
        except ValidationFailed as failure:
            errors.show(failure.errors)
        else:
            after_save("create_account",
                  texts.ACCOUNT_CREATED.format(username=md(new_username.strip().lower())))

    st.subheader(texts.ACCOUNT_PICK)
    by_id = {u["id"]: u for u in account_rows}
    picked_user = st.selectbox(texts.ACCOUNT_PICK, list(by_id), key="acc_pick",
                               format_func=lambda i: f"{by_id[i]['username']} — "
                               f"{by_id[i]['name']}", label_visibility="collapsed", placeholder=texts.EF_CHOOSE)
    if picked_user:
        reset_errors = FieldErrors()
        with st.form("reset_password", enter_to_submit=False):
            reset_to = st.text_input(texts.FIELD_PASSWORD_NEW, type="password",
                                     key=form_prefix("acc_reset"),
                                     help=texts.PASSWORD_RULES)
            reset_errors.slot("password")
            do_reset = st.form_submit_button(texts.BUTTON_RESET_PASSWORD)
        if do_reset:
            try:
                users.reset_password(db, actor, picked_user, reset_to)
            except ValidationFailed as failure:
                reset_errors.show(failure.errors)
            else:  # a clean field: the password is not left there to be set again
                form_saved("acc_reset")
                flash_and_rerun(texts.PASSWORD_RESET_DONE)
        name_errors = FieldErrors()
        with st.form("set_full_name", enter_to_submit=False):
            full_name = st.text_input(texts.ACCOUNT_SET_NAME, value=by_id[picked_user]["name"],
                                      key=f"acc_name_{picked_user}")
            name_errors.slot("name")
            do_name = st.form_submit_button(texts.ACCOUNT_SAVE_NAME)
        if do_name:
            try:
                users.set_name(db, actor, picked_user, full_name)
            except ValidationFailed as failure:
                name_errors.show(failure.errors)
            else:
                flash_and_rerun(texts.ACCOUNT_NAME_SAVED)
        c1, c2 = st.columns(2)
        if c1.button(texts.BUTTON_UNLOCK, key="acc_unlock"):
            users.unlock(db, actor, picked_user)
            flash_and_rerun(texts.UNLOCKED)
        target = by_id[picked_user]
        toggle = texts.BUTTON_DEACTIVATE_ACCOUNT if target["active"] else \
            texts.BUTTON_ACTIVATE_ACCOUNT
        if c2.button(toggle, key="acc_toggle"):
            try:
                users.set_active(db, actor, picked_user, not target["active"])
            except ValidationFailed as failure:
                st.error(md("; ".join(failure.errors.values())))
            else:
                flash_and_rerun(texts.ACCOUNT_DEACTIVATED if target["active"]
                                else texts.ACCOUNT_ACTIVATED)
