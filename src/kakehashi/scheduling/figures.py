"""Figures of a schedule, computed the same way by the solver, the checker and the benchmarks."""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable

from kakehashi.scheduling.instance import Instance
from kakehashi.scheduling.result import Assignment


def meetings_per_participant(instance: Instance, assignments: Iterable[Assignment]) -> Counter:
    counts: Counter[str] = Counter({participant.id: 0 for participant in instance.participants})
    for assignment in assignments:
        for member in instance.meeting_by_id[assignment.meeting].participants:
            counts[member] += 1
    return counts


def idle_gaps(instance: Instance, assignments: Iterable[Assignment]) -> int:
    """Empty slots between a participant's first and last meeting of a day, summed over
    participants and days."""
    day_slots: dict = defaultdict(list)  # day -> slot ids in time order
    for slot in sorted(instance.slots, key=lambda s: instance.slot_order[s.id]):
        day_slots[slot.day].append(slot.id)
    position = {
        slot_id: index for slot_ids in day_slots.values() for index, slot_id in enumerate(slot_ids)
    }
    busy: dict[tuple, set[int]] = defaultdict(set)  # (participant, day) -> slot positions
    for assignment in assignments:
        slot = instance.slot_by_id[assignment.slot]
        for member in instance.meeting_by_id[assignment.meeting].participants:
            busy[(member, slot.day)].add(position[assignment.slot])
    return sum(max(used) - min(used) + 1 - len(used) for used in busy.values())


def scheduled_weight(instance: Instance, assignments: Iterable[Assignment]) -> int:
    return sum(instance.meeting_by_id[a.meeting].weight for a in assignments)


def without_meeting(instance: Instance, assignments: Iterable[Assignment]) -> int:
    """Participants who requested at least one meeting and have none scheduled."""
    scheduled = meetings_per_participant(instance, assignments)
    requested = {member for meeting in instance.meetings for member in meeting.participants}
    return sum(1 for member in requested if scheduled[member] == 0)


def figures_of(
    instance: Instance,
    assignments: list[Assignment],
    *,
    upper_bound: int | None,
    unscheduled: int | None = None,
    idle_gaps: int | None = None,
) -> dict:
    """The figures of a schedule (one assignment per meeting, known meetings only).

    `worst_served` is the participant with the smallest share of their meetings scheduled
    (then the fewest meetings, then the first id), among participants with any meeting;
    `without_meeting` counts the participants with a requested meeting and none scheduled."""
    weight = scheduled_weight(instance, assignments)
    if idle_gaps is None:
        idle_gaps = idle_gaps(instance, assignments)
    scheduled = meetings_per_participant(instance, assignments)
    requested: Counter[str] = Counter()
    for meeting in instance.meetings:
        requested.update(meeting.participants)
    counts = [scheduled[participant.id] for participant in instance.participants]
    worst = min(
        (p.id for p in instance.participants if requested[p.id]),
        key=lambda pid: (scheduled[pid] / requested[pid], scheduled[pid], pid),
        default=None,
    )
    if upper_bound is None or upper_bound < 0:
        share = None
    elif upper_bound == 0:
        share = 1.0 if weight == 0 else None
    else:
        share = weight / upper_bound
    return {
        "scheduled_weight": weight,
        "upper_bound": upper_bound,
        "share_of_upper_bound": share,
        "meetings": len(instance.meetings),
        "meetings_scheduled": len(assignments),
        "meetings_unscheduled": unscheduled,
        "idle_gaps": idle_gaps,
        "meetings_per_participant": {
            "min": min(counts, default=None),
            "median": statistics.median(counts) if counts else None,
            "max": max(counts, default=None),
        },
        "without_meeting": sum(1 for pid in requested if scheduled[pid] == 0),
        "worst_served": None
        if worst is None
        else {"participant": worst, "scheduled": scheduled[worst], "requested": requested[worst]},
    }
