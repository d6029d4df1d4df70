"""Issue 23: the benchmark measures what browsers do and says what it measured — the replayed
clients restart their fragment timer on every auto_rerun message as Streamlit 1.67's
frontend does, and the generated document states verdicts and load as measured."""
import pytest

from tests.bench_modules import Session, run


def test_the_replayed_timer_follows_auto_rerun_messages_as_the_frontend_does():
    s = Session("http://127.0.0.1:1", "bang-theo-doi")
    s._auto_rerun("f", 30.0, at=100.0)  # the decorator's run_every
    s._auto_rerun("f", 7.5, at=100.2)  # the dashboard's: to its aligned refresh
    assert s.next_fire("f", 100.2) == pytest.approx(107.7)
    # the same interval again is ignored by the frontend: the timer keeps its phase
    s._auto_rerun("f", 7.5, at=108.0)
    assert s.next_fire("f", 107.7) == pytest.approx(115.2)
    # another interval restarts it from the moment the message arrived
    s._auto_rerun("f", 29.95, at=108.0)
    assert s.next_fire("f", 107.7) == pytest.approx(137.95)
    assert s.next_fire("f", 137.95) == pytest.approx(167.9)  # then every interval


def result(late=3, load=(0.2, 0.3, 0.4)):
    live = {"writes_per_s": 2.0, "signins_per_s": 1.0, "load_before": list(load),
            "load_mid": list(load), "load_after": list(load),
            "viewers": {"viewers": 300, "interval_s": 30.0, "duration_s": 300.0,
                        "refreshes": 3000, "late": late, "failed_sessions": 0,
                        "lag_p50_s": 0.05, "lag_p99_s": 0.5, "lag_max_s": 1.4,
                        "server_cpu_s": 90.0, "server_core_share": 0.3,
                        "clients_cpu_s": 20.0, "writes_in_window": 600, "write_errors": 0,
                        "signins": {"count": 300, "failed": 0, "p50_s": 0.3, "max_s": 0.9},
                        "seen": {"writes": 500, "pairs": 150000, "unseen_pairs": 0,
                                 "viewer_p50_s": 20.0, "viewer_p99_s": 33.0,
                                 "viewer_max_s": 34.0, "view_p50_s": 15, "view_max_s": 30},
                        "views": {"recomputed": 10, "checked": 11, "failed": 0, "waited": 2,
                                  "recompute_s_median": 0.6, "recompute_s_max": 0.9}}}
    rows = [{"activities": 100000, "units": 2000, "load_before": list(load), "live": live}]
    meta = {"machine": "x86_64 Linux", "cpus": 2, "python": "3.11", "sqlite": "3",
            "streamlit": "1.67.0", "date": "2026-12-06", "load_start": list(load),
            "load_end": list(load), "runs": 5, "viewers": 300}
    out = {"meta": meta, "rows": rows}
    out["verdicts"] = run.verdicts(rows, 300)
    return out


def test_a_missed_target_stays_missed_and_every_sentence_is_about_this_code():
    doc = run.document(result(late=3))
    verdict = next(line for line in doc.splitlines() if "refreshes later than 1 s" in line
                   and line.startswith("|"))
    assert "**MISSED**" in verdict
    assert "MISSED:" in doc.split("## Verdict", 1)[1].split("|", 1)[0]
    assert "db.stats.shared" not in doc  # gone since issue 23
    assert "waits up to two periods" not in doc  # the aligned refresh replaced that
    from core import aligned_refresh

    budget, spread = aligned_refresh.budget_and_spread(30)  # the code's own R and S
    assert f"R = {budget:g} s, S = {spread:g} s" in doc
    assert "max 0.90 s" in doc  # the run's own recomputes
    assert "with 2 writes/s and 1 sign-in/s" in doc  # each live row's conditions


def test_the_machine_load_is_stated_as_measured():
    quiet = run.document(result(late=0))
    assert "The machine was shared" not in quiet and "[0.2, 0.3, 0.4]" in quiet
    busy = run.document(result(late=0, load=(6.5, 7.0, 5.0)))
    assert "**The machine was shared**" in busy


def test_a_load_the_benchmark_made_itself_at_the_end_is_not_called_other_work():
    own_end = result(late=0)
    own_end["meta"]["load_end"] = [4.8, 3.3, 2.5]  # its own 50 writers and Chromium
    doc = run.document(own_end)
    assert "The machine was shared" not in doc and "[4.8, 3.3, 2.5]" in doc
