"""Translations of an obstacle's public texts: its title (the reporter's, in
`Obstacle.language`) and its public summary (the authority's, in `summary_language`).

Those who take part translate: the members of the reporting organisation and of the
responsible authority, and the platform administrators (the tracker's moderators). The
source says who: the author (the reporter or the obstacle's owner), a colleague (another
member of either organisation) or a moderator. No notice is sent; the change is in the audit
log of both organisations."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from kakehashi.common.errors import CommonError
from kakehashi.common.i18n import Language
from kakehashi.common.permissions import allows
from kakehashi.common.translation_writes import (
    TranslationWrites,
    check_language,
    check_length,
    source_for,
)
from kakehashi.common.translations import fingerprint
from kakehashi.obstacles import queries
from kakehashi.obstacles.errors import ObstacleError
from kakehashi.obstacles.models import Obstacle, ObstacleTranslation
from kakehashi.obstacles.rules import require
from kakehashi.obstacles.services.base import invalid, locked

TITLE_LIMIT, SUMMARY_LIMIT = 200, 2000
TOO_LONG = {
    "title": _("The title may have at most %(limit)s characters (it has %(length)s)."),
    "public_summary": _(
        "The public summary may have at most %(limit)s characters (it has %(length)s)."
    ),
}


def original_fingerprint(obstacle: Obstacle) -> str:
    return fingerprint(obstacle.title, obstacle.public_summary)


WRITES = TranslationWrites(
    model=ObstacleTranslation,
    record_field="obstacle",
    texts=("title", "public_summary"),
    fingerprint=original_fingerprint,
    # The entry is about the row, seen by the reporting organisation and the authority.
    owners=lambda obstacle: (obstacle.reporter_organisation_id, obstacle.authority_id),
)


def _on_field(field: str, check, *args, **kwargs) -> None:
    """Run a common check, its refusal keyed by the form's field."""
    try:
        check(*args, **kwargs)
    except ValidationError as error:
        raise ValidationError({field: [error]}) from None


def _language_label(code: str):
    return Language(code).in_sentence


def _cleaned(obstacle: Obstacle, language: str, title: str, summary: str) -> dict:
    """The texts to store, or a ValidationError naming the field and the problem."""
    title, summary = (title or "").strip(), (summary or "").strip()
    title_is_original = language == obstacle.language
    summary_is_original = language == obstacle.summary_language or not obstacle.public_summary
    _on_field(
        "language",
        check_language,
        language,
        # Both texts in that language: nothing to translate.
        original=language if title_is_original and summary_is_original else None,
        message=_("The obstacle's texts are written in %(language)s: choose another language."),
    )
    if title_is_original and title:
        raise invalid(
            _("The title is written in %(language)s already: leave it empty."),
            ObstacleError.TITLE_IS_ORIGINAL,
            "title",
            language=_language_label(language),
        )
    if not title_is_original and not title:
        raise invalid(_("Give the translation a title."), CommonError.TITLE_MISSING, "title")
    _on_field("title", check_length, title, TITLE_LIMIT, TOO_LONG["title"])
    if summary and not obstacle.public_summary:
        raise invalid(
            _("The obstacle has no public summary to translate: leave it empty."),
            ObstacleError.SUMMARY_WITHOUT_ORIGINAL,
            "public_summary",
        )
    if summary and language == obstacle.summary_language:
        raise invalid(
            _("The public summary is written in %(language)s already: leave it empty."),
            ObstacleError.SUMMARY_IS_ORIGINAL,
            "public_summary",
            language=_language_label(language),
        )
    if title_is_original and not summary:
        raise invalid(
            _("Give the translation of the public summary."),
            ObstacleError.SUMMARY_MISSING,
            "public_summary",
        )
    _on_field("public_summary", check_length, summary, SUMMARY_LIMIT, TOO_LONG["public_summary"])
    return {"title": title, "public_summary": summary}


def _source(obstacle: Obstacle, by) -> str:
    return source_for(
        is_author=by.pk in (obstacle.reporter_id, obstacle.owner_id),
        is_colleague=queries.is_member_of(by, obstacle.reporter_organisation_id)
        or queries.is_member_of(by, obstacle.authority_id),
    )


@transaction.atomic
def save_translation(
    *, obstacle: Obstacle, language: str, title: str = "", public_summary: str = "", by
) -> ObstacleTranslation:
    """Store a person's translation of the obstacle's title (unless already in `language`)
    and public summary (when there is one, unless already in `language`), replacing the
    one there."""
    obstacle = locked(obstacle)
    require(by, "obstacles.translate_obstacle", obstacle)
    texts = _cleaned(obstacle, language, title, public_summary)
    return WRITES.store(obstacle, language, texts, source=_source(obstacle, by), by=by)


@transaction.atomic
def save_reference_translation(
    *, obstacle: Obstacle, language: str, title: str = "", public_summary: str = ""
) -> ObstacleTranslation | None:
    """Store a translation checked by the project's editors (the demo's): a moderator's, no
    person named; a person's translation in that language is kept (None is returned)."""
    obstacle = locked(obstacle)
    texts = _cleaned(obstacle, language, title, public_summary)
    return WRITES.store_reference(obstacle, language, texts)


def may_translate(user, obstacle: Obstacle) -> bool:
    return allows(user, "obstacles.translate_obstacle", obstacle)
