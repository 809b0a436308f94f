"""The structured diagnosis of every meeting left out: one hand-built cause per test, its code
and parameters, and the English reason written from it."""

from kakehashi.scheduling.baselines import first_come_first_served
from kakehashi.scheduling.diagnosis import Diagnosis, describe
from kakehashi.scheduling.solve import solve
from tests.scheduling.test_solve_helpers import assert_valid, build, meeting, reasons

VI_JA = ["vi", "ja"]


def diagnoses(result) -> dict[str, Diagnosis]:
    return {u.meeting: u.diagnosis for u in result.unscheduled}


def solved(instance):
    result = solve(instance, time_limit=20)
    assert_valid(instance, result)
    for item in result.unscheduled:  # one source: the reason is written from the diagnosis
        assert item.reason == describe(item.diagnosis)
    return result


def test_the_busiest_member_is_named_with_its_meetings_and_partners():
    # HCMC meets x1, x2, x3 in s1, s2, s3 (each partner can come then only); Aichi meets
    # Osaka in s4. HCMC–Aichi could take any of the four slots: HCMC is busy in three.
    instance = build(
        [
            meeting("hx1", "hcmc", "x1", weight=3),
            meeting("hx2", "hcmc", "x2", weight=3),
            meeting("hx3", "hcmc", "x3", weight=3),
            meeting("ao", "aichi", "osaka", weight=3),
            meeting("ha", "hcmc", "aichi"),
        ],
        slot_count=4,
        participants={
            "x1": {"available": ["s1"]},
            "x2": {"available": ["s2"]},
            "x3": {"available": ["s3"]},
            "osaka": {"available": ["s4"]},
        },
    )

    result = solved(instance)

    assert diagnoses(result) == {
        "ha": Diagnosis(
            "participant_busy",
            {
                "candidate_slots": 4,
                "member_busy_slots": ["s1", "s2", "s3", "s4"],
                "no_table_slots": [],
                "no_interpreter_slots": [],
                "members_busy": [
                    {"participant": "hcmc", "slots": 3},
                    {"participant": "aichi", "slots": 1},
                ],
                "seats": 2,
                "languages": None,
                "participant": "hcmc",
                "busy_slots": 3,
                "slots": ["s1", "s2", "s3"],
                "meetings": ["hx1", "hx2", "hx3"],
                "partners": ["x1", "x2", "x3"],
            },
            "optimal",
        )
    }
    assert reasons(result)["ha"].startswith(
        "each possible slot is taken: in 4 slots (s1, s2, s3, s4) a member is in another "
        "meeting ('hcmc' in 3, 'aichi' in 1 of them) — "
    )
    assert result.to_json()["unscheduled"][0]["diagnosis"] == {
        "code": "participant_busy",
        "params": diagnoses(result)["ha"].params,
        "context": "optimal",
    }


def test_every_table_with_enough_seats_in_use():
    instance = build(
        [meeting("ab", "a", "b", weight=2), meeting("cd", "c", "d")],
        tables=[{"id": "t1", "seats": 2}],
    )

    result = solved(instance)

    assert diagnoses(result)["cd"] == Diagnosis(
        "no_table",
        {
            "variant": "in_use",
            "candidate_slots": 1,
            "member_busy_slots": [],
            "no_table_slots": ["s1"],
            "no_interpreter_slots": [],
            "members_busy": [],
            "seats": 2,
            "languages": None,
        },
        "optimal",
    )


def test_no_table_big_enough():
    instance = build([meeting("trio", "a", "b", "c")], tables=[{"id": "t1", "seats": 2}])

    result = solved(instance)

    assert diagnoses(result)["trio"] == Diagnosis(
        "no_table", {"variant": "too_small", "seats": 3, "largest": 2}, "optimal"
    )
    assert reasons(result) == {"trio": "no table has 3 seats"}


def test_the_only_interpreter_for_the_pair_is_busy():
    instance = build(
        [
            meeting("first", "a", "b", weight=2, interpreting=VI_JA),
            meeting("second", "c", "d", interpreting=VI_JA),
        ],
        interpreters=[{"id": "lan", "languages": VI_JA}],
    )

    result = solved(instance)

    assert diagnoses(result)["second"] == Diagnosis(
        "no_interpreter",
        {
            "variant": "busy",
            "candidate_slots": 1,
            "member_busy_slots": [],
            "no_table_slots": [],
            "no_interpreter_slots": ["s1"],
            "members_busy": [],
            "seats": 3,
            "languages": ["ja", "vi"],
        },
        "optimal",
    )


def test_no_interpreter_for_the_pair_at_all():
    instance = build(
        [meeting("talk", "a", "b", interpreting=VI_JA)],
        interpreters=[{"id": "ken", "languages": ["en", "ja"]}],
    )

    result = solved(instance)

    assert diagnoses(result)["talk"] == Diagnosis(
        "no_interpreter", {"variant": "none", "languages": ["ja", "vi"]}, "optimal"
    )
    assert reasons(result) == {"talk": "no interpreter covers ja and vi"}


def test_a_member_at_its_maximum():
    instance = build(
        [meeting("ab", "a", "b"), meeting("ac", "a", "c", weight=2)],
        slot_count=2,
        participants={"a": {"max_meetings": 1}},
    )

    result = solved(instance)

    assert diagnoses(result) == {
        "ab": Diagnosis(
            "max_meetings_reached", {"participants": ["a"], "max_meetings": [1]}, "optimal"
        )
    }


def test_a_member_who_accepts_no_meetings():
    instance = build([meeting("ab", "a", "b")], participants={"b": {"max_meetings": 0}})

    result = solved(instance)

    assert diagnoses(result)["ab"] == Diagnosis(
        "max_meetings_reached", {"participants": ["b"], "max_meetings": [0]}, "optimal"
    )
    assert reasons(result) == {"ab": "a member accepts no meetings (max_meetings is 0)"}


def test_fixed_meetings_take_the_only_slot():
    instance = build(
        [meeting("ab", "a", "b", fixed={"slot": "s1", "table": "t1"}), meeting("ac", "a", "c")],
        slot_count=2,
        participants={"c": {"available": ["s1"]}},
    )

    result = solved(instance)

    assert diagnoses(result)["ac"] == Diagnosis(
        "fixed_meetings_block", {"slots": ["s1"], "meetings": ["ab"]}, "optimal"
    )


def test_members_without_a_common_slot():
    instance = build(
        [meeting("apart", "a", "b")],
        slot_count=2,
        participants={"a": {"available": ["s1"]}, "b": {"available": ["s2"]}},
    )

    result = solved(instance)

    assert diagnoses(result)["apart"] == Diagnosis(
        "impossible", {"cause": "no_common_slot", "participants": ["a", "b"]}, "optimal"
    )
    assert instance.impossible == {"apart": "its members share no available slot"}


def test_the_producer_is_named_in_the_context():
    instance = build(
        [meeting("ab", "a", "b"), meeting("ac", "a", "c")],
        participants={"c": {"available": ["s1"]}},
    )

    result = first_come_first_served(instance)

    assert diagnoses(result)["ac"].code == "participant_busy"
    assert diagnoses(result)["ac"].context == "fcfs"
    assert diagnoses(result)["ac"].params["partners"] == ["b"]
