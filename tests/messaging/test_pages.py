"""The pages: nobody outside a thread can read it (page, fragment, attachment, search);
inbox with unread counts and a query-count guard; replying, adding a colleague, reporting,
preferences."""

import pytest

from kakehashi.messaging import services
from kakehashi.messaging.models import (
    Frequency,
    Message,
    NotificationPreference,
    Report,
    ThreadParty,
)
from tests.factories import OrganisationFactory
from tests.messaging.factories import admin_of, thread_between, upload

pytestmark = pytest.mark.django_db

SECRET = "Zirconiumwidget pricing is 42 dollars"


def _login(client, user):
    """Pages in English for the assertions (the users' own languages are tested elsewhere)."""
    user.preferred_language = "en"
    user.save(update_fields=["preferred_language"])
    client.force_login(user)


@pytest.fixture
def thread(lan, sato, vn, jp):
    thread = thread_between(lan, vn, jp, body=SECRET, attachments=[upload()])
    return thread


def _addresses(thread):
    message = thread.messages.get()
    attachment = message.attachments.get()
    return [
        f"/messages/{thread.pk}/",
        f"/messages/{thread.pk}/poll/?after=0",
        f"/messages/{thread.pk}/attachments/{attachment.pk}/",
    ]


def test_members_read_the_thread(client, thread, sato):
    _login(client, sato)
    for address in _addresses(thread):
        assert client.get(address).status_code == 200
    page = client.get(f"/messages/{thread.pk}/").content.decode()
    assert SECRET in page
    assert 'lang="en"' in page  # the message keeps its language


@pytest.mark.parametrize("who", ["outsider", "visitor", "platform_admin"])
def test_outsiders_get_404_everywhere(client, thread, outsider, who):
    from tests.factories import UserFactory

    if who == "outsider":
        _login(client, outsider)
    elif who == "platform_admin":
        _login(client, UserFactory(is_superuser=True, is_staff=True))
    for address in _addresses(thread):
        assert client.get(address).status_code == 404, address
    message = thread.messages.get()
    posts = {
        f"/messages/{thread.pk}/reply/": {"body": "Hi"},
        f"/messages/{thread.pk}/members/": {"user": outsider.pk},
        f"/messages/{thread.pk}/block/": {},
        f"/messages/{thread.pk}/messages/{message.pk}/report/": {"reason": "x"},
    }
    for address, data in posts.items():
        assert client.post(address, data).status_code == 404, address
    assert Message.objects.count() == 1 and not Report.objects.exists()
    if who != "visitor":
        assert SECRET not in client.get("/messages/").content.decode()


def test_search_never_finds_messages(client, thread, outsider, sato):
    for user in (outsider, sato):
        _login(client, user)
        page = client.get("/matching/search/", {"q": "Zirconiumwidget"})
        assert page.status_code == 200
        assert list(page.context["hits"]) == []
        assert "Nothing found." in page.content.decode()


def test_inbox_shows_unread_counts_and_reading_clears_them(client, thread, sato):
    _login(client, sato)
    inbox = client.get("/messages/").content.decode()
    assert '<span class="badge">1 unread</span>' in inbox
    assert 'class="menu-link messages-link" aria-label="Messages: 1 unread"' in inbox

    client.get(f"/messages/{thread.pk}/")

    inbox = client.get("/messages/").content.decode()
    assert '<span class="badge">1 unread</span>' not in inbox
    assert "Messages: 1 unread" not in inbox


def test_inbox_query_count_does_not_grow_with_threads(
    client, lan, sato, vn, jp, django_assert_max_num_queries
):
    _login(client, sato)
    thread_between(lan, vn, jp)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        assert client.get("/messages/").status_code == 200
    for number in range(5):
        other = OrganisationFactory(name=f"Company {number}")
        writer = admin_of(other)
        thread_between(writer, other, jp)
    with django_assert_max_num_queries(len(few.captured_queries)):
        page = client.get("/messages/")
    assert page.content.decode().count('<span class="badge">1 unread</span>') == 6


@pytest.mark.parametrize(("language", "separator"), [("ja", "、"), ("vi", ", "), ("en", ", ")])
def test_inbox_joins_the_other_parties_with_the_readers_list_separator(
    client, thread, lan, vn, language, separator
):
    """The reader's own party is left out wherever it stands, with no separator left over."""
    third = OrganisationFactory(name="Hanoi Robotics")
    ThreadParty.objects.create(thread=thread, organisation=third)
    lan.preferred_language = language
    lan.save(update_fields=["preferred_language"])
    client.force_login(lan)
    inbox = client.get("/messages/").content.decode()
    cell = inbox.split('<td data-label="')[2].split("<div")[0]
    others = [party.organisation.display_name for party in thread.parties.exclude(organisation=vn)]
    assert cell.split(">", 1)[1].strip() == separator.join(others).replace("&", "&amp;")


def test_poll_returns_only_newer_messages(client, thread, lan, sato):
    _login(client, sato)
    first = thread.messages.get()
    assert client.get(f"/messages/{thread.pk}/poll/?after={first.pk}").json() == {
        "html": "\n",
        "last": first.pk,
        "count": 0,
    }
    services.post_message(thread=thread, by=lan, body="Tin nhắn mới về giá cả")
    data = client.get(f"/messages/{thread.pk}/poll/?after={first.pk}").json()
    assert data["count"] == 1
    assert "Tin nhắn mới về giá cả" in data["html"] and SECRET not in data["html"]
    assert data["last"] > first.pk
    assert client.get(f"/messages/{thread.pk}/poll/?after=abc").json()["count"] == 2


def test_reply_with_a_bad_file_shows_the_error_and_writes_nothing(client, thread, sato):
    _login(client, sato)
    bad = upload(b"GIF89a not accepted", "picture.gif", "image/gif")
    response = client.post(
        f"/messages/{thread.pk}/reply/", {"body": "See attached", "attachments": [bad]}
    )
    assert response.status_code == 400
    assert "Only PDF, PNG and JPEG files are accepted." in response.content.decode()
    assert Message.objects.count() == 1

    response = client.post(f"/messages/{thread.pk}/reply/", {"body": "ありがとうございます"})
    assert response.status_code == 302
    assert Message.objects.latest("pk").language == "ja"


def test_add_colleague_report_and_block_from_the_page(client, thread, sato, tanaka, lan):
    _login(client, sato)
    assert client.post(f"/messages/{thread.pk}/members/", {"user": tanaka.pk}).status_code == 302
    assert thread.members.filter(user=tanaka).exists()
    # Lan is not Sato's colleague.
    assert client.post(f"/messages/{thread.pk}/members/", {"user": lan.pk}).status_code == 400

    message = thread.messages.get()
    client.post(f"/messages/{thread.pk}/messages/{message.pk}/report/", {"reason": "Spam"})
    assert Report.objects.get().reporter == sato

    client.post(f"/messages/{thread.pk}/block/")
    page = client.get(f"/messages/{thread.pk}/").content.decode()
    assert "Messages between these organisations are blocked." in page
    assert client.post(f"/messages/{thread.pk}/reply/", {"body": "Hi"}).status_code == 400
    client.post(f"/messages/{thread.pk}/block/", {"unblock": "1"})
    assert client.post(f"/messages/{thread.pk}/reply/", {"body": "Hi"}).status_code == 302


def test_preferences_page(client, lan):
    _login(client, lan)
    assert client.get("/messages/preferences/").status_code == 200
    response = client.post("/messages/preferences/", {"frequency": "daily"})
    assert response.status_code == 302
    assert NotificationPreference.objects.get(user=lan).frequency == Frequency.DAILY
    assert client.post("/messages/preferences/", {"frequency": "hourly"}).status_code == 400
    assert NotificationPreference.objects.get(user=lan).frequency == Frequency.DAILY


def test_write_to_an_organisation_directly(client, lan, sato, vn, jp):
    _login(client, lan)
    address = f"/messages/new/?to={jp.pk}"
    assert client.get(address).status_code == 200
    response = client.post(address, {"organisation": vn.pk, "subject": "", "body": "Hi"})
    assert response.status_code == 400
    response = client.post(address, {"organisation": vn.pk, "subject": "Hello", "body": "Hi"})
    assert response.status_code == 302
    assert client.get("/messages/new/?to=999999").status_code == 404
