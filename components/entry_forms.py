"""Widgets shared by the unit pages: the activity and propaganda forms (used to create on
their own pages and to edit on «Dữ liệu đã nhập»), photo thumbnails, the import box, and
the banner saying whether the unit can still write."""
import streamlit as st

from components.safe_text import md
from components.forms import FieldErrors, flash, form_prefix, form_saved, render_token
from components import look
from core import entry_rules, photos as photo_rules, texts, timefmt
from core import reference as ref
from db import AccessDenied, ValidationFailed, WeekLocked, areas, catalogue, entries, events
from db import roster, submissions
from components.organiser_words import say

def write_status(db, event, unit_id, *, reopen=False) -> bool:
    """A banner when the unit can no longer write; returns True when it can. Once the
    report is submitted (and the week still open) the pages with forms pass reopen=True:
    the banner carries the «Mở lại báo cáo» button, so the clerk is never left in front of
    a form that only refuses."""
    try:  # a unit outside the week's roster writes nothing in it (db/roster.py)
        roster.require_member(db, event["id"], unit_id)
    except ValidationFailed as failure:
        st.warning(md(failure.errors["unit"]))
        return False
    if events.is_locked(event):
        st.warning(texts.WEEK_LOCKED.format(lock_at=timefmt.local(event["lock_at"])))
        return False
    if submitted := submissions.get(db, event["id"], unit_id):
        st.info(texts.SUB_FROZEN_BANNER.format(at=timefmt.local(submitted["submitted_at"])))
        if reopen:
            st.caption(texts.FORM_READ_ONLY_REOPEN)
            if st.button(texts.SUB_REOPEN, key="reopen_banner", icon=":material/lock_open:"):
                _reopen(db, event, unit_id)
        return False
    return True


def _reopen(db, event, unit_id) -> None:
    try:
        submissions.reopen(db, st.session_state["actor"], event["id"], unit_id)
    except ValidationFailed as failure:
        st.error("; ".join(failure.errors.values()))
    except (WeekLocked, AccessDenied) as refused:
        st.error(str(refused))
    else:
        flash(texts.SUB_REOPENED)
        st.rerun()


def _ward_select(db, event, prefix, unit, current_ward, errors, readonly=False):
    """The week's areas (db/areas.py); the unit's area in this week is the default."""
    names = areas.names_for(db, event["id"])
    own = areas.unit_area(db, event["id"], unit["id"])
    wards = list(names)
    if current_ward and current_ward not in names:  # kept as saved, shown by its code
        wards.append(current_ward)
    options = wards if own else [None] + wards
    chosen = current_ward or own
    st.selectbox(say(texts.EF_WARD), options, index=options.index(chosen),
                 format_func=lambda w: say(texts.EF_WARD_PICK) if w is None else names.get(w, w),
                 key=f"{prefix}ward", help=say(texts.EF_WARD_HELP), disabled=readonly,
                 placeholder=texts.EF_CHOOSE)
    errors.slot("ward_code")


def _dates(prefix, event, current, fields, errors, readonly=False):
    week = entry_rules.week_of(event)
    default = entry_rules.default_day(week)
    values = {}
    for field, label in fields:
        value = entry_rules.parse_date(current.get(field)) if current.get(field) else default
        values[field] = st.date_input(label, value=value, format="DD/MM/YYYY",
                                      key=f"{prefix}{field}", disabled=readonly)
        errors.slot(field)
    # asked only for a date outside the week (issue 20). A form sends nothing before its
    # submit, so the dates seen here are the saved entry's or the last submitted ones: the
    # box appears with the refusal «ngày … nằm ngoài Tuần lễ», or on an entry saved so
    if any(day is not None and not week.contains(day) for day in values.values()):
        st.checkbox(texts.EF_CONFIRM_OUTSIDE.format(start=entry_rules.fmt_day(week.start),
                                                      end=entry_rules.fmt_day(week.end)),
                    value=bool(current) and not all(
                        week.contains(entry_rules.parse_date(current[f])) for f, _ in fields),
                    key=f"{prefix}confirm_outside", disabled=readonly)
    return values


def _existing_photos(db, kind, entry_id, prefix, readonly=False) -> list[int]:
    """Thumbnails of saved photos, each with a 'remove' checkbox; returns ids to remove."""
    removing = []
    saved = entries.photos(db, kind, entry_id)
    if not saved:
        return removing
    st.caption(texts.EF_PHOTOS_SAVED)
    if readonly:  # the report is submitted or the week locked: photos to look at only
        st.image([photo_rules.thumbnail(p["data"]) for p in saved], width=120)
        return removing
    columns = st.columns(min(len(saved), 5))
    for column, photo in zip(columns, saved):
        column.image(photo["thumb"] or photo_rules.thumbnail(photo["data"]), width=120)
        if column.checkbox(texts.EF_PHOTO_REMOVE, key=f"{prefix}rm_{photo['id']}"):
            removing.append(photo["id"])
    return removing


def photo_limit_mb() -> int:
    """The real per-photo limit: the smaller of our own check and the browser's cap."""
    ours = getattr(photo_rules, "MAX_BYTES", None)
    cap = look.upload_limit_mb()
    return min(cap, ours // (1024 * 1024)) if ours else cap


def _uploads(prefix, limit, errors, disabled=False):
    files = look.uploader(texts.EF_PHOTOS.format(max=limit), key=f"{prefix}photos",
                          hint=texts.UPLOAD_HINT_PHOTOS.format(mb=photo_limit_mb()),
                          accept_multiple_files=True, disabled=disabled,
                          # no type=: the browser would refuse a .gif or .heic in
                          # Streamlit's English («… files are not allowed»); core/photos
                          # refuses what is not a photo with a Vietnamese message
                          # no max_upload_size: the browser would drop an oversize photo
                          # with an English tooltip and save the entry without it; the
                          # server check refuses the whole form with a Vietnamese message
                          help=texts.EF_PHOTOS_HELP.format(max=limit))
    errors.slot("photos")
    return [(f.name, f.getvalue()) for f in files or []]


def _options(prefix, files, removing, current) -> dict:
    """Keyword arguments for entries.create / entries.update."""
    options = {"confirm_outside": st.session_state.get(f"{prefix}confirm_outside", False),
               "photo_files": files}
    if current:
        options["remove_photo_ids"] = removing
    return options


def activity_form(db, event, unit, base, current=None, readonly=False):
    """Draw the activity form; returns (submitted, raw values, options, FieldErrors).
    `readonly`: every field disabled and no save (the report is submitted or locked)."""
    prefix = keys(base)
    current = current or {}
    errors = FieldErrors()
    cat = catalogue.catalogue_for(db, event["id"])  # the week's own types, in its order
    types = list(cat.type_names)
    if current.get("type") and current["type"] not in types:
        types.append(current["type"])  # shown as it is; saving asks for a listed type
    with st.form(f"{prefix}form", clear_on_submit=False, enter_to_submit=False):
        st.selectbox(texts.EF_TYPE, types, format_func=cat.type_label,
                     index=types.index(current.get("type", types[0])), key=f"{prefix}type", disabled=readonly, placeholder=texts.EF_CHOOSE)
        errors.slot("type")
        st.text_input(texts.EF_TITLE, value=current.get("title", ""), key=f"{prefix}title", disabled=readonly,
                      max_chars=entry_rules.TITLE_MAX)
        errors.slot("title")
        st.text_area(texts.EF_DESCRIPTION, value=current.get("description", ""),
                     key=f"{prefix}description", height=90, disabled=readonly)
        errors.slot("description")
        _ward_select(db, event, prefix, unit, current.get("ward_code"), errors, readonly)
        left, right = st.columns(2)
        with left:
            dates = _dates(prefix, event, current, [("start_date", texts.EF_START),
                                                    ("end_date", texts.EF_END)], errors, readonly)
        with right:
            formats = list(ref.FORMAT_NAMES)
            st.radio(texts.EF_FORMAT, formats, format_func=ref.FORMAT_NAMES.get,
                     index=formats.index(current.get("format", "truc_tiep")),
                     key=f"{prefix}format", disabled=readonly)
            errors.slot("format")
            st.number_input(texts.EF_PARTICIPANTS, step=1,
                            value=int(current.get("participants", 0)),
                            key=f"{prefix}participants", disabled=readonly)
            errors.slot("participants")
            st.number_input(texts.EF_ONLINE, step=1,
                            value=int(current.get("online_participants", 0)),
                            key=f"{prefix}online_participants", disabled=readonly)
            errors.slot("online_participants")
        st.multiselect(texts.EF_AUDIENCES, list(ref.AUDIENCE_NAMES),
                       default=current.get("audiences", []),
                       format_func=ref.AUDIENCE_NAMES.get, key=f"{prefix}audiences", disabled=readonly,
                       placeholder=texts.EF_CHOOSE, select_all=False)
        errors.slot("audiences")
        st.text_input(texts.EF_EVIDENCE, value=current.get("evidence_url") or "",
                      key=f"{prefix}evidence_url", disabled=readonly, placeholder="https://")
        errors.slot("evidence_url")
        removing = _existing_photos(db, entries.ACTIVITY, current["id"], prefix,
                                    readonly) if current else []
        files = _uploads(prefix, entries.ACTIVITY.max_photos, errors, readonly)
        submitted = st.form_submit_button(texts.EF_SAVE if current else texts.ACT_SUBMIT,
                                          type="primary", disabled=readonly)
    state = st.session_state
    raw = {"type": state[f"{prefix}type"], "title": state[f"{prefix}title"],
           "description": state[f"{prefix}description"],
           "ward_code": state[f"{prefix}ward"] or "", **dates,
           "format": state[f"{prefix}format"],
           "participants": state[f"{prefix}participants"],
           "online_participants": state[f"{prefix}online_participants"],
           "audiences": state[f"{prefix}audiences"],
           "evidence_url": state[f"{prefix}evidence_url"]}
    return submitted, raw, _options(prefix, files, removing, current), errors


def propaganda_form(db, event, unit, base, current=None, readonly=False):
    prefix = keys(base)
    current = current or {}
    errors = FieldErrors()
    cat = catalogue.catalogue_for(db, event["id"])
    channels = list(cat.channel_names)
    if current.get("channel") and current["channel"] not in channels:
        channels.append(current["channel"])
    slogans = {s["number"]: s["text"] for s in events.slogans(db, event["id"])}
    with st.form(f"{prefix}form", clear_on_submit=False, enter_to_submit=False):
        st.selectbox(texts.EF_CHANNEL, channels,
                     format_func=cat.channel_label,
                     index=channels.index(current.get("channel", channels[0])),
                     key=f"{prefix}channel", disabled=readonly, placeholder=texts.EF_CHOOSE)
        errors.slot("channel")
        st.number_input(texts.EF_QUANTITY, step=1,
                        value=int(current.get("quantity", 1)), key=f"{prefix}quantity", disabled=readonly,
                        help=texts.EF_QUANTITY_HELP)
        errors.slot("quantity")
        _ward_select(db, event, prefix, unit, current.get("ward_code"), errors, readonly)
        dates = _dates(prefix, event, current, [("date", texts.EF_DATE)], errors, readonly)
        st.multiselect(texts.EF_SLOGANS, list(slogans), default=current.get("slogans", []),
                       format_func=lambda n: f"{n}. {slogans[n]}", key=f"{prefix}slogans", disabled=readonly,
                       placeholder=texts.EF_CHOOSE, select_all=False)
        errors.slot("slogans")
        st.text_input(texts.EF_LINK, value=current.get("link") or "", key=f"{prefix}link", disabled=readonly,
                      placeholder="https://")
        errors.slot("link")
        st.text_area(texts.EF_NOTE, value=current.get("note", ""), key=f"{prefix}note", disabled=readonly,
                     height=70)
        errors.slot("note")
        removing = _existing_photos(db, entries.PROPAGANDA, current["id"], prefix,
                                    readonly) if current else []
        files = _uploads(prefix, entries.PROPAGANDA.max_photos, errors, readonly)
        submitted = st.form_submit_button(texts.EF_SAVE if current else texts.PROP_SUBMIT,
                                          type="primary", disabled=readonly)
    state = st.session_state
    raw = {"channel": state[f"{prefix}channel"], "quantity": state[f"{prefix}quantity"],
           "ward_code": state[f"{prefix}ward"] or "", **dates,
           "slogans": state[f"{prefix}slogans"], "link": state[f"{prefix}link"],
           "note": state[f"{prefix}note"]}
    return submitted, raw, _options(prefix, files, removing, current), errors


def keys(base: str) -> str:
    """The widget-key prefix of a form (components/forms.form_prefix)."""
    return form_prefix(base)


def save(action, errors: FieldErrors, base: str, success: str) -> bool:
    """Run a db write for a submitted form. On success: a fresh form (new widget keys, the
    old values forgotten), a new token, a rerun with a success message. On failure:
    messages next to the fields, typed values kept, nothing written."""
    try:
        action(render_token(base))
    except ValidationFailed as failure:
        errors.show(failure.errors)
        return False
    except (WeekLocked, AccessDenied) as refused:
        st.error(md(str(refused)))
        return False
    form_saved(base)
    flash(success)
    st.rerun()


def thumbnails(db, kind, entry_id) -> None:
    saved = entries.photos(db, kind, entry_id)
    if saved:
        st.image([p["thumb"] or photo_rules.thumbnail(p["data"]) for p in saved], width=160)
