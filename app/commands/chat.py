"""`python main.py chat "PROMPT"`: one chat turn, streamed to stdout, stored like the window does.

A new conversation starts with the defaults the window saved (settings, system prompt); with
`--conversation ID` the conversation's own settings (system prompt, temperature, top-p, reply
length, context, GPU, lookup decoding) apply, as in the window. Options given on the command
line override them for this turn.
"""
from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from app.commands.options import add_run_options
from app.core.errors import BadInput


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("chat", parents=[common], help="send one message and stream the reply")
    p.add_argument("prompt", help="the message to send ('-' reads it from standard input)")
    p.add_argument("--model", "-m", help="catalog id, installed model id, a .gguf path, or "
                   "remote:<engine>/<model-id> for a model on a remote engine")
    p.add_argument("--conversation", "-c", type=int, metavar="ID", help="continue conversation ID")
    p.add_argument("--system", help="system prompt for a new conversation")
    # None: the conversation's setting (or the saved defaults for a new one).
    p.add_argument("--max-tokens", type=int, help="longest reply in tokens (default: the "
                   "conversation's setting, 512 unless changed)")
    p.add_argument("--temperature", type=float, help="default: the conversation's setting")
    p.add_argument("--top-p", type=float, help="default: the conversation's setting")
    p.add_argument("--seed", type=int)
    p.add_argument("--ctx", type=int, metavar="N", help="context size to load (default: automatic; "
                   "for a remote model whose server does not report it, its context length)")
    add_run_options(p, draft_from="the prompt", default=None,
                    default_note="default: the conversation's setting, auto unless changed")
    p.set_defaults(func=run)


def run(args: argparse.Namespace, ctx: Any) -> int:
    import threading
    from dataclasses import replace

    from app.core.chat import ChatSession
    from app.core.devices import gpu_memory_cap
    from app.core.engine import Engine
    from app.core.models import resolve_model
    from app.core.planner import parse_gpu_setting

    prompt = sys.stdin.read() if args.prompt == "-" else args.prompt
    if not prompt.strip():
        raise BadInput("the prompt is empty")
    if args.max_tokens is not None and args.max_tokens <= 0:
        raise BadInput("--max-tokens must be positive")
    if args.temperature is not None and not 0 <= args.temperature <= 5:
        raise BadInput("--temperature must be between 0 and 5")
    if args.top_p is not None and not 0 <= args.top_p <= 1:
        raise BadInput("--top-p must be between 0 and 1")
    if args.gpu is not None:
        try:
            parse_gpu_setting(args.gpu)
        except ValueError as e:
            raise BadInput(str(e)) from None
    store = ctx.store
    session = ChatSession(store)
    settings = session.settings(args.conversation)  # BadInput if it does not exist
    given = {"max_tokens": args.max_tokens, "temperature": args.temperature,
             "top_p": args.top_p, "n_ctx": args.ctx, "gpu": args.gpu,
             "speculative": args.speculative}
    given = {k: v for k, v in given.items() if v is not None}
    if given:
        sampling = given.keys() & {"max_tokens", "temperature", "top_p"}
        settings = replace(settings, **given, **({"preset": "Custom"} if sampling else {}))
    model = resolve_model(args.model, store, ctx.data)
    session.use_model(model, settings.load_options(gpu_memory_cap(store)))
    loaded = session.engine.model if isinstance(session.engine, Engine) else None
    if loaded is not None and loaded.notice and not args.json:
        print(f"wren: {loaded.notice}", file=sys.stderr)  # e.g. the GPU fallback, before the reply
    out = sys.stdout

    def on_text(piece: str) -> None:
        out.write(piece)
        out.flush()

    cancel = threading.Event()
    try:
        result = session.send(prompt, conversation_id=args.conversation, settings=settings,
                              params=settings.sampling(seed=args.seed),
                              system_prompt=args.system, cancel=cancel,
                              on_text=None if args.json else on_text)
    except KeyboardInterrupt:
        cancel.set()
        raise
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False))
    else:
        if not result.text.endswith("\n"):
            out.write("\n")
        if result.notice:
            print(f"wren: {result.notice}", file=sys.stderr)
    return 0
