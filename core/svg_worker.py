"""Draws the dashboard's pictures in a process of its own (issue 23).

vl-convert holds Python's GIL for the whole drawing (measured: a thread drawing a chart
stopped every other thread of the process until it finished). In the server that stopped
every viewer's refresh for as long as the pictures took after a write (~0.15 CPU-s a
picture at city scale, more on a loaded machine). One worker process draws them instead
and the server's threads run meanwhile (waiting on a pipe releases the GIL).

The worker is `python -m core.svg_worker`, started once, talking over its stdin/stdout
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
_lock = threading.Lock()  # one picture at a time through the one pipe
_proc: subprocess.Popen | None = None


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
    """draw() in the worker process (started at the first picture); in this process if
    the worker cannot be started or dies twice in a row."""
    global _proc
    payload = json.dumps({"spec": spec, "locale": locale}, default=str).encode()
    with _lock:
        for _attempt in range(2):
            try:
                if _proc is None or _proc.poll() is not None:
                    _proc = _start()
                return _ask(_proc, payload)
            except (OSError, EOFError):
                if _proc is not None:
                    _proc.kill()
                _proc = None
    return draw(spec, locale)


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
