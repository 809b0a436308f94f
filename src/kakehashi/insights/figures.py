"""Aggregate figures for the dashboards: each function runs a handful of grouped queries
(never one per row) and returns plain rows (dicts of numbers and names), ready for a table,
a chart or a file.

Public figures count published records only: published proposals and the interests in them,
the requests and meetings of published events, published partnerships, and outcomes whose
meeting or proposal is public. No figure names a company; groups are events, localities,
sectors and authorities.

How each stage of the funnel is attributed:

- per event: proposals and interests of the organisations with an approved delegation at
  the event; the event's meeting requests, meetings and outcomes.
- per locality (today's unit: a merged Vietnamese province counts for its successor): a
  proposal's locality; a request's sending delegation's locality; a meeting for each of its
  delegations' localities; an outcome's own locality (meeting outcomes: each delegation's).
- per sector: the proposal's sectors; the sending delegation's sectors; a meeting for each
  sector of its delegations; an outcome through its proposal or meeting, or the sectors of
  its conversation's organisations.

Outcomes count in public figures only when their recorder let them (`Outcome.is_public`).
"""

import datetime as dt
from collections import Counter, defaultdict
from statistics import median

from django.db.models import Count, Q
from django.db.models.functions import TruncMonth
from django.utils.translation import gettext_lazy as _

from kakehashi.directory.models import Locality, Organisation, Sector
from kakehashi.events.models import (
    Event,
    Meeting,
    MeetingOutcome,
    MeetingParticipant,
    MeetingRequest,
    MeetingStatus,
    OutcomeKind,
    RegistrationStatus,
    RequestStatus,
)
from kakehashi.insights.models import Outcome
from kakehashi.partnerships.models import Partnership, PartnershipKind, PartnershipParty
from kakehashi.proposals.models import Interest, InterestStatus, Proposal, ProposalStatus

STAGES = [
    ("proposals", _("Proposals")),
    ("interests", _("Expressions of interest")),
    ("requests", _("Meetings requested")),
    ("scheduled", _("Meetings scheduled")),
    ("held", _("Meetings held")),
    ("outcomes", _("Outcomes")),
]
STAGE_KEYS = [key for key, _label in STAGES]
SCHEDULED = Q(slot__isnull=False) & ~Q(status=MeetingStatus.CANCELLED)


def _counts(queryset, key: str, count: str = "pk") -> Counter:
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
        kind=OutcomeKind.NONE
    )


def _stage_row(name: str, counts: dict[str, Counter], key) -> dict:
    return {"group": name, **{stage: counts[stage][key] for stage in STAGE_KEYS}}


def _sorted(rows: list[dict]) -> list[dict]:
    return sorted(rows, key=lambda row: (-sum(row[s] for s in STAGE_KEYS), row["group"]))


# Funnels


def funnel_by_event() -> list[dict]:
    """One row per published event: the six stages (see the module's notes)."""
    events = list(Event.objects.filter(is_published=True).order_by("-starts_on", "pk"))
    delegations = Q(
        organisation__registrations__event__is_published=True,
        organisation__registrations__status=RegistrationStatus.APPROVED,
    )
    event_key = "organisation__registrations__event"
    counts = {
        "proposals": _counts(public_proposals().filter(delegations), event_key),
        "interests": _counts(
            public_interests().filter(
                proposal__organisation__registrations__event__is_published=True,
                proposal__organisation__registrations__status=RegistrationStatus.APPROVED,
            ),
            "proposal__organisation__registrations__event",
        ),
        "requests": _counts(public_requests(), "event"),
        "scheduled": _counts(public_meetings().filter(SCHEDULED), "event"),
        "held": _counts(public_meetings().filter(status=MeetingStatus.HELD), "event"),
        "outcomes": _counts(public_outcomes().filter(meeting__isnull=False), "meeting__event")
        + _counts(public_meeting_outcomes(), "meeting__event"),
    }
    return [_stage_row(event.name, counts, event.pk) | {"id": event.pk} for event in events]


def _current_unit(localities: dict[int, Locality], pk: int) -> Locality:
    place = localities[pk]
    return localities.get(place.successor_id, place) if place.successor_id else place


def funnel_by_locality() -> list[dict]:
    """One row per locality (today's unit) with anything in the funnel."""
    participants = public_participants()
    counts = {
        "proposals": _counts(public_proposals(), "locality"),
        "interests": _counts(public_interests(), "proposal__locality"),
        "requests": _counts(public_requests(), "sender__organisation__locality"),
        "scheduled": _counts(
            participants.filter(
                meeting__slot__isnull=False, meeting__status__in=_scheduled_statuses()
            ),
            "registration__organisation__locality",
            "meeting",
        ),
        "held": _counts(
            participants.filter(meeting__status=MeetingStatus.HELD),
            "registration__organisation__locality",
            "meeting",
        ),
        "outcomes": _counts(public_outcomes(), "locality")
        + _counts(
            public_meeting_outcomes(),
            "meeting__participants__registration__organisation__locality",
        ),
    }
    ids = set().union(*counts.values())
    localities = {place.pk: place for place in Locality.objects.filter(pk__in=ids)}
    successors = set(p.successor_id for p in localities.values() if p.successor_id) - ids
    localities.update({p.pk: p for p in Locality.objects.filter(pk__in=successors)})
    merged = {stage: Counter() for stage in STAGE_KEYS}
    for stage, counter in counts.items():
        for pk, n in counter.items():
            merged[stage][_current_unit(localities, pk).pk] += n
    units = {_current_unit(localities, pk).pk for pk in ids}
    return _sorted([_stage_row(localities[pk].name, merged, pk) | {"id": pk} for pk in units])


def _scheduled_statuses() -> list[str]:
    return [s for s in MeetingStatus.values if s != MeetingStatus.CANCELLED]


def funnel_by_sector() -> list[dict]:
    """One row per sector with anything in the funnel."""
    participants = public_participants()
    org_sectors = "registration__organisation__sectors"
    meeting_sectors = "meeting__participants__registration__organisation__sectors"
    counts = {
        "proposals": _counts(public_proposals(), "sectors"),
        "interests": _counts(public_interests(), "proposal__sectors"),
        "requests": _counts(public_requests(), "sender__organisation__sectors"),
        "scheduled": _counts(
            participants.filter(
                meeting__slot__isnull=False, meeting__status__in=_scheduled_statuses()
            ),
            org_sectors,
            "meeting",
        ),
        "held": _counts(
            participants.filter(meeting__status=MeetingStatus.HELD), org_sectors, "meeting"
        ),
        "outcomes": _counts(public_outcomes().filter(meeting__isnull=False), meeting_sectors)
        + _counts(public_outcomes().filter(interest__isnull=False), "interest__proposal__sectors")
        + _counts(
            public_outcomes().filter(thread__isnull=False), "thread__parties__organisation__sectors"
        )
        + _counts(public_meeting_outcomes(), meeting_sectors),
    }
    ids = set().union(*counts.values())
    sectors = Sector.objects.filter(pk__in=ids)
    return _sorted([_stage_row(sector.label, counts, sector.pk) for sector in sectors])


def organisation_funnel(organisation_ids: set[int]) -> list[dict]:
    """The funnel of each of these organisations, all their records included (for their
    members): their proposals in any status, the interests they received or sent, the
    requests they sent or received, their meetings and what followed."""
    if not organisation_ids:
        return []
    ids = organisation_ids
    requests = MeetingRequest.objects.filter(
        Q(sender__organisation__in=ids) | Q(recipient__organisation__in=ids)
    )
    seats = MeetingParticipant.objects.filter(registration__organisation__in=ids)
    counts = {
        "proposals": _counts(Proposal.objects.filter(organisation__in=ids), "organisation"),
        "interests": _counts(
            Interest.objects.filter(proposal__organisation__in=ids), "proposal__organisation"
        )
        + _counts(Interest.objects.filter(organisation__in=ids), "organisation"),
        "requests": _counts(requests.filter(sender__organisation__in=ids), "sender__organisation")
        + _counts(requests.filter(recipient__organisation__in=ids), "recipient__organisation"),
        "scheduled": _counts(
            seats.filter(meeting__slot__isnull=False, meeting__status__in=_scheduled_statuses()),
            "registration__organisation",
            "meeting",
        ),
        "held": _counts(
            seats.filter(meeting__status=MeetingStatus.HELD),
            "registration__organisation",
            "meeting",
        ),
        "outcomes": _counts(
            Outcome.objects.filter(meeting__participants__registration__organisation__in=ids),
            "meeting__participants__registration__organisation",
        )
        + _counts(
            Outcome.objects.filter(interest__proposal__organisation__in=ids),
            "interest__proposal__organisation",
        )
        + _counts(Outcome.objects.filter(interest__organisation__in=ids), "interest__organisation")
        + _counts(
            Outcome.objects.filter(thread__parties__organisation__in=ids),
            "thread__parties__organisation",
        )
        + _counts(
            MeetingOutcome.objects.exclude(kind=OutcomeKind.NONE).filter(
                meeting__participants__registration__organisation__in=ids
            ),
            "meeting__participants__registration__organisation",
        ),
    }
    organisations = Organisation.objects.filter(pk__in=ids).order_by("name")
    return [_stage_row(o.name, counts, o.pk) | {"id": o.pk} for o in organisations]


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


def funnel_totals(rows: list[dict]) -> list[dict]:
    """Rows summed per stage: [{"stage": label, "count": n}]."""
    return [{"stage": str(label), "count": sum(row[key] for row in rows)} for key, label in STAGES]


# Results of events


def event_results() -> list[dict]:
    """Per published event: requests, scheduled, held, outcomes (the funnel's event end)."""
    return [
        {key: row[key] for key in ("group", "requests", "scheduled", "held", "outcomes")}
        for row in funnel_by_event()
    ]


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
    counts = _counts(public_proposals(), "sectors")
    sectors = Sector.objects.filter(pk__in=counts)
    rows = [{"group": sector.label, "count": counts[sector.pk]} for sector in sectors]
    return sorted(rows, key=lambda r: (-r["count"], r["group"]))


def proposals_by_locality() -> list[dict]:
    """Published proposals per locality (today's unit)."""
    counts = _counts(public_proposals(), "locality")
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
    """Per month over the last `months`: interests expressed and accepted (on published
    proposals), meeting requests sent and accepted (at published events)."""
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
        {"month": month.strftime("%Y-%m"), **{name: counts[name] for name in series}}
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
