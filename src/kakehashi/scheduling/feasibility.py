"""What a well-formed instance allows, checked once it is parsed: fixed meetings keep every
rule where they stand (`check_fixed_meetings`, problems added to the parser's list), and a
meeting that cannot take place whatever the schedule gets its diagnosis (`why_impossible`).
Split from instance.py, which calls both from parse_instance()."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import TYPE_CHECKING

from kakehashi.scheduling.diagnosis import Diagnosis

if TYPE_CHECKING:
    from kakehashi.scheduling.instance import Instance, Meeting


def check_fixed_meetings(instance: Instance, reader) -> None:
    """A fixed meeting must keep every rule where it stands, alone and with the others."""
    taken_tables: dict[tuple[str, str], str] = {}
    busy: dict[tuple[str, str], str] = {}
    count: Counter[str] = Counter()
    for index, meeting in enumerate(instance.meetings):
        if meeting.fixed is None:
            continue
        path = f"meetings[{index}].fixed"
        slot = meeting.fixed.slot
        if not meeting.remote:
            _check_fixed_table(instance, reader, meeting, path, taken_tables)
        for member in meeting.participants:
            participant = instance.participant_by_id[member]
            if slot not in instance.slot_ids_for(participant.available):
                reader.add(
                    "fixed_member_unavailable",
                    path,
                    f"{member!r} is not available in slot {slot!r}",
                )
            if (other := busy.setdefault((slot, member), meeting.id)) != meeting.id:
                reader.add(
                    "fixed_member_busy",
                    path,
                    f"{member!r} is also in fixed meeting {other!r} in slot {slot!r}",
                )
            count[member] += 1
            if participant.max_meetings is not None and count[member] > participant.max_meetings:
                reader.add(
                    "fixed_over_max_meetings",
                    path,
                    f"{member!r} has more fixed meetings than max_meetings",
                )
        if meeting.interpreting and not instance.availability.interpreter_ids(
            meeting.interpreting, slot, remote=meeting.remote
        ):
            reader.add(
                "fixed_no_interpreter",
                path,
                f"no interpreter for {sorted(meeting.interpreting)} in slot {slot!r}",
            )
    _check_fixed_interpreters(instance, reader)


def _check_fixed_table(instance, reader, meeting: Meeting, path: str, taken_tables) -> None:
    slot, table = meeting.fixed.slot, instance.table_by_id[meeting.fixed.table]
    if slot not in instance.slot_ids_for(table.available):
        reader.add(
            "fixed_table_unavailable",
            path,
            f"table {table.id!r} is not available in slot {slot!r}",
        )
    if table.seats < meeting.seats_needed:
        reader.add(
            "fixed_table_too_small",
            path,
            f"table {table.id!r} has {table.seats} seats; the meeting needs {meeting.seats_needed}",
        )
    if (other := taken_tables.setdefault((slot, table.id), meeting.id)) != meeting.id:
        reader.add(
            "fixed_table_taken",
            path,
            f"table {table.id!r} in slot {slot!r} is also fixed for {other!r}",
        )


def _check_fixed_interpreters(instance: Instance, reader) -> None:
    """The fixed interpreted meetings of one slot need one interpreter each (a bipartite
    matching, by augmenting paths)."""
    by_slot: dict[str, list[tuple[int, Meeting]]] = defaultdict(list)
    for index, meeting in enumerate(instance.meetings):
        if meeting.fixed is not None and meeting.interpreting:
            by_slot[meeting.fixed.slot].append((index, meeting))
    for slot, entries in by_slot.items():
        options = {
            meeting.id: instance.availability.interpreter_ids(
                meeting.interpreting, slot, remote=meeting.remote
            )
            for _index, meeting in entries
        }
        taken: dict[str, str] = {}  # interpreter -> meeting
        for index, meeting in entries:
            # A meeting without any option was reported above.
            if options[meeting.id] and not _augment(meeting.id, options, taken, set()):
                reader.add(
                    "fixed_no_interpreter",
                    f"meetings[{index}].fixed",
                    f"every interpreter for {sorted(meeting.interpreting)} in slot {slot!r} "
                    "is taken by another fixed meeting",
                )


def _augment(meeting_id: str, options: dict, taken: dict[str, str], seen: set[str]) -> bool:
    """Find an interpreter for the meeting, moving others along an augmenting path."""
    for interpreter_id in options[meeting_id]:
        if interpreter_id not in seen:
            seen.add(interpreter_id)
            if interpreter_id not in taken or _augment(taken[interpreter_id], options, taken, seen):
                taken[interpreter_id] = meeting_id
                return True
    return False


def why_impossible(instance: Instance, meeting: Meeting) -> Diagnosis | None:
    if meeting.fixed is not None:
        return None
    availability = instance.availability
    members = list(meeting.participants)
    if not availability.members_mask(meeting):
        return Diagnosis("impossible", {"cause": "no_common_slot", "participants": members})
    refusing = [m for m in members if instance.participant_by_id[m].max_meetings == 0]
    if refusing:
        return Diagnosis(
            "max_meetings_reached",
            {"participants": refusing, "max_meetings": [0] * len(refusing)},
        )
    if not meeting.remote and availability.largest_table < meeting.seats_needed:
        return Diagnosis(
            "no_table",
            {
                "variant": "too_small",
                "seats": meeting.seats_needed,
                "largest": availability.largest_table,
            },
        )
    languages = sorted(meeting.interpreting) if meeting.interpreting else None
    if meeting.interpreting and not availability.has_interpreter(meeting.interpreting):
        return Diagnosis("no_interpreter", {"variant": "none", "languages": languages})
    if (
        meeting.interpreting
        and meeting.remote
        and not availability.has_interpreter(meeting.interpreting, remote=True)
    ):
        return Diagnosis("no_interpreter", {"variant": "none_remote", "languages": languages})
    if not availability.candidate_mask(meeting):
        return Diagnosis(
            "impossible",
            {
                "cause": "no_resources",
                "participants": members,
                "seats": meeting.seats_needed,
                "languages": languages,
            },
        )
    return None
