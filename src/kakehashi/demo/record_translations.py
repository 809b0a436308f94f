"""The vi and ja (and en) translations of the reference partnership records and of the demo
obstacles' public texts, stored as a moderator's (checked by the project's editors, no person
named) through the services; a translation a person has made since is kept."""

from __future__ import annotations

import json
from pathlib import Path

from kakehashi.obstacles.models import Obstacle
from kakehashi.obstacles.services import save_reference_translation as translate_obstacle
from kakehashi.partnerships.models import (
    DelegationVisit,
    Partnership,
    PriorityList,
    renewal_notes_of,
)
from kakehashi.partnerships.priority_list_services import (
    save_priority_list_reference_translation,
)
from kakehashi.partnerships.translation_services import (
    save_reference_translation as translate_partnership,
)
from kakehashi.partnerships.visit_translation_services import save_visit_reference_translation

PARTNERSHIP_TRANSLATIONS = (
    Path(__file__).resolve().parent.parent
    / "partnerships"
    / "data"
    / "partnership_translations.json"
)


def partnership_translations() -> dict:
    return json.loads(PARTNERSHIP_TRANSLATIONS.read_text(encoding="utf-8"))


def load_partnership_translations(partnership: Partnership, data: dict) -> int:
    """Translate the record (its English title is the key) into vi and ja: title, summary,
    type as stated and every renewal note. A record missing from the file is an error: the
    data must stay complete (tests/demo checks it too)."""
    record = data["records"][partnership.title]
    notes = renewal_notes_of(partnership)
    stated = partnership.type_as_stated
    for language in ("vi", "ja"):
        texts = record[language]
        translate_partnership(
            partnership=partnership,
            language=language,
            title=texts["title"],
            summary=texts.get("summary", ""),
            type_as_stated=data["types_as_stated"][stated][language] if stated else "",
            renewal_notes={note: data["renewal_notes"][note][language] for note in notes},
        )
    return 2


def load_priority_list_translations(priority_list: PriorityList, data: dict) -> int:
    """Translate a reference priority-partner list (its English title is the key) into vi
    and ja: its title and its entries' notes. A list missing from the file is an error."""
    record = data["priority_lists"][priority_list.title]
    for language in ("vi", "ja"):
        save_priority_list_reference_translation(
            priority_list=priority_list,
            language=language,
            title=record[language]["title"],
            notes=record[language].get("notes", {}),
        )
    return 2


def load_visit_translations(visit: DelegationVisit, data: dict) -> int:
    """Translate a reference or demo visit (its purpose as written is the key) into vi and
    ja. A visit missing from the file is an error."""
    record = data["visits"][visit.purpose]
    for language in ("vi", "ja"):
        save_visit_reference_translation(visit=visit, language=language, **record[language])
    return 2


# The demo obstacles' titles and public summary in the other languages, keyed by the title
# as filed (demo/obstacles.py).
OBSTACLE_TRANSLATIONS = {
    "技術者の労働許可証の更新に時間がかかる（デモ）": {
        "vi": {
            "title": "Gia hạn giấy phép lao động cho kỹ sư mất nhiều thời gian (demo)",
            "public_summary": "Giấy phép lao động của hai kỹ sư đã được gia hạn trong 10 ngày "
            "làm việc sau khi Sở Ngoại vụ kết nối doanh nghiệp với dịch vụ công trực tuyến "
            "của Sở Nội vụ, cơ quan cấp giấy phép lao động.",
        },
        "ja": {
            "public_summary": "ホーチミン市外務局が同社を労働許可証の発行機関である内務局の"
            "オンライン窓口につないだ結果、技術者2名の労働許可証は10営業日で更新されました。",
        },
        "en": {"title": "Renewing the engineers' work permits takes too long (demo)"},
    },
    "Chậm bàn giao mặt bằng kho lạnh tại Củ Chi (demo)": {
        "ja": {"title": "クチの冷凍倉庫用地の引き渡しの遅れ（デモ）"},
        "en": {"title": "Delay in handing over the cold-storage site in Cu Chi (demo)"},
    },
    "Customs valuation of machine-tool spare parts (demo)": {
        "vi": {"title": "Xác định trị giá hải quan đối với phụ tùng máy công cụ (demo)"},
        "ja": {"title": "工作機械の交換部品の関税評価（デモ）"},
    },
}


def load_obstacle_translations() -> int:
    done = 0
    for title, languages in OBSTACLE_TRANSLATIONS.items():
        obstacle = Obstacle.objects.filter(title=title, is_demo=True).first()
        if obstacle is None:
            continue
        for language, texts in languages.items():
            if texts.get("public_summary") and not obstacle.is_public:
                continue  # not closed publicly (yet): nothing to translate
            translate_obstacle(obstacle=obstacle, language=language, **texts)
            done += 1
    return done


# The MoU the demo's first festival meeting signed (insights/demo.py records it as an outcome,
# which creates the record with a generated English title), keyed by its two organisations.
DEMO_MOU = {
    ("hcmc-dofa", "osaka-intl"): {
        "vi": {
            "title": "Biên bản ghi nhớ hợp tác giữa Sở Ngoại vụ Thành phố Hồ Chí Minh và "
            "Phòng Giao lưu quốc tế tỉnh Osaka (demo)",
            "summary": "Kết quả minh họa.",
        },
        "ja": {
            "title": "ホーチミン市外務局と大阪府国際交流課との協力に関する覚書（デモ）",
            "summary": "デモ用の結果です。",
        },
    }
}


def load_demo_partnership_translations(organisations) -> int:
    """Translate the demo records that the demo's outcomes created (their own language
    left out)."""
    done = 0
    for (first, second), languages in DEMO_MOU.items():
        if first not in organisations or second not in organisations:
            continue
        records = Partnership.objects.filter(
            is_demo=True, parties__organisation=organisations[first]
        ).filter(parties__organisation=organisations[second])
        for partnership in records.distinct():
            for language, texts in languages.items():
                if language == partnership.language:
                    continue
                summary = texts["summary"] if partnership.summary else ""
                translate_partnership(
                    partnership=partnership,
                    language=language,
                    title=texts["title"],
                    summary=summary,
                )
                done += 1
    return done
