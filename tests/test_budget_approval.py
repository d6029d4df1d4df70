"""The Tờ trình and its approval (issue 22 item 6): the request never prints its own
approval; the approval is its own record and an optional page «Ý kiến phê duyệt» with the
approver's full name; the signature never stands alone on a page; every account has a
full name (creation requires it; older accounts without one are listed by `manage.py
list-users --missing-name` and on the accounts page, where the admin gives them one)."""
import io

import pytest
from pypdf import PdfReader

import manage
from core import texts
from core.budget_pdf import build_pdf
from db import Actor, ValidationFailed, budget, closing, connect, events, users
from tests.conftest import PASSWORD, make_user


def pages(pdf: bytes) -> list[str]:
    return [" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages]


def line(i):
    return {"item": f"Khoản chi số {i} cho Tuần lễ", "activity_ref": "Lễ khai mạc",
            "measure": "gói", "quantity": i, "unit_price": 1_000_000, "note": ""}


@pytest.fixture
def approved(db, committee):
    """An estimate of 8 lines, submitted and approved by «Nguyễn Văn Lãnh»."""
    event_id = events.get(db, 2020)["id"]
    leader_id = users.create_user(db, Actor.system("t"), username="lanh.dao",
                                  name="Nguyễn Văn Lãnh", role="leader", password=PASSWORD)
    for i in range(1, 9):
        budget.add_line(db, committee, event_id, line(i))
    closing.save_office_head(db, committee, event_id, "Nguyễn Thị Hồng")
    budget.submit(db, committee, event_id)
    budget.approve(db, Actor(leader_id, "lanh.dao", "leader", None), event_id)
    return event_id


def documents(db, event_id, **kw):
    return pages(build_pdf(events.get_by_id(db, event_id), budget.get(db, event_id),
                           budget.lines(db, event_id), **kw))


def test_the_request_does_not_print_its_approval(db, approved):
    text = " ".join(documents(db, approved))
    assert "phê duyệt ngày" not in text and "Nguyễn Văn Lãnh" not in text
    assert "lanh.dao" not in text and texts.TTR_APPROVAL_TITLE not in text
    assert "xem xét, phê duyệt./." in text  # the request asks for it


def test_the_approval_page_names_the_approver_in_full(db, approved):
    plain = documents(db, approved)
    with_page = documents(db, approved, approval_page=True)
    assert len(with_page) == len(plain) + 1 and with_page[:-1] == plain
    last = with_page[-1]
    assert last.startswith("3 Ý KIẾN PHÊ DUYỆT") or texts.TTR_APPROVAL_TITLE in last
    when = budget.get(db, approved)["approved_at"][:10].split("-")
    assert f"Ngày phê duyệt: {when[2]}/{when[1]}/{when[0]}." in last
    assert "36.000.000 đồng" in last and "LÃNH ĐẠO UBND QUẬN Nguyễn Văn Lãnh" in last
    assert "Nơi nhận" not in last


def test_no_approval_page_before_the_approval(db, committee):
    event_id = events.get(db, 2020)["id"]
    budget.add_line(db, committee, event_id, line(1))
    text = " ".join(documents(db, event_id, approval_page=True))
    assert texts.TTR_APPROVAL_TITLE not in text


@pytest.mark.parametrize("count", range(1, 16))
def test_the_signature_never_stands_alone(db, committee, count):
    event_id = events.get(db, 2020)["id"]
    for i in range(1, count + 1):
        budget.add_line(db, committee, event_id, line(i))
    texts_ = documents(db, event_id)
    page = next(t for t in texts_ if "Nơi nhận:" in t)
    # the table's last row and the amount in words share the signature's page
    assert texts.BPDF_TOTAL in page and texts.BPDF_IN_WORDS in page, count


def test_level_word_is_never_a_template(db, approved):
    db.execute("update events set level_word = '{x}'")
    text = " ".join(documents(db, approved, approval_page=True))
    assert "Tài chính - Kế hoạch {x}" in text and "LÃNH ĐẠO UBND {X}" in text


# --- full names ---------------------------------------------------------------------------

@pytest.mark.parametrize("name,message", [("", texts.NAME_REQUIRED),
                                          ("Lanh.Dao", texts.NAME_NOT_USERNAME)])
def test_an_account_needs_a_full_name(db, name, message):
    with pytest.raises(ValidationFailed) as failure:
        users.create_user(db, Actor.system("t"), username="lanh.dao", name=name,
                          role="leader", password=PASSWORD)
    assert failure.value.errors["name"] == message
    assert db["users"].count == 0


def run(capsys, *argv):
    code = manage.main([str(a) for a in argv])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_create_user_without_a_name_is_refused(db_path, capsys):
    """The README's command made an account whose name was its username."""
    with pytest.raises(SystemExit) as exit_:
        run(capsys, "--db", db_path, "create-user", "--username", "lanh.dao", "--role",
            "leader", "--password", PASSWORD)
    assert exit_.value.code == 2 and "--name" in capsys.readouterr().err
    code, _out, err = run(capsys, "--db", db_path, "create-user", "--username", "lanh.dao",
                          "--name", "lanh.dao", "--role", "leader", "--password", PASSWORD)
    assert code == 1 and texts.NAME_NOT_USERNAME in err
    assert connect(db_path)["users"].count == 0


def legacy_account(db, username="lanh.dao"):
    """An account as the previous release's `create-user` without --name made it."""
    user_id = make_user(db, username, "leader").user_id
    db.execute("update users set name = ? where id = ?", [username, user_id])
    return user_id


def test_accounts_without_a_full_name_are_listed(db, db_path, capsys):
    legacy_account(db)
    make_user(db, "ban.chi.dao", "committee")
    code, out, _ = run(capsys, "--db", db_path, "list-users", "--missing-name")
    assert code == 0 and out.splitlines() == ["lanh.dao\tleader\tlanh.dao"]
    db.execute("update users set name = 'Nguyễn Văn Lãnh' where username = 'lanh.dao'")
    code, out, _ = run(capsys, "--db", db_path, "list-users", "--missing-name")
    assert out.strip() == texts.USERS_CLI_NONE_MISSING


def test_the_accounts_page_shows_them_and_the_admin_names_them(db, admin, app_for):
    user_id = legacy_account(db)
    at = app_for(admin)
    at.switch_page("app_pages/admin_units.py").run()
    assert not at.exception, at.exception
    assert any("lanh.dao" in w.value and "họ tên đầy đủ" in w.value for w in at.warning)
    at.selectbox(key="acc_pick").set_value(user_id).run()
    at.text_input(key=f"acc_name_{user_id}").input("lanh.dao")
    at.button(key="FormSubmitter:set_full_name-Lưu họ tên").click().run()
    assert users.get_by_id(db, user_id)["name"] == "lanh.dao"  # refused, nothing written
    assert any(texts.NAME_NOT_USERNAME in e.value for e in at.error)
    at.text_input(key=f"acc_name_{user_id}").input("Nguyễn Văn Lãnh")
    at.button(key="FormSubmitter:set_full_name-Lưu họ tên").click().run()
    assert not at.exception, at.exception
    assert users.get_by_id(db, user_id)["name"] == "Nguyễn Văn Lãnh"
    assert not any("lanh.dao" in w.value for w in at.warning)
    audit = db.execute("select count(*) from audit_log where action = 'set_name'").fetchone()
    assert audit[0] == 1
