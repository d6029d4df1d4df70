"""Admin text is text too (issue 25 item 7): what an admin typed in the settings — the
issuer lines on the anonymous login page, the level and area words in labels and
headings, the catalogue's names in the commendation weight labels — reaches the page
escaped (components/safe_text.md), so `![](http://…)` is never an image a visitor's
browser fetches. Each test fails on a main that shows the raw markdown."""
import pytest

from components.safe_text import md
from tests.conftest import make_user

IMAGE = "![](http://evil.example/x.png)"


@pytest.fixture
def hostile_profile(db):
    db.execute("update events set issuer_line1 = ?, issuer_line2 = 'BAN CHỈ ĐẠO', "
                "area_word = ?, level_word = ?", [IMAGE, IMAGE, IMAGE])
    return db


def markdown_sources(at) -> list[str]:
    """Every markdown source the page sent: captions, markdown, headings, widget labels
    and help texts."""
    out = []
    for kind in ("caption", "markdown", "subheader", "header", "title", "info", "warning",
                 "success", "error"):
        out += [str(e.value) for e in getattr(at, kind)]
    for kind in ("selectbox", "multiselect", "number_input", "text_input", "checkbox",
                 "toggle", "button", "date_input", "text_area", "radio", "select_slider"):
        for widget in getattr(at, kind):
            out += [str(widget.label), str(getattr(widget, "help", "") or "")]
    return out


def assert_no_raw_image(at):
    sources = markdown_sources(at)
    assert not [s for s in sources if IMAGE in s], sources
    return sources


def test_the_anonymous_login_page_shows_the_issuer_lines_as_text(app_for, hostile_profile,
                                                                 admin):
    at = app_for(None)
    assert not at.exception, at.exception
    sources = assert_no_raw_image(at)
    assert any(md(IMAGE) in s for s in sources)  # shown, escaped


def test_area_and_level_words_in_labels_and_headings_are_escaped(app_for, hostile_profile,
                                                                  admin):
    committee = make_user(hostile_profile, "bcd", "committee")
    at = app_for(committee)
    for page in ("committee_progress.py", "committee_review.py", "committee_dashboard.py"):
        at.switch_page(f"app_pages/{page}").run()
        assert not at.exception, (page, at.exception)
        sources = assert_no_raw_image(at)
        assert any(md(IMAGE) in s for s in sources), page


def test_unit_entry_form_label_escapes_the_area_word(app_for, hostile_profile, admin):
    from db import units

    unit = units.get_by_code(hostile_profile, "TH-PHUC-XA") or next(
        iter(hostile_profile.query("select * from units where active = 1 limit 1")))
    clerk = make_user(hostile_profile, "truong", "unit", unit_code=unit["code"])
    at = app_for(clerk)
    at.switch_page("app_pages/unit_activity.py").run()
    assert not at.exception, at.exception
    sources = assert_no_raw_image(at)
    assert any(md(IMAGE) in s for s in sources)


def test_catalogue_names_in_the_weight_labels_are_escaped(app_for, db, admin):
    db.execute("update event_activity_types set name = ? where rowid = (select min(rowid) "
               "from event_activity_types)", [IMAGE])
    committee = make_user(db, "bcd", "committee")
    at = app_for(committee)
    at.switch_page("app_pages/committee_commendations.py").run()
    assert not at.exception, at.exception
    labels = [n.label for n in at.number_input]
    assert md(IMAGE) in labels and IMAGE not in labels
