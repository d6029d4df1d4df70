"""Issue 20 deliver 8: the server started as the README says makes no call out of the
machine. Streamlit 1.67, started headless (a server has no screen) with neither
browser.serverAddress nor a specific server.address, asks checkip.amazonaws.com for the
machine's external IP (STACK-NOTES 2026-12); .streamlit/config.toml sets
browser.serverAddress so it does not."""
import os
import socket
import subprocess
import sys
import time
import tomllib
import urllib.request

import pytest

from tests.conftest import ROOT

pytestmark = [pytest.mark.slow]

# Loaded by the server's Python through PYTHONPATH (the command itself stays the README's):
# an audit hook writes every outside host the process resolves or connects to.
SITECUSTOMIZE = '''
import os, sys
_out = os.environ["LLW_TEST_CALLS_OUT"]
_LOCAL = {None, "", "localhost", "127.0.0.1", "::1", "0.0.0.0", "::"}
def _hook(event, args):
    if event == "socket.getaddrinfo":
        host = args[0].decode() if isinstance(args[0], bytes) else args[0]
    elif event == "socket.connect":
        address = args[1]
        host = address[0] if isinstance(address, tuple) else None
    else:
        return
    if host not in _LOCAL and not str(host).startswith("127."):
        with open(_out, "a") as f:
            f.write(f"{event} {host}\\n")
sys.addaudithook(_hook)
'''


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_as_readme_says(tmp_path):
    """`python3 -m streamlit run app.py` from the repository root, on a free port, headless
    (as on a server or in CI: no screen), on a temporary database."""
    (tmp_path / "hook").mkdir()
    (tmp_path / "hook" / "sitecustomize.py").write_text(SITECUSTOMIZE)
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(LLW_DB=str(tmp_path / "llw.db"), PYTHONPATH=str(tmp_path / "hook"),
               LLW_TEST_CALLS_OUT=str(tmp_path / "calls_out.txt"))
    port = free_port()
    log = open(tmp_path / "server.log", "w")
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
         "--server.headless", "true"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    return process, port, log


def wait_started(port, log_path, timeout=60):
    """Healthy, and the start banner written (the lookup happens just before it)."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health",
                                        timeout=2) as r:
                if r.status == 200 and "URL" in log_path.read_text():
                    return
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError("no healthy server with its start banner:\n" + log_path.read_text())


def test_the_server_started_as_the_readme_says_looks_nothing_up_outside(tmp_path):
    process, port, log = start_as_readme_says(tmp_path)
    try:
        wait_started(port, tmp_path / "server.log")
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10) as r:
            assert r.status == 200  # the app's page is served, too
        time.sleep(1)
    finally:
        process.terminate()
        process.wait(15)
        log.close()
    text = (tmp_path / "server.log").read_text()
    assert "external IP" not in text and "External URL" not in text, text
    assert "checkip" not in text, text
    assert f"URL: http://localhost:{port}" in text, text  # the banner still says where
    calls = tmp_path / "calls_out.txt"
    assert not calls.exists(), calls.read_text()
    assert (tmp_path / "hook").exists()  # the hook was in place (it writes only on a call)


def test_the_hook_sees_a_call_out(tmp_path):
    """The audit hook above does catch an outside lookup (so its silence means something)."""
    (tmp_path / "sitecustomize.py").write_text(SITECUSTOMIZE)
    env = dict(os.environ, PYTHONPATH=str(tmp_path),
               LLW_TEST_CALLS_OUT=str(tmp_path / "calls.txt"))
    subprocess.run([sys.executable, "-c",
                    "import socket\ntry: socket.getaddrinfo('checkip.example.invalid', 80)\n"
                    "except OSError: pass"], env=env, check=True, timeout=30)
    assert "checkip.example.invalid" in (tmp_path / "calls.txt").read_text()


def test_the_configuration_names_the_address_people_use():
    """The setting that keeps Streamlit from asking: browser.serverAddress (a deployment
    writes its intranet name there); the start banner is not hidden."""
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["browser"]["serverAddress"]
    assert config.get("logger", {}).get("hideWelcomeMessage") is not True
