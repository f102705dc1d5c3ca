import pytest

from app.core.errors import ModelFileError
from app.core.gguf_info import read_gguf_info
from app.core.templates import (
    FAMILY_TEMPLATES,
    render_template,
    resolve_chat_format,
    template_family,
)

TWO_TURNS = [
    {"role": "system", "content": "Be brief."},
    {"role": "user", "content": "Hi"},
    {"role": "assistant", "content": "Hello!"},
    {"role": "user", "content": "Bye"},
]


def test_gguf_template_used(starter_model):
    fmt = resolve_chat_format(read_gguf_info(starter_model))
    assert fmt.source == "gguf" and fmt.family == "chatml"
    text = fmt.render(TWO_TURNS)
    assert text.endswith("<|im_start|>assistant\n")
    assert "<|im_start|>user\nBye<|im_end|>" in text


def test_no_template_uses_family_not_llama2(no_template_model):
    fmt = resolve_chat_format(read_gguf_info(no_template_model))
    assert fmt.source == "family" and fmt.family == "chatml"
    assert "[INST]" not in fmt.render(TWO_TURNS)
    assert "no chat template" in fmt.notice


def test_base_model_is_said_to_be_base(base_model):
    fmt = resolve_chat_format(read_gguf_info(base_model))
    assert fmt.is_base and fmt.source == "base"
    assert "base model" in fmt.notice
    # Completion mode: the text as typed, no chat markers; a reply follows the words it continued.
    assert fmt.render(TWO_TURNS) == "Be brief.\n\nHiHello!\n\nBye"
    assert fmt.render([{"role": "user", "content": "The sky is"}]) == "The sky is"
    assert fmt.stops == []


@pytest.mark.parametrize("family,marker", [
    ("llama3", "<|start_header_id|>assistant<|end_header_id|>\n\n"),
    ("gemma", "<start_of_turn>model\n"),
    ("chatml", "<|im_start|>assistant\n"),
    ("phi3", "<|assistant|>\n"),
    ("zephyr", "<|assistant|>\n"),
    ("vicuna", "ASSISTANT:"),
])
def test_family_formats_end_with_generation_prompt(family, marker):
    text = render_template(FAMILY_TEMPLATES[family], TWO_TURNS, bos_token="<s>", eos_token="</s>")
    assert text.endswith(marker)
    assert "Bye" in text and "Hello!" in text
    assert template_family(FAMILY_TEMPLATES[family]) in (family, "zephyr" if family == "phi3" else family)


def test_gemma_folds_system_prompt_into_first_user_turn():
    text = render_template(FAMILY_TEMPLATES["gemma"], TWO_TURNS, bos_token="<bos>")
    assert "<start_of_turn>system" not in text
    assert "<start_of_turn>user\nBe brief.\n\nHi<end_of_turn>" in text


def test_earlier_turns_render_identically():
    """Prefix reuse depends on turn N's prompt starting with the earlier turns rendered alone."""
    for fam, tpl in FAMILY_TEMPLATES.items():
        earlier = render_template(tpl, TWO_TURNS[:3], bos_token="<s>", eos_token="</s>",
                                  add_generation_prompt=False)
        now = render_template(tpl, TWO_TURNS, bos_token="<s>", eos_token="</s>")
        assert now.startswith(earlier), fam
        assert len(now) > len(earlier)


@pytest.mark.parametrize("evil", [
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ messages.__class__.__init__.__globals__ }}",
    "{% for m in messages %}{{ m.__class__.__base__.__subclasses__() }}{% endfor %}",
    "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
])
def test_malicious_template_is_blocked(evil):
    with pytest.raises(ModelFileError):
        render_template(evil, TWO_TURNS)


def test_template_cannot_mutate_messages():
    msgs = [{"role": "user", "content": "x"}]
    with pytest.raises(ModelFileError):
        render_template("{{ messages.append({'role': 'user'}) }}", msgs)
    assert len(msgs) == 1
