"""Commendations: the rubric's inputs per unit (SQL), the event's weights, the committee's
decisions on units' nominations and its picks per category. Committee only, audited.

The scoring itself is pure (core/scoring.py); this module only gathers and stores.
"""
from core import reference as ref
from core import scoring, texts
from core.text import clean
from db import areas, audit, catalogue, idempotency, roster, sample_data, week_units
from db.stats import COUNTING
from db.access import Actor, NeedsConfirmation, ValidationFailed, require_role
from db.audit import AuditEvent, now_iso
from db.connection import write_transaction

MAX_RATIONALE = 2000
MAX_RECIPIENT = 200
# The entries that earn points are the entries every figure counts (db/stats.py COUNTING,
# DESIGN §4): not withdrawn, not needs-fix — reviewed or not (core/scoring.py explains).
# The name is historical (it once meant 'accepted only'); the queries below use it.
ACCEPTED = COUNTING


# --- rubric inputs ------------------------------------------------------------------------

def deadline(event: dict) -> str:
    """'On time' means before the reporting lock, or by the end of the last day of the week
    when no lock is set (ISO, to the minute, local time as stored)."""
    if event.get("lock_at"):
        return str(event["lock_at"])[:16]
    return f"{event['end_date']}T23:59"


def unit_inputs(db, event: dict) -> list[scoring.UnitInputs]:
    """One UnitInputs per unit of the week's roster, zeros included; a few GROUP BY queries, each a plain
    scan (`not indexed`): walking the (event_id, unit_id) index to group was ~10x slower
    at 100 000 activities (closing report, issue 14)."""
    event_id = event["id"]
    by_type: dict[int, dict] = {}
    for unit_id, type_code, count in db.execute(
            f"""select a.unit_id, a.type, count(*) from activities a not indexed
                where a.event_id = ? and {ACCEPTED.format(t='a')}
                group by a.unit_id, a.type""", [event_id]).fetchall():
        by_type.setdefault(unit_id, {})[type_code] = count
    activity = {row[0]: row[1:] for row in db.execute(
        f"""select a.unit_id, sum(a.participants),
                   sum(case when coalesce(trim(a.evidence_url), '') != ''
                            or exists (select 1 from photos ph where ph.activity_id = a.id)
                       then 1 else 0 end)
            from activities a not indexed where a.event_id = ? and {ACCEPTED.format(t='a')}
            group by a.unit_id""", [event_id]).fetchall()}
    propaganda = {row[0]: row[1:] for row in db.execute(
        f"""select p.unit_id, count(*), count(distinct p.channel)
            from propaganda p not indexed where p.event_id = ? and {ACCEPTED.format(t='p')}
            group by p.unit_id""", [event_id]).fetchall()}
    review = review_progress(db, event_id)
    on_time = {row[0] for row in db.execute(
        """select unit_id from report_submissions
           where event_id = ? and substr(submitted_at, 1, 16) <= ?""",
        [event_id, deadline(event)]).fetchall()}
    out = []
    area = areas.unit_area_sql("u", event_id)  # the unit's area in this event
    for unit in db.query(f"""select id, code, name, kind, tier, {area} as ward_code
                             from {week_units.table_sql(event_id)} u
                             where {roster.in_roster_sql('u', event_id)}
                             order by code"""):
        participants, with_evidence = activity.get(unit["id"], (0, 0))
        entries, channels = propaganda.get(unit["id"], (0, 0))
        out.append(scoring.UnitInputs(
            unit_id=unit["id"], code=unit["code"], name=unit["name"], kind=unit["kind"],
            tier=unit["tier"], ward_code=unit["ward_code"],
            activities_by_type=by_type.get(unit["id"], {}), participants=participants or 0,
            propaganda_entries=entries or 0, channels=channels or 0,
            activities_with_evidence=with_evidence or 0,
            submitted_on_time=unit["id"] in on_time,
            entries_total=review.get(unit["id"], (0, 0))[0],
            entries_reviewed=review.get(unit["id"], (0, 0))[1]))
    return out


def review_progress(db, event_id: int) -> dict[int, tuple[int, int]]:
    """{unit_id: (entries, reviewed)} over activities and propaganda not withdrawn;
    reviewed = accepted or needs-fix."""
    out: dict[int, tuple[int, int]] = {}
    for table in ("activities", "propaganda"):
        for unit_id, total, reviewed in db.execute(
                f"""select unit_id, count(*), sum(status != 'submitted') from {table}
                    where event_id = ? and deleted = 0 group by unit_id""", [event_id]):
            t, r = out.get(unit_id, (0, 0))
            out[unit_id] = (t + total, r + reviewed)
    return out


def unreviewed_entries(db, event_id: int, unit_id: int) -> tuple[int, int]:
    """(activities, propaganda entries) of the unit still waiting for review."""
    return tuple(db.execute(
        f"select count(*) from {table} where event_id = ? and unit_id = ? and deleted = 0 "
        f"and status = 'submitted'", [event_id, unit_id]).fetchone()[0]
        for table in ("activities", "propaganda"))


def type_groups(db, event_id: int) -> dict[str, str]:
    """{code: group} of the types weighed for an event: the plan's, with the week's own
    (db/catalogue) over them, so a type the week added has a weight too."""
    return {**ref.TYPE_GROUPS, **catalogue.catalogue_for(db, event_id).type_groups}


def get_weights(db, event_id: int) -> dict:
    row = db.execute("select scoring_weights from events where id = ?", [event_id]).fetchone()
    return scoring.weights_from_json(row[0] if row else None, type_groups(db, event_id))


def save_weights(db, actor: Actor, event_id: int, weights: dict | None) -> dict:
    """Store the event's weights (None = back to the defaults). Returns what was stored."""
    require_role(actor, "committee")
    groups = type_groups(db, event_id)
    weights = scoring.default_weights(groups) if weights is None else weights
    errors = scoring.weights_errors(weights, groups)
    if errors:
        raise ValidationFailed(errors)
    stored = scoring.weights_to_json(weights)
    with write_transaction(db):
        before = _event_field(db, event_id, "scoring_weights")
        db["events"].update(event_id, {"scoring_weights": stored})
        audit.record(db, actor, AuditEvent("update", "events", event_id,
                                           before={"scoring_weights": before},
                                           after={"scoring_weights": stored}))
    return scoring.weights_from_json(stored, groups)


def ranking(db, event: dict) -> dict[str, list[scoring.UnitScore]]:
    """{group: scores best first} with the event's weights."""
    return scoring.rank_all(unit_inputs(db, event), get_weights(db, event["id"]))


def _event_field(db, event_id, column):
    row = db.execute(f"select {column} from events where id = ?", [event_id]).fetchone()
    if row is None:
        raise ValueError(f"unknown event {event_id}")
    return row[0]


# --- nominations from units ---------------------------------------------------------------

def list_nominations(db, event_id: int, status: str | None = None) -> list[dict]:
    """Units' nominations (withdrawn ones left out), newest first."""
    sql = f"""select n.*, u.name as unit_name, u.code as unit_code, w.name as ward_name,
                    d.username as decided_by_name
             from nominations n join {week_units.table_sql(event_id)} u on u.id = n.unit_id
             left join event_areas w on w.event_id = n.event_id and w.code = n.ward_code
             left join users d on d.id = n.decided_by
             where n.event_id = ? and n.deleted = 0"""
    params: list = [event_id]
    if status:
        sql += " and n.status = ?"
        params.append(status)
    return list(db.query(sql + " order by n.id desc", params))


def get_nomination(db, nomination_id: int) -> dict | None:
    rows = list(db.query("select * from nominations where id = ? and deleted = 0",
                         [nomination_id]))
    return rows[0] if rows else None


def decide_nomination(db, actor: Actor, nomination_id: int, decision: str) -> None:
    """Approve or decline a unit's nomination (a decision may be changed later; each change
    is audited)."""
    require_role(actor, "committee")
    if decision not in ("approved", "declined"):
        raise ValidationFailed({"decision": texts.COMMEND_DECISION_INVALID})
    with write_transaction(db):
        before = get_nomination(db, nomination_id)
        if before is None:
            raise ValidationFailed({"nomination": texts.COMMEND_NOMINATION_UNKNOWN})
        # a unit retired from the week keeps its nominations (db/roster.py): one it made
        # before it left is still decided, so the week's list can be closed
        sample_data.require_real_access(db, actor, [before["unit_id"]])
        db["nominations"].update(nomination_id, {"status": decision,
                                                 "decided_by": actor.user_id,
                                                 "decided_at": now_iso()})
        audit.record(db, actor, AuditEvent("decide", "nominations", nomination_id,
                                           before=before,
                                           after=get_nomination(db, nomination_id)))


# --- the committee's picks ----------------------------------------------------------------

def list_commendations(db, event_id: int) -> list[dict]:
    """Picks in category order, then rank, then name."""
    order = " ".join(f"when '{code}' then {i}" for i, code in
                     enumerate(ref.CATEGORY_NAMES))
    return list(db.query(
        f"""select c.*, u.name as unit_name, u.code as unit_code
            from commendations c
            left join {week_units.table_sql(event_id)} u on u.id = c.recipient_unit_id
            where c.event_id = ?
            order by case c.category {order} else 99 end, coalesce(c.rank, 999),
                     c.recipient_name, c.id""", [event_id]))


def get_commendation(db, commendation_id: int) -> dict | None:
    rows = list(db.query("select * from commendations where id = ?", [commendation_id]))
    return rows[0] if rows else None


def add_commendation(db, actor: Actor, event_id: int, fields: dict,
                     token: str | None = None, confirm_no_entries: bool = False) -> int:
    """fields: category, recipient_name (or recipient_unit_id), rationale, optional
    nomination_id, score, rank. A decision taken from a nomination is about the nomination's
    unit: it is attached when no unit is named, and a different unit is refused. Commending
    a unit with nothing counted in the week asks for `confirm_no_entries` (NeedsConfirmation).
    A double-submitted form (same token) saves once."""
    require_role(actor, "committee")
    with write_transaction(db):
        if (saved := idempotency.already_saved(db, token)) is not None:
            return saved
        record = _commendation_record(db, event_id, fields)
        touched = [record["recipient_unit_id"]] if record["recipient_unit_id"] else []
        sample_data.require_real_access(db, actor, touched)
        if not confirm_no_entries:
            _ask_when_nothing_counted(db, event_id, record)
        record.update(event_id=event_id, created_by=actor.user_id, created_at=now_iso())
        row_id = db["commendations"].insert(record).last_pk
        idempotency.remember(db, token, "commendations", row_id)
        audit.record(db, actor, AuditEvent("create", "commendations", row_id, after=record))
        return row_id


def remove_commendation(db, actor: Actor, commendation_id: int) -> None:
    require_role(actor, "committee")
    with write_transaction(db):
        before = get_commendation(db, commendation_id)
        if before is None:
            raise ValidationFailed({"commendation": texts.COMMEND_UNKNOWN})
        db.execute("delete from commendations where id = ?", [commendation_id])
        audit.record(db, actor, AuditEvent("delete", "commendations", commendation_id,
                                           before=before))


GOOD_ORGANISER = "to_chuc_tot"


def _ask_when_nothing_counted(db, event_id: int, record: dict) -> None:
    """A decision about a unit itself (its name as the recipient, or a unit's nomination)
    whose unit has no counting entry in the week: ask before saving (issue 20)."""
    unit_id = record["recipient_unit_id"]
    if unit_id is None or _counted_entries(db, event_id, unit_id):
        return
    name = _unit_name(db, event_id, unit_id)
    nomination = get_nomination(db, record["nomination_id"]) if record["nomination_id"] \
        else None
    if (nomination and nomination["nominee_kind"] == "unit") or record["recipient_name"] == name:
        raise NeedsConfirmation({"confirm_no_entries": texts.COMMEND_CONFIRM_NO_ENTRIES.format(
            name=name)})


def _counted_entries(db, event_id: int, unit_id: int) -> int:
    """Activities and propaganda of the unit that count in the figures (DESIGN §4)."""
    return sum(db.execute(
        f"select count(*) from {table} where event_id = ? and unit_id = ? and deleted = 0 "
        "and status != 'needs_fix'", [event_id, unit_id]).fetchone()[0]
        for table in ("activities", "propaganda"))


def _not_in_week(db, event_id: int, unit_id: int) -> str:
    try:
        roster.require_member(db, event_id, unit_id)
    except ValidationFailed as failure:
        return failure.errors["unit"]
    return ""


def _unit_name(db, event_id: int, unit_id) -> str | None:
    """The unit's name in that week (db/week_units.py)."""
    unit = week_units.get(db, event_id, unit_id)
    return unit["name"] if unit else None


def _nomination_of(db, event_id: int, nomination_id, errors: dict) -> dict | None:
    """The approved nomination a decision is taken from (None, with an error, otherwise)."""
    nomination = get_nomination(db, nomination_id)
    if nomination is None or nomination["event_id"] != event_id:
        errors["nomination_id"] = texts.COMMEND_NOMINATION_UNKNOWN
    elif nomination["status"] != "approved":
        errors["nomination_id"] = texts.COMMEND_NOMINATION_NOT_APPROVED
    else:
        return nomination
    return None


def _unit_problem(db, event_id: int, unit, nomination: dict | None,
                  category: str) -> str | None:
    """Why the decision cannot name this unit (None when it can)."""
    if unit is None:
        return texts.COMMEND_UNIT_UNKNOWN
    unit_id, name = unit
    if not roster.member(db, event_id, unit_id):  # retired from this week
        return _not_in_week(db, event_id, unit_id)
    if nomination and unit_id != nomination["unit_id"]:
        # Bảng 9 would print the nominee under a unit that did not nominate them
        return texts.COMMEND_UNIT_NOT_NOMINATIONS.format(
            unit=name, nominee=nomination["nominee_name"],
            nominating=_unit_name(db, event_id, nomination["unit_id"]))
    # a person's nomination names the unit only as where the person works: the checks on
    # the unit's own figures are for decisions about the unit itself
    about_unit = nomination is None or nomination["nominee_kind"] == "unit" \
        or category == GOOD_ORGANISER
    if about_unit and any(waiting := unreviewed_entries(db, event_id, unit_id)):
        # a commendation rests on reviewed figures: every entry decided first
        return texts.COMMEND_UNIT_UNREVIEWED.format(
            name=name, activities=waiting[0], propaganda=waiting[1])
    if category == GOOD_ORGANISER and not _counted_entries(db, event_id, unit_id):
        # "organised activities well" with nothing counted would print an empty claim
        return texts.COMMEND_UNIT_NO_ENTRIES.format(name=name)
    return None


def _commendation_record(db, event_id: int, fields: dict) -> dict:
    errors = {}
    category = clean(fields.get("category"))
    if category not in ref.CATEGORY_NAMES:
        errors["category"] = texts.COMMEND_CATEGORY_INVALID
    nomination_id = fields.get("nomination_id") or None
    nomination = None
    if nomination_id is not None:
        nomination = _nomination_of(db, event_id, nomination_id, errors)
    unit_id = fields.get("recipient_unit_id") or None
    if nomination and unit_id is None:
        unit_id = nomination["unit_id"]  # the nominee belongs to the unit that nominated
    unit = None
    if unit_id is not None:
        unit = db.execute(f"select id, name from {week_units.table_sql(event_id)} u "
                          "where id = ?", [unit_id]).fetchone()
        if problem := _unit_problem(db, event_id, unit, nomination, category):
            errors["recipient_unit_id"] = problem
    name = clean(fields.get("recipient_name"))
    if not name and nomination:
        name = nomination["nominee_name"]
    if not name and unit:
        name = unit[1]
    if not name:
        errors["recipient_name"] = texts.COMMEND_RECIPIENT_REQUIRED
    elif len(name) > MAX_RECIPIENT:
        errors["recipient_name"] = texts.COMMEND_RECIPIENT_TOO_LONG.format(max=MAX_RECIPIENT)
    rationale = clean(fields.get("rationale"))
    if not rationale:
        errors["rationale"] = texts.COMMEND_RATIONALE_REQUIRED
    elif len(rationale) > MAX_RATIONALE:
        errors["rationale"] = texts.COMMEND_RATIONALE_TOO_LONG.format(max=MAX_RATIONALE)
    if errors:
        raise ValidationFailed(errors)
    score = fields.get("score")
    rank = fields.get("rank")
    return {"category": category, "recipient_name": name, "recipient_unit_id": unit_id,
            "nomination_id": nomination_id, "rationale": rationale,
            "score": None if score is None else float(score),
            "rank": None if rank is None else int(rank)}


# --- the committee's assessment (printed in the closing report) ---------------------------

MAX_ASSESSMENT = 20_000


def save_assessment(db, actor: Actor, event_id: int, text: str) -> None:
    require_role(actor, "committee")
    value = clean(text)
    if len(value) > MAX_ASSESSMENT:
        raise ValidationFailed({"assessment": texts.REPORT_ASSESSMENT_TOO_LONG.format(
            max=MAX_ASSESSMENT)})
    with write_transaction(db):
        before = _event_field(db, event_id, "assessment")
        db["events"].update(event_id, {"assessment": value})
        audit.record(db, actor, AuditEvent("update", "events", event_id,
                                           before={"assessment": before},
                                           after={"assessment": value}))
