"""The target MIP's second model (target.py): the slots that nothing tells apart, counted as
one, then the meetings given out among them.

Two slots are interchangeable when every movable meeting that may take one may take the
other, and they have the same free tables and interpreters (`slot_groups`): swapping
everything scheduled in them gives another valid schedule of the same weight. On the
realistic benchmark events a day falls into four such groups (the slots before, within and
after the half-day windows: 2, 6, 6 and 2 slots), and the slot model is full of copies of one
schedule: HiGHS spends its root on cut rounds over them (on realistic seed 5, 8–12 CPU-s and
16 limit checks before a sub-MIP finds the optimum).

The aggregated model has one variable y[m, g] per meeting and group (is m in some slot of
g?) and the slot model's rows summed over each group: per participant, at most |g| meetings
in g; per seat threshold and set of language pairs, at most the group's tables and
interpreters; the participants' maxima and "at most one slot per meeting" as before; and
the row weight ≥ target. Every schedule gives a solution (y = Σ_{t ∈ g} x[m, t]), so the
model proven infeasible proves the target out of reach. A solution is then given out slot by
slot within each group (one small MIP per group: every chosen meeting in one of its slots,
the slot rows as they are, and — the slots being interchangeable — the meetings of the
busiest participant pinned to the group's slots in order), which gives a schedule of the
target's weight: proven optimal. A group whose meetings cannot be given out (on realistic
seed 5, the 76 meetings of the first two slots fill every table of both, and the way they
share participants does not split them evenly) is solved again in the slot model over its
own slots, the rest of the schedule fixed, for any meetings of the same weight; if that
fails too, the group is split into single slots — its rows are then the slot model's — and
the aggregated model solved again, for at most ROUNDS rounds. `relabel` then swaps the slots
of each group so that the schedule keeps as many meetings as it can where the search has
them (TargetMIP.closest goes on from there).

Deterministic: HiGHS runs single-threaded with a fixed seed and every model stops at HiGHS'
limit checks counted by the caller (`on_check`), never at a clock reading.
"""

from __future__ import annotations

import math
import time
from collections import defaultdict
from collections.abc import Callable

import highspy
import numpy as np

from kakehashi.scheduling.assign import Occupancy
from kakehashi.scheduling.bounds import SlotLP
from kakehashi.scheduling.compiled import UNLIMITED, Compiled
from kakehashi.scheduling.highs import quiet_highs

ROUNDS = 4
NODE_LIMIT = 500

FOUND = "found"
INFEASIBLE = "infeasible"
LIMIT = "limit"


def slot_groups(c: Compiled) -> list[list[int]]:
    """The slots in groups of interchangeable ones (see the module docstring), each in time
    order, the groups in order of their first slot."""
    groups: dict[tuple, list[int]] = {}
    for t in range(c.num_slots):
        bit = 1 << t
        meetings = tuple(
            m for m in range(c.num_meetings) if c.fixed_slot[m] < 0 and c.candidate_mask[m] & bit
        )
        free = tuple(cap - fixed for cap, fixed in zip(c.hall_cap[t], c.fixed_hall[t], strict=True))
        groups.setdefault((meetings, tuple(c.table_cap[t]), free), []).append(t)
    return sorted(groups.values())


class Aggregated:
    """The aggregated model for one event; `find(target)` looks for a schedule of that
    weight. `on_check` is HiGHS' MIP interrupt callback's: it returns True to stop.
    `deadline` (a time.perf_counter() reading) is only the safety net of the time limit."""

    def __init__(
        self,
        c: Compiled,
        groups: list[list[int]],
        on_check: Callable[[], bool],
        *,
        deadline: float = math.inf,
    ):
        self.c = c
        self.deadline = deadline  # the safety net only (HiGHS' time limit)
        self.groups = [list(g) for g in groups]
        self.on_check = on_check
        self.rounds = 0
        self.columns = 0

    def useful(self) -> bool:
        """Some group holds two slots or more (otherwise this is the slot model)."""
        return any(len(g) > 1 for g in self.groups)

    def find(self, target: int) -> tuple[str, dict[int, int] | None]:
        """(FOUND, meeting → slot) with the target's weight, (INFEASIBLE, None) if no
        schedule reaches it, or (LIMIT, None)."""
        while self.rounds < ROUNDS:
            self.rounds += 1
            outcome, chosen = self._aggregated(target)
            if outcome != FOUND:
                return outcome, None
            schedule: dict[int, int] = {}
            failed = []
            for g, slots in enumerate(self.groups):
                placed = self._give_out([m for m, h in chosen if h == g], slots)
                if placed is None:
                    failed.append(g)
                else:
                    schedule.update(placed)
            # A group that cannot take its meetings may take others of the same weight:
            # the slot model over its slots, the rest of the schedule fixed.
            for i, g in enumerate(failed):
                later = {m for m, h in chosen if h in failed[i + 1 :]}
                weight = sum(self.c.weight[m] for m, h in chosen if h == g)
                placed = self._repair(schedule, later, self.groups[g], weight)
                if placed is None:
                    break
                schedule.update(placed)
            else:
                return FOUND, schedule
            split = [[t] for g in failed for t in self.groups[g]]
            self.groups = sorted([g for i, g in enumerate(self.groups) if i not in failed] + split)
        return LIMIT, None

    def relabel(self, schedule: dict[int, int], slot_of: list[int]) -> dict[int, int]:
        """`schedule` with the slots of each group swapped around so that more meetings keep
        their slot in `slot_of` (the search's): any such swap gives a schedule as valid and
        of the same weight. Greedy: the pair of slots sharing the most meetings first."""
        out = dict(schedule)
        for slots in self.groups:
            if len(slots) < 2:
                continue
            inside = set(slots)
            shared: dict[tuple[int, int], int] = defaultdict(int)
            for m, t in schedule.items():
                if t in inside and slot_of[m] in inside:
                    shared[t, slot_of[m]] += 1
            to: dict[int, int] = {}
            taken: set[int] = set()
            for (a, b), _n in sorted(shared.items(), key=lambda item: (-item[1], item[0])):
                if a not in to and b not in taken:
                    to[a] = b
                    taken.add(b)
            rest = iter(t for t in slots if t not in taken)
            for a in slots:
                if a not in to:
                    to[a] = next(rest)
            for m, t in schedule.items():
                if t in inside:
                    out[m] = to[t]
        return out

    # -- the models -----------------------------------------------------------------------------
    def _run(self, highs: highspy.Highs) -> None:
        def check(kind, message, data_out, data_in, user_data) -> None:
            if self.on_check():
                data_in.user_interrupt = True

        highs.setOptionValue("mip_max_nodes", NODE_LIMIT)
        if self.deadline < math.inf:
            highs.setOptionValue("time_limit", max(0.1, self.deadline - time.perf_counter()))
        highs.setCallback(check, None)
        highs.startCallback(highspy.cb.HighsCallbackType.kCallbackMipInterrupt)
        highs.run()

    def _aggregated(self, target: int) -> tuple[str, list[tuple[int, int]]]:
        c = self.c
        group_of = {t: g for g, slots in enumerate(self.groups) for t in slots}
        cols: list[tuple[int, int]] = []
        for m in range(c.num_meetings):
            if c.fixed_slot[m] < 0 and c.candidates[m]:
                cols.extend((m, g) for g in sorted({group_of[t] for t in c.candidates[m]}))
        rows: dict[tuple, list[int]] = defaultdict(list)
        limit: dict[tuple, float] = {}
        size = [len(g) for g in self.groups]
        first = [g[0] for g in self.groups]
        free = [
            [cap - fixed for cap, fixed in zip(caps, fixeds, strict=True)]
            for caps, fixeds in zip(c.hall_cap, c.fixed_hall, strict=True)
        ]
        for j, (m, g) in enumerate(cols):
            rows["meeting", m].append(j)
            limit["meeting", m] = 1
            for p in c.members[m]:
                rows["participant", p, g].append(j)
                limit["participant", p, g] = size[g]
                if c.capacity[p] < UNLIMITED:
                    rows["maximum", p].append(j)
                    limit["maximum", p] = c.capacity[p]
            for k in range(c.level[m] + 1):  # none for a remote meeting (level -1)
                rows["tables", g, k].append(j)
                limit["tables", g, k] = size[g] * c.table_cap[first[g]][k]
            if c.pair[m] >= 0:
                for h, mask in enumerate(c.hall_masks):
                    if mask >> c.pair[m] & 1:
                        rows["interpreters", g, h].append(j)
                        limit["interpreters", g, h] = size[g] * free[first[g]][h]
        n = len(cols)
        self.columns = n
        weight = np.array([c.weight[m] for m, _g in cols], dtype=np.float64)
        fixed = sum(c.weight[m] for slot in c.fixed_at for m in slot)
        highs = quiet_highs()
        inf = highspy.kHighsInf
        highs.addVars(n, np.zeros(n), np.ones(n))
        everything = np.arange(n, dtype=np.int32)
        highs.changeColsIntegrality(n, everything, [highspy.HighsVarType.kInteger] * n)
        highs.changeColsCost(n, everything, weight)
        highs.changeObjectiveSense(highspy.ObjSense.kMaximize)
        for key, members in rows.items():
            if len(members) > limit[key]:
                columns = np.array(members, dtype=np.int32)
                highs.addRow(
                    -inf, max(0.0, limit[key]), len(members), columns, np.ones(len(members))
                )
        # Weights are whole numbers: ≥ target − ½ is ≥ target.
        highs.addRow(target - fixed - 0.5, inf, n, everything, weight)
        highs.setOptionValue("mip_max_improving_sols", 1)
        self._run(highs)
        if highs.getModelStatus() == highspy.HighsModelStatus.kInfeasible:
            return INFEASIBLE, []
        if highs.getInfo().primal_solution_status != 2:
            return LIMIT, []
        x = np.asarray(highs.getSolution().col_value)
        chosen = [cols[j] for j in np.flatnonzero(x > 0.5)]
        if fixed + sum(c.weight[m] for m, _g in chosen) < target:
            return LIMIT, []  # within HiGHS' tolerances only: not a proof
        return FOUND, chosen

    def _repair(
        self, schedule: dict[int, int], later: set[int], slots: list[int], weight: int
    ) -> dict[int, int] | None:
        """Meetings of at least `weight` in `slots`, among those neither in `schedule` (which
        stays) nor in `later`, or None if HiGHS finds none within its limits."""
        c = self.c
        occ = Occupancy(c)
        for m, t in sorted(schedule.items()):
            if not occ.fits(m, t):
                return None
            occ.place(m, t)
        mask = sum(1 << t for t in slots)
        allowed = {
            m: c.candidate_mask[m] & mask
            for m in range(c.num_meetings)
            if c.fixed_slot[m] < 0 and occ.slot_of[m] < 0 and m not in later
            if c.candidate_mask[m] & mask
        }
        return self._solve(SlotLP(c, allowed=allowed, occupancy=occ), weight)

    def _solve(
        self, lp: SlotLP, weight: int, pinned: dict[int, int] | None = None
    ) -> dict[int, int] | None:
        """A solution of `lp` (integral) of at least `weight`, as meeting → slot, with the
        meetings of `pinned` in their slot there."""
        if lp.num_cols == 0:
            return {} if weight <= 0 else None
        highs = lp.highs(integer=True)
        columns = np.arange(lp.num_cols, dtype=np.int32)
        if pinned:
            slot = np.array([pinned.get(int(m), -1) for m in lp.col_m], dtype=np.int64)
            upper = np.where((slot >= 0) & (slot != lp.col_t), 0.0, 1.0)
            highs.changeColsBounds(lp.num_cols, columns, np.zeros(lp.num_cols), upper)
        highs.addRow(weight - 0.5, highspy.kHighsInf, lp.num_cols, columns, lp.cost)
        highs.setOptionValue("mip_max_improving_sols", 1)
        self._run(highs)
        if highs.getInfo().primal_solution_status != 2:
            return None
        x = np.asarray(highs.getSolution().col_value)
        placed = {int(lp.col_m[j]): int(lp.col_t[j]) for j in np.flatnonzero(x > 0.5)}
        if sum(self.c.weight[m] for m in placed) < weight:
            return None  # within HiGHS' tolerances only
        return placed

    def _give_out(self, meetings: list[int], slots: list[int]) -> dict[int, int] | None:
        """Every meeting of `meetings` in one of `slots` (the slot model's rows there), or
        None if HiGHS finds no way within its limits."""
        if not meetings:
            return {}
        c = self.c
        mask = sum(1 << t for t in slots)
        lp = SlotLP(c, allowed={m: c.candidate_mask[m] & mask for m in meetings})
        if len(set(lp.col_m.tolist())) < len(meetings):
            return None
        # The slots are interchangeable: whatever way there is, there is one in which the
        # meetings of the busiest participant here take the slots in order (relabel them).
        count: dict[int, list[int]] = defaultdict(list)
        for m in sorted(meetings):
            for p in c.members[m]:
                count[p].append(m)
        busiest = min(count, key=lambda p: (-len(count[p]), p))
        pinned = dict(zip(count[busiest], slots, strict=False))
        placed = self._solve(lp, sum(c.weight[m] for m in meetings), pinned)
        return placed if placed is not None and len(placed) == len(meetings) else None
