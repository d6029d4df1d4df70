"""Draws the dashboard's pictures in a process of its own (issue 23).

vl-convert holds Python's GIL for the whole drawing (measured: a thread drawing a chart
stopped every other thread of the process until it finished). In the server that stopped
every viewer's refresh for as long as the pictures took after a write (~0.15 CPU-s a
picture at city scale, more on a loaded machine). Worker processes (WORKERS) draw them
instead and the server's threads run meanwhile (waiting on a pipe releases the GIL).

A worker is `python -m core.svg_worker`, started once, talking over its stdin/stdout
(length-prefixed JSON in, SVG out). Not multiprocessing: Streamlit runs a page as the
module `__main__`, which a "spawn" child imports again — it ran the whole page. This
module imports only the standard library (and vl-convert, in the worker)."""
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Two worker processes (issue 24): a server hosting a city's wards draws ~6 pictures for
# each organiser opened and each one recomputed; one process drew them one at a time on
# one of the machine's cores while the other waited (127 first opens: ~760 pictures).
# Each process draws one picture at a time through its own pipe.
WORKERS = int(os.environ.get("LLW_SVG_WORKERS", "2"))
_free: list = []  # [process or None], idle slots
_slots = threading.Semaphore(WORKERS)
_free_lock = threading.Lock()
_free.extend([None] * WORKERS)


def draw(spec: dict, locale: dict) -> str:
    """SVG text of a Vega-Lite spec, offline (in the worker; or here as a fallback)."""
    import vl_convert

    return vl_convert.vegalite_to_svg(spec, allowed_base_urls=[], format_locale=locale)


def _start() -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.Popen([sys.executable, "-m", "core.svg_worker"], cwd=ROOT, env=env,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE)


def _read(stream, size: int) -> bytes:
    data = stream.read(size)
    if len(data) != size:
        raise EOFError("the drawing process ended")
    return data


def _ask(proc: subprocess.Popen, payload: bytes) -> str:
    proc.stdin.write(len(payload).to_bytes(8, "big") + payload)
    proc.stdin.flush()
    ok = _read(proc.stdout, 1) == b"\x00"
    body = _read(proc.stdout, int.from_bytes(_read(proc.stdout, 8), "big")).decode()
    if not ok:
        raise ValueError(body)  # the spec could not be drawn (as vl-convert would raise)
    return body


def svg(spec: dict, locale: dict) -> str:
    """draw() in a worker process (started at its first picture); in this process if the
    worker cannot be started or dies twice in a row."""
    payload = json.dumps({"spec": spec, "locale": locale}, default=str).encode()
    with _slots:
        with _free_lock:
            proc = _free.pop()
        try:
            for _attempt in range(2):
                try:
                    if proc is None or proc.poll() is not None:
                        proc = _start()
                    return _ask(proc, payload)
                except (OSError, EOFError):
                    if proc is not None:
                        proc.kill()
                    proc = None
        finally:
            with _free_lock:
                _free.append(proc)
    return draw(spec, locale)


def worker_pids() -> set[int]:
    """The living worker processes' ids (tests, diagnostics)."""
    with _free_lock:
        return {proc.pid for proc in _free if proc is not None and proc.poll() is None}


def _serve() -> None:
    """The worker's loop: a request, its picture, until stdin closes."""
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    while True:
        head = stdin.read(8)
        if len(head) != 8:
            return
        request = json.loads(_read(stdin, int.from_bytes(head, "big")))
        try:
            status, body = b"\x00", draw(request["spec"], request["locale"]).encode()
        except Exception as error:  # noqa: BLE001 - reported to the server, loop goes on
            status, body = b"\x01", repr(error).encode()
        stdout.write(status + len(body).to_bytes(8, "big") + body)
        stdout.flush()


if __name__ == "__main__":
    _serve()
