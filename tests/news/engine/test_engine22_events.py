"""Events (issue 14, twenty-second pass): an earlier edition named with an apposition ("The
previous seminar, the second of the series, was held in Yokohama in June 2026"); counts of
meetings in English words up to ninety-nine ("twenty-three one-on-one meetings"); a venue is no
event ("at the Can Tho Exhibition Centre"). Sentences written for the test."""

import datetime as dt

import pytest

from kakehashi.news.engine.facts.context import number
from tests.news.engine.helpers import event_rows, facts

PUBLISHED = dt.date(2026, 12, 24)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "News\n\nThe Hue–Kyoto Tourism Forum was held on Monday. The previous forum, the "
            "second of the series, was held in Kyoto in June 2026.",
            [("Hue–Kyoto Tourism Forum", "2026-12-21"), ("previous forum", "2026-06")],
        ),
        (
            "News\n\nThe Hue–Kyoto Tourism Forum was held on Monday. The first forum, an event for "
            "40 firms, took place in Kyoto in June 2025.",
            [("Hue–Kyoto Tourism Forum", "2026-12-21"), ("first forum", "2025-06")],
        ),
        (
            "News\n\nThe Hue–Kyoto Tourism Forum was held on Monday. The first seminar, a smaller "
            "gathering, was held in Hue in May 2024.",
            [("Hue–Kyoto Tourism Forum", "2026-12-21"), ("first seminar", "2024-05")],
        ),
        # a clause that says something else between the name and a date: no edition
        (
            "News\n\nThe Hue–Kyoto Tourism Forum was held on Monday. The first forum, which drew "
            "40 firms, ended early; a workshop followed in June 2025.",
            [("Hue–Kyoto Tourism Forum", "2026-12-21")],
        ),
    ],
)
def test_an_edition_named_with_an_apposition(text, expected):
    assert event_rows(text, "en", PUBLISHED) == expected


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("twenty-three one-on-one meetings were arranged", 23),
        ("with forty one business meetings", 41),
        ("Nineteen bilateral talks followed", 19),
        ("Ninety-nine B2B meetings", 99),
        ("thirty business meetings", 30),
    ],
)
def test_meetings_counted_in_words(text, count):
    article = (
        "News\n\nOn December 22, the Da Nang Department of Science and Technology held the Da "
        f"Nang–Yokohama Smart City Seminar. {text[0].upper() + text[1:]}."
    )
    (event,) = facts(article, "en", published=PUBLISHED, kind="event")
    assert event["one_to_one_meetings"] == count


def test_words_that_are_no_count():
    assert [number(word) for word in ("twenty-three", "Forty one", "seventeen", "twentyone")] == [
        23,
        41,
        17,
        None,
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "News\n\nDelegations from Kumamoto were among 120 exhibitors at the Can Tho–Japan "
            "Agricultural Technology Fair, which opened on Friday at the Can Tho Exhibition "
            "Centre.",
            [("Can Tho–Japan Agricultural Technology Fair", "2026-12-18")],
        ),
        (
            "News\n\nThe Vietnam–Japan Food Expo opened on Friday at the Saigon Exhibition and "
            "Convention Center in HCMC.",
            [("Vietnam–Japan Food Expo", "2026-12-18")],
        ),
        (
            "News\n\nThe Hanoi Exhibition, a showcase of Japanese design, opened on Friday at the "
            "Hanoi Exhibition Hall.",
            [("Hanoi Exhibition", "2026-12-18")],
        ),
    ],
)
def test_a_venue_is_no_event(text, expected):
    assert event_rows(text, "en", PUBLISHED) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an edition named with its host and its place; the count before it is the event's
        # told first
        (
            "News\n\nMore than 200 companies attended the Phu Tho–Japan Investment Promotion "
            "Conference 2026 in Viet Tri on Thursday. Thirty-one business-to-business meetings "
            "were held in the afternoon, against 18 at the previous conference, held by the former "
            "Vinh Phuc Province in Vinh Yen in May 2024.",
            [
                ("Phu Tho–Japan Investment Promotion Conference 2026", "2026-12-24", 31),
                ("previous conference", "2024-05", None),
            ],
        ),
        (
            "News\n\nThe Hue Forum opened on Monday. The first forum, hosted by JICA in Hue in May "
            "2025, drew 80 firms.",
            [("Hue Forum", "2026-12-21", None), ("first forum", "2025-05", None)],
        ),
        # a matching day named without "business"; the count after it is its own
        (
            "News\n\nThe city will co-host the Mekong Delta–Japan Business Matching Day with JETRO "
            "on January 14, 2027. The first matching day, held in Can Tho in March 2026, produced "
            "thirty-eight one-on-one meetings.",
            [
                ("Mekong Delta–Japan Business Matching Day", "2027-01-14", None),
                ("first matching day", "2026-03", 38),
            ],
        ),
        # organised by someone, then another event in another clause: no edition
        (
            "News\n\nThe Hue Forum opened on Monday. The first forum was organised by Hue and "
            "Kyoto, and a seminar followed in May 2025.",
            [("Hue Forum", "2026-12-21", None)],
        ),
    ],
)
def test_editions_with_their_host_and_their_counts(text, expected):
    found = facts(text, "en", published=PUBLISHED, kind="event")
    assert [(f["name"], f["date"], f["one_to_one_meetings"]) for f in found] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "và" before a title-case word inside the name
        (
            "Tin\n\nTháng 3/2027, Sở sẽ đưa 10 doanh nghiệp tham gia Triển lãm Thực phẩm và Đồ "
            "uống quốc tế FOODEX Japan 2027 tại Tokyo.",
            [("Triển lãm Thực phẩm và Đồ uống quốc tế FOODEX Japan 2027", "2027-03")],
        ),
        (
            "Tin\n\nNgày 20/12, Sở Công Thương tổ chức Hội chợ Nông sản và Thủ công mỹ nghệ Việt "
            "Nam – Nhật Bản tại Hà Nội.",
            [("Hội chợ Nông sản và Thủ công mỹ nghệ Việt Nam – Nhật Bản", "2026-12-20")],
        ),
        # "và" before another event or a body ends the name
        (
            "Tin\n\nNgày 20/12, tỉnh tổ chức Hội thảo Xúc tiến đầu tư và Lễ trao giấy chứng nhận "
            "đầu tư cho doanh nghiệp Nhật Bản.",
            [("Hội thảo Xúc tiến đầu tư", "2026-12-20")],
        ),
        (
            "Tin\n\nNgày 20/12, Sở tổ chức Hội nghị Xúc tiến thương mại và Sở Ngoại vụ tiếp đoàn "
            "tỉnh Gunma.",
            [("Hội nghị Xúc tiến thương mại", "2026-12-20")],
        ),
        # a trading session is an event
        (
            "Tin\n\nNgày 18/12, Sở Công Thương tỉnh Đồng Tháp tổ chức Phiên giao thương trực tuyến "
            "giữa doanh nghiệp tỉnh Đồng Tháp và tỉnh Miyazaki.",
            [
                (
                    "Phiên giao thương trực tuyến giữa doanh nghiệp tỉnh Đồng Tháp và tỉnh "
                    "Miyazaki",
                    "2026-12-18",
                )
            ],
        ),
    ],
)
def test_vietnamese_names(text, expected):
    assert event_rows(text, "vi", PUBLISHED) == expected
