"""Numbers, amounts, dates, months, countries and time zones per language (common.formats),
through the helpers and through the template filters."""

import datetime as dt
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation

from kakehashi.common import formats
from kakehashi.common.dates import DatePrecision, format_partial_date

LANGUAGES = ["en", "vi", "ja"]


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "1,234,567"), ("vi", "1.234.567"), ("ja", "1,234,567")],
)
def test_numbers_have_the_readers_separators(language, expected):
    assert formats.format_number(1234567, language) == expected


def test_decimals_use_the_readers_decimal_sign():
    assert [formats.format_number(3.5, language) for language in LANGUAGES] == ["3.5", "3,5", "3.5"]
    assert formats.format_number(Decimal("2"), "vi", digits=1) == "2,0"
    assert formats.format_number(None, "en") == ""


@pytest.mark.parametrize(
    ("value", "currency", "expected"),
    [
        (Decimal("80000.00"), "USD", ["80,000 USD", "80.000 USD", "80,000米ドル"]),
        (Decimal("1234.5"), "USD", ["1,234.50 USD", "1.234,50 USD", "1,234.50米ドル"]),
        (Decimal("8000"), "JPY", ["8,000 JPY", "8.000 JPY", "8,000円"]),
        (
            Decimal("2500000000"),
            "VND",
            ["2,500,000,000 VND", "2.500.000.000 VND", "2,500,000,000ベトナム ドン"],
        ),
    ],
)
def test_amounts_per_language(value, currency, expected):
    assert [formats.format_amount(value, currency, language) for language in LANGUAGES] == expected


def test_days_and_months_are_unambiguous():
    day = dt.date(2026, 12, 5)
    assert [formats.format_day(day, language) for language in LANGUAGES] == [
        "5 Dec 2026",
        "5 tháng 12 năm 2026",
        "2026年12月5日",
    ]
    # 3 October, not 10 March.
    assert formats.format_day(dt.date(2027, 10, 3), "en") == "3 Oct 2027"
    month = dt.date(2024, 6, 1)
    assert [formats.format_month(month, language) for language in LANGUAGES] == [
        "Jun 2024",
        "tháng 6 năm 2024",
        "2024年6月",
    ]


def test_a_day_and_time_are_joined_as_each_language_joins_them():
    # 07:00 UTC is 14:00 in Ho Chi Minh City (the settings' zone).
    moment = dt.datetime(2027, 3, 10, 7, 0, tzinfo=dt.UTC)
    assert [formats.format_moment(moment, language) for language in LANGUAGES] == [
        "10 Mar 2027, 14:00",
        "14:00, 10 tháng 3 năm 2027",
        "2027年3月10日 14:00",
    ]


def test_a_range_of_days_writes_the_shared_month_and_year_once():
    first = dt.date(2026, 2, 21)
    assert [formats.format_days(first, dt.date(2026, 2, 22), lang) for lang in LANGUAGES] == [
        "21–22 Feb 2026",
        "21–22 tháng 2 năm 2026",
        "2026年2月21日～22日",
    ]
    assert [formats.format_days(first, dt.date(2026, 3, 2), lang) for lang in LANGUAGES] == [
        "21 Feb – 2 Mar 2026",
        "21 tháng 2 – 2 tháng 3 năm 2026",
        "2026年2月21日～3月2日",
    ]
    assert formats.format_days(dt.date(2026, 12, 30), dt.date(2027, 1, 2), "vi") == (
        "30 tháng 12 năm 2026 – 2 tháng 1 năm 2027"
    )
    assert formats.format_days(first, first, "vi") == "21 tháng 2 năm 2026"


def test_a_period_on_one_day_writes_the_day_once_after_or_before_both_times():
    # 01:30 UTC is 08:30 in Ho Chi Minh City (the settings' zone).
    start = dt.datetime(2027, 3, 10, 1, 30, tzinfo=dt.UTC)
    end = start + dt.timedelta(minutes=90)
    assert [formats.format_period(start, end, language) for language in LANGUAGES] == [
        "10 Mar 2027, 08:30 – 10:00",
        "08:30 – 10:00, 10 tháng 3 năm 2027",
        "2027年3月10日 8:30～10:00",
    ]
    assert formats.format_hours(start, end, "ja") == "8:30～10:00"


def test_an_aware_datetime_is_shown_on_the_local_calendar():
    # 20:00 UTC on 4 December is 03:00 on 5 December in Ho Chi Minh City (the settings' zone).
    moment = dt.datetime(2026, 12, 4, 20, 0, tzinfo=dt.UTC)
    assert formats.format_day(moment, "en") == "5 Dec 2026"


def test_countries_and_time_zones_by_name():
    assert [formats.format_country("JP", language) for language in LANGUAGES] == [
        "Japan",
        "Nhật Bản",
        "日本",
    ]
    assert [formats.format_country("VN", language) for language in LANGUAGES] == [
        "Vietnam",
        "Việt Nam",
        "ベトナム",
    ]
    assert [formats.format_time_zone("Asia/Ho_Chi_Minh", language) for language in LANGUAGES] == [
        "Vietnam Time",
        "Giờ Việt Nam",
        "ベトナム時間",
    ]


def test_partial_dates_use_the_same_helpers():
    day = dt.date(2016, 9, 13)
    assert [
        format_partial_date(day, precision, "vi")
        for precision in (DatePrecision.DAY, DatePrecision.MONTH, DatePrecision.YEAR)
    ] == ["13 tháng 9 năm 2016", "tháng 9 năm 2016", "năm 2016"]
    assert [
        format_partial_date(day, precision, "ja")
        for precision in (DatePrecision.DAY, DatePrecision.MONTH, DatePrecision.YEAR)
    ] == ["2016年9月13日", "2016年9月", "2016年"]


def test_filters_follow_the_active_language():
    template = Template(
        "{% load formats %}{{ n|number }} | {{ a|amount:'USD' }} | {{ d|day }} | {{ d|month }}"
        " | {{ c|country }} | {{ z|time_zone }} | {{ none|day|default:'—' }}"
    )
    context = Context(
        {
            "n": 16000,
            "a": Decimal("80000.00"),
            "d": dt.date(2026, 12, 5),
            "c": "JP",
            "z": "Asia/Tokyo",
            "none": None,
        }
    )
    rendered = {}
    for language in LANGUAGES:
        with translation.override(language):
            rendered[language] = template.render(context)
    assert rendered == {
        "en": "16,000 | 80,000 USD | 5 Dec 2026 | Dec 2026 | Japan | Japan Time | —",
        "vi": "16.000 | 80.000 USD | 5 tháng 12 năm 2026 | tháng 12 năm 2026 | Nhật Bản"
        " | Giờ Nhật Bản | —",
        "ja": "16,000 | 80,000米ドル | 2026年12月5日 | 2026年12月 | 日本 | 日本時間 | —",
    }


def test_an_aside_follows_each_languages_typography():
    template = Template("{% load formats %}<b>Mở đầu</b>{{ kind|aside }}|{{ mark|aside }}")
    context = Context({"kind": "Plenary <session>", "mark": "（翻訳）"})
    rendered = {}
    for language in LANGUAGES:
        with translation.override(language):
            rendered[language] = template.render(context)
    assert rendered == {
        "en": "<b>Mở đầu</b> (Plenary &lt;session&gt;)| （翻訳）",
        "vi": "<b>Mở đầu</b> (Plenary &lt;session&gt;)| （翻訳）",
        "ja": "<b>Mở đầu</b>（Plenary &lt;session&gt;）|（翻訳）",
    }


def test_an_aside_with_brackets_of_its_own_follows_a_slash_not_nested_brackets():
    template = Template("{% load formats %}Nguyễn Thị Lan (demo){{ name|aside }}")
    context = Context({"name": "グエン・ティ・ラン（デモ）"})
    for language in LANGUAGES:
        with translation.override(language):
            assert template.render(context) == "Nguyễn Thị Lan (demo) / グエン・ティ・ラン（デモ）"


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_share_is_a_whole_percentage_with_no_space_before_the_sign(language):
    assert formats.format_share(0.5, language) == "50%"
    assert formats.format_share(0.996, language) == "100%"
    assert (
        formats.format_share(1234.5, language)
        == {"en": "123,450%", "vi": "123.450%", "ja": "123,450%"}[language]
    )
    assert formats.format_share(None, language) == ""
    with translation.override(language):
        assert (
            Template("{% load formats %}{{ value|share }}").render(Context({"value": 0.25}))
            == "25%"
        )
