"""The demo's names and programme in each language: organisations' names and descriptions
translated (as their members, or a platform administrator, would enter them), people's
names in the other script and their positions translated, the conference's session titles
and description.

Japanese names follow how Japanese offices write them: a Vietnamese public body by its
kanji title (ホーチミン市外務局), a Vietnamese company in katakana with 社
(サイゴン・コールドチェーン・ロジスティクス社); Vietnamese names of Japanese bodies as the
Vietnamese press writes them (tỉnh Osaka, Hội đồng tỉnh Yamaguchi). Positions follow the
titles each side's offices use (Trưởng phòng → 課長, 主査 → Chuyên viên chính). Idempotent."""

from kakehashi.accounts.models import User
from kakehashi.common.translations import TranslationSource
from kakehashi.directory.models import Membership, Organisation, OrganisationTranslation, Person
from kakehashi.directory.translation_services import save_position_reference_translation
from kakehashi.events.models import Event, EventTranslation, SessionTranslation

# Organisation key -> {language: (name, description)}; the English rows repeat name_en.
ORGANISATIONS = {
    "hcmc-dofa": {
        "ja": (
            "ホーチミン市外務局（デモ）",
            "日本の地方自治体との国際協力を担うホーチミン市の窓口です。デモ用のデータです。",
        ),
        "en": (
            "Ho Chi Minh City Department of Foreign Affairs (demo)",
            "The city's point of contact for international cooperation with Japanese "
            "localities. Demo record.",
        ),
    },
    "hanoi-dpi": {
        "ja": (
            "ハノイ市財政局（デモ）",
            "投資登録の手続きと日本企業の支援を担当しています。デモ用のデータです。",
        ),
        "en": (
            "Hanoi Department of Finance (demo)",
            "Investment registration and support for Japanese companies. Demo record.",
        ),
    },
    "osaka-intl": {
        "vi": (
            "Phòng Giao lưu Quốc tế tỉnh Osaka (demo)",
            "Phụ trách giao lưu với các địa phương của Việt Nam. Bản ghi minh họa.",
        ),
        "en": (
            "Osaka Prefecture International Affairs Division (demo)",
            "In charge of exchanges with Vietnamese localities. Demo record.",
        ),
    },
    "kansai-vn-business": {
        "ja": (
            "関西ベトナム経済協会（デモ）",
            "ベトナムと取引のある関西地方の企業の団体です。デモ用のデータです。",
        ),
        "vi": (
            "Hiệp hội Doanh nghiệp Kansai – Việt Nam (demo)",
            "Hiệp hội các doanh nghiệp vùng Kansai kinh doanh với Việt Nam. Bản ghi minh họa.",
        ),
    },
    "saigon-coldchain": {
        "ja": (
            "サイゴン・コールドチェーン・ロジスティクス社（デモ）",
            "日本向けに輸出される農産物の冷凍倉庫と冷凍輸送を手がけています。デモ用のデータです。",
        ),
        "en": (
            "Saigon Cold Chain Logistics JSC (demo)",
            "Cold storage and refrigerated transport for farm produce exported to Japan. "
            "Demo record.",
        ),
    },
    "naniwa-robotics": {
        "vi": (
            "Công ty Cổ phần Naniwa Robotics (demo)",
            "Phát triển robot tự động hóa nhà máy; đang tìm đối tác liên doanh tại Việt Nam. "
            "Bản ghi minh họa.",
        ),
        "en": (
            "Naniwa Robotics K.K. (demo)",
            "Develops factory automation robots and is looking for a joint-venture partner "
            "in Vietnam. Demo record.",
        ),
    },
    "kitakyushu-ecotech": {
        "ja": (
            "北九州エコテック・イノベーションセンター（デモ）",
            "連携都市に向けて、水・廃棄物・エネルギー分野の技術を提供します。デモ用のデータです。",
        ),
        "vi": (
            "Trung tâm Đổi mới sáng tạo Công nghệ môi trường Kitakyushu (demo)",
            "Công nghệ nước, chất thải và năng lượng cho các thành phố đối tác. Bản ghi minh họa.",
        ),
    },
    "hue-heritage": {
        "ja": (
            "フエ遺産観光協同組合（デモ）",
            "日本の都市との遺産観光と文化交流を手がけています。デモ用のデータです。",
        ),
        "en": (
            "Hue Heritage Tourism Cooperative (demo)",
            "Heritage tourism and cultural exchange with Japanese cities. Demo record.",
        ),
    },
    # The two real organisations of the partnership data: their names only.
    "yamaguchi-assembly": {"vi": ("Hội đồng tỉnh Yamaguchi", "")},
    "hcmc-council": {"ja": ("ホーチミン市人民評議会", "")},
}

# The demo account that acts for each organisation and enters its translations; the others
# are entered by the platform administrator (as a moderator).
TRANSLATED_BY = {
    "hcmc-dofa": "hcmc",
    "osaka-intl": "osaka",
    "saigon-coldchain": "coldchain",
    "naniwa-robotics": "robotics",
    "kansai-vn-business": "robotics",
}

# Full name -> (Latin form, katakana form).
PEOPLE = {
    "Nguyễn Thị Lan (demo)": ("", "グエン・ティ・ラン（デモ）"),
    "Trần Văn Minh (demo)": ("", "チャン・ヴァン・ミン（デモ）"),
    "Phạm Quốc Huy (demo)": ("", "ファム・クオック・フイ（デモ）"),
    "Lê Minh Châu (demo)": ("", "レ・ミン・チャウ（デモ）"),
    "田中 美咲（デモ）": ("Tanaka Misaki (demo)", ""),
    "佐藤 健（デモ）": ("Sato Ken (demo)", ""),
    "山本 大輔（デモ）": ("Yamamoto Daisuke (demo)", ""),
    "Kimura Aya (demo)": ("", "キムラ・アヤ（デモ）"),
}

# (demo account, organisation key) -> {language: the position there}: the positions of
# demo/people.py in the two languages they are not written in.
POSITIONS = {
    ("hcmc", "hcmc-dofa"): {
        "ja": "国際協力課長",
        "en": "Head of the International Cooperation Division",
    },
    ("osaka", "osaka-intl"): {
        "vi": "Chuyên viên chính, Phòng Giao lưu Quốc tế",
        "en": "Senior Officer, International Affairs Division",
    },
    ("coldchain", "saigon-coldchain"): {"ja": "営業部長", "en": "Sales Director"},
    ("robotics", "naniwa-robotics"): {
        "vi": "Trưởng bộ phận Kinh doanh quốc tế",
        "en": "General Manager, Overseas Business Division",
    },
    ("robotics", "kansai-vn-business"): {"vi": "Ủy viên Ban Chấp hành", "en": "Board Member"},
}

# The conference's session titles (written in English) -> {language: title}.
SESSIONS = {
    "Opening plenary: cooperation between localities": {
        "vi": "Phiên toàn thể khai mạc: hợp tác giữa các địa phương",
        "ja": "開会全体会合：地方間協力",
    },
    "Coffee break": {"vi": "Giải lao", "ja": "休憩"},
    "Panel: digital transformation and smart cities": {
        "vi": "Phiên thảo luận: chuyển đổi số và đô thị thông minh",
        "ja": "パネルディスカッション：DX（デジタル・トランスフォーメーション）とスマートシティ",
    },
    "One-to-one working meetings": {"vi": "Các buổi làm việc song phương", "ja": "個別面談"},
}

# Event slug -> {language: description} (the descriptions are written in English).
EVENT_DESCRIPTIONS = {
    "meet-japan-2027": {
        "vi": "Lãnh đạo các tỉnh, thành phố cùng các cơ quan, hiệp hội và doanh nghiệp Nhật "
        "Bản gặp gỡ tại phiên toàn thể và các buổi làm việc song phương. Bản ghi minh họa.",
        "ja": "ベトナム各省・市の幹部と日本の機関、経済団体、企業が、全体会合と個別面談で"
        "一堂に会します。デモ用のデータです。",
    },
}


def _organisation_translations(organisations: dict[str, Organisation], users) -> None:
    for key, languages in ORGANISATIONS.items():
        organisation = organisations[key]
        by = users.get(TRANSLATED_BY.get(key, ""))
        source = TranslationSource.AUTHOR if by else TranslationSource.MODERATOR
        for language, (name, description) in languages.items():
            OrganisationTranslation.objects.update_or_create(
                organisation=organisation,
                language=language,
                defaults={
                    "name": name,
                    "description": description,
                    "source": source,
                    "made_by": by or users["admin"],
                },
            )


def _position_translations(organisations: dict[str, Organisation], users) -> None:
    """Loaded as the project's editors' (a moderator's, no person named): a translation a
    person has made since is kept."""
    for (account, key), languages in POSITIONS.items():
        membership = Membership.objects.get(
            person__user=users[account], organisation=organisations[key]
        )
        for language, position in languages.items():
            save_position_reference_translation(
                membership=membership, language=language, position=position
            )


def load_demo_translations(organisations: dict[str, Organisation], users: dict[str, User]):
    """Every translation above, on the records the demo loader made."""
    _organisation_translations(organisations, users)
    _position_translations(organisations, users)
    for full_name, (latin, kana) in PEOPLE.items():
        Person.objects.filter(full_name=full_name).update(name_latin=latin, name_kana=kana)
    organiser = users["hcmc"]
    for slug, descriptions in EVENT_DESCRIPTIONS.items():
        event = Event.objects.get(slug=slug)
        for language, description in descriptions.items():
            EventTranslation.objects.update_or_create(
                event=event,
                language=language,
                defaults={
                    "description": description,
                    "source": TranslationSource.AUTHOR,
                    "made_by": organiser,
                },
            )
        for session in event.sessions.filter(title__in=SESSIONS):
            for language, title in SESSIONS[session.title].items():
                SessionTranslation.objects.update_or_create(
                    session=session,
                    language=language,
                    defaults={
                        "title": title,
                        "source": TranslationSource.AUTHOR,
                        "made_by": organiser,
                    },
                )
