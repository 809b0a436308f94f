"""Numbers, amounts, dates, months, countries and time zones as a reader of each language
writes them, from the Unicode CLDR data that Babel ships (no hand-made tables of separators,
month names or currency names). One place for every app: templates use the filters of
`common/templatetags/formats.py`.

Each function takes the language ("en", "vi" or "ja"); None means the reader's language
(`common.i18n.reader_language`). Examples, for en / vi / ja:

- format_number(1234567): 1,234,567 / 1.234.567 / 1,234,567
- format_amount(80000, "USD"): 80,000 USD / 80.000 USD / 80,000米ドル
- format_day(2026-12-05): 5 Dec 2026 / 5 tháng 12 năm 2026 / 2026年12月5日
- format_month(2024-06): Jun 2024 / tháng 6 năm 2024 / 2024年6月
- format_moment(2027-03-10 14:00): 10 Mar 2027, 14:00 / 14:00, 10 tháng 3 năm 2027 /
  2027年3月10日 14:00
- format_days(2026-02-21, 2026-02-22): 21–22 Feb 2026 / 21–22 tháng 2 năm 2026 /
  2026年2月21日～22日
- format_period(2027-03-10 08:30, 10:00): 10 Mar 2027, 08:30 – 10:00 /
  08:30 – 10:00, 10 tháng 3 năm 2027 / 2027年3月10日 8:30～10:00
- format_country("JP"): Japan / Nhật Bản / 日本
"""

import datetime as dt
from decimal import Decimal

from babel import Locale
from babel.dates import format_date, format_interval, get_timezone_location
from babel.dates import format_time as babel_format_time
from babel.numbers import (
    format_decimal,
    format_percent,
    get_currency_name,
    get_currency_precision,
    get_currency_unit_pattern,
)
from django.utils import timezone, translation
from django.utils.translation import gettext

from kakehashi.common.i18n import reader_language

# English is written day first ("5 Dec 2026", CLDR's en_GB), which no English reader can
# take for 12 May; the US order of "en" ("Dec 5, 2026", "12/5/26") is read otherwise in
# Britain and Asia.
LOCALES = {"en": "en_GB", "vi": "vi", "ja": "ja"}

# CLDR skeletons: Babel picks each language's own pattern for "year, month (abbreviated),
# day" and so on. Vietnamese is the exception for days: CLDR gives "5 thg 12, 2026" (and
# "5 tháng 12, 2026" in its long form); Vietnamese writes the full "5 tháng 12 năm 2026",
# the same words as CLDR's Vietnamese month-and-year pattern ("tháng 12 năm 2026").
DAY_SKELETON = {"en": "yMMMd", "ja": "yMMMd"}
DAY_PATTERN = {"vi": "d 'tháng' M 'năm' y"}
MONTH_SKELETON = {"en": "yMMM", "vi": "yMMMM", "ja": "yMMM"}
# Vietnamese again: CLDR joins a time and a day with a bare space ("14:00 10 tháng 3 năm
# 2027", two numbers side by side); a comma separates them as Vietnamese writes it.
MOMENT_GLUE = {"vi": "{0}, {1}"}
# A range of days within one month or one year in Vietnamese (CLDR's ranges use "thg").
VI_DAY_IN_MONTH = "d"
VI_DAY_IN_YEAR = "d 'tháng' M"

# Japanese names the currency after the number (80,000米ドル, 8,000円); English and
# Vietnamese business figures use its ISO code (80,000 USD, 80.000 USD).
CURRENCY_BY_NAME = {"ja"}


def _language(language: str | None) -> str:
    language = language or reader_language()
    return language if language in LOCALES else "en"


def locale_of(language: str | None = None) -> Locale:
    return Locale.parse(LOCALES[_language(language)])


def format_number(value, language: str | None = None, *, digits: int | None = None) -> str:
    """A count or a measure with the language's separators; `digits` fixes the number of
    decimals (otherwise up to three, trailing zeros left out). Empty for None."""
    if value is None:
        return ""
    locale = locale_of(language)
    if digits is None:
        return format_decimal(value, locale=locale)
    pattern = "#,##0." + "0" * digits if digits else "#,##0"
    return format_decimal(value, format=pattern, locale=locale, decimal_quantization=True)


def format_share(value, language: str | None = None) -> str:
    """A share (0.5 for half) as a whole percentage in the language's form: 50% in all three
    (CLDR puts no space before the sign in en, vi or ja). Empty for None."""
    if value is None:
        return ""
    return format_percent(value, format="#,##0%", locale=locale_of(language))


def format_amount(value, currency: str, language: str | None = None) -> str:
    """An amount of money: whole amounts without decimals (80,000 USD), others with the
    currency's decimals (1,234.50 USD); with the currency's name in Japanese (80,000米ドル).
    Empty for None."""
    if value is None:
        return ""
    language = _language(language)
    locale = locale_of(language)
    value = Decimal(str(value))
    whole = value == value.to_integral_value()
    number = format_number(value, language, digits=0 if whole else get_currency_precision(currency))
    if not currency:
        return number
    unit = (
        get_currency_name(currency, count=value, locale=locale)
        if language in CURRENCY_BY_NAME
        else currency
    )
    return get_currency_unit_pattern(currency, count=value, locale=locale).format(number, unit)


def _as_date(value) -> dt.date:
    """A date; an aware datetime is taken on the calendar of the current time zone."""
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


def format_day(value, language: str | None = None) -> str:
    """A day with the month in words: 5 Dec 2026, 5 tháng 12 năm 2026, 2026年12月5日."""
    if value is None:
        return ""
    language = _language(language)
    locale = locale_of(language)
    pattern = DAY_PATTERN.get(language) or locale.datetime_skeletons[DAY_SKELETON[language]]
    return format_date(_as_date(value), format=pattern, locale=locale)


def format_month(value, language: str | None = None) -> str:
    """A month of a year: Jun 2024, tháng 6 năm 2024, 2024年6月."""
    if value is None:
        return ""
    language = _language(language)
    locale = locale_of(language)
    pattern = locale.datetime_skeletons[MONTH_SKELETON[language]]
    return format_date(_as_date(value), format=pattern, locale=locale)


def format_day_of_year(month: int, day: int | None = None, language: str | None = None) -> str:
    """A day or a month whose year is not known (an article's "12/11"): 12 Nov, 12 tháng 11,
    11月12日; the month alone: Nov, tháng 11, 11月."""
    language = _language(language)
    locale = locale_of(language)
    if language == "vi":
        pattern = "'tháng' M" if day is None else VI_DAY_IN_YEAR
    else:
        pattern = locale.datetime_skeletons["MMM" if day is None else "MMMd"]
    # A leap year, so that 29 February can be written.
    return format_date(dt.date(2024, month, day or 1), format=pattern, locale=locale)


def format_time(value, language: str | None = None) -> str:
    """A time of day, on the 24-hour clock of all three languages' CLDR data: 14:05. An
    aware datetime is taken in the current time zone."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return babel_format_time(value, "short", locale=locale_of(language))


def format_moment(value, language: str | None = None) -> str:
    """A day and a time, joined as the language joins them (CLDR): 10 Mar 2027, 14:00 /
    14:00, 10 tháng 3 năm 2027 / 2027年3月10日 14:00 (instead of 03/10/2027 2 p.m.)."""
    if value is None:
        return ""
    language = _language(language)
    glue = MOMENT_GLUE.get(language) or locale_of(language).datetime_formats["medium"]
    return glue.format(format_time(value, language), format_day(value, language))


def _between(locale: Locale) -> str:
    """CLDR's pattern for a range, "{0} – {1}" or "{0}～{1}", with ordinary spaces (its thin
    spaces are lost in plain-text e-mails and some PDF fonts)."""
    return locale.interval_formats[None].replace("\u2009", " ")


def format_days(start, end, language: str | None = None) -> str:
    """A range of days, the month and year written once where they are shared:
    21–22 Feb 2026 / 21–22 tháng 2 năm 2026 / 2026年2月21日～22日 (one day: as format_day)."""
    if start is None or end is None or _as_date(start) == _as_date(end):
        return format_day(start if start is not None else end, language)
    language = _language(language)
    locale = locale_of(language)
    first, last = _as_date(start), _as_date(end)
    if language in DAY_SKELETON:
        text = format_interval(first, last, DAY_SKELETON[language], locale=locale)
        return text.replace("\u2009", " ")
    if (first.year, first.month) == (last.year, last.month):
        pattern = VI_DAY_IN_MONTH
    elif first.year == last.year:
        pattern = VI_DAY_IN_YEAR
    else:
        pattern = DAY_PATTERN[language]
    first_text = format_date(first, format=pattern, locale=locale)
    if pattern == VI_DAY_IN_MONTH:
        return f"{first_text}–{format_day(last, language)}"
    return _between(locale).format(first_text, format_day(last, language))


def format_hours(start, end, language: str | None = None) -> str:
    """From a time to a time on one day: 08:30 – 10:00 / 8:30～10:00 (ja)."""
    between = _between(locale_of(language))
    return between.format(format_time(start, language), format_time(end, language))


def format_period(start, end, language: str | None = None) -> str:
    """From a moment to a time, the day written once when both fall on it:
    10 Mar 2027, 08:30 – 10:00 / 08:30 – 10:00, 10 tháng 3 năm 2027 /
    2027年3月10日 8:30～10:00 (across days: two moments)."""
    if start is None or end is None:
        return format_moment(start if start is not None else end, language)
    language = _language(language)
    locale = locale_of(language)
    between = _between(locale)
    if _as_date(start) != _as_date(end):
        return between.format(format_moment(start, language), format_moment(end, language))
    hours = format_hours(start, end, language)
    glue = MOMENT_GLUE.get(language) or locale.datetime_formats["medium"]
    return glue.format(hours, format_day(start, language))


def format_year(value, language: str | None = None) -> str:
    """A year on its own: 2016, năm 2016, 2016年 (from the catalogues: in Vietnamese a year
    alone reads "năm 2016", which CLDR does not say)."""
    if value is None:
        return ""
    year = value if isinstance(value, int) else value.year
    with translation.override(_language(language)):
        # Translators: a year on its own, e.g. "2016" (ja: "2016年", vi: "năm 2016").
        return gettext("%(year)s") % {"year": year}


def format_country(code: str, language: str | None = None) -> str:
    """A country's name from its ISO 3166 code: JP is Japan, Nhật Bản, 日本."""
    if not code:
        return ""
    return locale_of(language).territories.get(code.upper(), code)


def format_time_zone(name: str, language: str | None = None) -> str:
    """A time zone by the place it is named after, not its database name:
    Asia/Ho_Chi_Minh is "Vietnam Time", "Giờ Việt Nam", "ベトナム時間"."""
    if not name:
        return ""
    return get_timezone_location(name, locale=locale_of(language))
