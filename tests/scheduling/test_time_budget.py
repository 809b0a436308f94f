"""--time-limit is wall time from the start of the command: time spent before solve() (reading
and parsing the instance) counts against it (cli.py passes its start as `started`)."""

import math
import time

from kakehashi.scheduling.assign import Occupancy
from kakehashi.scheduling.baselines import place_by_priority
from kakehashi.scheduling.bounds import BoundJob, SlotLP
from kakehashi.scheduling.compiled import compile_instance
from kakehashi.scheduling.generator import generate
from kakehashi.scheduling.instance import parse_instance
from kakehashi.scheduling.lns import Search
from kakehashi.scheduling.plan import Plan
from kakehashi.scheduling.solve import SAFETY_SHARE, solve, wall_deadline
from kakehashi.scheduling.submip import SMALL_EVENT_COLUMNS, STEP_CHECKS, iteration_rates
from kakehashi.scheduling.target import TargetMIP
from tests.scheduling.test_solve_helpers import assert_valid


def test_time_already_spent_before_solving_counts_against_the_limit():
    # The greedy does not reach the bound on this instance, so the search would go on.
    instance = parse_instance(generate("small", "realistic", 1))
    started = time.perf_counter() - 5.0  # as if reading the file had taken 5 s

    result = solve(instance, time_limit=5.0, seed=0, started=started)

    assert result.stats["stopped"] == "wall clock"
    assert result.stats["neighbourhoods"] == 0
    assert result.stats["solve_seconds"] >= 5.0  # counted from `started`
    assert_valid(instance, result)  # still a complete, valid schedule (the greedy's)
    assert result.scheduled_weight == result.stats["greedy_weight"]


def test_the_safety_net_leaves_a_share_of_the_limit_for_the_caller():
    # On a busy machine placing, assigning and writing the result take longer than estimated:
    # the search stops at least SAFETY_SHARE of the limit before it, on top of that estimate.
    for limit in (10.0, 30.0, 120.0):
        deadline = wall_deadline(100.0, limit, 11_000)
        assert deadline <= 100.0 + limit - SAFETY_SHARE * limit - 0.3
        assert deadline >= 100.0 + 0.9 * limit  # most of the limit is still the search's


def test_a_neighbourhood_stops_at_a_count_of_limit_checks():
    # The work units count simplex iterations, not the root's cut separation, which can take
    # seconds on remote events: a neighbourhood's sub-MIP also stops at STEP_CHECKS checks
    # (a count, so the search stays reproducible).
    instance = parse_instance(generate("small", "remote", 2))
    c = compile_instance(instance)
    occupancy = Occupancy(c)
    place_by_priority(c, occupancy)
    search = Search(c, occupancy, seed=0, deadline=math.inf)
    allowed, window = search.window(4, 300, same_day=False)

    sub = search.sub_mip(allowed, window=window)
    sub.run()

    assert sub.check_limit == STEP_CHECKS
    assert sub.checks <= STEP_CHECKS


def test_idle_gap_steps_count_more_work_beyond_small_events():
    # Small events count an idle-gap iteration below its measured cost, so that a small run
    # fills its limit; beyond them (medium and up) at its cost, so that a medium run keeps a
    # margin. The weight phase counts the same on every size.
    small = compile_instance(parse_instance(generate("small", "two-sided", 1)))
    medium = compile_instance(parse_instance(generate("medium", "realistic", 1)))
    assert small.num_columns <= SMALL_EVENT_COLUMNS < medium.num_columns

    small_gaps = iteration_rates("gaps", small.num_columns)
    medium_gaps = iteration_rates("gaps", medium.num_columns)
    assert medium_gaps[0] > small_gaps[0] and medium_gaps[1] > small_gaps[1]
    assert iteration_rates("gaps", SMALL_EVENT_COLUMNS) == small_gaps
    assert iteration_rates("weight", small.num_columns) == iteration_rates(
        "weight", medium.num_columns
    )


def _plan_with_a_running_target(deadline: float) -> tuple[Plan, TargetMIP, int]:
    """A plan whose target MIP has just started on small realistic seed 5, where HiGHS'
    presolve alone takes about half a second before its first limit check."""
    instance = parse_instance(generate("small", "realistic", 5))
    c = compile_instance(instance)
    lp = SlotLP(c)
    bound = lp.bound()
    occupancy = Occupancy(c)
    search = Search(c, occupancy, seed=0, deadline=deadline)
    bound_job = BoundJob(c, 1.0)  # not started: the bound is the LP's above
    plan = Plan(c, search, bound_job, lambda *args, **kwargs: None, 1.0, 0.0, deadline)
    # Its own time limit is only a backstop: the cancel lands at the first limit check.
    target = TargetMIP(c, lp, bound, occupancy, deadline=time.perf_counter() + 60.0)
    plan.started.append(target)
    target.start()
    return plan, target, bound


def test_past_the_deadline_the_run_does_not_wait_for_a_target_mip_still_running():
    # HiGHS calls no limit check inside presolve, an LP solve or a sub-MIP, so a cancelled
    # target may run on for seconds: past the deadline close() returns at once, and the
    # thread ends on its own, on its own TargetMIP (not a daemon: the interpreter waits for
    # it before exiting, since a process exiting while HiGHS runs on a thread aborts).
    plan, target, bound = _plan_with_a_running_target(time.perf_counter())

    plan.close()

    assert target.cancelled
    assert target.is_alive()  # still in HiGHS' presolve: close() did not wait for it
    assert not target.daemon
    target.join()
    plan.search.close()
    # It stopped at its first limit check, without counting it; a cancel proves nothing.
    assert target.done.is_set()
    assert target.checks == 0
    assert target.tried == [bound] and target.bound == bound
    assert target.schedule is None and target.error is None


def test_before_the_deadline_close_waits_for_the_target_mip_to_stop():
    plan, target, bound = _plan_with_a_running_target(time.perf_counter() + 60.0)

    plan.close()
    plan.search.close()

    assert not target.is_alive()
    assert target.checks == 0  # the cancel landed at HiGHS' first limit check
    assert target.tried == [bound] and target.bound == bound
