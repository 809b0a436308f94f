"""The fairness phase of the search: among schedules of the same total weight, fewer
participants left with none of their requested meetings.

An event organiser expects every delegation that asked for meetings to get at least one when
that is possible; the weight objective alone does not care who the weight goes to. This phase
never trades weight for it: each step re-solves a neighbourhood of the current schedule as a
sub-MIP (submip.py: weight first, then participants served, then compactness) that
starts from the current schedule, and the search keeps a result only if
(weight, −participants without a meeting, −idle gaps) does not go down, lexicographically
(lns.Search.apply). So weight can only rise, and `run` asserts it.

A neighbourhood is built around one participant without a meeting (the one tried least, ties
drawn with the search's seeded generator), so that the sub-MIP can make room for one of their
meetings by exchanges that keep the weight — moving other meetings, or dropping one of no
more weight whose members all keep a meeting:

* a window of a few of the slots their meetings could take, with every meeting scheduled
  there and the waiting meetings that could go there (those of participants without a
  meeting first, then as lns.Search.window orders them);
* the meetings of the other members of their meetings, over all their slots, so that a
  partner who is busy can move elsewhere.

The phase stops when every participant still without a meeting has been tried `TRIES` times,
or when its share of the work budget is spent (solve.py), so it is deterministic.
"""

from __future__ import annotations

from kakehashi.scheduling.lns import Search
from kakehashi.scheduling.submip import STEP_CHECKS, WEIGHT_COMPACT, SubMIP

TRIES = 3
PARTNER_MEETINGS = 120  # at most this many meetings of the partners, freed over all slots


def around_unserved(search: Search, p: int, size: int, limit: int) -> dict[int, int]:
    """The neighbourhood of participant p (see the module docstring): the free meetings and
    the slots (a mask) each may take."""
    c, occ, rng = search.c, search.occ, search.rng
    own = [m for m in c.meetings_of[p] if occ.slot_of[m] < 0]
    possible = 0
    for m in own:
        possible |= c.candidate_mask[m]
    slots = [t for t in range(c.num_slots) if possible >> t & 1]
    window = rng.sample(slots, min(size, len(slots)))
    mask = 0
    for t in window:
        mask |= 1 << t
    allowed = {
        m: c.candidate_mask[m] & mask
        for m, t in enumerate(occ.slot_of)
        if t >= 0 and mask >> t & 1 and c.fixed_slot[m] < 0
    }
    waiting = [m for m in search.waiting() if c.candidate_mask[m] & mask]
    first = [m for m in waiting if any(search.is_unserved(q) for q in c.members[m])]
    chosen = set(first)
    rest = [m for m in waiting if m not in chosen]
    rest.sort(key=lambda m: (-search.priority(m), rng.random()))
    for m in (first + rest)[:limit]:
        allowed[m] = c.candidate_mask[m] & mask
    for m in own:
        allowed[m] = c.candidate_mask[m]
    partners = sorted({q for m in own for q in c.members[m]} - {p})
    rng.shuffle(partners)
    added = 0
    for q in partners:
        for m in c.meetings_of[q]:
            if occ.slot_of[m] >= 0 and added < PARTNER_MEETINGS:
                allowed[m] = allowed.get(m, 0) | c.candidate_mask[m]
                added += 1
    return allowed


def serve_the_unserved(search: Search, *, work_end: float, size: int, limit: int, out_of_time):
    """Run the phase until `search.work` reaches `work_end`, every participant without a
    meeting has been tried TRIES times, or `out_of_time()`; returns (weight gained, gaps
    removed, steps)."""
    c = search.c
    search.keep_served = True
    tries = [0] * len(c.participant_ids)
    weight_before = search.weight()
    gained = removed = steps = 0
    while search.work < work_end and not out_of_time():
        targets = [
            p for p in range(len(c.participant_ids)) if search.is_unserved(p) and tries[p] < TRIES
        ]
        if not targets:
            break
        p = min(targets, key=lambda q: (tries[q], search.rng.random()))
        tries[p] += 1
        allowed = around_unserved(search, p, size, limit)
        # Not counted in search.iterations (the idle-gap phase draws its window sizes from
        # it); the steps are reported on their own.
        sub = SubMIP(
            c,
            search.occ,
            allowed,
            objective=WEIGHT_COMPACT,
            served=True,
            deadline=search.deadline,
            check_limit=STEP_CHECKS,
        )
        sub.run()
        search.account(sub)
        more, fewer = search.apply(sub)
        gained += more
        removed += fewer
        steps += 1
    # The phase never costs weight: every step it keeps is lexicographically no worse.
    assert search.weight() == weight_before + gained >= weight_before
    return gained, removed, steps
