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


@pytest.mark.parametrize(
    ("text", "values"),
    [
        (
            "12月1日に来庁した。一行は翌2日、新潟市で開催される商談会に参加する。",
            ["2026-12-01", "2026-12-02"],
        ),
        ("11月30日に会談し、翌1日に工場を視察した。", ["2026-11-30", "2026-12-01"]),
        ("令和8年10月14日に到着し、翌15日に知事と会談した。", ["2026-10-14", "2026-10-15"]),
    ],
)
def test_the_following_nth_is_after_the_day_told_before(text, values):
    from kakehashi.news.engine.dates import find_dates

    assert [d.value for d in find_dates(text, "ja", PUBLISHED)] == values


def test_the_following_nth_with_no_day_told_before_is_read_as_the_nth():
    from kakehashi.news.engine.dates import find_dates

    (found,) = find_dates("一行は翌3日に帰国した。", "ja", PUBLISHED)
    assert (found.text, found.value) == ("3日", "2026-11-03")
    assert find_dates("一行は翌3日に帰国した。", "ja", None) == []
