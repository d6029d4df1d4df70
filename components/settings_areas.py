"""Admin: the areas of the week chosen in the sidebar (issue 15 item 2) — a table editor
(add, rename, position, remove), an import from CSV/XLSX, and a unit's area for this week.
Rules and writes: core/areas.py and db/areas.py (admin-only, audited)."""
import pandas as pd
import streamlit as st

from components import look
from components.forms import flash_and_rerun
from components.importer import table_kind_ok
from components.safe_text import md
from core import texts
from db import ValidationFailed, areas, units

COLUMNS = {"code": texts.AREA_COL_CODE, "name": texts.AREA_COL_NAME,
           "grid_row": texts.AREA_COL_ROW, "grid_col": texts.AREA_COL_COL}


def _generation(eid) -> int:
    return st.session_state.get(f"_gen_areas_{eid}", 0)


def _saved(eid, message: str) -> None:
    """A saved table is drawn again with a new key (the editor keeps its edits otherwise)."""
    st.session_state[f"_gen_areas_{eid}"] = _generation(eid) + 1
    flash_and_rerun(message)


def _frame(rows: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=list(COLUMNS))
    for column in ("grid_row", "grid_col"):
        frame[column] = frame[column].astype("Int64")
    return frame.rename(columns=COLUMNS)


def _rows_of(edited: pd.DataFrame) -> list[dict]:
    out = []
    for record in edited.rename(columns={v: k for k, v in COLUMNS.items()}).to_dict("records"):
        clean = {k: (None if v is None or (not isinstance(v, str) and pd.isna(v)) else v)
                 for k, v in record.items()}
        if not any(v not in (None, "") for v in clean.values()):
            continue  # an empty line the editor added
        out.append(clean)
    return out


def _errors(failure: ValidationFailed) -> None:
    """One line per problem, the file's text shown as it is (never as markdown)."""
    st.error(md("\n".join(failure.errors.values())))


def area_table(db, actor, event) -> None:
    eid = event["id"]
    current = areas.areas_for(db, eid)
    st.caption(texts.AREA_INTRO.format(year=event["year"]))
    st.caption(texts.AREA_COUNT.format(n=len(current)))
    edited = st.data_editor(
        _frame(current), num_rows="dynamic", hide_index=True, width="stretch",
        key=f"areas_editor_{eid}_{_generation(eid)}",
        placeholder="",  # an empty position shows empty, not Streamlit's «None»
        column_config={
            texts.AREA_COL_CODE: st.column_config.TextColumn(max_chars=20, required=True),
            texts.AREA_COL_NAME: st.column_config.TextColumn(required=True),
            texts.AREA_COL_ROW: st.column_config.NumberColumn(min_value=0, max_value=999,
                                                              step=1, format="%d"),
            texts.AREA_COL_COL: st.column_config.NumberColumn(min_value=0, max_value=999,
                                                              step=1, format="%d")})
    if st.button(texts.AREA_SAVE, type="primary", key=f"areas_save_{eid}"):
        try:
            done = areas.save_areas(db, actor, eid, _rows_of(edited))
        except ValidationFailed as failure:
            _errors(failure)
        else:
            _saved(eid, texts.AREA_SAVED.format(n=done["areas"]))


def area_import(db, actor, event) -> None:
    eid = event["id"]
    st.subheader(texts.AREA_IMPORT_HEAD)
    st.caption(texts.AREA_IMPORT_HELP)
    # no type=: the browser would refuse another kind in Streamlit's English (issue 13)
    upload = look.uploader(texts.AREA_IMPORT_HEAD, key=f"areas_file_{eid}_{_generation(eid)}",
                           hint=texts.UPLOAD_HINT_TABLE.format(mb=look.upload_limit_mb()),
                           label_visibility="collapsed")
    if upload is not None and not table_kind_ok(upload.name, upload.getvalue()):
        st.error(texts.IMP_WRONG_KIND.format(name=md(upload.name)))
    elif upload is not None and st.button(texts.AREA_IMPORT_BUTTON,
                                          key=f"areas_import_{eid}"):
        try:
            done = areas.import_file(db, actor, eid, upload.getvalue(), upload.name)
        except ValidationFailed as failure:
            _errors(failure)
            st.caption(texts.AREA_NOTHING_WRITTEN)
        else:
            _saved(eid, texts.AREA_IMPORT_DONE.format(
                n=done["areas"], year=done["year"], added=done["added"],
                changed=done["changed"], removed=done["removed"]))


def unit_area(db, actor, event) -> None:
    eid = event["id"]
    st.subheader(texts.AREA_UNIT_HEAD.format(year=event["year"]))
    st.caption(texts.AREA_UNIT_HELP)
    names = areas.names_for(db, eid)
    all_units = {u["id"]: u for u in units.list_units(db, event_id=eid, active=True)}
    picked = st.selectbox(texts.AREA_UNIT_PICK, list(all_units), index=None,
                          format_func=lambda i: f"{all_units[i]['code']} — {all_units[i]['name']}",
                          key=f"areas_unit_{eid}", placeholder=texts.EF_CHOOSE)
    if picked is None:
        return
    own = areas.unit_area(db, eid, picked)
    options = [None] + list(names)
    with st.form(f"areas_unit_form_{eid}_{picked}_{_generation(eid)}", enter_to_submit=False):
        code = st.selectbox(texts.AREA_UNIT_AREA.format(year=event["year"]), options,
                            index=options.index(own) if own in options else 0,
                            format_func=lambda c: texts.AREA_UNIT_NONE if c is None
                            else f"{c} — {names[c]}", placeholder=texts.AREA_UNIT_NONE)
        save = st.form_submit_button(texts.AREA_UNIT_SAVE, type="primary")
    if save:
        try:
            areas.set_unit_area(db, actor, eid, picked, code)
        except ValidationFailed as failure:
            _errors(failure)
        else:
            _saved(eid, texts.AREA_UNIT_SAVED)


def render(db, actor, event) -> None:
    area_table(db, actor, event)
    st.divider()
    area_import(db, actor, event)
    st.divider()
    unit_area(db, actor, event)
