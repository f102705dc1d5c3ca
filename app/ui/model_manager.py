"""The model manager: catalog with fit hints and filters, Hugging Face search, download queue,
installed models, and GGUF import. Downloads and Hub look-ups run on worker threads; widgets
only receive plain data through signals.

`ModelManagerDialog(store, data_dir, parent=None)` is standalone; the main window opens it from
its Models menu.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.core import credentials, hub
from app.core.catalog import load_catalog
from app.core.downloads import Downloader, DownloadQueue, JobEvent, Progress
from app.core.errors import WrenError
from app.core.fit import PURPOSES, fit_entry, recommend
from app.core.logs import quiet_hub_stderr
from app.core.machine import machine_info
from app.core.models import DEFAULT_MODEL_SETTING, installed_models
from app.core.paths import DataDir
from app.core.store import Store
from app.ui.accessibility import announce
from app.ui.background import (
    BackgroundOp,
    run_in_background,
    start_worker_thread,
    stop_worker_thread,
)

quiet_hub_stderr()  # the Hub's records go to logs/wren.log, as in the CLI

GiB = 1024**3


def human_bytes(n: float) -> str:
    for unit, div in (("GB", 1e9), ("MB", 1e6), ("kB", 1e3)):
        if n >= div:
            return f"{n / div:.1f} {unit}"
    return f"{int(n)} B"


def paused_text(done: float, total: float) -> str:
    return QCoreApplication.translate("ModelManagerDialog", "Paused at {done} / {total}").format(done=human_bytes(done), total=human_bytes(total))


def progress_text(p: Progress) -> str:
    """'12.0 MB / 98.4 MB · 5.1 MB/s · 17 s left' (or the status when not transferring)."""
    if p.status == "paused":
        return paused_text(p.bytes_done, p.total)
    if p.status in ("done", "cancelled", "error", "verifying", "starting", "retrying"):
        label = {"done": QCoreApplication.translate("ModelManagerDialog", "Done"), "cancelled": QCoreApplication.translate("ModelManagerDialog", "Cancelled"),
                 "error": QCoreApplication.translate("ModelManagerDialog", "Failed"), "verifying": QCoreApplication.translate("ModelManagerDialog", "Verifying sha256…"),
                 "starting": QCoreApplication.translate("ModelManagerDialog", "Starting…"), "retrying": QCoreApplication.translate("ModelManagerDialog", "Reconnecting…")}[p.status]
        return QCoreApplication.translate("ModelManagerDialog", "{status}: {message}").format(status=label, message=p.message) if p.message \
            else label
    line = QCoreApplication.translate("ModelManagerDialog", "{done} / {total} · {speed}/s").format(
        done=human_bytes(p.bytes_done), total=human_bytes(p.total), speed=human_bytes(p.speed_bps))
    if p.eta_s is not None:
        line = QCoreApplication.translate("ModelManagerDialog", "{progress} · {seconds} s left").format(progress=line, seconds=f"{p.eta_s:.0f}")
    return line


class DownloadWorker(QObject):
    """Serves the download queue on its QThread until stopped."""

    progress = Signal(object)  # Progress
    event = Signal(object)  # JobEvent
    finished = Signal()

    def __init__(self, queue: DownloadQueue):
        super().__init__()
        self.queue = queue

    @Slot()
    def run(self) -> None:
        try:
            self.queue.serve(on_progress=self.progress.emit, on_event=self.event.emit)
        finally:
            self.finished.emit()


def _item(text: str, data: Any = None) -> QTableWidgetItem:
    it = QTableWidgetItem(text)
    it.setFlags(it.flags() & ~Qt.ItemFlag.ItemIsEditable)
    if data is not None:
        it.setData(Qt.ItemDataRole.UserRole, data)
    return it


class ModelManagerDialog(QDialog):
    download_progress = Signal(object)
    download_event = Signal(object)
    models_changed = Signal()

    def __init__(self, store: Store, data_dir: DataDir | str | Path, parent: QWidget | None = None,
                 *, endpoint: str | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Models"))
        self.resize(1000, 600)
        self.setAcceptDrops(True)
        self.store = store
        self.data = data_dir if isinstance(data_dir, DataDir) else DataDir(Path(data_dir))
        self.data.ensure()
        self.endpoint = endpoint
        self.machine = machine_info()
        self.downloader = Downloader(store, self.data, endpoint=endpoint)
        self.queue = DownloadQueue(self.downloader)
        self._rows: dict[int, int] = {}  # job id -> row in the downloads table
        self._bars: dict[int, QProgressBar] = {}
        self._tasks: set[BackgroundOp] = set()

        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_catalog(), self.tr("&Catalog"))
        self.tabs.addTab(self._build_search(), self.tr("&Search Hugging Face"))
        self.tabs.addTab(self._build_downloads(), self.tr("&Downloads"))
        self.tabs.addTab(self._build_installed(), self.tr("&Installed"))
        self.tabs.setAccessibleName(self.tr("Model manager sections"))
        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Model manager status"))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(self.tabs)
        lay.addWidget(self.message)
        lay.addWidget(close)

        self._worker = DownloadWorker(self.queue)
        self._worker.progress.connect(self._on_progress)
        self._worker.event.connect(self._on_event)
        self._thread = start_worker_thread(self._worker, self, "wren-downloads",
                                           run=self._worker.run)
        self._worker.finished.connect(self._thread.quit)

        self._refresh_catalog()
        self._refresh_installed()
        self._load_unfinished()

    # ------------------------------------------------------------------ catalog tab
    def _build_catalog(self) -> QWidget:
        w = QWidget()
        lay = QVBoxLayout(w)
        filters = QHBoxLayout()
        entries = load_catalog()

        def combo(any_text: str, name: str, values: list[str]) -> QComboBox:
            c = QComboBox()
            c.setAccessibleName(name)
            c.addItem(any_text, None)
            for v in values:
                c.addItem(v, v)
            c.currentIndexChanged.connect(self._refresh_catalog)
            filters.addWidget(c)
            return c

        self.f_license = combo(self.tr("Any licence"), self.tr("Licence filter"),
                               sorted({e.get("license_family", "") for e in entries}))
        self.f_size = combo(self.tr("Any size"), self.tr("Size filter"),
                            ["ultra-small", "small", "medium"])
        self.f_spec = combo(self.tr("Any specialization"), self.tr("Specialization filter"),
                            sorted({s for e in entries for s in e.get("specializations", [])}))
        self.f_training = combo(self.tr("Any training"), self.tr("Training filter"),
                                sorted({e.get("training", "") for e in entries}))
        lay.addLayout(filters)
        rec = QHBoxLayout()
        purpose_label = QLabel(self.tr("Which model should I use? &For:"))
        rec.addWidget(purpose_label)
        self.purpose = QComboBox()
        purpose_label.setBuddy(self.purpose)
        self.purpose.setAccessibleName(self.tr("Which model should I use? For:"))
        for p in PURPOSES:
            self.purpose.addItem(p, p)
        self.purpose.currentIndexChanged.connect(self._refresh_recommendation)
        rec.addWidget(self.purpose)
        self.recommendation = QLabel("")
        self.recommendation.setWordWrap(True)
        self.recommendation.setAccessibleName(self.tr("Recommendation"))
        rec.addWidget(self.recommendation, 1)
        lay.addLayout(rec)
        self.catalog_table = QTableWidget(0, 8)
        self.catalog_table.setHorizontalHeaderLabels(
            [self.tr("Model"), self.tr("Size class"), self.tr("Licence"), self.tr("Specialization"),
             self.tr("Training"), self.tr("Quantization"), self.tr("Download size"),
             self.tr("Fits this machine?")])
        self.catalog_table.setAccessibleName(self.tr("Model catalog"))
        self.catalog_table.setTabKeyNavigation(False)  # Tab leaves the table: no focus trap
        self.catalog_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.catalog_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        lay.addWidget(self.catalog_table)
        self.catalog_download = QPushButton(self.tr("Download selected"))
        self.catalog_download.clicked.connect(self._download_catalog_selected)
        lay.addWidget(self.catalog_download)
        self._refresh_recommendation()
        return w

    def _refresh_recommendation(self) -> None:
        try:
            r = recommend(self.machine, self.purpose.currentData() or "chat")
            self.recommendation.setText(f"<b>{r.name}</b> ({r.quantization}): {r.reason}")
        except WrenError as e:
            self.recommendation.setText(e.message)

    def _refresh_catalog(self) -> None:
        t = self.catalog_table
        t.setRowCount(0)
        for e in load_catalog():
            if not e.matches(license_family=self.f_license.currentData(),
                             size_class=self.f_size.currentData(),
                             specialization=self.f_spec.currentData(),
                             training=self.f_training.currentData()):
                continue
            row = t.rowCount()
            t.insertRow(row)
            commercial = {"allowed": self.tr("commercial OK"),
                          "allowed-with-terms": self.tr("commercial with terms"),
                          "restricted": self.tr("commercial restricted")}.get(e.get("commercial_use"), "")
            t.setItem(row, 0, _item(e.name, e.id))
            t.item(row, 0).setToolTip(e.get("description", ""))
            t.setItem(row, 1, _item(e.get("size_class", "")))
            t.setItem(row, 2, _item(f"{e.get('license_name', '')} ({commercial})"))
            t.setItem(row, 3, _item(", ".join(e.get("specializations", []))))
            t.setItem(row, 4, _item(e.get("training", "")))
            qc = QComboBox()
            qc.setAccessibleName(self.tr("Quantization of {model}").format(model=e.name))
            for q in e.quants:
                qc.addItem(q.quantization, q.quantization)
            qc.setCurrentIndex(max(0, qc.findData(e.default_quantization)))
            qc.currentIndexChanged.connect(lambda _i, r=row: self._update_fit_cell(r))
            t.setCellWidget(row, 5, qc)
            t.setItem(row, 6, _item(""))
            t.setItem(row, 7, _item(""))
            self._update_fit_cell(row)

    def _update_fit_cell(self, row: int) -> None:
        t = self.catalog_table
        from app.core.catalog import find_entry

        e = find_entry(t.item(row, 0).data(Qt.ItemDataRole.UserRole))
        qc = t.cellWidget(row, 5)
        if e is None or not isinstance(qc, QComboBox):
            return
        q = e.quant(qc.currentData())
        f = fit_entry(e, q, self.machine)
        t.item(row, 6).setText(human_bytes(q.size_bytes) if q else "?")
        t.item(row, 7).setText(self.tr("{status} ({size} GiB at {n} tokens)").format(
            status=f.status, size=f"{f.needed_bytes / GiB:.1f}", n=f.n_ctx))
        t.item(row, 7).setToolTip(f.summary)

    def _download_catalog_selected(self) -> None:
        from app.core.catalog import find_entry

        rows = {i.row() for i in self.catalog_table.selectedIndexes()}
        for row in sorted(rows):
            e = find_entry(self.catalog_table.item(row, 0).data(Qt.ItemDataRole.UserRole))
            qc = self.catalog_table.cellWidget(row, 5)
            q = e.quant(qc.currentData()) if e and isinstance(qc, QComboBox) else None
            if e and q:
                self.start_download(e.repo_id, q.filename)

    # ------------------------------------------------------------------- search tab
    def _build_search(self) -> QWidget:
        w = QWidget()
        lay = QVBoxLayout(w)
        row = QHBoxLayout()
        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Search GGUF models on Hugging Face (e.g. qwen2 gguf)"))
        self.search_edit.setAccessibleName(self.tr("Search Hugging Face"))
        self.search_edit.returnPressed.connect(self.search)
        row.addWidget(self.search_edit)
        b = QPushButton(self.tr("Search"))
        b.clicked.connect(self.search)
        row.addWidget(b)
        tok = QPushButton(self.tr("Hugging Face token…"))
        tok.clicked.connect(self._ask_token)
        row.addWidget(tok)
        lay.addLayout(row)
        self.repo_list = QListWidget()
        self.repo_list.setAccessibleName(self.tr("Repositories found"))
        self.repo_list.currentItemChanged.connect(self._on_repo_selected)
        lay.addWidget(self.repo_list, 1)
        self.files_table = QTableWidget(0, 3)
        self.files_table.setHorizontalHeaderLabels([self.tr("File"), self.tr("Quantization"),
                                                    self.tr("Size")])
        self.files_table.setAccessibleName(self.tr("GGUF files in the repository"))
        self.files_table.setTabKeyNavigation(False)
        self.files_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.files_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        lay.addWidget(self.files_table, 1)
        dl = QPushButton(self.tr("Download selected file"))
        dl.clicked.connect(self._download_file_selected)
        lay.addWidget(dl)
        return w

    def _run_task(self, fn: Callable[[], Any], done: Callable[[Any], None]) -> BackgroundOp:
        task = run_in_background(fn, on_done=done, on_failed=self.show_message,
                                 name="wren-hub-lookup", parent=self)
        task.finished.connect(lambda t=task: self._tasks.discard(t))
        self._tasks.add(task)
        return task

    def _token(self) -> str | None:
        return credentials.get_hf_token()

    @Slot()
    def search(self) -> BackgroundOp:
        text = self.search_edit.text().strip()
        self.show_message(self.tr("Searching…"))
        token = self._token()
        return self._run_task(lambda: hub.search_gguf(text, token=token, endpoint=self.endpoint),
                              self._show_hits)

    def _show_hits(self, hits: list[hub.RepoHit]) -> None:
        self.repo_list.clear()
        for h in hits:
            text = self.tr("{repo}  ·  %Ln download(s)", "", h.downloads).format(repo=h.repo_id)
            if h.gated:
                text = self.tr("{repo}  ·  gated").format(repo=text)
            it = QListWidgetItem(text)
            it.setData(Qt.ItemDataRole.UserRole, h.repo_id)
            self.repo_list.addItem(it)
        self.show_message(self.tr("%n repositories found", "", len(hits)) if hits
                          else self.tr("No GGUF repositories found"))

    def _on_repo_selected(self, cur: QListWidgetItem | None, _prev: Any = None) -> None:
        if cur is None:
            return
        self.list_files(cur.data(Qt.ItemDataRole.UserRole))

    def list_files(self, repo_id: str) -> BackgroundOp:
        token = self._token()
        self._files_repo = repo_id
        return self._run_task(lambda: hub.list_gguf_files(repo_id, token=token, endpoint=self.endpoint),
                              self._show_files)

    def _show_files(self, files: list[hub.RemoteFile]) -> None:
        t = self.files_table
        t.setRowCount(0)
        for f in files:
            r = t.rowCount()
            t.insertRow(r)
            t.setItem(r, 0, _item(f.filename, (f.repo_id, f.filename)))
            t.setItem(r, 1, _item(f.quantization))
            t.setItem(r, 2, _item(human_bytes(f.size_bytes)))
        self.show_message(self.tr("%n GGUF file(s)", "", len(files)))

    def _download_file_selected(self) -> None:
        for row in sorted({i.row() for i in self.files_table.selectedIndexes()}):
            repo_id, filename = self.files_table.item(row, 0).data(Qt.ItemDataRole.UserRole)
            self.start_download(repo_id, filename)

    def _ask_token(self) -> None:
        tok, ok = QInputDialog.getText(self, self.tr("Hugging Face token"),
                                       self.tr("Token (kept in the system keyring only):"),
                                       QLineEdit.EchoMode.Password)
        if ok and tok.strip():
            try:
                self.show_message(credentials.set_hf_token(tok).message)
            except WrenError as e:
                self.show_message(e.message)

    # ---------------------------------------------------------------- downloads tab
    def _build_downloads(self) -> QWidget:
        w = QWidget()
        lay = QVBoxLayout(w)
        self.downloads_table = QTableWidget(0, 3)
        self.downloads_table.setHorizontalHeaderLabels([self.tr("File"), self.tr("Progress"),
                                                        self.tr("Status")])
        self.downloads_table.setAccessibleName(self.tr("Downloads"))
        self.downloads_table.setTabKeyNavigation(False)
        self.downloads_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.downloads_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        lay.addWidget(self.downloads_table)
        row = QHBoxLayout()
        for label, fn in ((self.tr("Pause"), self.queue.pause),
                          (self.tr("Resume"), self.resume_download),
                          (self.tr("Cancel"), self._cancel_selected)):
            b = QPushButton(label)
            b.clicked.connect(lambda _c=False, f=fn: self._for_selected_jobs(f))
            row.addWidget(b)
        lay.addLayout(row)
        return w

    def _for_selected_jobs(self, fn: Callable[[int], None]) -> None:
        rows = {i.row() for i in self.downloads_table.selectedIndexes()}
        for job, r in list(self._rows.items()):
            if r in rows:
                fn(job)

    def _cancel_selected(self, job_id: int) -> None:
        self.cancel_download(job_id)

    def _ensure_row(self, job_id: int, filename: str) -> int:
        if job_id in self._rows:
            return self._rows[job_id]
        t = self.downloads_table
        r = t.rowCount()
        t.insertRow(r)
        t.setItem(r, 0, _item(filename, job_id))
        bar = QProgressBar()
        bar.setAccessibleName(self.tr("Download of {file}").format(file=filename))
        bar.setRange(0, 1000)
        bar.setValue(0)
        t.setCellWidget(r, 1, bar)
        t.setItem(r, 2, _item(self.tr("Queued")))
        self._rows[job_id] = r
        self._bars[job_id] = bar
        return r

    def _load_unfinished(self) -> None:
        """Partial downloads from earlier runs: shown paused, resumable."""
        for rec in self.store.list_downloads(("queued", "downloading", "paused", "error")):
            r = self._ensure_row(int(rec["id"]), rec["filename"])
            part = Path(rec["part_path"]) if rec["part_path"] else None
            done = part.stat().st_size if part and part.exists() else 0
            total = int(rec["size_bytes"] or 0)
            if total:
                self._bars[int(rec["id"])].setValue(int(1000 * done / total))
            status = self.tr("Failed: {message}").format(message=rec["error"]) \
                if rec["status"] == "error" and rec["error"] else \
                self.tr("{paused} (Resume to continue)").format(paused=paused_text(done, total))
            self.downloads_table.item(r, 2).setText(status)

    def start_download(self, repo_id: str, filename: str) -> int | None:
        try:
            job = self.downloader.enqueue(repo_id, filename)
        except WrenError as e:
            self.show_message(e.message)
            return None
        self._ensure_row(job, filename)
        self.queue.add(job)
        self.tabs.setCurrentIndex(2)
        return job

    def resume_download(self, job_id: int) -> None:
        self.queue.resume(job_id)
        r = self._rows.get(job_id)
        if r is not None:
            self.downloads_table.item(r, 2).setText(self.tr("Queued"))

    def cancel_download(self, job_id: int) -> None:
        self.queue.cancel(job_id)
        r = self._rows.get(job_id)
        if r is not None and self.queue.active != job_id:
            self.downloads_table.item(r, 2).setText(self.tr("Cancelled"))
            self._bars[job_id].setValue(0)

    def progress_bar(self, job_id: int) -> QProgressBar:
        return self._bars[job_id]

    def status_text(self, job_id: int) -> str:
        return self.downloads_table.item(self._rows[job_id], 2).text()

    @Slot(object)
    def _on_progress(self, p: Progress) -> None:
        r = self._ensure_row(p.job_id, p.filename)
        if p.total and p.status not in ("error", "cancelled"):
            self._bars[p.job_id].setValue(int(1000 * p.bytes_done / p.total))
        self.downloads_table.item(r, 2).setText(progress_text(p))
        self.download_progress.emit(p)

    @Slot(object)
    def _on_event(self, ev: JobEvent) -> None:
        r = self._rows.get(ev.job_id)
        if r is not None:
            if ev.status == "done":
                self._bars[ev.job_id].setValue(1000)
                self.downloads_table.item(r, 2).setText(
                    self.tr("Done: installed as {model}").format(model=ev.result.model_id))
            elif ev.status == "cancelled":
                self._bars[ev.job_id].setValue(0)
                self.downloads_table.item(r, 2).setText(self.tr("Cancelled (partial file deleted)"))
            elif ev.status == "error":
                self.downloads_table.item(r, 2).setText(
                    self.tr("Failed: {message}").format(message=ev.message))
        if ev.status == "error":
            self.show_message(ev.message)
            announce(self.message, self.tr("Download failed: {message}").format(message=ev.message))
        if ev.status == "done":
            announce(self.message, self.tr("Download finished: {model} is installed.").format(
                model=ev.result.model_id))
            self._refresh_installed()
            self._refresh_catalog()
            self.models_changed.emit()
        self.download_event.emit(ev)

    # ---------------------------------------------------------------- installed tab
    def _build_installed(self) -> QWidget:
        w = QWidget()
        lay = QVBoxLayout(w)
        self.installed_table = QTableWidget(0, 5)
        self.installed_table.setHorizontalHeaderLabels(
            [self.tr("Model"), self.tr("Id"), self.tr("Size on disk"), self.tr("Source"),
             self.tr("Default")])
        self.installed_table.setAccessibleName(self.tr("Installed models"))
        self.installed_table.setTabKeyNavigation(False)
        self.installed_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.installed_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        lay.addWidget(self.installed_table)
        row = QHBoxLayout()
        for label, fn in ((self.tr("Delete…"), self._delete_selected),
                          (self.tr("Show in folder"), self._reveal_selected),
                          (self.tr("Set as default"), self._default_selected),
                          (self.tr("Import GGUF…"), self._import_dialog)):
            b = QPushButton(label)
            b.clicked.connect(fn)
            row.addWidget(b)
        lay.addLayout(row)
        return w

    def _refresh_installed(self) -> None:
        t = self.installed_table
        t.setRowCount(0)
        default = self.store.get_setting(DEFAULT_MODEL_SETTING)
        for m in installed_models(self.store, self.data):
            r = t.rowCount()
            t.insertRow(r)
            t.setItem(r, 0, _item(m.name, m.id))
            t.setItem(r, 1, _item(m.id))
            t.setItem(r, 2, _item(human_bytes(m.size_bytes)))
            t.setItem(r, 3, _item(m.source))
            t.setItem(r, 4, _item("✓" if m.id == default else ""))
            # A screen reader says a word, not "check mark" or nothing.
            t.item(r, 4).setData(Qt.ItemDataRole.AccessibleTextRole,
                                 self.tr("default model") if m.id == default else self.tr("not default"))

    def _selected_installed(self) -> str | None:
        rows = sorted({i.row() for i in self.installed_table.selectedIndexes()})
        return self.installed_table.item(rows[0], 0).data(Qt.ItemDataRole.UserRole) if rows else None

    def delete_model(self, model_id: str, confirm: bool = True) -> bool:
        from app.core.library import delete_model

        if confirm and QMessageBox.question(
                self, self.tr("Delete model"),
                self.tr("Delete {model} and its file from disk?").format(model=model_id)) \
                != QMessageBox.StandardButton.Yes:
            return False
        try:
            delete_model(self.store, self.data, model_id)
        except WrenError as e:
            self.show_message(e.message)
            return False
        self._refresh_installed()
        self._refresh_catalog()
        self.models_changed.emit()
        return True

    def _delete_selected(self) -> None:
        mid = self._selected_installed()
        if mid:
            self.delete_model(mid)

    def _reveal_selected(self) -> None:
        from app.core.library import find_installed

        mid = self._selected_installed()
        if mid:
            try:
                p = Path(find_installed(self.store, self.data, mid).path)
            except WrenError as e:
                self.show_message(e.message)
                return
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(p.parent)))

    def _default_selected(self) -> None:
        from app.core.library import set_default

        mid = self._selected_installed()
        if mid:
            try:
                set_default(self.store, self.data, mid)
            except WrenError as e:
                self.show_message(e.message)
            self._refresh_installed()

    def import_file(self, path: str, link: bool = False) -> bool:
        from app.core.library import import_gguf

        try:
            m = import_gguf(self.store, self.data, path, link=link)
        except WrenError as e:
            self.show_message(e.message)
            return False
        self.show_message(self.tr("Imported {name} as {id}").format(name=m.name, id=m.id))
        self._refresh_installed()
        self.models_changed.emit()
        return True

    def _import_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import a GGUF model"), "",
                                              self.tr("GGUF models (*.gguf)"))
        if not path:
            return
        ans = QMessageBox.question(
            self, self.tr("Import"),
            self.tr("Copy the file into Wren's models folder?\n(No = use it where it is)"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
            | QMessageBox.StandardButton.Cancel)
        if ans != QMessageBox.StandardButton.Cancel:
            self.import_file(path, link=ans == QMessageBox.StandardButton.No)

    def dragEnterEvent(self, e: Any) -> None:  # noqa: N802
        if e.mimeData().hasUrls() and any(u.toLocalFile().lower().endswith(".gguf") for u in e.mimeData().urls()):
            e.acceptProposedAction()

    def dropEvent(self, e: Any) -> None:  # noqa: N802
        for u in e.mimeData().urls():
            if u.toLocalFile().lower().endswith(".gguf"):
                self.import_file(u.toLocalFile())

    # ---------------------------------------------------------------------- misc
    @Slot(str)
    def show_message(self, text: str) -> None:
        self.message.setText(text)

    def shutdown(self) -> None:
        """Stop the worker (a running download is paused, resumable) and wait for threads."""
        self.queue.stop()
        stop_worker_thread(self._thread, 10000)
        for t in list(self._tasks):
            t.wait(10000)

    def done(self, r: int) -> None:  # closing by any route stops the threads
        self.shutdown()
        super().done(r)

    def closeEvent(self, e: Any) -> None:  # noqa: N802
        self.shutdown()
        super().closeEvent(e)


def open_from_window(window: Any) -> ModelManagerDialog:
    """Models menu / Models… button: the manager on the window's store and data dir; the picker
    is refreshed whenever a model is downloaded, imported, deleted or made the default."""
    dlg = ModelManagerDialog(window.store, window.data, window)
    dlg.models_changed.connect(window.refresh_models)
    dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.model_manager = dlg  # for tests and so it is not collected while open
    dlg.show()
    return dlg
