"""The catalogue per event (issue 15 item 3): activity types and propaganda channels belong
to a week; 2020 keeps the plan's, a 2026 week renames, drops and adds its own, and every
form, import, validation and statistic of a week reads that week's (db/catalogue.py)."""
import json

import pytest

from core import reference as ref
from core.tabular import read_table
from db import AccessDenied, ValidationFailed, catalogue, entries, event_admin, events, stats
from db.entry_import import import_rows
from tests.conftest import make_user
from tests.stats_fixture import add_activity, add_propaganda, build_week

NEW_TYPE = "Học tập của người cao tuổi"
NEW_CHANNEL = ("TikTok", "video")


def plan_types():
    return [{"code": c, "grp": g, "name": n} for c, g, n in ref.ACTIVITY_TYPES]


def plan_channels():
    return [{"code": c, "name": n, "measure": m} for c, n, m in ref.CHANNELS]


def strip(rows):
    return [{k: v for k, v in r.items() if k != "sort"} for r in rows]


def event_id(db, year):
    return events.get(db, year)["id"]


def week_2026(db, admin) -> int:
    """2026 reached by «start next year» from 2020, then its catalogue edited: «library»
    renamed, «literacy» dropped, one new type; «viber» dropped, «facebook» renamed, one new
    channel (TikTok, in videos)."""
    current = event_id(db, 2020)
    for _ in range(2021, 2027):
        current = event_admin.start_next_year(db, admin, current)
    types = [dict(t, name="Thư viện số, đọc sách") if t["code"] == "library" else t
             for t in plan_types() if t["code"] != "literacy"]
    catalogue.set_types(db, admin, current, types + [{"grp": "education", "name": NEW_TYPE}])
    channels = [dict(c, name="Facebook, mạng xã hội") if c["code"] == "facebook" else c
                for c in plan_channels() if c["code"] != "viber"]
    catalogue.set_channels(db, admin, current, channels + [
        {"name": NEW_CHANNEL[0], "measure": NEW_CHANNEL[1]}])
    return current


@pytest.fixture
def y2026(db, admin):
    return week_2026(db, admin)


def activity_raw(type_, day="2026-10-03"):
    return {"type": type_, "title": "Hoạt động", "start_date": day, "end_date": day,
            "format": "truc_tiep", "participants": "30", "online_participants": "0"}


def propaganda_raw(channel, day="2026-10-03"):
    return {"channel": channel, "quantity": "4", "date": day}


def unit_of(actor_or_code, db):
    return db.execute("select id from units where code = ?", [actor_or_code]).fetchone()[0]


# --- 2020 stays the plan ----------------------------------------------------------------------

def test_2020_has_the_plans_types_and_channels_in_the_plans_order(db):
    eid = event_id(db, 2020)
    assert strip(catalogue.types_for(db, eid)) == plan_types()
    assert strip(catalogue.channels_for(db, eid)) == plan_channels()


def test_2020_stats_by_type_and_channel_are_the_plans_rows(db):
    eid = build_week(db)
    summary = stats.summary(db, eid)
    assert [(r["type"], r["group"], r["name"]) for r in summary["by_type"]] == \
        [(c, g, n) for c, g, n in ref.ACTIVITY_TYPES]
    assert [(r["channel"], r["name"], r["measure"]) for r in summary["by_channel"]] == \
        list(ref.CHANNELS)
    by_type = {r["type"]: r["activities"] for r in summary["by_type"]}
    assert (by_type["library"], by_type["sports"], by_type["contest"]) == (1, 1, 0)
    assert sum(by_type.values()) == summary["totals"]["activities"]


def test_the_migration_backfills_every_existing_event_from_the_registry(db_path):
    """A database from before this change: two events and no catalogue tables. Running the
    migrations gives each event the registry's types and channels."""
    from db import connect
    from db.setup import prepare

    db = connect(db_path)
    db["events"].insert(dict(events.get(db, 2020), id=None, year=2019))
    for name in ("event_activity_types", "event_channels"):
        db.execute(f"drop table {name}")
    db.execute("drop trigger event_catalogue_seed")
    migrations_table = next(t for t in db.table_names() if "migrations" in t)
    db.execute(f"delete from [{migrations_table}] where name = 'm003_catalogue_per_event'")
    db.conn.commit()
    db.conn.close()
    db = prepare(db_path)
    for year in (2019, 2020):
        assert strip(catalogue.types_for(db, event_id(db, year))) == plan_types()
        assert strip(catalogue.channels_for(db, event_id(db, year))) == plan_channels()
    db.conn.close()


# --- a 2026 week with its own catalogue ---------------------------------------------------

def test_the_2026_catalogue_holds_the_edits_with_stable_codes(db, y2026):
    types = catalogue.types_for(db, y2026)
    codes = [t["code"] for t in types]
    assert "literacy" not in codes and codes[-1] == "hoc_tap_cua_nguoi_cao_tuoi"
    assert {t["code"]: t["name"] for t in types}["library"] == "Thư viện số, đọc sách"
    channels = {c["code"]: (c["name"], c["measure"]) for c in catalogue.channels_for(db, y2026)}
    assert "viber" not in channels and channels["tiktok"] == NEW_CHANNEL
    assert channels["facebook"][0] == "Facebook, mạng xã hội"
    # the new codes joined the registry (foreign keys of entries); old names are kept there
    assert db.execute("select grp from activity_types where code = ?",
                      ["hoc_tap_cua_nguoi_cao_tuoi"]).fetchone() == ("education",)
    assert db.execute("select name from activity_types where code = 'library'").fetchone() \
        == (ref.TYPE_NAMES["library"],)
    # and 2020 did not move
    assert strip(catalogue.types_for(db, event_id(db, 2020))) == plan_types()
    assert strip(catalogue.channels_for(db, event_id(db, 2020))) == plan_channels()


def test_an_entry_outside_its_weeks_catalogue_is_refused_by_the_data_layer(db, y2026,
                                                                            unit_user):
    unit = unit_of("THCS-THANGLONG", db)
    with pytest.raises(ValidationFailed) as refused:
        entries.create_activity(db, unit_user, y2026, unit, activity_raw("literacy"))
    assert refused.value.errors["type"] == "Loại hoạt động «literacy» không có trong danh mục."
    with pytest.raises(ValidationFailed) as refused:
        entries.create_propaganda(db, unit_user, y2026, unit, propaganda_raw("viber"))
    assert "viber" in refused.value.errors["channel"]
    assert db.execute("select count(*) from activities").fetchone()[0] == 0
    assert db.execute("select count(*) from propaganda").fetchone()[0] == 0
    # the new type and channel are accepted in 2026 ...
    entries.create_activity(db, unit_user, y2026, unit,
                            activity_raw("hoc_tap_cua_nguoi_cao_tuoi"))
    entries.create_propaganda(db, unit_user, y2026, unit, propaganda_raw("tiktok"))
    # ... and are not 2020's
    with pytest.raises(ValidationFailed):
        entries.create_activity(db, unit_user, event_id(db, 2020), unit,
                                activity_raw("hoc_tap_cua_nguoi_cao_tuoi", "2020-10-03"))


def _csv(rows) -> bytes:
    import csv
    import io

    out = io.StringIO()
    csv.writer(out).writerows([["unit_code", "type", "title", "start_date", "format",
                                "participants"], *rows])
    return out.getvalue().encode()


def test_an_import_row_outside_its_weeks_catalogue_is_refused_and_nothing_written(db, y2026):
    committee = make_user(db, "bcd.2026", "committee")
    table = read_table(_csv([
        ["THCS-THANGLONG", "Thư viện số; đọc sách", "Đọc sách", "03/10/2026", "truc_tiep", "10"],
        ["THCS-THANGLONG", "Xóa mù chữ", "Lớp xóa mù chữ", "03/10/2026", "truc_tiep", "10"],
        ["THCS-THANGLONG", "literacy", "Lớp xóa mù chữ 2", "03/10/2026", "truc_tiep", "10"],
    ]), "hoat-dong.csv")
    report = import_rows(db, committee, entries.ACTIVITY, y2026, table, source="hoat-dong.csv")
    assert not report.written and report.created == 0
    assert [(e.line, e.value) for e in report.errors] == [
        (2, "Thư viện số; đọc sách"), (3, "Xóa mù chữ"), (4, "literacy")]
    assert db.execute("select count(*) from activities").fetchone()[0] == 0
    # the week's names (the renamed one too) and the new type's code import
    table = read_table(_csv([
        ["THCS-THANGLONG", "Thư viện số, đọc sách", "Đọc sách", "03/10/2026", "truc_tiep", "10"],
        ["THCS-THANGLONG", NEW_TYPE, "Câu lạc bộ ông bà", "03/10/2026", "truc_tiep", "12"],
        ["THCS-THANGLONG", "hoc_tap_cua_nguoi_cao_tuoi", "Lớp tin học", "04/10/2026",
         "truc_tiep", "9"],
    ]), "hoat-dong-2.csv")
    report = import_rows(db, committee, entries.ACTIVITY, y2026, table,
                         source="hoat-dong-2.csv")
    assert report.errors == [] and report.created == 3
    assert [r[0] for r in db.execute("select type from activities order by id")] == \
        ["library", "hoc_tap_cua_nguoi_cao_tuoi", "hoc_tap_cua_nguoi_cao_tuoi"]
    # the same codes are 2020's too: «literacy» still imports there
    table = read_table(_csv([["THCS-THANGLONG", "Xóa mù chữ", "Lớp", "03/10/2020",
                              "truc_tiep", "5"]]), "2020.csv")
    assert import_rows(db, committee, entries.ACTIVITY, event_id(db, 2020), table,
                       source="2020.csv").created == 1


def test_the_import_template_lists_the_weeks_catalogue(db, y2026, admin):
    from core import import_format
    from db.entry_import import template

    _headers, rows, vocabs = template(db, admin, entries.ACTIVITY, events.get_by_id(db, y2026))
    type_list = next(c for c in import_format.catalogues(import_format.ACTIVITY_LAYOUT, vocabs)
                     if c.values is vocabs["type"].labels)
    assert NEW_TYPE in type_list.values and "Xóa mù chữ" not in type_list.values
    assert "Thư viện số, đọc sách" in type_list.values
    assert rows[0][2] in type_list.values and rows[1][2] in type_list.values
    _headers, rows, vocabs = template(db, admin, entries.PROPAGANDA,
                                      events.get_by_id(db, y2026))
    assert "TikTok" in vocabs["channel"].labels and "Viber" not in vocabs["channel"].labels
    assert rows[1][2] == "Facebook, mạng xã hội"


def test_stats_of_2026_name_the_new_type_and_channel_and_2020_is_unchanged(db, y2026):
    build_week(db)
    before_2020 = stats.summary(db, event_id(db, 2020))
    add_activity(db, y2026, "THCS-THANGLONG", "00007", "hoc_tap_cua_nguoi_cao_tuoi",
                 "2026-10-03", 25)
    add_activity(db, y2026, "THCS-THANGLONG", "00007", "library", "2026-10-03", 40)
    add_propaganda(db, y2026, "THCS-THANGLONG", "00007", "tiktok", 6, "2026-10-04")
    summary = stats.summary(db, y2026)
    by_type = {r["type"]: r for r in summary["by_type"]}
    assert "literacy" not in by_type
    assert (by_type["hoc_tap_cua_nguoi_cao_tuoi"]["name"], by_type[
        "hoc_tap_cua_nguoi_cao_tuoi"]["group"],
        by_type["hoc_tap_cua_nguoi_cao_tuoi"]["activities"]) == (NEW_TYPE, "education", 1)
    assert by_type["library"]["name"] == "Thư viện số, đọc sách"
    by_channel = {r["channel"]: r for r in summary["by_channel"]}
    assert "viber" not in by_channel
    assert (by_channel["tiktok"]["name"], by_channel["tiktok"]["measure"],
            by_channel["tiktok"]["quantity"]) == ("TikTok", "video", 6)
    # the new education type counts as education (dashboard groups, targets)
    education = {r["ward_code"]: r["activities"] for r in stats.dashboard(db, y2026)[
        "ward_group"] if r["group"] == "education"}
    assert education["00007"] == 2
    assert stats.unit_counts(db, y2026)[unit_of("THCS-THANGLONG", db)][
        "education_activities"] == 2
    assert stats.summary(db, event_id(db, 2020)) == before_2020


def test_the_workbook_and_closing_report_use_the_weeks_names(db, y2026):
    from core import closing_report, workbook

    add_activity(db, y2026, "THCS-THANGLONG", "00007", "hoc_tap_cua_nguoi_cao_tuoi",
                 "2026-10-03", 25)
    add_propaganda(db, y2026, "THCS-THANGLONG", "00007", "tiktok", 6, "2026-10-04")
    summary = stats.summary(db, y2026)
    type_sheet = workbook.by_type_sheet(summary)
    assert [NEW_TYPE, 1] == [r for r in type_sheet.rows if r[2] == NEW_TYPE][0][2:4]
    assert "Xóa mù chữ" not in [r[2] for r in type_sheet.rows]
    channel_sheet = workbook.by_channel_sheet(summary)
    assert ["TikTok", "video", 1, 6] in [r[1:] for r in channel_sheet.rows]
    suggested = closing_report.suggestions(summary, 2026)
    assert f"{NEW_TYPE} (1)" in " ".join(suggested["assess_strengths"])
    assert "Xóa mù chữ" not in " ".join(suggested["assess_weaknesses"])
    assert "Thư viện số, đọc sách" in " ".join(suggested["assess_weaknesses"])  # no activity


def test_the_activity_and_propaganda_forms_offer_exactly_the_weeks_catalogue(
        db, y2026, unit_user, app_for):
    at = app_for(unit_user)
    at.switch_page("app_pages/unit_activity.py").run()
    assert not at.exception
    assert at.selectbox(key="act_type").options == [
        f"{ref.GROUP_NAMES[t['grp']]} › {t['name']}" for t in catalogue.types_for(db, y2026)]
    assert any(NEW_TYPE in o for o in at.selectbox(key="act_type").options)
    assert not any("Xóa mù chữ" in o for o in at.selectbox(key="act_type").options)
    at.switch_page("app_pages/unit_propaganda.py").run()
    options = at.selectbox(key="prop_channel").options
    assert "TikTok (video)" in options and not any(o.startswith("Viber") for o in options)
    assert options[0] == "Băng rôn, khẩu hiệu (chiếc)"


# --- editing rules ------------------------------------------------------------------------

def test_a_code_in_use_cannot_be_removed_and_nothing_is_written(db, admin, unit_user):
    eid = event_id(db, 2020)
    unit = unit_of("THCS-THANGLONG", db)
    entries.create_activity(db, unit_user, eid, unit, activity_raw("literacy", "2020-10-03"))
    before = catalogue.types_for(db, eid)
    audit_count = db.execute("select count(*) from audit_log").fetchone()[0]
    with pytest.raises(ValidationFailed) as refused:
        catalogue.set_types(db, admin, eid, [t for t in plan_types()
                                             if t["code"] != "literacy"])
    assert refused.value.errors == {"types.literacy": (
        "Không bỏ được loại hoạt động «Xóa mù chữ» (mã literacy): 1 hoạt động của Tuần lễ "
        "năm 2020 đang dùng loại này. Có thể đổi tên thay vì bỏ.")}
    assert catalogue.types_for(db, eid) == before
    assert db.execute("select count(*) from audit_log").fetchone()[0] == audit_count
    # renaming it keeps the code and is allowed
    catalogue.set_types(db, admin, eid, [dict(t, name="Xóa mù chữ, sau xóa mù chữ")
                                         if t["code"] == "literacy" else t
                                         for t in plan_types()])
    assert {t["code"]: t["name"] for t in catalogue.types_for(db, eid)}["literacy"] == \
        "Xóa mù chữ, sau xóa mù chữ"


def test_a_channel_in_use_cannot_be_removed(db, admin):
    eid = event_id(db, 2020)
    add_propaganda(db, eid, "THCS-THANGLONG", "00007", "viber", 2, "2020-10-03")
    with pytest.raises(ValidationFailed) as refused:
        catalogue.set_channels(db, admin, eid, [c for c in plan_channels()
                                                if c["code"] != "viber"])
    assert "«Viber» (mã viber): 1 mục tuyên truyền" in refused.value.errors["channels.viber"]
    assert strip(catalogue.channels_for(db, eid)) == plan_channels()


@pytest.mark.parametrize("rows, field, message", [
    ([{"code": "library", "grp": "education", "name": " "}], "types.1.name",
     "Dòng 1: chưa nhập tên."),
    ([{"code": "a", "grp": "education", "name": "Đọc"},
      {"code": "b", "grp": "emulation", "name": "đọc"}], "types.2.name",
     "Dòng 2: tên «đọc» trùng với dòng 1."),
    ([{"code": "Thư viện", "grp": "education", "name": "Thư viện"}], "types.1.code",
     "Dòng 1: mã «Thư viện» không hợp lệ (chỉ dùng chữ thường không dấu, chữ số và dấu gạch "
     "dưới, tối đa 40 ký tự)."),
    ([{"code": "x", "grp": "sport", "name": "Bơi"}], "types.1.grp",
     "Dòng 1: nhóm hoạt động phải là một trong: Hoạt động giáo dục, Thi đua, phong trào, "
     "Lễ khai mạc, bế mạc."),
    ([{"code": "x", "grp": "education", "name": "A"},
      {"code": "x", "grp": "education", "name": "B"}], "types.2.code",
     "Dòng 2: mã «x» trùng với dòng 1."),
    ([], "types", "Danh mục cần ít nhất một loại hoạt động."),
])
def test_bad_type_rows_are_refused_with_a_message_and_nothing_written(db, admin, rows, field,
                                                                       message):
    eid = event_id(db, 2020)
    with pytest.raises(ValidationFailed) as refused:
        catalogue.set_types(db, admin, eid, rows)
    assert refused.value.errors[field] == message
    assert strip(catalogue.types_for(db, eid)) == plan_types()
    assert db.execute("select count(*) from activity_types").fetchone()[0] == 15


def test_bad_channel_rows_are_refused(db, admin):
    eid = event_id(db, 2020)
    with pytest.raises(ValidationFailed) as refused:
        catalogue.set_channels(db, admin, eid, plan_channels() + [{"name": "TikTok",
                                                                   "measure": ""}])
    assert refused.value.errors == {"channels.11.measure": "Dòng 11: chưa nhập đơn vị tính."}
    assert strip(catalogue.channels_for(db, eid)) == plan_channels()


def test_only_an_admin_edits_and_each_save_is_one_audit_row(db, admin, committee):
    eid = event_id(db, 2020)
    with pytest.raises(AccessDenied):
        catalogue.set_types(db, committee, eid, plan_types()[:3])
    reordered = list(reversed(plan_types()))
    catalogue.set_types(db, admin, eid, reordered)
    assert [t["code"] for t in catalogue.types_for(db, eid)] == [t["code"] for t in reordered]
    (row,) = db.query("select * from audit_log where table_name = 'event_activity_types'")
    assert row["username"] == "quan.tri" and str(row["row_id"]) == str(eid)
    assert json.loads(row["before"])["types"] == plan_types()
    assert json.loads(row["after"])["types"] == reordered


def test_next_year_copies_the_catalogue_and_later_edits_stay_in_their_year(db, admin, y2026):
    y2027 = event_admin.start_next_year(db, admin, y2026)
    assert strip(catalogue.types_for(db, y2027)) == strip(catalogue.types_for(db, y2026))
    assert strip(catalogue.channels_for(db, y2027)) == strip(catalogue.channels_for(db, y2026))
    (row,) = db.query("select detail from audit_log where table_name = 'events' and "
                      "row_id = ?", [str(y2027)])
    assert json.loads(row["detail"])["types"] == 15  # 15 - literacy + the new one
    catalogue.set_channels(db, admin, y2027, plan_channels()[:3])
    assert len(catalogue.channels_for(db, y2026)) == 10


# --- manage.py catalogue show|import --------------------------------------------------------

def test_manage_catalogue_show_and_import(db, db_path, tmp_path, capsys):
    import manage

    assert manage.main(["--db", str(db_path), "catalogue", "show", "--year", "2020"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "kind\tcode\tgroup\tname\tmeasure" and len(lines) == 1 + 15 + 10
    assert lines[1] == "type\tonline_learning\teducation\t" + ref.TYPE_NAMES["online_learning"] \
        + "\t"
    eid = event_id(db, 2020)
    add_propaganda(db, eid, "THCS-THANGLONG", "00007", "viber", 2, "2020-10-03")
    path = tmp_path / "danh-muc.csv"
    path.write_text("kind,code,group,name,measure\nchannel,banner,,Băng rôn,chiếc\n"
                    "channel,,,TikTok,video\n", encoding="utf-8")
    assert manage.main(["--db", str(db_path), "catalogue", "import", str(path)]) == 1
    assert "Không bỏ được kênh «Viber» (mã viber)" in capsys.readouterr().err
    assert strip(catalogue.channels_for(db, eid)) == plan_channels()
    path.write_text("kind,code,group,name,measure\nchannel,viber,,Viber,tin nhắn\n"
                    "channel,,,TikTok,video\n", encoding="utf-8")
    assert manage.main(["--db", str(db_path), "catalogue", "import", str(path)]) == 0
    assert strip(catalogue.channels_for(db, eid)) == [
        {"code": "viber", "name": "Viber", "measure": "tin nhắn"},
        {"code": "tiktok", "name": "TikTok", "measure": "video"}]
    assert strip(catalogue.types_for(db, eid)) == plan_types()  # no type rows: kept


def test_the_admin_settings_page_has_the_catalogue_tab(db, admin, y2026, app_for):
    at = app_for(admin)
    at.switch_page("app_pages/admin_settings.py").run()
    assert not at.exception
    assert "Danh mục" in [t.label for t in at.tabs]
    assert {"Loại hoạt động", "Kênh tuyên truyền"} <= {h.value for h in at.subheader}
    assert "Tuần lễ năm 2026" in " ".join(c.value for c in at.caption)


def test_saving_an_unchanged_catalogue_writes_nothing(db, admin):
    eid = event_id(db, 2020)
    catalogue.set_types(db, admin, eid, plan_types())
    catalogue.set_channels(db, admin, eid, plan_channels())
    assert db.execute("select count(*) from audit_log where table_name like 'event_%'"
                      ).fetchone()[0] == 0


def test_a_demo_of_the_2026_week_uses_only_its_catalogue(db, admin, y2026):
    from db import Actor, demo

    demo.load(db, Actor.system(), units=6, activities=300, seed=3, year=2026,
              accounts=False)
    types = {r[0] for r in db.execute("select distinct type from activities where event_id = ?",
                                      [y2026])}
    channels = {r[0] for r in db.execute("select distinct channel from propaganda "
                                         "where event_id = ?", [y2026])}
    assert types and types <= {t["code"] for t in catalogue.types_for(db, y2026)}
    assert "literacy" not in types and "hoc_tap_cua_nguoi_cao_tuoi" in types
    assert channels and "viber" not in channels


def test_the_workbook_lists_name_types_and_channels_as_the_week_does(db, y2026):
    from db import export

    add_activity(db, y2026, "THCS-THANGLONG", "00007", "library", "2026-10-03", 40)
    add_propaganda(db, y2026, "THCS-THANGLONG", "00007", "facebook", 2, "2026-10-04")
    add_propaganda(db, y2026, "THCS-THANGLONG", "00007", "tiktok", 5, "2026-10-04",
                   status="needs_fix")
    activities = export.csv_bytes(db, y2026, "activities").decode("utf-8-sig")
    assert "Thư viện số, đọc sách" in activities
    propaganda = export.csv_bytes(db, y2026, "propaganda").decode("utf-8-sig")
    assert "Facebook, mạng xã hội" in propaganda
    not_counted = export.csv_bytes(db, y2026, "not_counted").decode("utf-8-sig")
    assert "TikTok" in not_counted and "video" in not_counted
    channels = export.csv_bytes(db, y2026, "by_channel").decode("utf-8-sig")
    assert "TikTok" in channels and "Viber" not in channels


def test_a_backup_restores_each_weeks_catalogue(db, db_path, admin, y2026, tmp_path):
    from db import backup, connect

    before = {year: (catalogue.types_for(db, event_id(db, year)),
                     catalogue.channels_for(db, event_id(db, year))) for year in (2020, 2026)}
    copy = backup.backup(db_path, tmp_path / "copy.db").path
    catalogue.set_types(db, admin, y2026, plan_types())  # changed after the backup
    db.conn.close()
    backup.restore(db_path, copy)
    restored = connect(db_path)
    try:
        assert {year: (catalogue.types_for(restored, event_id(restored, year)),
                       catalogue.channels_for(restored, event_id(restored, year)))
                for year in (2020, 2026)} == before
    finally:
        restored.conn.close()


def test_a_type_the_week_added_is_weighed_for_commendations(db, y2026, committee):
    from db import commendations

    weights = commendations.get_weights(db, y2026)
    assert weights["types"]["hoc_tap_cua_nguoi_cao_tuoi"] == 3.0  # an education type
    weights["types"]["hoc_tap_cua_nguoi_cao_tuoi"] = 4.5
    saved = commendations.save_weights(db, committee, y2026, weights)
    assert saved["types"]["hoc_tap_cua_nguoi_cao_tuoi"] == 4.5
    # 2020 knows no such type: a weight for it is refused there
    with pytest.raises(ValidationFailed) as refused:
        commendations.save_weights(db, committee, event_id(db, 2020), weights)
    assert "type:hoc_tap_cua_nguoi_cao_tuoi" in refused.value.errors


def test_the_commendations_page_weighs_the_weeks_types(db, y2026, committee, app_for):
    at = app_for(committee)
    at.switch_page("app_pages/committee_commendations.py").run()
    assert not at.exception
    keys = {n.key: n.label for n in at.number_input}
    assert keys["w_type_hoc_tap_cua_nguoi_cao_tuoi"] == NEW_TYPE
    assert keys["w_type_library"] == "Thư viện số, đọc sách"
    assert "w_type_literacy" not in keys


def test_the_log_names_a_new_code_and_the_group_of_a_catalogue_edit(db, y2026):
    from core import audit_diff

    registry = audit_diff.Names(codes={"type": dict(db.execute(
        "select code, name from activity_types").fetchall())})
    assert audit_diff.value_text("type", "hoc_tap_cua_nguoi_cao_tuoi", registry) == NEW_TYPE
    (row,) = db.query("select after from audit_log where table_name = 'event_activity_types'")
    shown = audit_diff.detail_text(None) or "; ".join(
        c["after"] for c in audit_diff.changes(None, row["after"], registry))
    assert "Nhóm: Hoạt động giáo dục" in shown and NEW_TYPE in shown


def test_the_review_filter_lists_the_weeks_types(db, y2026, committee, app_for):
    at = app_for(committee)
    at.switch_page("app_pages/committee_review.py").run()
    assert not at.exception
    options = at.selectbox(key="rev_type").options
    assert NEW_TYPE in options and "Thư viện số, đọc sách" in options
    assert "Xóa mù chữ" not in options
