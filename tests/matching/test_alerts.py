"""Saved searches and followed proposals bring a digest of what is new, once, in the
recipient's language; nobody can delete another's saved search."""

import datetime as dt

import pytest
from django.utils import timezone, translation

from kakehashi.common.reading import title_list_for_reader
from kakehashi.matching.alerts import send_digests
from kakehashi.matching.models import FollowedProposal, SavedSearch
from kakehashi.notifications.models import Notification
from kakehashi.proposals.models import Proposal
from tests.factories import OrganisationFactory, UserFactory, locality, member_of
from tests.matching.builders import CARE_JA, COLD_CHAIN_JA, COLD_CHAIN_VI, publish_proposal
from tests.proposals.factories import ProposalFactory

pytestmark = pytest.mark.django_db


def test_a_saved_search_reports_new_proposals_once(
    client, reference, django_capture_on_commit_callbacks
):
    user = UserFactory(preferred_language="ja")
    client.force_login(user)
    response = client.post("/matching/saved/new/", {"q": "kho lạnh thủy sản"})
    assert response.status_code == 302
    search = SavedSearch.objects.get(user=user)
    assert search.query == "kho lạnh thủy sản"

    osaka = OrganisationFactory(country="JP", locality=locality("osaka-prefecture"))
    offer = publish_proposal(osaka, django_capture_on_commit_callbacks, **COLD_CHAIN_JA)
    publish_proposal(osaka, django_capture_on_commit_callbacks, **CARE_JA)

    assert send_digests() == 1
    notice = Notification.objects.get(recipient=user)
    assert offer.title in notice.body
    assert "介護" not in notice.body
    assert send_digests() == 0  # reported once


def test_following_a_proposal_reports_new_counterparts(
    client, reference, django_capture_on_commit_callbacks
):
    hcmc = OrganisationFactory(country="VN", locality=locality("ho-chi-minh-city"))
    request = publish_proposal(hcmc, django_capture_on_commit_callbacks, **COLD_CHAIN_VI)
    user = member_of(hcmc)
    client.force_login(user)
    assert client.post(f"/matching/follow/{request.pk}/").status_code == 302
    assert FollowedProposal.objects.filter(user=user, proposal=request).exists()

    osaka = OrganisationFactory(country="JP", locality=locality("osaka-prefecture"))
    offer = publish_proposal(osaka, django_capture_on_commit_callbacks, **COLD_CHAIN_JA)
    assert send_digests(now=timezone.now() + dt.timedelta(minutes=1)) == 1
    assert offer.title in Notification.objects.get(recipient=user).body


def test_saving_an_empty_search_is_refused(client, reference):
    client.force_login(UserFactory())
    response = client.post("/matching/saved/new/", {"q": "  "}, follow=True)
    assert not SavedSearch.objects.exists()
    assert "Type what you are looking for" in response.content.decode()


def test_nobody_deletes_anothers_saved_search(client, reference):
    owner = UserFactory()
    search = SavedSearch.objects.create(user=owner, query="robot", reported_until=timezone.now())
    client.force_login(UserFactory())
    assert client.post(f"/matching/saved/{search.pk}/delete/").status_code == 404
    assert SavedSearch.objects.filter(pk=search.pk).exists()


def test_following_an_invisible_proposal_is_refused(client, reference):
    from tests.proposals.factories import ProposalFactory

    draft = ProposalFactory()
    client.force_login(UserFactory())
    assert client.post(f"/matching/follow/{draft.pk}/").status_code == 404
    assert not FollowedProposal.objects.exists()


@pytest.mark.parametrize("count", [2, 8])
def test_a_digests_titles_read_their_translations_in_one_query(
    reference, count, django_assert_num_queries
):
    """Whatever the number of titles, and rendered in each recipient's language."""
    made = [ProposalFactory(title=f"Đề xuất {n}", language="vi") for n in range(count)]
    for proposal in made[::2]:
        proposal.translations.create(
            language="ja", source="author", title=f"提案{proposal.pk}", summary=""
        )
    proposals = list(Proposal.objects.filter(pk__in=[p.pk for p in made]).order_by("pk"))
    with django_assert_num_queries(1):
        titles = title_list_for_reader(proposals)
        with translation.override("ja"):
            japanese = str(titles)
        with translation.override("en"):
            english = str(titles)
    assert japanese.splitlines() == [
        f"- 提案{p.pk}" if n % 2 == 0 else f"- Đề xuất {n}" for n, p in enumerate(made)
    ]
    assert english.splitlines() == [f"- Đề xuất {n}" for n in range(count)]
