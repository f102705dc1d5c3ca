"""Template behaviour the real family templates need (no model loading)."""
from __future__ import annotations

import pytest

from app.core.errors import ModelFileError
from app.core.templates import fold_system_prompt, render_template, template_family
from tests.families.tiny_models import template

REAL_TEMPLATES = {
    "gemma-2-2b-it": "gemma",
    "Llama-3.1-8B-Instruct": "llama3",
    "Qwen2-1.5B-Instruct": "chatml",
    "Phi-3.5-mini-instruct": "phi3",
    "TinyLlama-1.1B-Chat-v1.0": "zephyr",
    "stablelm-zephyr-3b": "zephyr",
}


@pytest.mark.parametrize("name,family", REAL_TEMPLATES.items())
def test_real_templates_are_recognised(name, family):
    assert template_family(template(name)) == family


def test_fold_system_prompt_merges_into_first_user_turn():
    msgs = [{"role": "system", "content": "Rules."}, {"role": "user", "content": "Q1"},
            {"role": "assistant", "content": "A1"}, {"role": "user", "content": "Q2"}]
    out = fold_system_prompt(msgs)
    assert out == [{"role": "user", "content": "Rules.\n\nQ1"},
                   {"role": "assistant", "content": "A1"}, {"role": "user", "content": "Q2"}]
    assert msgs[1]["content"] == "Q1"  # the caller's list is not modified


def test_fold_system_prompt_without_user_turn_becomes_one():
    assert fold_system_prompt([{"role": "system", "content": "Rules."}]) == [
        {"role": "user", "content": "Rules."}]
    assert fold_system_prompt([{"role": "user", "content": "Q"}]) == [{"role": "user", "content": "Q"}]


def test_gemma_template_itself_still_refuses_a_system_role():
    """The reason for folding: rendered as published, Gemma's template raises."""
    with pytest.raises(ModelFileError, match="System role not supported"):
        render_template(template("gemma-2-2b-it"),
                        [{"role": "system", "content": "s"}, {"role": "user", "content": "u"}])


def test_gemma_template_refuses_roles_out_of_order():
    with pytest.raises(ModelFileError, match="alternate"):
        render_template(template("gemma-2-2b-it"),
                        [{"role": "user", "content": "a"}, {"role": "user", "content": "b"}])


def test_loop_controls_are_available():
    t = "{% for m in messages %}{% if m.role == 'stop' %}{% break %}{% endif %}{{ m.content }}{% endfor %}"
    msgs = [{"role": "user", "content": "a"}, {"role": "stop", "content": "x"},
            {"role": "user", "content": "b"}]
    assert render_template(t, msgs) == "a"


def test_llama31_template_renders_without_tools_or_date():
    text = render_template(template("Llama-3.1-8B-Instruct"), [{"role": "user", "content": "Hi"}],
                           bos_token="<|begin_of_text|>")
    assert "Environment: ipython" not in text  # no tools given: no tool preamble
    assert text.endswith("<|start_header_id|>assistant<|end_header_id|>\n\n")


def test_gemma_history_with_two_user_turns_in_a_row_renders(tiny_model):
    """A failed or empty reply is left out of the history (app.core.chat), leaving two user
    turns in a row; Gemma's template would raise, so Wren merges them."""
    from app.core.gguf_info import read_gguf_info
    from app.core.templates import resolve_chat_format

    fmt = resolve_chat_format(read_gguf_info(tiny_model("gemma2")))
    assert fmt.fold_system and fmt.merge_repeats
    text = fmt.render([{"role": "system", "content": "S"}, {"role": "user", "content": "first"},
                       {"role": "user", "content": "second"}])
    assert text == "<bos><start_of_turn>user\nS\n\nfirst\n\nsecond<end_of_turn>\n<start_of_turn>model\n"


@pytest.mark.parametrize("key", ["llama31", "qwen2", "phi35", "tinyllama"])
def test_templates_that_accept_system_and_repeats_are_rendered_as_is(key, tiny_model):
    from app.core.gguf_info import read_gguf_info
    from app.core.templates import resolve_chat_format

    fmt = resolve_chat_format(read_gguf_info(tiny_model(key)))
    assert not fmt.fold_system and not fmt.merge_repeats
