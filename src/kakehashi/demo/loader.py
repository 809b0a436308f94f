"""Demo data: every row of the real partnership list (shared/data/vn_jp_partnerships.csv, kept
in partnerships/data/ with its structured reading in partnerships.json), plus invented
organisations, people and accounts, each marked `is_demo` so no one mistakes them for real.

Idempotent: running it again updates the same records."""

import csv
import datetime as dt
import json
from pathlib import Path

from django.db import transaction

from kakehashi.accounts.models import User
from kakehashi.common.dates import parse_partial_date
from kakehashi.demo.event_day_badges import load_event_day
from kakehashi.demo.event_day_feedback import load_event_day_feedback
from kakehashi.demo.event_day_remote import load_remote_delegation
from kakehashi.demo.messaging import load_conversations
from kakehashi.demo.name_translations import load_demo_translations
from kakehashi.demo.news import load_news_articles
from kakehashi.demo.obstacles import load_obstacles
from kakehashi.demo.proposals import load_proposals
from kakehashi.demo.record_translations import (
    load_demo_partnership_translations,
    load_partnership_translations,
    partnership_translations,
)
from kakehashi.directory.models import (
    Country,
    Locality,
    Membership,
    MembershipRole,
    Organisation,
    Person,
    Sector,
)
from kakehashi.directory.reference import VN_REFORM_DATE, load_reference
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
from kakehashi.insights.demo import load_insights_demo
from kakehashi.matching.services import rebuild_index
from kakehashi.partnerships.models import (
    DelegationVisit,
    Partnership,
    PriorityList,
    PriorityPartner,
)
from kakehashi.partnerships.services import (
    PartnershipInput,
    PartyInput,
    RenewalInput,
    create_partnership,
    update_partnership,
)

PARTNERSHIP_DATA = Path(__file__).resolve().parent.parent / "partnerships" / "data"
DEMO_PASSWORD = "kakehashi-demo"
DEMO_DOMAIN = "demo.kakehashi.local"

# Invented organisations. Real ones come from the partnership data.
DEMO_ORGANISATIONS = [
    {
        "key": "hcmc-dofa",
        "name": "Sở Ngoại vụ Thành phố Hồ Chí Minh (demo)",
        "name_en": "Ho Chi Minh City Department of Foreign Affairs (demo)",
        "kind": "local_government",
        "country": "VN",
        "locality": "vn:79",
        "language": "vi",
        "sectors": ["local_cooperation", "investment"],
        "description": "Đầu mối hợp tác quốc tế của Thành phố với các địa phương Nhật Bản. "
        "Bản ghi minh họa.",
    },
    {
        "key": "hanoi-dpi",
        # Departments of Planning and Investment were merged into Departments of Finance
        # on 1 March 2025; the key is kept so that existing references still resolve.
        "name": "Sở Tài chính Hà Nội (demo)",
        "name_en": "Hanoi Department of Finance (demo)",
        "kind": "local_government",
        "country": "VN",
        "locality": "vn:01",
        "language": "vi",
        "sectors": ["investment"],
        "description": "Đăng ký đầu tư và hỗ trợ doanh nghiệp Nhật Bản. Bản ghi minh họa.",
    },
    {
        "key": "osaka-intl",
        "name": "大阪府 国際交流課（デモ）",
        "name_en": "Osaka Prefecture International Affairs Division (demo)",
        "kind": "local_government",
        "country": "JP",
        "locality": "jp:27",
        "language": "ja",
        "sectors": ["local_cooperation", "trade"],
        "description": "ベトナムの地方との交流を担当します。デモ用のデータです。",
    },
    {
        "key": "kansai-vn-business",
        "name": "Kansai–Vietnam Business Association (demo)",
        "name_en": "Kansai–Vietnam Business Association (demo)",
        "kind": "association",
        "country": "JP",
        "locality": "jp:271004",
        "language": "en",
        "sectors": ["trade", "investment", "human_resources"],
        "description": "Companies of the Kansai region doing business with Vietnam. Demo record.",
    },
    {
        "key": "saigon-coldchain",
        "name": "Công ty CP Logistics Lạnh Sài Gòn (demo)",
        "name_en": "Saigon Cold Chain Logistics JSC (demo)",
        "kind": "company",
        "country": "VN",
        "locality": "vn:79",
        "language": "vi",
        "sectors": ["agriculture", "trade"],
        "description": "Kho lạnh và vận tải lạnh cho nông sản xuất khẩu sang Nhật Bản. "
        "Bản ghi minh họa.",
    },
    {
        "key": "naniwa-robotics",
        "name": "なにわロボティクス株式会社（デモ）",
        "name_en": "Naniwa Robotics K.K. (demo)",
        "kind": "company",
        "country": "JP",
        "locality": "jp:271004",
        "language": "ja",
        "sectors": ["digital_transformation", "innovation"],
        "description": "工場自動化ロボットの開発。ベトナムでの合弁先を探しています。"
        "デモ用のデータです。",
    },
    {
        "key": "kitakyushu-ecotech",
        "name": "Kitakyushu Eco-Tech Innovation Centre (demo)",
        "name_en": "Kitakyushu Eco-Tech Innovation Centre (demo)",
        "kind": "innovation_centre",
        "country": "JP",
        "locality": "jp:401005",
        "language": "en",
        "sectors": ["green_growth", "innovation", "smart_city"],
        "description": "Water, waste and energy technology for partner cities. Demo record.",
    },
    {
        "key": "hue-heritage",
        "name": "Hợp tác xã Du lịch Di sản Huế (demo)",
        "name_en": "Hue Heritage Tourism Cooperative (demo)",
        "kind": "other",
        "country": "VN",
        "locality": "vn:46",
        "language": "vi",
        "sectors": ["culture_tourism"],
        "description": "Du lịch di sản và giao lưu văn hóa với các thành phố Nhật Bản. "
        "Bản ghi minh họa.",
    },
]

# (e-mail local part, full name, language, platform admin?, [(organisation key, role, position)])
DEMO_PEOPLE = [
    ("admin", "Platform Administrator (demo)", "en", True, []),
    (
        "hcmc",
        "Nguyễn Thị Lan (demo)",
        "vi",
        False,
        [("hcmc-dofa", MembershipRole.ADMIN, "Trưởng phòng Hợp tác quốc tế")],
    ),
    (
        "osaka",
        "田中 美咲（デモ）",
        "ja",
        False,
        [("osaka-intl", MembershipRole.ADMIN, "国際交流課 主査")],
    ),
    (
        "coldchain",
        "Trần Văn Minh (demo)",
        "vi",
        False,
        [("saigon-coldchain", MembershipRole.MEMBER, "Giám đốc kinh doanh")],
    ),
    (
        "robotics",
        "佐藤 健（デモ）",
        "ja",
        False,
        [
            ("naniwa-robotics", MembershipRole.ADMIN, "海外事業部長"),
            ("kansai-vn-business", MembershipRole.MEMBER, "理事"),
        ],
    ),
]


def demo_email(local_part: str) -> str:
    return f"{local_part}@{DEMO_DOMAIN}"


class Places:
    """Resolves the references used in partnerships.json to localities and organisations."""

    def __init__(self, organisations: dict[str, Organisation]):
        self.organisations = organisations

    def locality(self, ref: str, on: dt.date | None = None) -> Locality:
        scheme, code = ref.split(":")
        if scheme == "jp":
            return Locality.objects.get(country=Country.JAPAN, code=code, is_current=True)
        if scheme == "jp-former":
            return Locality.objects.get(country=Country.JAPAN, code=code, is_current=False)
        if scheme == "vn-now":
            return Locality.objects.get(country=Country.VIETNAM, code=code, is_current=True)
        # A Vietnamese code names the unit in force on the signing date: codes were reused
        # (46 was Thua Thien Hue until 2024, the city of Hue until 30 June 2025, then Hue).
        units = Locality.objects.filter(country=Country.VIETNAM, code=code)
        if on is not None and on < VN_REFORM_DATE:
            former = units.filter(is_current=False, valid_until__gte=on).order_by("valid_until")
            if former.exists():
                return former.first()
        return units.get(is_current=True)

    def party(self, ref: str, name: str, on: dt.date | None) -> PartyInput:
        if ref.startswith("org:"):
            return PartyInput(organisation=self.organisations[ref[4:]], name_as_signed=name)
        return PartyInput(locality=self.locality(ref, on), name_as_signed=name)


def _upsert_organisation(spec: dict, places: Places, *, is_demo: bool) -> Organisation:
    organisation, _created = Organisation.objects.update_or_create(
        name=spec["name"],
        defaults={
            "name_en": spec.get("name_en", ""),
            "kind": spec["kind"],
            "country": spec["country"],
            "locality": places.locality(spec["locality"]),
            "language": spec["language"],
            "website": spec.get("website", ""),
            "description": spec.get("description", ""),
            "is_published": True,
            "is_demo": is_demo,
        },
    )
    organisation.sectors.set(Sector.objects.filter(key__in=spec.get("sectors", [])))
    return organisation


def _upsert_people(organisations: dict[str, Organisation]) -> dict[str, User]:
    users = {}
    for local_part, full_name, language, is_admin, memberships in DEMO_PEOPLE:
        user = User.objects.filter(email=demo_email(local_part)).first()
        if user is None:
            user = User.objects.create_user(
                email=demo_email(local_part), password=DEMO_PASSWORD, full_name=full_name
            )
        user.full_name = full_name
        user.preferred_language = language
        user.email_confirmed = True
        user.is_staff = user.is_superuser = is_admin
        user.save()
        person, _created = Person.objects.update_or_create(
            user=user, defaults={"full_name": full_name, "email": user.email, "is_demo": True}
        )
        for key, role, position in memberships:
            Membership.objects.update_or_create(
                person=person,
                organisation=organisations[key],
                defaults={"role": role, "position": position},
            )
        users[local_part] = user
    return users


def _read_source_rows() -> list[dict[str, str]]:
    with (PARTNERSHIP_DATA / "vn_jp_partnerships.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _partnership_input(entry: dict, source_row: dict, places: Places) -> PartnershipInput:
    signed_on, precision = parse_partial_date(entry["signed"])
    renewals = []
    for date_text, note in entry["renewals"]:
        date, renewal_precision = parse_partial_date(date_text)
        renewals.append(RenewalInput(date=date, precision=renewal_precision, note=note))
    return PartnershipInput(
        title=entry["title"],
        kind=entry["kind"],
        type_as_stated=source_row["type_as_stated"],
        parties=[places.party(p["ref"], p["as"], signed_on) for p in entry["parties"]],
        sectors=list(Sector.objects.filter(key__in=entry["sectors"])),
        signed_on=signed_on,
        signed_precision=precision,
        summary=entry.get("summary", ""),
        language="en",
        sources=[source_row["source_url"]],
        renewals=renewals,
    )


def _load_partnerships(places: Places, admin: User) -> int:
    data = json.loads((PARTNERSHIP_DATA / "partnerships.json").read_text(encoding="utf-8"))
    translations = partnership_translations()
    rows = _read_source_rows()
    if sorted({entry["row"] for entry in data["partnerships"]}) != list(range(1, len(rows) + 1)):
        raise ValueError("partnerships.json must read every row of the CSV")
    for entry in data["partnerships"]:
        row = rows[entry["row"] - 1]
        payload = _partnership_input(entry, row, places)
        existing = (
            Partnership.objects.filter(sources__url=row["source_url"], title=entry["title"])
            .distinct()
            .first()
        )
        if existing is None:
            partnership = create_partnership(data=payload, by=admin)
        else:
            partnership = update_partnership(partnership=existing, data=payload, by=admin)
        load_partnership_translations(partnership, translations)
        if "visit" in entry:
            visit = entry["visit"]
            DelegationVisit.objects.update_or_create(
                partnership=partnership,
                started_on=dt.date.fromisoformat(visit["date"]),
                defaults={
                    "visitor": places.locality(visit["visitor"]),
                    "host": places.locality(visit["host"]),
                    "delegation_lead": visit["lead"],
                    "purpose": visit["purpose"],
                    "source_url": row["source_url"],
                },
            )
    for spec in data["priority_lists"]:
        priority_list, _created = PriorityList.objects.update_or_create(
            locality=places.locality(spec["locality"]),
            title=spec["title"],
            defaults={"period_start": spec["start"], "period_end": spec["end"]},
        )
        for ref, note in spec["partners"]:
            PriorityPartner.objects.update_or_create(
                priority_list=priority_list, partner=places.locality(ref), defaults={"note": note}
            )
    return len(data["partnerships"])


def _load_demo_records(places: Places) -> None:
    """A few invented records beside the real ones, so every page has something to show."""
    hcmc, osaka = places.locality("vn:79"), places.locality("jp:27")
    osaka_agreement = Partnership.objects.filter(sources__url__contains="hochimin-giteisho").first()
    DelegationVisit.objects.update_or_create(
        visitor=hcmc,
        host=osaka,
        started_on=dt.date(2024, 10, 14),
        defaults={
            "partnership": osaka_agreement,
            "ended_on": dt.date(2024, 10, 17),
            "delegation_lead": "Vice-Chairman of the People's Committee (demo)",
            "purpose": "Investment promotion seminar and visits to Osaka companies (demo record).",
            "outcome": "Three companies agreed to visit Ho Chi Minh City's high-tech park.",
            "is_demo": True,
        },
    )


def _load_events(places: Places, users: dict[str, User]) -> int:
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
    for number in range(1, 5):
        MeetingTable.objects.update_or_create(
            event=conference, name=f"Table {number}", defaults={"seats": 4 if number < 4 else 6}
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


@transaction.atomic
def load_demo() -> dict[str, int]:
    load_reference()
    places = Places({})
    real = {
        spec["key"]: _upsert_organisation(spec, places, is_demo=False)
        for spec in json.loads((PARTNERSHIP_DATA / "partnerships.json").read_text("utf-8"))[
            "organisations"
        ]
    }
    demo = {
        spec["key"]: _upsert_organisation(spec, places, is_demo=True) for spec in DEMO_ORGANISATIONS
    }
    places.organisations = real | demo
    users = _upsert_people(places.organisations)
    partnerships = _load_partnerships(places, users["admin"])
    _load_demo_records(places)
    events = _load_events(places, users)
    load_demo_translations(places.organisations, users)
    proposals = load_proposals(places, users)
    obstacles = load_obstacles(places, users)
    outcomes = load_insights_demo(places, users)
    load_event_day_feedback(places, users)
    load_demo_partnership_translations(places.organisations)
    conversations = load_conversations(places, users)
    load_event_day(places, users)
    articles = load_news_articles()
    rebuild_index()
    return {
        "organisations": len(places.organisations),
        "users": len(users),
        "partnerships": partnerships,
        "events": events,
        "proposals": proposals,
        "obstacles": obstacles,
        "outcomes": outcomes,
        "conversations": conversations,
        "news articles": articles,
    }
