"""Model output as safe HTML for QTextDocument: markdown-it-py for the structure, pygments for
code. Raw HTML in the text is shown as text, images become their alt text (nothing is ever
fetched), and only http(s)/mailto links are kept (opened on click, by the chat pane).
"""
from __future__ import annotations

import html
from functools import lru_cache
from typing import Any

# markdown-it and pygments are imported on first use, not while the window starts (~60 ms).

SAFE_SCHEMES = ("http://", "https://", "mailto:")
COPY_SCHEME = "wren-copy"


@lru_cache(maxsize=2)
def _md() -> Any:
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable("table")
    md.enable("strikethrough")
    return md


@lru_cache(maxsize=2)
def _formatter(dark: bool) -> Any:
    from pygments.formatters import HtmlFormatter

    return HtmlFormatter(noclasses=True, nowrap=True, style="monokai" if dark else "friendly")


@lru_cache(maxsize=1)
def _builtin_aliases() -> frozenset[str]:
    from pygments.lexers._mapping import LEXERS

    return frozenset(a for entry in LEXERS.values() for a in entry[2])


@lru_cache(maxsize=256)
def _lexer(lang: str):  # type: ignore[no-untyped-def]
    """A cached lexer. Only pygments' built-in names are looked up: an unknown name (such as a
    half-streamed "pyth") would make pygments scan every installed package's entry points,
    which takes most of a second, on the GUI thread, for every render."""
    from pygments.lexers import TextLexer, get_lexer_by_name
    from pygments.util import ClassNotFound

    lang = lang.lower()
    if not lang or lang not in _builtin_aliases():
        return TextLexer()
    try:
        return get_lexer_by_name(lang)
    except ClassNotFound:
        return TextLexer()


COMMON_LANGS = ("python", "bash", "sh", "javascript", "js", "typescript", "json", "c", "cpp",
                "java", "rust", "go", "sql", "html", "css", "yaml", "toml", "markdown", "text")


def warm_up() -> None:
    """Compile the common lexers' regexes ahead of time (call from a background thread)."""
    from pygments import highlight

    for lang in COMMON_LANGS:
        highlight("x = 1\n", _lexer(lang), _formatter(False))
    _md().render("# x\n\n| a |\n| - |\n| b |\n")


def _copy_label() -> str:
    from PySide6.QtCore import QCoreApplication

    return html.escape(QCoreApplication.translate("MessageWidget", "Copy code"))


def _code_html(code: str, lang: str, dark: bool, index: int) -> str:
    from pygments import highlight

    lexer = _lexer(lang)
    body = highlight(code, lexer, _formatter(dark)).rstrip("\n")
    bg = "#272822" if dark else "#f4f5f7"
    fg = "#f8f8f2" if dark else "#1f2328"
    label = html.escape(lang or "code")
    # QTextDocument understands tables better than div backgrounds: one cell per code block.
    return (
        f'<table width="100%" cellspacing="0" cellpadding="8" style="background-color:{bg};'
        f'color:{fg}; margin-top:4px; margin-bottom:4px;"><tr><td>'
        f'<p style="margin:0;"><span style="color:#8b949e;">{label}</span>&nbsp;&nbsp;'
        f'<a href="{COPY_SCHEME}:{index}">{_copy_label()}</a></p>'
        f'<pre style="margin:0; white-space:pre-wrap;">{body}</pre></td></tr></table>'
    )


def render_markdown(text: str, dark: bool = False) -> tuple[str, list[str]]:
    """HTML for `text`, and the code blocks in order (for the Copy links)."""
    md = _md()
    tokens = md.parse(text)
    codes: list[str] = []
    rules = md.renderer.rules

    def fence(tokens, idx, options, env):  # type: ignore[no-untyped-def]
        tok = tokens[idx]
        lang = (tok.info or "").strip().split(" ")[0] if tok.type == "fence" else ""
        codes.append(tok.content)
        return _code_html(tok.content, lang, dark, len(codes) - 1)

    def image(tokens, idx, options, env):  # type: ignore[no-untyped-def]
        alt = "".join(c.content for c in (tokens[idx].children or []))
        return f"[image: {html.escape(alt or 'no description')}]"

    def link_open(tokens, idx, options, env):  # type: ignore[no-untyped-def]
        href = tokens[idx].attrGet("href") or ""
        if not str(href).lower().startswith(SAFE_SCHEMES):
            return "<span>"
        return f'<a href="{html.escape(str(href), quote=True)}">'

    def link_close(tokens, idx, options, env):  # type: ignore[no-untyped-def]
        # Match the opener: find it to know whether it became a span.
        depth = 0
        for j in range(idx - 1, -1, -1):
            t = tokens[j]
            if t.type == "link_close":
                depth += 1
            elif t.type == "link_open":
                if depth == 0:
                    href = str(t.attrGet("href") or "")
                    return "</a>" if href.lower().startswith(SAFE_SCHEMES) else "</span>"
                depth -= 1
        return "</span>"

    saved = {k: rules.get(k) for k in ("fence", "code_block", "image", "link_open", "link_close")}
    rules["fence"] = fence
    rules["code_block"] = fence
    rules["image"] = image
    rules["link_open"] = link_open
    rules["link_close"] = link_close
    try:
        body = md.renderer.render(tokens, md.options, {})
    finally:
        for k, v in saved.items():
            if v is None:
                rules.pop(k, None)
            else:
                rules[k] = v
    # Plain markdown tables get borders and padding (code-block tables already carry a style).
    body = body.replace("<table>", '<table border="1" cellspacing="0" cellpadding="5" '
                        'style="border-collapse:collapse; margin-top:4px; margin-bottom:4px;">')
    return body, codes


def plain_html(text: str) -> str:
    """Text as HTML, line breaks kept (user messages and streaming previews)."""
    return "<p style='white-space:pre-wrap; margin:0;'>" + html.escape(text) + "</p>"
