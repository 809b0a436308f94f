"""Remote meetings: held by video, they need no table, and an interpreter who can join
remotely; the parser, the solver and the checker agree on it."""

import pytest

from kakehashi.scheduling.check import check
from kakehashi.scheduling.instance import InstanceError
from kakehashi.scheduling.solve import solve
from tests.scheduling.test_solve_helpers import assert_valid, build, meeting, reasons, slot_of

VI_JA = ["vi", "ja"]


def remote(meeting_id, *members, **options) -> dict:
    return {**meeting(meeting_id, *members, **options), "remote": True}


def test_remote_meetings_take_no_table_so_more_meet_than_there_are_tables():
    instance = build(
        [meeting("here", "a", "b"), remote("far1", "c", "d"), remote("far2", "e", "f")],
        tables=[{"id": "t1", "seats": 2, "available": None}],
    )

    result = solve(instance, time_limit=10)

    assert_valid(instance, result)
    assert {a.meeting: (a.slot, a.table) for a in result.assignments} == {
        "here": ("s1", "t1"),
        "far1": ("s1", None),
        "far2": ("s1", None),
    }
    assert result.to_json()["assignments"][1]["table"] is None


def test_an_event_without_tables_can_hold_remote_meetings():
    instance = build([remote("far", "a", "b"), meeting("here", "c", "d")], tables=[])

    result = solve(instance, time_limit=10)

    assert_valid(instance, result)
    assert slot_of(result) == {"far": "s1"}
    assert reasons(result) == {"here": "no table has 2 seats"}


def test_a_remote_interpreted_meeting_gets_only_an_interpreter_who_joins_remotely():
    interpreters = [
        {"id": "on-site", "languages": VI_JA, "available": None},
        {"id": "online", "languages": VI_JA, "available": None, "remote": True},
    ]
    instance = build(
        [
            remote("far", "a", "b", interpreting=VI_JA),
            meeting("here", "c", "d", interpreting=VI_JA),
        ],
        interpreters=interpreters,
    )

    result = solve(instance, time_limit=10)

    assert_valid(instance, result)
    assert {a.meeting: a.interpreter for a in result.assignments} == {
        "far": "online",
        "here": "on-site",
    }


def test_a_remote_interpreted_meeting_without_a_remote_interpreter_cannot_take_place():
    instance = build(
        [remote("far", "a", "b", interpreting=VI_JA)],
        interpreters=[{"id": "on-site", "languages": VI_JA, "available": None}],
    )

    result = solve(instance, time_limit=10)

    assert_valid(instance, result)
    assert result.assignments == []
    assert result.unscheduled[0].diagnosis.code == "no_interpreter"
    assert result.unscheduled[0].diagnosis.params == {
        "variant": "none_remote",
        "languages": ["ja", "vi"],
    }
    assert reasons(result) == {"far": "no interpreter for ja and vi can join remotely"}


def test_the_remote_interpreter_is_shared_fairly_between_remote_and_on_site_meetings():
    """Two meetings in two slots, one interpreter each way; whatever the order, the remote
    interpreter ends up with the remote meeting in the slot where both run."""
    interpreters = [
        {"id": "online", "languages": VI_JA, "available": None, "remote": True},
        {"id": "on-site", "languages": VI_JA, "available": ["s1"]},
    ]
    instance = build(
        [
            meeting("here", "a", "b", interpreting=VI_JA),
            remote("far", "c", "d", interpreting=VI_JA),
            remote("far2", "a", "d", interpreting=VI_JA),
        ],
        slot_count=2,
        interpreters=interpreters,
    )

    result = solve(instance, time_limit=10)

    assert_valid(instance, result)
    assert result.scheduled_weight == 3
    by_meeting = {a.meeting: (a.slot, a.interpreter) for a in result.assignments}
    assert by_meeting["here"] == ("s1", "on-site")
    assert {by_meeting["far"][1], by_meeting["far2"][1]} == {"online"}


def test_a_fixed_remote_meeting_has_a_slot_and_no_table():
    instance = build(
        [
            remote("far", "a", "b", fixed={"slot": "s2"}),
            meeting("here", "a", "c"),
        ],
        slot_count=2,
        tables=[{"id": "t1", "seats": 2, "available": None}],
    )

    result = solve(instance, time_limit=10)

    assert_valid(instance, result)
    assert {a.meeting: (a.slot, a.table) for a in result.assignments} == {
        "far": ("s2", None),
        "here": ("s1", "t1"),
    }


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        (
            {"remote": "yes"},
            "meetings[0].remote: must be true or false [bad_boolean]",
        ),
        (
            {"remote": True, "fixed": {"slot": "s1", "table": "t1"}},
            "meetings[0].fixed.table: a remote meeting takes no table: leave it out or null "
            "[remote_meeting_table]",
        ),
        (
            {"fixed": {"slot": "s1"}},
            "meetings[0].fixed.table: no table None [unknown_table]",
        ),
    ],
)
def test_remote_fields_are_checked(changes, problem):
    with pytest.raises(InstanceError) as error:
        build([{**meeting("m", "a", "b"), **changes}])

    assert [str(p) for p in error.value.problems] == [problem]


def test_an_interpreter_remote_flag_must_be_a_boolean():
    with pytest.raises(InstanceError) as error:
        build(
            [meeting("m", "a", "b")],
            interpreters=[{"id": "i", "languages": VI_JA, "available": None, "remote": 1}],
        )

    assert [str(p) for p in error.value.problems] == [
        "interpreters[0].remote: must be true or false [bad_boolean]"
    ]


def test_the_checker_refuses_a_table_for_a_remote_meeting_and_none_for_an_on_site_one():
    instance = build([remote("far", "a", "b"), meeting("here", "c", "d")])
    document = {
        "format": "kakehashi-schedule-result/1",
        "status": "optimal",
        "scheduled_weight": 2,
        "upper_bound": 2,
        "assignments": [
            {"meeting": "far", "slot": "s1", "table": "t1", "interpreter": None},
            {"meeting": "here", "slot": "s1", "table": None, "interpreter": None},
        ],
        "unscheduled": [],
        "stats": {"idle_gaps": 0},
    }

    report = check(instance, document)

    assert [str(v) for v in report.violations] == [
        "assignments[0]: meeting 'far' is remote, but has table 't1' [table_not_needed]",
        "assignments[1]: meeting 'here' is held in person and has no table [table_missing]",
    ]


def test_remote_meetings_are_scheduled_the_same_way_every_time():
    meetings = [
        remote(f"far{i}", f"p{i}", f"q{i % 3}", interpreting=VI_JA if i % 2 else None)
        for i in range(6)
    ] + [meeting(f"here{i}", f"p{i}", f"r{i % 2}") for i in range(6)]
    interpreters = [
        {"id": "online", "languages": VI_JA, "available": None, "remote": True},
        {"id": "on-site", "languages": VI_JA, "available": None},
    ]
    instance = build(
        meetings,
        slot_count=4,
        tables=[{"id": "t1", "seats": 3, "available": None}],
        interpreters=interpreters,
    )

    first = solve(instance, time_limit=10, seed=3)
    second = solve(instance, time_limit=10, seed=3)

    assert_valid(instance, first)
    assert first.assignments == second.assignments
    assert first.unscheduled == second.unscheduled
    assert sum(a.table is None for a in first.assignments) == 6
