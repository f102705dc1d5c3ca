"""app.ui.background: work runs off the GUI thread; its result, its error (one line) and its
progress come back on the GUI thread; cancel reaches the work; no thread outlives wait_all."""
from __future__ import annotations

import threading

from app.core.errors import BadInput
from app.ui.background import cancelled, report_progress, run_in_background, wait_all


def test_result_comes_back_on_the_gui_thread(qtbot):
    gui = threading.get_ident()
    seen: list[tuple[str, object, int]] = []

    def work() -> int:
        seen.append(("ran", None, threading.get_ident()))
        return 42

    op = run_in_background(work, on_done=lambda r: seen.append(("done", r, threading.get_ident())))
    qtbot.waitUntil(lambda: any(s[0] == "done" for s in seen), timeout=10000)
    wait_all([op])
    ran, done = seen
    assert ran[2] != gui
    assert done == ("done", 42, gui)


def test_errors_come_back_as_one_line(qtbot):
    failed: list[str] = []

    def bad_input() -> None:
        raise BadInput("that file is not a model")

    def bug() -> None:
        raise ValueError("a\nmulti-line\ntraceback-ish text")

    ops = [run_in_background(f, on_done=lambda r: failed.append("done?"),
                             on_failed=failed.append) for f in (bad_input, bug)]
    qtbot.waitUntil(lambda: len(failed) == 2, timeout=10000)
    wait_all(ops)
    assert sorted(failed) == ["that file is not a model", "unexpected error: ValueError"]


def test_progress_in_order_and_cancel_stops_the_work(qtbot):
    gui = threading.get_ident()
    progress: list[tuple[int, int]] = []
    result: list[int] = []
    go_on = threading.Event()

    def work() -> int:
        n = 0
        while not cancelled():
            n += 1
            report_progress(n)
            if n == 3:
                go_on.wait(10)  # the test cancels while the work waits here
        return n

    op = run_in_background(work, on_done=result.append,
                           on_progress=lambda v: progress.append((v, threading.get_ident())))
    qtbot.waitUntil(lambda: len(progress) == 3, timeout=10000)
    op.cancel()
    go_on.set()
    qtbot.waitUntil(lambda: result != [], timeout=10000)
    wait_all([op])
    assert result == [3]  # stopped at the first check after cancel
    assert [v for v, _ in progress] == [1, 2, 3]
    assert {t for _, t in progress} == {gui}


def test_an_op_nobody_keeps_is_freed_after_it_finished(qtbot):
    """An op nobody holds still runs to its end and delivers, and is then freed (from the event
    loop, not inside its own queued call)."""
    import weakref

    done: list[int] = []
    refs = [weakref.ref(run_in_background(lambda i=i: i, on_done=done.append)) for i in range(5)]
    qtbot.waitUntil(lambda: all(r() is None for r in refs), timeout=10000)
    assert sorted(done) == [0, 1, 2, 3, 4]
