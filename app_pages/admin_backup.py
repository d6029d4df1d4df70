"""Admin: back up the whole database with SQLite's online backup API (safe while units are
typing) and download it; restore from an uploaded backup after a confirmation. All the
work is in db/backup.py (also used by manage.py backup / restore)."""
import streamlit as st

from components import look
from components.safe_text import md
from components.forms import flash_and_rerun, show_flash
from components.navigation import guard
from components.session import database, database_path
from core import numbers, texts, timefmt
from db import backup

actor = guard("admin_backup.py")
db = database()
live = database_path()

show_flash()

st.markdown(texts.BAKP_HELP)
# several organisers on one server (issue 24): this page is the session's organiser's only
from db import directory  # noqa: E402  (kept with its block: one edit here)

if (own := directory.record_of_file(live)) is not None:
    st.info(texts.BAKP_ORGANISER_SCOPE.format(name=md(own.name), key=own.key))

st.subheader(texts.BAKP_MAKE)
if st.button(texts.BAKP_MAKE_BUTTON, type="primary", key="bak_make"):
    try:
        with st.spinner(texts.BAKP_WORKING):
            result = backup.backup_to_folder(live, actor)
    except backup.BackupError as error:
        st.error(md(str(error)))
    else:
        st.session_state["bak_last"] = result.path.name
        st.success(texts.BAKP_MADE.format(
            name=result.path.name, size=numbers.integer(result.size / 1024),
            counts=", ".join(f"{texts.BAKP_TABLES.get(t, t)} {numbers.integer(n)}"
                             for t, n in result.tables.items())))

saved = backup.list_backups(live)
if saved:
    st.markdown(texts.BAKP_SAVED.format(folder=backup.backup_folder(live)))
    names = {b["name"]: b for b in saved}
    default = st.session_state.get("bak_last")
    picked = st.selectbox(texts.BAKP_PICK, list(names), key="bak_pick", placeholder=texts.EF_CHOOSE,
                          index=list(names).index(default) if default in names else 0,
                          format_func=lambda n: texts.BAKP_ITEM.format(
                              name=n, size=numbers.integer(names[n]["size"] / 1024),
                              at=timefmt.local(names[n]["modified"], seconds=True)))
    path = names[picked]["path"]
    st.download_button(texts.BAKP_DOWNLOAD, lambda: path.read_bytes(), file_name=picked,
                       mime="application/vnd.sqlite3", key="bak_download")
else:
    st.caption(texts.BAKP_NONE_YET)

# --- sample data (issue 12 §1): remove every demo row, confirmed, audited -----------------
from components import sample_banner  # noqa: E402  (kept with its block: one edit here)

st.divider()
sample_banner.removal_panel(db, actor)

st.divider()
st.subheader(texts.BAKP_RESTORE)
st.markdown(texts.BAKP_RESTORE_HELP)
# no type=: the browser would refuse another kind of file in Streamlit's English; a file
# that is not a database is refused by db/backup.py's checks, in Vietnamese
upload = look.uploader(texts.BAKP_UPLOAD, key="bak_upload",
                       hint=texts.UPLOAD_HINT_BACKUP.format(mb=look.upload_limit_mb()))
if upload is not None:
    data = upload.getvalue()
    confirmed = st.checkbox(texts.BAKP_CONFIRM.format(name=md(upload.name)), key="bak_confirm")
    if st.button(texts.BAKP_RESTORE_BUTTON, type="primary", disabled=not confirmed,
                 key="bak_restore"):
        try:
            with st.spinner(texts.BAKP_WORKING):
                kept = backup.restore_bytes(live, data, upload.name, actor)
        except backup.BackupError as error:
            st.error(md(str(error)))  # may quote names found in the uploaded file
        else:
            st.session_state.pop("bak_confirm", None)
            flash_and_rerun(texts.BAKP_RESTORED.format(name=md(upload.name), kept=md(kept)))
