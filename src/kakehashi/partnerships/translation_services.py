"""Writes of partnership translations (see common/translations.py for how they are stored).

People translate a record: those who may edit it (the members of the organisation that
recorded it or is a party, the governments of the party localities) and the platform
administrators, who act as the registry's moderators. The reference data's translations are
loaded as a moderator's, with no person named. Like services.py: keyword-only, one
transaction each, PermissionDenied or a ValidationError with a code, nothing written on
refusal; each change is in the audit log, seen by the record's owners."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from kakehashi.common.translation_writes import (
    TranslationWrites,
    check_language,
    check_length,
    invalid,
    require_text,
    source_for,
)
from kakehashi.partnerships.errors import PartnershipError
from kakehashi.partnerships.models import (
    Partnership,
    PartnershipTranslation,
    original_fingerprint,
    renewal_notes_of,
)
from kakehashi.partnerships.rules import manages_partnership, require
from kakehashi.partnerships.services import _audit_owners

TITLE_LIMIT, SUMMARY_LIMIT, TYPE_LIMIT, NOTE_LIMIT = 200, 4000, 300, 300

TOO_LONG = {
    "title": _("The title may have at most %(limit)s characters (it has %(length)s)."),
    "summary": _("The summary may have at most %(limit)s characters (it has %(length)s)."),
    "type_as_stated": _(
        "The type as stated may have at most %(limit)s characters (it has %(length)s)."
    ),
    "note": _("A renewal note may have at most %(limit)s characters (it has %(length)s)."),
}

WRITES = TranslationWrites(
    model=PartnershipTranslation,
    record_field="partnership",
    texts=("title", "summary", "type_as_stated", "renewal_notes"),
    fingerprint=original_fingerprint,
    owners=_audit_owners,
)


def _cleaned(
    partnership: Partnership, language: str, title, summary, renewal_notes, type_as_stated=""
) -> dict:
    """The texts to store, or a ValidationError naming the first problem."""
    check_language(
        language,
        original=partnership.language,
        message=_("The record is written in %(language)s: choose another language."),
    )
    title, summary = (title or "").strip(), (summary or "").strip()
    require_text(title, _("Give the translation a title."))
    check_length(title, TITLE_LIMIT, TOO_LONG["title"])
    check_length(summary, SUMMARY_LIMIT, TOO_LONG["summary"])
    if summary and not partnership.summary:
        raise invalid(
            _("The record has no summary to translate: leave the summary empty."),
            PartnershipError.SUMMARY_WITHOUT_ORIGINAL,
        )
    type_as_stated = (type_as_stated or "").strip()
    check_length(type_as_stated, TYPE_LIMIT, TOO_LONG["type_as_stated"])
    if type_as_stated and not partnership.type_as_stated:
        raise invalid(
            _("The record states no type to translate: leave the type as stated empty."),
            PartnershipError.TYPE_WITHOUT_ORIGINAL,
        )
    originals = renewal_notes_of(partnership)
    notes = {}
    for original, note in (renewal_notes or {}).items():
        if original not in originals:
            raise invalid(
                _("“%(note)s” is not a renewal note of this record."),
                PartnershipError.NOTE_UNKNOWN,
                note=str(original)[:100],
            )
        note = (note or "").strip()
        check_length(note, NOTE_LIMIT, TOO_LONG["note"])
        if note:
            notes[original] = note
    return {
        "title": title,
        "summary": summary,
        "type_as_stated": type_as_stated,
        "renewal_notes": notes,
    }


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
    type_as_stated: str = "",
    by,
) -> PartnershipTranslation:
    """Store a person's translation of the record into `language`, replacing the one there.
    `renewal_notes` maps each renewal note as written to its translation (a note left out
    shows as written); `type_as_stated` translates the type as the source states it (left
    empty, it shows as written). The source says who made it: the author (who recorded it), a
    colleague (another person who may edit it) or a moderator (a platform administrator)."""
    partnership = _locked(partnership)
    require(by, "partnerships.translate_partnership", partnership)
    texts = _cleaned(partnership, language, title, summary, renewal_notes, type_as_stated)
    manages = manages_partnership(by, partnership)
    source = source_for(
        is_author=manages and partnership.created_by_id == by.pk, is_colleague=manages
    )
    return WRITES.store(partnership, language, texts, source=source, by=by)


@transaction.atomic
def save_reference_translation(
    *,
    partnership: Partnership,
    language: str,
    title: str,
    summary: str = "",
    renewal_notes: dict[str, str] | None = None,
    type_as_stated: str = "",
) -> PartnershipTranslation | None:
    """Store the reference data's translation (checked by the project's editors: a
    moderator's, no person named), unless a person has translated the record into that
    language since (then nothing changes and None is returned)."""
    partnership = _locked(partnership)
    texts = _cleaned(partnership, language, title, summary, renewal_notes, type_as_stated)
    return WRITES.store_reference(partnership, language, texts)
