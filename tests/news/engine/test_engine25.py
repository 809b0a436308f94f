"""Issue 14, twenty-fifth pass: a list told inside a relative clause ("Tay Ninh, which since
January has counted Gunma, Tochigi, Kagawa and Ibaraki as its four priority partners"); a
Japanese list denied (…は本県の重点交流先ではありませんが); festivals held "in X every June" are
no event; an edition "The first matching"; a Vietnamese edition "lần đầu do … tổ chức".
Sentences written for the test."""

import datetime as dt

import pytest

from tests.news.engine.helpers import event_rows, list_rows

PUBLISHED = dt.date(2026, 12, 16)


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Plan\n\nTAY NINH — Tay Ninh, which since January has counted Gunma, Tochigi, Kagawa "
            "and Ibaraki as its four priority partners in Japan for 2026-2030, turned to Kagawa "
            "on Tuesday.",
            "en",
            [
                (
                    "tay-ninh",
                    (
                        "gunma-prefecture",
                        "ibaraki-prefecture",
                        "kagawa-prefecture",
                        "tochigi-prefecture",
                    ),
                    4,
                    "2030",
                )
            ],
        ),
        # a relative clause about something else still leaves its place out
        (
            "Plan\n\nAichi, which picked Hanoi as a sister city, gives priority to Da Nang and Hue "
            "until 2030.",
            "en",
            [("aichi-prefecture", ("da-nang", "hue"), None, "2030")],
        ),
        (
            "発表\n\nタイニン省は本県の重点交流先ではありませんが、県内企業の進出が最も多い地域です。"
            "\n\n【問合せ先】香川県国際課",
            "ja",
            [],
        ),
    ],
)
def test_lists(text, language, expected):
    assert list_rows(text, language, PUBLISHED) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "News\n\nThe Tay Ninh–Kagawa Food Seminar was held on Tuesday. The Tay Ninh Mango "
            "Festival, held in Tan Bien every June, will have a Kagawa stall next year.",
            "en",
            [("Tay Ninh–Kagawa Food Seminar", "2026-12-15")],
        ),
        (
            "News\n\nThe Ca Mau–Kagoshima Seafood Business Matching was held on Tuesday with 29 "
            "meetings. The first matching, held in Kagoshima City in August 2025, produced eleven.",
            "en",
            [
                ("Ca Mau–Kagoshima Seafood Business Matching", "2026-12-15"),
                ("first matching", "2025-08"),
            ],
        ),
        (
            "Tin\n\nNgày 15/12, tỉnh Quảng Trị tổ chức Hội nghị xúc tiến đầu tư tại Sendai. Đây là "
            "lần thứ hai hội nghị được tổ chức; lần đầu do tỉnh Quảng Bình (cũ) tổ chức tại Hà Nội "
            "vào tháng 5/2025, với 12 cuộc gặp song phương.",
            "vi",
            [("Hội nghị xúc tiến đầu tư", "2026-12-15"), ("lần đầu", "2025-05")],
        ),
    ],
)
def test_events(text, language, expected):
    assert event_rows(text, language, PUBLISHED) == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Plan\n\nKobe, which is not one of Hue's four priority partners, sent a delegation.",
            "en",
        ),
        (
            "Tin\n\nThành phố Kobe không phải là một trong bốn đối tác ưu tiên của thành phố Huế.",
            "vi",
        ),
    ],
)
def test_a_place_said_not_to_be_a_partner(text, language):
    assert list_rows(text, language, PUBLISHED) == []
