"""Events (issue 14, fifteenth pass), on sentences written for the test: a sentence opening "The
same week", "Cùng tháng", 同月 takes the date told before it even when that one is a month
("in October"), the month for "the same month"; a sentence with no such words still takes
only a day told before."""

import datetime as dt

import pytest

from kakehashi.news.engine import extract

PUBLISHED = dt.date(2026, 11, 30)


def _events(text, language):
    facts = extract(text, language=language, published=PUBLISHED)["facts"]
    return [f for f in facts if f["type"] == "event"]


@pytest.mark.parametrize(
    ("language", "text", "date"),
    [
        (
            "en",
            "Hung Yen in Japan\n\nVinh called on the governor of Aichi Prefecture in Nagoya in "
            "October. The same week, the Hung Yen People's Committee and JETRO co-organised an "
            "investment promotion conference in Tokyo.",
            "2026-10",
        ),
        (
            "en",
            "Hung Yen in Japan\n\nVinh called on the governor of Aichi Prefecture on October 5. "
            "That month, the Hung Yen People's Committee and JETRO co-organised an investment "
            "promotion conference in Tokyo.",
            "2026-10",
        ),
        (
            "vi",
            "Hưng Yên xúc tiến đầu tư\n\nTháng 10/2026, ông Vinh đã thăm tỉnh Aichi. Cùng tháng, "
            "UBND tỉnh Hưng Yên phối hợp với JETRO tổ chức Hội nghị xúc tiến đầu tư tại Tokyo.",
            "2026-10",
        ),
    ],
)
def test_the_same_week_or_month_takes_the_date_told_before(language, text, date):
    (event,) = _events(text, language)
    assert event["date"] == date


def test_without_such_words_a_month_told_before_dates_nothing():
    text = (
        "Hung Yen in Japan\n\nVinh called on the governor of Aichi Prefecture in Nagoya in "
        "October. The Hung Yen People's Committee and JETRO co-organised an investment "
        "promotion conference in Tokyo."
    )
    assert [e["date"] for e in _events(text, "en")] in ([], [None])
