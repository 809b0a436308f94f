"""The funnel: proposals, expressions of interest, meetings requested, scheduled, held and
followed by an outcome, per published event, locality or sector, for one's own
organisations, and once over everything.

The meeting stages are nested, so each row reads as a funnel (requested ≥ scheduled ≥ held ≥
with an outcome, per row and so in total). They follow one meeting from its request:

- requested: a meeting request between two delegations, or a meeting the organisers
  arranged without one;
- scheduled: its meeting is placed in a slot and not cancelled (or was held);
- held: its meeting is marked held;
- with an outcome: held, and followed by an outcome (a result recorded on the meeting,
  `Outcome`, or a follow-up the delegations agreed, `events.MeetingOutcome`).

A meeting counts once for each group it involves: for each locality (today's unit: a
merged Vietnamese province counts for its successor) or sector of its delegations'
organisations, once even when both parties share it; for its event. Proposals count at
their locality and sectors, interests at their proposal's; outcomes that followed an
expression of interest or a conversation, not a meeting, are counted apart
(`other_outcomes`: the outcome's own locality, the proposal's or the conversation's
organisations' sectors), since no meeting stage leads to them.

Public figures count published records only (figures.public_*)."""

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kakehashi.directory.models import Locality, Organisation, Sector
from kakehashi.events.models import (
    Event,
    IntentionKind,
    MeetingOutcome,
    MeetingParticipant,
    MeetingRequest,
    MeetingStatus,
    RegistrationStatus,
)
from kakehashi.insights import figures
from kakehashi.insights.figures import count_by
from kakehashi.insights.models import Outcome
from kakehashi.proposals.models import Interest, Proposal

STAGES = [
    ("proposals", _("Proposals")),
    ("interests", _("Expressions of interest")),
    ("requests", _("Meetings requested")),
    ("scheduled", _("Meetings scheduled")),
    ("held", _("Meetings held")),
    ("outcomes", _("Meetings with an outcome")),
]
STAGE_KEYS = [key for key, _label in STAGES]
MEETING_STAGES = ["requests", "scheduled", "held", "outcomes"]
OTHER_OUTCOMES = ("other_outcomes", _("Outcomes of interests and conversations"))
COLUMNS = [*STAGES, OTHER_OUTCOMES]
KEYS = [key for key, _label in COLUMNS]


@dataclass
class MeetingPath:
    """One requested meeting and how far it went."""

    event: int
    organisations: set[int] = field(default_factory=set)
    meeting: int | None = None
    scheduled: bool = False
    held: bool = False

    def stages(self, followed: set[int]) -> list[str]:
        reached = ["requests"]
        if self.scheduled or self.held:
            reached.append("scheduled")
        if self.held:
            reached.append("held")
            if self.meeting in followed:
                reached.append("outcomes")
        return reached


def meeting_paths(requests, participants) -> list[MeetingPath]:
    """The requested meetings of these requests and meeting seats (two queries): one path
    per request, and one per meeting arranged without a request."""
    paths: dict[tuple[str, int], MeetingPath] = {}
    rows = requests.order_by().values_list(
        "pk", "event", "sender__organisation", "recipient__organisation"
    )
    for pk, event, sender, recipient in rows:
        paths[("r", pk)] = MeetingPath(event=event, organisations={sender, recipient})
    seats = participants.order_by().values_list(
        "meeting",
        "meeting__request",
        "meeting__event",
        "meeting__status",
        "meeting__slot",
        "registration__organisation",
    )
    for meeting, request, event, status, slot, organisation in seats:
        key = ("r", request) if request else ("m", meeting)
        path = paths.setdefault(key, MeetingPath(event=event))
        path.organisations.add(organisation)
        path.meeting = meeting
        path.held = status == MeetingStatus.HELD
        path.scheduled = slot is not None and status != MeetingStatus.CANCELLED
    return list(paths.values())


def followed_meetings(outcomes, meeting_outcomes) -> set[int]:
    """Meetings with an outcome (two queries)."""
    found = set(outcomes.filter(meeting__isnull=False).values_list("meeting", flat=True))
    return found | set(meeting_outcomes.values_list("meeting", flat=True))


def count_paths(
    paths: Iterable[MeetingPath], followed: set[int], groups_of: Callable[[MeetingPath], set]
) -> dict[str, Counter]:
    """{stage: {group: meetings}}, each meeting once per group it involves."""
    counts = {stage: Counter() for stage in MEETING_STAGES}
    for path in paths:
        groups = groups_of(path)
        for stage in path.stages(followed):
            counts[stage].update(groups)
    return counts


def public_paths() -> tuple[list[MeetingPath], set[int]]:
    """The requested meetings of published events and those followed by an outcome (four
    queries), for the funnels below; a page showing two of them reads them once."""
    paths = meeting_paths(figures.public_requests(), figures.public_participants())
    followed = followed_meetings(figures.public_outcomes(), figures.public_meeting_outcomes())
    return paths, followed


def _organisations(paths: list[MeetingPath]) -> set[int]:
    return set().union(*(path.organisations for path in paths)) - {None}


def _row(name: str, counts: dict[str, Counter], key) -> dict:
    return {"group": name, **{column: counts[column][key] for column in KEYS}}


def _sorted(rows: list[dict]) -> list[dict]:
    return sorted(rows, key=lambda row: (-sum(row[s] for s in STAGE_KEYS), row["group"]))


def funnel_by_event(public: tuple | None = None) -> list[dict]:
    """One row per published event: proposals and interests of the organisations with an
    approved delegation there, and its meetings."""
    events = list(Event.objects.filter(is_published=True).order_by("-starts_on", "pk"))
    delegations = Q(
        organisation__registrations__event__is_published=True,
        organisation__registrations__status=RegistrationStatus.APPROVED,
    )
    paths, followed = public or public_paths()
    counts = {
        "proposals": count_by(
            figures.public_proposals().filter(delegations), "organisation__registrations__event"
        ),
        "interests": count_by(
            figures.public_interests().filter(
                proposal__organisation__registrations__event__is_published=True,
                proposal__organisation__registrations__status=RegistrationStatus.APPROVED,
            ),
            "proposal__organisation__registrations__event",
        ),
        **count_paths(paths, followed, lambda path: {path.event}),
        "other_outcomes": Counter(),
    }
    return [_row(event.name, counts, event.pk) | {"id": event.pk} for event in events]


def _today_units(ids: set[int]) -> dict[int, Locality]:
    """{locality id: the unit in force today} for these localities (two queries)."""
    found = {place.pk: place for place in Locality.objects.filter(pk__in=ids)}
    successors = {place.successor_id for place in found.values() if place.successor_id}
    found.update({p.pk: p for p in Locality.objects.filter(pk__in=successors - set(found))})
    return {
        pk: found[place.successor_id] if place.successor_id else place
        for pk, place in found.items()
        if pk in ids
    }


def funnel_by_locality(public: tuple | None = None) -> list[dict]:
    """One row per locality (today's unit) with anything in the funnel."""
    paths, followed = public or public_paths()
    organisations = _organisations(paths)
    place_of = dict(
        Organisation.objects.filter(pk__in=organisations, locality__isnull=False).values_list(
            "pk", "locality"
        )
    )
    by_place = {
        "proposals": count_by(figures.public_proposals(), "locality"),
        "interests": count_by(figures.public_interests(), "proposal__locality"),
        "other_outcomes": count_by(
            figures.public_outcomes().filter(meeting__isnull=True), "locality"
        ),
    }
    units = _today_units(set(place_of.values()).union(*by_place.values()))
    counts = {stage: _merged(counter, units) for stage, counter in by_place.items()}
    counts |= count_paths(
        paths,
        followed,
        lambda path: {units[place_of[o]] for o in path.organisations if o in place_of},
    )
    found = set().union(*counts.values())
    return _sorted([_row(place.name, counts, place) | {"id": place.pk} for place in found])


def _merged(counter: Counter, units: dict[int, Locality]) -> Counter:
    merged = Counter()
    for pk, n in counter.items():
        merged[units[pk]] += n
    return merged


def funnel_by_sector(public: tuple | None = None) -> list[dict]:
    """One row per sector with anything in the funnel."""
    paths, followed = public or public_paths()
    sectors_of = defaultdict(set)
    links = Organisation.sectors.through.objects.filter(organisation__in=_organisations(paths))
    for organisation, sector in links.values_list("organisation", "sector"):
        sectors_of[organisation].add(sector)
    others = figures.public_outcomes()
    counts = {
        "proposals": count_by(figures.public_proposals(), "sectors"),
        "interests": count_by(figures.public_interests(), "proposal__sectors"),
        **count_paths(
            paths,
            followed,
            lambda path: set().union(*(sectors_of[o] for o in path.organisations)),
        ),
        "other_outcomes": count_by(
            others.filter(interest__isnull=False), "interest__proposal__sectors"
        )
        + count_by(others.filter(thread__isnull=False), "thread__parties__organisation__sectors"),
    }
    sectors = Sector.objects.filter(pk__in=set().union(*counts.values()))
    return _sorted([_row(sector.label, counts, sector.pk) for sector in sectors])


def organisation_funnel(organisation_ids: set[int]) -> list[dict]:
    """The funnel of each of these organisations, all their records included (for their
    members): their proposals in any status, the interests they received or sent, the
    meetings they requested, were asked for or were put in, and what followed."""
    if not organisation_ids:
        return []
    ids = organisation_ids
    requests = MeetingRequest.objects.filter(
        Q(sender__organisation__in=ids) | Q(recipient__organisation__in=ids)
    )
    seats = MeetingParticipant.objects.filter(
        meeting__in=MeetingParticipant.objects.filter(registration__organisation__in=ids).values(
            "meeting"
        )
    )
    paths = meeting_paths(requests, seats)
    followed = followed_meetings(
        Outcome.objects.filter(meeting__in=[p.meeting for p in paths if p.meeting]),
        MeetingOutcome.objects.exclude(kind=IntentionKind.NONE).filter(
            meeting__in=[p.meeting for p in paths if p.meeting]
        ),
    )
    others = Outcome.objects.filter(meeting__isnull=True)
    counts = {
        "proposals": count_by(Proposal.objects.filter(organisation__in=ids), "organisation"),
        "interests": count_by(
            Interest.objects.filter(proposal__organisation__in=ids), "proposal__organisation"
        )
        + count_by(Interest.objects.filter(organisation__in=ids), "organisation"),
        **count_paths(paths, followed, lambda path: path.organisations & ids),
        "other_outcomes": count_by(
            others.filter(interest__proposal__organisation__in=ids),
            "interest__proposal__organisation",
        )
        + count_by(others.filter(interest__organisation__in=ids), "interest__organisation")
        + count_by(
            others.filter(thread__parties__organisation__in=ids), "thread__parties__organisation"
        ),
    }
    organisations = Organisation.objects.filter(pk__in=ids).order_by("name")
    return [_row(o.name, counts, o.pk) | {"id": o.pk} for o in organisations]


def funnel_overall(public: tuple | None = None) -> dict:
    """Every public record counted once: the funnel of the whole platform."""
    paths, followed = public or public_paths()
    counts = {
        "proposals": Counter({"all": figures.public_proposals().count()}),
        "interests": Counter({"all": figures.public_interests().count()}),
        **count_paths(paths, followed, lambda path: {"all"}),
        "other_outcomes": Counter(
            {"all": figures.public_outcomes().filter(meeting__isnull=True).count()}
        ),
    }
    return _row("", counts, "all")


def funnel_totals(rows: list[dict]) -> list[dict]:
    """Rows summed per column: [{"stage": label, "count": n}] (a meeting between two
    localities counts in both rows, so in the sum twice)."""
    return [{"stage": str(label), "count": sum(row[key] for row in rows)} for key, label in COLUMNS]


def event_results() -> list[dict]:
    """Per published event: meetings requested, scheduled, held and with an outcome."""
    return [{key: row[key] for key in ("group", *MEETING_STAGES)} for row in funnel_by_event()]
