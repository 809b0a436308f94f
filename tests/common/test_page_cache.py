"""The page cache for visitors who are not signed in (common/page_cache.py): it keeps each
language apart, never serves a signed-in user's page to a visitor or the reverse, and a
published change shows at once."""

import pytest
from django.test import Client
from django.urls import reverse

from kakehashi.proposals.models import Proposal
from tests.factories import UserFactory
from tests.proposals.factories import published

pytestmark = pytest.mark.usefixtures("reference")

CACHE = "X-Page-Cache"


def test_a_public_page_is_answered_from_the_cache_the_second_time(client):
    published(title="Cold storage in Can Tho")
    first = client.get(reverse("proposals:list"))
    second = client.get(reverse("proposals:list"))
    assert (first[CACHE], second[CACHE]) == ("miss", "hit")
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    # Answers from the cache keep the headers the middleware around it add.
    assert "Content-Security-Policy" in second
    assert "Cookie" in second["Vary"] and "Accept-Language" in second["Vary"]


def test_each_language_has_its_own_cached_page(client):
    url = reverse("proposals:list")
    english = client.get(url)
    client.cookies["kakehashi_language"] = "vi"
    vietnamese = client.get(url)
    client.cookies["kakehashi_language"] = "ja"
    japanese = client.get(url)
    assert [r[CACHE] for r in (english, vietnamese, japanese)] == ["miss", "miss", "miss"]
    assert b'<html lang="vi"' in vietnamese.content
    assert b'<html lang="ja"' in japanese.content
    assert b'<html lang="en"' in english.content
    del client.cookies["kakehashi_language"]
    again = Client(HTTP_ACCEPT_LANGUAGE="vi").get(url)
    assert again[CACHE] == "hit" and b'<html lang="vi"' in again.content
    assert client.get(url).content == english.content


def test_switching_language_then_reading_a_cached_page_gives_the_new_language(client):
    url = reverse("proposals:list")
    client.get(url)
    assert client.get(url)[CACHE] == "hit"
    switched = client.post(reverse("set_language"), {"language": "ja", "next": url})
    assert switched.status_code == 302
    page = client.get(url)
    assert b'<html lang="ja"' in page.content


def test_a_signed_in_user_never_gets_the_anonymous_page(client):
    url = reverse("proposals:list")
    client.get(url)
    assert client.get(url)[CACHE] == "hit"
    user = UserFactory()
    client.force_login(user)
    signed_in = client.get(url)
    assert CACHE not in signed_in
    assert reverse("accounts:logout").encode() in signed_in.content
    assert client.get(url).get(CACHE) is None


def test_a_visitor_never_gets_a_signed_in_users_page(client):
    url = reverse("proposals:list")
    user = UserFactory()
    client.force_login(user)
    client.get(url)
    client.get(url)
    visitor = Client().get(url)
    assert visitor[CACHE] == "miss"
    assert reverse("accounts:logout").encode() not in visitor.content
    assert b"csrfmiddlewaretoken" not in visitor.content


def test_a_published_change_shows_at_once(client):
    url = reverse("proposals:list")
    assert b"Cold storage in Can Tho" not in client.get(url).content
    assert client.get(url)[CACHE] == "hit"
    proposal = published(title="Cold storage in Can Tho")
    assert b"Cold storage in Can Tho" in client.get(url).content
    proposal.title = "Cold storage in Da Nang"
    proposal.save()
    assert b"Cold storage in Da Nang" in client.get(url).content
    proposal.delete()
    assert b"Cold storage in Da Nang" not in client.get(url).content
    assert Proposal.objects.count() == 0


def test_each_query_is_a_page_of_its_own(client):
    published(title="Cold storage in Can Tho")
    url = reverse("proposals:list")
    client.get(url)
    second_page = client.get(url, {"page": "2"})
    assert second_page[CACHE] == "miss"
    assert client.get(url, {"page": "2"})[CACHE] == "hit"
    assert client.get(url)[CACHE] == "hit"


def test_api_reads_are_cached_only_without_credentials(client):
    published(title="Cold storage in Can Tho")
    url = "/api/v1/proposals"
    assert client.get(url)[CACHE] == "miss"
    cached = client.get(url)
    assert cached[CACHE] == "hit"
    assert cached["Content-Type"].startswith("application/json")
    with_token = client.get(url, HTTP_AUTHORIZATION="Bearer not-a-token")
    assert CACHE not in with_token
    assert with_token.status_code == 401


def test_pages_that_are_not_public_are_not_cached(client):
    client.get(reverse("accounts:login"))
    assert CACHE not in client.get(reverse("accounts:login"))


def test_the_cache_can_be_turned_off(client, settings):
    settings.KAKEHASHI_PAGE_CACHE_SECONDS = 0
    client.get(reverse("proposals:list"))
    assert CACHE not in client.get(reverse("proposals:list"))


def test_the_language_switch_needs_a_csrf_token_only_when_signed_in():
    visitor = Client(enforce_csrf_checks=True)
    answer = visitor.post(reverse("set_language"), {"language": "vi", "next": "/"})
    assert answer.status_code == 302
    assert answer.cookies["kakehashi_language"].value == "vi"
    member = Client(enforce_csrf_checks=True)
    user = UserFactory(preferred_language="en")
    member.force_login(user)
    refused = member.post(reverse("set_language"), {"language": "vi", "next": "/"})
    assert refused.status_code == 403
    user.refresh_from_db()
    assert user.preferred_language == "en"
