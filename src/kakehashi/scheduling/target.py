"""The target MIP on small events: a schedule of exactly the LP bound's weight, looked for in
the whole slot model cut down by the LP's duals, on the second core from the moment the LP
bound is known (solve.py, plan.py).

For duals y ≥ 0 of the slot LP (bounds.py) and any schedule x (0/1, Ax ≤ b):

    weight(x) = L(y) − Σ_{d_j > 0} d_j (1 − x_j) − Σ_{d_j < 0} |d_j| x_j − Σ_i y_i s_i,

where d = w − Aᵀy are the reduced costs, s = b − Ax ≥ 0 the rows' slacks and
L(y) = b·y + Σ_j max(0, d_j) the Lagrangian bound (bounds.SlotLP.lagrangian). Every term
taken away is ≥ 0, so a schedule of weight at least W loses at most δ = L(y) − W in each:
it uses no column with d_j < −δ, every column with d_j > δ, and leaves no slack in a row
with y_i > δ (slacks are whole numbers). With these columns fixed, these rows made equalities
and the row Σ w_j x_j ≥ W added, every solution of the model has weight W or more, and every
schedule of weight W or more is a solution. So, with W the LP bound:

* a solution is a schedule whose weight reaches a proven bound: optimal (the status says so
  only when the schedule also fits, exact.adopt);
* a model HiGHS proves infeasible proves W − 1 a bound; the next target is W − 1 (δ grows by
  one, fewer columns are fixed).

On the small benchmark events the LP bound is the optimum, the duals fix a fifth to a third of
the columns and make a few hundred rows tight, and HiGHS' feasibility jump finds a schedule
of the bound's weight right after presolve, in about a second: the neighbourhood search alone
stalls a few units below it, and the whole MIP (exact.py) needs its heuristics' sub-MIPs for
10–40 s to find the last units. Any solution is a proof, so HiGHS stops at its first
(`mip_max_improving_sols`). That one scatters the agendas (on realistic events, 800 idle
gaps where the search has 560), so once the search has joined it, `closest` solves the same
model for the schedule that keeps the most meetings in the slots the search has given them
by then, from the one found, each meeting restricted to its slot in either schedule: a
model of a few thousand free columns solved to its end in a fraction of a second (on remote
seed 2, 775 idle gaps → 749 in 0.2 s, where the whole cut-down model took 1.5–5 s and, cut
by its limit, kept the first solution); the idle-gap phase goes on from it with the rest of
its budget.

When the cut-down model reaches its limit checks without an outcome (on realistic seed 5,
HiGHS needs 16 of them, 8–12 CPU-s of cut rounds over a model full of copies of each
schedule: slots that nothing tells apart), the same target is looked for in the aggregated
model (aggregate.py): interchangeable slots counted as one, its solution given out slot by
slot — a schedule of the target's weight, or a proof that there is none, as above.

Deterministic: HiGHS runs single-threaded with a fixed seed and stops at a number of its own
limit checks (TARGET_CHECKS over all targets) or nodes, never at a clock reading (the
deadline is only the solver's safety net). The search waits for the outcome at a fixed point
of its own budget (plan.py): a schedule, a proof that the target cannot be reached, or the
end of the checks.
"""

from __future__ import annotations

import threading
import time

import highspy
import numpy as np

from kakehashi.scheduling.aggregate import FOUND, INFEASIBLE, LIMIT, Aggregated, slot_groups
from kakehashi.scheduling.assign import Occupancy
from kakehashi.scheduling.bounds import SlotLP
from kakehashi.scheduling.compiled import Compiled

# HiGHS' limit checks over all targets (on the small benchmark events, the first two come
# after presolve, then about one a second of the root's cut rounds: when feasibility jump
# finds nothing, the sub-MIPs that might take 10 s and more). Where feasibility jump finds
# the target, it does so before the third (39 of the 40 small benchmark runs); beyond, the
# aggregated model is faster.
TARGET_CHECKS = 3
NODE_LIMIT = 500
# The aggregated model's limit checks (aggregate.py), over all its rounds and targets. Run
# alone at the LP bound of the 20 small benchmark events it found the optimum in 10–76
# checks and 0.3–9.5 CPU-s (two-sided, one group of 16 slots, the slowest; realistic seed 5,
# 41 checks and 1.8 CPU-s): slower than the cut-down model where feasibility jump succeeds,
# hence second.
AGGREGATED_CHECKS = 100
# The closest schedule of the target's weight to the search's (TargetMIP.closest): its limit
# checks, and its work units estimated from its free columns and simplex iterations (about
# 0.2 s and 0.1 units on the small benchmark events).
CLOSEST_CHECKS = 4
CLOSEST_WORK_PER_COLUMN = 8e-5
CLOSEST_WORK_PER_ITERATION = 1e-4
# The safety net gives it at least this long, past the deadline if need be (the finish
# estimate and the margin of solve.py cover it): cut short, it would keep the scattered first
# solution, and a proven weight would come with more idle gaps than the greedy's.
CLOSEST_MIN_SECONDS = 0.25
# Columns and rows are fixed with δ + TOLERANCE: fixing less than one may is always valid.
TOLERANCE = 1e-6


class TargetMIP(threading.Thread):
    """The cut-down model of `lp` (solved, with its duals) for targets from `bound` down."""

    def __init__(
        self,
        c: Compiled,
        lp: SlotLP,
        bound: int,
        occ: Occupancy,
        *,
        deadline: float,
        checks: int = TARGET_CHECKS,
        aggregated_checks: int = AGGREGATED_CHECKS,
    ):
        # Not a daemon: the interpreter waits for it before it exits (Plan.close).
        super().__init__(name="kakehashi-target-mip", daemon=False)
        self.c, self.lp = c, lp
        self.y = lp.duals
        self.reduced = lp.reduced_costs(self.y)
        self.value = float(lp.rhs @ self.y + np.maximum(self.reduced, 0.0).sum())
        self.value += lp.fixed_weight  # L(y), fixed meetings included, as the bound
        self.target = bound
        self.bound = bound  # proven
        self.start_weight = sum(c.weight[m] for m in range(c.num_meetings) if occ.slot_of[m] >= 0)
        slot_of = np.array(occ.slot_of, dtype=np.int64)
        self.stay = (slot_of[lp.col_m] == lp.col_t).astype(np.float64)
        self.deadline = deadline
        self.check_limit = checks
        self.checks = 0
        self.cancelled = False
        self.done = threading.Event()  # set once the outcome is known (stats frozen)
        self.schedule: dict[int, int] | None = None
        self.tried: list[int] = []
        self.model: dict = {}
        self.error: BaseException | None = None
        self._final: dict | None = None
        # The aggregated model (aggregate.py), tried when the cut-down one reaches its limit.
        self.aggregated = Aggregated(c, slot_groups(c), self._aggregated_check, deadline=deadline)
        self.aggregated_checks = 0
        self.aggregated_check_limit = aggregated_checks
        self.how: str | None = None  # which model found the schedule

    def run(self) -> None:
        try:
            while self.target > self.start_weight and not self.cancelled:
                if time.perf_counter() > self.deadline:
                    break
                outcome = LIMIT
                if self.checks < self.check_limit:
                    outcome = self._try(self.target)
                if outcome == LIMIT:
                    outcome = self._try_aggregated(self.target)
                if outcome != INFEASIBLE:
                    break
                self.bound = self.target - 1  # proven: no schedule reaches the target
                self.target -= 1
        except Exception as error:  # the search's schedule and the LP bound still hold
            self.error = error
        finally:
            self._finish()

    def _finish(self) -> None:
        if self._final is None:
            self._final = self._stats()
            self.done.set()

    def cancel(self) -> None:
        """Stop at HiGHS' next limit check (after a schedule is found, it runs to it): the
        MIP interrupt callback, which HiGHS does not call in presolve, the LP solves or the
        sub-MIPs (Plan.close)."""
        self.cancelled = True

    def weight(self) -> int:
        if self.schedule is None:
            return 0
        fixed = sum(self.c.weight[m] for slot in self.c.fixed_at for m in slot)
        return fixed + sum(self.c.weight[m] for m in self.schedule)

    def stats(self) -> dict:
        return dict(self._final if self._final is not None else self._stats())

    def _stats(self) -> dict:
        entry = {
            "start_weight": self.start_weight,
            "targets": list(self.tried),
            "found": self.schedule is not None,
            "weight": self.weight() if self.schedule is not None else None,
            "bound": self.bound,
            "checks": self.checks,
            **self.model,
        }
        if self.aggregated.rounds:
            entry["aggregated"] = {
                "rounds": self.aggregated.rounds,
                "checks": self.aggregated_checks,
                "groups": [len(g) for g in self.aggregated.groups],
            }
        if self.how is not None:
            entry["found_by"] = self.how
        if self.error is not None:
            entry["error"] = f"{type(self.error).__name__}: {self.error}"
        return entry

    # -- one target ----------------------------------------------------------------------------
    def _try(self, target: int) -> str:
        self.tried.append(target)
        highs = self._model(target, self.stay, record=True)
        highs.setOptionValue("mip_max_improving_sols", 1)
        highs.setCallback(self._callback, target)
        highs.startCallback(highspy.cb.HighsCallbackType.kCallbackMipInterrupt)
        highs.startCallback(highspy.cb.HighsCallbackType.kCallbackMipImprovingSolution)
        highs.run()
        if self.schedule is None and highs.getInfo().primal_solution_status == 2:
            self._take(np.asarray(highs.getSolution().col_value), target)
        if self.schedule is not None:
            return FOUND
        if highs.getModelStatus() == highspy.HighsModelStatus.kInfeasible:
            return INFEASIBLE
        return LIMIT

    def _try_aggregated(self, target: int) -> str:
        """The aggregated model (aggregate.py) for `target`, within its own limit checks."""
        if not self.aggregated.useful() or self.aggregated_checks >= self.aggregated_check_limit:
            return LIMIT
        if not self.tried or self.tried[-1] != target:
            self.tried.append(target)
        outcome, schedule = self.aggregated.find(target)
        if outcome == FOUND:
            self.how = "aggregated"
            self.schedule = schedule
            self._finish()
        return outcome

    def _aggregated_check(self) -> bool:
        """A limit check of the aggregated model's HiGHS runs: True to stop."""
        if self.cancelled:
            return True
        self.aggregated_checks += 1
        return self.aggregated_checks >= self.aggregated_check_limit

    def _model(self, target: int, stay: np.ndarray, *, record: bool = False) -> highspy.Highs:
        """The cut-down model for `target` (see the module docstring), weight first, then
        `stay` (per column, 1 for the slot the search gave the meeting)."""
        lp = self.lp
        n, rows = lp.num_cols, lp.num_rows
        delta = max(0.0, self.value - target) + TOLERANCE
        d = self.reduced
        lower = (d > delta).astype(np.float64)
        upper = np.where(d < -delta, 0.0, 1.0)
        tight = self.y > delta
        if record:
            self.model = {
                "columns": n,
                "fixed_to_zero": int((upper == 0).sum()),
                "fixed_to_one": int(lower.sum()),
                "tight_rows": int(tight.sum()),
            }
        inf = highspy.kHighsInf
        highs = lp.highs(integer=True)
        columns = np.arange(n, dtype=np.int32)
        highs.changeColsBounds(n, columns, lower, upper)
        if rows:
            highs.changeRowsBounds(
                rows, np.arange(rows, dtype=np.int32), np.where(tight, lp.rhs, -inf), lp.rhs
            )
        # Weights are whole numbers: ≥ target − ½ is ≥ target.
        highs.addRow(target - lp.fixed_weight - 0.5, inf, n, columns, lp.cost)
        unit = float(stay.sum()) + 1.0
        highs.changeColsCost(n, columns, lp.cost * unit + stay)
        highs.setOptionValue("presolve", "on")
        highs.setOptionValue("mip_max_nodes", NODE_LIMIT)
        highs.setOptionValue("time_limit", max(0.1, self.deadline - time.perf_counter()))
        return highs

    def _callback(self, kind, message, data_out, data_in, target) -> None:
        if kind == highspy.cb.HighsCallbackType.kCallbackMipImprovingSolution:
            if self.schedule is None:
                self._take(np.asarray(data_out.mip_solution), target)
            return
        if self._final is not None or self.cancelled:  # found (or given up): stop now
            data_in.user_interrupt = True
            return
        self.checks += 1
        if self.checks >= self.check_limit:
            data_in.user_interrupt = True

    def _take(self, x: np.ndarray, target: int) -> None:
        """Keep a solution of the target's weight (every solution has it, by the weight row)
        and freeze the outcome."""
        schedule = self._schedule(x, target)
        if schedule is not None:
            self.schedule = schedule
            self.how = "slot model"
            self._finish()

    def _schedule(self, x: np.ndarray, target: int) -> dict[int, int] | None:
        lp = self.lp
        chosen = np.flatnonzero(x[: lp.num_cols] > 0.5)
        schedule = {int(lp.col_m[j]): int(lp.col_t[j]) for j in chosen}
        if lp.fixed_weight + sum(self.c.weight[m] for m in schedule) < target:
            return None  # within HiGHS' tolerances only: not a proof
        return schedule

    # -- after the search has joined it -------------------------------------------------------
    def closest(self, occ: Occupancy) -> tuple[dict[int, int], float]:
        """The schedule of the found target's weight that keeps the most meetings where `occ`
        (the search's schedule now) has them, from the schedule found (feasibility jump's
        first solution reaches the target but scatters the agendas; this one keeps the
        search's compact ones wherever the extra weight allows); each meeting may only take
        its slot in one of the two schedules, which keeps the step short. Runs on the calling
        thread, stops at CLOSEST_CHECKS limit checks or NODE_LIMIT nodes; returns the schedule
        and an estimate of its work units (deterministic)."""
        lp, target, found = self.lp, self.tried[-1], self.schedule
        if self.how == "aggregated":  # its slots within a group are arbitrary: match them
            found = self.aggregated.relabel(found, occ.slot_of)
        slot_of = np.array(occ.slot_of, dtype=np.int64)
        stay = (slot_of[lp.col_m] == lp.col_t).astype(np.float64)
        highs = self._model(target, stay)
        start = highspy.HighsSolution()
        start.col_value = np.array(
            [float(found.get(m) == t) for m, t in zip(lp.col_m, lp.col_t, strict=True)]
        )
        # Each meeting keeps only its slot in the search's schedule and in the one found: the
        # found one is a solution, and the model is small enough to solve to the end.
        n = lp.num_cols
        model = highs.getLp()
        kept = (stay > 0) | (np.asarray(start.col_value) > 0.5)
        upper = np.where(kept, np.asarray(model.col_upper_)[:n], 0.0)
        lower = np.minimum(np.asarray(model.col_lower_)[:n], upper)
        highs.changeColsBounds(n, np.arange(n, dtype=np.int32), lower, upper)
        highs.setSolution(start)
        seconds = max(CLOSEST_MIN_SECONDS, self.deadline - time.perf_counter())
        highs.setOptionValue("time_limit", seconds)
        checks = [0]

        def stop(kind, message, data_out, data_in, user_data) -> None:
            checks[0] += 1
            if checks[0] >= CLOSEST_CHECKS:
                data_in.user_interrupt = True

        highs.setCallback(stop, None)
        highs.startCallback(highspy.cb.HighsCallbackType.kCallbackMipInterrupt)
        highs.run()
        info = highs.getInfo()
        work = CLOSEST_WORK_PER_COLUMN * int(kept.sum())
        work += CLOSEST_WORK_PER_ITERATION * max(0, info.simplex_iteration_count)
        best = None
        if info.primal_solution_status == 2:
            best = self._schedule(np.asarray(highs.getSolution().col_value), target)
        return (best if best is not None else found), work
