"""The search's plan (solve.py): which neighbourhood next, when the target MIP and the whole
MIP run on the second core, and when to stop — deterministic, by work units.

On small events (up to WHOLE_MIP_COLUMNS variables) the target MIP (target.py) starts on the
second core as soon as the LP bound is known, and the search joins it — waits for its outcome
— once it has spent TARGET_JOIN_SHARE of its budget or stalls: a schedule of the bound's
weight (the one closest to the search's, TargetMIP.closest) ends the weight phase, proven
optimal, and the idle-gap and fairness phases go on from it with the rest of the budget;
otherwise its proven bound is kept and the whole MIP (exact.py) runs from the search's
schedule at EXACT_START_SHARE of the budget (or a stall), as before."""

from __future__ import annotations

import time

from kakehashi.scheduling.compact import GapTargets
from kakehashi.scheduling.exact import WholeMIP, adopt
from kakehashi.scheduling.fairness import serve_the_unserved
from kakehashi.scheduling.submip import SMALL_EVENT_COLUMNS
from kakehashi.scheduling.target import TargetMIP

FIRST_PHASE_SHARE = 0.7
# This share of the budget is kept for serving participants left without a meeting
# (fairness.py), the last phase; with fairness=False it is not used.
FAIRNESS_SHARE = 0.1
WINDOW_MEETINGS = 300
# Up to this many variables (small events), the whole MIP runs on the second core from the
# moment the search has had EXACT_START_SHARE of the budget or stalls, while the search goes
# on (weight, then idle gaps) on the first, until the search has spent EXACT_JOIN_SHARE
# (exact.py): it closes the last units the search misses, and proves the weight optimal where
# the LP bound is loose. (The same limit sets the idle-gap work rate, submip.py.)
WHOLE_MIP_COLUMNS = SMALL_EVENT_COLUMNS
EXACT_START_SHARE = 0.3  # or when the search stalls, whichever comes first
EXACT_JOIN_SHARE = 0.8
# The search waits for the target MIP's outcome once it has spent this share of its budget
# (or stalls): on the small benchmark events the target is found about a second after the
# LP bound, and the earlier its schedule is taken, the more budget the idle-gap phase has.
TARGET_JOIN_SHARE = 0.1
# The target MIP's own safety net (HiGHS' time limit) ends this many seconds before the
# search's, so that a thread left running at the deadline (close()) ends soon after it.
TARGET_EARLY_SECONDS = 0.3


class Plan:
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
        self.target: TargetMIP | None = None
        self.started: list[TargetMIP | WholeMIP] = []  # threads on the second core
        self.target_stats: dict | None = None
        self.targets: GapTargets | None = None
        self.columns = c.num_columns
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

    def _second_core_free(self) -> bool:
        """Neither the LP, the target MIP nor the whole MIP holds the second core."""
        return self.bound is not None and self.exact is None and self.target is None

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
        if self._second_core_free() and self.c.num_slots >= 2 * size:
            second = search.window(size, limit, same_day=same_day, avoid=first)
            if second is not None:
                return search.pair(first, second, gaps=gaps)
        allowed, window = first
        return search.step(allowed, window=window, gaps=gaps)

    def _aimed(self, first: tuple[dict[int, int], int]) -> tuple[int, int]:
        """An idle-gap step in the window `first` (compact.py), with a random window of
        other slots beside it on the other core when that core is free."""
        search = self.search
        if self._second_core_free():
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

    def _start_target(self) -> None:
        """The target MIP on the second core (target.py), if the LP gave its duals."""
        lp = self.bound_job.lp
        if lp is None or lp.duals is None or lp.num_cols == 0:
            return
        deadline = self.deadline - TARGET_EARLY_SECONDS
        self.target = TargetMIP(self.c, lp, self.bound, self.search.occ, deadline=deadline)
        self.target.start()
        self.started.append(self.target)

    def close(self) -> None:
        """Stop the target MIPs' and the whole MIP's threads, waiting for them until the
        deadline at most.

        A cancelled target stops at HiGHS' next limit check, and HiGHS makes none inside
        presolve, an LP solve or a sub-MIP of its heuristics (neither the MIP nor the
        simplex interrupt is called back there): under load, seconds may pass. The time
        limit is a promise, so a thread still running at the deadline is left to end on
        its own, at that check or at its own time limit. It only writes to its TargetMIP,
        whose outcome the search has already copied or given up, and it is not a daemon:
        the interpreter waits for it before exiting (a process that exits while HiGHS still
        runs on one of its threads aborts). The whole MIP is stopped the same way."""
        for thread in self.started:
            thread.cancel()
        for thread in self.started:
            thread.join(max(0.0, self.deadline - time.perf_counter()))

    def _join_target(self, weight: int, gaps: int) -> tuple[int, int]:
        """Wait for the target MIP's outcome (at a fixed point of the search), keep its proven
        bound, and its schedule if it has more weight; returns (weight, gaps)."""
        target, search = self.target, self.search
        self.target = None
        if weight >= self.bound:  # the search got there first: the target has nothing to add
            target.cancel()
            self.target_stats = {"used": False, "reason": "the search reached the bound"}
            return weight, gaps
        target.done.wait(max(0.0, self.deadline - time.perf_counter()))
        target.cancel()  # it stops at HiGHS' next limit check, in the background
        if not target.done.is_set():  # the safety net: stopped by the clock
            self.stopped = "wall clock"
            self.target_stats = {**target.stats(), "adopted": False, "stopped": "wall clock"}
            return weight, gaps
        self.bound = min(self.bound, target.bound)
        adopted = False
        if target.weight() > weight:
            schedule, work = target.closest(search.occ)
            search.work += work
            adopted = adopt(search.occ, schedule) or adopt(search.occ, target.schedule)
        self.target_stats = {**target.stats(), "used": True, "adopted": adopted}
        return search.weight(), search.gaps()

    def _start_exact(self) -> None:
        """The whole MIP on the second core, from the current schedule (exact.py), with the
        work the search has left until it joins it."""
        work = EXACT_JOIN_SHARE * self.budget - self.search.work
        self.exact = WholeMIP(self.c, self.search.occ, work=work, deadline=self.deadline)
        self.exact.start()
        self.started.append(self.exact)

    def _join_exact(self, weight: int, gaps: int) -> tuple[int, int]:
        """Wait for the whole MIP (at a fixed point of the search), keep its bound, and its
        schedule if it has more weight; returns (weight, gaps). The wait ends at the deadline,
        as in close(): a whole MIP still running then is cancelled and left to end on its own
        (at HiGHS' next limit check, or its time limit), and nothing of it is read — its
        schedule and bound are only whole once it is done."""
        exact, search = self.exact, self.search
        self.exact = None
        if weight >= self.bound:  # the search got there first: the MIP has nothing to add
            exact.cancel()  # it stops at HiGHS' next limit check (close() waits for it)
            self.exact_stats = {"used": False, "reason": "the search reached the bound"}
            return weight, gaps
        exact.done.wait(max(0.0, self.deadline - time.perf_counter()))
        if not exact.done.is_set():  # the safety net: stopped by the clock, nothing used
            exact.cancel()
            self.stopped = "wall clock"
            self.exact_stats = {
                "start_weight": exact.start_weight,
                "used": False,
                "stopped": "wall clock",
            }
            return weight, gaps
        proven = exact.bound()
        if proven is not None:
            self.bound = min(self.bound, proven)
        adopted = exact.weight() > weight and adopt(search.occ, exact.sub.new)
        self.exact_stats = {**exact.stats(), "used": True, "adopted": adopted}
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
        target = exact
        # Phase 1: weight (with a compactness tie-break); on small events, the target MIP on
        # the second core from the moment the LP bound is known (target.py), then, if it
        # did not reach the bound, the whole MIP (exact.py).
        idle = 0
        while search.work < FIRST_PHASE_SHARE * self.budget:
            self._check_bound()
            if self.bound is not None and weight >= self.bound:
                break
            if target and self.bound is not None:
                target = False
                self._start_target()
            stalled = idle >= self.patience
            if self.target is not None and (
                search.work >= TARGET_JOIN_SHARE * self.budget or stalled
            ):
                weight, gaps = self._join_target(weight, gaps)
                if weight >= self.bound:
                    break
            start_exact = search.work >= EXACT_START_SHARE * self.budget or stalled
            if exact and start_exact and self.bound is not None and self.exact is None:
                if self.target is not None:
                    weight, gaps = self._join_target(weight, gaps)
                    if weight >= self.bound:
                        break
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
        if self.target is not None:
            weight, gaps = self._join_target(weight, gaps)
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
