"""Write GGUF files for tests with gguf.GGUFWriter: copies of the starter model with changed
metadata (no template, base model, malicious template...). Real files that llama.cpp loads."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import gguf
from gguf import GGUFReader, GGUFValueType, GGUFWriter

_SKIP = {"GGUF.version", "GGUF.tensor_count", "GGUF.kv_count"}


def _field_value(field: Any) -> tuple[Any, GGUFValueType, GGUFValueType | None]:
    vtype = field.types[0]
    if vtype == GGUFValueType.ARRAY:
        itype = field.types[1]
        if itype == GGUFValueType.STRING:
            vals = [bytes(field.parts[i]) for i in field.data]
        else:
            vals = [field.parts[i].tolist()[0] for i in field.data]
        return vals, vtype, itype
    if vtype == GGUFValueType.STRING:
        return bytes(field.parts[field.data[0]]).decode("utf-8"), vtype, None
    return field.parts[field.data[0]].tolist()[0], vtype, None


def copy_gguf(
    src: str | Path,
    dst: str | Path,
    *,
    drop: set[str] | None = None,
    set_values: dict[str, tuple[Any, GGUFValueType]] | None = None,
    arch: str | None = None,
) -> Path:
    """Copy a GGUF, dropping keys in `drop` and setting `set_values` {key: (value, type)}.
    Nothing that stays is decoded: the header is read with Wren's fast reader (big arrays as
    byte spans); kept key/value pairs, the tensor infos and the tensor data are copied as bytes
    and only new values are written (0.3 s a copy; through GGUFReader/GGUFWriter, 5-6 s)."""
    import shutil
    import struct

    from app.core.gguf_info import _header_reader_class

    drop = drop or set()
    set_values = dict(set_values or {})
    r = _header_reader_class()(src, "r")
    if arch is not None:
        set_values["general.architecture"] = (arch, GGUFValueType.STRING)
    packer = GGUFWriter.__new__(GGUFWriter)  # only its value packing is used
    packer.endianess = gguf.GGUFEndian.LITTLE
    kv: list[bytes] = []
    last_end = 0
    for name, field in r.fields.items():
        end = field.offset + sum(int(p.nbytes) for p in field.parts)
        last_end = max(last_end, end)
        if name in _SKIP or name in drop:
            continue
        if name in set_values:
            value, vtype = set_values.pop(name)
            kv.append(_pack_kv(packer, name, value, vtype))
            continue
        kv.append(bytes(r.data[field.offset:end]))
    for name, (value, vtype) in set_values.items():
        kv.append(_pack_kv(packer, name, value, vtype))
    # Tensor infos follow the last key/value pair; their offsets are relative to the data.
    infos_end = max(t.field.offset + sum(int(p.nbytes) for p in t.field.parts)
                    for t in r.tensors) if r.tensors else last_end
    infos = bytes(r.data[last_end:infos_end])
    align = int(r.alignment)
    head = b"GGUF" + struct.pack("<IQQ", 3, len(r.tensors), len(kv)) + b"".join(kv) + infos
    head += b"\0" * (-len(head) % align)
    with open(src, "rb") as fin, open(dst, "wb") as fout:
        fout.write(head)
        fin.seek(int(r.data_offset))
        shutil.copyfileobj(fin, fout, 8 << 20)
    return Path(dst)


def _pack_kv(packer: GGUFWriter, name: str, value: Any, vtype: GGUFValueType) -> bytes:
    key = name.encode("utf-8")
    sub = None
    if vtype == GGUFValueType.ARRAY and value:
        first = value[0]
        sub = (GGUFValueType.STRING if isinstance(first, (str, bytes))
               else GGUFValueType.FLOAT32 if isinstance(first, float) else GGUFValueType.INT32)
    return (len(key).to_bytes(8, "little") + key
            + packer._pack_val(value, vtype, add_vtype=True, sub_type=sub))


def no_template_copy(starter: Path, dst: Path, name: str = "SmolLM2 135M Instruct") -> Path:
    return copy_gguf(
        starter, dst, drop={"tokenizer.chat_template"},
        set_values={"general.name": (name, GGUFValueType.STRING)},
    )


def base_model_copy(starter: Path, dst: Path) -> Path:
    """A 'base model': no template, a name that names no chat family."""
    return copy_gguf(
        starter, dst,
        drop={"tokenizer.chat_template", "general.basename", "general.finetune"},
        set_values={"general.name": ("Plain Base LM", GGUFValueType.STRING)},
    )


def with_template(starter: Path, dst: Path, template: str) -> Path:
    return copy_gguf(
        starter, dst, set_values={"tokenizer.chat_template": (template, GGUFValueType.STRING)}
    )


__all__ = ["copy_gguf", "no_template_copy", "base_model_copy", "with_template", "gguf"]


def tiny_long_context_model(starter: Path, dst: Path, *, n_layer: int = 2, n_embd: int = 64,
                            n_head: int = 2, n_ff: int = 128, context_length: int = 131072,
                            seed: int = 0) -> Path:
    """A phi3-architecture GGUF with a 128K context, random small f32 weights and the starter
    model's tokenizer (and chat template). Its general.name must not say "phi3"/"phi-3": llama.cpp
    would then look up Phi-3 special tokens that this vocabulary lacks, and fail to load."""
    import numpy as np

    reader = GGUFReader(str(starter))
    w = GGUFWriter(str(dst), arch="phi3")
    w.add_name("Tiny Long Context Test")
    w.add_context_length(context_length)
    w.add_embedding_length(n_embd)
    w.add_feed_forward_length(n_ff)
    w.add_block_count(n_layer)
    w.add_head_count(n_head)
    w.add_head_count_kv(n_head)
    w.add_rope_dimension_count(n_embd // n_head)
    w.add_layer_norm_rms_eps(1e-5)
    w.add_rope_freq_base(10000.0)
    w.add_file_type(0)  # all f32
    n_vocab = 0
    for name, field in reader.fields.items():
        if not name.startswith("tokenizer."):
            continue
        value, vtype, itype = _field_value(field)
        if vtype == GGUFValueType.ARRAY:
            w.add_key_value(name, value, vtype, sub_type=itype)
            if name == "tokenizer.ggml.tokens":
                n_vocab = len(value)
        else:
            w.add_key_value(name, value, vtype)
    rng = np.random.default_rng(seed)

    def t(name: str, *shape: int, scale: float = 0.02) -> None:
        # numpy shape is (rows, cols) = ggml (ne1, ne0) reversed
        w.add_tensor(name, (rng.standard_normal(shape) * scale).astype(np.float32))

    t("token_embd.weight", n_vocab, n_embd)
    w.add_tensor("output_norm.weight", np.ones(n_embd, dtype=np.float32))
    t("output.weight", n_vocab, n_embd)
    for i in range(n_layer):
        w.add_tensor(f"blk.{i}.attn_norm.weight", np.ones(n_embd, dtype=np.float32))
        t(f"blk.{i}.attn_qkv.weight", 3 * n_embd, n_embd)
        t(f"blk.{i}.attn_output.weight", n_embd, n_embd)
        w.add_tensor(f"blk.{i}.ffn_norm.weight", np.ones(n_embd, dtype=np.float32))
        t(f"blk.{i}.ffn_up.weight", 2 * n_ff, n_embd)
        t(f"blk.{i}.ffn_down.weight", n_embd, n_ff)
    w.write_header_to_file()
    w.write_kv_data_to_file()
    w.write_tensors_to_file()
    w.close()
    return Path(dst)
