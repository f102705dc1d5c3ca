"""GUI responsiveness benchmark (not a pass/fail test).

1. Event-loop stalls while 1,000 tokens stream into a conversation that already holds ~20,000
   tokens of Markdown (headings, lists, tables, code blocks). A 5 ms PreciseTimer on the GUI
   thread records how late each tick is; p50/p99/max of the lateness are the stall figures.
   Tokens come from a thread through the window's real path (worker `text` signal, coalesced
   every COALESCE_S like the inference worker does, into MainWindow -> ChatView), at a steady
   100 tokens/s, faster than the starter model decodes here, with no model loaded so that the
   figures measure the GUI, not llama.cpp competing for the 2 cores.
2. Launch time: `python main.py --data-dir TMP` until the window is shown (offscreen), no model
   loaded yet (the model loads on the worker thread after the window is up).

Run: python tests/benchmarks/bench_gui.py [--quick]
"""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PROBE_MS = 5
TOKENS = 1000
TOKENS_PER_S = 100.0

SECTION = """## Part {i}: notes on topic {i}

Here is an explanation with **bold**, *italic* and `inline code`, followed by a list:

- first point about item {i}, with enough words to wrap across the line in the window
- second point, which links to [the docs](https://example.org/{i})
- third point

| Name | Value | Comment |
| --- | --- | --- |
| alpha{i} | {i} | a short cell |
| beta{i} | {j} | another cell |

```python
def compute_{i}(values: list[int]) -> int:
    \"\"\"Sum the squares of the values (section {i}).\"\"\"
    total = 0
    for v in values:
        total += v * v
    return total + {i}
```

1. numbered step one
2. numbered step two, and a final sentence closing the section.
"""


def _count_tokens(texts: list[str]) -> tuple[int, str]:
    try:
        import llama_cpp

        from app.core.starter import find_starter_model

        p = find_starter_model()
        if p is None:
            raise RuntimeError
        llm = llama_cpp.Llama(model_path=str(p), vocab_only=True, verbose=False)
        n = sum(len(llm.tokenize(t.encode(), add_bos=False)) for t in texts)
        llm.close()
        return n, "starter tokenizer"
    except Exception:
        return sum(len(t) for t in texts) // 4, "estimate (4 chars/token)"


def build_conversation(store, target_tokens: int = 20000) -> tuple[int, int, str]:
    conv = store.create_conversation(title="Benchmark: long Markdown conversation")
    texts: list[str] = []
    i = 0
    while sum(len(t) for t in texts) < target_tokens * 3.6:
        q = f"Question {i}: please explain topic {i} with a table and some code."
        a = "\n".join(SECTION.format(i=i * 3 + k, j=(i * 7 + k) % 97) for k in range(3))
        store.add_message(conv, "user", q)
        store.add_message(conv, "assistant", a, model="bench")
        texts += [q, a]
        i += 1
    n, how = _count_tokens(texts)
    return conv, n, how


def _stream_text(n_tokens: int) -> list[str]:
    body = SECTION.format(i=9999, j=1) * 8
    pieces: list[str] = []
    pos = 0
    while len(pieces) < n_tokens:
        step = 4 if body[pos:pos + 1] != "\n" else 1
        pieces.append(body[pos:pos + step])
        pos = (pos + step) % len(body)
    return pieces


def stall_probe(quick: bool) -> dict:
    from PySide6.QtCore import QElapsedTimer, QEventLoop, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from app.ui.app import create_window, setup_application
    from app.ui.chat_view import MessageData
    from app.ui.worker import COALESCE_S

    app = QApplication.instance() or QApplication([])
    setup_application(app)
    tmp = tempfile.mkdtemp(prefix="wren-bench-gui-")
    from app.core.store import Store

    store = Store(Path(tmp) / "wren.db")
    conv, n_conv_tokens, how = build_conversation(store, 5000 if quick else 20000)
    store.close()
    win = create_window(tmp, autoload=False)
    win.resize(1100, 760)
    win.show()
    t = QElapsedTimer()
    t.start()
    win.open_conversation(conv)
    open_ms = t.elapsed()
    loop = QEventLoop()
    QTimer.singleShot(300, loop.quit)
    loop.exec()

    n_tokens = 300 if quick else TOKENS
    pieces = _stream_text(n_tokens)
    seq = 10_000
    win.host.active_seq = seq
    win.chat.view.begin_stream(MessageData(10_000_000, "assistant", "", "partial", "bench"))
    worker = win.host.worker
    done = threading.Event()

    def producer() -> None:
        # The same coalescing as InferenceWorker._chat: one signal per COALESCE_S at most.
        buf: list[str] = []
        last = time.monotonic()
        interval = 1.0 / TOKENS_PER_S
        nxt = time.monotonic()
        for p in pieces:
            nxt += interval
            delay = nxt - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            buf.append(p)
            now = time.monotonic()
            if now - last >= COALESCE_S:
                worker.text.emit(seq, "".join(buf))
                buf.clear()
                last = now
        if buf:
            worker.text.emit(seq, "".join(buf))
        done.set()

    lateness: list[float] = []
    clock = QElapsedTimer()
    probe = QTimer()
    probe.setTimerType(Qt.TimerType.PreciseTimer)
    probe.setInterval(PROBE_MS)
    last_tick = [0]

    worst: list[tuple[float, float]] = []

    def tick() -> None:
        now = clock.nsecsElapsed()
        if last_tick[0]:
            late = max(0.0, (now - last_tick[0]) / 1e6 - PROBE_MS)
            lateness.append(late)
            if late > 16:
                worst.append((round(now / 1e9, 3), round(late, 1)))
        last_tick[0] = now

    probe.timeout.connect(tick)
    clock.start()
    probe.start()
    th = threading.Thread(target=producer, name="bench-producer")
    t0 = time.perf_counter()
    th.start()
    def run_loop_until(cond, extra_ms: int = 0) -> None:
        loop = QEventLoop()
        poll = QTimer()
        poll.setInterval(50)
        poll.timeout.connect(lambda: cond() and QTimer.singleShot(extra_ms, loop.quit))
        poll.start()
        loop.exec()
        poll.stop()

    run_loop_until(done.is_set, 200)  # then let the last chunk arrive and render
    th.join()
    final_text = "".join(pieces)
    win.chat.view.end_stream(final_text, "complete")  # the final full render is measured too
    run_loop_until(lambda: True, 200)
    stream_s = time.perf_counter() - t0
    probe.stop()
    win.host.active_seq = 0
    shown_ok = win.chat.view.widgets[-1].data.text == final_text
    win.close()
    win.store.close()
    win.deleteLater()
    app.processEvents()
    s = sorted(lateness)

    def pct(p: float) -> float:
        return round(s[min(len(s) - 1, int(p / 100 * len(s)))], 2) if s else 0.0

    return {
        "conversation_tokens": n_conv_tokens,
        "token_count_method": how,
        "conversation_messages": len(win.chat.view.widgets),
        "open_conversation_ms": open_ms,
        "streamed_tokens": n_tokens,
        "stream_rate_tokens_per_s": TOKENS_PER_S,
        "stream_seconds": round(stream_s, 2),
        "probe_interval_ms": PROBE_MS,
        "probe_ticks": len(s),
        "stall_p50_ms": pct(50),
        "stall_p99_ms": pct(99),
        "stall_max_ms": round(s[-1], 2) if s else 0.0,
        "stall_mean_ms": round(statistics.fmean(s), 2) if s else 0.0,
        "final_text_shown": shown_ok,
        "stalls_over_16ms_at_s": worst[:20],
    }


def launch_time(runs: int, returning: bool = False) -> dict:
    """Launch to the first painted frame: a new user (empty data dir), or a returning one whose
    last conversation is the 20,000-token Markdown one (rendered before the first frame)."""
    times = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="wren-bench-launch-") as d:
            if returning:
                from app.core.store import Store
                from app.ui.main_window import LAST_CONVERSATION_SETTING

                store = Store(Path(d) / "wren.db")
                conv, _n, _how = build_conversation(store)
                store.set_setting(LAST_CONVERSATION_SETTING, conv)
                store.close()
            env = dict(os.environ, WREN_EXIT_AFTER_SHOWN="1", QT_QPA_PLATFORM="offscreen")
            t0 = time.monotonic()
            out = subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir", d],
                                 capture_output=True, text=True, env=env, timeout=120, cwd=str(ROOT))
            line = next((x for x in out.stdout.splitlines() if x.startswith("WREN_SHOWN ")), None)
            if line is None:
                raise RuntimeError(f"the window did not report being shown: {out.stderr[-500:]}")
            times.append(float(line.split()[1]) - t0)
    key = "launch_returning_s" if returning else "launch_to_shown_s"
    return {f"{key}_median": round(statistics.median(times), 3),
            f"{key}_all": [round(x, 3) for x in times]}


def run(quick: bool) -> dict:
    result = stall_probe(quick)
    result.update(launch_time(1 if quick else 5))
    result.update(launch_time(1 if quick else 5, returning=True))
    result["targets"] = {"stall_p99_ms": 16, "stall_max_ms": 50, "launch_to_shown_s": 1.0}
    return result


if __name__ == "__main__":
    import json

    print(json.dumps(run("--quick" in sys.argv), indent=2))
