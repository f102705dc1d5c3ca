"""Wren's local API server: the official `openai` client against `python main.py serve` in a
child process, and the ApiServer in-process on the session's loaded engine."""
from __future__ import annotations

import re
import subprocess
import sys
import threading
import time

import openai
import pytest

from app.core.api_server import ApiServer, FifoGate, ServerStatus
from tests.conftest import ROOT, run_cli
from tests.remote_helpers import child_keyring_env, wait_http

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory):
    """`python main.py serve --port 0` with its keyring in a temp dir. Yields (url, key, proc)."""
    tmp = tmp_path_factory.mktemp("serve")
    env = child_keyring_env(tmp)
    data = tmp / "data"
    key = run_cli("serve", "--show-key", data_dir=data, env=env)
    assert key.returncode == 0, key.stderr
    key = key.stdout.strip()
    assert key.startswith("wren-") and len(key) > 30
    again = run_cli("serve", "--show-key", data_dir=data, env=env)
    assert again.stdout.strip() == key  # stored in the keyring, not made anew
    err_path = tmp / "serve.err"
    proc = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "--data-dir", str(data), "serve", "--port", "0",
         "--ctx", "2048"],
        stdout=subprocess.PIPE, stderr=open(err_path, "w"), text=True, env=env, cwd=str(ROOT))
    url = None
    deadline = time.monotonic() + 120
    while url is None and time.monotonic() < deadline:
        m = re.search(r"at (http://127\.0\.0\.1:\d+/v1)", err_path.read_text())
        if m:
            url = m.group(1)
        elif proc.poll() is not None:
            pytest.fail(f"serve exited: {err_path.read_text()}")
        time.sleep(0.2)
    assert url, err_path.read_text()
    wait_http(url.removesuffix("/v1") + "/health", proc=proc)
    yield url, key, proc, data
    proc.terminate()
    proc.wait(timeout=30)
    assert proc.returncode == 0
    assert "server stopped" in err_path.read_text()


def test_openai_client_chat_and_models(served):
    url, key, _, _ = served
    client = openai.OpenAI(base_url=url, api_key=key, max_retries=0)
    models = client.models.list().data
    assert [m.id for m in models] == ["smollm2-135m-instruct"]
    assert models[0].model_extra["max_model_len"] == 2048
    r = client.chat.completions.create(
        model="smollm2-135m-instruct", max_tokens=16, seed=3,
        messages=[{"role": "system", "content": "Be brief."},
                  {"role": "user", "content": "Say hello."}])
    assert r.choices[0].message.content
    assert r.choices[0].finish_reason in ("stop", "length")
    assert 0 < r.usage.completion_tokens <= 16 and r.usage.prompt_tokens > 5


def test_openai_client_streaming(served):
    url, key, _, _ = served
    client = openai.OpenAI(base_url=url, api_key=key, max_retries=0)
    pieces, usage, finish = [], None, None
    for ch in client.chat.completions.create(
            model="any", max_tokens=20, stream=True, stream_options={"include_usage": True},
            messages=[{"role": "user", "content": "Count to five."}]):
        if ch.usage is not None:
            usage = ch.usage
        if ch.choices:
            if ch.choices[0].delta.content:
                pieces.append(ch.choices[0].delta.content)
            finish = ch.choices[0].finish_reason or finish
    assert len(pieces) > 1 and finish in ("stop", "length")
    assert usage is not None and usage.completion_tokens == len(pieces)


def test_wrong_or_missing_key_is_401(served):
    url, _, _, _ = served
    with pytest.raises(openai.AuthenticationError) as ei:
        openai.OpenAI(base_url=url, api_key="wren-wrong", max_retries=0).models.list()
    assert ei.value.status_code == 401
    import httpx2

    r = httpx2.post(url + "/chat/completions", json={"messages": [{"role": "user", "content": "x"}]})
    assert r.status_code == 401 and "API key" in r.json()["error"]["message"]


def test_bad_requests_get_400(served):
    url, key, _, _ = served
    client = openai.OpenAI(base_url=url, api_key=key, max_retries=0)
    with pytest.raises(openai.BadRequestError, match="messages"):
        client.chat.completions.create(model="m", messages=[])
    with pytest.raises(openai.BadRequestError, match="temperature"):
        client.chat.completions.create(model="m", temperature=9,
                                       messages=[{"role": "user", "content": "x"}])
    with pytest.raises(openai.BadRequestError, match="context"):
        client.chat.completions.create(model="m", max_tokens=4,
                                       messages=[{"role": "user", "content": "word " * 3000}])


def test_concurrent_requests_are_queued_and_all_answered(served):
    url, key, _, _ = served
    client = openai.OpenAI(base_url=url, api_key=key, max_retries=0, timeout=300)
    results: dict[int, str] = {}

    def ask(i: int) -> None:
        r = client.chat.completions.create(model="m", max_tokens=12, seed=i,
                                           messages=[{"role": "user", "content": f"Number {i}?"}])
        results[i] = r.choices[0].message.content or ""

    threads = [threading.Thread(target=ask, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(300)
    assert sorted(results) == [0, 1, 2, 3] and all(results.values())


def test_bound_to_loopback_only(served):
    import psutil

    _, _, proc, _ = served
    listening = [c for c in psutil.Process(proc.pid).net_connections(kind="inet")
                 if c.status == psutil.CONN_LISTEN]
    assert listening and all(c.laddr.ip == "127.0.0.1" for c in listening)


def test_non_loopback_host_is_refused(tmp_path):
    env = child_keyring_env(tmp_path)
    p = run_cli("serve", "--host", "0.0.0.0", "--port", "0", data_dir=tmp_path / "d", env=env)
    assert p.returncode == 2
    assert "refusing to serve on 0.0.0.0" in p.stderr and "--allow-remote" in p.stderr
    assert len(p.stderr.strip().splitlines()) == 1
    p = run_cli("serve", "--port", "70000", data_dir=tmp_path / "d", env=env)
    assert p.returncode == 2 and "--port" in p.stderr


def test_requests_not_logged_by_default(served):
    from app.core.store import Store

    _, _, _, data = served
    s = Store(data / "wren.db")
    try:
        assert s.list_conversations() == []
    finally:
        s.close()


# ------------------------------------------------------------------ in-process
def test_status_callback_queue_and_conversation_log(engine, store):
    statuses: list[ServerStatus] = []
    gate = FifoGate()
    server = ApiServer(engine, "starter", "wren-k", store=store, log_conversations=True,
                       on_status=statuses.append, gate=gate)
    with server:
        client = openai.OpenAI(base_url=server.url, api_key="wren-k", max_retries=0)
        # The window holds the model: API requests wait in the queue meanwhile.
        done: list[str] = []
        with gate.hold("window"):
            threads = [threading.Thread(target=lambda i=i: done.append(
                client.chat.completions.create(
                    model="m", max_tokens=6, messages=[{"role": "user", "content": f"Hi {i}"}]
                ).choices[0].message.content)) for i in range(3)]
            for t in threads:
                t.start()
            deadline = time.monotonic() + 30
            while server.status().queued + server.status().busy < 3 and time.monotonic() < deadline:
                time.sleep(0.05)
            assert server.status().queued + server.status().busy == 3
            assert done == []  # nothing ran while the window held the model
        for t in threads:
            t.join(120)
        assert len(done) == 3
    assert any(s.busy for s in statuses) and any(s.queued >= 2 for s in statuses)
    assert statuses[-1].running is False and statuses[-1].served == 3
    convs = store.list_conversations()
    assert len(convs) == 3 and all(c.title.startswith("API: Hi") for c in convs)
    msgs = store.messages(convs[0].id)
    assert [m.role for m in msgs] == ["user", "assistant"] and msgs[1].text


def test_remote_engine_reads_context_from_wren_api(engine, store):
    """Wren's own server as a remote engine: max_model_len is reported and used."""
    from app.core.engine import SamplingParams
    from app.core.remote import RemoteEndpoint, RemoteEngine

    with ApiServer(engine, "starter", "wren-k2", store=store) as server:
        remote = RemoteEngine(RemoteEndpoint("self", server.url, api_key="wren-k2"))
        m = remote.load("starter")
        assert m.n_ctx == engine.model.n_ctx and "max_model_len" in m.n_ctx_source
        text = "".join(remote.stream_chat([{"role": "user", "content": "Hi"}],
                                          SamplingParams(max_tokens=8)))
        assert text and remote.last_stats.completion_tokens > 0
        remote.unload()
    assert store.list_conversations() == []  # logging is off unless turned on


def test_client_leaving_mid_stream_frees_the_model(engine, store):
    import httpx2

    with ApiServer(engine, "starter", "k3", store=store, log_conversations=True) as server:
        with httpx2.stream("POST", server.url + "/chat/completions",
                           headers={"Authorization": "Bearer k3"},
                           json={"messages": [{"role": "user", "content": "Tell a long story"}],
                                 "max_tokens": 400, "stream": True}) as r:
            for line in r.iter_lines():
                if line.startswith("data: {") and '"content": "' in line and '""' not in line:
                    break  # leave after the first token
        client = openai.OpenAI(base_url=server.url, api_key="k3", max_retries=0, timeout=120)
        r2 = client.chat.completions.create(model="m", max_tokens=4,
                                            messages=[{"role": "user", "content": "Hi"}])
        assert r2.choices[0].message.content
        deadline = time.monotonic() + 30
        while server.status().busy and time.monotonic() < deadline:
            time.sleep(0.05)
        assert server.status().served == 2
        # The abandoned stream stopped soon after the client left, not after 400 tokens.
        first = next(c for c in store.list_conversations() if "long story" in c.title)
        reply = store.messages(first.id)[-1]
        assert reply.status == "cancelled" and reply.completion_tokens < 50
