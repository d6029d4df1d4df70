"""Issue 23: what one refresh of the dashboard sends, on a real server (the bench's replayed
websocket client, bench/wsclient.py). A refresh costs the server per element: the picture
view's fragment sends the line of its time and one block (tiles, note, six pictures,
tables); the filters and the switch belong to the page run."""
import asyncio
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.bench_modules import Session, run


@pytest.fixture(scope="module")
def dashboard_server(tmp_path_factory):
    path = run.ensure_database(tmp_path_factory.mktemp("city"), 1000)
    server = run.Server(path, "bench/dashboard_app.py")
    yield server
    server.stop()


async def page_then_refresh(server) -> tuple[list, list, Session]:
    s = Session(server.url, "bang-theo-doi", query="viewer=1")
    await s.connect()
    try:
        await s.rerun()
        page = list(s.deltas)
        await s.rerun(next(iter(s.fragments)))
        return page, list(s.deltas), s
    finally:
        await s.close()


def test_a_refresh_sends_the_time_line_and_one_block(dashboard_server):
    # on a thread of its own: a browser test earlier in the same process may leave an
    # event loop running on this one (asyncio.run refuses to start there)
    with ThreadPoolExecutor(1) as pool:
        page, refresh, session = pool.submit(
            asyncio.run, page_then_refresh(dashboard_server)).result()
    assert not session.errors
    # the page run draws the filters (three lists and the days' slider) and the switch
    assert {"selectbox", "slider", "checkbox"} <= set(page)
    # the refresh: the fragment's container, the caption, the block (or its reference)
    assert len(refresh) <= 3, refresh
    assert not {"selectbox", "slider", "checkbox", "image", "heading"} & set(refresh)
    assert any(c.startswith("Cập nhật lúc ") for c in session.captions)
