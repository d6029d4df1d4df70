"""The in-process FIFO writer lock in front of BEGIN IMMEDIATE (issue 14 §5): writers of
one process are served in arrival order, a timeout leaves the queue intact, and a thread
that already writes may nest."""
import threading
import time

import pytest

from db import connect, write_transaction
from db.connection import FifoLock, writer_lock


def wait_until(predicate, timeout=5.0):
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "condition not reached"
        time.sleep(0.002)


def test_writers_commit_in_the_order_they_arrived(db_path):
    setup = connect(db_path)
    setup.execute("create table arrivals (seq integer primary key, writer integer)")
    lock = writer_lock(setup)
    holder_may_go = threading.Event()

    def holder():
        db = connect(db_path)
        with write_transaction(db):
            holder_may_go.wait(5)
        db.conn.close()

    def writer(n):
        db = connect(db_path)
        with write_transaction(db):
            db.conn.execute("insert into arrivals (writer) values (?)", [n])
        db.conn.close()

    first = threading.Thread(target=holder)
    first.start()
    wait_until(lambda: lock._owner is not None)
    # reverse numbering, so an order by thread id or by number would fail
    order = list(range(12, 0, -1))
    threads = []
    for queued, n in enumerate(order, start=1):
        t = threading.Thread(target=writer, args=(n,))
        t.start()
        threads.append(t)
        wait_until(lambda q=queued: lock.waiting() == q)
    holder_may_go.set()
    for t in [first] + threads:
        t.join(10)
    got = [r[0] for r in setup.execute("select writer from arrivals order by seq")]
    setup.conn.close()
    assert got == order


def test_a_timed_out_waiter_leaves_the_queue_and_the_next_one_is_served():
    lock = FifoLock()
    lock.acquire()
    results = {}

    def impatient():
        results["impatient"] = lock.acquire(timeout=0.05)

    def patient():
        results["patient"] = lock.acquire(timeout=5)
        lock.release()

    t1 = threading.Thread(target=impatient)
    t1.start()
    t1.join(5)
    t2 = threading.Thread(target=patient)
    t2.start()
    wait_until(lambda: lock.waiting() == 1)
    lock.release()
    t2.join(5)
    assert results == {"impatient": False, "patient": True}
    assert lock.waiting() == 0 and lock._owner is None


def test_release_by_another_thread_is_refused():
    lock = FifoLock()
    lock.acquire()
    errors = []

    def intruder():
        try:
            lock.release()
        except RuntimeError as error:
            errors.append(error)

    t = threading.Thread(target=intruder)
    t.start()
    t.join(5)
    assert len(errors) == 1
    lock.release()


def test_nested_acquire_by_the_holder_does_not_deadlock():
    lock = FifoLock()
    assert lock.acquire(timeout=1) and lock.acquire(timeout=1)
    lock.release()
    assert lock._owner is not None  # still held once
    lock.release()
    assert lock._owner is None


def test_a_failed_transaction_rolls_back_and_frees_the_queue(db_path):
    db = connect(db_path)
    db.execute("create table t (x integer)")
    with pytest.raises(ZeroDivisionError):
        with write_transaction(db):
            db.conn.execute("insert into t values (1)")
            1 / 0
    assert db.execute("select count(*) from t").fetchone()[0] == 0
    assert writer_lock(db)._owner is None
    with write_transaction(db):  # the next writer is not blocked
        db.conn.execute("insert into t values (2)")
    assert db.execute("select count(*) from t").fetchone()[0] == 1
    db.conn.close()
