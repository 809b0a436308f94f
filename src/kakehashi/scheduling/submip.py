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
# within about 20 %.
WORK_PER_STEP = 3e-3
WORK_PER_MEETING = 2.6e-6
WORK_PER_NONZERO = 1.5e-6
WORK_PER_ITERATION = {"weight": 4e-5, "gaps": 1.8e-4}
WORK_PER_ITERATION_ROW = {"weight": 1.4e-8, "gaps": 1.1e-8}
NODE_LIMIT = 200
SUB_PROBLEM_SECONDS = 10.0

WEIGHT_COMPACT = "weight, compact"
WEIGHT_GAPS = "weight, gaps"
WEIGHT = "weight"


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
    ):
        self.c = c
        self.allowed = allowed
        self.objective = objective
        self.node_limit = node_limit
        self.deadline = deadline
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
        extra = None
        start = x_start
        if self.objective == WEIGHT_GAPS:
            extra, extra_start = self._gap_model(occ, lp, x_start)
            start = np.r_[x_start, extra_start]
            self.nonzeros += len(extra[1])
            self.rows += len(extra[4])
            self.columns += len(extra[0])
        elif self.objective == WEIGHT_COMPACT:
            self._compactness_tiebreak(occ, lp, x_start)
        highs = lp.highs(integer=True, extra=extra)
        solution = highspy.HighsSolution()
        solution.col_value = start
        highs.setSolution(solution)
        highs.setOptionValue("mip_rel_gap", 0.0)
        highs.setOptionValue("mip_abs_gap", 0.5)
        highs.setOptionValue("mip_max_nodes", self.node_limit)
        # HiGHS' presolve (probing, cliques) costs more than it saves on these small MIPs:
        # without it the search makes about twice the steps, and better ones.
        highs.setOptionValue("presolve", "off")
        self.highs = highs

    def run(self) -> None:
        """Solve (thread-safe: touches nothing but this object)."""
        if self.highs is None:
            return
        highs, lp = self.highs, self.lp
        # A safety net only (the search stops by work units): no sub-problem may run past
        # the deadline, nor take more than SUB_PROBLEM_SECONDS.
        seconds = min(SUB_PROBLEM_SECONDS, self.deadline - time.perf_counter())
        highs.setOptionValue("time_limit", max(0.1, seconds))
        clock = time.perf_counter()
        highs.run()
        self.seconds = time.perf_counter() - clock
        info = highs.getInfo()
        self.iterations = max(0, info.simplex_iteration_count)
        self.nodes = max(0, info.mip_node_count)
        kind = "gaps" if self.objective == WEIGHT_GAPS else "weight"
        self.run_work = self.iterations * (
            WORK_PER_ITERATION[kind] + WORK_PER_ITERATION_ROW[kind] * self.rows
        )
        if self.objective == WEIGHT and math.isfinite(info.mip_dual_bound):
            self.dual_bound = info.mip_dual_bound
        if info.primal_solution_status == 2:  # a feasible solution (else keep the start)
            x = np.asarray(highs.getSolution().col_value)[: lp.num_cols]
            chosen = np.flatnonzero(x > 0.5)
            self.new = {int(lp.col_m[j]): int(lp.col_t[j]) for j in chosen}
        self.highs = None  # free HiGHS' memory early

    # -- objectives --------------------------------------------------------------------------
    def _compactness_tiebreak(self, occ: Occupancy, lp: SlotLP, x_start: np.ndarray) -> None:
        c = self.c
        bonus = x_start.copy()
        for j, (m, t) in enumerate(zip(lp.col_m.tolist(), lp.col_t.tolist(), strict=True)):
            near = ((1 << (t + 1)) | (1 << t >> 1)) & c.day_mask[c.day_of[t]]
            for p in c.members[m]:
                if occ.busy[p] & near:
                    bonus[j] += 2
        # Weight first: one unit of weight outweighs every bonus together.
        lp.cost = lp.cost * float(bonus.sum() + 1) + bonus

    def _gap_model(self, occ: Occupancy, lp: SlotLP, x_start: np.ndarray):
        """Columns π and rows for the idle gaps of the participants touched by the window,
        in the form SlotLP.highs(extra=...) takes, and their start values."""
        c = self.c
        slots_of: dict[int, dict[int, list[int]]] = {}
        for j, (m, t) in enumerate(zip(lp.col_m.tolist(), lp.col_t.tolist(), strict=True)):
            for p in c.members[m]:
                slots_of.setdefault(p, {}).setdefault(t, []).append(j)
        terms = []
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
            current = 0
            for t in slots:
                if any(x_start[j] > 0.5 for j in by_slot[t]):
                    current |= 1 << t
            terms.append((slots, by_slot, subsets, prices, current))
        cost, rows, cols, values, lower, upper, start = [], [], [], [], [], [], []
        row = 0
        for slots, by_slot, subsets, prices, current in terms:
            first = lp.num_cols + len(cost)
            for subset, price in zip(subsets, prices, strict=True):
                cost.append(-float(price))
                start.append(1.0 if subset == current else 0.0)
            # Σ_S π_S = 1
            rows.extend([row] * len(subsets))
            cols.extend(range(first, first + len(subsets)))
            values.extend([1.0] * len(subsets))
            lower.append(1.0)
            upper.append(1.0)
            row += 1
            # Σ_{S ∋ t} π_S − Σ_m x[m,t] = 0
            for t in slots:
                for i, subset in enumerate(subsets):
                    if subset >> t & 1:
                        rows.append(row)
                        cols.append(first + i)
                        values.append(1.0)
                for j in by_slot[t]:
                    rows.append(row)
                    cols.append(j)
                    values.append(-1.0)
                lower.append(0.0)
                upper.append(0.0)
                row += 1
        # Weight first: one unit of weight outweighs any change of gaps in the window.
        lp.cost = lp.cost * float(sum(max(t[3]) - min(t[3]) for t in terms) + 1)
        extra = (
            np.array(cost, dtype=np.float64),
            np.array(rows, dtype=np.int64),
            np.array(cols, dtype=np.int64),
            np.array(values, dtype=np.float64),
            np.array(lower, dtype=np.float64),
            np.array(upper, dtype=np.float64),
        )
        return extra, np.array(start, dtype=np.float64)
