"""The model manager dialog shows download progress, catalog fit hints and Hub search (pytest-qt)."""
from __future__ import annotations

from pathlib import Path

import pytest

from app.core.paths import DataDir
from tests.fakehub import TEST_FILE, TEST_REPO, fake_hub  # noqa: F401

MB = 1024 * 1024


@pytest.fixture
def dialog(qtbot, store, data_dir, fake_hub):  # noqa: F811
    from app.ui.model_manager import ModelManagerDialog

    d = ModelManagerDialog(store, DataDir(data_dir), endpoint=fake_hub.url)
    qtbot.addWidget(d)
    yield d
    d.shutdown()


def test_download_progress_is_shown_then_the_model_is_installed(qtbot, dialog, fake_hub, data_dir) -> None:  # noqa: F811
    fake_hub.slow_bps = 30 * MB
    shown: list[tuple[int, str]] = []
    dialog.download_progress.connect(
        lambda p: shown.append((dialog.progress_bar(p.job_id).value(), dialog.status_text(p.job_id))))
    with qtbot.waitSignal(dialog.download_event, timeout=60000,
                          check_params_cb=lambda ev: ev.status in ("done", "error")) as sig:
        job = dialog.start_download(TEST_REPO, TEST_FILE)
    ev = sig.args[0]
    assert ev.status == "done", ev.message
    middle = [(v, text) for v, text in shown if 0 < v < 1000]
    assert middle, shown[:5]
    assert any("MB/s" in text and " / " in text and "left" in text for _, text in middle)
    values = [v for v, _ in shown]
    assert values == sorted(values)  # progress only goes forward
    assert dialog.progress_bar(job).value() == 1000
    assert dialog.status_text(job).startswith("Done: installed as")
    ids = [dialog.installed_table.item(r, 1).text() for r in range(dialog.installed_table.rowCount())]
    assert ev.result.model_id in ids
    assert (data_dir / "models" / TEST_FILE).is_file()


def test_cancel_from_the_panel_deletes_the_partial(qtbot, dialog, fake_hub, data_dir) -> None:  # noqa: F811
    fake_hub.slow_bps = 8 * MB

    def maybe_cancel(p):
        if p.status == "downloading" and p.bytes_done > MB:
            dialog.cancel_download(p.job_id)

    dialog.download_progress.connect(maybe_cancel)
    with qtbot.waitSignal(dialog.download_event, timeout=60000) as sig:
        job = dialog.start_download(TEST_REPO, TEST_FILE)
    assert sig.args[0].status == "cancelled"
    assert dialog.progress_bar(job).value() == 0
    assert "Cancelled" in dialog.status_text(job)
    assert not list((data_dir / "downloads").glob("*.part"))


def test_bad_file_name_is_shown_not_raised(dialog) -> None:
    assert dialog.start_download(TEST_REPO, "../evil.gguf") is None
    assert "refusing" in dialog.message.text()


def test_catalog_filters_and_fit_hints(dialog) -> None:
    t = dialog.catalog_table
    total = t.rowCount()
    assert total >= 12
    assert all(t.item(r, 7).text().split(" ")[0] in ("fits", "tight", "won't") for r in range(total))
    dialog.f_size.setCurrentIndex(dialog.f_size.findData("medium"))
    assert 0 < t.rowCount() < total
    assert all(t.item(r, 1).text() == "medium" for r in range(t.rowCount()))
    dialog.f_size.setCurrentIndex(0)
    dialog.f_spec.setCurrentIndex(dialog.f_spec.findData("long-documents"))
    names = [t.item(r, 0).text() for r in range(t.rowCount())]
    assert any("Phi-3.5" in n for n in names)
    # Changing the quantization changes the download size and the RAM needed.
    dialog.f_spec.setCurrentIndex(0)
    row = next(r for r in range(t.rowCount()) if t.item(r, 0).text().startswith("Gemma 2 9B"))
    before = (t.item(row, 6).text(), t.item(row, 7).text())
    qc = t.cellWidget(row, 5)
    assert qc.currentText() == "Q4_K_M"
    qc.setCurrentIndex(qc.findData("Q8_0"))
    assert (t.item(row, 6).text(), t.item(row, 7).text()) != before
    assert "fits" in dialog.recommendation.text()


def test_hub_search_and_file_listing(qtbot, dialog) -> None:
    dialog.search_edit.setText("tiny")
    task = dialog.search()
    qtbot.waitUntil(lambda: dialog.repo_list.count() == 1, timeout=20000)
    task.wait()
    assert TEST_REPO in dialog.repo_list.item(0).text()
    task = dialog.list_files(TEST_REPO)
    qtbot.waitUntil(lambda: dialog.files_table.rowCount() == 1, timeout=20000)
    task.wait()
    assert dialog.files_table.item(0, 0).text() == TEST_FILE
    assert dialog.files_table.item(0, 2).text() == "98.4 MB"


def test_unfinished_download_from_an_earlier_run_is_listed(qtbot, store, data_dir, fake_hub) -> None:  # noqa: F811
    from app.core.downloads import Downloader
    from app.ui.model_manager import ModelManagerDialog

    data = DataDir(data_dir).ensure()
    job = Downloader(store, data, endpoint=fake_hub.url).enqueue(TEST_REPO, TEST_FILE)
    part = Path(store.get_download(job)["part_path"])
    part.write_bytes(b"x" * MB)
    store.update_download(job, status="downloading", size_bytes=4 * MB)
    d = ModelManagerDialog(store, data, endpoint=fake_hub.url)
    qtbot.addWidget(d)
    try:
        assert d.progress_bar(job).value() == 250
        assert d.status_text(job).startswith("Paused at")
    finally:
        d.shutdown()


def test_import_set_default_and_delete_from_the_panel(qtbot, dialog, starter_model, tmp_path) -> None:
    import shutil

    src = tmp_path / "my-model.gguf"
    shutil.copyfile(starter_model, src)
    assert dialog.import_file(str(src))
    t = dialog.installed_table
    ids = [t.item(r, 1).text() for r in range(t.rowCount())]
    assert "my-model" in ids
    t.selectRow(ids.index("my-model"))
    dialog._default_selected()
    row = [t.item(r, 1).text() for r in range(t.rowCount())].index("my-model")
    assert t.item(row, 4).text() == "✓"
    assert dialog.delete_model("my-model", confirm=False)
    assert "my-model" not in [t.item(r, 1).text() for r in range(t.rowCount())]
    assert not dialog.import_file(str(tmp_path / "missing.gguf"))
    assert "not found" in dialog.message.text()
