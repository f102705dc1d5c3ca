"""`python main.py serve`: the loaded local model over the OpenAI-compatible API on 127.0.0.1."""
from __future__ import annotations

import argparse
import signal
import sys
import threading
from typing import Any

from app.core.errors import BadInput


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("serve", parents=[common],
                       help="serve a local model over the OpenAI-compatible API (127.0.0.1)")
    p.add_argument("--model", "-m", help="catalog id, installed model id, or a .gguf path")
    p.add_argument("--host", default="127.0.0.1",
                   help="address to listen on (default 127.0.0.1; others need --allow-remote)")
    p.add_argument("--port", type=int, default=None,
                   help="port (default 8765; 0 picks a free one)")
    p.add_argument("--allow-remote", action="store_true",
                   help="allow listening on a non-loopback address (other machines can connect)")
    p.add_argument("--ctx", type=int, metavar="N", help="context size to load (default: automatic)")
    p.add_argument("--show-key", action="store_true",
                   help="print the API key (creating it if needed) and exit")
    p.add_argument("--new-key", action="store_true", help="replace the API key with a new one")
    log = p.add_mutually_exclusive_group()
    log.add_argument("--log-conversations", dest="log", action="store_true", default=None,
                     help="store each request as a conversation (default: the setting, off)")
    log.add_argument("--no-log-conversations", dest="log", action="store_false")
    p.set_defaults(func=run)


def run(args: argparse.Namespace, ctx: Any) -> int:
    from app.core.api_server import DEFAULT_PORT, ApiServer, get_or_create_api_key, is_loopback_host

    if args.port is not None and not 0 <= args.port <= 65535:
        raise BadInput("--port must be between 0 and 65535")
    if not is_loopback_host(args.host) and not args.allow_remote:
        raise BadInput(f"refusing to serve on {args.host}: Wren's API listens on 127.0.0.1 only "
                       "unless you also pass --allow-remote")
    key, created, where = get_or_create_api_key(regenerate=args.new_key)
    if args.show_key:
        print(key)
        if where.message:
            print(f"wren: {where.message}", file=sys.stderr)
        return 0

    from app.core.engine import Engine, LoadOptions
    from app.core.models import resolve_model

    store = ctx.store
    model = resolve_model(args.model, store, ctx.data)
    if model.source == "remote":
        raise BadInput("serve shares a local model; pick a .gguf or installed model with --model")
    engine = Engine()
    err = sys.stderr
    print(f"wren: loading {model.name}…", file=err, flush=True)
    engine.load(model.path, LoadOptions(n_ctx=args.ctx) if args.ctx else LoadOptions())
    port = DEFAULT_PORT if args.port is None else args.port
    server = ApiServer(engine, model.id, key, host=args.host, port=port,
                       allow_remote=args.allow_remote, store=store, log_conversations=args.log)
    url = server.start()
    if created:
        print(f"API key: {key}", flush=True)
        print("wren: this key is shown once; `python main.py serve --show-key` shows it again",
              file=err)
    if where.message:
        print(f"wren: {where.message}", file=err)
    logging = "on" if server.log_conversations() else "off"
    print(f"wren: serving {model.id} at {url} (n_ctx {engine.model.n_ctx}, "  # type: ignore[union-attr]
          f"conversation log {logging}); Ctrl+C stops", file=err, flush=True)

    stop = threading.Event()

    def on_signal(signum: int, frame: Any) -> None:
        stop.set()

    previous = signal.signal(signal.SIGTERM, on_signal)
    try:
        while not stop.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        server.stop()
        engine.unload()
    print("wren: server stopped", file=err)
    return 0
