"""The benchmark instance generator: counts, format, determinism and the variants' shapes."""

import json
import math
import subprocess
import sys
from collections import Counter

import pytest

from kakehashi.scheduling.generator import SIZES, VARIANTS, generate, per_slot_demand
from kakehashi.scheduling.instance import FORMAT, parse_instance


@pytest.fixture(scope="module")
def small():
    return {variant: generate("small", variant, seed=7) for variant in VARIANTS}


@pytest.mark.parametrize("variant", VARIANTS)
def test_small_has_the_stated_counts_and_parses_cleanly(small, variant):
    document = small[variant]
    assert document["format"] == FORMAT
    assert len(document["participants"]) == 200
    assert len(document["meetings"]) == 1_000
    assert len(document["slots"]) == 16
    instance = parse_instance(document)
    assert len(instance.meetings) == 1_000
    assert instance.impossible == {}
    assert {slot.day for slot in instance.slots} == {instance.slots[0].day}  # one day
    assert all(slot.start.utcoffset().total_seconds() == 7 * 3600 for slot in instance.slots)
    assert all((slot.end - slot.start).total_seconds() == 1800 for slot in instance.slots)
    # a pair (or a group) meets once
    keys = Counter(frozenset(meeting["participants"]) for meeting in document["meetings"])
    assert max(keys.values()) == 1


def test_medium_has_the_stated_counts_over_two_days():
    document = generate("medium", "realistic", seed=1)
    assert len(document["participants"]) == 1_000
    assert len(document["meetings"]) == 6_000
    assert len(document["slots"]) == 24
    assert len({slot["start"][:10] for slot in document["slots"]}) == 2


def test_sizes_are_the_issues():
    assert {name: (s.participants, s.meetings, s.slots) for name, s in SIZES.items()} == {
        "small": (200, 1_000, 16),
        "medium": (1_000, 6_000, 24),
        "large": (3_000, 20_000, 32),
        "huge": (5_000, 30_000, 40),
    }


@pytest.mark.parametrize("variant", VARIANTS)
def test_the_same_seed_gives_the_same_instance_and_another_seed_another(small, variant):
    assert generate("small", variant, seed=7) == small[variant]
    assert generate("small", variant, seed=8)["meetings"] != small[variant]["meetings"]


def test_two_sided_has_no_interpreting_and_no_windows(small):
    document = small["two-sided"]
    assert document["interpreters"] == []
    assert all(meeting["interpreting"] is None for meeting in document["meetings"])
    assert all(len(meeting["participants"]) == 2 for meeting in document["meetings"])
    assert all(meeting["weight"] == 1 for meeting in document["meetings"])
    assert all(p["available"] is None for p in document["participants"])
    assert all(p["max_meetings"] is None for p in document["participants"])
    assert all(table["available"] is None for table in document["tables"])
    # every meeting is between a Vietnamese and a Japanese participant
    assert all(
        sorted(member[:2] for member in meeting["participants"]) == ["jp", "vn"]
        for meeting in document["meetings"]
    )
    assert len(document["tables"]) == round(per_slot_demand(document))


def test_realistic_has_delegations_interpreting_windows_and_weights(small):
    document = small["realistic"]
    meetings = document["meetings"]
    sizes = Counter(len(meeting["participants"]) for meeting in meetings)
    assert set(sizes) == {2, 3, 4}
    assert 0.05 < (sizes[3] + sizes[4]) / len(meetings) < 0.20
    interpreted = sum(1 for meeting in meetings if meeting["interpreting"] == ["ja", "vi"])
    assert 0.30 < interpreted / len(meetings) < 0.50
    assert Counter(meeting["weight"] for meeting in meetings).keys() == {1, 2, 3}
    with_windows = sum(1 for p in document["participants"] if p["available"] is not None)
    assert 0.3 < with_windows / len(document["participants"]) < 0.9
    assert document["interpreters"]
    assert any(i["available"] is not None for i in document["interpreters"])
    assert {table["seats"] for table in document["tables"]} == {2, 4, 6}
    # tables bind, but not as much as in tight
    assert len(document["tables"]) < per_slot_demand(document)


def test_tight_has_tables_for_half_the_demand_and_scarce_interpreters(small):
    realistic, tight = small["realistic"], small["tight"]
    assert tight["meetings"] == realistic["meetings"]
    assert len(tight["tables"]) <= math.ceil(per_slot_demand(tight) / 2)
    interpreted_per_slot = sum(1 for m in tight["meetings"] if m["interpreting"]) / 16
    assert len(tight["interpreters"]) < interpreted_per_slot / 2
    assert len(tight["interpreters"]) < len(realistic["interpreters"])


def test_demand_is_skewed_towards_popular_participants(small):
    requested = Counter(
        member for meeting in small["two-sided"]["meetings"] for member in meeting["participants"]
    )
    # the most requested are asked for more meetings than the event has slots
    assert requested.most_common(1)[0][1] > 2 * 16
    assert sorted(requested.values())[len(requested) // 2] < 16


def test_members_of_every_meeting_share_an_available_slot(small):
    instance = parse_instance(small["tight"])
    assert all(instance.candidate_slots(meeting) for meeting in instance.meetings)


def test_unknown_size_or_variant_is_refused():
    with pytest.raises(ValueError, match="unknown size"):
        generate("enormous", "tight", seed=1)
    with pytest.raises(ValueError, match="unknown variant"):
        generate("small", "loose", seed=1)


def test_command_line_writes_the_instance_to_stdout():
    completed = subprocess.run(
        [sys.executable, "-m", "kakehashi.scheduling.generator", "small", "tight", "--seed", "3"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(completed.stdout) == generate("small", "tight", seed=3)


def test_remote_has_the_realistic_meetings_some_held_by_video(small):
    realistic, remote = small["realistic"], small["remote"]
    assert [{k: v for k, v in m.items() if k != "remote"} for m in remote["meetings"]] == (
        realistic["meetings"]
    )
    held_remotely = [meeting for meeting in remote["meetings"] if meeting["remote"]]
    assert 0.2 < len(held_remotely) / len(remote["meetings"]) < 0.5
    # meetings with a delegation are held by video too
    assert any(len(meeting["participants"]) > 2 for meeting in held_remotely)
    # tables for the meetings held in person only; some interpreters join by video
    assert len(remote["tables"]) < len(realistic["tables"])
    flags = [interpreter["remote"] for interpreter in remote["interpreters"]]
    assert any(flags) and not all(flags)
    assert all("remote" not in meeting for meeting in realistic["meetings"])
    instance = parse_instance(remote)
    assert instance.impossible == {}
    assert sum(meeting.remote for meeting in instance.meetings) == len(held_remotely)
