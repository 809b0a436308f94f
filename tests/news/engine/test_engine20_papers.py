"""A place's name inside a newspaper's name ("told The Saigon Times", "Da Nang Today", "báo Sài
Gòn Giải Phóng") is no place of the text, nor the antecedent of a later "the city" (issue 14,
twentieth pass). Sentences written for the test."""

import datetime as dt

import pytest

from kakehashi.news.engine import extract

PUBLISHED = dt.date(2026, 12, 20)


def _places(text, language):
    doc = extract(text, language=language, published=PUBLISHED)
    return [(m["text"], m["slug"]) for m in doc["mentions"] if m["kind"] == "locality"]


@pytest.mark.parametrize(
    ("text", "language", "paper"),
    [
        ("Hue plans\n\nThe director of Hue's tourism department told The Saigon Times.", "en",
         "Saigon"),
        ("Hue plans\n\nHue will host the fair, Da Nang Today reported.", "en", "Da Nang"),
        ("Huế\n\nGiám đốc Sở nói với báo Sài Gòn Giải Phóng về kế hoạch của Huế.", "vi",
         "Sài Gòn"),
        ("Hue plans\n\nHue's plan was first reported by the Hanoi Times on Monday.", "en",
         "Hanoi"),
    ],
)  # fmt: skip
def test_place_in_a_paper_name(text, language, paper):
    assert paper not in [name for name, _ in _places(text, language)]


@pytest.mark.parametrize(
    "text",
    [
        "Saigon port\n\nThe Saigon port handled more containers this year.",
        "Hanoi news\n\nHanoi opened a new metro line, officials said.",
    ],
)
def test_place_not_in_a_paper_name_stays(text):
    assert any(slug in ("ho-chi-minh-city", "hanoi") for _, slug in _places(text, "en")[1:])


def test_the_city_after_a_paper_name_is_the_city_of_the_article():
    text = (
        "Can Tho bets on Japan\n\nCAN THO — Can Tho will deepen ties with Japan, Tran Thi Ha, "
        "Director of the city's Department of Foreign Affairs, told The Saigon Times. "
        '"We have settled on a quartet of Japanese localities for the years up to 2030: Aichi, '
        'Gifu, Mie and Nagoya City," she said, adding that the city would send interns.'
    )
    lists = [
        f
        for f in extract(text, language="en", published=PUBLISHED)["facts"]
        if f["type"] == "priority_partners"
    ]
    assert [f["locality"]["slug"] for f in lists] == ["can-tho"]
