"""The idle-gap lower bound (gapbound.py): exact on one participant's own slots, never above
the idle gaps of any schedule with the same meetings per participant and day (checked by
brute force on small random instances), and reported beside the gaps found."""

from collections import defaultdict

from hypothesis import HealthCheck, given, settings

from kakehashi.scheduling.compiled import compile_instance
from kakehashi.scheduling.figures import idle_gaps
from kakehashi.scheduling.gapbound import fewest_gaps, idle_gap_bound
from kakehashi.scheduling.generator import generate
from kakehashi.scheduling.instance import InstanceError, parse_instance
from kakehashi.scheduling.result import Assignment
from kakehashi.scheduling.solve import solve
from tests.scheduling.test_solve_helpers import (
    assert_valid,
    build,
    meeting,
    slots,
    valid_schedules,
)
from tests.scheduling.test_solve_properties import documents


def test_fewest_gaps_on_runs_of_available_slots():
    # Slots 0 1 _ 3 4: two fit in a run, three cannot without a gap.
    assert fewest_gaps([0, 1, 3, 4], [], 2) == 0
    assert fewest_gaps([0, 1, 3, 4], [], 3) == 1
    assert fewest_gaps([0, 1, 3, 4], [], 4) == 1
    assert fewest_gaps([0, 3, 6], [], 2) == 2
    assert fewest_gaps([0, 1, 2], [], 1) == 0


def test_fewest_gaps_keeps_the_fixed_meetings_inside_the_span():
    # A fixed meeting at 4: two meetings at best 3 and 4.
    assert fewest_gaps([0, 1, 3, 4], [4], 2) == 0
    # Fixed at 0 and 4: the span is forced, whatever else is chosen.
    assert fewest_gaps([0, 1, 3, 4], [0, 4], 2) == 3
    assert fewest_gaps([0, 1, 3, 4], [0, 4], 3) == 2
    assert fewest_gaps([0, 1, 3, 4], [0, 4], 4) == 1


def _bound_of(instance, placed) -> int:
    c = compile_instance(instance)
    busy = [0] * len(c.participant_ids)
    index = {p: i for i, p in enumerate(c.participant_ids)}
    for meeting_, slot_id in placed:
        for member in meeting_.participants:
            busy[index[member]] |= 1 << c.slot_index[slot_id]
    return idle_gap_bound(c, busy)


def _gaps_of(instance, placed) -> int:
    return idle_gaps(instance, [Assignment(m.id, s, None) for m, s in placed])


def _counts(instance, placed) -> tuple:
    """Meetings per participant and day: what the bound depends on."""
    count: dict = defaultdict(int)
    for meeting_, slot_id in placed:
        day = instance.slot_by_id[slot_id].day
        for member in meeting_.participants:
            count[(member, day)] += 1
    return tuple(sorted(count.items()))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents(max_slots=4, max_meetings=4))
def test_the_bound_is_never_above_the_gaps_of_a_schedule_with_the_same_counts(document):
    try:
        instance = parse_instance(document)
    except InstanceError:
        return
    fewest: dict = {}
    bounds: dict = {}
    for placed in valid_schedules(instance):
        key = _counts(instance, placed)
        gaps = _gaps_of(instance, placed)
        fewest[key] = min(gaps, fewest.get(key, gaps))
        if key not in bounds:
            bounds[key] = _bound_of(instance, placed)
    for key, bound in bounds.items():
        assert 0 <= bound <= fewest[key]


def test_the_bound_is_reached_when_availability_forces_the_gaps():
    # a is there at s1, s2, s4 and s5 and meets b, c and d, who are always there: one gap
    # at best, and the solver finds an agenda with exactly one.
    instance = build(
        [meeting("ab", "a", "b"), meeting("ac", "a", "c"), meeting("ad", "a", "d")],
        slot_count=5,
        participants={"a": {"available": ["s1", "s2", "s4", "s5"]}},
    )

    result = solve(instance, time_limit=5, seed=0)

    assert_valid(instance, result)
    assert result.stats["idle_gap_bound"] == result.stats["idle_gaps"] == 1


def test_fixed_meetings_at_both_ends_force_the_gaps():
    instance = build(
        [
            meeting("early", "a", "b", fixed={"slot": "s1", "table": "t1"}),
            meeting("late", "a", "c", fixed={"slot": "s4", "table": "t2"}),
            meeting("ad", "a", "d"),
        ],
        slot_count=4,
    )

    result = solve(instance, time_limit=5, seed=0)

    # a is busy at s1 and s4 and one slot between: one gap whatever the schedule.
    assert result.stats["idle_gap_bound"] == result.stats["idle_gaps"] == 1


def test_the_bound_is_reported_for_every_generated_variant_and_never_above_the_gaps():
    for variant in ("two-sided", "realistic", "tight"):
        instance = parse_instance(generate("small", variant, 3))
        result = solve(instance, time_limit=3, seed=0)
        stats = result.stats
        assert 0 <= stats["idle_gap_bound"] <= stats["idle_gaps"]


def test_a_gap_bound_on_two_days_counts_each_day_on_its_own():
    # a meets b on day one and c and d on day two, where a is there at d1 and d3 only.
    slot_list = slots(2) + slots(3, day="2026-03-11", first="d")
    instance = build(
        [meeting("ab", "a", "b"), meeting("ac", "a", "c"), meeting("ad", "a", "d")],
        slot_list=slot_list,
        participants={
            "a": {"available": ["s1", "d1", "d3"]},
            "c": {"available": ["d1", "d2", "d3"]},
            "d": {"available": ["d1", "d2", "d3"]},
            "b": {"available": ["s1", "s2"]},
        },
    )

    result = solve(instance, time_limit=5, seed=0)

    assert result.scheduled_weight == 3
    assert result.stats["idle_gap_bound"] == result.stats["idle_gaps"] == 1
