"""Admin settings, tab «Danh mục»: the week's activity types and propaganda channels
(issue 15 item 3). Rules in core/catalogue.py, writes in db/catalogue.py; nothing is written
when a line is wrong, and the messages stand under the table they are about."""
import streamlit as st

from components.forms import flash_and_rerun, form_prefix, form_saved
from components.safe_text import md
from core import reference as ref
from core import texts
from db import ValidationFailed, catalogue

def _editor_rows(rows: list[dict], columns: list[tuple[str, str]]) -> list[dict]:
    return [{texts.CAT_COL_ORDER: i, **{label: r[field] for field, label in columns}}
            for i, r in enumerate(rows, start=1)]


def _back(edited: list[dict], columns: list[tuple[str, str]]) -> list[dict]:
    """The editor's rows as db/catalogue takes them, in the order the admin numbered them
    (rows without a number keep their place after the numbered ones)."""
    rows = []
    for position, r in enumerate(edited):
        order = r.get(texts.CAT_COL_ORDER)
        key = (0, float(order), position) if isinstance(order, (int, float)) else (1, 0,
                                                                                   position)
        rows.append((key, {field: r.get(label) or "" for field, label in columns}))
    return [row for _key, row in sorted(rows, key=lambda item: item[0])]


def _height(rows: int) -> int:
    """Every row in sight (and the line to add one): no scrolling inside the table."""
    return 35 * (rows + 2) + 3


def _show_errors(slot, failure: ValidationFailed) -> None:
    slot.error("\n\n".join([texts.CAT_NOT_SAVED, *(md(m) for m in failure.errors.values())]),
               icon=":material/error:")


def _types(db, actor, event) -> None:
    eid = event["id"]
    st.subheader(texts.CAT_TYPES_HEAD)
    # names first, the code (what files and the city's workbook use) last (issue 20)
    columns = [("name", texts.CAT_COL_NAME), ("grp", texts.CAT_COL_GROUP),
               ("code", texts.CAT_COL_CODE)]
    current = [dict(t, grp=ref.GROUP_NAMES.get(t["grp"], t["grp"]))
               for t in catalogue.types_for(db, eid)]
    base = f"cat_types_{eid}"
    key = form_prefix(base)  # new after a save: the browser's edits are not applied again
    with st.form(f"cat_types_form_{eid}", enter_to_submit=False):
        edited = st.data_editor(
            _editor_rows(current, columns), num_rows="dynamic", width="stretch", key=key,
            height=_height(len(current)),
            placeholder="",
            column_config={
                texts.CAT_COL_ORDER: st.column_config.NumberColumn(step=1, width="small"),
                texts.CAT_COL_CODE: st.column_config.TextColumn(help=texts.CAT_CODE_HELP),
                texts.CAT_COL_GROUP: st.column_config.SelectboxColumn(
                    options=list(ref.GROUP_NAMES.values()), required=True,
                    default=next(iter(ref.GROUP_NAMES.values()))),
                texts.CAT_COL_NAME: st.column_config.TextColumn(width="large"),
            })
        errors = st.empty()
        save = st.form_submit_button(texts.CAT_SAVE_TYPES, type="primary")
    if save:
        try:
            catalogue.set_types(db, actor, eid, _back(edited, columns))
        except ValidationFailed as failure:
            _show_errors(errors, failure)
        else:
            form_saved(base)
            flash_and_rerun(texts.CAT_SAVED)


def _channels(db, actor, event) -> None:
    eid = event["id"]
    st.subheader(texts.CAT_CHANNELS_HEAD)
    columns = [("name", texts.CAT_COL_NAME), ("measure", texts.CAT_COL_MEASURE),
               ("code", texts.CAT_COL_CODE)]
    current = catalogue.channels_for(db, eid)
    base = f"cat_channels_{eid}"
    key = form_prefix(base)
    with st.form(f"cat_channels_form_{eid}", enter_to_submit=False):
        edited = st.data_editor(
            _editor_rows(current, columns), num_rows="dynamic",
            width="stretch", key=key, height=_height(len(current)),
            placeholder="",
            column_config={
                texts.CAT_COL_ORDER: st.column_config.NumberColumn(step=1, width="small"),
                texts.CAT_COL_CODE: st.column_config.TextColumn(help=texts.CAT_CODE_HELP),
                texts.CAT_COL_NAME: st.column_config.TextColumn(width="large"),
                texts.CAT_COL_MEASURE: st.column_config.TextColumn(),
            })
        errors = st.empty()
        save = st.form_submit_button(texts.CAT_SAVE_CHANNELS, type="primary")
    if save:
        try:
            catalogue.set_channels(db, actor, eid, _back(edited, columns))
        except ValidationFailed as failure:
            _show_errors(errors, failure)
        else:
            form_saved(base)
            flash_and_rerun(texts.CAT_SAVED)


def render(db, actor, event) -> None:
    """The tab's content for the event chosen in the sidebar."""
    st.caption(texts.CAT_HELP.format(year=event["year"]))
    _types(db, actor, event)
    _channels(db, actor, event)
