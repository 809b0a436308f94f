"""What the review page writes of a fact's date: the reader's form, never the engine's code."""

from django.utils import translation

from kakehashi.news.display import fact_lines


def dates(fact: dict, language: str) -> str:
    with translation.override(language):
        return dict((str(label), value) for label, value in fact_lines("visit", fact))[
            {"en": "Date", "vi": "Ngày", "ja": "日付"}[language]
        ]


def test_a_day_without_its_year_is_written_as_a_day_and_month():
    fact = {"date": "--11-12", "visitor": "Aichi"}
    assert [dates(fact, language) for language in ("en", "vi", "ja")] == [
        "12 Nov",
        "12 tháng 11",
        "11月12日",
    ]


def test_a_month_without_its_year_and_a_full_date():
    assert dates({"date": "--03", "visitor": "Aichi"}, "vi") == "tháng 3"
    assert dates({"date": "2027-03", "visitor": "Aichi"}, "ja") == "2027年3月"


def test_a_date_that_cannot_be_is_shown_as_written():
    assert dates({"date": "--02-30", "visitor": "Aichi"}, "en") == "--02-30"
