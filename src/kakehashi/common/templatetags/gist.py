"""{% load gist %}: glossary-assisted reading of a text with no translation (common/gist.py).

    {{ text.summary|gist:gist_language }}                 the text, its known terms marked
    {{ text.description|gist:gist_language|linebreaksbr }}
    {% gist_note gist_language text.title text.summary %}   the line that explains the marks

`gist_language` is the language of the text when the reader sees it untranslated, "" otherwise
(common/reading.py's `reading_context` gives it); a page without that context passes the
record's own language. In the reader's own language, or with "", the text is only escaped."""

from django import template

from kakehashi.common import gist as gist_module

register = template.Library()


@register.filter
def gist(value, language):
    return gist_module.gist_html(value, language or "")


@register.simple_tag
def gist_note(language, *texts):
    return gist_module.gist_note(language or "", *texts)
