"""The window's side of "one turn, one owner": the same prompt stores the same conversation as
the core's own turn (and so as the CLI and the API server, tests/e2e/test_one_turn.py), and
Stop in the window never cuts a reply the local API server is streaming to another program."""
from __future__ import annotations

import threading

import openai
import pytest

from tests.e2e.test_one_turn import PROMPT, reference_conversation, seed_defaults, stored
from tests.remote_helpers import free_port
from tests.ui.test_window import send_and_wait

pytestmark = [pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints"),
              pytest.mark.usefixtures("file_keyring")]


def test_window_stores_the_same_conversation(make_window, qtbot, data_dir, tmp_path):
    from app.core.store import Store

    reference = reference_conversation(tmp_path / "reference")
    store = Store(data_dir / "wren.db")
    seed_defaults(store)
    store.close()
    win = make_window()
    done = send_and_wait(qtbot, win, PROMPT)
    assert done.status == "complete" and win.conv_id == done.conversation_id
    assert stored(win.store, done.conversation_id) == reference


API_REQUEST = dict(model="smollm2-135m-instruct", temperature=0, max_tokens=60,
                   messages=[{"role": "user", "content": "Count from one to fifty in words."}])


def _stream(client: openai.OpenAI, first: threading.Event | None = None) -> dict:
    text: list[str] = []
    finish = None
    for chunk in client.chat.completions.create(stream=True, **API_REQUEST):
        if chunk.choices:
            text.append(chunk.choices[0].delta.content or "")
            finish = chunk.choices[0].finish_reason or finish
            if first is not None and text[-1]:
                first.set()
    return {"text": "".join(text), "finish": finish}


def test_stop_in_the_window_leaves_an_api_reply_complete(make_window, qtbot):
    from app.core.api_server import get_or_create_api_key

    win = make_window(max_tokens=200)
    win.store.set_setting("api_server.port", free_port())
    win.store.set_setting("api_server.log_conversations", True)
    with qtbot.waitSignal(win.apiServerChanged, timeout=30000) as started:
        win.act_api.trigger()
    client = openai.OpenAI(base_url=started.args[0], api_key=get_or_create_api_key()[0],
                           max_retries=0, timeout=120)
    alone = _stream(client)  # the reply when nothing else happens (greedy: always the same)
    assert alone["finish"] == "length" and alone["text"]

    first = threading.Event()
    out: list[dict] = []
    t = threading.Thread(target=lambda: out.append(_stream(client, first)))
    t.start()
    try:
        qtbot.waitUntil(first.is_set, timeout=60000)  # the API reply is streaming
        got: list = []
        win.replyFinished.connect(got.append)
        win.replyError.connect(got.append)
        win.turns.send("Write a long story about a lighthouse.")  # waits behind the API request
        assert win.busy
        win.turns.stop()  # the user stops the window's reply: only that one
        qtbot.waitUntil(lambda: bool(got), timeout=120000)
    finally:
        t.join(120)
    assert out == [alone]  # the API client got its whole reply, "length" and not "stop"
    window_reply = got[0]  # stopped: while it waited for the model, or as it started
    assert getattr(window_reply, "status", None) == "cancelled" \
        or getattr(window_reply, "cancelled", False), window_reply
    logged = [c for c in win.store.list_conversations() if c.settings.get("source") == "api"]
    assert len(logged) == 2
    for conv in logged:
        last = win.store.messages(conv.id)[-1]
        assert (last.role, last.text, last.status) == ("assistant", alone["text"], "complete")
    win.act_api.trigger()
