"""Content that people wrote, in the reader's language (common/reading.py)."""

from django import template

from kakehashi.common.i18n import reader_language
from kakehashi.common.keywords import keywords_html
from kakehashi.common.reading import in_language, translated_briefly

register = template.Library()


@register.filter
def in_reader_language(record):
    """`{% with shown=proposal|in_reader_language %}`: the record's translation into the
    reader's language, or the record."""
    return in_language(record, reader_language())


@register.simple_tag
def translation_mark(shown, record) -> str:
    """The short mark that says `shown` is a translation of `record` ("" when it is the
    record): from which language, whether a machine made it."""
    if shown is record:
        return ""
    return translated_briefly(shown, record.language)


@register.filter
def title_in_reader_language(record) -> str:
    """A record's title as the reader reads it (a link to a proposal in a table, a thread's
    subject): its translation's title, or its own."""
    return in_language(record, reader_language()).title


@register.filter
def keywords_for_reader(record):
    """A record's keywords (a comma-separated field in its language) as the reader reads them:
    the glossary's terms in the reader's language, the others as written, marked
    (common/keywords.py)."""
    return keywords_html(record.keywords, record.language)
