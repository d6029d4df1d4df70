"""The upload gate's rules on Streamlit's own upload manager (the server half is
tests/browser/test_upload_gate.py): who may upload, and how much a session holds."""
import pytest
from streamlit.runtime.memory_uploaded_file_manager import MemoryUploadedFileManager
from streamlit.runtime.uploaded_file_manager import UploadedFileRec

from components import upload_gate

MB = 1024 * 1024


@pytest.fixture
def manager(monkeypatch):
    monkeypatch.setattr(upload_gate, "_signed_in", {"signed"})
    monkeypatch.setattr(upload_gate, "_recent", {})
    return MemoryUploadedFileManager("/_stcore/upload_file")


def _add(manager, session, name, size):
    manager.add_file(session, UploadedFileRec(name, name, "image/jpeg", b"\x00" * size))


def test_a_session_that_has_not_signed_in_may_not_upload(manager):
    assert upload_gate.may_upload("anonymous", manager) is False
    assert upload_gate.may_upload("signed", manager) is True


def test_a_session_holds_at_most_12_files_the_oldest_go_first(manager):
    for i in range(upload_gate.FILES_HELD):
        _add(manager, "signed", f"f{i}", 10)
    assert upload_gate.may_upload("signed", manager)
    held = [file_id for file_id, _size in upload_gate._held(manager, "signed")]
    assert held == [f"f{i}" for i in range(1, upload_gate.FILES_HELD)]  # f0 dropped


def test_a_session_holds_at_most_160_mb_with_room_for_one_more_file(manager):
    for i in range(5):
        _add(manager, "signed", f"f{i}", 30 * MB)  # 150 MB
    _add(manager, "other", "mine", 5 * MB)
    assert upload_gate.may_upload("signed", manager)
    sizes = [size for _f, size in upload_gate._held(manager, "signed")]
    assert sum(sizes) + upload_gate.UPLOAD_LIMIT_MB * MB <= upload_gate.BYTES_HELD
    assert len(sizes) == 4
    assert upload_gate._held(manager, "other") == [("mine", 5 * MB)]  # others untouched


def test_at_most_40_uploads_a_minute(manager):
    results = [upload_gate.may_upload("signed", manager)
               for _ in range(upload_gate.UPLOADS_PER_MINUTE + 1)]
    assert results == [True] * upload_gate.UPLOADS_PER_MINUTE + [False]


def test_files_of_sessions_that_never_signed_in_are_dropped_when_the_gate_opens(manager):
    _add(manager, "anonymous", "a", 10)
    _add(manager, "signed", "b", 10)
    upload_gate._drop_anonymous_files(manager)
    assert upload_gate.held_bytes(manager) == 10
    assert upload_gate._held(manager, "signed") == [("b", 10)]
