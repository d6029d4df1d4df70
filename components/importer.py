"""An upload box for an import file, with template downloads and the line-by-line report."""
import streamlit as st

from components.safe_text import md
from core import texts
from core.tabular import ImportReport, TabularError, Table, read_table, template_csv, \
    template_xlsx


def templates(name: str, columns, example_rows) -> None:
    left, right = st.columns(2)
    left.download_button(texts.TEMPLATE_CSV, template_csv(columns, example_rows),
                         file_name=f"{name}.csv", mime="text/csv", key=f"tpl_csv_{name}")
    right.download_button(texts.TEMPLATE_XLSX, template_xlsx(columns, example_rows),
                          file_name=f"{name}.xlsx", key=f"tpl_xlsx_{name}",
                          mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


def uploaded_table(key: str) -> Table | None:
    upload = st.file_uploader(texts.IMPORT_FILE, type=["csv", "xlsx"], key=key)
    if upload is None:
        return None
    try:
        return read_table(upload.getvalue(), upload.name)
    except TabularError as error:
        st.error(md(str(error)))
        return None


def show_report(report: ImportReport) -> None:
    if report.written:
        st.success(texts.IMPORT_DONE.format(created=report.created, updated=report.updated))
    elif report.errors:
        st.error(texts.IMPORT_NOTHING_WRITTEN.format(count=len(report.errors)))
    if report.errors:
        st.code("\n".join(report.error_lines()), language=None)
