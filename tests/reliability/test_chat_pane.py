"""Hostile model output in the real window's chat pane: nothing fetched, nothing run, no link
opened without a click.

tests/ui/test_markdown_safety.py (the window helper's) checks the renderer and one MessageWidget.
Here the reply comes the way a model's does - stored in the database and opened in the real
window, and streamed into the pane - pointing at a loopback server that counts every request
(it must see none) and at a real local image file (it must not be loaded). Links are caught with
Qt's own URL-handler hook: rendering opens none; a real mouse click on an http link opens exactly
that link; a click on a `javascript:` or `file:` text opens nothing.
"""
from __future__ import annotations

import os
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QPoint, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QTextDocument

from app.ui.chat_view import MessageData, MessageWidget
from tests.ui.conftest import make_window, no_running_qthreads, styled_app  # noqa: F401

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

BIG = 20 * 1024 * 1024
SCHEMES = ("http", "https", "file", "javascript", "mailto", "data", "ftp")


class HitCounter:
    """A loopback HTTP server that records every request it gets."""

    def __init__(self) -> None:
        self.hits: list[str] = []
        outer = self

        class H(BaseHTTPRequestHandler):
            def log_message(self, *a: object) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802
                outer.hits.append(self.path)
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), H)
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, name="hit-counter",
                                       daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(5)


class Opened(QObject):
    """Receives every URL that anything asks the desktop to open."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url.toString())


@pytest.fixture
def traps(tmp_path):
    server = HitCounter()
    opened = Opened()
    for s in SCHEMES:
        QDesktopServices.setUrlHandler(s, opened, "open")
    local = tmp_path / "secret image.png"  # 20 MB: a read of it shows in /proc/self/io
    local.write_bytes(os.urandom(BIG))
    yield server, opened, local
    for s in SCHEMES:
        QDesktopServices.unsetUrlHandler(s)
    server.stop()


def hostile(port: int, local: Path) -> str:
    u = f"http://127.0.0.1:{port}"
    return f"""Here is your answer.

<img src="{local.as_uri()}"> <img src="{u}/raw-img">
![markdown image]({u}/md-img.png) ![local]({local.as_uri()})
<script>fetch('{u}/script')</script>
<iframe src="{u}/iframe"></iframe><link rel="stylesheet" href="{u}/css">
<meta http-equiv="refresh" content="0;url={u}/refresh">
<div style="background-image:url({u}/css-bg)">styled</div>
<a href="{u}/raw-anchor">raw anchor</a>

[js link](javascript:fetch('{u}/js')) [file link]({local.as_uri()}) <{u}/autolink>

[click me]({u}/click-me)

<table background="{u}/table-bg"><tr><td>t</td></tr></table>
"""


def _read_bytes() -> int:
    for line in Path("/proc/self/io").read_text().splitlines():
        if line.startswith("rchar:"):
            return int(line.split()[1])
    pytest.skip("no /proc/self/io here")


def _anchor_point(widget: MessageWidget, needle: str) -> tuple[object, QPoint]:
    """The body and the viewport point of the visible text `needle`."""
    for body in widget.segments:
        doc = body.document()
        cur = doc.find(needle)
        if not cur.isNull():
            cur.setPosition(cur.selectionStart() + 1)
            return body, body.cursorRect(cur).center()
    raise AssertionError(f"{needle!r} is not shown")


def test_hostile_reply_in_the_real_window(make_window, qtbot, traps):  # noqa: F811
    server, opened, local = traps
    win = make_window(max_tokens=8)
    text = hostile(server.port, local)
    conv = win.store.create_conversation("hostile")
    cid = conv if isinstance(conv, int) else conv.id
    win.store.add_message(cid, "user", text)  # user text is shown as typed, never as HTML
    win.store.add_message(cid, "assistant", text)
    before = _read_bytes()
    win.open_conversation(cid)
    # ...and the same text streamed in, as a model's reply arrives.
    view = win.chat.view
    view.begin_stream(MessageData(-1, "assistant", "", "partial"))
    for i in range(0, len(text), 40):
        view.append_stream(text[i:i + 40])
    view.end_stream(text, "complete")
    qtbot.wait(300)  # let anything that would load, load
    assert _read_bytes() - before < BIG // 2  # the local image was never read

    widgets = [w for w in view.findChildren(MessageWidget)]
    assert len(widgets) == 3
    for w in widgets:
        for body in w.segments:
            html = body.toHtml().lower()
            assert "<img" not in html and "<script" not in html and "<iframe" not in html
        shown = "".join(b.toPlainText() for b in w.segments)
        assert "fetch(" in shown  # the script is visible as text, not run
    assert server.hits == [] and opened.urls == []

    reply = widgets[1]
    # A click on the javascript: and file: texts opens nothing (they are not links).
    for needle in ("js link", "file link"):
        body, pt = _anchor_point(reply, needle)
        qtbot.mouseClick(body.viewport(), Qt.MouseButton.LeftButton, pos=pt)
    assert opened.urls == []
    # A click on the http link opens exactly it - handed to the desktop, not fetched by Wren.
    body, pt = _anchor_point(reply, "click me")
    qtbot.mouseClick(body.viewport(), Qt.MouseButton.LeftButton, pos=pt)
    qtbot.waitUntil(lambda: len(opened.urls) == 1, timeout=3000)
    assert opened.urls == [f"http://127.0.0.1:{server.port}/click-me"]
    assert server.hits == []


def test_message_body_never_reads_a_file_even_if_an_img_gets_through(qtbot, traps):
    """Defence in depth, below the renderer: if HTML with <img src="file:..."> ever reached a
    message body, QTextDocument would read the file itself when loadResource returns None
    (it did: 20 MB read during layout). The body now answers every resource with a blank."""
    from app.ui.chat_view import MessageBody

    server, _, local = traps
    body = MessageBody()
    qtbot.addWidget(body)
    before = _read_bytes()
    body.setHtml(f'<p>x <img src="{local.as_uri()}"> <img src="{local.name}"> '
                 f'<img src="http://127.0.0.1:{server.port}/img"></p>')
    body.show()
    qtbot.waitExposed(body)
    res = body.document().resource(QTextDocument.ResourceType.ImageResource, QUrl(local.as_uri()))
    assert _read_bytes() - before < BIG // 2
    assert res is not None and res.width() == 1  # the blank, not the file
    assert server.hits == []
