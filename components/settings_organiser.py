"""The "Đơn vị tổ chức" tab of the week's settings (issue 15): the organiser profile of the
event. Rules in core/organiser.py, the write in db/organiser.update_profile."""
import streamlit as st

from components.forms import FieldErrors, flash_and_rerun
from core import organiser as rules
from core import texts
from db import ValidationFailed
from db import organiser as db_organiser


def render(db, actor, event: dict) -> None:
    eid = event["id"]  # keys carry the event: switching year reloads the values
    profile = rules.profile_of(event)
    st.caption(texts.ORG_INTRO)
    errors = FieldErrors()
    levels = list(rules.LEVELS)
    with st.form(f"organiser_{eid}", enter_to_submit=False):
        current = profile["organiser_level"] if profile["organiser_level"] in levels \
            else "huyen"
        level = st.selectbox(texts.ORG_LEVEL, levels, index=levels.index(current),
                             format_func=lambda code: rules.LEVELS[code]["label"],
                             key=f"org_level_{eid}", placeholder=texts.EF_CHOOSE)
        errors.slot("organiser_level")
        name = st.text_input(texts.ORG_NAME, profile["organiser_name"], help=texts.ORG_NAME_HELP,
                             key=f"org_name_{eid}")
        errors.slot("organiser_name")
        c1, c2 = st.columns(2)
        issuer1 = c1.text_input(texts.SET_ISSUER1, profile["issuer_line1"],
                                key=f"org_iss1_{eid}")
        with c1:
            errors.slot("issuer_line1")
        issuer2 = c2.text_input(texts.SET_ISSUER2, profile["issuer_line2"],
                                key=f"org_iss2_{eid}")
        with c2:
            errors.slot("issuer_line2")
        c1, c2 = st.columns(2)
        place = c1.text_input(texts.ORG_PLACE, profile["place_name"], help=texts.ORG_PLACE_HELP,
                              key=f"org_place_{eid}")
        with c1:
            errors.slot("place_name")
        symbol = c2.text_input(texts.ORG_SYMBOL, profile["committee_symbol"],
                               help=texts.ORG_SYMBOL_HELP, key=f"org_symbol_{eid}")
        with c2:
            errors.slot("committee_symbol")
        signer_for = st.text_area(texts.SET_SIGNER_FOR, profile["signer_for"], height=80,
                                  help=texts.SET_SIGNER_FOR_HELP, key=f"org_for_{eid}")
        errors.slot("signer_for")
        c1, c2 = st.columns(2)
        signer_title = c1.text_input(texts.SET_SIGNER_TITLE, profile["signer_title"],
                                     key=f"org_stitle_{eid}")
        with c1:
            errors.slot("signer_title")
        signer_name = c2.text_input(texts.SET_SIGNER_NAME, profile["signer_name"],
                                    key=f"org_sname_{eid}")
        with c2:
            errors.slot("signer_name")
        recipients = st.text_area(texts.ORG_RECIPIENTS, profile["recipients"], height=160,
                                  key=f"org_recipients_{eid}")
        errors.slot("recipients")
        email = st.text_input(texts.SET_EMAIL, profile["report_email"], key=f"org_email_{eid}")
        errors.slot("report_email")
        c1, c2 = st.columns(2)
        level_word = c1.text_input(texts.ORG_LEVEL_WORD, profile["level_word"],
                                   help=texts.ORG_LEVEL_WORD_HELP, key=f"org_lword_{eid}")
        with c1:
            errors.slot("level_word")
        area_word = c2.text_input(texts.ORG_AREA_WORD, profile["area_word"],
                                  help=texts.ORG_AREA_WORD_HELP, key=f"org_aword_{eid}")
        with c2:
            errors.slot("area_word")
        save = st.form_submit_button(texts.BUTTON_SAVE, type="primary")
    if save:
        fields = {"organiser_level": level, "organiser_name": name, "issuer_line1": issuer1,
                  "issuer_line2": issuer2, "place_name": place, "signer_for": signer_for,
                  "signer_title": signer_title, "signer_name": signer_name,
                  "recipients": recipients, "report_email": email,
                  "committee_symbol": symbol, "level_word": level_word,
                  "area_word": area_word}
        try:
            db_organiser.update_profile(db, actor, eid, fields)
        except ValidationFailed as failure:
            errors.show(failure.errors)
        else:
            flash_and_rerun(texts.ORG_SAVED)
