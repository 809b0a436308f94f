"""Events (issue 14, twelfth pass): an English lower-case event moved to a later date ("A
roadshow in Osaka, first planned for this month, has been moved to April 2027") is held then;
one cancelled is none; sentences written for the test."""

import datetime as dt

import pytest

from kakehashi.news.engine import extract

PUBLISHED = dt.date(2026, 12, 3)


def _events(text):
    facts = extract(text, language="en", published=PUBLISHED)["facts"]
    return [(f["name"], f["date"]) for f in facts if f["type"] == "event"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A trade fair in Osaka, first planned for this month, has been moved to April 2027.",
            [("trade fair", "2027-04")],
        ),
        (
            "A business seminar in Nagoya has been postponed to March 2027.",
            [("business seminar", "2027-03")],
        ),
        ("A tourism roadshow was rescheduled for May 2027.", [("tourism roadshow", "2027-05")]),
    ],
)
def test_an_event_moved_to_a_later_date(text, expected):
    assert _events(text) == expected


def test_an_event_cancelled_is_none():
    assert _events("A business seminar in Nagoya, first planned for May, has been cancelled.") == []
