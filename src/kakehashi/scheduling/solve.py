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
   On small events (up to WHOLE_MIP_COLUMNS variables) the whole MIP runs on the second core
   from the moment the search stalls or has had EXACT_START_SHARE of its budget, started from
   the search's schedule, and is joined when the search has spent EXACT_JOIN_SHARE
   (exact.py): it finds the last units of weight the neighbourhoods miss, and its closed gap
   proves the weight optimal where the LP bound is loose. The status is "optimal" only when
   the weight reaches a proven bound (the LP's or the MIP's).
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
not waited for (the trivial bound is used and stats.lp_error says so). The command line counts
the limit from its own start, so reading and parsing the instance are included.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from kakehashi.scheduling.assign import Occupancy
from kakehashi.scheduling.baselines import place_by_priority
from kakehashi.scheduling.bounds import BoundJob, trivial_bound
from kakehashi.scheduling.compact import GapTargets
from kakehashi.scheduling.compiled import compile_instance
from kakehashi.scheduling.exact import WholeMIP, adopt
from kakehashi.scheduling.fairness import serve_the_unserved
from kakehashi.scheduling.instance import Instance
from kakehashi.scheduling.lns import Search
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
FIRST_PHASE_SHARE = 0.7
# This share of the budget is kept for serving participants left without a meeting
# (fairness.py), the last phase; with fairness=False it is not used.
FAIRNESS_SHARE = 0.1
WINDOW_MEETINGS = 300
# Up to this many variables (small events), the whole MIP runs on the second core from the
# moment the search has had EXACT_START_SHARE of the budget or stalls, while the search goes
# on (weight, then idle gaps) on the first, until the search has spent EXACT_JOIN_SHARE
# (exact.py): it closes the last units the search misses, and proves the weight optimal where
# the LP bound is loose.
WHOLE_MIP_COLUMNS = 20_000
EXACT_START_SHARE = 0.3  # or when the search stalls, whichever comes first
EXACT_JOIN_SHARE = 0.8


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
    columns = sum(len(slots) for slots in c.candidates)
    setup = SETUP_SECONDS + SETUP_SECONDS_PER_COLUMN * columns
    if input_counts:
        setup += INPUT_SECONDS + INPUT_SECONDS_PER_MEETING * len(instance.meetings)
    budget = WORK_PER_SECOND * max(0.2 * time_limit, time_limit - setup - 1.0)
    bound_checkpoint = min(0.5 * budget, LP_SECONDS_PER_COLUMN * columns)
    deadline = started + time_limit - FINISH_SECONDS - FINISH_SECONDS_PER_COLUMN * columns
    # The LP may use what is left until the deadline (the search waits for its bound).
    bound_job = BoundJob(compiled, deadline - time.perf_counter())
    bound_job.start()

    occupancy = Occupancy(compiled)
    place_by_priority(compiled, occupancy)
    search = Search(compiled, occupancy, seed=seed, deadline=deadline)
    greedy_weight, greedy_gaps = search.weight(), search.gaps()
    report("greedy", (greedy_weight, greedy_gaps), None, force=True)

    plan = _Plan(c, search, bound_job, report, budget, bound_checkpoint, deadline)
    plan.fairness = fairness
    try:
        plan.run()
    finally:
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
        self.fairness = True
        self.fairness_stats: dict | None = None
        self.exact: WholeMIP | None = None
        self.exact_stats: dict | None = None
        self.targets: GapTargets | None = None
        self.columns = sum(len(slots) for slots in c.candidates)
        slots = c.num_slots
        per_slot = c.num_meetings / max(1, slots)
        self.waiting_limit = max(300, int(4 * per_slot))
        # Windows of about WINDOW_MEETINGS meetings: 4 slots on small events, 2 on large.
        self.window_size = max(2, min(4, int(WINDOW_MEETINGS / max(1.0, per_slot))))
        pairs = sum(n * (n - 1) // 2 for n in (m.bit_count() for m in c.day_mask))
        self.patience = max(30, min(400, 2 * pairs))

    def _check_bound(self, *, force: bool = False) -> None:
        if self.bound is None and (force or self.search.work >= self.bound_checkpoint):
            # Wait for the LP at most until the deadline; past it, the search stops anyway.
            self.bound = self.bound_job.wait(max(0.0, self.deadline - time.perf_counter()))
            if self.bound is not None:
                self.search.lp_share = self.bound_job.lp_share

    def _out_of_time(self) -> bool:
        if time.perf_counter() > self.deadline:
            self.stopped = "wall clock"
            return True
        return False

    def _windows(self, size: int, limit: int, *, same_day: bool, gaps: bool):
        """One window, or two disjoint ones at once once the LP bound no longer needs the
        second core; returns (weight gained, gaps removed)."""
        search = self.search
        first = search.window(size, limit, same_day=same_day)
        pair = self.bound is not None and self.exact is None
        if pair and self.c.num_slots >= 2 * size:
            second = search.window(size, limit, same_day=same_day, avoid=first)
            if second is not None:
                return search.pair(first, second, gaps=gaps)
        allowed, window = first
        return search.step(allowed, window=window, gaps=gaps)

    def _aimed(self, first: tuple[dict[int, int], int]) -> tuple[int, int]:
        """An idle-gap step in the window `first` (compact.py), with a random window of
        other slots beside it on the other core when that core is free."""
        search = self.search
        if self.bound is not None and self.exact is None:
            second = search.window(2, 50, same_day=True, avoid=first)
            if second is not None:
                return search.pair(first, second, gaps=True)
        return search.step(first[0], window=first[1], gaps=True)

    def _serve_the_unserved(self, weight: int, gaps: int) -> tuple[int, int]:
        """The fairness phase (fairness.py), within FAIRNESS_SHARE of the budget."""
        search = self.search
        before = search.unserved()
        work_before = search.work
        gained, removed, steps = serve_the_unserved(
            search,
            work_end=self.budget,
            size=self.window_size,
            limit=self.waiting_limit,
            out_of_time=self._out_of_time,
        )
        self.fairness_stats = {
            "without_meeting_before": before,
            "without_meeting_after": search.unserved(),
            "weight_gained": gained,
            "idle_gaps_added": -removed,
            "steps": steps,
            "work_units": round(search.work - work_before, 2),
        }
        weight, gaps = weight + gained, gaps - removed
        self.report("fairness", (weight, gaps), self.bound)
        return weight, gaps

    def _start_exact(self) -> None:
        """The whole MIP on the second core, from the current schedule (exact.py), with the
        work the search has left until it joins it."""
        work = EXACT_JOIN_SHARE * self.budget - self.search.work
        self.exact = WholeMIP(self.c, self.search.occ, work=work, deadline=self.deadline)
        self.exact.start()

    def _join_exact(self, weight: int, gaps: int) -> tuple[int, int]:
        """Wait for the whole MIP (at a fixed point of the search), keep its bound, and its
        schedule if it has more weight; returns (weight, gaps)."""
        exact, search = self.exact, self.search
        self.exact = None
        if weight >= self.bound:  # the search got there first: the MIP has nothing to add
            exact.cancel()
            exact.join()
            self.exact_stats = {"used": False, "reason": "the search reached the bound"}
            return weight, gaps
        exact.join(max(0.0, self.deadline - time.perf_counter()))
        late = exact.is_alive()
        if late:  # the safety net: stopped by the clock, its best schedule so far is used
            exact.cancel()
            exact.join()
            self.stopped = "wall clock"
        proven = exact.bound()
        if proven is not None:
            self.bound = min(self.bound, proven)
        adopted = exact.weight() > weight and adopt(search.occ, exact.sub.new)
        self.exact_stats = {**exact.stats(), "used": True, "adopted": adopted}
        if late:
            self.exact_stats["stopped"] = "wall clock"
        return search.weight(), search.gaps()

    def _gap_phase(self, weight: int, gaps: int, work_end: float) -> tuple[int, int]:
        """Idle gaps, weight first, until the search has spent `work_end`: random windows
        of a day, then — once they stop finding anything — windows aimed at the
        participants whose gaps are above their lower bound (compact.py), while they last."""
        search = self.search
        idle = 0
        while search.work < work_end and gaps > 0:
            if self._out_of_time():
                break
            if idle >= self.patience:
                if self.targets is not None:
                    self.stopped = "no improvement"
                    break
                self.targets = GapTargets(search)  # the final, aimed part of the phase
                idle = 0
            window = self.targets.next_window() if self.targets is not None else None
            if window is not None:
                gained, removed = self._aimed(search.window_at(window, 50))
            elif self.targets is not None:  # no participant has room left
                self.stopped = "no improvement"
                break
            else:
                size = 2 + search.iterations % 2
                gained, removed = self._windows(size, 50, same_day=True, gaps=True)
            weight += gained
            gaps -= removed
            idle = 0 if (gained or removed) else idle + 1
            self.report("idle gaps", (weight, gaps), self.bound)
        return weight, gaps

    def run(self) -> None:
        c, search = self.c, self.search
        if c.num_slots == 0 or not any(c.candidates):
            self.stopped = "nothing to improve"
            return
        weight, gaps = search.weight(), search.gaps()
        exact = self.columns <= WHOLE_MIP_COLUMNS
        # Phase 1: weight (with a compactness tie-break); on small events, the whole MIP on
        # the second core from the moment the LP bound is known (exact.py).
        idle = 0
        while search.work < FIRST_PHASE_SHARE * self.budget:
            self._check_bound()
            if self.bound is not None and weight >= self.bound:
                break
            start_exact = search.work >= EXACT_START_SHARE * self.budget or idle >= self.patience
            if exact and start_exact and self.bound is not None and self.exact is None:
                self._start_exact()
                exact = False
            if self._out_of_time():
                break
            if idle >= self.patience and (self.exact is not None or not exact):
                break
            if search.iterations % 8 == 7:
                allowed = search.around_left_out(150)
                if allowed is None:
                    break
                gained, removed = search.step(allowed)
            else:
                gained, removed = self._windows(
                    self.window_size, self.waiting_limit, same_day=False, gaps=False
                )
            weight += gained
            gaps -= removed
            idle = 0 if gained else idle + 1
            self.report("weight", (weight, gaps), self.bound)
        self._check_bound(force=True)
        if self.exact is not None:
            # Idle gaps on this core until the whole MIP is joined.
            if weight < self.bound:
                weight, gaps = self._gap_phase(weight, gaps, EXACT_JOIN_SHARE * self.budget)
            weight, gaps = self._join_exact(weight, gaps)
        if self.bound is None:  # the LP is still running at the deadline
            self.stopped = "wall clock"
            return
        if self._out_of_time():
            return
        # Phase 2: idle gaps, weight first.
        weight, gaps = self._gap_phase(weight, gaps, (1 - FAIRNESS_SHARE) * self.budget)
        if gaps == 0:
            self.stopped = "no idle gaps left"
        # Phase 3: participants without a meeting, weight first (the rest of the budget).
        if self.fairness and not self._out_of_time():
            weight, gaps = self._serve_the_unserved(weight, gaps)
        self.report("done", (weight, gaps), self.bound, force=True)
