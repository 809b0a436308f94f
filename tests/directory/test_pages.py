import re

import pytest
from django.urls import reverse

from kakehashi.directory.models import Membership, MembershipRole, Organisation
from tests.factories import OrganisationFactory, UserFactory, locality, member_of
from tests.phone_tables import assert_stacks_on_phone, tables

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


@pytest.mark.parametrize(
    ("language", "headings", "osaka", "former"),
    [
        (
            "en",
            ["Code", "Name", "Official name", "Level", ""],
            ["271004", "Osaka City", "大阪市", "Designated city, Osaka Prefecture", ""],
            "now part of Ho Chi Minh City",
        ),
        (
            "vi",
            ["Mã", "Tên", "Tên chính thức", "Cấp", ""],
            ["271004", "Thành phố Osaka", "大阪市", "Thành phố được chỉ định, Tỉnh Osaka", ""],
            "nay thuộc Thành phố Hồ Chí Minh",
        ),
        (
            "ja",
            ["コード", "名前", "正式名称", "区分", ""],
            ["271004", "大阪市", "大阪市", "政令指定都市、大阪府", ""],
            "現在はホーチミン市の一部",
        ),
    ],
)
def test_the_locality_list_reads_as_cards_on_a_phone(client, language, headings, osaka, former):
    """Each locality a card (site.css `.localities`): its name, its code, then its official
    name and level under their columns' names; "now part of …" alone; no empty line."""
    client.cookies["kakehashi_language"] = language
    html = client.get(reverse("directory:localities"), {"former": "1"}).content.decode()
    found = tables(html)
    assert [len(table.rows) for table in found] == [34, 63 + 1, 75]  # jp_localities.csv
    for table in found:
        assert table.classes == {"localities"} and table.headings == headings
        assert_stacks_on_phone(table, unlabelled=(4,))
    rows = {row[1].text: row for table in found for row in table.rows}
    osaka_row = rows[osaka[1]]
    assert [cell.text for cell in osaka_row] == osaka
    assert [cell.attrs.get("class") for cell in osaka_row] == [
        "code", "place keep-words", "official", None, "successor"
    ]  # fmt: skip
    # An empty cell is written empty: the card hides it (td:empty) instead of a blank line.
    alone = [row[4].text for table in found for row in table.rows]
    assert html.count('<td class="successor"></td>') == alone.count("") > 34
    assert alone.count(former) == 3  # Ho Chi Minh City, Binh Duong and Ba Ria-Vung Tau
    # The official name is in its own language, the label above it in the reader's.
    official = f'<td class="official" data-label="{headings[2]}"><span lang="ja">大阪市</span></td>'
    assert official in html


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
