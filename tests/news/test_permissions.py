"""Who may NOT use the desk or decide a suggestion: anonymous visitors, plain members, and
editors of another locality."""

import pytest
from django.test import Client

from kakehashi.news.models import Feed, SuggestionStatus
from kakehashi.news.queries import may_use_desk
from kakehashi.partnerships.models import DelegationVisit, PriorityList
from kakehashi.proposals.models import LocalityModerator
from tests.factories import UserFactory, locality, member_of
from tests.news.conftest import client_for, visit_form


def _desk_urls(article, feed) -> list[tuple[str, str]]:
    suggestion = article.suggestions.get(kind="visit")
    return [
        ("get", "/news/"),
        ("get", "/news/import/"),
        ("post", "/news/import/"),
        ("get", f"/news/{article.pk}/"),
        ("post", f"/news/suggestions/{suggestion.pk}/accept/"),
        ("post", f"/news/suggestions/{suggestion.pk}/reject/"),
        ("get", "/news/feeds/"),
        ("post", "/news/feeds/"),
        ("post", f"/news/feeds/{feed.pk}/read/"),
        ("post", f"/news/feeds/{feed.pk}/remove/"),
    ]


@pytest.fixture
def feed(hcmc_editor):
    return Feed.objects.create(url="http://127.0.0.1:9/feed.xml", owner=hcmc_editor)


def test_anonymous_visitors_are_sent_to_sign_in(vi_article, feed):
    client = Client()
    for method, url in _desk_urls(vi_article, feed):
        response = getattr(client, method)(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/accounts/sign-in/"), url
    assert Feed.objects.count() == 1


def test_a_plain_member_does_not_see_the_desk(vi_article, feed, plain_member):
    client = client_for(plain_member)
    for method, url in _desk_urls(vi_article, feed):
        assert getattr(client, method)(url).status_code == 403, url
    assert "/news/" not in client.get("/").content.decode()
    assert vi_article.suggestions.filter(status=SuggestionStatus.NEW).count() == 4
    assert Feed.objects.count() == 1


def test_the_menu_shows_the_desk_to_those_who_use_it(hcmc_editor, moderator):
    for user in (hcmc_editor, moderator):
        assert 'href="/news/"' in client_for(user).get("/").content.decode()


def test_an_editor_of_another_locality_cannot_decide(vi_article, kyoto_editor):
    client = client_for(kyoto_editor)
    page = client.get(vi_article.get_absolute_url()).content.decode()
    assert "Only a moderator or an editor of a locality it concerns can decide this." in page
    visit = vi_article.suggestions.get(kind="visit")
    prefix = f"s{visit.pk}"
    response = client.post(f"/news/suggestions/{visit.pk}/accept/", visit_form(visit))
    assert response.status_code == 400
    assert "Only a moderator or an editor of a locality it concerns" in response.content.decode()
    rejected = client.post(
        f"/news/suggestions/{visit.pk}/reject/", {f"{prefix}-reason": "not ours"}
    )
    assert rejected.status_code == 400
    # Nor by naming its own locality as host: the host is what the check looks at.
    listing = vi_article.suggestions.get(kind="priority_partners")
    prefix = f"s{listing.pk}"
    response = client.post(
        f"/news/suggestions/{listing.pk}/accept/",
        {
            f"{prefix}-locality": locality("ho-chi-minh-city").pk,
            f"{prefix}-title": "List",
            f"{prefix}-period_start": 2021,
            f"{prefix}-period_end": 2025,
            f"{prefix}-partners": [locality("osaka-city").pk],
        },
    )
    assert response.status_code == 400
    assert DelegationVisit.objects.count() == 0
    assert PriorityList.objects.count() == 0
    assert vi_article.suggestions.filter(status=SuggestionStatus.NEW).count() == 4


def test_a_partner_locality_cannot_write_the_other_citys_list(vi_article, osaka_editor):
    """Osaka is on Ho Chi Minh City's list, but the list is the city's to record."""
    listing = vi_article.suggestions.get(kind="priority_partners")
    prefix = f"s{listing.pk}"
    response = client_for(osaka_editor).post(
        f"/news/suggestions/{listing.pk}/accept/",
        {
            f"{prefix}-locality": locality("ho-chi-minh-city").pk,
            f"{prefix}-title": "List",
            f"{prefix}-period_start": 2021,
            f"{prefix}-period_end": 2025,
            f"{prefix}-partners": [locality("osaka-city").pk],
        },
    )
    assert response.status_code == 400
    assert PriorityList.objects.count() == 0


def test_an_editor_may_accept_for_its_own_locality(vi_article, hcmc_editor):
    page = client_for(hcmc_editor).get(vi_article.get_absolute_url()).content.decode()
    assert "Accept…" in page
    assert "Only a moderator" not in page


def test_an_editor_cannot_take_another_citys_news_for_their_own(vi_article, kyoto_editor):
    visit = vi_article.suggestions.get(kind="visit")
    response = client_for(kyoto_editor).post(
        f"/news/suggestions/{visit.pk}/accept/", visit_form(visit, host="kyoto-prefecture")
    )
    assert response.status_code == 400
    assert DelegationVisit.objects.count() == 0


def test_whether_a_user_uses_the_desk_costs_one_query_at_most(
    hcmc_editor, plain_member, moderator, django_assert_num_queries
):
    locality_moderator = UserFactory(full_name="Locality Moderator")
    LocalityModerator.objects.create(user=locality_moderator, locality=locality("hue"))
    inactive = member_of(hcmc_editor.person.memberships.get().organisation, full_name="Former")
    inactive.is_active = False
    for user, expected in (
        (hcmc_editor, True),
        (locality_moderator, True),
        (plain_member, False),
        (inactive, False),
    ):
        with django_assert_num_queries(1 if user.is_active else 0):
            assert may_use_desk(user) is expected
        with django_assert_num_queries(0):  # kept for the rest of the request
            assert may_use_desk(user) is expected
    with django_assert_num_queries(0):
        assert may_use_desk(moderator) is True
