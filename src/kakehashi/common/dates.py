"""Dates that are known only to the year or the month, as agreements often are."""

import datetime as dt
import re

from django.db import models
from django.utils.translation import gettext_lazy as _

from kakehashi.common.formats import format_day, format_month, format_year


class DatePrecision(models.TextChoices):
    DAY = "day", _("Day")
    MONTH = "month", _("Month")
    YEAR = "year", _("Year")


def format_partial_date(value: dt.date | None, precision: str, language: str | None = None) -> str:
    """The date in the reader's language (or `language`), showing only what is known:
    2016, Sept 2016 or 13 Sept 2016 (common.formats)."""
    if value is None:
        return ""
    if precision == DatePrecision.YEAR:
        return format_year(value, language)
    if precision == DatePrecision.MONTH:
        return format_month(value, language)
    return format_day(value, language)


_PARTIAL_DATE = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?\s*$")


def parse_partial_date(text: str) -> tuple[dt.date, str]:
    """Parse YYYY, YYYY-MM or YYYY-MM-DD into (first day of the period, precision).

    Raises ValueError with a plain reason when the text is not such a date."""
    match = _PARTIAL_DATE.match(text or "")
    if not match:
        raise ValueError("not a date in the form YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = match.groups()
    if day:
        return dt.date(int(year), int(month), int(day)), DatePrecision.DAY
    if month:
        return dt.date(int(year), int(month), 1), DatePrecision.MONTH
    return dt.date(int(year), 1, 1), DatePrecision.YEAR


def partial_date_text(value: dt.date | None, precision: str) -> str:
    """The ISO-like text of a partial date: 2016, 2016-09 or 2016-09-06."""
    if value is None:
        return ""
    if precision == DatePrecision.YEAR:
        return f"{value.year:04d}"
    if precision == DatePrecision.MONTH:
        return f"{value.year:04d}-{value.month:02d}"
    return value.isoformat()
