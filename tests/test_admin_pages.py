"""AppTest of the admin pages of issue 6 (settings, backup, audit) and the committee's
budget page."""
import pytest

from db import budget, event_admin, events


@pytest.fixture(autouse=True)
def an_admin_exists(admin):
    """Without any admin the app shows only the first-run page."""
    return admin


def open_page(app_for, actor, script):
    at = app_for(actor)
    at.switch_page(f"app_pages/{script}").run()
    assert not at.exception, at.exception
    return at


def by_key(widgets, key):
    return next(w for w in widgets if w.key == key)


def texts_of(at, kind):
    return [e.value for e in getattr(at, kind)]


# --- settings -----------------------------------------------------------------------------

def test_settings_page_shows_the_2020_week(app_for, admin):
    at = open_page(app_for, admin, "admin_settings.py")
    assert at.text_input(key="set_title_1").value == "Tuần lễ hưởng ứng học tập suốt đời năm 2020"
    assert any("Chưa đặt thời điểm khóa" in t for t in texts_of(at, "info"))


# --- budget (committee) -------------------------------------------------------------------

def fill_line(at, prefix, **values):
    for name, value in values.items():
        at.text_input(key=f"{prefix}{name}").set_value(value)


def test_committee_adds_a_line_and_sees_the_total(app_for, db, committee):
    at = open_page(app_for, committee, "committee_budget.py")
    fill_line(at, "bud_new_", item="Băng rôn tuyên truyền", quantity="20", measure="chiếc",
              price="350.000")
    at.button(key="FormSubmitter:budget_add-Thêm dòng").click().run()
    assert not at.exception
    assert "Đã thêm dòng chi." in texts_of(at, "success")
    event_id = events.get(db, 2020)["id"]
    assert budget.total(db, event_id) == 7_000_000
    assert any("7.000.000 đ" in m for m in texts_of(at, "markdown"))
    # a clean form after success, drawn with new keys (components/forms.form_prefix)
    assert at.text_input(key="bud_new_1_item").value == ""


def test_a_bad_line_shows_messages_next_to_the_fields_and_keeps_values(app_for, db,
                                                                       committee):
    at = open_page(app_for, committee, "committee_budget.py")
    fill_line(at, "bud_new_", item="Hoa khánh tiết", quantity="-2", price="năm triệu")
    at.button(key="FormSubmitter:budget_add-Thêm dòng").click().run()
    errors = texts_of(at, "error")
    assert any("Số lượng là số từ 0" in e for e in errors)
    assert any("Đơn giá là số đồng nguyên" in e for e in errors)
    assert at.text_input(key="bud_new_item").value == "Hoa khánh tiết"
    assert db["budget_lines"].count == 0


def test_committee_submits_and_the_district_leadership_approves(app_for, db, committee,
                                                                admin):
    """Issue 11 item 7: the leadership approves with its own account on its own page; the
    admin's settings page only shows the status (it used to approve)."""
    from tests.conftest import make_user
    leader = make_user(db, "lanh.dao", "leader")
    event_id = events.get(db, 2020)["id"]
    budget.add_line(db, committee, event_id, {"item": "Băng rôn", "quantity": "2",
                                              "unit_price": "100000"})
    at = open_page(app_for, committee, "committee_budget.py")
    at.button(key="bud_submit").click().run()
    assert budget.get(db, event_id)["status"] == "submitted"
    assert any("Đã gửi duyệt" in i for i in texts_of(at, "info"))
    assert not [b for b in at.button if b.key == "bud_submit"]  # frozen: no edit controls
    at = open_page(app_for, admin, "admin_settings.py")
    assert not [b for b in at.button if b.key == f"bud_approve_{event_id}"]
    at = open_page(app_for, leader, "leader_budget.py")
    at.button(key="lead_approve").click().run()
    assert budget.get(db, event_id)["status"] == "approved"
    assert budget.get(db, event_id)["approved_by_name"] == "Cán bộ lanh.dao"
    assert "Đã phê duyệt dự trù kinh phí." in texts_of(at, "success")


def test_the_leadership_sees_only_its_page_and_the_account_page(app_for, db, admin):
    from tests.conftest import make_user
    at = app_for(make_user(db, "lanh.dao", "leader"))
    with pytest.raises(ValueError):
        at.switch_page("app_pages/committee_budget.py").run()
    at.switch_page("app_pages/leader_budget.py").run()
    assert not at.exception


def test_budget_page_is_refused_to_a_unit(app_for, db, unit_user):
    at = app_for(unit_user)
    with pytest.raises(ValueError):
        at.switch_page("app_pages/committee_budget.py").run()


# --- backup -------------------------------------------------------------------------------

def test_admin_makes_a_backup_from_the_page_and_it_is_listed_for_download(app_for, db_path,
                                                                          admin):
    from db import backup

    at = open_page(app_for, admin, "admin_backup.py")
    assert any("Chưa có bản sao lưu" in c for c in texts_of(at, "caption"))
    at.button(key="bak_make").click().run()
    assert not at.exception
    (message,) = texts_of(at, "success")
    assert "kiểm tra toàn vẹn: đạt" in message and "34" in message  # 34 seeded units
    (saved,) = backup.list_backups(db_path)
    assert backup.health_problems(saved["path"]) == []
    assert at.selectbox(key="bak_pick").value == saved["name"]
    assert [b for b in at.get("download_button") if b.proto.label == "Tải bản sao lưu về máy"]


# --- audit log ----------------------------------------------------------------------------

def test_audit_page_filters_by_user_and_shows_before_and_after(app_for, db, admin,
                                                               committee):
    from db import users

    event_id = events.get(db, 2020)["id"]
    from core import organiser as org_rules
    from db import organiser

    profile = org_rules.profile_of(events.get_by_id(db, event_id))
    organiser.update_profile(db, admin, event_id, dict(profile, signer_name="Nguyễn Văn Bình"))
    budget.add_line(db, committee, event_id, {"item": "Băng rôn", "quantity": "2",
                                              "unit_price": "100000"})
    creds = users.credentials(db)
    before = users.failure_counts(creds)
    creds["usernames"]["quan.tri"]["failed_login_attempts"] += 1  # one wrong password
    users.record_login_outcome(db, before, creds, None)

    at = open_page(app_for, admin, "admin_audit.py")
    at.selectbox(key="aud_user").set_value("quan.tri").run()
    shown = at.dataframe[0].value
    assert set(shown["Người thực hiện"]) == {"quan.tri"}
    assert "Sai mật khẩu" in list(shown["Thao tác"])  # the failed login, typed as quan.tri
    assert "Dòng dự trù" not in list(shown["Bảng"])  # the committee's change is filtered out

    at.selectbox(key="aud_table").set_value("events").run()
    at.selectbox(key="aud_action").set_value("update").run()
    (changed,) = [d.value for d in at.dataframe][1:]
    row = changed[changed["Trường"] == "Người ký"]  # the field by its name (h7)
    assert list(row["Trước"]) == ["Phạm Thị Diễm"] and list(row["Sau"]) == ["Nguyễn Văn Bình"]


def test_audit_search_date_range_is_inclusive_days(db, admin):
    # AppTest cannot set a date_input that starts empty (its value stays None), so the date
    # filter is tested on the function the page calls with the widget values.
    from datetime import date

    from db import audit_search

    today = date.fromisoformat(list(db.query("select at from audit_log"))[0]["at"][:10])
    assert len(audit_search.search(db, date_from=today, date_to=today)) == 1
    assert audit_search.search(db, date_to=date(2000, 1, 1)) == []
    assert audit_search.search(db, date_from=date(2100, 1, 1)) == []


def test_audit_page_has_the_date_filters(app_for, admin):
    at = open_page(app_for, admin, "admin_audit.py")
    assert {w.key for w in at.date_input} == {"aud_from", "aud_to"}


# --- settings: save, errors, lock, next year ----------------------------------------------

def test_settings_end_before_start_shows_the_message_next_to_the_field_and_saves_nothing(
        app_for, db, admin):
    from datetime import date

    before = events.get(db, 2020)
    at = open_page(app_for, admin, "admin_settings.py")
    at.date_input(key="set_end_1").set_value(date(2020, 10, 1))
    at.text_input(key="set_theme_1").set_value("Chủ đề mới")
    at.button(key="FormSubmitter:settings_1-Lưu").click().run()
    errors = texts_of(at, "error")
    assert any("Ngày kết thúc phải bằng hoặc sau ngày bắt đầu" in e for e in errors)
    assert at.text_input(key="set_theme_1").value == "Chủ đề mới"  # the typed value stays
    assert events.get(db, 2020) == before


def test_settings_saved_from_the_page(app_for, db, admin):
    at = open_page(app_for, admin, "admin_settings.py")
    at.text_input(key="set_theme_1").set_value("Học tập suốt đời trong kỷ nguyên số")
    at.number_input(key="set_refresh_1").set_value(60)
    at.button(key="FormSubmitter:settings_1-Lưu").click().run()
    assert not at.exception
    assert "Đã lưu cấu hình Tuần lễ." in texts_of(at, "success")
    saved = events.get(db, 2020)
    assert (saved["theme"], saved["refresh_seconds"]) == (
        "Học tập suốt đời trong kỷ nguyên số", 60)


def test_the_general_form_has_no_issuer_signer_or_email_and_its_save_leaves_them(
        app_for, db, admin):
    """Duplication D2: they are edited only in the «Đơn vị tổ chức» tab (org_* keys)."""
    from core import organiser as org_rules
    from db import organiser

    at = open_page(app_for, admin, "admin_settings.py")
    general = {w.key for kind in ("text_input", "text_area") for w in getattr(at, kind)
               if w.key and w.key.startswith("set_")}
    assert "set_title_1" in general
    assert not {k for k in general if k.startswith(
        ("set_iss", "set_for_", "set_stitle_", "set_sname_", "set_email_"))}, general
    assert at.text_input(key="org_sname_1").value == "Phạm Thị Diễm"  # the one editor
    assert any("«Đơn vị tổ chức»" in c.value for c in at.caption)
    # the profile changes after the page was drawn: the general form's save must not undo it
    event = events.get(db, 2020)
    organiser.update_profile(db, admin, event["id"], dict(
        org_rules.profile_of(event), signer_name="Nguyễn Văn Bình",
        report_email="xhht@badinh.vn"))
    at.text_input(key="set_theme_1").set_value("Chủ đề mới")
    at.button(key="FormSubmitter:settings_1-Lưu").click().run()
    assert "Đã lưu cấu hình Tuần lễ." in texts_of(at, "success")
    saved = events.get(db, 2020)
    assert (saved["theme"], saved["signer_name"], saved["report_email"]) == (
        "Chủ đề mới", "Nguyễn Văn Bình", "xhht@badinh.vn")


def test_a_year_changed_on_the_page_moves_the_year_in_the_texts_and_says_so(app_for, db,
                                                                           admin):
    from datetime import date

    event = events.get(db, 2020)
    db["events"].update(event["id"], {"opening_place": "Hội trường quận (khai mạc 2020)"})
    at = open_page(app_for, admin, "admin_settings.py")
    at.number_input(key="set_year_1").set_value(2026)
    at.date_input(key="set_start_1").set_value(date(2026, 10, 1))
    at.date_input(key="set_end_1").set_value(date(2026, 10, 7))
    at.date_input(key="set_open_day_1").set_value(date(2026, 10, 1))
    at.date_input(key="set_plan_date_1").set_value(date(2026, 9, 20))
    at.button(key="FormSubmitter:settings_1-Lưu").click().run()
    assert not at.exception, at.exception
    (message,) = [s for s in texts_of(at, "success") if "Đã lưu cấu hình" in s]
    assert ("Năm đã đổi từ 2020 sang 2026, nên «2020» trong «Tên Tuần lễ», «Địa điểm khai "
            "mạc» cũng đã được đổi thành «2026»") in message
    saved = events.get(db, 2026)
    assert (saved["title"], saved["opening_place"]) == (
        "Tuần lễ hưởng ứng học tập suốt đời năm 2026", "Hội trường quận (khai mạc 2026)")
    # the form shows the texts as stored, not the old year typed before
    assert at.text_input(key="set_title_1").value == saved["title"]
    assert at.text_input(key="set_place_1").value == saved["opening_place"]


def test_lock_now_from_the_page_then_units_are_refused_by_the_data_layer(app_for, db, admin):
    from db import WeekLocked

    at = open_page(app_for, admin, "admin_settings.py")
    at.button(key="set_lock_now_1").click().run()
    assert not at.exception
    assert any("Đã khóa báo cáo từ" in w for w in texts_of(at, "warning"))
    with pytest.raises(WeekLocked):
        events.ensure_open(db, events.get(db, 2020)["id"])
    at.button(key="set_unlock_1").click().run()
    assert events.get(db, 2020)["lock_at"] is None


def test_a_lock_before_the_end_of_the_week_is_refused_on_the_page(app_for, db, admin):
    from datetime import date

    at = open_page(app_for, admin, "admin_settings.py")
    at.date_input(key="set_lock_day_1").set_value(date(2020, 10, 5))
    at.button(key="FormSubmitter:lock_1-Lưu thời điểm khóa").click().run()
    assert any("07/10/2020" in e for e in texts_of(at, "error"))
    assert events.get(db, 2020)["lock_at"] is None


def test_next_year_offers_a_year_and_creates_it_copied_and_the_page_switches_to_it(
        app_for, db, admin):
    from components.next_week import offered_year
    from core import timefmt

    at = open_page(app_for, admin, "admin_settings.py")
    # the year after the newest week, or this year when that is later (a 2020-only
    # database in 2026 is offered 2026, not 2021)
    assert at.number_input(key="set_next_year_value").value == offered_year(db) == \
        max(2021, timefmt.now_local().year)
    at.number_input(key="set_next_year_value").set_value(2026).run()
    help_text = " ".join(m.value for m in at.markdown)
    assert "danh sách đơn vị tham gia" in help_text and "dùng chung" not in help_text
    assert at.button(key="set_next_year").disabled  # until confirmed
    at.checkbox(key="set_next_ok_2026").check().run()
    at.button(key="set_next_year").click().run()
    assert not at.exception
    done = [s for s in texts_of(at, "success") if "Đã tạo Tuần lễ năm 2026" in s]
    assert done and "2026-10-02" in done[0]  # Friday 02/10/2020 -> Friday 02/10/2026
    new = events.get(db, 2026)
    assert at.text_input(key=f"set_title_{new['id']}").value == \
        "Tuần lễ hưởng ứng học tập suốt đời năm 2026"
    assert at.sidebar.selectbox(key="event_year").value == 2026


def test_bad_slogan_on_the_page_is_refused(app_for, db, admin):
    at = open_page(app_for, admin, "admin_settings.py")
    at.text_area(key="set_slogan_1_3").set_value("   ")
    at.button(key="FormSubmitter:slogans_1-Lưu").click().run()
    assert any("Khẩu hiệu số 3 không được để trống" in e for e in texts_of(at, "error"))
    assert len(events.slogans(db, events.get(db, 2020)["id"])) == 8
    assert events.slogans(db, 1)[2]["text"].startswith("Học tập sử dụng công nghệ")


def test_targets_saved_from_the_editor(app_for, db, admin):
    at = open_page(app_for, admin, "admin_settings.py")
    at.session_state["set_targets_1"] = {
        "edited_rows": {"0": {"Tối thiểu": 3}}, "added_rows": [], "deleted_rows": [1]}
    at.button(key="FormSubmitter:targets_1-Lưu").click().run()
    assert not at.exception, at.exception
    targets = events.targets(db, 1)
    assert len(targets) == 3
    assert (targets[0]["unit_kind"], targets[0]["minimum"]) == ("school", 3)


@pytest.mark.parametrize("script", ["admin_settings.py", "admin_backup.py", "admin_audit.py"])
def test_admin_pages_are_refused_to_the_committee(app_for, committee, script):
    at = app_for(committee)
    with pytest.raises(ValueError):
        at.switch_page(f"app_pages/{script}").run()


def test_after_the_admin_locks_the_week_the_unit_page_says_so(app_for, db, admin, unit_user):
    at = open_page(app_for, admin, "admin_settings.py")
    at.button(key="set_lock_now_1").click().run()
    unit_page = open_page(app_for, unit_user, "unit_activity.py")
    assert any("Tuần lễ đã khóa báo cáo lúc" in w for w in texts_of(unit_page, "warning"))


# --- issue 13 (h7): the audit log in words, forms that clear, lists that update ------------

def test_audit_log_shows_fields_and_values_in_words(app_for, db, admin):
    from core import audit_diff
    from db import units, users

    unit_id = units.get_by_code(db, "THCS-THANGLONG")["id"]
    users.create_user(db, admin, username="thu.ky", name="Thư ký", role="unit",
                      password="Học tập suốt đời 2020!", unit_code="THCS-THANGLONG")
    at = open_page(app_for, admin, "admin_audit.py")
    at.selectbox(key="aud_table").set_value("users").run()
    at.selectbox(key="aud_action").set_value("create").run()
    changed = at.dataframe[1].value
    shown = dict(zip(changed["Trường"], changed["Sau"]))
    assert shown["Đơn vị"] == units.get(db, unit_id)["name"]
    assert shown["Dữ liệu mẫu"] == "không" and shown["Vai trò"] == "Đơn vị"
    assert not {"unit_id", "is_sample", "role", "password_hash"} & set(changed["Trường"])
    assert "T" not in shown["Tạo lúc"] and shown["Tạo lúc"][2] == "/"  # dd/mm/yyyy HH:MM
    assert audit_diff.detail_text('{"until": "2026-11-28T23:13:32+00:00"}') == \
        "Đến: 29/11/2026 06:13"


def test_a_created_account_clears_the_form_and_appears_in_the_list_at_once(app_for, db,
                                                                           admin):
    from tests.conftest import PASSWORD

    at = open_page(app_for, admin, "admin_units.py")
    at.text_input(key="acc_username").input("pgd.moi")
    at.text_input(key="acc_name").input("Cán bộ mới")
    at.selectbox(key="acc_role").set_value("committee")
    at.text_input(key="acc_password").input(PASSWORD)
    next(b for b in at.button if b.label == "Tạo tài khoản").click().run()
    assert "Đã tạo tài khoản «pgd.moi»" in " ".join(texts_of(at, "success"))
    usernames = list(at.dataframe[-1].value["Tên đăng nhập"])
    assert "pgd.moi" in usernames  # the list is drawn after the save, in the same click
    fresh = [w for w in at.text_input if w.label == "Tên đăng nhập"]
    assert fresh and all(w.value == "" for w in fresh)  # a fresh, empty form


def test_a_saved_unit_clears_the_form_and_is_listed(app_for, db, admin):
    at = open_page(app_for, admin, "admin_units.py")
    at.text_input(key="u_code_new").input("TV-QUAN")
    at.text_input(key="u_name_new").input("Thư viện quận")
    at.selectbox(key="u_kind_new").set_value("library")
    next(b for b in at.button if b.label == "Lưu").click().run()
    assert "Đã lưu đơn vị" in " ".join(texts_of(at, "success"))
    assert "TV-QUAN" in list(at.dataframe[0].value["Mã"])
    assert at.text_input(key="u_code_new_1").value == ""


def test_last_login_is_shown_in_hanoi_time(app_for, db, admin):
    db.execute("update users set last_login_at = '2026-11-28T23:13:32+00:00' where id = ?",
               [admin.user_id])
    at = open_page(app_for, admin, "admin_units.py")
    accounts = at.dataframe[-1].value
    assert "29/11/2026 06:13" in list(accounts["Đăng nhập gần nhất"])


def test_progress_rates_are_written_as_on_the_dashboard(app_for, db, committee,
                                                        other_unit_user):
    """One format for a rate: «50,0%» (numbers.percent), the bar has no text of its own."""
    from db import entries

    event_id = events.get(db, 2020)["id"]
    entries.create_activity(db, other_unit_user, event_id, other_unit_user.unit_id, {
        "type": "library", "title": "Ngày hội đọc sách", "start_date": "2020-10-03",
        "end_date": "2020-10-03", "format": "truc_tiep", "participants": 150})
    at = open_page(app_for, committee, "committee_progress.py")
    wards = at.dataframe[2].value
    rates = dict(zip(wards["Phường"], wards["Tỷ lệ"]))
    assert rates["Phúc Xá"] == "50,0%" and rates["Trúc Bạch"] == "0,0%"


def test_an_empty_table_is_a_vietnamese_line_not_streamlits_empty(app_for, db, admin):
    """st.dataframe draws an English «empty» row for a table without rows."""
    from core import texts

    at = open_page(app_for, admin, "admin_units.py")
    at.text_input(key="units_f_search").input("không có đơn vị này").run()
    assert "0 đơn vị" in [c.value for c in at.caption]  # after the week's roster caption
    assert texts.TABLE_EMPTY in [c.value for c in at.caption]
    assert all("Mã" not in d.value.columns for d in at.dataframe)  # no empty units table
    at.text_input(key="units_f_search").input("").run()
    assert at.dataframe[0].proto.placeholder == ""  # a missing value is an empty cell


def test_a_lock_time_is_hanoi_time_whatever_the_servers_clock(db):
    """The admin types 17:00 in Hà Nội; a server running in UTC must not lock 7 hours late
    (nor show «Khóa ngay» as 02:12 when it is 09:12 in Hà Nội)."""
    from datetime import timedelta

    from core import timefmt

    hanoi_now = timefmt.now_local().replace(second=0, microsecond=0)
    event = dict(events.get(db, 2020))
    event["lock_at"] = (hanoi_now - timedelta(hours=1)).isoformat(timespec="minutes")
    assert events.is_locked(event)
    event["lock_at"] = (hanoi_now + timedelta(hours=1)).isoformat(timespec="minutes")
    assert not events.is_locked(event)
