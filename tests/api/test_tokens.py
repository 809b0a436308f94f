import pytest
from django.test import Client

from kakehashi.accounts.models import ApiToken
from tests.api.client import ApiClient, key_for
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def user():
    return UserFactory()


@pytest.fixture
def signed_in(user):
    client = Client()
    client.force_login(user)
    return ApiClient(client)


def test_create_use_and_revoke_a_token(user, signed_in):
    created = signed_in.post("/tokens", {"name": "reporting script"})

    assert created.status_code == 201
    key = created.json()["key"]
    assert key.startswith("kkh_")
    assert created.json()["name"] == "reporting script"
    assert created.json()["is_active"] is True
    token = ApiToken.objects.get(user=user)
    assert token.key_hash == ApiToken.hash_key(key)

    with_token = ApiClient(Client(), key)
    listed = with_token.get("/tokens")
    assert listed.status_code == 200
    assert [item["id"] for item in listed.json()["items"]] == [token.pk]
    assert "key" not in listed.json()["items"][0]
    assert listed.json()["items"][0]["prefix"] == key[:10]

    assert signed_in.delete(f"/tokens/{token.pk}").status_code == 204

    refused = with_token.get("/tokens")
    assert refused.status_code == 401
    assert refused.json()["code"] == "invalid_token"
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_a_revoked_key_is_refused_on_public_reads_too(user):
    key = key_for(user)
    ApiToken.objects.update(revoked_at="2025-01-01T00:00:00Z")

    response = ApiClient(Client(), key).get("/sectors")

    assert response.status_code == 401
    assert response.json()["code"] == "invalid_token"


def test_a_token_cannot_mint_new_tokens(user):
    response = ApiClient(Client(), key_for(user)).post("/tokens", {"name": "another"})

    assert response.status_code == 401
    assert ApiToken.objects.count() == 1


def test_a_token_can_revoke_itself(user):
    key = key_for(user)
    token = ApiToken.objects.get()

    assert ApiClient(Client(), key).delete(f"/tokens/{token.pk}").status_code == 204
    assert ApiClient(Client(), key).get("/tokens").status_code == 401


def test_cannot_revoke_another_users_token(signed_in):
    other = UserFactory()
    key_for(other)
    theirs = ApiToken.objects.get(user=other)

    response = signed_in.delete(f"/tokens/{theirs.pk}")

    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
    theirs.refresh_from_db()
    assert theirs.revoked_at is None


def test_the_list_shows_only_own_tokens(user, signed_in):
    key_for(UserFactory())
    key_for(user)

    body = signed_in.get("/tokens").json()

    assert body["count"] == 1
    assert ApiToken.objects.get(pk=body["items"][0]["id"]).user == user


def test_a_blank_name_is_refused(signed_in):
    response = signed_in.post("/tokens", {"name": "   "})

    assert response.status_code == 422
    assert response.json()["details"][0]["field"] == "name"
    assert ApiToken.objects.count() == 0


def test_session_writes_need_the_csrf_token(user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    browser = ApiClient(client)

    refused = browser.post("/tokens", {"name": "no csrf"})

    assert refused.status_code == 403
    assert refused.json()["code"] == "csrf_failed"
    assert ApiToken.objects.count() == 0

    client.get("/api/v1/docs")  # sets the csrftoken cookie
    csrf = client.cookies["csrftoken"].value
    accepted = browser.post("/tokens", {"name": "with csrf"}, **{"X-CSRFToken": csrf})

    assert accepted.status_code == 201
    assert ApiToken.objects.count() == 1


def test_a_form_body_from_a_browser_session_is_a_clear_400(user):
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    client.get("/api/v1/docs")
    csrf = client.cookies["csrftoken"].value

    response = client.post("/api/v1/tokens", {"name": "form"}, headers={"X-CSRFToken": csrf})

    assert response.status_code == 400
    assert response.json()["code"] == "malformed_request"
    assert ApiToken.objects.count() == 0


def test_anonymous_cannot_list_tokens(anonymous):
    response = anonymous.get("/tokens")

    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"
