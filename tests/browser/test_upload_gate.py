"""Uploads need a signed-in session (issue 25, deliver 5), on a real server: a session that
never signed in PUTs files to /_stcore/upload_file with its session id and XSRF cookie —
refused, and the server's memory does not grow; signed in, the same PUT is taken, a page's
real upload works, and a session's uploads are bounded."""
import uuid

import pytest

from components import upload_gate
from tests.browser.conftest import login, settle
from tests.browser.test_clerk_import import upload_and_import, with_committee, write
from tests.conftest import PASSWORD
from tests.test_import_clerk import CLERK_ACT

pytestmark = pytest.mark.browser


def _session_ids(page) -> list[str]:
    """The websocket session ids the server sent this page (its NewSession messages)."""
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    ids = []

    def on_socket(socket):
        def on_frame(payload):
            if isinstance(payload, str):
                return  # the protocol's messages are binary
            try:
                message = ForwardMsg.FromString(payload)
            except Exception:
                return
            if message.HasField("new_session"):
                ids.append(message.new_session.initialize.session_id)
        socket.on("framereceived", on_frame)

    page.on("websocket", on_socket)
    return ids


def _put(page, url, session_id, size, name="x.bin"):
    xsrf = next(c["value"] for c in page.context.cookies() if c["name"] == "_streamlit_xsrf")
    return page.request.put(
        f"{url}/_stcore/upload_file/{session_id}/{uuid.uuid4()}",
        headers={"X-Xsrftoken": xsrf},
        multipart={"file": {"name": name, "mimeType": "application/octet-stream",
                            "buffer": b"\x00" * size}}, timeout=60_000)


def _rss_mb(pid: int) -> float:
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


def test_an_anonymous_session_cannot_upload_and_the_server_does_not_grow(
        server_factory, browser, figures):
    server = server_factory(with_committee)
    context = browser.new_context(locale="vi-VN")
    page = context.new_page()
    ids = _session_ids(page)
    page.goto(server.url)
    page.get_by_label("Tên đăng nhập", exact=True).wait_for(timeout=30_000)
    settle(page)
    assert ids, "no session id seen on the websocket"
    session_id = ids[-1]
    before = _rss_mb(server.process.pid)
    statuses = [_put(page, server.url, session_id, 8 * 1024 * 1024).status for _ in range(12)]
    after = _rss_mb(server.process.pid)
    figures(anonymous_puts=len(statuses), mb_sent=12 * 8, rss_before_mb=round(before),
            rss_after_mb=round(after))
    assert set(statuses) == {400}, statuses  # refused before the body is read
    assert after - before < 40, (before, after)  # 96 MB were sent; none of it is held

    # the same browser session, signed in: the same PUT is taken
    login(page, server.url, "ban.chi.dao", PASSWORD)
    signed_in_id = ids[-1]
    assert _put(page, server.url, signed_in_id, 1024).status == 204
    context.close()


def test_a_signed_in_session_uploads_through_the_page_and_is_rate_bounded(
        server_factory, browser, tmp_path):
    server = server_factory(with_committee)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    page = context.new_page()
    ids = _session_ids(page)
    login(page, server.url, "ban.chi.dao", PASSWORD)
    page.locator('[data-testid="stSidebarNav"]').get_by_text("Nhập dữ liệu từ tệp").click()
    settle(page)
    upload_and_import(page, write(tmp_path / "hd.csv", CLERK_ACT[1]))
    page.get_by_text("Đã nhập 3").first.wait_for(timeout=30_000)
    # a script that PUTs as fast as it can: at most UPLOADS_PER_MINUTE a minute
    statuses = [_put(page, server.url, ids[-1], 10).status
                for _ in range(upload_gate.UPLOADS_PER_MINUTE + 1)]
    assert statuses.count(204) == upload_gate.UPLOADS_PER_MINUTE - 1  # the page's own
    assert statuses[-1] == 400
    context.close()
