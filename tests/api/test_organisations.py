import pytest

from kakehashi.directory.models import Membership, MembershipRole, Organisation
from tests.factories import OrganisationFactory, locality

pytestmark = pytest.mark.django_db


def test_admin_patches_their_organisation(as_user, org_a, admin_a):
    response = as_user(admin_a).patch(
        f"/organisations/{org_a.pk}",
        {
            "description": "We build robots.",
            "sectors": ["investment", "trade"],
            "locality": "hanoi",
        },
    )

    assert response.status_code == 200
    org_a.refresh_from_db()
    assert org_a.description == "We build robots."
    assert org_a.locality.slug == "hanoi"
    assert org_a.name == "Saigon Robotics"
    assert response.json()["sectors"] == ["investment", "trade"]
    assert response.json()["locality"] == "hanoi"


def test_a_plain_member_of_another_organisation_cannot_patch(as_user, org_a, member_b):
    response = as_user(member_b).patch(f"/organisations/{org_a.pk}", {"name": "Taken over"})

    assert response.status_code == 403
    assert response.json() == {
        "code": "forbidden",
        "message": "You are not allowed to do this.",
        "details": [],
    }
    org_a.refresh_from_db()
    assert org_a.name == "Saigon Robotics"


def test_a_plain_member_cannot_patch_their_own_organisation(as_user, org_a, member_a):
    response = as_user(member_a).patch(f"/organisations/{org_a.pk}", {"name": "Renamed"})

    assert response.status_code == 403
    org_a.refresh_from_db()
    assert org_a.name == "Saigon Robotics"


def test_anonymous_writes_are_401(anonymous, org_a):
    created = anonymous.post("/organisations", {"name": "X", "kind": "company", "country": "VN"})
    patched = anonymous.patch(f"/organisations/{org_a.pk}", {"name": "X"})

    for response in (created, patched):
        assert response.status_code == 401
        assert response.json()["code"] == "not_authenticated"
        assert response["WWW-Authenticate"] == "Bearer"
    assert Organisation.objects.count() == 1


def test_the_creator_becomes_administrator(as_user, member_b):
    response = as_user(member_b).post(
        "/organisations",
        {
            "name": "Công ty Cầu Nối",
            "name_en": "Bridge Company",
            "kind": "company",
            "country": "VN",
            "locality": "da-nang",
            "sectors": ["trade"],
            "website": "https://bridge.example.vn",
            "language": "vi",
        },
    )

    assert response.status_code == 201
    organisation = Organisation.objects.get(pk=response.json()["id"])
    assert organisation.locality.slug == "da-nang"
    assert organisation.language == "vi"
    membership = Membership.objects.get(organisation=organisation)
    assert membership.person.user == member_b
    assert membership.role == MembershipRole.ADMIN


@pytest.mark.parametrize(
    ("changes", "field", "code", "message"),
    [
        (
            {"locality": "atlantis"},
            "locality",
            "unknown_locality",
            "There is no locality “atlantis”.",
        ),
        (
            {"locality": "binh-duong-before-2025"},
            "locality",
            "former_locality",
            "“binh-duong-before-2025” is a former unit; "
            "use “ho-chi-minh-city”, which took it over.",
        ),
        ({"sectors": ["alchemy"]}, "sectors.0", "unknown_sector", "There is no sector “alchemy”."),
        ({"website": "javascript:alert(1)"}, "website", "invalid_url", None),
        ({"locality": "osaka-prefecture"}, None, "locality_country_mismatch", None),
        ({"name": "x" * 201}, "name", "string_too_long", None),
        ({"name": "   "}, "name", "string_too_short", None),
        ({"kind": "cartel"}, "kind", "enum", None),
        ({"colour": "red"}, "colour", "extra_forbidden", None),
    ],
)
def test_bad_organisation_input_writes_nothing(as_user, member_b, changes, field, code, message):
    before = Organisation.objects.count(), Membership.objects.count()
    body = {"name": "Cầu Nối", "kind": "company", "country": "VN"} | changes

    response = as_user(member_b).post("/organisations", body)

    assert response.status_code == 422
    details = response.json()["details"]
    assert [(d["field"], d["code"]) for d in details] == [(field, code)]
    if message:
        assert details[0]["message"] == message
    assert (Organisation.objects.count(), Membership.objects.count()) == before


def test_null_for_a_required_field_in_patch_is_refused(as_user, org_a, admin_a):
    response = as_user(admin_a).patch(f"/organisations/{org_a.pk}", {"name": None})

    assert response.status_code == 422
    assert response.json()["details"][0]["field"] == "name"
    org_a.refresh_from_db()
    assert org_a.name == "Saigon Robotics"


def test_anonymous_sees_published_organisations_only(anonymous, org_a):
    hidden = OrganisationFactory(name="Hidden", is_published=False)

    body = anonymous.get("/organisations").json()

    assert [item["id"] for item in body["items"]] == [org_a.pk]
    assert anonymous.get(f"/organisations/{hidden.pk}").status_code == 404


def test_list_filters_and_pages(anonymous, org_a, org_b):
    for number in range(3):
        OrganisationFactory(name=f"Hanoi firm {number}", locality=locality("hanoi"))

    in_hanoi = anonymous.get("/organisations?locality=hanoi&limit=2&offset=1").json()
    japanese = anonymous.get("/organisations?country=JP").json()
    searched = anonymous.get("/organisations?q=robotics").json()

    assert in_hanoi["count"] == 3
    assert [item["name"] for item in in_hanoi["items"]] == ["Hanoi firm 1", "Hanoi firm 2"]
    assert [item["id"] for item in japanese["items"]] == [org_b.pk]
    assert [item["id"] for item in searched["items"]] == [org_a.pk]


def test_page_size_is_bounded(anonymous, reference):
    response = anonymous.get("/organisations?limit=201")

    assert response.status_code == 422
    assert response.json()["details"] == [
        {
            "field": "limit",
            "code": "less_than_equal",
            "message": "Ensure this value is less than or equal to 200.",
        }
    ]


def test_the_list_costs_the_same_queries_for_one_or_many(
    anonymous, org_a, django_assert_num_queries
):
    with django_assert_num_queries(4):  # count, rows, translations, sectors
        anonymous.get("/organisations")
    for number in range(4):
        OrganisationFactory(name=f"Firm {number}")
    with django_assert_num_queries(4):
        anonymous.get("/organisations")
