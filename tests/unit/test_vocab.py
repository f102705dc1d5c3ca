"""The vocabulary-only tokenizer that counts a document's tokens before the model is loaded
gives exactly what llama.cpp's tokenizer gives through a loaded model, and makes no context."""
from __future__ import annotations

from pathlib import Path

import pytest

from app.core.vocab import Vocabulary

TEXTS = [
    "",
    "Hello, world!",
    "Ünïcödé — façade, naïve 東京 🙂\n\n  indented\tand tabbed",
    "<|im_start|>user\nspecial-looking text<|im_end|>",
    "word " * 5000,  # longer than the first buffer guess would need to be exact
]


@pytest.fixture(scope="module")
def loaded(starter_model: Path):
    import llama_cpp

    llm = llama_cpp.Llama(model_path=str(starter_model), n_ctx=256, verbose=False)
    yield llm
    llm.close()


@pytest.mark.parametrize("text", TEXTS, ids=range(len(TEXTS)))
def test_tokens_equal_a_loaded_models(starter_model: Path, loaded, text: str):
    with Vocabulary(str(starter_model)) as v:
        toks = v.tokens(text)
        assert toks == loaded.tokenize(text.encode(), add_bos=False, special=False)
        assert v.count(text) == len(toks)
        assert v.tokens(text, add_bos=True) == loaded.tokenize(text.encode(), add_bos=True,
                                                               special=False)
        assert v.detokenize(toks) == loaded.detokenize(toks).decode("utf-8", "replace")


def test_summarizer_counts_with_the_vocabulary_alone(starter_model: Path, tmp_path: Path):
    """Before the model is loaded the summarizer's tokenizer is the vocabulary (no llama.cpp
    context: that is what crashed a later GPU load), and counts what the engine counts."""
    from app.core.engine import Engine
    from app.core.summarize import _Tokenizer

    engine = Engine()
    tok = _Tokenizer(engine, str(starter_model))
    try:
        assert isinstance(tok._vocab, Vocabulary)
        text = "A document of a few words, counted before loading. " * 40
        n = tok.count(text)
        assert n == len(tok.tokens(text)) > 100
        assert tok.detokenize(tok.tokens(text)) == text
    finally:
        tok.close()
    assert tok._vocab is None


def test_a_file_that_is_not_a_model_is_a_clear_error(tmp_path: Path):
    bad = tmp_path / "bad.gguf"
    bad.write_bytes(b"GGUF" + b"\0" * 100)
    with pytest.raises(ValueError, match="could not read the vocabulary"):
        Vocabulary(str(bad))
