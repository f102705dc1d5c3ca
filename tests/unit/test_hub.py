"""Hub look-ups through huggingface_hub against the fake Hub on 127.0.0.1."""
from __future__ import annotations

import hashlib

import pytest

from app.core import hub
from app.core.errors import BadInput
from tests.fakehub import GATED_REPO, GOOD_TOKEN, TEST_FILE, TEST_REPO, fake_hub  # noqa: F401


def test_search_finds_gguf_repos(fake_hub) -> None:  # noqa: F811
    hits = hub.search_gguf("tiny", endpoint=fake_hub.url)
    assert [h.repo_id for h in hits] == [TEST_REPO]
    all_hits = hub.search_gguf("wren-test", endpoint=fake_hub.url)
    assert {h.repo_id for h in all_hits} >= {TEST_REPO, GATED_REPO}
    assert next(h for h in all_hits if h.repo_id == GATED_REPO).gated
    # Each search asked the Hub for GGUF repos only, with the words typed.
    asked = [(r["query"].get("filter"), r["query"].get("search"))
             for r in fake_hub.requests if r["kind"] == "search"]
    assert asked == [(["gguf"], ["tiny"]), (["gguf"], ["wren-test"])]


def test_list_files_gives_sizes_and_lfs_sha256(fake_hub, starter_model) -> None:  # noqa: F811
    files = hub.list_gguf_files(TEST_REPO, endpoint=fake_hub.url)
    assert len(files) == 1
    f = files[0]
    assert f.filename == TEST_FILE and f.quantization == "Q4_1"
    assert f.size_bytes == starter_model.stat().st_size
    assert f.sha256 == hashlib.sha256(starter_model.read_bytes()).hexdigest()
    # huggingface_hub 2.4 asks for file metadata with `blobs=True`.
    info_req = [r for r in fake_hub.requests if r["kind"] == "info"][-1]
    assert "blobs" in info_req["query"]


def test_file_metadata_reads_size_and_sha_from_headers(fake_hub, starter_model) -> None:  # noqa: F811
    meta = hub.file_metadata(TEST_REPO, TEST_FILE, endpoint=fake_hub.url)
    assert meta.size_bytes == starter_model.stat().st_size
    assert meta.sha256 and len(meta.sha256) == 64
    assert meta.commit and meta.url.startswith(fake_hub.url)


def test_gated_repo_without_and_with_token(fake_hub) -> None:  # noqa: F811
    with pytest.raises(hub.GatedRepo, match="is gated: save a Hugging Face token"):
        hub.list_gguf_files(GATED_REPO, endpoint=fake_hub.url)
    with pytest.raises(hub.GatedRepo, match="no access") as ei:
        hub.file_metadata(GATED_REPO, "gated-chat.Q4_1.gguf", token="hf_wrong", endpoint=fake_hub.url)
    assert "hf_wrong" not in str(ei.value)
    files = hub.list_gguf_files(GATED_REPO, token=GOOD_TOKEN, endpoint=fake_hub.url)
    assert files[0].filename == "gated-chat.Q4_1.gguf"


def test_missing_repo_and_file_are_bad_input(fake_hub) -> None:  # noqa: F811
    with pytest.raises(BadInput, match="no such model repository"):
        hub.list_gguf_files("nobody/nothing", endpoint=fake_hub.url)
    with pytest.raises(BadInput, match="no such file"):
        hub.file_metadata(TEST_REPO, "missing.gguf", endpoint=fake_hub.url)
    codes = {r["status"] for r in fake_hub.requests if r["status"] == 404}
    assert codes == {404}


def test_unreachable_hub_gives_one_clear_line() -> None:
    with pytest.raises(hub.HubUnreachable, match="cannot reach the Hugging Face Hub"):
        hub.search_gguf("x", endpoint="http://127.0.0.1:9")
