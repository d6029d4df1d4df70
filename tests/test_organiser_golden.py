"""Issue 15: the organiser profile replaces the Ba Đình words in code, and the 2020 Ba Đình
week prints exactly what it printed before (golden text captured on the unchanged code,
commit c7e8f52, by tests/golden_ba_dinh.py)."""
import difflib

from tests import golden_ba_dinh as golden


def test_the_2020_ba_dinh_week_is_unchanged(db):
    """Its closing PDF text, budget Tờ trình text, budget XLSX and workbook titles and
    headers are identical before and after the organiser profile."""
    golden.build_week(db)
    now = golden.capture(db)
    before = golden.GOLDEN.read_text(encoding="utf-8")
    diff = list(difflib.unified_diff(before.splitlines(), now.splitlines(), "before", "now",
                                     lineterm="", n=1))
    assert not diff, "\n".join(diff[:60])
