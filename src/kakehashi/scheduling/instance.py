"""The scheduling instance (`"format": "kakehashi-schedule/1"`): parsing and validation.

parse_instance() checks everything it can and raises InstanceError with *every* problem
found, each with a code, the JSON path and a plain message, so an organiser can fix a file in
one go. A meeting that is well-formed but cannot take place (its members share no available
slot, no table is big enough, no interpreter covers its languages) is not an error: the solver
reports it as unscheduled with its reason (see `Instance.impossible`)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property

from kakehashi.scheduling.availability import Availability
from kakehashi.scheduling.diagnosis import Diagnosis, describe
from kakehashi.scheduling.feasibility import check_fixed_meetings, why_impossible

FORMAT = "kakehashi-schedule/1"


@dataclass(frozen=True)
class Problem:
    code: str
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message} [{self.code}]"


class InstanceError(ValueError):
    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(problem) for problem in problems))


@dataclass(frozen=True)
class Slot:
    id: str
    start: dt.datetime
    end: dt.datetime

    @property
    def day(self) -> dt.date:
        """The calendar day of the slot, in its own UTC offset."""
        return self.start.date()


@dataclass(frozen=True)
class Table:
    id: str
    seats: int
    available: frozenset[str] | None  # None: every slot


@dataclass(frozen=True)
class Participant:
    id: str
    available: frozenset[str] | None
    max_meetings: int | None


@dataclass(frozen=True)
class Interpreter:
    id: str
    languages: frozenset[str]
    available: frozenset[str] | None
    remote: bool = False  # can join a remote meeting (by video) as well as sit at a table

    def covers(self, pair: frozenset[str]) -> bool:
        return pair <= self.languages

    def serves(self, pair: frozenset[str], remote: bool) -> bool:
        """Covers the pair and, for a remote meeting, can join remotely."""
        return pair <= self.languages and (self.remote or not remote)


@dataclass(frozen=True)
class Fixed:
    slot: str
    table: str | None  # None for a remote meeting, which takes no table


@dataclass(frozen=True)
class Meeting:
    id: str
    participants: tuple[str, ...]
    weight: int = 1
    interpreting: frozenset[str] | None = None  # the two languages to interpret between
    fixed: Fixed | None = None
    remote: bool = False  # held by video: needs no table, and a remote interpreter

    @property
    def seats_needed(self) -> int:
        """Members plus the interpreter, if any; none for a remote meeting."""
        if self.remote:
            return 0
        return len(self.participants) + (1 if self.interpreting else 0)


@dataclass
class Instance:
    slots: list[Slot]
    tables: list[Table]
    participants: list[Participant]
    interpreters: list[Interpreter]
    meetings: list[Meeting]
    # Meetings that cannot take place whatever the schedule: the reason in English, and the
    # structured diagnosis it is written from.
    impossible: dict[str, str] = field(default_factory=dict)
    impossible_causes: dict[str, Diagnosis] = field(default_factory=dict)

    @cached_property
    def slot_by_id(self) -> dict[str, Slot]:
        return {slot.id: slot for slot in self.slots}

    @cached_property
    def slot_order(self) -> dict[str, int]:
        """Slot id -> position in time order."""
        ordered = sorted(self.slots, key=lambda slot: (slot.start, slot.id))
        return {slot.id: index for index, slot in enumerate(ordered)}

    @cached_property
    def table_by_id(self) -> dict[str, Table]:
        return {table.id: table for table in self.tables}

    @cached_property
    def participant_by_id(self) -> dict[str, Participant]:
        return {participant.id: participant for participant in self.participants}

    @cached_property
    def interpreter_by_id(self) -> dict[str, Interpreter]:
        return {interpreter.id: interpreter for interpreter in self.interpreters}

    @cached_property
    def meeting_by_id(self) -> dict[str, Meeting]:
        return {meeting.id: meeting for meeting in self.meetings}

    @cached_property
    def all_slot_ids(self) -> frozenset[str]:
        return frozenset(self.slot_by_id)

    @cached_property
    def availability(self) -> Availability:
        """Slot bitmasks per participant, per seat count and per language pair."""
        return Availability(self)

    def slot_ids_for(self, available: frozenset[str] | None) -> frozenset[str]:
        return self.all_slot_ids if available is None else available

    def candidate_slots(self, meeting: Meeting) -> list[str]:
        """Slots, in time order, in which every member is available and some table and (if
        needed) some interpreter could host the meeting. A fixed meeting has only its slot."""
        if meeting.fixed is not None:
            return [meeting.fixed.slot]
        availability = self.availability
        return availability.slot_ids(availability.candidate_mask(meeting))


def _parse_time(value, path: str, problems: list[Problem]) -> dt.datetime | None:
    if not isinstance(value, str):
        problems.append(Problem("bad_time", path, "must be an ISO 8601 date-time string"))
        return None
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        problems.append(Problem("bad_time", path, f"{value!r} is not an ISO 8601 date-time"))
        return None
    if parsed.tzinfo is None:
        problems.append(
            Problem("time_without_offset", path, f"{value!r} needs a UTC offset, e.g. +07:00")
        )
        return None
    return parsed


class _Reader:
    """Collects problems while reading the JSON document."""

    def __init__(self):
        self.problems: list[Problem] = []

    def add(self, code: str, path: str, message: str) -> None:
        self.problems.append(Problem(code, path, message))

    def items(self, data: dict, key: str, *, required: bool = True) -> list[dict]:
        value = data.get(key, None if required else [])
        if value is None and not required:
            return []
        if not isinstance(value, list):
            self.add("bad_list", key, "must be a list")
            return []
        good = []
        for index, item in enumerate(value):
            if not isinstance(item, dict):
                self.add("bad_item", f"{key}[{index}]", "must be an object")
            elif not isinstance(item.get("id"), str) or not item["id"]:
                self.add("bad_id", f"{key}[{index}].id", "must be a non-empty string")
            else:
                good.append((index, item))
        ids = Counter(item["id"] for _index, item in good)
        for index, item in good:
            if ids[item["id"]] > 1:
                self.add("duplicate_id", f"{key}[{index}].id", f"{item['id']!r} is used twice")
        return good

    def int_field(self, item, path, key, *, minimum, default=None, nullable=False):
        value = item.get(key, default)
        if value is None and nullable:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
            self.add("bad_number", f"{path}.{key}", f"must be an integer ≥ {minimum}")
            return None
        return value

    def bool_field(self, item, path, key) -> bool:
        value = item.get(key, False)
        if not isinstance(value, bool):
            self.add("bad_boolean", f"{path}.{key}", "must be true or false")
            return False
        return value

    def slot_set(self, item, path, slot_ids) -> frozenset[str] | None:
        value = item.get("available")
        if value is None:
            return None
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.add("bad_list", f"{path}.available", "must be a list of slot ids or null")
            return frozenset()
        for position, slot_id in enumerate(value):
            if slot_id not in slot_ids:
                self.add("unknown_slot", f"{path}.available[{position}]", f"no slot {slot_id!r}")
        return frozenset(value) & slot_ids


def parse_instance(data) -> Instance:
    """Read and check an instance document; raise InstanceError listing every problem."""
    reader = _Reader()
    if not isinstance(data, dict):
        raise InstanceError([Problem("bad_document", "$", "must be a JSON object")])
    if data.get("format") != FORMAT:
        reader.add("bad_format", "format", f"must be {FORMAT!r}")

    slots = []
    slot_items = reader.items(data, "slots")
    for index, item in slot_items:
        path = f"slots[{index}]"
        start = _parse_time(item.get("start"), f"{path}.start", reader.problems)
        end = _parse_time(item.get("end"), f"{path}.end", reader.problems)
        if start and end:
            if end <= start:
                reader.add("slot_ends_before_start", path, "end must be after start")
            else:
                slots.append(Slot(item["id"], start, end))
    latest = None  # of the slots seen so far, the one that ends last
    for slot in sorted(slots, key=lambda slot: slot.start):
        if latest is not None and slot.start < latest.end:
            reader.add(
                "slots_overlap", "slots", f"slots {latest.id!r} and {slot.id!r} overlap in time"
            )
        if latest is None or slot.end > latest.end:
            latest = slot
    # Ids as declared: a slot with a bad time is reported once, not at every reference to it.
    slot_ids = frozenset(item["id"] for _index, item in slot_items)

    tables = []
    table_items = reader.items(data, "tables")
    for index, item in table_items:
        path = f"tables[{index}]"
        seats = reader.int_field(item, path, "seats", minimum=2)
        available = reader.slot_set(item, path, slot_ids)
        if seats is not None:
            tables.append(Table(item["id"], seats, available))

    participants = []
    for index, item in reader.items(data, "participants"):
        path = f"participants[{index}]"
        maximum = reader.int_field(item, path, "max_meetings", minimum=0, nullable=True)
        participants.append(Participant(item["id"], reader.slot_set(item, path, slot_ids), maximum))
    participant_ids = {participant.id for participant in participants}

    interpreters = []
    for index, item in reader.items(data, "interpreters", required=False):
        path = f"interpreters[{index}]"
        languages = item.get("languages")
        if (
            not isinstance(languages, list)
            or not all(isinstance(code, str) and code for code in languages)
            or len(set(languages)) < 2
        ):
            reader.add("bad_languages", f"{path}.languages", "must list two languages or more")
            continue
        remote = reader.bool_field(item, path, "remote")
        interpreters.append(
            Interpreter(
                item["id"], frozenset(languages), reader.slot_set(item, path, slot_ids), remote
            )
        )

    meetings = []
    table_ids = {item["id"] for _index, item in table_items}
    for index, item in reader.items(data, "meetings"):
        meeting = _read_meeting(reader, index, item, participant_ids, slot_ids, table_ids)
        if meeting is not None:
            meetings.append(meeting)

    if reader.problems:
        raise InstanceError(reader.problems)
    instance = Instance(slots, tables, participants, interpreters, meetings)
    check_fixed_meetings(instance, reader)
    if reader.problems:
        raise InstanceError(reader.problems)
    instance.impossible_causes = {
        meeting.id: cause for meeting in meetings if (cause := why_impossible(instance, meeting))
    }
    instance.impossible = {
        meeting_id: describe(cause) for meeting_id, cause in instance.impossible_causes.items()
    }
    return instance


def _read_meeting(reader, index, item, participant_ids, slot_ids, table_ids) -> Meeting | None:
    path = f"meetings[{index}]"
    members = item.get("participants")
    if not isinstance(members, list) or not all(isinstance(m, str) for m in members):
        reader.add("bad_list", f"{path}.participants", "must be a list of participant ids")
        return None
    if len(set(members)) < 2:
        reader.add("too_few_members", f"{path}.participants", "needs two different participants")
    if len(set(members)) != len(members):
        reader.add("duplicate_member", f"{path}.participants", "lists a participant twice")
    for position, member in enumerate(members):
        if member not in participant_ids:
            reader.add(
                "unknown_participant",
                f"{path}.participants[{position}]",
                f"no participant {member!r}",
            )
    weight = reader.int_field(item, path, "weight", minimum=1, default=1)
    interpreting = item.get("interpreting")
    if interpreting is not None:
        if (
            not isinstance(interpreting, list)
            or len(interpreting) != 2
            or not all(isinstance(code, str) and code for code in interpreting)
            or len(set(interpreting)) != 2
        ):
            reader.add("bad_languages", f"{path}.interpreting", "must be two different languages")
            interpreting = None
        else:
            interpreting = frozenset(interpreting)
    remote = reader.bool_field(item, path, "remote")
    fixed = item.get("fixed")
    if fixed is not None:
        if not isinstance(fixed, dict):
            reader.add("bad_fixed", f"{path}.fixed", "must be an object with slot and table")
            fixed = None
        else:
            if not isinstance(fixed.get("slot"), str) or fixed["slot"] not in slot_ids:
                reader.add("unknown_slot", f"{path}.fixed.slot", f"no slot {fixed.get('slot')!r}")
            table = fixed.get("table")
            if remote:
                if table is not None:
                    reader.add(
                        "remote_meeting_table",
                        f"{path}.fixed.table",
                        "a remote meeting takes no table: leave it out or null",
                    )
            elif not isinstance(table, str) or table not in table_ids:
                reader.add("unknown_table", f"{path}.fixed.table", f"no table {table!r}")
            fixed = Fixed(str(fixed.get("slot")), None if remote else str(table))
    if weight is None:
        return None
    return Meeting(item["id"], tuple(members), weight, interpreting, fixed, remote)
