"""Interpreters of one slot: an incremental bipartite matching between interpreted meetings and
the interpreters available then.

Adding a meeting searches a shortest augmenting path (breadth first, so no recursion limit and
a deterministic outcome); a meeting can join iff such a path exists, which keeps the matching
maximum — exactly the question "can every meeting here still get an interpreter?"."""

from __future__ import annotations


class SlotInterpreters:
    def __init__(self, interpreters: list[int], covers: list[int], num_pairs: int):
        # For each pair, the interpreters covering it, the narrowest first: they are the least
        # useful to other meetings.
        self.eligible: list[list[int]] = [
            sorted(
                (i for i in interpreters if covers[i] >> pair & 1),
                key=lambda i: (covers[i].bit_count(), i),
            )
            for pair in range(num_pairs)
        ]
        self.owner: dict[int, int] = {}  # interpreter -> meeting
        self.served: dict[int, int] = {}  # meeting -> interpreter
        self.pair_of: dict[int, int] = {}

    def _path(self, pair: int) -> list[int] | None:
        """Interpreters along a shortest augmenting path for a new meeting of this pair: the
        new meeting takes path[0], the meeting holding path[0] moves to path[1], and so on."""
        eligible = self.eligible[pair]
        for i in eligible:
            if i not in self.owner:
                return [i]
        if not eligible:
            return None
        parent: dict[int, int | None] = {}
        frontier = []
        for i in eligible:
            parent[i] = None
            frontier.append(i)
        while frontier:
            following = []
            for i in frontier:
                for j in self.eligible[self.pair_of[self.owner[i]]]:
                    if j in parent:
                        continue
                    parent[j] = i
                    if j not in self.owner:
                        path = [j]
                        while parent[path[-1]] is not None:
                            path.append(parent[path[-1]])
                        return path[::-1]
                    following.append(j)
            frontier = following
        return None

    def can_add(self, pair: int) -> bool:
        return self._path(pair) is not None

    def add(self, meeting: int, pair: int) -> bool:
        path = self._path(pair)
        if path is None:
            return False
        moving = meeting
        for i in path:
            displaced = self.owner.get(i)
            self.owner[i] = moving
            self.served[moving] = i
            moving = displaced
        self.pair_of[meeting] = pair
        return True

    def remove(self, meeting: int) -> None:
        i = self.served.pop(meeting)
        del self.owner[i]
        del self.pair_of[meeting]


def match_all(
    meetings: list[int],
    pair: list[int],
    interpreters: list[int],
    covers: list[int],
    num_pairs: int,
) -> dict[int, int] | None:
    """Interpreter of each meeting, or None if they cannot all be served."""
    slot = SlotInterpreters(interpreters, covers, num_pairs)
    order = sorted(meetings, key=lambda m: (len(slot.eligible[pair[m]]), m))
    for m in order:
        if not slot.add(m, pair[m]):
            return None
    return dict(slot.served)
