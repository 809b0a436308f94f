"""The relationship context the engine weighs: which localities have agreements, whose
priority-partner lists name whom, which organisations have met.

Meetings live in the events app, to the right of matching; it contributes the pairs of
organisations that met through `register_met_before`, called from its AppConfig.ready, so
that matching does not import it."""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable, Iterable
from functools import lru_cache

from django.db.models import Q

from kakehashi.directory.models import Locality
from kakehashi.matching.documents import DEMO_MARKER_WORDS, current_slug, organisation_key
from kakehashi.matching.engine import Context
from kakehashi.matching.engine.text import index_terms
from kakehashi.partnerships.models import PartnershipParty, PartnershipStatus, PriorityPartner

# Each provider returns pairs of organisation ids that have met.
_met_before_providers: list[Callable[[], Iterable[tuple[int, int]]]] = []


def register_met_before(provider: Callable[[], Iterable[tuple[int, int]]]) -> None:
    if provider not in _met_before_providers:
        _met_before_providers.append(provider)


CACHE_SECONDS = 60  # agreements and priority lists change rarely; a minute late is fine
_cache: dict = {}
_cache_lock = threading.Lock()


def matching_context(today: dt.date | None = None) -> Context:
    """The context, read from the database at most once a minute per process."""
    today = today or dt.date.today()
    now = time.monotonic()
    with _cache_lock:
        cached = _cache.get(today)
        if cached and now - cached[0] < CACHE_SECONDS:
            return cached[1]
    context = _read_context(today)
    with _cache_lock:
        _cache.clear()
        _cache[today] = (now, context)
    return context


def forget_context() -> None:
    with _cache_lock:
        _cache.clear()


def _read_context(today: dt.date) -> Context:
    return Context(
        partnerships=frozenset(_partner_localities()),
        priority_partners=_priority_partners(today.year),
        met_before=frozenset(
            frozenset((organisation_key(a), organisation_key(b)))
            for provider in _met_before_providers
            for a, b in provider()
            if a != b
        ),
        unshown_terms=unshown_terms(),
    )


# How places are also written in proposals, beside the registry's names.
PLACE_ALIASES = ("tp.hcm", "tphcm", "tp hcm", "hcm", "hcmc", "sài gòn", "saigon", "hn")


def unshown_terms() -> frozenset[str]:
    """Words a reader must not be shown as "shared keywords": every word of every locality's
    names in the three languages (a place alone says nothing about a subject, and the
    reasons name partner localities already) and the demo marker."""
    names = tuple(
        Locality.objects.order_by("pk").values_list(
            "country", "name_local", "name_en", "name_vi", "name_ja"
        )
    )
    return _place_terms(names) | DEMO_MARKER_WORDS


@lru_cache(maxsize=2)
def _place_terms(names: tuple) -> frozenset[str]:
    terms = set()
    for country, local, en, vi, ja in names:
        written = [(en, "en"), (vi, "vi"), (ja, "ja"), (local, "vi" if country == "VN" else "ja")]
        for name, language in written:
            if name:
                terms.add(name.casefold())
                terms.update(index_terms(name, language))
    for alias in PLACE_ALIASES:
        terms.update((alias, alias.replace(" ", "_")))
    return frozenset(terms)


def _partner_localities() -> set[frozenset[str]]:
    """Pairs of today's localities that are parties to a published agreement in force."""
    parties = (
        PartnershipParty.objects.filter(
            partnership__is_published=True, partnership__status=PartnershipStatus.ACTIVE
        )
        .filter(Q(locality__isnull=False) | Q(organisation__locality__isnull=False))
        .select_related("locality__successor", "organisation__locality__successor")
    )
    places: dict[int, set[str]] = {}
    for party in parties:
        slug = current_slug(party.place)
        if slug:
            places.setdefault(party.partnership_id, set()).add(slug)
    pairs = set()
    for slugs in places.values():
        ordered = sorted(slugs)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1 :]:
                pairs.add(frozenset((a, b)))
    return pairs


def _priority_partners(year: int) -> dict[str, frozenset[str]]:
    """Each locality's priority partners on a published list whose period covers `year`."""
    entries = PriorityPartner.objects.filter(
        priority_list__is_published=True,
        priority_list__period_start__lte=year,
        priority_list__period_end__gte=year,
    ).select_related("priority_list__locality__successor", "partner__successor")
    partners: dict[str, set[str]] = {}
    for entry in entries:
        owner = current_slug(entry.priority_list.locality)
        partner = current_slug(entry.partner)
        if owner and partner:
            partners.setdefault(owner, set()).add(partner)
    return {owner: frozenset(slugs) for owner, slugs in partners.items()}
