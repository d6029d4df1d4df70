"""The activities list as CSV lines made by SQLite (issue 23: at 100 000 activities the CSV
must take at most 2x `export --table by_ward`), byte for byte what core/workbook's row by
row conversion writes (tests/test_export_csv_stream.py compares the two).

How it stays cheap:
- Text that needs core/xlsx_stream.clean_text (control characters, CR, > 32 767
  characters) is found through the partial index activities_unclean_text (db/schema.py),
  not by scanning every title: such a list takes the Python path instead (the same bytes).
- Every name is looked up in SQL without a join where it can be: wards, types, dates and
  audiences are CASE trees of already shown and quoted CSV fields (a text-keyed join cost
  as much again); units (thousands) are a temporary table with an integer key.
- One printf() builds a line (a chain of || copied the growing line once per field).
- Lines come in blocks of CHUNK_IDS ids as one group_concat() each, as bytes: no Python
  object per row; the block is numbered (STT) with one split and one join.
- The blocks are read by READERS connections of their own, on threads: sqlite3 lets go of
  the GIL while a statement runs, so on two cores two blocks are made at once. They read
  the same data as the caller's connection: each reader's snapshot must show the same last
  audit row (every write through db/ adds one), else one connection reads them all."""
import os
import queue
import sqlite3
import threading
from datetime import date, timedelta

from core import reference as ref
from core import texts, workbook
from db.schema import UNCLEAN_ACTIVITY_TEXT

COUNTING = "a.deleted = 0 and a.status != 'needs_fix'"
CHUNK_IDS = 4096  # activity ids per block: ~1 MB of CSV at city scale
READERS = 2
_QUOTE = "'"
_CRLF = b"\r\n"


def csv_field(text: str) -> str:
    """A text as csv.writer's QUOTE_MINIMAL writes it in a line of several fields: in
    double quotes (doubled inside) when it holds a comma, a quote, CR or LF."""
    if any(c in text for c in ',"\r\n'):
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
    unclean text takes the Python path). The apostrophe does not change the quoting."""
    apostrophe = f"case when {column} glob '[-=+@]*' then {_QUOTE * 4} else {_QUOTE * 2} end"
    return (f"case when instr({column}, ',') or instr({column}, '\"') "
            f"or instr({column}, char(10)) "
            f"then '\"' || {apostrophe} || replace({column}, '\"', '\"\"') || '\"' "
            f"else {apostrophe} || {column} end")


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
    used = shown([a for (a,) in db.execute(
        "select distinct audiences from activities where +event_id = ? "
        "and coalesce(audiences, '') != ''", [event_id])], audiences)
    days = [(d, f"{d[8:10]}/{d[5:7]}/{d[0:4]}") for d in _week_days(db, event_id)]
    fields = [
        "coalesce(u.a, ',')",  # code and name: two fields
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

    return [(i, field(names["unit_code"][i]) + "," + field(names["unit_name"][i]))
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
    last audit row (the caller's data), or None."""
    readers = []
    try:
        for _ in range(count):
            conn = sqlite3.connect(path, timeout=30, isolation_level=None,
                                   check_same_thread=False)  # used by one thread at a time
            readers.append(conn)
            _prepare(conn, units)
            conn.execute("begin")
            if _marker(conn) != marker:  # a write landed between: read on one connection
                raise LookupError
        return readers
    except (sqlite3.Error, LookupError):
        for conn in readers:
            conn.close()
        return None


def _numbered(block: bytes, first: int, lines: int) -> memoryview | None:
    """The block's lines with their STT (first, first + 1, ...), or None when the block
    does not split into `lines` lines at CRLF (a CRLF inside a field)."""
    parts = block.split(_CRLF)
    if len(parts) != lines + 1:
        return None
    out = [_CRLF] * (2 * lines + 1)
    out[0:2 * lines:2] = map(b"\r\n%d,".__mod__, range(first, first + lines))
    out[1::2] = parts[:lines]
    return memoryview(b"".join(out))[2:]  # without the first CRLF, not copied again


def blocks(db, event_id: int, names: dict, readers: int | None = None):
    """The activities list's lines with their STT, as CRLF-ended UTF-8 blocks, oldest
    first; None when a title or link needs cleaning (the caller converts row by row).
    Read in the caller's read transaction when it has one (db/export.write_csv)."""
    if has_unclean_text(db, event_id):
        return None
    line = _line_sql(db, event_id, names)
    units = _units(db, names)
    source = (f"from activities a left join temp.csv_units u on u.k = a.unit_id "
              f"where a.id between ? and ? and +a.event_id = ? and {COUNTING}")
    chunk = (f"select count(*), cast(group_concat(line, '') as blob) from "
             f"(select {line} as line {source} order by a.id)")
    rows = f"select cast({line} as blob) {source} order by a.id"
    low, high = db.execute("select min(id), max(id) from activities").fetchone()
    ranges = [] if low is None else [(i, min(i + CHUNK_IDS - 1, high))
                                      for i in range(low, high + 1, CHUNK_IDS)]
    readers = READERS if readers is None else readers
    path = _file_of(db.conn)
    conns = None
    if readers > 1 and len(ranges) > 1 and path and (os.cpu_count() or 1) > 1:
        conns = _open_readers(path, units, _marker(db.conn), min(readers, len(ranges)))
    _prepare(db.conn, units)  # also for a block read line by line (_numbered_blocks)
    if conns is None:
        conns = [db.conn]
    return _numbered_blocks(conns, db.conn, chunk, rows, ranges, event_id)


def _numbered_blocks(conns, own, chunk: str, rows: str, ranges, event_id: int):
    made = _made_in_turn(conns, chunk, ranges, event_id) if len(conns) > 1 else \
        ((r, conns[0].execute(chunk, [*r, event_id]).fetchone()) for r in ranges)
    first = 1
    try:
        for (low, high), (lines, block) in made:
            if not lines:
                continue
            shown = _numbered(block, first, lines)
            if shown is None:  # a CRLF inside a field: this block line by line
                shown = b"".join(b"%d,%s" % (first + i, text) for i, (text,) in enumerate(
                    own.execute(rows, [low, high, event_id])))
            first += lines
            yield shown
    finally:
        if hasattr(made, "close"):
            made.close()
        for conn in conns:
            if conn is not own:
                conn.close()


def _made_in_turn(conns, chunk: str, ranges, event_id: int):
    """(range, (lines, block)) in range order, the blocks made by one thread per
    connection (reader i makes blocks i, i + n, ...), at most two ahead each."""
    n = len(conns)
    outs = [queue.Queue(maxsize=2) for _ in conns]
    stop = threading.Event()

    def put(out, item):
        while not stop.is_set():
            try:
                out.put(item, timeout=0.1)
                return
            except queue.Full:
                continue

    def read(i):
        try:
            for k in range(i, len(ranges), n):
                if stop.is_set():
                    return
                put(outs[i], conns[i].execute(chunk, [*ranges[k], event_id]).fetchone())
        except BaseException as error:  # handed to the consumer, raised there
            put(outs[i], error)

    threads = [threading.Thread(target=read, args=(i,), name=f"llw-csv-{i}", daemon=True)
               for i in range(n)]
    for thread in threads:
        thread.start()
    try:
        for k, span in enumerate(ranges):
            item = outs[k % n].get()
            if isinstance(item, BaseException):
                raise item
            yield span, item
    finally:
        stop.set()
        for thread in threads:
            thread.join()
