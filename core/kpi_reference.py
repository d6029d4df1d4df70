"""What the dashboard's small figures (the change under each tile) compare with (issue 20).

While the week runs they say what is new since the end of the previous day: Hà Nội's
yesterday. Before the week starts and once it is over there is no «previous day of the
week» to compare with — a finished week loaded today showed every figure as «+everything»
— so no small figure is shown, and the line under the tiles says why."""
from dataclasses import dataclass
from datetime import date, timedelta

from core import texts


@dataclass(frozen=True)
class Reference:
    created_before: str | None  # ISO day: entries created before it are «before»; None: none
    note: str  # the line under the tiles


def reference(start: date, end: date, today: date, day_label) -> Reference:
    """`today` is Hà Nội's day (core.timefmt.now_local); `day_label(iso)` names a day."""
    if today < start:
        return Reference(None, texts.DASH_KPI_NO_CHANGE_BEFORE.format(
            day=day_label(start.isoformat())))
    if today > end:
        return Reference(None, texts.DASH_KPI_NO_CHANGE_AFTER.format(
            day=day_label(end.isoformat())))
    yesterday = today - timedelta(days=1)
    return Reference(today.isoformat(), texts.DASH_KPI_DELTA_HELP.format(
        day=day_label(yesterday.isoformat())))
