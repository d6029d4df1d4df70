"""manage.py ends quietly when its reader stops early (`list-units | head -3`): no
BrokenPipeError traceback, whatever the command (manage.run, the recipe of the Python docs)."""
import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT


def run_into_a_closed_pipe(db_path, *args):
    """Run manage.py with a stdout whose reading end is already closed: its first write
    meets a broken pipe, as under `| head` once head has gone."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = subprocess.run([sys.executable, str(ROOT / "manage.py"), "--db", str(db_path),
                               *args], stdout=write_end, stderr=subprocess.PIPE,
                              cwd=ROOT, timeout=60)
    finally:
        os.close(write_end)
    return done.returncode, done.stderr.decode("utf-8", "replace")


@pytest.mark.parametrize("args", [("list-units",), ("settings", "show", "--json")])
def test_a_closed_pipe_ends_the_command_quietly(db_path, args):
    code, err = run_into_a_closed_pipe(db_path, *args)
    assert err == ""  # no traceback, no "Exception ignored … BrokenPipeError"
    assert code == 1  # the command did meet the broken pipe (the recipe's exit status)

