"""Web Push reminders, against a push service stand-in on loopback: a real HTTP server that
receives what the Web Push protocol sends (an aes128gcm-encrypted body, VAPID authorisation,
a TTL), which the test decrypts with the browser's own keys; and the ways a push service
answers (gone, failing)."""

import base64
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import http_ece
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from django.core.management import call_command

from kakehashi.events import services
from kakehashi.events.services.live import book_meeting
from kakehashi.events.services.reminders import send_meeting_reminders
from kakehashi.notifications.models import PushSubscription
from kakehashi.notifications.push import push, subscribe
from tests.events.builders import a_finished_run, at, build_conference
from tests.factories import UserFactory


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


class Browser:
    """A browser's side of a subscription: its key pair and auth secret."""

    def __init__(self):
        self.key = ec.generate_private_key(ec.SECP256R1())
        self.auth = b"0123456789abcdef"

    @property
    def p256dh(self) -> str:
        return b64url(
            self.key.public_key().public_bytes(
                serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
            )
        )

    def read(self, body: bytes) -> dict:
        plain = http_ece.decrypt(
            body, private_key=self.key, auth_secret=self.auth, version="aes128gcm"
        )
        return json.loads(plain)


class PushService:
    """Answers every POST with `status`; keeps (path, headers, body) of each."""

    def __init__(self, status: int = 201):
        self.status, self.received = status, []
        service = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                service.received.append(
                    (self.path, {k.lower(): v for k, v in self.headers.items()}, body)
                )
                self.send_response(service.status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def push_on(settings, capsys):
    call_command("vapid_keys")
    lines = dict(line.split("=", 1) for line in capsys.readouterr().out.split())
    settings.KAKEHASHI_WEB_PUSH = True
    settings.KAKEHASHI_VAPID_PRIVATE_KEY = lines["KAKEHASHI_VAPID_PRIVATE_KEY"]
    settings.KAKEHASHI_VAPID_PUBLIC_KEY = lines["KAKEHASHI_VAPID_PUBLIC_KEY"]
    settings.KAKEHASHI_VAPID_SUBJECT = "mailto:events@example.org"
    return settings


@pytest.fixture
def conference(reference):
    return build_conference()


@pytest.fixture
def service():
    running = PushService()
    yield running
    running.close()


def subscribed(user, service, browser, name="browser-1"):
    return subscribe(
        user=user,
        endpoint=f"{service.url}/push/{name}",
        p256dh=browser.p256dh,
        auth=b64url(browser.auth),
    )


@pytest.mark.django_db
def test_a_reminder_reaches_the_browser_encrypted_in_the_recipients_language(
    push_on, service, conference
):
    event, organiser, delegations = conference
    a_finished_run(event, organiser)
    services.publish_schedule(event=event, by=organiser)
    osaka_user = delegations["osaka"][1]
    osaka_user.preferred_language = "ja"
    osaka_user.save()
    browser = Browser()
    subscribed(osaka_user, service, browser)
    meeting = book_meeting(
        registration=delegations["danang"][0],
        counterpart=delegations["osaka"][0],
        slot=event.meeting_slots.get(starts_at=at(14, 30)),
        by=delegations["danang"][1],
        now=at(9),
    )
    assert send_meeting_reminders(now=at(14, 5)) == 2
    ((path, headers, body),) = service.received  # only Osaka's lead opted in
    assert path == "/push/browser-1"
    assert headers["content-encoding"] == "aes128gcm"
    assert headers["authorization"].startswith("vapid t=")
    assert push_on.KAKEHASHI_VAPID_PUBLIC_KEY in headers["authorization"]
    assert headers["ttl"] == "1800"
    message = browser.read(body)
    assert message["title"].startswith("リマインダー")
    assert delegations["danang"][0].organisation.name in message["title"]
    assert message["body"] == f"テーブル：{meeting.published_table.name}"
    assert (
        message["link"] == f"/events/{event.slug}/meetings/?delegation={delegations['osaka'][0].pk}"
    )


@pytest.mark.django_db
def test_a_subscription_the_service_says_is_gone_is_deleted(push_on, reference):
    gone = PushService(status=410)
    try:
        user = UserFactory()
        subscribed(user, gone, Browser())
        assert push(user=user, title="t", body="b") == 0
        assert not PushSubscription.objects.exists()
    finally:
        gone.close()


@pytest.mark.django_db
def test_a_failing_service_keeps_the_subscription_and_nothing_breaks(push_on, reference):
    failing = PushService(status=500)
    try:
        user = UserFactory()
        subscribed(user, failing, Browser())
        assert push(user=user, title="t", body="b") == 0
        assert PushSubscription.objects.count() == 1
    finally:
        failing.close()


@pytest.mark.django_db
def test_without_the_setting_nothing_is_pushed(settings, service, reference):
    settings.KAKEHASHI_WEB_PUSH = False
    user = UserFactory()
    subscribed(user, service, Browser())
    assert push(user=user, title="t", body="b") == 0
    assert service.received == []


@pytest.mark.django_db
def test_the_subscribe_address_checks_what_the_browser_sends(client, push_on, reference):
    user = UserFactory()
    client.force_login(user)
    browser = Browser()
    good = {
        "endpoint": "https://push.example.org/send/abc",
        "keys": {"p256dh": browser.p256dh, "auth": b64url(browser.auth)},
    }
    url = "/notifications/push/subscribe/"
    for bad in [
        {**good, "endpoint": "javascript:alert(1)"},
        {**good, "keys": {"p256dh": "short", "auth": b64url(browser.auth)}},
        {"endpoint": good["endpoint"]},
        [1, 2],
    ]:
        answer = client.post(url, json.dumps(bad), content_type="application/json")
        assert answer.status_code == 400
    assert client.post(url, "{not json", content_type="application/json").status_code == 400
    assert not PushSubscription.objects.exists()
    answer = client.post(url, json.dumps(good), content_type="application/json")
    assert answer.status_code == 200
    assert PushSubscription.objects.get().user == user
    client.post(
        "/notifications/push/unsubscribe/", json.dumps(good), content_type="application/json"
    )
    assert not PushSubscription.objects.exists()
    client.logout()
    assert client.post(url, json.dumps(good), content_type="application/json").status_code == 302


@pytest.mark.django_db
def test_the_service_worker_is_served_from_the_root(client):
    answer = client.get("/service-worker.js")
    assert answer.status_code == 200
    assert answer["Content-Type"].startswith("text/javascript")
    assert b"showNotification" in answer.content
