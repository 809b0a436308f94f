import datetime as dt

import pytest

from kakehashi.news.engine.dates import find_dates, resolve_year

PUBLISHED = dt.date(2023, 11, 26)


def values(text, language, published=PUBLISHED):
    return [(d.text, d.kind, d.value) for d in find_dates(text, language, published)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Chiều 25/11, hội nghị khai mạc.", ("25/11", "date", "2023-11-25")),
        ("Ngày 25/11/2020 hai bên gặp nhau.", ("25/11/2020", "date", "2020-11-25")),
        ("Ngày 25 tháng 11 năm 2020, đoàn đến.", ("25 tháng 11 năm 2020", "date", "2020-11-25")),
        ("Từ tháng 11/2020 đến nay.", ("tháng 11/2020", "month", "2020-11")),
        ("Sáng 11/3, đoàn đến Osaka.", ("11/3", "date", "2023-03-11")),
        ("Ngày 5-12, hai bên ký kết.", ("5-12", "date", "2023-12-05")),
        ("Năm 2022, hai bên ký kết.", ("Năm 2022", "year", "2022")),
    ],
)
def test_vietnamese_dates(text, expected):
    assert values(text, "vi")[0] == expected


def test_vietnamese_periods():
    text = "50 năm quan hệ (1973-2023), giai đoạn 2021-2025 và đến năm 2030."
    found = find_dates(text, "vi")
    assert [(d.text, d.kind, d.years) for d in found] == [
        ("1973-2023", "range", (1973, 2023)),
        ("2021-2025", "range", (2021, 2025)),
        ("đến năm 2030", "until", (None, 2030)),
    ]


def test_a_fraction_is_not_a_date():
    assert values("Tỷ lệ 1/2 doanh nghiệp tham gia.", "vi") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2020年11月25日に開催した。", ("2020年11月25日", "date", "2020-11-25")),
        ("令和2年11月25日に開催した。", ("令和2年11月25日", "date", "2020-11-25")),
        ("平成元年1月8日から。", ("平成元年1月8日", "date", "1989-01-08")),
        ("11月25日に開催した。", ("11月25日", "date", "2023-11-25")),
        ("２０２３年１１月２５日", ("２０２３年１１月２５日", "date", "2023-11-25")),
        ("2025年まで協力する。", ("2025年まで", "until", "2025")),
        ("1973年〜2023年の50年間", ("1973年〜2023年", "range", "1973/2023")),
    ],
)
def test_japanese_dates(text, expected):
    from kakehashi.news.engine.text import Text

    norm = Text(text).norm  # the engine reads full-width digits as ASCII ones
    found = find_dates(norm, "ja", PUBLISHED)[0]
    assert (text[found.start : found.end], found.kind, found.value) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On November 25, 2020, the two met.", ("November 25, 2020", "date", "2020-11-25")),
        ("On 25 Nov 2020 the two met.", ("25 Nov 2020", "date", "2020-11-25")),
        ("On Nov. 25 the forum opened.", ("Nov. 25", "date", "2023-11-25")),
        ("In November 2020 they met.", ("November 2020", "month", "2020-11")),
        ("The plan runs until 2025.", ("until 2025", "until", "2025")),
        ("Ties (1973-2023) are strong.", ("1973-2023", "range", "1973/2023")),
    ],
)
def test_english_dates(text, expected):
    assert values(text, "en")[0] == expected


def test_without_publication_a_day_stays_partial():
    assert values("Chiều 25/11, hội nghị khai mạc.", "vi", None) == [("25/11", "date", "--11-25")]
    assert values("11月25日に開催", "ja", None) == [("11月25日", "date", "--11-25")]
    assert values("Sáng 11/3, đoàn đến.", "vi", None) == [("11/3", "date", "--03-11")]


def test_a_year_less_date_is_the_most_recent_one_not_far_after_publication():
    assert resolve_year(12, 5, dt.date(2023, 11, 26)) == 2023  # announced for next month
    assert resolve_year(3, 11, dt.date(2024, 1, 10)) == 2023  # March, reported in January
    assert resolve_year(1, 20, dt.date(2023, 12, 28)) == 2024  # next month, across the year
    assert resolve_year(2, 20, dt.date(2023, 12, 28)) == 2023  # too far ahead: last February
    assert resolve_year(11, 25, None) is None


def test_two_days_of_the_month_in_one_article():
    """The second "N日" of an article is read as the first was (it once crashed the engine)."""
    text = "初日の18日には知事が市を訪れた。翌19日には、同市の工業団地を視察した。"
    found = [(d.text, d.kind, d.value) for d in find_dates(text, "ja", dt.date(2025, 3, 25))]
    assert found == [("18日", "date", "2025-03-18"), ("19日", "date", "2025-03-19")]
