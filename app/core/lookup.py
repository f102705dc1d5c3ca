"""Prompt-lookup drafting for speculative decoding: plain logic, no llama.cpp inside.

Summaries and answers about a document repeat its words. When the last few tokens of the
reply also occur earlier (in the prompt, i.e. the document, or in the reply itself), the tokens
that followed them there are a cheap guess of what comes next. The engine verifies such a draft
in one batch with the real model and keeps only the tokens the model would have produced
itself, so the output does not change; every kept draft token is a decode step saved.

`NgramIndex` finds drafts. `DraftPolicy` decides how long a draft should be, or whether to draft
at all: a verify batch of n tokens costs more than one step (on a CPU much more than on a GPU),
so it only pays when enough of the draft is accepted. Both are tested on exact sequences.
"""
from __future__ import annotations

from dataclasses import dataclass, field

NGRAM_SIZES = (4, 3, 2)  # longest match first: longer matches guess better


class NgramIndex:
    """Where each recent n-gram of the token sequence last occurred, to copy what followed it."""

    def __init__(self, tokens: list[int], sizes: tuple[int, ...] = NGRAM_SIZES) -> None:
        self.seq: list[int] = list(tokens)
        self.sizes = sizes
        s = self.seq
        last = len(s) - 1
        # n-gram (as a tuple) -> index of the token that followed its latest occurrence. The
        # final n-gram has no follower yet; it is added when the next token arrives.
        self.maps: list[tuple[int, dict[tuple[int, ...], int]]] = []
        for n in sizes:
            count = last - n + 1  # n-grams that have a follower
            if count <= 0:
                self.maps.append((n, {}))
                continue
            cols = [s[i: count + i] for i in range(n)]
            self.maps.append((n, {k: i + n for i, k in enumerate(zip(*cols, strict=True))}))

    def append(self, token: int) -> None:
        s = self.seq
        s.append(token)
        end = len(s) - 1  # index of the new token: it follows the n-grams ending just before it
        for n, m in self.maps:
            if end >= n:
                m[tuple(s[end - n:end])] = end

    def draft(self, max_len: int) -> list[int]:
        """Up to `max_len` tokens that followed the longest earlier match of the sequence's end."""
        if max_len <= 0:
            return []
        s = self.seq
        for n, m in self.maps:
            if len(s) < n:
                continue
            at = m.get(tuple(s[-n:]))
            if at is not None:
                return s[at: at + max_len]
        return []


@dataclass
class DraftPolicy:
    """Adaptive draft length from the acceptance so far and the relative cost of verifying.

    Drafted tokens are modelled as accepted one after another with probability p (estimated
    from recent drafts, so it grows with acceptance and shrinks with rejection). A verify call
    with d draft tokens then yields (1 - p^(d+1)) / (1 - p) tokens on average and costs
    1 + cost * d single steps, where `cost` is the measured extra time of one more token in a
    batch relative to a single step (about 0.02 on a GPU, 0.2-0.5 on a CPU). The policy drafts
    the length that gives the most tokens per unit of time; in "auto" it does not draft at all
    when no length beats plain decoding, trying again now and then (after `probe_after` refused
    chances, doubled after each failed try) in case the text starts repeating the document.
    """

    mode: str = "auto"  # auto: only where it pays; on: whenever there is a match
    max_len: int = 10
    cost: float = 0.25
    prior_p: float = 0.5
    prior_weight: float = 2.0
    decay: float = 0.8  # per draft: older drafts count less, so p follows the text
    min_gain: float = 1.05  # auto drafts only for an expected gain of at least this
    probe_after: int = 16
    max_probe_after: int = 256
    accepted_n: float = field(default=0.0, init=False)
    rejected_n: float = field(default=0.0, init=False)
    _declined: int = field(default=0, init=False)
    _probe_after: int = field(default=0, init=False)
    _probing: bool = field(default=False, init=False)

    def __post_init__(self) -> None:
        self._probe_after = self.probe_after

    @property
    def p(self) -> float:
        return ((self.accepted_n + self.prior_p * self.prior_weight)
                / (self.accepted_n + self.rejected_n + self.prior_weight))

    def best(self) -> tuple[int, float]:
        """(draft length, expected tokens per unit of time relative to plain decoding)."""
        p = min(self.p, 0.999)
        best_d, best_gain = 0, 1.0
        yield_d = 1.0  # expected tokens for d = 0
        pk = 1.0
        for d in range(1, self.max_len + 1):
            pk *= p
            yield_d += pk
            gain = yield_d / (1.0 + self.cost * d)
            if gain > best_gain:
                best_d, best_gain = d, gain
        return best_d, best_gain

    def length(self, available: int) -> int:
        """How many draft tokens to verify now, given `available` from a match (0: none)."""
        if available <= 0:
            return 0
        d, gain = self.best()
        if self.mode == "on":
            return min(available, max(1, d))
        if d and gain >= self.min_gain:
            self._declined = 0
            self._probing = False
            return min(available, d)
        self._declined += 1
        if self._declined >= self._probe_after:
            self._declined = 0
            self._probing = True
            return min(available, max(1, d), 2)
        return 0

    def update(self, drafted: int, accepted: int) -> None:
        """Record a verified draft: `accepted` of its `drafted` tokens were kept."""
        if drafted <= 0:
            return
        self.accepted_n = self.accepted_n * self.decay + accepted
        self.rejected_n = self.rejected_n * self.decay + (1 if accepted < drafted else 0)
        if self._probing:
            self._probing = False
            if accepted == 0:
                self._probe_after = min(self.max_probe_after, self._probe_after * 2)
            else:
                self._probe_after = self.probe_after
