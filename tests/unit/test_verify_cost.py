"""The engine's learned verify cost (lookup decoding), from exact timings: no model needed."""
from collections import deque

from app.core.engine import Engine
from app.core.lookup import DraftPolicy


def test_the_steps_after_a_verify_call_are_counted_as_its_fixed_cost():
    engine = Engine()
    policy = DraftPolicy(cost=engine._spec_cost, fixed=engine._spec_fixed)
    singles = deque([0.002] * 16)  # a usual step takes 2 ms
    # Each verify call slows the two steps after it by 12 ms in all (6 steps): on a GPU, the
    # CUDA graph for single steps is captured again after a batch of another size.
    for _ in range(30):
        engine._learn_after(0.012, singles, policy)
    assert 5.5 < engine._spec_fixed <= 6.0
    assert policy.fixed == engine._spec_fixed
    # On a CPU the steps after a verify call take their usual time, give or take: noise of
    # both signs averages out rather than piling up.
    cpu = Engine()
    pol = DraftPolicy()
    for i in range(40):
        cpu._learn_after(0.0004 if i % 2 else -0.0004, singles, pol)
    assert cpu._spec_fixed < 0.15


def test_one_slow_spell_moves_the_fixed_cost_a_bounded_step():
    engine = Engine()
    policy = DraftPolicy()
    singles = deque([0.002] * 16)
    engine._learn_after(2.0, singles, policy)  # another program took the CPU for 2 s
    assert engine._spec_fixed <= 0.2 * 4.0  # not 200 steps


def test_where_no_draft_can_pay_replies_decode_plainly_and_the_estimate_ages(starter_model):
    from app.core.engine import SamplingParams

    engine = Engine()
    engine.load(starter_model)
    try:
        engine._spec_cost, engine._spec_fixed = 1.2, 4.0  # as learned on a GPU
        msgs = [{"role": "user", "content": "Repeat: one two three, one two three, one two."}]
        params = SamplingParams(max_tokens=24, temperature=0.0, speculative="auto")
        "".join(engine.stream_chat(msgs, params))
        st = engine.last_stats
        assert st.drafts == 0 and st.draft_tokens == 0
        assert st.decode_calls - st.completion_tokens in (0, 1)  # (+1: the end-of-text token)
        assert engine._spec_cost == 1.2 * 0.95 and engine._spec_fixed == 4.0 * 0.95
        # "on" drafts whatever the cost.
        "".join(engine.stream_chat(msgs, SamplingParams(max_tokens=24, temperature=0.0,
                                                        speculative="on")))
        assert engine.last_stats.drafts > 0
    finally:
        engine.unload()
