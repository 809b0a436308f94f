"""Each demo proposal in the two languages it was not written in, so that every reader meets
the demo in their own language (the note on the page says it is a translation, by whom, and
links to the original). Japanese in polite business style, Vietnamese in administrative
style, English plain; the domain words are the matching glossary's
(matching/engine/glossary.csv: kho lạnh ↔ 冷凍倉庫 ↔ cold storage, and so on).

The translations are saved through the real service, as a person: a member of the proposing
organisation when the demo has an account for one (then the page says "by a colleague of the
author"), otherwise the platform administrator ("by a moderator"). Loading again writes
nothing when a translation is already there, word for word, by a person."""

from typing import NamedTuple

from kakehashi.common.permissions import allows
from kakehashi.directory.queries import organisation_ids_of
from kakehashi.proposals.models import Proposal, ProposalTranslation
from kakehashi.proposals.translation_services import save_translation


class Text(NamedTuple):
    title: str
    summary: str
    description: str = ""
    advantages: str = ""
    sought: str = ""
    partner_role: str = ""


# Keyed by the original's title (demo/proposals.py), then by language.
PROPOSAL_TRANSLATIONS: dict[str, dict[str, Text]] = {
    "Tìm công nghệ kho lạnh tiết kiệm năng lượng cho thủy sản xuất khẩu (demo)": {
        "ja": Text(
            "輸出水産物向け省エネ型冷凍倉庫の技術を求めています（デモ）",
            "ホーチミン市のコールドチェーン物流企業です。電力使用量を30%削減するため、"
            "急速冷凍に対応した冷凍倉庫の技術と温度監視システムを移転していただける日本の"
            "パートナーを求めています。",
            "当社は、日本とEUに輸出するパンガシウス、エビ、イカを保管する12,000トン規模の"
            "冷凍倉庫を3か所運営しています。電力費が原価の40%を占めています。コンプレッサー"
            "設備と断熱を改修し、加工工場からカットライ港までの温度を一貫して監視したいと"
            "考えています。",
        ),
        "en": Text(
            "Seeking energy-efficient cold storage technology for seafood exports (demo)",
            "A cold-chain logistics company in Ho Chi Minh City seeks a Japanese partner to "
            "transfer freezer storage technology and a temperature monitoring system, to cut "
            "its electricity use by 30%.",
            "We operate three cold stores with 12,000 tonnes of capacity for pangasius, shrimp "
            "and squid exported to Japan and the EU. Electricity makes up 40% of our costs. We "
            "want to upgrade our compressors and insulation and monitor the temperature chain "
            "from the processing plant to Cat Lai port.",
        ),
    },
    "食品加工ラインの自動化ロボット（ピッキング・箱詰め）（デモ）": {
        "vi": Text(
            "Robot tự động hóa dây chuyền chế biến thực phẩm (gắp chọn, đóng thùng) (demo)",
            "Cung cấp robot cộng tác cho nhà máy chế biến thủy sản, thực phẩm: nhận dạng hình "
            "ảnh để gắp phi lê cá, hàng đông lạnh, thực hiện cả khâu cân và đóng thùng. Robot "
            "vận hành được trong môi trường nhiệt độ thấp (-25℃).",
            "Là doanh nghiệp nhỏ và vừa tại Osaka, chúng tôi đã hỗ trợ các nhà máy thực phẩm "
            "giảm nhân công trong 20 năm. Giải pháp khắc phục tình trạng thiếu lao động tại kho "
            "lạnh và dây chuyền chế biến, kèm bảo trì và giám sát từ xa sau khi lắp đặt. Chúng "
            "tôi mong muốn triển khai thử nghiệm với doanh nghiệp chế biến thủy sản Việt Nam.",
        ),
        "en": Text(
            "Automation robots for food processing lines (picking and packing) (demo)",
            "Collaborative robots for seafood and food plants: they recognise fish fillets and "
            "frozen goods by image, pick them, weigh them and pack them into boxes. They work "
            "at low temperatures (-25℃).",
            "For 20 years, as a small business in Osaka, we have helped food factories save "
            "labour. Our robots answer labour shortages in cold storage and on processing "
            "lines, and we provide maintenance and remote monitoring after installation. We "
            "would like to run a pilot with a Vietnamese seafood processing company.",
        ),
    },
    "Industrial wastewater treatment and sludge recycling for industrial parks (demo)": {
        "vi": Text(
            "Xử lý nước thải công nghiệp và tái chế bùn thải cho khu công nghiệp (demo)",
            "Mô hình làm sạch thành phố công nghiệp của Kitakyushu: công nghệ sinh học màng "
            "(MBR), xử lý kim loại nặng và biến bùn thải thành nhiên liệu, kèm đào tạo cho đơn "
            "vị vận hành khu công nghiệp.",
            "Kitakyushu, từng có một trong những vùng vịnh ô nhiễm nhất Nhật Bản, nay đã trở "
            "thành thành phố xanh. Trung tâm quy tụ kỹ sư của chính quyền thành phố và doanh "
            "nghiệp địa phương để chuyển giao kinh nghiệm này cho các khu công nghiệp tại Đông "
            "Nam Á, từ nghiên cứu khả thi đến vận hành.",
        ),
        "ja": Text(
            "工業団地向けの産業排水処理と汚泥リサイクル（デモ）",
            "工業都市の環境再生を果たした北九州市のモデルです。膜分離活性汚泥法（MBR）、"
            "重金属の除去、汚泥の燃料化に加え、工業団地の運営者向けの研修も提供します。",
            "北九州市は、かつて日本で最も汚染が深刻な湾の一つを抱えていましたが、環境都市へと"
            "生まれ変わりました。当センターは市の技術者と地元企業をつなぎ、この経験を東南アジアの"
            "工業団地に移転します。実現可能性調査から運営まで支援します。",
        ),
    },
    "Dự án trung tâm logistics lạnh và chế biến nông sản Củ Chi (demo)": {
        "ja": Text(
            "クチ・コールドチェーン物流および農産物加工センター事業（デモ）",
            "ホーチミン市は、クチ地区の25 haの用地に、農水産物の一次加工を併設した"
            "コールドチェーン物流センターを建設する日本の投資家を募集しています。",
            "用地は環状3号線とホーチミン市－モックバイ高速道路に近く、東南部地域とメコン"
            "デルタの農水産物の輸出を支えます。市はワンストップ方式で投資手続きを支援します。",
        ),
        "en": Text(
            "Cu Chi cold-chain logistics and agricultural processing centre project (demo)",
            "Ho Chi Minh City invites Japanese investors to build a cold-chain logistics centre "
            "with primary processing of farm and fishery products on 25 ha in the Cu Chi area.",
            "The site lies near Ring Road 3 and the Ho Chi Minh City – Moc Bai expressway and "
            "serves the export of farm and fishery products from the Southeast region and the "
            "Mekong Delta. The city supports investment procedures through a one-stop "
            "mechanism.",
        ),
    },
    "Nhà máy xử lý chất thải rắn phát điện Sóc Sơn mở rộng (demo)": {
        "ja": Text(
            "ソクソン固形廃棄物発電所の拡張事業（デモ）",
            "ハノイ市は、日本の排ガス基準を満たすごみ焼却発電技術を持つ投資家を、処理能力"
            "2,000トン/日の拡張段階に向けて募集しています。",
            "官民パートナーシップ（PPP）方式の事業で、電力買取契約が付いています。ストーカ式"
            "焼却炉、飛灰処理、排ガスのオンライン監視の技術を優先します。",
        ),
        "en": Text(
            "Soc Son solid waste-to-energy plant expansion (demo)",
            "Hanoi invites investors with waste incineration power technology that meets "
            "Japanese emission standards for an expansion phase of 2,000 tonnes/day.",
            "A public-private partnership project with a power purchase agreement. Preference "
            "goes to mechanical grate furnaces, fly ash treatment and online emissions "
            "monitoring.",
        ),
    },
    "ベトナム人介護人材の育成プログラム（日本語・介護技術研修）（デモ）": {
        "vi": Text(
            "Chương trình đào tạo nhân lực điều dưỡng người Việt Nam (tiếng Nhật và kỹ năng "
            "chăm sóc) (demo)",
            "Phối hợp với các cơ sở chăm sóc người cao tuổi tại tỉnh Osaka, chương trình đào "
            "tạo tiếng Nhật và kỹ năng chăm sóc cho người tốt nghiệp các trường y tế, điều "
            "dưỡng của Việt Nam, hướng tới làm việc theo diện kỹ năng đặc định.",
            "Đào tạo 6 tháng tại Việt Nam và 3 tháng sau khi sang Nhật Bản. Cơ sở tiếp nhận bố "
            "trí nhà ở và hỗ trợ sinh hoạt. Chương trình mong muốn triển khai dưới hình thức "
            "hợp tác giữa chính quyền địa phương và nhà trường, không thông qua tổ chức phái "
            "cử.",
        ),
        "en": Text(
            "Training programme for Vietnamese care workers (Japanese language and caregiving "
            "skills) (demo)",
            "Together with care facilities in Osaka Prefecture, we train graduates of "
            "Vietnamese medical and nursing schools in Japanese and caregiving skills, leading "
            "to work in Japan as specified skilled workers.",
            "Training lasts 6 months in Vietnam and 3 months after arrival in Japan. The host "
            "facilities provide housing and help with daily life. We wish to run the programme "
            "as cooperation between local governments and schools, not through sending "
            "agencies.",
        ),
    },
    "Nón lá và đồ thủ công mỹ nghệ làng nghề Huế (demo)": {
        "ja": Text(
            "フエの工芸村のノンラー（菅笠）と手工芸品（デモ）",
            "フエの工芸村の協同組合が、ノンラー、詩の笠（ノンバイトー）、手編みのシーグラス"
            "バッグを日本の輸入業者やギフトショップ向けに供給します。",
            "フーカム、タイホーの職人による手作りです。ロゴの印刷や、ご要望に応じた包装も"
            "承ります。最小発注数量は500個です。",
        ),
        "en": Text(
            "Conical hats and handicrafts from Hue craft villages (demo)",
            "A Hue craft village cooperative supplies conical hats, poem hats (nón bài thơ) and "
            "handmade sedge bags to Japanese importers and gift shops.",
            "Handmade by artisans of Phu Cam and Tay Ho; logo printing and packaging to order. "
            "Minimum order 500 pieces.",
        ),
    },
    "Kansai manufacturers seek Vietnamese suppliers of precision machined parts (demo)": {
        "vi": Text(
            "Doanh nghiệp sản xuất vùng Kansai tìm nhà cung cấp linh kiện gia công cơ khí chính "
            "xác tại Việt Nam (demo)",
            "Các hội viên của Hiệp hội (máy công cụ, máy bơm, robot) tìm xưởng gia công Việt "
            "Nam có khả năng tiện, phay chi tiết nhôm và thép không gỉ với dung sai ±0,01 mm, "
            "theo lô nhỏ.",
            "Sản lượng hằng năm từ 5.000 đến 50.000 chi tiết cho mỗi bên mua. Đánh giá chất "
            "lượng theo yêu cầu của Nhật Bản, bản vẽ bằng tiếng Anh; đơn hàng thử đầu tiên "
            "trong vòng sáu tháng.",
        ),
        "ja": Text(
            "関西の製造業がベトナムの精密機械加工部品サプライヤーを募集（デモ）",
            "当協会の会員企業（工作機械、ポンプ、ロボット）が、アルミニウムおよびステンレス"
            "部品の旋削・フライス加工を、±0.01 mmの精度かつ小ロットで行えるベトナムの工場を"
            "探しています。",
            "年間の発注量は、発注企業1社あたり5,000～50,000個です。日本式の品質監査を行い、"
            "図面は英語で提供します。6か月以内に初回の試験発注を予定しています。",
        ),
    },
    "Tour di sản Huế cho đoàn doanh nghiệp và hội nghị Nhật Bản (demo)": {
        "ja": Text(
            "日本の企業視察団・会議向けフエ文化遺産ツアー（デモ）",
            "3日間のMICEプログラムです。フエ王宮、帝廟、宮廷料理、工芸村を巡り、日本語ガイド"
            "が同行します。",
        ),
        "en": Text(
            "Hue heritage tours for Japanese business delegations and conferences (demo)",
            "A 3-day MICE programme: the Imperial City, royal tombs, royal cuisine and craft "
            "villages, with Japanese-speaking guides.",
        ),
    },
}


# The kind's texts of the demo proposals that have them (demo/proposals.py), by the
# original's title, then by language; added to the texts above.
KIND_TEXT_TRANSLATIONS: dict[str, dict[str, dict[str, str]]] = {
    "Tìm công nghệ kho lạnh tiết kiệm năng lượng cho thủy sản xuất khẩu (demo)": {
        "ja": {
            "sought": "高効率のCO2／NH3冷凍機の技術、温度監視用のIoTセンサー、日本での冷凍倉庫の"
            "運営経験。",
            "partner_role": "技術移転、運転技術者の研修。出資も検討いただけます。",
        },
        "en": {
            "sought": "High-efficiency CO2/NH3 compressor technology, IoT sensors to monitor "
            "temperatures, and experience of running cold stores in Japan.",
            "partner_role": "Technology transfer and training of operating engineers; possibly "
            "an equity stake.",
        },
    },
    "食品加工ラインの自動化ロボット（ピッキング・箱詰め）（デモ）": {
        "vi": {
            "advantages": "Vận hành được ở nhiệt độ thấp, thiết kế đạt chuẩn vệ sinh (IP69K), "
            "giao diện điều khiển bằng tiếng Nhật, tiếng Anh và tiếng Việt.",
        },
        "en": {
            "advantages": "Works at low temperatures; hygienic design (IP69K); control screens "
            "in Japanese, English and Vietnamese.",
        },
    },
    "Industrial wastewater treatment and sludge recycling for industrial parks (demo)": {
        "vi": {
            "advantages": "Đã được kiểm chứng tại 14 địa điểm ở châu Á; có thể thực hiện nghiên "
            "cứu khả thi bằng nguồn vốn của JICA.",
        },
        "ja": {
            "advantages": "アジアの14か所で導入実績があります。JICAの資金による事業化調査も"
            "可能です。",
        },
    },
    "ベトナム人介護人材の育成プログラム（日本語・介護技術研修）（デモ）": {
        "vi": {
            "sought": "Sở Y tế các tỉnh, thành phố của Việt Nam; các trường cao đẳng y tế và "
            "trường điều dưỡng.",
            "partner_role": "Tuyển chọn học viên và tổ chức đào tạo tại Việt Nam.",
        },
        "en": {
            "sought": "Provincial and city health departments in Viet Nam, medical colleges and "
            "nursing schools.",
            "partner_role": "Recruiting and selecting the trainees, and running the training in "
            "Viet Nam.",
        },
    },
    "Nón lá và đồ thủ công mỹ nghệ làng nghề Huế (demo)": {
        "ja": {"advantages": "天然素材を使用し、OCOP（一村一品）4つ星の認証を取得しています。"},
        "en": {"advantages": "Natural materials; OCOP four-star certification."},
    },
    "Kansai manufacturers seek Vietnamese suppliers of precision machined parts (demo)": {
        "vi": {
            "sought": "Xưởng gia công CNC đạt chứng nhận ISO 9001, ưu tiên gần Thành phố Hồ "
            "Chí Minh hoặc Hà Nội.",
            "partner_role": "Nhà cung cấp theo hợp đồng dài hạn.",
        },
        "ja": {
            "sought": "ISO 9001認証を取得したCNC加工工場（ホーチミン市またはハノイの近郊が"
            "望ましい）。",
            "partner_role": "長期契約に基づくサプライヤー。",
        },
    },
}


def _texts(title: str, language: str, text: Text) -> Text:
    return text._replace(**KIND_TEXT_TRANSLATIONS.get(title, {}).get(language, {}))


def _translator(proposal: Proposal, users: dict):
    """A demo member of the proposing organisation, or else the platform administrator."""
    for local_part, user in users.items():
        if local_part != "admin" and proposal.organisation_id in organisation_ids_of(user):
            return user
    return users["admin"]


def _unchanged(row: ProposalTranslation | None, text: Text) -> bool:
    return (
        row is not None
        and row.is_human
        and all(getattr(row, name) == value for name, value in text._asdict().items())
    )


def load_proposal_translations(places, users) -> int:
    """Save the translations of the demo proposals that are not there yet, word for word, by
    a person; returns how many were written. A proposal the translator may no longer
    translate (archived since) is left as it is. `places` is unused: the demo loaders share
    one signature."""
    written = 0
    for title, texts in PROPOSAL_TRANSLATIONS.items():
        for proposal in Proposal.objects.filter(organisation__is_demo=True, title=title):
            by = _translator(proposal, users)
            if not allows(by, "proposals.translate_proposal", proposal):
                continue
            rows = {row.language: row for row in proposal.translations.all()}
            for language, text in texts.items():
                text = _texts(title, language, text)
                if _unchanged(rows.get(language), text):
                    continue
                save_translation(proposal=proposal, language=language, by=by, **text._asdict())
                written += 1
    return written
