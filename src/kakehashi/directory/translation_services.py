"""Writes of organisation translations (see common/translations.py for how they are stored).

An organisation's members translate its name and description into the two languages other
than its own (the organisation speaks for itself: the source is "the author"); a platform
administrator may add or correct one too (the source is "a moderator"). Like
directory/services.py: keyword-only, one transaction each, PermissionDenied or a
ValidationError with a code, nothing written on refusal; each change is in the audit log and
the matching index hears of it (the names in every language are searched)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from kakehashi.common.audit import AuditAction, record_change, snapshot
from kakehashi.common.i18n import Language
from kakehashi.common.names import clean_name, is_empty_looking
from kakehashi.common.translations import TranslationSource, fingerprint
from kakehashi.directory.models import (
    ORGANISATION_TRANSLATED_FIELDS,
    Organisation,
    OrganisationTranslation,
)
from kakehashi.directory.queries import organisation_ids_of
from kakehashi.directory.signals import organisation_changed

LIMITS = {"name": 200, "description": 4000}
AUDITED = ("language", "source", "made_by", *ORGANISATION_TRANSLATED_FIELDS)


def original_fingerprint(organisation: Organisation) -> str:
    """The fingerprint of the organisation's own texts (see common/translations.py)."""
    return fingerprint(*(getattr(organisation, name) for name in ORGANISATION_TRANSLATED_FIELDS))


def _check(organisation: Organisation, language: str, texts: dict[str, str]) -> None:
    if language not in Language.values:
        raise ValidationError(_("Choose Vietnamese, Japanese or English."), code="language_invalid")
    if language == organisation.language:
        raise ValidationError(
            _("The organisation writes its name in %(language)s: choose another language."),
            code="original_language",
            params={"language": Language(organisation.language).label},
        )
    if is_empty_looking(texts["name"]):
        raise ValidationError(
            _("Give the organisation's name in this language."), code="name_missing"
        )
    for name, limit in LIMITS.items():
        if len(texts[name]) > limit:
            raise ValidationError(
                _("The %(field)s is longer than %(limit)s characters."),
                code="too_long",
                params={
                    "field": OrganisationTranslation._meta.get_field(name).verbose_name,
                    "limit": limit,
                },
            )


@transaction.atomic
def save_organisation_translation(
    *, organisation: Organisation, language: str, name: str, description: str = "", by
) -> OrganisationTranslation:
    """Store a person's translation of the organisation's name and description into
    `language`, replacing the one there (a machine draft or a person's)."""
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    if not (
        by and by.is_authenticated and by.has_perm("directory.translate_organisation", organisation)
    ):
        raise PermissionDenied
    texts = {"name": clean_name(name), "description": (description or "").strip()}
    _check(organisation, language, texts)
    member = organisation.pk in organisation_ids_of(by)
    row = OrganisationTranslation.objects.filter(
        organisation=organisation, language=language
    ).first()
    before = snapshot(row, AUDITED) if row else None
    if row is None:
        row = OrganisationTranslation(organisation=organisation, language=language)
    row.name, row.description = texts["name"], texts["description"]
    row.source = TranslationSource.AUTHOR if member else TranslationSource.MODERATOR
    row.made_by = by
    row.made_from = original_fingerprint(organisation)
    row.save()
    record_change(
        obj=row,
        by=by,
        action=AuditAction.CHANGED if before else AuditAction.CREATED,
        before=before,
        after=None if before else snapshot(row, AUDITED),
        owners=[organisation.pk],
    )
    organisation_id = organisation.pk
    transaction.on_commit(
        lambda: organisation_changed.send(sender=Organisation, organisation_id=organisation_id)
    )
    return row
