"""Figures of a schedule, computed the same way by the solver, the checker and the benchmarks."""

from __future__ import annotations

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
