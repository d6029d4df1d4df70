"""db/stats.py against figures counted by hand on tests/stats_fixture.py (DESIGN §4)."""
import pytest

from db import stats
from tests.stats_fixture import add_activity, build_week

SEEDED_ACTIVE_UNITS = 34  # 5 district units, THCS Thăng Long, 14 UBND + 14 TTHTCĐ


@pytest.fixture
def week(db):
    return build_week(db)


@pytest.fixture
def summary(db, week):
    return stats.summary(db, week)


def ward(summary, code):
    return next(w for w in summary["by_ward"] if w["code"] == code)


def tier(summary, code):
    return next(t for t in summary["by_tier"] if t["tier"] == code)


def test_totals_exclude_needs_fix_and_withdrawn_entries(summary):
    totals = summary["totals"]
    assert (totals["activities"], totals["participants"], totals["online_participants"]) == \
        (4, 360, 80)
    assert totals["propaganda_items"] == 8


def test_units_are_active_units_and_each_reporting_unit_counts_once(summary):
    totals = summary["totals"]
    assert totals["units"] == SEEDED_ACTIVE_UNITS + 3  # the deactivated school is not a unit
    # THCS Thăng Long (2 activities), UBND Phúc Xá (activity + propaganda: once),
    # TH Vĩnh Phúc, THPT Liễu Giai (propaganda only); MN Trúc Bạch has only a withdrawn
    # activity and a needs-fix propaganda entry: not reported
    assert totals["reporting_units"] == 4
    assert totals["reporting_rate"] == pytest.approx(4 / 37, abs=1e-4)


def test_wards_covered_counts_wards_where_an_activity_was_held(summary):
    assert (summary["totals"]["wards"], summary["totals"]["wards_covered"]) == (14, 3)


def test_by_ward_lists_all_14_wards_in_code_order_with_zeros(summary):
    codes = [w["code"] for w in summary["by_ward"]]
    assert codes == sorted(codes) and len(codes) == 14
    assert ward(summary, "00034") == {"code": "00034", "name": "Thành Công", "activities": 0,
                                      "participants": 0, "propaganda_items": 0,
                                      "propaganda_entries": 0, "units": 2,
                                      "reporting_units": 0, "submitted_units": 0}


def test_ward_figures_count_where_the_activity_was_held(summary):
    phuc_xa = ward(summary, "00001")
    assert (phuc_xa["activities"], phuc_xa["participants"]) == (2, 250)
    assert (phuc_xa["propaganda_items"], phuc_xa["units"], phuc_xa["reporting_units"]) == \
        (3, 2, 1)
    cong_vi = ward(summary, "00007")  # THCS Thăng Long's own ward: only its library day
    assert (cong_vi["activities"], cong_vi["participants"], cong_vi["reporting_units"]) == \
        (1, 100, 1)


def test_ward_units_exclude_deactivated_units(summary):
    lieu_giai = ward(summary, "00008")
    assert (lieu_giai["units"], lieu_giai["reporting_units"], lieu_giai["propaganda_items"]) \
        == (3, 1, 5)


def test_tier_figures_count_a_schools_activities_wherever_held(summary):
    assert tier(summary, "thcs") == {"tier": "thcs", "schools": 1, "reporting_schools": 1,
                                     "submitted_schools": 0, "activities": 2,
                                     "participants": 150}


def test_by_tier_lists_all_four_tiers(summary):
    assert [t["tier"] for t in summary["by_tier"]] == ["mam_non", "tieu_hoc", "thcs", "thpt"]
    assert tier(summary, "mam_non") == {"tier": "mam_non", "schools": 1,
                                        "reporting_schools": 0, "submitted_schools": 0,
                                        "activities": 0, "participants": 0}
    assert (tier(summary, "thpt")["schools"], tier(summary, "thpt")["reporting_schools"]) == \
        (1, 1)


def test_by_day_has_every_day_of_the_week_on_start_dates(summary):
    assert summary["by_day"] == [
        {"date": "2020-10-02", "activities": 2, "participants": 300},
        {"date": "2020-10-03", "activities": 1, "participants": 50},
        {"date": "2020-10-04", "activities": 0, "participants": 0},
        {"date": "2020-10-05", "activities": 0, "participants": 0},
        {"date": "2020-10-06", "activities": 0, "participants": 0},
        {"date": "2020-10-07", "activities": 1, "participants": 10},
    ]


def test_by_type_and_by_channel(summary):
    types = {t["type"]: (t["activities"], t["participants"]) for t in summary["by_type"]}
    assert len(types) == 15
    assert types["library"] == (1, 100) and types["opening_ceremony"] == (1, 200)
    assert types["contest"] == (0, 0) and types["arts"] == (0, 0)
    channels = {c["channel"]: (c["entries"], c["quantity"]) for c in summary["by_channel"]}
    assert len(channels) == 10
    assert channels["banner"] == (1, 5) and channels["facebook"] == (1, 3)
    assert channels["zalo"] == (0, 0) and channels["portal"] == (0, 0)


def test_by_slogan_counts_each_slogan_of_an_entry(db, week):
    rows = {r["slogan"]: (r["entries"], r["quantity"]) for r in stats.by_slogan(db, week)}
    assert rows[1] == (1, 5) and rows[2] == (2, 8)
    assert rows[3] == (0, 0) and rows[4] == (0, 0) and len(rows) == 8


def test_event_block(summary):
    assert summary["event"] == {"year": 2020,
                                "title": "Tuần lễ hưởng ứng học tập suốt đời năm 2020",
                                "start_date": "2020-10-02", "end_date": "2020-10-07"}


def test_ward_filter(db, week):
    totals = stats.summary(db, week, ward="00001")["totals"]
    assert (totals["activities"], totals["participants"], totals["propaganda_items"]) == \
        (2, 250, 3)
    assert (totals["units"], totals["reporting_units"], totals["wards"],
            totals["wards_covered"]) == (2, 1, 1, 1)


def test_tier_filter(db, week):
    s = stats.summary(db, week, tier="thcs")
    assert (s["totals"]["activities"], s["totals"]["participants"]) == (2, 150)
    assert (s["totals"]["units"], s["totals"]["reporting_units"]) == (1, 1)
    assert s["totals"]["propaganda_items"] == 0
    assert ward(s, "00001")["activities"] == 1  # its sports day in Phúc Xá


def test_kind_filter(db, week):
    totals = stats.summary(db, week, kind="ward_committee")["totals"]
    assert (totals["activities"], totals["participants"], totals["units"],
            totals["reporting_units"], totals["propaganda_items"]) == (1, 200, 14, 1, 3)


def test_day_filter_counts_entries_and_reporting_inside_the_range(db, week):
    s = stats.summary(db, week, day_from="2020-10-03", day_to="2020-10-03")
    assert (s["totals"]["activities"], s["totals"]["participants"]) == (1, 50)
    assert s["totals"]["reporting_units"] == 1 and s["totals"]["propaganda_items"] == 0
    assert s["by_day"][0] == {"date": "2020-10-02", "activities": 0, "participants": 0}


def test_an_entry_fixed_after_needs_fix_counts_again(db, week):
    db.execute("update activities set status = 'submitted' where status = 'needs_fix'")
    assert stats.summary(db, week)["totals"]["activities"] == 5


def test_empty_week_is_all_zeros_not_errors(db):
    event_id = db.execute("select id from events").fetchone()[0]
    s = stats.summary(db, event_id)
    assert s["totals"]["activities"] == 0 and s["totals"]["reporting_rate"] == 0
    assert s["totals"]["units"] == SEEDED_ACTIVE_UNITS and len(s["by_ward"]) == 14
    assert all(d["activities"] == 0 for d in s["by_day"]) and len(s["by_day"]) == 6


def test_other_events_do_not_leak(db, week):
    other = db["events"].insert({"year": 2021, "title": "Tuần lễ 2021",
                                 "start_date": "2021-10-01", "end_date": "2021-10-07",
                                 "created_at": "2021-01-01T00:00:00"}).last_pk
    add_activity(db, other, "UBND-00001", "00001", "sports", "2021-10-02", 999)
    assert stats.summary(db, week)["totals"]["participants"] == 360
    assert stats.summary(db, other)["totals"]["participants"] == 999
    years = [r["year"] for r in stats.year_over_year(db)]
    assert years == [2021, 2020]


def test_change_since_a_day_counts_entries_created_from_that_day(db, week):
    change = stats.totals_change(db, week, "2020-10-03")
    # created from 03/10 on: the sports day (50) and the oer day (10); the banners (5)
    assert (change["activities"], change["participants"], change["propaganda_items"]) == \
        (2, 60, 5)
    assert stats.last_entry_day(db, week) == "2020-10-07"


def test_dashboard_matrix_has_every_ward_and_group(db, week):
    d = stats.dashboard(db, week)
    assert len(d["ward_group"]) == 14 * 3
    cell = {(r["ward_code"], r["group"]): r["activities"] for r in d["ward_group"]}
    assert cell[("00001", "emulation")] == 1 and cell[("00001", "ceremony")] == 1
    assert cell[("00007", "education")] == 1 and cell[("00034", "education")] == 0
    per_day = {(r["date"], r["group"]): r["activities"] for r in d["day_group"]}
    assert per_day[("2020-10-02", "education")] == 1
    assert per_day[("2020-10-02", "ceremony")] == 1 and len(per_day) == 18
    assert d["summary"] == stats.summary(db, week)


def test_feed_shows_newest_entries_but_not_withdrawn_ones(db, week):
    feed = stats.latest_entries(db, week, limit=20)
    assert len(feed) == 8  # 6 activities + 4 propaganda, minus 2 withdrawn
    assert feed[0]["created_at"].startswith("2020-10-07")
    assert any(r["status"] == "needs_fix" for r in feed)


RAW_BY_WARD = """select ward_code, count(*), sum(participants) from activities
                 where event_id = ? and deleted = 0 and status != 'needs_fix'
                 group by ward_code order by ward_code"""
RAW_BY_TIER = """select u.tier, count(*), sum(a.participants) from activities a
                 join units u on u.id = a.unit_id where a.event_id = ? and a.deleted = 0
                 and a.status != 'needs_fix' and u.tier is not null group by u.tier"""
RAW_BY_CHANNEL = """select channel, count(*), sum(quantity) from propaganda where event_id = ?
                    and deleted = 0 and status != 'needs_fix' group by channel"""


def assert_summary_matches_raw_tables(db, event_id):
    s = stats.summary(db, event_id)
    wards = {w["code"]: (w["activities"], w["participants"]) for w in s["by_ward"]}
    for code, n, p in db.execute(RAW_BY_WARD, [event_id]).fetchall():
        assert wards[code] == (n, p)
    assert sum(n for n, _p in wards.values()) == s["totals"]["activities"]
    tiers = {t["tier"]: (t["activities"], t["participants"]) for t in s["by_tier"]}
    for tier_code, n, p in db.execute(RAW_BY_TIER, [event_id]).fetchall():
        assert tiers[tier_code] == (n, p)
    channels = {c["channel"]: (c["entries"], c["quantity"]) for c in s["by_channel"]}
    for channel, n, q in db.execute(RAW_BY_CHANNEL, [event_id]).fetchall():
        assert channels[channel] == (n, q)


def test_summary_tables_stay_exact_through_every_kind_of_change(db):
    """The stats read summary tables kept by triggers; the raw rows stay the truth."""
    from db import Actor, demo

    demo.load(db, Actor.system(), units=24, activities=400, seed=5, accounts=False)
    assert_summary_matches_raw_tables(db, 1)
    db.execute("update activities set status = 'needs_fix' where id % 7 = 0")
    db.execute("update activities set status = 'submitted' where id % 11 = 0")
    db.execute("update activities set deleted = 1 where id % 13 = 0")
    db.execute("update activities set participants = participants + 3, ward_code = '00034' "
               "where id % 5 = 0 and deleted = 0")
    db.execute("update activities set start_date = '2020-10-06', end_date = '2020-10-06', "
               "type = 'club' where id % 9 = 0")
    db.execute("delete from activities where id % 17 = 0 and id not in "
               "(select activity_id from photos where activity_id is not null)")
    db.execute("update propaganda set quantity = quantity + 1, channel = 'press' "
               "where id % 3 = 0")
    db.execute("update propaganda set deleted = 1 where id % 4 = 0")
    # a school re-classified: its activities move to the new tier
    school = db.execute("select id from units where tier = 'thcs' and is_sample = 1 "
                        "limit 1").fetchone()[0]
    db.execute("update units set tier = 'thpt' where id = ?", [school])
    db.execute("update units set kind = 'library', tier = null where id = (select id from "
               "units where tier = 'mam_non' and is_sample = 1 limit 1)")
    assert_summary_matches_raw_tables(db, 1)
    by_ward = {w["code"]: w for w in stats.summary(db, 1)["by_ward"]}
    assert by_ward["00034"]["activities"] > 0


def test_summary_tables_are_filled_for_entries_older_than_the_migration(db_path, db, week):
    """m002 back-fills entries written before it (here: recomputed from scratch)."""
    from db.schema import BACKFILL_ACTIVITIES_WEEK, BACKFILL_PROPAGANDA_WEEK

    before = stats.summary(db, week)
    db.execute("delete from activity_cube")
    db.execute("delete from propaganda_cube")
    assert stats.summary(db, week)["totals"]["activities"] == 0
    db.execute(BACKFILL_ACTIVITIES_WEEK)
    db.execute(BACKFILL_PROPAGANDA_WEEK)
    assert stats.summary(db, week) == before


# --- issue 11 item 3: every total reconciles ------------------------------------------

def submit(db, event_id, code, at="2020-10-07T17:00:00+07:00"):
    from tests.stats_fixture import unit_id
    db["report_submissions"].insert({"event_id": event_id, "unit_id": unit_id(db, code),
                                     "submitted_at": at})


def test_ward_table_has_a_district_row_and_a_total_row_equal_to_the_headline(db, week):
    from tests.stats_fixture import add_propaganda
    add_propaganda(db, week, "PGDDT", "00022", "portal", 4, "2020-10-05")  # district unit
    s = stats.summary(db, week)
    district = s["by_ward_district"]
    assert district["name"] == "Đơn vị cấp quận" and district["code"] is None
    # independent counts: active units without a ward, and those with a counting entry
    no_ward = db.execute("select count(*) from units where active = 1 and ward_code is null"
                         ).fetchone()[0]
    assert (district["units"], district["reporting_units"], district["activities"]) == \
        (no_ward, 1, 0)
    total, headline = s["by_ward_total"], s["totals"]
    for key in ("activities", "participants", "propaganda_items", "propaganda_entries",
                "units", "reporting_units", "submitted_units"):
        assert total[key] == headline[key], key
    # the 14 wards alone leave the district units out: the old table's mismatch
    assert sum(w["units"] for w in s["by_ward"]) == headline["units"] - no_ward
    # Đội Cấn: the portal post held there counts as one entry of 4 posts
    assert (ward(s, "00022")["propaganda_entries"], ward(s, "00022")["propaganda_items"]) \
        == (1, 4)


def test_units_with_data_and_units_that_submitted_are_two_figures(db, week):
    submit(db, week, "THCS-THANGLONG")
    submit(db, week, "MN-TRUCBACH")  # submitted with nothing that counts
    submit(db, week, "THPT-CU")  # deactivated: not a unit any more
    s = stats.summary(db, week)
    t = s["totals"]
    assert (t["units_with_data"], t["reporting_units"], t["submitted_units"]) == (4, 4, 2)
    assert t["submission_rate"] == pytest.approx(2 / 37, abs=1e-4)
    assert ward(s, "00007")["submitted_units"] == 1 and ward(s, "00004")["submitted_units"] == 1
    assert tier(s, "thcs")["submitted_schools"] == 1
    assert tier(s, "mam_non")["submitted_schools"] == 1
    assert stats.summary(db, week, ward="00004")["totals"]["submitted_units"] == 1
    # submitted on 07/10: not yet submitted before that day
    before = stats.summary(db, week, created_before="2020-10-07")["totals"]
    assert before["submitted_units"] == 0


def test_propaganda_per_channel_carries_its_unit_of_measure(summary):
    channels = {c["channel"]: c for c in summary["by_channel"]}
    assert channels["banner"]["measure"] == "chiếc"
    assert channels["mobile_convoy"]["measure"] == "lượt xe"
    assert channels["facebook"]["measure"] == "bài đăng"
    assert channels["ward_radio"]["measure"] == "buổi phát"
    # entries ("lượt tuyên truyền") are named apart from the machine-only quantity sum
    assert (summary["totals"]["propaganda_entries"], summary["totals"]["propaganda_items"]) \
        == (2, 8)


def test_tier_table_total_row(summary):
    assert summary["by_tier_total"] == {"schools": 4, "reporting_schools": 3,
                                        "submitted_schools": 0, "activities": 3,
                                        "participants": 160}


def test_by_type_lists_all_15_types_with_their_group_in_plan_order(summary):
    from core import reference as ref
    assert [(t["type"], t["group"]) for t in summary["by_type"]] == \
        [(code, group) for code, group, _n in ref.ACTIVITY_TYPES]
    assert sum(t["activities"] for t in summary["by_type"]) == \
        summary["totals"]["activities"]


def test_learning_models_per_model_and_ward(db, week):
    from tests.stats_fixture import unit_id
    for code, model, reg, rec in (("UBND-00001", "gia_dinh", 40, 30),
                                  ("TTHTCD-00001", "gia_dinh", 5, 5),
                                  ("UBND-00004", "dong_ho", 3, 1)):
        db["learning_model_counts"].insert({
            "event_id": week, "unit_id": unit_id(db, code), "ward_code": code[-5:],
            "model": model, "registered": reg, "recognised": rec,
            "updated_at": "2020-10-05T10:00:00"})
    lm = stats.learning_models(db, week)
    by_model = {r["model"]: (r["registered"], r["recognised"]) for r in lm["by_model"]}
    assert by_model == {"gia_dinh": (45, 35), "dong_ho": (3, 1), "cong_dong": (0, 0),
                        "don_vi": (0, 0)}
    rows = {r["code"]: r for r in lm["by_ward"]}
    assert len(rows) == 15 and rows[None]["name"] == "Đơn vị cấp quận"
    assert rows["00001"]["gia_dinh"] == (45, 35) and rows["00004"]["dong_ho"] == (3, 1)
    assert (rows["00001"]["registered"], rows["00034"]["registered"]) == (45, 0)
    assert lm["total"] == {"registered": 48, "recognised": 36}


def test_targets_attainment_counts_units_the_target_applies_to(db, week):
    db.execute("delete from targets")
    db["targets"].insert_all([
        {"event_id": week, "unit_kind": "school", "tier": None,
         "metric": "education_activities", "minimum": 1, "label": "Trường: ≥ 1 HĐ giáo dục"},
        {"event_id": week, "unit_kind": "ward_committee", "tier": None,
         "metric": "propaganda_entries", "minimum": 1, "label": "UBND: ≥ 1 tuyên truyền"},
    ])
    rows = stats.targets_attainment(db, week)
    # schools: THCS Thăng Long (library, counting), TH Vĩnh Phúc (oer); the needs-fix
    # contest does not count; the deactivated school is not a unit
    assert [(r["units"], r["met"]) for r in rows] == [(4, 2), (14, 1)]
    assert rows[0]["rate"] == 0.5 and rows[0]["label"].startswith("Trường")


def test_online_share_change_is_in_percentage_points():
    from core import numbers

    # 30 of 100 online now; before the last 50 people (10 online) it was 20 of 50 = 40 %
    assert numbers.share_change(30, 100, 10, 50) == pytest.approx(-10.0)
    assert numbers.signed_points(-10.0) == "-10,0 điểm %"
    assert numbers.signed_points(0.04) == "0,0 điểm %"


def test_unit_counts_agree_with_the_progress_page(db, week):
    from db import progress
    from tests.stats_fixture import add_propaganda
    add_propaganda(db, week, "THCS-THANGLONG", "00007", "press", 1, "2020-10-05",
                   status="accepted")
    counts = stats.unit_counts(db, week)
    for row in progress.units_progress(db, week):
        c = counts.get(row["id"], {"activities": 0, "propaganda_entries": 0, "entries": 0})
        assert (c["activities"], c["propaganda_entries"], c["entries"]) == \
            (row["activities"], row["propaganda"], row["entries"]), row["code"]
    thang_long = counts[db.execute("select id from units where code = 'THCS-THANGLONG'"
                                   ).fetchone()[0]]
    # library (education, submitted) + sports (accepted); the needs-fix contest is out
    assert (thang_long["education_activities"], thang_long["accepted"]) == (1, 2)


def test_stats_json_names_units_with_data_and_units_that_submitted(db_path, db, week,
                                                                   capsys):
    import json

    import manage
    submit(db, week, "THCS-THANGLONG")
    assert manage.main(["--db", str(db_path), "stats", "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    t = printed["totals"]
    assert (t["units_with_data"], t["submitted_units"], t["propaganda_entries"]) == (4, 1, 2)
    assert "propaganda_items" in t  # kept for machines
    assert printed["by_ward_total"]["units"] == t["units"]
    assert printed["by_ward_district"]["name"] == "Đơn vị cấp quận"


def test_by_day_keeps_activities_started_outside_the_week(db, week):
    """Audit (r1): an activity entered for 30/09 (allowed after a confirmation) counted in
    the headline but on no day: the by-day table and chart summed to less than the total."""
    event_id = week
    add_activity(db, event_id, "MN-TRUCBACH", "00004", "library", "2020-09-30", 40)
    s = stats.summary(db, event_id)
    assert s["by_day"][0] == {"date": "2020-09-30", "activities": 1, "participants": 40}
    assert sum(d["activities"] for d in s["by_day"]) == s["totals"]["activities"]
    assert sum(d["participants"] for d in s["by_day"]) == s["totals"]["participants"]
    board = stats.dashboard(db, event_id)
    assert sum(r["activities"] for r in board["day_group"]) == s["totals"]["activities"]
