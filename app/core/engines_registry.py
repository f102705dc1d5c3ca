"""Remote engines the user added: name + base URL in the `engines` table, API key in the keyring.

A model on a remote engine is addressed as `remote:<engine-name>/<model-id>` (the model id may
itself contain '/', e.g. `remote:gpu/meta-llama/Llama-3.1-8B-Instruct`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from app.core.api_keys import delete_secret, get_secret, set_secret
from app.core.errors import BadInput
from app.core.remote import (
    DEFAULT_READ_TIMEOUT_S,
    RemoteEndpoint,
    RemoteEngine,
    RemoteError,
    RemoteModelInfo,
    check_connection,
    normalize_base_url,
    parse_remote_spec,
)
from app.core.store import Store

NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
REMOTE_SOURCE = "remote"


@dataclass(frozen=True)
class EngineRecord:
    name: str
    base_url: str
    kind: str
    has_key: bool

    def to_dict(self) -> dict[str, object]:
        return {"name": self.name, "base_url": self.base_url, "kind": self.kind,
                "has_key": self.has_key}


@dataclass(frozen=True)
class AddResult:
    engine: EngineRecord
    message: str = ""  # e.g. "the key is kept for this session only"


def _key_name(engine: str) -> str:
    return f"engine:{engine}"


def validate_name(name: str) -> str:
    name = (name or "").strip()
    if not NAME_RE.match(name):
        raise BadInput(f"'{name}' is not a valid engine name: use letters, digits, '.', '_' "
                       "or '-' (up to 64, no spaces or '/')")
    return name


def add_engine(store: Store, name: str, base_url: str, api_key: str | None = None,
               kind: str = "openai") -> AddResult:
    """Record an engine. The key goes to the keyring (session memory if there is none)."""
    name = validate_name(name)
    url = normalize_base_url(base_url)
    if store.get_engine(name) is not None:
        raise BadInput(f"an engine named '{name}' already exists: remove it first or pick "
                       "another name")
    message = ""
    api_key = (api_key or "").strip() or None
    if api_key:
        res = set_secret(_key_name(name), api_key)
        message = res.message
    store.add_engine(name, url, kind)
    return AddResult(EngineRecord(name, url, kind, bool(api_key)), message)


def remove_engine(store: Store, name: str) -> None:
    if not store.delete_engine(name):
        raise BadInput(f"there is no engine named '{name}'")
    delete_secret(_key_name(name))


def list_engines(store: Store) -> list[EngineRecord]:
    return [EngineRecord(r["name"], r["base_url"], r["kind"],
                         get_secret(_key_name(r["name"])) is not None)
            for r in store.list_engines()]


def endpoint(store: Store, name: str, read_timeout_s: float = DEFAULT_READ_TIMEOUT_S
             ) -> RemoteEndpoint:
    row = store.get_engine(name)
    if row is None:
        known = ", ".join(r["name"] for r in store.list_engines()) or "none yet"
        raise BadInput(f"there is no remote engine named '{name}' (engines: {known})")
    return RemoteEndpoint(row["name"], row["base_url"], get_secret(_key_name(name)),
                          read_timeout_s=read_timeout_s)


def engine_for_spec(store: Store, spec: str) -> RemoteEngine:
    """A (not yet loaded) RemoteEngine for `remote:<engine>/<model>`."""
    name, _model = parse_remote_spec(spec)
    return RemoteEngine(endpoint(store, name))


@dataclass(frozen=True)
class EngineModels:
    engine: EngineRecord
    models: list[RemoteModelInfo]
    error: str = ""  # the one-line reason when the engine could not be reached


def remote_models(store: Store) -> list[EngineModels]:
    """Every engine's models, for the picker (one network call per engine; an unreachable
    engine is reported, not raised). Call off the GUI thread."""
    out = []
    for rec in list_engines(store):
        try:
            models = check_connection(endpoint(store, rec.name))
            out.append(EngineModels(rec, models))
        except RemoteError as e:
            out.append(EngineModels(rec, [], e.message))
    return out
