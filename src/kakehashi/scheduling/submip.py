"""One neighbourhood of the search (lns.py) as a small MIP for HiGHS.

The free meetings are taken out of the occupancy while the model is built (and put back
after), so the model sees exactly the capacity the rest of the schedule leaves: the rows of
bounds.SlotLP over the free meetings. The current schedule is passed as the MIP start.

Objectives, all maximised, weight first:
* weight with a compactness tie-break: among schedules of the greatest weight, meetings next
  to their members' other meetings of the day, then meetings that stay where they are — a
  cheap stand-in for idle gaps, so that the weight phase does not scatter the agendas;
* weight, then idle gaps exactly (windows only). Within a window W the idle gaps of a
  participant p depend only on the subset of W it ends up busy in, so they are modelled by a
  distribution π_p over the subsets S of W (at most 8 for three slots), priced by the gaps of
  p's agenda with S: Σ_S π_p,S = 1 and Σ_{S ∋ t} π_p,S = Σ_{m ∋ p} x[m,t] for t in W. With
  integral x the only such distribution is the point mass on p's actual subset, so π needs no
  integrality;
* weight alone (to prove a bound on the whole problem).

With `served` (from the fairness phase on, fairness.py), participants served come between
the weight and the tie-break: a participant with no meeting outside the neighbourhood gets a
column y_p in [0, 1] with y_p ≤ Σ_{m ∋ p, t} x[m,t], worth less than one unit of weight and
more than the whole tie-break can change. With integral x the best y_p is 1 exactly when p
has a meeting, so y needs no integrality. This is the order in which lns.Search.apply keeps
a result once the fairness phase has begun.

`run()` only calls HiGHS, which releases the GIL: two sub-MIPs on disjoint windows can run
at once, one per core.
"""

from __future__ import annotations

import math
import time
from itertools import combinations

import highspy
import numpy as np

from kakehashi.scheduling.assign import Occupancy
from kakehashi.scheduling.bounds import SlotLP
from kakehashi.scheduling.compiled import Compiled

# Work units: a deterministic stand-in for seconds, fitted on the sub-problems of the
# benchmark instances on a 2-core machine of 2026. Building a sub-problem costs about this much
# per meeting of the instance (choosing the neighbourhood scans them) and per nonzero of its
# matrix; solving it, per simplex iteration (more with more rows), at a rate that depends on
# the objective. Single steps vary by a factor of two either way; sums over many steps hold
# within about 20 %. The idle-gap rates were refitted once the sub-MIPs stopped at
# STEP_CHECKS (below): fitted when uncounted root cut rounds filled the rest of the time, they
# made a small run spend its budget in 3–6 s of its 10 s. An idle-gap sub-MIP takes about
# 1.25e-4 s per iteration on small and medium events alike. On small events (up to
# SMALL_EVENT_COLUMNS variables in the whole model) its rate is set below that on purpose, so
# that a small run, most of which is its idle-gap phase, ends near (within) its limit
# although the budget keeps its margins (solve.WORK_PER_SECOND, a second): 6–9.6 s under a
# load of 3–5 (docs/benchmarks.md). Beyond (medium events and up), where the budget's fixed
# margins are a smaller share of the limit and the idle-gap phase takes a fifth to all of
# it, that rate took medium runs to 26–29 s of their 30 s; there the idle-gap rate is the
# measured cost (WORK_PER_ITERATION_BEYOND): 11–13 % less CPU time on medium realistic and
# two-sided (two-sided, nearly all idle-gap phase: 166 steps instead of 222), and 14–19 s
# estimated on a quiet machine
# (docs/benchmarks.md: interpolated between the 1.8e-4 and 7e-5 benchmarks).
# The weight rates are the same for all sizes: medium's weight phase depends on them.
WORK_PER_STEP = 3e-3
WORK_PER_MEETING = 2.6e-6
WORK_PER_NONZERO = 1.5e-6
WORK_PER_ITERATION = {"weight": 4e-5, "gaps": 7e-5}
WORK_PER_ITERATION_ROW = {"weight": 1.4e-8, "gaps": 4.2e-9}
SMALL_EVENT_COLUMNS = 20_000
WORK_PER_ITERATION_BEYOND = {"weight": 4e-5, "gaps": 1.25e-4}
WORK_PER_ITERATION_ROW_BEYOND = {"weight": 1.4e-8, "gaps": 7.5e-9}
NODE_LIMIT = 200
# A neighbourhood's sub-MIP (lns.py, fairness.py) stops at this many of HiGHS' limit checks
# too: on remote events a sub-MIP of 1,200 columns can spend seconds in its root's cut
# separation (1,873 cuts, 1.6 s alone on remote seed 2), which the work units, counted in
# simplex iterations, do not see; with the cap, the search there gets through 130 steps
# instead of 16 in 8 s (weight 1,131 instead of 1,122), and elsewhere about as many as
# before (the checks come after presolve, each round of cuts and between nodes).
STEP_CHECKS = 6
SUB_PROBLEM_SECONDS = 10.0

WEIGHT_COMPACT = "weight, compact"
WEIGHT_GAPS = "weight, gaps"
WEIGHT = "weight"


def iteration_rates(kind: str, model_columns: int) -> tuple[float, float]:
    """Work units per simplex iteration, and per iteration and row of the sub-MIP, for an
    objective of `kind` ("weight" or "gaps") in an event whose whole slot model has
    `model_columns` variables (see WORK_PER_ITERATION above)."""
    if model_columns <= SMALL_EVENT_COLUMNS:
        return WORK_PER_ITERATION[kind], WORK_PER_ITERATION_ROW[kind]
    return WORK_PER_ITERATION_BEYOND[kind], WORK_PER_ITERATION_ROW_BEYOND[kind]


class SubMIP:
    def __init__(
        self,
        c: Compiled,
        occ: Occupancy,
        allowed: dict[int, int],
        *,
        objective: str = WEIGHT_COMPACT,
        window: int = 0,
        node_limit: int = NODE_LIMIT,
        deadline: float = math.inf,
        served: bool = False,
        presolve: bool = False,
        check_limit: int | None = None,
        seconds: float = SUB_PROBLEM_SECONDS,
        weight_proof: bool = False,
    ):
        self.c = c
        self.allowed = allowed
        self.objective = objective
        self.served = served
        self.node_limit = node_limit
        self.deadline = deadline
        self.presolve = presolve
        self.seconds_limit = seconds
        # HiGHS checks its limits at fixed points of its search (after presolve, each round of
        # cuts at the root, between nodes): with `check_limit`, it stops at that many checks,
        # a deterministic limit on the whole MIP whose root alone can take seconds.
        self.check_limit = check_limit
        self.checks = 0
        self.cancelled = False  # set from another thread: stop at the next check
        self.proven = False  # HiGHS closed the gap: dual_bound is the optimum
        # With `weight_proof`, the objective is weight first with a tie-break below one unit
        # of weight (`unit`): the weight is proven once the MIP's bound, read in units of
        # weight, is down to the weight of its best solution (checked at each limit check).
        self.weight_proof = weight_proof
        self.unit = 1.0
        self.nodes = 0
        self.iterations = 0
        self.old = {m: occ.slot_of[m] for m in sorted(allowed) if occ.slot_of[m] >= 0}
        self.affected = sorted({p for m in allowed for p in c.members[m]})
        self.old_weight = sum(c.weight[m] for m in self.old)
        self.new: dict[int, int] = dict(self.old)
        self.dual_bound: float | None = None
        self.run_work = 0.0
        self.seconds = 0.0
        self.highs = None
        for m in self.old:
            occ.remove(m)
        try:
            self._build(occ, window)
        finally:
            for m in self.old:
                occ.place(m, self.old[m])
        self.build_work = (
            WORK_PER_STEP + WORK_PER_MEETING * c.num_meetings + WORK_PER_NONZERO * self.nonzeros
        )

    def _build(self, occ: Occupancy, window: int) -> None:
        lp = SlotLP(self.c, allowed=self.allowed, occupancy=occ)
        self.lp = lp
        self.nonzeros = len(lp.row_idx)
        self.rows = lp.num_rows
        self.columns = lp.num_cols
        if lp.num_cols == 0:
            self.new, self.dual_bound = {}, 0.0
            return
        x_start = np.array(
            [
                1.0 if self.old.get(m) == t else 0.0
                for m, t in zip(lp.col_m.tolist(), lp.col_t.tolist(), strict=True)
            ]
        )
        extra = _Extra(lp.num_cols)
        tiebreak = np.zeros(lp.num_cols)
        spread = 0.0  # how much the tie-break can change: less than one participant served
        if self.objective == WEIGHT_GAPS:
            spread = self._gap_model(occ, lp, x_start, extra)
        elif self.objective == WEIGHT_COMPACT:
            tiebreak = self._compactness(occ, lp, x_start)
            spread = float(tiebreak.sum())
        if self.objective != WEIGHT:
            unit = spread + 1.0
            if self.served:
                unit *= self._served_model(occ, lp, x_start, extra, unit) + 1
            # Weight first: one unit of weight outweighs everything below it together.
            lp.cost = lp.cost * unit + tiebreak
            self.unit = unit
        start = np.r_[x_start, np.array(extra.start)]
        self.nonzeros += len(extra.rows)
        self.rows += len(extra.lower)
        self.columns += len(extra.cost)
        highs = lp.highs(integer=True, extra=extra.arrays() if extra.cost else None)
        solution = highspy.HighsSolution()
        solution.col_value = start
        highs.setSolution(solution)
        highs.setOptionValue("mip_rel_gap", 0.0)
        highs.setOptionValue("mip_abs_gap", 0.5)
        highs.setOptionValue("mip_max_nodes", self.node_limit)
        # HiGHS' presolve (probing, cliques) costs more than it saves on these small MIPs:
        # without it the search makes about twice the steps, and better ones.
        highs.setOptionValue("presolve", "on" if self.presolve else "off")
        if self.check_limit is not None:
            highs.setCallback(self._check, None)
            highs.startCallback(highspy.cb.HighsCallbackType.kCallbackMipInterrupt)
        self.highs = highs

    def _check(self, kind, message, data_out, data_in, user_data) -> None:
        self.checks += 1
        if self.weight_proof and self._weight_proven(
            data_out.mip_primal_bound, data_out.mip_dual_bound
        ):
            self.proven = True
            data_in.user_interrupt = True
        if self.cancelled or self.checks >= self.check_limit:
            data_in.user_interrupt = True

    def _weight_proven(self, primal: float, dual: float) -> bool:
        if not (math.isfinite(primal) and math.isfinite(dual)):
            return False
        return math.floor(dual / self.unit + 1e-9) <= math.floor(primal / self.unit + 1e-9)

    def run(self) -> None:
        """Solve (thread-safe: touches nothing but this object)."""
        if self.highs is None:
            return
        highs, lp = self.highs, self.lp
        # A safety net only (the search stops by work units): no sub-problem may run past
        # the deadline, nor take more than SUB_PROBLEM_SECONDS (by default).
        seconds = min(self.seconds_limit, self.deadline - time.perf_counter())
        highs.setOptionValue("time_limit", max(0.1, seconds))
        clock = time.perf_counter()
        highs.run()
        self.seconds = time.perf_counter() - clock
        info = highs.getInfo()
        self.iterations = max(0, info.simplex_iteration_count)
        self.nodes = max(0, info.mip_node_count)
        per_iteration, per_row = iteration_rates(
            "gaps" if self.objective == WEIGHT_GAPS else "weight", self.c.num_columns
        )
        self.run_work = self.iterations * (per_iteration + per_row * self.rows)
        if (self.objective == WEIGHT or self.weight_proof) and math.isfinite(info.mip_dual_bound):
            # In units of weight (valid: the tie-break is never negative).
            self.dual_bound = info.mip_dual_bound / self.unit
            self.proven = self.proven or highs.getModelStatus() == highspy.HighsModelStatus.kOptimal
        if info.primal_solution_status == 2:  # a feasible solution (else keep the start)
            x = np.asarray(highs.getSolution().col_value)[: lp.num_cols]
            chosen = np.flatnonzero(x > 0.5)
            self.new = {int(lp.col_m[j]): int(lp.col_t[j]) for j in chosen}
        self.highs = None  # free HiGHS' memory early

    # -- objectives --------------------------------------------------------------------------
    def _compactness(self, occ: Occupancy, lp: SlotLP, x_start: np.ndarray) -> np.ndarray:
        """Per column: 1 for staying where it is, 2 per member busy in a neighbouring slot."""
        c = self.c
        bonus = x_start.copy()
        for j, (m, t) in enumerate(zip(lp.col_m.tolist(), lp.col_t.tolist(), strict=True)):
            near = ((1 << (t + 1)) | (1 << t >> 1)) & c.day_mask[c.day_of[t]]
            for p in c.members[m]:
                if occ.busy[p] & near:
                    bonus[j] += 2
        return bonus

    def _served_model(
        self, occ: Occupancy, lp: SlotLP, x_start: np.ndarray, extra: _Extra, unit: float
    ) -> int:
        """Columns y_p (participant p has a meeting), worth `unit` each, for the participants
        with no meeting outside the neighbourhood (the free meetings are out of `occ` while
        building), and their rows y_p − Σ_{m ∋ p} x[m,t] ≤ 0; returns how many."""
        c = self.c
        columns_of: dict[int, list[int]] = {}
        for j, m in enumerate(lp.col_m.tolist()):
            for p in c.members[m]:
                if occ.count[p] == 0 and not c.fixed_busy[p]:
                    columns_of.setdefault(p, []).append(j)
        for p in sorted(columns_of):
            js = columns_of[p]
            y = extra.column(unit, 1.0 if any(x_start[j] > 0.5 for j in js) else 0.0)
            extra.row([(y, 1.0)] + [(j, -1.0) for j in js], -highspy.kHighsInf, 0.0)
        return len(columns_of)

    def _gap_model(self, occ: Occupancy, lp: SlotLP, x_start: np.ndarray, extra: _Extra):
        """Columns π and rows for the idle gaps of the participants touched by the window,
        added to `extra`; returns how much the gaps can change (the sum of their ranges)."""
        c = self.c
        slots_of: dict[int, dict[int, list[int]]] = {}
        for j, (m, t) in enumerate(zip(lp.col_m.tolist(), lp.col_t.tolist(), strict=True)):
            for p in c.members[m]:
                slots_of.setdefault(p, {}).setdefault(t, []).append(j)
        spread = 0.0
        for p in sorted(slots_of):
            by_slot = slots_of[p]
            slots = sorted(by_slot)
            subsets = [
                sum(1 << t for t in chosen)
                for size in range(len(slots) + 1)
                for chosen in combinations(slots, size)
            ]
            prices = [c.day_gaps(occ.busy[p] | subset) for subset in subsets]
            if min(prices) == max(prices):
                continue
            spread += max(prices) - min(prices)
            current = 0
            for t in slots:
                if any(x_start[j] > 0.5 for j in by_slot[t]):
                    current |= 1 << t
            pis = [
                extra.column(-float(price), 1.0 if subset == current else 0.0)
                for subset, price in zip(subsets, prices, strict=True)
            ]
            # Σ_S π_S = 1
            extra.row([(pi, 1.0) for pi in pis], 1.0, 1.0)
            # Σ_{S ∋ t} π_S − Σ_m x[m,t] = 0
            for t in slots:
                entries = [
                    (pi, 1.0) for pi, subset in zip(pis, subsets, strict=True) if subset >> t & 1
                ]
                entries.extend((j, -1.0) for j in by_slot[t])
                extra.row(entries, 0.0, 0.0)
        return spread


class _Extra:
    """Continuous columns and rows added to a SlotLP, in the form SlotLP.highs(extra=...)
    takes: column indices count the x columns first."""

    def __init__(self, num_x: int):
        self.num_x = num_x
        self.cost: list[float] = []
        self.start: list[float] = []
        self.rows: list[int] = []
        self.cols: list[int] = []
        self.values: list[float] = []
        self.lower: list[float] = []
        self.upper: list[float] = []

    def column(self, cost: float, start: float) -> int:
        self.cost.append(cost)
        self.start.append(start)
        return self.num_x + len(self.cost) - 1

    def row(self, entries: list[tuple[int, float]], lower: float, upper: float) -> None:
        row = len(self.lower)
        for col, value in entries:
            self.rows.append(row)
            self.cols.append(col)
            self.values.append(value)
        self.lower.append(lower)
        self.upper.append(upper)

    def arrays(self) -> tuple:
        return (
            np.array(self.cost, dtype=np.float64),
            np.array(self.rows, dtype=np.int64),
            np.array(self.cols, dtype=np.int64),
            np.array(self.values, dtype=np.float64),
            np.array(self.lower, dtype=np.float64),
            np.array(self.upper, dtype=np.float64),
        )
