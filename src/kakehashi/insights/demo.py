"""Demo results for the dashboards, all marked demo: the 2025 Vietnam–Japan Festival (a past
demo event) gets a small one-to-one programme whose meetings were held, expressions of
interest in demo proposals are accepted, and outcomes follow both. Idempotent.

Called from the demo loader after events and proposals: `load_insights_demo(places, users)`
with the loader's `places` (its `organisations` by key) and `users` (with "admin")."""

import datetime as dt

from django.db import transaction

from kakehashi.events.models import (
    Event,
    Meeting,
    MeetingParticipant,
    MeetingRequest,
    MeetingSlot,
    MeetingStatus,
    MeetingTable,
    Registration,
    RegistrationStatus,
    RequestStatus,
)
from kakehashi.insights.models import Outcome, OutcomeKind
from kakehashi.insights.services import record_outcome
from kakehashi.proposals.models import Interest, InterestStatus, Proposal, ProposalStatus

EVENT_SLUG = "vj-festival-2025"
# (sender, recipient, held?) between demo organisations (keys of the demo loader).
MEETINGS = [
    ("hcmc-dofa", "osaka-intl", True),
    ("hcmc-dofa", "naniwa-robotics", True),
    ("hanoi-dpi", "naniwa-robotics", True),
    ("hue-heritage", "kansai-vn-business", True),
    ("hanoi-dpi", "kitakyushu-ecotech", False),
    ("hue-heritage", "osaka-intl", False),
]
# Attended the festival by video from Osaka: its meetings there took no table.
REMOTE_DELEGATION = "naniwa-robotics"
# Meeting number in MEETINGS -> (outcome, amount, currency).
MEETING_OUTCOMES = {
    0: (OutcomeKind.MOU_SIGNED, None, ""),
    1: (OutcomeKind.CONTRACT, "250000", "USD"),
    2: (OutcomeKind.INVESTMENT, "12000000", "USD"),
    3: (OutcomeKind.TRAINING, None, ""),
}


@transaction.atomic
def load_insights_demo(places, users) -> int:
    """Add the demo programme and outcomes; returns how many demo outcomes exist."""
    admin = users["admin"]
    event = Event.objects.filter(slug=EVENT_SLUG).first()
    organisations = places.organisations
    if event is not None and all(k in organisations for m in MEETINGS for k in m[:2]):
        _festival_meetings(event, organisations, admin)
    _interest_outcomes(organisations, admin)
    return Outcome.objects.filter(is_demo=True).count()


def _festival_meetings(event, organisations, admin) -> None:
    zone = dt.timezone(dt.timedelta(hours=7))
    start = dt.datetime(event.starts_on.year, 2, 21, 14, 0, tzinfo=zone)
    slots = [
        MeetingSlot.objects.get_or_create(
            event=event,
            starts_at=start + dt.timedelta(minutes=30 * i),
            defaults={"ends_at": start + dt.timedelta(minutes=30 * (i + 1))},
        )[0]
        for i in range(len(MEETINGS))
    ]
    table, _created = MeetingTable.objects.get_or_create(event=event, name="A1")
    registrations = {}
    for key in dict.fromkeys(k for m in MEETINGS for k in m[:2]):
        organisation = organisations[key]
        lead = organisation.people.order_by("pk").first()
        if lead is None:
            return
        registrations[key], _created = Registration.objects.get_or_create(
            event=event,
            organisation=organisation,
            defaults={
                "lead": lead,
                "languages": ["vi"],
                "status": RegistrationStatus.APPROVED,
                "attends_remotely": key == REMOTE_DELEGATION,
            },
        )
    for number, (sender, recipient, held) in enumerate(MEETINGS):
        request, created = MeetingRequest.objects.get_or_create(
            event=event,
            sender=registrations[sender],
            recipient=registrations[recipient],
            defaults={"status": RequestStatus.ACCEPTED},
        )
        if not created:
            continue
        remote = REMOTE_DELEGATION in (sender, recipient)
        meeting = Meeting.objects.create(
            event=event,
            request=request,
            slot=slots[number],
            table=None if remote else table,
            published_slot=slots[number],
            published_table=None if remote else table,
            status=MeetingStatus.HELD if held else MeetingStatus.SCHEDULED,
        )
        for registration in (registrations[sender], registrations[recipient]):
            MeetingParticipant.objects.create(
                meeting=meeting, registration=registration, slot=slots[number]
            )
        if number in MEETING_OUTCOMES:
            kind, amount, currency = MEETING_OUTCOMES[number]
            record_outcome(
                kind=kind,
                meeting=meeting,
                occurred_on=dt.date(event.starts_on.year, 6, 1 + number),
                amount=amount,
                currency=currency,
                note="Demo outcome.",
                publish_partnership=True,
                is_demo=True,
                by=admin,
            )
    # A request still waiting shows in the funnel too.
    MeetingRequest.objects.get_or_create(
        event=event,
        sender=registrations["hcmc-dofa"],
        recipient=registrations["kansai-vn-business"],
        defaults={"status": RequestStatus.PENDING},
    )


def _interest_outcomes(organisations, admin) -> None:
    """Accepted interests in up to three published demo proposals, each followed by an
    outcome (investment or contract) recorded by the platform administrator."""
    proposals = Proposal.objects.filter(is_demo=True, status=ProposalStatus.PUBLISHED).order_by(
        "pk"
    )[:3]
    interested = [organisations[k] for k in ("osaka-intl", "hcmc-dofa") if k in organisations]
    for index, proposal in enumerate(proposals):
        organisation = next((o for o in interested if o.pk != proposal.organisation_id), None)
        if organisation is None:
            continue
        interest, created = Interest.objects.get_or_create(
            proposal=proposal,
            organisation=organisation,
            status=InterestStatus.ACCEPTED,
            defaults={"message": "Demo: we would like to discuss this.", "created_by": admin},
        )
        if created:
            investment = index % 2 == 0
            record_outcome(
                kind=OutcomeKind.INVESTMENT if investment else OutcomeKind.CONTRACT,
                interest=interest,
                occurred_on=dt.date(2026, 9, 1 + index),
                amount="3500000" if investment else "80000",
                currency="USD",
                note="Demo outcome.",
                is_demo=True,
                by=admin,
            )
