"""The whole MIP on small events (exact.py): "optimal" only with a proof — the LP bound or
the MIP's own closed gap — and the same result for the same seed."""

import json
import math
import time

from kakehashi.scheduling.assign import Occupancy
from kakehashi.scheduling.bounds import BoundJob
from kakehashi.scheduling.compiled import compile_instance
from kakehashi.scheduling.exact import WholeMIP, adopt
from kakehashi.scheduling.lns import Search
from kakehashi.scheduling.plan import Plan
from kakehashi.scheduling.result import Status
from kakehashi.scheduling.solve import solve
from tests.scheduling.test_solve_helpers import assert_valid, brute_force_optimum, build, meeting


def odd_cycles(count: int, *, slot_count: int = 2):
    """`count` triangles of meetings (ab, ac, bc) over `slot_count` slots: the LP spreads
    halves and counts 3 per triangle, two of each can take place."""
    meetings = []
    for i in range(count):
        a, b, c = f"a{i}", f"b{i}", f"c{i}"
        meetings += [meeting(f"ab{i}", a, b), meeting(f"ac{i}", a, c), meeting(f"bc{i}", b, c)]
    return build(meetings, slot_count=slot_count)


def test_a_loose_lp_bound_is_closed_by_the_whole_mip():
    # The whole MIP alone (solve() proves this one with the target MIP first, test_target).
    instance = odd_cycles(1)
    c = compile_instance(instance)
    occupancy = Occupancy(c)
    occupancy.place(0, 0)  # one of the three meetings: the MIP finds a second

    whole = WholeMIP(c, occupancy, work=10.0, deadline=math.inf)
    whole.run()

    assert whole.error is None
    assert whole.weight() == brute_force_optimum(instance) == 2
    # Its gap closed at 2, below the LP bound of 3.
    assert whole.sub.proven is True
    assert whole.bound() == 2
    assert adopt(occupancy, whole.sub.new) is True


def test_many_odd_cycles_are_proven_optimal_too():
    instance = odd_cycles(12)

    result = solve(instance, time_limit=10, seed=0)

    assert_valid(instance, result)
    assert result.stats["lp_bound"] == 36
    assert result.scheduled_weight == result.upper_bound == 24
    assert result.status == Status.OPTIMAL
    assert result.stats["whole_mip"]["proven_optimal"] is True


def test_without_a_proof_the_status_stays_feasible():
    # A time limit too short for anything but the greedy: the LP bound (3) is not reached,
    # and nothing proves 2 optimal.
    instance = odd_cycles(1)

    result = solve(instance, time_limit=0.01, seed=0)

    assert result.scheduled_weight == 2
    if result.upper_bound > 2:
        assert result.status == Status.FEASIBLE


def _without_time(result) -> str:
    document = result.to_json()
    del document["stats"]["solve_seconds"]
    return json.dumps(document, sort_keys=True)


def test_the_same_seed_gives_the_same_result_with_the_whole_mip():
    instance = odd_cycles(20)
    instance_again = odd_cycles(20)

    first = solve(instance, time_limit=10, seed=4)
    second = solve(instance_again, time_limit=10, seed=4)

    assert first.stats["stopped"] != "wall clock"
    assert first.stats["whole_mip"]["used"] is True
    assert _without_time(first) == _without_time(second)


def test_a_schedule_that_does_not_fit_is_not_adopted():
    instance = build([meeting("ab", "a", "b"), meeting("ac", "a", "c")], slot_count=2)
    c = compile_instance(instance)
    occupancy = Occupancy(c)
    occupancy.place(0, 0)
    occupancy.place(1, 1)

    # Both meetings of a in the same slot: refused, the schedule stays as it was.
    assert adopt(occupancy, {0: 0, 1: 0}) is False
    assert occupancy.movable_slots() == {0: 0, 1: 1}
    assert adopt(occupancy, {0: 1, 1: 0}) is True
    assert occupancy.movable_slots() == {0: 1, 1: 0}


def _plan_with_a_whole_mip(deadline: float):
    """A plan on one triangle over two slots whose search has one meeting (weight 1, gaps 0)
    and whose whole MIP, not run yet, would find a second; the LP bound is 3."""
    instance = odd_cycles(1)
    c = compile_instance(instance)
    occupancy = Occupancy(c)
    occupancy.place(0, 0)
    search = Search(c, occupancy, seed=0, deadline=deadline)
    plan = Plan(c, search, BoundJob(c, 1.0), lambda *args, **kwargs: None, 1.0, 0.0, deadline)
    plan.bound = 3
    plan.exact = WholeMIP(c, occupancy, work=10.0, deadline=math.inf)
    return plan, plan.exact, occupancy


def test_past_the_deadline_the_join_does_not_wait_for_the_whole_mip():
    # Its outcome is not known at the deadline (it has not even run): the join returns at
    # once — with an unbounded wait this test would never end — and uses nothing of it.
    plan, whole, occupancy = _plan_with_a_whole_mip(time.perf_counter())
    before = occupancy.movable_slots()

    weight, gaps = plan._join_exact(1, 0)

    assert (weight, gaps) == (1, 0)
    assert plan.stopped == "wall clock"
    assert plan.exact_stats == {"start_weight": 1, "used": False, "stopped": "wall clock"}
    assert whole.sub.cancelled
    # The late result never touches the search's: run it to its end now, as the thread
    # would after the deadline (the cancel let it go as far as its first limit check).
    whole.sub.cancelled = False
    whole.run()
    plan.search.close()
    assert whole.weight() == 2
    assert occupancy.movable_slots() == before
    assert plan.bound == 3


def test_before_the_deadline_the_join_waits_for_the_whole_mip_and_adopts_it():
    plan, whole, occupancy = _plan_with_a_whole_mip(time.perf_counter() + 60.0)
    plan.started.append(whole)
    whole.start()

    weight, _gaps = plan._join_exact(1, 0)
    plan.close()
    plan.search.close()

    assert weight == 2 == plan.bound  # adopted, and proven by its closed gap
    assert plan.exact_stats["used"] is True and plan.exact_stats["adopted"] is True
    assert not whole.is_alive() and not whole.daemon
