"""Visits and counts (issue 14, twelfth pass): "X's delegation called on …, where it was
received by Y" is the delegation of a person told before, named by a part of the name;
"cooperates with five Japanese localities" is a count; sentences written for the test."""

import datetime as dt

from kakehashi.news.engine import extract

PUBLISHED = dt.date(2026, 12, 3)
LEAD = (
    "Binh Dinh Province held a seminar in Tokyo on Monday. Vice Chairman Tran Van Long of the "
    "provincial People's Committee spoke at it.\n\n"
)


def _visits(text):
    facts = extract(text, language="en", published=PUBLISHED)["facts"]
    return [(f["visitor"], f["host"]) for f in facts if f["type"] == "visit"]


def test_a_named_persons_delegation_received_by_a_host():
    text = LEAD + (
        "The same day, Long's delegation called on the Ministry of Economy, Trade and "
        "Industry, where it was received by Vice Minister Sato Kenji."
    )
    assert _visits(text) == [("Tran Van Long", "Sato Kenji")]


def test_a_possessive_of_no_one_told_before_gives_no_visitor():
    text = LEAD + (
        "The same day, Nguyen's delegation called on the Ministry of Economy, Trade and "
        "Industry, where it was received by Vice Minister Sato Kenji."
    )
    assert _visits(text) == []


def test_a_possessive_of_a_place_is_no_person():
    text = LEAD + "The same day, Osaka's delegation called on the Ministry of Economy."
    assert _visits(text) == []


def _counts(text):
    facts = extract(text, language="en", published=PUBLISHED)["facts"]
    return [(f["count"], f["country"]) for f in facts if f["type"] == "partnership_count"]


def test_cooperates_with_a_number_of_localities_is_a_count():
    text = "Da Nang currently cooperates with five Japanese localities, among them Sakai City."
    assert _counts(text) == [(5, "JP")]
    assert _counts("Hue has worked with four Japanese prefectures since 2015.") == [(4, "JP")]


def test_working_with_companies_is_no_count():
    assert _counts("The province works with three Japanese companies in the park.") == []
