"""Who is busy when, which resources are left: the schedule under construction, and the final
step that turns a slot per meeting into concrete tables and interpreters.

`Occupancy` answers "may meeting m go to slot t now?" exactly (members free and under their
maximum, a table with enough seats left by the seat-threshold counts, an interpreter found by
an augmenting path) and is shared by the baselines, the compaction search and the
explanations of unscheduled meetings."""

from __future__ import annotations

from bisect import bisect_left

from kakehashi.scheduling.compiled import Compiled
from kakehashi.scheduling.interpreting import SlotInterpreters, match_all
from kakehashi.scheduling.result import Assignment


class Occupancy:
    def __init__(self, compiled: Compiled):
        c = compiled
        self.c = c
        self.busy = list(c.fixed_busy)  # slot mask per participant
        self.count = [0] * len(c.participant_ids)  # movable meetings per participant
        self.slot_of = [-1] * c.num_meetings
        for t, fixed in enumerate(c.fixed_at):
            for m in fixed:
                self.slot_of[m] = t
        # Meetings placed per slot and seat level ("needing ≥ thresholds[k] seats").
        self.table_used = [[0] * len(c.thresholds) for _ in range(c.num_slots)]
        # Interpreters: with few language pairs, Hall's counts per set of pairs are exact and
        # cheap; otherwise an incremental matching per slot answers.
        self.hall_of_pair = [
            [h for h, mask in enumerate(c.hall_masks) if mask >> pair & 1]
            for pair in range(len(c.pairs))
        ]
        self.hall_left = [
            [cap - fixed for cap, fixed in zip(c.hall_cap[t], c.fixed_hall[t], strict=True)]
            for t in range(c.num_slots)
        ]
        self.interpreters = None
        if not c.hall_exact:
            self.interpreters = [
                SlotInterpreters(c.interpreters_at[t], c.interpreter_covers, len(c.pairs))
                for t in range(c.num_slots)
            ]
            for t, fixed in enumerate(c.fixed_at):
                for m in sorted(fixed):
                    if c.pair[m] >= 0 and not self.interpreters[t].add(m, c.pair[m]):
                        raise AssertionError("fixed interpreters were checked when compiling")

    # -- questions ---------------------------------------------------------------------------
    def members_free(self, m: int) -> int:
        """Candidate slots of m in which every member is free (a slot mask)."""
        mask = self.c.candidate_mask[m]
        for p in self.c.members[m]:
            mask &= ~self.busy[p]
        return mask

    def under_maximum(self, m: int) -> bool:
        return all(self.count[p] < self.c.capacity[p] for p in self.c.members[m])

    def table_free(self, m: int, t: int) -> bool:
        used, cap = self.table_used[t], self.c.table_cap[t]
        return all(used[k] < cap[k] for k in range(self.c.level[m] + 1))

    def interpreter_free(self, m: int, t: int) -> bool:
        pair = self.c.pair[m]
        if pair < 0:
            return True
        left = self.hall_left[t]
        if not all(left[h] > 0 for h in self.hall_of_pair[pair]):
            return False
        return self.interpreters is None or self.interpreters[t].can_add(pair)

    def resources_free(self, m: int, t: int) -> bool:
        return self.table_free(m, t) and self.interpreter_free(m, t)

    def fits(self, m: int, t: int) -> bool:
        """May m (not placed) go to slot t now?"""
        if not self.c.candidate_mask[m] >> t & 1 or not self.under_maximum(m):
            return False
        if any(self.busy[p] >> t & 1 for p in self.c.members[m]):
            return False
        return self.resources_free(m, t)

    def feasible_slots(self, m: int) -> list[int]:
        """Slots where m can go now, in slot order."""
        if not self.under_maximum(m):
            return []
        out = []
        mask = self.members_free(m)
        while mask:
            low = mask & -mask
            t = low.bit_length() - 1
            mask ^= low
            if self.resources_free(m, t):
                out.append(t)
        return out

    # -- changes -----------------------------------------------------------------------------
    def place(self, m: int, t: int) -> None:
        c = self.c
        if c.pair[m] >= 0:
            if self.interpreters is not None and not self.interpreters[t].add(m, c.pair[m]):
                raise AssertionError(f"no interpreter left for meeting {c.meeting_ids[m]!r}")
            left = self.hall_left[t]
            for h in self.hall_of_pair[c.pair[m]]:
                left[h] -= 1
        for p in c.members[m]:
            self.busy[p] |= 1 << t
            self.count[p] += 1
        used = self.table_used[t]
        for k in range(c.level[m] + 1):
            used[k] += 1
        self.slot_of[m] = t

    def remove(self, m: int) -> None:
        c = self.c
        t = self.slot_of[m]
        if c.pair[m] >= 0:
            if self.interpreters is not None:
                self.interpreters[t].remove(m)
            left = self.hall_left[t]
            for h in self.hall_of_pair[c.pair[m]]:
                left[h] += 1
        for p in c.members[m]:
            self.busy[p] &= ~(1 << t)
            self.count[p] -= 1
        used = self.table_used[t]
        for k in range(c.level[m] + 1):
            used[k] -= 1
        self.slot_of[m] = -1

    def movable_slots(self) -> dict[int, int]:
        """Slot of each placed meeting that is not fixed."""
        return {m: t for m, t in enumerate(self.slot_of) if t >= 0 and self.c.fixed_slot[m] < 0}


def assign_resources(compiled: Compiled, slot_of: dict[int, int]) -> list[Assignment]:
    """Concrete tables and interpreters for a slot per (movable) meeting; fixed meetings keep
    their slot and table; remote meetings get no table. Tables: the largest need first, each to
    the smallest free table that fits (optimal for nested requirements). Interpreters: a
    maximum matching per slot.
    Raises AssertionError if the slots overload a resource (the models rule that out)."""
    c = compiled
    instance = c.instance
    by_slot: dict[int, list[int]] = {}
    for m, t in slot_of.items():
        if c.fixed_slot[m] < 0:
            by_slot.setdefault(t, []).append(m)
    for t, fixed in enumerate(c.fixed_at):
        if fixed:
            by_slot.setdefault(t, []).extend(fixed)
    table_of: dict[int, str | None] = {}
    interpreter_of: dict[int, str | None] = {}
    for t in sorted(by_slot):
        meetings = sorted(by_slot[t])
        free = sorted((instance.tables[j].seats, j) for j in c.free_tables[t])
        movable = sorted(
            (m for m in meetings if c.fixed_slot[m] < 0 and c.level[m] >= 0),
            key=lambda m: (-c.need[m], m),
        )
        for m in movable:
            position = bisect_left(free, (c.need[m], -1))
            if position == len(free):
                raise AssertionError(f"no table left for meeting {c.meeting_ids[m]!r}")
            table_of[m] = instance.tables[free.pop(position)[1]].id
        for m in meetings:
            if c.fixed_slot[m] >= 0:
                table_of[m] = instance.meetings[m].fixed.table
            elif c.level[m] < 0:
                table_of[m] = None  # remote: no table
        interpreted = [m for m in meetings if c.pair[m] >= 0]
        served = match_all(
            interpreted, c.pair, c.interpreters_at[t], c.interpreter_covers, len(c.pairs)
        )
        if served is None:
            raise AssertionError(f"not enough interpreters in slot {c.slot_ids[t]!r}")
        for m in meetings:
            interpreter_of[m] = instance.interpreters[served[m]].id if m in served else None
    return [
        Assignment(c.meeting_ids[m], c.slot_ids[t], table_of[m], interpreter_of[m])
        for m, t in sorted((m, t) for t, meetings in by_slot.items() for m in meetings)
    ]
