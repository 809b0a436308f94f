"""Translations of an obstacle's public texts: its title (the reporter's, in
`Obstacle.language`) and its public summary (the authority's, in `summary_language`).

Those who take part translate: the members of the reporting organisation and of the
responsible authority, and the platform administrators (the tracker's moderators). The
source says who: the author (the reporter or the obstacle's owner), a colleague (another
member of either organisation) or a moderator. No notice is sent; the change is in the audit
log of both organisations."""

import rules
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from kakehashi.common.audit import AuditAction, record_change, snapshot
from kakehashi.common.i18n import Language
from kakehashi.common.translations import TranslationSource, fingerprint
from kakehashi.obstacles import queries
from kakehashi.obstacles.models import Obstacle, ObstacleTranslation
from kakehashi.obstacles.services.base import invalid, locked, require

TITLE_LIMIT, SUMMARY_LIMIT = 200, 2000
AUDITED = ("language", "source", "made_by", "title", "public_summary")


def original_fingerprint(obstacle: Obstacle) -> str:
    return fingerprint(obstacle.title, obstacle.public_summary)


def _language_label(code: str):
    return Language(code).label


def _cleaned(obstacle: Obstacle, language: str, title: str, summary: str) -> dict:
    """The texts to store, or a ValidationError naming the field and the problem."""
    if language not in Language.values:
        raise invalid(_("Choose Vietnamese, Japanese or English."), "language_invalid", "language")
    title, summary = (title or "").strip(), (summary or "").strip()
    title_is_original = language == obstacle.language
    summary_is_original = language == obstacle.summary_language or not obstacle.public_summary
    if title_is_original and summary_is_original:
        raise invalid(
            _("The obstacle's texts are written in %(language)s: choose another language."),
            "original_language",
            "language",
            language=_language_label(language),
        )
    if title_is_original and title:
        raise invalid(
            _("The title is written in %(language)s already: leave it empty."),
            "title_is_original",
            "title",
            language=_language_label(language),
        )
    if not title_is_original and not title:
        raise invalid(_("Give the translation a title."), "title_missing", "title")
    if len(title) > TITLE_LIMIT:
        raise invalid(
            _("The title may have at most %(limit)s characters (it has %(length)s)."),
            "too_long",
            "title",
            limit=TITLE_LIMIT,
            length=len(title),
        )
    if summary and not obstacle.public_summary:
        raise invalid(
            _("The obstacle has no public summary to translate: leave it empty."),
            "summary_without_original",
            "public_summary",
        )
    if summary and language == obstacle.summary_language:
        raise invalid(
            _("The public summary is written in %(language)s already: leave it empty."),
            "summary_is_original",
            "public_summary",
            language=_language_label(language),
        )
    if title_is_original and not summary:
        raise invalid(
            _("Give the translation of the public summary."), "summary_missing", "public_summary"
        )
    if len(summary) > SUMMARY_LIMIT:
        raise invalid(
            _("The public summary may have at most %(limit)s characters (it has %(length)s)."),
            "too_long",
            "public_summary",
            limit=SUMMARY_LIMIT,
            length=len(summary),
        )
    return {"title": title, "public_summary": summary}


def _source(obstacle: Obstacle, by) -> str:
    if by.pk in (obstacle.reporter_id, obstacle.owner_id):
        return TranslationSource.AUTHOR
    if queries.is_member_of(by, obstacle.reporter_organisation_id) or queries.is_member_of(
        by, obstacle.authority_id
    ):
        return TranslationSource.COLLEAGUE
    return TranslationSource.MODERATOR


def _store(obstacle, language, texts, *, source, by) -> ObstacleTranslation:
    row = ObstacleTranslation.objects.filter(obstacle=obstacle, language=language).first()
    before = snapshot(row, AUDITED) if row else None
    if row is None:
        row = ObstacleTranslation(obstacle=obstacle, language=language)
    row.title, row.public_summary = texts["title"], texts["public_summary"]
    row.source, row.made_by = source, by
    row.made_from = original_fingerprint(obstacle)
    row.save()
    # The entry is about the row, seen by the reporting organisation and the authority.
    record_change(
        obj=row,
        by=by,
        action=AuditAction.CHANGED if before else AuditAction.CREATED,
        before=before,
        after=None if before else snapshot(row, AUDITED),
        owners=[
            owner for owner in (obstacle.reporter_organisation_id, obstacle.authority_id) if owner
        ],
    )
    return row


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
    return _store(obstacle, language, texts, source=_source(obstacle, by), by=by)


@transaction.atomic
def save_reference_translation(
    *, obstacle: Obstacle, language: str, title: str = "", public_summary: str = ""
) -> ObstacleTranslation | None:
    """Store a translation checked by the project's editors (the demo's): a moderator's, no
    person named; a person's translation in that language is kept (None is returned)."""
    obstacle = locked(obstacle)
    texts = _cleaned(obstacle, language, title, public_summary)
    existing = ObstacleTranslation.objects.filter(obstacle=obstacle, language=language).first()
    if existing is not None and existing.made_by_id is not None:
        return None
    if existing is not None and (existing.title, existing.public_summary) == (
        texts["title"],
        texts["public_summary"],
    ):
        return existing
    return _store(obstacle, language, texts, source=TranslationSource.MODERATOR, by=None)


def may_translate(user, obstacle: Obstacle) -> bool:
    return bool(user and user.is_authenticated) and rules.has_perm(
        "obstacles.translate_obstacle", user, obstacle
    )
