"""People (issue 14, sixteenth pass): a possessive is no part of a name ("Governor Kazuhiro
Tsuji's working trip"), an apostrophe inside one is ("Sean O'Brien")."""

import datetime as dt

import pytest

from kakehashi.news.engine import extract


def _people(text):
    facts = extract(text, language="en", published=dt.date(2026, 12, 5))["facts"]
    return [(f["name"], f["role"]) for f in facts if f["type"] == "person"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The change comes a week after Saitama Governor Kazuhiro Tsuji's working trip to "
            "Hanoi.",
            ("Kazuhiro Tsuji", "Governor"),
        ),
        ("Ambassador Ito Naoki’s remarks were welcomed.", ("Ito Naoki", "Ambassador")),
        ("Mayor Sean O'Brien's delegation arrived on Monday.", ("Sean O'Brien", "Mayor")),
    ],
)
def test_a_possessive_is_no_part_of_the_name(text, expected):
    assert expected in _people(text)
