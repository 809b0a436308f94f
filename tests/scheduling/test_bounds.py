"""upper_bound(): a proven bound — never below the optimum, equal to it where the LP
relaxation is tight, and built from the same rules as the schedule."""

import numpy as np

from kakehashi.scheduling.bounds import SlotLP, upper_bound
from kakehashi.scheduling.compiled import compile_instance
from tests.scheduling.test_solve_helpers import brute_force_optimum, build, meeting

VI_JA = ["vi", "ja"]


def test_a_busy_participant_bounds_the_weight_by_the_slots():
    # a is asked by four people and there are two slots: the two heaviest meetings.
    instance = build(
        [meeting(f"a{x}", "a", x, weight=w) for x, w in zip("bcde", [1, 4, 2, 3], strict=True)],
        slot_count=2,
    )

    assert upper_bound(instance) == brute_force_optimum(instance) == 7


def test_max_meetings_bounds_the_weight():
    instance = build(
        [meeting("ab", "a", "b", weight=2), meeting("ac", "a", "c", weight=5)],
        slot_count=3,
        participants={"a": {"max_meetings": 1}},
    )

    assert upper_bound(instance) == 5


def test_tables_bound_each_slot_by_seats():
    # One slot, a 2-seat and a 4-seat table: one trio at most, plus one pair.
    instance = build(
        [
            meeting("trio1", "a", "b", "c", weight=3),
            meeting("trio2", "d", "e", "f", weight=3),
            meeting("pair", "g", "h", weight=1),
        ],
        tables=[{"id": "small", "seats": 2}, {"id": "big", "seats": 4}],
    )

    assert upper_bound(instance) == brute_force_optimum(instance) == 4


def test_interpreters_bound_each_slot_by_language_pairs():
    instance = build(
        [
            meeting("ja1", "a", "b", interpreting=VI_JA),
            meeting("en", "c", "d", weight=2, interpreting=["vi", "en"]),
            meeting("ja2", "e", "f", interpreting=VI_JA),
        ],
        interpreters=[
            {"id": "all", "languages": ["vi", "ja", "en"]},
            {"id": "ja", "languages": VI_JA},
        ],
    )

    assert upper_bound(instance) == brute_force_optimum(instance) == 3


def test_availability_windows_bound_the_weight():
    instance = build(
        [meeting("m1", "a", "b"), meeting("m2", "c", "d", interpreting=VI_JA)],
        slot_count=2,
        tables=[{"id": "t1", "seats": 3, "available": ["s1"]}],
        interpreters=[{"id": "i1", "languages": VI_JA, "available": ["s2"]}],
    )

    # The only table is there in s1, the only interpreter in s2.
    assert upper_bound(instance) == brute_force_optimum(instance) == 1


def test_fixed_meetings_count_in_the_bound_and_take_their_resources():
    instance = build(
        [
            meeting("fixed", "a", "b", weight=2, fixed={"slot": "s1", "table": "t1"}),
            meeting("other", "c", "d", weight=5),
        ],
        tables=[{"id": "t1", "seats": 2}],
    )

    assert upper_bound(instance) == 2


def test_impossible_meetings_do_not_count():
    instance = build(
        [meeting("m1", "a", "b", weight=4)],
        slot_count=2,
        participants={"a": {"available": ["s1"]}, "b": {"available": ["s2"]}},
    )

    assert upper_bound(instance) == 0


def test_an_odd_cycle_is_where_the_lp_is_loose():
    # Three meetings pairwise sharing a member, two slots: the LP spreads halves (3), two
    # can take place. The bound stays valid; the solver closes it with the whole MIP.
    instance = build(
        [meeting("ab", "a", "b"), meeting("ac", "a", "c"), meeting("bc", "b", "c")],
        slot_count=2,
    )

    assert brute_force_optimum(instance) == 2
    assert upper_bound(instance) == 3


def test_any_nonnegative_duals_give_a_valid_bound():
    instance = build(
        [
            meeting("m1", "a", "b", weight=2),
            meeting("m2", "a", "c", weight=3),
            meeting("m3", "b", "c", "d", weight=1, interpreting=VI_JA),
            meeting("m4", "c", "d", weight=2),
        ],
        slot_count=2,
        tables=[{"id": "t1", "seats": 2}, {"id": "t2", "seats": 5}],
        interpreters=[{"id": "i1", "languages": VI_JA}],
    )
    lp = SlotLP(compile_instance(instance))
    optimum = brute_force_optimum(instance)
    rng = np.random.default_rng(1)

    for _ in range(50):
        duals = rng.uniform(-1, 3, lp.num_rows)
        assert lp.lagrangian(duals) >= optimum
    # No duals: every meeting counted once per possible slot (2 × 8).
    assert lp.lagrangian(np.zeros(lp.num_rows)) == 16
    assert upper_bound(instance) >= optimum
