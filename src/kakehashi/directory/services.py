"""Every write to the directory. One transaction each; who acts is checked through
`rules.require` (PermissionDenied); bad input raises ValidationError, writing nothing."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kakehashi.common.errors import LANGUAGE_INVALID, CommonError, invalid
from kakehashi.common.i18n import Language
from kakehashi.common.names import clean_name, comparison_key, is_empty_looking
from kakehashi.directory.errors import DirectoryError
from kakehashi.directory.models import (
    HeldReason,
    Membership,
    MembershipRole,
    Organisation,
    Person,
)
from kakehashi.directory.names import is_japanese_script, is_katakana_name
from kakehashi.directory.positions import position_language_of
from kakehashi.directory.queries import is_platform_admin
from kakehashi.directory.rules import require
from kakehashi.directory.signals import organisation_changed


def _announce(organisation: Organisation) -> None:
    transaction.on_commit(
        lambda: organisation_changed.send(sender=Organisation, organisation_id=organisation.pk)
    )


def person_for_user(user) -> Person:
    """The directory person of a user account, created on first use."""
    person = Person.objects.filter(user=user).first()
    if person is None:
        person = Person.objects.create(user=user, full_name=user.full_name, email=user.email)
    return person


@transaction.atomic
def create_person(*, full_name: str, email: str = "", phone: str = "", by) -> Person:
    """Add a person to the directory (someone who has not signed up, e.g. from an import)."""
    require(by, "directory.add_person")
    full_name = clean_name(full_name)
    if is_empty_looking(full_name):
        raise ValidationError(_("A person needs a name."), code=DirectoryError.NAME_MISSING)
    return Person.objects.create(full_name=full_name, email=email.strip(), phone=phone.strip())


@transaction.atomic
def set_name_forms(*, person: Person, name_latin: str = "", name_kana: str = "", by) -> Person:
    """Set a person's name in Latin letters (for a name written in Japanese script) and in
    katakana (for Japanese readers of a name in Latin letters); empty removes one. The
    person themselves (or a platform administrator) sets them."""
    require(by, "directory.change_person", person)
    latin, kana = clean_name(name_latin), clean_name(name_kana)
    if is_japanese_script(latin):
        raise ValidationError(
            _("Write the name in Latin letters, e.g. Tanaka Hiroshi."),
            code=DirectoryError.LATIN_NOT_LATIN,
        )
    if kana and not is_katakana_name(kana):
        raise ValidationError(
            _("Write the name in katakana, e.g. グエン・ヴァン・アン."),
            code=DirectoryError.KANA_NOT_KANA,
        )
    for value in (latin, kana):
        if len(value) > 200:
            raise ValidationError(_("A name is 200 characters at most."), code=CommonError.TOO_LONG)
    person.name_latin, person.name_kana = latin, kana
    person.save(update_fields=["name_latin", "name_kana"])
    return person


ORGANISATION_FIELDS = (
    "name",
    "name_en",
    "kind",
    "country",
    "locality",
    "website",
    "description",
    "language",
    "is_published",
    "is_demo",
    "held_reason",
)


def _check_locality(fields: dict) -> None:
    locality = fields.get("locality")
    if locality is not None and locality.country != fields.get("country"):
        raise ValidationError(
            _("The locality is not in the organisation's country."),
            code=DirectoryError.LOCALITY_COUNTRY_MISMATCH,
        )


def _clean_names(fields: dict) -> None:
    """Names stored as they read (common/names.py); a name with no letter or digit in it is
    refused."""
    for name in ("name", "name_en"):
        if name in fields:
            fields[name] = clean_name(fields[name])
    if "name" in fields and is_empty_looking(fields["name"]):
        raise ValidationError(
            _("Give the organisation a name with letters or digits."),
            code=DirectoryError.NAME_EMPTY,
        )


def _reads_like_another(fields: dict, organisation: Organisation | None = None) -> bool:
    """Whether the name (or the English name) reads like another organisation's: the same
    letters, ignoring case, accents, spaces and punctuation."""
    keys = {comparison_key(fields.get(name) or "") for name in ("name", "name_en")} - {""}
    others = Organisation.objects.all()
    if organisation is not None:
        others = others.exclude(pk=organisation.pk)
    return any(
        comparison_key(name) in keys
        for pair in others.values_list("name", "name_en")
        for name in pair
        if name
    )


def _hold_if_similar(fields: dict, by, organisation: Organisation | None = None) -> None:
    """An organisation whose name reads like another's waits unpublished for a platform
    administrator (who may publish it), so nobody can pass for someone else; a platform
    administrator's own entries are not held."""
    if is_platform_admin(by) or not _reads_like_another(fields, organisation):
        return
    fields["is_published"] = False
    fields["held_reason"] = HeldReason.SIMILAR_NAME


@transaction.atomic
def create_organisation(*, by, sectors=(), **fields) -> Organisation:
    """Create an organisation; the user who creates it becomes its administrator
    (a platform administrator creating one for others does not). A name that reads like
    another organisation's keeps it unpublished and held for review (`held_reason`). Anyone
    signed in may."""
    require(by, "directory.add_organisation")
    _clean_names(fields)
    _check_locality(fields)
    _hold_if_similar(fields, by)
    organisation = Organisation.objects.create(
        **{name: fields[name] for name in ORGANISATION_FIELDS if name in fields}
    )
    organisation.sectors.set(sectors)
    if not by.is_superuser:
        Membership.objects.create(
            person=person_for_user(by), organisation=organisation, role=MembershipRole.ADMIN
        )
    _announce(organisation)
    return organisation


@transaction.atomic
def update_organisation(*, organisation: Organisation, by, sectors=None, **fields) -> Organisation:
    """Change an organisation. A held one stays unpublished until a platform administrator
    publishes it; a new name that reads like another organisation's holds it. Its
    administrators (or a platform administrator) only."""
    require(by, "directory.change_organisation", organisation)
    _clean_names(fields)
    merged = {name: getattr(organisation, name) for name in ORGANISATION_FIELDS} | fields
    _check_locality(merged)
    if organisation.held_reason and is_platform_admin(by) and fields.get("is_published"):
        fields["held_reason"] = ""  # reviewed and published
    elif organisation.held_reason and not is_platform_admin(by):
        fields["is_published"] = False
    elif {"name", "name_en"} & set(fields):
        _hold_if_similar(fields, by, organisation)
    for name, value in fields.items():
        if name in ORGANISATION_FIELDS:
            setattr(organisation, name, value)
    organisation.save()
    if sectors is not None:
        organisation.sectors.set(sectors)
    _announce(organisation)
    return organisation


@transaction.atomic
def add_member(
    *,
    organisation: Organisation,
    person: Person,
    role: str,
    position: str = "",
    position_language: str = "",
    by,
) -> Membership:
    """Add a person to an organisation, or change their role and position there. The
    position's language is the one given, else told from its text (directory/positions.py);
    its translations stay, but one made from another position is no longer shown. Its
    administrators (or a platform administrator) only."""
    require(by, "directory.manage_members", organisation)
    if role not in MembershipRole.values:
        raise ValidationError(_("Unknown role."), code=DirectoryError.ROLE_UNKNOWN)
    position = (position or "").strip()
    if position_language and position_language not in Language.values:
        raise invalid(LANGUAGE_INVALID, CommonError.LANGUAGE_INVALID)
    if not position:
        position_language = ""
    elif not position_language:
        position_language = position_language_of(position, organisation.language)
    membership, _created = Membership.objects.update_or_create(
        person=person,
        organisation=organisation,
        defaults={"role": role, "position": position, "position_language": position_language},
    )
    return membership


@transaction.atomic
def remove_member(*, membership: Membership, by) -> None:
    """Remove a membership; an organisation keeps at least one administrator. Its
    administrators (or a platform administrator) only."""
    require(by, "directory.manage_members", membership.organisation)
    if (
        membership.role == MembershipRole.ADMIN
        and not membership.organisation.memberships.filter(role=MembershipRole.ADMIN)
        .exclude(pk=membership.pk)
        .exists()
    ):
        raise ValidationError(
            _("An organisation needs at least one administrator."), code=DirectoryError.LAST_ADMIN
        )
    membership.delete()
