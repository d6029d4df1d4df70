"""AppTest of the admin pages of issue 6 (settings, backup, audit) and the committee's
budget page."""
import pytest

from db import budget, event_admin, events
from tests.conftest import make_user


def open_page(app_for, actor, script):
    at = app_for(actor)
    at.switch_page(f"app_pages/{script}").run()
    assert not at.exception, at.exception
    return at


def by_key(widgets, key):
    return next(w for w in widgets if w.key == key)


def texts_of(at, kind):
    return [e.value for e in getattr(at, kind)]


# --- settings -----------------------------------------------------------------------------

def test_settings_page_shows_the_2020_week(app_for, admin):
    at = open_page(app_for, admin, "admin_settings.py")
    assert at.text_input(key="set_title_1").value == "Tuần lễ hưởng ứng học tập suốt đời năm 2020"
    assert at.text_input(key="set_sname_1").value == "Phạm Thị Diễm"
    assert any("Chưa đặt thời điểm khóa" in t for t in texts_of(at, "info"))
