"""Writes of partnership translations (see common/translations.py for how they are stored).

People translate a record: those who may edit it (the members of the organisation that
recorded it or is a party, the governments of the party localities) and the platform
administrators, who act as the registry's moderators. The reference data's translations are
loaded as a moderator's, with no person named. Like services.py: keyword-only, one
transaction each, PermissionDenied or a ValidationError with a code, nothing written on
refusal; each change is in the audit log, seen by the record's owners."""

import rules
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from kakehashi.common.audit import AuditAction, record_change, snapshot
from kakehashi.common.i18n import Language
from kakehashi.common.translations import TranslationSource
from kakehashi.partnerships.models import (
    Partnership,
    PartnershipTranslation,
    original_fingerprint,
    renewal_notes_of,
)
from kakehashi.partnerships.rules import manages_partnership
from kakehashi.partnerships.services import _audit_owners

TITLE_LIMIT, SUMMARY_LIMIT, NOTE_LIMIT = 200, 4000, 300
AUDITED = ("language", "source", "made_by", "title", "summary", "renewal_notes")

TOO_LONG = {
    "title": _("The title may have at most %(limit)s characters (it has %(length)s)."),
    "summary": _("The summary may have at most %(limit)s characters (it has %(length)s)."),
    "note": _("A renewal note may have at most %(limit)s characters (it has %(length)s)."),
}


def _invalid(message, code: str, **params):
    return ValidationError(message, code=code, params=params or None)


def _check_length(name: str, value: str, limit: int) -> None:
    if len(value) > limit:
        raise _invalid(TOO_LONG[name], "too_long", limit=limit, length=len(value))


def _cleaned(partnership: Partnership, language: str, title, summary, renewal_notes) -> dict:
    """The texts to store, or a ValidationError naming the first problem."""
    if language not in Language.values:
        raise _invalid(_("Choose Vietnamese, Japanese or English."), "language_invalid")
    if language == partnership.language:
        raise _invalid(
            _("The record is written in %(language)s: choose another language."),
            "original_language",
            language=Language(partnership.language).label,
        )
    title, summary = (title or "").strip(), (summary or "").strip()
    if not title:
        raise _invalid(_("Give the translation a title."), "title_missing")
    _check_length("title", title, TITLE_LIMIT)
    _check_length("summary", summary, SUMMARY_LIMIT)
    if summary and not partnership.summary:
        raise _invalid(
            _("The record has no summary to translate: leave the summary empty."),
            "summary_without_original",
        )
    originals = renewal_notes_of(partnership)
    notes = {}
    for original, note in (renewal_notes or {}).items():
        if original not in originals:
            raise _invalid(
                _("“%(note)s” is not a renewal note of this record."),
                "note_unknown",
                note=str(original)[:100],
            )
        note = (note or "").strip()
        _check_length("note", note, NOTE_LIMIT)
        if note:
            notes[original] = note
    return {"title": title, "summary": summary, "renewal_notes": notes}


def _store(partnership, language, texts, *, source, by) -> PartnershipTranslation:
    """Create or replace the row, with its audit entry."""
    row = PartnershipTranslation.objects.filter(partnership=partnership, language=language).first()
    before = snapshot(row, AUDITED) if row else None
    if row is None:
        row = PartnershipTranslation(partnership=partnership, language=language)
    for name, value in texts.items():
        setattr(row, name, value)
    row.source, row.made_by = source, by
    row.made_from = original_fingerprint(partnership)
    row.save()
    record_change(
        obj=row,
        by=by,
        action=AuditAction.CHANGED if before else AuditAction.CREATED,
        before=before,
        after=None if before else snapshot(row, AUDITED),
        owners=_audit_owners(partnership),
    )
    return row


def _locked(partnership: Partnership) -> Partnership:
    return Partnership.objects.select_for_update().get(pk=partnership.pk)


@transaction.atomic
def save_translation(
    *,
    partnership: Partnership,
    language: str,
    title: str,
    summary: str = "",
    renewal_notes: dict[str, str] | None = None,
    by,
) -> PartnershipTranslation:
    """Store a person's translation of the record into `language`, replacing the one there.
    `renewal_notes` maps each renewal note as written to its translation (a note left out
    shows as written). The source says who made it: the author (who recorded it), a
    colleague (another person who may edit it) or a moderator (a platform administrator)."""
    partnership = _locked(partnership)
    if not (by and by.is_authenticated):
        raise PermissionDenied
    if not rules.has_perm("partnerships.translate_partnership", by, partnership):
        raise PermissionDenied
    texts = _cleaned(partnership, language, title, summary, renewal_notes)
    if manages_partnership(by, partnership):
        is_author = partnership.created_by_id == by.pk
        source = TranslationSource.AUTHOR if is_author else TranslationSource.COLLEAGUE
    else:
        source = TranslationSource.MODERATOR
    return _store(partnership, language, texts, source=source, by=by)


@transaction.atomic
def save_reference_translation(
    *,
    partnership: Partnership,
    language: str,
    title: str,
    summary: str = "",
    renewal_notes: dict[str, str] | None = None,
) -> PartnershipTranslation | None:
    """Store the reference data's translation (checked by the project's editors: a
    moderator's, no person named), unless a person has translated the record into that
    language since (then nothing changes and None is returned)."""
    partnership = _locked(partnership)
    texts = _cleaned(partnership, language, title, summary, renewal_notes)
    existing = PartnershipTranslation.objects.filter(
        partnership=partnership, language=language
    ).first()
    if existing is not None and existing.made_by_id is not None:
        return None
    if existing is not None and all(getattr(existing, k) == v for k, v in texts.items()):
        return existing
    return _store(partnership, language, texts, source=TranslationSource.MODERATOR, by=None)
