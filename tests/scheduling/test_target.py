"""The target MIP (target.py): the LP's duals cut the model down without losing any schedule
that reaches the target, so a schedule it finds is proven optimal and a target it proves out
of reach lowers the bound; solve() says "optimal" on small hand-built events only with such a
proof."""

import math

from hypothesis import HealthCheck, given, settings

from kakehashi.scheduling.assign import Occupancy
from kakehashi.scheduling.bounds import SlotLP
from kakehashi.scheduling.compiled import compile_instance
from kakehashi.scheduling.exact import adopt
from kakehashi.scheduling.result import Status
from kakehashi.scheduling.solve import solve
from kakehashi.scheduling.target import TargetMIP
from tests.scheduling.test_exact import odd_cycles
from tests.scheduling.test_solve_helpers import (
    assert_valid,
    brute_force_optimum,
    build,
    meeting,
)
from tests.scheduling.test_solve_properties import documents, with_optimum


def run_target(instance, *, checks: int = 1_000):
    """The target MIP from an empty schedule, run to its end on this thread."""
    c = compile_instance(instance)
    lp = SlotLP(c)
    bound = lp.bound()
    occupancy = Occupancy(c)
    target = TargetMIP(c, lp, bound, occupancy, deadline=math.inf, checks=checks)
    target.run()
    return c, occupancy, bound, target


def two_pairs_of_pairs():
    """a, b, c and d each want two meetings in two slots: all four fit (weight 7), ab and cd
    in one slot, ac and bd in the other; the LP bound is the optimum."""
    return build(
        [
            meeting("ab", "a", "b", weight=2),
            meeting("ac", "a", "c"),
            meeting("bd", "b", "d"),
            meeting("cd", "c", "d", weight=3),
        ],
        slot_count=2,
    )


def test_a_target_out_of_reach_is_proven_so_and_the_next_one_found():
    # One triangle of meetings over two slots: the LP spreads halves and counts 3, only two
    # of the three meetings can take place.
    instance = odd_cycles(1)

    _c, occupancy, bound, target = run_target(instance)

    assert bound == 3
    assert target.tried == [3, 2]
    assert target.bound == 2  # 3 proven out of reach
    assert target.weight() == 2 == brute_force_optimum(instance)
    assert adopt(occupancy, target.schedule) is True
    assert target.done.is_set()


def test_a_tight_bound_is_reached_at_once():
    instance = two_pairs_of_pairs()

    _c, occupancy, bound, target = run_target(instance)

    assert bound == brute_force_optimum(instance) == 7
    assert target.tried == [7]
    assert target.weight() == 7
    assert target.stats()["found"] is True
    assert adopt(occupancy, target.schedule) is True


def test_the_closest_schedule_keeps_the_searchs_slots_where_it_can():
    instance = two_pairs_of_pairs()
    c = compile_instance(instance)
    lp = SlotLP(c)
    bound = lp.bound()
    for slot in (0, 1):
        occupancy = Occupancy(c)
        occupancy.place(0, slot)  # the search's schedule: ab alone, in `slot`
        target = TargetMIP(c, lp, bound, occupancy, deadline=math.inf)
        target.run()

        schedule, work = target.closest(occupancy)

        assert sum(c.weight[m] for m in schedule) == 7
        assert schedule[0] == slot and schedule[3] == slot  # ab stays, cd beside it
        assert work > 0
        assert adopt(occupancy, schedule) is True


def test_the_closest_schedule_moves_meetings_only_between_the_two_schedules():
    # Bounded: each meeting keeps its slot in the search's schedule or in the one found, so
    # the step is a small model solved to its end and the idle-gap phase keeps its time.
    instance = two_pairs_of_pairs()
    c = compile_instance(instance)
    lp = SlotLP(c)
    bound = lp.bound()
    occupancy = Occupancy(c)
    occupancy.place(1, 0)  # the search's schedule: ac alone, in the first slot
    target = TargetMIP(c, lp, bound, occupancy, deadline=math.inf)
    target.run()
    found = dict(target.schedule)

    schedule, _work = target.closest(occupancy)

    assert sum(c.weight[m] for m in schedule) == 7
    for m, slot in schedule.items():
        assert slot in {found.get(m), occupancy.slot_of[m]}
    assert schedule[1] == 0  # ac stays where the search has it


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_the_cut_down_model_never_loses_an_optimal_schedule(document):
    instance, c, optimum = with_optimum(document)

    c, occupancy, bound, target = run_target(instance)

    # Its bound is a proof: never below the optimum; what it finds is the optimum.
    assert target.error is None
    assert optimum <= target.bound <= bound
    if target.schedule is not None:
        assert target.weight() == target.bound == optimum
        assert adopt(occupancy, target.schedule) is True


def test_solve_proves_a_loose_lp_bound_out_of_reach():
    instance = odd_cycles(1)

    result = solve(instance, time_limit=10, seed=0)

    assert_valid(instance, result)
    assert result.stats["lp_bound"] == 3
    assert result.scheduled_weight == result.upper_bound == 2
    assert result.status == Status.OPTIMAL
    # The proof: the target MIP showed 3 out of reach (or the whole MIP closed its gap).
    target, whole = result.stats["target_mip"], result.stats["whole_mip"]
    assert (target is not None and target["bound"] == 2) or whole["proven_optimal"] is True


def test_without_a_proof_the_status_is_not_optimal():
    # Too little time for the LP: nothing proves the greedy's weight optimal.
    instance = odd_cycles(12)

    result = solve(instance, time_limit=0.01, seed=0)

    assert_valid(instance, result)
    if result.scheduled_weight < result.upper_bound:
        assert result.status == Status.FEASIBLE
