"""Which text a reader sees of content that people wrote: the translation into the reader's
language when there is one (and the reader did not ask for the original), otherwise the
original; with a note saying which, and who translated it. One home for every kind of
content that carries translations (see common/translations.py): proposals, organisations,
partnership records, events and obstacles use `reading_context` and the template
`common/_translation_note.html`."""

from django.db.models import prefetch_related_objects
from django.utils.functional import lazy
from django.utils.translation import gettext as _

from kakehashi.common.i18n import Language, reader_language
from kakehashi.common.translations import TranslationSource, translation_into

# Languages are named as they read inside a sentence (`Language.in_sentence`): "từ tiếng Việt",
# not "từ Tiếng Việt".

# Whole sentences per translator, so that each language words them its own way.
TRANSLATED_BY = {
    TranslationSource.AUTHOR: lambda language: (
        _("Translated from %(language)s by the author.") % {"language": language}
    ),
    TranslationSource.COLLEAGUE: lambda language: (
        _("Translated from %(language)s by a colleague of the author.") % {"language": language}
    ),
    TranslationSource.MODERATOR: lambda language: (
        _("Translated from %(language)s by a moderator.") % {"language": language}
    ),
    TranslationSource.MACHINE: lambda language: (
        _("Machine translation from %(language)s: it may contain mistakes.")
        % {"language": language}
    ),
}


def translated_by(translation, original_language: str) -> str:
    """The sentence that marks a translation: from which language, by whom."""
    return TRANSLATED_BY[translation.source](Language(original_language).in_sentence)


def translated_briefly(translation, original_language: str) -> str:
    """The short mark of a translation in a list: "Translated from Vietnamese", or "Machine
    translation from Vietnamese"."""
    language = Language(original_language).in_sentence
    if translation.source == TranslationSource.MACHINE:
        return _("Machine translation from %(language)s") % {"language": language}
    return _("Translated from %(language)s") % {"language": language}


def reading_context(
    original, translation, *, original_language: str, want_original: bool, can_translate: bool
) -> dict:
    """The context for a page showing `original` (a record) or its `translation` (a row of
    the reader's language, or None):

    - `text`: what to show (the translation, or the record);
    - `translation`, `showing_translation`, `translation_note`: what the note says;
    - `can_translate` and `translate_language`: whether to offer adding or correcting one;
    - `gist_language`: the original's language when the reader sees it with no translation
      into their own, else "": the templates mark the glossary's terms in it with their
      equivalents (`{% load gist %}`, common/gist.py).
    """
    reader = reader_language()
    context = {
        "text": original,
        "translation": translation,
        "translation_note": "",
        "showing_translation": False,
        "can_translate": can_translate,
        "translate_language": reader if reader != original_language else "",
        "gist_language": "",
    }
    if translation is None:
        if reader != original_language:
            context["translation_note"] = _("No translation into %(language)s yet.") % {
                "language": Language(reader).in_sentence
            }
            context["gist_language"] = original_language
    elif want_original:
        context["translation_note"] = _("The original text, in %(language)s.") % {
            "language": Language(original_language).in_sentence
        }
    else:
        context["text"] = translation
        context["showing_translation"] = True
        context["translation_note"] = translated_by(translation, original_language)
    return context


def in_language(record, language: str):
    """What a reader of `language` sees of `record` in a list, a search result or a message:
    its translation into that language (a row with `language`, `source` and the translated
    fields) when it has one, otherwise the record itself. Reads `record.translations.all()`,
    so a list prefetches "translations" to stay one query per table."""
    if not language:
        return record
    return translation_into(record, language, original_language=record.language) or record


def title_for_reader(record):
    """The record's title in the language active when the text is rendered (a lazy string):
    notices and e-mails are rendered in each recipient's language (notifications/services.py)."""
    return lazy(lambda: in_language(record, reader_language()).title, str)()


def title_list_for_reader(records):
    """The records' titles as a list of "- title" lines in the language active when the text
    is rendered (a lazy string, like `title_for_reader`). Their translations are read now,
    in one query for them all (a digest names ten), and kept for each rendering."""
    records = list(records)
    prefetch_related_objects(records, "translations")

    def lines() -> str:
        language = reader_language()
        return "\n".join(f"- {in_language(record, language).title}" for record in records)

    return lazy(lines, str)()
