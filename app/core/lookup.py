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

import math
from dataclasses import dataclass, field

NGRAM_SIZES = (4, 3, 2)  # longest match first: longer matches guess better
MAX_MATCH = 16  # a match is measured back this far: past it, longer says little more


class NgramIndex:
    """Where each recent n-gram of the token sequence last occurred, to copy what followed it.

    While the sequence keeps copying one earlier run (a quote, a list of names), the draft
    comes from that run's next tokens and the match length keeps growing; otherwise it comes
    from the latest occurrence of the longest of the last 4, 3 or 2 tokens. `find` also says how
    long the match is (measured back up to MAX_MATCH tokens): DraftPolicy trusts long matches
    more, since a copy that has gone on for a dozen tokens usually goes on.
    """

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
        # The copy run being followed: s[src] is the token it predicts next, `run` how many
        # tokens before it match the sequence's end (0: no run).
        self.src = 0
        self.run = 0

    def append(self, token: int) -> None:
        s = self.seq
        src = self.src
        if self.run and s[src] == token:
            self.src = src + 1
            self.run += 1
        else:
            self.run = 0
        s.append(token)
        end = len(s) - 1  # index of the new token: it follows the n-grams ending just before it
        for n, m in self.maps:
            if end >= n:
                m[tuple(s[end - n:end])] = end

    def find(self, max_len: int) -> tuple[list[int], int]:
        """(up to `max_len` tokens that followed an earlier match of the sequence's end, the
        match's length in tokens); ([], 0) when the end occurs nowhere earlier."""
        if max_len <= 0:
            return [], 0
        s = self.seq
        if self.run:
            return _follow(s, self.src, max_len), self.run
        size = len(s)
        for n, m in self.maps:
            if size < n:
                continue
            at = m.get(tuple(s[-n:]))
            if at is not None:
                # Measure the match back past n: s[at-1-k] == s[-1-k] for k < length.
                k = n
                limit = min(MAX_MATCH, at)
                while k < limit and s[at - 1 - k] == s[-1 - k]:
                    k += 1
                self.src, self.run = at, k
                return _follow(s, at, max_len), k
        return [], 0

    def draft(self, max_len: int) -> list[int]:
        """Up to `max_len` tokens that followed an earlier match of the sequence's end."""
        return self.find(max_len)[0]


def _follow(s: list[int], src: int, max_len: int) -> list[int]:
    """The tokens that followed s[src - 1], run on past the end of `s` where the match is
    close behind: the end then repeats with period len(s) - src (a list, a loop), so each
    further token is the draft's own token one period back."""
    out = s[src: src + max_len]
    period = len(s) - src
    while len(out) < max_len:
        out.append(out[len(out) - period])
    return out


# Match lengths are grouped for the acceptance estimate: 2, 3, 4-5, 6-7, 8-11, 12 and more.
MATCH_BUCKETS = (3, 4, 6, 8, 12)
# Before any draft is seen, how often a draft token is expected to be kept per match length:
# in a summary by the starter model, a draft token after a 2-token match was kept with a chance
# of 0.39 (given the one before it was), after a 4-token match 0.87; a long copy run goes on.
BUCKET_PRIORS = (0.3, 0.45, 0.7, 0.8, 0.85, 0.9)


def bucket(match_len: int) -> int:
    b = 0
    for edge in MATCH_BUCKETS:
        if match_len < edge:
            return b
        b += 1
    return b


@dataclass
class DraftPolicy:
    """Adaptive draft length from the acceptance so far and the relative cost of verifying.

    Drafted tokens are modelled as accepted one after another with probability p, estimated
    per match length (a 2-token match is a weak guess, a copy run of a dozen tokens a strong
    one) from recent drafts, so it grows with acceptance and shrinks with rejection. A verify
    call with d draft tokens then yields (1 - p^(d+1)) / (1 - p) tokens on average and costs
    1 + fixed + cost * d single steps, where `cost` is the measured extra time of one more
    token in a batch relative to a single step (small on a GPU, larger on a CPU) and `fixed`
    what a verify call costs whatever its length, the slowdown of the steps after it included
    (about nothing on a CPU; on a GPU a batch of another size than one runs without the CUDA
    graph captured for single steps, which the next steps must capture again). The policy
    drafts the length that gives the most tokens per unit of time; in "auto" it does not draft
    at all when no length beats plain decoding, trying again now and then (after `probe_after`
    refused chances, more where a probe costs more, doubled after each failed try) in case the
    text starts repeating the document, unless even a whole draft sure to be kept would not
    pay.
    """

    mode: str = "auto"  # auto: only where it pays; on: whenever there is a match
    max_len: int = 10
    cost: float = 0.25
    fixed: float = 0.0
    priors: tuple[float, ...] = BUCKET_PRIORS
    prior_weight: float = 2.0
    decay: float = 0.8  # per draft: older drafts count less, so p follows the text
    min_gain: float = 1.05  # auto drafts only for an expected gain of at least this
    probe_after: int = 16
    max_probe_after: int = 256
    accepted_n: list[float] = field(default_factory=list, init=False)
    rejected_n: list[float] = field(default_factory=list, init=False)
    _declined: int = field(default=0, init=False)
    _probe_after: int = field(default=0, init=False)
    _probing: bool = field(default=False, init=False)

    def __post_init__(self) -> None:
        self._probe_after = self.probe_after
        self.accepted_n = [0.0] * len(self.priors)
        self.rejected_n = [0.0] * len(self.priors)

    def p(self, match_len: int = 4) -> float:
        """Estimated chance that a draft token from a match this long is kept: at least what
        a shorter match earned (a copy run passes through every length on its way, and a
        longer match is never the worse guess)."""
        w = self.prior_weight
        top = bucket(match_len)
        best = 0.0
        for b in range(top + 1):
            a, r = self.accepted_n[b], self.rejected_n[b]
            if b == top or a + r > 0:  # a shorter match's prior alone says nothing here
                best = max(best, (a + self.priors[b] * w) / (a + r + w))
        return best

    def best(self, match_len: int = 4) -> tuple[int, float]:
        """(draft length, expected tokens per unit of time relative to plain decoding)."""
        p = min(self.p(match_len), 0.999)
        cost = self.cost
        base = 1.0 + self.fixed
        best_d, best_gain = 0, 1.0
        yield_d = 1.0  # expected tokens for d = 0
        pk = 1.0
        for d in range(1, self.max_len + 1):
            pk *= p
            yield_d += pk
            gain = yield_d / (base + cost * d)
            if gain > best_gain:
                best_d, best_gain = d, gain
        return best_d, best_gain

    def can_pay(self) -> bool:
        """Whether a draft of the longest length, every token of it kept, would beat plain
        decoding: if not, "auto" does not even probe."""
        return (1.0 + self.max_len) / (1.0 + self.fixed + self.cost * self.max_len) \
            >= self.min_gain

    def _probe_wait(self) -> int:
        """Chances to let pass before a probe: `probe_after` (doubled after failed tries) where
        a 2-token probe costs no more than on a CPU (0.6 steps a token), longer where it costs
        more (a GPU's fixed cost), so that probing takes a few percent of the time at most."""
        dear = (self.fixed + 2.0 * self.cost) / 1.2
        return max(self._probe_after, math.ceil(self._probe_after * dear))

    def length(self, available: int, match_len: int = 4) -> int:
        """How many draft tokens to verify now, given `available` from a match `match_len`
        tokens long (0 available: none)."""
        if available <= 0:
            return 0
        d, gain = self.best(match_len)
        if self.mode == "on":
            return min(available, max(1, d))
        if d and gain >= self.min_gain:
            self._declined = 0
            self._probing = False
            return min(available, d)
        self._declined += 1
        if self._declined >= self._probe_wait() and self.can_pay():
            self._declined = 0
            self._probing = True
            return min(available, max(1, d), 2)
        return 0

    def update(self, drafted: int, accepted: int, match_len: int = 4) -> None:
        """Record a verified draft from a match `match_len` tokens long: `accepted` of its
        `drafted` tokens were kept."""
        if drafted <= 0:
            return
        b = bucket(match_len)
        self.accepted_n[b] = self.accepted_n[b] * self.decay + accepted
        self.rejected_n[b] = self.rejected_n[b] * self.decay + (1 if accepted < drafted else 0)
        if self._probing:
            self._probing = False
            if accepted == 0:
                self._probe_after = min(self.max_probe_after, self._probe_after * 2)
            else:
                self._probe_after = self.probe_after
