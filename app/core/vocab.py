"""A model's tokenizer without its weights: counts a document's tokens before the plan decides
how (and where) the model is loaded.

llama-cpp-python's `Llama(vocab_only=True)` also creates a llama.cpp context on the vocab-only
model; on a CUDA build that context sets up the GPU backend for a model with no tensors, and a
full load of the same model on the GPU in that process then crashed (SIGSEGV) while loading.
This loads only the vocabulary (`llama_model_load_from_file` with `vocab_only`) and tokenizes
through llama.cpp's vocab API: no context, no backend buffers, nothing on any device.
"""
from __future__ import annotations

import ctypes


class Vocabulary:
    """Tokenize and detokenize with a GGUF's own vocabulary (use from one thread; close())."""

    def __init__(self, path: str) -> None:
        import llama_cpp

        from app.core.engine import NATIVE_LOG

        NATIVE_LOG.install()  # keeps llama.cpp's loading chatter off the user's terminal
        self._lib = llama_cpp
        params = llama_cpp.llama_model_default_params()
        params.vocab_only = True
        params.n_gpu_layers = 0
        self._model = llama_cpp.llama_model_load_from_file(path.encode("utf-8"), params)
        if not self._model:
            raise ValueError(f"could not read the vocabulary of {path}")
        self._vocab = llama_cpp.llama_model_get_vocab(self._model)

    def tokens(self, text: str, add_bos: bool = False, special: bool = False) -> list[int]:
        lib = self._lib
        data = text.encode("utf-8")
        n = max(16, len(data) + 8)  # never more tokens than bytes (+ BOS/EOS)
        buf = (lib.llama_token * n)()
        got = lib.llama_tokenize(self._vocab, data, len(data), buf, n, add_bos, special)
        if got < 0:  # too small after all: llama.cpp says how many it needs
            n = -got
            buf = (lib.llama_token * n)()
            got = lib.llama_tokenize(self._vocab, data, len(data), buf, n, add_bos, special)
            if got < 0:
                raise ValueError("the text could not be tokenized")
        return list(buf[:got])

    def count(self, text: str) -> int:
        return len(self.tokens(text))

    def detokenize(self, toks: list[int]) -> str:
        lib = self._lib
        if not toks:
            return ""
        arr = (lib.llama_token * len(toks))(*toks)
        size = max(64, 8 * len(toks))
        for _ in range(2):
            out = ctypes.create_string_buffer(size)
            n = lib.llama_detokenize(self._vocab, arr, len(toks), out, size, False, False)
            if n >= 0:
                return out.raw[:n].decode("utf-8", "replace")
            size = -n
        raise ValueError("the tokens could not be turned back into text")

    def close(self) -> None:
        if self._model:
            self._lib.llama_model_free(self._model)
            self._model = None

    def __enter__(self) -> Vocabulary:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
