"""Known data for the insights tests: the conference of tests/events/builders.py with
proposals, interests, requests, meetings and outcomes whose counts are worked out by hand
in test_funnel.py."""

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from kakehashi.directory.models import OrganisationKind, Sector
from kakehashi.events import services as events
from kakehashi.events.models import IntentionKind, Meeting, MeetingSlot, MeetingTable
from kakehashi.insights import services
from kakehashi.insights.models import OutcomeKind as Realised
from kakehashi.messaging import services as messaging
from kakehashi.obstacles import services as obstacles
from kakehashi.obstacles.models import Obstacle, RoutingRule
from kakehashi.partnerships.models import PartnershipKind
from kakehashi.proposals.models import Interest, InterestStatus
from tests.events.builders import AFTER_THE_EVENT, build_conference
from tests.factories import OrganisationFactory, locality, member_of, partnership_between
from tests.messaging.factories import admin_of, japanese_company, vietnamese_company
from tests.proposals.factories import ProposalFactory, published


@dataclass
class World:
    event: object
    organiser: object
    delegations: dict
    proposals: dict
    interests: dict
    meetings: dict
    obstacles: dict


def build_world() -> World:
    event, organiser, delegations = build_conference()
    org = {key: registration.organisation for key, (registration, _user) in delegations.items()}
    user = {key: u for key, (_registration, u) in delegations.items()}
    agriculture, trade = Sector.objects.get(key="agriculture"), Sector.objects.get(key="trade")
    org["danang"].sectors.set([agriculture])
    hanoi_company = OrganisationFactory(locality=locality("hanoi"))

    proposals = {
        "p1": published(organisation=org["danang"]),
        "p2": published(organisation=org["osaka"]),
        "p3": ProposalFactory(organisation=org["hue"]),  # a draft: not public
        "p4": published(organisation=hanoi_company),  # its owner is not at the event
    }
    proposals["p1"].sectors.set([agriculture])
    proposals["p2"].sectors.set([agriculture, trade])

    def interest(proposal, organisation, status):
        return Interest.objects.create(
            proposal=proposal,
            organisation=organisation,
            message="We are interested.",
            status=status,
        )

    interests = {
        "aichi_p1": interest(proposals["p1"], org["aichi"], InterestStatus.ACCEPTED),
        "osaka_p1": interest(proposals["p1"], org["osaka"], InterestStatus.PENDING),
        "hue_p2": interest(proposals["p2"], org["hue"], InterestStatus.ACCEPTED),
        "danang_p4": interest(proposals["p4"], org["danang"], InterestStatus.DECLINED),
    }

    reg = {key: registration for key, (registration, _u) in delegations.items()}
    r1 = events.send_request(sender=reg["danang"], recipient=reg["osaka"], by=user["danang"])
    r2 = events.send_request(sender=reg["hue"], recipient=reg["aichi"], by=user["hue"])
    events.send_request(sender=reg["danang"], recipient=reg["aichi"], by=user["danang"])
    events.answer_request(meeting_request=r1, accept=True, by=user["osaka"])
    events.answer_request(meeting_request=r2, accept=True, by=user["aichi"])
    m1 = Meeting.objects.get(request=r1)
    m2 = Meeting.objects.get(request=r2)
    m3 = events.add_organiser_meeting(
        event=event, registrations=[reg["osaka"], reg["hue"]], weight=1, by=organiser
    )
    slots = list(MeetingSlot.objects.filter(event=event))
    tables = list(MeetingTable.objects.filter(event=event).order_by("name"))
    events.place_meeting(meeting=m1, slot=slots[0], table=tables[0], by=organiser)
    events.place_meeting(meeting=m2, slot=slots[0], table=tables[2], by=organiser)
    events.place_meeting(meeting=m3, slot=slots[1], table=tables[0], by=organiser)
    events.record_attendance(meeting=m1, held=True, by=organiser, now=AFTER_THE_EVENT)
    events.record_attendance(meeting=m2, held=True, by=organiser, now=AFTER_THE_EVENT)
    for meeting in (m1, m2):
        meeting.refresh_from_db()

    events.record_outcome(meeting=m2, kind=IntentionKind.FOLLOW_UP, by=user["hue"])
    events.record_outcome(meeting=m2, kind=IntentionKind.NONE, by=user["aichi"])  # not counted
    services.record_outcome(
        kind=Realised.MOU_SIGNED, meeting=m1, occurred_on=dt.date(2026, 11, 1), by=user["danang"]
    )
    services.record_outcome(
        kind=Realised.INVESTMENT,
        interest=interests["aichi_p1"],
        occurred_on=dt.date(2026, 11, 2),
        amount="1000000",
        currency="USD",
        by=user["aichi"],
    )
    # Published agreements between localities (a Binh Duong one counts for Ho Chi Minh City).
    partnership_between(
        locality("da-nang"), locality("osaka-prefecture"), signed_on=dt.date(2019, 5, 1)
    )
    partnership_between(
        locality("binh-duong-before-2025"),
        locality("aichi-prefecture"),
        signed_on=dt.date(2023, 3, 1),
        kind=PartnershipKind.SISTER_CITY,
    )
    partnership_between(
        locality("hue"),
        locality("aichi-prefecture"),
        signed_on=dt.date(2023, 9, 1),
        is_published=False,
    )
    return World(
        event=event,
        organiser=organiser,
        delegations=delegations,
        proposals=proposals,
        interests=interests,
        meetings={"m1": m1, "m2": m2, "m3": m3},
        obstacles=build_obstacles(),
    )


# (key, locality, days from filing to closing or None when open, how it ends, public?,
#  overdue?) for build_obstacles.
OBSTACLES = [
    ("a1", "ho-chi-minh-city", 2, "resolved", True, False),
    ("a2", "binh-duong-before-2025", 10, "resolved", False, False),
    ("a3", "ho-chi-minh-city", 30, "unresolvable", False, False),
    ("a4", "ho-chi-minh-city", None, "received", False, True),
    ("a5", "ho-chi-minh-city", None, "assigned", False, False),
    ("b1", "quang-nam-before-2025", 4, "resolved", True, False),
    ("b2", "da-nang", 6, "unresolvable", False, False),
    ("b3", "da-nang", None, "in_progress", False, True),
    ("n1", "hanoi", None, "received", False, False),
]


def build_obstacles() -> dict[str, Obstacle]:
    """Obstacles with known times: the HCMC Department of Finance answers for Ho Chi Minh
    City (and Binh Duong, merged into it), Da Nang's People's Committee for Da Nang (and
    Quang Nam); no rule covers Hanoi. Filing and closing times are then set to known values
    (the workflow stamps the present), 60 days ago plus the days in OBSTACLES."""
    business = OrganisationFactory(name="Obstacle Reporting Company")
    reporter = member_of(business)
    authorities = {
        "a": OrganisationFactory(
            name="Sở Tài chính TP.HCM",
            name_en="HCMC Department of Finance",
            kind=OrganisationKind.LOCAL_GOVERNMENT,
            language="vi",
        ),
        "b": OrganisationFactory(
            name="UBND TP Đà Nẵng",
            name_en="Da Nang People's Committee",
            kind=OrganisationKind.LOCAL_GOVERNMENT,
            language="vi",
            locality=locality("da-nang"),
        ),
    }
    officers = {key: member_of(authority) for key, authority in authorities.items()}
    for key, place in (("a", "ho-chi-minh-city"), ("b", "da-nang")):
        RoutingRule.objects.create(
            locality=locality(place), country="VN", authority=authorities[key]
        )
    filed_at = timezone.now() - dt.timedelta(days=60)
    today = timezone.localdate()
    made = {}
    for key, place, days, status, public, overdue in OBSTACLES:
        obstacle = obstacles.file_obstacle(
            data=obstacles.ObstacleInput(
                title=f"Obstacle {key}",
                category="licences",
                locality=locality(place),
                description=f"Description of obstacle {key}.",
                language="en",
            ),
            organisation=business,
            by=reporter,
        )
        officer = officers.get(key[0])
        if status != "received":
            obstacles.assign(obstacle=obstacle, owner=officer, by=officer)
        if status == "in_progress":
            obstacles.start(obstacle=obstacle, by=officer)
        if status in ("resolved", "unresolvable"):
            close = obstacles.resolve if status == "resolved" else obstacles.cannot_resolve
            close(
                obstacle=obstacle,
                reason=f"How {key} ended.",
                public_summary=f"Public summary of obstacle {key}." if public else "",
                by=officer,
            )
        Obstacle.objects.filter(pk=obstacle.pk).update(
            created_at=filed_at,
            closed_at=filed_at + dt.timedelta(days=days) if days is not None else None,
            deadline=today + dt.timedelta(days=-1 if overdue else 10),
        )
        obstacle.refresh_from_db()
        made[key] = obstacle
    return made


def build_conversation():
    """A thread between a Da Nang company (agriculture) and an Osaka one, about nothing in
    particular: (thread, vn, jp, lan of vn, sato of jp), Lan and Sato administrators."""
    vn = vietnamese_company(locality=locality("da-nang"))
    jp = japanese_company()
    vn.sectors.set([Sector.objects.get(key="agriculture")])
    lan, sato = admin_of(vn), admin_of(jp)
    thread = messaging.open_thread(
        subject="Rice drying line", from_organisation=vn, to_organisation=jp, by=lan, body="Hello"
    )
    return thread, vn, jp, lan, sato
