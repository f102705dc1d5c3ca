"""A summary's citations as links in its message: "(p. 3)" the model wrote, or a "[p. 3]" Wren
adds after a sentence, each opening the document pane at that page.

The links are added after the Markdown is rendered, through private-use placeholder characters
(stripped from the model's text first): a model cannot forge a citation link by writing one.
Unsupported citations say so in words and with a sign, not only by colour.
"""
from __future__ import annotations

import html
import re
from collections.abc import Sequence

from app.core.citations import Citation
from app.ui.markdown_view import render_markdown

CITE_SCHEME = "wren-cite"
_OPEN, _CLOSE = "\ue000", "\ue001"
_TOKEN = re.compile(_OPEN + r"(\d+)" + _CLOSE)


def _clean(s: str) -> str:
    return s.replace(_OPEN, "").replace(_CLOSE, "")


def link_text(c: Citation, tr: object = None) -> str:
    """What the link says: "p. 3", "p. 9 ⚠ not supported", "⚠ no source found"."""
    t = (lambda s: tr(s)) if callable(tr) else (lambda s: s)  # noqa: E731
    if c.page is None and not c.section:
        return f"⚠ {t('no source found')}"
    return c.label if c.supported else f"{c.label} ⚠ {t('not supported')}"


def render_cited(text: str, citations: Sequence[Citation], dark: bool = False,
                 tr: object = None) -> tuple[str, list[str]]:
    """Markdown `text` as HTML with a citation link per cited sentence. Returns render_markdown's
    (html, code blocks)."""
    edits: list[tuple[int, int, str]] = []
    for i, c in enumerate(citations):
        token = f"{_OPEN}{i}{_CLOSE}"
        if c.marker is not None and 0 <= c.marker[0] < c.marker[1] <= len(text):
            edits.append((c.marker[0], c.marker[1], token))  # the model's "(p. 3)" becomes the link
        elif 0 < c.end <= len(text):
            edits.append((c.end, c.end, " " + token))
    # The spans are offsets into `text` as stored: placeholder characters the model wrote are
    # dropped piece by piece, so the offsets stay right.
    parts, pos = [], 0
    for a, b, rep in sorted(edits, key=lambda e: e[0]):
        if a < pos:
            continue
        parts += [_clean(text[pos:a]), rep]
        pos = b
    parts.append(_clean(text[pos:]))
    out = "".join(parts)
    body, codes = render_markdown(out, dark=dark)
    ok_colour = "#7fb4ff" if dark else "#1a5fb4"
    bad_colour = "#ff9e7a" if dark else "#b03000"

    def link(m: re.Match[str]) -> str:
        i = int(m.group(1))
        if i >= len(citations):
            return ""
        c = citations[i]
        label = html.escape(link_text(c, tr))
        if c.supported:
            return (f'<a href="{CITE_SCHEME}:{i}" style="color:{ok_colour}; '
                    f'text-decoration:none;">[{label}]</a>')
        return (f'<a href="{CITE_SCHEME}:{i}" style="color:{bad_colour};">'
                f'<b>[{label}]</b></a>')

    return _TOKEN.sub(link, body), codes
