"""A corpus of broken model files, generated from the real starter model."""
from __future__ import annotations

import struct
from collections.abc import Callable
from pathlib import Path

from gguf import GGUFValueType

from tests.gguf_factory import copy_gguf, with_template


def _cut(fraction: float | int) -> Callable[[Path, Path], Path]:
    def make(starter: Path, dst: Path) -> Path:
        data = starter.read_bytes()
        n = fraction if isinstance(fraction, int) else int(len(data) * fraction)
        dst.write_bytes(data[:n])
        return dst
    return make


def _empty(starter: Path, dst: Path) -> Path:
    dst.write_bytes(b"")
    return dst


def _wrong_magic(starter: Path, dst: Path) -> Path:
    with open(starter, "rb") as f:
        head = f.read(1 << 20)
    dst.write_bytes(b"GGUX" + head[4:])
    return dst


def _absurd_counts(starter: Path, dst: Path) -> Path:
    # Valid magic and version, then 2^62 tensors and 2^62 key/value pairs.
    dst.write_bytes(b"GGUF" + struct.pack("<IQQ", 3, 1 << 62, 1 << 62) + b"\x00" * 4096)
    return dst


def _absurd_string(starter: Path, dst: Path) -> Path:
    # One key whose length field claims 2^60 bytes.
    dst.write_bytes(b"GGUF" + struct.pack("<IQQQ", 3, 0, 1, 1 << 60) + b"general.name")
    return dst


def _arch(starter: Path, dst: Path) -> Path:
    return copy_gguf(starter, dst, arch="alienformer", drop={"llama.context_length"},
                     set_values={"alienformer.context_length": (4096, GGUFValueType.UINT32),
                                 "alienformer.block_count": (30, GGUFValueType.UINT32),
                                 "alienformer.attention.head_count": (9, GGUFValueType.UINT32)})


def _ctx(value: int) -> Callable[[Path, Path], Path]:
    def make(starter: Path, dst: Path) -> Path:
        return copy_gguf(starter, dst,
                         set_values={"llama.context_length": (value, GGUFValueType.UINT32)})
    return make


def _layers(starter: Path, dst: Path) -> Path:
    return copy_gguf(starter, dst, set_values={"llama.block_count": (100000, GGUFValueType.UINT32)})


def _vocab_mismatch(starter: Path, dst: Path) -> Path:
    """Tokenizer with 1,000 tokens against an embedding matrix of 49,152 rows."""
    from gguf import GGUFReader

    r = GGUFReader(starter)
    values = {}
    for key in ("tokenizer.ggml.tokens", "tokenizer.ggml.token_type"):
        f = r.fields[key]
        if f.types[1] == GGUFValueType.STRING:
            vals = [bytes(f.parts[i]) for i in f.data[:1000]]
        else:
            vals = [f.parts[i].tolist()[0] for i in f.data[:1000]]
        values[key] = (vals, GGUFValueType.ARRAY)
    return copy_gguf(starter, dst, set_values=values, drop={"tokenizer.ggml.merges"})


def _pdf(starter: Path, dst: Path) -> Path:
    dst.write_bytes(b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n%%EOF\n")
    return dst


def _directory(starter: Path, dst: Path) -> Path:
    dst.mkdir()
    return dst


def _evil_template(template: str) -> Callable[[Path, Path], Path]:
    def make(starter: Path, dst: Path) -> Path:
        return with_template(starter, dst, template)
    return make


# name -> (maker, text the one-line error must contain)
CASES: dict[str, tuple[Callable[[Path, Path], Path], str]] = {
    "empty": (_empty, "empty"),
    "truncated-in-header": (_cut(64), "corrupt"),
    "truncated-in-vocab": (_cut(600_000), "corrupt"),
    "truncated-in-weights": (_cut(0.5), "truncated"),
    "truncated-last-byte": (_cut(0.99999), "truncated"),
    "wrong-magic": (_wrong_magic, "not a GGUF"),
    "absurd-counts": (_absurd_counts, "corrupt"),
    "absurd-string-length": (_absurd_string, "corrupt"),
    "unknown-architecture": (_arch, "unsupported model architecture"),
    "context-0": (_ctx(0), "context length"),
    "context-1e9": (_ctx(1_000_000_000), "context length"),
    "absurd-layers": (_layers, "not plausible"),
    "vocab-mismatch": (_vocab_mismatch, "llama.cpp"),
    "pdf-renamed": (_pdf, "PDF"),
    "directory": (_directory, "folder"),
    "template-reads-globals": (_evil_template(
        "{{ cycler.__init__.__globals__.os.popen('touch /tmp/wren-pwned').read() }}"), "template"),
    "template-class-walk": (_evil_template(
        "{{ ''.__class__.__mro__[1].__subclasses__() }}"), "template"),
    "template-include-file": (_evil_template("{% include '/etc/passwd' %}"), "template"),
}
