"""Citations a reader can follow: every sentence of a summary gets the page (or section) it comes
from, and a check that the page really says it.

A sentence's source is the page the model cited ("(p. 3)", "(pp. 3-4)", "[Page 3]", "(page 3)"),
or, where it cited none (small models rarely do), the page whose text supports it best (BM25
over content words). Each citation is then checked against its page: the page exists and most of
the sentence's content words (all of its numbers) are found there. The `passage` is the run of
the page's sentences that shares the most content words with the summary sentence: the window
highlights it.

Cheap on purpose (it runs after every summary): one pass over the document's words to build the
index, then set lookups per sentence; no model, no network. Plain data, no Qt.
"""
from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from app.core.documents import ExtractedDocument, Section

# A sentence is supported when this share of its content words is on the cited page.
SUPPORT_THRESHOLD = 0.6
# Sentences with fewer content words make no checkable claim ("In summary:"): not cited.
MIN_CONTENT_WORDS = 2
# At most this many consecutive source sentences form a passage.
MAX_PASSAGE_SENTENCES = 3

# "(p. 3)", "(p.3, 5)", "(pp. 3-4)", "(page 3)", "(pages 3 and 4)", "[Page 3]", "[p. 3]".
_CITE = re.compile(
    r"[(\[]\s*(?:pp?\.?|pages?)\s*(\d{1,5}(?:\s*(?:[-–—,;]|and|&)\s*(?:p\.\s*)?\d{1,5})*)\s*[)\]]",
    re.IGNORECASE)
_NUM = re.compile(r"\d{1,5}")
_RANGE = re.compile(r"(\d{1,5})\s*[-–—]\s*(\d{1,5})")
_WORD = re.compile(r"\w+", re.UNICODE)
# Words that end with a period without ending a sentence.
_ABBREV = frozenset("""p pp e g i ie eg etc mr mrs ms dr prof st vs cf fig figs no nos approx
    ca inc ltd co corp jr sr art sec ch vol ed eds al""".split())
_END = ".!?。！？"
_CLOSERS = "\"'”’)]»"

# Function words and the words summaries use about themselves ("the document discusses"): they
# say nothing about what a page contains.
_STOP = frozenset("""a an the and or but nor so yet of to in on at by for with from into onto
    upon about above below over under between among through during before after since until
    while as than then there here this that these those it its it's they them their theirs he
    him his she her hers we us our you your i me my mine is are was were be been being am do
    does did doing done have has had having can could shall should will would may might must
    not no yes also too very more most less least much many some any each every all both either
    neither other another such same own only just even still again further once which who whom
    whose what when where why how if because although though whether via per within without
    against toward towards across along around behind beyond near onto out off up down
    document documents summary summaries summarize summarizes summarized text texts page pages
    section sections author authors discuss discusses discussed describe describes described
    mention mentions mentioned state states stated explain explains explained highlight
    highlights highlighted outline outlines outlined overall including include includes various
    several part parts discussion provides provide provided focus focuses """.split())


@dataclass(frozen=True)
class Citation:
    """One summary sentence and its source. Plain data (JSON via to_json)."""

    sentence: str
    start: int  # the sentence's span in the summary text
    end: int
    page: int | None = None  # 1-based PDF page (paged documents)
    section: str | None = None  # the section's heading or "Section N" (other documents)
    section_index: int | None = None  # index into the document's sections (None: no source)
    supported: bool = False
    passage: str = ""
    source: str = "none"  # cited (the model named the page), matched (best page), none
    cited_pages: tuple[int, ...] = ()
    coverage: float = 0.0  # share of the sentence's content words found at the source
    marker: tuple[int, int] | None = None  # span of the model's own "(p. N)" in the summary
    reason: str = ""  # why it is unsupported, in words

    def to_json(self) -> dict[str, Any]:
        d: dict[str, Any] = {"sentence": self.sentence}
        if self.section is None:
            d["page"] = self.page
        else:
            d["section"] = self.section
        d.update(supported=self.supported, passage=self.passage, source=self.source,
                 cited_pages=list(self.cited_pages), coverage=round(self.coverage, 3),
                 start=self.start, end=self.end, section_index=self.section_index)
        if self.marker is not None:
            d["marker"] = list(self.marker)
        if self.reason:
            d["reason"] = self.reason
        return d

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> Citation:
        """Back from the stored form; tolerant of missing keys (older or hand-edited rows)."""
        marker = d.get("marker")
        page = d.get("page")
        return cls(
            sentence=str(d.get("sentence", "")), start=int(d.get("start", 0) or 0),
            end=int(d.get("end", 0) or 0),
            page=int(page) if isinstance(page, (int, float)) else None,
            section=d.get("section") if isinstance(d.get("section"), str) else None,
            section_index=(int(d["section_index"]) if isinstance(d.get("section_index"), int)
                           else None),
            supported=bool(d.get("supported", False)), passage=str(d.get("passage", "")),
            source=str(d.get("source", "none")),
            cited_pages=tuple(int(x) for x in d.get("cited_pages", ()) if isinstance(x, int)),
            coverage=float(d.get("coverage", 0.0) or 0.0),
            marker=(int(marker[0]), int(marker[1])) if isinstance(marker, list)
            and len(marker) == 2 else None,
            reason=str(d.get("reason", "")))

    @property
    def label(self) -> str:
        """Short name of the source: "p. 3", "Introduction", "no source"."""
        if self.page is not None:
            return f"p. {self.page}"
        if self.section:
            return self.section
        return "no source"


# ----------------------------------------------------------------------------- text units
def _fold(word: str) -> str:
    w = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in w if not unicodedata.combining(ch))


def _stem(word: str) -> str:
    """Language-neutral light stemming: plurals and inflections of one word share their first
    six letters ("libraries"/"library", "markets"/"marketing"); precise enough for overlap."""
    if word.endswith("'s"):
        word = word[:-2]
    return word[:6]


def content_words(text: str) -> list[str]:
    """The words that carry meaning, folded and stemmed; numbers kept as they are."""
    out = []
    for m in _WORD.finditer(text):
        w = _fold(m.group())
        if w.isdigit():
            out.append(w)
        elif len(w) >= 3 and w not in _STOP and not w.replace("_", "").isdigit():
            out.append(_stem(w))
    return out


def _is_boundary(text: str, i: int, b: int) -> bool:
    """Whether the end mark at text[i] ends a sentence (text[:b] is the block)."""
    ch = text[i]
    if ch in "。！？":
        return True
    j = i + 1
    while j < b and text[j] in _CLOSERS:
        j += 1
    if j < b and not text[j].isspace():
        return False  # "3.5", "e.g.x", "file.pdf"
    k = j
    while k < b and text[k].isspace():
        k += 1
    if k >= b:
        return True
    if text[k].islower():
        return False
    if ch == ".":
        s = i
        while s > 0 and i - s < 12 and (text[s - 1].isalnum() or text[s - 1] == "_"):
            s -= 1
        prev = text[s:i].lower()
        if prev in _ABBREV or (len(prev) == 1 and prev.isalpha()):
            return False
    return True


_BREAK = re.compile(r"\n[ \t]*\n|\n(?=[ \t]*(?:[-*+•]\s|\d{1,3}[.)]\s|#{1,6}\s|\|))")
_LEAD = re.compile(r"(?:[ \t]*(?:[-*+•]|\d{1,3}[.)]|#{1,6}|>)[ \t]+)+")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences of `text` (prose or a Markdown list): blank lines, list items and
    headings break; within a block, an end mark followed by a capital (not after "p." or "e.g.")
    does. Leading list markers are left out of the spans."""
    spans: list[tuple[int, int]] = []
    pos = 0
    blocks = []
    for m in _BREAK.finditer(text):
        blocks.append((pos, m.start()))
        pos = m.end()
    blocks.append((pos, len(text)))
    for a, b in blocks:
        lead = _LEAD.match(text, a, b)
        if lead:
            a = lead.end()
        start = a
        i = a
        while i < b:
            if text[i] in _END and _is_boundary(text, i, b):
                j = i + 1
                while j < b and text[j] in _CLOSERS + _END:
                    j += 1
                spans.append((start, j))
                start = j
            i += 1
        spans.append((start, b))
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a and any(ch.isalnum() for ch in text[a:b]):
            out.append((a, b))
    return out


def cited_pages(sentence: str) -> tuple[list[int], tuple[int, int] | None]:
    """Pages a sentence cites, and the span of its (last) citation mark."""
    pages: list[int] = []
    span = None
    for m in _CITE.finditer(sentence):
        body = m.group(1)
        for r in _RANGE.finditer(body):
            lo, hi = int(r.group(1)), int(r.group(2))
            if 0 < hi - lo <= 20:
                pages.extend(range(lo, hi + 1))
        pages.extend(int(x) for x in _NUM.findall(body))
        span = (m.start(), m.end())
    seen: list[int] = []
    for p in pages:
        if p not in seen:
            seen.append(p)
    return seen, span


def _plain(sentence: str) -> str:
    """A sentence as a reader quotes it: no Markdown emphasis, no citation marks."""
    s = _CITE.sub("", sentence)
    s = re.sub(r"(\*\*|__|\*|`)", "", s)
    s = re.sub(r"\s+([.,;:!?])", r"\1", s)
    return " ".join(s.split())


# ----------------------------------------------------------------------------- the index
@dataclass
class _Unit:
    """One section's words and sentences."""

    section: Section
    index: int
    words: set[str]
    counts: Counter
    length: int
    sentences: list[tuple[int, int]]
    sentence_words: list[set[str]] = field(default_factory=list)


class SourceIndex:
    """The document's sections, ready for BM25 ranking and passage lookup. Build once per
    document (linear in its length); query per sentence."""

    K1 = 1.2
    B = 0.75

    def __init__(self, sections: Sequence[Section], pages: int = 0) -> None:
        self.pages = pages
        self.paged = pages > 0 or any(s.page is not None for s in sections)
        self.units: list[_Unit] = []
        self.by_page: dict[int, _Unit] = {}
        df: Counter = Counter()
        for i, s in enumerate(sections):
            words = content_words(s.text)
            u = _Unit(s, i, set(words), Counter(words), len(words), split_sentences(s.text))
            self.units.append(u)
            df.update(u.words)
            if s.page is not None:
                self.by_page[s.page] = u
        n = len(self.units) or 1
        self.avg_len = sum(u.length for u in self.units) / n or 1.0
        self.idf = {w: math.log(1 + (n - c + 0.5) / (c + 0.5)) for w, c in df.items()}
        if self.paged and not self.pages:
            self.pages = max(self.by_page, default=0)

    @classmethod
    def for_document(cls, doc: ExtractedDocument) -> SourceIndex:
        return cls(doc.sections, doc.pages)

    def ranked(self, words: Iterable[str], k: int = 3) -> list[_Unit]:
        """Up to k sections by BM25 score for these words, best first (none: no word occurs)."""
        q = Counter(words)
        scored = []
        for u in self.units:
            score = 0.0
            norm = self.K1 * (1 - self.B + self.B * u.length / self.avg_len)
            for w, qn in q.items():
                tf = u.counts.get(w, 0)
                if tf:
                    score += self.idf.get(w, 0.0) * tf * (self.K1 + 1) / (tf + norm) * qn
            if score > 0:
                scored.append((score, -u.index, u))
        scored.sort(key=lambda t: (t[0], t[1]), reverse=True)
        return [u for _, _, u in scored[:k]]

    def best(self, words: Iterable[str]) -> _Unit | None:
        """The section with the highest BM25 score for these words (None: no word occurs)."""
        top = self.ranked(words, 1)
        return top[0] if top else None

    def passage(self, u: _Unit, words: set[str]) -> str:
        """The run of up to MAX_PASSAGE_SENTENCES sentences of `u` sharing the most words with
        the summary sentence (whitespace folded: PDF line breaks are not the author's)."""
        if not u.sentences:
            return ""
        if not u.sentence_words:
            u.sentence_words = [set(content_words(u.section.text[a:b])) for a, b in u.sentences]
        hits = [len(sw & words) for sw in u.sentence_words]
        i = max(range(len(hits)), key=lambda k: (hits[k], -k))
        lo = hi = i
        got = set(u.sentence_words[i] & words)
        while hi - lo + 1 < MAX_PASSAGE_SENTENCES:
            gains = []
            if lo > 0:
                gains.append((len((u.sentence_words[lo - 1] & words) - got), "lo"))
            if hi + 1 < len(u.sentences):
                gains.append((len((u.sentence_words[hi + 1] & words) - got), "hi"))
            gains = [g for g in gains if g[0] > 0]
            if not gains:
                break
            _, side = max(gains)
            if side == "lo":
                lo -= 1
                got |= u.sentence_words[lo] & words
            else:
                hi += 1
                got |= u.sentence_words[hi] & words
        a, b = u.sentences[lo][0], u.sentences[hi][1]
        return " ".join(u.section.text[a:b].split())

    def section_name(self, u: _Unit) -> str:
        title = u.section.title.lstrip("#").strip()
        return title or f"Section {u.index + 1}"


# ----------------------------------------------------------------------------- checking
def _check(index: SourceIndex, u: _Unit, words: list[str]) -> tuple[float, bool, str]:
    wanted = set(words)
    found = wanted & u.words
    coverage = len(found) / len(wanted) if wanted else 0.0
    missing_numbers = sorted(w for w in wanted - u.words if w.isdigit())
    if missing_numbers:
        return coverage, False, "numbers not on the page: " + ", ".join(missing_numbers[:5])
    if coverage < SUPPORT_THRESHOLD:
        return coverage, False, f"only {round(100 * coverage)}% of its words are there"
    return coverage, True, ""


def cite(summary: str, index: SourceIndex) -> list[Citation]:
    """Citations for every checkable sentence of `summary` against the indexed document."""
    out: list[Citation] = []
    for a, b in split_sentences(summary):
        raw = summary[a:b]
        pages, mark = cited_pages(raw)
        words = content_words(_CITE.sub(" ", raw))
        if len(set(words)) < MIN_CONTENT_WORDS:
            continue
        sentence = _plain(raw)
        marker = (a + mark[0], a + mark[1]) if mark else None
        wanted = set(words)
        if pages and index.paged:
            best: tuple[float, bool, str, _Unit] | None = None
            for p in pages:
                u = index.by_page.get(p)
                if u is None:
                    continue
                cov, ok, why = _check(index, u, words)
                if best is None or (ok, cov) > (best[1], best[0]):
                    best = (cov, ok, why, u)
            if best is None:
                bad = pages[0]
                why = (f"the document has no page {bad}" if not 1 <= bad <= index.pages
                       else f"page {bad} has no text")
                out.append(Citation(sentence, a, b, page=bad, supported=False, source="cited",
                                    cited_pages=tuple(pages), marker=marker, reason=why))
                continue
            cov, ok, why, u = best
            out.append(Citation(sentence, a, b, page=u.section.page, section_index=u.index,
                                supported=ok, passage=index.passage(u, wanted), source="cited",
                                cited_pages=tuple(pages), coverage=cov, marker=marker,
                                reason=why))
            continue
        top = index.ranked(words)
        if not top:
            out.append(Citation(sentence, a, b, section=None if index.paged else "",
                                supported=False, source="none", marker=marker,
                                reason="no page shares its words"))
            continue
        # The best-ranked page that supports the sentence; else the best-ranked page.
        checks = [(u, *_check(index, u, words)) for u in top]
        u, cov, ok, why = next((c for c in checks if c[2]), checks[0])
        page = u.section.page if index.paged else None
        section = None if index.paged else index.section_name(u)
        out.append(Citation(sentence, a, b, page=page, section=section, section_index=u.index,
                            supported=ok, passage=index.passage(u, wanted), source="matched",
                            coverage=cov, marker=marker, reason=why))
    return out


def cite_document(summary: str, doc: ExtractedDocument) -> list[Citation]:
    return cite(summary, SourceIndex.for_document(doc))


_PAGE_MARK = re.compile(r"^\[Page (\d+)\]\n", re.MULTILINE)


def sections_from_text(text: str, pages: int = 0) -> list[Section]:
    """Sections back from a stored document's text (ExtractedDocument.text): PDF pages from
    their "[Page N]" marks; otherwise the whole text as one section (headings stay in it)."""
    if pages:
        marks = list(_PAGE_MARK.finditer(text))
        out = []
        for k, m in enumerate(marks):
            end = marks[k + 1].start() if k + 1 < len(marks) else len(text)
            out.append(Section(text[m.end():end].strip(), page=int(m.group(1))))
        if out:
            return out
    return [Section(text)]


# ----------------------------------------------------------------------------- echoed markup
# What a model may echo from the prompt or its template: the document wrapper, chat-template
# special tokens ("<|im_end|>", "</s>"), instruction tags.
# A bare HTML block tag ("<p>") is a model imitating markup, not Markdown: dropped too.
_ECHO_TAGS = ("document", "s", "p", "div", "span", "br", "html", "body")
_ECHO = re.compile(
    r"</?document\b[^>\n]{0,400}>|<\|[A-Za-z0-9_:.\-]{1,40}\|>|</?(?:s|p|div|span|br|html|body)"
    r"\s*/?>|\[/?INST\]|<</?SYS>>",
    re.IGNORECASE)
_TAG_START = re.compile(r"</?([a-z]*)\s*/?")


def strip_markup(text: str) -> str:
    """The reply without echoed prompt markup, tidy at its ends."""
    cleaned = _ECHO.sub("", text)
    cleaned = re.sub(r"[ \t]+\n", "\n", cleaned)
    cleaned = re.sub(r"\n{3,}", "\n\n", cleaned)
    return cleaned.strip()


class MarkupFilter:
    """strip_markup for a stream: holds back a "<" or "[" run while it may still become a tag."""

    HOLD = 420

    def __init__(self) -> None:
        self.buf = ""

    def feed(self, piece: str) -> str:
        self.buf += piece
        out = []
        while self.buf:
            i = min((k for k in (self.buf.find("<"), self.buf.find("[")) if k >= 0), default=-1)
            if i < 0:
                out.append(self.buf)
                self.buf = ""
                break
            out.append(self.buf[:i])
            self.buf = self.buf[i:]
            m = _ECHO.match(self.buf)
            if m:
                self.buf = self.buf[m.end():]
                continue
            if self._may_grow(self.buf):
                break  # wait for more text
            out.append(self.buf[0])
            self.buf = self.buf[1:]
        return "".join(out)

    def flush(self) -> str:
        rest = _ECHO.sub("", self.buf)
        self.buf = ""
        return rest

    def _may_grow(self, s: str) -> bool:
        if len(s) > self.HOLD or "\n" in s:
            return False
        low = s.lower()
        if low.startswith(("<document", "</document")):
            return ">" not in s
        for lit in ("[/inst]", "[inst]", "<</sys>>", "<<sys>>"):
            if lit.startswith(low):
                return True
        m = _TAG_START.fullmatch(low)
        if m and any(t.startswith(m.group(1)) for t in _ECHO_TAGS):
            return True  # "<", "</", "<d", "<p ", "<br/" ... may still become a tag
        if s.startswith("<|"):
            return len(s) <= 44 and "|>" not in s and " " not in s
        return False


# ----------------------------------------------------------------------------- locating
def _normalized(chars: Sequence[str]) -> tuple[str, list[int]]:
    """Text folded for matching (whitespace runs -> one space, case folded, hyphenated line
    ends joined) and, for each of its characters, the index of the source character."""
    out: list[str] = []
    where: list[int] = []
    space = True
    for i, ch in enumerate(chars):
        if not ch or ch.isspace() or ch in "\x00\ufffe\uffff":
            if not space:
                out.append(" ")
                where.append(i)
                space = True
            continue
        out.append(ch.casefold()[:1])
        where.append(i)
        space = False
    return "".join(out), where


def find_passage(chars: Sequence[str], passage: str) -> tuple[int, int] | None:
    """Where `passage` (whitespace-folded, as Citation.passage) lies in `chars` (a string, or
    a page's characters one by one): [start, end) indices, or None. Tolerates differing line
    breaks and spacing; when the whole passage is not found, its longest found head and tail
    are tried (a PDF may break a word with a hyphen)."""
    target, _ = _normalized(passage)
    target = target.strip()
    if not target:
        return None
    hay, where = _normalized(chars)
    k = hay.find(target)
    if k >= 0:
        return where[k], where[k + len(target) - 1] + 1
    head, tail = target[:60], target[-60:]
    a, b = hay.find(head), hay.rfind(tail)
    if a >= 0 and b >= a:
        return where[a], where[b + len(tail) - 1] + 1
    if a >= 0:
        return where[a], where[a + len(head) - 1] + 1
    if b >= 0:
        return where[b], where[b + len(tail) - 1] + 1
    return None
