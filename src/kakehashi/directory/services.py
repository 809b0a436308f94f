"""Every write to the directory. One transaction each; bad input raises ValidationError."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kakehashi.directory.models import Membership, MembershipRole, Organisation, Person
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
    if not full_name.strip():
        raise ValidationError(_("A person needs a name."), code="name_missing")
    return Person.objects.create(
        full_name=full_name.strip(), email=email.strip(), phone=phone.strip()
    )


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
)


def _check_locality(fields: dict) -> None:
    locality = fields.get("locality")
    if locality is not None and locality.country != fields.get("country"):
        raise ValidationError(
            _("The locality is not in the organisation's country."),
            code="locality_country_mismatch",
        )


@transaction.atomic
def create_organisation(*, by, sectors=(), **fields) -> Organisation:
    """Create an organisation; the user who creates it becomes its administrator
    (a platform administrator creating one for others does not)."""
    _check_locality(fields)
    organisation = Organisation.objects.create(
        **{name: fields[name] for name in ORGANISATION_FIELDS if name in fields}
    )
    organisation.sectors.set(sectors)
    if by is not None and by.is_authenticated and not by.is_superuser:
        Membership.objects.create(
            person=person_for_user(by), organisation=organisation, role=MembershipRole.ADMIN
        )
    _announce(organisation)
    return organisation


@transaction.atomic
def update_organisation(*, organisation: Organisation, by, sectors=None, **fields) -> Organisation:
    merged = {name: getattr(organisation, name) for name in ORGANISATION_FIELDS} | fields
    _check_locality(merged)
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
    *, organisation: Organisation, person: Person, role: str, position: str = "", by
) -> Membership:
    """Add a person to an organisation, or change their role and position there."""
    if role not in MembershipRole.values:
        raise ValidationError(_("Unknown role."), code="role_unknown")
    membership, _created = Membership.objects.update_or_create(
        person=person, organisation=organisation, defaults={"role": role, "position": position}
    )
    return membership


@transaction.atomic
def remove_member(*, membership: Membership, by) -> None:
    """Remove a membership; an organisation keeps at least one administrator."""
    if (
        membership.role == MembershipRole.ADMIN
        and not membership.organisation.memberships.filter(role=MembershipRole.ADMIN)
        .exclude(pk=membership.pk)
        .exists()
    ):
        raise ValidationError(
            _("An organisation needs at least one administrator."), code="last_admin"
        )
    membership.delete()
