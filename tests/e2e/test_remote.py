"""Remote engines, end to end against real loopback servers: llama.cpp's own server for chat,
stop and a server killed mid-reply; a misbehaving server for 401, 500, garbage SSE, a cut
stream and a timeout; nothing at all for connection refused."""
from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest

from app.core.chat import ChatSession
from app.core.engine import LoadOptions, SamplingParams
from app.core.engines_registry import add_engine, list_engines, remove_engine
from app.core.errors import BadInput, ContextOverflow
from app.core.models import resolve_model
from app.core.paths import DataDir
from app.core.remote import RemoteEndpoint, RemoteEngine, RemoteError, check_connection
from tests.conftest import run_cli
from tests.remote_helpers import FaultServer, LlamaServer, free_port

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("file_keyring")]


@pytest.fixture(scope="module")
def llama_server(starter_model: Path):
    s = LlamaServer(starter_model)
    yield s
    s.stop()


@pytest.fixture
def fault():
    servers: list[FaultServer] = []

    def make(mode: str, **kw) -> FaultServer:
        s = FaultServer(mode, **kw)
        servers.append(s)
        return s

    yield make
    for s in servers:
        s.stop()


def _session(store, data_dir: Path, url: str, name: str = "lcs", model: str = "smollm2",
             key: str | None = None) -> ChatSession:
    add_engine(store, name, url, key)
    session = ChatSession(store)
    session.use_model(resolve_model(f"remote:{name}/{model}", store, DataDir(data_dir)))
    return session


# ---------------------------------------------------------------- llama.cpp server
def test_chat_through_llama_cpp_server_is_stored(store, data_dir, llama_server):
    session = _session(store, data_dir, llama_server.base_url)
    assert isinstance(session.engine, RemoteEngine)
    assert session.engine.model.n_ctx is None  # llama_cpp.server does not report it
    pieces: list[str] = []
    r = session.send("Say hello.", params=SamplingParams(max_tokens=24, seed=1),
                     on_text=pieces.append)
    assert r.status == "complete"
    assert r.text and r.text == "".join(pieces)
    assert len(pieces) > 1  # streamed, not one blob
    assert r.stats.completion_tokens == len(pieces)
    msgs = store.messages(r.conversation_id)
    assert [m.role for m in msgs] == ["user", "assistant"]
    assert msgs[1].text == r.text and msgs[1].status == "complete"
    assert msgs[1].model == "remote:lcs/smollm2"
    # A second turn on the same conversation sees the history and is stored too.
    r2 = session.send("And again.", conversation_id=r.conversation_id,
                      params=SamplingParams(max_tokens=8))
    assert len(store.messages(r.conversation_id)) == 4 and r2.text


def test_stop_mid_reply_keeps_the_partial_text(store, data_dir, llama_server):
    session = _session(store, data_dir, llama_server.base_url)
    pieces: list[str] = []
    stop = threading.Event()

    def on_text(p: str) -> None:
        pieces.append(p)
        if len(pieces) == 3:
            stop.set()  # the turn's own cancel token (the window's Stop)

    r = session.send("Write a long story about a fox.", params=SamplingParams(max_tokens=200),
                     on_text=on_text, cancel=stop)
    assert r.status == "cancelled"
    assert 3 <= len(pieces) < 20
    stored = store.messages(r.conversation_id)[-1]
    assert stored.status == "cancelled" and stored.text == "".join(pieces) == r.text


def test_server_killed_mid_stream_keeps_partial_reply(store, data_dir, starter_model):
    server = LlamaServer(starter_model)
    try:
        session = _session(store, data_dir, server.base_url)
        pieces: list[str] = []

        def on_text(p: str) -> None:
            pieces.append(p)
            if len(pieces) == 3:
                server.kill()

        with pytest.raises(RemoteError) as ei:
            session.send("Write a long story about a fox.",
                         params=SamplingParams(max_tokens=400), on_text=on_text)
        assert ei.value.kind in ("disconnected", "connect")
        assert "\n" not in str(ei.value)
        conv = store.list_conversations()[0]
        stored = store.messages(conv.id)[-1]
        assert stored.role == "assistant" and stored.status == "error"
        assert stored.text == "".join(pieces) and len(pieces) >= 3
    finally:
        server.stop()


def test_cli_chat_with_remote_model(store, data_dir, llama_server, file_keyring):
    add_engine(store, "lcs", llama_server.base_url)
    p = run_cli("chat", "Hi", "--model", "remote:lcs/smollm2", "--max-tokens", "8", "--json",
                data_dir=data_dir)
    assert p.returncode == 0, p.stderr
    out = json.loads(p.stdout)
    assert out["text"] and out["model"] == "remote:lcs/smollm2"
    assert store.messages(out["conversation_id"])[-1].text == out["text"]
    p = run_cli("chat", "Hi", "--model", "remote:nope/smollm2", data_dir=data_dir)
    assert p.returncode == 2 and "no remote engine named 'nope'" in p.stderr
    assert len(p.stderr.strip().splitlines()) == 1
    p = run_cli("chat", "Hi", "--model", "remote:lcs/no-such-model", data_dir=data_dir)
    assert p.returncode == 1 and "no-such-model" in p.stderr
    assert "Traceback" not in p.stderr


# ---------------------------------------------------------------------- faults
def test_connection_refused_is_one_clear_line():
    ep = RemoteEndpoint("gone", f"http://127.0.0.1:{free_port()}/v1")
    with pytest.raises(RemoteError) as ei:
        check_connection(ep)
    assert ei.value.kind == "connect"
    assert "connection refused" in str(ei.value) and "127.0.0.1" in str(ei.value)


def test_401_says_the_key_was_refused_without_echoing_it(fault):
    s = fault("401")
    ep = RemoteEndpoint("secure", s.base_url, api_key="sk-secret-123")
    with pytest.raises(RemoteError) as ei:
        check_connection(ep)
    assert ei.value.kind == "auth" and "401" in str(ei.value)
    assert "refused" in str(ei.value) and "sk-secret-123" not in str(ei.value)
    assert "Bearer sk-secret-123" in s.seen_auth  # the key was really sent


def test_500_mid_chat_gives_server_message(fault, store, data_dir):
    s = fault("500")
    session = _session(store, data_dir, s.base_url, name="f500", model="m")
    with pytest.raises(RemoteError) as ei:
        session.send("Hi")
    assert ei.value.kind == "server"
    assert "HTTP 500" in str(ei.value) and "CUDA out of memory" in str(ei.value)
    stored = store.messages(store.list_conversations()[0].id)[-1]
    assert stored.status == "error" and stored.text == ""


def test_garbage_sse_is_a_protocol_error_and_keeps_what_came(fault, store, data_dir):
    s = fault("garbage")
    session = _session(store, data_dir, s.base_url, name="junk", model="m")
    with pytest.raises(RemoteError) as ei:
        session.send("Hi")
    assert ei.value.kind == "protocol" and "malformed" in str(ei.value)
    stored = store.messages(store.list_conversations()[0].id)[-1]
    assert stored.status == "error" and stored.text == "Hel"


def test_stream_cut_without_finish_is_disconnected(fault, store, data_dir):
    s = fault("cut")
    session = _session(store, data_dir, s.base_url, name="cut", model="m")
    with pytest.raises(RemoteError) as ei:
        session.send("Hi")
    assert ei.value.kind == "disconnected"
    stored = store.messages(store.list_conversations()[0].id)[-1]
    assert stored.status == "error" and stored.text == "Hello wor"


def test_timeout(fault):
    s = fault("hang")
    eng = RemoteEngine(RemoteEndpoint("slow", s.base_url, read_timeout_s=1.0))
    eng.load("m")
    with pytest.raises(RemoteError) as ei:
        list(eng.stream_chat([{"role": "user", "content": "Hi"}]))
    assert ei.value.kind == "timeout" and "did not answer in time" in str(ei.value)


def test_cancel_while_waiting_for_first_token(fault):
    import threading

    s = fault("hang")
    eng = RemoteEngine(RemoteEndpoint("slow", s.base_url, read_timeout_s=20.0))
    eng.load("m")
    reply = eng.stream_chat([{"role": "user", "content": "Hi"}])
    t = threading.Timer(0.5, reply.cancel)
    t.start()
    out = list(reply)
    t.join()
    assert out == [] and eng.last_stats.finish_reason == "cancelled"


# ------------------------------------------------------------ context length
@pytest.mark.parametrize("kw, expected, source", [
    ({"models_extra": {"max_model_len": 32768}}, 32768, "max_model_len"),  # vLLM
    ({"models_extra": {"meta": {"n_ctx_train": 8192}}}, 8192, "meta.n_ctx_train"),  # llama.cpp
    ({"props_ctx": 4096}, 4096, "/props"),  # llama.cpp server's /props
    ({"ollama_ctx": 131072}, 131072, "ollama"),  # Ollama /api/show
    ({}, None, ""),
])
def test_context_length_from_the_server(fault, kw, expected, source):
    s = fault("ok", **kw)
    eng = RemoteEngine(RemoteEndpoint("ctx", s.base_url))
    m = eng.load("m")
    assert m.n_ctx == expected and source in m.n_ctx_source
    assert "".join(eng.stream_chat([{"role": "user", "content": "Hi"}])) == "Hello world!"
    assert eng.last_stats.finish_reason == "stop"


def test_unknown_context_is_asked_and_enforced(fault, store, data_dir):
    s = fault("ok")
    session = _session(store, data_dir, s.base_url, name="ask", model="m")
    assert session.engine.model.n_ctx is None  # the caller must ask the user
    session.engine.set_context_length(64)  # the user's answer
    assert session.engine.model.n_ctx_source == "user"
    with pytest.raises(ContextOverflow):
        session.send("word " * 400, params=SamplingParams(max_tokens=8))
    # LoadOptions(n_ctx=...) (`chat --ctx N`) gives the same answer up front.
    eng = RemoteEngine(RemoteEndpoint("ask", s.base_url))
    assert eng.load("m", LoadOptions(n_ctx=2048)).n_ctx == 2048


# -------------------------------------------------------------- the registry
def test_registry_keeps_key_in_keyring_only(store, data_dir, fault, file_keyring):
    s = fault("ok")
    res = add_engine(store, "gpu", s.base_url.removesuffix("/v1") + "/", "sk-live-999")
    assert res.message == "" and res.engine.base_url == s.base_url
    assert [e.to_dict() for e in list_engines(store)] == [
        {"name": "gpu", "base_url": s.base_url, "kind": "openai", "has_key": True}]
    assert b"sk-live-999" not in (data_dir / "wren.db").read_bytes()
    import keyring

    assert keyring.get_password("wren", "engine:gpu") == "sk-live-999"
    assert file_keyring.is_file()  # the real file backend holds it
    session = ChatSession(store)
    session.use_model(resolve_model("remote:gpu/m", store, DataDir(data_dir)))
    assert session.send("Hi").text == "Hello world!"
    assert "Bearer sk-live-999" in s.seen_auth
    with pytest.raises(BadInput, match="already exists"):
        add_engine(store, "gpu", s.base_url)
    with pytest.raises(BadInput, match="not an http"):
        add_engine(store, "x", "ftp://host")
    with pytest.raises(BadInput, match="not a valid engine name"):
        add_engine(store, "a/b", s.base_url)
    remove_engine(store, "gpu")
    assert list_engines(store) == [] and keyring.get_password("wren", "engine:gpu") is None
    with pytest.raises(BadInput, match="no engine named"):
        remove_engine(store, "gpu")
    with pytest.raises(BadInput):
        resolve_model("remote:gpu", store, DataDir(data_dir))


def test_registry_without_keyring_backend_is_session_only(store):
    import keyring
    from keyring.backends import fail

    keyring.set_keyring(fail.Keyring())
    res = add_engine(store, "nokr", "http://127.0.0.1:1", "sk-abc")
    assert "session only" in res.message
    assert list_engines(store)[0].has_key  # still usable in this session
    assert b"sk-abc" not in Path(store.path).read_bytes()


def test_switching_back_to_a_local_model_uses_the_local_engine(store, data_dir, fault):
    from app.core.engine import Engine

    s = fault("ok")
    local = Engine()
    session = ChatSession(store, local)
    add_engine(store, "sw", s.base_url)
    session.use_model(resolve_model("remote:sw/m", store, DataDir(data_dir)))
    assert isinstance(session.engine, RemoteEngine)
    session.use_model(resolve_model("smollm2-135m-instruct", store, DataDir(data_dir)),
                      LoadOptions(n_ctx=512))
    assert session.engine is local and local.loaded
    assert session.send("Hi", params=SamplingParams(max_tokens=4)).status == "complete"
    local.unload()
