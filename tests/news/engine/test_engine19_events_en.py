"""English events (issue 14, nineteenth pass): an edition named by its ordinal or its year
with a generic head ("The first such seminar, held in Kobe in May 2025", "A second webinar, in
August 2026, …", "the first session held in Sakai City in June 2025", "will host the 2027
seminar in October next year"), a lower-case head and its topic reported by the verbs that
report a gathering ("brought together", "drew", "wrapped up"), and "Webinar" as a head.
Sentences written for the test, with look-alikes."""

import datetime as dt

import pytest

from tests.news.engine.helpers import event_rows

PUBLISHED = dt.date(2026, 12, 20)
_LEAD = (
    "Osaka hosts Vietnam seminar\n\n"
    "The Osaka–Vietnam Investment Seminar 2026 was held in Osaka on December 10. "
)
_OWN = ("Osaka–Vietnam Investment Seminar 2026", "2026-12-10")


def _events(text, published=PUBLISHED):
    return event_rows(text, "en", published)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The first such seminar, held in Kobe in May 2025, drew 80 companies.",
            ("first such seminar", "2025-05"),
        ),
        (
            "A second webinar, in August 2026, produced 20 meetings.",
            ("second webinar", "2026-08"),
        ),
        (
            "It followed the first session held in Sakai City in June 2025, at which 22 "
            "meetings took place.",
            ("first session", "2025-06"),
        ),
        (
            "Hanoi will host the 2027 seminar in October next year.",
            ("2027 seminar", "2027-10"),
        ),
        (
            "The 2025 edition, held in Kyoto in March 2025, drew 60 firms.",
            ("2025 edition", "2025-03"),
        ),
    ],
)
def test_an_edition_by_its_ordinal_or_year_with_a_generic_head(text, expected):
    found = _events(_LEAD + text)
    assert _OWN in found
    assert expected in found
    assert len(found) == 2


@pytest.mark.parametrize(
    "text",
    [
        # a part of this one, dated by its own day: no edition
        "The first session, on December 10, covered tea exports.",
        # an ordinal with no date of its own
        "The first seminar of its kind was a success, officials said.",
        "A second seminar would be welcome, the mayor said.",
    ],
)
def test_no_edition_without_a_date_of_its_own(text):
    assert _events(_LEAD + text) == [_OWN]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A business matching conference between Da Nang and Japanese companies brought "
            "together 120 firms in Da Nang on Friday.",
            ("business matching conference between Da Nang and Japanese companies", "2026-12-18"),
        ),
        (
            "A trade fair for Japanese food products wrapped up in Hanoi on Sunday after drawing "
            "20,000 visitors.",
            ("trade fair for Japanese food products", "2026-12-20"),
        ),
        (
            "An investment forum on green energy drew 300 delegates to Hai Phong on Thursday.",
            ("investment forum on green energy", "2026-12-17"),
        ),
    ],
)
def test_a_lower_case_head_reported_by_a_verb_of_gathering(text, expected):
    assert _events("Vietnam news\n\n" + text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        # a hope, not a gathering reported
        "A trade fair would be a good idea, officials said, and the plan drew praise.",
        # the verb reports no gathering: counted meetings, a campaign
        "The campaign drew 2,000 visitors to Hanoi on Friday.",
        "Several forums on tourism drew praise from the ministry on Friday.",
    ],
)
def test_no_event_from_a_verb_of_gathering_alone(text):
    assert _events("Vietnam news\n\n" + text) == []


def test_a_webinar_named_by_its_proper_name():
    text = (
        "Vietnam news\n\nOn Thursday, the provincial Department of Industry and Trade and JETRO "
        "Hanoi held the Son La–Japan Fruit Export Webinar, with ten one-on-one online meetings."
    )
    assert _events(text) == [("Son La–Japan Fruit Export Webinar", "2026-12-17")]
