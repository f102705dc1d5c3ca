"""Full-text search helpers: turn what a person types into a safe FTS5 query, and search hits.

People type things like `what's C++?`, `"exact phrase"`, `bake*`, `NEAR(` or a lone `"`; FTS5
would reject most of those with a syntax error. `to_fts_query` keeps only what we support:
- words (matched anywhere, all of them: AND),
- "quoted phrases" (the words next to each other, in order),
- a trailing `*` for a prefix (`bake*` finds bake, baker, baking),
- OR / NOT / AND written in capitals between two terms,
and quotes everything else so no character can be read as FTS5 syntax.
"""
from __future__ import annotations

import html as _html
import re
from dataclasses import dataclass, field
from typing import Any

OPERATORS = ("AND", "OR", "NOT")
# Sentinels placed around matches by snippet()/highlight(); removed from the text afterwards.
HL_START = "\x01"
HL_END = "\x02"

_TOKEN = re.compile(r'"([^"]*)"?|(\S+)')


def _has_word(s: str) -> bool:
    return any(ch.isalnum() for ch in s)


def _quote(s: str) -> str:
    return '"' + s.replace('"', '""') + '"'


def to_fts_query(text: str, *, prefix_last: bool = False) -> str:
    """A valid FTS5 MATCH expression for `text`, or "" when it holds no searchable word.

    prefix_last: treat the last bare word as a prefix (search-as-you-type)."""
    items: list[str] = []
    last_bare = -1
    for m in _TOKEN.finditer(text or ""):
        phrase, word = m.group(1), m.group(2)
        if phrase is not None:
            phrase = phrase.replace("\x00", "")
            if _has_word(phrase):
                items.append(_quote(" ".join(phrase.split())))
            continue
        if word in OPERATORS:
            items.append(word)
            continue
        prefix = word.endswith("*")
        core = word.rstrip("*").replace('"', "")
        if not _has_word(core):
            continue
        items.append(_quote(core) + ("*" if prefix else ""))
        if not prefix:
            last_bare = len(items) - 1
    if prefix_last and last_bare == len(items) - 1 and last_bare >= 0:
        items[last_bare] += "*"
    # Operators only between two terms: drop leading, trailing and repeated ones.
    out: list[str] = []
    for it in items:
        if it in OPERATORS:
            if out and out[-1] not in OPERATORS:
                out.append(it)
        else:
            out.append(it)
    while out and out[-1] in OPERATORS:
        out.pop()
    return " ".join(out)


@dataclass(frozen=True)
class SearchHit:
    """One search result. Plain data (crosses from the search thread to the window)."""

    kind: str  # "message" or "title"
    conversation_id: int
    message_id: int | None  # None for a title hit
    conversation_title: str
    role: str  # the message's role; "" for a title hit
    snippet: str  # plain text around the matches
    highlights: tuple[tuple[int, int], ...] = field(default=())  # [start, end) in snippet
    score: float = 0.0  # bm25: lower is better
    created_at: float = 0.0

    def marked(self, start: str = "[", end: str = "]") -> str:
        """The snippet with `start`/`end` around each match."""
        out, pos = [], 0
        for a, b in self.highlights:
            out += [self.snippet[pos:a], start, self.snippet[a:b], end]
            pos = b
        out.append(self.snippet[pos:])
        return "".join(out)

    def html(self, tag: str = "b") -> str:
        """The snippet as escaped HTML with each match in <tag>."""
        out, pos = [], 0
        for a, b in self.highlights:
            out += [_html.escape(self.snippet[pos:a]), f"<{tag}>",
                    _html.escape(self.snippet[a:b]), f"</{tag}>"]
            pos = b
        out.append(_html.escape(self.snippet[pos:]))
        return "".join(out)

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "conversation_id": self.conversation_id,
            "message_id": self.message_id,
            "conversation_title": self.conversation_title,
            "role": self.role,
            "snippet": self.snippet,
            "highlights": [list(h) for h in self.highlights],
            "score": self.score,
            "created_at": self.created_at,
        }


def parse_marked(text: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Split snippet()'s output (matches between HL_START/HL_END) into text and ranges."""
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    n = 0
    start = -1
    for ch in text:
        if ch == HL_START:
            start = n
        elif ch == HL_END:
            if start >= 0 and n > start:
                spans.append((start, n))
            start = -1
        else:
            out.append(ch)
            n += 1
    return "".join(out), tuple(spans)
