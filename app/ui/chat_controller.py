"""The window's chat turns, shown: send, Stop, Regenerate, Edit & re-run, the context banner, and
continuing in a new conversation with a summary.

The turn itself belongs to the core (app.core.chat.ChatSession, run by the inference worker):
it creates the conversation with the saved defaults, resolves its settings, decides about the
context and stores the reply as it streams. This only sends requests and shows what comes back.

Strings keep the window's translation context ("MainWindow"): they were written there first.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QLocale, QObject

from app.core.chat_settings import ChatSettings, context_limit, conversation_settings
from app.core.store import Message
from app.ui.chat_view import EditDialog, MessageData
from app.ui.worker import ChatRequest, ReplyDone, ReplyFailed

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow


def decimal(x: float, places: int = 1) -> str:
    """A number as the window's locale writes it ("5.8" in English, "5,8" in German)."""
    return QLocale().toString(float(x), "f", places)


class ReplyWords(QObject):
    """Words about a reply, shared by the message details and the status line (a QObject for
    tr(): lupdate sees plural forms only in tr() calls)."""

    def tokens(self, n: int) -> str:
        return self.tr("%Ln token(s)", "", n)

    def detail(self, tokens: int, tokens_per_s: float | None) -> str:
        """'42 tokens · 18.3 tok/s' under a finished reply."""
        if tokens_per_s:
            return self.tr("{tokens} · {rate} tok/s").format(tokens=self.tokens(tokens),
                                                             rate=decimal(tokens_per_s))
        return self.tokens(tokens)


WORDS = ReplyWords()


def reply_detail(tokens: int, tokens_per_s: float | None) -> str:
    return WORDS.detail(tokens, tokens_per_s)


def message_data(m: Message) -> MessageData:
    detail = ""
    if m.role == "assistant" and m.completion_tokens:
        detail = reply_detail(m.completion_tokens, m.decode_tokens_per_s)
    return MessageData(m.id, m.role, m.text, m.status, m.model, detail)


class ChatController(QObject):
    """Owned by the window (`window.turns`); talks to the worker through `window.host`."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.w = window
        self.pending_user: Any = None  # the user's message, shown before the core stored it
        w = window.host.worker
        w.conversationCreated.connect(self._on_conversation_created)
        w.replyStarted.connect(self._on_reply_started)
        w.text.connect(self._on_text)
        w.progress.connect(self._on_progress)
        w.rate.connect(self._on_rate)
        w.replyDone.connect(self._on_reply_done)
        w.replyFailed.connect(self._on_reply_failed)
        w.summaryReady.connect(self._on_summary)
        w.titleChanged.connect(self._on_title)
        pane = window.chat
        pane.sendRequested.connect(self.send)
        pane.stopRequested.connect(self.stop)
        pane.view.editRequested.connect(self.edit_message)
        pane.view.regenerateRequested.connect(lambda _id: self.regenerate())
        pane.overflow.summarizeChosen.connect(self.continue_with_summary)
        pane.overflow.dropChosen.connect(window.drop_oldest_turns)

    # ------------------------------------------------------------------ requests
    def current_settings(self) -> ChatSettings:
        """The open conversation's settings (the saved defaults for a new chat)."""
        return conversation_settings(self.w.store, self.w.conv_id)

    def _request(self, kind: str, **kw: Any) -> ChatRequest:
        return ChatRequest(seq=self.w.host.next_seq(), kind=kind,
                           conversation_id=self.w.conv_id, **kw)

    def can_start(self) -> bool:
        if self.w.busy:
            return False
        if self.w.model_state is None:
            self.w.flash(QCoreApplication.translate(
                "MainWindow",
                "The model is still loading: your message is kept, send it when it is ready."))
            return False
        return True

    def send(self, text: str | None = None) -> None:
        w = self.w
        text = (text if text is not None else w.chat.input.toPlainText()).strip()
        if not text or not self.can_start():
            return
        w.welcome_box.hide()
        w.chat.input.clear()
        w.chat.overflow.hide()
        self.pending_user = w.chat.view.add_message(MessageData(-1, "user", text))
        w.chat.view.scroll_to_bottom()
        self._start(self._request("send", text=text))

    def regenerate(self) -> None:
        w = self.w
        if w.conv_id is None or not self.can_start():
            return
        last = next((m for m in reversed(w.chat.view.widgets) if m.data.role == "assistant"),
                    None)
        if last is not None:
            w.chat.view.remove_from(last.data.id)
        self._start(self._request("regenerate"))

    def edit_message(self, message_id: int, new_text: str | None = None) -> None:
        """Edit a user message and run the conversation again from there."""
        w = self.w
        if not self.can_start():
            return
        m = w.chat.view.find(message_id)
        if m is None or m.data.role != "user":
            return
        if new_text is None:
            dlg = EditDialog(m.data.text, w)
            if not dlg.exec():
                return
            new_text = dlg.edit.toPlainText()
        new_text = new_text.strip()
        if not new_text:
            return
        w.chat.view.remove_from(message_id)
        self.pending_user = w.chat.view.add_message(MessageData(-1, "user", new_text))
        self._start(self._request("edit", text=new_text, message_id=message_id))

    def _start(self, req: ChatRequest) -> None:
        w = self.w
        w.set_busy(True)
        w.status.setText(QCoreApplication.translate("MainWindow", "Reading the conversation…"))
        w.progress.setRange(0, 100)
        w.progress.setValue(0)
        w.progress.show()
        w.host.submit(req)

    def stop(self) -> None:
        """Stop the window's own reply (never one the local API server is writing)."""
        if self.w.busy:
            self.w.host.cancel()
            self.w.status.setText(QCoreApplication.translate("MainWindow", "Stopping…"))

    # ------------------------------------------------------------------ replies
    def _mine(self, seq: int) -> bool:
        return seq == self.w.host.active_seq and seq != 0

    def _on_conversation_created(self, seq: int, conv: int, title: str) -> None:
        """The core made the conversation of a new chat (with the saved defaults)."""
        w = self.w
        if w.closed or not self._mine(seq) or w.conv_id is not None:
            return
        w.conv_id = conv
        w.remember_conversation(conv)
        w.refresh_conversations()
        w.setWindowTitle(QCoreApplication.translate("MainWindow", "{title} — Wren").format(
            title=title))

    def _on_reply_started(self, seq: int, conv: int, user_id: int, reply_id: int) -> None:
        w = self.w
        if not self._mine(seq) or conv != w.conv_id:
            return
        if self.pending_user is not None:
            self.pending_user.data.id = user_id
            self.pending_user = None
        w.progress.hide()
        model = w.model_state.name if w.model_state else ""
        w.chat.view.begin_stream(MessageData(reply_id, "assistant", "", "partial", model))
        w.status.setText(QCoreApplication.translate("MainWindow", "Writing…"))

    def _on_text(self, seq: int, text: str) -> None:
        if self._mine(seq):
            self.w.chat.view.append_stream(text)

    def _on_progress(self, seq: int, fraction: float) -> None:
        if self._mine(seq):
            self.w.progress.setValue(int(fraction * 100))
            self.w.status.setText(QCoreApplication.translate(
                "MainWindow", "Reading the conversation… {percent}").format(
                    percent=f"{fraction:.0%}"))

    def _on_rate(self, seq: int, tps: float) -> None:
        if self._mine(seq):
            self.w.status.setText(QCoreApplication.translate(
                "MainWindow", "Writing… {rate} tokens/s").format(rate=decimal(tps)))

    def _on_reply_done(self, d: ReplyDone) -> None:
        w = self.w
        if w.closed:
            return
        w.refresh_conversations()
        if not self._mine(d.seq):
            w.replyFinished.emit(d)
            return
        w.host.active_seq = 0
        w.set_busy(False)
        if d.conversation_id == w.conv_id:
            detail = reply_detail(d.completion_tokens, d.decode_tokens_per_s)
            if w.chat.view.streaming is None:
                w.reload_messages()
            else:
                w.chat.view.end_stream(d.text, d.status, detail)
            self.check_context(d.prompt_tokens + d.completion_tokens,
                               d.finish_reason == "context")
        tokens = WORDS.tokens(d.completion_tokens)
        if d.decode_tokens_per_s:
            tokens = QCoreApplication.translate("MainWindow", "{tokens} at {rate} tokens/s").format(
                tokens=tokens, rate=decimal(d.decode_tokens_per_s))
        if d.status == "cancelled":
            line = QCoreApplication.translate("MainWindow", "Stopped: {tokens}").format(
                tokens=tokens)
        elif d.status == "complete":
            line = QCoreApplication.translate("MainWindow", "Done: {tokens}").format(
                tokens=tokens)
        else:
            line = QCoreApplication.translate("MainWindow", "{status}: {tokens}").format(
                status=d.status, tokens=tokens)
        w.status.setText(line)
        w.announce(self.reply_announcement(d))
        if d.notice:
            w.chat.show_notice(d.notice)
        w.replyFinished.emit(d)

    def reply_announcement(self, d: ReplyDone) -> str:
        """What a screen reader says when a reply ends: who, how it ended, then the text (a very
        long reply is cut; the whole of it is in the conversation)."""
        from app.ui.accessibility import plain_for_speech

        text = plain_for_speech(d.text)
        if d.status == "cancelled":
            return QCoreApplication.translate("MainWindow", "Reply stopped. {text}").format(
                text=text)
        return QCoreApplication.translate("MainWindow", "Reply finished. {text}").format(
            text=text)

    def _on_reply_failed(self, f: ReplyFailed) -> None:
        w = self.w
        if w.closed:
            return
        if self._mine(f.seq):
            w.host.active_seq = 0
            w.set_busy(False)
            self.pending_user = None
            if f.conversation_id is not None and f.conversation_id == w.conv_id:
                w.reload_messages()
                if f.overflow:
                    limit = self.context_limit()
                    w.chat.overflow.show_usage(limit, limit, full=True)
            elif w.conv_id is None:
                w.reload_messages()  # a new chat that ended before anything was stored
            w.status.setText(f.message)
            if not f.cancelled:
                w.chat.show_notice(f"⚠ {f.message}")
                w.announce(QCoreApplication.translate("MainWindow", "Error: {message}").format(
                    message=f.message))
        w.replyError.emit(f)

    # ------------------------------------------------------------ context overflow
    def context_limit(self) -> int:
        s, m = self.current_settings(), self.w.model_state
        if not s.n_ctx and m is None:
            return 0
        return context_limit(s, m.n_ctx if m else 0, m.native_ctx if m else 0)

    def check_context(self, used: int, full: bool) -> None:
        """The banner when the context is nearly full (app.core.chat.context_warning)."""
        from app.core.chat import context_warning  # the engine: not before the first frame

        w = self.w
        limit = self.context_limit()
        if context_warning(w.store, w.conv_id, used, limit, full):
            w.chat.overflow.show_usage(used, limit, full)
        else:
            w.chat.overflow.hide()

    def continue_with_summary(self) -> None:
        w = self.w
        if w.conv_id is None or not self.can_start():
            return
        w.chat.overflow.hide()
        req = self._request("summarize")
        w.set_busy(True)
        w.status.setText(QCoreApplication.translate(
            "MainWindow", "Summarizing this conversation for a new one…"))
        w.progress.setRange(0, 0)
        w.progress.show()
        w.host.submit(req)

    def _on_summary(self, seq: int, new_id: int) -> None:
        """The core started the new conversation with the summary in its system prompt."""
        w = self.w
        if w.closed:
            return
        if seq == w.host.active_seq:
            w.host.active_seq = 0
            w.set_busy(False)
        w.refresh_conversations()
        w.open_conversation(new_id)
        w.flash(QCoreApplication.translate(
            "MainWindow", "Continued in a new conversation; the summary is in its system prompt."))
        w.summaryDone.emit(new_id)

    def _on_title(self, conv_id: int, title: str) -> None:
        w = self.w
        if w.closed:
            return
        w.refresh_conversations()
        if conv_id == w.conv_id:
            w.setWindowTitle(QCoreApplication.translate("MainWindow", "{title} — Wren").format(
                title=title))
        w.titleGenerated.emit(conv_id, title)
