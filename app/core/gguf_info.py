"""Read a GGUF file's header with the `gguf` package, without loading the model.

The header tells us everything the planner and the model picker need (architecture, context
length, layer and head counts, quantization, chat template) in milliseconds, before llama.cpp
commits gigabytes of RAM to a file that may not even be usable.
"""
from __future__ import annotations

import os
import struct
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.core.errors import ModelFileError

if TYPE_CHECKING:
    import numpy.typing as npt
    from gguf import GGUFReader, GGUFValueType, ReaderField

# `gguf` (with numpy and yaml) costs ~0.2 s to import: it is imported on the first header read,
# not when the window starts.

GGUF_MAGIC = b"GGUF"

# Architectures llama.cpp (0.3.x) can run that Wren's catalog uses or users commonly bring.
# Anything else is refused with a clear message before llama.cpp sees the file.
KNOWN_ARCHITECTURES = frozenset(
    {
        "llama", "gemma", "gemma2", "gemma3", "qwen2", "qwen3", "qwen2moe", "qwen3moe", "phi2",
        "phi3", "stablelm", "gptneox", "falcon", "mpt", "starcoder", "starcoder2", "bloom",
        "gpt2", "mistral", "mistral3", "olmo", "olmo2", "granite", "exaone", "internlm2",
        "minicpm", "deepseek", "deepseek2", "command-r", "cohere2", "chatglm", "glm4", "smollm3",
        "nemotron", "orion", "baichuan", "refact", "codeshell", "openelm", "arctic", "jais",
        "dbrx", "t5", "rwkv6", "mamba", "xverse", "bitnet", "plamo", "gptj", "llama4",
        "ernie4_5", "hunyuan-dense", "lfm2", "granitemoe", "falcon-h1", "seed_oss", "apertus",
    }
)

# String arrays (the tokenizer's tokens and merges) are huge: the stock reader walks them item
# by item in Python (3.7 s for SmolLM2's 98,000 strings). We only need their length.
_SKIP_ARRAY_MIN_ITEMS = 256


@cache
def _header_reader_class() -> type:
    """GGUFReader that skips over big arrays instead of building a numpy view per item."""
    import numpy as np
    from gguf import GGUFReader, GGUFValueType

    class _HeaderReader(GGUFReader):
        def _get_field_parts(
            self, orig_offs: int, raw_type: int,
        ) -> tuple[int, list[npt.NDArray[Any]], list[int], list[GGUFValueType]]:
            gtype = GGUFValueType(raw_type)
            if gtype != GGUFValueType.ARRAY:
                return super()._get_field_parts(orig_offs, raw_type)
            raw_itype = self._get(orig_offs, np.uint32)
            alen = self._get(orig_offs + 4, np.uint64)
            count = int(alen[0])
            if count < _SKIP_ARRAY_MIN_ITEMS:
                return super()._get_field_parts(orig_offs, raw_type)
            itype = GGUFValueType(int(raw_itype[0]))
            offs = orig_offs + 12
            if itype == GGUFValueType.STRING:
                buf = self.data.data  # a memoryview: struct reads it without a copy
                end = len(buf)
                for _ in range(count):
                    if offs + 8 > end:
                        raise ValueError("string array runs past the end of the file")
                    (slen,) = struct.unpack_from("<Q", buf, offs)
                    offs += 8 + slen
                if offs > end:
                    raise ValueError("string array runs past the end of the file")
            else:
                nptype = self.gguf_scalar_to_np.get(itype)
                if nptype is None:
                    return super()._get_field_parts(orig_offs, raw_type)
                offs += int(np.dtype(nptype).itemsize) * count
                if offs > len(self.data):
                    raise ValueError("array runs past the end of the file")
            # Keep the byte span as one part so sizes add up; item data is not exposed.
            span = self.data[orig_offs + 12 : offs]
            return offs - orig_offs, [raw_itype, alen, span], [], [gtype, itype]

        def _build_tensors(self, start_offs: int, fields: list[ReaderField]) -> None:
            _check_tensor_bounds(self, start_offs, fields)
            super()._build_tensors(start_offs, fields)

    return _HeaderReader


class _Truncated(Exception):
    def __init__(self, size: int, needed: int):
        super().__init__(f"{size} of {needed} bytes")
        self.size, self.needed = size, needed


def _check_tensor_bounds(reader: GGUFReader, start_offs: int, fields: list) -> None:
    """Raise _Truncated if any tensor's data would lie past the end of the file."""
    from math import prod

    from gguf.constants import GGML_QUANT_SIZES, GGMLQuantizationType

    end = 0
    for f in fields:
        dims, raw_dtype, offset_tensor = f.parts[3], f.parts[4], f.parts[5]
        block, type_size = GGML_QUANT_SIZES[GGMLQuantizationType(int(raw_dtype[0]))]
        nbytes = prod(int(d) for d in dims) * type_size // block
        end = max(end, start_offs + int(offset_tensor[0]) + nbytes)
    if end > len(reader.data):
        raise _Truncated(len(reader.data), end)


@dataclass(frozen=True)
class GGUFInfo:
    """What a GGUF header says about a model. Plain data: safe to pass between threads."""

    path: str
    file_size: int
    architecture: str
    name: str
    size_label: str
    quantization: str
    context_length: int
    n_layer: int
    n_head: int
    n_head_kv: int
    head_dim: int
    head_dim_v: int
    n_embd: int
    sliding_window: int
    has_chat_template: bool
    chat_template: str | None
    n_params: int
    n_vocab: int
    bos_token: str | None
    eos_token: str | None
    basename: str = ""
    finetune: str = ""
    license: str = ""
    # Weight bytes by where llama.cpp places them when offloading: each repeating layer
    # ("blk.N."), the output head (output norm and matrix, or a copy of the tied embedding),
    # and the input embedding (always kept in RAM).
    layer_bytes: tuple[int, ...] = ()
    output_bytes: int = 0
    input_bytes: int = 0
    extra: dict[str, Any] = field(default_factory=dict)

    def kv_bytes_per_token(self, bytes_per_element: float = 2.0) -> float:
        """KV cache bytes for one token: 2 (K and V) x layers x KV heads x head dim x bytes."""
        return self.n_layer * self.n_head_kv * (self.head_dim + self.head_dim_v) * bytes_per_element

    @property
    def display_name(self) -> str:
        return self.name or Path(self.path).stem

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d.pop("chat_template", None)
        return d


def _contents(reader: GGUFReader, key: str, default: Any = None) -> Any:
    from gguf import GGUFValueType

    f = reader.fields.get(key)
    if f is None:
        return default
    try:
        if f.types and f.types[0] == GGUFValueType.ARRAY and not f.data:
            return default  # a skipped big array
        return f.contents()
    except Exception:
        return default


def _int(value: Any, default: int = 0) -> int:
    if value is None:
        return default
    if isinstance(value, (list, tuple)):  # per-layer values (e.g. OpenELM): the largest matters
        return max((int(v) for v in value), default=default)
    try:
        return int(value)
    except (TypeError, ValueError):
        return default


def _array_len(reader: GGUFReader, key: str) -> int:
    f = reader.fields.get(key)
    # parts: key length, key, value type, item type, item count, ...
    if f is None or len(f.parts) < 5:
        return 0
    try:
        return int(f.parts[4][0])
    except Exception:
        return 0


def _check_file(path: Path) -> int:
    try:
        st = path.stat()
        if path.is_dir():
            raise ModelFileError(f"{path.name}: is a folder, not a GGUF model file")
        size = st.st_size
        with open(path, "rb") as fh:
            magic = fh.read(4)
    except FileNotFoundError:
        raise ModelFileError(f"{path.name}: file not found ({path})") from None
    except PermissionError:
        raise ModelFileError(f"{path.name}: no permission to read this file") from None
    except IsADirectoryError:
        raise ModelFileError(f"{path.name}: is a folder, not a GGUF model file") from None
    except OSError as e:
        raise ModelFileError(f"{path.name}: cannot be read ({e.strerror or e})") from None
    if size == 0:
        raise ModelFileError(f"{path.name}: the file is empty (0 bytes)")
    if magic != GGUF_MAGIC:
        hint = ""
        if magic.startswith(b"%PDF"):
            hint = " (it is a PDF document)"
        elif magic.startswith(b"PK"):
            hint = " (it is a zip archive)"
        raise ModelFileError(f"{path.name}: not a GGUF model file{hint}")
    return size


def read_gguf_info(path: str | os.PathLike[str]) -> GGUFInfo:
    """Read and validate a GGUF header. Raises ModelFileError naming the file and the reason."""
    path = Path(path)
    size = _check_file(path)
    try:
        try:
            reader: GGUFReader = _header_reader_class()(path, "r")
        except (AttributeError, TypeError):  # internals of the gguf package changed: slow path
            from gguf import GGUFReader

            reader = GGUFReader(path, "r")
    except ModelFileError:
        raise
    except _Truncated as short:
        pct = 100.0 * short.size / short.needed
        raise ModelFileError(
            f"{path.name}: the file is truncated ({short.size:,} of {short.needed:,} bytes, "
            f"{pct:.0f}%) "
            "- download it again"
        ) from None
    except (ValueError, IndexError, KeyError, OverflowError, struct.error, MemoryError) as e:
        reason = str(e).splitlines()[0] if str(e) else type(e).__name__
        if "past the end" in reason or "buffer" in reason.lower() or isinstance(e, IndexError):
            reason = f"the file is truncated or corrupt ({reason})"
        raise ModelFileError(f"{path.name}: corrupt GGUF header: {reason}") from None
    except OSError as e:
        raise ModelFileError(f"{path.name}: cannot be read ({e.strerror or e})") from None
    except Exception as e:  # the reader can fail in many numpy-shaped ways on garbage
        raise ModelFileError(f"{path.name}: corrupt GGUF file ({type(e).__name__}: {e})") from None

    arch = _contents(reader, "general.architecture")
    if not isinstance(arch, str) or not arch:
        raise ModelFileError(f"{path.name}: GGUF header has no architecture (general.architecture)")

    # Every tensor's data must lie inside the file: a partial download is caught here.
    data_end = 0
    n_params = 0
    layer_bytes: dict[int, int] = {}
    output_bytes = input_bytes = 0
    has_output = False
    for t in reader.tensors:
        data_end = max(data_end, int(t.data_offset) + int(t.n_bytes))
        n_params += int(t.n_elements)
        name, nb = str(t.name), int(t.n_bytes)
        if name.startswith("blk."):
            il = name.split(".", 2)[1]
            if il.isdigit():
                layer_bytes[int(il)] = layer_bytes.get(int(il), 0) + nb
                continue
        if name.startswith("output"):
            output_bytes += nb
            has_output = has_output or name == "output.weight"
        elif name.startswith("token_embd"):
            input_bytes += nb
    if not has_output:
        output_bytes += input_bytes  # tied embeddings: llama.cpp copies them for the output
    if not reader.tensors:
        raise ModelFileError(f"{path.name}: GGUF file holds no tensors (no model weights)")
    if data_end > size:
        pct = 100.0 * size / data_end
        raise ModelFileError(
            f"{path.name}: the file is truncated ({size:,} of {data_end:,} bytes, {pct:.0f}%) "
            "- download it again"
        )

    a = arch
    n_head = _int(_contents(reader, f"{a}.attention.head_count"))
    n_head_kv = _int(_contents(reader, f"{a}.attention.head_count_kv"), n_head)
    n_embd = _int(_contents(reader, f"{a}.embedding_length"))
    key_len = _int(_contents(reader, f"{a}.attention.key_length"))
    val_len = _int(_contents(reader, f"{a}.attention.value_length"))
    head_dim = key_len or (n_embd // n_head if n_head else 0)
    head_dim_v = val_len or head_dim
    ftype = _contents(reader, "general.file_type")
    try:
        from gguf import LlamaFileType

        quant = LlamaFileType(int(ftype)).name.replace("MOSTLY_", "") if ftype is not None else ""
    except ValueError:
        quant = f"type {ftype}"
    if not quant:
        quant = _guess_quant_from_tensors(reader)

    template = _contents(reader, "tokenizer.chat_template")
    n_vocab = _array_len(reader, "tokenizer.ggml.tokens")
    bos_id = _contents(reader, "tokenizer.ggml.bos_token_id")
    eos_id = _contents(reader, "tokenizer.ggml.eos_token_id")

    extra: dict[str, Any] = {}
    for key in (
        f"{a}.rope.scaling.type",
        f"{a}.rope.scaling.factor",
        f"{a}.rope.scaling.original_context_length",
        f"{a}.attn_logit_softcapping",
        f"{a}.final_logit_softcapping",
        f"{a}.rope.freq_base",
        f"{a}.feed_forward_length",
    ):
        v = _contents(reader, key)
        if v is not None:
            extra[key.split(".", 1)[1]] = v

    return GGUFInfo(
        path=str(path),
        file_size=size,
        architecture=arch,
        name=str(_contents(reader, "general.name", "") or ""),
        size_label=str(_contents(reader, "general.size_label", "") or ""),
        quantization=quant,
        context_length=_int(_contents(reader, f"{a}.context_length")),
        n_layer=_int(_contents(reader, f"{a}.block_count")),
        n_head=n_head,
        n_head_kv=n_head_kv,
        head_dim=head_dim,
        head_dim_v=head_dim_v,
        n_embd=n_embd,
        sliding_window=_int(_contents(reader, f"{a}.attention.sliding_window")),
        has_chat_template=bool(template),
        chat_template=template if isinstance(template, str) and template else None,
        n_params=n_params,
        n_vocab=n_vocab,
        bos_token=_token_text(path, reader, bos_id),
        eos_token=_token_text(path, reader, eos_id),
        basename=str(_contents(reader, "general.basename", "") or ""),
        finetune=str(_contents(reader, "general.finetune", "") or ""),
        license=str(_contents(reader, "general.license", "") or ""),
        layer_bytes=tuple(layer_bytes[i] for i in sorted(layer_bytes)),
        output_bytes=output_bytes,
        input_bytes=input_bytes,
        extra=extra,
    )


def _guess_quant_from_tensors(reader: GGUFReader) -> str:
    counts: dict[str, int] = {}
    for t in reader.tensors:
        counts[t.tensor_type.name] = counts.get(t.tensor_type.name, 0) + int(t.n_elements)
    return max(counts, key=lambda name: counts[name]) if counts else ""


def _token_text(path: Path, reader: GGUFReader, token_id: Any) -> str | None:
    """Text of one token, read straight from the skipped tokens array."""
    if token_id is None:
        return None
    f = reader.fields.get("tokenizer.ggml.tokens")
    if f is None or len(f.parts) < 6:
        return None
    tid = int(token_id)
    if f.data:  # the stock reader kept every item
        try:
            return bytes(f.parts[f.data[tid]]).decode("utf-8", "replace")
        except Exception:
            return None
    buf = f.parts[5].data  # a memoryview: struct reads it without a copy
    offs = 0
    for _ in range(tid):
        if offs + 8 > len(buf):
            return None
        (slen,) = struct.unpack_from("<Q", buf, offs)
        offs += 8 + slen
    if offs + 8 > len(buf):
        return None
    (slen,) = struct.unpack_from("<Q", buf, offs)
    return bytes(buf[offs + 8 : offs + 8 + slen]).decode("utf-8", "replace")


def validate_for_loading(info: GGUFInfo) -> None:
    """Refuse headers llama.cpp cannot (or should not) be asked to load."""
    name = Path(info.path).name
    if info.architecture not in KNOWN_ARCHITECTURES:
        raise ModelFileError(
            f"{name}: unsupported model architecture '{info.architecture}' "
            "(this version of llama.cpp cannot run it)"
        )
    if info.context_length <= 0:
        raise ModelFileError(f"{name}: the header gives no usable context length")
    if info.context_length > 16_777_216:
        raise ModelFileError(
            f"{name}: the header's context length ({info.context_length:,}) is not plausible"
        )
    if info.n_layer <= 0 or info.n_layer > 1024 or info.n_head <= 0 or info.n_head > 4096:
        raise ModelFileError(f"{name}: the header's layer or head counts are not plausible")
    if info.n_vocab <= 0:
        raise ModelFileError(f"{name}: the file has no tokenizer vocabulary")
