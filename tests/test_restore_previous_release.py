"""A backup made by the previous release (session 2, commit 5b380c9: no organiser profile,
areas or catalogue per event) restores into today's schema and keeps every figure.

tests/previous_release/backup_prev_release.db: `manage.py demo --units 12 --activities 40 --seed 3`,
then "start next year" (2021), then `manage.py backup`, all with the previous release;
backup_prev_release.stats2020.json is that release's `stats --json --year 2020`."""
import json
from pathlib import Path

import pytest

from db import backup, connect, events, stats
from db.organiser import organiser_for
from db.areas import areas_for
from db.setup import prepare

DATA = Path(__file__).parent / "previous_release"


@pytest.fixture
def restored(tmp_path):
    live = tmp_path / "live.db"
    prepare(live).conn.close()
    backup.restore(live, DATA / "backup_prev_release.db")
    return connect(live)


def test_every_2020_figure_of_the_previous_release_survives_the_restore(restored):
    before = json.loads((DATA / "backup_prev_release.stats2020.json").read_text())
    after = stats.summary(restored, events.get(restored, 2020)["id"])
    after = json.loads(json.dumps(after, ensure_ascii=False, default=str))
    assert _kept(before, after)  # a newer release may add keys, never change a value


def _kept(old, new) -> bool:
    """Every key and value of `old` is in `new` (dicts compared key by key, lists item by
    item), so keys a later release adds (e.g. a type's "name") are allowed."""
    if isinstance(old, dict):
        return isinstance(new, dict) and all(k in new and _kept(v, new[k])
                                             for k, v in old.items())
    if isinstance(old, list):
        return isinstance(new, list) and len(old) == len(new) and all(
            _kept(a, b) for a, b in zip(old, new))
    return old == new


@pytest.mark.parametrize("year", [2020, 2021])
def test_both_weeks_keep_ba_dinhs_profile_and_its_14_wards(restored, year):
    event = events.get(restored, year)
    organiser = organiser_for(restored, event["id"])
    assert organiser.name == "UBND quận Ba Đình"
    assert organiser.place == "Ba Đình" and organiser.area_word == "phường"
    assert organiser.recipients[0] == "Sở GDĐT Hà Nội"
    assert len(areas_for(restored, event["id"])) == 14


@pytest.mark.parametrize("year", [2020, 2021])
def test_both_weeks_get_the_plans_catalogue(restored, year):
    from core import reference as ref
    from db import catalogue

    event_id = events.get(restored, year)["id"]
    assert [t["code"] for t in catalogue.types_for(restored, event_id)] == \
        [c for c, _g, _n in ref.ACTIVITY_TYPES]
    assert [c["code"] for c in catalogue.channels_for(restored, event_id)] == \
        [c for c, _n, _m in ref.CHANNELS]
