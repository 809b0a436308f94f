"""factory_boy factories for the tests. Reference data (localities, sectors) is loaded by the
`reference` fixture; factories look localities up by slug."""

import factory
from factory.django import DjangoModelFactory

from kakehashi.accounts.models import User
from kakehashi.directory.models import (
    Locality,
    Membership,
    MembershipRole,
    Organisation,
    OrganisationKind,
    Person,
)
from kakehashi.partnerships.models import Partnership, PartnershipKind, PartnershipParty

PASSWORD = "correct-horse-battery-staple"


def locality(slug: str) -> Locality:
    return Locality.objects.get(slug=slug)


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.org")
    full_name = factory.Sequence(lambda n: f"User {n}")
    email_confirmed = True
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def saved(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class PersonFactory(DjangoModelFactory):
    class Meta:
        model = Person

    full_name = factory.Sequence(lambda n: f"Person {n}")
    email = factory.Sequence(lambda n: f"person{n}@example.org")


class OrganisationFactory(DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Organisation {n}")
    kind = OrganisationKind.COMPANY
    country = "VN"
    locality = factory.LazyFunction(lambda: locality("ho-chi-minh-city"))
    is_published = True


def member_of(
    organisation: Organisation, *, role: str = MembershipRole.MEMBER, **user_fields
) -> User:
    """A signed-up user who acts for the organisation in the given role."""
    user = UserFactory(**user_fields)
    person = PersonFactory(user=user, full_name=user.full_name, email=user.email)
    Membership.objects.create(person=person, organisation=organisation, role=role)
    return user


class PartnershipFactory(DjangoModelFactory):
    class Meta:
        model = Partnership

    title = factory.Sequence(lambda n: f"Agreement {n}")
    kind = PartnershipKind.COOPERATION_MOU
    is_published = True


def partnership_between(*places, **fields) -> Partnership:
    """A partnership whose parties are the given localities or organisations."""
    partnership = PartnershipFactory(**fields)
    for position, place in enumerate(places):
        if isinstance(place, Organisation):
            PartnershipParty.objects.create(
                partnership=partnership,
                organisation=place,
                name_as_signed=place.name,
                position=position,
            )
        else:
            PartnershipParty.objects.create(
                partnership=partnership,
                locality=place,
                name_as_signed=place.name_en,
                position=position,
            )
    return partnership
