"""The data behind the city's workbook, one reader per sheet: figures from db/stats.py (the one
definition) and db/progress.py, the lists straight from SQL (only the columns a sheet shows).
`sheets(db, event_id, names)` reads only what the named sheets need, so
`manage.py export --table by_ward` costs one stats summary, not the whole workbook.
XlsxJob builds the workbook for the export page in a child process (`python3 -m db.export`)."""
import io
import logging
import subprocess
import sys
import tempfile
import threading
from dataclasses import replace
import time
from pathlib import Path

from core import reference as ref
from core import texts, workbook
from core.organiser import fill_all
from db.organiser import organiser_for
from db import activities_csv, areas, catalogue, commendations, progress, rollup, sample_data, \
    stats, week_units

COUNTING = "{t}.deleted = 0 and {t}.status != 'needs_fix'"
ROOT = Path(__file__).resolve().parent.parent
MMAP_BYTES = 256 * 1024 * 1024


class UnknownTable(ValueError):
    pass


def check_names(names) -> list[str]:
    names = list(names) if names else list(workbook.SHEET_ORDER)
    unknown = [n for n in names if n not in workbook.SHEET_ORDER]
    if unknown:
        raise UnknownTable(texts.WB_UNKNOWN_TABLE.format(
            name=", ".join(unknown), names=", ".join(workbook.SHEET_ORDER)))
    return names


def _case(column: str, names: dict) -> str:
    """SQL naming the codes of `column` (our own constant names, quoted)."""
    whens = " ".join(f"when '{code}' then '{name.replace(chr(39), chr(39) * 2)}'"
                     for code, name in names.items())
    return f"case {column} {whens} else {column} end"


def _lookup(db, sql: str) -> workbook.Lookup:
    return workbook.Lookup(db.execute(sql).fetchall())


def list_names(db, event_id: int | None = None) -> dict[str, workbook.Lookup]:
    """The code -> name lookups of the two lists (units, the event's areas, types,
    channels). Areas, types and channels are named as the event names them (db/areas,
    db/catalogue), a code it does not list as the registry does; without an event, the
    registry's names."""
    names = {"unit_code": _lookup(db, "select id, code from units"),
             "unit_name": _lookup(db, "select id, name from units" if event_id is None
                                  else f"select id, name from {week_units.table_sql(event_id)}"),
             "ward": _lookup(db, "select code, name from wards")}
    cat = catalogue.catalogue_for(db, event_id) if event_id is not None else None
    if cat is None:
        return dict(names, type=_lookup(db, "select code, name from activity_types"),
                    channel=_lookup(db, "select code, name from channels"),
                    measure=_lookup(db, "select code, measure from channels"))
    names["ward"] = workbook.Lookup(list(areas.names_for(db, event_id).items()))
    type_codes = [c for (c,) in db.execute("select code from activity_types")]
    channel_codes = [c for (c,) in db.execute("select code from channels")]
    return dict(names,
                type=workbook.Lookup([(c, cat.type_name(c)) for c in type_codes]),
                channel=workbook.Lookup([(c, cat.channel_name(c)) for c in channel_codes]),
                measure=workbook.Lookup([(c, cat.channel_measure(c)) for c in channel_codes]))


def activity_rows(db, event_id: int, fetch: bool = True):
    """Counting activities, oldest first, in the shape of workbook.activities_sheet.
    `+event_id` keeps SQLite off the (event, unit) index: one scan in id order beats 100 000
    index look-ups and a sort (0.50 s vs 0.72 s at 100 000); names are looked up in Python
    (joins to units, wards and types cost another 0.25 s)."""
    return db.execute(
        f"""select a.unit_id, a.unit_id, a.ward_code, a.type, a.title, a.start_date,
                   a.end_date, {_case('a.format', ref.FORMAT_NAMES)}, a.participants,
                   a.online_participants, a.audiences,
                   {_case('a.status', texts.ENT_STATUS_NAMES)}, a.evidence_url
            from activities a
            where +a.event_id = ? and {COUNTING.format(t='a')} order by a.id""",
        [event_id]).fetchall() if fetch else []  # write_csv reads them shown by SQL


def propaganda_rows(db, event_id: int, fetch: bool = True):
    """Counting propaganda entries, oldest first, in the shape of workbook.propaganda_sheet
    (`fetch=False`: a cursor, read as it is written)."""
    cursor = db.execute(
        f"""select p.unit_id, p.unit_id, p.ward_code, p.channel, p.quantity, p.channel,
                   p.date, p.slogans, {_case('p.status', texts.ENT_STATUS_NAMES)}, p.link,
                   p.note
            from propaganda p
            where +p.event_id = ? and {COUNTING.format(t='p')} order by p.id""",
        [event_id])
    return cursor.fetchall() if fetch else cursor


def not_counted_rows(db, event_id: int) -> list[tuple]:
    """Needs-fix and withdrawn entries of both kinds, activities first, oldest first."""
    units = week_units.table_sql(event_id)  # the units as the week names them
    return db.execute(
        f"""select 'activity', a.deleted, u.code, u.name, coalesce(w.name, a.ward_code),
                  a.title, a.start_date, a.participants, null, a.review_comment
           from activities a join {units} u on u.id = a.unit_id
           left join event_areas w on w.event_id = a.event_id and w.code = a.ward_code
           where +a.event_id = ? and (a.deleted = 1 or a.status = 'needs_fix')
           union all
           select 'propaganda', p.deleted, u.code, u.name, coalesce(w.name, p.ward_code),
                  null, p.date, p.quantity, p.channel, p.review_comment
           from propaganda p join {units} u on u.id = p.unit_id
           left join event_areas w on w.event_id = p.event_id and w.code = p.ward_code
           where +p.event_id = ? and (p.deleted = 1 or p.status = 'needs_fix')
           order by 1, 7""", [event_id, event_id]).fetchall()


def slogan_texts(db, event_id: int) -> dict[int, str]:
    return dict(db.execute("select number, text from slogans where event_id = ?",
                           [event_id]).fetchall())


def picks_with_units(db, event_id: int) -> list[dict]:
    """The commendations with each recipient's unit: the unit itself for a unit, the
    nominating unit for a person picked from a nomination (as the closing report prints)."""
    unit_of = {n["id"]: n["unit_name"] for n in commendations.list_nominations(db, event_id)}
    return [dict(p, unit_name=p.get("unit_name") or unit_of.get(p.get("nomination_id")) or "")
            for p in commendations.list_commendations(db, event_id)]


def sheets(db, event_id: int, names=None, *, progress_cb=None, stream=False,
           known_names=None) -> list:
    """The workbook's sheets (all, or those named), in SHEET_ORDER. `stream`: the long
    lists' rows as a cursor (propaganda) or not read (activities: write_csv reads them
    shown by SQL), for a CSV written as it is read."""
    names = check_names(names)
    cache: dict = {} if known_names is None else {"names": known_names}  # list_names

    def summary():
        if "summary" not in cache:
            cache["summary"] = stats.summary(db, event_id)
        return cache["summary"]

    def lookups():
        if "names" not in cache:
            cache["names"] = list_names(db, event_id)
        return cache["names"]

    builders = {
        "totals": lambda: workbook.totals_sheet(summary(), sample=sample_data.present(db)),
        "by_ward": lambda: workbook.by_ward_sheet(summary()),
        "by_tier": lambda: workbook.by_tier_sheet(summary()),
        "by_type": lambda: workbook.by_type_sheet(summary()),
        "by_channel": lambda: workbook.by_channel_sheet(summary()),
        "by_slogan": lambda: workbook.by_slogan_sheet(stats.by_slogan(db, event_id),
                                                      slogan_texts(db, event_id)),
        "by_day": lambda: workbook.by_day_sheet(summary()),
        "learning_models": lambda: workbook.learning_models_sheet(
            stats.learning_models(db, event_id)),
        "targets": lambda: workbook.targets_sheet(stats.targets_attainment(db, event_id)),
        "units": lambda: workbook.units_sheet(
            progress.units_progress(db, event_id), summary()["totals"],
            summary()["by_ward_district"]["name"],
            progress.deactivated_with_entries(db, event_id)),
        "commendations": lambda: workbook.commendations_sheet(picks_with_units(db, event_id)),
        "nominations": lambda: workbook.nominations_sheet(
            list(reversed(commendations.list_nominations(db, event_id)))),
        "activities": lambda: workbook.activities_sheet(
            activity_rows(db, event_id, fetch=not stream), summary()["totals"], lookups()),
        "propaganda": lambda: workbook.propaganda_sheet(
            propaganda_rows(db, event_id, fetch=not stream), summary()["totals"],
            lookups()),
        "not_counted": lambda: workbook.not_counted_sheet(not_counted_rows(db, event_id),
                                                          lookups()),
        "rollup": lambda: rollup.sheet(db, event_id, summary()),  # issue 15: for the level above
    }
    out = []
    org = organiser_for(db, event_id)
    for i, name in enumerate(n for n in workbook.SHEET_ORDER if n in names):
        sheet = builders[name]()
        if org:  # notes, headers and the totals' labels say {area} and {level} (issue 15)
            sheet.preamble = fill_all(sheet.preamble, org)
            sheet.notes = fill_all(sheet.notes, org)
            sheet.columns = [replace(c, header=fill_all(c.header, org))
                             for c in sheet.columns]
            if name == "totals":
                sheet.rows = fill_all(sheet.rows, org)
            if name == "by_ward":  # «Theo phường» / «Theo tổ dân phố» (issue 21 item 6)
                sheet.name = _sheet_name(fill_all(texts.WB_SHEET_BY_AREA, org))
        out.append(sheet)
        if progress_cb:
            progress_cb(i + 1, len(names))
    return out


def _sheet_name(text: str) -> str:
    """A sheet name Excel accepts: <= 31 characters, none of []:*?/\ (an area word is
    the admin's text)."""
    return "".join(" " if ch in "[]:*?/\\" else ch for ch in text).strip()[:31] or \
        texts.WB_SHEETS["by_ward"]


def _title(db, event_id: int) -> str:
    event = stats.event_info(db, event_id)
    return f"{event['title']} {event['year']}"


def xlsx(db, event_id: int, names=None, *, out=None, progress=None) -> bytes | None:
    """The workbook as bytes (or written to `out`). progress(fraction 0..1, phase) where
    phase is 'read' (sheets read from the database) or 'write' (rows written)."""
    # the lists read most of the file: through a memory map instead of a read() per page
    # (system CPU 0.3 -> 0.1 s at 100 000 activities); a setting of this connection only
    db.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
    read_cb = (lambda done, total: progress(0.3 * done / total, "read")) if progress else None
    all_sheets = sheets(db, event_id, names, progress_cb=read_cb)
    write_cb = (lambda done, total: progress(0.3 + 0.7 * done / total, "write")) \
        if progress else None
    return workbook.xlsx(all_sheets, out, progress=write_cb, title=_title(db, event_id))


def csv_bytes(db, event_id: int, name: str = "activities") -> bytes:
    out = io.StringIO()
    write_csv(db, event_id, name, out)
    return out.getvalue().encode("utf-8")


def write_csv(db, event_id: int, name: str, out) -> bool:
    """One table as CSV to the text stream `out` (UTF-8 with BOM once encoded), written as
    it is read: at 100 000 activities the list was 261 MB and 3.8 CPU-s as one text in
    memory (issue 23). The activities' lines are made by SQL (db/activities_csv: names,
    dates, the formula guard, csv's quoting) in numbered blocks of bytes, unless a title or
    link needs core/workbook's control-character cleaning (then row by row in Python: the
    same bytes). Everything is read in one read transaction: the total row and the lines
    show the same data. Returns whether the SQL path was taken."""
    own = not db.conn.in_transaction
    if own:
        db.execute("begin")
    blocks = None
    try:
        names = list_names(db, event_id) if name == "activities" else None
        if names is not None:  # first: its readers start while the totals are read
            blocks = activities_csv.blocks(db, event_id, names)
        (sheet,) = sheets(db, event_id, [name], stream=True, known_names=names)
        if name != "activities":
            workbook.write_csv(sheet, out)
            return False
        if blocks is None:
            sheet.rows = activity_rows(db, event_id)
        workbook.write_csv(sheet, out, shown_blocks=blocks)
        return blocks is not None
    finally:
        if blocks is not None:
            blocks.close()
        if own:
            db.execute("commit")


# --- off the page script: the export page builds the workbook on a thread of its own -------

def data_marker(db) -> int:
    """Changes with every write through db/ (each writes one audit row): tells the export
    page that a workbook built earlier no longer shows the latest figures."""
    return db.execute("select coalesce(max(id), 0) from audit_log").fetchone()[0]


class XlsxJob:
    """Builds the workbook in a child process (`python3 -m db.export`), so the page stays
    responsive and can draw a progress bar: `fraction` (0..1) and `phase` move as the sheets
    are read and written; `data` holds the bytes when `finished`, or `error`.

    A process, not a thread: building is CPU-bound Python; on a thread it holds the GIL
    against every other session of the server (measured on the loaded 2-core machine: 49 s
    in the server vs 13 s in a process of its own, and every dashboard stalls meanwhile)."""

    command = [sys.executable, "-m", "db.export"]  # + DB EVENT_ID OUT; tests may replace it

    def __init__(self, db_path: str, event_id: int):
        self.db_path, self.event_id = db_path, event_id
        self.fraction, self.phase = 0.0, "read"
        self.data: bytes | None = None
        self.error: str | None = None
        self.marker: int | None = None
        self.seconds: float | None = None
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, name="llw-xlsx-export", daemon=True)

    def start(self) -> "XlsxJob":
        self._thread.start()
        return self

    @property
    def finished(self) -> bool:
        return self._done.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        return self._done.wait(timeout)

    def _run(self) -> None:
        started = time.monotonic()
        try:
            with tempfile.TemporaryDirectory(prefix="llw-xlsx-") as tmp:
                out, log = Path(tmp) / "workbook.xlsx", Path(tmp) / "stderr.txt"
                with open(log, "w") as err:
                    child = subprocess.Popen(
                        [*self.command, self.db_path, str(self.event_id), str(out)],
                        stdout=subprocess.PIPE, stderr=err, text=True, cwd=ROOT)
                    for line in child.stdout:  # "fraction phase" lines, then "marker N"
                        self._read_line(line)
                    child.wait()
                if child.returncode != 0 or not out.exists():
                    raise RuntimeError(log.read_text(errors="replace")[-4000:])
                self.data = out.read_bytes()
                self.fraction = 1.0
        except Exception as error:  # shown to the user as a Vietnamese message; logged whole
            logging.getLogger(__name__).error("workbook export failed: %s", error)
            self.error = type(error).__name__
        finally:
            self.seconds = time.monotonic() - started
            self._done.set()

    def _read_line(self, line: str) -> None:
        first, _, rest = line.strip().partition(" ")
        if first == "marker":
            self.marker = int(rest)
            return
        try:
            self.fraction, self.phase = min(max(float(first), 0.0), 1.0), rest
        except ValueError:
            pass


def _worker(argv: list[str]) -> int:
    """python3 -m db.export DB EVENT_ID OUT: the workbook to OUT, progress on stdout."""
    from db import connect

    db_path, event_id, out = argv
    if not Path(db_path).is_file():  # connect() would create an empty database
        print(f"no database at {db_path}", file=sys.stderr)
        return 2
    db = connect(db_path)
    try:
        print(f"marker {data_marker(db)}", flush=True)
        last = [-1.0]

        def progress(fraction: float, phase: str) -> None:
            if fraction - last[0] >= 0.01 or fraction >= 1.0:
                last[0] = fraction
                print(f"{fraction:.4f} {phase}", flush=True)

        xlsx(db, int(event_id), out=out, progress=progress)
    finally:
        db.conn.close()
    return 0


if __name__ == "__main__":
    sys.exit(_worker(sys.argv[1:]))
