"""The thread governor's decisions reach the real llama.cpp context (read back with
llama_n_threads), during decoding and between the slices of a long prompt; a caller's
explicit thread count is left alone.

Whether real busy programs trigger it is a matter of timing, so that is measured by the
`contention` benchmark (tests/benchmarks/run.py), not asserted here. Here a governor that
treats every step as slow (slow_factor 0) makes the decision certain.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import llama_cpp

from app.core.engine import Engine, LoadOptions, SamplingParams
from app.core.machine import ThreadChoice
from app.core.thread_governor import ThreadGovernor

PROMPT = [{"role": "user", "content": "Count from 1 to 300, separated by commas."}]


def _threads_in_llama_cpp(e: Engine) -> tuple[int, int]:
    ctx = e.llm._ctx.ctx
    return llama_cpp.llama_n_threads(ctx), llama_cpp.llama_n_threads_batch(ctx)


@contextmanager
def loaded(model, threads: int, n_ctx: int = 2048) -> Iterator[Engine]:
    """The starter on `threads` threads as if chosen by the machine (so governed), max 2."""
    e = Engine()
    e.load(model, LoadOptions(n_ctx=n_ctx), threads=ThreadChoice(threads, threads, "test", 2))
    try:
        yield e
    finally:
        e.unload()


def test_a_decision_during_decoding_changes_llama_cpp_threads(starter_model):
    with loaded(starter_model, 2) as e:
        assert e._governor is not None and _threads_in_llama_cpp(e) == (2, 2)
        e._governor = ThreadGovernor(2, slow_factor=0.0, probe_after=10_000)
        text = "".join(e.stream_chat(PROMPT, SamplingParams(max_tokens=40, temperature=0.0)))
        stats = e.last_stats
        assert stats.n_threads == 2 and stats.n_threads_final == 1
        assert _threads_in_llama_cpp(e) == (1, 2) and e.threads == (1, 2)
        assert len(text) >= 20  # and the reply goes on
        # The next reply starts with the count the last one ended with.
        "".join(e.stream_chat(PROMPT, SamplingParams(max_tokens=4, temperature=0.0)))
        assert e.last_stats.n_threads == 1


def test_the_thread_comes_back_in_llama_cpp_after_a_successful_trial(starter_model):
    with loaded(starter_model, 1) as e:
        # Started on 1 thread (a core was busy at load time); the machine is idle now.
        e._governor = ThreadGovernor(2, current=1, probe_after=8, gain_needed=10.0)
        "".join(e.stream_chat(PROMPT, SamplingParams(max_tokens=40, temperature=0.0)))
        assert e._governor.changes == [2]
        assert _threads_in_llama_cpp(e)[0] == 2 and e.last_stats.n_threads_final == 2


def test_a_long_prompt_drops_a_batch_thread_between_slices(starter_model):
    with loaded(starter_model, 2, n_ctx=4096) as e:
        e._governor = ThreadGovernor(2, slow_factor=0.0)
        tokens = e.llm.tokenize(("All work and no play makes Jack a dull boy. " * 200).encode())
        assert len(tokens) > 3 * 512
        e.prefill(tokens[:1100])  # slices of 512, 512 and 75 tokens
        assert _threads_in_llama_cpp(e)[1] == 1


def test_an_explicit_thread_count_is_never_changed(starter_model):
    e = Engine()
    e.load(starter_model, LoadOptions(n_ctx=1024, n_threads=2))
    try:
        assert e._governor is None
        "".join(e.stream_chat(PROMPT, SamplingParams(max_tokens=8, temperature=0.0)))
        assert e.last_stats.n_threads == e.last_stats.n_threads_final == 2
        assert _threads_in_llama_cpp(e) == (2, 2)
    finally:
        e.unload()
