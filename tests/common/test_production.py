"""The production layout's own pieces: Django's deploy check has nothing to warn about under
a production environment, the health checks answer, and `kakehashi serve` starts gunicorn
workers that serve the app."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

STRONG_KEY = "production-like-" + "k3y" * 20
KAKEHASHI = Path(sys.executable).parent / "kakehashi"


def production_env(tmp_path, **extra) -> dict:
    # Not the test run's own settings: the browser tests allow async-unsafe calls for
    # themselves (DJANGO_ALLOW_ASYNC_UNSAFE), which production must not.
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("KAKEHASHI_")
        and key not in {"DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    return environment | {
        "PYTHONPATH": os.pathsep.join(sys.path),
        "DJANGO_SETTINGS_MODULE": "kakehashi.config.settings",
        "KAKEHASHI_VAR_DIR": str(tmp_path),
        "KAKEHASHI_SECRET_KEY": STRONG_KEY,
        "KAKEHASHI_DEBUG": "false",
        "KAKEHASHI_HTTPS": "true",
        "KAKEHASHI_ALLOWED_HOSTS": "kakehashi.example.org",
        **extra,
    }


def test_the_deploy_check_is_clean_in_production(tmp_path):
    checked = subprocess.run(
        [str(KAKEHASHI), "check", "--deploy", "--fail-level", "WARNING"],
        env=production_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "System check identified no issues (0 silenced)." in checked.stdout


def test_without_https_the_deploy_check_names_what_is_missing(tmp_path):
    checked = subprocess.run(
        [str(KAKEHASHI), "check", "--deploy", "--fail-level", "WARNING"],
        env=production_env(tmp_path, KAKEHASHI_HTTPS="false"),
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert checked.returncode != 0
    assert "security.W004" in checked.stderr + checked.stdout  # HSTS


@pytest.mark.django_db
def test_liveness_and_readiness(client):
    assert client.get("/healthz").json() == {"status": "ok"}
    ready = client.get("/readyz")
    assert ready.status_code == 200
    assert ready.json()["checks"]["database"]["ok"] is True


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str) -> tuple[int, bytes]:
    request = urllib.request.Request(url, headers={"Host": "kakehashi.example.org"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, response.read()


def test_serve_starts_gunicorn_workers_that_answer(tmp_path):
    port = _free_port()
    server = subprocess.Popen(
        [str(KAKEHASHI), "serve", "--bind", f"127.0.0.1:{port}", "--workers", "2"],
        env=production_env(tmp_path, KAKEHASHI_HTTPS="false"),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                status, body = _get(f"http://127.0.0.1:{port}/healthz")
                break
            except OSError:
                assert server.poll() is None, server.stdout.read()
                assert time.monotonic() < deadline, "gunicorn did not answer within 60 s"
                time.sleep(0.5)
        assert (status, body) == (200, b'{"status": "ok"}')
        status, css = _get(f"http://127.0.0.1:{port}/static/kakehashi/site.css")
        assert status == 200 and b"--kk-primary" in css
    finally:
        server.send_signal(signal.SIGTERM)
        output, _ = server.communicate(timeout=60)
    assert server.returncode == 0, output
    assert "Booting worker" in output and output.count("Booting worker") >= 2
    assert '"GET /healthz HTTP/1.1" 200' in output


@pytest.mark.django_db
def test_readiness_reports_the_waiting_tasks_of_a_database_queue(client, settings):
    from kakehashi.events.tasks import run_schedule

    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": settings.TASK_QUEUES}
    }
    run_schedule.enqueue(12345)  # waits: no worker in this test
    ready = client.get("/readyz").json()
    assert ready["status"] == "ok"
    assert ready["checks"]["queues"]["scheduler"]["waiting"] == 1
    assert ready["checks"]["queues"]["default"] == {"waiting": 0, "oldest_waiting_seconds": 0}


@pytest.mark.django_db
def test_the_daily_jobs_run_in_one_command(reference):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("daily", stdout=out)
    assert (
        out.getvalue()
        .strip()
        .endswith(
            "Daily jobs done: expire_proposals, send_match_digests, remind_meeting_requests, "
            "send_message_digests, escalate_obstacles, snapshot_index."
        )
    )
