"""Fewer llama.cpp threads while other programs take the CPU, more again when they stop.

llama.cpp's worker threads meet at a barrier several times per token and spin while they wait.
When another program keeps a core busy, one of our threads is descheduled and the others spin
for its whole time slice: on this 2-core machine decoding fell from 39 to 2 tokens/s. One thread
fewer avoids that (23 tokens/s). The load can start at any time, so the thread count chosen at
load time (machine.choose_threads) is not enough: the engine reports the time of every decoded
token here and applies the count this returns. Plain logic, no llama.cpp or clock inside, so it
is tested on exact sequences of step times.
"""
from __future__ import annotations

import statistics
from collections import deque
from dataclasses import dataclass, field


@dataclass
class ThreadGovernor:
    max_threads: int
    current: int = 0  # 0: max_threads
    slow_factor: float = 3.0  # a step this many times slower than usual is "slow"
    slow_run: int = 4  # consecutive slow steps before one thread is dropped...
    slow_budget_s: float = 0.5  # ...or fewer, once they have cost this much extra time
    baseline_len: int = 16  # recent normal steps the usual time is taken from
    min_baseline: int = 6  # no decision before this many normal steps
    probe_after: int = 64  # steps at a reduced count before one more thread is tried
    max_probe_after: int = 1024  # ...doubled after every failed trial, up to this
    probe_len: int = 8  # steps a trial lasts
    gain_needed: float = 0.85  # a trial is kept if its median is below this share
    changes: list[int] = field(default_factory=list)  # every count applied, for stats and tests

    def __post_init__(self) -> None:
        self.max_threads = max(1, self.max_threads)
        self.current = min(self.current or self.max_threads, self.max_threads)
        self._recent: deque[float] = deque(maxlen=self.baseline_len)
        self._slow = 0
        self._lost = 0.0  # extra seconds the current run of slow steps has cost
        self._since_change = 0
        self._probe: list[float] | None = None
        self._before_probe: float = 0.0  # median step time at the count a trial started from
        self._probe_after = self.probe_after

    def new_reply(self) -> None:
        """The usual step time is kept from the previous reply, so a load that began while the
        user was typing is noticed within the first few tokens. (A reply with a much longer
        context can look slow for the same reason; the next trial gives the thread back.)"""
        self._slow = 0  # (a trial in progress goes on into this reply)
        self._lost = 0.0

    def observe(self, seconds: float) -> int | None:
        """Record one decode step; returns a new thread count to apply, or None to keep it."""
        if self._probe is not None:
            return self._observe_probe(seconds)
        self._since_change += 1
        if len(self._recent) >= self.min_baseline:
            usual = statistics.median(self._recent)
            if seconds > self.slow_factor * usual:
                self._slow += 1
                self._lost += seconds - usual
                if self.current > 1 and (self._slow >= self.slow_run
                                         or self._lost >= self.slow_budget_s):
                    return self._apply(self.current - 1)
                return None  # slow steps do not become the new normal
        self._slow = 0
        self._lost = 0.0
        self._recent.append(seconds)
        if self.current < self.max_threads and self._since_change >= self._probe_after \
                and len(self._recent) >= self.min_baseline:
            self._before_probe = statistics.median(self._recent)
            self._probe = []
            return self._apply(self.current + 1, keep_probe=True)
        return None

    def _observe_probe(self, seconds: float) -> int | None:
        assert self._probe is not None
        self._probe.append(seconds)
        # Slow steps end a trial early: under load each one can cost seconds.
        limit = self.slow_factor * self._before_probe
        slow = [x for x in self._probe if x > limit]
        failed = len(slow) >= 2 or sum(slow) - len(slow) * self._before_probe >= self.slow_budget_s
        if not failed and len(self._probe) < self.probe_len:
            return None
        trial = statistics.median(self._probe)
        self._probe = None
        if not failed and trial < self.gain_needed * self._before_probe:
            self._recent.clear()
            self._recent.extend([trial] * self.min_baseline)
            self._since_change = 0
            self._probe_after = self.probe_after
            return None  # kept: the other program has stopped
        before = self._before_probe
        n = self._apply(self.current - 1)
        self._recent.extend([before] * self.min_baseline)
        self._probe_after = min(self.max_probe_after, self._probe_after * 2)
        return n

    def _apply(self, n: int, *, keep_probe: bool = False) -> int:
        self.current = n
        self.changes.append(n)
        self._slow = 0
        self._lost = 0.0
        self._since_change = 0
        if not keep_probe:
            self._probe = None
            self._recent.clear()
        return n
