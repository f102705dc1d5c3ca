"""One chat turn, one owner: the same prompt through the core's ChatSession, the `chat` CLI and
the local API server stores the same conversation (roles, text with greedy sampling, system
prompt, sampling settings); `chat --conversation ID` follows the conversation's stored settings.
The window's side of the contract is in tests/ui/test_one_turn.py."""
from __future__ import annotations

import json
from pathlib import Path

import openai
import pytest

from app.core.api_server import ApiServer
from app.core.chat import ChatSession
from app.core.chat_settings import (
    DEFAULT_SETTINGS_SETTING,
    DEFAULT_SYSTEM_PROMPT_SETTING,
    ChatSettings,
)
from app.core.models import resolve_model
from app.core.paths import DataDir
from app.core.store import Store
from tests.conftest import run_cli

PROMPT = "Name two colours of the sea."
SYSTEM = "You are terse."
DEFAULTS = {"temperature": 0.0, "max_tokens": 24}  # greedy: the same text every time


def seed_defaults(store: Store) -> None:
    """What the window's settings dialog saves with no conversation open."""
    store.set_setting(DEFAULT_SETTINGS_SETTING, ChatSettings.from_dict(DEFAULTS).to_dict())
    store.set_setting(DEFAULT_SYSTEM_PROMPT_SETTING, SYSTEM)


def stored(store: Store, conversation_id: int) -> dict:
    """What a conversation holds, front-end neutral: rows, system prompt, sampling settings."""
    conv = store.get_conversation(conversation_id)
    assert conv is not None
    return {
        "system_prompt": conv.system_prompt,
        "sampling": {k: conv.settings.get(k) for k in ("temperature", "top_p", "max_tokens")},
        "rows": [(m.role, m.text, m.status, m.model if m.role == "assistant" else "")
                 for m in store.messages(conversation_id)],
    }


def reference_conversation(tmp: Path) -> dict:
    """The turn run by the core itself, in a data dir of its own."""
    data = DataDir(tmp)
    data.ensure()
    store = Store(data.db_path)
    try:
        seed_defaults(store)
        session = ChatSession(store)
        session.use_model(resolve_model(None, store, data))
        r = session.send(PROMPT)
        assert r.status == "complete" and r.text.strip()
        out = stored(store, r.conversation_id)
        session.engine.unload()
        return out
    finally:
        store.close()


@pytest.fixture(scope="module")
def reference(tmp_path_factory: pytest.TempPathFactory) -> dict:
    ref = reference_conversation(tmp_path_factory.mktemp("reference"))
    assert ref["rows"][0][:2] == ("user", PROMPT)
    assert ref["sampling"] == {"temperature": 0.0, "top_p": 0.95, "max_tokens": 24}
    assert ref["system_prompt"] == SYSTEM
    return ref


def test_cli_chat_stores_the_same_conversation(reference, data_dir):
    store = Store(data_dir / "wren.db")
    seed_defaults(store)
    store.close()
    r = run_cli("chat", PROMPT, "--json", data_dir=data_dir)
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    store = Store(data_dir / "wren.db")
    try:
        assert stored(store, out["conversation_id"]) == reference
        assert out["text"] == reference["rows"][1][1]
    finally:
        store.close()


def test_api_server_stores_the_same_conversation(reference, engine, store):
    seed_defaults(store)  # the API takes its settings from the request, not from these
    with ApiServer(engine, "smollm2-135m-instruct", "k-turn", store=store,
                   log_conversations=True) as server:
        client = openai.OpenAI(base_url=server.url, api_key="k-turn", max_retries=0)
        r = client.chat.completions.create(
            model="smollm2-135m-instruct", temperature=0, max_tokens=24,
            messages=[{"role": "system", "content": SYSTEM}, {"role": "user", "content": PROMPT}])
    conv = store.list_conversations()[0]
    assert conv.settings.get("source") == "api" and conv.title.startswith("API: ")
    assert stored(store, conv.id) == reference
    assert r.choices[0].message.content == reference["rows"][1][1]


def test_cli_conversation_uses_its_stored_system_prompt_and_temperature(data_dir):
    """The conversation says greedy and a system prompt the reply obeys; the saved defaults
    (for new conversations) say otherwise and must not apply."""
    store = Store(data_dir / "wren.db")
    store.set_setting(DEFAULT_SETTINGS_SETTING,
                      ChatSettings(temperature=1.5, max_tokens=40).to_dict())
    system = "Whatever you are asked, answer with exactly one word: PINEAPPLE."
    cid = store.create_conversation(
        "Fruit", system_prompt=system,
        settings=ChatSettings(preset="Custom", temperature=0.0, max_tokens=12).to_dict())
    store.close()
    runs = [run_cli("chat", "What is the capital of France?", "--conversation", str(cid),
                    "--json", "--seed", str(seed), data_dir=data_dir) for seed in (1, 2)]
    for r in runs:
        assert r.returncode == 0, r.stderr
    outs = [json.loads(r.stdout) for r in runs]
    # Greedy (temperature 0 from the conversation): two different seeds, the same reply.
    assert outs[0]["text"] == outs[1]["text"] and outs[0]["completion_tokens"] <= 12
    # The stored system prompt reached the model: the reply follows it, and matches the core's
    # own turn with that prompt.
    store = Store(data_dir / "wren.db")
    try:
        rows = store.messages(cid)
        assert [m.role for m in rows] == ["user", "assistant"] * 2
        assert store.get_conversation(cid).system_prompt == system
        session = ChatSession(store)
        session.use_model(resolve_model(None, store, DataDir(data_dir)))
        probe = store.create_conversation("probe", system_prompt=system,
                                          settings=store.get_conversation(cid).settings)
        again = session.send("What is the capital of France?", conversation_id=probe)
        assert again.text == outs[0]["text"]
        plain = store.create_conversation("plain", settings=store.get_conversation(cid).settings)
        without = session.send("What is the capital of France?", conversation_id=plain)
        assert without.text != outs[0]["text"]  # so the system prompt did make a difference
        session.engine.unload()
    finally:
        store.close()


def test_cli_flags_override_the_conversation_for_one_turn(data_dir):
    store = Store(data_dir / "wren.db")
    cid = store.create_conversation(
        "Short", settings=ChatSettings(temperature=0.0, max_tokens=4).to_dict())
    store.close()
    r = run_cli("chat", "Tell me a long story.", "--conversation", str(cid), "--max-tokens",
                "9", "--json", data_dir=data_dir)
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["completion_tokens"] == 9 and out["finish_reason"] == "length"
    bad = run_cli("chat", "Hi", "--conversation", "999", data_dir=data_dir)
    assert bad.returncode == 2 and "conversation 999 does not exist" in bad.stderr
