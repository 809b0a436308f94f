"""The invented organisations, people and accounts of the demo, each marked `is_demo`; every
account signs in with DEMO_PASSWORD."""

from kakehashi.accounts.models import User
from kakehashi.demo.places import Places
from kakehashi.directory.models import Membership, MembershipRole, Organisation, Person, Sector
from kakehashi.directory.positions import position_language_of

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


def upsert_organisation(spec: dict, places: Places, *, is_demo: bool) -> Organisation:
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


def upsert_people(organisations: dict[str, Organisation]) -> dict[str, User]:
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
                defaults={
                    "role": role,
                    "position": position,
                    "position_language": position_language_of(
                        position, organisations[key].language
                    ),
                },
            )
        users[local_part] = user
    return users
