from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from kakehashi.notifications.models import Notification
from kakehashi.notifications.services import notify
from tests.factories import UserFactory


def notice(user, subject, *, link="", minutes_ago=0, read=False):
    notify(recipients=[user], subject=subject, body=f"About {subject}", link=link, email=False)
    row = Notification.objects.filter(recipient=user).order_by("-pk").first()
    row.created_at = timezone.now() - timedelta(minutes=minutes_ago)
    row.read_at = timezone.now() if read else None
    row.save()
    return row


@pytest.fixture
def lan(db):
    return UserFactory(full_name="Lan")


@pytest.fixture
def sato(db):
    return UserFactory(full_name="Sato")


def test_visitors_are_sent_to_sign_in(client, lan):
    row = notice(lan, "Hello")
    for method, url in [
        ("get", reverse("notifications:list")),
        ("post", reverse("notifications:open", args=[row.pk])),
        ("post", reverse("notifications:read_all")),
    ]:
        response = getattr(client, method)(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("accounts:login"))
    row.refresh_from_db()
    assert row.read_at is None


def test_the_list_shows_only_my_notices_newest_first_with_unread_marked(client, lan, sato):
    notice(lan, "Older and read", minutes_ago=10, read=True)
    notice(lan, "Newer and unread", minutes_ago=1)
    notice(sato, "Sato's own")
    client.force_login(lan)
    page = client.get(reverse("notifications:list")).content.decode()
    assert page.index("Newer and unread") < page.index("Older and read")
    assert "Sato&#x27;s own" not in page and "Sato's own" not in page
    assert page.count('class="unread"') == 1
    assert page.count('class="read"') == 1
    assert "Mark all as read" in page
    # The header counts my unread notices.
    assert 'aria-label="Notifications: 1 unread"' in page


def test_no_mark_all_button_when_everything_is_read(client, lan):
    notice(lan, "Read already", read=True)
    client.force_login(lan)
    page = client.get(reverse("notifications:list")).content.decode()
    assert "Mark all as read" not in page
    assert "unread" not in page


def test_an_empty_list_says_so(client, lan):
    client.force_login(lan)
    assert (
        "You have no notifications." in client.get(reverse("notifications:list")).content.decode()
    )


def test_opening_a_notice_marks_it_read_and_goes_to_its_target(client, lan):
    row = notice(lan, "Meeting confirmed", link="/events/")
    client.force_login(lan)
    assert client.get(reverse("notifications:open", args=[row.pk])).status_code == 405
    response = client.post(reverse("notifications:open", args=[row.pk]))
    assert response.status_code == 302
    assert response["Location"] == "/events/"
    row.refresh_from_db()
    assert row.read_at is not None


def test_a_notice_without_a_safe_target_leads_back_to_the_list(client, lan):
    no_link = notice(lan, "No link")
    elsewhere = notice(lan, "Elsewhere", link="https://elsewhere.example/")
    client.force_login(lan)
    for row in (no_link, elsewhere):
        response = client.post(reverse("notifications:open", args=[row.pk]))
        assert response["Location"] == reverse("notifications:list")
        row.refresh_from_db()
        assert row.read_at is not None


def test_nobody_else_may_open_or_see_my_notice(client, lan, sato):
    row = notice(lan, "Private")
    for outsider in (sato, UserFactory(is_superuser=True, is_staff=True)):
        client.force_login(outsider)
        assert client.post(reverse("notifications:open", args=[row.pk])).status_code == 404
        assert "Private" not in client.get(reverse("notifications:list")).content.decode()
    assert client.post(reverse("notifications:open", args=[row.pk + 1000])).status_code == 404
    row.refresh_from_db()
    assert row.read_at is None


def test_mark_all_read_marks_only_mine(client, lan, sato):
    notice(lan, "One")
    notice(lan, "Two")
    theirs = notice(sato, "Theirs")
    client.force_login(lan)
    assert client.get(reverse("notifications:read_all")).status_code == 405
    response = client.post(reverse("notifications:read_all"), follow=True)
    assert "2 notifications marked as read." in response.content.decode()
    assert not Notification.objects.filter(recipient=lan, read_at__isnull=True).exists()
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_the_header_links_to_notifications_with_the_unread_count(client, lan):
    notice(lan, "One")
    notice(lan, "Two")
    notice(lan, "Three", read=True)
    client.force_login(lan)
    page = client.get(reverse("home")).content.decode()
    assert f'href="{reverse("notifications:list")}"' in page
    assert 'aria-label="Notifications: 2 unread"' in page
    assert '<span class="count" aria-hidden="true">2</span>' in page
    assert f'href="{reverse("notifications:list")}"' not in _anonymous_home(client)


def _anonymous_home(client):
    client.logout()
    return client.get(reverse("home")).content.decode()


def test_the_list_is_paginated(client, lan):
    for index in range(35):
        notice(lan, f"Notice {index:02d}", minutes_ago=100 - index)
    client.force_login(lan)
    first = client.get(reverse("notifications:list")).content.decode()
    second = client.get(reverse("notifications:list") + "?page=2").content.decode()
    assert "Notice 34" in first and "Notice 05" in first and "Notice 04" not in first
    assert "Notice 04" in second and "Notice 00" in second and "Notice 34" not in second


def test_list_page_query_count_does_not_grow(client, lan, sato, django_assert_max_num_queries):
    for index in range(30):
        notice(lan, f"Notice {index}", link="/events/", read=index % 2 == 0)
        notice(sato, f"Theirs {index}")
    client.force_login(lan)
    # session, user, count, rows, unread count (once, shared by the header and the page),
    # unread messages (header), whether the user uses the news desk (menu: one query)
    with django_assert_max_num_queries(7):
        assert client.get(reverse("notifications:list")).status_code == 200
