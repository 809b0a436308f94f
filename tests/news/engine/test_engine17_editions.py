"""Events (issue 14, seventeenth pass): an earlier or a later edition of the article's event,
named as background with its own month or year ("up from 80 at the first … Forum in June
2025", "The second … fair, held in Kobe in May 2026, …", "the fourth seminar is scheduled for
March 2028", "tiếp nối thành công của Ngày hội … tại Nagoya tháng 9/2025"), is an event of its
own and not this year's event told again; "the forum" told next is still this year's.
Sentences written for the test, with look-alikes."""

import datetime as dt

import pytest

from kakehashi.news.engine import extract
from kakehashi.news.engine.facts.event_editions import other_edition

PUBLISHED = dt.date(2026, 11, 20)


def _facts(text, language, kind="event", published=PUBLISHED):
    return [
        f
        for f in extract(text, language=language, published=published)["facts"]
        if f["type"] == kind
    ]


def _events(text, language, published=PUBLISHED):
    return sorted((f["name"], f["date"]) for f in _facts(text, language, published=published))


@pytest.mark.parametrize(
    ("text", "language", "earlier"),
    [
        (
            "Some 150 firms took part in the Mekong–Chubu Trade Forum 2026 in Can Tho on "
            "Tuesday. Organisers said 90 meetings were held, up from 60 at the first "
            "Mekong–Chubu Trade Forum in June 2025.",
            "en",
            ("first Mekong–Chubu Trade Forum", "2025-06"),
        ),
        (
            "The Hokuriku–Vietnam Food Fair 2026 opened in Hanoi on November 18. The second "
            "Hokuriku–Vietnam fair, held in Kanazawa in May 2026, drew 40 exhibitors.",
            "en",
            ("second Hokuriku–Vietnam fair", "2026-05"),
        ),
        (
            "Dozens of companies attended the Saga–Vietnam Investment Seminar in Hai Phong on "
            "November 17. Its 3rd Saga–Vietnam seminar took place in Saga in October 2025.",
            "en",
            ("3rd Saga–Vietnam seminar", "2025-10"),
        ),
        (
            "Tối 18/11, UBND tỉnh khai mạc Ngày hội Văn hóa Quảng Ninh – Nhật Bản 2026. Phó Chủ "
            "tịch cho biết ngày hội năm nay tiếp nối thành công của Ngày hội Văn hóa Quảng Ninh "
            "tại Nagoya tháng 9/2025.",
            "vi",
            ("Ngày hội Văn hóa Quảng Ninh", "2025-09"),
        ),
    ],
)
def test_an_earlier_edition_is_an_event_of_its_own(text, language, earlier):
    events = _events(text, language)
    assert earlier in events
    assert len(events) == 2  # this year's event is still there, with its own day
    assert all(date and date.startswith("2026-11") for name, date in events if name != earlier[0])


@pytest.mark.parametrize(
    ("text", "later"),
    [
        (
            "The Vietnam–Shikoku Tourism Forum 2026 was held in Hue on November 19. Delegates "
            "will visit the citadel on Friday, and the third forum is scheduled for October "
            "2027 in Matsuyama.",
            ("third forum", "2027-10"),
        ),
        (
            "Osaka hosted the Kansai–Mekong Business Seminar on November 16. The next "
            "seminar will be held in Hanoi in April 2027.",
            None,  # "next" names no edition of its own ordinal: left to the rules of a plan
        ),
        (
            "Nagoya hosted the Chubu–Vietnam Expo on November 12, and the second Chubu–Vietnam "
            "Expo is planned for May 2028 in Da Nang.",
            ("second Chubu–Vietnam Expo", "2028-05"),
        ),
    ],
)
def test_a_later_edition_takes_the_date_of_its_own_clause(text, later):
    events = _events(text, "en")
    if later is None:
        assert ("Kansai–Mekong Business Seminar", "2026-11-16") in events
        return
    assert later in events


def test_the_forum_told_next_is_still_this_years_event():
    text = (
        "Officials gathered in Vinh on Wednesday for the Nghe An–Tohoku Forum 2026. The first "
        "Nghe An–Tohoku forum, held in Sendai in August 2025, ended with a memorandum. On the "
        "sidelines of the forum, Chairman of the Nghe An Provincial People's Committee Le Van "
        "Hai received Miyagi Vice Governor Kenta Ono."
    )
    visits = _facts(text, "en", kind="visit")
    assert [v["date"] for v in visits] == ["2026-11-18"]
    assert ("first Nghe An–Tohoku forum", "2025-08") in _events(text, "en")


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # one event told twice in the same month: still one event
        (
            "The Kyushu–Vietnam Business Forum opened in Da Nang on November 18. The Kyushu–"
            "Vietnam Business Forum continued on November 19 with company visits.",
            "en",
            [("Kyushu–Vietnam Business Forum", "2026-11-18")],
        ),
        # an ordinal that names no gathering: no event
        (
            "The first Vietnamese trainees arrived in Gifu in October 2025, and the second group "
            "is expected in March 2027.",
            "en",
            [],
        ),
        # a heading without a day of its own is still the event told below it
        (
            "２　セミナーの開催\n令和9年2月5日（金）、県は「ベトナム投資セミナー」を開催します。",
            "ja",
            [("ベトナム投資セミナー", "2027-02-05")],
        ),
        # "lần đầu tiên" as a first time, not an edition told with its own month
        (
            "Sáng 19/11, Hội chợ Nông sản Lâm Đồng – Nhật Bản lần đầu tiên được tổ chức tại "
            "Đà Lạt.",
            "vi",
            [("Hội chợ Nông sản Lâm Đồng – Nhật Bản lần đầu tiên", "2026-11-19")],
        ),
    ],
)
def test_look_alikes(text, language, expected):
    events = _events(text, language)
    if language == "vi":  # the name may stop before its edition words
        assert [d for _n, d in events] == [d for _n, d in expected]
        assert all(e[0].startswith("Hội chợ Nông sản") for e in events)
    else:
        assert events == expected


def test_other_edition():
    assert other_edition("2025-10", "2026-12-03")
    assert other_edition("2026-05", "2026-11-18")
    assert not other_edition("2026-11-19", "2026-11-18")
    assert not other_edition("--11-19", "2026-11")
    assert not other_edition(None, "2026-11-18")
    assert other_edition("--10-02", "--11-18")
