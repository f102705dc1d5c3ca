"""Lookup drafting and the adaptive draft length, on exact token sequences."""
from app.core.lookup import MAX_MATCH, DraftPolicy, NgramIndex


def test_draft_copies_what_followed_the_match_in_the_prompt():
    idx = NgramIndex([1, 2, 3, 4, 5, 6, 7, 9, 9])
    assert idx.draft(3) == []  # the end (9, 9) occurs nowhere else
    idx.append(2)
    idx.append(3)  # ... 2 3: matched in the prompt, followed by 4 5 6
    assert idx.draft(3) == [4, 5, 6]
    # Past the end of what is known the sequence is taken to repeat (period 8 here).
    assert idx.draft(10) == [4, 5, 6, 7, 9, 9, 2, 3, 4, 5]
    assert idx.draft(0) == []


def test_longest_match_wins_over_a_more_recent_shorter_one():
    # "5 2 3" occurs once (followed by 40); "2 3" alone occurs later (followed by 50).
    idx = NgramIndex([5, 2, 3, 40, 8, 2, 3, 50, 7, 5, 2])
    idx.append(3)
    assert idx.draft(1) == [40]
    idx2 = NgramIndex([5, 2, 3, 40, 8, 2, 3, 50, 7, 6, 2])
    idx2.append(3)
    assert idx2.draft(1) == [50]  # only the 2-gram matches: its latest occurrence


def test_reply_so_far_is_drafted_from_too():
    idx = NgramIndex([100, 101])
    for t in [7, 8, 9, 10, 7, 8]:
        idx.append(t)
    assert idx.draft(2) == [9, 10]


def test_draft_length_grows_with_acceptance_and_shrinks_with_rejection():
    pol = DraftPolicy(mode="on", max_len=10, cost=0.1)
    start = pol.length(10)
    for _ in range(6):
        pol.update(pol.length(10), pol.length(10))  # every draft fully accepted
    grown = pol.length(10)
    assert grown > start
    for _ in range(4):
        pol.update(grown, 0)  # every draft rejected at its first token
    assert pol.length(10) < grown
    assert pol.length(10) >= 1  # "on" always drafts when there is a match
    assert pol.length(2) <= 2  # never more than the match offers


def test_auto_declines_where_verifying_costs_more_than_it_saves_then_probes():
    pol = DraftPolicy(mode="auto", max_len=8, cost=0.5, probe_after=4, max_probe_after=16)
    for _ in range(3):
        pol.update(2, 0)
    assert pol.best()[1] < pol.min_gain
    assert [pol.length(8) for _ in range(4)] == [0, 0, 0, 1]  # the fourth chance is a probe
    pol.update(1, 0)  # the probe failed: the next one comes after twice as many chances
    assert [pol.length(8) for _ in range(8)] == [0] * 7 + [1]
    pol.update(1, 1)  # this one succeeded: back to the short wait
    assert pol._probe_after == 4


def test_auto_drafts_on_a_cheap_device_even_at_modest_acceptance():
    pol = DraftPolicy(mode="auto", max_len=8, cost=0.02)
    for _ in range(5):
        pol.update(4, 1)
    assert pol.length(8) >= 2


def test_a_fixed_verify_cost_stops_short_drafts_and_probes_but_not_long_sure_copies():
    # A small model on a GPU: a verify call costs about 6 steps whatever its length (the steps
    # after it capture the CUDA graph again), one more token in it almost nothing.
    pol = DraftPolicy(mode="auto", max_len=10, cost=0.03, fixed=6.0, probe_after=2)
    assert pol.can_pay()  # 11 tokens for 7.3 steps, if every token is kept
    assert [pol.length(10, match_len=2) for _ in range(10)] == [0] * 10  # weak guesses
    # Probes come rarely enough that, all failing, they take under 3 % of the time.
    probing = DraftPolicy(mode="auto", max_len=10, cost=0.03, fixed=6.0)
    spent = 0.0
    for _ in range(1000):
        d = probing.length(10, match_len=2)
        if d:
            spent += probing.fixed + probing.cost * d
            probing.update(d, 0, match_len=2)
    assert 0 < spent <= 0.03 * 1000
    for _ in range(6):
        pol.update(10, 10, match_len=14)  # long copy runs, kept whole
    assert pol.length(10, match_len=14) == 10
    # The same verify call with a dear extra token (a CPU's 0.5 steps): no draft can pay, so
    # "auto" does not even probe, however long it waits.
    dear = DraftPolicy(mode="auto", max_len=10, cost=0.5, fixed=6.0, probe_after=2)
    assert not dear.can_pay()
    assert [dear.length(10, match_len=14) for _ in range(50)] == [0] * 50
    assert DraftPolicy(mode="on", max_len=10, cost=0.5, fixed=6.0).length(10) >= 1  # "on" drafts


def test_auto_comes_back_when_the_text_starts_copying():
    pol = DraftPolicy(mode="auto", max_len=8, cost=0.3, probe_after=2)
    for _ in range(5):
        pol.update(2, 0)
    lengths = []
    for _ in range(16):
        d = pol.length(8)
        lengths.append(d)
        pol.update(d, d)  # the text now copies the document: every draft is accepted
    assert lengths[0] == 0 and lengths[1] == 1  # declined, then a probe
    assert lengths.count(0) <= 2
    assert lengths[-1] == 8
    assert lengths[3:] == sorted(lengths[3:])


def test_short_prompts_index_correctly():
    for prompt in ([], [1], [1, 2], [1, 2, 3], [1, 2, 3, 4]):
        idx = NgramIndex(prompt)
        assert idx.draft(4) == []
    idx = NgramIndex([1, 2, 3])
    idx.append(1)
    idx.append(2)
    assert idx.draft(4) == [3, 1, 2, 3]


def test_match_length_is_measured_back_past_the_ngram():
    doc = [50, 51, 52, 53, 54, 55, 56, 57, 58, 59]
    idx = NgramIndex([*doc, 1, 2])
    for t in doc[:7]:  # the reply copies seven tokens of the document
        idx.append(t)
    cand, match_len = idx.find(3)
    assert cand == [57, 58, 59]
    assert match_len == 7
    long_doc = list(range(100, 140))
    idx = NgramIndex([*long_doc, 1])
    for t in long_doc[:30]:
        idx.append(t)
    assert idx.find(2) == ([130, 131], MAX_MATCH)  # measured back no further than MAX_MATCH


def test_a_copy_run_is_followed_rather_than_a_later_occurrence():
    # "7 8 9 10" occurs twice: first followed by 11 12 13, later by 20 21.
    idx = NgramIndex([7, 8, 9, 10, 11, 12, 13, 0, 7, 8, 9, 10, 20, 21, 0])
    for t in [5, 7, 8, 9, 10]:
        idx.append(t)
    assert idx.find(2) == ([20, 21], 4)  # the latest occurrence (a 5th token back differs)
    idx2 = NgramIndex([6, 7, 8, 9, 10, 11, 12, 13, 0, 7, 8, 9, 10, 20, 21, 0])
    for t in [6, 7]:
        idx2.append(t)
    cand, n = idx2.find(8)  # "6 7" only occurs at the start: the run begins there
    assert cand[:3] == [8, 9, 10] and n == 2
    for t in [8, 9, 10]:
        idx2.append(t)
    # The run goes on through "7 8 9 10" and keeps its source, though "7 8 9 10" occurs later.
    assert idx2.find(3) == ([11, 12, 13], 5)
    idx2.append(99)  # the reply leaves the run
    assert idx2.find(3) == ([], 0)


def test_acceptance_is_estimated_per_match_length():
    pol = DraftPolicy(mode="auto", max_len=8, cost=0.5)
    assert pol.p(2) < pol.p(4) < pol.p(12)
    assert pol.length(8, match_len=2) == 0  # a 2-token match is too weak a guess at this cost
    assert pol.length(8, match_len=12) >= 3  # a long copy run is worth a long draft
    for _ in range(5):
        pol.update(2, 0, match_len=2)  # short matches keep failing ...
    assert pol.length(8, match_len=12) >= 3  # ... which says nothing about long ones
    for _ in range(5):
        pol.update(4, 4, match_len=2)  # when short matches are kept, they are drafted too
    assert pol.length(8, match_len=2) >= 1


def test_a_longer_match_is_trusted_at_least_as_much_as_a_shorter_one_that_was_kept():
    pol = DraftPolicy(mode="auto", max_len=10, cost=0.25)
    for _ in range(3):
        pol.update(3, 3, match_len=4)  # a copy run: every draft kept
    assert pol.p(4) > pol.priors[-1]
    assert pol.p(12) == pol.p(4)  # the run's next, longer matches start from what it earned
    assert pol.length(10, match_len=12) >= pol.length(10, match_len=4)


def test_a_loop_is_drafted_past_the_end_of_the_sequence():
    # The reply loops ", Forest" (two tokens): the match is one period back, and the draft
    # runs on with the same period instead of stopping after what is known.
    idx = NgramIndex([1, 2, 3])
    for t in [5, 6, 5, 6, 5, 6]:
        idx.append(t)
    cand, match_len = idx.find(5)
    assert cand == [5, 6, 5, 6, 5]
    assert match_len == 4


# The benchmark's ceiling for lookup decoding (tests/benchmarks/bench_speculative.py): the
# README's "bound" column is only as good as this arithmetic.
def test_speedup_bound_with_perfect_foresight():
    from tests.benchmarks.bench_speculative import speedup_bound

    prompt = list(range(1, 41))
    quote = prompt[10:30]  # 20 tokens copied from the prompt
    # Batch cost flat (a GPU at this size): the copy is found after 2 tokens (the first 2-gram
    # match), then 11 tokens in one call and the last 7 in another: 4 calls for 20 tokens.
    assert speedup_bound(prompt, quote, [1.0] * 11) == 5.0
    # A batch costing half a step per extra token: 1 + 1 + 6 (11 tokens) + 4 (7 tokens).
    assert abs(speedup_bound(prompt, quote, [1 + 0.5 * d for d in range(11)]) - 20 / 12) < 1e-9
    # A batch costing as much as its tokens one by one: nothing to gain, whatever is copied.
    assert speedup_bound(prompt, quote, [float(n) for n in range(1, 12)]) == 1.0
    # A reply that copies nothing: nothing to gain, however cheap a batch.
    assert speedup_bound(prompt, [100 + i for i in range(20)], [1.0] * 11) == 1.0
