"""Issue 20, deliver 4: Hà Nội time everywhere, through core/timefmt; the dashboard's small
figures compare with the end of the previous day of the week while it runs, and are not
shown outside it (the line under the tiles says why)."""
import re
from datetime import date, datetime, timedelta, timezone

import pytest

from core import charts, kpi_reference, texts, timefmt
from db import events
from db.audit import now_iso
from tests import stats_fixture as fx
from tests.test_committee_pages import block_lines, kpi_tiles, open_page

START, END = date(2020, 10, 2), date(2020, 10, 7)


@pytest.mark.parametrize("today,created_before,note", [
    (date(2020, 10, 1), None, texts.DASH_KPI_NO_CHANGE_BEFORE.format(day="T6 02/10")),
    (date(2020, 10, 2), "2020-10-02", texts.DASH_KPI_DELTA_HELP.format(day="T5 01/10")),
    (date(2020, 10, 5), "2020-10-05", texts.DASH_KPI_DELTA_HELP.format(day="CN 04/10")),
    (date(2020, 10, 7), "2020-10-07", texts.DASH_KPI_DELTA_HELP.format(day="T3 06/10")),
    (date(2020, 10, 8), None, texts.DASH_KPI_NO_CHANGE_AFTER.format(day="T4 07/10")),
    (date(2026, 12, 6), None, texts.DASH_KPI_NO_CHANGE_AFTER.format(day="T4 07/10")),
])
def test_the_small_figures_compare_with_the_previous_day_of_the_week(today, created_before,
                                                                     note):
    ref = kpi_reference.reference(START, END, today, charts.day_label)
    assert (ref.created_before, ref.note) == (created_before, note)


def test_stamps_are_hanoi_time_with_its_offset():
    stamp = now_iso()
    assert stamp.endswith("+07:00")
    moment = datetime.fromisoformat(stamp)
    assert abs(moment - datetime.now(timezone.utc)) < timedelta(seconds=5)
    # its first ten characters are Hà Nội's day (what the per-day figures compare)
    assert stamp[:10] == timefmt.now_local().date().isoformat()


def test_a_utc_moment_is_shown_in_hanoi_time():
    assert timefmt.local("2026-12-06T10:53:00+00:00") == "06/12/2026 17:53"
    assert timefmt.clock("2026-12-06T10:53:07+00:00", seconds=True) == "17:53:07"
    assert timefmt.short("2026-12-06T23:10:00+00:00") == "06:10 07/12"


@pytest.fixture
def week(db, admin):
    fx.build_week(db)
    return events.get(db, 2020)


def updated_at(at) -> str:
    line = next(c.value for c in at.caption if c.value.startswith("Cập nhật lúc "))
    return re.match(r"Cập nhật lúc (\d\d:\d\d:\d\d)", line).group(1)


def test_the_dashboard_clock_is_hanoi_time(app_for, committee, week):
    at = open_page(app_for, committee, "committee_dashboard.py")
    shown = datetime.combine(date.today(), datetime.strptime(updated_at(at), "%H:%M:%S").time())
    hanoi = timefmt.now_local()
    gap = abs((shown - hanoi.replace(year=shown.year, month=shown.month, day=shown.day))
              .total_seconds())
    assert min(gap, 86400 - gap) < 120  # «Cập nhật lúc 10:53» when it was 17:53 in Hà Nội


def test_after_the_week_no_small_figure_and_the_line_says_why(app_for, committee, week):
    """The 2020 week is over: «+everything» compared with today said nothing."""
    at = open_page(app_for, committee, "committee_dashboard.py")
    assert not any(delta for _value, delta in kpi_tiles(at).values()), kpi_tiles(at)
    assert texts.DASH_KPI_NO_CHANGE_AFTER.format(day="T4 07/10") in [
        c.value for c in at.caption] + block_lines(at)


def test_while_the_week_runs_the_change_is_since_the_end_of_yesterday(app_for, db, committee,
                                                                      admin):
    today = timefmt.now_local().date()
    yesterday = today - timedelta(days=1)
    event_id = events.get(db, 2020)["id"]
    db["events"].update(event_id, {"start_date": (today - timedelta(days=2)).isoformat(),
                                   "end_date": (today + timedelta(days=3)).isoformat()})
    # two activities entered yesterday evening in Hà Nội, one this morning at 06:30 Hà Nội
    # (23:30 UTC yesterday: a server on UTC would have counted it as yesterday's)
    for stamp, participants in ((f"{yesterday}T20:00:00+07:00", 40),
                                (f"{yesterday}T21:00:00+07:00", 50),
                                (f"{today}T06:30:00+07:00", 30)):
        fx.add_activity(db, event_id, "THCS-THANGLONG", "00007", "library",
                        today.isoformat(), participants, created_at=stamp)
    at = open_page(app_for, committee, "committee_dashboard.py")
    tiles = kpi_tiles(at)
    assert tiles["Hoạt động"] == ("3", "+1")
    assert tiles["Lượt người tham gia"] == ("120", "+30")
    assert texts.DASH_KPI_DELTA_HELP.format(day=charts.day_label(yesterday.isoformat())) in [
        c.value for c in at.caption] + block_lines(at)


def test_a_request_submitted_late_in_the_evening_utc_is_dated_hanois_next_day():
    """The Tờ trình's date line: 20:30 UTC on 25/09 is 03:30 on 26/09 in Hà Nội."""
    from core import budget_pdf

    assert budget_pdf.issued_on({"submitted_at": "2020-09-25T20:30:00+00:00",
                                 "approved_at": None}) == date(2020, 9, 26)


def test_the_workbook_writes_a_submission_s_day_in_hanoi(db, admin):
    """A report submitted at 20:30 UTC on 07/10 was submitted on 08/10 in Hà Nội; the
    sheet took the stamp's first ten characters."""
    import io

    from openpyxl import load_workbook

    from db import export
    from tests.test_export import by_header, table

    event_id = fx.build_week(db)
    db["report_submissions"].insert({"event_id": event_id,
                                     "unit_id": fx.unit_id(db, "THCS-THANGLONG"),
                                     "submitted_at": "2020-10-07T20:30:00+00:00"})
    header, rows, _ = table(load_workbook(io.BytesIO(export.xlsx(db, event_id, ["units"]))),
                            "units")
    row = by_header(header, next(r for r in rows if r[1] == "THCS-THANGLONG"))
    assert row["Ngày nộp"] == datetime(2020, 10, 8)
    assert timefmt.local_date("2020-10-07") == date(2020, 10, 7)  # a day stays that day
