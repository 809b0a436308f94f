"""Events and dates (issue 14, twenty-fourth pass): a venue in Japanese is no event (熊本市国際交流
会館で…説明会を開催); a festival held every two years is no event; a relative clause is a clause
of its own for a year-less date ("On December 10, X called on Y to prepare a memorandum that the
two sides plan to sign in 2027": December 10 is past); a telling with its own day wins over one
that took the day told before it (a heading line under a press conference's date). Sentences
written for the test."""

import datetime as dt

import pytest

from tests.news.engine.helpers import event_rows, visit_rows


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "発表\n\n本市は、令和９年１月16日（土）14時から、熊本市国際交流会館で事業説明会を開催"
            "します。",
            "ja",
            [("事業説明会", "2027-01-16")],
        ),
        (
            "Tin\n\nNgày 21/12, Sở tổ chức Phiên giao thương Khánh Hòa – Okinawa. Festival Biển "
            "Nha Trang – Khánh Hòa được tổ chức hai năm một lần.",
            "vi",
            [("Phiên giao thương Khánh Hòa – Okinawa", "2026-12-21")],
        ),
        (
            "News\n\nThe Hue Forum opened on December 21. The Hue Festival, which is held every "
            "two years, will follow.",
            "en",
            [("Hue Forum", "2026-12-21")],
        ),
        # a heading under the press conference's date, then the event's own day
        (
            "市長定例記者会見（令和８年12月17日）\n\n要旨をお知らせします。\n\n【発表案件】「堺・"
            "ダナン ものづくり商談会」の開催について\n\n本市と堺商工会議所は、来年２月３日、"
            "ダナン市で「堺・ダナン ものづくり商談会」を開催します。",
            "ja",
            [("堺・ダナン ものづくり商談会", "2027-02-03")],
        ),
    ],
)
def test_events(text, language, expected):
    assert event_rows(text, language, dt.date(2026, 12, 21)) == expected


def test_a_relative_clause_does_not_carry_its_future_to_the_day():
    text = (
        "Plan\n\nOn December 10, Okinawa Vice Governor Nakamura Kaori called on Chairman of the "
        "Dak Lak People's Committee Ho Van Thanh to prepare a memorandum that the two sides plan "
        "to sign in 2027."
    )
    assert visit_rows(text, "en", dt.date(2026, 12, 21)) == [
        ("Nakamura Kaori", "Ho Van Thanh", "dak-lak", "2026-12-10")
    ]
