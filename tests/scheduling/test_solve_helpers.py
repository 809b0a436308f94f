"""Small hand-built instances for the solver, bound and baseline tests, and the validity check
every result goes through (the independent checker, check.py)."""

from kakehashi.scheduling.check import check
from kakehashi.scheduling.instance import FORMAT, parse_instance


def slots(count: int, *, day: str = "2026-03-10", first: str = "s") -> list[dict]:
    """`count` consecutive half-hour slots from 09:00 on `day`, named s1, s2, …"""
    out = []
    for index in range(count):
        start = 9 * 60 + 30 * index
        end = start + 30
        out.append(
            {
                "id": f"{first}{index + 1}",
                "start": f"{day}T{start // 60:02d}:{start % 60:02d}+07:00",
                "end": f"{day}T{end // 60:02d}:{end % 60:02d}+07:00",
            }
        )
    return out


def meeting(meeting_id, *members, weight=1, interpreting=None, fixed=None) -> dict:
    return {
        "id": meeting_id,
        "participants": list(members),
        "weight": weight,
        "interpreting": interpreting,
        "fixed": fixed,
    }


def build(
    meetings: list[dict],
    *,
    slot_count: int = 1,
    slot_list: list[dict] | None = None,
    tables: list[dict] | None = None,
    participants: dict[str, dict] | None = None,
    interpreters: list[dict] | None = None,
):
    """An instance: participants are the members of the meetings (available always, no
    maximum, unless `participants` says otherwise); by default one 4-seat table per
    meeting."""
    members = sorted({p for m in meetings for p in m["participants"]})
    overrides = participants or {}
    document = {
        "format": FORMAT,
        "slots": slot_list if slot_list is not None else slots(slot_count),
        "tables": tables
        if tables is not None
        else [{"id": f"t{i + 1}", "seats": 4, "available": None} for i in range(len(meetings))],
        "participants": [
            {"id": p, "available": None, "max_meetings": None, **overrides.get(p, {})}
            for p in sorted(set(members) | set(overrides))
        ],
        "interpreters": interpreters or [],
        "meetings": meetings,
    }
    return parse_instance(document)


def assert_valid(instance, result) -> dict:
    """The result keeps every rule (per the independent checker); returns its figures."""
    report = check(instance, result.to_json())
    assert report.violations == []
    return report.figures


def slot_of(result) -> dict[str, str]:
    return {a.meeting: a.slot for a in result.assignments}


def reasons(result) -> dict[str, str]:
    return {u.meeting: u.reason for u in result.unscheduled}


def brute_force_optimum(instance) -> int:
    """The greatest total weight, by trying every slot (or none) for every meeting: written
    from the rules alone, for instances of a handful of meetings."""
    return max(
        (sum(m.weight for m, _s in placed) for placed in valid_schedules(instance)), default=0
    )


def valid_schedules(instance):
    """Every valid schedule, as a list of (meeting, slot id), by trying every slot (or none)
    for every meeting: written from the rules alone, for instances of a handful of
    meetings."""
    from itertools import product

    slot_ids = [slot.id for slot in instance.slots]
    participants = instance.participant_by_id
    options = [
        [meeting.fixed.slot] if meeting.fixed else [None, *slot_ids]
        for meeting in instance.meetings
    ]
    for choice in product(*options):
        placed = [(m, s) for m, s in zip(instance.meetings, choice, strict=True) if s]
        count: dict[str, int] = {}
        busy: set[tuple[str, str]] = set()
        ok = True
        for meeting, slot_id in placed:
            for member in meeting.participants:
                participant = participants[member]
                count[member] = count.get(member, 0) + 1
                ok = ok and _available(participant.available, slot_id)
                ok = ok and (member, slot_id) not in busy
                ok = ok and (
                    participant.max_meetings is None or count[member] <= participant.max_meetings
                )
                busy.add((member, slot_id))
        ok = ok and all(
            _resources_fit(instance, [m for m, s in placed if s == slot_id], slot_id)
            for slot_id in slot_ids
        )
        if ok:
            yield placed


def _available(available, slot_id) -> bool:
    return available is None or slot_id in available


def _resources_fit(instance, meetings_here, slot_id) -> bool:
    """Some table per meeting (fixed ones at their own) and some interpreter per interpreted
    meeting, each used once: tried exhaustively."""
    from itertools import permutations

    fixed_tables = {m.fixed.table for m in meetings_here if m.fixed}
    tables = [
        t for t in instance.tables if _available(t.available, slot_id) and t.id not in fixed_tables
    ]
    movable = [m for m in meetings_here if not m.fixed]
    if len(movable) > len(tables) or not any(
        all(table.seats >= m.seats_needed for m, table in zip(movable, chosen, strict=True))
        for chosen in permutations(tables, len(movable))
    ):
        return False
    interpreted = [m for m in meetings_here if m.interpreting]
    interpreters = [i for i in instance.interpreters if _available(i.available, slot_id)]
    return len(interpreted) <= len(interpreters) and any(
        all(m.interpreting <= i.languages for m, i in zip(interpreted, chosen, strict=True))
        for chosen in permutations(interpreters, len(interpreted))
    )
