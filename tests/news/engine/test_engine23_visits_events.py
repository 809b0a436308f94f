"""Visits and events (issue 14, twenty-third pass): the delegation's leader is the visitor even
when the sentence names a place of the talks' subject ("held talks with Phong on training nurses
in Tottori"); with no place told, the dateline's place hosts; an earlier edition "of the kind",
its place after a comma. Sentences written for the test."""

import datetime as dt

import pytest

from tests.news.engine.helpers import event_rows, visit_rows

PUBLISHED = dt.date(2026, 12, 9)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Talks\n\nOn December 7, Tottori Governor Keisuke Nakatani, who led a 30-member "
            "delegation, held talks with Chairman of the Quang Tri People's Committee Tran Huu "
            "Phong on training Quang Tri nurses in Tottori.",
            [("Keisuke Nakatani", "Tran Huu Phong", "quang-tri", "2026-12-07")],
        ),
        # no place told: the dateline's place hosts
        (
            "Plan\n\nGIA LAI — On December 7, Gia Lai and Kochi agreed to deepen ties, at talks "
            "between Chairman of the Gia Lai People's Committee Phan Van Loc and Kochi Governor "
            "Nishioka Tetsuya.",
            [("Nishioka Tetsuya", "Phan Van Loc", "gia-lai", "2026-12-07")],
        ),
        (
            "Plan\n\nKOCHI — On December 7, Gia Lai and Kochi agreed to deepen ties, at talks "
            "between Chairman of the Gia Lai People's Committee Phan Van Loc and Kochi Governor "
            "Nishioka Tetsuya.",
            [("Phan Van Loc", "Nishioka Tetsuya", "kochi-prefecture", "2026-12-07")],
        ),
    ],
)
def test_who_visits_whom(text, expected):
    assert visit_rows(text, "en", PUBLISHED) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "News\n\nThe city will hold a Takayama tourism seminar in Hanoi on February 4, 2027. A "
            "first seminar of the kind, in Ho Chi Minh City in March 2026, had 14 meetings.",
            [("Takayama tourism seminar", "2027-02-04"), ("first seminar of the kind", "2026-03")],
        ),
        (
            "News\n\nThe Hue Forum opened on Monday. The first forum, in Kyoto in May 2025, drew "
            "80 firms.",
            [("Hue Forum", "2026-12-07"), ("first forum", "2025-05")],
        ),
    ],
)
def test_an_edition_of_the_kind(text, expected):
    assert event_rows(text, "en", PUBLISHED) == expected
