"""Export to JSON/Markdown and import back: round trip, validation, duplicates, atomicity."""
import json

import pytest

from app.core.errors import BadInput, StoreError
from app.core.history import (
    FORMAT_VERSION,
    export_data,
    export_json,
    export_markdown,
    import_data,
    import_file,
    load_export,
)
from app.core.store import Store


def fill(store):
    store.conn.execute("INSERT INTO documents(name, kind, pages, chars, tokens, created_at) "
                       "VALUES ('report.pdf', 'pdf', 3, 1200, 300, 1.5)")
    doc = store.conn.execute("SELECT max(id) FROM documents").fetchone()[0]
    a = store.create_conversation("Zürich trip", model="smollm2", system_prompt="Be brief.",
                                  settings={"temperature": 0.3, "max_tokens": 64})
    store.add_message(a, "user", "Plan a day in Zürich ☀️")
    r = store.add_message(a, "assistant", "", model="smollm2", status="partial")
    store.update_message(r, text="Old town, lake, Kunsthaus.", status="complete",
                         prompt_tokens=20, completion_tokens=8, ttft_s=0.25,
                         prompt_tokens_per_s=80.5, decode_tokens_per_s=31.25, n_ctx=8192,
                         n_threads=2, extra={"finish_reason": "stop"})
    store.add_message(a, "document", "summary of report", document_id=doc)
    store.add_message(a, "assistant", "cut short", model="smollm2", status="cancelled")
    b = store.create_conversation("Empty one")
    store.delete_conversation(store.create_conversation("gap"))  # ids with a hole
    c = store.create_conversation("Third")
    store.add_message(c, "user", "line one\nline two\n\n```py\nprint(1)\n```")
    return a, b, c


def test_export_contains_model_settings_timings(store):
    a, _, _ = fill(store)
    data = export_data(store, a)
    assert data["format"] == "wren-conversations" and data["version"] == FORMAT_VERSION
    (conv,) = data["conversations"]
    assert conv["model"] == "smollm2" and conv["settings"] == {"temperature": 0.3, "max_tokens": 64}
    assert conv["system_prompt"] == "Be brief."
    reply = conv["messages"][1]
    assert reply["timings"] == {"prompt_tokens": 20, "completion_tokens": 8, "ttft_s": 0.25,
                                "prompt_tokens_per_s": 80.5, "decode_tokens_per_s": 31.25,
                                "n_ctx": 8192, "n_threads": 2}
    assert reply["extra"] == {"finish_reason": "stop"}
    assert conv["messages"][2]["document"]["name"] == "report.pdf"
    assert conv["messages"][3]["status"] == "cancelled"


def test_round_trip_export_import_export_identical(store, tmp_path):
    fill(store)
    first = export_json(store)
    (tmp_path / "all.json").write_text(first, encoding="utf-8")
    other = Store(tmp_path / "other.db")
    try:
        report = import_file(other, tmp_path / "all.json")
        assert report.conversations == 3 and report.messages == 5
        assert export_json(other) == first
        assert export_markdown(other) == export_markdown(store)
        # Imported messages are searchable (the FTS triggers ran).
        assert other.search("Kunsthaus")
    finally:
        other.close()


def test_import_twice_adds_nothing_and_into_used_ids_gets_new_ids(store, tmp_path):
    a, _, _ = fill(store)
    data = export_data(store, a)
    assert import_data(store, data).skipped == 1
    data["conversations"][0]["created_at"] += 1  # now a different conversation
    rep = import_data(store, data)
    assert rep.conversations == 1 and rep.conversation_ids[0] != a
    copy = export_data(store, rep.conversation_ids[0])["conversations"][0]
    assert [m["text"] for m in copy["messages"]] == [
        m["text"] for m in data["conversations"][0]["messages"]]


def test_markdown(store):
    a, _, c = fill(store)
    md = export_markdown(store, a)
    assert md.startswith("# Zürich trip\n")
    assert "- Model: `smollm2`" in md and "temperature 0.3" in md
    assert "## You ·" in md and "## Assistant (smollm2) ·" in md
    assert "8 tokens · 0.25 s to first token · 31.2 tokens/s" in md
    assert "reply cancelled" in md and "Document: report.pdf" in md
    assert "```py\nprint(1)\n```" in export_markdown(store, c)
    assert export_markdown(store).count("\n---\n") == 2


def test_unknown_conversation_is_bad_input(store):
    with pytest.raises(BadInput, match="does not exist"):
        export_data(store, 42)


@pytest.mark.parametrize("content,needle", [
    ("{not json", "not valid JSON"),
    ('{"format": "other", "version": 1, "conversations": []}', "not a Wren conversations export"),
    ('{"format": "wren-conversations", "version": 99, "conversations": []}', "newer Wren"),
    ('{"format": "wren-conversations", "version": 1, "conversations": [{"title": "x", '
     '"created_at": 1, "messages": [{"role": "bot", "text": "hi"}]}]}', "messages[0].role"),
    ('{"format": "wren-conversations", "version": 1, "conversations": [{"title": "x", '
     '"created_at": -5, "messages": []}]}', "created_at"),
    ("[1, 2]", "not a Wren conversations export"),
])
def test_bad_import_is_refused_and_changes_nothing(store, tmp_path, content, needle):
    fill(store)
    before = export_json(store)
    p = tmp_path / "in.json"
    p.write_text(content, encoding="utf-8")
    with pytest.raises(BadInput, match=needle.replace("[", r"\[").replace("]", r"\]")):
        import_file(store, p)
    assert export_json(store) == before


def test_missing_and_binary_files(tmp_path):
    with pytest.raises(BadInput, match="not found"):
        load_export(tmp_path / "nope.json")
    p = tmp_path / "bin.json"
    p.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(BadInput):
        load_export(p)


def test_import_is_all_or_nothing(store):
    data = {"format": "wren-conversations", "version": 1, "conversations": [
        {"title": "ok", "created_at": 1, "messages": [{"role": "user", "text": "fine"}]},
        {"title": "bad", "created_at": 2, "messages": [{"role": "user", "text": "x", "id": 5},
                                                      {"role": "user", "text": "y", "id": 5}]},
    ]}
    # duplicate ids inside one conversation are simply renumbered: both import
    rep = import_data(store, data)
    assert rep.conversations == 2 and rep.messages == 3
    # a failure in the middle rolls everything back
    n = store.count_messages()
    data2 = json.loads(json.dumps(data))
    for conv in data2["conversations"]:
        conv["created_at"] += 100
    store.conn.execute("CREATE TRIGGER boom BEFORE INSERT ON messages WHEN new.text = 'y' "
                       "BEGIN SELECT RAISE(ABORT, 'boom'); END")
    with pytest.raises(StoreError, match="boom"):
        import_data(store, data2)
    assert store.count_messages() == n


def test_documented_schema_is_the_checked_one():
    """docs/history.md shows exactly the schema import checks against."""
    import re
    from pathlib import Path

    from app.core.history import JSON_SCHEMA

    doc = (Path(__file__).resolve().parents[2] / "docs" / "history.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```json\n(.*?)```", doc, re.S)
    assert JSON_SCHEMA in [json.loads(b) for b in blocks]
    example = json.loads(blocks[0])
    from app.core.history import validate

    validate(example)  # the documented example is a valid export
