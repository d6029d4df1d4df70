"""bench/run.py and bench/wsclient.py for the tests, imported without changing the test
process's settings (run.py sets LLW_BCRYPT_ROUNDS for its own demo databases)."""
import os
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "bench"
sys.path.insert(0, str(BENCH))

_rounds = os.environ.get("LLW_BCRYPT_ROUNDS")
import run  # noqa: E402
from wsclient import Session  # noqa: E402

if _rounds is None:  # the test process keeps its own setting
    os.environ.pop("LLW_BCRYPT_ROUNDS", None)
else:
    os.environ["LLW_BCRYPT_ROUNDS"] = _rounds

__all__ = ["BENCH", "run", "Session"]
