"""ThreadGovernor on exact sequences of decode-step times (the engine feeds it real ones;
tests/e2e/test_cpu_contention.py runs it against real busy processes)."""
from __future__ import annotations

from app.core.thread_governor import ThreadGovernor

QUIET_2 = 0.025  # s per token with 2 threads on an idle machine (starter model, measured)
QUIET_1 = 0.043  # 1 thread
COLLAPSED_2 = 0.1  # 2 threads while another program keeps a core busy (a mild case)
SHARED_1 = 0.045  # 1 thread beside that program


def feed(gov: ThreadGovernor, step_time_at: dict[int, float], n: int) -> list[int]:
    """Feed n steps whose time depends on the thread count in use; returns the counts used."""
    used = []
    for _ in range(n):
        used.append(gov.current)
        gov.observe(step_time_at[gov.current])
    return used


def test_quiet_machine_keeps_every_thread_despite_lone_spikes():
    gov = ThreadGovernor(2)
    for i in range(2000):
        t = QUIET_2 * (1 + 0.05 * (i % 7) / 7)
        if i % 50 == 25:
            t *= 10  # a page fault, a GC pause, a store write: one slow step, not a trend
        assert gov.observe(t) is None
    assert gov.current == 2 and gov.changes == []


def test_a_busy_core_costs_one_thread_within_a_few_tokens():
    gov = ThreadGovernor(2)
    feed(gov, {2: QUIET_2}, 20)
    assert gov.current == 2
    used = feed(gov, {2: COLLAPSED_2, 1: SHARED_1}, 10)
    assert used[:4] == [2, 2, 2, 2]  # four slow steps in a row...
    assert gov.current == 1 and gov.changes == [1]  # ...then one thread fewer


def test_trials_while_the_load_lasts_fail_fast_and_back_off():
    gov = ThreadGovernor(2, probe_after=64)
    feed(gov, {2: QUIET_2}, 20)
    feed(gov, {2: COLLAPSED_2, 1: SHARED_1}, 4 + 64 + 8)
    assert gov.changes[:3] == [1, 2, 1]  # dropped, tried again after 64 steps, gave up
    used = feed(gov, {2: COLLAPSED_2, 1: SHARED_1}, 1000)
    # A trial lasts at most 8 steps (2 when its steps are 3x slow), and trials come ever more
    # rarely: after 128, 256, 512 steps...
    assert gov.current == 1
    assert gov.changes.count(2) - 1 <= 3
    assert used.count(2) <= 8 * 3
    used = feed(gov, {2: 3.0, 1: SHARED_1}, 2000)  # a heavier load: trials end at once
    assert used.count(2) <= 3 and gov.current == 1


def test_the_thread_comes_back_when_the_other_program_stops():
    gov = ThreadGovernor(2, probe_after=64)
    feed(gov, {2: QUIET_2}, 20)
    feed(gov, {2: COLLAPSED_2, 1: SHARED_1}, 10)
    assert gov.current == 1
    feed(gov, {2: QUIET_2, 1: QUIET_1}, 64 + 8 + 5)
    assert gov.current == 2 and gov.changes == [1, 2]
    feed(gov, {2: QUIET_2, 1: QUIET_1}, 500)
    assert gov.current == 2 and gov.changes == [1, 2]  # and stays


def test_a_load_that_began_between_replies_is_noticed_in_the_next_one():
    gov = ThreadGovernor(2)
    feed(gov, {2: QUIET_2}, 30)  # reply 1, quiet
    gov.new_reply()
    used = feed(gov, {2: COLLAPSED_2, 1: SHARED_1}, 8)  # reply 2 starts under load
    assert used.count(2) == 4 and gov.current == 1


def test_one_core_machines_and_the_floor():
    gov = ThreadGovernor(1)
    feed(gov, {1: QUIET_1}, 20)
    feed(gov, {1: 1.0}, 100)
    assert gov.current == 1 and gov.changes == []


def test_started_below_the_maximum_it_tries_the_idle_cores_later():
    # Load time saw a busy core (1 thread); once that program has ended, 2 are used.
    gov = ThreadGovernor(2, current=1, probe_after=64)
    feed(gov, {2: QUIET_2, 1: QUIET_1}, 64 + 8 + 2)
    assert gov.current == 2


def test_a_step_that_costs_seconds_is_enough_on_its_own():
    # Measured here: with both cores taken, a 2-thread token took 2.5-3.5 s instead of 15 ms.
    gov = ThreadGovernor(2)
    feed(gov, {2: QUIET_2}, 20)
    used = feed(gov, {2: 3.0, 1: SHARED_1}, 3)
    assert used == [2, 1, 1] and gov.changes == [1]


def test_one_pause_below_the_budget_changes_nothing():
    gov = ThreadGovernor(2)
    feed(gov, {2: QUIET_2}, 20)
    assert gov.observe(0.3) is None  # a 0.3 s hiccup (swap-in, a busy disk)
    feed(gov, {2: QUIET_2}, 20)
    assert gov.changes == []
