"""--time-limit is wall time from the start of the command: time spent before solve() (reading
and parsing the instance) counts against it (cli.py passes its start as `started`)."""

import math
import time

from kakehashi.scheduling.assign import Occupancy
from kakehashi.scheduling.baselines import place_by_priority
from kakehashi.scheduling.compiled import compile_instance
from kakehashi.scheduling.generator import generate
from kakehashi.scheduling.instance import parse_instance
from kakehashi.scheduling.lns import Search
from kakehashi.scheduling.solve import SAFETY_SHARE, solve, wall_deadline
from kakehashi.scheduling.submip import SMALL_EVENT_COLUMNS, STEP_CHECKS, iteration_rates
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
