"""Guessing passwords is slowed down: a run of failed sign-ins pauses signing in for that
account and for that address, with a page in the reader's language."""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories import PASSWORD, UserFactory

LIMIT = 8  # the default of KAKEHASHI_SIGNIN_FAILURE_LIMIT


def sign_in(client, email, password, **headers):
    return client.post(
        reverse("accounts:login"), {"username": email, "password": password}, **headers
    )


def signed_in(client):
    return "_auth_user_id" in client.session


@pytest.mark.django_db
def test_after_the_limit_even_the_right_password_waits(client):
    UserFactory(email="director@example.gov")
    for attempt in range(LIMIT - 1):
        response = sign_in(client, "director@example.gov", f"guess-{attempt}")
        assert response.status_code == 200  # the form again, with its error
    response = sign_in(client, "director@example.gov", "guess-last")
    assert response.status_code == 429
    response = sign_in(client, "director@example.gov", PASSWORD)
    assert response.status_code == 429
    assert "Signing in is paused" in response.content.decode()
    assert "15 minutes" in response.content.decode()
    assert not signed_in(client)


@pytest.mark.django_db
def test_the_account_stays_paused_from_another_address_and_in_another_spelling(client):
    UserFactory(email="director@example.gov")
    for attempt in range(LIMIT):
        sign_in(client, "director@example.gov", f"guess-{attempt}", REMOTE_ADDR=f"10.0.0.{attempt}")
    response = sign_in(client, " Director@Example.GOV", PASSWORD, REMOTE_ADDR="10.9.9.9")
    assert response.status_code == 429
    assert not signed_in(client)


@pytest.mark.django_db
def test_an_address_that_tries_many_accounts_is_paused(client):
    user = UserFactory(email="clerk@example.gov")
    for attempt in range(LIMIT):
        sign_in(client, f"someone-{attempt}@example.gov", "guess", REMOTE_ADDR="203.0.113.7")
    assert sign_in(client, user.email, PASSWORD, REMOTE_ADDR="203.0.113.7").status_code == 429
    assert not signed_in(client)
    # The account itself was never tried wrongly: from elsewhere it signs in.
    assert sign_in(client, user.email, PASSWORD, REMOTE_ADDR="198.51.100.1").status_code == 302
    assert signed_in(client)


@pytest.mark.django_db
def test_a_success_before_the_limit_starts_the_count_again(client):
    user = UserFactory(email="ha@example.vn")
    for attempt in range(LIMIT - 1):
        sign_in(client, user.email, f"guess-{attempt}")
    assert sign_in(client, user.email, PASSWORD).status_code == 302
    client.logout()
    for attempt in range(LIMIT - 1):
        sign_in(client, user.email, f"guess-again-{attempt}")
    assert sign_in(client, user.email, PASSWORD).status_code == 302


@pytest.mark.django_db
def test_a_forwarded_address_counts_only_behind_a_trusted_proxy(client, settings):
    UserFactory(email="ha@example.vn")
    # Without a trusted proxy, X-Forwarded-For is the client's own claim: ignored.
    for attempt in range(LIMIT):
        sign_in(
            client, f"x{attempt}@example.vn", "guess", HTTP_X_FORWARDED_FOR=f"192.0.2.{attempt}"
        )
    assert sign_in(client, "ha@example.vn", PASSWORD).status_code == 429

    client.logout()
    settings.KAKEHASHI_PROXY_COUNT = 1
    # Behind one proxy: the address it saw, the last one, not what the client put first.
    proxied = {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "192.0.2.1, 198.51.100.20"}
    assert sign_in(client, "ha@example.vn", PASSWORD, **proxied).status_code == 302


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["vi", "ja"])
def test_the_pause_is_explained_in_the_readers_language(client, language):
    client.cookies["kakehashi_language"] = language
    for attempt in range(LIMIT):
        sign_in(client, "someone@example.vn", f"guess-{attempt}")
    response = sign_in(client, "someone@example.vn", "guess")
    assert response.status_code == 429
    with translation.override(language):
        title = translation.gettext("Signing in is paused")
    assert title != "Signing in is paused"
    assert title in response.content.decode()
