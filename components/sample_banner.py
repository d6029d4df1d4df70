"""The sample-data banner: while `manage.py demo` data is in the database, every page of the
committee (and the admin) says so at the top, above the page's own title. Hooked in one
place, components/navigation.guard (the first line of every page script), so no page can
forget it. Cheap: one lookup on the small units table per run."""
import streamlit as st

from components.forms import flash_and_rerun
from components.safe_text import md
from core import numbers, texts
from db import sample_data

ROLES = ("committee", "admin")


def show(db, role: str) -> bool:
    """Draw the banner when sample data is present and the role sees shared figures
    (also when a sub-organiser's report taken in holds sample data). Returns whether it
    was drawn."""
    if role not in ROLES:
        return False
    rolled = rolled_up_sample(db)
    if rolled:
        st.warning(texts.ROLLUP_SAMPLE_BANNER.format(names=", ".join(
            f"«{md(name)}» ({year})" for name, year in rolled)), icon=":material/science:")
    if not sample_data.present(db):
        return bool(rolled)
    units = db.execute("select count(*) from units where is_sample = 1").fetchone()[0]
    st.warning(texts.SAMPLE_BANNER.format(
        details=texts.SAMPLE_BANNER_UNITS.format(units=numbers.integer(units))),
        icon=":material/science:")
    return True


def rolled_up_sample(db) -> list[tuple[str, int]]:
    """(organiser, year) of the sub-organisers' reports taken in that hold sample data
    (their sheet's `meta sample`, docs/rollup.md), then of the live lower levels of the
    latest week that do (db/live_rollup.py: from its cache, one stamp read per child)."""
    try:
        stored = db.execute("select organiser, year from suborg_reports where json_valid("
                            "data) and json_extract(data, '$.meta.sample') = 1 order by "
                            "year, organiser").fetchall()
    except Exception:  # noqa: BLE001 - a database before the roll-up migration
        stored = []
    return [tuple(row) for row in stored] + live_sample(db)


def live_sample(db) -> list[tuple[str, int]]:
    from db import events, live_rollup

    event = events.get(db)
    if event is None:
        return []
    return [(c["organiser"], c["year"]) for c in live_rollup.children(db, event["id"])
            if c["sample"]]


def removal_panel(db, actor) -> None:
    """The admin's «Gỡ dữ liệu mẫu»: what is there, a confirmation box, one button;
    db.sample_data.remove does the work in one transaction and writes the audit row."""
    st.subheader(texts.SAMPLE_REMOVE_HEADING)
    counts = sample_data.summary(db)
    if not counts["units"] and not counts["users"]:
        st.caption(texts.SAMPLE_NONE)
        return
    st.markdown(texts.SAMPLE_REMOVE_HELP.format(details=sample_data.describe(counts)))
    sure = st.checkbox(texts.SAMPLE_REMOVE_CONFIRM, key="demo_rm_confirm")
    if st.button(texts.SAMPLE_REMOVE_BUTTON, disabled=not sure, key="demo_rm"):
        removed = sample_data.remove(db, actor)
        st.session_state.pop("demo_rm_confirm", None)
        flash_and_rerun(texts.DEMO_REMOVED.format(details=sample_data.describe(removed)))
