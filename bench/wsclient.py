"""A Streamlit client without a browser: speaks the app's websocket protocol (BackMsg /
ForwardMsg protobufs of the installed streamlit) like the frontend does, so that hundreds
of live dashboards can be replayed from one asyncio process.

What it does like the browser: opens /_stcore/stream with the "streamlit" subprotocol,
asks for a page by its URL path, keeps the hashes of cacheable messages and reports them
on every rerun (so unchanged elements come back as references), and answers a fragment's
AutoRerun as Streamlit 1.67's frontend does (`handleAutoRerun`): a message with the interval
its timer runs already is ignored, another one restarts the timer (`setInterval`) from the
moment it arrived — the dashboard moves its timer to the wall clock that way
(components/aligned_refresh.py); `next_fire` says when the timer fires next. It can fill and
submit the login form (widget values and the submit button's trigger, as the frontend
sends them). What it does not: draw anything, or run components (the login cookie)."""
import asyncio
import math
import time
from dataclasses import dataclass, field

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

FINISHED = {ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY}


@dataclass
class Session:
    url: str  # http://127.0.0.1:PORT
    page: str  # URL path of the page, e.g. "bang-theo-doi"
    ws: object = None
    hashes: set = field(default_factory=set)
    fragments: dict = field(default_factory=dict)  # fragment id -> interval (s)
    timers: dict = field(default_factory=dict)  # fragment id -> (interval, started at)
    finished: asyncio.Queue = field(default_factory=asyncio.Queue)
    errors: list = field(default_factory=list)
    bytes_in: int = 0
    elements: int = 0  # new elements received in full
    references: int = 0  # elements received as a reference to a cached copy
    closed: bool = False
    query: str = ""  # the page's query string (bench/dashboard_app.py: "viewer=1")
    widgets: dict = field(default_factory=dict)  # label -> widget id, of the last run
    captions: list = field(default_factory=list)  # markdown bodies of the last run
    deltas: list = field(default_factory=list)  # what the last run sent, one name a delta

    async def connect(self):
        host = self.url.split("://", 1)[1]
        self.ws = await websockets.connect(
            f"ws://{host}/_stcore/stream", subprotocols=["streamlit"],
            origin=self.url, max_size=None, open_timeout=120, ping_interval=None)
        self._reader = asyncio.create_task(self._read())

    async def _read(self):
        try:
            async for frame in self.ws:
                self.bytes_in += len(frame)
                msg = ForwardMsg()
                msg.ParseFromString(frame)
                kind = msg.WhichOneof("type")
                if msg.metadata.cacheable and msg.hash:
                    self.hashes.add(msg.hash)
                if kind == "ref_hash":
                    self.references += 1
                    self.deltas.append("reference")
                elif kind == "delta":
                    change = msg.delta.WhichOneof("type")
                    self.deltas.append(change if change != "new_element" else
                                       msg.delta.new_element.WhichOneof("type"))
                    if change == "new_element":
                        self.elements += 1
                        element = msg.delta.new_element
                        what = element.WhichOneof("type")
                        if what == "exception":
                            self.errors.append(element.exception.message)
                        elif what in ("text_input", "button"):
                            widget = getattr(element, what)
                            self.widgets[widget.label] = widget.id
                        elif what in ("markdown", "alert"):
                            self.captions.append(getattr(element, what).body)
                elif kind == "auto_rerun":
                    self._auto_rerun(msg.auto_rerun.fragment_id, msg.auto_rerun.interval)
                elif kind == "script_finished":
                    await self.finished.put((time.perf_counter(), msg.script_finished))
        except websockets.ConnectionClosed:
            pass
        finally:
            self.closed = True
            await self.finished.put((time.perf_counter(), None))

    def _auto_rerun(self, fragment_id: str, interval: float, at: float | None = None):
        """The frontend's handleAutoRerun: the same interval changes nothing; another
        clears the timer and starts it anew, now."""
        if not fragment_id:
            return
        running = self.timers.get(fragment_id)
        if running is None or running[0] != interval:
            self.timers[fragment_id] = (interval, time.perf_counter() if at is None else at)
        self.fragments[fragment_id] = interval

    def next_fire(self, fragment_id: str, after: float) -> float:
        """perf_counter time of the fragment's timer's first tick later than `after`
        (setInterval: started + n x interval)."""
        interval, started = self.timers[fragment_id]
        n = max(1, math.floor((after - started) / interval + 1e-6) + 1)
        return started + n * interval

    async def rerun(self, fragment_id: str = "", timeout: float = 300,
                    values: dict | None = None, submit: str | None = None) -> float:
        """Ask for the page (or one fragment of it); seconds until the run finished.
        `values`: label -> text typed into those inputs; `submit`: the label of the
        (form) button clicked with them."""
        back = BackMsg()
        r = back.rerun_script
        r.query_string = self.query
        for label, text in (values or {}).items():
            state = r.widget_states.widgets.add()
            state.id = self.widgets[label]
            state.string_value = text
        if submit:
            state = r.widget_states.widgets.add()
            state.id = self.widgets[submit]
            state.trigger_value = True
        self.captions, self.deltas = [], []
        r.page_name = self.page
        r.page_script_hash = ""
        r.cached_message_hashes.extend(self.hashes)
        if fragment_id:
            r.fragment_id = fragment_id
            r.is_auto_rerun = True
        while not self.finished.empty():
            self.finished.get_nowait()
        start = time.perf_counter()
        await self.ws.send(back.SerializeToString())
        while True:
            at, status = await asyncio.wait_for(self.finished.get(), timeout)
            if status is None:
                raise ConnectionError("server closed the session")
            if status in FINISHED:
                return at - start

    async def sign_in(self, username: str, password: str, timeout: float = 300) -> float:
        """The login form filled and submitted as a browser does (widget values with the
        submit button's trigger); seconds until the server finished that run (the
        password check included). Call after a first rerun() drew the form."""
        return await self.rerun(values={"Tên đăng nhập": username, "Mật khẩu": password},
                                submit="Đăng nhập", timeout=timeout)

    async def close(self):
        if self.ws is not None:
            await self.ws.close()
        if getattr(self, "_reader", None):
            await asyncio.gather(self._reader, return_exceptions=True)
