"""The scheduler: `solve(instance)` returns the best schedule it finds within the time limit,
with a proven upper bound on the total weight.

1. The priority greedy (baselines.py) gives a first schedule, in about a second even for
   30,000 meetings.
2. Meanwhile, on the second core, HiGHS solves the LP relaxation of the slot model for the
   upper bound (bounds.py).
3. A large neighbourhood search (lns.py) improves the schedule: first the total weight, then —
   weight never decreasing — the idle gaps, and last, in a share of the budget kept for it,
   the participants left with none of their requested meetings (fairness.py; it never costs
   weight, and `fairness=False` returns the schedule it starts from). Each step re-solves a
   window of slots (two disjoint windows at once, one per core) or the surroundings of a
   left-out meeting or of a participant without a meeting exactly as a small MIP
   (submip.py). Idle-gap steps alternate between random windows and windows aimed at the
   participants whose gaps are above their lower bound (compact.py, gapbound.py).
   On small events (up to WHOLE_MIP_COLUMNS variables, plan.py) the target MIP runs on the
   second core as soon as the LP bound is known (target.py): the whole model cut down by the
   LP's duals to the schedules that reach the bound, where HiGHS' feasibility jump finds one
   in about a second — or proves the bound out of reach, which lowers it by one; where it
   does not within its limit, the aggregated model (aggregate.py: slots that nothing tells
   apart counted as one, its solution then given out slot by slot) does the same. The search
   waits for its outcome when it stalls or has had TARGET_JOIN_SHARE of its budget; if the
   bound is still not reached, the whole MIP runs on the second core from the search's
   schedule until the search has spent EXACT_JOIN_SHARE (exact.py): it finds the last units
   of weight the neighbourhoods miss, and its closed gap proves the weight optimal where the
   LP bound is loose. The status is "optimal" only when the weight reaches a proven bound
   (the LP's, the target MIP's or the whole MIP's).
4. Every left-out meeting that still fits is placed, then tables and interpreters are given
   out (assign.py) and each meeting left out gets its reason (report.py).

Why HiGHS rather than CP-SAT: on the small benchmark event (1,000 meetings, 16 slots) CP-SAT
on the whole slot model, hinted with the greedy, was still 4 below the bound of 873 after
35 s on two workers, and on window sub-problems its LP relaxation was weak (a bound of 110
where the optimum was 83); HiGHS sub-MIPs on the same windows reach 873, proven, in about a
second.

Reproducibility: the search is driven by a seeded generator and stopped by deterministic
budgets — counted in work units (nonzeros built, simplex iterations; submip.py) scaled to be
close to seconds on a 2-core machine of 2026, and for the whole MIP a number of HiGHS' own
limit checks (exact.py) — never by reading the clock. The same instance,
seed and time limit give the same result, byte for byte apart from stats.solve_seconds. The
one exception is a safety net: should a slow or busy machine run past the time limit, the
search stops by the clock and stats.stopped says "wall clock"; an LP bound not ready by then is
not waited for (the trivial bound is used and stats.lp_error says so), nor a target MIP whose
HiGHS run has not yet stopped (it ends on its own, Plan.close). The command line counts
the limit from its own start, so reading and parsing the instance are included.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from kakehashi.scheduling.assign import Occupancy
from kakehashi.scheduling.baselines import place_by_priority
from kakehashi.scheduling.bounds import BoundJob, trivial_bound
from kakehashi.scheduling.compiled import compile_instance
from kakehashi.scheduling.instance import Instance
from kakehashi.scheduling.lns import Search
from kakehashi.scheduling.plan import Plan
from kakehashi.scheduling.report import build_result, fill
from kakehashi.scheduling.result import Result

# Seconds, estimated from the size of the instance (deterministic, unlike a clock reading):
# compiling, the greedy and the final assignment; and the LP bound (PDLP), per variable.
SETUP_SECONDS = 0.5
SETUP_SECONDS_PER_COLUMN = 4e-6
LP_SECONDS_PER_COLUMN = 2.5e-5
FINISH_SECONDS = 0.3  # placing what still fits, tables, interpreters, reasons
FINISH_SECONDS_PER_COLUMN = 4e-6
# When the clock started before solve() (the command line: reading and parsing the file, and
# importing the solver count against --time-limit), an estimate of that part.
INPUT_SECONDS = 0.5
INPUT_SECONDS_PER_MEETING = 1.5e-5
WORK_PER_SECOND = 0.85  # a margin for the error of the work estimate (submip.py)
# The wall-clock safety net stops this share of the time limit early: on a busy machine the
# last steps (placing, assigning, writing the result) take longer than estimated above, and
# the caller still has to write the result within the limit.
SAFETY_SHARE = 0.02


def wall_deadline(started: float, time_limit: float, columns: int) -> float:
    """The clock reading at which the safety net stops the search: the time limit, less the
    estimated finish and SAFETY_SHARE of the limit."""
    finish = FINISH_SECONDS + FINISH_SECONDS_PER_COLUMN * columns + SAFETY_SHARE * time_limit
    return started + time_limit - finish


class _Reporter:
    def __init__(self, progress: Callable[[dict], None] | None, started: float):
        self.progress = progress
        self.started = started
        self.last = -1.0

    def __call__(self, phase: str, search_or_weight, bound, *, force: bool = False) -> None:
        if self.progress is None:
            return
        now = time.perf_counter() - self.started
        if not force and now - self.last < 0.5:
            return
        self.last = now
        weight, gaps = search_or_weight
        self.progress(
            {
                "phase": phase,
                "elapsed": round(now, 3),
                "best_weight": weight,
                "bound": bound,
                "idle_gaps": gaps,
            }
        )


def solve(
    instance: Instance,
    *,
    time_limit: float = 60.0,
    seed: int = 0,
    progress: Callable[[dict], None] | None = None,
    started: float | None = None,
    fairness: bool = True,
) -> Result:
    """The best schedule found within `time_limit` seconds (see the module docstring).

    `fairness=False` skips the fairness phase (for comparisons: it never costs weight).

    `started` is the time.perf_counter() reading at which the time limit began, when that is
    before this call: the command line passes its own start, so that reading and parsing the
    instance count against the limit too. By default the limit starts with this call."""
    input_counts = started is not None
    if started is None:
        started = time.perf_counter()
    report = _Reporter(progress, started)
    compiled = compile_instance(instance)
    c = compiled

    # Budgets from the size of the instance, never from the clock (see the docstring).
    columns = c.num_columns
    setup = SETUP_SECONDS + SETUP_SECONDS_PER_COLUMN * columns
    if input_counts:
        setup += INPUT_SECONDS + INPUT_SECONDS_PER_MEETING * len(instance.meetings)
    budget = WORK_PER_SECOND * max(0.2 * time_limit, time_limit - setup - 1.0)
    bound_checkpoint = min(0.5 * budget, LP_SECONDS_PER_COLUMN * columns)
    deadline = wall_deadline(started, time_limit, columns)
    # The LP may use what is left until the deadline (the search waits for its bound).
    bound_job = BoundJob(compiled, deadline - time.perf_counter())
    bound_job.start()

    occupancy = Occupancy(compiled)
    place_by_priority(compiled, occupancy)
    search = Search(compiled, occupancy, seed=seed, deadline=deadline)
    greedy_weight, greedy_gaps = search.weight(), search.gaps()
    report("greedy", (greedy_weight, greedy_gaps), None, force=True)

    plan = Plan(c, search, bound_job, report, budget, bound_checkpoint, deadline)
    plan.fairness = fairness
    try:
        plan.run()
    finally:
        plan.close()
        search.close()

    fill(compiled, occupancy)
    bound = plan.bound
    if bound is None:
        bound = bound_job.wait(max(0.0, deadline - time.perf_counter()))
    lp_finished = bound is not None
    lp_error = bound_job.error if lp_finished else "did not finish within the time limit"
    if bound is None:
        # The LP is still running (a slow or busy machine): the trivial bound holds anyway.
        bound = trivial_bound(compiled)
    weight = search.weight()
    context = "optimal" if weight == bound else "best_found"
    extra = {
        "greedy_weight": greedy_weight,
        "greedy_idle_gaps": greedy_gaps,
        "lp_bound": bound_job.value if lp_finished else None,
        "neighbourhoods": search.iterations,
        "work_units": round(search.work, 2),
        "stopped": plan.stopped,
        "seed": seed,
        "fairness": plan.fairness_stats,
        "target_mip": plan.target_stats,
        "whole_mip": plan.exact_stats,
    }
    if isinstance(lp_error, BaseException):
        extra["lp_error"] = f"{type(lp_error).__name__}: {lp_error}"
    elif lp_error is not None:
        extra["lp_error"] = lp_error
    return build_result(
        compiled,
        occupancy,
        upper_bound=bound,
        context=context,
        solver="greedy+lns",
        seconds=time.perf_counter() - started,
        extra=extra,
    )
