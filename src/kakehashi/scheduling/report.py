"""From a finished schedule to a Result: concrete resources, figures, and a precise reason for
every meeting left out, read off the final schedule itself."""

from __future__ import annotations

from kakehashi.scheduling import figures
from kakehashi.scheduling.assign import Occupancy, assign_resources
from kakehashi.scheduling.compiled import UNLIMITED, Compiled
from kakehashi.scheduling.result import Result, Status, Unscheduled

# How each producer came to leave a meeting out, appended to the reason.
CONTEXT = {
    "fcfs": "when its request came up (first come, first served)",
    "priority": "once meetings of higher priority were placed",
    "optimal": (
        "in a schedule whose total weight is proven the greatest possible, so fitting it in "
        "would drop meetings of at least the same weight"
    ),
    "best_found": "in the best schedule found within the time limit",
}

SHOWN_SLOTS = 4


def _slot_list(compiled: Compiled, slots: list[int]) -> str:
    names = [compiled.slot_ids[t] for t in slots[:SHOWN_SLOTS]]
    more = f", and {len(slots) - SHOWN_SLOTS} more" if len(slots) > SHOWN_SLOTS else ""
    count = f"{len(slots)} slot" + ("s" if len(slots) != 1 else "")
    return f"{count} ({', '.join(names)}{more})"


def explain(compiled: Compiled, occupancy: Occupancy, m: int, context: str) -> str:
    """Why meeting m has no place in this schedule."""
    c = compiled
    instance = c.instance
    meeting = instance.meetings[m]
    if meeting.id in instance.impossible:
        return instance.impossible[meeting.id]
    full = [
        c.participant_ids[p]
        for p in c.members[m]
        if c.capacity[p] != UNLIMITED and occupancy.count[p] >= c.capacity[p]
    ]
    if full:
        names = ", ".join(repr(p) for p in full)
        verb = "has" if len(full) == 1 else "have"
        return f"{names} already {verb} as many meetings as max_meetings allows"
    if not c.candidates[m]:
        return (
            "every slot its members share with a suitable table and interpreter is taken by "
            "fixed meetings (a member's, or the last suitable table or interpreter)"
        )
    member_busy, no_table, no_interpreter = [], [], []
    busy_in: dict[int, int] = {}  # member -> how many of the member-busy slots
    for t in c.candidates[m]:
        busy = [p for p in c.members[m] if occupancy.busy[p] >> t & 1]
        if busy:
            member_busy.append(t)
            for p in busy:
                busy_in[p] = busy_in.get(p, 0) + 1
        elif not occupancy.table_free(m, t):
            no_table.append(t)
        elif not occupancy.interpreter_free(m, t):
            no_interpreter.append(t)
    parts = []
    if member_busy:
        who = sorted(busy_in, key=lambda p: (-busy_in[p], c.participant_ids[p]))
        if len(who) == 1:
            names = repr(c.participant_ids[who[0]])
        else:
            names = ", ".join(f"{c.participant_ids[p]!r} in {busy_in[p]}" for p in who)
            names += " of them"
        parts.append(f"in {_slot_list(c, member_busy)} a member is in another meeting ({names})")
    if no_table:
        parts.append(
            f"in {_slot_list(c, no_table)} every table with {c.need[m]} seats or more is in use"
        )
    if no_interpreter:
        languages = " and ".join(c.pairs[c.pair[m]])
        parts.append(f"in {_slot_list(c, no_interpreter)} no interpreter for {languages} is free")
    if not parts:  # cannot happen for a schedule that was filled up; say so plainly
        return f"not placed {CONTEXT[context]}"
    return "each possible slot is taken: " + "; ".join(parts) + f" — {CONTEXT[context]}"


def fill(compiled: Compiled, occupancy: Occupancy) -> int:
    """Place every left-out meeting that still fits (heaviest first); returns how many."""
    c = compiled
    added = 0
    waiting = [m for m in range(c.num_meetings) if occupancy.slot_of[m] < 0 and c.candidates[m]]
    for m in sorted(waiting, key=lambda m: (-c.weight[m], len(c.candidates[m]), m)):
        slots = occupancy.feasible_slots(m)
        if slots:
            occupancy.place(m, slots[0])
            added += 1
    return added


def build_result(
    compiled: Compiled,
    occupancy: Occupancy,
    *,
    upper_bound: int,
    context: str,
    solver: str,
    seconds: float,
    extra: dict | None = None,
) -> Result:
    c = compiled
    assignments = assign_resources(c, occupancy.movable_slots())
    weight = figures.scheduled_weight(c.instance, assignments)
    if weight > upper_bound:
        raise AssertionError(f"schedule weight {weight} exceeds the bound {upper_bound}")
    status = Status.OPTIMAL if weight == upper_bound else Status.FEASIBLE
    if status == Status.OPTIMAL and context == "best_found":
        context = "optimal"
    unscheduled = [
        Unscheduled(c.meeting_ids[m], explain(c, occupancy, m, context))
        for m in range(c.num_meetings)
        if occupancy.slot_of[m] < 0
    ]
    stats = {
        "meetings": c.num_meetings,
        "scheduled": len(assignments),
        "idle_gaps": figures.idle_gaps(c.instance, assignments),
        "without_meeting": figures.without_meeting(c.instance, assignments),
        "solve_seconds": round(seconds, 3),
        "solver": solver,
        "share_of_bound": round(weight / upper_bound, 6) if upper_bound else 1.0,
    }
    stats.update(extra or {})
    return Result(status, weight, upper_bound, assignments, unscheduled, stats)
