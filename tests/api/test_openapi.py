"""The OpenAPI document and the interactive docs."""

import re

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db


def test_openapi_documents_every_operation(anonymous):
    schema = anonymous.get("/openapi.json").json()

    operations = {
        (method.upper(), path) for path, item in schema["paths"].items() for method in item
    }
    assert operations == {
        ("GET", "/api/v1/localities"),
        ("GET", "/api/v1/localities/{slug}"),
        ("GET", "/api/v1/sectors"),
        ("GET", "/api/v1/organisations"),
        ("POST", "/api/v1/organisations"),
        ("GET", "/api/v1/organisations/{organisation_id}"),
        ("PATCH", "/api/v1/organisations/{organisation_id}"),
        ("GET", "/api/v1/partnerships"),
        ("POST", "/api/v1/partnerships"),
        ("GET", "/api/v1/partnerships/{partnership_id}"),
        ("PATCH", "/api/v1/partnerships/{partnership_id}"),
        ("DELETE", "/api/v1/partnerships/{partnership_id}"),
        ("GET", "/api/v1/partnerships/{partnership_id}/translations"),
        ("PUT", "/api/v1/partnerships/{partnership_id}/translations/{language}"),
        ("GET", "/api/v1/proposals"),
        ("POST", "/api/v1/proposals"),
        ("GET", "/api/v1/proposals/{proposal_id}"),
        ("PATCH", "/api/v1/proposals/{proposal_id}"),
        ("GET", "/api/v1/proposals/{proposal_id}/translations"),
        ("GET", "/api/v1/proposals/{proposal_id}/translations/{language}"),
        ("PUT", "/api/v1/proposals/{proposal_id}/translations/{language}"),
        ("DELETE", "/api/v1/proposals/{proposal_id}/translations/{language}"),
        *(
            ("POST", f"/api/v1/proposals/{{proposal_id}}/{action}")
            for action in (
                "submit",
                "publish",
                "withdraw",
                "renew",
                "archive",
                "reject",
                "interests",
            )
        ),
        ("GET", "/api/v1/search"),
        ("GET", "/api/v1/proposals/{proposal_id}/matches"),
        ("GET", "/api/v1/organisations/{organisation_id}/matches"),
        ("GET", "/api/v1/obstacles"),
        ("POST", "/api/v1/obstacles"),
        ("GET", "/api/v1/obstacles/{obstacle_id}"),
        *(
            ("POST", f"/api/v1/obstacles/{{obstacle_id}}/{action}")
            for action in (
                "comments",
                "attachments",
                "assign",
                "start",
                "resolve",
                "cannot-resolve",
                "reopen",
            )
        ),
        ("GET", "/api/v1/obstacles/{obstacle_id}/attachments/{attachment_id}"),
        ("GET", "/api/v1/obstacles/{obstacle_id}/translations"),
        ("PUT", "/api/v1/obstacles/{obstacle_id}/translations/{language}"),
        ("GET", "/api/v1/tokens"),
        ("POST", "/api/v1/tokens"),
        ("DELETE", "/api/v1/tokens/{token_id}"),
        ("GET", "/api/v1/threads"),
        ("GET", "/api/v1/threads/{thread_id}"),
        ("POST", "/api/v1/threads/{thread_id}/messages"),
        ("POST", "/api/v1/events/{slug}/registrations/{registration_id}/cancel"),
        ("POST", "/api/v1/events/{slug}/meetings/{meeting_id}/attendance"),
        ("POST", "/api/v1/events/{slug}/schedule/runs"),
        ("GET", "/api/v1/events/{slug}/schedule/runs/{run_id}"),
        ("POST", "/api/v1/events/{slug}/schedule/publish"),
        ("GET", "/api/v1/events/{slug}/availability"),
        ("PUT", "/api/v1/events/{slug}/availability"),
        ("GET", "/api/v1/outcomes"),
        ("POST", "/api/v1/outcomes"),
        ("GET", "/api/v1/insights/funnel"),
        ("GET", "/api/v1/events"),
        ("GET", "/api/v1/events/{slug}"),
        ("GET", "/api/v1/events/{slug}/registrations/mine"),
        ("POST", "/api/v1/events/{slug}/registrations"),
        ("GET", "/api/v1/events/{slug}/registrations"),
        ("POST", "/api/v1/events/{slug}/registrations/{registration_id}/approve"),
        ("POST", "/api/v1/events/{slug}/registrations/{registration_id}/decline"),
        ("GET", "/api/v1/events/{slug}/meeting-requests"),
        ("POST", "/api/v1/events/{slug}/meeting-requests"),
        ("POST", "/api/v1/events/{slug}/meeting-requests/{request_id}/answer"),
        ("GET", "/api/v1/events/{slug}/agenda"),
        ("GET", "/api/v1/events/{slug}/meetings"),
        ("GET", "/api/v1/events/{slug}/free-slots"),
        ("POST", "/api/v1/events/{slug}/bookings"),
        ("POST", "/api/v1/events/{slug}/meetings/{meeting_id}/cancel"),
        ("POST", "/api/v1/events/{slug}/meetings/{meeting_id}/check-in"),
        ("POST", "/api/v1/events/{slug}/meetings/{meeting_id}/feedback"),
        ("POST", "/api/v1/events/{slug}/meetings/{meeting_id}/follow-up"),
        ("GET", "/api/v1/events/{slug}/networking"),
    }
    public = schema["paths"]["/api/v1/localities"]["get"]["security"]
    assert public == [{"TokenAuth": []}, {"SessionAuth": []}, {}]
    write = schema["paths"]["/api/v1/partnerships"]["post"]["security"]
    assert write == [{"TokenAuth": []}, {"SessionAuth": []}]
    assert schema["components"]["securitySchemes"]["TokenAuth"] == {
        "type": "http",
        "scheme": "bearer",
    }


def test_docs_page_is_served(anonymous):
    response = anonymous.get("/docs")

    assert response.status_code == 200
    assert b"/api/v1/openapi.json" in response.content


def test_docs_page_loads_its_scripts_from_this_server(anonymous):
    if "ninja" not in settings.INSTALLED_APPS:
        pytest.xfail("needs 'ninja' in INSTALLED_APPS to serve Swagger UI's bundled files")

    response = anonymous.get("/docs")

    assert b"cdn." not in response.content
    assert b"/static/ninja/swagger-ui-bundle.js" in response.content
    assert finders.find("ninja/swagger-ui-bundle.js") is not None


def test_a_required_text_says_it_needs_more_than_white_space(anonymous):
    """The server strips a text before it counts its length, so the schema of a text that may
    not be empty refuses one of white space alone (a lone vertical tab): a client that follows
    the schema is never refused for it."""
    schema = anonymous.get("/openapi.json").json()
    proposal = schema["components"]["schemas"]["ProposalIn"]["properties"]
    required, optional = proposal["summary"]["pattern"], proposal["description"]["pattern"]
    assert not re.search(required, "\x0b") and not re.search(required, " \u3000 ")
    assert re.search(required, " Kho lạnh ") and re.search(optional, "")
