"""parse_instance: every kind of bad input reported precisely, all at once; impossible meetings."""

import copy
import datetime as dt

import pytest

from kakehashi.scheduling.instance import (
    FORMAT,
    Fixed,
    InstanceError,
    Meeting,
    Problem,
    parse_instance,
)

DOCUMENT = {
    "format": FORMAT,
    "slots": [
        {"id": "s1", "start": "2026-03-10T09:00+07:00", "end": "2026-03-10T09:30+07:00"},
        {"id": "s2", "start": "2026-03-10T09:30+07:00", "end": "2026-03-10T10:00+07:00"},
    ],
    "tables": [{"id": "t1", "seats": 2, "available": None}, {"id": "t2", "seats": 3}],
    "participants": [
        {"id": "a", "available": None, "max_meetings": None},
        {"id": "b"},
        {"id": "c", "available": ["s1", "s2"], "max_meetings": 2},
    ],
    "interpreters": [{"id": "i1", "languages": ["vi", "ja"], "available": None}],
    "meetings": [
        {"id": "m1", "participants": ["a", "b"]},
        {"id": "m2", "participants": ["a", "c"], "weight": 3, "interpreting": ["ja", "vi"]},
    ],
}


def document(**changes):
    doc = copy.deepcopy(DOCUMENT)
    doc.update(copy.deepcopy(changes))
    return doc


def problems(doc) -> list[tuple[str, str]]:
    with pytest.raises(InstanceError) as raised:
        parse_instance(doc)
    return [(problem.code, problem.path) for problem in raised.value.problems]


def test_a_valid_instance_is_read_with_its_defaults():
    instance = parse_instance(document())

    assert [slot.id for slot in instance.slots] == ["s1", "s2"]
    assert instance.slots[0].start == dt.datetime(
        2026, 3, 10, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=7))
    )
    assert instance.slots[0].day == dt.date(2026, 3, 10)
    assert [(t.id, t.seats, t.available) for t in instance.tables] == [
        ("t1", 2, None),
        ("t2", 3, None),
    ]
    assert [(p.id, p.available, p.max_meetings) for p in instance.participants] == [
        ("a", None, None),
        ("b", None, None),
        ("c", frozenset({"s1", "s2"}), 2),
    ]
    assert instance.interpreters[0].languages == frozenset({"vi", "ja"})
    assert instance.meetings == [
        Meeting("m1", ("a", "b"), 1, None, None),
        Meeting("m2", ("a", "c"), 3, frozenset({"vi", "ja"}), None),
    ]
    assert instance.meetings[1].seats_needed == 3
    assert instance.impossible == {}
    assert instance.candidate_slots(instance.meetings[1]) == ["s1", "s2"]


def test_interpreters_may_be_left_out_or_null():
    doc = document(meetings=[{"id": "m1", "participants": ["a", "b"]}])
    del doc["interpreters"]
    assert parse_instance(doc).interpreters == []
    assert parse_instance(document(interpreters=None)).interpreters == []


def test_slots_are_ordered_by_time_across_utc_offsets():
    instance = parse_instance(
        document(
            slots=[
                # 09:00 in Tokyo is 07:00 in Hanoi: s2 comes first.
                {"id": "s1", "start": "2026-03-10T09:30+07:00", "end": "2026-03-10T10:00+07:00"},
                {"id": "s2", "start": "2026-03-10T09:00+09:00", "end": "2026-03-10T09:30+09:00"},
            ]
        )
    )
    assert instance.slot_order == {"s2": 0, "s1": 1}


@pytest.mark.parametrize(
    "doc, expected",
    [
        pytest.param(
            document(format="kakehashi-schedule/2"), [("bad_format", "format")], id="format"
        ),
        pytest.param(
            document(
                meetings=[{"id": "m1", "participants": ["a", "zz"]}],
            ),
            [("unknown_participant", "meetings[0].participants[1]")],
            id="unknown participant",
        ),
        pytest.param(
            document(
                participants=[{"id": "a", "available": ["s1", "s9"]}, {"id": "b"}, {"id": "c"}]
            ),
            [("unknown_slot", "participants[0].available[1]")],
            id="unknown slot in a participant's availability",
        ),
        pytest.param(
            document(
                tables=[{"id": "t1", "seats": 2}, {"id": "t2", "seats": 3, "available": ["x"]}]
            ),
            [("unknown_slot", "tables[1].available[0]")],
            id="unknown slot in a table's availability",
        ),
        pytest.param(
            document(interpreters=[{"id": "i1", "languages": ["vi", "ja"], "available": ["x"]}]),
            [("unknown_slot", "interpreters[0].available[0]")],
            id="unknown slot in an interpreter's availability",
        ),
        pytest.param(
            document(
                meetings=[
                    {"id": "m1", "participants": ["a", "b"], "fixed": {"slot": "s9", "table": "t9"}}
                ]
            ),
            [
                ("unknown_slot", "meetings[0].fixed.slot"),
                ("unknown_table", "meetings[0].fixed.table"),
            ],
            id="fixed at an unknown slot and table",
        ),
        pytest.param(
            document(
                meetings=[
                    {"id": "m1", "participants": ["a", "b"], "fixed": {"slot": ["s1"], "table": {}}}
                ]
            ),
            [
                ("unknown_slot", "meetings[0].fixed.slot"),
                ("unknown_table", "meetings[0].fixed.table"),
            ],
            id="fixed slot and table that are not strings",
        ),
        pytest.param(
            document(meetings=[{"id": "m1", "participants": ["a", "b"], "fixed": ["s1", "t1"]}]),
            [("bad_fixed", "meetings[0].fixed")],
            id="fixed not an object",
        ),
        pytest.param(
            document(participants=[{"id": "a"}, {"id": "b"}, {"id": "c"}, {"id": "a"}]),
            [("duplicate_id", "participants[0].id"), ("duplicate_id", "participants[3].id")],
            id="duplicate participant",
        ),
        pytest.param(
            document(
                meetings=[
                    {"id": "m1", "participants": ["a", "b"]},
                    {"id": "m1", "participants": ["a", "c"]},
                ]
            ),
            [("duplicate_id", "meetings[0].id"), ("duplicate_id", "meetings[1].id")],
            id="duplicate meeting",
        ),
        pytest.param(
            document(tables=[{"id": "t1", "seats": 2}, {"id": "t1", "seats": 3}]),
            [("duplicate_id", "tables[0].id"), ("duplicate_id", "tables[1].id")],
            id="duplicate table",
        ),
        pytest.param(
            document(
                slots=[
                    {
                        "id": "s1",
                        "start": "2026-03-10T09:00+07:00",
                        "end": "2026-03-10T09:30+07:00",
                    },
                    {
                        "id": "s2",
                        "start": "2026-03-10T09:15+07:00",
                        "end": "2026-03-10T09:45+07:00",
                    },
                ]
            ),
            [("slots_overlap", "slots")],
            id="overlapping slots",
        ),
        pytest.param(
            document(
                slots=[
                    {
                        "id": "s1",
                        "start": "2026-03-10T09:00+07:00",
                        "end": "2026-03-10T12:00+07:00",
                    },
                    {
                        "id": "s2",
                        "start": "2026-03-10T09:30+07:00",
                        "end": "2026-03-10T10:00+07:00",
                    },
                    {
                        "id": "s3",
                        "start": "2026-03-10T10:30+07:00",
                        "end": "2026-03-10T11:00+07:00",
                    },
                ]
            ),
            [("slots_overlap", "slots"), ("slots_overlap", "slots")],
            id="a long slot overlapping two later ones",
        ),
        pytest.param(
            document(
                slots=[
                    {
                        "id": "s1",
                        "start": "2026-03-10T09:00+07:00",
                        "end": "2026-03-10T09:30+07:00",
                    },
                    # 09:15 in Tokyo is 07:15 in Hanoi: no overlap.
                    {
                        "id": "s2",
                        "start": "2026-03-10T09:15+09:00",
                        "end": "2026-03-10T09:45+09:00",
                    },
                    # 02:15 UTC is 09:15 in Hanoi: inside s1.
                    {"id": "s3", "start": "2026-03-10T02:15Z", "end": "2026-03-10T02:20Z"},
                ]
            ),
            [("slots_overlap", "slots")],
            id="slots overlapping across UTC offsets",
        ),
        pytest.param(
            document(
                slots=[
                    {"id": "s1", "start": "2026-03-10T09:00", "end": "2026-03-10T09:30+07:00"},
                    {
                        "id": "s2",
                        "start": "2026-03-10T09:30+07:00",
                        "end": "2026-03-10T10:00+07:00",
                    },
                ]
            ),
            [("time_without_offset", "slots[0].start")],
            id="slot without UTC offset",
        ),
        pytest.param(
            document(
                slots=[
                    {"id": "s1", "start": "tomorrow", "end": 930},
                    {
                        "id": "s2",
                        "start": "2026-03-10T09:30+07:00",
                        "end": "2026-03-10T10:00+07:00",
                    },
                ]
            ),
            [("bad_time", "slots[0].start"), ("bad_time", "slots[0].end")],
            id="slot times that are not ISO 8601",
        ),
        pytest.param(
            document(
                slots=[
                    {
                        "id": "s1",
                        "start": "2026-03-10T09:30+07:00",
                        "end": "2026-03-10T09:30+07:00",
                    },
                    {
                        "id": "s2",
                        "start": "2026-03-10T09:30+07:00",
                        "end": "2026-03-10T10:00+07:00",
                    },
                ]
            ),
            [("slot_ends_before_start", "slots[0]")],
            id="slot of no length",
        ),
        pytest.param(
            document(meetings=[{"id": "m1", "participants": ["a"]}]),
            [("too_few_members", "meetings[0].participants")],
            id="one member",
        ),
        pytest.param(
            document(meetings=[{"id": "m1", "participants": ["a", "a"]}]),
            [
                ("too_few_members", "meetings[0].participants"),
                ("duplicate_member", "meetings[0].participants"),
            ],
            id="the same member twice",
        ),
        pytest.param(
            document(meetings=[{"id": "m1", "participants": ["a", "b", "b"]}]),
            [("duplicate_member", "meetings[0].participants")],
            id="a member listed twice among three",
        ),
        pytest.param(
            document(meetings=[{"id": "m1", "participants": "a b"}]),
            [("bad_list", "meetings[0].participants")],
            id="members not a list",
        ),
        pytest.param(
            document(tables=[{"id": "t1", "seats": 1}, {"id": "t2", "seats": "3"}]),
            [("bad_number", "tables[0].seats"), ("bad_number", "tables[1].seats")],
            id="bad seats",
        ),
        pytest.param(
            document(participants=[{"id": "a", "max_meetings": -1}, {"id": "b"}, {"id": "c"}]),
            [("bad_number", "participants[0].max_meetings")],
            id="negative max_meetings",
        ),
        pytest.param(
            document(participants=[{"id": "a", "available": "s1"}, {"id": "b"}, {"id": "c"}]),
            [("bad_list", "participants[0].available")],
            id="availability not a list",
        ),
        pytest.param(
            document(slots={"s1": {}}, tables=None),
            [
                ("bad_list", "slots"),
                ("bad_list", "tables"),
                # Without a list of slots, no slot exists.
                ("unknown_slot", "participants[2].available[0]"),
                ("unknown_slot", "participants[2].available[1]"),
            ],
            id="sections not lists",
        ),
        pytest.param(
            document(
                participants=["a", {"name": "b"}, {"id": ""}, {"id": 7}],
                meetings=[],
            ),
            [
                ("bad_item", "participants[0]"),
                ("bad_id", "participants[1].id"),
                ("bad_id", "participants[2].id"),
                ("bad_id", "participants[3].id"),
            ],
            id="bad participant entries",
        ),
    ],
)
def test_each_bad_input_is_reported_with_its_code_and_path(doc, expected):
    assert problems(doc) == expected


@pytest.mark.parametrize("weight", [0, -2, 1.5, "2", True, None, [1]])
def test_a_weight_must_be_a_positive_integer(weight):
    doc = document(meetings=[{"id": "m1", "participants": ["a", "b"], "weight": weight}])
    assert problems(doc) == [("bad_number", "meetings[0].weight")]


@pytest.mark.parametrize(
    "languages", [["vi"], ["vi", "vi"], "vi ja", None, [["vi"], "ja"], ["vi", ""], [1, 2]]
)
def test_an_interpreter_needs_two_languages_or_more(languages):
    doc = document(interpreters=[{"id": "i1", "languages": languages}])
    doc["meetings"] = [{"id": "m1", "participants": ["a", "b"]}]
    assert problems(doc) == [("bad_languages", "interpreters[0].languages")]


@pytest.mark.parametrize(
    "interpreting", [["vi"], ["vi", "vi"], ["vi", "ja", "en"], "vi-ja", [["vi"], "ja"], [1, 2]]
)
def test_interpreting_names_two_different_languages(interpreting):
    doc = document(
        meetings=[{"id": "m1", "participants": ["a", "b"], "interpreting": interpreting}]
    )
    assert problems(doc) == [("bad_languages", "meetings[0].interpreting")]


@pytest.mark.parametrize("doc", [[], "kakehashi-schedule/1", None, 3, [DOCUMENT]])
def test_a_document_that_is_not_an_object(doc):
    with pytest.raises(InstanceError) as raised:
        parse_instance(doc)
    assert raised.value.problems == [Problem("bad_document", "$", "must be a JSON object")]


def test_every_problem_is_reported_at_once():
    doc = {
        "format": "kakehashi-schedule/0",
        "slots": [
            {"id": "s1", "start": "2026-03-10T09:00", "end": "2026-03-10T09:30+07:00"},
            {"id": "s2", "start": "2026-03-10T09:30+07:00", "end": "2026-03-10T10:00+07:00"},
            {"id": "s2", "start": "2026-03-10T10:00+07:00", "end": "2026-03-10T10:30+07:00"},
        ],
        "tables": [{"id": "t1", "seats": 0}],
        "participants": [{"id": "a", "available": ["s2", "s7"]}, {"id": "b"}],
        "interpreters": [{"id": "i1", "languages": ["vi"]}],
        "meetings": [
            {"id": "m1", "participants": ["a", "x"], "weight": 0},
            {"id": "m2", "participants": ["a"], "interpreting": ["vi"]},
            {"id": "m3", "participants": ["a", "b"], "fixed": {"slot": "s1", "table": "t1"}},
        ],
    }
    with pytest.raises(InstanceError) as raised:
        parse_instance(doc)
    assert [(p.code, p.path) for p in raised.value.problems] == [
        ("bad_format", "format"),
        ("duplicate_id", "slots[1].id"),
        ("duplicate_id", "slots[2].id"),
        ("time_without_offset", "slots[0].start"),
        ("bad_number", "tables[0].seats"),
        ("unknown_slot", "participants[0].available[1]"),
        ("bad_languages", "interpreters[0].languages"),
        ("unknown_participant", "meetings[0].participants[1]"),
        ("bad_number", "meetings[0].weight"),
        ("too_few_members", "meetings[1].participants"),
        ("bad_languages", "meetings[1].interpreting"),
    ]
    message = str(raised.value)
    assert message.splitlines()[0] == "format: must be 'kakehashi-schedule/1' [bad_format]"
    assert len(message.splitlines()) == 11


# Fixed meetings: each rule broken where the meeting stands, alone or with the others.


def fixed(slot, table):
    return {"slot": slot, "table": table}


@pytest.mark.parametrize(
    "changes, expected",
    [
        pytest.param(
            {
                "tables": [{"id": "t1", "seats": 2, "available": ["s2"]}, {"id": "t2", "seats": 3}],
                "meetings": [{"id": "m1", "participants": ["a", "b"], "fixed": fixed("s1", "t1")}],
            },
            [("fixed_table_unavailable", "meetings[0].fixed")],
            id="table unavailable",
        ),
        pytest.param(
            {
                "meetings": [
                    {
                        "id": "m2",
                        "participants": ["a", "c"],
                        "interpreting": ["vi", "ja"],
                        "fixed": fixed("s1", "t1"),  # 2 seats; two members and an interpreter
                    }
                ],
            },
            [("fixed_table_too_small", "meetings[0].fixed")],
            id="table too small",
        ),
        pytest.param(
            {
                "meetings": [
                    {"id": "m1", "participants": ["a", "b"], "fixed": fixed("s1", "t2")},
                    {"id": "m3", "participants": ["c", "d"], "fixed": fixed("s1", "t2")},
                ],
            },
            [("fixed_table_taken", "meetings[1].fixed")],
            id="table taken",
        ),
        pytest.param(
            {
                "participants": [{"id": "a", "available": ["s2"]}, {"id": "b"}, {"id": "c"}],
                "meetings": [{"id": "m1", "participants": ["a", "b"], "fixed": fixed("s1", "t1")}],
            },
            [("fixed_member_unavailable", "meetings[0].fixed")],
            id="member unavailable",
        ),
        pytest.param(
            {
                "meetings": [
                    {"id": "m1", "participants": ["a", "b"], "fixed": fixed("s1", "t1")},
                    {"id": "m2", "participants": ["c", "a"], "fixed": fixed("s1", "t2")},
                ],
            },
            [("fixed_member_busy", "meetings[1].fixed")],
            id="member in two fixed meetings at once",
        ),
        pytest.param(
            {
                "participants": [{"id": "a", "max_meetings": 1}, {"id": "b"}, {"id": "c"}],
                "meetings": [
                    {"id": "m1", "participants": ["a", "b"], "fixed": fixed("s1", "t1")},
                    {"id": "m2", "participants": ["a", "c"], "fixed": fixed("s2", "t1")},
                ],
            },
            [("fixed_over_max_meetings", "meetings[1].fixed")],
            id="over max_meetings",
        ),
        pytest.param(
            {
                "interpreters": [{"id": "i1", "languages": ["vi", "ja"], "available": ["s2"]}],
                "meetings": [
                    {
                        "id": "m2",
                        "participants": ["a", "c"],
                        "interpreting": ["vi", "ja"],
                        "fixed": fixed("s1", "t2"),
                    }
                ],
            },
            [("fixed_no_interpreter", "meetings[0].fixed")],
            id="no interpreter available",
        ),
        pytest.param(
            {
                "interpreters": [{"id": "i1", "languages": ["vi", "en"]}],
                "meetings": [
                    {
                        "id": "m2",
                        "participants": ["a", "c"],
                        "interpreting": ["vi", "ja"],
                        "fixed": fixed("s1", "t2"),
                    }
                ],
            },
            [("fixed_no_interpreter", "meetings[0].fixed")],
            id="no interpreter with the languages",
        ),
        pytest.param(
            {
                "interpreters": [
                    {"id": "i1", "languages": ["vi", "ja", "en"]},
                    {"id": "i2", "languages": ["vi", "en"]},
                ],
                "meetings": [
                    # m5 can only have i1, m4 either: i2 goes to m4, i1 to m5 (no problem) ...
                    {
                        "id": "m4",
                        "participants": ["a", "b"],
                        "interpreting": ["vi", "en"],
                        "fixed": fixed("s1", "t2"),
                    },
                    {
                        "id": "m5",
                        "participants": ["c", "d"],
                        "interpreting": ["ja", "vi"],
                        "fixed": fixed("s1", "t3"),
                    },
                    # ... but a third interpreted meeting in s1 finds nobody left.
                    {
                        "id": "m6",
                        "participants": ["e", "f"],
                        "interpreting": ["en", "vi"],
                        "fixed": fixed("s1", "t4"),
                    },
                ],
            },
            [("fixed_no_interpreter", "meetings[2].fixed")],
            id="interpreters all taken by fixed meetings of the slot",
        ),
    ],
)
def test_a_fixed_meeting_that_breaks_a_rule(changes, expected):
    doc = document(**changes)
    known = {participant["id"] for participant in doc["participants"]}
    doc["participants"] += [{"id": p} for p in ("d", "e", "f") if p not in known]
    doc["tables"] += [{"id": "t3", "seats": 3}, {"id": "t4", "seats": 3}]
    assert problems(doc) == expected


def test_every_fixed_meeting_problem_is_reported_at_once():
    doc = document(
        participants=[
            {"id": "a", "available": ["s2"], "max_meetings": 1},
            {"id": "b"},
            {"id": "c"},
        ],
        tables=[{"id": "t1", "seats": 2, "available": ["s2"]}, {"id": "t2", "seats": 3}],
        interpreters=[],
        meetings=[
            {"id": "m1", "participants": ["a", "b"], "fixed": fixed("s1", "t1")},
            {
                "id": "m2",
                "participants": ["a", "c"],
                "interpreting": ["vi", "ja"],
                "fixed": fixed("s1", "t1"),
            },
        ],
    )
    assert problems(doc) == [
        ("fixed_table_unavailable", "meetings[0].fixed"),
        ("fixed_member_unavailable", "meetings[0].fixed"),
        ("fixed_table_unavailable", "meetings[1].fixed"),
        ("fixed_table_too_small", "meetings[1].fixed"),
        ("fixed_table_taken", "meetings[1].fixed"),
        ("fixed_member_unavailable", "meetings[1].fixed"),
        ("fixed_member_busy", "meetings[1].fixed"),
        ("fixed_over_max_meetings", "meetings[1].fixed"),
        ("fixed_no_interpreter", "meetings[1].fixed"),
    ]


def test_a_fixed_meeting_that_keeps_every_rule_is_accepted():
    doc = document()
    doc["meetings"][1]["fixed"] = fixed("s2", "t2")
    instance = parse_instance(doc)
    assert instance.meetings[1].fixed == Fixed("s2", "t2")
    assert instance.candidate_slots(instance.meetings[1]) == ["s2"]
    assert instance.impossible == {}


# Meetings that are well-formed but cannot take place: not errors, reasons for the solver.


def test_impossible_when_the_members_share_no_slot():
    doc = document(
        participants=[
            {"id": "a", "available": ["s1"]},
            {"id": "b", "available": ["s2"]},
            {"id": "c"},
        ]
    )
    assert parse_instance(doc).impossible == {"m1": "its members share no available slot"}


def test_impossible_when_no_table_is_large_enough():
    doc = document(tables=[{"id": "t1", "seats": 2}])  # m2 needs 3: two members, an interpreter
    assert parse_instance(doc).impossible == {"m2": "no table has 3 seats"}


def test_impossible_without_an_interpreter_for_the_languages():
    doc = document(interpreters=[{"id": "i1", "languages": ["vi", "en"]}])
    assert parse_instance(doc).impossible == {"m2": "no interpreter covers ja and vi"}
    doc = document(interpreters=[])
    assert parse_instance(doc).impossible == {"m2": "no interpreter covers ja and vi"}


def test_impossible_when_a_member_accepts_no_meetings():
    doc = document(participants=[{"id": "a"}, {"id": "b", "max_meetings": 0}, {"id": "c"}])
    assert parse_instance(doc).impossible == {
        "m1": "a member accepts no meetings (max_meetings is 0)"
    }


def test_impossible_when_table_and_interpreter_are_never_free_together():
    doc = document(
        tables=[{"id": "t1", "seats": 2}, {"id": "t2", "seats": 3, "available": ["s2"]}],
        interpreters=[{"id": "i1", "languages": ["vi", "ja"], "available": ["s1"]}],
    )
    instance = parse_instance(doc)
    assert instance.impossible == {
        "m2": "no slot has the members, a large enough table and an interpreter all available"
    }
    assert instance.candidate_slots(instance.meeting_by_id["m2"]) == []
    assert instance.candidate_slots(instance.meeting_by_id["m1"]) == ["s1", "s2"]
