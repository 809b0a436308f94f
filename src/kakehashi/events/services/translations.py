"""Translations of a session's title and of an event's description (see
events/models/translation.py), given on the session and event forms, one text per language.

Called by the services that save the session or the event, inside their transaction: the
texts are checked first (`check_translations`, a ValidationError with a code and nothing
written), then stored (`store_translations`): a text replaces the row of its language, an
empty text removes it. The organisers wrote the programme, so their translations are the
author's; a platform administrator who does not organise the event is a moderator."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from kakehashi.common.errors import LANGUAGE_INVALID, CommonError
from kakehashi.common.i18n import Language
from kakehashi.common.translations import TranslationSource, fingerprint


def check_translations(
    texts: dict[str, str], *, original_language: str, original: str, limit: int, field: str
) -> dict[str, str]:
    """The texts by language, stripped; a text in the original language is refused unless it
    is the original itself (then it is dropped)."""
    cleaned = {}
    for language, text in (texts or {}).items():
        text = (text or "").strip()
        if language not in Language.values:
            raise ValidationError(LANGUAGE_INVALID, code=CommonError.LANGUAGE_INVALID)
        if language == original_language:
            if text and text != original.strip():
                raise ValidationError(
                    _(
                        "The %(field)s is written in %(language)s: give its translations in "
                        "the other languages."
                    ),
                    code=CommonError.ORIGINAL_LANGUAGE,
                    params={"field": field, "language": Language(original_language).label},
                )
            continue
        if len(text) > limit:
            raise ValidationError(
                _("The %(field)s in %(language)s is longer than %(limit)s characters."),
                code=CommonError.TOO_LONG,
                params={"field": field, "language": Language(language).label, "limit": limit},
            )
        cleaned[language] = text
    return cleaned


def store_translations(rows, texts: dict[str, str], *, field: str, original: str, by, source):
    """Write the checked `texts` into `rows` (the record's `translations` manager)."""
    for language, text in texts.items():
        if not text:
            rows.filter(language=language).delete()
            continue
        rows.update_or_create(
            language=language,
            defaults={
                field: text,
                "source": source,
                "made_by": by,
                "made_from": fingerprint(original),
            },
        )


def source_of(by, *, organiser: bool) -> str:
    return TranslationSource.AUTHOR if organiser else TranslationSource.MODERATOR
