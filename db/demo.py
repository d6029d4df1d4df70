"""A simulated week (`manage.py demo`): deterministic for a seed, clearly marked sample data.

Sample data lives apart: the demo creates its own sample units (`units` schools plus one
People's Committee and one community learning centre per ward, all `is_sample = 1`, names
starting with "[Mẫu]") and writes entries, learning models, nominations and submissions
ONLY into them, and accounts only for them (`is_sample = 1`). No real unit, entry or
figure changes; `db.sample_data.remove` (manage.py demo --remove) deletes it all again.
When the database already holds real entries the caller must say so (`with_real=True`,
the CLI's --yes) after reading `plan()`.

The system acts here, so rows are bulk-inserted directly (executemany in one BEGIN
IMMEDIATE transaction — 100 000 activities take seconds) with one audit row for the whole
load. Every row respects the schema's checks.
"""
import json
import random
import secrets
from dataclasses import dataclass, field

from core import reference as ref
from core import texts
from db import areas, audit, catalogue, events, sample_data, users
from db import roster as week_roster
from db.access import Actor, require_role
from db.audit import AuditEvent, now_iso
from db.connection import write_transaction

SCHOOL_NAMES = ["Hoa Sen", "Hoa Mai", "Họa Mi", "Sao Mai", "Ánh Dương", "Bình Minh",
                "Phan Chu Trinh", "Nguyễn Trãi", "Lê Quý Đôn", "Chu Văn An", "Thăng Long",
                "Hoàng Hoa Thám", "Nguyễn Du", "Ba Đình", "Kim Đồng", "Tô Hiến Thành",
                "Mạc Đĩnh Chi", "Ngọc Khánh", "Thành Công", "Vạn Phúc"]
TIER_PREFIX = {"mam_non": "MN", "tieu_hoc": "TH", "thcs": "THCS", "thpt": "THPT"}
TITLE_WORDS = {
    "online_learning": "Tiết học trực tuyến", "library": "Ngày hội đọc sách",
    "oer": "Chia sẻ bài giảng điện tử", "internet_skills": "Tập huấn an toàn trên Internet",
    "online_forum": "Diễn đàn trực tuyến", "contest": "Cuộc thi công dân học tập",
    "learning_model": "Tôn vinh gia đình học tập", "literacy": "Lớp xóa mù chữ",
    "study_promotion": "Trao học bổng khuyến học", "sports": "Giải thể thao",
    "arts": "Liên hoan văn nghệ", "thematic": "Chuyên đề học tập suốt đời",
    "club": "Sinh hoạt câu lạc bộ", "opening_ceremony": "Lễ khai mạc Tuần lễ",
    "closing_ceremony": "Lễ bế mạc Tuần lễ"}
# relative frequency of activity types (ceremonies are rare)
TYPE_WEIGHTS = {"online_learning": 10, "library": 12, "oer": 6, "internet_skills": 5,
                "online_forum": 4, "contest": 6, "learning_model": 4, "literacy": 1,
                "study_promotion": 6, "sports": 8, "arts": 8, "thematic": 7, "club": 6,
                "opening_ceremony": 1, "closing_ceremony": 1}
CHANNEL_WEIGHTS = {"banner": 10, "mobile_convoy": 2, "portal": 6, "facebook": 10, "zalo": 8,
                   "viber": 2, "ward_radio": 5, "city_radio_tv": 1, "press": 1, "column": 1}
REPORTING_SHARE = 0.88  # the others have not reported yet: something for Tiến độ to chase


class DemoAlreadyLoaded(Exception):
    pass


class RealDataPresent(Exception):
    """The database holds real entries: the caller must confirm (CLI: --yes)."""

# one sample People's Committee and one sample learning centre per ward
WARD_UNIT_KINDS = (("ward_committee", "UBND", "UBND phường"),
                   ("community_learning_center", "TTHTCD", "Trung tâm HTCĐ phường"))
PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/l/I
PASSWORD_LENGTH = 14


@dataclass
class DemoResult:
    units: int = 0
    activities: int = 0
    propaganda: int = 0
    nominations: int = 0
    accounts: list[tuple[str, str, str]] = field(default_factory=list)  # username, role, pw


def plan(db, *, units: int = 60, activities: int = 600) -> str:
    """What `load` will add and what it leaves alone, in Vietnamese (asked before --yes)."""
    real = sample_data.real_entries(db)
    return texts.DEMO_PLAN.format(
        activities_real=real["activities"], propaganda_real=real["propaganda"],
        schools=units, ward_units=len(WARD_UNIT_KINDS) * len(ref.WARDS),
        activities=activities, propaganda=max(1, activities // 4) if activities else 0)


def load(db, actor: Actor, *, units: int = 60, activities: int = 600, seed: int = 2020,
         year: int | None = None, accounts: bool = True, with_real: bool = False
         ) -> DemoResult:
    """Add `units` sample schools and the sample ward units, and a simulated week of
    `activities` activities (plus propaganda, learning models, nominations, submissions)
    written only into those sample units, to the event of `year`. Refuses
    (RealDataPresent) when real entries exist, unless `with_real`."""
    require_role(actor, "admin")
    if units < 0 or activities < 0:
        raise ValueError("units and activities must be >= 0")
    event = events.get(db, year)
    if event is None:
        raise ValueError(texts.DEMO_NO_WEEK.format(year=year if year is not None else "–"))
    rng = random.Random(seed)
    days = events.week_days(event)
    result = DemoResult()
    with write_transaction(db):
        if db.execute("select 1 from units where is_sample = 1 limit 1").fetchone():
            raise DemoAlreadyLoaded(texts.DEMO_ALREADY_LOADED)
        if not with_real and any(sample_data.real_entries(db).values()):
            raise RealDataPresent(plan(db, units=units, activities=activities))
        # the sample units sit in the week's areas (2020: the 14 wards, in code order)
        area_list = [(a["code"], a["name"]) for a in areas.areas_for(db, event["id"])]
        if not area_list:  # a new organiser's empty week: the sample units need areas
            raise ValueError(texts.DEMO_NEEDS_AREAS.format(year=event["year"]))
        result.units = (_insert_schools(db, rng, units, area_list)
                        + _insert_ward_units(db, rng, area_list))
        # the sample units take part in the demo's week only (db/roster.py)
        db.execute("delete from event_units where unit_id in "
                   "(select id from units where is_sample = 1)")
        db.execute("insert into event_units (event_id, unit_id) "
                   "select ?, id from units where is_sample = 1", [event["id"]])
        week_roster.sync_active(db)
        # the roster is the sample units only: nothing is written into a real unit
        roster = db.execute("select id, kind, ward_code from units where is_sample = 1 "
                            "order by id").fetchall()
        reporting = [u for u in roster if rng.random() < REPORTING_SHARE]
        result.activities = _insert_activities(db, rng, event, days, reporting, activities)
        result.propaganda = _insert_propaganda(db, rng, event, days, reporting,
                                               max(1, activities // 4) if activities else 0)
        _insert_learning_models(db, rng, event, roster)
        result.nominations = _insert_nominations(db, rng, event, reporting)
        _insert_submissions(db, rng, event, days, reporting)
        audit.record(db, actor, AuditEvent("demo", None, None, detail={
            "seed": seed, "year": event["year"], "units": result.units,
            "activities": result.activities, "propaganda": result.propaganda}))
    if accounts:
        result.accounts = _create_accounts(db, actor)
    return result


def _insert_schools(db, rng, count, area_list) -> int:
    created = now_iso()
    rows = []
    for i in range(count):
        tier_code, tier_name = ref.TIERS[i % 4]
        ward_code, ward_name = area_list[(i // 4) % len(area_list)]
        name = SCHOOL_NAMES[rng.randrange(len(SCHOOL_NAMES))]
        code = f"MAU-{TIER_PREFIX[tier_code]}-{i + 1:04d}"
        rows.append((code, f"{texts.DEMO_SAMPLE_PREFIX}Trường {tier_name} {name} "
                           f"({ward_name}) số {i + 1}",
                     "school", tier_code, ward_code, f"{code.lower()}@example.edu.vn",
                     f"024 38{rng.randrange(100000, 999999)}", 1, 1, created))
    db.conn.executemany(
        "insert into units (code, name, kind, tier, ward_code, email, phone, active, "
        "is_sample, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    return len(rows)


def _insert_ward_units(db, rng, area_list) -> int:
    created = now_iso()
    rows = []
    for kind, prefix, label in WARD_UNIT_KINDS:
        for ward_code, ward_name in area_list:
            code = f"MAU-{prefix}-{ward_code}"
            rows.append((code, f"{texts.DEMO_SAMPLE_PREFIX}{label} {ward_name}", kind, None,
                         ward_code, f"{code.lower()}@example.gov.vn",
                         f"024 37{rng.randrange(100000, 999999)}", 1, 1, created))
    db.conn.executemany(
        "insert into units (code, name, kind, tier, ward_code, email, phone, active, "
        "is_sample, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    return len(rows)


def _owners(rng, reporting, count):
    """Every reporting unit gets one entry first (when there are enough), then random."""
    if not reporting:
        return []
    first = list(reporting[:count])
    return first + [reporting[rng.randrange(len(reporting))] for _ in range(count - len(first))]


def _place(rng, unit_ward, codes):
    # most activities are held in the unit's own ward; district units go anywhere
    if unit_ward and rng.random() < 0.9:
        return unit_ward
    return codes[rng.randrange(len(codes))]


def _status(rng):
    roll = rng.random()
    return "needs_fix" if roll < 0.04 else "accepted" if roll < 0.20 else "submitted"


def _weights(plan: dict, week: dict) -> list[tuple[str, int]]:
    """(code, weight) of the week's catalogue: the plan's weights for its codes (in the plan's
    order, so a 2020 demo draws exactly as before), then 3 for each code the week added."""
    return [(c, w) for c, w in plan.items() if c in week] + \
        [(c, 3) for c in week if c not in plan]


def _insert_activities(db, rng, event, days, reporting, count) -> int:
    week = {t["code"]: t["name"] for t in catalogue.types_for(db, event["id"])}
    types, weights = zip(*_weights(TYPE_WEIGHTS, week))
    codes = [a["code"] for a in areas.areas_for(db, event["id"])]
    audiences = [code for code, _n in ref.AUDIENCES]
    rows = []
    for unit_id, _kind, ward in _owners(rng, reporting, count):
        kind = rng.choices(types, weights)[0]
        start = rng.randrange(len(days))
        end = min(len(days) - 1, start + (1 if rng.random() < 0.15 else 0))
        fmt = rng.choices(["truc_tiep", "truc_tuyen", "ket_hop"], [6, 2, 2])[0]
        participants = int(rng.lognormvariate(4.0, 0.9)) + 5
        online = 0 if fmt == "truc_tiep" else participants if fmt == "truc_tuyen" else \
            rng.randrange(participants + 1)
        status = _status(rng)
        rows.append((event["id"], unit_id, _place(rng, ward, codes), kind,
                     TITLE_WORDS.get(kind, week[kind]),
                     days[start], days[end], fmt, participants, online,
                     json.dumps(rng.sample(audiences, rng.randint(1, 3))), status,
                     "Số liệu mẫu: cần bổ sung ảnh minh chứng." if status == "needs_fix"
                     else None, 1 if rng.random() < 0.02 else 0, texts.DEMO_CREATED_BY,
                     f"{days[start]}T{rng.randrange(7, 21):02d}:{rng.randrange(60):02d}:00"
                     "+07:00"))
    db.conn.executemany(
        "insert into activities (event_id, unit_id, ward_code, type, title, start_date, "
        "end_date, format, participants, online_participants, audiences, status, "
        "review_comment, deleted, created_by_name, created_at) "
        "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    return len(rows)


def _insert_propaganda(db, rng, event, days, reporting, count) -> int:
    week = {c["code"]: c["name"] for c in catalogue.channels_for(db, event["id"])}
    channels, weights = zip(*_weights(CHANNEL_WEIGHTS, week))
    codes = [a["code"] for a in areas.areas_for(db, event["id"])]
    rows = []
    for unit_id, _kind, ward in _owners(rng, reporting[::-1], count):
        channel = rng.choices(channels, weights)[0]
        day = days[rng.randrange(len(days))]
        rows.append((event["id"], unit_id, _place(rng, ward, codes), channel,
                     rng.randint(1, 12 if channel == "banner" else 5), day,
                     json.dumps(sorted(rng.sample(range(1, 9), rng.randint(1, 3)))),
                     f"{texts.DEMO_SAMPLE_PREFIX}{week[channel]}", _status(rng),
                     texts.DEMO_CREATED_BY,
                     f"{day}T{rng.randrange(7, 21):02d}:{rng.randrange(60):02d}:00+07:00"))
    db.conn.executemany(
        "insert into propaganda (event_id, unit_id, ward_code, channel, quantity, date, "
        "slogans, note, status, created_by_name, created_at) "
        "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    return len(rows)


def _in_week(event) -> str:
    """A time inside the sample week: a 2020 week's nominations are not dated 2026."""
    return f"{event['end_date']}T16:00:00+07:00"


def _insert_learning_models(db, rng, event, roster):
    rows = []
    for unit_id, kind, ward in roster:
        if kind != "community_learning_center":
            continue
        for model, _name in ref.LEARNING_MODELS:
            registered = rng.randint(5, 120)
            rows.append((event["id"], unit_id, ward, model, registered,
                         rng.randint(0, registered), _in_week(event)))
    db.conn.executemany(
        "insert or ignore into learning_model_counts (event_id, unit_id, ward_code, model, "
        "registered, recognised, updated_at) values (?, ?, ?, ?, ?, ?, ?)", rows)


def _insert_nominations(db, rng, event, reporting) -> int:
    people = ["Nguyễn Thị Lan", "Trần Văn Hùng", "Lê Minh Anh", "Phạm Thu Hà",
              "Hoàng Đức Thắng", "Vũ Thị Hồng", "Đặng Quốc Bảo", "Bùi Thanh Tâm"]
    categories = [c for c, _n in ref.COMMENDATION_CATEGORIES]
    rows = []
    for unit_id, _kind, ward in reporting[: max(1, len(reporting) // 5)]:
        category = categories[rng.randrange(4)]
        kind = "unit" if category == "to_chuc_tot" else "person"
        name = texts.DEMO_SAMPLE_UNIT_NOMINEE if kind == "unit" else \
            texts.DEMO_SAMPLE_PREFIX + people[rng.randrange(len(people))]
        rows.append((event["id"], unit_id, kind, name, category, ward,
                     texts.DEMO_ACHIEVEMENT, _in_week(event)))
    db.conn.executemany(
        "insert into nominations (event_id, unit_id, nominee_kind, nominee_name, category, "
        "ward_code, achievement, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)", rows)
    return len(rows)


def _insert_submissions(db, rng, event, days, reporting):
    rows = [(event["id"], unit_id, f"{days[-1]}T17:00:00+07:00")
            for unit_id, _k, _w in reporting if rng.random() < 0.5]
    db.conn.executemany("insert or ignore into report_submissions (event_id, unit_id, "
                        "submitted_at) values (?, ?, ?)", rows)


def _create_accounts(db, actor) -> list[tuple[str, str, str]]:
    """One sample committee account and a unit account for three sample schools; the
    passwords are random (letters and digits that cannot be mistaken for one another, no
    prefix, no space) and returned once (printed by the CLI), never stored in clear."""
    wanted = [("mau.bcd", "committee", None)]
    for code in db.execute("select code from units where is_sample = 1 order by id limit 3"
                           ).fetchall():
        wanted.append((code[0].lower().replace("mau-", "mau."), "unit", code[0]))
    created = []
    for username, role, unit_code in wanted:
        if users.get(db, username):
            continue
        password = "".join(secrets.choice(PASSWORD_ALPHABET)
                           for _ in range(PASSWORD_LENGTH))
        user_id = users.create_user(db, actor, username=username,
                                    name=f"{texts.DEMO_SAMPLE_PREFIX}{username}", role=role,
                                    password=password, unit_code=unit_code, is_sample=True)
        if user_id:
            created.append((username, role, password))
    return created
