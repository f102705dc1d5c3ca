from pathlib import Path

import pytest

from app.core.errors import ModelFileError
from app.core.gguf_info import read_gguf_info, validate_for_loading


def test_starter_header(starter_model):
    info = read_gguf_info(starter_model)
    assert info.architecture == "llama"
    assert info.size_label == "135M"
    assert info.quantization == "Q4_1"
    assert info.context_length == 8192
    assert (info.n_layer, info.n_head, info.n_head_kv, info.head_dim) == (30, 9, 3, 64)
    assert info.n_embd == 576
    assert info.has_chat_template and "<|im_start|>" in info.chat_template
    assert info.n_vocab == 49152
    assert info.bos_token == "<|im_start|>" and info.eos_token == "<|im_end|>"
    assert 130e6 < info.n_params < 140e6
    # 2 (K,V) x 30 layers x 3 KV heads x 64 dims x 2 bytes (f16)
    assert info.kv_bytes_per_token() == 2 * 30 * 3 * 64 * 2
    validate_for_loading(info)


def test_fast_reader_agrees_with_stock_reader(starter_model):
    from gguf import GGUFReader

    stock = GGUFReader(starter_model)
    info = read_gguf_info(starter_model)
    assert len(stock.fields["tokenizer.ggml.tokens"].data) == info.n_vocab
    assert stock.fields["llama.context_length"].contents() == info.context_length


def test_no_template_model_header(no_template_model):
    info = read_gguf_info(no_template_model)
    assert not info.has_chat_template and info.chat_template is None
    assert info.name == "SmolLM2 135M Instruct"


@pytest.fixture
def bad_dir(tmp_path):
    return tmp_path


def _err(path) -> str:
    with pytest.raises(ModelFileError) as ei:
        read_gguf_info(path)
    return str(ei.value)


def test_missing_file(bad_dir):
    msg = _err(bad_dir / "nope.gguf")
    assert "nope.gguf" in msg and "not found" in msg


def test_empty_file(bad_dir):
    p = bad_dir / "empty.gguf"
    p.write_bytes(b"")
    msg = _err(p)
    assert "empty.gguf" in msg and "empty" in msg


def test_not_gguf(bad_dir):
    p = bad_dir / "notes.gguf"
    p.write_text("hello, this is text\n" * 100)
    msg = _err(p)
    assert "notes.gguf" in msg and "not a GGUF" in msg


def test_pdf_renamed(bad_dir):
    p = bad_dir / "report.gguf"
    p.write_bytes(b"%PDF-1.7\n" + b"x" * 1000)
    assert "PDF" in _err(p)


def test_directory(bad_dir):
    d = bad_dir / "folder.gguf"
    d.mkdir()
    assert "folder" in _err(d)


@pytest.mark.parametrize("fraction", [0.0001, 0.01, 0.5, 0.999])
def test_truncated(starter_model, bad_dir, fraction):
    data = Path(starter_model).read_bytes()
    p = bad_dir / f"cut-{fraction}.gguf"
    p.write_bytes(data[: max(8, int(len(data) * fraction))])
    msg = _err(p)
    assert p.name in msg
    assert "truncated" in msg or "corrupt" in msg


def test_corrupt_after_magic(bad_dir):
    import os

    p = bad_dir / "garbage.gguf"
    p.write_bytes(b"GGUF" + b"\x03\x00\x00\x00" + os.urandom(4096))
    msg = _err(p)
    assert "garbage.gguf" in msg and ("corrupt" in msg or "truncated" in msg)


def test_unknown_architecture_refused(starter_model, gguf_dir):
    from gguf import GGUFValueType

    from tests.gguf_factory import copy_gguf

    p = copy_gguf(starter_model, gguf_dir / "alien.gguf", arch="alienformer",
                  drop={"llama.context_length"},
                  set_values={"alienformer.context_length": (4096, GGUFValueType.UINT32),
                              "alienformer.block_count": (30, GGUFValueType.UINT32),
                              "alienformer.attention.head_count": (9, GGUFValueType.UINT32)})
    info = read_gguf_info(p)
    with pytest.raises(ModelFileError, match="unsupported model architecture 'alienformer'"):
        validate_for_loading(info)
