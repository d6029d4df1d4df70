"""Form helpers: an error slot under each field, filled after validation, so the message
stands next to the field and the typed values stay (clear_on_submit stays False)."""
import uuid

import streamlit as st

from components.safe_text import md
from core import texts
from db import AccessDenied, NeedsConfirmation, ValidationFailed, WeekLocked


class FieldErrors:
    """Create it right before the form: the summary line goes there, above the fields,
    where «bên dưới» (below) is true."""

    def __init__(self):
        self._slots = {}
        self._top = st.container()

    def slot(self, field: str) -> None:
        """Call right after drawing the widget for `field`."""
        self._slots[field] = st.empty()

    def show(self, errors: dict[str, str]) -> None:
        self._top.error(texts.FORM_HAS_ERRORS)
        for field, message in errors.items():
            # messages quote what was typed or imported: shown as text, never markdown
            (self._slots.get(field) or st).error(md(message), icon=":material/error:")


def render_token(form_key: str) -> str:
    """An idempotency key for this rendering of a form: a double-clicked submit sends the
    same key twice, and db/ saves only the first. Renewed after a successful save."""
    state_key = f"_token_{form_key}"
    if state_key not in st.session_state:
        st.session_state[state_key] = uuid.uuid4().hex
    return st.session_state[state_key]


def renew_token(form_key: str) -> None:
    st.session_state.pop(f"_token_{form_key}", None)


def reset_fields(prefix: str) -> None:
    """Forget the widget values of one form in session state (keys share a prefix). Alone
    this does not clear what the browser shows: use form_prefix/form_saved for that."""
    for key in [k for k in st.session_state if isinstance(k, str) and k.startswith(prefix)]:
        del st.session_state[key]


def form_prefix(base: str) -> str:
    """The widget-key prefix of a form: `base` until its first successful save, then `base`
    plus a generation number. A saved form is drawn with new keys because the browser keeps
    showing the values of a widget whose key is unchanged, even once its session state is
    deleted, and sends them back on the next run: a stale form saved the previous pick's
    unit and four identical budget lines (issue 20)."""
    generation = st.session_state.get(f"_gen_{base}", 0)
    return base if generation == 0 else f"{base}{generation}_"


def form_saved(base: str) -> None:
    """After a successful save: the next run draws a clean form (new keys, new token)."""
    renew_token(base)
    reset_fields(form_prefix(base))
    st.session_state.pop(f"_confirm_{base}", None)
    st.session_state[f"_gen_{base}"] = st.session_state.get(f"_gen_{base}", 0) + 1


def save_form(base: str, submitted: bool, fields: dict, save, errors: FieldErrors,
              success: str, confirm_label: str, cancel_label: str = texts.CONFIRM_CANCEL) -> None:
    """Handle a form whose save may ask a question first (db NeedsConfirmation): the
    question is drawn under the form with «confirm» and «cancel» buttons, and confirming
    saves exactly the values that were asked about. `save(fields, confirmed, token)`.
    On success: a clean form and a flash message; on refusal: messages by the fields."""
    key = f"_confirm_{base}"
    if submitted:  # a new submission replaces an unanswered question
        st.session_state.pop(key, None)
    pending = st.session_state.get(key)
    confirmed = bool(pending) and _ask(key, pending["question"], confirm_label, cancel_label)
    if not (submitted or confirmed):
        return
    values = fields if submitted else pending["fields"]
    try:
        save(values, confirmed, render_token(base))
    except NeedsConfirmation as question:
        st.session_state[key] = {"question": " ".join(question.errors.values()),
                                 "fields": values}
        st.rerun()
    except ValidationFailed as failure:
        errors.show(failure.errors)
        return
    except (AccessDenied, WeekLocked) as denied:
        st.error(md(str(denied)))
        return
    form_saved(base)
    flash_and_rerun(success)


def _ask(key: str, question: str, confirm_label: str, cancel_label: str) -> bool:
    with st.container(border=True, key=f"{key}_box"):
        st.warning(md(question), icon=":material/help:")
        with st.container(horizontal=True):
            confirmed = st.button(confirm_label, type="primary", key=f"{key}_yes")
            if st.button(cancel_label, key=f"{key}_no"):
                st.session_state.pop(key, None)
                flash_and_rerun(texts.CONFIRM_CANCELLED)
    return confirmed


FLASH_KEY = "_flash"


def flash(message: str) -> None:
    """Show `message` on the next run (after the rerun that redraws saved data)."""
    st.session_state[FLASH_KEY] = message


def show_flash() -> None:
    if message := st.session_state.pop(FLASH_KEY, None):
        st.success(message)


def flash_and_rerun(message: str) -> None:
    flash(message)
    st.rerun()
