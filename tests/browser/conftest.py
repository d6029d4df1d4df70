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
    settle(page)


def settle(page, timeout=30_000):
    """Wait until the app has finished its reruns. After a login the cookie component
    reruns the app once or twice; a click made meanwhile can be overtaken by them."""
    page.wait_for_timeout(300)
    try:
        page.locator('[data-testid="stSidebarNav"], [data-testid="stForm"]').first.wait_for(
            timeout=timeout)
    except Exception:
        return  # the caller's own wait reports what is missing
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')",
        timeout=timeout)
    page.wait_for_timeout(500)


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
