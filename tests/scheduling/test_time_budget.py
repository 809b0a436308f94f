"""--time-limit is wall time from the start of the command: time spent before solve() (reading
and parsing the instance) counts against it (cli.py passes its start as `started`)."""

import time

from kakehashi.scheduling.generator import generate
from kakehashi.scheduling.instance import parse_instance
from kakehashi.scheduling.solve import solve
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
