"""The production layout of docs/operations.md, started as the deploy/ files say: the
environment of deploy/kakehashi.env.example (paths, database, mail server, secret and metrics
token set for this machine), the setup commands of the guide, then the web unit's and the
worker unit's own command lines — 2 gunicorn workers and 1 worker process for both queues —
on the test database (PostgreSQL in CI). One scenario goes through it as people would: a
delegate accepts a meeting request, the organiser starts the scheduler and the worker runs
it, the organiser publishes, the delegate downloads the agenda; the worker sends the
e-mails to a mail server on loopback."""

import json
import re
import shlex
import signal
import subprocess
import time
from pathlib import Path

import pytest
import requests

from kakehashi.events import services
from kakehashi.events.models import Meeting, MeetingStatus, ScheduleRun, ScheduleRunStatus
from tests.deploy.smtp import SmtpSink
from tests.factories import PASSWORD
from tests.processes import KAKEHASHI, database_url, free_port, wait_until_answers, worker_env

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"
INSTALLED_BIN = "/opt/kakehashi/.venv/bin/kakehashi"
HOST = "kakehashi.example.org"
METRICS_TOKEN = "scraper-" + "t0ken" * 6
# What nginx (deploy/nginx.conf) adds to every request it passes on.
PROXIED = {"Host": HOST, "X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.7"}


def environment_file() -> dict[str, str]:
    pairs = {}
    for line in (DEPLOY / "kakehashi.env.example").read_text().splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            key, value = line.split("=", 1)
            pairs[key.strip()] = value.strip()
    return pairs


def exec_start(unit: str, instance: str = "") -> list[str]:
    """The unit's command line, run from this checkout's virtual environment."""
    (line,) = [
        line for line in (DEPLOY / unit).read_text().splitlines() if line.startswith("ExecStart=")
    ]
    command = shlex.split(line.removeprefix("ExecStart=").replace("%i", instance))
    assert command[0] == INSTALLED_BIN, command
    return [str(KAKEHASHI), *command[1:]]


def production_environment(tmp_path: Path, smtp_port: int) -> dict:
    configured = environment_file()
    assert configured["KAKEHASHI_TASKS_BACKEND"] == "database"
    assert configured["KAKEHASHI_HTTPS"] == "true"
    assert configured["KAKEHASHI_ALLOWED_HOSTS"] == HOST
    configured |= {
        "DATABASE_URL": database_url(),
        "KAKEHASHI_SECRET_KEY": "layout-test-" + "s3cret" * 10,
        "KAKEHASHI_VAR_DIR": str(tmp_path / "var"),
        "KAKEHASHI_MEDIA_ROOT": str(tmp_path / "var" / "media"),
        "KAKEHASHI_STATIC_ROOT": str(tmp_path / "var" / "static"),
        "KAKEHASHI_EMAIL_HOST": "127.0.0.1",
        "KAKEHASHI_EMAIL_PORT": str(smtp_port),
        "KAKEHASHI_EMAIL_USER": "",
        "KAKEHASHI_EMAIL_PASSWORD": "",
        "KAKEHASHI_EMAIL_USE_TLS": "false",
        "KAKEHASHI_METRICS": "true",
        "KAKEHASHI_METRICS_TOKEN": METRICS_TOKEN,
        "KAKEHASHI_WEB_WORKERS": "2",
        "KAKEHASHI_RUN_HEARTBEAT_SECONDS": "1",
    }
    environment = {k: v for k, v in worker_env().items() if not k.startswith("KAKEHASHI_")}
    return environment | configured


class Visitor:
    """Someone's browser, as nginx passes its requests on (HTTPS outside, plain HTTP on
    loopback); keeps its own cookies, which are marked Secure."""

    def __init__(self, base: str):
        self.base = base
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, data: dict | None = None) -> requests.Response:
        headers = dict(PROXIED)
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if method == "POST":
            headers |= {"Origin": f"https://{HOST}", "Referer": f"https://{HOST}{path}"}
        response = requests.request(
            method, self.base + path, data=data, headers=headers, allow_redirects=False, timeout=60
        )
        self.cookies |= {cookie.name: cookie.value for cookie in response.cookies}
        return response

    def get(self, path: str) -> requests.Response:
        return self.request("GET", path)

    def post_form(self, page: str, path: str, data: dict) -> requests.Response:
        """Post a form as from `page`, with the CSRF token that page carries."""
        shown = self.get(page)
        assert shown.status_code == 200, (page, shown.status_code)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', shown.text).group(1)
        return self.request("POST", path, {"csrfmiddlewaretoken": token, **data})

    def sign_in(self, user) -> None:
        answer = self.post_form(
            "/accounts/sign-in/",
            "/accounts/sign-in/",
            {"username": user.email, "password": PASSWORD},
        )
        assert answer.status_code == 302, answer.text[:500]


def run(command: list[str], environment: dict) -> str:
    done = subprocess.run(command, env=environment, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def wait_for(condition, what: str, seconds: float = 180, seen=lambda: ""):
    deadline = time.monotonic() + seconds
    while not (found := condition()):
        assert time.monotonic() < deadline, f"{what}: not within {seconds} s {seen()}"
        time.sleep(0.5)
    return found


@pytest.mark.django_db(transaction=True)
def test_the_production_layout_runs_a_meeting_through_to_the_agenda(settings, tmp_path, reference):
    from tests.events.builders import build_conference

    # Tasks that this process starts (the request's notice) wait for the worker, too.
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": settings.TASK_QUEUES}
    }
    # Passwords hashed as production checks them (the suite's fast hasher is not there).
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    event, organiser, delegations = build_conference()
    (danang, danang_user), (osaka, osaka_user) = delegations["danang"], delegations["osaka"]
    meeting_request = services.send_request(sender=danang, recipient=osaka, by=danang_user)

    with SmtpSink() as mail:
        environment = production_environment(tmp_path, mail.port)
        # Section 2 of the guide: set up, then the deploy check must be clean.
        run([str(KAKEHASHI), "migrate", "--noinput"], environment)
        run([str(KAKEHASHI), "collectstatic", "--noinput"], environment)
        checked = run([str(KAKEHASHI), "check", "--deploy", "--fail-level", "WARNING"], environment)
        assert "no issues" in checked

        port = free_port()
        web_command = exec_start("kakehashi-web.service")
        web_command[web_command.index("--bind") + 1] = f"127.0.0.1:{port}"
        worker_command = exec_start("kakehashi-worker@.service", "default,scheduler")
        web_log, worker_log = tmp_path / "web.log", tmp_path / "worker.log"
        with open(web_log, "w") as web_out, open(worker_log, "w") as worker_out:
            web = subprocess.Popen(web_command, env=environment, stdout=web_out, stderr=web_out)
            worker = subprocess.Popen(
                [*worker_command, "--no-startup-delay"],
                env=environment,
                stdout=worker_out,
                stderr=worker_out,
            )
            try:
                base = f"http://127.0.0.1:{port}"
                wait_until_answers(f"{base}/healthz", web, headers=PROXIED)
                users = (danang_user, osaka_user)
                _scenario(base, event, organiser, meeting_request, users, mail, worker)
                _metrics(base)
            finally:
                for process in (web, worker):
                    process.send_signal(signal.SIGTERM)
                for process in (web, worker):
                    try:
                        process.wait(timeout=60)
                    except subprocess.TimeoutExpired:
                        process.kill()
        web_output, worker_output = web_log.read_text(), worker_log.read_text()
    assert web.returncode == 0, web_output[-3000:]
    assert worker.returncode == 0, worker_output[-3000:]
    assert web_output.count("Booting worker") == 2, web_output[-3000:]
    _request_log(web_output, event)


def _scenario(base, event, organiser, meeting_request, users, mail, worker):
    ready = requests.get(f"{base}/readyz", headers=PROXIED, timeout=30).json()
    assert ready["status"] == "ok" and set(ready["checks"]["queues"]) >= {"default", "scheduler"}

    sender_user, recipient_user = users
    delegate = Visitor(base)
    delegate.sign_in(recipient_user)
    mine = f"/events/{event.slug}/meetings/"
    answer = delegate.post_form(
        mine,
        f"/events/{event.slug}/meetings/requests/{meeting_request.pk}/answer/",
        {"decision": "accept"},
    )
    assert answer.status_code == 302 and answer.headers["Location"].startswith(mine)
    meeting = Meeting.objects.get(request=meeting_request)
    assert meeting.status == MeetingStatus.TO_SCHEDULE

    desk = Visitor(base)
    desk.sign_in(organiser)
    schedule = f"/events/{event.slug}/schedule/"
    started = desk.post_form(schedule, f"{schedule}run/", {"time_limit": "10"})
    assert started.status_code == 302
    run = ScheduleRun.objects.get(event=event)

    def finished():
        assert worker.poll() is None, "the worker ended"
        run.refresh_from_db()
        return run.status in {ScheduleRunStatus.DONE, ScheduleRunStatus.FAILED}

    wait_for(finished, "the worker finishing the scheduler run")
    assert run.status == ScheduleRunStatus.DONE, run.error
    assert run.heartbeat_at is not None
    meeting.refresh_from_db()
    assert meeting.status == MeetingStatus.SCHEDULED and meeting.slot_id is not None

    published = desk.post_form(f"{schedule}publish/", f"{schedule}publish/", {})
    assert published.status_code == 302
    event.refresh_from_db()

    agenda = delegate.get(f"/events/{event.slug}/agenda.pdf")
    assert agenda.status_code == 200, agenda.text[:500]
    assert agenda.headers["Content-Type"] == "application/pdf"
    assert agenda.content.startswith(b"%PDF")
    page = delegate.get(mine)
    assert page.status_code == 200
    assert meeting_request.sender.organisation.name in page.text
    css = delegate.get("/static/kakehashi/site.css")  # hashed by collectstatic, served too
    assert css.status_code == 200 and "--kk-primary" in css.text

    # The worker told both delegations through the mail server.
    def told():
        return mail.sent_to(sender_user.email) and mail.sent_to(recipient_user.email)

    wait_for(told, "the schedule e-mails", 120, lambda: mail.received)
    for user in users:
        (notice,) = mail.sent_to(user.email)
        assert notice["Subject"] == f"Your meetings at {event.name} have changed"


def _metrics(base):
    refused = requests.get(f"{base}/metrics", headers={"Host": HOST}, timeout=30)
    assert refused.status_code == 401
    scraper = {"Host": HOST, "Authorization": f"Bearer {METRICS_TOKEN}"}
    scraped = requests.get(f"{base}/metrics", headers=scraper, timeout=30)
    assert scraped.status_code == 200
    text = scraped.text
    answered = re.search(
        r"django_http_requests_total_by_view_transport_method_total\{[^}]*"
        r'view="events:answer_request"[^}]*\} (\d+\.\d+)',
        text,
    )
    assert answered and float(answered.group(1)) == 1.0, text[:2000]
    assert 'kakehashi_schedule_runs{status="running"} 0.0' in text
    assert 'kakehashi_tasks_waiting{queue="scheduler"} 0.0' in text
    assert "kakehashi_daily_jobs_last_finished_timestamp_seconds" in text


def _request_log(output: str, event) -> None:
    """One JSON line per request, with its duration (KAKEHASHI_REQUEST_LOG in the env file)."""
    lines = [json.loads(line) for line in output.splitlines() if line.startswith("{")]
    agenda = [
        line
        for line in lines
        if line.get("logger") == "kakehashi.requests"
        and line.get("path") == f"/events/{event.slug}/agenda.pdf"
    ]
    assert len(agenda) == 1, output[-3000:]
    (entry,) = agenda
    assert entry["status"] == 200 and entry["method"] == "GET"
    assert entry["duration_ms"] > 0 and entry["user_id"] is not None and entry["request_id"]
