"""Form helpers: an error slot under each field, filled after validation, so the message
stands next to the field and the typed values stay (clear_on_submit stays False)."""
import uuid

import streamlit as st

from components.safe_text import md
from core import texts


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
    """After a successful save: forget the widget values of one form (keys share a prefix)."""
    for key in [k for k in st.session_state if isinstance(k, str) and k.startswith(prefix)]:
        del st.session_state[key]


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
