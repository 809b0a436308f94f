"""Events (issue 14, tenth pass): an event held earlier and dated by its era year (令和6年には
…式典が開かれ) or by days counted back ("two days earlier"), and the dates themselves;
sentences written for the test."""

import datetime as dt

import pytest

from kakehashi.news.engine import extract
from kakehashi.news.engine.dates import find_dates

PUBLISHED = dt.date(2026, 11, 20)


def _events(text, language="vi", published=PUBLISHED):
    facts = extract(text, language=language, published=published)["facts"]
    return [(f["name"], f["date"]) for f in facts if f["type"] == "event"]


def _values(text, language):
    return [d.value for d in find_dates(text, language, PUBLISHED)]


@pytest.mark.parametrize(
    ("text", "language", "values"),
    [
        ("令和6年には式典が開かれた。", "ja", ["2024"]),
        ("平成30年から交流を続けている。", "ja", ["2018"]),
        # a year "during" or a fiscal year of an era is no date of a day told
        ("令和9年中の締結を目指す。", "ja", []),
        ("令和9年度の事業として実施する。", "ja", []),
        ("11月12日に会談した。その3日前に商談会を開いた。", "ja", ["2026-11-12", "2026-11-09"]),
        (
            "On November 12 they met. Two days earlier, a forum was held.",
            "en",
            ["2026-11-12", "2026-11-10"],
        ),
        (
            "Ngày 12/11, hai bên hội đàm. Hai ngày trước đó, tỉnh tổ chức hội nghị.",
            "vi",
            ["2026-11-12", "2026-11-10"],
        ),
    ],
)
def test_dates_counted_back_and_era_years(text, language, values):
    assert _values(text, language) == values


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "市は12月16日にオンラインセミナーを開催します。令和5年には日越交流フォーラムが"
            "ハノイ市で開かれました。",
            "ja",
            [("オンラインセミナー", "2026-12-16"), ("日越交流フォーラム", "2023")],
        ),
        (
            "On November 12, the governor met the mayor in Osaka. Three days earlier, the "
            "delegation attended the Kansai Vietnam Investment Forum in Kobe.",
            "en",
            [("Kansai Vietnam Investment Forum", "2026-11-09")],
        ),
    ],
)
def test_an_event_held_earlier_takes_its_own_day(text, language, expected):
    assert _events(text, language) == expected
