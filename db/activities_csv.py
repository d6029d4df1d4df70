"""The activities list as CSV lines made by SQLite (issue 23: at 100 000 activities the CSV
must take at most 2x `export --table by_ward`), byte for byte what core/workbook's row by
row conversion writes (tests/test_activities_csv.py and tests/test_export_csv_stream.py
compare the two).

How it stays cheap:
- Text that needs core/xlsx_stream.clean_text (control characters, CR, > 32 767
  characters) is found through the partial index activities_unclean_text (db/schema.py),
  not by scanning every title: such a list takes the Python path instead (the same bytes).
- Text that CSV quotes or guards (a comma, a quote, LF, a leading = + - @) is found the
  same way, per block (activities_csv_quoted, m007): any other title or link is written
  as stored, without being searched three times and copied five.
- Every name is looked up in SQL without a join where it can be: wards, types, dates and
  audiences are CASE trees of already shown and quoted CSV fields (a text-keyed join cost
  as much again; a linear CASE 35 % more than the trees); units (thousands) are a
  temporary table with an integer key. The week's distinct audiences are walked through
  their index (m008), not read from every activity.
- One printf() builds a line (a chain of || copied the growing line once per field).
- Lines come in blocks of CHUNK_IDS ids as one group_concat() each, as bytes: no Python
  object per row; the block is numbered (STT) by one bytes % tuple over a "%d," mark at
  the start of each line (a split and a join when the text itself holds a %).
- The blocks are read by READERS connections of their own, on threads: sqlite3 lets go of
  the GIL while a statement runs, so on two cores two blocks are made at once. They read
  the same data as the caller's connection: each reader's snapshot must show the same last
  audit row (every write through db/ adds one), else one connection reads them all.

Measured at city scale (2 000 units, 100 000 activities), whole processes A/B in turn,
the median of 11-15 pairs' ratios, on this 2-core machine (session 8): the CSV took
1.59-1.71x the wall time of `export --table by_ward` with the other core free (session 7's
code: 1.93-2.10x, same method, same hour), up to 1.8-1.9x while other work kept a core
busy; a single pair still reaches 2.1-2.3x. Its CPU is still about twice by_ward's
(2.05-2.25x: the SQL 0.17 s on one thread, 0.22 s on two; the numbering 0.013 s). Peak
51 MB."""
import os
import queue
import sqlite3
import threading
from datetime import date, timedelta

from core import reference as ref
from core import texts, workbook
from db.schema import CSV_QUOTED_TEXT, UNCLEAN_ACTIVITY_TEXT

COUNTING = "a.deleted = 0 and a.status != 'needs_fix'"
CHUNK_IDS = 2048  # activity ids per block: ~0.5 MB of CSV at city scale
READERS = 2
_QUOTE = "'"
_CRLF = b"\r\n"
# Each line starts with this mark (held by the unit lookup), then the block is numbered by one bytes % tuple (5 ms
# at 100 000 lines where a split and a join took 33 ms), when it holds no other %.
STT_MARK = b"%d,"


def csv_field(text: str) -> str:
    """A text as csv.writer's QUOTE_MINIMAL writes it in a line of several fields: in
    double quotes (doubled inside) when it holds a comma, a quote, CR or LF."""
    if "," in text or '"' in text or "\r" in text or "\n" in text:
        return '"' + text.replace('"', '""') + '"'
    return text


def sql_text(value: str) -> str:
    return _QUOTE + value.replace(_QUOTE, _QUOTE * 2) + _QUOTE


def _sql_csv_field(expr: str) -> str:
    """csv_field in SQL, of a non-null text expression."""
    return (f"case when instr({expr}, ',') or instr({expr}, '\"') or instr({expr}, char(10)) "
            f"or instr({expr}, char(13)) then '\"' || replace({expr}, '\"', '\"\"') || '\"' "
            f"else {expr} end")


def case_field(column: str, names: dict) -> str:
    """A code column named as a CSV field: our constant names quoted here, an unknown code
    shown (and quoted) in SQL."""
    whens = " ".join(f"when {sql_text(code)} then {sql_text(csv_field(name))}"
                     for code, name in names.items())
    return f"case {column} {whens} else {_sql_csv_field(f'coalesce({column}, {_QUOTE * 2})')} end"


def _text_field(column: str) -> str:
    """A stored text as the CSV shows it: an apostrophe before a leading = + - @ (never a
    formula), quoted when it holds a comma, a quote or LF. Only for text without CR (the
    unclean text takes the Python path). The apostrophe does not change the quoting. Only
    the rows of the block that the partial index activities_csv_quoted holds (db/schema
    m007) are looked at; any other text is shown as it is (no search, no copy)."""
    formula = f"{column} glob '[-=+@]*'"
    shown = (f"case when instr({column}, ',') or instr({column}, '\"') "
             f"or instr({column}, '\n') then '\"' || case when {formula} then {_QUOTE * 4} "
             f"else {_QUOTE * 2} end || replace({column}, '\"', '\"\"') || '\"' "
             f"when {formula} then {_QUOTE * 4} || {column} else {column} end")
    return f"case when {QUOTED_IN_BLOCK} then {shown} else {column} end"


def _dmy(column: str) -> str:
    return (f"case when coalesce({column}, '') = '' then '' else substr({column}, 9, 2) "
            f"|| '/' || substr({column}, 6, 2) || '/' || substr({column}, 1, 4) end")


def _tree(column: str, pairs, otherwise: str = "null") -> str:
    """SQL naming `column` by the (code, shown text) pairs: a binary search of CASEs
    (BINARY comparison is code point order, as Python sorts), `otherwise` for a code that
    is not listed."""
    pairs = sorted(pairs)
    if len(pairs) <= 3:
        whens = " ".join(f"when {sql_text(code)} then {sql_text(shown)}" for code, shown in pairs)
        return f"case {column} {whens} else {otherwise} end" if pairs else otherwise
    middle = len(pairs) // 2
    return (f"case when {column} < {sql_text(pairs[middle][0])} "
            f"then {_tree(column, pairs[:middle], otherwise)} "
            f"else {_tree(column, pairs[middle:], otherwise)} end")


# the block's rows whose title or link is quoted or guarded: ?1-?2 the block's ids, ?3 the
# event (the statements below number their parameters); the partial index answers
QUOTED_IN_BLOCK = (f"a.id in (select q.id from activities q where q.event_id = ?3 "
                   f"and {CSV_QUOTED_TEXT} and q.id between ?1 and ?2)")

# `+`: SQLite would rather read the (event, deleted, status) index, every counting row
UNCLEAN_QUERY = (f"select 1 from activities a where a.event_id = ? and {UNCLEAN_ACTIVITY_TEXT} "
                 "and +a.deleted = 0 and +a.status != 'needs_fix' limit 1")


def has_unclean_text(db, event_id: int) -> bool:
    """Whether a counting activity's title or link needs clean_text (the partial index
    activities_unclean_text answers)."""
    return db.execute(UNCLEAN_QUERY, [event_id]).fetchone() is not None


def _week_days(db, event_id: int) -> list[str]:
    """The week's days (most entries' dates), listed in the date CASE; other dates are
    shown by the same substr() expression inline."""
    row = db.execute("select start_date, end_date from events where id = ?",
                     [event_id]).fetchone()
    try:
        first, last = date.fromisoformat(row[0][:10]), date.fromisoformat(row[1][:10])
    except (TypeError, ValueError):
        return []
    days = (last - first).days + 1
    return [(first + timedelta(d)).isoformat() for d in range(min(max(days, 0), 60))]


# one index look-up per distinct value (activities_event_audiences, m008), where a
# `select distinct` read every activity of the week
USED_AUDIENCES = """
    with recursive used(v) as (
        select (select min(audiences) from activities where event_id = ?1)
        union all
        select (select min(audiences) from activities where event_id = ?1 and audiences > used.v)
        from used where used.v is not null)
    select v from used where v is not null and v != ''"""


def used_audiences(db, event_id: int) -> list[str]:
    """The distinct audiences texts of the week's activities (counting or not: a CASE over
    more values is still exact)."""
    return [v for (v,) in db.execute(USED_AUDIENCES, [event_id])]


def _line_sql(db, event_id: int, names: dict) -> str:
    """The SQL expression of one line (without STT, CRLF-ended) of the activities list;
    names: db/export.list_names of the event."""
    audiences = workbook.audience_names()

    def field(value):
        return csv_field(workbook.csv_text(value))

    def shown(codes, lookup):
        return [(c, field(lookup(c))) for c in codes if isinstance(c, str) and c != ""]

    wards = shown([c for (c,) in db.execute("select code from wards")], names["ward"].__getitem__)
    types = shown([c for (c,) in db.execute("select code from activity_types")],
                  names["type"].__getitem__)
    used = shown(used_audiences(db, event_id), audiences)
    days = [(d, f"{d[8:10]}/{d[5:7]}/{d[0:4]}") for d in _week_days(db, event_id)]
    fields = [
        # the STT's mark, code and name: three fields (no unit: a mark and two empty ones)
        f"coalesce(u.a, '{STT_MARK.decode()},')",
        _tree("a.ward_code", wards), _tree("a.type", types), _text_field("a.title"),
        _tree("a.start_date", days, _dmy("a.start_date")),
        _tree("a.end_date", days, _dmy("a.end_date")),
        case_field("a.format", ref.FORMAT_NAMES), "a.participants", "a.online_participants",
        _tree("a.audiences", used), case_field("a.status", texts.ENT_STATUS_NAMES),
        _text_field("a.evidence_url"),
    ]  # printf shows NULL as '' (what the Python path writes for a missing value)
    return "printf('" + ",".join(["%s"] * len(fields)) + "\r\n', " + ", ".join(fields) + ")"


def _units(db, names: dict) -> list[tuple[int, str]]:
    def field(value):
        return csv_field(workbook.csv_text(value))

    # each line starts with its unit, so with the placeholder of its STT: printf's first
    # piece is then the long one (a 3-byte format start cost one more realloc a line)
    mark = STT_MARK.decode()
    return [(i, mark + field(names["unit_code"][i]) + "," + field(names["unit_name"][i]))
            for (i,) in db.execute("select id from units")]


def _prepare(conn, units) -> None:
    """The unit lookup of one connection (temporary tables are a connection's own)."""
    conn.execute("drop table if exists temp.csv_units")
    conn.execute("create temp table csv_units (k integer primary key, a text)")
    conn.executemany("insert into temp.csv_units values (?, ?)", units)


def _marker(conn) -> int:
    return conn.execute("select coalesce(max(id), 0) from audit_log").fetchone()[0]


def _file_of(conn) -> str | None:
    for _seq, name, path in conn.execute("pragma database_list"):
        if name == "main":
            return path or None
    return None


def _open_readers(path: str, units, marker: int, count: int) -> list | None:
    """`count` read connections, each in a read transaction that shows `marker` as the
    last audit row (the caller's data), with the unit lookup when `units` is given; or
    None."""
    readers = []
    try:
        for _ in range(count):
            conn = sqlite3.connect(path, timeout=30, isolation_level=None,
                                   check_same_thread=False)  # used by one thread at a time
            readers.append(conn)
            if units is not None:
                _prepare(conn, units)
            conn.execute("begin")
            if _marker(conn) != marker:  # a write landed between: read on one connection
                raise LookupError
        return readers
    except (sqlite3.Error, LookupError):
        for conn in readers:
            conn.close()
        return None


def _numbered(block: bytes, first: int, lines: int) -> bytes | memoryview | None:
    """The block's lines with their STT (first, first + 1, ...) in place of each line's
    STT_MARK, or None when the text holds a % and the block does not split into `lines`
    lines at CRLF (a CRLF inside a field)."""
    if block.count(b"%") == lines:  # every % is a line's mark: one formatting, in C
        return block % tuple(range(first, first + lines))
    parts = block.split(_CRLF)  # a % in the text: each mark cut off, the numbers put in
    if len(parts) != lines + 1:
        return None
    out = [_CRLF] * (2 * lines + 1)
    out[0:2 * lines:2] = map(b"\r\n%d,".__mod__, range(first, first + lines))
    out[1::2] = [part[len(STT_MARK):] for part in parts[:lines]]
    return memoryview(b"".join(out))[2:]  # without the first CRLF, not copied again


class _Plan:
    """The statements of one list (its names read on `conn`), the unit lookup put into
    every connection that reads."""

    def __init__(self, conn, event_id: int, names: dict, conns):
        line = _line_sql(conn, event_id, names)
        self.units = _units(conn, names)
        for reader in conns:
            _prepare(reader, self.units)
        source = (f"from activities a left join temp.csv_units u on u.k = a.unit_id "
                  f"where a.id between ?1 and ?2 and +a.event_id = ?3 and {COUNTING}")
        self.chunk = (f"select count(*), cast(group_concat(line, '') as blob) from "
                      f"(select {line} as line {source} order by a.id)")
        self.rows = f"select cast({line} as blob) {source} order by a.id"


def blocks(db, event_id: int, names: dict, readers: int | None = None):
    """The activities list's lines with their STT, as CRLF-ended UTF-8 blocks, oldest
    first; None when a title or link needs cleaning (the caller converts row by row).
    With reader connections the names are read and the first blocks made at once, on
    threads, while the caller goes on (db/export reads the totals meanwhile). Read in the
    caller's read transaction when it has one (db/export.write_csv)."""
    if has_unclean_text(db, event_id):
        return None
    # two look-ups: min() and max() in one select read every id (8-13 ms at 100 000)
    low, high = db.execute("select (select min(id) from activities), "
                           "(select max(id) from activities)").fetchone()
    ranges = [] if low is None else [(i, min(i + CHUNK_IDS - 1, high))
                                      for i in range(low, high + 1, CHUNK_IDS)]
    count = min(READERS if readers is None else readers, len(ranges))
    path = _file_of(db.conn)
    conns = None
    if count > 1 and path and (os.cpu_count() or 1) > 1:
        conns = _open_readers(path, None, _marker(db.conn), count)
    made = _Readers(conns, event_id, names, ranges) if conns else \
        _made_here(db, event_id, names, ranges)
    return Blocks(made, db.conn, event_id)


def _made_here(db, event_id: int, names: dict, ranges):
    """(plan, range, (lines, block)) in range order, made on the caller's connection."""
    plan = _Plan(db, event_id, names, [db.conn])
    for span in ranges:
        yield plan, span, db.conn.execute(plan.chunk, [*span, event_id]).fetchone()


class Blocks:
    """The numbered blocks, iterated once; close() ends the readers (also unread)."""

    def __init__(self, made, own, event_id: int):
        self.made, self.own, self.event_id = made, own, event_id

    def close(self) -> None:
        self.made.close()

    def __iter__(self):
        first, prepared = 1, False
        for plan, (low, high), (lines, block) in self.made:
            if not lines:
                continue
            shown = _numbered(block, first, lines)
            if shown is None:  # a CRLF inside a field: this block line by line
                if not prepared:
                    _prepare(self.own, plan.units)
                    prepared = True
                shown = b"".join(b"%d,%s" % (first + i, text[len(STT_MARK):])
                                 for i, (text,) in enumerate(self.own.execute(
                                     plan.rows, [low, high, self.event_id])))
            first += lines
            yield shown


class _Readers:
    """(plan, range, (lines, block)) in range order. At once, a thread reads the names on
    the first reader and starts one thread per connection (reader i makes blocks i,
    i + n, ...), at most two blocks ahead each."""

    def __init__(self, conns, event_id: int, names: dict, ranges):
        self.conns, self.event_id, self.ranges = conns, event_id, ranges
        self.outs = [queue.Queue(maxsize=2) for _ in conns]
        self.stop = threading.Event()
        self.plan: _Plan | None = None
        self.threads = [threading.Thread(target=self._start, args=(names,), daemon=True,
                                         name="llw-csv-plan")]
        self.threads[0].start()

    def _start(self, names) -> None:
        try:
            self.plan = _Plan(self.conns[0], self.event_id, names, self.conns)
        except BaseException as error:  # handed to the consumer, raised there
            self._put(self.outs[0], error)
            return
        for i in range(len(self.conns)):
            thread = threading.Thread(target=self._read, args=(i,), daemon=True,
                                      name=f"llw-csv-{i}")
            self.threads.append(thread)
            thread.start()

    def _put(self, out, item) -> None:
        while not self.stop.is_set():
            try:
                out.put(item, timeout=0.1)
                return
            except queue.Full:
                continue

    def _read(self, i: int) -> None:
        n = len(self.conns)
        try:
            for k in range(i, len(self.ranges), n):
                if self.stop.is_set():
                    return
                self._put(self.outs[i], self.conns[i].execute(
                    self.plan.chunk, [*self.ranges[k], self.event_id]).fetchone())
        except BaseException as error:  # handed to the consumer, raised there
            self._put(self.outs[i], error)

    def __iter__(self):
        n = len(self.conns)
        for k, span in enumerate(self.ranges):
            item = self.outs[k % n].get()
            if isinstance(item, BaseException):
                raise item
            yield self.plan, span, item

    def close(self) -> None:
        self.stop.set()
        for thread in list(self.threads):  # the plan's thread adds the readers' first
            thread.join()
        for thread in self.threads:
            thread.join()
        for conn in self.conns:
            conn.close()
