"""Which slots a meeting could take place in, computed once per instance.

A meeting's candidate slots are those in which all its members are available, some table with
enough seats is available (not for a remote meeting, which takes none) and (when it needs one)
some interpreter for its language pair is available (for a remote meeting, one who can join
remotely). Tens of thousands of meetings share a handful of seat counts and language pairs, so
the table and interpreter sides are computed once per seat count and once per pair and kept as
bitmasks over the slots in time order (bit i = the i-th slot in `Instance.slot_order`); a
meeting's candidates are then a few integer ANDs."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kakehashi.scheduling.instance import Instance, Meeting


class Availability:
    def __init__(self, instance: Instance):
        self.instance = instance
        order = instance.slot_order  # slot id -> position in time order
        self.bit = {slot_id: 1 << position for slot_id, position in order.items()}
        self.ordered_ids = sorted(order, key=order.__getitem__)
        self.all_slots = (1 << len(order)) - 1
        self.participant_mask = {
            participant.id: self.mask_of(participant.available)
            for participant in instance.participants
        }
        self.largest_table = max((table.seats for table in instance.tables), default=0)
        self.table_masks = [self.mask_of(table.available) for table in instance.tables]
        self.interpreter_masks = [
            self.mask_of(interpreter.available) for interpreter in instance.interpreters
        ]
        self._tables_for: dict[int, int] = {}
        self._interpreters_for: dict[tuple[frozenset[str], bool], int] = {}
        self._interpreter_ids: dict[tuple[frozenset[str], str | None, bool], list[str]] = {}

    def mask_of(self, available: frozenset[str] | None) -> int:
        """The slots as a bitmask; ids that are not slots of the instance are left out."""
        if available is None:
            return self.all_slots
        mask = 0
        for slot_id in available:
            mask |= self.bit.get(slot_id, 0)
        return mask

    def slot_ids(self, mask: int) -> list[str]:
        """The slot ids of a mask, in time order."""
        ids = []
        while mask:
            low = mask & -mask
            ids.append(self.ordered_ids[low.bit_length() - 1])
            mask ^= low
        return ids

    def members_mask(self, meeting: Meeting) -> int:
        """Slots in which every member of the meeting is available."""
        mask = self.all_slots
        for participant_id in meeting.participants:
            mask &= self.participant_mask[participant_id]
        return mask

    def tables_mask(self, seats: int) -> int:
        """Slots in which some table with at least this many seats is available."""
        mask = self._tables_for.get(seats)
        if mask is None:
            mask = 0
            for table, table_mask in zip(self.instance.tables, self.table_masks, strict=True):
                if table.seats >= seats:
                    mask |= table_mask
            self._tables_for[seats] = mask
        return mask

    def interpreters_mask(self, pair: frozenset[str], *, remote: bool = False) -> int:
        """Slots in which some interpreter covering the language pair (and, for a remote
        meeting, able to join remotely) is available."""
        key = (pair, remote)
        mask = self._interpreters_for.get(key)
        if mask is None:
            mask = 0
            interpreters = zip(self.instance.interpreters, self.interpreter_masks, strict=True)
            for interpreter, interpreter_mask in interpreters:
                if interpreter.serves(pair, remote):
                    mask |= interpreter_mask
            self._interpreters_for[key] = mask
        return mask

    def has_interpreter(self, pair: frozenset[str], *, remote: bool = False) -> bool:
        """Whether any interpreter covers the pair (available or not)."""
        return bool(self.interpreter_ids(pair, None, remote=remote))

    def interpreter_ids(
        self, pair: frozenset[str], slot_id: str | None, *, remote: bool = False
    ) -> list[str]:
        """Interpreters, in instance order, who cover the pair (and for a remote meeting can
        join remotely) and (unless slot_id is None) are available in the slot."""
        key = (pair, slot_id, remote)
        ids = self._interpreter_ids.get(key)
        if ids is None:
            bit = self.all_slots if slot_id is None else self.bit.get(slot_id, 0)
            interpreters = zip(self.instance.interpreters, self.interpreter_masks, strict=True)
            ids = [
                interpreter.id
                for interpreter, interpreter_mask in interpreters
                if interpreter.serves(pair, remote) and (slot_id is None or interpreter_mask & bit)
            ]
            self._interpreter_ids[key] = ids
        return ids

    def candidate_mask(self, meeting: Meeting) -> int:
        """Candidate slots of a meeting that is not fixed, as a mask. A remote meeting needs
        no table."""
        mask = self.members_mask(meeting)
        if not meeting.remote:
            mask &= self.tables_mask(meeting.seats_needed)
        if mask and meeting.interpreting:
            mask &= self.interpreters_mask(meeting.interpreting, remote=meeting.remote)
        return mask
