"""From a finished schedule to a Result: concrete resources, figures, and a precise diagnosis
(diagnosis.py) with its reason for every meeting left out, read off the final schedule."""

from __future__ import annotations

from kakehashi.scheduling import figures
from kakehashi.scheduling.assign import Occupancy, assign_resources
from kakehashi.scheduling.compiled import UNLIMITED, Compiled
from kakehashi.scheduling.diagnosis import Diagnosis, describe
from kakehashi.scheduling.gapbound import idle_gap_bound
from kakehashi.scheduling.result import Result, Status, Unscheduled


class Diagnoser:
    """Diagnoses the meetings a finished schedule left out (diagnosis.py has the codes)."""

    def __init__(self, compiled: Compiled, occupancy: Occupancy, context: str):
        self.c, self.occupancy, self.context = compiled, occupancy, context
        self._meeting_at: dict[tuple[int, int], int] | None = None

    def meeting_at(self, p: int, t: int) -> int | None:
        """The meeting participant p is in at slot t (fixed ones included), or None."""
        if self._meeting_at is None:
            c = self.c
            self._meeting_at = {
                (q, t2): m
                for m, t2 in enumerate(self.occupancy.slot_of)
                if t2 >= 0
                for q in c.members[m]
            }
        return self._meeting_at.get((p, t))

    def diagnose(self, m: int) -> Diagnosis:
        """Why meeting m has no place in this schedule."""
        c, occupancy = self.c, self.occupancy
        instance = c.instance
        meeting = instance.meetings[m]
        if meeting.id in instance.impossible_causes:
            return instance.impossible_causes[meeting.id].with_context(self.context)
        full = [
            p
            for p in c.members[m]
            if c.capacity[p] != UNLIMITED and occupancy.count[p] >= c.capacity[p]
        ]
        if full:
            params = {
                "participants": [c.participant_ids[p] for p in full],
                "max_meetings": [instance.participants[p].max_meetings for p in full],
            }
            return Diagnosis("max_meetings_reached", params, self.context)
        if not c.candidates[m]:
            return self._fixed_block(m)
        return self._taken(m)

    def _taken(self, m: int) -> Diagnosis:
        c, occupancy = self.c, self.occupancy
        member_busy, no_table, no_interpreter = [], [], []
        busy_in: dict[int, list[int]] = {}  # member -> the member-busy slots it is busy in
        for t in c.candidates[m]:
            busy = [p for p in c.members[m] if occupancy.busy[p] >> t & 1]
            if busy:
                member_busy.append(t)
                for p in busy:
                    busy_in.setdefault(p, []).append(t)
            elif not occupancy.table_free(m, t):
                no_table.append(t)
            elif not occupancy.interpreter_free(m, t):
                no_interpreter.append(t)
        if not (member_busy or no_table or no_interpreter):
            # Cannot happen for a schedule that was filled up; say so plainly.
            return Diagnosis("unexplained", {}, self.context)
        who = sorted(busy_in, key=lambda p: (-len(busy_in[p]), c.participant_ids[p]))
        slot_ids = c.slot_ids
        params = {
            "candidate_slots": len(c.candidates[m]),
            "member_busy_slots": [slot_ids[t] for t in member_busy],
            "no_table_slots": [slot_ids[t] for t in no_table],
            "no_interpreter_slots": [slot_ids[t] for t in no_interpreter],
            "members_busy": [
                {"participant": c.participant_ids[p], "slots": len(busy_in[p])} for p in who
            ],
            "seats": c.need[m],
            "languages": list(c.pairs[c.pair[m]]) if c.pair[m] >= 0 else None,
        }
        busiest = len(busy_in[who[0]]) if who else 0
        if busiest and busiest >= max(len(no_table), len(no_interpreter)):
            p = who[0]
            blocking = [self.meeting_at(p, t) for t in busy_in[p]]
            blocking = list(dict.fromkeys(b for b in blocking if b is not None))
            partners = [q for b in blocking for q in c.members[b] if q != p]
            params |= {
                "participant": c.participant_ids[p],
                "busy_slots": busiest,
                "slots": [slot_ids[t] for t in busy_in[p]],
                "meetings": [c.meeting_ids[b] for b in blocking],
                "partners": [c.participant_ids[q] for q in dict.fromkeys(partners)],
            }
            return Diagnosis("participant_busy", params, self.context)
        if len(no_table) >= len(no_interpreter):
            return Diagnosis("no_table", {"variant": "in_use", **params}, self.context)
        return Diagnosis("no_interpreter", {"variant": "busy", **params}, self.context)

    def _fixed_block(self, m: int) -> Diagnosis:
        """The fixed meetings that take every slot the meeting could otherwise have."""
        c = self.c
        instance = c.instance
        meeting = instance.meetings[m]
        availability = instance.availability
        slots = availability.slot_ids(availability.candidate_mask(meeting))
        blocking: list[int] = []
        for slot_id in slots:
            t = c.slot_index[slot_id]
            fixed = c.fixed_at[t]
            members = [f for f in fixed if set(c.members[f]) & set(c.members[m])]
            if members:
                blocking += members
            elif c.level[m] >= 0 and not any(
                instance.tables[j].seats >= c.need[m] for j in c.free_tables[t]
            ):
                blocking += [
                    f
                    for f in fixed
                    if (table := instance.meetings[f].fixed.table) is not None
                    and instance.table_by_id[table].seats >= c.need[m]
                ]
            else:
                blocking += [f for f in fixed if c.pair[f] >= 0]
        params = {
            "slots": slots,
            "meetings": [c.meeting_ids[f] for f in dict.fromkeys(blocking)],
        }
        return Diagnosis("fixed_meetings_block", params, self.context)


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
    diagnoser = Diagnoser(c, occupancy, context)
    unscheduled = []
    for m in range(c.num_meetings):
        if occupancy.slot_of[m] < 0:
            diagnosis = diagnoser.diagnose(m)
            unscheduled.append(Unscheduled(c.meeting_ids[m], describe(diagnosis), diagnosis))
    stats = {
        "meetings": c.num_meetings,
        "scheduled": len(assignments),
        "idle_gaps": figures.idle_gaps(c.instance, assignments),
        # The fewest idle gaps with the same meetings per participant and day (gapbound.py).
        "idle_gap_bound": idle_gap_bound(c, occupancy.busy),
        "without_meeting": figures.without_meeting(c.instance, assignments),
        "solve_seconds": round(seconds, 3),
        "solver": solver,
        "share_of_bound": round(weight / upper_bound, 6) if upper_bound else 1.0,
    }
    stats.update(extra or {})
    return Result(status, weight, upper_bound, assignments, unscheduled, stats)
