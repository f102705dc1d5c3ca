"""Hugging Face Hub look-ups: search GGUF repos, list a repo's GGUF files, a file's size and hash.

Everything goes through huggingface_hub (HfApi, hf_hub_url, get_hf_file_metadata) with an
explicit `endpoint`: huggingface_hub reads HF_ENDPOINT once at import, so we read it at call time
and pass it on, which lets tests point a running process at a fake Hub on 127.0.0.1.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass

import httpx2
from huggingface_hub import HfApi, constants, get_hf_file_metadata, hf_hub_url
from huggingface_hub.errors import (
    EntryNotFoundError,
    GatedRepoError,
    HfHubHTTPError,
    RepositoryNotFoundError,
    RevisionNotFoundError,
)

from app.core.errors import BadInput, WrenError

_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_QUANT = re.compile(r"(?i)(?:^|[.\-_])((?:I?Q\d(?:_[A-Z0-9]+)*)|F16|BF16|F32)(?=[.\-_]|$)")


class GatedRepo(WrenError):
    """The repo needs a (valid) Hugging Face token with access granted."""

    def __init__(self, repo_id: str, had_token: bool):
        if had_token:
            msg = (f"{repo_id} is gated and the saved Hugging Face token has no access to it: "
                   f"accept the model's terms on its Hub page, or save another token")
        else:
            msg = (f"{repo_id} is gated: save a Hugging Face token (Models > Hugging Face token, "
                   f"or `download --token-stdin`) and accept the model's terms on its Hub page")
        super().__init__(msg)
        self.repo_id = repo_id
        self.had_token = had_token


class HubUnreachable(WrenError):
    pass


def hub_endpoint() -> str:
    return (os.environ.get("HF_ENDPOINT") or constants.ENDPOINT).rstrip("/")


def api(token: str | None = None, endpoint: str | None = None) -> HfApi:
    # token=False: never fall back to a token file or HF_TOKEN; ours comes from the keyring.
    return HfApi(endpoint=endpoint or hub_endpoint(), token=token or False)


def translate_error(e: Exception, repo_id: str, filename: str = "", *, had_token: bool = False) -> WrenError:
    """A one-line message for a Hub failure. Never includes request headers (the token)."""
    what = f"{repo_id}/{filename}" if filename else repo_id
    if isinstance(e, GatedRepoError):
        return GatedRepo(repo_id, had_token)
    if isinstance(e, (EntryNotFoundError,)):
        return BadInput(f"{filename or what}: no such file in {repo_id}")
    if isinstance(e, RevisionNotFoundError):
        return BadInput(f"{what}: no such revision on the Hub")
    if isinstance(e, RepositoryNotFoundError):
        code = getattr(getattr(e, "response", None), "status_code", 0)
        if code in (401, 403):
            return GatedRepo(repo_id, had_token)
        return BadInput(f"{repo_id}: no such model repository on the Hub (or it is private)")
    if isinstance(e, HfHubHTTPError):
        code = getattr(getattr(e, "response", None), "status_code", 0)
        if code in (401, 403):
            return GatedRepo(repo_id, had_token)
        if code == 404:  # a 404 without the Hub's error code (a proxy, a mirror)
            return BadInput(f"{filename or what}: no such file in {repo_id}" if filename
                            else f"{repo_id}: no such model repository on the Hub")
        return WrenError(f"the Hub answered HTTP {code} for {what}")
    if isinstance(e, httpx2.TransportError):
        return HubUnreachable(f"cannot reach the Hugging Face Hub at {hub_endpoint()} "
                              f"({type(e).__name__}): check the network and try again")
    return WrenError(f"{what}: {type(e).__name__}")


def quantization_of(filename: str) -> str:
    found = list(_QUANT.finditer(filename.rsplit("/", 1)[-1]))
    return found[-1].group(1).upper() if found else ""


@dataclass(frozen=True)
class RepoHit:
    repo_id: str
    downloads: int
    likes: int
    gated: bool


@dataclass(frozen=True)
class RemoteFile:
    repo_id: str
    filename: str
    size_bytes: int
    sha256: str | None
    quantization: str


@dataclass(frozen=True)
class FileMeta:
    url: str
    size_bytes: int
    sha256: str | None  # the LFS sha256 (the Hub's etag for LFS files), None for plain git files
    commit: str | None


def check_reachable(endpoint: str | None = None, timeout: float = 3.0) -> None:
    """Fail fast when offline: huggingface_hub retries a dead connection for ~20 s."""
    import socket
    from urllib.parse import urlsplit

    ep = endpoint or hub_endpoint()
    u = urlsplit(ep)
    port = u.port or (443 if u.scheme == "https" else 80)
    try:
        socket.create_connection((u.hostname or "", port), timeout=timeout).close()
    except OSError as e:
        raise HubUnreachable(f"cannot reach the Hugging Face Hub at {ep} "
                             f"({e.strerror or type(e).__name__}): check the network and try again") from None


def search_gguf(query: str, limit: int = 30, *, token: str | None = None,
                endpoint: str | None = None) -> list[RepoHit]:
    """Model repos matching `query` that hold GGUF files, most downloaded first."""
    check_reachable(endpoint)
    try:
        found = api(token, endpoint).list_models(search=query or None, filter="gguf",
                                                 sort="downloads", limit=limit)
        return [RepoHit(m.id, int(m.downloads or 0), int(m.likes or 0), bool(m.gated))
                for m in found]
    except Exception as e:
        raise translate_error(e, query or "search", had_token=bool(token)) from None


def list_gguf_files(repo_id: str, revision: str | None = None, *, token: str | None = None,
                    endpoint: str | None = None) -> list[RemoteFile]:
    """The repo's .gguf files with sizes and LFS sha256 (one request: files_metadata=True)."""
    check_reachable(endpoint)
    try:
        info = api(token, endpoint).model_info(repo_id, revision=revision, files_metadata=True)
    except Exception as e:
        raise translate_error(e, repo_id, had_token=bool(token)) from None
    out = []
    for s in info.siblings or []:
        if not s.rfilename.lower().endswith(".gguf"):
            continue
        sha = s.lfs.sha256 if s.lfs else None
        size = s.lfs.size if s.lfs else (s.size or 0)
        out.append(RemoteFile(repo_id, s.rfilename, int(size or 0), sha, quantization_of(s.rfilename)))
    return sorted(out, key=lambda f: f.size_bytes)


def file_metadata(repo_id: str, filename: str, revision: str = "main", *,
                  token: str | None = None, endpoint: str | None = None) -> FileMeta:
    ep = endpoint or hub_endpoint()
    url = hf_hub_url(repo_id, filename, revision=revision, endpoint=ep)
    check_reachable(ep)
    try:
        meta = get_hf_file_metadata(url, token=token or False, endpoint=ep, retry_on_errors=True)
    except Exception as e:
        raise translate_error(e, repo_id, filename, had_token=bool(token)) from None
    etag = (meta.etag or "").lower()
    return FileMeta(url=url, size_bytes=int(meta.size or 0),
                    sha256=etag if _SHA256.match(etag) else None, commit=meta.commit_hash)


def file_url(repo_id: str, filename: str, revision: str = "main", endpoint: str | None = None) -> str:
    return hf_hub_url(repo_id, filename, revision=revision, endpoint=endpoint or hub_endpoint())
