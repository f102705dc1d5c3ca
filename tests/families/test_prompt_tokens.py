"""The prompt a model sees is the right one, for every family in tests/families.

- A GGUF without a chat template whose names do not mark it as tuned for chat is a base model:
  Wren gives it the text as typed (completion mode), never its family's chat markers, and says so.
- The token ids Wren feeds equal what llama.cpp's own chat code gives for the rendered prompt:
  a leading BOS written by the template is not doubled, and the tokenizer adds one only where
  the file's `tokenizer.ggml.add_bos_token` says so.
- With greedy sampling, Wren's first 16 tokens equal raw llama-cpp-python's
  (`Llama.create_completion(prompt, temperature=0)`) on the same file, same n_ctx and threads.
"""
from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from app.core.engine import Engine, SamplingParams
from app.core.gguf_info import read_gguf_info
from app.core.templates import FAMILY_STOPS, family_for_model, is_chat_tuned, resolve_chat_format
from tests.conftest import run_cli
from tests.families.tiny_models import FAMILIES, write_tiny

KEYS = list(FAMILIES)
N_CTX = 512
N_FIRST = 16
QUESTION = [{"role": "user", "content": "What is the capital of France?"}]
TWO_TURNS = [
    {"role": "system", "content": "Be brief."},
    {"role": "user", "content": "Hi"},
    {"role": "assistant", "content": "Hello!"},
    {"role": "user", "content": "Bye"},
]
# A request the starter model answers at length (to Bye it says three tokens and stops).
LONG_ASK = [
    {"role": "system", "content": "You are a helpful assistant."},
    {"role": "user", "content": "Hi"},
    {"role": "assistant", "content": "Hello! How can I help?"},
    {"role": "user", "content": "Describe the sea in three sentences."},
]

# Base siblings of the catalog's chat models, with the names their GGUF headers carry
# (general.name, general.basename, general.finetune) and a file name as published.
BASE_SIBLINGS: dict[str, tuple[str, str, str, str]] = {
    "gemma2": ("Gemma 2 2b", "gemma-2", "", "gemma-2-2b.Q4_K_M.gguf"),
    "llama31": ("Meta Llama 3.1 8B", "Meta-Llama-3.1", "", "Meta-Llama-3.1-8B.Q4_K_M.gguf"),
    "qwen2": ("Qwen2 1.5B", "Qwen2", "", "qwen2-1_5b-q4_k_m.gguf"),
    "tinyllama": ("TinyLlama 1.1B intermediate step 1431k 3T", "TinyLlama",
                  "intermediate-step-1431k-3T", "tinyllama-1.1b-intermediate-step-1431k-3t.Q4_K_M.gguf"),
    "stablelm": ("Stablelm 3b 4e1t", "stablelm", "4e1t", "stablelm-3b-4e1t.Q4_K_M.gguf"),
    "mobilellama": ("MobileLLaMA 1.4B Base", "MobileLLaMA", "Base", "MobileLLaMA-1.4B-Base.Q4_K_M.gguf"),
}

# Each family's chat markers: none may reach a base model's prompt.
MARKERS = {
    "gemma2": ["<start_of_turn>", "<end_of_turn>", "<bos>"],
    "llama31": ["<|start_header_id|>", "<|eot_id|>", "<|begin_of_text|>"],
    "qwen2": ["<|im_start|>", "<|im_end|>"],
    "tinyllama": ["<|user|>", "<|assistant|>", "</s>"],
    "stablelm": ["<|user|>", "<|assistant|>", "<|endoftext|>"],
    "mobilellama": ["USER:", "ASSISTANT:"],
}


# ------------------------------------------------------------------- which files are base models
def _renamed(path: Path, arch: str | None = None, *, name: str, basename: str = "",
             finetune: str = "", filename: str) -> Any:
    info = read_gguf_info(path)
    return dataclasses.replace(info, name=name, basename=basename, finetune=finetune,
                               path=str(path.with_name(filename)), chat_template=None,
                               has_chat_template=False, architecture=arch or info.architecture)


@pytest.mark.parametrize("key", KEYS)
def test_chat_names_without_template_get_their_family_format(key, real_header):
    """The catalog's chat models, as their headers name them: still their family's format."""
    fam = FAMILIES[key]
    info = _renamed(real_header(key), name=fam.name, basename=fam.basename,
                    finetune=fam.finetune, filename=f"{key}.Q4_K_M.gguf")
    expected = {"gemma2": "gemma", "llama31": "llama3", "tinyllama": "zephyr",
                "mobilellama": "vicuna", "qwen2": "chatml", "phi35": "phi3",
                "stablelm": "zephyr", "pythia": "base"}[key]
    assert family_for_model(info) == expected


@pytest.mark.parametrize("key", list(BASE_SIBLINGS))
def test_base_siblings_without_template_are_base_models(key, real_header):
    name, basename, finetune, filename = BASE_SIBLINGS[key]
    info = _renamed(real_header(key), name=name, basename=basename, finetune=finetune,
                    filename=filename)
    assert not is_chat_tuned(info)
    fmt = resolve_chat_format(info)
    assert fmt.is_base and fmt.source == "base" and "base model" in fmt.notice
    assert fmt.render(QUESTION) == "What is the capital of France?"


@pytest.mark.parametrize("arch,name,basename,finetune,filename,expected", [
    # Older conversions carry only general.name (no basename/finetune fields).
    ("llama", "tinyllama_tinyllama-1.1b-chat-v1.0", "", "", "tinyllama-1.1b-chat-v1.0.Q4_K_M.gguf",
     "zephyr"),
    ("stablelm", "stabilityai_stablelm-zephyr-3b", "", "", "stablelm-zephyr-3b.Q4_K_M.gguf",
     "zephyr"),
    ("llama", "SmolLM2 135M", "SmolLM2", "", "SmolLM2-135M.Q8_0.gguf", "base"),
    ("llama", "SmolLM2 135M Instruct", "SmolLM2", "Instruct", "SmolLM2-135M-Instruct.Q8_0.gguf",
     "chatml"),
    ("qwen2", "Qwen2.5 0.5B", "Qwen2.5", "", "qwen2.5-0.5b-base-q8_0.gguf", "base"),
    ("gemma2", "gemma-2-2b-it", "", "", "gemma-2-2b-it-Q4_K_M.gguf", "gemma"),
    ("llama", "Llama 2 7b Chat Hf", "Llama-2", "chat-hf", "llama-2-7b-chat.Q4_K_M.gguf", "llama2"),
    ("llama", "Llama 2 7b Hf", "Llama-2", "hf", "llama-2-7b.Q4_K_M.gguf", "base"),
    # Tuned for chat, format unknown to Wren: a plain transcript rather than a guess.
    ("falcon", "Falcon 7B Instruct", "falcon", "instruct", "falcon-7b-instruct.Q4_K_M.gguf",
     "transcript"),
    ("gptneox", "Pythia 1.4b Deduped", "pythia", "deduped", "pythia-1.4b-deduped.Q4_K_M.gguf",
     "base"),
])
def test_names_as_real_headers_hold_them(real_header, arch, name, basename, finetune, filename,
                                         expected):
    info = _renamed(real_header("llama31"), arch, name=name, basename=basename,
                    finetune=finetune, filename=filename)
    assert family_for_model(info) == expected


def test_directory_names_do_not_count(real_header):
    """Only the file's own name is read: a folder called "chat-models" marks nothing."""
    info = _renamed(real_header("gemma2"), name="Gemma 2 2b", basename="gemma-2",
                    filename="gemma-2-2b.gguf")
    info = dataclasses.replace(info, path=f"/home/u/chat-models/instruct/{Path(info.path).name}")
    assert family_for_model(info) == "base"


# ------------------------------------------------------------------- raw llama-cpp-python
@pytest.fixture
def raw() -> Iterator[Callable[[Path], Any]]:
    """raw(path) -> llama_cpp.Llama on the file with the settings Wren gets from `_load`
    (n_ctx 512, 1 thread, n_batch 512, all on the CPU as Wren's gpu="off"); closed after."""
    import llama_cpp

    made: list[Any] = []

    def open_raw(path: Path) -> Any:
        llm = llama_cpp.Llama(str(path), n_ctx=N_CTX, n_batch=512, n_ubatch=512, n_threads=1,
                              n_threads_batch=1, n_gpu_layers=0, offload_kqv=False,
                              op_offload=False, seed=1, verbose=False)
        made.append(llm)
        return llm

    yield open_raw
    for llm in made:
        llm.close()


def _load(loaded: Callable[..., Engine], path: Path) -> Engine:
    """Wren on the CPU, like the raw instance: the same device gives the same numbers."""
    return loaded(path, n_ctx=N_CTX, gpu="off")


def _llama_cpp_chat_tokens(llm: Any, text: str, bos_text: str) -> list[int]:
    """Tokens as llama.cpp's own chat code makes them (common/chat.cpp): a leading BOS the
    template wrote is removed when the model adds one itself, then the text is tokenized with
    add_special and parse_special on."""
    if llm._model.add_bos_token() and bos_text and text.startswith(bos_text):
        text = text[len(bos_text):]
    return llm.tokenize(text.encode("utf-8"), add_bos=True, special=True)


def _raw_greedy(llm: Any, prompt: str) -> tuple[list[int], list[int], str]:
    """(prompt tokens, generated tokens, text) of a raw greedy completion."""
    out = llm.create_completion(prompt, max_tokens=N_FIRST + 1, temperature=0.0,
                                repeat_penalty=1.0, seed=1)
    n_prompt = out["usage"]["prompt_tokens"]
    ids = [int(t) for t in llm.input_ids[: llm.n_tokens]]
    return ids[:n_prompt], ids[n_prompt:], out["choices"][0]["text"]


def _wren_greedy(e: Engine, messages: list[dict[str, str]]) -> tuple[list[int], list[int], str]:
    """(prompt tokens, generated tokens, text) of Wren's greedy reply through stream_chat."""
    tokens = e.tokenize_prompt(e.render(messages))
    text = "".join(e.stream_chat(messages, SamplingParams(max_tokens=N_FIRST + 1,
                                                          temperature=0.0, seed=1)))
    assert e.llm is not None
    ids = [int(t) for t in e.llm.input_ids[: e.llm.n_tokens]]
    return ids[: len(tokens)], ids[len(tokens):], text


def _assert_same_first_tokens(wren: list[int], raw_ids: list[int], finish: str) -> None:
    """Wren's first tokens equal raw's. Wren may end earlier only on one of the family's stop
    texts (raw was given none), and then on a prefix of raw's tokens."""
    assert raw_ids, "raw llama-cpp-python generated nothing to compare with"
    k = min(N_FIRST, len(raw_ids))
    if len(wren) >= k:
        assert wren[:k] == raw_ids[:k]
    else:
        assert finish == "stop" and wren == raw_ids[: len(wren)]


# ------------------------------------------------------------------- the bug, reproduced
@pytest.fixture(scope="module")
def variant(family_dir: Path, family_tokenizer) -> Callable[..., Path]:
    """variant(key, filename, **changes) -> a runnable tiny file of the family with the header
    changed (template=None: no template in the file)."""
    cache: dict[str, Path] = {}

    def get(key: str, filename: str, **changes: Any) -> Path:
        if filename not in cache:
            (family_dir / "variants").mkdir(exist_ok=True)
            fam = dataclasses.replace(FAMILIES[key], **changes)
            cache[filename] = write_tiny(fam, family_dir / "variants" / filename, family_tokenizer)
        return cache[filename]

    return get


@pytest.fixture(scope="module")
def base_sibling(variant: Callable[..., Path]) -> Callable[[str], Path]:
    """base_sibling(key) -> the family's tiny file with no template and a base sibling's names."""

    def get(key: str) -> Path:
        name, basename, finetune, filename = BASE_SIBLINGS[key]
        return variant(key, filename, template=None, name=name, basename=basename,
                       finetune=finetune)

    return get


@pytest.mark.parametrize("key", list(BASE_SIBLINGS))
def test_base_model_gets_plain_text_and_the_same_tokens_as_raw_completion(
        key, base_sibling, loaded, raw):
    """A base model of a family with chat siblings, no template: Wren once wrapped the question
    in the family's markers; now the prompt is the question and Wren's greedy reply begins
    with exactly the tokens of raw llama-cpp-python's plain completion of it."""
    path = base_sibling(key)
    e = _load(loaded, path)
    assert e.format is not None and e.model is not None
    assert e.format.is_base and e.model.chat_family == "base"
    assert "base model" in e.model.chat_notice
    prompt = e.render(QUESTION)
    assert prompt == QUESTION[0]["content"]
    assert not any(m in prompt for m in MARKERS[key])
    assert e.format.stops == FAMILY_STOPS["base"] == []

    wren_prompt, wren_gen, _ = _wren_greedy(e, QUESTION)
    raw_prompt, raw_gen, _ = _raw_greedy(raw(path), QUESTION[0]["content"])
    assert wren_prompt == raw_prompt
    assert e.last_stats is not None
    _assert_same_first_tokens(wren_gen, raw_gen, e.last_stats.finish_reason)


def test_real_weights_without_template_complete_like_raw(base_model, loaded, raw):
    """The starter model's real weights in a file with no template and a plain name: Wren's
    greedy reply is raw llama-cpp-python's plain completion of the same text, token for token."""
    opening = [{"role": "user", "content": "The capital of France is"}]
    e = _load(loaded, base_model)
    assert e.format is not None and e.format.is_base
    assert e.render(opening) == "The capital of France is"
    wren_prompt, wren_gen, wren_text = _wren_greedy(e, opening)
    raw_prompt, raw_gen, raw_text = _raw_greedy(raw(base_model), "The capital of France is")
    assert wren_prompt == raw_prompt
    assert e.last_stats is not None
    assert len(raw_gen) >= N_FIRST
    _assert_same_first_tokens(wren_gen, raw_gen, e.last_stats.finish_reason)
    assert wren_text == raw_text and "Paris" in wren_text


# ------------------------------------------------------------------- BOS, family by family
# Chat models whose file lacks a template: Wren's family format writes the BOS itself.
NO_TEMPLATE_CHAT = ["gemma2-it-no-template", "llama31-instruct-no-template"]
BOS_CASES = [*KEYS, "starter", *NO_TEMPLATE_CHAT, "gemma2-base-sibling", "llama31-base-sibling"]


def _case(key: str, tiny_model: Callable[..., Path], starter_model: Path,
          variant: Callable[..., Path], base_sibling: Callable[[str], Path]) -> Path:
    if key == "starter":
        return starter_model
    if key.endswith("-no-template"):
        fam = key.split("-", 1)[0]
        return variant(fam, f"{key}.gguf", template=None)
    if key.endswith("-base-sibling"):
        return base_sibling(key.split("-", 1)[0])
    return tiny_model(key)


@pytest.mark.parametrize("key", BOS_CASES)
def test_bos_as_llama_cpp_puts_it(key, tiny_model, starter_model, variant, base_sibling, loaded,
                                  raw):
    """The token ids Wren feeds for the rendered two-turn prompt equal llama.cpp's own: the
    template's BOS is not doubled, and the tokenizer adds one only where the file says so."""
    path = _case(key, tiny_model, starter_model, variant, base_sibling)
    e = _load(loaded, path)
    assert e.format is not None
    text = e.render(TWO_TURNS)
    wren = e.tokenize_prompt(text)
    # The reference is a separate raw llama-cpp-python instance (not a vocab-only one: on a
    # CUDA build its context broke a later GPU load in the same process, see app/core/vocab.py).
    ref = raw(path)
    bos_id = ref.token_bos()
    bos_text = ref.detokenize([bos_id], special=True).decode("utf-8")
    add_bos = bool(ref._model.add_bos_token())
    assert wren == _llama_cpp_chat_tokens(ref, text, bos_text)
    if key != "starter":  # the stand-in's header says what the real model's does
        assert add_bos == FAMILIES[key.split("-", 1)[0]].add_bos
    if key in NO_TEMPLATE_CHAT:
        assert e.format.source == "family" and text.startswith(bos_text)
    assert e.format.bos_token == bos_text
    template_bos = bool(bos_text) and text.startswith(bos_text)
    assert (wren[0] == bos_id) == (add_bos or template_bos)
    assert wren[:2] != [bos_id, bos_id]  # never a double BOS


@pytest.mark.parametrize("key", ["gemma2", "llama31"])
def test_naive_completion_of_a_template_with_bos_would_double_it(key, tiny_model, raw):
    """Why Wren does not pass a rendered chat prompt to create_completion as text: for a
    template that writes BOS in a model that adds one, llama-cpp-python feeds two."""
    path = tiny_model(key)
    llm = raw(path)
    fmt = resolve_chat_format(read_gguf_info(path))
    with pytest.warns(RuntimeWarning, match="duplicate leading"):
        tokens, _, _ = _raw_greedy(llm, fmt.render(QUESTION))
    assert tokens[:2] == [llm.token_bos(), llm.token_bos()]


# ------------------------------------------------------------------- greedy: Wren == raw
@pytest.mark.parametrize("key", [*KEYS, "starter", *NO_TEMPLATE_CHAT])
def test_first_greedy_tokens_equal_raw_llama_cpp(key, tiny_model, starter_model, variant,
                                                  base_sibling, loaded, raw):
    """For the prompt Wren renders, its first 16 greedy tokens equal raw llama-cpp-python's
    create_completion on the same file. Raw is given the text as llama.cpp's chat code passes
    it (a leading BOS the model adds itself removed), so both read the same token ids."""
    path = _case(key, tiny_model, starter_model, variant, base_sibling)
    e = _load(loaded, path)
    assert e.format is not None
    text = e.render(LONG_ASK)
    llm = raw(path)
    bos = e.format.bos_token
    raw_text = text[len(bos):] if bos and text.startswith(bos) and llm._model.add_bos_token() \
        else text
    wren_prompt, wren_gen, _ = _wren_greedy(e, LONG_ASK)
    raw_prompt, raw_gen, _ = _raw_greedy(llm, raw_text)
    assert wren_prompt == raw_prompt
    assert e.last_stats is not None
    _assert_same_first_tokens(wren_gen, raw_gen, e.last_stats.finish_reason)


def test_cli_says_base_model_and_completes_like_raw(base_model, data_dir, raw):
    """Through `wren chat`: the notice names a base model and the stored reply is raw
    llama-cpp-python's greedy completion of the same text."""
    r = run_cli("chat", "The capital of France is", "--model", str(base_model), "--json",
                "--max-tokens", str(N_FIRST), "--temperature", "0", "--seed", "1",
                "--ctx", str(N_CTX), "--gpu", "off", data_dir=data_dir,
                env={"WREN_THREADS": "1"})
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert "base model" in out["notice"]
    expected = raw(base_model).create_completion("The capital of France is", max_tokens=N_FIRST,
                                                 temperature=0.0, repeat_penalty=1.0, seed=1)
    assert out["text"] == expected["choices"][0]["text"]
