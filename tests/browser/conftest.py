"""A real server and a real headless Chromium (Debian's, via Playwright)."""
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, db_path: Path):
        self.db_path = db_path
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = dict(os.environ, LLW_DB=str(db_path))  # production settings otherwise
        env.pop("LLW_LOGIN_SLEEP", None)
        self.log = open(db_path.parent / "server.log", "w")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
             "--server.port", str(self.port), "--server.address", "127.0.0.1"],
            cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT)
        self._wait_healthy()

    def _wait_healthy(self, timeout=60):
        deadline = time.time() + timeout
        while time.time() < deadline:
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError("streamlit server did not become healthy")

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()


def start_server(path: Path, prepare=None) -> Server:
    """A fresh database at `path` (schema and seed), filled by prepare(db) when given, and
    a server on it."""
    from db.setup import prepare as prepare_db

    db = prepare_db(path)
    try:
        if prepare:
            prepare(db)
    finally:
        db.conn.close()
    return Server(path)


@pytest.fixture
def server_factory(tmp_path):
    """server_factory(prepare=callable(db)) starts a fresh server on a fresh database."""
    started = []

    def start(prepare=None, name="browser.db"):
        server = start_server(tmp_path / name, prepare)
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


@pytest.fixture(scope="module")
def server(request, tmp_path_factory):
    """One server for every test of a module, on a database filled by the module's own
    `prepare(db)` (defined in, or imported into, the test module)."""
    prepare = getattr(request.module, "prepare", None)
    if prepare is None:
        pytest.fail(f"{request.module.__name__} uses the `server` fixture without prepare(db)")
    name = request.module.__name__.rpartition(".")[2]
    started = start_server(tmp_path_factory.mktemp(name) / f"{name}.db", prepare)
    yield started
    started.stop()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    executable = shutil.which("chromium")
    if executable is None:
        pytest.fail("Debian chromium is not installed: run scripts/test.sh, which installs it")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=executable, args=[
            "--disable-background-networking", "--disable-component-update", "--no-first-run",
            "--disable-sync", "--disable-gpu"])
        new_context = b.new_context

        def watched_context(*args, **kwargs):  # every test's context records its runs
            context = new_context(*args, **kwargs)
            context.add_init_script(WATCH_RUNS)
            return context

        b.new_context = watched_context
        yield b
        b.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.dialogs = dialogs
    yield page
    context.close()


def login(page, url, username, password):
    page.goto(url)
    page.get_by_label("Tên đăng nhập", exact=True).fill(username)
    page.get_by_label("Mật khẩu", exact=True).fill(password)
    page.get_by_role("button", name="Đăng nhập").click()
    # signed in once the menu is drawn: the login form stays on screen through the run that
    # signs in and the cookie component's rerun, so settle's «a form is drawn» is no sign here
    settle(page, drawn='[data-testid="stSidebarNav"]')


# Installed in every page of every context (the `browser` fixture). In the top document it
# reads the top-level field numbers of the protobuf frames on Streamlit's websocket: when the
# browser last asked for a run (BackMsg.rerun_script = 11: the page load, a widget, the
# cookie component's report), when a run last started (ForwardMsg.new_session = 4) and when
# one last ended (ForwardMsg.script_finished = 6, other than FINISHED_EARLY_FOR_RERUN = 2).
# It also notes which cookie components (drawn by streamlit-authenticator on every run; the
# iframe appears after the first run) have reported. run_finished() waits on that record.
# The field numbers are Streamlit 1.67's (streamlit/proto): an upgrade that changed them
# would make every wait time out, never pass early.
WATCH_RUNS = r"""(() => {
  if (window.top !== window) return;
  const w = {askedAt: 0, startedAt: 0, endedAt: 0, valueAt: 0, reported: new WeakSet()};
  window.__llwRuns = w;
  const now = () => performance.now();
  const fields = data => {  // top-level field number -> varint value (or true)
    const bytes = new Uint8Array(data.buffer ? data.buffer.slice(
      data.byteOffset, data.byteOffset + data.byteLength) : data);
    const found = {};
    let i = 0;
    const varint = () => {
      let v = 0, m = 1, b;
      do { b = bytes[i++]; v += (b & 127) * m; m *= 128; } while (b & 128 && i < bytes.length);
      return v;
    };
    while (i < bytes.length) {
      const tag = varint(), wire = tag % 8, field = Math.floor(tag / 8);
      if (wire === 0) found[field] = varint();
      else if (wire === 2) { const n = varint(); i += n; found[field] = true; }
      else if (wire === 1) i += 8;
      else if (wire === 5) i += 4;
      else break;
    }
    return found;
  };
  const Native = window.WebSocket;
  class Watched extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', e => {
        if (!(e.data instanceof ArrayBuffer)) return;
        const f = fields(e.data);
        if (4 in f) w.startedAt = now();
        if (6 in f && f[6] !== 2) w.endedAt = now();
      });
    }
    send(data) {
      try { if (typeof data !== 'string' && 11 in fields(data)) w.askedAt = now(); }
      catch (error) {}
      return super.send(data);
    }
  }
  window.WebSocket = Watched;
  addEventListener('message', e => {
    if (e.data && e.data.type === 'streamlit:setComponentValue') {
      w.valueAt = now(); w.reported.add(e.source);
    }
  });
  w.done = (cookieReport) => {
    const app = document.querySelector('[data-testid="stApp"]');
    const cookies = [...document.querySelectorAll('iframe[title*="CookieManager"]')];
    return (!cookieReport || w.valueAt > 0) &&
      cookies.every(f => w.reported.has(f.contentWindow)) &&
      w.startedAt > Math.max(w.askedAt, w.valueAt) && w.endedAt > w.startedAt &&
      app && app.getAttribute('data-test-script-state') === 'notRunning';
  };
})();"""


def run_finished(page, timeout=30_000, cookie_report=True):
    """Wait until Streamlit's last run has finished: the cookie component has reported (its
    rerun is what once moved a typed URL to the default page after a first draw), a run
    started after the browser's last request for one (that report, a click, the page load)
    and ended, and the page shows it ended. A positive sign, unlike a fixed sleep: what is
    read next is the page's final state (a fragment's timer may redraw parts of it later),
    its charts and tables drawn. `cookie_report=False` for the first-run form (no cookie component)."""
    page.wait_for_function(
        """report => { const w = window.__llwRuns;
                       if (w) return w.done(report);  // a context not from `browser`:
                       const app = document.querySelector('[data-testid="stApp"]');
                       return app &&
                         app.getAttribute('data-test-script-state') === 'notRunning'; }""",
        arg=cookie_report, timeout=timeout)
    page.wait_for_function(PARTS_DRAWN, timeout=timeout)


# Drawn after the run, once their element is mounted: a Vega chart's SVG, a table's cells
# (on a canvas; the accessible grid in the DOM holds them, tests read it), a lazily loaded
# element's skeleton replaced. Only what is visible: a closed tab or expander draws nothing.
PARTS_DRAWN = """() => {
  const shown = sel => [...document.querySelectorAll(sel)].filter(e => e.checkVisibility());
  return shown('[data-testid="stSkeleton"]').length === 0 &&
    shown('[data-testid="stVegaLiteChart"]').every(c => c.querySelector('svg, canvas')) &&
    shown('[data-testid="stDataFrame"]').every(d => {
      const grid = d.querySelector('table[role="grid"]');
      return grid && (grid.querySelector('td') || grid.getAttribute('aria-rowcount') === '1');
    });
}"""


def settle(page, timeout=30_000,
           drawn='[data-testid="stSidebarNav"], [data-testid="stForm"]'):
    """Wait until the app has finished its reruns. After a login the cookie component
    reruns the app once or twice; a click made meanwhile can be overtaken by them."""
    try:
        page.locator(drawn).first.wait_for(timeout=timeout)
    except Exception:
        return  # the caller's own wait reports what is missing
    run_finished(page, timeout)


@pytest.fixture(scope="module")
def city_server(tmp_path_factory):
    """One server for a city and two wards in one installation (issue 24): the city adopts
    the first file, each ward has its own (tests/city_fixture.py: units, a 2026 week, an
    entry and a committee account per ward; the city's committee and admin)."""
    from tests.city_fixture import build_city

    path = tmp_path_factory.mktemp("city") / "llw.db"
    started = start_server(path, lambda _db: build_city(path))
    yield started
    started.stop()
