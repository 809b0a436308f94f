"""A year-less date takes the tense of its own clause, not of the whole sentence: "hosted the
forum on November 12, and the second forum will be held on November 10" is a past date beside a
future one (dates.py, `_clause`). How long an event runs ("kéo dài đến ngày 22/12") is no part
of its name."""

import datetime as dt

import pytest

from kakehashi.news.engine import extract
from kakehashi.news.engine.dates import find_dates

PUBLISHED = dt.date(2026, 12, 20)


def values(text: str, language: str) -> list[str]:
    return [d.value for d in find_dates(text, language, PUBLISHED)]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "The prefecture hosted the forum on November 12, and the second forum will be held "
            "on November 10.",
            "en",
            ["2026-11-12", "2027-11-10"],
        ),
        (
            "The seminar took place on December 3; the next one is scheduled for December 2.",
            "en",
            ["2026-12-03", "2027-12-02"],
        ),
        (
            "Hội nghị lần thứ nhất diễn ra ngày 12/11, còn hội nghị lần thứ hai sẽ được tổ chức "
            "vào ngày 10/11.",
            "vi",
            ["2026-11-12", "2027-11-10"],
        ),
    ],
)
def test_a_past_clause_keeps_its_date_beside_a_future_one(text, language, expected):
    assert values(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # one clause: "will" governs both days
        (
            "The forum will be held in Hanoi on December 12 and in Osaka on December 15.",
            "en",
            ["2027-12-12", "2027-12-15"],
        ),
        ("Sở sẽ tổ chức hội thảo vào ngày 5/12 và ngày 6/12.", "vi", ["2027-12-05", "2027-12-06"]),
        # Japanese runs its clauses on with 、: the sentence's tense is the date's
        (
            "12月5日に説明会を開催し、12月6日に商談会を開催する予定です。",
            "ja",
            ["2027-12-05", "2027-12-06"],
        ),
    ],
)
def test_a_future_sentence_of_one_clause_stays_in_the_future(text, language, expected):
    assert values(text, language) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Sáng 18/12, Hội chợ Thương mại Việt Nam – Nhật Bản 2026 kéo dài đến ngày 22/12 đã thu "
        "hút 200 gian hàng.",
        "Tuần lễ Văn hóa Nhật Bản kéo dài 5 ngày đã khép lại tối 18/12.",
        "Hội chợ Thương mại Việt Nam – Nhật Bản 2026 kéo dài từ ngày 18 đến 22/12 tại Cần Thơ.",
    ],
)
def test_keo_dai_ends_a_vietnamese_event_name(text):
    """'kéo dài' (lasting until) says how long the event runs: no part of its name."""
    events = [
        f
        for f in extract(text, language="vi", published=PUBLISHED)["facts"]
        if f["type"] == "event"
    ]
    assert events and all("kéo dài" not in e["name"] for e in events)
    assert events[0]["date"] == "2026-12-18"
