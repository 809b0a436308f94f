"""Idle-gap steps aimed where the bound shows room (gapbound.py): the participants and days
whose idle gaps are above their lower bound, the largest excess first.

For such a participant p and day, the window (lns.Search.window_at) is two slots: one of a
gap that p could fill (a slot inside their span that one of their meetings could take) and
the slot of p's first or last meeting of the day; without such a slot, the slot nearest to
their span that one of their meetings could take and the slot of p's meeting at the other
end. The sub-MIP (submip.py, weight first, then idle gaps exactly) may then move that end
meeting into the gap, with the other meetings of both slots moved or exchanged as it sees
fit; the search keeps the result only if the
weight does not go down and the gaps do not go up (lns.Search.apply).

A participant and day is tried at most TRIES times; the list is computed again when it runs
out (the counts move as the schedule changes). All choices are drawn with the search's
seeded generator, so the phase stays deterministic.
"""

from __future__ import annotations

from kakehashi.scheduling.compiled import bits
from kakehashi.scheduling.gapbound import participant_slots, room
from kakehashi.scheduling.lns import Search

TRIES = 3


class GapTargets:
    def __init__(self, search: Search):
        self.search = search
        self.possible = participant_slots(search.c)
        self.tries: dict[tuple[int, int], int] = {}
        self.queue: list[tuple[int, int]] = []
        self.exhausted = False

    def _refill(self) -> None:
        c, occ = self.search.c, self.search.occ
        self.queue = [
            (p, d) for _excess, p, d in room(c, occ.busy) if self.tries.get((p, d), 0) < TRIES
        ]
        self.queue.reverse()  # popped from the end: the largest excess first
        if not self.queue:
            self.exhausted = True

    def next_window(self) -> list[int] | None:
        """The slots of the next window, or None once no participant has room left."""
        for _ in range(2):  # the list, then once more after computing it again
            while self.queue:
                window = self._window(*self.queue.pop())
                if window is not None:
                    return window
            if self.exhausted:
                return None
            self._refill()
        return None

    def _window(self, p: int, d: int) -> list[int] | None:
        self.tries[(p, d)] = self.tries.get((p, d), 0) + 1
        c, occ, rng = self.search.c, self.search.occ, self.search.rng
        day_mask = c.day_mask[d]
        busy = bits(occ.busy[p] & day_mask)
        if len(busy) < 2:
            return None
        first, last = busy[0], busy[-1]
        possible = self.possible[p] & day_mask & ~occ.busy[p]
        inside = [t for t in bits(possible) if first < t < last]
        if inside:  # move the first or the last meeting into a gap
            return sorted((rng.choice(inside), rng.choice((first, last))))
        outside = [t for t in bits(possible) if t < first or t > last]
        if not outside:
            return None
        nearest = min(outside, key=lambda t: (min(abs(t - first), abs(t - last)), t))
        return sorted((nearest, first if abs(nearest - last) < abs(nearest - first) else last))
