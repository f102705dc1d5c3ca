"""`python main.py chat "PROMPT"`: one chat turn, streamed to stdout, stored like the window does."""
from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from app.core.errors import BadInput


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("chat", parents=[common], help="send one message and stream the reply")
    p.add_argument("prompt", help="the message to send ('-' reads it from standard input)")
    p.add_argument("--model", "-m", help="catalog id, installed model id, a .gguf path, or "
                   "remote:<engine>/<model-id> for a model on a remote engine")
    p.add_argument("--conversation", "-c", type=int, metavar="ID", help="continue conversation ID")
    p.add_argument("--system", help="system prompt for a new conversation")
    p.add_argument("--max-tokens", type=int, default=512)
    p.add_argument("--temperature", type=float, default=0.7)
    p.add_argument("--top-p", type=float, default=0.95)
    p.add_argument("--seed", type=int)
    p.add_argument("--ctx", type=int, metavar="N", help="context size to load (default: automatic; "
                   "for a remote model whose server does not report it, its context length)")
    p.add_argument("--gpu", default="auto", metavar="auto|off|N",
                   help="layers on the GPU: auto (planned from its free memory), off, or N")
    p.add_argument("--speculative", choices=("auto", "off"), default="auto",
                   help="lookup decoding: draft from the prompt and verify in one batch where it "
                   "pays (auto, the default; same text either way) or never (off)")
    p.add_argument("--json", action="store_true", help="print one JSON object instead of streaming")
    p.set_defaults(func=run)


def run(args: argparse.Namespace, ctx: Any) -> int:
    from app.core.chat import ChatSession
    from app.core.devices import gpu_memory_cap
    from app.core.engine import LoadOptions, SamplingParams
    from app.core.models import resolve_model
    from app.core.planner import parse_gpu_setting

    prompt = sys.stdin.read() if args.prompt == "-" else args.prompt
    if not prompt.strip():
        raise BadInput("the prompt is empty")
    if args.max_tokens <= 0:
        raise BadInput("--max-tokens must be positive")
    if not 0 <= args.temperature <= 5:
        raise BadInput("--temperature must be between 0 and 5")
    try:
        gpu = parse_gpu_setting(args.gpu)
    except ValueError as e:
        raise BadInput(str(e)) from None
    store = ctx.store
    model = resolve_model(args.model, store, ctx.data)
    session = ChatSession(store)
    session.use_model(model, LoadOptions(n_ctx=args.ctx or None, gpu=gpu,
                                         gpu_cap=gpu_memory_cap(store)))
    loaded = getattr(session.engine, "model", None)
    if getattr(loaded, "notice", "") and not args.json:
        print(f"wren: {loaded.notice}", file=sys.stderr)
    params = SamplingParams(max_tokens=args.max_tokens, temperature=args.temperature,
                            top_p=args.top_p, seed=args.seed, speculative=args.speculative)
    out = sys.stdout

    def on_text(piece: str) -> None:
        out.write(piece)
        out.flush()

    try:
        result = session.send(prompt, conversation_id=args.conversation, params=params,
                              system_prompt=args.system,
                              on_text=None if args.json else on_text)
    except KeyboardInterrupt:
        session.engine.cancel()
        raise
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False))
    else:
        if not result.text.endswith("\n"):
            out.write("\n")
        if result.notice:
            print(f"wren: {result.notice}", file=sys.stderr)
    return 0
