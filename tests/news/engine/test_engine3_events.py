"""Events named by what they are about, titles that end with what they are, one event told
twice, and who organises it (issue 14, third pass); sentences written for the test."""

import datetime as dt

import pytest

from kakehashi.news.engine import extract

PUBLISHED = dt.date(2025, 6, 20)


def _events(text, language):
    facts = extract(text, language=language, published=PUBLISHED)["facts"]
    return [
        (f["name"], f["date"], [o["name"] for o in f["organisers"]])
        for f in facts
        if f["type"] == "event"
    ]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Ngày 14/6, UBND tỉnh Quảng Ngãi tổ chức hội thảo thu hút doanh nghiệp Nhật Bản vào "
            "khu kinh tế Dung Quất với sự tham gia của 60 doanh nghiệp.",
            "vi",
            ("hội thảo thu hút doanh nghiệp Nhật Bản vào khu kinh tế Dung Quất", "2025-06-14"),
        ),
        (
            "On June 12, the Gifu Prefectural Government hosted a workshop on food exports in "
            "Gifu City, which drew 40 companies.",
            "en",
            ("workshop on food exports", "2025-06-12"),
        ),
        (
            "Hue will host an Aichi tourism promotion forum on July 2, the city said.",
            "en",
            ("Aichi tourism promotion forum", "2025-07-02"),
        ),
        (
            "The agreement was announced on June 11 at a seminar on cooperation between Hue and "
            "Japanese localities, hosted by JICA.",
            "en",
            ("seminar on cooperation between Hue and Japanese localities", "2025-06-11"),
        ),
    ],
)
def test_an_event_named_by_what_it_is_about(text, language, expected):
    assert [event[:2] for event in _events(text, language)] == [expected]


def test_a_working_meeting_is_no_event():
    text = "On June 12, the Governor hosted an online meeting with the Hue delegation."
    assert _events(text, "en") == []


def test_a_japanese_title_is_an_event_when_it_ends_with_what_it_is():
    text = (
        "岐阜県は6月10日、「岐阜・ベトナム食品ウェビナー」をオンラインで開催した。"
        "県は同日、「ぎふ海外展開プラン」を公表した。"
    )
    assert [e[:2] for e in _events(text, "ja")] == [("岐阜・ベトナム食品ウェビナー", "2025-06-10")]


def test_a_headline_and_the_lead_are_one_event_named_and_dated_by_the_lead():
    text = (
        "知事がフエ市を訪問　食品商談会も開催\n\n"
        "翌11日には、岐阜県とジェトロ名古屋が「岐阜県・フエ食品商談会 in フエ」を市内で開いた。"
    )
    assert _events(text, "ja") == [
        ("岐阜県・フエ食品商談会 in フエ", "2025-06-11", ["岐阜県", "ジェトロ名古屋"])
    ]


@pytest.mark.parametrize(
    ("text", "language", "organisers"),
    [
        # the topic only, not the places of the object; an office and its place are one
        (
            "大阪府とジェトロ大阪は10日、フエ市との交流会を開いた。",
            "ja",
            ["大阪府", "ジェトロ大阪"],
        ),
        # a prefecture before its city is the city's address
        ("大阪府堺市は6月10日、ダナン市との交流会を開いた。", "ja", ["堺市"]),
        (
            "The Hue Japan Forum on June 10 was co-organised by the Hue Department of Foreign "
            "Affairs and the Japan International Cooperation Agency (JICA).",
            "en",
            ["Hue Department of Foreign Affairs", "Japan International Cooperation Agency (JICA)"],
        ),
    ],
)
def test_organisers(text, language, organisers):
    assert [event[2] for event in _events(text, language)] == [organisers]
