"""Seeded instance generator for the scheduler's benchmarks and tests.

`generate(size, variant, seed)` returns an instance document ("kakehashi-schedule/1") shaped
like a "Meet Japan" business-matching day: Vietnamese participants (provinces, agencies,
companies) and Japanese ones (prefectures, agencies, companies) who asked to meet each other.

Sizes (participants / meetings / 30-minute slots): small 200 / 1,000 / 16 (one day),
medium 1,000 / 6,000 / 24, large 3,000 / 20,000 / 32, huge 5,000 / 30,000 / 40 (two days
each). Each day has a morning and an afternoon half separated by a lunch break; times carry
+07:00.

Demand is skewed the way it is at real events: 5 % of the Japanese participants are "popular"
(asked by many provinces, about 2.5 requests per slot of the event), 3 % of the Vietnamese
ones about 1.5 per slot; everyone else draws a log-normal popularity. A pair meets at most once.

Variants:

- ``two-sided``: two-person Vietnamese–Japanese meetings, weight 1, every participant
  available all the time, no interpreting, no ``max_meetings``; tables (80 % two-seat, 20 %
  four-seat) as many as the meetings requested per slot. Only the participants bind.
- ``realistic``: plenary sessions (the first two slots of day one, the last two of the last
  day) block the 40 % of participants who attend them; 20 % of participants come for one
  half-day only, on two-day events another 20 % for one day; 10 % accept at most a few
  meetings. 12 % of meetings are with a delegation (3–4 people, who share their
  availability). 35 % of participants speak both languages; a meeting without such a member
  needs a vi–ja interpreter (about 40 % of meetings). Weights: 1 (60 %), 2 (25 %), 3 = must
  meet (15 %). Tables of 2/4/6 seats in proportion to the seats the meetings need, 70 % of
  the meetings requested per slot, a tenth of them rooms open in the afternoons only.
  Interpreters: 80 % of the interpreted meetings per slot, half of them for part of the event.
- ``tight``: as realistic, with tables at half the meetings requested per slot and
  interpreters at 35 % of the interpreted meetings per slot.
- ``remote``: the realistic meetings, but 25 % of the Japanese participants and 10 % of the
  Vietnamese ones join by video (a delegation together), so about a third of the meetings
  are remote: no table, and an interpreter who can join remotely (half of them can). Tables
  for 70 % of the in-person meetings per slot (`generator_resources.py`).

The document also carries ``"generator": {"size", "variant", "seed"}``, which parsers ignore.
Deterministic for a seed (one `random.Random(seed)`), pure Python, huge in under a second.
Command line: ``python -m kakehashi.scheduling.generator SIZE VARIANT --seed N > instance.json``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import random
import sys
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate

from kakehashi.scheduling.generator_resources import (
    make_interpreters,
    make_tables,
    mark_remote,
    mask,
    slot_list,
)
from kakehashi.scheduling.instance import FORMAT


@dataclass(frozen=True)
class Size:
    participants: int
    meetings: int
    slots: int
    days: int


SIZES: dict[str, Size] = {
    "small": Size(participants=200, meetings=1_000, slots=16, days=1),
    "medium": Size(participants=1_000, meetings=6_000, slots=24, days=2),
    "large": Size(participants=3_000, meetings=20_000, slots=32, days=2),
    "huge": Size(participants=5_000, meetings=30_000, slots=40, days=2),
}
VARIANTS = ("two-sided", "realistic", "tight", "remote")

FIRST_DAY = dt.date(2027, 3, 11)
TIME_ZONE = dt.timezone(dt.timedelta(hours=7))
SLOT_LENGTH = dt.timedelta(minutes=30)
VIETNAMESE_SHARE = 0.55
POPULAR_JAPANESE = 0.05  # share of Japanese participants that are popular
POPULAR_JAPANESE_DEMAND = 2.5  # their expected requests per slot of the event
POPULAR_VIETNAMESE = 0.03
POPULAR_VIETNAMESE_DEMAND = 1.5
BILINGUAL = 0.35  # (1 - 0.35)² ≈ 0.42 of two-person meetings need an interpreter
DELEGATION_MEETINGS = 0.12
PARTNER_TRIES = 30


@dataclass
class _Person:
    id: str
    side: str  # "vn" or "jp"
    available: int  # bit mask over slot positions
    bilingual: bool = False
    max_meetings: int | None = None
    delegation: tuple[int, ...] | None = None  # indices of the members, the leader first


@dataclass
class _Event:
    slot_ids: list[str]
    days: list[list[int]]  # slot positions of each day
    halves: list[list[int]]  # slot positions of each half-day, in time order
    plenary: list[int]  # slot positions of plenary sessions

    @property
    def everything(self) -> int:
        return (1 << len(self.slot_ids)) - 1


def generate(size: str, variant: str, seed: int) -> dict:
    """An instance document for `size` (small, medium, large, huge) and `variant`
    (two-sided, realistic, tight, remote), the same for the same seed."""
    if size not in SIZES:
        raise ValueError(f"unknown size {size!r}; choose from {', '.join(SIZES)}")
    if variant not in VARIANTS:
        raise ValueError(f"unknown variant {variant!r}; choose from {', '.join(VARIANTS)}")
    spec = SIZES[size]
    rng = random.Random(seed)
    event, slots = _slots(spec)
    windows = variant != "two-sided"

    people = _people(spec, event, rng, windows=windows)
    meetings = _meetings(spec, event, people, rng, variant=variant)
    if variant == "remote":
        mark_remote(meetings, people, rng)
    tables = make_tables(event, meetings, rng, variant=variant)
    interpreters = make_interpreters(event, meetings, rng, variant=variant)

    return {
        "format": FORMAT,
        "generator": {"size": size, "variant": variant, "seed": seed},
        "slots": slots,
        "tables": tables,
        "participants": [
            {
                "id": person.id,
                "available": slot_list(event, person.available),
                "max_meetings": person.max_meetings,
            }
            for person in people
        ],
        "interpreters": interpreters,
        "meetings": meetings,
    }


def per_slot_demand(document: dict) -> float:
    """Meetings requested per slot: the yardstick for the number of tables."""
    return len(document["meetings"]) / len(document["slots"])


# --- slots ---------------------------------------------------------------------------------


def _slots(spec: Size) -> tuple[_Event, list[dict]]:
    per_day = spec.slots // spec.days
    morning = math.ceil(per_day / 2)
    slots, days, halves = [], [], []
    for day_index in range(spec.days):
        date = FIRST_DAY + dt.timedelta(days=day_index)
        # Mornings end at noon (start no earlier than 07:30); afternoons start at 13:30.
        start = max(
            dt.datetime.combine(date, dt.time(12, 0), TIME_ZONE) - morning * SLOT_LENGTH,
            dt.datetime.combine(date, dt.time(7, 30), TIME_ZONE),
        )
        afternoon = dt.datetime.combine(date, dt.time(13, 30), TIME_ZONE)
        day = []
        for begin, count in ((start, morning), (afternoon, per_day - morning)):
            half = []
            for index in range(count):
                position = len(slots)
                slot_start = begin + index * SLOT_LENGTH
                slots.append(
                    {
                        "id": f"d{day_index + 1}-{slot_start:%H%M}",
                        "start": slot_start.isoformat(),
                        "end": (slot_start + SLOT_LENGTH).isoformat(),
                    }
                )
                half.append(position)
                day.append(position)
            halves.append(half)
        days.append(day)
    plenary = days[0][:2] + days[-1][-2:]
    event = _Event([slot["id"] for slot in slots], days, halves, plenary)
    return event, slots


# --- participants --------------------------------------------------------------------------


def _people(spec: Size, event: _Event, rng: random.Random, *, windows: bool) -> list[_Person]:
    vietnamese = round(spec.participants * VIETNAMESE_SHARE)
    people = [
        _Person(f"vn-{index + 1:04d}", "vn", event.everything) for index in range(vietnamese)
    ] + [
        _Person(f"jp-{index + 1:04d}", "jp", event.everything)
        for index in range(spec.participants - vietnamese)
    ]
    if not windows:
        return people
    plenary = mask(event.plenary)
    for person in people:
        person.bilingual = rng.random() < BILINGUAL
        draw = rng.random()
        if draw < 0.20:  # one half-day
            person.available = mask(rng.choice(event.halves))
        elif draw < 0.40 and len(event.days) > 1:  # one day
            person.available = mask(rng.choice(event.days))
        if rng.random() < 0.40:  # attends the plenary sessions
            person.available &= ~plenary
        if person.available == 0:  # a half-day that was all plenary
            person.available = mask(rng.choice(event.halves)) & ~plenary
        if rng.random() < 0.10:
            person.max_meetings = rng.randint(3, max(4, len(event.slot_ids) // 3))
    return people


def _form_delegations(people: list[_Person], rng: random.Random) -> list[tuple[int, ...]]:
    """Groups of 2–3 Vietnamese or 2 Japanese participants who attend some meetings together
    (a provincial leader with officials, a company president with the Vietnam manager). The
    members share the leader's availability."""
    delegations = []
    for side, share, sizes in (("vn", 0.12, (2, 3)), ("jp", 0.06, (2,))):
        indices = [index for index, person in enumerate(people) if person.side == side]
        rng.shuffle(indices)
        cursor, wanted = 0, int(len(indices) * share)
        while cursor < wanted:
            group_size = rng.choice(sizes)
            members = tuple(indices[cursor : cursor + group_size])
            cursor += group_size
            if len(members) < 2:
                break
            leader = people[members[0]]
            for member in members:
                people[member].available = leader.available
                people[member].delegation = members
                if member != members[0]:
                    people[member].max_meetings = leader.max_meetings
            delegations.append(members)
    return delegations


def _popularity(
    count: int,
    popular_share: float,
    popular_demand: float,
    *,
    meetings: int,
    slots: int,
    rng: random.Random,
) -> list[float]:
    """Sampling weights so that the popular few expect `popular_demand` requests per slot."""
    weights = [rng.lognormvariate(0.0, 0.5) for _ in range(count)]
    popular = max(1, round(count * popular_share))
    rest = sum(weights[popular:])
    target = popular_demand * slots
    if meetings > popular * target:
        popular_weight = target * rest / (meetings - popular * target)
        for index in range(popular):
            weights[index] = popular_weight * rng.uniform(0.8, 1.2)
    return weights


# --- meetings ------------------------------------------------------------------------------


class _Sampler:
    def __init__(self, indices: list[int], weights: list[float], rng: random.Random):
        self.indices = indices
        self.cumulative = list(accumulate(weights))
        self.rng = rng

    def draw(self) -> int:
        position = bisect_right(self.cumulative, self.rng.random() * self.cumulative[-1])
        return self.indices[min(position, len(self.indices) - 1)]


def _meetings(
    spec: Size, event: _Event, people: list[_Person], rng: random.Random, *, variant: str
) -> list[dict]:
    slots = len(event.slot_ids)
    samplers = {}
    for side, share, demand in (
        ("vn", POPULAR_VIETNAMESE, POPULAR_VIETNAMESE_DEMAND),
        ("jp", POPULAR_JAPANESE, POPULAR_JAPANESE_DEMAND),
    ):
        indices = [index for index, person in enumerate(people) if person.side == side]
        weights = _popularity(
            len(indices), share, demand, meetings=spec.meetings, slots=slots, rng=rng
        )
        samplers[side] = _Sampler(indices, weights, rng)

    two_sided = variant == "two-sided"
    delegations = [] if two_sided else _form_delegations(people, rng)
    delegation_samplers = {
        side: _Sampler(
            [index for index, group in enumerate(delegations) if people[group[0]].side == side],
            [1.0] * sum(1 for group in delegations if people[group[0]].side == side),
            rng,
        )
        for side in ("vn", "jp")
    }

    seen: set[tuple[int, ...]] = set()
    meetings = []
    while len(meetings) < spec.meetings:
        with_delegation = not two_sided and rng.random() < DELEGATION_MEETINGS
        members = None
        for _ in range(PARTNER_TRIES):
            members = _draw_members(
                people, samplers, delegations, delegation_samplers, rng, with_delegation
            )
            key = tuple(sorted(members))
            if key in seen or len(set(members)) != len(members):
                members = None
                continue
            common = event.everything
            for member in members:
                common &= people[member].available
            if common:
                seen.add(key)
                break
            members = None
        if members is None:
            continue  # a rare dead end: draw a new meeting
        meetings.append(_meeting(len(meetings), members, people, rng, two_sided=two_sided))
    return meetings


def _draw_members(people, samplers, delegations, delegation_samplers, rng, with_delegation):
    if not with_delegation:
        return [samplers["vn"].draw(), samplers["jp"].draw()]
    draw = rng.random()
    if draw < 0.6:  # a Vietnamese delegation (2–3) with a Japanese participant
        return [*delegations[delegation_samplers["vn"].draw()], samplers["jp"].draw()]
    if draw < 0.85:  # a Japanese delegation (2) with a Vietnamese participant
        return [samplers["vn"].draw(), *delegations[delegation_samplers["jp"].draw()]]
    # two delegations facing each other, kept to four people
    vietnamese = delegations[delegation_samplers["vn"].draw()][:2]
    return [*vietnamese, *delegations[delegation_samplers["jp"].draw()]]


def _meeting(number, members, people, rng, *, two_sided) -> dict:
    meeting = {"id": f"m-{number + 1:05d}", "participants": [people[m].id for m in members]}
    if two_sided:
        meeting["weight"] = 1
        meeting["interpreting"] = None
        return meeting
    draw = rng.random()
    meeting["weight"] = 3 if draw < 0.15 else 2 if draw < 0.40 else 1
    bilingual = any(people[member].bilingual for member in members)
    meeting["interpreting"] = None if bilingual else ["ja", "vi"]
    return meeting


# --- command line --------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m kakehashi.scheduling.generator",
        description="Write a seeded benchmark instance (kakehashi-schedule/1) to stdout.",
    )
    parser.add_argument("size", choices=list(SIZES))
    parser.add_argument("variant", choices=VARIANTS)
    parser.add_argument("--seed", type=int, default=1)
    arguments = parser.parse_args(argv)
    document = generate(arguments.size, arguments.variant, arguments.seed)
    json.dump(document, sys.stdout, ensure_ascii=False, separators=(",", ":"))
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
