"""What the generated meetings need (for `generator.py`): tables, interpreters and, in the
``remote`` variant, which meetings are held by video.

``remote``: as realistic, but 25 % of the Japanese participants and 10 % of the Vietnamese
ones join by video (a delegation together); a meeting with one of them is remote, needs no
table and, when interpreted, an interpreter who can join remotely (half of them can). Tables
are sized on the meetings held in person.
"""

from __future__ import annotations

TABLE_SHARE = {"two-sided": 1.0, "realistic": 0.7, "tight": 0.5, "remote": 0.7}
INTERPRETER_SHARE = {"realistic": 0.8, "tight": 0.35, "remote": 0.8}
REMOTE_ATTENDANCE = {"jp": 0.25, "vn": 0.10}  # share of each side that joins by video
REMOTE_INTERPRETERS = 0.5  # share of the interpreters who can also join by video


def mask(positions) -> int:
    bits = 0
    for position in positions:
        bits |= 1 << position
    return bits


def slot_list(event, bits: int) -> list[str] | None:
    if bits == event.everything:
        return None
    return [slot_id for position, slot_id in enumerate(event.slot_ids) if bits >> position & 1]


def mark_remote(meetings: list[dict], people, rng) -> None:
    """The remote variant: who joins by video (a delegation with its leader), and so which
    meetings are remote."""
    remote = [rng.random() < REMOTE_ATTENDANCE[person.side] for person in people]
    by_id = {
        person.id: remote[person.delegation[0] if person.delegation else index]
        for index, person in enumerate(people)
    }
    for meeting in meetings:
        meeting["remote"] = any(by_id[member] for member in meeting["participants"])


def _seats_needed(meeting: dict) -> int:
    return len(meeting["participants"]) + (1 if meeting["interpreting"] else 0)


def make_tables(event, meetings, rng, *, variant) -> list[dict]:
    """Tables for TABLE_SHARE of the meetings held in person per slot."""
    in_person = [meeting for meeting in meetings if not meeting.get("remote")]
    slots = len(event.slot_ids)
    total = max(1, round(len(in_person) / slots * TABLE_SHARE[variant]))
    if variant == "two-sided":
        by_seats = {2: total - total // 5, 4: total // 5, 6: 0}
    else:
        needs = {2: 0, 4: 0, 6: 0}
        for meeting in in_person:
            seats = _seats_needed(meeting)
            needs[2 if seats <= 2 else 4 if seats <= 4 else 6] += 1
        six = max(1, round(total * needs[6] / len(in_person)))
        four = max(1, round(total * needs[4] / len(in_person)))
        by_seats = {2: max(0, total - four - six), 4: four, 6: six}
    afternoons = mask(p for half in event.halves[1::2] for p in half)
    out = []
    for seats in (2, 4, 6):
        for index in range(by_seats[seats]):
            table = {"id": f"t{seats}-{index + 1:03d}", "seats": seats, "available": None}
            if variant != "two-sided" and rng.random() < 0.10:
                table["available"] = slot_list(event, afternoons)  # a room for the afternoons
            out.append(table)
    return out


def make_interpreters(event, meetings, rng, *, variant) -> list[dict]:
    if variant == "two-sided":
        return []
    interpreted = sum(1 for meeting in meetings if meeting["interpreting"])
    count = max(1, round(interpreted / len(event.slot_ids) * INTERPRETER_SHARE[variant]))
    out = []
    for index in range(count):
        languages = ["en", "ja", "vi"] if rng.random() < 0.10 else ["ja", "vi"]
        draw = rng.random()
        if draw < 0.5:
            available = event.everything
        elif draw < 0.75 and len(event.days) > 1:
            available = mask(rng.choice(event.days))
        else:  # morning or afternoon halves of every day
            parity = rng.randrange(2)
            available = mask(p for half in event.halves[parity::2] for p in half)
        interpreter = {
            "id": f"i-{index + 1:03d}",
            "languages": languages,
            "available": slot_list(event, available),
        }
        if variant == "remote":
            interpreter["remote"] = rng.random() < REMOTE_INTERPRETERS
        out.append(interpreter)
    return out
