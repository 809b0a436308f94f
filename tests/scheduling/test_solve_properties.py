"""Random small instances: every result of solve() and of the baselines keeps every rule;
solve() reaches the optimum found by brute force, never does worse than the priority greedy,
and its bound is never below the optimum."""

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from kakehashi.scheduling.baselines import first_come_first_served, priority_greedy
from kakehashi.scheduling.bounds import SlotLP
from kakehashi.scheduling.compiled import compile_instance
from kakehashi.scheduling.instance import InstanceError, parse_instance
from kakehashi.scheduling.solve import solve
from tests.scheduling.test_solve_helpers import assert_valid, brute_force_optimum, slots

LANGUAGES = ["vi", "ja", "en"]
PAIRS = [["vi", "ja"], ["vi", "en"], ["ja", "en"]]


@st.composite
def documents(draw, max_slots: int = 3, max_meetings: int = 6) -> dict:
    two_days = draw(st.booleans())
    slot_list = slots(draw(st.integers(1, max_slots)))
    if two_days:
        slot_list += slots(draw(st.integers(1, 2)), day="2026-03-11", first="d")
    slot_ids = [s["id"] for s in slot_list]
    some_slots = st.one_of(st.none(), st.lists(st.sampled_from(slot_ids), unique=True))
    people = [f"p{i}" for i in range(draw(st.integers(2, 6)))]
    participants = [
        {
            "id": p,
            "available": draw(some_slots),
            "max_meetings": draw(st.one_of(st.none(), st.integers(0, 3))),
        }
        for p in people
    ]
    tables = [
        {"id": f"t{i}", "seats": draw(st.integers(2, 5)), "available": draw(some_slots)}
        for i in range(draw(st.integers(1, 3)))
    ]
    interpreters = [
        {
            "id": f"i{i}",
            "languages": draw(st.lists(st.sampled_from(LANGUAGES), min_size=2, unique=True)),
            "available": draw(some_slots),
        }
        for i in range(draw(st.integers(0, 2)))
    ]
    meetings = []
    for i in range(draw(st.integers(1, max_meetings))):
        members = draw(st.lists(st.sampled_from(people), min_size=2, max_size=3, unique=True))
        fixed = None
        if draw(st.integers(0, 9)) == 0:
            fixed = {
                "slot": draw(st.sampled_from(slot_ids)),
                "table": draw(st.sampled_from([t["id"] for t in tables])),
            }
        meetings.append(
            {
                "id": f"m{i}",
                "participants": members,
                "weight": draw(st.integers(1, 3)),
                "interpreting": draw(st.one_of(st.none(), st.sampled_from(PAIRS))),
                "fixed": fixed,
            }
        )
    return {
        "format": "kakehashi-schedule/1",
        "slots": slot_list,
        "tables": tables,
        "participants": participants,
        "interpreters": interpreters,
        "meetings": meetings,
    }


def with_optimum(document: dict):
    """The instance of a drawn document, compiled, and its optimum by brute force; the
    example is skipped if the document is invalid or leaves nothing to schedule."""
    try:
        instance = parse_instance(document)
    except InstanceError:
        assume(False)
    c = compile_instance(instance)
    assume(SlotLP(c).num_cols > 0)
    return instance, c, brute_force_optimum(instance)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_every_result_keeps_every_rule_and_solve_is_optimal(document):
    try:
        instance = parse_instance(document)
    except InstanceError:
        assume(False)  # fixed meetings drawn against the rules: bad input, tested elsewhere

    optimum = brute_force_optimum(instance)
    fcfs = first_come_first_served(instance)
    greedy = priority_greedy(instance)
    result = solve(instance, time_limit=10, seed=1)

    for outcome in (fcfs, greedy, result):
        assert_valid(instance, outcome)
        assert outcome.scheduled_weight <= optimum <= outcome.upper_bound
    assert result.scheduled_weight == optimum
    assert result.scheduled_weight >= greedy.scheduled_weight
