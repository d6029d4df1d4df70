"""The import boxes of the pages: what the file looks like (columns, allowed values),
template downloads, the upload, the options, and the report as a table (dòng, cột, giá trị,
lý do) with what would let the refused rows in, in the page's own words."""
import hashlib
import re

import streamlit as st

from components import safe_text
from core import import_format, import_words, texts
from core.tabular import ImportReport, TabularError, Table, read_table, template_csv, \
    template_xlsx
from db import AccessDenied, WeekLocked, entries, entry_import, events, submissions, \
    units

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def week_words(db, event: dict | None) -> tuple[str, str | None, object]:
    """(area word, an area of the week as an example, the week's first day) of `event`
    (default: the newest week): the words of the import box and its templates."""
    from core.entry_rules import week_of
    from db import areas
    from db.organiser import organiser_for

    event = event or events.get(db)
    if event is None:
        return "phường", None, None
    org = organiser_for(db, event["id"])
    names = list(areas.names_for(db, event["id"]).values())
    return org.area_word, (names[0] if names else None), week_of(event).start


def entry_template(db, actor, event, kind) -> tuple:
    """(layout in the week's words, example rows, vocabularies, words) of an entry template."""
    words = week_words(db, event)
    layout = import_words.layout_in_words(entry_import.layout_of(kind), words[0])
    _headers, rows, vocabs = entry_import.template(db, actor, kind, event)
    return layout, rows, vocabs, words


def unit_template(db, week) -> tuple:
    """(layout in the week's words, example rows, vocabularies, words) of the units
    template of `week` (default: the newest)."""
    week = week or events.get(db)
    words = week_words(db, week)
    layout = import_words.layout_in_words(import_format.UNIT_LAYOUT, words[0])
    _headers, rows, vocabs = units.template(db, week) if week else units.template()
    return layout, rows, vocabs, words


def template_files(layout, example_rows, vocabs, optional=(), words=None) -> tuple:
    """(XLSX bytes, CSV bytes) of a template: the XLSX has the «Danh mục» sheet, the
    dropdowns and the notes in the week's words."""
    notes = import_format.template_notes(layout, optional)
    if words:
        notes = import_words.notes_in_words(notes, *words)
    xlsx = template_xlsx(layout.headers, example_rows,
                         catalogues=import_format.catalogues(layout, vocabs), notes=notes,
                         date_columns=[c.label for c in layout.columns if c.date])
    return xlsx, template_csv(layout.headers, example_rows)


def templates(name: str, layout, example_rows, vocabs, optional=(), words=None) -> None:
    xlsx, csv_data = template_files(layout, example_rows, vocabs, optional, words)
    left, right = st.columns(2)
    left.download_button(texts.TEMPLATE_XLSX, xlsx,
                         file_name=f"{name}.xlsx", key=f"tpl_xlsx_{name}", mime=XLSX_MIME)
    right.download_button(texts.TEMPLATE_CSV, csv_data,
                          file_name=f"{name}.csv", mime="text/csv", key=f"tpl_csv_{name}")


def describe(layout, vocabs, optional=(), words=None) -> None:
    """The columns (required ones starred) and, folded, every allowed value."""
    st.caption(texts.IMP_COLUMNS_CAPTION)
    st.text(" | ".join(c.label + (" *" if c.required and c.field not in optional else "")
                       for c in layout.columns))
    notes = import_format.template_notes(layout)[2:-1]  # date, lists, ward
    if words:
        notes = import_words.notes_in_words(notes, *words)
    for note in notes:  # the area word and example are an admin's text: not markdown
        st.caption(safe_text.md(note))
    with st.expander(texts.IMP_CATALOGUE_TITLE):
        st.dataframe([{texts.IMP_COL_COLUMN: catalogue.column, texts.IMP_COL_VALUE: value}
                      for catalogue in import_format.catalogues(layout, vocabs)
                      for value in catalogue.values], hide_index=True, width="stretch")


def uploaded_table(key: str) -> Table | None:
    from components import look
    from components.safe_text import md

    # no type=: the browser would refuse another kind of file in Streamlit's English
    # («… files are not allowed»); the kind is checked here, in Vietnamese
    upload = look.uploader(texts.IMPORT_FILE, key=key,
                           hint=texts.UPLOAD_HINT_TABLE.format(mb=look.upload_limit_mb()))
    if upload is None:
        st.session_state.pop(f"{key}_report", None)
        st.session_state.pop(f"{key}_parsed", None)
        return None
    if not table_kind_ok(upload.name, upload.getvalue()):
        st.error(texts.IMP_WRONG_KIND.format(name=md(upload.name)))
        return None
    table, refusal = parsed_once(key, upload.name, upload.getvalue())
    if refusal:
        st.error(_plain(refusal))  # the reason may quote the file
    return table


def parsed_once(key: str, name: str, data: bytes) -> tuple[Table | None, str | None]:
    """(table, None) or (None, reason): a file is parsed once, not on every rerun (ticking
    an option reruns the page); the result is kept in the session by the file's hash, so
    only the last file of this uploader is held."""
    digest = hashlib.sha256(data).hexdigest() + ":" + name
    saved = st.session_state.get(f"{key}_parsed")
    if saved is not None and saved[0] == digest:
        return saved[1], saved[2]
    try:
        result = (read_table(data, name), None)
    except TabularError as error:
        result = (None, str(error))
    st.session_state[f"{key}_parsed"] = (digest, *result)
    return result


def table_kind_ok(name: str, data: bytes) -> bool:
    """A .csv (text) or a real .xlsx (a zip): not a PDF, an old .xls or a renamed file."""
    suffix = name.lower().rsplit(".", 1)[-1] if "." in name else ""
    if suffix == "xlsx":
        return data[:4] == b"PK\x03\x04"
    utf16 = data[:2] in (b"\xff\xfe", b"\xfe\xff")  # Excel's «Unicode Text»: NUL bytes
    return suffix in ("csv", "txt") and (utf16 or b"\x00" not in data[:4096])


def show_report(report: ImportReport, *, done_message: str | None = None) -> None:
    if report.written:
        if report.errors:
            st.warning(texts.IMP_PARTIAL.format(created=report.created,
                                                skipped=report.bad_lines))
        else:
            st.success(done_message or texts.IMP_DONE.format(created=report.created))
    elif report.errors:
        st.error(report.refusal())
    if report.errors:
        rows = [{k: _plain(v) for k, v in row.items()} for row in report.error_table()]
        # a table (not a dataframe) so long reasons wrap; scrolls past ~15 rows
        st.table(rows, hide_index=True, height="content" if len(rows) <= 15 else 560)
        if report.more():
            st.caption(report.more())
        for hint in report.hints:
            st.info(texts.IMP_HINTS_PAGE[hint])
    if report.ignored_note():
        from components.safe_text import md

        st.info(md(report.ignored_note()))  # column names come from the file


def unknown_columns_choice(table: Table | None, layout, key: str, upload_key: str) -> bool:
    """Before the import: the file's columns the template does not know, each with the
    nearest known names, and «Bỏ qua các cột này» (ticked: import without them; a new file
    asks again)."""
    upload = st.session_state.get(upload_key)
    if table is None or upload is None:
        return False
    unknown = import_format.unknown_columns(table, layout)
    if not unknown:
        return False
    from components.safe_text import md

    named = []
    for column in unknown:
        near = import_format.nearest_columns(column, layout)
        named.append(texts.IMP_UNKNOWN_ONE.format(column=md(column), near=", ".join(
            f"«{n}»" for n in near)) if near else f"«{md(column)}»")
    st.warning(texts.IMP_UNKNOWN_FOUND.format(columns="; ".join(named)))
    return st.checkbox(texts.IMP_IGNORE_UNKNOWN, key=f"{key}_ignore_columns_{upload.file_id}")


_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:/])")


def _plain(text: str) -> str:
    """st.table renders cells as Markdown: escape every Markdown character, so a cell of
    the file (`![](http://…)`, `**x**`, a bare URL) shows as typed and loads nothing."""
    return _MARKDOWN.sub(r"\\\1", str(text))


def _remembered(key: str, upload_key: str, report: ImportReport | None,
                done_message: str | None = None) -> None:
    """Keep the last report on screen while the same file stays chosen (ticking an option
    reruns the page)."""
    upload = st.session_state.get(upload_key)
    if report is not None and upload is not None:
        st.session_state[f"{key}_report"] = (upload.file_id, report, done_message)
    saved = st.session_state.get(f"{key}_report")
    if saved and upload is not None and saved[0] == upload.file_id:
        show_report(saved[1], done_message=saved[2])


def entry_import_box(db, actor, event, kind, key) -> None:
    """Activities or propaganda from a file; a unit imports its own rows (db/ enforces it)."""
    if actor.role == "unit" and (events.is_locked(event)
                                 or submissions.get(db, event["id"], actor.unit_id)):
        st.info(texts.IMP_UNIT_CLOSED)  # the banner at the top of the page says why
        return
    is_activity = kind is entries.ACTIVITY
    layout, rows, vocabs, words = entry_template(db, actor, event, kind)
    optional = ("unit_code",) if actor.role == "unit" else ()
    st.markdown(texts.IMP_HELP_ENTRIES)
    if actor.role == "unit":
        st.caption(texts.IMP_OWN_UNIT_NOTE)
    describe(layout, vocabs, optional, words)
    templates("mau-hoat-dong" if is_activity else "mau-tuyen-truyen", layout, rows, vocabs,
              optional, words)
    upload_key = f"{key}_upload"
    table = uploaded_table(upload_key)
    ignore_columns = unknown_columns_choice(table, layout, key, upload_key)
    skip = st.checkbox(texts.EIMP_SKIP_INVALID, key=f"{key}_skip")
    with st.expander(texts.IMP_MORE_OPTIONS):
        outside = st.checkbox(texts.EIMP_ALLOW_OUTSIDE, key=f"{key}_outside")
        duplicates = st.checkbox(texts.IMP_ALLOW_DUPLICATES, key=f"{key}_duplicates")
        duplicate_file = st.checkbox(texts.IMP_ALLOW_DUPLICATE_FILE, key=f"{key}_dupfile")
    report = None
    if table is not None and st.button(texts.BUTTON_IMPORT, type="primary", key=f"{key}_go"):
        try:
            report = entries.import_rows(db, actor, kind, event["id"], table,
                                         skip_invalid=skip, allow_outside_week=outside,
                                         allow_duplicates=duplicates,
                                         allow_duplicate_file=duplicate_file,
                                         ignore_unknown_columns=ignore_columns,
                                         source=st.session_state[upload_key].name)
        except (WeekLocked, AccessDenied) as refused:
            st.error(_plain(str(refused)))
    _remembered(key, upload_key, report)


def units_import_box(db, actor, week: dict | None = None) -> None:
    """Admin: units from a file (all or nothing; existing codes updated only on request)
    into the roster of `week` (default: the newest week)."""
    layout, rows, vocabs, words = unit_template(db, week)
    st.markdown(texts.IMP_HELP_UNITS)
    describe(layout, vocabs, words=words)
    templates("mau-don-vi", layout, rows, vocabs, words=words)
    table = uploaded_table("units_upload")
    update_existing = st.checkbox(texts.IMPORT_UPDATE_EXISTING, key="units_import_update")
    report = done = None
    if table is not None and st.button(texts.BUTTON_IMPORT, type="primary", key="units_import"):
        report = units.import_units(db, actor, table, update_existing=update_existing,
                                    event_id=week["id"] if week else None)
        done = texts.IMP_UNITS_DONE.format(created=report.created, updated=report.updated)
    _remembered("units_import", "units_upload", report, done)
