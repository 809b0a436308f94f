import re

import pytest
from django.urls import reverse

from kakehashi.directory.models import Membership, MembershipRole, Organisation
from tests.factories import OrganisationFactory, UserFactory, locality, member_of

pytestmark = pytest.mark.usefixtures("reference")

NEW_ORGANISATION = {
    "name": "Công ty TNHH Cơ khí Bình Dương",
    "name_en": "Binh Duong Mechanical Co., Ltd.",
    "kind": "company",
    "country": "VN",
    "website": "https://example.vn",
    "description": "Gia công cơ khí chính xác.",
    "language": "vi",
    "is_published": "on",
}


LOCALITY_LINK = re.compile(r'href="/localities/[a-z0-9-]+/"')


def test_locality_list_shows_current_units_and_former_on_request(client):
    html = client.get(reverse("directory:localities"), {"country": "VN"}).content.decode()
    assert len(LOCALITY_LINK.findall(html)) == 34
    html = client.get(
        reverse("directory:localities"), {"country": "VN", "former": "1"}
    ).content.decode()
    assert len(LOCALITY_LINK.findall(html)) == 34 + 63 + 1  # and Thua Thien Hue (until 2024)
    assert "now part of Ho Chi Minh City" in html


def test_an_unknown_locality_is_a_404(client):
    assert client.get("/localities/atlantis/").status_code == 404


def test_registering_an_organisation_makes_you_its_administrator(client):
    user = UserFactory()
    client.force_login(user)
    data = NEW_ORGANISATION | {"locality": locality("ho-chi-minh-city").pk, "sectors": ["1"]}
    response = client.post(reverse("directory:organisation_create"), data)
    organisation = Organisation.objects.get()
    assert response.status_code == 302 and response.url == organisation.get_absolute_url()
    membership = Membership.objects.get()
    assert (membership.person.user, membership.role) == (user, MembershipRole.ADMIN)


def test_a_locality_of_the_other_country_is_refused(client):
    client.force_login(UserFactory())
    data = NEW_ORGANISATION | {"locality": locality("osaka-city").pk}
    response = client.post(reverse("directory:organisation_create"), data)
    assert "The locality is not in the organisation&#x27;s country." in response.content.decode()
    assert Organisation.objects.count() == 0


def test_only_its_administrators_edit_an_organisation(client):
    organisation = OrganisationFactory(name="Original")
    edit = reverse("directory:organisation_edit", args=[organisation.pk])
    data = NEW_ORGANISATION | {"name": "Renamed"}

    client.force_login(member_of(organisation))  # a plain member
    assert client.post(edit, data).status_code == 403
    client.force_login(member_of(OrganisationFactory(), role=MembershipRole.ADMIN))  # another's
    assert client.post(edit, data).status_code == 403
    organisation.refresh_from_db()
    assert organisation.name == "Original"

    client.force_login(member_of(organisation, role=MembershipRole.ADMIN))
    assert client.post(edit, data).status_code == 302
    organisation.refresh_from_db()
    assert organisation.name == "Renamed"


def test_unpublished_organisations_are_hidden_from_others(client):
    organisation = OrganisationFactory(name="Stealth K.K.", is_published=False)
    url = organisation.get_absolute_url()
    assert client.get(url).status_code == 404
    assert "Stealth K.K." not in client.get(reverse("directory:organisations")).content.decode()
    client.force_login(member_of(organisation))
    assert client.get(url).status_code == 200


def test_members_are_managed_by_administrators_only(client):
    organisation = OrganisationFactory()
    admin = member_of(organisation, role=MembershipRole.ADMIN)
    newcomer = UserFactory(email="new@example.org")
    members = reverse("directory:organisation_members", args=[organisation.pk])

    client.force_login(member_of(organisation))
    assert client.post(members, {"email": "new@example.org", "role": "admin"}).status_code == 403

    client.force_login(admin)
    client.post(members, {"email": "new@example.org", "role": "member", "position": "Engineer"})
    assert Membership.objects.get(person__user=newcomer).position == "Engineer"

    response = client.post(members, {"email": "nobody@example.org", "role": "member"})
    assert "Nobody has signed up with this e-mail address." in response.content.decode()
    assert client.post(members, {"remove": "not-a-number"}).status_code == 404

    admin_membership = Membership.objects.get(person__user=admin)
    response = client.post(members, {"remove": str(admin_membership.pk)}, follow=True)
    assert "An organisation needs at least one administrator." in response.content.decode()
    assert Membership.objects.filter(pk=admin_membership.pk).exists()


def test_organisation_list_query_count_does_not_grow(client, django_assert_max_num_queries):
    for _ in range(30):
        OrganisationFactory()
    with django_assert_max_num_queries(8):
        response = client.get(reverse("directory:organisations"))
    assert response.content.decode().count("Organisation ") >= 30
