"""The production layout's own pieces: Django's deploy check has nothing to warn about under
a production environment, the health checks answer, and `kakehashi serve` starts gunicorn
workers that serve the app."""

import os
import signal
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from tests.processes import free_port, wait_until_answers

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


def _get(url: str) -> tuple[int, bytes]:
    request = urllib.request.Request(url, headers={"Host": "kakehashi.example.org"})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, response.read()


def test_serve_starts_gunicorn_workers_that_answer(tmp_path):
    port = free_port()
    server = subprocess.Popen(
        [str(KAKEHASHI), "serve", "--bind", f"127.0.0.1:{port}", "--workers", "2"],
        env=production_env(tmp_path, KAKEHASHI_HTTPS="false", KAKEHASHI_LOG_LEVEL="INFO"),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        wait_until_answers(f"http://127.0.0.1:{port}/healthz", server)
        status, body = _get(f"http://127.0.0.1:{port}/healthz")
        assert (status, body) == (200, b'{"status": "ok"}')
        status, css = _get(f"http://127.0.0.1:{port}/static/kakehashi/site.css")
        assert status == 200 and b"--kk-primary" in css
    finally:
        server.send_signal(signal.SIGTERM)
        output, _ = server.communicate(timeout=60)
    assert server.returncode == 0, output
    assert "Booting worker" in output and output.count("Booting worker") >= 2
    assert '"GET /healthz HTTP/1.1" 200' in output
    # Each worker took the matching index before its first request (here none: the database
    # is not migrated, and the worker starts anyway) and froze what it had loaded.
    assert output.count("objects frozen out of the garbage collector's sight") >= 2, output


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
def test_metrics_are_off_unless_switched_on(client):
    assert client.get("/metrics").status_code == 404


def test_metrics_need_a_token_for_the_scraper(tmp_path):
    checked = subprocess.run(
        [str(KAKEHASHI), "check"],
        env=production_env(tmp_path, KAKEHASHI_METRICS="true"),
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert checked.returncode != 0
    assert "KAKEHASHI_METRICS=true needs KAKEHASHI_METRICS_TOKEN" in checked.stderr


def test_json_logs_carry_what_was_given_with_the_message():
    import json
    import logging

    from kakehashi.common.logs import JsonFormatter

    record = logging.makeLogRecord(
        {"name": "kakehashi.requests", "levelname": "INFO", "msg": "GET %s", "args": ("/",)}
    )
    record.status, record.duration_ms, record.path = 200, 12.5, "/đăng-ký/登録"
    entry = json.loads(JsonFormatter().format(record))
    assert entry["message"] == "GET /" and entry["level"] == "info"
    assert (entry["status"], entry["duration_ms"], entry["path"]) == (200, 12.5, "/đăng-ký/登録")
    assert entry["time"].endswith("+00:00")


@pytest.mark.django_db
def test_each_request_is_logged_once_with_its_duration_and_id(client, settings, caplog):
    import logging

    settings.MIDDLEWARE = ["kakehashi.common.logs.RequestLogMiddleware", *settings.MIDDLEWARE]
    with caplog.at_level(logging.INFO, logger="kakehashi.requests"):
        given = client.get("/healthz", HTTP_X_REQUEST_ID="nginx-4f2a9c")
        forged = client.get("/nowhere", HTTP_X_REQUEST_ID="<script>")
    assert given["X-Request-ID"] == "nginx-4f2a9c"
    assert forged["X-Request-ID"] != "<script>" and len(forged["X-Request-ID"]) == 32
    first, second = (r for r in caplog.records if r.name == "kakehashi.requests")
    assert (first.path, first.status, first.request_id) == ("/healthz", 200, "nginx-4f2a9c")
    assert (second.path, second.status) == ("/nowhere", 404)
    assert first.duration_ms >= 0 and first.user_id is None


@pytest.mark.django_db
def test_the_metrics_count_the_scheduler_runs_under_way(reference):
    from kakehashi.config.metrics import PlatformCollector
    from kakehashi.events.models import ScheduleRun, ScheduleRunStatus
    from tests.events.builders import a_finished_run, build_conference

    event, organiser, _delegations = build_conference()
    a_finished_run(event, organiser)
    for status in (ScheduleRunStatus.QUEUED, ScheduleRunStatus.RUNNING, ScheduleRunStatus.RUNNING):
        ScheduleRun.objects.create(event=event, created_by=organiser, status=status)
    runs = next(iter(PlatformCollector().collect()))
    assert runs.name == "kakehashi_schedule_runs"
    assert {sample.labels["status"]: sample.value for sample in runs.samples} == {
        "queued": 1,
        "running": 2,
    }
