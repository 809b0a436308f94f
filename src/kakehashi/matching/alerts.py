"""Digests of new matches: for each saved search, the proposals published since the last
digest that it finds; for each followed proposal, its new counterparts. One notice (in the
app and by e-mail) per user, in the user's language.

Run daily: `kakehashi send_match_digests` (or the task of the same name)."""

from __future__ import annotations

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from kakehashi.common.reading import title_list_for_reader
from kakehashi.matching import recommend
from kakehashi.matching.models import FollowedProposal, SavedSearch
from kakehashi.matching.search import SearchForm, run_search
from kakehashi.notifications.services import notify

LISTED = 10  # titles named in one digest


def _new_in_search(search: SavedSearch) -> list:
    form = SearchForm({"q": search.query, **search.filters})
    if not form.is_valid():
        return []  # a filter that no longer exists (a sector removed): nothing to report
    result = run_search(form.cleaned_data)
    return [
        hit.proposal
        for hit in result.hits
        if hit.proposal is not None
        and hit.proposal.reviewed_at is not None
        and hit.proposal.reviewed_at > search.reported_until
    ]


def _new_for_follow(follow: FollowedProposal) -> list:
    return [
        item.hit.proposal
        for item in recommend.for_proposal(follow.proposal)
        if item.hit.proposal is not None
        and item.hit.proposal.reviewed_at is not None
        and item.hit.proposal.reviewed_at > follow.reported_until
    ]


def send_digests(now=None) -> int:
    """Send the digests due; returns how many users were told."""
    now = now or timezone.now()
    found: dict[int, tuple] = {}  # user id -> (user, proposals)
    for search in SavedSearch.objects.select_related("user"):
        proposals = _new_in_search(search)
        if proposals:
            found.setdefault(search.user_id, (search.user, {}))[1].update(
                {p.pk: p for p in proposals}
            )
    for follow in FollowedProposal.objects.select_related("user", "proposal"):
        proposals = _new_for_follow(follow)
        if proposals:
            found.setdefault(follow.user_id, (follow.user, {}))[1].update(
                {p.pk: p for p in proposals}
            )
    with transaction.atomic():
        for user, proposals in found.values():
            titles = title_list_for_reader(list(proposals.values())[:LISTED])
            count = len(proposals)
            notify(
                recipients=[user],
                subject=format_lazy(
                    ngettext_lazy(
                        "{count} new match for your searches",
                        "{count} new matches for your searches",
                        count,
                    ),
                    count=count,
                ),
                body=format_lazy(
                    "{intro}\n\n{titles}",
                    intro=_("New proposals match what you follow on Kakehashi:"),
                    titles=titles,
                ),
                link=reverse("matching:saved_searches"),
            )
        SavedSearch.objects.filter(reported_until__lt=now).update(reported_until=now)
        FollowedProposal.objects.filter(reported_until__lt=now).update(reported_until=now)
    return len(found)
