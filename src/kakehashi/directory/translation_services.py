"""Writes of organisation translations and of positions' translations (see
common/translations.py for how they are stored).

An organisation's members translate its name and description into the two languages other
than its own (the organisation speaks for itself: the source is "the author"); a platform
administrator may add or correct one too (the source is "a moderator"). A person's position
at an organisation is translated by those who may change it, the organisation's
administrators (the organisation's own words: "the author") and the platform administrators
("a moderator"); the demo's translations are loaded as a moderator's. Like
directory/services.py: keyword-only, one transaction each, PermissionDenied or a
ValidationError with a code, nothing written on refusal; each change is in the audit log and
the matching index hears of it (the names in every language are searched)."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _

from kakehashi.common.names import clean_name, is_empty_looking
from kakehashi.common.translation_writes import (
    TranslationWrites,
    check_language,
    check_length,
    invalid,
    source_for,
)
from kakehashi.common.translations import fingerprint
from kakehashi.directory.errors import DirectoryError
from kakehashi.directory.models import (
    ORGANISATION_TRANSLATED_FIELDS,
    Membership,
    Organisation,
    OrganisationTranslation,
    PositionTranslation,
)
from kakehashi.directory.positions import original_language, position_fingerprint
from kakehashi.directory.queries import organisation_ids_of
from kakehashi.directory.rules import require
from kakehashi.directory.signals import organisation_changed

LIMITS = {"name": 200, "description": 4000}
TOO_LONG = {
    "name": _("The name may have at most %(limit)s characters (it has %(length)s)."),
    "description": _("The description may have at most %(limit)s characters (it has %(length)s)."),
}


def original_fingerprint(organisation: Organisation) -> str:
    """The fingerprint of the organisation's own texts (see common/translations.py)."""
    return fingerprint(*(getattr(organisation, name) for name in ORGANISATION_TRANSLATED_FIELDS))


def _changed(organisation_id: int) -> None:
    organisation_changed.send(sender=Organisation, organisation_id=organisation_id)


WRITES = TranslationWrites(
    model=OrganisationTranslation,
    record_field="organisation",
    texts=ORGANISATION_TRANSLATED_FIELDS,
    fingerprint=original_fingerprint,
    owners=lambda organisation: [organisation.pk],
    # The matching index searches the names in every language.
    changed=_changed,
)


def _check(organisation: Organisation, language: str, texts: dict[str, str]) -> None:
    check_language(
        language,
        original=organisation.language,
        message=_("The organisation writes its name in %(language)s: choose another language."),
    )
    if is_empty_looking(texts["name"]):
        raise invalid(
            _("Give the organisation's name in this language."), DirectoryError.NAME_MISSING
        )
    for name, limit in LIMITS.items():
        check_length(texts[name], limit, TOO_LONG[name])


@transaction.atomic
def save_organisation_translation(
    *, organisation: Organisation, language: str, name: str, description: str = "", by
) -> OrganisationTranslation:
    """Store a person's translation of the organisation's name and description into
    `language`, replacing the one there (a machine draft or a person's)."""
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    require(by, "directory.translate_organisation", organisation)
    texts = {"name": clean_name(name), "description": (description or "").strip()}
    _check(organisation, language, texts)
    # The organisation speaks for itself: a member's translation is the author's.
    source = source_for(is_author=organisation.pk in organisation_ids_of(by), is_colleague=False)
    return WRITES.store(organisation, language, texts, source=source, by=by)


# Positions.

POSITION_LIMIT = 200  # as Membership.position

POSITION_WRITES = TranslationWrites(
    model=PositionTranslation,
    record_field="membership",
    texts=("position",),
    fingerprint=position_fingerprint,
    owners=lambda membership: [membership.organisation_id],
)


def _locked_membership(membership: Membership) -> Membership:
    return (
        Membership.objects.select_for_update(of=("self",))
        .select_related("organisation", "person")
        .get(pk=membership.pk)
    )


def _cleaned_position(membership: Membership, language: str, position: str) -> dict[str, str]:
    """The translation to store, or a ValidationError naming the first problem."""
    if not membership.position:
        raise invalid(
            _("No position is given for this person: there is nothing to translate."),
            DirectoryError.POSITION_NONE,
        )
    check_language(
        language,
        original=original_language(membership),
        message=_("The position is written in %(language)s: choose another language."),
    )
    position = clean_name(position)
    if is_empty_looking(position):
        raise invalid(
            _("Give the position in this language."),
            DirectoryError.POSITION_MISSING,
            field="position",
        )
    check_length(
        position,
        POSITION_LIMIT,
        _("The position may have at most %(limit)s characters (it has %(length)s)."),
        field="position",
    )
    return {"position": position}


@transaction.atomic
def save_position_translation(
    *, membership: Membership, language: str, position: str, by
) -> PositionTranslation:
    """Store a person's translation of the membership's position into `language`, replacing
    the one there. The organisation's administrators and the platform administrators only
    (the rule that lets them change the membership)."""
    membership = _locked_membership(membership)
    require(by, "directory.manage_members", membership.organisation)
    texts = _cleaned_position(membership, language, position)
    source = source_for(
        is_author=membership.organisation_id in organisation_ids_of(by, admin_only=True),
        is_colleague=False,
    )
    return POSITION_WRITES.store(membership, language, texts, source=source, by=by)


@transaction.atomic
def save_position_reference_translation(
    *, membership: Membership, language: str, position: str
) -> PositionTranslation | None:
    """Store the demo's (or the reference data's) translation of a position, as a
    moderator's with no person named, unless a person has translated it into that language
    since (then None)."""
    membership = _locked_membership(membership)
    texts = _cleaned_position(membership, language, position)
    return POSITION_WRITES.store_reference(membership, language, texts)
