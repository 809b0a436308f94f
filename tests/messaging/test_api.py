"""The API of the direct channel: members list, read and post; everyone else gets 404."""

import pytest
from django.test import Client

from kakehashi.messaging.models import Message
from kakehashi.notifications.models import Notification
from tests.api.client import ApiClient, key_for
from tests.messaging.factories import thread_between

pytestmark = pytest.mark.django_db


def api(user=None):
    return ApiClient(Client(), key_for(user) if user else None)


@pytest.fixture
def thread(lan, sato, vn, jp):
    return thread_between(lan, vn, jp, body="Bí mật: giá 42 đô la")


def test_member_lists_reads_and_posts(thread, sato, lan, vn, jp):
    listing = api(sato).get("/threads").json()
    assert listing["count"] == 1
    (item,) = listing["items"]
    assert item["id"] == thread.pk and item["unread"] == 1
    assert {party["id"] for party in item["parties"]} == {vn.pk, jp.pk}

    detail = api(sato).get(f"/threads/{thread.pk}").json()
    assert [m["body"] for m in detail["messages"]] == ["Bí mật: giá 42 đô la"]
    assert detail["messages"][0]["language"] == "vi"
    assert api(sato).get("/threads").json()["items"][0]["unread"] == 0  # read now

    response = api(sato).post(f"/threads/{thread.pk}/messages", {"body": "よろしくお願いします"})
    assert response.status_code == 201
    assert response.json()["language"] == "ja" and response.json()["organisation"] == jp.pk
    assert Notification.objects.filter(recipient=lan).exists()


def test_outsider_and_visitor_get_404(thread, outsider):
    for caller in (api(outsider), api()):
        response = caller.get(f"/threads/{thread.pk}")
        assert response.status_code == 404
        assert response.json()["code"] == "not_found"
    response = api(outsider).post(f"/threads/{thread.pk}/messages", {"body": "Hi"})
    assert response.status_code == 404
    assert api(outsider).get("/threads").json() == {"count": 0, "items": []}
    assert api().get("/threads").status_code == 401
    assert Message.objects.count() == 1
    assert not Notification.objects.filter(recipient=outsider).exists()


def test_bad_input_is_refused(thread, sato):
    response = api(sato).post(f"/threads/{thread.pk}/messages", {"body": ""})
    assert response.status_code == 422
    response = api(sato).post(f"/threads/{thread.pk}/messages", {"body": "Hi", "language": "fr"})
    assert response.status_code == 422
    assert Message.objects.count() == 1


def test_blocked_pair_cannot_post(thread, sato, lan, vn, jp):
    from kakehashi.messaging import services

    services.block(organisation=vn, blocked=jp, by=lan)
    response = api(sato).post(f"/threads/{thread.pk}/messages", {"body": "Hello?"})
    assert response.status_code == 422 and response.json()["code"] == "blocked"
