"""While the database is unreachable (a restart, a failover), a reader gets a 503 page in
their language with Retry-After, never Django's generic error; the API answers in JSON; the
liveness check still answers and readiness says no. Once the database is back, the next
request reconnects."""

import socket

import pytest
from django.db import connection
from django.test import Client
from django.utils import translation


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # nothing listens there once the probe is closed


@pytest.fixture
def database_down(tmp_path):
    """Point the real connection at a database that cannot be reached, then back."""
    saved = dict(connection.settings_dict)
    connection.close()
    if connection.vendor == "sqlite":
        connection.settings_dict["NAME"] = str(tmp_path)  # a folder: cannot be opened
    else:
        connection.settings_dict["HOST"] = "127.0.0.1"
        connection.settings_dict["PORT"] = str(_closed_port())
    yield
    connection.close()
    connection.settings_dict.clear()
    connection.settings_dict.update(saved)


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("language", ["vi", "ja", "en"])
def test_an_outage_answers_503_in_the_readers_language_then_recovers(
    reference, database_down, language
):
    client = Client(raise_request_exception=False)
    client.cookies["kakehashi_language"] = language
    page = client.get("/partnerships/")
    assert page.status_code == 503
    assert page["Retry-After"] == "30"
    with translation.override(language):
        assert translation.gettext("Try again in a moment") in page.content.decode()
    api = client.get("/api/v1/localities?country=JP")
    assert api.status_code == 503
    assert api.json()["code"] == "unavailable"
    assert client.get("/healthz").status_code == 200
    assert client.get("/readyz").status_code == 503


@pytest.mark.django_db(transaction=True)
def test_after_the_outage_the_next_request_reconnects(reference, tmp_path):
    client = Client(raise_request_exception=False)
    saved = dict(connection.settings_dict)
    connection.close()
    if connection.vendor == "sqlite":
        connection.settings_dict["NAME"] = str(tmp_path)
    else:
        connection.settings_dict["PORT"] = str(_closed_port())
    assert client.get("/partnerships/").status_code == 503
    connection.close()
    connection.settings_dict.update(saved)
    assert client.get("/partnerships/").status_code == 200
