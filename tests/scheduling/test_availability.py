"""The cached slot availability (availability.py) gives exactly what the plain set
computation gives: candidate slots of every meeting and the reason a meeting is impossible,
on generated instances and on versions of them spoilt on purpose."""

import copy
import random

import pytest

from kakehashi.scheduling.generator import generate
from kakehashi.scheduling.instance import Instance, Meeting, parse_instance


def reference_candidates(instance: Instance, meeting: Meeting) -> list[str]:
    """The plain definition: a slot where every member, some table with enough seats and
    (if needed) some interpreter of the pair are all available."""
    if meeting.fixed is not None:
        return [meeting.fixed.slot]
    all_slots = set(instance.slot_by_id)

    def slots_of(available):
        return all_slots if available is None else set(available) & all_slots

    common = set(all_slots)
    for member in meeting.participants:
        common &= slots_of(instance.participant_by_id[member].available)
    tables = set()
    for table in instance.tables:
        if table.seats >= meeting.seats_needed:
            tables |= slots_of(table.available)
    common &= tables
    if meeting.interpreting:
        interpreters = set()
        for interpreter in instance.interpreters:
            if meeting.interpreting <= interpreter.languages:
                interpreters |= slots_of(interpreter.available)
        common &= interpreters
    return sorted(common, key=lambda slot_id: (instance.slot_by_id[slot_id].start, slot_id))


def reference_reason(instance: Instance, meeting: Meeting) -> str | None:
    if meeting.fixed is not None:
        return None
    members = [instance.participant_by_id[m] for m in meeting.participants]
    common = set(instance.slot_by_id)
    for member in members:
        if member.available is not None:
            common &= member.available
    if not common:
        return "its members share no available slot"
    if any(member.max_meetings == 0 for member in members):
        return "a member accepts no meetings (max_meetings is 0)"
    if not any(table.seats >= meeting.seats_needed for table in instance.tables):
        return f"no table has {meeting.seats_needed} seats"
    if meeting.interpreting and not any(
        meeting.interpreting <= interpreter.languages for interpreter in instance.interpreters
    ):
        return f"no interpreter covers {' and '.join(sorted(meeting.interpreting))}"
    if not reference_candidates(instance, meeting):
        return "no slot has the members, a large enough table and an interpreter all available"
    return None


def spoilt(document: dict, seed: int) -> dict:
    """Narrow windows, unknown language pairs, oversized meetings, members who accept none."""
    rng = random.Random(seed)
    document = copy.deepcopy(document)
    slots = [slot["id"] for slot in document["slots"]]
    participants = document["participants"]
    for participant in rng.sample(participants, len(participants) // 10):
        participant["available"] = rng.sample(slots, rng.randint(0, 3))
    for table in rng.sample(document["tables"], len(document["tables"]) // 3):
        table["available"] = rng.sample(slots, rng.randint(0, 4))
    for interpreter in document.get("interpreters", []):
        if rng.random() < 0.5:
            interpreter["available"] = rng.sample(slots, rng.randint(0, 3))
        if rng.random() < 0.2:
            interpreter["languages"] = ["en", "ko"]
    for meeting in rng.sample(document["meetings"], len(document["meetings"]) // 10):
        if rng.random() < 0.5:
            meeting["interpreting"] = rng.choice(
                [["vi", "ja"], ["en", "ja"], ["en", "ko"], ["fr", "de"]]
            )
        else:
            extra = [p["id"] for p in rng.sample(participants, rng.randint(1, 6))]
            meeting["participants"] = list(dict.fromkeys(meeting["participants"] + extra))
    for participant in rng.sample(participants, 5):
        participant["max_meetings"] = 0
    return document


@pytest.mark.parametrize("variant", ["two-sided", "realistic", "tight"])
@pytest.mark.parametrize("spoil", [False, True])
def test_candidate_slots_and_reasons_match_the_plain_computation(variant, spoil):
    document = generate("small", variant, 1)
    if spoil:
        document = spoilt(document, seed=len(variant))
    instance = parse_instance(document)

    expected_reasons = {
        meeting.id: reason
        for meeting in instance.meetings
        if (reason := reference_reason(instance, meeting))
    }
    assert instance.impossible == expected_reasons
    for meeting in instance.meetings:
        assert instance.candidate_slots(meeting) == reference_candidates(instance, meeting)
    if spoil:  # the spoilt instance does exercise every reason
        assert set(expected_reasons.values()) >= {
            "its members share no available slot",
            "a member accepts no meetings (max_meetings is 0)",
            "no interpreter covers de and fr",
        }
        if variant != "two-sided":  # two-sided: tables in every slot, no interpreters
            assert (
                "no slot has the members, a large enough table and an interpreter all available"
                in expected_reasons.values()
            )
        assert any(reason.startswith("no table has") for reason in expected_reasons.values())


def test_slots_are_listed_in_time_order_not_in_document_order():
    document = {
        "format": "kakehashi-schedule/1",
        "slots": [
            {"id": "late", "start": "2027-03-01T10:00+07:00", "end": "2027-03-01T10:30+07:00"},
            {"id": "early", "start": "2027-03-01T09:00+07:00", "end": "2027-03-01T09:30+07:00"},
            # 09:15 in Tokyo is 07:15 in Ho Chi Minh City: the earliest.
            {"id": "tokyo", "start": "2027-03-01T09:15+09:00", "end": "2027-03-01T09:45+09:00"},
        ],
        "tables": [
            {"id": "t1", "seats": 2, "available": ["late", "tokyo"]},
            {"id": "t2", "seats": 2, "available": ["early"]},
        ],
        "participants": [{"id": "a"}, {"id": "b"}],
        "meetings": [{"id": "m1", "participants": ["a", "b"]}],
    }
    instance = parse_instance(document)
    assert instance.candidate_slots(instance.meetings[0]) == ["tokyo", "early", "late"]
