import pytest
from django.test import Client

from kakehashi.proposals.models import Interest, Proposal, ProposalStatus
from tests.api.client import ApiClient, key_for
from tests.factories import OrganisationFactory, UserFactory, member_of
from tests.proposals.factories import ProposalFactory, moderator_of, published

pytestmark = pytest.mark.usefixtures("reference")


def api(user=None):
    return ApiClient(Client(), key_for(user) if user else None)


@pytest.fixture
def company():
    return OrganisationFactory(name="Saigon Seafood")


@pytest.fixture
def owner(company):
    return member_of(company)


def new_export(company, **changes):
    return {
        "organisation": company.pk,
        "kind": "export_product",
        "title": "Frozen shrimp",
        "summary": "Black tiger shrimp, frozen, for Japanese supermarkets.",
        "partnership_types": ["commercial"],
        "target_countries": ["JP"],
        "sectors": ["agriculture"],
        "export": {"product": "Frozen shrimp", "hs_code": "030617"},
        **changes,
    }


def test_create_submit_publish_through_the_api(company, owner):
    response = api(owner).post("/proposals", new_export(company))
    assert response.status_code == 201, response.json()
    body = response.json()
    assert (body["status"], body["language"], body["export"]["hs_code"]) == (
        "draft",
        "en",
        "030617",
    )
    assert body["partnership_types"] == ["commercial"]
    pk = body["id"]
    assert api().get(f"/proposals/{pk}").status_code == 404  # a draft is not public
    assert api(owner).post(f"/proposals/{pk}/submit").json()["status"] == "submitted"
    assert api(owner).post(f"/proposals/{pk}/publish").status_code == 403
    moderator = moderator_of("ho-chi-minh-city")
    published_body = api(moderator).post(f"/proposals/{pk}/publish").json()
    assert published_body["status"] == "published" and published_body["expires_on"]
    listed = api().get("/proposals?kind=export_product&sector=agriculture").json()
    assert [item["id"] for item in listed["items"]] == [pk]


def test_an_unknown_hs_code_is_a_422_and_writes_nothing(company, owner):
    response = api(owner).post(
        "/proposals", new_export(company, export={"product": "Coffee", "hs_code": "090119"})
    )
    assert response.status_code == 422
    assert response.json()["code"] == "hs_code_unknown"
    assert response.json()["message"] == "090119 is not a subheading of the HS 2022 nomenclature."
    assert Proposal.objects.count() == 0


def test_creating_for_someone_elses_organisation_is_refused(company):
    outsider = member_of(OrganisationFactory())
    response = api(outsider).post("/proposals", new_export(company))
    assert response.status_code in (403, 422)
    assert Proposal.objects.count() == 0


def test_an_anonymous_owner_is_hidden(company, owner):
    proposal = published(organisation=company, is_anonymous=True)
    assert api().get(f"/proposals/{proposal.pk}").json()["organisation"] is None
    assert api(UserFactory()).get(f"/proposals/{proposal.pk}").json()["organisation"] is None
    assert api(owner).get(f"/proposals/{proposal.pk}").json()["organisation"] == company.pk


def test_patch_a_draft_keeps_what_is_not_sent(company, owner):
    proposal = ProposalFactory(organisation=company, title="Old", summary="Kept summary")
    response = api(owner).patch(f"/proposals/{proposal.pk}", {"title": "New"})
    assert response.status_code == 200, response.json()
    proposal.refresh_from_db()
    assert (proposal.title, proposal.summary) == ("New", "Kept summary")
    stranger = member_of(OrganisationFactory())
    assert api(stranger).patch(f"/proposals/{proposal.pk}", {"title": "X"}).status_code == 404
    published_one = published(organisation=company, title="Live")
    assert api(owner).patch(f"/proposals/{published_one.pk}", {"title": "X"}).status_code == 403
    assert Proposal.objects.get(pk=published_one.pk).title == "Live"


def test_reject_needs_a_reason_and_a_moderator(company):
    proposal = ProposalFactory(organisation=company, status=ProposalStatus.SUBMITTED)
    moderator = moderator_of("ho-chi-minh-city")
    assert (
        api(moderator).post(f"/proposals/{proposal.pk}/reject", {"reason": ""}).status_code == 422
    )
    other = moderator_of("hanoi")
    assert api(other).post(f"/proposals/{proposal.pk}/reject", {"reason": "No"}).status_code == 404
    assert Proposal.objects.get(pk=proposal.pk).status == ProposalStatus.SUBMITTED
    body = api(moderator).post(f"/proposals/{proposal.pk}/reject", {"reason": "Too vague"}).json()
    assert (body["status"], body["rejection_reason"]) == ("rejected", "Too vague")


def test_express_interest_through_the_api(company):
    proposal = published(organisation=company)
    buyer = OrganisationFactory(country="JP")
    member = member_of(buyer)
    body = {"organisation": buyer.pk, "message": "Samples, please."}
    assert api(member).post(f"/proposals/{proposal.pk}/interests", body).status_code == 201
    again = api(member).post(f"/proposals/{proposal.pk}/interests", body)
    assert (again.status_code, again.json()["code"]) == (422, "interest_exists")
    assert Interest.objects.count() == 1


def test_investment_project_detail_has_its_screening(company, owner):
    body = {
        "organisation": company.pk,
        "kind": "investment_project",
        "title": "Solar panel plant",
        "summary": "A plant for solar panels in an industrial zone.",
        "investment": {"amount": "12000000", "technology": 4, "environment": 2, "added_value": 1},
    }
    response = api(owner).post("/proposals", body)
    assert response.status_code == 201, response.json()
    screening = response.json()["screening"]
    assert screening["score"] == "41.7" or float(screening["score"]) == 41.7
    assert sum(float(c["points"]) for c in screening["contributions"]) == pytest.approx(41.7)
    negative = {**body, "investment": {"amount": "-5"}}
    assert api(owner).post("/proposals", negative).status_code == 422
    assert Proposal.objects.count() == 1
