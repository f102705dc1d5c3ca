"""The engine on the real starter model (llama.cpp, no mocks)."""
import threading

import pytest

from app.core.engine import Engine, SamplingParams, plan_n_ctx
from app.core.errors import ContextOverflow, ModelFileError
from app.core.gguf_info import read_gguf_info

GREEDY = SamplingParams(max_tokens=24, temperature=0.0, seed=1)


def test_chat_reply_and_stats(engine):
    text = "".join(engine.stream_chat([{"role": "user", "content": "What is 2+2?"}], GREEDY))
    s = engine.last_stats
    assert text.strip()
    assert "<|im_end|>" not in text and "<|im_start|>" not in text
    assert s.prompt_tokens > 5 and s.completion_tokens > 0
    assert s.ttft_s > 0 and s.prompt_tokens_per_s > 0
    assert s.n_ctx == engine.model.n_ctx and s.n_threads >= 1
    assert s.finish_reason in ("stop", "length")
    if s.completion_tokens > 1:
        assert s.decode_tokens_per_s > 0


def test_threads_are_chosen_not_library_default(engine):
    import psutil

    physical = psutil.cpu_count(logical=False) or 1
    assert 1 <= engine.model.n_threads <= physical
    assert engine.model.thread_reason


def test_same_seed_same_reply(engine):
    p = SamplingParams(max_tokens=16, temperature=0.9, seed=42)
    msgs = [{"role": "user", "content": "Name a colour."}]
    a = "".join(engine.stream_chat(msgs, p))
    b = "".join(engine.stream_chat(msgs, p))
    assert a == b


def test_cancel_stops_quickly_and_model_stays_usable(engine):
    """Cancel takes effect at the next token: counted in pieces, not timed."""
    msgs = [{"role": "user", "content": "Write a very long story about a dragon and a knight."}]
    gen = engine.stream_chat(msgs, SamplingParams(max_tokens=400, temperature=0.8, seed=3))
    got = []
    after_cancel = None
    for piece in gen:
        got.append(piece)
        if after_cancel is not None:
            after_cancel += 1
        elif len(got) == 5:
            t = threading.Thread(target=gen.cancel)  # from another thread, as the window does
            t.start()
            t.join()  # the flag is set before the next token is decoded
            after_cancel = 0
    assert engine.last_stats.finish_reason == "cancelled"
    # At most the piece of the token decoded meanwhile and the held-back tail.
    assert after_cancel is not None and after_cancel <= 2, after_cancel
    assert engine.last_stats.completion_tokens < 60
    after = "".join(engine.stream_chat([{"role": "user", "content": "Say hello."}], GREEDY))
    assert after.strip() and engine.last_stats.finish_reason in ("stop", "length")


def test_prefix_reuse_turn_five_evaluates_only_new_tokens(engine):
    msgs = [{"role": "system", "content": "You are terse."}]
    evaluated = []
    for i in range(5):
        msgs.append({"role": "user", "content": f"Give me fact number {i + 1} about the sea."})
        reply = "".join(engine.stream_chat(msgs, SamplingParams(max_tokens=30, temperature=0, seed=i)))
        msgs.append({"role": "assistant", "content": reply})
        evaluated.append((engine.last_stats.prompt_tokens, engine.last_stats.prompt_tokens_evaluated))
    total5, new5 = evaluated[-1]
    assert total5 > 100
    # Only the new user turn (plus the end of the previous reply's markers) is evaluated.
    assert new5 < 40, evaluated
    assert new5 < total5 / 3


def test_long_prompt_progress_and_cancel(engine):
    words = " ".join(f"word{i}" for i in range(700))
    msgs = [{"role": "user", "content": f"Summarize: {words}"}]
    seen = []
    cancel = threading.Event()

    def progress(p):
        seen.append(p)
        if len(seen) == 2:
            cancel.set()  # the reply's own token, as the window's Stop sets it

    out = "".join(engine.stream_chat(msgs, GREEDY, on_prompt_progress=progress, cancel=cancel))
    assert out == ""
    assert engine.last_stats.finish_reason == "cancelled"
    assert seen[0].total > 1500 and 0 < seen[0].fraction < 1 and seen[0].rate > 0
    ok = "".join(engine.stream_chat([{"role": "user", "content": "Hi"}], GREEDY))
    assert ok.strip()


def test_prompt_too_long_is_refused(engine):
    big = "lorem ipsum " * (engine.model.n_ctx)
    with pytest.raises(ContextOverflow, match="context"):
        list(engine.stream_chat([{"role": "user", "content": big}], GREEDY))


def test_n_ctx_plan_bounded_by_ram(starter_model):
    info = read_gguf_info(starter_model)
    assert plan_n_ctx(info, None, available_ram=16 * 2**30) == 8192
    assert plan_n_ctx(info, 3000, available_ram=16 * 2**30) == 8192
    with pytest.raises(ContextOverflow):
        plan_n_ctx(info, 9000, available_ram=16 * 2**30)  # beyond the native 8192
    # Barely enough RAM for weights + a little KV: a smaller context, not a crash.
    tight = info.file_size + 256 * 2**20 + 2**30 + 2000 * info.kv_bytes_per_token()
    n = plan_n_ctx(info, None, available_ram=tight)
    assert 1024 <= n <= 2000
    with pytest.raises(ContextOverflow, match="RAM"):
        plan_n_ctx(info, 4000, available_ram=tight)


def test_no_template_model_chats_in_family_format(no_template_model):
    e = Engine()
    try:
        m = e.load(no_template_model)
        assert m.chat_family == "chatml" and "no chat template" in m.chat_notice
        text = "".join(e.stream_chat([{"role": "user", "content": "Hello"}], GREEDY))
        assert text.strip() and "[INST]" not in text
    finally:
        e.unload()


def test_base_model_completes_plain_text(base_model):
    e = Engine()
    try:
        m = e.load(base_model)
        assert m.chat_family == "base" and "base model" in m.chat_notice
        text = "".join(e.stream_chat([{"role": "user", "content": "The sky is"}], GREEDY))
        assert "User:" not in text
        assert e.last_stats.completion_tokens > 0
    finally:
        e.unload()


@pytest.mark.parametrize("content", [b"", b"GGUF\x03\x00\x00\x00" + b"\x00" * 64, b"%PDF-1.4 x"])
def test_bad_files_raise_model_file_error(tmp_path, content):
    p = tmp_path / "bad.gguf"
    p.write_bytes(content)
    e = Engine()
    with pytest.raises(ModelFileError, match="bad.gguf"):
        e.load(p)
    assert not e.loaded
