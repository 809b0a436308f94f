"""A seeded generator of many mixed-language proposals for the matching speed benchmark.

    .venv/bin/python bench/matching_generator.py 5 --seed 1     # print 5 as JSON lines

Texts are recombined from phrase banks written for this benchmark (topics, organisations,
places, needs, conditions, in Vietnamese, Japanese and English), so that the index sees
realistic vocabulary and length (title plus two to five sentences) and no two texts are
copies. The same seed gives the same proposals. Languages are mixed 45% vi, 35% ja, 20% en.
"""

from __future__ import annotations

import json
import random
import sys
from collections.abc import Iterator

# (sector, vi, ja, en): the subject of a proposal.
TOPICS = [
    ("agriculture", "kho lạnh bảo quản thủy sản", "水産物の冷凍保管", "cold storage for seafood"),
    ("agriculture", "tôm đông lạnh chế biến sẵn", "加工冷凍えび", "processed frozen shrimp"),
    ("agriculture", "máy rang cà phê", "コーヒー焙煎機", "coffee roasting machines"),
    ("agriculture", "thanh long ruột đỏ", "赤肉ドラゴンフルーツ", "red-flesh dragon fruit"),
    (
        "agriculture",
        "phân bón hữu cơ từ phân chuồng",
        "家畜ふん由来の有機肥料",
        "organic fertiliser from manure",
    ),
    (
        "agriculture",
        "thiết bị bay phun thuốc cho lúa",
        "水稲用の散布ドローン",
        "crop-spraying drones for rice",
    ),
    (
        "agriculture",
        "gạo Japonica trồng theo hợp đồng",
        "契約栽培のジャポニカ米",
        "contract-grown japonica rice",
    ),
    ("agriculture", "chè xanh và bột matcha", "緑茶と抹茶パウダー", "green tea and matcha powder"),
    (
        "green_growth",
        "xử lý nước thải công nghiệp",
        "工場排水の処理",
        "industrial wastewater treatment",
    ),
    ("green_growth", "điện mặt trời áp mái", "屋根置き太陽光発電", "rooftop solar power"),
    (
        "green_growth",
        "điện sinh khối từ rơm rạ",
        "稲わらバイオマス発電",
        "rice-straw biomass power",
    ),
    (
        "green_growth",
        "tái chế nhựa phế thải",
        "廃プラスチックのリサイクル",
        "plastic waste recycling",
    ),
    ("green_growth", "đốt rác phát điện", "ごみ焼却発電", "waste-to-energy incineration"),
    ("investment", "linh kiện xe điện", "電気自動車の部品", "electric vehicle parts"),
    (
        "investment",
        "lắp ráp và kiểm tra chip bán dẫn",
        "半導体の組立・検査",
        "semiconductor assembly and test",
    ),
    ("investment", "nhà xưởng xây sẵn cho thuê", "レンタル工場", "ready-built factories for lease"),
    ("investment", "khách sạn nghỉ dưỡng ven biển", "海沿いのリゾートホテル", "beach resort hotel"),
    ("trade", "đồ gỗ nội thất xuất khẩu", "輸出向け木製家具", "wooden furniture for export"),
    ("trade", "hàng thủ công mây tre đan", "竹・籐の手工芸品", "bamboo and rattan handicrafts"),
    ("trade", "may mặc gia công", "衣料品の縫製委託", "garment contract sewing"),
    (
        "digital_transformation",
        "phát triển phần mềm offshore",
        "オフショアソフト開発",
        "offshore software development",
    ),
    (
        "digital_transformation",
        "hệ thống quản lý kho bằng mã vạch",
        "バーコードによる在庫管理システム",
        "barcode warehouse management",
    ),
    (
        "smart_city",
        "điều khiển đèn giao thông thông minh",
        "信号制御の高度化",
        "adaptive traffic signals",
    ),
    ("smart_city", "trạm sạc xe điện", "EV充電インフラ", "EV charging stations"),
    ("human_resources", "thực tập sinh kỹ năng", "技能実習生", "technical intern trainees"),
    (
        "human_resources",
        "điều dưỡng chăm sóc người cao tuổi",
        "高齢者介護の人材",
        "caregivers for the elderly",
    ),
    ("education_training", "trường tiếng Nhật", "日本語学校", "Japanese-language school"),
    (
        "education_training",
        "đào tạo kỹ sư cơ khí",
        "機械技術者の育成",
        "training mechanical engineers",
    ),
    ("healthcare", "máy chụp cắt lớp CT", "CTスキャナー", "CT scanners"),
    ("healthcare", "hồ sơ bệnh án điện tử", "電子カルテ", "electronic medical records"),
    (
        "culture_tourism",
        "lễ hội giao lưu văn hóa",
        "文化交流フェスティバル",
        "cultural exchange festival",
    ),
    (
        "culture_tourism",
        "du lịch trải nghiệm nông thôn",
        "農村体験ツーリズム",
        "rural experience tourism",
    ),
    ("innovation", "vườn ươm khởi nghiệp", "スタートアップ支援拠点", "start-up incubator"),
    (
        "local_cooperation",
        "kết nghĩa giữa các địa phương",
        "自治体間の姉妹提携",
        "sister-city ties",
    ),
]
PLACES = {
    "VN": [
        ("ca-mau", "Cà Mau"),
        ("can-tho", "Cần Thơ"),
        ("an-giang", "An Giang"),
        ("dong-nai", "Đồng Nai"),
        ("ho-chi-minh-city", "TP. Hồ Chí Minh"),
        ("da-nang", "Đà Nẵng"),
        ("hue", "Huế"),
        ("hanoi", "Hà Nội"),
        ("hai-phong", "Hải Phòng"),
        ("bac-ninh", "Bắc Ninh"),
        ("lam-dong", "Lâm Đồng"),
        ("dak-lak", "Đắk Lắk"),
        ("nghe-an", "Nghệ An"),
        ("khanh-hoa", "Khánh Hòa"),
    ],
    "JP": [
        ("osaka-prefecture", "大阪府"),
        ("aichi-prefecture", "愛知県"),
        ("hyogo-prefecture", "兵庫県"),
        ("fukuoka-prefecture", "福岡県"),
        ("tokyo-metropolis", "東京都"),
        ("hokkaido", "北海道"),
        ("shizuoka-prefecture", "静岡県"),
        ("kumamoto-prefecture", "熊本県"),
        ("niigata-prefecture", "新潟県"),
        ("kanagawa-prefecture", "神奈川県"),
        ("hiroshima-prefecture", "広島県"),
        ("nagano-prefecture", "長野県"),
    ],
}
OFFER_KINDS = ("business_offer", "technology_offer", "export_product", "cooperation_programme")
REQUEST_KINDS = (
    "business_request",
    "technology_request",
    "investment_project",
    "research_cooperation",
)

TITLE = {
    "vi": {
        "offer": [
            "Cung cấp {t} cho đối tác Nhật Bản",
            "Giới thiệu {t} từ {p}",
            "Chào hàng {t}, giá cạnh tranh",
        ],
        "request": [
            "Tìm đối tác về {t}",
            "Cần {t} cho doanh nghiệp tại {p}",
            "Kêu gọi hợp tác {t}",
        ],
    },
    "ja": {
        "offer": ["{t}を提供します", "{p}発：{t}のご紹介", "{t}の海外パートナーを募集"],
        "request": [
            "{t}の取引先を探しています",
            "{t}について協力企業を募集",
            "{p}の企業が{t}を求めています",
        ],
    },
    "en": {
        "offer": ["{T} for partners in Asia", "We offer {t}", "{T} from {p}"],
        "request": ["Looking for {t}", "Partner wanted: {t}", "{T} needed in {p}"],
    },
}
OPENING = {
    "vi": [
        "Chúng tôi là {o} tại {p}, có {n} nhân viên.",
        "{O} ở {p} đã hoạt động hơn {y} năm.",
        "Trung tâm Xúc tiến Đầu tư {p} giới thiệu cơ hội này.",
    ],
    "ja": [
        "当社は{p}の{o}で、従業員は{n}名です。",
        "{p}で{y}年以上の実績がある{o}です。",
        "{p}の国際課からのご案内です。",
    ],
    "en": [
        "We are a {o} in {p} with {n} staff.",
        "Our {o} has worked in {p} for more than {y} years.",
        "The investment promotion office of {p} presents this opportunity.",
    ],
}
ORGS = {
    "vi": [
        "công ty cổ phần",
        "hợp tác xã",
        "doanh nghiệp nhỏ và vừa",
        "công ty TNHH",
        "viện nghiên cứu",
    ],
    "ja": ["中小企業", "商社", "メーカー", "協同組合", "大学の研究室"],
    "en": [
        "small manufacturer",
        "trading company",
        "cooperative",
        "family business",
        "research institute",
    ],
}
BODY = {
    "offer": {
        "vi": [
            "Chúng tôi cung cấp {t} với công suất {n} tấn mỗi năm.",
            "Sản phẩm về {t} đã được xuất khẩu sang {m} thị trường.",
            "Chúng tôi có thể chuyển giao công nghệ {t} và đào tạo nhân sự tại chỗ.",
            "Giá cả cạnh tranh, giao hàng trong {w} tuần.",
        ],
        "ja": [
            "{t}を年間{n}トン規模で供給できます。",
            "{t}の分野で{m}か国への輸出実績があります。",
            "{t}の技術移転と現地スタッフの研修にも対応します。",
            "納期は{w}週間程度です。",
        ],
        "en": [
            "We supply {t} at {n} tonnes a year.",
            "Our {t} already reaches {m} export markets.",
            "We can transfer {t} know-how and train staff on site.",
            "Lead time is about {w} weeks.",
        ],
    },
    "request": {
        "vi": [
            "Chúng tôi cần đối tác có kinh nghiệm về {t}.",
            "Nhu cầu khoảng {n} tấn mỗi năm, hợp đồng dài hạn.",
            "Ưu tiên đối tác có thể góp vốn hoặc chuyển giao công nghệ {t}.",
            "Dự án dự kiến khởi động trong {w} tháng tới.",
        ],
        "ja": [
            "{t}に経験のあるパートナーを探しています。",
            "年間{n}トン程度の長期契約を想定しています。",
            "{t}の技術移転や出資が可能な企業を優先します。",
            "{w}か月以内の開始を予定しています。",
        ],
        "en": [
            "We need a partner experienced in {t}.",
            "We expect about {n} tonnes a year under a long-term contract.",
            "Partners able to invest or transfer {t} technology are preferred.",
            "The project should start within {w} months.",
        ],
    },
}
CLOSING = {
    "vi": [
        "Vui lòng liên hệ để nhận hồ sơ chi tiết.",
        "Chúng tôi sẵn sàng đón đoàn khảo sát.",
        "Có phiên dịch tiếng Nhật.",
    ],
    "ja": ["詳しい資料をお送りします。", "現地視察を歓迎します。", "日本語での対応が可能です。"],
    "en": [
        "Detailed documents are available on request.",
        "Site visits are welcome.",
        "Japanese-speaking staff can assist.",
    ],
}
LANGUAGE_WEIGHTS = (("vi", 0.45), ("ja", 0.35), ("en", 0.20))

# Free-text search queries (the search box), built the same way.
QUERY = {
    "vi": ["{t}", "tìm đối tác {t}", "{t} Nhật Bản", "đầu tư {t} tại {p}"],
    "ja": ["{t}", "{t} ベトナム", "{t}の提携先", "{p} {t}"],
    "en": ["{t}", "{t} partner in Vietnam", "{t} Japan", "invest in {t}"],
}


def _place_name(country: str, slug: str, name: str, language: str) -> str:
    if (language, country) in (("vi", "VN"), ("ja", "JP")):
        return name
    return slug.replace("-prefecture", "").replace("-metropolis", "").replace("-", " ").title()


def proposals(count: int, *, seed: int = 1) -> Iterator[dict]:
    """`count` proposals as dicts in the evaluation set's format (ids "gen-000001" …)."""
    rng = random.Random(seed)
    languages = [lang for lang, _ in LANGUAGE_WEIGHTS]
    weights = [w for _, w in LANGUAGE_WEIGHTS]
    for number in range(1, count + 1):
        language = rng.choices(languages, weights)[0]
        country = rng.choice(("VN", "JP"))
        slug, name = rng.choice(PLACES[country])
        place = _place_name(country, slug, name, language)
        sector, *names = rng.choice(TOPICS)
        topic = names[("vi", "ja", "en").index(language)]
        side = rng.choice(("offer", "request"))
        kind = rng.choice(OFFER_KINDS if side == "offer" else REQUEST_KINDS)
        fill = {
            "t": topic,
            "T": topic[:1].upper() + topic[1:],
            "p": place,
            "o": rng.choice(ORGS[language]),
            "n": rng.choice((20, 35, 60, 120, 250, 400, 800, 1500, 5000)),
            "y": rng.randint(3, 60),
            "m": rng.randint(2, 25),
            "w": rng.randint(2, 18),
        }
        fill["O"] = fill["o"][:1].upper() + fill["o"][1:]
        body = rng.sample(BODY[side][language], rng.randint(1, 3))
        sentences = [rng.choice(OPENING[language]), *body]
        if rng.random() < 0.6:
            sentences.append(rng.choice(CLOSING[language]))
        joiner = "" if language == "ja" else " "
        extra = {rng.choice(TOPICS)[0]} if rng.random() < 0.3 else set()
        yield {
            "id": f"gen-{number:06d}",
            "title": rng.choice(TITLE[language][side]).format(**fill),
            "text": joiner.join(s.format(**fill) for s in sentences),
            "language": language,
            "kind": kind,
            "sectors": sorted({sector} | extra),
            "locality": slug,
            "country": country,
            "organisation": f"gen-org-{rng.randint(1, max(1, count // 3)):06d}",
        }


def search_queries(count: int, *, seed: int = 2) -> list[tuple[str, str]]:
    """`count` (text, language) free-text queries."""
    rng = random.Random(seed)
    result = []
    for _ in range(count):
        language = rng.choice(("vi", "ja", "en"))
        country = rng.choice(("VN", "JP"))
        slug, name = rng.choice(PLACES[country])
        topic = rng.choice(TOPICS)[1 + ("vi", "ja", "en").index(language)]
        text = rng.choice(QUERY[language]).format(
            t=topic, p=_place_name(country, slug, name, language)
        )
        result.append((text, language))
    return result


if __name__ == "__main__":
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    seed = int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else 1
    for proposal in proposals(size, seed=seed):
        print(json.dumps(proposal, ensure_ascii=False))
