"""Bad input of every kind gets a 4xx in the API's error shape, in the reader's language."""

import json
import logging

import pytest
from django.test import RequestFactory
from django.utils import translation

from kakehashi.api.errors import on_server_error
from kakehashi.api.urls import api
from kakehashi.partnerships.models import Partnership
from tests.api.client import ApiClient

pytestmark = pytest.mark.django_db

INVALID_INPUT = "The request is not valid; see the details."


def test_the_error_code_is_the_same_in_every_language(client, reference):
    answers = {
        language: ApiClient(client, language=language).get("/localities?country=XX").json()
        for language in ("en", "vi", "ja")
    }

    assert {answer["code"] for answer in answers.values()} == {"invalid_input"}
    assert answers["en"]["message"] == INVALID_INPUT
    for language, answer in answers.items():
        with translation.override(language):
            assert answer["message"] == translation.gettext(INVALID_INPUT)
            assert answer["details"][0]["message"] == translation.gettext(
                "Choose one of: %(expected)s."
            ) % {"expected": "VN, JP"}


def test_service_messages_follow_the_request_language(as_user, org_a, member_a):
    body = {"title": "x", "kind": "other", "parties": [{"organisation": org_a.pk}]}

    answer = as_user(member_a, language="vi").post("/partnerships", body).json()

    assert answer["code"] == "too_few_parties"
    with translation.override("vi"):
        assert answer["message"] == translation.gettext("A partnership needs at least two parties.")


def test_malformed_json_is_400(as_user, member_a):
    response = as_user(member_a).post("/partnerships", raw="{not json")

    assert response.status_code == 400
    assert response.json() == {
        "code": "malformed_request",
        "message": "The request body is not valid JSON.",
        "details": [],
    }


@pytest.mark.parametrize(
    "body",
    [[1, 2], "text", None, 12, {"title": ["a"], "kind": "other", "parties": "many"}],
    ids=["list", "string", "null", "number", "wrong-types"],
)
def test_a_body_of_the_wrong_shape_is_422(as_user, member_a, body):
    response = as_user(member_a).post("/partnerships", raw=json.dumps(body))

    assert response.status_code == 422
    assert response.json()["code"] == "invalid_input"
    assert Partnership.objects.count() == 0


@pytest.mark.parametrize(
    "path",
    [
        "/partnerships/abc",
        "/partnerships/0",
        f"/partnerships/{2**64}",
        "/organisations/-1",
        f"/partnerships?offset={10**12}",
        "/partnerships?limit=99999999999999999999999",
        "/organisations?kind=cartel",
        f"/organisations?q={'x' * 101}",
        f"/localities/{'x' * 81}",
    ],
)
def test_bad_paths_and_queries_are_422(anonymous, reference, path):
    response = anonymous.get(path)

    assert response.status_code == 422
    assert response.json()["code"] == "invalid_input"


def test_text_too_long_for_the_database_is_refused(as_user, org_a, member_a):
    body = {
        "title": "t" * 201,
        "kind": "other",
        "parties": [{"organisation": org_a.pk, "name_as_signed": "n" * 201}, {"locality": "hue"}],
    }

    response = as_user(member_a).post("/partnerships", body)

    assert response.status_code == 422
    assert response.json()["details"] == [
        {
            "field": "title",
            "code": "string_too_long",
            "message": "Ensure this text has at most 200 characters.",
        },
        {
            "field": "parties.0.name_as_signed",
            "code": "string_too_long",
            "message": "Ensure this text has at most 200 characters.",
        },
    ]


@pytest.mark.parametrize("bad", ["nul\x00byte", "lone \ud800 surrogate"], ids=["nul", "surrogate"])
def test_text_a_database_cannot_store_is_refused(as_user, org_a, member_a, bad):
    body = {
        "title": bad,
        "kind": "other",
        "parties": [{"organisation": org_a.pk}, {"locality": "hue"}],
    }

    response = as_user(member_a).post("/partnerships", body)

    assert response.status_code == 422
    assert response.json()["details"][0]["field"] == "title"
    assert Partnership.objects.count() == 0


def test_an_unknown_api_path_is_404_in_the_error_shape(anonymous):
    for response in (anonymous.get("/nowhere"), anonymous.delete("/localities/hanoi/extra")):
        assert response.status_code == 404
        assert response.json() == {
            "code": "not_found",
            "message": "There is no such address in this API.",
            "details": [],
        }


def test_an_unexpected_error_is_logged_and_answered_with_500(caplog):
    request = RequestFactory().get("/api/v1/localities")

    with caplog.at_level(logging.ERROR, logger="kakehashi.api"):
        response = on_server_error(request, RuntimeError("boom"), api=api)

    assert response.status_code == 500
    assert json.loads(response.content) == {
        "code": "server_error",
        "message": "Something went wrong on our side. The error has been logged.",
        "details": [],
    }
    assert [record.exc_info[1].args for record in caplog.records] == [("boom",)]


@pytest.mark.parametrize(
    "expected, listed",
    [("'VN' or 'JP'", "VN, JP"), ("1 or 3", "1, 3"), ("'a', 'b' or 'c'", "a, b, c")],
)
def test_choices_are_listed_without_english_glue_words(expected, listed):
    from kakehashi.api.errors import _schema_message

    with translation.override("vi"):
        message = _schema_message({"type": "literal_error", "ctx": {"expected": expected}})
        assert message == translation.gettext("Choose one of: %(expected)s.") % {"expected": listed}
    assert " or " not in message


def test_a_multipart_body_without_its_boundary_is_400(as_user, member_a):
    response = as_user(member_a).post(
        "/obstacles/1/attachments", raw="--x\r\n\r\n--x--", content_type="multipart/form-data"
    )

    assert response.status_code == 400
    assert response.json()["code"] == "bad_request"
