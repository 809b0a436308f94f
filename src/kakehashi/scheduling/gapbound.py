"""A lower bound on the idle gaps of a schedule at its weight: how compact its agendas could
be at best, so that the organiser sees how far the schedule is from it.

What it bounds, exactly: the idle gaps (figures.idle_gaps) of every valid schedule that gives
each participant the same number of meetings on each day as this schedule does — among them
every re-timing of the same meetings within their days, so every schedule of the same
meetings and therefore of the same weight. It is not a bound on schedules that share the
meetings out differently between participants or days (those may have fewer gaps, or fewer
meetings for someone).

Why it holds: a participant p's idle gaps on day d are span(S) − |S| for the slots S that p
is busy in that day, and they add up over participants and days. In any such schedule,
|S| = k (the count of this schedule), S contains the slots F of p's fixed meetings that day,
and S lies within A: the slots of that day in which some meeting of p could take place at all
(its candidate slots, compiled.py) or p has a fixed meeting. So p's gaps that day are at
least

    g(A, F, k) = min { b − a + 1 − k : a ≤ b in A, a ≤ min F, b ≥ max F, |A ∩ [a, b]| ≥ k }

(0 when k ≤ 1), and the sum of g over participants and days bounds the sum of gaps. The
minimum is found among few windows: in a smallest window, either both ends are forced by F
(a = min F, b = max F), or it holds exactly k slots of A, i.e. k consecutive slots of A in
time order (an end not forced by F could otherwise be dropped). `fewest_gaps` checks those.
Everything else that binds a schedule (partners, tables, interpreters) only raises the true
minimum, so the bound can be loose but never too high; tests/scheduling/test_gap_bound.py
checks it against brute force on small instances.
"""

from __future__ import annotations

from kakehashi.scheduling.compiled import Compiled, bits


def fewest_gaps(available: list[int], fixed: list[int], k: int) -> int:
    """g(A, F, k) above: the fewest idle gaps of k busy slots chosen among the ascending
    slot positions `available`, including every position in `fixed` (a subset of it)."""
    if k <= 1 or len(available) < k:
        return 0
    best = None
    low = high = None
    if fixed:
        low, high = min(fixed), max(fixed)
        if sum(1 for t in available if low <= t <= high) >= k:
            best = high - low + 1 - k  # both ends forced by the fixed meetings
    for i in range(len(available) - k + 1):
        a, b = available[i], available[i + k - 1]
        if low is None or (a <= low and b >= high):
            gaps = b - a + 1 - k
            best = gaps if best is None else min(best, gaps)
    return 0 if best is None else best


def participant_slots(c: Compiled) -> list[int]:
    """Per participant, a mask of the slots they could be busy in: a candidate slot of one of
    their meetings, or the slot of one of their fixed meetings."""
    masks = list(c.fixed_busy)
    for p, meetings in enumerate(c.meetings_of):
        for m in meetings:
            masks[p] |= c.candidate_mask[m]
    return masks


def idle_gap_bound(c: Compiled, busy: list[int]) -> int:
    """The bound for a schedule whose participants are busy in the slot masks `busy`
    (Occupancy.busy: fixed meetings included)."""
    possible = participant_slots(c)
    total = 0
    for p, mask in enumerate(busy):
        for day_mask in c.day_mask:
            k = (mask & day_mask).bit_count()
            if k <= 1:
                continue
            total += fewest_gaps(bits(possible[p] & day_mask), bits(c.fixed_busy[p] & day_mask), k)
    return total


def room(c: Compiled, busy: list[int]) -> list[tuple[int, int, int]]:
    """(excess gaps, participant, day) for every participant and day whose gaps are above
    their bound, the largest excess first: where the idle-gap phase can still gain."""
    possible = participant_slots(c)
    out = []
    for p, mask in enumerate(busy):
        for d, day_mask in enumerate(c.day_mask):
            used = mask & day_mask
            k = used.bit_count()
            if k <= 1:
                continue
            gaps = c.day_gaps(used)
            if gaps == 0:
                continue
            floor = fewest_gaps(bits(possible[p] & day_mask), bits(c.fixed_busy[p] & day_mask), k)
            if gaps > floor:
                out.append((gaps - floor, p, d))
    out.sort(key=lambda item: (-item[0], item[1], item[2]))
    return out
