"""Large neighbourhood search: free a part of the schedule, re-solve that part exactly as a
small MIP (submip.py, HiGHS) while the rest stays put, keep the result unless it is worse,
repeat.

A neighbourhood is a set of free meetings (scheduled or not) and the slots each may take.
Everything else is fixed. Every sub-problem starts from the current schedule, which is
feasible in it, so the schedule never gets worse; a result is kept if it adds weight, or
keeps the weight without adding idle gaps. In the fairness phase (fairness.py,
`keep_served`) the rule is lexicographic: weight, then fewer participants with none of their
requested meetings, then idle gaps.

Neighbourhoods, drawn with a seeded generator so that the search is reproducible:
* a window of a few slots: every meeting in them and the left-out meetings that could go
  there, moved among those slots only (the exchanges of bipartite edge colouring, which is
  what a day of one-to-one meetings is, plus insertions);
* around a left-out meeting: it, its members' meetings and some of their partners' meetings,
  over all their slots (ejection chains that make room for it).

Two windows on disjoint slots (and disjoint left-out meetings) are solved at once, one per
core, and applied in a fixed order — the first as usual, the second only if it still fits
(a participant's max_meetings may have been used up by the first) and still improves the
schedule — so the outcome does not depend on which thread finishes first.
"""

from __future__ import annotations

import math
from concurrent.futures import ThreadPoolExecutor
from random import Random

from kakehashi.scheduling.assign import Occupancy
from kakehashi.scheduling.compiled import Compiled
from kakehashi.scheduling.submip import (
    NODE_LIMIT,
    STEP_CHECKS,
    WEIGHT_COMPACT,
    WEIGHT_GAPS,
    SubMIP,
)


class Search:
    """The neighbourhood search over an occupancy (changed in place)."""

    def __init__(
        self, c: Compiled, occ: Occupancy, *, seed: int, deadline: float = math.inf
    ) -> None:
        self.c = c
        self.occ = occ
        self.rng = Random(seed)
        self.deadline = deadline  # perf_counter() value: a safety net for each sub-problem
        self.pool: ThreadPoolExecutor | None = None
        # How much the LP relaxation schedules each meeting (set once the bound is known):
        # left-out meetings the LP wants are tried first.
        self.lp_share: list[float] | None = None
        self.tries = [0] * c.num_meetings
        # In the fairness phase: never more participants without a meeting at equal weight
        # (see the module docstring).
        self.keep_served = False
        self.iterations = 0
        self.work = 0.0
        # For calibrating the work units: per sub-problem, (columns, rows, simplex iterations,
        # nodes, seconds in HiGHS, nonzeros).
        self.trace: list | None = None

    # -- figures -----------------------------------------------------------------------------
    def weight(self) -> int:
        c = self.c
        return sum(c.weight[m] for m, t in enumerate(self.occ.slot_of) if t >= 0)

    def gaps(self) -> int:
        return sum(self.c.day_gaps(busy) for busy in self.occ.busy)

    def unserved(self) -> int:
        """Participants with a meeting that could be scheduled but none scheduled."""
        return sum(1 for p in range(len(self.c.participant_ids)) if self.is_unserved(p))

    def is_unserved(self, p: int) -> bool:
        c = self.c
        return bool(c.meetings_of[p]) and self.occ.count[p] == 0 and not c.fixed_busy[p]

    def _unserved_among(self, participants: list[int]) -> int:
        if not self.keep_served:
            return 0
        return sum(1 for p in participants if self.is_unserved(p))

    def waiting(self) -> list[int]:
        c, occ = self.c, self.occ
        return [m for m in range(c.num_meetings) if occ.slot_of[m] < 0 and c.candidates[m]]

    # -- neighbourhoods ----------------------------------------------------------------------
    def priority(self, m: int) -> float:
        """Which left-out meetings to try first: those the LP relaxation schedules, then the
        heaviest."""
        share = self.lp_share[m] if self.lp_share is not None else 0.0
        return round(share, 3) * 1000 + self.c.weight[m]

    def window(
        self,
        size: int,
        limit: int,
        *,
        same_day: bool,
        avoid: tuple[dict[int, int], int] | None = None,
    ) -> tuple[dict[int, int], int] | None:
        """Meetings of `size` slots (the first drawn at random) and at most `limit` left-out
        meetings that could go there (the heaviest); disjoint from the window `avoid`, if
        given (None if no slot is left)."""
        c = self.c
        avoid_meetings, avoid_slots = avoid if avoid is not None else ({}, 0)
        slots = [t for t in range(c.num_slots) if not avoid_slots >> t & 1]
        if not slots:
            return None
        first = slots[self.rng.randrange(len(slots))]
        pool = [
            t for t in slots if t != first and (not same_day or c.day_of[t] == c.day_of[first])
        ] or [t for t in slots if t != first]
        window = [first, *self.rng.sample(pool, min(size - 1, len(pool)))]
        return self.window_at(window, limit, avoid_meetings)

    def window_at(
        self, window: list[int], limit: int, avoid_meetings: dict[int, int] | None = None
    ) -> tuple[dict[int, int], int]:
        """The neighbourhood of the slots `window`: every movable meeting in them and at
        most `limit` left-out meetings that could go there (see `window`)."""
        c, occ = self.c, self.occ
        avoid_meetings = avoid_meetings or {}
        mask = 0
        for t in window:
            mask |= 1 << t
        free = {
            m: c.candidate_mask[m] & mask
            for m, t in enumerate(occ.slot_of)
            if t >= 0 and mask >> t & 1 and c.fixed_slot[m] < 0
        }
        waiting = [
            m for m in self.waiting() if c.candidate_mask[m] & mask and m not in avoid_meetings
        ]
        if len(waiting) > limit:
            waiting.sort(key=lambda m: (-self.priority(m), self.rng.random()))
            waiting = waiting[:limit]
        for m in waiting:
            free[m] = c.candidate_mask[m] & mask
        return free, mask

    def around_left_out(self, limit: int) -> dict[int, int] | None:
        c, occ = self.c, self.occ
        waiting = self.waiting()
        if not waiting:
            return None
        u = min(waiting, key=lambda m: (self.tries[m], -self.priority(m), self.rng.random()))
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

    # -- steps -------------------------------------------------------------------------------
    def sub_mip(
        self,
        allowed: dict[int, int],
        *,
        window: int = 0,
        gaps: bool = False,
        node_limit: int = NODE_LIMIT,
        objective: str | None = None,
    ) -> SubMIP:
        if objective is None:
            objective = WEIGHT_GAPS if gaps and window else WEIGHT_COMPACT
        self.iterations += 1
        return SubMIP(
            self.c,
            self.occ,
            allowed,
            objective=objective,
            window=window,
            node_limit=node_limit,
            deadline=self.deadline,
            check_limit=STEP_CHECKS,
        )

    def step(
        self, allowed: dict[int, int], *, window: int = 0, gaps: bool = False
    ) -> tuple[int, int]:
        """Re-solve one neighbourhood; returns (weight gained, gaps removed)."""
        sub = self.sub_mip(allowed, window=window, gaps=gaps)
        sub.run()
        self.account(sub)
        return self.apply(sub)

    def pair(
        self, first: tuple[dict[int, int], int], second: tuple[dict[int, int], int], *, gaps: bool
    ) -> tuple[int, int]:
        """Re-solve two disjoint windows at once (second on the helper thread)."""
        one = self.sub_mip(first[0], window=first[1], gaps=gaps)
        two = self.sub_mip(second[0], window=second[1], gaps=gaps)
        if self.pool is None:
            self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kakehashi-lns")
        future = self.pool.submit(two.run)
        one.run()
        future.result()
        self.work += one.build_work + two.build_work + max(one.run_work, two.run_work)
        self._trace(one)
        self._trace(two)
        gained, removed = self.apply(one)
        more, fewer = self.apply(two)
        return gained + more, removed + fewer

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown()
            self.pool = None

    def apply(self, sub: SubMIP) -> tuple[int, int]:
        """Put the sub-problem's schedule in place if it still fits and is no worse."""
        c, occ = self.c, self.occ
        old_gaps = sum(c.day_gaps(occ.busy[p]) for p in sub.affected)
        old_unserved = self._unserved_among(sub.affected)
        for m in sub.old:
            occ.remove(m)
        placed = []
        for m in sorted(sub.new):
            t = sub.new[m]
            if occ.slot_of[m] >= 0 or not occ.fits(m, t):
                break  # taken by the other window, or many language pairs (see compiled.py)
            occ.place(m, t)
            placed.append(m)
        else:
            new_weight = sum(c.weight[m] for m in sub.new)
            new_gaps = sum(c.day_gaps(occ.busy[p]) for p in sub.affected)
            new_unserved = self._unserved_among(sub.affected)
            # Lexicographic: weight, then participants served, then idle gaps.
            if (new_weight, -new_unserved, -new_gaps) >= (
                sub.old_weight,
                -old_unserved,
                -old_gaps,
            ):
                return new_weight - sub.old_weight, old_gaps - new_gaps
        for m in placed:
            occ.remove(m)
        for m in sub.old:
            occ.place(m, sub.old[m])
        return 0, 0

    def account(self, sub: SubMIP) -> None:
        self.work += sub.build_work + sub.run_work
        self._trace(sub)

    def _trace(self, sub: SubMIP) -> None:
        if self.trace is not None and sub.highs is None and sub.columns:
            self.trace.append(
                (
                    sub.columns,
                    sub.rows,
                    getattr(sub, "iterations", 0),
                    getattr(sub, "nodes", 0),
                    sub.seconds,
                    sub.nonzeros,
                )
            )
