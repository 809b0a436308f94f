"""The aggregated model (aggregate.py): interchangeable slots counted as one, its schedules
given out slot by slot. A schedule it finds has the target's weight and keeps every rule; a
target it proves out of reach is out of reach (it is a relaxation); the target MIP falls
back on it when the cut-down slot model reaches its limit."""

from hypothesis import HealthCheck, given, settings

from kakehashi.scheduling.aggregate import FOUND, INFEASIBLE, Aggregated, slot_groups
from kakehashi.scheduling.assign import Occupancy
from kakehashi.scheduling.compiled import compile_instance
from kakehashi.scheduling.exact import adopt
from tests.scheduling.test_exact import odd_cycles
from tests.scheduling.test_solve_helpers import brute_force_optimum, build, meeting
from tests.scheduling.test_solve_properties import documents, with_optimum
from tests.scheduling.test_target import run_target


def find(instance, target: int):
    c = compile_instance(instance)
    aggregated = Aggregated(c, slot_groups(c), lambda: False)
    return c, aggregated, *aggregated.find(target)


def fits(c, schedule: dict[int, int]) -> bool:
    return adopt(Occupancy(c), schedule)


def weight(c, schedule: dict[int, int]) -> int:
    fixed = sum(c.weight[m] for slot in c.fixed_at for m in slot)
    return fixed + sum(c.weight[m] for m in schedule)


def four_meetings_of_one_participant():
    """a meets b, c, d and e; three interchangeable slots: three of the four, weight
    3 + 2 + 2."""
    return build(
        [
            meeting("ab", "a", "b", weight=3),
            meeting("ac", "a", "c", weight=2),
            meeting("ad", "a", "d", weight=2),
            meeting("ae", "a", "e"),
        ],
        slot_count=3,
    )


def test_slots_that_nothing_tells_apart_form_a_group():
    # "late" is busy in the first slot: its meeting may take the last two only.
    instance = build(
        [meeting("ab", "a", "b"), meeting("cl", "c", "late")],
        slot_count=3,
        participants={"late": {"available": ["s2", "s3"]}},
    )
    c = compile_instance(instance)

    assert slot_groups(c) == [[0], [1, 2]]


def test_a_group_of_slots_takes_as_many_meetings_as_it_has_slots():
    instance = four_meetings_of_one_participant()

    c, aggregated, outcome, schedule = find(instance, 7)

    assert slot_groups(c) == [[0, 1, 2]]
    assert outcome == FOUND
    assert weight(c, schedule) == 7 == brute_force_optimum(instance)
    assert sorted(schedule.values()) == [0, 1, 2]
    assert fits(c, schedule)
    assert find(instance, 8)[2] == INFEASIBLE


def test_a_group_that_cannot_be_given_out_is_solved_slot_by_slot():
    # A triangle over two slots: the group's rows allow all three meetings (each participant
    # has two), but two slots cannot hold them; the slot model does, for two of them.
    instance = odd_cycles(1)

    c, aggregated, outcome, schedule = find(instance, 2)

    assert outcome == FOUND
    assert weight(c, schedule) == 2 == brute_force_optimum(instance)
    assert fits(c, schedule)
    # 3 is out of reach: a valid proof or no proof, never a schedule.
    assert find(instance, 3)[2] != FOUND


def test_relabelling_keeps_the_searchs_slots_and_the_schedule_valid():
    instance = build([meeting("ab", "a", "b"), meeting("ac", "a", "c")], slot_count=2)
    c = compile_instance(instance)
    aggregated = Aggregated(c, slot_groups(c), lambda: False)
    search = [1, 0]  # the search has ab in the second slot, ac in the first

    relabelled = aggregated.relabel({0: 0, 1: 1}, search)

    assert relabelled == {0: 1, 1: 0}
    assert fits(c, relabelled)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_the_aggregated_model_finds_the_optimum_and_never_more(document):
    instance, c, optimum = with_optimum(document)

    _c, _aggregated, outcome, schedule = find(instance, optimum + 1)
    assert outcome != FOUND  # a relaxation: out of reach is never "found"
    _c, _aggregated, outcome, schedule = find(instance, optimum)
    assert outcome != INFEASIBLE  # nor is a reachable target ever proven out of reach
    if outcome == FOUND:
        assert weight(c, schedule) >= optimum
        assert fits(c, schedule) or not c.hall_exact


def test_the_target_mip_falls_back_on_the_aggregated_model():
    # No limit check for the cut-down slot model: the aggregated one finds the optimum.
    instance = four_meetings_of_one_participant()

    _c, occupancy, bound, target = run_target(instance, checks=0)

    stats = target.stats()
    assert bound == 7
    assert stats["found"] is True and stats["found_by"] == "aggregated"
    assert target.weight() == 7
    schedule, _work = target.closest(occupancy)
    assert adopt(occupancy, schedule) is True
