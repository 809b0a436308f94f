"""Aggregate figures for the dashboards: each function runs a handful of grouped queries
(never one per row) and returns plain rows (dicts of numbers and names), ready for a table,
a chart or a file.

Public figures count published records only: published proposals and the interests in them,
the requests and meetings of published events, published partnerships, and outcomes whose
meeting or proposal is public. No figure names a company; groups are events, localities,
sectors and authorities.

The funnel is in funnel.py.

Outcomes count in public figures only when their recorder let them (`Outcome.is_public`).
"""

import datetime as dt
from collections import Counter, defaultdict
from statistics import median

from django.db.models import Count, Q
from django.db.models.functions import TruncMonth

from kakehashi.directory.models import Locality, Sector
from kakehashi.events.models import (
    Event,
    IntentionKind,
    Meeting,
    MeetingOutcome,
    MeetingParticipant,
    MeetingRequest,
    RequestStatus,
)
from kakehashi.insights.models import Outcome
from kakehashi.partnerships.models import Partnership, PartnershipKind, PartnershipParty
from kakehashi.proposals.models import Interest, InterestStatus, Proposal, ProposalStatus


def count_by(queryset, key: str, count: str = "pk") -> Counter:
    """{group key: number} from one grouped query; rows without a key are left out."""
    rows = (
        queryset.order_by()
        .values(key)
        .annotate(n=Count(count, distinct=True))
        .values_list(key, "n")
    )
    return Counter({group: n for group, n in rows if group is not None})


# Public record sets


def public_proposals():
    return Proposal.objects.filter(status=ProposalStatus.PUBLISHED)


def public_interests():
    return Interest.objects.filter(proposal__status=ProposalStatus.PUBLISHED)


def public_requests():
    return MeetingRequest.objects.filter(event__is_published=True)


def public_meetings():
    return Meeting.objects.filter(event__is_published=True)


def public_participants():
    return MeetingParticipant.objects.filter(meeting__event__is_published=True)


def public_outcomes():
    """Outcomes their recorders let count in public figures, of a published event's meeting,
    a published proposal, or a conversation (counted by locality and sector, never named)."""
    return Outcome.objects.filter(is_public=True).filter(
        Q(meeting__event__is_published=True)
        | Q(interest__proposal__status=ProposalStatus.PUBLISHED)
        | Q(thread__isnull=False)
    )


def public_meeting_outcomes():
    return MeetingOutcome.objects.filter(meeting__event__is_published=True).exclude(
        kind=IntentionKind.NONE
    )


def outcomes_of(organisation_ids: set[int]) -> list[Outcome]:
    """The outcomes recorded on these organisations' meetings, interests and threads."""
    ids = organisation_ids
    return list(
        Outcome.objects.filter(
            Q(meeting__participants__registration__organisation__in=ids)
            | Q(interest__proposal__organisation__in=ids)
            | Q(interest__organisation__in=ids)
            | Q(thread__parties__organisation__in=ids)
        )
        .distinct()
        .select_related("locality", "partnership", "meeting__event", "interest__proposal")
    )


# Partnerships


def _party_place(party: PartnershipParty) -> Locality | None:
    return party.current_place


def partnership_network(*, kind: str = "", since: int | None = None, until: int | None = None):
    """Pairs of a Vietnamese and a Japanese locality (today's units) with the number of
    published partnerships between them, by type; optionally signed within [since, until]."""
    partnerships = Partnership.objects.filter(is_published=True)
    if kind in PartnershipKind.values:
        partnerships = partnerships.filter(kind=kind)
    if since:
        partnerships = partnerships.filter(signed_on__year__gte=since)
    if until:
        partnerships = partnerships.filter(signed_on__year__lte=until)
    parties = PartnershipParty.objects.filter(partnership__in=partnerships).select_related(
        "partnership",
        "locality__successor",
        "organisation__locality__successor",
    )
    by_partnership = defaultdict(list)
    for party in parties:
        by_partnership[party.partnership].append(party)
    pairs = Counter()
    names = {}
    for partnership, members in by_partnership.items():
        places = [place for place in map(_party_place, members) if place is not None]
        vn = {p.pk: p for p in places if p.country == "VN"}
        jp = {p.pk: p for p in places if p.country == "JP"}
        for v in vn.values():
            for j in jp.values():
                pairs[(v.pk, j.pk, partnership.kind)] += 1
                names[v.pk], names[j.pk] = v.name, j.name
    labels = dict(PartnershipKind.choices)
    rows = [
        {
            "vietnam": names[v],
            "japan": names[j],
            "kind": str(labels[k]),
            "count": n,
        }
        for (v, j, k), n in pairs.items()
    ]
    return sorted(rows, key=lambda r: (-r["count"], r["vietnam"], r["japan"], r["kind"]))


def agreements_by_year() -> list[dict]:
    """Published partnerships signed per year, in total and per type."""
    rows = (
        Partnership.objects.filter(is_published=True, signed_on__isnull=False)
        .order_by()
        .values("signed_on__year", "kind")
        .annotate(n=Count("pk"))
    )
    years: dict[int, Counter] = defaultdict(Counter)
    for row in rows:
        years[row["signed_on__year"]][row["kind"]] += row["n"]
    return [
        {
            "year": year,
            "count": sum(kinds.values()),
            **{kind: kinds[kind] for kind in PartnershipKind.values},
        }
        for year, kinds in sorted(years.items())
    ]


# Proposals


def proposals_by_sector() -> list[dict]:
    counts = count_by(public_proposals(), "sectors")
    sectors = Sector.objects.filter(pk__in=counts)
    rows = [{"group": sector.label, "count": counts[sector.pk]} for sector in sectors]
    return sorted(rows, key=lambda r: (-r["count"], r["group"]))


def proposals_by_locality() -> list[dict]:
    """Published proposals per locality (today's unit)."""
    counts = count_by(public_proposals(), "locality")
    found = Locality.objects.filter(pk__in=counts).select_related("successor")
    localities = {place.pk: place for place in found}
    merged = Counter()
    places = {}
    for pk, n in counts.items():
        place = localities[pk].successor if localities[pk].successor_id else localities[pk]
        merged[place.pk] += n
        places[place.pk] = place
    rows = [{"group": places[pk].name, "count": n} for pk, n in merged.items()]
    return sorted(rows, key=lambda r: (-r["count"], r["group"]))


# Matching activity


def matching_activity(*, today: dt.date | None = None, months: int = 12) -> list[dict]:
    """Per month over the last `months` (its first day): interests expressed and accepted
    (on published proposals), meeting requests sent and accepted (at published events)."""
    today = today or dt.date.today()
    start = (today.replace(day=1) - dt.timedelta(days=31 * (months - 1))).replace(day=1)
    series = {
        "interests": (public_interests(), "created_at", Q()),
        "interests_accepted": (
            public_interests(),
            "decided_at",
            Q(status=InterestStatus.ACCEPTED),
        ),
        "requests": (public_requests(), "created_at", Q()),
        "requests_accepted": (
            public_requests(),
            "responded_at",
            Q(status=RequestStatus.ACCEPTED),
        ),
    }
    table: dict[dt.date, Counter] = {}
    month = start
    while month <= today:
        table[month] = Counter()
        month = (month + dt.timedelta(days=32)).replace(day=1)
    for name, (queryset, field, condition) in series.items():
        rows = (
            queryset.filter(condition, **{f"{field}__date__gte": start})
            .order_by()
            .annotate(month=TruncMonth(field))
            .values("month")
            .annotate(n=Count("pk"))
        )
        for row in rows:
            key = row["month"].date() if isinstance(row["month"], dt.datetime) else row["month"]
            if key in table:
                table[key][name] += row["n"]
    return [
        {"month": month, **{name: counts[name] for name in series}}
        for month, counts in table.items()
    ]


def median_or_none(values: list[float]) -> float | None:
    return round(median(values), 1) if values else None


def demo_counts() -> dict[str, int]:
    """How many of the public records counted are demo records (the page says so)."""
    return {
        "proposals": public_proposals().filter(is_demo=True).count(),
        "events": Event.objects.filter(is_published=True, is_demo=True).count(),
        "partnerships": Partnership.objects.filter(is_published=True, is_demo=True).count(),
        "outcomes": public_outcomes().filter(is_demo=True).count(),
    }
