"""Issue 24 (pages): a session is bound to one organiser's file. The signed-out picker
«Đơn vị tổ chức», the address ?dv=KEY, sign-in bound until logout, the Actor refused in
another organiser, the cookie per organiser, first run only for a single installation,
and an upper level's read-only view of one descendant."""
import time

import jwt
import pytest

from components import organiser_session
from core import texts
from db import connect, directory, settings, users
from tests.city_fixture import CITY, NAMES, PASSWORD_B, WARD_A, WARD_B, build_city, words_of
from tests.conftest import PASSWORD, make_user
from tests.test_auth import errors, login_form, signed_in


@pytest.fixture
def city(db_path):
    return build_city(db_path)


def picker(at):
    found = [s for s in at.selectbox if s.label == texts.ORG_PICKER]
    return found[0] if found else None


def view_switch(at):
    found = [s for s in at.selectbox if s.label == texts.VIEW_SWITCH]
    return found[0] if found else None


def page_text(at) -> str:
    """Everything a person reads on the page, the sidebar and the tables included."""
    parts = [e.value for kind in ("title", "header", "subheader", "caption", "markdown",
                                  "text", "info", "warning", "error", "success")
             for e in getattr(at, kind)]
    for frame in at.dataframe:
        parts.append(frame.value.to_string())
    return "\n".join(str(p) for p in parts)


def test_a_single_installation_has_no_picker_and_keeps_its_cookie(app_for, db, admin):
    at = app_for(None)
    assert picker(at) is None
    assert "dv" not in at.query_params
    assert organiser_session.cookie_name(None) == "llw_auth"
    at = login_form(at, "quan.tri", PASSWORD)
    assert signed_in(at)
    assert at.session_state["actor"].organiser is None
    assert at.sidebar.caption  # the sidebar is drawn, without an organiser line
    assert not any(c.value.startswith("Đơn vị tổ chức") for c in at.sidebar.caption)


def test_the_picker_offers_only_organisers_with_an_admin(app_for, db_path):
    files = build_city(db_path, ward_b_admin=False)
    at = app_for(None)
    assert picker(at).options == [texts.ORG_OPTION.format(name=NAMES[k], level=level)
                                  for k, level in ((CITY, "Cấp tỉnh/thành phố"),
                                                   (WARD_A, "Cấp xã/phường"))]
    assert picker(at).value == CITY  # no address, no cookie: the first
    # an address naming the ward without an admin is not obeyed: the first again
    at.query_params["dv"] = WARD_B
    at.run()
    assert picker(at).value == CITY and not any(
        texts.FIRST_RUN_TITLE in t.value for t in at.title)
    # the installation administrator gives ward B its first admin: now it is offered
    ward_b = connect(files[WARD_B])
    make_user(ward_b, "quan.tri", "admin", password=PASSWORD_B)
    ward_b.conn.close()
    at.run()
    assert len(picker(at).options) == 3
    assert picker(at).value == CITY  # this visitor's choice stands
    fresh = app_for(None, run=False)
    fresh.query_params["dv"] = WARD_B
    fresh.run()
    assert picker(fresh).value == WARD_B  # the address


def test_the_address_chooses_and_the_choice_stays_in_the_address(app_for, city):
    at = app_for(None)
    at.query_params["dv"] = WARD_A
    at.run()
    assert picker(at).value == WARD_A
    picker(at).set_value(WARD_B).run()
    assert at.query_params["dv"] == [WARD_B] or at.query_params["dv"] == WARD_B
    # a reload: a new session with the same address keeps the choice
    again = app_for(None, run=False)
    again.query_params["dv"] = WARD_B
    again.run()
    assert picker(again).value == WARD_B


def test_accounts_are_the_chosen_organisers_only(app_for, city):
    """The same username in two wards: each signs in with its own ward's password only."""
    at = app_for(None)
    picker(at).set_value(WARD_B).run()
    at = login_form(at, "ban.chi.dao", PASSWORD)  # ward A's password
    assert not signed_in(at)
    assert "không đúng" in errors(at)
    b = connect(city[WARD_B])
    a = connect(city[WARD_A])
    try:
        assert users.get(b, "ban.chi.dao")["failed_attempts"] == 1
        assert users.get(a, "ban.chi.dao")["failed_attempts"] == 0  # A never asked
    finally:
        a.conn.close()
        b.conn.close()
    at = login_form(at, "ban.chi.dao", PASSWORD_B)
    assert signed_in(at)
    assert at.session_state["actor"].organiser == WARD_B


def test_a_city_account_does_not_exist_in_a_ward(app_for, city):
    at = app_for(None)
    picker(at).set_value(WARD_A).run()
    at = login_form(at, "bcd.thanhpho", PASSWORD)
    assert not signed_in(at)


def test_signed_in_the_session_is_bound_and_the_picker_gone(app_for, city):
    at = app_for(None)
    picker(at).set_value(WARD_A).run()
    at = login_form(at, "ban.chi.dao", PASSWORD)
    assert signed_in(at)
    # the run that signs in still shows the login page, header and picker included, until
    # the cookie component's rerun (AppTest has no cookies: one more run stands for it)
    at.run()
    assert signed_in(at)
    assert picker(at) is None
    text = page_text(at)
    assert texts.ORG_SIDEBAR.format(name=NAMES[WARD_A], level="Cấp xã/phường") in text
    # the progress page lists ward A's units, none of B's
    at.switch_page("app_pages/committee_progress.py").run()
    text = page_text(at)
    assert all(word in text for word in words_of(WARD_A)[:2])  # the unit names
    assert not any(word in text for word in words_of(WARD_B))
    # another address does not move a signed-in session to another organiser
    at.query_params["dv"] = WARD_B
    at.run()
    assert signed_in(at) and at.session_state["actor"].organiser == WARD_A
    text = page_text(at)
    assert not any(word in text for word in words_of(WARD_B))
    assert at.query_params["dv"] in (WARD_A, [WARD_A])  # put back: a reload stays in A
    ward_a = connect(city[WARD_A])
    try:  # the session prepared ward A's file: never with the plan's Ba Đình units
        assert ward_a.execute("select count(*) from units").fetchone()[0] == 2
    finally:
        ward_a.conn.close()


def test_logout_lets_another_organiser_be_chosen(app_for, city):
    at = app_for(None)
    picker(at).set_value(WARD_A).run()
    at = login_form(at, "ban.chi.dao", PASSWORD)
    at.session_state["logout_requested"] = True
    at.run()
    assert not signed_in(at)
    assert picker(at).value == WARD_A  # the address still says A
    picker(at).set_value(WARD_B).run()
    at = login_form(at, "ban.chi.dao", PASSWORD_B)
    assert signed_in(at) and at.session_state["actor"].organiser == WARD_B


def test_an_actor_of_another_organiser_is_refused(app_for, city):
    """Session state that says «bound to B» while the kept Actor signed in to A (it cannot
    happen through the pages): signed out, never B's pages with A's sign-in."""
    at = app_for(None)
    picker(at).set_value(WARD_A).run()
    at = login_form(at, "ban.chi.dao", PASSWORD)
    assert signed_in(at)
    at.session_state[organiser_session.BOUND] = WARD_B
    at.run()
    assert not signed_in(at)
    assert texts.SESSION_ENDED in " ".join(w.value for w in at.warning)
    assert not any(word in page_text(at) for word in words_of(WARD_B))


def test_first_run_is_never_offered_in_a_directory(app_for, db_path):
    """An installation whose organisers have no admin yet: a Vietnamese sentence naming the
    command, never the form that would let the first visitor make themself admin."""
    directory.add(db_path, CITY, NAMES[CITY], "tinh")
    directory.add(db_path, WARD_A, NAMES[WARD_A], "xa", parent_key=CITY)
    at = app_for(None)
    assert at.title[0].value == texts.ORG_NONE_READY_TITLE
    assert "--role admin" in at.info[0].value
    assert not at.text_input  # no form at all
    at.query_params["dv"] = WARD_A
    at.run()
    assert at.title[0].value == texts.ORG_NONE_READY_TITLE


def test_cookie_names_and_keys_are_per_organiser(city, db_path):
    records = {r.key: r for r in directory.records(db_path)}
    assert organiser_session.cookie_name(records[CITY]) == "llw_auth"  # the root file
    assert organiser_session.cookie_name(records[WARD_A]) == f"llw_auth_{WARD_A}"
    from components import auth

    a, b = connect(city[WARD_A]), connect(city[WARD_B])
    try:
        # generated keys: one file each, beside each file
        key_a, key_b = settings.cookie_key(a), settings.cookie_key(b)
        assert key_a != key_b
        # A's cookie presented under B's name: B's key refuses it, the username exists there
        token = jwt.encode({"username": "ban.chi.dao", "exp_date": time.time()
                            + 3600}, key_a, algorithm="HS256")
        assert auth.cookie_acceptable(a, token, key_a)
        assert not auth.cookie_acceptable(b, token, key_b)
        # a configured key is derived per organiser: still no cookie of A validates in B
        configured = "k" * 64
        derived_a = organiser_session.derived_cookie_key(configured, records[WARD_A])
        derived_b = organiser_session.derived_cookie_key(configured, records[WARD_B])
        assert organiser_session.derived_cookie_key(configured, records[CITY]) == configured
        assert len({derived_a, derived_b, configured}) == 3
        token = jwt.encode({"username": "ban.chi.dao", "exp_date": time.time()
                            + 3600}, derived_a, algorithm="HS256")
        assert not auth.cookie_acceptable(b, token, derived_b)
    finally:
        a.conn.close()
        b.conn.close()


def sign_in_city(app_for, username="bcd.thanhpho"):
    at = app_for(None)
    assert picker(at).value == CITY
    at = login_form(at, username, PASSWORD)
    assert signed_in(at)
    return at


def test_the_city_committee_switches_to_one_ward_read_only(app_for, city):
    at = sign_in_city(app_for)
    switch = view_switch(at)
    assert switch.value == CITY and len(switch.options) == 3
    switch.set_value(WARD_A).run()
    assert at.title[-1].value == "Bảng theo dõi trực tiếp"
    text = page_text(at)
    assert "chỉ xem" in text and NAMES[WARD_A] in text
    at.switch_page("app_pages/committee_progress.py").run()
    text = page_text(at)
    assert all(word in text for word in words_of(WARD_A)[:2])  # the unit names
    assert not any(word in text for word in words_of(WARD_B))
    # every page that writes is out of the menu while viewing: reached by address, refused
    for script in ("committee_review.py", "committee_import.py", "committee_budget.py",
                   "committee_report.py", "account.py"):
        with pytest.raises(ValueError):  # not registered at all
            at.switch_page(f"app_pages/{script}")
    # back to the own organiser: its own pages again
    view_switch(at).set_value(CITY).run()
    assert "chỉ xem" not in page_text(at)
    at.switch_page("app_pages/committee_review.py").run()
    assert at.title[-1].value == "Duyệt dữ liệu"


def test_a_viewed_ward_is_opened_read_only(app_for, city):
    """While viewing, components/session.database() is the ward's file read-only: a write
    fails in SQLite itself (the city's committee cannot change a ward by any page)."""
    from streamlit.testing.v1 import AppTest

    script = """
import streamlit as st
from components import organiser_session, session
from db import Actor
st.session_state["actor"] = Actor(1, "bcd.thanhpho", "committee", None, "hanoi")
st.session_state[organiser_session.BOUND] = "hanoi"
st.session_state[organiser_session.VIEWED] = st.session_state.get("want")
db = session.database()
st.text(str(db.execute("select count(*) from units where code like 'A-%'").fetchone()[0]))
try:
    db.execute("update units set name = 'x' where code like 'A-%'")
    st.text("written")
except Exception as error:
    st.text(type(error).__name__ + ": " + str(error))
"""
    at = AppTest.from_string(script, default_timeout=30)
    at.session_state["want"] = WARD_A
    at.run()
    assert at.text[0].value == "2"
    assert "readonly" in at.text[1].value
    b = connect(city[WARD_A])
    assert b.execute("select count(*) from units where name = 'x'").fetchone()[0] == 0
    b.conn.close()
    # a key that is not a descendant (or the own one) is never opened: the own file
    at.session_state["want"] = "khong-co"
    at.run()
    assert at.text[0].value == "0" and at.text[1].value == "written"  # 0 rows of the city


def test_a_ward_has_no_switch_and_a_unit_user_none_either(app_for, city):
    at = app_for(None)
    picker(at).set_value(WARD_A).run()
    at = login_form(at, "ban.chi.dao", PASSWORD)
    assert view_switch(at) is None
    # the city's admin has one (its descendants' figures, never their accounts)
    at2 = sign_in_city(app_for, "qt.thanhpho")
    switch = view_switch(at2)
    assert switch is not None
    switch.set_value(WARD_B).run()
    assert at2.title[-1].value == "Bảng theo dõi trực tiếp"
    for script in ("admin_units.py", "admin_settings.py", "admin_backup.py",
                   "admin_audit.py"):
        with pytest.raises(ValueError):
            at2.switch_page(f"app_pages/{script}")


def test_a_ward_cannot_view_a_sibling_or_its_parent(app_for, city):
    """The view is re-checked on every run: only a descendant of the bound organiser."""
    at = app_for(None)
    picker(at).set_value(WARD_A).run()
    at = login_form(at, "ban.chi.dao", PASSWORD)
    for other in (WARD_B, CITY):
        at.session_state[organiser_session.VIEWED] = other  # as a replayed widget would
        at.switch_page("app_pages/committee_progress.py").run()
        text = page_text(at)
        assert "chỉ xem" not in text
        assert not any(word in text for word in words_of(WARD_B))
        assert all(word in text for word in words_of(WARD_A)[:2])


def test_a_new_organiser_appears_once_it_has_an_admin(app_for, city, db_path):
    at = app_for(None)
    assert len(picker(at).options) == 3
    directory.add(db_path, "phuong-c", "Phường Cầu Vồng", "xa", parent_key=CITY)
    at.run()
    assert len(picker(at).options) == 3  # listed, but nobody can sign in there yet
    ward_c = connect(directory.resolve(db_path, "phuong-c"))
    make_user(ward_c, "quan.tri", "admin")
    ward_c.conn.close()
    at.run()
    assert "Phường Cầu Vồng – Cấp xã/phường" in picker(at).options


def test_the_view_reaches_every_level_below_and_nothing_above(db_path, monkeypatch):
    """A city, its district, the district's ward: the city may look at both, the
    district at its ward only, the ward at nothing."""
    directory.add(db_path, CITY, NAMES[CITY], "tinh")
    directory.add(db_path, "quan-x", "Quận X", "huyen", parent_key=CITY)
    directory.add(db_path, "phuong-y", "Phường Y", "xa", parent_key="quan-x")
    monkeypatch.setenv("LLW_DB", str(db_path))
    assert [r.key for r in organiser_session.descendants(CITY)] == ["quan-x", "phuong-y"]
    assert [r.key for r in organiser_session.descendants("quan-x")] == ["phuong-y"]
    assert organiser_session.descendants("phuong-y") == []
