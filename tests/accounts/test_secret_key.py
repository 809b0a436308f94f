"""The platform never signs with a key that others know: with DEBUG off it refuses to start on
the development key or without one, so a link forged with the public key is worthless."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core import signing
from django.urls import reverse

from kakehashi.accounts.services import CONFIRMATION_SALT
from kakehashi.config.secret_key import DEVELOPMENT_KEY
from tests.factories import UserFactory

STRONG_KEY = "k" * 30 + "0123456789abcdefghij"


def start_settings(tmp_path, **env):
    """Load the settings in a fresh interpreter, as a server process would at start."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("KAKEHASHI_") and key != "DATABASE_URL"
    }
    environment |= {"KAKEHASHI_VAR_DIR": str(tmp_path), "PYTHONPATH": os.pathsep.join(sys.path)}
    environment |= env
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; from django.conf import settings; django.setup(); "
            "print(settings.SECRET_KEY)",
        ],
        env=environment | {"DJANGO_SETTINGS_MODULE": "kakehashi.config.settings"},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({}, "No secret key: set KAKEHASHI_SECRET_KEY"),
        ({"KAKEHASHI_SECRET_KEY": DEVELOPMENT_KEY}, "it is the public development key"),
        ({"KAKEHASHI_SECRET_KEY": "django-insecure-" + "x1" * 30}, "public development key"),
        ({"KAKEHASHI_SECRET_KEY": "too-short"}, "shorter than 50 characters"),
    ],
)
def test_without_debug_a_missing_or_public_key_stops_the_start(tmp_path, env, message):
    started = start_settings(tmp_path, KAKEHASHI_DEBUG="false", **env)
    assert started.returncode != 0
    assert "ImproperlyConfigured" in started.stderr
    assert message in started.stderr
    assert DEVELOPMENT_KEY not in started.stdout


def test_a_key_from_the_environment_or_the_key_file_is_used(tmp_path):
    started = start_settings(tmp_path, KAKEHASHI_DEBUG="false", KAKEHASHI_SECRET_KEY=STRONG_KEY)
    assert started.returncode == 0, started.stderr
    assert started.stdout.strip() == STRONG_KEY

    written = subprocess.run(
        [sys.executable, "-m", "kakehashi.config.secret_key"],
        env=os.environ | {"KAKEHASHI_VAR_DIR": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert written.returncode == 0
    key_file = tmp_path / "secret_key"
    assert key_file.stat().st_mode & 0o077 == 0  # its owner's only
    started = start_settings(tmp_path, KAKEHASHI_DEBUG="false")
    assert started.returncode == 0, started.stderr
    assert started.stdout.strip() == key_file.read_text().strip()
    assert len(started.stdout.strip()) >= 50


def test_with_debug_on_the_development_key_still_serves_a_developer(tmp_path):
    started = start_settings(tmp_path, KAKEHASHI_DEBUG="true")
    assert started.returncode == 0, started.stderr
    assert started.stdout.strip() == DEVELOPMENT_KEY


def test_the_tests_run_on_a_key_of_their_own():
    assert settings.SECRET_KEY != DEVELOPMENT_KEY


@pytest.mark.django_db
def test_a_confirmation_link_signed_with_the_development_key_is_refused(client):
    user = UserFactory(email="director@mofa.example.gov", email_confirmed=False)
    forged = signing.dumps(
        {"user": user.pk, "email": user.email}, key=DEVELOPMENT_KEY, salt=CONFIRMATION_SALT
    )
    response = client.get(reverse("accounts:confirm_email", args=[forged]))
    assert response.status_code == 400
    assert "This confirmation link is not valid." in response.content.decode()
    user.refresh_from_db()
    assert not user.email_confirmed
