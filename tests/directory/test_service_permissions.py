"""Who may NOT change the directory: every service refuses those it does not name
(directory.rules.require) and writes nothing. An organisation is changed and its members
managed by its administrators, not a plain member, another organisation's member or a
stranger; a person's name forms are their own; anyone signed in may add an organisation or a
person, an anonymous caller nothing. The pages and the API ask the same permissions first
(their own tests); this is the services' own guard."""

from types import SimpleNamespace

import pytest

from kakehashi.directory import services
from kakehashi.directory.models import (
    Membership,
    MembershipRole,
    Organisation,
    OrganisationKind,
    OrganisationTranslation,
    Person,
    PositionTranslation,
)
from kakehashi.directory.translation_services import (
    save_organisation_translation,
    save_position_translation,
)
from tests.factories import OrganisationFactory, PersonFactory, UserFactory, member_of
from tests.shapes import assert_done, assert_refused, user_named

pytestmark = pytest.mark.usefixtures("reference")


@pytest.fixture
def directory():
    """Saigon Robotics with an administrator and a plain member; someone else's company and
    its member; a person with an account of their own."""
    company = OrganisationFactory(name="Saigon Robotics", country="VN")
    other = OrganisationFactory(name="Hanoi Textiles", country="VN")
    admin = member_of(company, role=MembershipRole.ADMIN)
    member = member_of(company)
    person = PersonFactory(full_name="田中 宏", user=UserFactory())
    return SimpleNamespace(
        company=company,
        admin=admin,
        member=member,
        outsider=member_of(other),
        person=person,
        itself=person.user,
        newcomer=PersonFactory(full_name="Nguyen Van An"),
        membership=Membership.objects.get(person__user=member, organisation=company),
        engineer=_with_position(Membership.objects.get(person__user=member, organisation=company)),
        platform_admin=UserFactory(is_superuser=True, is_staff=True),
    )


def _with_position(membership: Membership) -> Membership:
    membership.position, membership.position_language = "Kỹ sư", "vi"
    membership.save()
    return membership


# Each call, one who may make it, and who else may not (besides an anonymous caller).
CALLS = {
    "create_person": (
        "outsider",
        [],
        lambda d, by: services.create_person(full_name="Tran Thi Binh", by=by),
    ),
    "set_name_forms": (
        "itself",
        ["admin", "member", "outsider"],
        lambda d, by: services.set_name_forms(person=d.person, name_latin="Tanaka Hiroshi", by=by),
    ),
    "create_organisation": (
        "outsider",
        [],
        lambda d, by: services.create_organisation(
            by=by, name="Da Nang Foods", kind=OrganisationKind.COMPANY, country="VN"
        ),
    ),
    "update_organisation": (
        "admin",
        ["member", "outsider", "stranger"],
        lambda d, by: services.update_organisation(
            organisation=d.company, website="https://robotics.example.vn", by=by
        ),
    ),
    "add_member": (
        "admin",
        ["member", "outsider", "stranger"],
        lambda d, by: services.add_member(
            organisation=d.company, person=d.newcomer, role=MembershipRole.MEMBER, by=by
        ),
    ),
    "remove_member": (
        "admin",
        ["member", "outsider", "stranger"],
        lambda d, by: services.remove_member(membership=d.membership, by=by),
    ),
    "save_organisation_translation": (
        "member",
        ["outsider", "stranger"],
        lambda d, by: save_organisation_translation(
            organisation=d.company, language="ja", name="サイゴン・ロボティクス", by=by
        ),
    ),
    # Who may change a membership translates its position; not its plain member, even the
    # person it names (the member), nor anyone else.
    "save_position_translation": (
        "admin",
        ["member", "outsider", "stranger", "itself"],
        lambda d, by: save_position_translation(
            membership=d.engineer, language="ja", position="エンジニア", by=by
        ),
    ),
}

REFUSALS = [(name, who) for name, (_allowed, others, _call) in CALLS.items() for who in others] + [
    (name, "anonymous") for name in CALLS
]


def state() -> tuple:
    """What any of the calls would change."""
    return (
        list(Organisation.objects.order_by("pk").values_list("pk", "name", "website")),
        list(Person.objects.order_by("pk").values_list("pk", "name_latin")),
        list(Membership.objects.order_by("pk").values_list("pk", "role")),
        OrganisationTranslation.objects.count(),
        PositionTranslation.objects.count(),
    )


@pytest.mark.parametrize(("name", "who"), REFUSALS)
def test_others_may_not(directory, name, who):
    _allowed, _others, call = CALLS[name]
    assert_refused(lambda: call(directory, user_named(who, directory)), state)


@pytest.mark.parametrize("name", CALLS.keys())
@pytest.mark.parametrize("who", ["allowed", "platform_admin"])
def test_those_allowed_and_a_platform_administrator_may(directory, name, who):
    allowed, _others, call = CALLS[name]
    by = user_named(allowed if who == "allowed" else who, directory)
    assert_done(lambda: call(directory, by), state)
