"""The obstacles API: the same rules as the pages."""

import pytest
from django.test import Client

from kakehashi.obstacles.models import Obstacle, Status
from tests.api.client import ApiClient, key_for
from tests.factories import locality

pytestmark = pytest.mark.django_db


def api(user=None):
    return ApiClient(Client(), key_for(user) if user else None)


def test_file_routes_and_returns_the_authority(reporter, business, licence_rule, hcmc_dpi):
    response = api(reporter).post(
        "/obstacles",
        {
            "organisation": business.pk,
            "title": "Customs valuation dispute",
            "category": "licences",
            "locality": "binh-duong-before-2025",
            "description": "Our moulds were revalued at twice the invoice.",
        },
    )

    assert response.status_code == 201, response.json()
    body = response.json()
    assert (body["authority"], body["status"], body["locality"]) == (
        hcmc_dpi.pk,
        "received",
        "binh-duong-before-2025",
    )
    assert body["deadline"] == Obstacle.objects.get().deadline.isoformat()


def test_file_refuses_unknown_locality_and_foreign_organisation(
    reporter, business, outsider, licence_rule
):
    body = {"title": "x", "category": "tax", "description": "x"}
    foreign = outsider.person.memberships.get().organisation

    response = api(reporter).post(
        "/obstacles", {**body, "organisation": foreign.pk, "locality": "hanoi"}
    )
    assert response.status_code == 403
    response = api(reporter).post(
        "/obstacles", {**body, "organisation": business.pk, "locality": "atlantis"}
    )
    assert response.status_code == 422
    assert response.json()["code"] == "unknown_locality"
    assert not Obstacle.objects.exists()


def test_workflow_and_who_may_not(obstacle, officer, reporter, outsider):
    url = f"/obstacles/{obstacle.pk}"
    assert api(outsider).get(url).status_code == 404
    assert api().get(url).status_code == 404
    assert api(reporter).post(f"{url}/assign", {"owner": officer.pk}).status_code == 403
    assert api(officer).post(f"{url}/start").status_code == 403  # not assigned yet

    assert api(officer).post(f"{url}/assign", {"owner": officer.pk}).json()["owner"] == officer.pk
    assert api(officer).post(f"{url}/start").json()["status"] == "in_progress"
    response = api(officer).post(f"{url}/resolve", {"reason": ""})
    assert response.status_code == 422
    response = api(officer).post(
        f"{url}/resolve",
        {"reason": "Permit issued.", "public_summary": "A delayed permit was issued."},
    )
    assert response.json()["status"] == "resolved"

    public = api().get(url).json()
    assert public["public_summary"] == "A delayed permit was issued."
    assert (public["description"], public["resolution_reason"], public["owner"]) == ("", "", None)
    assert [o["id"] for o in api().get("/obstacles").json()["items"]] == [obstacle.pk]

    assert api(reporter).post(f"{url}/reopen").json()["status"] == Status.ASSIGNED


def test_comments_by_participants_only(obstacle, reporter, outsider):
    url = f"/obstacles/{obstacle.pk}/comments"
    assert api(reporter).post(url, {"body": "Any news?"}).status_code == 201
    assert api(outsider).post(url, {"body": "Spam"}).status_code == 404
    assert [
        c["body"] for c in api(reporter).get(f"/obstacles/{obstacle.pk}").json()["comments"]
    ] == ["Any news?"]


def test_queue_lists_the_authority_obstacles(obstacle, officer, reporter, file):
    file(locality=locality("hue"))

    items = api(officer).get("/obstacles?queue=true").json()["items"]
    assert [item["id"] for item in items] == [obstacle.pk]
    assert api(reporter).get("/obstacles?queue=true").json()["count"] == 0
