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


def test_the_suggested_sentences_keep_ba_dinhs_words_and_take_a_wards(db):
    """The committee's suggested sentences: 2020's exactly as before; a ward's in its words."""
    from core import closing_report, organiser
    from db import events, stats

    golden.build_week(db)
    event = events.get(db, 2020)
    summary = stats.summary(db, event["id"])
    before = closing_report.suggestions(summary, 2020)
    assert before == closing_report.suggestions(summary, 2020, organiser.from_event(event))
    text = " ".join(s for sentences in before.values() for s in sentences)
    assert "phường có hoạt động." in text and "{" not in text
    ward = organiser.from_event(dict(event, organiser_level="xa", level_word="",
                                     area_word=""))
    text = " ".join(s for sentences in closing_report.suggestions(summary, 2020, ward).values()
                    for s in sentences)
    assert "tổ dân phố có hoạt động." in text and "phường có hoạt động" not in text
