"""Priority partners (issue 14, twenty-first pass): the clauses of one sentence joined by a
semicolon. Two clauses with periods of their own are two lists ("until fiscal 2027, A and B;
from fiscal 2028 to 2030, C and D"); a clause on other ties, or with a period that ended before
the article's year, is no list's; a semicolon between members leaves the list whole. Sentences
written for the test."""

import datetime as dt

import pytest

from tests.news.engine.helpers import list_rows

PUBLISHED = dt.date(2026, 12, 20)


def _lists(text, language="en"):
    return list_rows(text, language, PUBLISHED, fields=("until",))


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Hai Phong plan\n\nUntil fiscal 2027, Hai Phong City will prioritise exchanges with "
            "Kanagawa and Hyogo prefectures; from fiscal 2028 to 2030, its priority partners will "
            "be Osaka and Fukuoka prefectures.",
            "en",
            [
                ("hai-phong", ("fukuoka-prefecture", "osaka-prefecture"), "2030"),
                ("hai-phong", ("hyogo-prefecture", "kanagawa-prefecture"), "2027"),
            ],
        ),
        # the second clause tells its list by a pronoun, with no word of priority
        (
            "Hue plan\n\nFor fiscal 2026 to 2027, Hue City's priority partners are Kyoto and Nara "
            "prefectures; for fiscal 2028 to 2030, they will be Kobe City and Sendai City.",
            "en",
            [
                ("hue", ("kobe-city", "sendai-city"), "2030"),
                ("hue", ("kyoto-prefecture", "nara-prefecture"), "2027"),
            ],
        ),
        # a preference in the first clause, the owner as a pronoun in the second ("của tỉnh")
        (
            "Tin\n\nGiai đoạn đến năm 2027, tỉnh Lai Châu ưu tiên hợp tác với tỉnh Shizuoka và "
            "tỉnh Kagoshima; giai đoạn 2028-2030, các đối tác ưu tiên của tỉnh là tỉnh Nagano và "
            "tỉnh Toyama.",
            "vi",
            [
                ("lai-chau", ("kagoshima-prefecture", "shizuoka-prefecture"), "2027"),
                ("lai-chau", ("nagano-prefecture", "toyama-prefecture"), "2030"),
            ],
        ),
        (
            "Quang Ninh plan\n\nQuang Ninh Province named Shizuoka Prefecture and Kobe City as "
            "priority partners until 2027; for the 2028-2030 period, Nagano and Toyama prefectures "
            "are its priority partners.",
            "en",
            [
                ("quang-ninh", ("kobe-city", "shizuoka-prefecture"), "2027"),
                ("quang-ninh", ("nagano-prefecture", "toyama-prefecture"), "2030"),
            ],
        ),
    ],
)
def test_two_clauses_with_their_periods_are_two_lists(text, language, expected):
    assert _lists(text, language) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a clause on other ties: not a member
        (
            "Lai Chau plan\n\nUntil 2030, Lai Chau Province's priority partners are Shizuoka and "
            "Kagoshima prefectures; the province also keeps friendly ties with Nagano Prefecture.",
            [("lai-chau", ("kagoshima-prefecture", "shizuoka-prefecture"), "2030")],
        ),
        (
            "Hue plan\n\nHue City has named Sendai and Kobe as its priority partners until 2030; "
            "the city also signed a memorandum with Nara Prefecture in 2024.",
            [("hue", ("kobe-city", "sendai-city"), "2030")],
        ),
        # a period that ended before the article's year: background, no list
        (
            "Lai Chau plan\n\nLai Chau Province named Shizuoka and Kagoshima prefectures as its "
            "priority partners until 2030; Nagano Prefecture was its partner from 2015 to 2020.",
            [("lai-chau", ("kagoshima-prefecture", "shizuoka-prefecture"), "2030")],
        ),
        # one period for the whole sentence: the clauses make one list
        (
            "Hue plan\n\nUntil 2030, Hue City's priority partners are Miyagi Prefecture and Sendai "
            "City; both have sent delegations to Hue every year.",
            [("hue", ("miyagi-prefecture", "sendai-city"), "2030")],
        ),
        # a semicolon between members: one list
        (
            "Lai Chau plan\n\nPriority partners of Lai Chau Province until 2030: Shizuoka "
            "Prefecture; Kagoshima Prefecture; Nagano Prefecture.",
            [
                (
                    "lai-chau",
                    ("kagoshima-prefecture", "nagano-prefecture", "shizuoka-prefecture"),
                    "2030",
                )
            ],
        ),
        # two clauses with the same period: one list
        (
            "Hue plan\n\nUntil 2030, Hue City will prioritise exchanges with Kyoto Prefecture; "
            "Nara Prefecture is also among its priority partners until 2030.",
            [("hue", ("kyoto-prefecture", "nara-prefecture"), "2030")],
        ),
    ],
)
def test_clauses_that_make_one_list_or_none(text, expected):
    assert _lists(text) == expected
