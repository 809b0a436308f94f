"""A date typed as the reader writes it: 9/3/2026 in Vietnamese (day first), 2026/3/9 in
Japanese, 09/03/2026 in English (CLDR's en_GB, as common/formats.py writes English dates).

A browser's own date input (`type="date"`) shows the order of the browser's language, not
the page's: mm/dd/yyyy on a Vietnamese page in a browser set to American English, where
9/3 would be read as the 3rd of September. `ReaderDateField` is a text input instead, in the
order of the page's language (CLDR's numeric year-month-day pattern, from Babel), with a hint
that shows an example and a refusal that says how to write it; the ISO form (2026-03-09)
is accepted from every reader, as scripts and the API write it."""

import datetime as dt
import re

from babel import Locale
from babel.dates import format_date
from django import forms
from django.utils.functional import lazy
from django.utils.translation import gettext, gettext_lazy

from kakehashi.common.errors import CommonError, invalid
from kakehashi.common.formats import LOCALES
from kakehashi.common.i18n import reader_language

EXAMPLE = dt.date(2026, 3, 9)  # a day that is not a month: 9 and 3 cannot be mixed up
ISO = "%Y-%m-%d"
# CLDR's letters (d, dd, M, MM, y) as strptime's; %d and %m also take a single digit.
CLDR_FIELD = re.compile(r"d+|M+|y+")
CLDR_TO_STRPTIME = {"d": "%d", "M": "%m", "y": "%Y"}


def _pattern(language: str) -> str:
    return Locale.parse(LOCALES[language]).datetime_skeletons["yMd"].pattern


def input_format(language: str | None = None) -> str:
    """The strptime format of a date as the reader types it ("%d/%m/%Y" in Vietnamese)."""
    pattern = _pattern(language or reader_language())
    return CLDR_FIELD.sub(lambda field: CLDR_TO_STRPTIME[field.group()[0]], pattern)


def typed(value: dt.date, language: str | None = None) -> str:
    """The date as the reader types it."""
    language = language or reader_language()
    return format_date(value, _pattern(language), locale=LOCALES[language])


def parse_typed(text: str, language: str | None = None) -> dt.date | None:
    """The date typed in the reader's order (or in the ISO form), or None."""
    text = (text or "").strip()
    for form in (input_format(language), ISO):
        try:
            return dt.datetime.strptime(text, form).date()
        except ValueError:
            continue
    return None


def _hint() -> str:
    return gettext("Day, month and year, for example %(example)s.") % {"example": typed(EXAMPLE)}


HINT = lazy(_hint, str)()


class ReaderDateInput(forms.TextInput):
    """A text input that shows a date in the reader's order."""

    def __init__(self, attrs=None):
        super().__init__({"autocomplete": "off", "size": 12, **(attrs or {})})

    def format_value(self, value):
        if isinstance(value, dt.date):
            return typed(value)
        return super().format_value(value)


class ReaderDateField(forms.DateField):
    """A date typed in the reader's order (see the module's docstring)."""

    widget = ReaderDateInput
    default_error_messages = {"invalid": gettext_lazy("Write the date like this: %(example)s.")}

    def __init__(self, **kwargs):
        if not kwargs.get("help_text"):  # a model field's form field is given ""
            kwargs["help_text"] = HINT
        super().__init__(**kwargs)

    def to_python(self, value):
        if value in self.empty_values:
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        parsed = parse_typed(str(value))
        if parsed is None:
            raise invalid(
                self.error_messages["invalid"], CommonError.INVALID_DATE, example=typed(EXAMPLE)
            )
        return parsed
