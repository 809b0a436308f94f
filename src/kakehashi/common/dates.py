"""Dates that are known only to the year or the month, as agreements often are."""

import datetime as dt
import re

from django.db import models
from django.utils import formats
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class DatePrecision(models.TextChoices):
    DAY = "day", _("Day")
    MONTH = "month", _("Month")
    YEAR = "year", _("Year")


def format_partial_date(value: dt.date | None, precision: str) -> str:
    """The date in the active language, showing only what is known."""
    if value is None:
        return ""
    if precision == DatePrecision.YEAR:
        # Translators: a year on its own, e.g. "2016" (ja: "2016年", vi: "năm 2016").
        return gettext("%(year)s") % {"year": value.year}
    if precision == DatePrecision.MONTH:
        return formats.date_format(value, "YEAR_MONTH_FORMAT")
    return formats.date_format(value, "DATE_FORMAT")


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
