"""The scheduler: `solve(instance)` returns the best schedule it finds within the time limit,
with a proven upper bound on the total weight.

1. The priority greedy (baselines.py) gives a first schedule, in about a second even for
   30,000 meetings.
2. Meanwhile, on the second core, HiGHS solves the LP relaxation of the slot model for the
   upper bound (bounds.py).
3. A large neighbourhood search (lns.py) improves the schedule: first the total weight, then —
   weight never decreasing — the idle gaps. Each step re-solves a window of slots or the
   surroundings of a left-out meeting exactly as a small MIP.
4. Every left-out meeting that still fits is placed, then tables and interpreters are given
   out (assign.py) and each meeting left out gets its reason (report.py).

Reproducibility: the search is driven by a seeded generator and stopped by deterministic
budgets — counted in work units (columns built, simplex iterations, branch-and-bound nodes)
scaled to be close to seconds on a 2-core machine of 2026 — never by reading the clock. The
same instance, seed and time limit give the same result, byte for byte apart from
stats.solve_seconds. The one exception is a safety net: should a slow machine run past the
time limit, the search stops by the clock and stats.stopped says "wall clock".
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from kakehashi.scheduling.assign import Occupancy
from kakehashi.scheduling.baselines import place_by_priority
from kakehashi.scheduling.bounds import SlotLP, trivial_bound
from kakehashi.scheduling.compiled import Compiled, compile_instance
from kakehashi.scheduling.instance import Instance
from kakehashi.scheduling.lns import Search
from kakehashi.scheduling.report import build_result, fill
from kakehashi.scheduling.result import Result

# Seconds, estimated from the size of the instance (deterministic, unlike a clock reading):
# compiling, the greedy and the final assignment; and the LP bound, per nonzero.
SETUP_SECONDS = 0.5
SETUP_SECONDS_PER_COLUMN = 4e-6
LP_SECONDS_PER_NONZERO = 5e-6
FIRST_PHASE_SHARE = 0.6


class _Bound(threading.Thread):
    """The LP bound, computed on the other core while the search runs."""

    def __init__(self, compiled: Compiled, time_limit: float):
        super().__init__(name="kakehashi-lp-bound", daemon=True)
        self.time_limit = max(1.0, time_limit)
        self.lp = SlotLP(compiled)
        self.trivial = trivial_bound(compiled)
        self.value: int | None = None
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            self.value = min(self.trivial, self.lp.bound(time_limit=self.time_limit))
        except BaseException as error:  # reported as the trivial bound, never lost
            self.error = error
            self.value = self.trivial

    def wait(self) -> int:
        self.join()
        return self.value


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
) -> Result:
    """The best schedule found within `time_limit` seconds (see the module docstring)."""
    started = time.perf_counter()
    report = _Reporter(progress, started)
    compiled = compile_instance(instance)
    c = compiled
    bound_job = _Bound(compiled, time_limit)
    bound_job.start()

    occupancy = Occupancy(compiled)
    place_by_priority(compiled, occupancy)
    search = Search(compiled, occupancy, seed=seed)
    greedy_weight, greedy_gaps = search.weight(), search.gaps()
    report("greedy", (greedy_weight, greedy_gaps), None, force=True)

    columns = sum(len(slots) for slots in c.candidates)
    setup = SETUP_SECONDS + SETUP_SECONDS_PER_COLUMN * columns
    budget = max(0.2 * time_limit, time_limit - setup - 1.0)
    bound_checkpoint = min(0.5 * budget, LP_SECONDS_PER_NONZERO * len(bound_job.lp.row_idx))
    deadline = started + time_limit - 0.5 * setup
    plan = _Plan(c, search, bound_job, report, budget, bound_checkpoint, deadline)
    plan.run()

    fill(compiled, occupancy)
    bound = plan.bound if plan.bound is not None else bound_job.wait()
    weight = search.weight()
    context = "optimal" if weight == bound else "best_found"
    return build_result(
        compiled,
        occupancy,
        upper_bound=bound,
        context=context,
        solver="greedy+lns",
        seconds=time.perf_counter() - started,
        extra={
            "greedy_weight": greedy_weight,
            "greedy_idle_gaps": greedy_gaps,
            "lp_bound": bound_job.value,
            "neighbourhoods": search.iterations,
            "stopped": plan.stopped,
            "seed": seed,
        },
    )


class _Plan:
    """Which neighbourhood next, and when to stop: deterministic, by work units."""

    def __init__(self, c, search, bound_job, report, budget, bound_checkpoint, deadline):
        self.c = c
        self.search = search
        self.bound_job = bound_job
        self.report = report
        self.budget = budget
        self.bound_checkpoint = bound_checkpoint
        self.deadline = deadline
        self.bound: int | None = None
        self.stopped = "work budget"
        slots = c.num_slots
        per_slot = c.num_meetings / max(1, slots)
        self.waiting_limit = max(300, int(4 * per_slot))
        pairs = sum(n * (n - 1) // 2 for n in (m.bit_count() for m in c.day_mask))
        self.patience = max(30, min(400, 2 * pairs))

    def _check_bound(self) -> None:
        if self.bound is None and self.search.work >= self.bound_checkpoint:
            self.bound = self.bound_job.wait()

    def _out_of_time(self) -> bool:
        if time.perf_counter() > self.deadline:
            self.stopped = "wall clock"
            return True
        return False

    def run(self) -> None:
        c, search = self.c, self.search
        if c.num_slots == 0 or not any(c.candidates):
            self.stopped = "nothing to improve"
            return
        weight, gaps = search.weight(), search.gaps()
        # Phase 1: weight.
        idle = 0
        first_budget = FIRST_PHASE_SHARE * self.budget
        while search.work < first_budget:
            self._check_bound()
            if self.bound is not None and weight >= self.bound:
                break
            if self._out_of_time():
                return
            if idle >= self.patience:
                break
            if search.iterations % 4 == 3:
                allowed = search.around_left_out(150)
                window = 0
                if allowed is None:
                    break
            else:
                allowed, window = search.window(2, self.waiting_limit, same_day=False)
            gained, removed = search.step(allowed, window=window, gaps=False)
            weight += gained
            gaps -= removed
            idle = 0 if gained else idle + 1
            self.report("weight", (weight, gaps), self.bound)
        # Phase 2: idle gaps, weight first.
        idle = 0
        while search.work < self.budget and gaps > 0:
            self._check_bound()
            if self._out_of_time():
                return
            if idle >= self.patience:
                self.stopped = "no improvement"
                break
            size = 2 + search.iterations % 2
            allowed, window = search.window(size, 50, same_day=True)
            gained, removed = search.step(allowed, window=window, gaps=True)
            weight += gained
            gaps -= removed
            idle = 0 if (gained or removed) else idle + 1
            self.report("idle gaps", (weight, gaps), self.bound)
        if gaps == 0:
            self.stopped = "no idle gaps left"
        self._check_bound()
        self.report("done", (weight, gaps), self.bound, force=True)
