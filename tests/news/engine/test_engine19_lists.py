"""Priority partners (issue 14, nineteenth pass): one locality's lists for two periods with no
partner in common are two lists ("until 2027, A and B …; from 2028, C and D … until 2030"),
while a list told again (a headline and its lead, a list extended to a later year with its
members kept) stays one. Sentences written for the test."""

import datetime as dt

import pytest

from tests.news.engine.helpers import list_rows

PUBLISHED = dt.date(2026, 12, 20)


def _lists(text, language):
    return list_rows(text, language, PUBLISHED, fields=("until",))


@pytest.mark.parametrize(
    ("text", "language", "place", "first", "second"),
    [
        (
            "Lai Chau plan\n\nIn the first stage, until 2027, Shizuoka and Kagoshima prefectures "
            "are the priority partners of Lai Chau Province. From 2028, Nagano and Toyama "
            "prefectures take over as the province's priority partners until 2030.",
            "en",
            "lai-chau",
            ("kagoshima-prefecture", "shizuoka-prefecture"),
            ("nagano-prefecture", "toyama-prefecture"),
        ),
        (
            "Tin\n\nGiai đoạn đến năm 2027, các đối tác ưu tiên của tỉnh Lai Châu là tỉnh Shizuoka "
            "và tỉnh Kagoshima. Từ năm 2028, các đối tác ưu tiên của tỉnh Lai Châu là tỉnh Nagano "
            "và tỉnh Toyama, đến năm 2030.",
            "vi",
            "lai-chau",
            ("kagoshima-prefecture", "shizuoka-prefecture"),
            ("nagano-prefecture", "toyama-prefecture"),
        ),
        (
            "愛知県の方針\n\n愛知県は、2027年まで、ハノイ市とフエ市を重点交流先とする。2028年からは、"
            "愛知県はダナン市とカントー市を2030年までの重点交流先とする。",
            "ja",
            "aichi-prefecture",
            ("hanoi", "hue"),
            ("can-tho", "da-nang"),
        ),
    ],
)
def test_two_periods_two_lists(text, language, place, first, second):
    assert _lists(text, language) == sorted([(place, first, "2027"), (place, second, "2030")])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a headline without its period, then the lead with it: one list
        (
            "Lai Chau names Nagano and Toyama as priority partners\n\nLAI CHAU — Nagano and Toyama "
            "prefectures are the priority partners of Lai Chau Province until 2030.",
            [("lai-chau", ("nagano-prefecture", "toyama-prefecture"), "2030")],
        ),
        # extended to a later year with its members kept: one list, the larger
        (
            "Lai Chau plan\n\nUntil 2027, Shizuoka and Kagoshima prefectures are the priority "
            "partners of Lai Chau Province. The province later extended the list of its priority "
            "partners, Shizuoka, Kagoshima and Nagano prefectures, until 2030.",
            [
                (
                    "lai-chau",
                    ("kagoshima-prefecture", "nagano-prefecture", "shizuoka-prefecture"),
                    "2030",
                )
            ],
        ),
    ],
)
def test_one_list_told_again(text, expected):
    assert _lists(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Khanh Hoa adds Kagoshima\n\nNHA TRANG — Khanh Hoa has added Kagoshima Prefecture to "
            "its priority partners, bringing their number to three, under a plan approved on "
            "December 8.\n\nKhanh Hoa's priority partners in Japan, 2026-2030\nPartners: Okinawa "
            "Prefecture; Kagawa Prefecture (Shikoku); Kagoshima Prefecture\nFields: marine "
            "tourism, fisheries",
            "en",
            (
                "khanh-hoa",
                ("kagawa-prefecture", "kagoshima-prefecture", "okinawa-prefecture"),
                "2030",
            ),
        ),
        (
            "Tin\n\nCác đối tác ưu tiên của tỉnh Lâm Đồng tại Nhật Bản, giai đoạn 2026-2030\n"
            "Đối tác: tỉnh Nagano; tỉnh Shizuoka; thành phố Hamamatsu\nLĩnh vực: du lịch, nông "
            "nghiệp",
            "vi",
            (
                "lam-dong",
                ("hamamatsu-city", "nagano-prefecture", "shizuoka-prefecture"),
                "2030",
            ),
        ),
        (
            "静岡県の重点交流先（令和8年度～令和12年度）\n重点交流先：ドンナイ省、ラムドン省、ダナン市\n"
            "分野：観光、農業",
            "ja",
            ("shizuoka-prefecture", ("da-nang", "dong-nai", "lam-dong"), "2030"),
        ),
    ],
)
def test_a_fact_box_under_a_heading_line(text, language, expected):
    assert _lists(text, language) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        # the heading names no priority list: partners of any kind
        "Khanh Hoa news\n\nKhanh Hoa's partners in Japan\nPartners: Okinawa Prefecture; Kagawa "
        "Prefecture",
        # the line under the heading is no box of partners
        "Khanh Hoa news\n\nKhanh Hoa's priority partners in Japan, 2026-2030\nFields: marine "
        "tourism, fisheries\nPartners met on Friday: Okinawa Prefecture; Kagawa Prefecture",
        # a sentence, not a heading: its list is its own
        "Khanh Hoa news\n\nKhanh Hoa has priority partners in Japan.\nPartners: Okinawa "
        "Prefecture; Kagawa Prefecture",
    ],
)
def test_no_box_without_its_heading(text):
    assert _lists(text, "en") == []
