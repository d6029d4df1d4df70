"""Selectboxes over the reference data, with Vietnamese labels and a stable code value."""
import streamlit as st

from components.organiser_words import say
from core import reference as ref
from core import texts


def code_select(label, names: dict, *, key, optional_label=None, index=None, **kwargs):
    """Pick a code from {code: name}; `optional_label` adds an empty choice (value None)."""
    options = ([None] if optional_label else []) + list(names)
    fmt = lambda code: optional_label if code is None else names[code]  # noqa: E731
    # not Streamlit's «Choose an option»; a box whose empty choice is chosen may be drawn with
    # its placeholder (Streamlit 1.67 reads a None value as «nothing chosen»): the same words
    kwargs.setdefault("placeholder", optional_label or texts.EF_CHOOSE)
    return st.selectbox(label, options, format_func=fmt, key=key, index=index or 0, **kwargs)


def ward_filter(key, names: dict | None = None):
    """An area filter over `names` (the week's {code: name}, db/areas.names_for)."""
    names = ref.WARD_NAMES if names is None else names
    if st.session_state.get(key) not in (None, *names):
        del st.session_state[key]  # an area of another week
    return code_select(say(texts.FILTER_WARD), names, key=key, optional_label=texts.FILTER_ALL)


def kind_filter(key):
    return code_select(texts.FILTER_KIND, ref.KIND_NAMES, key=key, optional_label=texts.FILTER_ALL)


def tier_filter(key):
    return code_select(texts.FILTER_TIER, ref.TIER_NAMES, key=key, optional_label=texts.FILTER_ALL)
