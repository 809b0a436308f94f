"""The baselines: first come, first served and the priority greedy — their rules of thumb,
and every result valid."""

import pytest

from kakehashi.scheduling.baselines import first_come_first_served, priority_greedy
from kakehashi.scheduling.generator import generate
from kakehashi.scheduling.instance import parse_instance
from tests.scheduling.test_solve import random_document
from tests.scheduling.test_solve_helpers import assert_valid, build, meeting, reasons, slot_of


def test_first_come_first_served_books_the_earliest_free_slot_in_request_order():
    instance = build(
        [meeting("ab", "a", "b"), meeting("ac", "a", "c"), meeting("bc", "b", "c")],
        slot_count=3,
    )

    result = first_come_first_served(instance)

    assert_valid(instance, result)
    assert slot_of(result) == {"ab": "s1", "ac": "s2", "bc": "s3"}
    assert result.stats["solver"] == "first-come-first-served"


def test_first_come_first_served_does_not_look_ahead():
    # c can only meet at s1, but ab asked first and took it for a.
    instance = build(
        [meeting("ab", "a", "b"), meeting("ac", "a", "c", weight=5)],
        slot_count=2,
        participants={"c": {"available": ["s1"]}},
    )

    result = first_come_first_served(instance)

    assert_valid(instance, result)
    assert slot_of(result) == {"ab": "s1"}
    assert reasons(result) == {
        "ac": "each possible slot is taken: in 1 slot (s1) a member is in another meeting ('a') "
        "— when its request came up (first come, first served)"
    }


def test_priority_greedy_places_the_heaviest_first():
    instance = build(
        [meeting("ab", "a", "b"), meeting("ac", "a", "c", weight=5)],
        slot_count=2,
        participants={"c": {"available": ["s1"]}},
    )

    result = priority_greedy(instance)

    assert_valid(instance, result)
    assert slot_of(result) == {"ac": "s1", "ab": "s2"}
    assert result.stats["solver"] == "priority-greedy"


def test_priority_greedy_breaks_ties_by_fewest_possible_slots():
    # Same weight: ac has one possible slot, so it goes first and ab takes s2.
    instance = build(
        [meeting("ab", "a", "b"), meeting("ac", "a", "c")],
        slot_count=2,
        participants={"c": {"available": ["s1"]}},
    )

    assert slot_of(priority_greedy(instance)) == {"ac": "s1", "ab": "s2"}


def test_priority_greedy_keeps_agendas_compact():
    # ab is fixed at s3; ac should sit next to it (s2 or s4), not at s1.
    instance = build(
        [meeting("ab", "a", "b", fixed={"slot": "s3", "table": "t1"}), meeting("ac", "a", "c")],
        slot_count=4,
    )

    result = priority_greedy(instance)

    assert_valid(instance, result)
    assert slot_of(result)["ac"] == "s2"
    assert result.stats["idle_gaps"] == 0


def test_priority_greedy_explains_what_it_left_out():
    instance = build(
        [meeting("heavy", "a", "b", weight=2), meeting("light", "a", "c")],
    )

    assert reasons(priority_greedy(instance)) == {
        "light": "each possible slot is taken: in 1 slot (s1) a member is in another meeting ('a') "
        "— once meetings of higher priority were placed"
    }


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_baselines_keep_every_rule_on_random_instances(seed):
    instance = parse_instance(random_document(seed))

    for baseline in (first_come_first_served, priority_greedy):
        result = baseline(instance)
        assert_valid(instance, result)
        assert result.upper_bound >= result.scheduled_weight


@pytest.mark.parametrize("variant", ["two-sided", "realistic", "tight"])
def test_baselines_keep_every_rule_on_generated_instances(variant):
    instance = parse_instance(generate("small", variant, 5))

    fcfs = first_come_first_served(instance, upper_bound=10**9)
    greedy = priority_greedy(instance, upper_bound=10**9)

    assert_valid(instance, fcfs)
    assert_valid(instance, greedy)
    assert greedy.scheduled_weight >= fcfs.scheduled_weight
