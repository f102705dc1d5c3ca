"""Many documents at once: a queue of documents, summarized one after another, each into its own
conversation, with per-document and overall progress, ETA, pause and cancel per item.

The queue lives in the database (tables `batches` and `batch_items`), so a run that was killed
resumes where it stopped: the same command (or the window) finds the unfinished batch with the
same documents and options and goes on with the first document not done. A summary and its
conversation are stored in one transaction by the Summarizer; the item is marked done right
after. A kill between the two is recognised on resume (the document row with that path, stored
after the item started) so no finished document is summarized again.

Qt-free: the CLI runs it with BatchRunner; the window drives the same BatchQueue from its
inference worker.
"""
from __future__ import annotations

import hashlib
import json
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from app.core.documents import SUPPORTED_SUFFIXES, DocumentError, extract_document
from app.core.errors import BadInput, Cancelled, WrenError
from app.core.ocr import OcrOptions, OcrPlan, OcrProgress
from app.core.store import Store, inserted_id, now
from app.core.summary_files import FORMATS, SummaryFile, output_name, write_summary_file

ACTIVE = ("queued", "running", "paused")


@dataclass(frozen=True)
class BatchItem:
    id: int
    batch_id: int
    position: int
    path: str
    name: str
    size_bytes: int
    status: str  # queued running paused done failed cancelled unsupported
    error: str
    error_kind: str  # bad-input or error
    warnings: tuple[str, ...]
    conversation_id: int | None
    document_id: int | None
    output_path: str
    elapsed_s: float
    started_at: float
    updated_at: float

    @property
    def finished(self) -> bool:
        return self.status in ("done", "failed", "cancelled", "unsupported")


def _item(r: dict[str, Any]) -> BatchItem:
    try:
        warnings = tuple(json.loads(r.get("warnings") or "[]"))
    except ValueError:
        warnings = ()
    return BatchItem(r["id"], r["batch_id"], r["position"], r["path"], r["name"], r["size_bytes"],
                     r["status"], r["error"], r["error_kind"], warnings, r["conversation_id"], r["document_id"],
                     r["output_path"], r["elapsed_s"], r["started_at"], r["updated_at"])


@dataclass(frozen=True)
class Entry:
    """One path of a batch after expanding folders: a document, or a file Wren cannot read."""

    path: str
    reason: str = ""  # non-empty: unsupported (one line naming the file)

    @property
    def name(self) -> str:
        return Path(self.path).name


def expand_paths(paths: Iterable[str | Path]) -> list[Entry]:
    """Files as given; folders expanded (recursively, hidden files and folders left out, sorted
    by their path inside the folder). Files Wren cannot read are kept with the reason, so they
    can be listed; the same file named twice is kept once."""
    out: list[Entry] = []
    seen: set[str] = set()

    def add(p: Path) -> None:
        key = str(p.resolve())
        if key in seen:
            return
        seen.add(key)
        out.append(Entry(key, _unsupported_reason(p)))

    for raw in paths:
        p = Path(raw).expanduser()
        if p.is_dir():
            files = [f for f in p.rglob("*") if f.is_file()
                     and not any(part.startswith(".") for part in f.relative_to(p).parts)]
            for f in sorted(files, key=lambda f: [s.casefold() for s in f.relative_to(p).parts]):
                add(f)
        elif p.exists():
            add(p)
        else:
            key = str(p.absolute())
            if key not in seen:
                seen.add(key)
                out.append(Entry(key, f"{p.name}: file not found ({p})"))
    return out


def _unsupported_reason(p: Path) -> str:
    if p.suffix.lower() in SUPPORTED_SUFFIXES:
        return ""
    try:
        extract_document(p)  # refuses by suffix before reading a byte: the usual message
    except DocumentError as e:
        return e.message
    return ""


def batch_key(entries: list[Entry], model: str, options: dict[str, Any], out_dir: str,
              out_format: str) -> str:
    """Identifies "the same batch" for resuming: the same documents, model and options."""
    blob = json.dumps([[e.path for e in entries], model, options, out_dir, out_format],
                      sort_keys=True)
    return hashlib.sha256(blob.encode()).hexdigest()


@dataclass(frozen=True)
class BatchProgress:
    """Where a batch stands (plain data for the UI thread / stderr)."""

    item_id: int
    index: int  # 1-based position among the documents to summarize
    total: int
    name: str
    label: str  # what the current document is doing
    item_fraction: float
    overall_fraction: float
    eta_s: float  # whole batch; 0 while unknown
    done: int
    failed: int


class BatchQueue:
    """The persisted queue. Thread-safe through the Store's lock; short writes only."""

    def __init__(self, store: Store):
        self.store = store

    # ------------------------------------------------------------------ creating
    def open(self, entries: list[Entry], *, model: str = "", options: dict[str, Any] | None = None,
             out_dir: str = "", out_format: str = "md", resume: bool = True) -> tuple[int, bool]:
        """The unfinished batch with the same documents and options (resumed: True), else a new
        one. Returns (batch id, resumed)."""
        options = options or {}
        if out_format not in FORMATS:
            raise BadInput(f"--format must be one of {', '.join(FORMATS)}")
        key = batch_key(entries, model, options, out_dir, out_format)
        if resume:
            rows = self.store.query(
                "SELECT id FROM batches WHERE key = ? AND status = 'running' ORDER BY id DESC "
                "LIMIT 1", (key,))
            if rows:
                bid = int(rows[0]["id"])
                self.reconcile(bid)
                return bid, True
        t = now()
        with self.store.transaction() as c:
            bid = inserted_id(c.execute(
                "INSERT INTO batches(key, model, options, out_dir, out_format, created_at, "
                "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (key, model, json.dumps(options), out_dir, out_format, t, t)))
            for i, e in enumerate(entries):
                try:
                    size = Path(e.path).stat().st_size
                except OSError:
                    size = 0
                c.execute(
                    "INSERT INTO batch_items(batch_id, position, path, name, size_bytes, status, "
                    "error, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (bid, i, e.path, e.name, size, "unsupported" if e.reason else "queued",
                     e.reason, t))
        return bid, False

    def add(self, batch_id: int, entries: list[Entry]) -> list[int]:
        """More documents for a running batch (a second drop on the window)."""
        have = {i.path for i in self.items(batch_id)}
        ids = []
        with self.store.transaction() as c:
            pos = int(c.execute("SELECT COALESCE(MAX(position), -1) + 1 FROM batch_items "
                                "WHERE batch_id = ?", (batch_id,)).fetchone()[0])
            for e in entries:
                if e.path in have:
                    continue
                try:
                    size = Path(e.path).stat().st_size
                except OSError:
                    size = 0
                ids.append(inserted_id(c.execute(
                    "INSERT INTO batch_items(batch_id, position, path, name, size_bytes, status, "
                    "error, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (batch_id, pos, e.path, e.name, size, "unsupported" if e.reason else "queued",
                     e.reason, now()))))
                pos += 1
            c.execute("UPDATE batches SET status = 'running', updated_at = ? WHERE id = ?",
                      (now(), batch_id))
        return ids

    def reconcile(self, batch_id: int) -> None:
        """After a kill: an item left 'running' is done if its summary was stored (a document
        row for that path written after the item started), else it goes back in the queue.
        Failed items are tried again (the file may have been fixed)."""
        for it in self.items(batch_id):
            if it.status == "running":
                rows = self.store.query(
                    "SELECT id, conversation_id FROM documents WHERE path = ? AND created_at >= ? "
                    "ORDER BY id DESC LIMIT 1", (it.path, it.started_at))
                if rows and rows[0]["conversation_id"] is not None:
                    self._set(it.id, status="done", document_id=rows[0]["id"],
                              conversation_id=rows[0]["conversation_id"])
                    self.export_item(it.id)
                else:
                    self._set(it.id, status="queued")
            elif it.status == "failed":
                self._set(it.id, status="queued", error="", error_kind="")
            elif it.status == "done" and not it.output_path:
                self.export_item(it.id)

    # ------------------------------------------------------------------ reading
    def batch(self, batch_id: int) -> dict[str, Any] | None:
        rows = self.store.query("SELECT * FROM batches WHERE id = ?", (batch_id,))
        return rows[0] if rows else None

    def items(self, batch_id: int) -> list[BatchItem]:
        return [_item(r) for r in self.store.query(
            "SELECT * FROM batch_items WHERE batch_id = ? ORDER BY position", (batch_id,))]

    def item(self, item_id: int) -> BatchItem | None:
        rows = self.store.query("SELECT * FROM batch_items WHERE id = ?", (item_id,))
        return _item(rows[0]) if rows else None

    def next_item(self, batch_id: int) -> BatchItem | None:
        rows = self.store.query(
            "SELECT * FROM batch_items WHERE batch_id = ? AND status = 'queued' "
            "ORDER BY position LIMIT 1", (batch_id,))
        return _item(rows[0]) if rows else None

    def unfinished(self) -> list[int]:
        return [int(r["id"]) for r in self.store.query(
            "SELECT id FROM batches WHERE status = 'running' ORDER BY id")]

    # ------------------------------------------------------------------ state changes
    def _set(self, item_id: int, **fields: Any) -> None:
        if "warnings" in fields:
            fields["warnings"] = json.dumps(list(fields["warnings"]))
        fields["updated_at"] = now()
        cols = ", ".join(f"{k} = ?" for k in fields)
        with self.store.transaction() as c:
            c.execute(f"UPDATE batch_items SET {cols} WHERE id = ?", (*fields.values(), item_id))

    def start(self, item_id: int) -> None:
        self._set(item_id, status="running", started_at=now(), error="")

    def complete(self, item_id: int, result: dict[str, Any], warnings: Iterable[str] = ()
                 ) -> BatchItem:
        """The summary is stored: the item is done, and its file is written when the batch has
        an output folder."""
        self._set(item_id, status="done", conversation_id=result.get("conversation_id"),
                  document_id=result.get("document_id"),
                  elapsed_s=float(result.get("elapsed_s") or 0), warnings=list(warnings))
        try:
            self.export_item(item_id, result)
        except WrenError as e:  # the summary is stored: the item stays done, the file is said
            self._set(item_id, error=e.message, error_kind="error")
        it = self.item(item_id)
        assert it is not None
        return it

    def fail(self, item_id: int, reason: str, bad_input: bool = True) -> None:
        self._set(item_id, status="failed", error=" ".join(reason.split()),
                  error_kind="bad-input" if bad_input else "error")

    def interrupted(self, item_id: int) -> None:
        """The running item was stopped: paused or cancelled stay so; otherwise (the whole batch
        stopped) it waits in the queue for the next run."""
        it = self.item(item_id)
        if it is not None and it.status == "running":
            self._set(item_id, status="queued")

    def pause(self, item_id: int) -> bool:
        it = self.item(item_id)
        if it is None or it.status not in ("queued", "running"):
            return False
        self._set(item_id, status="paused")
        return True

    def resume(self, item_id: int) -> bool:
        it = self.item(item_id)
        if it is None or it.status not in ("paused", "cancelled", "failed"):
            return False
        self._set(item_id, status="queued", error="")
        return True

    def cancel(self, item_id: int) -> bool:
        it = self.item(item_id)
        if it is None or it.status not in ACTIVE:
            return False
        self._set(item_id, status="cancelled")
        return True

    def close_if_finished(self, batch_id: int) -> bool:
        """Marks the batch done when nothing is left to do (paused items keep it open)."""
        left = [i for i in self.items(batch_id) if i.status in ACTIVE]
        if left:
            return False
        with self.store.transaction() as c:
            c.execute("UPDATE batches SET status = 'done', updated_at = ? WHERE id = ?",
                      (now(), batch_id))
        return True

    # ------------------------------------------------------------------ files
    def set_output(self, batch_id: int, out_dir: str, out_format: str = "md") -> list[Path]:
        """"Save summaries to…": the folder for this batch; documents already summarized are
        written now, the others when they finish. Returns the files written now."""
        if out_format not in FORMATS:
            raise BadInput(f"the summary file format must be one of {', '.join(FORMATS)}")
        with self.store.transaction() as c:
            c.execute("UPDATE batches SET out_dir = ?, out_format = ?, updated_at = ? WHERE id = ?",
                      (out_dir, out_format, now(), batch_id))
        for it in self.items(batch_id):
            if it.status == "done":
                self._set(it.id, output_path="")
        written = []
        for it in self.items(batch_id):
            if it.status == "done":
                p = self.export_item(it.id)
                if p is not None:
                    written.append(p)
        return written

    def export_item(self, item_id: int, result: dict[str, Any] | None = None) -> Path | None:
        """Write a done item's summary file (from `result`, else from the database)."""
        it = self.item(item_id)
        b = self.batch(it.batch_id) if it is not None else None
        if it is None or b is None or not b["out_dir"] or it.status != "done":
            return None
        data = self._summary_file(it, result)
        if data is None:
            return None
        taken = {Path(i.output_path).name.lower() for i in self.items(it.batch_id)
                 if i.output_path and i.id != it.id}
        name = output_name(it.name, b["out_format"], taken)
        path = write_summary_file(data, b["out_dir"], b["out_format"], name)
        self._set(item_id, output_path=str(path))
        return path

    def _summary_file(self, it: BatchItem, result: dict[str, Any] | None) -> SummaryFile | None:
        doc = self.store.get_document(it.document_id) if it.document_id else None
        text, citations, model, created = "", [], "", time.time()
        if result is not None:
            text = str(result.get("text", ""))
            citations = list(result.get("citations") or [])
            model = str(result.get("model", ""))
        if not text and it.document_id:
            rows = self.store.query(
                "SELECT id, text, model, created_at FROM messages WHERE document_id = ? AND "
                "role = 'assistant' ORDER BY id DESC LIMIT 1", (it.document_id,))
            if not rows:
                return None
            text, model, created = rows[0]["text"], rows[0]["model"], rows[0]["created_at"]
            extra = self.store.message_extra(rows[0]["id"])
            citations = list(extra.get("citations") or [])
        if not text:
            return None
        return SummaryFile(it.name, text, it.path, doc.pages if doc else 0, model,
                           doc.created_at if doc else created, tuple(citations), it.warnings)

    # ------------------------------------------------------------------ progress
    def progress(self, batch_id: int, current: BatchItem | None, label: str,
                 item_fraction: float, clock: BatchClock) -> BatchProgress:
        items = [i for i in self.items(batch_id) if i.status != "unsupported"]
        runnable = [i for i in items if i.status not in ("cancelled",)]
        done = sum(1 for i in runnable if i.status in ("done", "failed"))
        failed = sum(1 for i in runnable if i.status == "failed")
        total = len(runnable)
        index = done
        if current is not None:
            index = next((k for k, i in enumerate(runnable, 1) if i.id == current.id), done)
        overall = (done + (item_fraction if current is not None else 0)) / total if total else 1.0
        remaining = max(0.0, total - done - (item_fraction if current is not None else 0))
        return BatchProgress(current.id if current else 0, index, total,
                             current.name if current else "", label, item_fraction,
                             min(1.0, overall), clock.eta(remaining, item_fraction), done, failed)


@dataclass
class BatchClock:
    """Seconds per document, measured in this run: the ETA of what is left."""

    seconds: float = 0.0
    count: int = 0
    current_started: float = 0.0

    def start_item(self) -> None:
        self.current_started = time.monotonic()

    def end_item(self) -> None:
        if self.current_started:
            self.seconds += time.monotonic() - self.current_started
            self.count += 1
        self.current_started = 0.0

    def eta(self, remaining_docs: float, item_fraction: float) -> float:
        if self.count:
            return remaining_docs * self.seconds / self.count
        if self.current_started and item_fraction >= 0.05:
            per_doc = (time.monotonic() - self.current_started) / item_fraction
            return remaining_docs * per_doc
        return 0.0


# ---------------------------------------------------------------------------- running
@dataclass(frozen=True)
class BatchEvent:
    """What the runner tells its caller: kind is started, ocr-plan, plan, progress, warning,
    done, failed, paused, cancelled."""

    kind: str
    item: BatchItem
    progress: BatchProgress | None = None
    message: str = ""
    result: dict[str, Any] = field(default_factory=dict)


@dataclass
class BatchReport:
    batch_id: int
    resumed: bool
    done: list[BatchItem]
    failed: list[BatchItem]
    unsupported: list[BatchItem]
    cancelled: list[BatchItem]
    skipped_done: int  # finished in an earlier run: not summarized again
    results: dict[int, dict[str, Any]] = field(default_factory=dict)  # item id -> to_json()

    def to_json(self) -> dict[str, Any]:
        def row(i: BatchItem) -> dict[str, Any]:
            d: dict[str, Any] = {"file": i.path, "name": i.name, "status": i.status}
            if i.error:
                d["error"] = i.error
            if i.conversation_id:
                d["conversation_id"] = i.conversation_id
            if i.output_path:
                d["output"] = i.output_path
            if i.warnings:
                d["warnings"] = list(i.warnings)
            if i.id in self.results:
                d["summary"] = self.results[i.id]
            return d

        everything = sorted(self.done + self.failed + self.unsupported + self.cancelled,
                            key=lambda i: i.position)
        return {"batch_id": self.batch_id, "resumed": self.resumed,
                "succeeded": len(self.done), "failed": len(self.failed) + len(self.unsupported),
                "cancelled": len(self.cancelled), "skipped_done": self.skipped_done,
                "documents": [row(i) for i in everything]}


class BatchRunner:
    """Runs a batch's queued items one after another on one Summarizer (its Engine stays
    loaded between documents). run() on one thread; pause/cancel from any thread."""

    def __init__(self, store: Store, summarizer: Any, model: Any, options: Any,
                 cache_dir: Path | None, ocr: bool = True):
        self.store = store
        self.queue = BatchQueue(store)
        self.summarizer = summarizer
        self.model = model
        self.options = options
        self.cache_dir = cache_dir
        self.ocr = ocr
        self._stop = threading.Event()
        self._current = 0
        self._ocr_cancel = threading.Event()
        self._lock = threading.Lock()

    def stop(self) -> None:
        """Stop the whole batch: the running document goes back in the queue for next time."""
        self._stop.set()
        self._interrupt_current()

    def pause_item(self, item_id: int) -> None:
        with self._lock:
            if self.queue.pause(item_id) and item_id == self._current:
                self._interrupt_current()

    def cancel_item(self, item_id: int) -> None:
        with self._lock:
            if self.queue.cancel(item_id) and item_id == self._current:
                self._interrupt_current()

    def _interrupt_current(self) -> None:
        self._ocr_cancel.set()
        self.summarizer.cancel()

    def run(self, batch_id: int, resumed: bool = False,
            on_event: Callable[[BatchEvent], None] | None = None,
            on_text: Callable[[BatchItem, str], None] | None = None) -> BatchReport:
        q = self.queue
        before_done = {i.id for i in q.items(batch_id) if i.status == "done"}
        clock = BatchClock()
        results: dict[int, dict[str, Any]] = {}

        def emit(kind: str, item: BatchItem, label: str = "", frac: float = 0.0, message: str = "",
                 result: dict[str, Any] | None = None) -> None:
            if on_event is not None:
                prog = q.progress(batch_id, item, label, frac, clock)
                on_event(BatchEvent(kind, item, prog, message, result or {}))

        while not self._stop.is_set():
            item = q.next_item(batch_id)
            if item is None:
                break
            with self._lock:
                q.start(item.id)
                self._current = item.id
                self._ocr_cancel = threading.Event()
            item = q.item(item.id) or item
            clock.start_item()
            emit("started", item, f"Starting {item.name}")
            try:
                result, warnings = self.run_item(item, emit)
                item = q.complete(item.id, result, warnings)
                results[item.id] = result
                clock.end_item()
                emit("done", item, "Done", 1.0, result=result)
            except Cancelled:
                clock.current_started = 0.0
                q.interrupted(item.id)
                item = q.item(item.id) or item
                emit(item.status if item.status in ("paused", "cancelled") else "stopped", item)
            except WrenError as e:
                q.fail(item.id, e.message, isinstance(e, BadInput))
                clock.end_item()
                item = q.item(item.id) or item
                emit("failed", item, message=item.error)
            except Exception as e:  # a bug in one document must not lose the others
                q.fail(item.id, f"{item.name}: unexpected error: {type(e).__name__}: {e}",
                       bad_input=False)
                clock.end_item()
                item = q.item(item.id) or item
                emit("failed", item, message=item.error)
            finally:
                with self._lock:
                    self._current = 0
        if not self._stop.is_set():
            q.close_if_finished(batch_id)
        items = q.items(batch_id)
        return BatchReport(
            batch_id, resumed,
            done=[i for i in items if i.status == "done"],
            failed=[i for i in items if i.status == "failed"],
            unsupported=[i for i in items if i.status == "unsupported"],
            cancelled=[i for i in items if i.status in ("cancelled", "paused")],
            skipped_done=len(before_done), results=results)

    def run_item(self, item: BatchItem, emit: Callable[..., None]
                 ) -> tuple[dict[str, Any], list[str]]:
        """Read (OCR included) and summarize one document. Returns (result json, warnings)."""
        ocr_share = [0.0]  # the part of the document's progress that OCR takes

        def on_ocr_plan(p: OcrPlan) -> None:
            if p.to_read:
                ocr_share[0] = 0.5  # until the reading starts, OCR is most of the work
            emit("ocr-plan", item, p.text, 0.0, message=f"{item.name}: {p.text}")

        def on_ocr_progress(p: OcrProgress) -> None:
            emit("progress", item, p.label + (f", about {p.eta_s:.0f} s left" if p.eta_s else ""),
                 ocr_share[0] * p.fraction)

        ocr = OcrOptions(enabled=self.ocr, cache_dir=self.cache_dir, on_plan=on_ocr_plan,
                         on_progress=on_ocr_progress, cancel=self._ocr_cancel)
        doc = extract_document(item.path, ocr=ocr)
        warnings = list(doc.extra.get("warnings", []))
        for w in warnings:
            emit("warning", item, message=w)
        if self._ocr_cancel.is_set():
            raise Cancelled()
        base = ocr_share[0]

        def on_plan(plan: Any) -> None:
            emit("plan", item, plan.text, base, message=f"{item.name}: {plan.text}")

        def on_progress(p: Any) -> None:
            emit("progress", item, p.label, base + (1 - base) * p.fraction)

        result = self.summarizer.summarize(doc, self.model, self.options, on_plan=on_plan,
                                           on_progress=on_progress)
        out = result.to_json()
        if doc.extra.get("ocr_pages"):
            out["ocr_pages"] = list(doc.extra["ocr_pages"])
        return out, warnings


def options_key(options: Any) -> dict[str, Any]:
    """The summary options that make two batches "the same" (dataclass or dict)."""
    d = asdict(options) if hasattr(options, "__dataclass_fields__") else dict(options or {})
    return {k: v for k, v in d.items() if k in ("length", "format", "focus", "max_ctx")}


__all__ = ["BatchQueue", "BatchRunner", "BatchItem", "BatchEvent", "BatchProgress",
           "BatchReport", "BatchClock", "Entry", "expand_paths", "batch_key", "options_key"]
