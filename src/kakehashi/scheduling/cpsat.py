"""The CP-SAT model: which meeting in which slot, with tables and interpreters counted per slot
(see compiled.py for why the counts are exact), and, for the second phase, the idle gaps.

Variables: x[m,t] for every movable meeting m and candidate slot t. Fixed meetings are not
variables: their members are busy, their tables are out of the pools, their interpreters are
subtracted from the counts. Constraints mirror bounds.SlotLP row for row, so the LP bound and
this model describe the same problem.

Idle gaps (phase 2), per participant p and day, over the positions between the first and the
last slot the participant could use that day: started[t] ("a meeting at t or before") is
non-decreasing, pending[t] ("a meeting at t or after") non-increasing, both ≥ busy[t]; a gap
at t is started[t] + pending[t] − 1 − busy[t] ≥ 0. Minimising the gaps pushes started and
pending down to exactly the span between the first and the last meeting.
"""

from __future__ import annotations

from collections import defaultdict

from ortools.sat.python import cp_model
from ortools.sat.python.cp_model import LinearExpr

from kakehashi.scheduling.compiled import UNLIMITED, Compiled


class SlotModel:
    def __init__(self, compiled: Compiled, *, upper_bound: int | None = None):
        c = compiled
        self.c = c
        model = cp_model.CpModel()
        self.model = model
        self.fixed_weight = sum(c.weight[m] for fixed in c.fixed_at for m in fixed)
        self.columns: list[tuple[int, int]] = []  # (meeting, slot) of each variable
        self.x: list[cp_model.IntVar] = []
        self.x_of: dict[int, list[tuple[int, cp_model.IntVar]]] = {}
        by_participant_slot: dict[tuple[int, int], list] = defaultdict(list)
        by_slot_level: dict[tuple[int, int], list] = defaultdict(list)
        by_slot_pair: dict[tuple[int, int], list] = defaultdict(list)
        weights = []
        for m in range(c.num_meetings):
            if c.fixed_slot[m] >= 0 or not c.candidates[m]:
                continue
            own = []
            for t in c.candidates[m]:
                var = model.new_bool_var("")
                own.append((t, var))
                self.columns.append((m, t))
                self.x.append(var)
                weights.append(c.weight[m])
                for p in c.members[m]:
                    by_participant_slot[p, t].append(var)
                by_slot_level[t, c.level[m]].append(var)
                if c.pair[m] >= 0:
                    by_slot_pair[t, c.pair[m]].append(var)
            self.x_of[m] = own
            if len(own) > 1:
                model.add_at_most_one(var for _t, var in own)
        # A participant: one meeting per slot, at most max_meetings in all.
        self.busy: dict[tuple[int, int], list] = by_participant_slot
        for key in sorted(by_participant_slot):
            group = by_participant_slot[key]
            if len(group) > 1:
                model.add_at_most_one(group)
        for p, capacity in enumerate(c.capacity):
            meetings = c.meetings_of[p]
            if capacity < UNLIMITED and capacity < len(meetings):
                model.add(LinearExpr.sum([var for m in meetings for _t, var in self.x_of[m]]) <= capacity)
        # Tables: meetings needing ≥ thresholds[k] seats ≤ tables with that many seats.
        levels = len(c.thresholds)
        for t in range(c.num_slots):
            needing: list = []
            for k in reversed(range(levels)):
                needing = needing + by_slot_level.get((t, k), [])
                if len(needing) > c.table_cap[t][k]:
                    model.add(LinearExpr.sum(needing) <= c.table_cap[t][k])
        # Interpreters.
        for t in range(c.num_slots):
            if c.hall_exact:
                for h, mask in enumerate(c.hall_masks):
                    group = [
                        var
                        for i in range(len(c.pairs))
                        if mask >> i & 1
                        for var in by_slot_pair.get((t, i), [])
                    ]
                    free = c.hall_cap[t][h] - c.fixed_hall[t][h]
                    if len(group) > free:
                        model.add(LinearExpr.sum(group) <= free)
            else:
                self._interpreter_flow(t, by_slot_pair)
        self.weight_expr = cp_model.LinearExpr.weighted_sum(self.x, weights)
        if upper_bound is not None:
            model.add(self.weight_expr <= upper_bound - self.fixed_weight)
        self.gaps_expr = None

    def _interpreter_flow(self, t: int, by_slot_pair) -> None:
        """Exact interpreter capacity for many language pairs: a transportation problem from
        pairs (demand: meetings at t) to interpreter kinds (supply: how many are free)."""
        c = self.c
        kinds: dict[int, int] = defaultdict(int)
        for i in c.interpreters_at[t]:
            kinds[c.interpreter_covers[i]] += 1
        fixed = defaultdict(int)
        for m in c.fixed_at[t]:
            if c.pair[m] >= 0:
                fixed[c.pair[m]] += 1
        flows_of_kind: dict[int, list] = defaultdict(list)
        for pair in range(len(c.pairs)):
            demand = by_slot_pair.get((t, pair), [])
            if not demand and not fixed[pair]:
                continue
            flows = []
            for covers in sorted(kinds):
                if covers >> pair & 1:
                    flow = self.model.new_int_var(0, kinds[covers], f"y{t}_{pair}_{covers}")
                    flows.append(flow)
                    flows_of_kind[covers].append(flow)
            self.model.add(LinearExpr.sum(flows) == LinearExpr.sum(demand) + fixed[pair])
        for covers, flows in sorted(flows_of_kind.items()):
            self.model.add(LinearExpr.sum(flows) <= kinds[covers])

    # -- phase 2 -----------------------------------------------------------------------------
    def add_gaps(self) -> None:
        """Build the idle-gap expression (see the module docstring)."""
        c = self.c
        model = self.model
        self.agendas = []  # (participant, first slot, started, pending, gaps) per day
        gaps = []
        for p in range(len(c.participant_ids)):
            possible = c.fixed_busy[p]
            for m in c.meetings_of[p]:
                possible |= c.candidate_mask[m]
            for day_mask in c.day_mask:
                used = possible & day_mask
                if used.bit_count() < 3:  # a gap needs a meeting on each side
                    continue
                first = (used & -used).bit_length() - 1
                last = used.bit_length() - 1
                busy = [self._busy_expr(p, t) for t in range(first, last + 1)]
                started = [model.new_bool_var("") for _ in busy]
                pending = [model.new_bool_var("") for _ in busy]
                for i, term in enumerate(busy):
                    model.add(started[i] >= term)
                    model.add(pending[i] >= term)
                    if i:
                        model.add(started[i] >= started[i - 1])
                        model.add(pending[i - 1] >= pending[i])
                day_gaps = {}
                for i in range(1, len(busy) - 1):
                    gap = model.new_bool_var("")
                    model.add(gap >= started[i] + pending[i] - 1 - busy[i])
                    day_gaps[i] = gap
                    gaps.append(gap)
                self.agendas.append((p, first, started, pending, day_gaps))
        self.gaps_expr = LinearExpr.sum(gaps)

    def _busy_expr(self, p: int, t: int):
        if self.c.fixed_busy[p] >> t & 1:
            return 1
        return LinearExpr.sum(self.busy.get((p, t), []))

    def gap_hints(self, slot_of: dict[int, int]) -> None:
        """Hint the phase-2 variables to their values under a schedule."""
        c = self.c
        busy = list(c.fixed_busy)
        for m, t in slot_of.items():
            for p in c.members[m]:
                busy[p] |= 1 << t
        for p, first, started, pending, day_gaps in self.agendas:
            agenda = busy[p] >> first
            span = len(started)
            window = agenda & ((1 << span) - 1)
            low = (window & -window).bit_length() - 1 if window else span
            high = window.bit_length() - 1 if window else -1
            for i in range(span):
                self.model.add_hint(started[i], window != 0 and i >= low)
                self.model.add_hint(pending[i], window != 0 and i <= high)
            for i, gap in day_gaps.items():
                self.model.add_hint(gap, low < i < high and not window >> i & 1)

    # -- solutions ---------------------------------------------------------------------------
    def hint(self, slot_of: dict[int, int]) -> None:
        self.model.clear_hints()
        for (m, t), var in zip(self.columns, self.x, strict=True):
            self.model.add_hint(var, slot_of.get(m) == t)

    def read(self, solver: cp_model.CpSolver) -> dict[int, int]:
        values = solver.boolean_values(self.x)
        return {m: t for (m, t), value in zip(self.columns, values, strict=True) if value}
