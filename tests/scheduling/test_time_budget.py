"""--time-limit is wall time from the start of the command: time spent before solve() (reading
and parsing the instance) counts against it (cli.py passes its start as `started`)."""

import time

from kakehashi.scheduling.generator import generate
from kakehashi.scheduling.instance import parse_instance
from kakehashi.scheduling.solve import SAFETY_SHARE, solve, wall_deadline
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
