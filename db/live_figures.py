"""The live dashboard's shared views, recomputed at most once per refresh period, and only
when something they show changed (issue 23).

Why not `PRAGMA data_version` (the key of issue 14's shared figures): it changes on EVERY
commit — a sign-in recording its time, an audit row — so at city scale every write threw
the whole view away and the next refresh recomputed it (1.1–1.3 CPU-s), once per write.

Two mechanisms:

- **What the figures show changed** is a counter, `figures_version.n`, bumped by triggers on
  every table the dashboard reads (entries, units, areas, catalogue, settings, events,
  submissions…), whoever writes (pages, imports, the demo, another process). Tables it
  never shows are left out (`NOT_SHOWN`: accounts, the audit log, sign-in throttling,
  budgets, photos, nominations, commendations…), so a sign-in or an audit row changes
  nothing. Triggers are (re)installed at every start (`ensure_triggers`, from
  db/setup.prepare), so a table added by a later migration is covered without a list to
  keep up to date. `epoch` is random per database file: a restore (a fresh file copied in)
  never looks like a state seen before.
- **At most once per period, on the wall clock** (core/aligned_refresh): a view is checked
  at the multiples of the period (epoch seconds) after a viewer asked for it, and
  recomputed there, in the background, only when its fingerprint changed; at most one
  recompute per aligned period. All of a server's recomputes run on ONE thread, one at a
  time, after the first computations under way (RecomputeQueue, issue 24); a late one (a
  backlog) is simply later, the viewers keep the previous view. Viewers refresh shortly
  after those times (components/aligned_refresh), so a write is seen within one period +
  5 s; a viewer that finds the recompute still running waits for it a little (WAIT_S, and
  never past core/aligned_refresh.wait_deadline: a refresh must not come more than 1 s
  late). Meanwhile viewers get the previous view with the time its figures were read. Two
  writes within one period cost one recompute, whatever the write rate and the number of
  viewers. The first viewer of a view (no previous copy) computes it at once (at most
  FIRSTS_AT_ONCE such computations at a time); concurrent first viewers wait for
  that one computation.

A view is computed on a connection of its own (the viewer's closes with its page run).
"""
import heapq
import itertools
import logging
import os
import threading
import time
from collections import OrderedDict, deque
from dataclasses import dataclass, field

from core import aligned_refresh
from db.connection import connect
from db.directory import connect_readonly

# views (event x filters x day x picture/interactive), LRU; enough for every organiser of
# a city's server (issue 24: 127 organisers x 2 views were evicting each other at 64)
VIEWS_KEPT = 1024
# Tables the dashboard never shows: a write there does not change a figure. Everything
# else bumps the counter (a new table included: safe by default).
NOT_SHOWN = {"users", "audit_log", "login_throttle", "form_tokens", "import_files",
             "budgets", "budget_lines", "photos", "nominations", "commendations",
             "activity_cube", "propaganda_cube",  # derived: their sources bump already
             "figures_version"}
# first computations of views (a viewer opening what nobody has opened) at once; the
# others wait their turn (the pictures' worker processes, core/svg_worker.WORKERS, draw
# two at once)
FIRSTS_AT_ONCE = 2
# a first computation waits this long at most for its turn (measured, issue 24: with 10 s
# the 127 organisers' first opens all went ahead together after 10 s; a view computed first
# both inside another's computation and at the top could otherwise wait for ever)
FIRST_TURN_WAIT_S = 60.0
log = logging.getLogger(__name__)


# --- the fingerprint -----------------------------------------------------------------------

def _trigger_name(table: str, op: str) -> str:
    return f"figures_bump_{table}_{op}"


def watched_tables(db) -> list[str]:
    return [name for (name,) in db.execute(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' "
        "and name not like '\\_%' escape '\\' order by name").fetchall()
        if name not in NOT_SHOWN]


def ensure_triggers(db) -> int:
    """One AFTER INSERT/UPDATE/DELETE trigger per shown table; returns how many were
    created (0 once installed: nothing is written at an ordinary start)."""
    if not db.execute("select 1 from sqlite_master where name = 'figures_version'").fetchone():
        return 0  # a database older than the migration (prepare applies it first)
    existing = {name for (name,) in db.execute(
        "select name from sqlite_master where type = 'trigger' and name like 'figures_bump_%'")}
    created = 0
    for table in watched_tables(db):
        for op in ("insert", "update", "delete"):
            name = _trigger_name(table, op)
            if name in existing:
                continue
            db.execute(f"create trigger [{name}] after {op} on [{table}] begin "
                       "update figures_version set n = n + 1 where id = 1; end")
            created += 1
    return created


_REAL_PATHS: dict = {}  # path as given -> its real path (a realpath walks every folder)


def real_path(path) -> str:
    """The file's real path, the key of its views and its phase, from any spelling of it."""
    name = str(path)
    found = _REAL_PATHS.get(name)
    if found is None:
        found = _REAL_PATHS[name] = os.path.realpath(name)
    return found


def _database_file(db) -> str | None:
    row = db.execute("PRAGMA database_list").fetchone()
    return real_path(row[2]) if row and row[2] else None


def fingerprint(db) -> tuple:
    """Names the state of everything the dashboard shows: (file, inode, epoch, counter).
    One row read: cheap enough for every refresh of every viewer."""
    path = _database_file(db)
    row = db.execute("select epoch, n from figures_version where id = 1").fetchone()
    inode = os.stat(path).st_ino if path else None
    return (path, inode, *(row or (None, None)))


# --- the views -----------------------------------------------------------------------------

@dataclass
class _View:
    value: object = None
    fingerprint: tuple = ()
    stamp: float = 0.0  # wall time when its figures were read
    slot: float | None = None  # the aligned time (or, first, the time) its computation began
    pending: bool = False  # a check at the next aligned time is scheduled
    running: threading.Event | None = None  # set when the recompute under way ends
    ready: threading.Event = field(default_factory=threading.Event)


class ThrottledViews:
    """key -> view, recomputed in the background at aligned times (multiples of the
    period on the wall clock, core/aligned_refresh), at most once per period, only when
    what it shows changed. `clock` (epoch seconds), `wall` (the stamp) and
    `schedule(delay, fn)` are injectable so tests control time."""

    def __init__(self, size: int = VIEWS_KEPT, clock=time.time, wall=time.time,
                 schedule=None, wait: float = aligned_refresh.WAIT_S):
        self.size, self.clock, self.wall, self.wait = size, clock, wall, wait
        self.lock = threading.Lock()
        # first computations under way: the background recomputes let them go first
        self.firsts = 0
        self.firsts_done = threading.Condition(self.lock)
        # ...and at most FIRSTS_AT_ONCE of them compute at once (a nested view's first
        # computation inside one does not take another turn): 127 organisers opened in
        # one period were 127 threads building charts under one GIL
        self.first_turns = threading.BoundedSemaphore(FIRSTS_AT_ONCE)
        self.in_turn = threading.local()
        self.schedule = (RecomputeQueue(clock, self._no_first_running) if schedule is None
                         else schedule)
        self.views: "OrderedDict[tuple, _View]" = OrderedDict()
        self.counts = {"hits": 0, "stale": 0, "computed": 0, "recomputed": 0, "failed": 0,
                       "checked": 0, "waited": 0, "served": 0, "late_start": 0}
        # seconds of the latest recomputes, for whoever tunes the budget R
        # (core/aligned_refresh) and the benchmark's report
        self.recompute_seconds: deque = deque(maxlen=200)

    def get(self, key: tuple, current: tuple, compute, period: float, probe=None,
            phase: float = 0.0):
        """(value, stamp) of `key`. `current`: the fingerprint now; `compute()` returns
        (fingerprint, value) from a connection of its own, on any thread; `probe()` the
        fingerprint then (at the aligned time; without it, `current` is taken)."""
        with self.lock:
            view = self.views.get(key)
            first = view is None
            if first:
                view = self.views[key] = _View()
                while len(self.views) > self.size:
                    self.views.popitem(last=False)
            else:
                self.views.move_to_end(key)
        if first:
            self._first(key, view, compute)
        view.ready.wait(120)  # another viewer is computing the first copy
        if not view.ready.is_set() or view.slot is None:
            raise RuntimeError(f"view {key!r} could not be computed")
        running = view.running
        # `current` None: the viewer read nothing (view_of_file); a recompute under way is
        # the aligned one its refresh was timed after
        if running is not None and (current is None
                                    or not _covers(view.fingerprint, current)):
            # the aligned recompute is finishing: a little wait shows the new figures
            # instead of the previous period's (core/aligned_refresh: the budget R)
            running.wait(self.wait)
            with self.lock:
                self.counts["waited"] += 1
        delay = None
        with self.lock:
            value, stamp = view.value, view.stamp
            # served while its recompute still runs: the caller may look again soon
            # (the dashboard retries in a second instead of a whole period later)
            _SERVED.behind = view.running is not None and not view.running.is_set()
            if not first:
                self.counts["served" if current is None else
                            "hits" if _covers(view.fingerprint, current) else "stale"] += 1
            if not view.pending:  # one check per view and aligned time, whoever asks
                view.pending = True
                now = self.clock()
                slot = aligned_refresh.recompute_slot(now, period, view.slot, phase)
                delay = max(0.0, slot - now)
        if delay is not None:
            check = probe if probe is not None else (lambda: current)
            self.schedule(delay, lambda: self._tick(key, view, compute, check, slot))
        return value, stamp

    def _first(self, key, view: _View, compute) -> None:
        with self.lock:
            self.firsts += 1
        nested = getattr(self.in_turn, "held", False)
        try:
            # bounded: a view computed first inside another's computation by one thread
            # and at the top by a thread waiting for its turn must not wait forever
            if not nested and self.first_turns.acquire(timeout=FIRST_TURN_WAIT_S):
                self.in_turn.held = True
            self._fill(view, compute, None)
            with self.lock:
                self.counts["computed"] += 1
        except BaseException:
            with self.lock:
                if self.views.get(key) is view:
                    del self.views[key]
            raise
        finally:
            if not nested and self.in_turn.__dict__.pop("held", False):
                self.first_turns.release()
            with self.lock:
                self.firsts -= 1
                self.firsts_done.notify_all()
            view.ready.set()

    def _no_first_running(self, timeout: float) -> None:
        """Wait (at most `timeout` s) until no first computation is under way: a viewer
        opening a view nobody has yet waits for it, one refreshing has the previous copy."""
        with self.lock:
            self.firsts_done.wait_for(lambda: self.firsts == 0, timeout)

    def _fill(self, view: _View, compute, slot: float | None) -> None:
        began, stamp = self.clock(), self.wall()
        version, value = compute()
        with self.lock:
            view.value, view.fingerprint = value, version
            view.slot, view.stamp = (began if slot is None else slot), stamp

    def _tick(self, key, view: _View, compute, probe, slot: float) -> None:
        """At an aligned time: recompute the view if what it shows changed."""
        try:
            with self.lock:
                if self.views.get(key) is not view:
                    return  # evicted meanwhile: nobody looks at it any more
            current = probe()
            with self.lock:
                self.counts["checked"] += 1
                if _covers(view.fingerprint, current):
                    return
                # viewers refreshing at slot + R + their offset may wait for it a little,
                # until slot + R + WAIT_S at most (core/aligned_refresh); a recompute
                # that a backlog started late is not waited for (the previous view is)
                view.running = _Running(self.clock, aligned_refresh.wait_deadline(slot))
                if view.running.deadline <= self.clock():
                    self.counts["late_start"] += 1
            began = time.perf_counter()
            self._fill(view, compute, slot)
            with self.lock:
                self.counts["recomputed"] += 1
                self.recompute_seconds.append(time.perf_counter() - began)
        except Exception:  # noqa: BLE001 - viewers keep the previous view; retried later
            log.exception("recomputing the shared view %r failed", key)
            with self.lock:
                self.counts["failed"] += 1
                view.slot = slot  # the next try is at the next aligned time
        finally:
            with self.lock:
                view.pending = False
                running, view.running = view.running, None
            if running is not None:
                running.set()

    def info(self) -> dict:
        with self.lock:
            took = sorted(self.recompute_seconds)
            return dict(self.counts, size=len(self.views), bound=self.size,
                        recompute_s_median=took[len(took) // 2] if took else None,
                        recompute_s_max=took[-1] if took else None)

    def clear(self) -> None:
        with self.lock:
            self.views.clear()
            for k in self.counts:
                self.counts[k] = 0
            self.recompute_seconds.clear()


_SERVED = threading.local()  # what the last get() of this thread served


def served_behind() -> bool:
    """True when this thread's last view was served while its recompute was still under
    way (a recompute slower than its budget R, core/aligned_refresh): newer figures are
    coming within seconds, not at the next aligned time."""
    return bool(getattr(_SERVED, "behind", False))


def _covers(made_from: tuple, current: tuple) -> bool:
    """The view shows `current` or a later state of the same file (a viewer that read the
    counter just before a recompute finished must not ask for another one)."""
    if made_from == current:
        return True
    return (len(made_from) == len(current) == 4 and made_from[:3] == current[:3]
            and None not in (made_from[3], current[3]) and made_from[3] >= current[3])


class _Running(threading.Event):
    """Set when the recompute under way ends. A viewer's wait for it (get()) ends at the
    deadline too: a refresh waiting longer would be late (issue 24: more than 1 s after
    its time), and the previous view with its time is acceptable."""

    def __init__(self, clock, deadline: float):
        super().__init__()
        self.clock, self.deadline = clock, deadline

    def wait(self, timeout: float | None = None) -> bool:
        left = self.deadline - self.clock()
        return super().wait(max(0.0, left if timeout is None else min(timeout, left)))


class RecomputeQueue:
    """`schedule(delay, fn)` of the process's views: ONE background thread runs the aligned
    checks and recomputes, one at a time, in the order of their times, each after the
    first computations under way (a viewer waits for those; a refresh has the previous
    copy). Why not a timer thread per view (the previous design): with 127 organisers on
    one server (issue 24), half of them recomputing every period, tens of threads building
    charts at once held the server's GIL while every refresh waited (measured: refreshes
    10-35 s late). At most one job per view is queued (a view's `pending`): a backlog is
    bounded by the views kept and only delays figures, never a refresh."""

    FIRSTS_WAIT_S = 5.0  # a recompute is not held back longer by first computations

    def __init__(self, clock=time.time, before=None):
        self.clock, self.before = clock, before
        self.jobs: list = []  # heap of (due, seq, fn)
        self.seq = itertools.count()
        self.cond = threading.Condition()
        self.thread: threading.Thread | None = None

    def __call__(self, delay: float, fn) -> None:
        with self.cond:
            heapq.heappush(self.jobs, (self.clock() + delay, next(self.seq), fn))
            if self.thread is None or not self.thread.is_alive():
                self.thread = threading.Thread(target=self._run, name="llw-view-refresh",
                                               daemon=True)
                self.thread.start()
            self.cond.notify()

    def __len__(self) -> int:
        with self.cond:
            return len(self.jobs)

    def _next(self):
        with self.cond:
            while True:
                if self.jobs:
                    left = self.jobs[0][0] - self.clock()
                    if left <= 0:
                        return heapq.heappop(self.jobs)[2]
                    self.cond.wait(min(left, 60.0))
                else:
                    self.cond.wait(60.0)

    def _run(self) -> None:
        while True:
            fn = self._next()
            if self.before is not None:
                self.before(self.FIRSTS_WAIT_S)
            try:
                fn()
            except Exception:  # noqa: BLE001 - _tick logs its own; the thread goes on
                log.exception("a scheduled view check failed")


VIEWS = ThrottledViews()


def view(db, key: tuple, build, period: float, also=None):
    """(value, stamp): `build(own_db)` computed for every viewer of this process, again at
    most once per `period` seconds after what it shows changed. `build` runs on a
    connection of its own, possibly on another thread, after the caller returned.
    `also(db)`: more of what the view shows, read beside the file's own fingerprint (the
    live lower levels' stamps, db/live_rollup.area_stamp)."""
    path = _database_file(db)
    if path is None:  # an in-memory database: no other connection can see it
        return build(db), time.time()
    return _view(path, key, build, period, _read_only(db), also,
                 current=_state(db, also))


def view_of_file(path, key: tuple, build, period: float, readonly: bool = False,
                 also=None):
    """view() for a viewer that holds no connection: nothing is read on its behalf (the
    dashboard's refresh, issue 23: 300 viewers each opening the file and reading its
    counter cost more than the rest of their refresh). Whether the view is still current
    is checked once per aligned time for all viewers, by the timer's probe. `readonly`:
    the file is a descendant's (db/directory.connect_readonly)."""
    return _view(real_path(path), key, build, period, readonly, also, current=None)


def _state(conn, also) -> tuple:
    own = fingerprint(conn)
    return own if also is None else (*own, also(conn))


def _view(path: str, key: tuple, build, period: float, readonly: bool, also, current):
    state = lambda conn: _state(conn, also)  # noqa: E731

    def compute():
        # a descendant viewed by an upper level (db/directory.connect_readonly) is read
        # on a connection that cannot write either
        own = connect_readonly(path) if readonly else connect(path)
        try:
            return state(own), build(own)
        finally:
            own.conn.close()

    def probe():  # at the aligned time, on the timer's thread
        own = connect_readonly(path) if readonly else connect(path)
        try:
            return state(own)
        finally:
            own.conn.close()

    return VIEWS.get((path, *key), current, compute, period, probe,
                     aligned_refresh.phase_of(path, period))


def _read_only(db) -> bool:
    return bool(db.execute("PRAGMA query_only").fetchone()[0])


def view_info() -> dict:
    return VIEWS.info()


def clear_views() -> None:
    VIEWS.clear()

