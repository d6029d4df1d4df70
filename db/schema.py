"""Versioned schema: sqlite-utils Migrations, applied once at start (db.setup.prepare).

Add a new @migrations() step for every change; never edit an applied one.
"""
from sqlite_utils.migrations import Migrations

migrations = Migrations("llw")

INITIAL_SCHEMA = """
create table events (
    id integer primary key,
    year integer not null unique check (year between 2000 and 2100),
    title text not null,
    theme text not null default '',
    start_date text not null,
    end_date text not null,
    opening_time text,
    opening_place text,
    plan_number text,
    plan_date text,
    issuer_line1 text not null default '',
    issuer_line2 text not null default '',
    signer_for text not null default '',
    signer_title text not null default '',
    signer_name text not null default '',
    report_email text,
    lock_at text,
    refresh_seconds integer not null default 30 check (refresh_seconds between 5 and 3600),
    scoring_weights text,
    assessment text,
    created_at text not null,
    check (end_date >= start_date)
);
create table wards (
    code text primary key check (length(code) = 5),
    name text not null,
    grid_row integer not null,
    grid_col integer not null
);
create table unit_kinds (code text primary key, name text not null);
create table tiers (code text primary key, name text not null);
create table units (
    id integer primary key,
    code text not null unique check (length(code) between 1 and 40),
    name text not null check (length(trim(name)) > 0),
    kind text not null references unit_kinds(code),
    tier text references tiers(code),
    ward_code text references wards(code),
    email text,
    phone text,
    active integer not null default 1 check (active in (0, 1)),
    is_sample integer not null default 0 check (is_sample in (0, 1)),
    created_at text not null,
    check ((kind = 'school') = (tier is not null))
);
create table users (
    id integer primary key,
    username text not null unique check (username = lower(username)),
    name text not null,
    email text,
    role text not null check (role in ('unit', 'committee', 'admin')),
    unit_id integer references units(id),
    password_hash text not null,
    active integer not null default 1 check (active in (0, 1)),
    failed_attempts integer not null default 0 check (failed_attempts >= 0),
    locked_until text,
    sessions_valid_after real not null default 0,
    last_login_at text,
    is_sample integer not null default 0 check (is_sample in (0, 1)),
    created_at text not null,
    check ((role = 'unit') = (unit_id is not null))
);
create table activity_groups (code text primary key, name text not null);
create table activity_types (
    code text primary key,
    grp text not null references activity_groups(code),
    name text not null,
    sort integer not null
);
create table channels (
    code text primary key,
    name text not null,
    measure text not null,
    sort integer not null
);
create table slogans (
    event_id integer not null references events(id),
    number integer not null check (number between 1 and 8),
    text text not null,
    primary key (event_id, number)
);
create table commendation_categories (code text primary key, name text not null);
create table learning_models (code text primary key, name text not null);
create table targets (
    id integer primary key,
    event_id integer not null references events(id),
    unit_kind text references unit_kinds(code),
    tier text references tiers(code),
    metric text not null check (metric in ('activities', 'education_activities',
                                           'propaganda_entries')),
    minimum integer not null check (minimum >= 0),
    label text not null
);
create table activities (
    id integer primary key,
    event_id integer not null references events(id),
    unit_id integer not null references units(id),
    ward_code text not null references wards(code),
    type text not null references activity_types(code),
    title text not null check (length(trim(title)) > 0),
    description text not null default '',
    start_date text not null,
    end_date text not null,
    format text not null check (format in ('truc_tiep', 'truc_tuyen', 'ket_hop')),
    participants integer not null default 0 check (participants >= 0),
    online_participants integer not null default 0
        check (online_participants >= 0 and online_participants <= participants),
    audiences text not null default '[]',
    evidence_url text,
    status text not null default 'submitted'
        check (status in ('submitted', 'accepted', 'needs_fix')),
    review_comment text,
    reviewed_by integer references users(id),
    reviewed_at text,
    deleted integer not null default 0 check (deleted in (0, 1)),
    created_by integer references users(id),
    created_by_name text,
    created_at text not null,
    updated_by integer references users(id),
    updated_at text,
    check (end_date >= start_date)
);
create table propaganda (
    id integer primary key,
    event_id integer not null references events(id),
    unit_id integer not null references units(id),
    ward_code text not null references wards(code),
    channel text not null references channels(code),
    quantity integer not null check (quantity >= 0),
    date text not null,
    slogans text not null default '[]',
    link text,
    note text not null default '',
    status text not null default 'submitted'
        check (status in ('submitted', 'accepted', 'needs_fix')),
    review_comment text,
    reviewed_by integer references users(id),
    reviewed_at text,
    deleted integer not null default 0 check (deleted in (0, 1)),
    created_by integer references users(id),
    created_by_name text,
    created_at text not null,
    updated_by integer references users(id),
    updated_at text
);
create table photos (
    id integer primary key,
    activity_id integer references activities(id),
    propaganda_id integer references propaganda(id),
    mime text not null check (mime in ('image/jpeg', 'image/png', 'image/webp')),
    data blob not null,
    created_at text not null,
    check ((activity_id is null) != (propaganda_id is null))
);
create table learning_model_counts (
    id integer primary key,
    event_id integer not null references events(id),
    unit_id integer not null references units(id),
    ward_code text references wards(code),
    model text not null references learning_models(code),
    registered integer not null default 0 check (registered >= 0),
    recognised integer not null default 0 check (recognised >= 0 and recognised <= registered),
    updated_by integer references users(id),
    updated_at text not null,
    unique (event_id, unit_id, model)
);
create table nominations (
    id integer primary key,
    event_id integer not null references events(id),
    unit_id integer not null references units(id),
    nominee_kind text not null check (nominee_kind in ('person', 'unit')),
    nominee_name text not null check (length(trim(nominee_name)) > 0),
    category text not null references commendation_categories(code),
    ward_code text references wards(code),
    achievement text not null default '',
    status text not null default 'proposed' check (status in ('proposed', 'approved', 'declined')),
    decided_by integer references users(id),
    decided_at text,
    deleted integer not null default 0 check (deleted in (0, 1)),
    created_by integer references users(id),
    created_at text not null
);
create table commendations (
    id integer primary key,
    event_id integer not null references events(id),
    category text not null references commendation_categories(code),
    recipient_name text not null,
    recipient_unit_id integer references units(id),
    nomination_id integer references nominations(id),
    rationale text not null default '',
    score real,
    rank integer check (rank is null or rank >= 1),
    created_by integer references users(id),
    created_at text not null
);
create table budgets (
    event_id integer primary key references events(id),
    status text not null default 'draft' check (status in ('draft', 'submitted', 'approved')),
    notes text not null default '',
    submitted_by integer references users(id),
    submitted_at text,
    approved_by integer references users(id),
    approved_at text
);
create table budget_lines (
    id integer primary key,
    event_id integer not null references events(id),
    item text not null check (length(trim(item)) > 0),
    activity_ref text not null default '',
    quantity real not null check (quantity >= 0),
    measure text not null default '',
    unit_price integer not null check (unit_price >= 0),
    amount integer generated always as (cast(round(quantity * unit_price) as integer)) stored,
    note text not null default '',
    sort integer not null default 0
);
create table report_submissions (
    event_id integer not null references events(id),
    unit_id integer not null references units(id),
    submitted_at text not null,
    submitted_by integer references users(id),
    primary key (event_id, unit_id)
);
create table form_tokens (
    token text primary key,
    table_name text not null,
    row_id integer,
    created_at text not null
);
create table audit_log (
    id integer primary key,
    at text not null,
    user_id integer,
    username text,
    action text not null,
    table_name text,
    row_id text,
    before text,
    after text,
    detail text
);
create table settings (key text primary key, value text not null);

create index activities_event_ward on activities(event_id, ward_code);
create index activities_event_unit on activities(event_id, unit_id);
create index propaganda_event_unit on propaganda(event_id, unit_id);
create index units_ward on units(ward_code);
create index audit_at on audit_log(at);
"""


@migrations()
def m001_initial(db):
    for statement in _statements(INITIAL_SCHEMA):
        db.execute(statement)


def _statements(script: str):
    return [s.strip() for s in script.split(";") if s.strip()]


# --- m002: summary tables for the stats (issue 4 §7, docs/benchmarks.md) -------------------
# At 100 000 activities every statistic was a sort of the whole table. These two tables hold
# the COUNTING entries (deleted = 0 and status != 'needs_fix', DESIGN §4) already grouped by
# every dimension the stats filter or group on; triggers keep them exact whoever writes
# (pages, imports, the demo, a restore). db/stats.py reads them; the raw tables stay the
# truth, and tests/test_stats.py checks the two agree.
STATS_CUBES = """
create table activity_cube (
    event_id integer not null, ward_code text not null, unit_kind text not null,
    unit_tier text not null, day text not null, type text not null, created_day text not null,
    n integer not null, participants integer not null, online integer not null,
    primary key (event_id, ward_code, unit_kind, unit_tier, day, type, created_day)
) without rowid;
create table propaganda_cube (
    event_id integer not null, ward_code text not null, unit_kind text not null,
    unit_tier text not null, day text not null, channel text not null,
    created_day text not null, n integer not null, quantity integer not null,
    primary key (event_id, ward_code, unit_kind, unit_tier, day, channel, created_day)
) without rowid;
"""

_ACTIVITY_ADD = """
insert into activity_cube (event_id, ward_code, unit_kind, unit_tier, day, type, created_day,
                           n, participants, online)
select {r}.event_id, {r}.ward_code, u.kind, coalesce(u.tier, ''), {r}.start_date, {r}.type,
       substr({r}.created_at, 1, 10), {sign}, {sign} * {r}.participants,
       {sign} * {r}.online_participants
from units u where u.id = {r}.unit_id
on conflict do update set n = n + excluded.n, participants = participants + excluded.participants,
    online = online + excluded.online;
"""
_PROPAGANDA_ADD = """
insert into propaganda_cube (event_id, ward_code, unit_kind, unit_tier, day, channel,
                             created_day, n, quantity)
select {r}.event_id, {r}.ward_code, u.kind, coalesce(u.tier, ''), {r}.date, {r}.channel,
       substr({r}.created_at, 1, 10), {sign}, {sign} * {r}.quantity
from units u where u.id = {r}.unit_id
on conflict do update set n = n + excluded.n, quantity = quantity + excluded.quantity;
"""
_COUNTS = "{r}.deleted = 0 and {r}.status != 'needs_fix'"


def _cube_triggers(table: str, add: str) -> list[str]:
    plus, minus = add.format(r="new", sign=1), add.format(r="old", sign=-1)
    counts_new, counts_old = _COUNTS.format(r="new"), _COUNTS.format(r="old")
    return [
        f"create trigger {table}_cube_insert after insert on {table} "
        f"when {counts_new} begin {plus} end",
        f"create trigger {table}_cube_delete after delete on {table} "
        f"when {counts_old} begin {minus} end",
        f"create trigger {table}_cube_update_old after update on {table} "
        f"when {counts_old} begin {minus} end",
        f"create trigger {table}_cube_update_new after update on {table} "
        f"when {counts_new} begin {plus} end",
    ]


_MOVE_ACTIVITIES = """
insert into activity_cube
select e.event_id, e.ward_code, {kind}, coalesce({tier}, ''), e.start_date, e.type,
       substr(e.created_at, 1, 10), {sign} * count(*), {sign} * sum(e.participants),
       {sign} * sum(e.online_participants)
from activities e where e.unit_id = new.id and e.deleted = 0 and e.status != 'needs_fix'
group by 1, 2, 3, 4, 5, 6, 7
on conflict do update set n = n + excluded.n, participants = participants + excluded.participants,
    online = online + excluded.online;
"""
_MOVE_PROPAGANDA = """
insert into propaganda_cube
select e.event_id, e.ward_code, {kind}, coalesce({tier}, ''), e.date, e.channel,
       substr(e.created_at, 1, 10), {sign} * count(*), {sign} * sum(e.quantity)
from propaganda e where e.unit_id = new.id and e.deleted = 0 and e.status != 'needs_fix'
group by 1, 2, 3, 4, 5, 6, 7
on conflict do update set n = n + excluded.n, quantity = quantity + excluded.quantity;
"""


def _unit_change_trigger() -> str:
    """A unit whose kind or tier changes moves its counting entries to the new cell."""
    body = "".join(template.format(kind=kind, tier=tier, sign=sign)
                   for template in (_MOVE_ACTIVITIES, _MOVE_PROPAGANDA)
                   for kind, tier, sign in (("old.kind", "old.tier", -1),
                                            ("new.kind", "new.tier", 1)))
    return ("create trigger units_cube_move after update of kind, tier on units "
            f"when old.kind is not new.kind or old.tier is not new.tier begin {body} end")


@migrations()
def m002_stats_summary_tables(db):
    for statement in _statements(STATS_CUBES):
        db.execute(statement)
    for statement in (_cube_triggers("activities", _ACTIVITY_ADD)
                      + _cube_triggers("propaganda", _PROPAGANDA_ADD)
                      + [_unit_change_trigger()]):
        db.execute(statement)
    # entries written before this migration
    db.execute(_BACKFILL_ACTIVITIES)
    db.execute(_BACKFILL_PROPAGANDA)


_BACKFILL_ACTIVITIES = """
insert into activity_cube
select a.event_id, a.ward_code, u.kind, coalesce(u.tier, ''), a.start_date, a.type,
       substr(a.created_at, 1, 10), count(*), sum(a.participants), sum(a.online_participants)
from activities a join units u on u.id = a.unit_id
where a.deleted = 0 and a.status != 'needs_fix' group by 1, 2, 3, 4, 5, 6, 7
"""
_BACKFILL_PROPAGANDA = """
insert into propaganda_cube
select p.event_id, p.ward_code, u.kind, coalesce(u.tier, ''), p.date, p.channel,
       substr(p.created_at, 1, 10), count(*), sum(p.quantity)
from propaganda p join units u on u.id = p.unit_id
where p.deleted = 0 and p.status != 'needs_fix' group by 1, 2, 3, 4, 5, 6, 7
"""


@migrations()
def m003_imports_file_hashes(db):
    """Every import that wrote rows, by content hash: the same content is not imported
    twice by mistake (db/import_files.py). No foreign key to users: removing an account
    (e.g. sample data) keeps the record of who imported."""
    db.execute("""
        create table import_files (
            id integer primary key,
            kind text not null check (kind in ('activities', 'propaganda')),
            event_id integer references events(id),
            sha256 text not null check (length(sha256) = 64),
            filename text not null default '',
            rows integer not null default 0 check (rows >= 0),
            duplicate_of integer references import_files(id),
            user_id integer,
            username text not null,
            imported_at text not null
        )""")
    db.execute("create index import_files_hash on import_files(sha256, kind)")
# --- Security (h1) -------------------------------------------------------------------------

@migrations()
def m003_security_login_throttle(db):
    """Failed sign-ins counted per (typed username, client address): an attacker locks only
    the pairs they use, never the admin signing in from another machine; unknown names are
    counted like real ones, so a lockout says nothing about which names exist."""
    db.execute("""
        create table login_throttle (
            username text not null,
            client text not null,
            failures integer not null default 0 check (failures >= 0),
            locked_until text,
            updated_at text not null,
            primary key (username, client)
        )""")


@migrations()
def m003_security_strip_controls(db):
    """Control characters (other than line feed and tab) stored before the entry rules
    removed them: Word's \\x0b line break made the city's workbook fail."""
    _strip_stored_text(db)


def _strip_stored_text(db):
    """Apply core.text.strip_controls to every text value stored by the app."""
    from core.text import strip_controls

    skip = {"audit_log", "photos", "form_tokens", "login_throttle", "activity_cube",
            "propaganda_cube"}
    tables = [r[0] for r in db.execute(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' "
        "and name not like '\\_%' escape '\\'")]
    for table in tables:
        if table in skip:
            continue
        columns = [c[1] for c in db.execute(f"pragma table_info([{table}])")
                   if (c[2] or "").lower() == "text"]
        if not columns:
            continue
        for row in db.execute(f"select rowid, {', '.join(f'[{c}]' for c in columns)} "
                              f"from [{table}]").fetchall():
            changes = {c: strip_controls(v) for c, v in zip(columns, row[1:])
                       if isinstance(v, str) and strip_controls(v) != v}
            if changes:
                sets = ", ".join(f"[{c}] = ?" for c in changes)
                db.execute(f"update [{table}] set {sets} where rowid = ?",
                           [*changes.values(), row[0]])


@migrations()
def m003_security_bounded_photos(db):
    """Photos are kept as a bounded display copy (data) plus a thumbnail (thumb), made once:
    pages never decode a full-size original again. Existing photos are converted one by one
    (a file that cannot be read keeps its bytes and gets no thumbnail)."""
    from db.entries import bound_old_photos

    db.execute("alter table photos add column thumb blob")
    bound_old_photos(db)
# --- m003 (h5, issue 12 §2): review at scale -------------------------------------------------
@migrations()
def m003_trust_review_indexes(db):
    """Duyệt dữ liệu counts, filters and pages entries by (event, withdrawn, status) and
    measures progress per unit and ward: covering indexes answer those from the index alone
    (at 100 000 activities the count went from a row lookup per entry to an index scan).
    Photos are looked up by their entry (the photo count of each listed row)."""
    db.execute("create index if not exists activities_review on activities"
               "(event_id, deleted, status, unit_id, ward_code)")
    db.execute("create index if not exists propaganda_review on propaganda"
               "(event_id, deleted, status, unit_id, ward_code)")
    db.execute("create index if not exists photos_activity on photos(activity_id)")
    db.execute("create index if not exists photos_propaganda on photos(propaganda_id)")
# --- m003 (scale, issue 14): the feed and the "previous day" read an index ---------------
# The dashboard's feed (newest entries) and last_entry_day() sorted or scanned all 100 000
# activities on every refresh. Both read (event_id, created_at) newest first instead.
@migrations()
def m003_scale_created_indexes(db):
    db.execute("create index if not exists activities_event_created "
               "on activities(event_id, created_at)")
    db.execute("create index if not exists propaganda_event_created "
               "on propaganda(event_id, created_at)")
    # the feed under a ward filter: that ward's entries, newest first
    db.execute("create index if not exists activities_event_ward_created "
               "on activities(event_id, ward_code, created_at)")
    db.execute("create index if not exists propaganda_event_ward_created "
               "on propaganda(event_id, ward_code, created_at)")
# --- m003 (h2, issue 11): the closing report's own fields per event ------------------------
# The committee writes the assessment as separate sections (IV Ưu điểm / Tồn tại, hạn chế /
# Đề xuất, kiến nghị; V Phương hướng), records when it decided the commendations, and may
# save the report's date and place; the budget estimate (a Tờ trình of Phòng GD&ĐT) is
# signed by the head of that office, named here.
REPORT_COLUMNS = [
    ("report_date", "text"),              # ISO date printed on the report; NULL: "ngày …"
    ("report_place", "text"),             # NULL: the district of issuer_line1
    ("assess_strengths", "text"),         # IV.1 Ưu điểm
    ("assess_weaknesses", "text"),        # IV.2 Tồn tại, hạn chế
    ("assess_proposals", "text"),         # IV.3 Đề xuất, kiến nghị
    ("next_directions", "text"),          # V. Phương hướng
    ("commendations_decided_at", "text"),
    ("commendations_decided_by", "integer references users(id)"),
    ("office_head_name", "text"),         # TRƯỞNG PHÒNG GD&ĐT, signs the budget Tờ trình
]


@migrations()
def m003_report_closing_fields(db):
    for column, kind in REPORT_COLUMNS:
        db.execute(f"alter table events add column {column} {kind}")


@migrations()
def m003_report_photos_index(db):
    """The rubric's evidence test asks, per accepted activity, whether it has a photo:
    without an index that was a scan of every photo for every activity."""
    db.execute("create index if not exists photos_activity on photos(activity_id)")
    db.execute("create index if not exists photos_propaganda on photos(propaganda_id)")


@migrations()
def m003_report_leader_role(db):
    """A role for the district leadership (UBND quận), who approves the budget estimate
    that Phòng GD&ĐT submits (plan §III.1; issue 11 item 7). The users.role CHECK gains
    'leader'. A CHECK constraint does not change how rows are stored, so the table's SQL
    is rewritten in place (the procedure of SQLite's ALTER TABLE documentation for
    constraint changes); every existing row satisfies the wider rule."""
    old = "role in ('unit', 'committee', 'admin')"
    new = "role in ('unit', 'committee', 'admin', 'leader')"
    version = db.execute("pragma schema_version").fetchone()[0]
    db.execute("pragma writable_schema = on")
    db.execute("update sqlite_master set sql = replace(sql, ?, ?) "
               "where type = 'table' and name = 'users'", [old, new])
    db.execute(f"pragma schema_version = {version + 1}")
    db.execute("pragma writable_schema = off")


# --- m003: organiser profile (issue 15 item 1) ----------------------------------------------
@migrations()
def m003_organiser_profile(db):
    """Who organises a week and the words of its level (core/organiser.py). Existing
    events were all Ba Đình 2020's kind (a district, before 07/2025): they get its profile,
    with the issuer's own name kept as the organiser's identity."""
    from core.organiser import PROFILE_COLUMNS

    for column, kind in PROFILE_COLUMNS:
        db.execute(f"alter table events add column {column} {kind}")
    fill_organiser_profile(db)


def fill_organiser_profile(db):
    from core.organiser import BA_DINH_2020, PROFILE_COLUMNS

    for column, _kind in PROFILE_COLUMNS:
        db.execute(f"update events set {column} = ? where {column} is null",
                   [BA_DINH_2020[column]])


# Run again after a restore (db/backup.rebuild_from) when the backup lacks the table or
# column named: a backup of an older release holds events without the per-event data a
# later migration backfilled. (The catalogue per event needs no entry: its trigger
# seeds every event a restore inserts.)
RESTORE_BACKFILLS = [("events.organiser_name", fill_organiser_profile)]


@migrations()
def m003_lead_strip_bidi(db):
    """Bidi overrides (U+202E …) stored before core.text.clean() removed them."""
    _strip_stored_text(db)
# --- m003: roll-up of sub-organisers' reports (h15d, issue 15 item 4) -----------------------
@migrations()
def m003_rollup_reports(db):
    """One report per sub-organiser and event: the checked content of the roll-up sheet of
    its workbook (core/rollup.py), as JSON, with the moment it was exported and its hash.
    A newer file replaces the row (db/rollup.py), audited."""
    db.execute("""
        create table suborg_reports (
            id integer primary key,
            event_id integer not null references events(id),
            organiser text not null,
            organiser_key text not null,
            level text not null default '',
            year integer not null,
            schema_version integer not null,
            generated_at text not null,
            content_hash text not null,
            file_name text not null default '',
            data text not null,
            imported_at text not null,
            imported_by integer references users(id),
            unique (event_id, organiser_key)
        )""")
# --- m003 (h15c, issue 15 item 3): the catalogue per event --------------------------------------
# Activity types and propaganda channels belong to an event (its names, order, units of
# measure), so a 2026 week can rename, drop or add one without touching 2020's figures. The
# global tables stay the registry of codes (foreign keys of activities.type and
# propaganda.channel; a code keeps its meaning across years so years compare). Every existing
# event gets the registry as it stands; every event inserted later starts from the registry
# too (trigger), and "start next year" then replaces that with the previous week's catalogue
# (db/catalogue.copy_to). "or ignore": a restore (db/backup.rebuild_from) re-inserts events
# whose catalogue rows are still there; it copies the backup's catalogue rows right after.
@migrations()
def m003_catalogue_per_event(db):
    db.execute("""
        create table event_activity_types (
            event_id integer not null references events(id),
            code text not null references activity_types(code),
            grp text not null references activity_groups(code),
            name text not null check (length(trim(name)) > 0),
            sort integer not null,
            primary key (event_id, code)
        )""")
    db.execute("""
        create table event_channels (
            event_id integer not null references events(id),
            code text not null references channels(code),
            name text not null check (length(trim(name)) > 0),
            measure text not null check (length(trim(measure)) > 0),
            sort integer not null,
            primary key (event_id, code)
        )""")
    db.execute("insert into event_activity_types (event_id, code, grp, name, sort) "
               "select e.id, t.code, t.grp, t.name, t.sort from events e, activity_types t")
    db.execute("insert into event_channels (event_id, code, name, measure, sort) "
               "select e.id, c.code, c.name, c.measure, c.sort from events e, channels c")
    db.execute("""
        create trigger event_catalogue_seed after insert on events begin
            insert or ignore into event_activity_types (event_id, code, grp, name, sort)
                select new.id, code, grp, name, sort from activity_types;
            insert or ignore into event_channels (event_id, code, name, measure, sort)
                select new.id, code, name, measure, sort from channels;
        end""")
# --- m003 (h15b, issue 15 item 2): areas per event ------------------------------------------
@migrations()
def m003_areas_per_event(db):
    """The areas (wards, communes, residential groups) belong to an event: `event_areas`
    (event_id, code, name, optional tile position). 2020's 14 wards are copied to every
    existing event, so its figures stay exactly as they were.

    Keeping the foreign keys sound: `wards` stays as the registry of every area code ever
    used by any event (entries, units, learning-model counts and nominations keep
    referencing it, so no table with data is rebuilt), and `event_areas.code` references it
    too. Codes are no longer only the statistics office's 5 digits: a residential group gets
    a short code the office chooses, so the registry's CHECK becomes 1..20 characters and its
    tile position becomes optional (a registry row of a new area has none; the positions that
    matter live on `event_areas`). Both are relaxations, which do not change how rows are
    stored: the table's SQL is rewritten in place, the procedure of m003_report_leader_role
    (SQLite's ALTER TABLE documentation, "making other kinds of table schema changes");
    every existing row satisfies the wider rules. Which codes an event accepts is checked
    against that event's own areas (db/areas.py), not against the registry.

    `unit_areas` (event_id, unit_id, area_code) records a unit's area for one event when it
    differs from `units.ward_code`, which stays the default for every event without a row
    (when that code is one of the event's areas); a NULL area_code says "no area this
    year". A unit's area can change in 2026 while 2020's figures keep the old one."""
    old_table = ("code text primary key check (length(code) = 5),\n    name text not null,\n"
                 "    grid_row integer not null,\n    grid_col integer not null")
    new_table = ("code text primary key check (length(code) between 1 and 20),\n"
                 "    name text not null,\n    grid_row integer,\n    grid_col integer")
    sql = db.execute("select sql from sqlite_master where type = 'table' and name = 'wards'"
                     ).fetchone()[0]
    if old_table not in sql:
        raise RuntimeError("m003_areas_per_event: unexpected wards table SQL")
    version = db.execute("pragma schema_version").fetchone()[0]
    db.execute("pragma writable_schema = on")
    db.execute("update sqlite_master set sql = replace(sql, ?, ?) "
               "where type = 'table' and name = 'wards'", [old_table, new_table])
    db.execute(f"pragma schema_version = {version + 1}")
    db.execute("pragma writable_schema = off")
    db.execute("""
        create table event_areas (
            event_id integer not null references events(id),
            code text not null references wards(code)
                check (length(code) between 1 and 20),
            name text not null check (length(trim(name)) > 0),
            grid_row integer check (grid_row between 0 and 999),
            grid_col integer check (grid_col between 0 and 999),
            primary key (event_id, code)
        )""")
    db.execute("""
        create table unit_areas (
            event_id integer not null,
            unit_id integer not null references units(id),
            area_code text,  -- NULL: no area in this event (the level above)
            primary key (event_id, unit_id),
            foreign key (event_id, area_code) references event_areas(event_id, code)
        )""")
    db.execute("""insert into event_areas (event_id, code, name, grid_row, grid_col)
                  select e.id, w.code, w.name, w.grid_row, w.grid_col
                  from events e cross join wards w""")


def fill_event_areas(db):
    """Every event without areas gets the registry's (an older release's 14 wards); the
    units' areas stay their default (units.ward_code)."""
    db.execute("""insert into event_areas (event_id, code, name, grid_row, grid_col)
                  select e.id, w.code, w.name, w.grid_row, w.grid_col
                  from events e cross join wards w
                  where not exists (select 1 from event_areas a where a.event_id = e.id)""")


RESTORE_BACKFILLS.append(("event_areas", fill_event_areas))


@migrations()
def m003_report_overview_section(db):
    """Section I of the closing report (công tác chỉ đạo, triển khai) is the committee's
    own text per week, like IV–V (issue 22 item 2); NULL: not written yet."""
    db.execute("alter table events add column overview text")


# --- m004 (s5 roster, issue 21): a roster per week -----------------------------------------
# Which units take part in a week (db/roster.py). Every existing week's roster is the units
# active today, so no figure of any existing week changes: unit figures counted active
# units, and a deactivated unit's entries counted in every entry total, which is exactly
# what a unit outside a roster gets. A unit created later joins the newest week's roster
# (trigger; the commands and pages that name a week move it there, db/roster.place_new_unit).
# `units.active` stays the mirror of "in the newest week's roster" both ways: db/roster
# keeps it in step, and a write to it (an older caller) joins or leaves that week only.
@migrations()
def m004_roster_per_event(db):
    db.execute("""
        create table event_units (
            event_id integer not null references events(id) on delete cascade,
            unit_id integer not null references units(id) on delete cascade,
            primary key (event_id, unit_id)
        )""")  # a membership means nothing without its unit or week
    db.execute("create index event_units_unit on event_units(unit_id)")
    db.execute("""
        create trigger units_join_newest_week after insert on units
        when new.active = 1 begin
            insert or ignore into event_units (event_id, unit_id)
                select id, new.id from events order by year desc limit 1;
        end""")
    db.execute("""
        create trigger units_active_newest_week after update of active on units
        when new.active != old.active begin
            delete from event_units where new.active = 0 and unit_id = new.id
                and event_id = (select id from events order by year desc limit 1);
            insert or ignore into event_units (event_id, unit_id)
                select id, new.id from events where new.active = 1
                order by year desc limit 1;
        end""")
    fill_roster(db)


def fill_roster(db):
    """Every week's roster = the units active now (a database or backup of a release
    without rosters, where `active` was the one roster of every week)."""
    db.execute("""insert or ignore into event_units (event_id, unit_id)
                  select e.id, u.id from events e cross join units u where u.active = 1""")


RESTORE_BACKFILLS.append(("event_units", fill_roster))


# --- m003 (s5-live, issue 23): what the dashboard shows changed -----------------------------
@migrations()
def m003_live_figures_version(db):
    """One row: a counter bumped by triggers on every table the dashboard shows (installed
    by db/live_figures.ensure_triggers at every start, so later tables are covered too) and
    a random epoch per file. A sign-in or an audit row no longer makes every viewer's view
    be computed again (PRAGMA data_version changes on every commit)."""
    db.execute("""
        create table figures_version (
            id integer primary key check (id = 1),
            epoch text not null,
            n integer not null default 0
        )""")
    db.execute("insert into figures_version (id, epoch, n) values (1, lower(hex(randomblob(8))), 0)")


# --- m005 (s5 roster2, issue 21 Deliver 2): a unit's name, kind and tier per week ----------
# `event_unit_attrs` holds every unit's name, kind and tier in every week (db/week_units.py),
# filled from `units` for every existing pair, so no figure of any existing week changes.
# The summary tables of m002 are keyed by the week's kind and tier: their entry triggers
# read this table, and a change of a unit's kind or tier in one week moves that week's
# counting entries only (the trigger on `units` that moved every week's is dropped).
# `units.name/kind/tier` mirror the newest week's row: a write to them changes that row only.
_WEEK_UNIT = ("select case when wa.unit_id is null then wu.kind else wa.kind end as kind, "
              "case when wa.unit_id is null then wu.tier else wa.tier end as tier "
              "from units wu left join event_unit_attrs wa on wa.event_id = {r}.event_id "
              "and wa.unit_id = wu.id where wu.id = {r}.unit_id")
_ACTIVITY_ADD_WEEK = """
insert into activity_cube (event_id, ward_code, unit_kind, unit_tier, day, type, created_day,
                           n, participants, online)
select {r}.event_id, {r}.ward_code, u.kind, coalesce(u.tier, ''), {r}.start_date, {r}.type,
       substr({r}.created_at, 1, 10), {sign}, {sign} * {r}.participants,
       {sign} * {r}.online_participants
from (%s) u where 1
on conflict do update set n = n + excluded.n, participants = participants + excluded.participants,
    online = online + excluded.online;
""" % _WEEK_UNIT
_PROPAGANDA_ADD_WEEK = """
insert into propaganda_cube (event_id, ward_code, unit_kind, unit_tier, day, channel,
                             created_day, n, quantity)
select {r}.event_id, {r}.ward_code, u.kind, coalesce(u.tier, ''), {r}.date, {r}.channel,
       substr({r}.created_at, 1, 10), {sign}, {sign} * {r}.quantity
from (%s) u where 1
on conflict do update set n = n + excluded.n, quantity = quantity + excluded.quantity;
""" % _WEEK_UNIT
# whole-table rebuilds (a restore, db/backup.DERIVED_TABLES)
_WEEK_UNITS_ALL = ("(select wa.event_id, wu.id, wa.kind, wa.tier from units wu "
                   "join event_unit_attrs wa on wa.unit_id = wu.id)")
BACKFILL_ACTIVITIES_WEEK = f"""
insert into activity_cube
select a.event_id, a.ward_code, u.kind, coalesce(u.tier, ''), a.start_date, a.type,
       substr(a.created_at, 1, 10), count(*), sum(a.participants), sum(a.online_participants)
from activities a join {_WEEK_UNITS_ALL} u on u.id = a.unit_id and u.event_id = a.event_id
where a.deleted = 0 and a.status != 'needs_fix' group by 1, 2, 3, 4, 5, 6, 7
"""
BACKFILL_PROPAGANDA_WEEK = f"""
insert into propaganda_cube
select p.event_id, p.ward_code, u.kind, coalesce(u.tier, ''), p.date, p.channel,
       substr(p.created_at, 1, 10), count(*), sum(p.quantity)
from propaganda p join {_WEEK_UNITS_ALL} u on u.id = p.unit_id and u.event_id = p.event_id
where p.deleted = 0 and p.status != 'needs_fix' group by 1, 2, 3, 4, 5, 6, 7
"""


def _week_move_trigger() -> str:
    """A unit whose kind or tier changes in one week moves that week's counting entries."""
    body = "".join(
        template.format(kind=kind, tier=tier, sign=sign).replace(
            "e.unit_id = new.id", "e.unit_id = new.unit_id and e.event_id = new.event_id")
        for template in (_MOVE_ACTIVITIES, _MOVE_PROPAGANDA)
        for kind, tier, sign in (("old.kind", "old.tier", -1), ("new.kind", "new.tier", 1)))
    return ("create trigger event_unit_attrs_cube_move after update of kind, tier on "
            "event_unit_attrs when old.kind is not new.kind or old.tier is not new.tier "
            f"begin {body} end")


@migrations()
def m005_unit_attrs_per_event(db):
    db.execute("""
        create table event_unit_attrs (
            event_id integer not null references events(id) on delete cascade,
            unit_id integer not null references units(id) on delete cascade,
            name text not null check (length(trim(name)) > 0),
            kind text not null references unit_kinds(code),
            tier text references tiers(code),
            primary key (event_id, unit_id),
            check ((kind = 'school') = (tier is not null))
        )""")
    db.execute("create index event_unit_attrs_unit on event_unit_attrs(unit_id)")
    fill_unit_attrs(db)
    db.execute("""
        create trigger units_attrs_every_week after insert on units begin
            insert or ignore into event_unit_attrs (event_id, unit_id, name, kind, tier)
                select id, new.id, new.name, new.kind, new.tier from events;
        end""")
    db.execute("""
        create trigger events_attrs_seed after insert on events begin
            insert or ignore into event_unit_attrs (event_id, unit_id, name, kind, tier)
                select new.id, id, name, kind, tier from units;
        end""")
    db.execute("""
        create trigger units_attrs_newest_week after update of name, kind, tier on units
        when old.name is not new.name or old.kind is not new.kind or old.tier is not new.tier
        begin
            update event_unit_attrs set name = new.name, kind = new.kind, tier = new.tier
            where unit_id = new.id
              and event_id = (select id from events order by year desc limit 1);
        end""")
    db.execute("drop trigger units_cube_move")
    db.execute(_week_move_trigger())
    for table in ("activities", "propaganda"):
        for suffix in ("insert", "delete", "update_old", "update_new"):
            db.execute(f"drop trigger {table}_cube_{suffix}")
    for statement in (_cube_triggers("activities", _ACTIVITY_ADD_WEEK)
                      + _cube_triggers("propaganda", _PROPAGANDA_ADD_WEEK)):
        db.execute(statement)


def fill_unit_attrs(db):
    """Every (week, unit) pair without a row gets the unit's registry values (a database
    or backup of a release where a unit had one name, kind and tier for every week)."""
    db.execute("""insert or ignore into event_unit_attrs (event_id, unit_id, name, kind, tier)
                  select e.id, u.id, u.name, u.kind, u.tier from events e cross join units u""")


RESTORE_BACKFILLS.append(("event_unit_attrs", fill_unit_attrs))


# --- m006 (csv, issue 23): text that needs cleaning is found through an index ---------------
# The activities CSV is made by SQL unless a counting activity's title or link holds what
# core/xlsx_stream.clean_text changes (line breaks other than LF, control characters,
# non-characters, more than 32 767 characters): then it is converted row by row in Python.
# Looking for such text scanned every title (0.12 s at 100 000 activities); this partial
# index holds only the rows that have it, so the question costs an index look-up.
# db/activities_csv.has_unclean_text repeats this expression exactly (SQLite uses a partial
# index only for a query whose WHERE contains the index's own).
def _unclean(column: str) -> str:
    return (f"({column} glob '*[' || char(1) || '-' || char(8, 11, 12, 13, 14) || '-' "
            f"|| char(31, 127) || '-' || char(159, 65534, 65535) || ']*' "
            f"or instr({column}, char(0)) > 0 or length({column}) > 32767)")


UNCLEAN_ACTIVITY_TEXT = f"({_unclean('title')} or {_unclean('evidence_url')})"


@migrations()
def m006_csv_unclean_text_index(db):
    db.execute("create index if not exists activities_unclean_text on activities(event_id) "
               f"where {UNCLEAN_ACTIVITY_TEXT}")


# --- m007 (csv, issue 23): text that the CSV quotes or guards is found through an index ----
# Every title and link was searched three times (comma, quote, LF) and matched against the
# formula starts for each line of the activities CSV: 3 300 instructions and five copies of
# the text a line, 17 % of the list's SQL at 100 000 activities. Few texts need it; this
# partial index holds those rows, and db/activities_csv shows any other text as it is
# (it repeats CSV_QUOTED_TEXT exactly: SQLite uses a partial index only for a query whose
# WHERE contains the index's own expression).
def _quoted(column: str) -> str:
    return (f"(instr({column}, ',') or instr({column}, '\"') or instr({column}, char(10)) "
            f"or {column} glob '[-=+@]*')")


CSV_QUOTED_TEXT = f"({_quoted('title')} or {_quoted('evidence_url')})"


@migrations()
def m007_csv_quoted_text_index(db):
    db.execute("create index if not exists activities_csv_quoted on activities(event_id) "
               f"where {CSV_QUOTED_TEXT}")


# --- m008 (csv, issue 23): the week's distinct audiences without reading every activity ----
# The activities CSV names audiences by a CASE over the distinct values the week uses;
# `select distinct` read all 100 000 rows (36 ms at city scale, before any line could be
# made). With this index db/activities_csv walks the distinct values, one look-up each.
@migrations()
def m008_activities_audiences_index(db):
    db.execute("create index if not exists activities_event_audiences "
               "on activities(event_id, audiences)")
