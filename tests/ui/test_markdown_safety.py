"""Hostile model output: nothing is fetched or run, only http(s)/mailto links survive."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QUrl

from app.ui.chat_view import MessageData, MessageWidget, stable_boundary
from app.ui.markdown_view import render_markdown

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

HOSTILE = """# Title
<script>alert(1)</script>
<img src="http://evil.example/track.png">
![secret](file:///etc/passwd)
![remote](https://evil.example/pixel.gif)
[run me](javascript:alert(1)) and [local](file:///etc/shadow) and [ok](https://example.org/x)

```python
print("hi")
```
"""


def test_hostile_markdown_is_inert():
    html, codes = render_markdown(HOSTILE)
    low = html.lower()
    assert "<img" not in low and "<script" not in low
    assert "&lt;script&gt;" in low  # raw HTML is shown as text
    # markdown-it refuses these links: they stay visible as inert text, never as anchors.
    assert 'href="javascript' not in low and 'href="file' not in low
    assert "<a " not in low.replace('<a href="https://example.org/x">', "").replace(
        '<a href="wren-copy:0">', "")
    assert "[image: remote]" in html  # an image becomes its alt text; nothing is fetched
    assert "![secret](file:///etc/passwd)" in html  # a file: image is not even parsed
    assert 'href="https://example.org/x"' in html
    assert codes == ['print("hi")\n']
    assert 'href="wren-copy:0"' in html


def test_message_widget_never_loads_resources(qtbot):
    w = MessageWidget(MessageData(1, "assistant", HOSTILE))
    qtbot.addWidget(w)
    # A blank, not None: with None QTextDocument reads file: URLs from disk itself.
    for url in ("file:///etc/passwd", "https://evil.example/x.png"):
        img = w.body.loadResource(2, QUrl(url))
        assert img.width() == 1 and img.height() == 1
    assert w.body.loadResource(3, QUrl("file:///etc/passwd")) == ""
    assert "<img" not in w.body.toHtml().lower()
    assert "[image: remote]" in w.body.toPlainText()
    assert w.codes == ['print("hi")\n']


def test_streaming_freezes_only_finished_blocks(qtbot):
    text = "Intro paragraph.\n\n```python\nx = 1\n\ny = 2\n```\n\n- a\n\n- b\n\nEnd"
    cut = stable_boundary(text, 0)
    assert text[:cut].endswith("- b\n\n")  # not inside the code block, not between list items
    assert stable_boundary("```py\nopen block\n\nstill code", 0) == -1
    w = MessageWidget(MessageData(5, "assistant", "", "partial"))
    qtbot.addWidget(w)
    para = "A sentence that is long enough to count. " * 20 + "\n\n"
    for _ in range(6):
        w.data.text += para
        w.render(final=False)
    assert len(w.segments) > 1  # earlier blocks were frozen, only the tail re-renders
    w.data.status = "complete"
    w.render(final=True)
    shown = "".join(b.toPlainText() for b in w.segments)
    assert shown.count("A sentence that is long enough to count.") == 120
