"""Conversation titles from the first exchange, by the real starter model; fallbacks; edits win."""
import pytest

from app.core.titles import (
    TITLE_MAX_CHARS,
    clean_title,
    fallback_title,
    generate_title,
    title_conversation,
)


def test_generated_title_is_short_one_line(engine):
    t = generate_title(engine, "How do I bake sourdough bread at home?",
                       "Mix flour, water and starter, let it rise overnight, bake at 230 °C.")
    assert t and "\n" not in t and len(t) <= TITLE_MAX_CHARS and len(t.split()) <= 7
    assert engine.last_stats.completion_tokens <= 12  # cheap: a few tokens


def test_title_conversation_sets_model_title_once(engine, store):
    cid = store.create_conversation("Tell me about the history of Rome")
    store.add_message(cid, "user", "Tell me about the history of Rome")
    store.add_message(cid, "assistant", "Rome was founded, by legend, in 753 BC.")
    title = title_conversation(store, engine, cid)
    assert title and store.get_conversation(cid).title == title
    assert store.title_source(cid) == "model"
    assert title_conversation(store, engine, cid) is None  # only the first time


def test_user_edit_is_never_replaced(engine, store):
    cid = store.create_conversation("first words")
    store.add_message(cid, "user", "first words of a question about cats")
    store.update_conversation(cid, title="My cats")
    assert title_conversation(store, engine, cid) is None
    assert store.get_conversation(cid).title == "My cats"


def test_edit_during_generation_wins(store):
    cid = store.create_conversation("old")
    store.update_conversation(cid, title="Renamed by user", title_source="prompt")
    assert not store.set_generated_title(cid, "Generated", expected_old="old")
    assert store.get_conversation(cid).title == "Renamed by user"


def test_no_user_message_no_title(engine, store):
    cid = store.create_conversation("empty")
    assert title_conversation(store, engine, cid) is None


@pytest.mark.parametrize("raw,expected", [
    ('Title: "Baking Sourdough Bread"', "Baking Sourdough Bread"),
    ("**Roman history**.\nMore text", "Roman history"),
    ("   \n\n", ""),
    ("...", ""),
    ("one two three four five six seven eight nine", "one two three four five six seven"),
])
def test_clean_title(raw, expected):
    assert clean_title(raw) == expected


def test_fallback_title():
    assert fallback_title("  How   do I\nbake bread at home today please now  ") == \
        "How do I bake bread at home…"
    assert fallback_title("") == "New chat"


def test_unloaded_engine_falls_back():
    from app.core.engine import Engine

    assert generate_title(Engine(), "Explain quantum tunnelling simply") == \
        "Explain quantum tunnelling simply"
