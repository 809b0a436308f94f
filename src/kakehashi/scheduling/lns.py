"""Large neighbourhood search: free a part of the schedule, re-solve that part exactly as a
small MIP (HiGHS) while the rest stays put, keep the result unless it is worse, repeat.

A neighbourhood is a set of free meetings (scheduled or not) and the slots each may take.
Everything else is fixed: the members' other meetings make slots busy, the other meetings'
tables and interpreters are taken from the per-slot counts — the rows of bounds.SlotLP over
the free meetings with the capacity the rest leaves. Every sub-problem starts from the current
schedule, which is feasible in it, so the schedule never gets worse.

Neighbourhoods, drawn with a seeded generator so that the search is reproducible:
* a window of two or three slots: every meeting in them and the left-out meetings that could
  go there, moved among those slots only (the exchanges of bipartite edge colouring, which is
  what a day of one-to-one meetings is, plus insertions);
* around a left-out meeting: it, its members' meetings and some of their partners' meetings,
  over all their slots (ejection chains that make room for it).

Objective: the total weight, then (in the second phase) the idle gaps, folded into one number
K·weight − gaps with K above any change of gaps in the sub-problem. Within a window W the idle
gaps of a participant p depend only on which slots of W it ends up busy in, so they are
modelled exactly by a distribution π_p over the subsets S of W (at most 8), priced by the gaps
of p's agenda with S: Σ_S π_p,S = 1 and Σ_{S ∋ t} π_p,S = Σ_{m ∋ p} x[m,t] for t in W.
With integral x the only such distribution is the point mass on p's actual subset, so π needs
no integrality.
"""

from __future__ import annotations

import time
from itertools import combinations
from random import Random

import numpy as np

from kakehashi.scheduling.assign import Occupancy
from kakehashi.scheduling.bounds import SlotLP
from kakehashi.scheduling.compiled import Compiled

# Work units: a deterministic stand-in for seconds, fitted on the sub-problems of the
# benchmark instances (2-core machine, 2026): building and solving a sub-problem costs about
# this much per column, per simplex iteration (more with more rows) and per node.
WORK_PER_COLUMN = 1.7e-5
WORK_PER_SIMPLEX_ITERATION = 1.4e-4
WORK_PER_ITERATION_ROW = 7e-9
WORK_PER_NODE = 2e-2
NODE_LIMIT = 200


class Search:
    """The neighbourhood search over an occupancy (changed in place)."""

    def __init__(self, c: Compiled, occ: Occupancy, *, seed: int, wall_limit: float = 10.0):
        self.c = c
        self.occ = occ
        self.rng = Random(seed)
        self.wall_limit = wall_limit
        self.tries = [0] * c.num_meetings
        self.iterations = 0
        self.work = 0.0
        self.hit_wall_limit = False
        self.trace: list | None = None  # (columns, rows, simplex iterations, nodes, seconds)

    # -- figures -----------------------------------------------------------------------------
    def weight(self) -> int:
        c = self.c
        return sum(c.weight[m] for m, t in enumerate(self.occ.slot_of) if t >= 0)

    def gaps(self) -> int:
        return sum(self.c.day_gaps(busy) for busy in self.occ.busy)

    def waiting(self) -> list[int]:
        c, occ = self.c, self.occ
        return [m for m in range(c.num_meetings) if occ.slot_of[m] < 0 and c.candidates[m]]

    # -- neighbourhoods ----------------------------------------------------------------------
    def window(self, size: int, limit: int, *, same_day: bool) -> tuple[dict[int, int], int]:
        """Meetings of `size` slots (the first drawn at random) and at most `limit` left-out
        meetings that could go there (the heaviest)."""
        c, occ = self.c, self.occ
        first = self.rng.randrange(c.num_slots)
        pool = [
            t for t in range(c.num_slots)
            if t != first and (not same_day or c.day_of[t] == c.day_of[first])
        ] or [t for t in range(c.num_slots) if t != first]
        window = [first, *self.rng.sample(pool, min(size - 1, len(pool)))]
        mask = 0
        for t in window:
            mask |= 1 << t
        free = {
            m: c.candidate_mask[m] & mask
            for m, t in enumerate(occ.slot_of)
            if t >= 0 and mask >> t & 1 and c.fixed_slot[m] < 0
        }
        waiting = [m for m in self.waiting() if c.candidate_mask[m] & mask]
        if len(waiting) > limit:
            waiting.sort(key=lambda m: (-c.weight[m], self.rng.random()))
            waiting = waiting[:limit]
        for m in waiting:
            free[m] = c.candidate_mask[m] & mask
        return free, mask

    def around_left_out(self, limit: int) -> dict[int, int] | None:
        c, occ = self.c, self.occ
        waiting = self.waiting()
        if not waiting:
            return None
        u = min(waiting, key=lambda m: (self.tries[m], -c.weight[m], self.rng.random()))
        self.tries[u] += 1
        free = {u}
        seen = set(c.members[u])
        for p in c.members[u]:
            free.update(m for m in c.meetings_of[p] if occ.slot_of[m] >= 0)
        partners = sorted({q for m in free for q in c.members[m]} - seen)
        self.rng.shuffle(partners)
        for q in partners:
            if len(free) >= limit:
                break
            seen.add(q)
            free.update(m for m in c.meetings_of[q] if occ.slot_of[m] >= 0)
        for p in sorted(seen):
            for m in c.meetings_of[p]:
                if occ.slot_of[m] < 0 and all(q in seen for q in c.members[m]):
                    free.add(m)
        return {m: c.candidate_mask[m] for m in free}

    # -- one step ----------------------------------------------------------------------------
    def step(self, allowed: dict[int, int], *, window: int = 0, gaps: bool = False
             ) -> tuple[int, int]:
        """Re-solve the neighbourhood; returns (weight gained, gaps removed). With `gaps`
        (windows only) the sub-problem is lexicographic; otherwise it maximises weight and
        the result is kept if it adds weight, or keeps it without adding gaps."""
        c, occ = self.c, self.occ
        old = {m: occ.slot_of[m] for m in sorted(allowed) if occ.slot_of[m] >= 0}
        affected = sorted({p for m in allowed for p in c.members[m]})
        old_weight = sum(c.weight[m] for m in old)
        old_gaps = sum(c.day_gaps(occ.busy[p]) for p in affected)
        for m in old:
            occ.remove(m)
        new = self._solve(allowed, old, window if gaps else 0)
        for m in sorted(new):
            occ.place(m, new[m])
        new_weight = sum(c.weight[m] for m in new)
        new_gaps = sum(c.day_gaps(occ.busy[p]) for p in affected)
        if new_weight < old_weight or (new_weight == old_weight and new_gaps > old_gaps):
            for m in sorted(new):
                occ.remove(m)
            for m in old:
                occ.place(m, old[m])
            return 0, 0
        return new_weight - old_weight, old_gaps - new_gaps

    def _solve(self, allowed: dict[int, int], start: dict[int, int], window: int
               ) -> dict[int, int]:
        import highspy

        c = self.c
        self._step_started = time.perf_counter()
        lp = SlotLP(c, allowed=allowed, occupancy=self.occ)
        self.iterations += 1
        if lp.num_cols == 0:
            return {}
        x_start = np.array(
            [1.0 if start.get(m) == t else 0.0 for m, t in zip(lp.col_m.tolist(),
                                                             lp.col_t.tolist(), strict=True)]
        )
        extra, extra_start = (None, None)
        if window:
            extra, extra_start = self._gap_model(lp, window, x_start)
        highs = lp.highs(integer=True, extra=extra)
        solution = highspy.HighsSolution()
        solution.col_value = x_start if extra is None else np.r_[x_start, extra_start]
        highs.setSolution(solution)
        highs.setOptionValue("mip_rel_gap", 0.0)
        highs.setOptionValue("mip_abs_gap", 0.5)
        highs.setOptionValue("mip_max_nodes", NODE_LIMIT)
        highs.setOptionValue("time_limit", self.wall_limit)
        clock = time.perf_counter()
        highs.run()
        info = highs.getInfo()
        if self.trace is not None:
            self.trace.append((
                lp.num_cols + (len(extra[0]) if extra else 0),
                lp.num_rows + (len(extra[4]) if extra else 0),
                info.simplex_iteration_count,
                info.mip_node_count,
                time.perf_counter() - clock,
                time.perf_counter() - self._step_started,
            ))
        columns = lp.num_cols + (len(extra[0]) if extra else 0)
        rows = lp.num_rows + (len(extra[4]) if extra else 0)
        iterations = max(0, info.simplex_iteration_count)
        self.work += (
            WORK_PER_COLUMN * columns
            + iterations * (WORK_PER_SIMPLEX_ITERATION + WORK_PER_ITERATION_ROW * rows)
            + WORK_PER_NODE * max(1, info.mip_node_count)
        )
        status = highs.getModelStatus()
        if status == highspy.HighsModelStatus.kTimeLimit:
            self.hit_wall_limit = True
        if info.primal_solution_status != 2:  # no feasible solution: keep the start
            return dict(start)
        x = np.asarray(highs.getSolution().col_value)[: lp.num_cols]
        chosen = np.flatnonzero(x > 0.5)
        return {int(lp.col_m[j]): int(lp.col_t[j]) for j in chosen}

    def _gap_model(self, lp: SlotLP, window: int, x_start: np.ndarray):
        """Columns π and rows for the idle gaps of the participants touched by the window
        (see the module docstring), as SlotLP.highs(extra=...) wants them."""
        c, occ = self.c, self.occ
        slots_of: dict[int, dict[int, list[int]]] = {}
        for j, (m, t) in enumerate(zip(lp.col_m.tolist(), lp.col_t.tolist(), strict=True)):
            for p in c.members[m]:
                slots_of.setdefault(p, {}).setdefault(t, []).append(j)
        cost, rows, cols, values, lower, upper, start = [], [], [], [], [], [], []
        base_col = lp.num_cols
        row = 0
        terms = []
        for p in sorted(slots_of):
            by_slot = slots_of[p]
            slots = sorted(by_slot)
            busy = occ.busy[p]
            subsets = [
                sum(1 << t for t in chosen)
                for size in range(len(slots) + 1)
                for chosen in combinations(slots, size)
            ]
            prices = [c.day_gaps(busy | subset) for subset in subsets]
            if min(prices) == max(prices):
                continue
            current = 0
            for t in slots:
                if any(x_start[j] > 0.5 for j in by_slot[t]):
                    current |= 1 << t
            terms.append((p, slots, by_slot, subsets, prices, current))
        spread = sum(max(t[4]) - min(t[4]) for t in terms)
        scale = float(spread + 1)
        for p, slots, by_slot, subsets, prices, current in terms:
            del p
            first = base_col + len(cost)
            for subset, price in zip(subsets, prices, strict=True):
                cost.append(-float(price))
                start.append(1.0 if subset == current else 0.0)
            # Σ π = 1
            for i in range(len(subsets)):
                rows.append(row)
                cols.append(first + i)
                values.append(1.0)
            lower.append(1.0)
            upper.append(1.0)
            row += 1
            # Σ_{S ∋ t} π_S − Σ x[m,t] = 0
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
        lp.cost = lp.cost * scale
        extra = (
            np.array(cost, dtype=np.float64),
            np.array(rows, dtype=np.int64),
            np.array(cols, dtype=np.int64),
            np.array(values, dtype=np.float64),
            np.array(lower, dtype=np.float64),
            np.array(upper, dtype=np.float64),
        )
        return extra, np.array(start, dtype=np.float64)
