"""Wren's command line: `python main.py` opens the window; sub-commands run headless.

The contract (docs/cli.md) is stable: exit 0 on success, 2 on bad input, 1 otherwise, with a
one-line error on stderr and never a traceback. Each sub-command lives in app/commands/<name>.py
with `register(subparsers, common)`; COMMANDS lists them in help order.
"""
from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import Any

from app import __version__
from app.commands import (
    chat,
    download,
    export,
    import_model,
    models,
    search,
    serve,
    summarize,
    system,
)

COMMANDS = [chat, summarize, models, download, import_model, search, export, serve, system]


class Context:
    """Shared things for a command: the data dir (set up as every front end starts, see
    app.core.startup) and the store, opened on first use."""

    def __init__(self, data_dir: str | None):
        from app.core.startup import start

        self.data = start(data_dir, "cli")
        self._store: Any = None

    @property
    def store(self) -> Any:
        if self._store is None:
            from app.core.backup import open_store

            # Same opener as the window: quick_check, restore from backup if damaged, daily backup.
            self._store, notice = open_store(self.data)
            if notice:
                print(f"wren: {notice}", file=sys.stderr)
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # bad arguments are bad input: exit 2, one line
        self.print_usage(sys.stderr)
        print(f"wren: error: {message}", file=sys.stderr)
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", default=argparse.SUPPRESS, metavar="DIR",
                        help="keep all data in DIR (default: the platform's user data folder)")
    parser = _Parser(prog="wren", description="Wren: offline chat with small language models.",
                     parents=[common])
    parser.add_argument("--version", action="version", version=f"Wren {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for mod in COMMANDS:
        mod.register(sub, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["__vet-model__"]:  # child process of app.core.vetting (frozen app)
        from app.core.vetting import child_main

        return child_main(argv[1:])
    if argv[:1] == ["__probe-backends__"]:  # child process of app.core.backends (frozen app)
        from app.core.backends import child_main as probe_main

        return probe_main(argv[1:])
    parser = build_parser()
    files = _document_args(parser, argv)
    if files is not None:
        return _open_window(files[0], files[1])
    args = parser.parse_args(argv)
    data_dir = getattr(args, "data_dir", None)
    if not getattr(args, "command", None):
        return _open_window(data_dir)
    from app.core.errors import WrenError

    ctx = Context(data_dir)  # log records go to logs/wren.log: stderr keeps its one line
    try:
        return int(args.func(args, ctx) or 0)
    except WrenError as e:
        _fail(e.message)
        return e.exit_code
    except KeyboardInterrupt:
        _fail("interrupted")
        return 130
    except BrokenPipeError:
        return 1
    except Exception as e:  # a bug: still one line for the user, details only when asked
        if os.environ.get("WREN_DEBUG"):
            raise
        _fail(f"unexpected error: {type(e).__name__}: {e}")
        return 1
    finally:
        ctx.close()


def _fail(message: str) -> None:
    line = " ".join(str(message).split())
    print(f"wren: error: {line}", file=sys.stderr)


def _sub_commands(parser: argparse.ArgumentParser) -> set[str]:
    for a in parser._actions:  # argparse keeps the sub-parsers' names only here
        if isinstance(a, argparse._SubParsersAction):
            return set(a.choices)
    return set()


def _document_args(parser: argparse.ArgumentParser,
                   argv: list[str]) -> tuple[str | None, list[str]] | None:
    """`wren [--data-dir DIR] FILE...` (the desktop's "Summarize with Wren"): (data dir, files),
    or None when argv is a sub-command or options. A missing file is bad input: exit 2."""
    data_dir: str | None = None
    rest: list[str] = []
    i = 0
    while i < len(argv):
        a = argv[i]
        if a == "--data-dir" and i + 1 < len(argv):
            data_dir = argv[i + 1]
            i += 2
            continue
        if a.startswith("--data-dir="):
            data_dir = a.split("=", 1)[1]
        else:
            rest.append(a)
        i += 1
    if not rest or rest[0].startswith("-") or rest[0] in _sub_commands(parser):
        return None
    if any(r.startswith("-") for r in rest):
        return None  # options after a file: let argparse say what is wrong
    for r in rest:
        if not os.path.isfile(r):
            commands = ", ".join(sorted(_sub_commands(parser)))
            if os.path.isdir(r):
                _fail(f"'{r}' is a folder, not a document (wren FILE... summarizes files)")
            else:
                _fail(f"invalid choice: '{r}' is not a command ({commands}) "
                      "and no such file exists")
            raise SystemExit(2)
    return data_dir, [os.path.abspath(r) for r in rest]


def _open_window(data_dir: str | None, documents: Sequence[str] = ()) -> int:
    try:
        from app.ui.app import run
    except ImportError as e:
        _fail(f"the window cannot start: {e}")
        return 1
    return int(run(data_dir, documents=list(documents)) or 0)
