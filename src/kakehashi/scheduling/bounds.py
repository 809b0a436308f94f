"""A proven upper bound on the best total weight: the LP relaxation of the slot model, solved
with HiGHS, and read back as a Lagrangian bound so that it holds whatever the LP solver's
tolerances.

The LP has a variable x[m,t] in [0, 1] per meeting m and candidate slot t, and the rows
  Σ_t x[m,t] ≤ 1                         per meeting (with two candidates or more)
  Σ_m∋p x[m,t] ≤ 1                       per participant and slot (two meetings or more)
  Σ_m∋p,t x[m,t] ≤ max_meetings − fixed  per participant whose maximum can bind
  Σ_{m: need ≥ k} x[m,t] ≤ tables ≥ k    per slot and seat threshold (when it can bind)
  Σ_{m: pair ∈ P} x[m,t] ≤ interpreters  per slot and set of language pairs (Hall)
Fixed meetings are constants (their weight is added; their members, tables and interpreters
are taken out). For any duals y ≥ 0, Σ b·y + Σ_j max(0, w_j − (Aᵀy)_j) bounds every integer
schedule (x ≤ 1 is implied by the meeting rows); with the optimal duals it is the LP optimum.
Weights are integers, so its floor is a bound too.

The same rows, over a subset of the meetings and with the capacity the rest of a schedule
leaves, make the sub-problems of the neighbourhood search (see lns.py).
"""

from __future__ import annotations

import math
import threading

import highspy
import numpy as np

from kakehashi.scheduling.compiled import UNLIMITED, Compiled, compile_instance
from kakehashi.scheduling.highs import quiet_highs
from kakehashi.scheduling.instance import Instance


def upper_bound(instance: Instance) -> int:
    """A proven upper bound on the total weight of any valid schedule."""
    return compiled_upper_bound(compile_instance(instance))


def trivial_bound(compiled: Compiled) -> int:
    """Every meeting that has a possible slot, scheduled."""
    c = compiled
    return sum(c.weight[m] for m in range(c.num_meetings) if c.candidates[m])


def compiled_upper_bound(compiled: Compiled, *, time_limit: float | None = None) -> int:
    return min(trivial_bound(compiled), SlotLP(compiled).bound(time_limit=time_limit))


class Residual:
    """What the fixed part of a schedule leaves to the meetings being decided."""

    def __init__(self, compiled: Compiled, occupancy=None):
        c = compiled
        if occupancy is None:
            self.busy = c.fixed_busy
            self.capacity = c.capacity
            self.tables = c.table_cap
            self.interpreters = [
                [cap - fixed for cap, fixed in zip(caps, fixeds, strict=True)]
                for caps, fixeds in zip(c.hall_cap, c.fixed_hall, strict=True)
            ]
        else:
            self.busy = occupancy.busy
            self.capacity = [
                cap - used if cap < UNLIMITED else UNLIMITED
                for cap, used in zip(c.capacity, occupancy.count, strict=True)
            ]
            self.tables = [
                [cap - used for cap, used in zip(caps, useds, strict=True)]
                for caps, useds in zip(c.table_cap, occupancy.table_used, strict=True)
            ]
            self.interpreters = occupancy.hall_left


class SlotLP:
    """The slot model's rows in sparse form (numpy arrays), for HiGHS.

    `allowed` maps the meetings to decide to the slots (a mask) each may take; by default
    every movable meeting and all its candidate slots. `occupancy` holds the rest of the
    schedule fixed; by default only the fixed meetings."""

    def __init__(
        self, compiled: Compiled, *, allowed: dict[int, int] | None = None, occupancy=None
    ):
        c = compiled
        self.c = c
        residual = Residual(c, occupancy)
        if allowed is None:
            allowed = {
                m: c.candidate_mask[m]
                for m in range(c.num_meetings)
                if c.fixed_slot[m] < 0 and c.candidates[m]
            }
        self.primal: np.ndarray | None = None  # the LP solution, once bound() has run
        self.duals: np.ndarray | None = None  # its duals (≥ 0), once bound() has run
        self.fixed_weight = (
            sum(c.weight[m] for t in c.fixed_at for m in t) if occupancy is None else 0
        )
        col_m: list[int] = []
        col_t: list[int] = []
        for m in sorted(allowed):
            mask = allowed[m]
            for p in c.members[m]:
                mask &= ~residual.busy[p]
            level, pair = c.level[m], c.pair[m]
            while mask:
                low = mask & -mask
                t = low.bit_length() - 1
                mask ^= low
                if level >= 0 and residual.tables[t][level] <= 0:
                    continue
                if (
                    pair >= 0
                    and min(
                        residual.interpreters[t][h]
                        for h, hmask in enumerate(c.hall_masks)
                        if hmask >> pair & 1
                    )
                    <= 0
                ):
                    continue
                col_m.append(m)
                col_t.append(t)
        self.col_m = np.array(col_m, dtype=np.int64)
        self.col_t = np.array(col_t, dtype=np.int64)
        num_cols = len(col_m)
        self.num_cols = num_cols
        weight = np.array(c.weight, dtype=np.float64)
        self.cost = weight[self.col_m] if num_cols else np.zeros(0)
        self._rows: list[np.ndarray] = []
        self._cols: list[np.ndarray] = []
        self._rhs: list[np.ndarray] = []
        self.num_rows = 0
        if num_cols:
            self._build(residual)
        self.row_idx = np.concatenate(self._rows) if self._rows else np.zeros(0, np.int64)
        self.col_idx = np.concatenate(self._cols) if self._cols else np.zeros(0, np.int64)
        self.rhs = np.concatenate(self._rhs) if self._rhs else np.zeros(0)

    def _add_rows(self, keys: np.ndarray, cols: np.ndarray, limits: np.ndarray) -> None:
        """One row per distinct key over the nonzeros (key, col), limit `limits[key]`; only
        the rows with more variables than their limit (the others cannot bind)."""
        if len(keys) == 0:
            return
        unique, inverse, count = np.unique(keys, return_inverse=True, return_counts=True)
        limit = limits[unique].astype(np.float64)
        binding = count > limit
        if not binding.any():
            return
        row_of = np.full(len(unique), -1, dtype=np.int64)
        row_of[binding] = self.num_rows + np.arange(int(binding.sum()))
        keep = binding[inverse]
        self._rows.append(row_of[inverse[keep]])
        self._cols.append(cols[keep])
        self._rhs.append(np.maximum(limit[binding], 0.0))
        self.num_rows += int(binding.sum())

    def _build(self, residual: Residual) -> None:
        c = self.c
        num_cols = self.num_cols
        all_cols = np.arange(num_cols, dtype=np.int64)
        ones = np.ones(c.num_meetings, dtype=np.float64)
        # Meetings: columns of one meeting are contiguous (built in meeting order).
        self._add_rows(self.col_m, all_cols, ones)
        starts = np.flatnonzero(np.r_[True, self.col_m[1:] != self.col_m[:-1]])
        meetings = self.col_m[starts]
        per = np.diff(np.r_[starts, num_cols])
        # Memberships (meeting, participant), expanded over the meeting's columns.
        member_count = np.array([len(c.members[m]) for m in meetings], dtype=np.int64)
        mem_block = np.repeat(np.arange(len(meetings)), member_count)
        mem_p = np.array([p for m in meetings for p in c.members[m]], dtype=np.int64)
        mem_per = per[mem_block]
        rep = np.repeat(np.arange(len(mem_p)), mem_per)
        offset = np.arange(int(mem_per.sum())) - np.repeat(np.cumsum(mem_per) - mem_per, mem_per)
        mem_cols = starts[mem_block][rep] + offset
        mem_part = mem_p[rep]
        num_slots = c.num_slots
        self._add_rows(
            mem_part * num_slots + self.col_t[mem_cols],
            mem_cols,
            np.ones(len(c.participant_ids) * num_slots),
        )
        capacity = np.array(residual.capacity, dtype=np.float64)
        capacity[capacity >= UNLIMITED] = np.inf
        self._add_rows(mem_part, mem_cols, capacity)
        # Tables, per slot and seat threshold.
        levels = len(c.thresholds)
        if levels:
            level = np.array(c.level, dtype=np.int64)[self.col_m]
            tables = np.array(residual.tables, dtype=np.float64).reshape(-1)
            for k in range(levels):
                at = level >= k
                self._add_rows(self.col_t[at] * levels + k, all_cols[at], tables)
        # Interpreters, per slot and set of pairs.
        if c.pairs:
            pair = np.array(c.pair, dtype=np.int64)[self.col_m]
            hall = len(c.hall_masks)
            free = np.array(residual.interpreters, dtype=np.float64).reshape(-1)
            for h, mask in enumerate(c.hall_masks):
                at = (pair >= 0) & ((mask >> np.maximum(pair, 0)) & 1).astype(bool)
                self._add_rows(self.col_t[at] * hall + h, all_cols[at], free)

    # -- the bound ---------------------------------------------------------------------------
    def lagrangian(self, duals: np.ndarray) -> float:
        """Σ b·y + Σ_j max(0, w_j − (Aᵀy)_j) with y = max(0, duals): valid for any duals."""
        y = np.maximum(duals, 0.0)
        return float(self.rhs @ y + np.maximum(self.reduced_costs(y), 0.0).sum())

    def reduced_costs(self, y: np.ndarray) -> np.ndarray:
        """w_j − (Aᵀy)_j per column, for duals y ≥ 0 (target.py fixes columns with them)."""
        used = np.bincount(self.col_idx, weights=y[self.row_idx], minlength=self.num_cols)
        return self.cost - used

    def bound(self, *, time_limit: float | None = None) -> int:
        if self.num_cols == 0:
            return self.fixed_weight
        highs = self.highs(integer=False)
        highs.setOptionValue("solver", "pdlp")
        if time_limit is not None:
            highs.setOptionValue("time_limit", float(max(time_limit, 0.1)))
        highs.run()
        solution = highs.getSolution()
        if not solution.dual_valid:
            return self.fixed_weight + int(self.cost.sum())
        self.duals = np.maximum(np.asarray(solution.row_dual, dtype=np.float64), 0.0)
        value = self.lagrangian(self.duals)
        self.primal = np.asarray(solution.col_value, dtype=np.float64)
        return self.fixed_weight + math.floor(value + 1e-6 * max(1.0, value))

    def highs(self, *, integer: bool, extra=None) -> highspy.Highs:
        """A Highs object holding this LP (maximised); with `integer`, the x columns are
        binary. `extra` appends continuous columns and rows: (cost, row_idx, col_idx, value,
        row_lower, row_upper), its col_idx counted after the x columns, its rows after
        ours; its entries may also touch x columns (negative col_idx - 1 … see lns)."""
        inf = highspy.kHighsInf
        rows, cols = self.row_idx, self.col_idx
        values = np.ones(len(rows))
        cost = self.cost
        lower = np.full(self.num_rows, -inf)
        upper = self.rhs
        num_cols, num_rows = self.num_cols, self.num_rows
        if extra is not None:
            e_cost, e_rows, e_cols, e_values, e_lower, e_upper = extra
            rows = np.r_[rows, e_rows + self.num_rows]
            cols = np.r_[cols, e_cols]
            values = np.r_[values, e_values]
            cost = np.r_[cost, e_cost]
            lower = np.r_[lower, e_lower]
            upper = np.r_[upper, e_upper]
            num_cols += len(e_cost)
            num_rows += len(e_lower)
        order = np.lexsort((rows, cols))
        counts = np.bincount(cols, minlength=num_cols)
        lp = highspy.HighsLp()
        lp.num_col_ = num_cols
        lp.num_row_ = num_rows
        lp.col_cost_ = cost
        lp.col_lower_ = np.zeros(num_cols)
        lp.col_upper_ = np.ones(num_cols)
        lp.row_lower_ = lower
        lp.row_upper_ = upper
        lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
        lp.a_matrix_.start_ = np.r_[0, np.cumsum(counts)].astype(np.int32)
        lp.a_matrix_.index_ = rows[order].astype(np.int32)
        lp.a_matrix_.value_ = values[order]
        lp.sense_ = highspy.ObjSense.kMaximize
        if integer:
            lp.integrality_ = [highspy.HighsVarType.kInteger] * self.num_cols + [
                highspy.HighsVarType.kContinuous
            ] * (num_cols - self.num_cols)
        highs = quiet_highs()
        highs.passModel(lp)
        return highs


class BoundJob(threading.Thread):
    """The LP bound, computed on the other core while the search runs (solve.py)."""

    def __init__(self, compiled: Compiled, time_limit: float):
        super().__init__(name="kakehashi-lp-bound", daemon=True)
        self.compiled = compiled
        self.time_limit = max(1.0, time_limit)
        self.value: int | None = None
        self.lp_share: list[float] | None = None  # per meeting, Σ_t x[m,t] in the LP
        self.lp: SlotLP | None = None  # the LP, with its duals once solved (target.py)
        self.error: BaseException | None = None

    def run(self) -> None:
        trivial = trivial_bound(self.compiled)
        try:
            lp = SlotLP(self.compiled)
            self.value = min(trivial, lp.bound(time_limit=self.time_limit))
            self.lp = lp
            if lp.primal is not None:
                share = np.bincount(
                    lp.col_m, weights=lp.primal, minlength=self.compiled.num_meetings
                )
                self.lp_share = share.tolist()
        except Exception as error:  # the trivial bound still holds; the error is kept
            self.error = error
            self.value = trivial

    def wait(self, timeout: float | None = None) -> int | None:
        """The bound, or None if it is not ready within `timeout` seconds."""
        self.join(timeout)
        return None if self.is_alive() else self.value
