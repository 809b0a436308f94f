"""The fairness phase: among schedules of the greatest weight found, fewer participants with
none of their requested meetings — never at the cost of weight."""

from kakehashi.scheduling.baselines import priority_greedy
from kakehashi.scheduling.instance import parse_instance
from kakehashi.scheduling.solve import solve
from tests.scheduling.test_solve import random_document, without_time
from tests.scheduling.test_solve_helpers import assert_valid, build, meeting, slot_of

ONE_TABLE = [{"id": "t1", "seats": 2}]


def test_everyone_is_served_when_a_schedule_of_the_same_weight_allows_it():
    # Two slots, one table: two meetings fit. The greedy takes ab, then ac (a is busy in s1,
    # so s2), and cd finds no table: d has none of their meetings. {ab, cd} weighs as much
    # and serves everyone.
    instance = build(
        [meeting("ab", "a", "b"), meeting("ac", "a", "c"), meeting("cd", "c", "d")],
        slot_count=2,
        tables=ONE_TABLE,
    )
    assert set(slot_of(priority_greedy(instance))) == {"ab", "ac"}
    plain = solve(instance, time_limit=20, fairness=False)
    assert set(slot_of(plain)) == {"ab", "ac"}
    assert assert_valid(instance, plain)["without_meeting"] == 1

    result = solve(instance, time_limit=20)

    figures = assert_valid(instance, result)
    assert set(slot_of(result)) == {"ab", "cd"}
    assert result.scheduled_weight == plain.scheduled_weight == 2
    assert figures["without_meeting"] == 0
    assert result.stats["without_meeting"] == 0
    assert result.stats["fairness"] == {
        "without_meeting_before": 1,
        "without_meeting_after": 0,
        "weight_gained": 0,
        "idle_gaps_added": 0,
        "steps": 1,
        "work_units": result.stats["fairness"]["work_units"],
    }


def test_nobody_is_served_at_the_cost_of_weight():
    # Serving d means cd (1) instead of ac (2): the schedule keeps ab and ac, and d goes
    # without.
    instance = build(
        [
            meeting("ab", "a", "b", weight=2),
            meeting("ac", "a", "c", weight=2),
            meeting("cd", "c", "d", weight=1),
        ],
        slot_count=2,
        tables=ONE_TABLE,
    )

    result = solve(instance, time_limit=20)

    figures = assert_valid(instance, result)
    assert set(slot_of(result)) == {"ab", "ac"}
    assert result.scheduled_weight == result.upper_bound == 4
    assert figures["without_meeting"] == 1
    assert result.stats["fairness"]["without_meeting_after"] == 1


def test_a_must_meet_meeting_is_not_dropped_for_two_participants_without_one():
    # One slot, one table: "must meet" ab (3) or cd (1); serving c and d would cost 2.
    instance = build(
        [meeting("ab", "a", "b", weight=3), meeting("cd", "c", "d", weight=1)],
        tables=ONE_TABLE,
    )

    result = solve(instance, time_limit=20)

    assert_valid(instance, result)
    assert slot_of(result) == {"ab": "s1"}
    assert result.stats["without_meeting"] == 2


def test_the_phase_keeps_the_weight_and_serves_no_fewer_on_mixed_events():
    # Mid-sized instances with windows, delegations, interpreters and scarce tables: the
    # run with the phase weighs at least as much as the one without, and leaves no more
    # participants without a meeting.
    served_more = 0
    for seed in range(1, 7):
        instance = parse_instance(random_document(seed))
        plain = solve(instance, time_limit=30, seed=0, fairness=False)
        fair = solve(instance, time_limit=30, seed=0)

        assert fair.stats["stopped"] != "wall clock"
        plain_figures = assert_valid(instance, plain)
        fair_figures = assert_valid(instance, fair)
        assert fair.scheduled_weight >= plain.scheduled_weight
        assert fair_figures["without_meeting"] <= plain_figures["without_meeting"]
        assert fair.stats["without_meeting"] == fair_figures["without_meeting"]
        served_more += plain_figures["without_meeting"] - fair_figures["without_meeting"]
    assert served_more > 0


def test_the_same_seed_gives_the_same_fair_result():
    document = random_document(3)
    instance = parse_instance(document)

    first = solve(instance, time_limit=30, seed=5)
    second = solve(parse_instance(document), time_limit=30, seed=5)

    assert first.stats["fairness"]["steps"] > 0
    assert first.stats["stopped"] != "wall clock"
    assert without_time(first) == without_time(second)
    assert_valid(instance, first)
