"""Chat templates: the GGUF's own, a known family format, or plain completion for base models.

llama.cpp silently falls back to the Llama-2 format when a GGUF carries no template, which is
wrong for almost every family. We never let that happen: the template is resolved here and the
prompt is rendered by us, always in a sandboxed Jinja environment (templates come from files
downloaded from the internet and must not reach files or Python attributes).
"""
from __future__ import annotations

import dataclasses
import datetime
import re
from dataclasses import dataclass, field
from typing import Any

from jinja2 import TemplateError
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

from app.core.errors import ModelFileError
from app.core.gguf_info import GGUFInfo

# Family formats for GGUFs without a template. Each mirrors the format its models were tuned on.
FAMILY_TEMPLATES: dict[str, str] = {
    "chatml": (
        "{% for m in messages %}<|im_start|>{{ m.role }}\n{{ m.content }}<|im_end|>\n{% endfor %}"
        "{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}"
    ),
    "llama3": (
        "{{ bos_token }}{% for m in messages %}<|start_header_id|>{{ m.role }}<|end_header_id|>\n\n"
        "{{ m.content | trim }}<|eot_id|>{% endfor %}"
        "{% if add_generation_prompt %}<|start_header_id|>assistant<|end_header_id|>\n\n{% endif %}"
    ),
    # Gemma has no system role: the system prompt is folded into the first user turn.
    "gemma": (
        "{{ bos_token }}{% set ns = namespace(sys='') %}{% for m in messages %}"
        "{% if m.role == 'system' %}{% set ns.sys = m.content + '\n\n' %}{% else %}"
        "{% set role = 'model' if m.role == 'assistant' else 'user' %}"
        "<start_of_turn>{{ role }}\n{% if role == 'user' %}{{ ns.sys }}{% set ns.sys = '' %}{% endif %}"
        "{{ m.content | trim }}<end_of_turn>\n{% endif %}{% endfor %}"
        "{% if add_generation_prompt %}<start_of_turn>model\n{% endif %}"
    ),
    "phi3": (
        "{% for m in messages %}<|{{ m.role }}|>\n{{ m.content }}<|end|>\n{% endfor %}"
        "{% if add_generation_prompt %}<|assistant|>\n{% endif %}"
    ),
    # StableLM-zephyr and TinyLlama-Chat: Zephyr's format, turns closed by the EOS token.
    "zephyr": (
        "{% for m in messages %}<|{{ m.role }}|>\n{{ m.content }}{{ eos_token }}\n{% endfor %}"
        "{% if add_generation_prompt %}<|assistant|>\n{% endif %}"
    ),
    "llama2": (
        "{% set ns = namespace(sys='') %}{% for m in messages %}"
        "{% if m.role == 'system' %}{% set ns.sys = '<<SYS>>\n' + m.content + '\n<</SYS>>\n\n' %}"
        "{% elif m.role == 'user' %}{{ bos_token }}[INST] {{ ns.sys }}{{ m.content | trim }} [/INST]"
        "{% set ns.sys = '' %}{% else %} {{ m.content | trim }} {{ eos_token }}{% endif %}{% endfor %}"
    ),
    # MobileLLaMA-Chat follows Vicuna v1.
    "vicuna": (
        "{% set ns = namespace(sys='A chat between a curious user and an artificial intelligence "
        "assistant. The assistant gives helpful, detailed, and polite answers to the user\\'s "
        "questions.') %}{% for m in messages %}{% if m.role == 'system' %}{% set ns.sys = m.content %}"
        "{% endif %}{% endfor %}{{ ns.sys }} {% for m in messages %}{% if m.role == 'user' %}"
        "USER: {{ m.content }} {% elif m.role == 'assistant' %}ASSISTANT: {{ m.content }}{{ eos_token }}"
        "{% endif %}{% endfor %}{% if add_generation_prompt %}ASSISTANT:{% endif %}"
    ),
    # Base models continue text (completion mode): the prompt is the text itself, no markers.
    # A lone question is passed exactly as typed; earlier turns are the text so far, each reply
    # following the words it continued, a blank line before the next message.
    "base": (
        "{% for m in messages %}{% if m.role == 'system' %}{{ m.content }}\n\n"
        "{% elif m.role == 'user' %}{% if not loop.first and loop.previtem.role != 'system' %}"
        "{{ '\\n\\n' }}{% endif %}{{ m.content }}{% else %}{{ m.content }}{% endif %}{% endfor %}"
    ),
    # A model tuned for chat whose format Wren does not know: a plain transcript to extend.
    "transcript": (
        "{% for m in messages %}{% if m.role == 'system' %}{{ m.content }}\n\n"
        "{% elif m.role == 'user' %}User: {{ m.content }}\n"
        "{% else %}Assistant: {{ m.content }}\n{% endif %}{% endfor %}"
        "{% if add_generation_prompt %}Assistant:{% endif %}"
    ),
}

# Text that ends a reply in each family, in case the marker is not a single special token.
FAMILY_STOPS: dict[str, list[str]] = {
    "chatml": ["<|im_end|>", "<|im_start|>"],
    "llama3": ["<|eot_id|>", "<|start_header_id|>"],
    "gemma": ["<end_of_turn>", "<start_of_turn>"],
    "phi3": ["<|end|>", "<|user|>", "<|assistant|>"],
    "zephyr": ["<|user|>", "<|system|>", "</s>", "<|endoftext|>"],
    "llama2": ["[INST]", "</s>"],
    "vicuna": ["USER:", "</s>"],
    "base": [],  # a base model ends at its end-of-text token or the length limit
    "transcript": ["\nUser:", "\nAssistant:"],
}

# Markers that identify the family a template belongs to (checked in order).
_TEMPLATE_MARKERS: list[tuple[str, str]] = [
    ("<|start_header_id|>", "llama3"),
    ("<start_of_turn>", "gemma"),
    ("<|im_start|>", "chatml"),
    ("<|end|>", "phi3"),
    ("<|assistant|>", "zephyr"),
    ("[INST]", "llama2"),
    ("ASSISTANT:", "vicuna"),
]


def template_family(template: str | None) -> str:
    """Name the family a Jinja chat template belongs to ("custom" if unrecognised)."""
    if not template:
        return "base"
    for marker, fam in _TEMPLATE_MARKERS:
        if marker in template:
            return fam
    return "custom"


# Words in a model's names (general.name, basename, finetune, file name) that mark it as tuned
# to follow instructions or chat: "gemma-2-2b-it", "Qwen2 1.5B Instruct", "TinyLlama 1.1B Chat",
# "stablelm-zephyr-3b", "Hermes-3-Llama-3.1-8B", "tulu-2-dpo-7b"...
_CHAT_WORDS = frozenset({
    "it", "sft", "dpo", "rlhf", "orpo", "kto", "simpo", "zephyr", "hermes", "openhermes",
    "vicuna", "alpaca", "orca", "openchat", "assistant", "tulu", "dolphin", "wizardlm",
    "airoboros", "starling", "oasst", "openassistant", "sharegpt",
})
# Word beginnings with the same meaning: "Instruct", "instruction", "Chat", "chatml", "ChatQA".
_CHAT_PREFIXES = ("instruct", "chat")


def _name_words(info: GGUFInfo) -> list[str]:
    names = (info.name, info.basename, info.finetune, info.path.replace("\\", "/").rsplit("/", 1)[-1])
    return [w for w in re.split(r"[^a-z0-9]+", " ".join(names).lower()) if w]


def is_chat_tuned(info: GGUFInfo) -> bool:
    """Whether the file's names mark it as tuned for chat or instructions (for a GGUF that
    carries no template: without such a mark it is a base model, which only continues text)."""
    words = _name_words(info)
    if "base" in words:  # "Qwen2.5-0.5B-base", "gemma-2b-base": said outright
        return False
    return any(w in _CHAT_WORDS or w.startswith(_CHAT_PREFIXES) for w in words)


def family_for_model(info: GGUFInfo) -> str:
    """The chat format for a GGUF with no template: "base" (completion mode) unless its names
    mark it as tuned for chat; then its family's format, or a plain transcript if unknown.

    A family's markers are never put around a base model's text: an architecture with chat
    siblings (Gemma, Qwen, Llama 3, SmolLM) also ships base models, and a base model given
    markers it never saw in training answers with gibberish."""
    if not is_chat_tuned(info):
        return "base"
    arch = info.architecture.lower()
    name_n = "-".join(_name_words(info))
    if arch.startswith("gemma"):
        return "gemma"
    if arch.startswith("qwen"):
        return "chatml"
    if arch == "phi3":
        return "phi3"
    if arch == "stablelm":
        return "zephyr"
    if arch == "llama":
        if "tinyllama" in name_n:
            return "zephyr"
        if "mobilellama" in name_n:
            return "vicuna"
        if "llama-3" in name_n or "llama3" in name_n:
            return "llama3"
        if "smollm" in name_n:
            return "chatml"
        if "llama-2" in name_n or "llama2" in name_n:
            return "llama2"
    return "transcript"


@dataclass(frozen=True)
class ChatFormat:
    """How to turn a list of messages into a prompt for one model."""

    family: str  # chatml, llama3, gemma, phi3, zephyr, llama2, vicuna, transcript, base, custom
    source: str  # "gguf" (the file's own template), "family" (known format), "base"
    template: str
    bos_token: str = ""
    eos_token: str = ""
    stops: list[str] = field(default_factory=list)
    # The template refuses a system role (Gemma's raises "System role not supported"): the
    # system prompt is folded into the first user turn instead, as Gemma's guide says.
    fold_system: bool = False
    # The template demands strictly alternating user/assistant turns (Gemma, Mistral...).
    # A history can hold two user turns in a row (a failed or empty reply is left out), so
    # consecutive turns of one role are merged rather than making the template raise.
    merge_repeats: bool = False

    @property
    def is_base(self) -> bool:
        return self.family == "base"

    @property
    def notice(self) -> str:
        if self.source == "base":
            return (
                "This is a base model (no chat template, and its name marks no chat tuning): "
                "Wren gives it your text as-is to continue, without chat markers."
            )
        if self.family == "transcript":
            return ("The model file has no chat template and Wren does not know its format; "
                    "using a plain User:/Assistant: transcript.")
        if self.source == "family":
            return f"The model file has no chat template; using the {self.family} format."
        return ""

    def render(self, messages: list[dict[str, str]], add_generation_prompt: bool = True) -> str:
        if self.fold_system:
            messages = fold_system_prompt(messages)
        if self.merge_repeats:
            messages = merge_repeated_roles(messages)
        return render_template(
            self.template,
            messages,
            bos_token=self.bos_token,
            eos_token=self.eos_token,
            add_generation_prompt=add_generation_prompt,
        )


def resolve_chat_format(info: GGUFInfo) -> ChatFormat:
    """The GGUF's own template; else the family's known format; else base-model completion."""
    bos, eos = info.bos_token or "", info.eos_token or ""
    if info.chat_template:
        fam = template_family(info.chat_template)
        stops = list(FAMILY_STOPS.get(fam, []))
        if eos and eos not in stops:
            stops.append(eos)
        fmt = ChatFormat(fam, "gguf", info.chat_template, bos, eos, stops)
        _validate(fmt, info)
        if not _renders(fmt, [{"role": "system", "content": "s"}, {"role": "user", "content": "u"}]):
            fmt = dataclasses.replace(fmt, fold_system=True)
        if not _renders(fmt, [{"role": "user", "content": "u"}, {"role": "user", "content": "v"}]):
            fmt = dataclasses.replace(fmt, merge_repeats=True)
        return fmt
    fam = family_for_model(info)
    stops = list(FAMILY_STOPS[fam])
    if fam != "base" and eos and eos not in stops:
        stops.append(eos)
    return ChatFormat(fam, "base" if fam == "base" else "family", FAMILY_TEMPLATES[fam], bos, eos, stops)


def fold_system_prompt(messages: list[dict[str, str]]) -> list[dict[str, str]]:
    """Merge system messages into the first user message ("system\n\nuser")."""
    system = "\n\n".join(m["content"] for m in messages if m.get("role") == "system" and m["content"])
    rest = [dict(m) for m in messages if m.get("role") != "system"]
    if system:
        for m in rest:
            if m.get("role") == "user":
                m["content"] = f"{system}\n\n{m['content']}"
                break
        else:
            rest.insert(0, {"role": "user", "content": system})
    return rest


def merge_repeated_roles(messages: list[dict[str, str]]) -> list[dict[str, str]]:
    """Join consecutive messages of the same role into one ("first\n\nsecond")."""
    out: list[dict[str, str]] = []
    for m in messages:
        if out and out[-1].get("role") == m.get("role"):
            out[-1] = {**out[-1], "content": f"{out[-1]['content']}\n\n{m['content']}"}
        else:
            out.append(dict(m))
    return out


def _renders(fmt: ChatFormat, messages: list[dict[str, str]]) -> bool:
    try:
        fmt.render(messages)
        return True
    except ModelFileError:
        return False


def _validate(fmt: ChatFormat, info: GGUFInfo) -> None:
    try:
        fmt.render([{"role": "user", "content": "hi"}])
    except ModelFileError:
        raise
    except Exception as e:  # a broken template is a broken model file, not a crash
        raise ModelFileError(
            f"{info.path.rsplit('/', 1)[-1]}: the chat template inside the file is invalid ({e})"
        ) from None


def _raise_exception(message: str) -> None:
    raise TemplateError(message)


def _strftime_now(fmt: str) -> str:
    return datetime.datetime.now().strftime(fmt)


_ENV: ImmutableSandboxedEnvironment | None = None


def _env() -> ImmutableSandboxedEnvironment:
    global _ENV
    if _ENV is None:
        # The same settings as transformers' apply_chat_template: templates written for it
        # rely on trim_blocks/lstrip_blocks and may use {% break %} / {% continue %}.
        env = ImmutableSandboxedEnvironment(
            trim_blocks=True, lstrip_blocks=True, extensions=["jinja2.ext.loopcontrols"]
        )
        env.globals["raise_exception"] = _raise_exception
        env.globals["strftime_now"] = _strftime_now
        _ENV = env
    return _ENV


_COMPILED: dict[str, Any] = {}


def render_template(
    template: str,
    messages: list[dict[str, str]],
    *,
    bos_token: str = "",
    eos_token: str = "",
    add_generation_prompt: bool = True,
) -> str:
    """Render a chat template in the sandbox. Unsafe templates raise ModelFileError."""
    try:
        compiled = _COMPILED.get(template)
        if compiled is None:
            compiled = _env().from_string(template)
            if len(_COMPILED) > 32:
                _COMPILED.clear()
            _COMPILED[template] = compiled
        return compiled.render(
            messages=messages,
            add_generation_prompt=add_generation_prompt,
            bos_token=bos_token,
            eos_token=eos_token,
        )
    except SecurityError as e:
        raise ModelFileError(f"the model's chat template tried something unsafe and was blocked ({e})") from None
    except TemplateError as e:
        raise ModelFileError(f"the model's chat template failed: {e}") from None
