"""The instance in index form, shared by the baselines, the LP bound and the search.

Everything becomes small integers: slots are numbered day by day in time order (so a day is a
contiguous range and a participant's agenda of a day is a bit mask), participants and
meetings keep their input order. Availability is a bit mask over slots, which keeps candidate
computation linear in the size of the instance even at 30,000 meetings × 40 slots.

Resources are aggregated per slot, exactly:

* tables: a meeting needs a table with at least `need` seats. Requirements are nested, so
  (Hall's theorem) the meetings of a slot fit on its tables iff for every seat threshold k,
  #meetings needing ≥ k seats ≤ #tables with ≥ k seats. Tables held by fixed meetings are
  taken out of their slot's pool, and fixed meetings out of the count. A remote meeting needs
  no table: its level is -1 and it takes part in no table count.
* interpreters: a meeting needs one interpreter covering its language pair. Meetings with the
  same pair have the same candidates, so (Hall again) they can all be served iff for every
  set P of demanded pairs, #meetings with a pair in P ≤ #interpreters covering a pair of P.
  With at most `EXACT_PAIRS` pairs every subset is listed (`hall_exact`); beyond that only the
  single pairs and the full set are — a relaxation, still a valid bound; the baselines and
  the search then check each placement with an exact matching (interpreting.py). A "pair" is
  a language pair and whether the meeting is remote: a remote meeting's pair is covered only by
  interpreters who can join remotely, so the same languages can appear as two pairs.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from kakehashi.scheduling.instance import Instance, InstanceError, Problem
from kakehashi.scheduling.interpreting import match_all

EXACT_PAIRS = 6
UNLIMITED = 1 << 30


def bits(mask: int) -> list[int]:
    """Positions of the set bits of mask, ascending."""
    out = []
    while mask:
        low = mask & -mask
        out.append(low.bit_length() - 1)
        mask ^= low
    return out


@dataclass
class Compiled:
    instance: Instance
    # slots, numbered by (day, time)
    slot_ids: list[str]
    slot_index: dict[str, int]
    day_of: list[int]
    day_start: list[int]  # first slot of each day
    day_mask: list[int]
    time_rank: list[int]  # position of the slot in plain time order
    # participants
    participant_ids: list[str]
    capacity: list[int]  # meetings still allowed besides the fixed ones (UNLIMITED if none)
    meetings_of: list[list[int]]  # schedulable meetings of each participant, input order
    fixed_busy: list[int]  # slots taken by the participant's fixed meetings
    # meetings, in input order
    meeting_ids: list[str]
    weight: list[int]
    members: list[tuple[int, ...]]
    need: list[int]  # seats: members, plus one with an interpreter
    level: list[int]  # index into thresholds of the meeting's need; -1: remote, no table
    pair: list[int]  # index into pairs, -1 without interpreting
    fixed_slot: list[int]  # -1 when not fixed
    candidates: list[tuple[int, ...]]  # possible slots, () if the meeting cannot be placed
    candidate_mask: list[int]
    # tables
    thresholds: list[int]  # distinct seat needs of movable meetings, ascending
    table_cap: list[list[int]]  # [slot][level]: free tables with ≥ thresholds[level] seats
    free_tables: list[list[int]]  # [slot]: indices into instance.tables, not held by fixed
    # interpreters
    pairs: list[tuple[str, str]]  # the languages of each pair (may repeat: see pair_remote)
    pair_remote: list[bool]  # the pair is for remote meetings (remote interpreters only)
    interpreter_covers: list[int]  # pair mask per interpreter (instance order)
    interpreters_at: list[list[int]]  # [slot]: interpreters available then
    hall_masks: list[int]
    hall_exact: bool
    hall_cap: list[list[int]]  # [slot][h]: interpreters covering some pair of hall_masks[h]
    fixed_hall: list[list[int]]  # [slot][h]: fixed meetings with a pair in hall_masks[h]
    fixed_at: list[list[int]]  # [slot]: fixed meetings

    @property
    def num_slots(self) -> int:
        return len(self.slot_ids)

    @property
    def num_meetings(self) -> int:
        return len(self.meeting_ids)

    @cached_property
    def num_columns(self) -> int:
        """Variables of the whole slot model: one per meeting and slot it may take."""
        return sum(len(slots) for slots in self.candidates)

    def day_gaps(self, busy: int) -> int:
        """Idle gaps of an agenda given as a slot mask, summed over days."""
        total = 0
        for day_mask in self.day_mask:
            used = busy & day_mask
            if used:
                first = (used & -used).bit_length() - 1
                last = used.bit_length() - 1
                total += last - first + 1 - used.bit_count()
        return total


def compile_instance(instance: Instance) -> Compiled:
    slots = sorted(instance.slots, key=lambda s: (s.day, instance.slot_order[s.id]))
    slot_ids = [slot.id for slot in slots]
    slot_index = {slot_id: t for t, slot_id in enumerate(slot_ids)}
    num_slots = len(slots)
    all_slots = (1 << num_slots) - 1
    day_of, day_start, day_mask = [], [], []
    for t, slot in enumerate(slots):
        if t == 0 or slot.day != slots[t - 1].day:
            day_start.append(t)
            day_mask.append(0)
        day_of.append(len(day_start) - 1)
        day_mask[-1] |= 1 << t
    time_rank = [instance.slot_order[slot_id] for slot_id in slot_ids]

    def mask_of(available) -> int:
        if available is None:
            return all_slots
        mask = 0
        for slot_id in available:
            mask |= 1 << slot_index[slot_id]
        return mask

    participant_ids = [p.id for p in instance.participants]
    participant_index = {pid: i for i, pid in enumerate(participant_ids)}
    participant_mask = [mask_of(p.available) for p in instance.participants]
    table_index = {table.id: i for i, table in enumerate(instance.tables)}
    table_mask = [mask_of(table.available) for table in instance.tables]
    interpreter_mask = [mask_of(i.available) for i in instance.interpreters]

    meetings = instance.meetings
    meeting_ids = [m.id for m in meetings]
    members = [tuple(participant_index[p] for p in m.participants) for m in meetings]
    need = [m.seats_needed for m in meetings]
    impossible = {i for i, m in enumerate(meetings) if m.id in instance.impossible}
    fixed_slot = [slot_index[m.fixed.slot] if m.fixed else -1 for m in meetings]

    def pair_key(m) -> tuple[str, str, bool]:
        a, b = sorted(m.interpreting)
        return (a, b, m.remote)

    pair_keys = sorted({pair_key(m) for m in meetings if m.interpreting})
    pair_index = {key: i for i, key in enumerate(pair_keys)}
    pair = [pair_index[pair_key(m)] if m.interpreting else -1 for m in meetings]
    pairs = [(a, b) for a, b, _remote in pair_keys]
    pair_remote = [remote for _a, _b, remote in pair_keys]
    interpreter_covers = []
    for interpreter in instance.interpreters:
        covers = 0
        for i, (a, b, remote) in enumerate(pair_keys):
            if interpreter.serves(frozenset((a, b)), remote):
                covers |= 1 << i
        interpreter_covers.append(covers)

    fixed_at: list[list[int]] = [[] for _ in range(num_slots)]
    fixed_tables: list[set[int]] = [set() for _ in range(num_slots)]
    fixed_busy = [0] * len(participant_ids)
    fixed_count = [0] * len(participant_ids)
    for m, t in enumerate(fixed_slot):
        if t >= 0:
            fixed_at[t].append(m)
            if meetings[m].fixed.table is not None:
                fixed_tables[t].add(table_index[meetings[m].fixed.table])
            for p in members[m]:
                fixed_busy[p] |= 1 << t
                fixed_count[p] += 1
    capacity = []
    for p, participant in enumerate(instance.participants):
        if participant.max_meetings is None:
            capacity.append(UNLIMITED)
        else:
            capacity.append(max(0, participant.max_meetings - fixed_count[p]))

    # Tables: free pools per slot and capacity per seat threshold.
    movable = [m for m in range(len(meetings)) if fixed_slot[m] < 0 and m not in impossible]
    thresholds = sorted({need[m] for m in movable if not meetings[m].remote})
    level_of = {seats: k for k, seats in enumerate(thresholds)}
    level = [-1 if m.remote else level_of.get(m.seats_needed, -1) for m in meetings]
    free_tables = [
        [j for j in range(len(instance.tables)) if table_mask[j] >> t & 1 and j not in held]
        for t, held in enumerate(fixed_tables)
    ]
    table_cap = []
    for t in range(num_slots):
        seats = sorted(instance.tables[j].seats for j in free_tables[t])
        caps, j = [], 0
        for threshold in thresholds:
            while j < len(seats) and seats[j] < threshold:
                j += 1
            caps.append(len(seats) - j)
        table_cap.append(caps)

    # Interpreters: Hall constraints per slot over sets of language pairs.
    hall_exact = len(pairs) <= EXACT_PAIRS
    if hall_exact:
        hall_masks = list(range(1, 1 << len(pairs)))
    else:
        hall_masks = [1 << i for i in range(len(pairs))] + [(1 << len(pairs)) - 1]
    interpreters_at = [
        [i for i, mask in enumerate(interpreter_mask) if mask >> t & 1 and interpreter_covers[i]]
        for t in range(num_slots)
    ]
    hall_cap = [
        [sum(1 for i in interpreters_at[t] if interpreter_covers[i] & h) for h in hall_masks]
        for t in range(num_slots)
    ]
    fixed_hall = [
        [sum(1 for m in fixed_at[t] if pair[m] >= 0 and h >> pair[m] & 1) for h in hall_masks]
        for t in range(num_slots)
    ]
    _check_fixed_interpreters(
        instance, fixed_at, pair, interpreters_at, interpreter_covers, len(pairs), slot_ids
    )

    # Candidate slots.
    need_mask = [0] * len(thresholds)
    for t in range(num_slots):
        for k, cap in enumerate(table_cap[t]):
            if cap > 0:
                need_mask[k] |= 1 << t
    pair_mask = [0] * len(pairs)
    for t in range(num_slots):
        for i in range(len(pairs)):
            if all(
                fixed_hall[t][h] < hall_cap[t][h]
                for h, hmask in enumerate(hall_masks)
                if hmask >> i & 1
            ):
                pair_mask[i] |= 1 << t
    candidates: list[tuple[int, ...]] = []
    candidate_mask = []
    for m in range(len(meetings)):
        if fixed_slot[m] >= 0:
            mask = 1 << fixed_slot[m]
        elif m in impossible or any(capacity[p] == 0 for p in members[m]):
            mask = 0
        else:
            mask = need_mask[level[m]] if level[m] >= 0 else all_slots
            if pair[m] >= 0:
                mask &= pair_mask[pair[m]]
            for p in members[m]:
                mask &= participant_mask[p] & ~fixed_busy[p]
        candidate_mask.append(mask)
        candidates.append(tuple(bits(mask)))

    meetings_of: list[list[int]] = [[] for _ in participant_ids]
    for m in range(len(meetings)):
        if fixed_slot[m] < 0 and candidates[m]:
            for p in members[m]:
                meetings_of[p].append(m)

    return Compiled(
        instance=instance,
        slot_ids=slot_ids,
        slot_index=slot_index,
        day_of=day_of,
        day_start=day_start,
        day_mask=day_mask,
        time_rank=time_rank,
        participant_ids=participant_ids,
        capacity=capacity,
        meetings_of=meetings_of,
        fixed_busy=fixed_busy,
        meeting_ids=meeting_ids,
        weight=[m.weight for m in meetings],
        members=members,
        need=need,
        level=level,
        pair=pair,
        fixed_slot=fixed_slot,
        candidates=candidates,
        candidate_mask=candidate_mask,
        thresholds=thresholds,
        table_cap=table_cap,
        free_tables=free_tables,
        pairs=pairs,
        pair_remote=pair_remote,
        interpreter_covers=interpreter_covers,
        interpreters_at=interpreters_at,
        hall_masks=hall_masks,
        hall_exact=hall_exact,
        hall_cap=hall_cap,
        fixed_hall=fixed_hall,
        fixed_at=fixed_at,
    )


def _check_fixed_interpreters(
    instance, fixed_at, pair, interpreters_at, covers, num_pairs, slot_ids
):
    problems = []
    for t, fixed in enumerate(fixed_at):
        interpreted = [m for m in fixed if pair[m] >= 0]
        if (
            interpreted
            and match_all(interpreted, pair, interpreters_at[t], covers, num_pairs) is None
        ):
            names = ", ".join(repr(instance.meetings[m].id) for m in interpreted)
            index = min(interpreted)
            problems.append(
                Problem(
                    "fixed_interpreters_short",
                    f"meetings[{index}].fixed",
                    f"the fixed meetings {names} in slot {slot_ids[t]!r} need more interpreters "
                    "than are available then",
                )
            )
    if problems:
        raise InstanceError(problems)
