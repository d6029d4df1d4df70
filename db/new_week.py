"""Starting a week (`manage.py new-week`, the admin's «Năm sau»): a new event for a year,
copied from an earlier week or empty. The earlier week is only read, so none of its
figures can change.

- copied (default: from the newest week; `from_year` names another): the settings and
  texts with the year written in them moved to the new year, the organiser profile, the
  slogans, the targets, the catalogue (db/catalogue.copy_to), the areas and each unit's
  area (db/areas.copy_to) and the roster (db/roster.copy_to); the dates moved to the same
  weekdays of the new year (core/week_dates); no plan number, no lock, no committee
  texts or decisions, an empty draft budget;
- empty: the plan's catalogue only (the registry, seeded by the events trigger), no
  roster, areas, slogans or targets, a blank profile at the ward level; the dates of the
  plan's week moved to the new year.
"""
from core import event_rules as rules
from core import reference as ref
from core import texts, week_dates
from db import areas, audit, catalogue, events, roster, week_units
from db.access import Actor, ValidationFailed, require_role
from db.audit import AuditEvent, now_iso
from db.connection import write_transaction

# what a new week never inherits: its own plan, lock, and the committee's closing work
NOT_COPIED = ("id", "assessment", "lock_at", "plan_number", "plan_date", "report_date",
              "assess_strengths", "assess_weaknesses", "assess_proposals",
              "next_directions", "commendations_decided_at", "commendations_decided_by",
              "created_at")
# an empty week's profile: the organiser fills it in (manage.py settings set …)
EMPTY_PROFILE = {"organiser_name": "", "organiser_level": "xa", "level_word": "",
                 "area_word": "", "place_name": "", "recipients": "",
                 "committee_symbol": "BCĐXHHT", "issuer_line1": "", "issuer_line2": "",
                 "signer_for": "", "signer_title": "", "signer_name": "",
                 "report_email": None, "opening_place": None, "theme": "",
                 "report_place": None, "office_head_name": None}


def create(db, actor: Actor, year: int, *, from_year: int | None = None,
           empty: bool = False) -> dict:
    """Create the week of `year`. Returns {event_id, year, source (year or None), dates
    {field: (old, new)}, units, areas, types, channels, slogans, targets}. Refused
    (ValidationFailed, Vietnamese, nothing written) when `year` exists, when `from_year`
    does not, or when both `from_year` and `empty` are given."""
    require_role(actor, "admin")
    if empty and from_year is not None:
        raise ValidationFailed({"from": texts.NEWWEEK_FROM_AND_EMPTY})
    with write_transaction(db):
        if events.get(db, year):
            raise ValidationFailed({"year": texts.EVT_YEAR_TAKEN.format(year=year)})
        if empty:
            return _create_empty(db, actor, year)
        source = events.get(db, from_year)
        if source is None:
            raise ValidationFailed({"from": texts.NEWWEEK_FROM_MISSING.format(year=from_year)
                                    if from_year is not None else texts.NEWWEEK_NO_SOURCE})
        return _create_copy(db, actor, year, source)


def _insert_event(db, row: dict) -> int:
    return db["events"].insert(row).last_pk


def _create_copy(db, actor: Actor, year: int, source: dict) -> dict:
    dates = week_dates.moved_dates(source, year)
    new = {k: v for k, v in source.items() if k not in NOT_COPIED}
    new.update(rules.year_in_texts(source, source["year"], year))
    new.update({name: moved for name, (_old, moved) in dates.items()},
               year=year, title=rules.next_year_title(source["title"], source["year"], year),
               created_at=now_iso())
    event_id = _insert_event(db, new)
    slogans = events.slogans(db, source["id"])
    db["slogans"].insert_all({"event_id": event_id, "number": s["number"], "text": s["text"]}
                             for s in slogans)
    targets = [{k: t[k] for k in ("unit_kind", "tier", "metric", "minimum", "label")}
               for t in events.targets(db, source["id"])]
    db["targets"].insert_all(dict(t, event_id=event_id) for t in targets)
    db["budgets"].insert({"event_id": event_id, "status": "draft", "notes": ""}, ignore=True)
    copied = catalogue.copy_to(db, source["id"], event_id)
    n_areas = areas.copy_to(db, source["id"], event_id)
    n_units = roster.copy_to(db, source["id"], event_id)
    week_units.copy_to(db, source["id"], event_id)  # names, kinds, tiers as there
    result = {"event_id": event_id, "year": year, "source": source["year"], "dates": dates,
              "units": n_units, "areas": n_areas, "slogans": len(slogans),
              "targets": len(targets), **copied}
    _audit(db, actor, event_id, result)
    return result


def _create_empty(db, actor: Actor, year: int) -> dict:
    dates = week_dates.moved_dates(ref.EVENT_2020, year)
    new = {k: v for k, v in ref.EVENT_2020.items() if k not in NOT_COPIED}
    new.update(EMPTY_PROFILE)
    new.update(_listed_identity(db))
    new.update({name: moved for name, (_old, moved) in dates.items()}, year=year,
               title=rules.next_year_title(ref.EVENT_2020["title"], 2020, year),
               created_at=now_iso())
    event_id = _insert_event(db, new)  # the events trigger seeds the plan's catalogue
    db["budgets"].insert({"event_id": event_id, "status": "draft", "notes": ""}, ignore=True)
    roster.sync_active(db)  # the newest week has no unit yet
    result = {"event_id": event_id, "year": year, "source": None, "dates": dates,
              "units": 0, "areas": 0, "slogans": 0, "targets": 0,
              "types": len(catalogue.types_for(db, event_id)),
              "channels": len(catalogue.channels_for(db, event_id))}
    _audit(db, actor, event_id, result)
    return result


def _listed_identity(db) -> dict:
    """An organiser listed in the installation's directory (issue 24) starts its first
    week with the name and level it was listed under; the rest of the profile is its
    admin's to fill in."""
    from db import directory
    from db.settings import database_file

    record = directory.record_of_file(database_file(db))
    if record is None:
        return {}
    from core.organiser import listed_profile

    return listed_profile(record.name, record.level)


def _audit(db, actor: Actor, event_id: int, result: dict) -> None:
    detail = {k: v for k, v in result.items() if k not in ("event_id", "dates")}
    detail["copied_from_year"] = result["source"]
    audit.record(db, actor, AuditEvent("create", "events", event_id,
                                       after=events.get_by_id(db, event_id), detail=detail))


def date_lines(result: dict) -> list[str]:
    """The moved dates, one line each, for the command and the page to print."""
    return [texts.NEWWEEK_DATE_LINE.format(label=texts.NEWWEEK_LABELS.get(name, name),
                                           old=old or "—", new=new or "—")
            for name, (old, new) in result["dates"].items()]
