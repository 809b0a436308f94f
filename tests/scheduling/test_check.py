"""check(): a valid hand-made result passes; each way of breaking it gives exactly its code."""

import copy

import pytest

from kakehashi.scheduling.check import VIOLATION_CODES, Violation, check
from kakehashi.scheduling.instance import parse_instance
from kakehashi.scheduling.result import RESULT_FORMAT


def slot(slot_id, start, end, day="2026-03-10"):
    return {"id": slot_id, "start": f"{day}T{start}+07:00", "end": f"{day}T{end}+07:00"}


INSTANCE = {
    "format": "kakehashi-schedule/1",
    "slots": [
        slot("s1", "09:00", "09:30"),
        slot("s2", "09:30", "10:00"),
        slot("s3", "10:00", "10:30"),
    ],
    "tables": [
        {"id": "t1", "seats": 2, "available": None},
        {"id": "t2", "seats": 3, "available": None},
        {"id": "t3", "seats": 4, "available": ["s1", "s2"]},
    ],
    "participants": [
        {"id": "a", "available": None, "max_meetings": None},
        {"id": "b", "available": None, "max_meetings": None},
        {"id": "c", "available": None, "max_meetings": None},
        {"id": "d", "available": None, "max_meetings": 1},
        {"id": "e", "available": ["s2", "s3"], "max_meetings": None},
        {"id": "f", "available": None, "max_meetings": None},
        {"id": "g", "available": ["s1"], "max_meetings": None},
        {"id": "h", "available": ["s3"], "max_meetings": None},
    ],
    "interpreters": [
        {"id": "i1", "languages": ["vi", "ja"], "available": None},
        {"id": "i2", "languages": ["vi", "en"], "available": None},
        {"id": "i3", "languages": ["vi", "ja"], "available": ["s3"]},
        {"id": "i4", "languages": ["ja", "vi", "en"], "available": None},
        {"id": "i5", "languages": ["vi", "ja"], "available": ["s3"], "remote": True},
    ],
    "meetings": [
        {
            "id": "m1",
            "participants": ["a", "b"],
            "weight": 3,
            "fixed": {"slot": "s1", "table": "t1"},
        },
        {"id": "m2", "participants": ["a", "c"], "weight": 2, "interpreting": ["vi", "ja"]},
        {"id": "m3", "participants": ["b", "d"]},
        {"id": "m4", "participants": ["c", "e"]},
        {"id": "m5", "participants": ["e", "f"], "interpreting": ["ja", "vi"]},
        {"id": "m6", "participants": ["g", "h"]},  # g and h share no slot
        {"id": "m7", "participants": ["d", "f"]},  # d accepts one meeting only
        # By video: no table, and an interpreter who can join remotely.
        {"id": "m8", "participants": ["f", "h"], "interpreting": ["vi", "ja"], "remote": True},
    ],
}

RESULT = {
    "format": RESULT_FORMAT,
    "status": "optimal",
    "scheduled_weight": 9,
    "upper_bound": 9,
    "assignments": [
        {"meeting": "m1", "slot": "s1", "table": "t1", "interpreter": None},
        {"meeting": "m2", "slot": "s2", "table": "t2", "interpreter": "i1"},
        {"meeting": "m3", "slot": "s2", "table": "t1", "interpreter": None},
        {"meeting": "m4", "slot": "s3", "table": "t1", "interpreter": None},
        {"meeting": "m5", "slot": "s2", "table": "t3", "interpreter": "i4"},
        {"meeting": "m8", "slot": "s3", "table": None, "interpreter": "i5"},
    ],
    "unscheduled": [
        {"meeting": "m6", "reason": "its members share no available slot"},
        {"meeting": "m7", "reason": "d accepts one meeting only"},
    ],
    "stats": {"idle_gaps": 0, "solve_seconds": 0.01},
}


def instance():
    return parse_instance(copy.deepcopy(INSTANCE))


def result():
    return copy.deepcopy(RESULT)


def assignment(doc, meeting):
    return next(a for a in doc["assignments"] if a["meeting"] == meeting)


def test_the_hand_made_result_is_valid_and_its_figures_are_recomputed():
    report = check(instance(), result())

    assert report.violations == []
    assert report.valid
    assert report.figures == {
        "scheduled_weight": 9,
        "upper_bound": 9,
        "share_of_upper_bound": 1.0,
        "meetings": 8,
        "meetings_scheduled": 6,
        "meetings_unscheduled": 2,
        "idle_gaps": 0,
        # a b c e f: 2 each; d h: 1; g: 0
        "meetings_per_participant": {"min": 0, "median": 2.0, "max": 2},
        # g has none of its one meeting.
        "without_meeting": 1,
        "worst_served": {"participant": "g", "scheduled": 0, "requested": 1},
    }


# Each break: a function that changes the valid result, and the one code it must cause.


def set_field(key, value):
    def change(doc):
        doc[key] = value

    return change


def set_stat(key, value):
    def change(doc):
        doc["stats"][key] = value

    return change


def move(meeting, **fields):
    def change(doc):
        assignment(doc, meeting).update(fields)

    return change


def both(*changes):
    def change(doc):
        for one in changes:
            one(doc)

    return change


def add_assignment(meeting, slot, table, interpreter=None):
    def change(doc):
        doc["assignments"].append(
            {"meeting": meeting, "slot": slot, "table": table, "interpreter": interpreter}
        )

    return change


def add_unscheduled(meeting, reason="no room"):
    def change(doc):
        doc["unscheduled"].append({"meeting": meeting, "reason": reason})

    return change


def drop_unscheduled(meeting):
    def change(doc):
        doc["unscheduled"] = [u for u in doc["unscheduled"] if u["meeting"] != meeting]

    return change


def drop_assignment(meeting):
    def change(doc):
        doc["assignments"] = [a for a in doc["assignments"] if a["meeting"] != meeting]

    return change


BREAKS = {
    "bad_format": set_field("format", "kakehashi-schedule-result/0"),
    "unknown_meeting": add_assignment("m99", "s3", "t2"),
    "unknown_slot": move("m5", slot="s9"),
    "unknown_table": move("m5", table="t9"),
    "unknown_interpreter": move("m2", interpreter="i9"),
    "meeting_assigned_twice": add_assignment("m4", "s3", "t1"),
    "meeting_unscheduled_twice": add_unscheduled("m6", "still no slot"),
    "meeting_missing": drop_unscheduled("m6"),
    "meeting_assigned_and_unscheduled": add_unscheduled("m5"),
    # e is available in s2 and s3 only.
    "member_unavailable": move("m4", slot="s1", table="t2"),
    # b is in m1 in s1.
    "member_double_booked": move("m3", slot="s1", table="t2"),
    # d accepts one meeting, and m3 is one; the claims are made to match.
    "over_max_meetings": both(
        drop_unscheduled("m7"),
        add_assignment("m7", "s1", "t2"),
        set_field("scheduled_weight", 10),
        set_field("upper_bound", 10),
    ),
    # t3 is available in s1 and s2.
    "table_unavailable": move("m4", table="t3"),
    # m5 is at t3 in s2.
    "table_double_booked": move("m3", table="t3"),
    # m2 needs three seats (two members and an interpreter); t1 has two.
    "table_too_small": both(move("m2", table="t1"), move("m3", table="t2")),
    "interpreter_missing": move("m2", interpreter=None),
    # i2 speaks Vietnamese and English; m2 needs Vietnamese and Japanese.
    "interpreter_lacks_language": move("m2", interpreter="i2"),
    # i3 is available in s3 only; m2 is in s2.
    "interpreter_unavailable": move("m2", interpreter="i3"),
    # i1 interprets m2 in s2.
    "interpreter_double_booked": move("m5", interpreter="i1"),
    "interpreter_not_needed": move("m4", interpreter="i3"),
    # m8 is remote; i3 covers its languages and is free in s3 but cannot join remotely.
    "interpreter_not_remote": move("m8", interpreter="i3"),
    # m4 is held in person.
    "table_missing": move("m4", table=None),
    # m8 is remote; t2 is free in s3.
    "table_not_needed": move("m8", table="t2"),
    "fixed_meeting_moved": move("m1", table="t2"),
    "fixed_meeting_unscheduled": both(
        drop_assignment("m1"),
        add_unscheduled("m1"),
        set_field("scheduled_weight", 6),
        set_field("status", "feasible"),
    ),
    "weight_mismatch": set_field("scheduled_weight", 7),
    "bound_below_weight": both(set_field("upper_bound", 7), set_field("status", "feasible")),
    "false_optimal": set_field("upper_bound", 10),
    "idle_gaps_mismatch": set_stat("idle_gaps", 1),
}


def test_every_violation_code_has_a_break():
    assert sorted(BREAKS) == sorted(VIOLATION_CODES)


@pytest.mark.parametrize("code", sorted(BREAKS))
def test_each_break_gives_exactly_its_violation(code):
    doc = result()
    BREAKS[code](doc)

    report = check(instance(), doc)

    assert report.codes == [code]
    assert not report.valid


def test_violations_say_where_and_what():
    doc = result()
    both(
        move("m3", slot="s1", table="t1"),  # b twice in s1, and t1 twice in s1
        move("m2", table="t1", interpreter="i3"),
    )(doc)

    report = check(instance(), doc)

    assert report.violations == [
        Violation(
            "table_too_small", "assignments[1]: table 't1' has 2 seats; meeting 'm2' needs 3"
        ),
        Violation(
            "interpreter_unavailable",
            "assignments[1]: interpreter 'i3' is not available in slot 's2'",
        ),
        Violation("member_double_booked", "slot 's1': participant 'b' is in meetings 'm1', 'm3'"),
        Violation("table_double_booked", "slot 's1': table 't1' is in meetings 'm1', 'm3'"),
    ]
    assert str(report.violations[0]) == (
        "assignments[1]: table 't1' has 2 seats; meeting 'm2' needs 3 [table_too_small]"
    )


def test_several_violations_are_reported_together():
    doc = result()
    both(
        add_unscheduled("m42"),
        move("m4", slot="s1", table="t3", interpreter="i2"),
        set_field("scheduled_weight", 1),
    )(doc)

    report = check(instance(), doc)

    assert report.codes == [
        "unknown_meeting",
        "member_unavailable",
        "interpreter_not_needed",
        "weight_mismatch",
    ]


@pytest.mark.parametrize(
    "doc, codes",
    [
        pytest.param([], ["bad_format"], id="a list"),
        pytest.param(None, ["bad_format"], id="null"),
        pytest.param("optimal", ["bad_format"], id="a string"),
        pytest.param({}, ["bad_format"] * 7, id="an empty object"),
        pytest.param(
            {**RESULT, "assignments": {"m1": "s1"}},
            ["bad_format", "weight_mismatch", "false_optimal"],
            id="assignments not a list",
        ),
        pytest.param(
            {**RESULT, "unscheduled": None},
            ["bad_format"],
            id="unscheduled not a list",
        ),
        pytest.param(
            {**RESULT, "status": "done", "scheduled_weight": "8", "upper_bound": 8.0},
            ["bad_format", "bad_format", "bad_format"],
            id="status and numbers of the wrong type",
        ),
        pytest.param(
            {**RESULT, "scheduled_weight": True},
            ["bad_format"],
            id="a boolean for a number",
        ),
        pytest.param({**RESULT, "stats": []}, ["bad_format"], id="stats not an object"),
        pytest.param({**RESULT, "stats": {}}, ["bad_format"], id="stats without idle_gaps"),
        pytest.param(
            {**RESULT, "assignments": [*RESULT["assignments"][:4], "m5", RESULT["assignments"][5]]},
            ["bad_format", "meeting_missing", "weight_mismatch", "false_optimal"],
            id="an assignment that is not an object",
        ),
        pytest.param(
            {
                **RESULT,
                "assignments": [
                    *RESULT["assignments"][:4],
                    {"meeting": "m5", "slot": ["s2"], "table": None, "interpreter": 4},
                    RESULT["assignments"][5],
                ],
            },
            ["bad_format", "meeting_missing", "weight_mismatch", "false_optimal"],
            id="an assignment with ids of the wrong type",
        ),
        pytest.param(
            {**RESULT, "unscheduled": [{"meeting": "m6"}, ["m7"]]},
            ["bad_format", "bad_format", "meeting_missing", "meeting_missing"],
            id="unscheduled entries without a reason, or not objects",
        ),
    ],
)
def test_a_result_of_the_wrong_shape_is_reported_not_a_crash(doc, codes):
    assert check(instance(), copy.deepcopy(doc)).codes == codes


def test_an_assignment_may_leave_out_its_interpreter():
    doc = result()
    del assignment(doc, "m1")["interpreter"]
    assert check(instance(), doc).violations == []


def test_figures_count_idle_gaps_per_day_and_the_share_of_the_bound():
    two_days = {
        "format": "kakehashi-schedule/1",
        "slots": [
            slot("s1", "09:00", "09:30"),
            slot("s2", "09:30", "10:00"),
            slot("s3", "10:00", "10:30"),
            slot("s4", "09:00", "09:30", day="2026-03-11"),
        ],
        "tables": [{"id": "t1", "seats": 2}],
        "participants": [{"id": p} for p in ("a", "b", "c", "d", "e")],
        "meetings": [
            {"id": "ab", "participants": ["a", "b"]},
            {"id": "ac", "participants": ["a", "c"]},
            {"id": "ad", "participants": ["a", "d"], "weight": 2},
            {"id": "de", "participants": ["d", "e"], "weight": 5},
        ],
    }
    doc = {
        "format": RESULT_FORMAT,
        "status": "feasible",
        "scheduled_weight": 4,
        "upper_bound": 8,
        "assignments": [
            {"meeting": "ab", "slot": "s1", "table": "t1", "interpreter": None},
            {"meeting": "ac", "slot": "s3", "table": "t1", "interpreter": None},  # s2 idle for a
            {"meeting": "ad", "slot": "s4", "table": "t1", "interpreter": None},  # another day
        ],
        "unscheduled": [{"meeting": "de", "reason": "time ran out"}],
        "stats": {"idle_gaps": 1},
    }

    report = check(parse_instance(two_days), doc)

    assert report.violations == []
    assert report.figures == {
        "scheduled_weight": 4,
        "upper_bound": 8,
        "share_of_upper_bound": 0.5,
        "meetings": 4,
        "meetings_scheduled": 3,
        "meetings_unscheduled": 1,
        "idle_gaps": 1,
        "meetings_per_participant": {"min": 0, "median": 1, "max": 3},
        "without_meeting": 1,
        "worst_served": {"participant": "e", "scheduled": 0, "requested": 1},
    }
