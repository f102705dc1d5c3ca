"""Every feature reached from the real window (offscreen, real starter model, real files, real
loopback servers): model manager, dropping a .gguf, search, documents (drop, card, cancel,
follow-up), remote engines in the picker, the local API server toggle, backup notice,
welcome, About, generated titles."""
from __future__ import annotations

import json
import os
import shutil
import urllib.request
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from tests.doc_factory import prose, text_pdf, wrap
from tests.remote_helpers import FaultServer, free_port
from tests.ui.conftest import shot
from tests.ui.test_window import send_and_wait

# The offscreen platform cannot propagate size hints or raise a window, and says so.
pytestmark = [pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints",
                                        "This plugin does not support raise"),
              pytest.mark.usefixtures("file_keyring")]

SHOTS = os.environ.get("WREN_SHOTS_DIR")  # keep the screenshots somewhere to look at them


def _shot(widget, tmp_path: Path, name: str) -> Path:
    p = shot(widget, tmp_path, name)
    if SHOTS:
        shutil.copy(p, Path(SHOTS) / p.name)
    return p


def drop_files(win, paths: list[Path]) -> QDropEvent:
    """What the desktop does when files are dropped on the conversation."""
    target = win.chat.view.viewport()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    pos = target.rect().center()
    # Drag events are delivered to the widget under the cursor and climb to one that takes
    # drops, as QApplication does for a real drag.
    gpos = win.mapFromGlobal(target.mapToGlobal(pos))
    enter = QDragEnterEvent(gpos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(win, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(QPoint(gpos)), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(win, drop)
    return drop


# ------------------------------------------------------------------ models
def test_models_menu_opens_manager_and_import_refreshes_picker(make_window, qtbot, tmp_path,
                                                               starter_model):
    win = make_window(max_tokens=16)
    win.act_models.trigger()
    dlg = win.model_manager
    assert dlg.isVisible() and dlg.store is win.store and dlg.data.root == win.data.root
    qtbot.waitExposed(dlg)
    _shot(dlg, tmp_path, "model_manager")
    copy = tmp_path / "my-copy.gguf"
    shutil.copy(starter_model, copy)
    before = win.model_bar.picker.count()
    assert dlg.import_file(str(copy))
    # models_changed -> window.refresh_models(): the picker lists the import at once.
    assert win.model_bar.picker.count() == before + 1
    assert win.model_bar.picker.findData("my-copy") >= 0
    dlg.close()
    # The Models… button of the model bar reaches the same manager.
    win.model_bar.manageRequested.emit()
    assert win.model_manager.isVisible()
    win.model_manager.close()


def test_dropping_a_gguf_imports_it_off_the_gui_thread(make_window, qtbot, tmp_path,
                                                       starter_model):
    win = make_window(max_tokens=16)
    copy = tmp_path / "dropped-model.gguf"
    shutil.copy(starter_model, copy)
    with qtbot.waitSignal(win.modelImported, timeout=60000) as sig:
        drop_files(win, [copy])
    assert sig.args[0].id == "dropped-model"
    assert win.model_bar.picker.findData("dropped-model") >= 0
    assert (win.data.models / "dropped-model.gguf").is_file() or any(
        p.name == "dropped-model.gguf" for p in win.data.models.rglob("*.gguf"))
    # A file that is not a model says so in one line and imports nothing.
    bad = tmp_path / "broken.gguf"
    bad.write_bytes(b"not a gguf at all")
    with qtbot.waitSignal(win.modelImportFailed, timeout=30000) as failed:
        drop_files(win, [bad])
    assert "\n" not in failed.args[0] and failed.args[0]
    assert win.model_bar.picker.findData("broken") < 0


# ------------------------------------------------------------------ search
def test_ctrl_f_search_opens_conversation_and_highlights_message(make_window, qtbot, tmp_path):
    win = make_window(max_tokens=24)
    s = win.store
    a = s.create_conversation(title="Garden notes")
    s.add_message(a, "user", "How deep should I plant tulip bulbs?")
    s.add_message(a, "assistant", "Plant tulip bulbs about 20 cm deep in autumn.")
    b = s.create_conversation(title="Bread")
    s.add_message(b, "user", "How long does sourdough proof?")
    hit = s.add_message(b, "assistant", "A sourdough loaf usually proofs for 4 to 12 hours.")
    win.refresh_conversations()
    win.open_conversation(a)
    qtbot.keyClick(win, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    dlg = win.search_dialog
    assert dlg.isVisible()
    with qtbot.waitSignal(dlg.resultsReady, timeout=10000) as sig:
        dlg.set_query("sourdough proofs")
    assert sig.args[0] >= 1
    qtbot.waitExposed(dlg)
    _shot(dlg, tmp_path, "search_results")
    item = dlg.results.item(0)
    rect = dlg.results.visualItemRect(item)
    with qtbot.waitSignal(dlg.openMessage, timeout=3000):
        qtbot.mouseClick(dlg.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert win.conv_id == b
    assert win.highlighted is not None and win.highlighted.data.id == hit
    assert win.highlighted.property("highlight") is True


# ------------------------------------------------------------------ documents
def test_dropped_document_card_summary_and_follow_up(make_window, qtbot, tmp_path):
    win = make_window(max_tokens=24)
    win.store.set_setting("documents.summary_length", "short")
    pdf = text_pdf(tmp_path / "minutes.pdf", [wrap(prose(2, seed=4)), ["The meeting ended at noon."]])
    with qtbot.waitSignal(win.documentFinished, timeout=240000) as done:
        drop = drop_files(win, [pdf])
        assert drop.isAccepted()
        card = next(iter(win.docs.cards.values()))
        assert card.isVisible() and card.cancel.isEnabled()
        qtbot.waitUntil(lambda: "tokens" in card.details.text() or "PDF" in card.details.text(),
                        timeout=60000)
        _shot(win, tmp_path, "document_card_reading")
    result = done.args[0]
    cid = result["conversation_id"]
    assert win.conv_id == cid
    msgs = win.store.messages(cid)
    assert [m.role for m in msgs] == ["user", "assistant"]
    assert msgs[1].document_id and msgs[1].text == result["text"] and result["text"].strip()
    shown = [w.data.text for w in win.chat.view.widgets]
    assert result["text"] in shown
    # The user's bubble is the short request; the reply carries its citations as links.
    assert shown[0] == "Summarize minutes.pdf (short)"
    reply = win.chat.view.widgets[1]
    assert [c.to_json() for c in reply.data.citations] == result["citations"]
    assert reply.body.toHtml().count('href="wren-cite:') == len(result["citations"])
    assert "Summary ready" in card.status.text() and card.cancel.text() == "Dismiss"
    assert "PDF · 2 pages · " in card.details.text() and "one pass" in card.plan.text()
    assert not win.welcome_box.isVisible()  # a conversation is open
    qtbot.waitUntil(lambda: win.chat.view.widgets[-1].isVisible(), timeout=5000)
    _shot(win, tmp_path, "document_card_done")
    # A follow-up question in that conversation is answered with the document in the prompt.
    reply = send_and_wait(qtbot, win, "When did the meeting end?")
    assert reply.conversation_id == cid and reply.status == "complete" and reply.text.strip()
    assert [m.role for m in win.store.messages(cid)] == ["user", "assistant", "user", "assistant"]
    import shiboken6

    card.cancel.click()  # Dismiss: the card is deleted
    qtbot.waitUntil(lambda: not shiboken6.isValid(card), timeout=5000)


def test_document_cancel_and_bad_document(make_window, qtbot, tmp_path):
    win = make_window(max_tokens=24)
    long = tmp_path / "long.txt"
    long.write_text("\n\n".join(prose(40, seed=9)), encoding="utf-8")
    with qtbot.waitSignal(win.documentFailed, timeout=120000) as failed:
        drop_files(win, [long])
        card = next(iter(win.docs.cards.values()))
        qtbot.waitUntil(lambda: card.progress.maximum() == 1000 and card.progress.value() > 0,
                        timeout=60000)
        card.cancel.click()
    assert failed.args[0] == "Cancelled" and card.status.text() == "Cancelled"
    assert win.store.list_documents() == []
    # The model is still usable for chat right after.
    reply = send_and_wait(qtbot, win, "Say hi.")
    assert reply.status == "complete"
    bad = tmp_path / "photo.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    with qtbot.waitSignal(win.documentFailed, timeout=30000) as failed:
        win.summarize_documents([str(bad)])
    assert "photo.txt" in failed.args[0] and "\n" not in failed.args[0]
    assert win.store.list_documents() == []


def test_ctrl_o_uses_a_file_dialog(make_window, qtbot, tmp_path, monkeypatch):
    """Ctrl+O reaches documents.open_from_window; the OS file dialog is the one thing that
    cannot run offscreen, so it answers with a real file."""
    win = make_window(max_tokens=16)
    win.store.set_setting("documents.summary_length", "short")
    note = tmp_path / "note.md"
    note.write_text("# Plan\n\nWe paint the shed blue on Saturday.\n", encoding="utf-8")
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getOpenFileNames",
                        staticmethod(lambda *a, **k: ([str(note)], "")))
    with qtbot.waitSignal(win.documentFinished, timeout=240000) as done:
        qtbot.keyClick(win, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert win.store.get_conversation(done.args[0]["conversation_id"]).title == "Summary of note.md"


# ------------------------------------------------------------------ remote + API server
def test_remote_engine_models_in_picker_and_chat(make_window, qtbot):
    from app.core.engines_registry import add_engine

    server = FaultServer("ok")
    try:
        win = make_window(max_tokens=16)
        win.act_engines.trigger()
        assert win._engines_dialog.isVisible()
        win._engines_dialog.close()
        add_engine(win.store, "lab", server.base_url)
        with qtbot.waitSignal(win.remoteModelsLoaded, timeout=30000) as got:
            win.refresh_remote_models()
        assert [m.id for m in got.args[0]] == ["remote:lab/m"]
        idx = win.model_bar.picker.findData("remote:lab/m")
        assert idx >= 0 and "remote" in win.model_bar.picker.itemText(idx)
        assert idx == win.model_bar.picker.count() - 1  # remote models come after local ones
        with qtbot.waitSignal(win.modelReady, timeout=30000) as ready:
            win.model_bar.picker.setFocus()
            qtbot.keyClick(win.model_bar.picker, Qt.Key.Key_End)  # the user picks it
        assert ready.args[0].model_id == "remote:lab/m"
        reply = send_and_wait(qtbot, win, "Hello there")
        assert reply.text == "Hello world!"
        assert win.store.messages(reply.conversation_id)[-1].model == "remote:lab/m"
    finally:
        server.stop()


def test_api_server_toggle_serves_loaded_model(make_window, qtbot):
    win = make_window(max_tokens=16)
    port = free_port()
    win.store.set_setting("api_server.port", port)
    with qtbot.waitSignal(win.apiServerChanged, timeout=30000) as started:
        win.act_api.trigger()
    url = started.args[0]
    assert url.startswith(f"http://127.0.0.1:{port}") and win.host.worker.gate is not None
    from app.core.api_server import get_or_create_api_key

    key = get_or_create_api_key()[0]
    body = json.dumps({"model": "x", "messages": [{"role": "user", "content": "Hi"}],
                       "max_tokens": 8}).encode()
    req = urllib.request.Request(url.rstrip("/") + "/chat/completions", body, {
        "Authorization": f"Bearer {key}", "Content-Type": "application/json"})
    lines: list[str] = []
    # Queued like the window's own slot (the status comes from the server's threads), after it.
    win.apiStatus.connect(lambda st: lines.append(win.status.text()),
                          Qt.ConnectionType.QueuedConnection)
    with qtbot.waitSignal(win.apiStatus, timeout=60000,
                          check_params_cb=lambda st: st.busy):
        import threading

        out: list = []
        t = threading.Thread(target=lambda: out.append(json.load(urllib.request.urlopen(req, timeout=60))))
        t.start()
    t.join(60)
    assert out and out[0]["choices"][0]["message"]["content"] is not None
    assert "API server busy" in lines
    # The window's own turn waits its turn at the same gate and still works.
    reply = send_and_wait(qtbot, win, "Hello")
    assert reply.status == "complete"
    assert win.store.get_setting("api_server.enabled") is True
    with qtbot.waitSignal(win.apiServerChanged, timeout=30000) as stopped:
        win.act_api.trigger()
    assert stopped.args[0] == "" and win.host.worker.gate is None
    with pytest.raises(OSError):
        urllib.request.urlopen(url.rstrip("/") + "/models", timeout=5)


# ------------------------------------------------------------------ startup, about, titles
def test_restored_backup_notice_welcome_once_and_about(styled_app, qtbot, data_dir, tmp_path,
                                                       starter_model):
    from app.core.backup import daily_backup
    from app.core.store import Store
    from tests.ui.conftest import WindowFactory

    s = Store(data_dir / "wren.db", backup_dir=data_dir / "backups")
    cid = s.create_conversation(title="Keep me")
    s.add_message(cid, "user", "precious")
    assert daily_backup(s) is not None
    s.close()
    # Damage the database the way a crash during a disk failure would.
    db = data_dir / "wren.db"
    raw = bytearray(db.read_bytes())
    raw[100:4096] = b"\xff" * (4096 - 100)
    db.write_bytes(bytes(raw))
    f = WindowFactory(qtbot, data_dir)
    try:
        win = f()
        assert win.store_notice and "backup" in win.store_notice.lower()
        assert win.store_notice in win.chat.notice.text() and win.chat.notice.isVisible()
        assert [c.title for c in win.store.list_conversations()] == ["Keep me"]
        assert win.welcome_box.isVisible()
        _shot(win, tmp_path, "welcome")
        win.open_conversation(win.store.list_conversations()[0].id)
        assert not win.welcome_box.isVisible()  # not over a conversation
        win.new_chat()
        assert win.welcome_box.isVisible()
        win.welcome_close.click()
        assert not win.welcome_box.isVisible()
        html = win.about_html()
        from app import __version__

        assert f"Wren {__version__}" in html and "llama.cpp" in html
        assert "SmolLM2-135M-Instruct" in html and "LGPL-3.0" in html
        assert "licence: " in html  # the loaded model's own licence line
        f.close_all()
        win2 = f()
        assert not win2.welcome_box.isVisible() and not win2.store_notice
    finally:
        f.close_all()


def test_first_reply_gets_a_generated_title(make_window, qtbot):
    win = make_window(max_tokens=24)
    with qtbot.waitSignal(win.titleGenerated, timeout=120000) as sig:
        reply = send_and_wait(qtbot, win, "What is the capital of France?")
    cid, title = sig.args
    assert cid == reply.conversation_id and title
    assert win.store.get_conversation(cid).title == title
    assert win.store.title_source(cid) != "prompt"
    assert win.conversations.item_for(cid).text().startswith(title[:10])


# ------------------------------------------------------------------ wren FILE...
def test_cli_files_open_window_with_documents_queued(styled_app, qtbot, data_dir, tmp_path,
                                                     starter_model):
    import subprocess
    import sys

    from app.cli import _document_args, build_parser
    from app.ui.app import create_window

    note = tmp_path / "todo.txt"
    note.write_text("Buy milk. Call the plumber about the kitchen tap on Monday.\n",
                    encoding="utf-8")
    parser = build_parser()
    assert _document_args(parser, ["--data-dir", str(data_dir), str(note)]) == (
        str(data_dir), [str(note.resolve())])
    assert _document_args(parser, ["models", "--json"]) is None  # sub-commands unchanged
    assert _document_args(parser, []) is None
    # A bad path: exit 2, one line, before any window.
    root = Path(__file__).resolve().parents[2]
    for bad in (str(tmp_path / "missing.pdf"), str(tmp_path)):
        r = subprocess.run([sys.executable, "main.py", "--data-dir", str(data_dir), bad],
                           cwd=root, capture_output=True, text=True, timeout=60)
        assert r.returncode == 2 and r.stderr.count("\n") == 1 and "wren: error:" in r.stderr
    # run(data_dir, documents=[...]) builds the window this way: summarized once loaded.
    from app.core.store import Store
    from tests.ui.conftest import seed_defaults

    seed_defaults(data_dir, max_tokens=16)
    st = Store(data_dir / "wren.db")
    st.set_setting("documents.summary_length", "short")
    st.close()
    win = create_window(str(data_dir), documents=[str(note)])
    try:
        with qtbot.waitSignal(win.documentFinished, timeout=240000) as done:
            win.show()
        conv = win.store.get_conversation(done.args[0]["conversation_id"])
        assert conv.title == "Summary of todo.txt" and win.conv_id == conv.id
    finally:
        win.close()
        win.store.close()
        win.deleteLater()
