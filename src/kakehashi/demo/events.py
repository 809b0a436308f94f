"""The demo's events: a festival series whose host rotates and the Meet Japan conference with
its sessions and a one-to-one meeting programme ready for the scheduler."""

import datetime as dt

from kakehashi.accounts.models import User
from kakehashi.demo.event_day_remote import load_remote_delegation
from kakehashi.demo.places import Places
from kakehashi.directory.models import Membership, Organisation, Person
from kakehashi.events.models import (
    Event,
    EventSeries,
    Interpreter,
    Meeting,
    MeetingParticipant,
    MeetingPeriod,
    MeetingRequest,
    MeetingSlot,
    MeetingTable,
    Registration,
    RegistrationStatus,
    RequestStatus,
    Session,
)
from kakehashi.events.services.meetings import interpreting_need


def load_events(places: Places, users: dict[str, User]) -> int:
    """A conference and a festival series whose host rotates, all marked demo."""
    organisers = [places.organisations["hcmc-dofa"], places.organisations["osaka-intl"]]
    festival, _created = EventSeries.objects.update_or_create(
        slug="vietnam-japan-festival",
        defaults={
            "name_en": "Vietnam–Japan Festival (demo)",
            "name_vi": "Lễ hội Việt Nam – Nhật Bản (demo)",
            "name_ja": "ベトナム・日本フェスティバル（デモ）",
            "description": "Held every year since 2013; the host alternates between Ho Chi "
            "Minh City and a Japanese city. Demo record.",
            "is_demo": True,
        },
    )
    editions = [
        ("vj-festival-2025", 2025, "vn:79", "23 September Park, Ho Chi Minh City"),
        ("vj-festival-2026", 2026, "jp:271004", "Osaka Castle Park"),
        ("vj-festival-2027", 2027, "vn:79", "23 September Park, Ho Chi Minh City"),
    ]
    events = []
    for slug, year, host, venue in editions:
        events.append(
            _upsert_event(
                slug,
                organisers,
                series=festival,
                name_en=f"Vietnam–Japan Festival {year} (demo)",
                name_vi=f"Lễ hội Việt Nam – Nhật Bản {year} (demo)",
                name_ja=f"ベトナム・日本フェスティバル{year}（デモ）",
                host_locality=places.locality(host),
                venue=venue,
                starts_on=dt.date(year, 2, 21),
                ends_on=dt.date(year, 2, 22),
            )
        )
    conference = _upsert_event(
        "meet-japan-2027",
        organisers,
        name_en="Meet Japan 2027 (demo)",
        name_vi="Gặp gỡ Nhật Bản 2027 (demo)",
        name_ja="ミート・ジャパン2027（デモ）",
        host_locality=places.locality("vn:01"),
        venue="National Convention Center, Hanoi",
        starts_on=dt.date(2027, 3, 10),
        ends_on=dt.date(2027, 3, 10),
        capacity=300,
        description="Provincial leaders, Japanese agencies, associations and companies meet "
        "in plenary and one-to-one working meetings. Demo record.",
    )
    zone = dt.timezone(dt.timedelta(hours=7))
    for title, kind, start, end in [
        ("Opening plenary: cooperation between localities", "plenary", (8, 30), (10, 0)),
        ("Coffee break", "break", (10, 0), (10, 30)),
        ("Panel: digital transformation and smart cities", "panel", (10, 30), (12, 0)),
        ("One-to-one working meetings", "other", (13, 30), (17, 0)),
    ]:
        Session.objects.update_or_create(
            event=conference,
            title=title,
            defaults={
                "kind": kind,
                "starts_at": dt.datetime(2027, 3, 10, *start, tzinfo=zone),
                "ends_at": dt.datetime(2027, 3, 10, *end, tzinfo=zone),
                "room": "Hall A",
            },
        )
    _load_meeting_programme(conference, places, users)
    load_remote_delegation(conference, places.organisations)
    return len(events) + 1


# Delegations at Meet Japan: organisation key, lead (demo account or invented person),
# languages, approved?
DELEGATIONS = [
    ("hcmc-dofa", "hcmc", ["vi", "en"], True),
    ("hanoi-dpi", "Phạm Quốc Huy (demo)", ["vi"], True),
    ("hue-heritage", "Lê Minh Châu (demo)", ["vi"], True),
    ("saigon-coldchain", "coldchain", ["vi", "en"], False),
    ("osaka-intl", "osaka", ["ja"], True),
    ("naniwa-robotics", "robotics", ["ja", "en"], True),
    ("kansai-vn-business", "山本 大輔（デモ）", ["ja", "en"], True),
    ("kitakyushu-ecotech", "Kimura Aya (demo)", ["ja", "en"], True),
]
# Accepted requests between them (sender, recipient, priority).
ACCEPTED_REQUESTS = [
    ("hcmc-dofa", "osaka-intl", 3),
    ("hcmc-dofa", "naniwa-robotics", 1),
    ("hcmc-dofa", "kitakyushu-ecotech", 1),
    ("hanoi-dpi", "osaka-intl", 1),
    ("hanoi-dpi", "naniwa-robotics", 3),
    ("hanoi-dpi", "kansai-vn-business", 1),
    ("hue-heritage", "kansai-vn-business", 1),
    ("hue-heritage", "osaka-intl", 1),
    ("naniwa-robotics", "kitakyushu-ecotech", 1),
]
# Requests still waiting for the recipient's answer (robotics@ sees one on its start page).
PENDING_REQUESTS = [
    ("kansai-vn-business", "naniwa-robotics", 1),
]


def _load_meeting_programme(conference: Event, places: Places, users: dict[str, User]) -> None:
    """Slots, tables, interpreters, approved delegations and accepted requests, so that an
    organiser can run the scheduler on the demo straight away."""
    zone = dt.timezone(dt.timedelta(hours=7))
    start = dt.datetime(2027, 3, 10, 13, 30, tzinfo=zone)
    for index in range(10):
        MeetingSlot.objects.update_or_create(
            event=conference,
            starts_at=start + dt.timedelta(minutes=20 * index),
            defaults={"ends_at": start + dt.timedelta(minutes=20 * (index + 1))},
        )
    MeetingPeriod.objects.update_or_create(
        event=conference,
        starts_at=start,
        defaults={"ends_at": start + dt.timedelta(hours=3, minutes=20)},
    )
    # Tables are named by a code that reads the same in every language ("A1"), as the room's
    # signs are; pages say "Table" / "Bàn" / "テーブル" around it.
    for number in range(1, 5):
        # Demo databases loaded before the codes had "Table N": renamed, not doubled.
        MeetingTable.objects.filter(event=conference, name=f"Table {number}").update(
            name=f"A{number}"
        )
        MeetingTable.objects.update_or_create(
            event=conference, name=f"A{number}", defaults={"seats": 4 if number < 4 else 6}
        )
    for name in ["Nguyễn Hải Yến (demo)", "Suzuki Mai (demo)"]:
        Interpreter.objects.update_or_create(
            event=conference, name=name, defaults={"languages": ["ja", "vi"]}
        )
    registrations = {}
    for key, lead, languages, approved in DELEGATIONS:
        organisation = places.organisations[key]
        if lead in users:
            person = users[lead].person
        else:
            person, _created = Person.objects.get_or_create(
                full_name=lead, defaults={"is_demo": True}
            )
            Membership.objects.get_or_create(person=person, organisation=organisation)
        registrations[key], _created = Registration.objects.update_or_create(
            event=conference,
            organisation=organisation,
            defaults={
                "lead": person,
                "languages": languages,
                "status": RegistrationStatus.APPROVED if approved else RegistrationStatus.PENDING,
            },
        )
    for sender, recipient, priority in ACCEPTED_REQUESTS:
        request, created = MeetingRequest.objects.get_or_create(
            event=conference,
            sender=registrations[sender],
            recipient=registrations[recipient],
            defaults={"priority": priority, "status": RequestStatus.ACCEPTED},
        )
        if created:
            members = [registrations[sender], registrations[recipient]]
            meeting = Meeting.objects.create(
                event=conference,
                request=request,
                weight=priority,
                interpreting=interpreting_need(members),
            )
            for member in members:
                MeetingParticipant.objects.create(meeting=meeting, registration=member)
    for sender, recipient, priority in PENDING_REQUESTS:
        MeetingRequest.objects.get_or_create(
            event=conference,
            sender=registrations[sender],
            recipient=registrations[recipient],
            defaults={"priority": priority, "status": RequestStatus.PENDING},
        )


def _upsert_event(slug: str, organisers: list[Organisation], **fields) -> Event:
    event, _created = Event.objects.update_or_create(
        slug=slug, defaults={"is_published": True, "is_demo": True, **fields}
    )
    event.organisers.set(organisers)
    return event
