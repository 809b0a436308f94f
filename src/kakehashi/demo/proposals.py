"""Demo proposals in the three languages, moderated through the real workflow, so that search,
matches with their reasons, interests and the moderation queue have something to show. Every
title ends with "(demo)" in its language, and the proposing organisations are demo records."""

from __future__ import annotations

from decimal import Decimal

from kakehashi.demo.proposal_translations import load_proposal_translations
from kakehashi.directory.models import Sector
from kakehashi.proposals import services
from kakehashi.proposals.models import Interest, LocalityModerator, Proposal, ProposalStatus
from kakehashi.proposals.services import ExportInput, InvestmentInput, ProposalInput

# (organisation key, final status, fields); sectors by key; localities as the loader's refs.
DEMO_PROPOSALS = [
    (
        "saigon-coldchain",
        ProposalStatus.PUBLISHED,
        {
            "kind": "technology_request",
            "title": "Tìm công nghệ kho lạnh tiết kiệm năng lượng cho thủy sản xuất khẩu (demo)",
            "summary": "Doanh nghiệp logistics lạnh tại TP.HCM cần đối tác Nhật Bản chuyển giao "
            "công nghệ kho cấp đông và hệ thống giám sát nhiệt độ để giảm 30% điện năng.",
            "description": "Chúng tôi vận hành ba kho lạnh 12.000 tấn phục vụ cá tra, tôm và "
            "mực xuất khẩu sang Nhật Bản và EU. Chi phí điện chiếm 40% giá thành. Chúng tôi "
            "muốn cải tạo hệ thống máy nén, cách nhiệt và theo dõi chuỗi nhiệt độ từ nhà máy "
            "chế biến đến cảng Cát Lái.",
            "sought": "Công nghệ máy nén CO2/NH3 hiệu suất cao, cảm biến IoT theo dõi nhiệt độ, "
            "kinh nghiệm vận hành kho lạnh tại Nhật Bản.",
            "partner_role": "Chuyển giao công nghệ, đào tạo kỹ sư vận hành, có thể góp vốn.",
            "keywords": "kho lạnh, chuỗi lạnh, thủy sản, tiết kiệm năng lượng",
            "sectors": ["trade", "green_growth"],
            "partnership_types": ["licence", "investment"],
            "target_countries": ["JP"],
            "locality": "vn:79",
        },
    ),
    (
        "naniwa-robotics",
        ProposalStatus.PUBLISHED,
        {
            "kind": "technology_offer",
            "title": "食品加工ラインの自動化ロボット（ピッキング・箱詰め）（デモ）",
            "summary": "水産・食品工場向けに、画像認識で魚の切り身や冷凍品をつかみ、計量・箱詰め"
            "まで行う協働ロボットを提供します。低温環境（-25℃）でも稼働します。",
            "description": "大阪の中小企業として20年、食品工場の省人化を支えてきました。冷凍倉庫や"
            "加工ラインでの人手不足に対応し、導入後の保守・遠隔監視まで行います。ベトナムの水産加工"
            "企業との実証を希望します。",
            "advantages": "低温対応、衛生設計（IP69K）、日本語・英語・ベトナム語の操作画面。",
            "stage": "market",
            "keywords": "ロボット, 自動化, 水産加工, 冷凍",
            "sectors": ["innovation", "digital_transformation"],
            "partnership_types": ["commercial", "licence"],
            "target_countries": ["VN"],
            "locality": "jp:27",
        },
    ),
    (
        "kitakyushu-ecotech",
        ProposalStatus.PUBLISHED,
        {
            "kind": "technology_offer",
            "title": "Industrial wastewater treatment and sludge recycling for industrial parks "
            "(demo)",
            "summary": "Kitakyushu's model for cleaning up an industrial city: membrane "
            "bioreactors, heavy-metal removal and turning sludge into fuel, with training for "
            "park operators.",
            "description": "Kitakyushu went from one of Japan's most polluted bays to a green "
            "city. Our centre brings together municipal engineers and local companies to "
            "transfer this experience to industrial parks in Southeast Asia, from feasibility "
            "studies to operation.",
            "advantages": "Proven at 14 sites in Asia; JICA-funded feasibility studies possible.",
            "stage": "market",
            "keywords": "wastewater, sludge, industrial park, environment",
            "sectors": ["green_growth", "smart_city"],
            "partnership_types": ["licence", "training"],
            "target_countries": ["VN"],
            "locality": "jp:401005",
        },
    ),
    (
        "hcmc-dofa",
        ProposalStatus.PUBLISHED,
        {
            "kind": "investment_project",
            "title": "Dự án trung tâm logistics lạnh và chế biến nông sản Củ Chi (demo)",
            "summary": "TP.HCM kêu gọi nhà đầu tư Nhật Bản xây dựng trung tâm logistics lạnh "
            "kết hợp sơ chế nông sản, thủy sản trên 25 ha tại khu vực Củ Chi.",
            "description": "Vị trí gần đường vành đai 3 và cao tốc TP.HCM – Mộc Bài, phục vụ "
            "xuất khẩu nông sản, thủy sản của vùng Đông Nam Bộ và Đồng bằng sông Cửu Long. "
            "Thành phố hỗ trợ thủ tục đầu tư theo cơ chế một cửa.",
            "keywords": "logistics lạnh, nông sản, đầu tư, Củ Chi",
            "sectors": ["investment", "agriculture"],
            "partnership_types": ["investment"],
            "target_countries": ["JP"],
            "locality": "vn:79",
            "investment": {
                "industrial_zone": "Khu công nghiệp Đông Nam Củ Chi",
                "amount": Decimal("120000000"),
                "currency": "USD",
                "land_area_ha": Decimal("25"),
                "investment_form": "foreign_owned",
                "timeline": "2027–2030",
                "technology": 3,
                "governance": 3,
                "added_value": 3,
                "spillover": 2,
                "supply_chain": 4,
                "environment": 3,
            },
        },
    ),
    (
        "hanoi-dpi",
        ProposalStatus.PUBLISHED,
        {
            "kind": "investment_project",
            "title": "Nhà máy xử lý chất thải rắn phát điện Sóc Sơn mở rộng (demo)",
            "summary": "Hà Nội mời gọi nhà đầu tư có công nghệ đốt rác phát điện đạt chuẩn khí "
            "thải Nhật Bản cho giai đoạn mở rộng 2.000 tấn/ngày.",
            "description": "Dự án theo hình thức đối tác công tư, có hợp đồng bao tiêu điện. "
            "Ưu tiên công nghệ lò ghi cơ học, xử lý tro bay và giám sát khí thải trực tuyến.",
            "keywords": "xử lý rác, điện rác, môi trường",
            "sectors": ["green_growth", "investment"],
            "partnership_types": ["investment", "licence"],
            "target_countries": ["JP"],
            "locality": "vn:01",
            "investment": {
                "amount": Decimal("300000000"),
                "currency": "USD",
                "land_area_ha": Decimal("18"),
                "investment_form": "ppp",
                "timeline": "2027–2029",
                "technology": 4,
                "governance": 2,
                "added_value": 2,
                "spillover": 2,
                "supply_chain": 1,
                "environment": 4,
            },
        },
    ),
    (
        "osaka-intl",
        ProposalStatus.PUBLISHED,
        {
            "kind": "cooperation_programme",
            "title": "ベトナム人介護人材の育成プログラム（日本語・介護技術研修）（デモ）",
            "summary": "大阪府内の介護施設と連携し、ベトナムの医療・看護系学校の卒業生を対象に"
            "日本語と介護技術の研修を行い、特定技能での就労につなげます。",
            "description": "研修はベトナム国内6か月、来日後3か月。受入施設が住居と生活支援を用意"
            "します。送り出し機関ではなく、自治体・学校間の協力として進めたいと考えています。",
            "sought": "ベトナムの省・市の保健局、医療短大、看護学校。",
            "partner_role": "研修生の募集・選考、現地研修の実施。",
            "programme_area": "human_resources",
            "keywords": "介護, 人材育成, 日本語教育, 特定技能",
            "sectors": ["human_resources", "healthcare", "education_training"],
            "partnership_types": ["training"],
            "target_countries": ["VN"],
            "locality": "jp:27",
        },
    ),
    (
        "hue-heritage",
        ProposalStatus.PUBLISHED,
        {
            "kind": "export_product",
            "title": "Nón lá và đồ thủ công mỹ nghệ làng nghề Huế (demo)",
            "summary": "Hợp tác xã làng nghề Huế cung cấp nón lá, nón bài thơ và túi cói thủ "
            "công cho nhà nhập khẩu, cửa hàng quà tặng Nhật Bản.",
            "description": "Sản phẩm làm tay bởi nghệ nhân Phú Cam, Tây Hồ; có thể in logo, "
            "đóng gói theo yêu cầu. Đơn hàng tối thiểu 500 chiếc.",
            "advantages": "Nguyên liệu tự nhiên, chứng nhận OCOP 4 sao.",
            "keywords": "thủ công mỹ nghệ, nón lá, quà tặng",
            "sectors": ["trade", "culture_tourism"],
            "partnership_types": ["commercial"],
            "target_countries": ["JP"],
            "locality": "vn:46",
            "export": {
                "product": "Nón lá (conical palm-leaf hats)",
                "hs_code": "650400",
                "capacity": "20.000 chiếc/năm",
                "certifications": "OCOP 4 sao",
                "target_market": "Nhật Bản",
            },
        },
    ),
    (
        "kansai-vn-business",
        ProposalStatus.PUBLISHED,
        {
            "kind": "business_request",
            "title": "Kansai manufacturers seek Vietnamese suppliers of precision machined "
            "parts (demo)",
            "summary": "Members of our association (machine tools, pumps, robots) look for "
            "Vietnamese workshops that can turn and mill aluminium and stainless parts to "
            "±0.01 mm in small lots.",
            "description": "Annual volume from 5,000 to 50,000 parts per buyer. Japanese "
            "quality audits, drawings in English; a first trial order within six months.",
            "sought": "CNC machining workshops with ISO 9001, ideally near Ho Chi Minh City or "
            "Hanoi.",
            "partner_role": "Supplier under long-term contract.",
            "keywords": "CNC, machining, supplier, mechanical parts",
            "sectors": ["trade", "investment"],
            "partnership_types": ["supplier"],
            "target_countries": ["VN"],
            "locality": "jp:271004",
        },
    ),
    (
        "hue-heritage",
        ProposalStatus.SUBMITTED,
        {
            "kind": "business_offer",
            "title": "Tour di sản Huế cho đoàn doanh nghiệp và hội nghị Nhật Bản (demo)",
            "summary": "Chương trình MICE 3 ngày: Đại Nội, lăng tẩm, ẩm thực cung đình và "
            "làng nghề, có hướng dẫn viên tiếng Nhật.",
            "keywords": "du lịch, MICE, di sản",
            "sectors": ["culture_tourism"],
            "partnership_types": ["commercial"],
            "target_countries": ["JP"],
            "locality": "vn:46",
        },
    ),
]


def _input(fields: dict, places) -> ProposalInput:
    values = dict(fields)
    values["sectors"] = list(Sector.objects.filter(key__in=values.get("sectors", [])))
    values["locality"] = places.locality(values["locality"])
    if "investment" in values:
        values["investment"] = InvestmentInput(**values["investment"])
    if "export" in values:
        values["export"] = ExportInput(**values["export"])
    return ProposalInput(**values)


def load_proposals(places, users) -> int:
    """Create the demo proposals once (a second load changes nothing) and take them through
    the workflow; returns how many exist."""
    admin = users["admin"]
    LocalityModerator.objects.get_or_create(user=users["hcmc"], locality=places.locality("vn:79"))
    for key, status, fields in DEMO_PROPOSALS:
        organisation = places.organisations[key]
        if Proposal.objects.filter(organisation=organisation, title=fields["title"]).exists():
            continue
        proposal = services.create_proposal(
            data=_input(fields, places), organisation=organisation, by=admin
        )
        if status in (ProposalStatus.SUBMITTED, ProposalStatus.PUBLISHED):
            proposal = services.submit(proposal=proposal, by=admin)
        if status == ProposalStatus.PUBLISHED:
            services.publish(proposal=proposal, by=admin)
    Proposal.objects.filter(organisation__is_demo=True).update(is_demo=True)
    _load_interest(places, users)
    load_proposal_translations(places, users)
    return Proposal.objects.filter(is_demo=True).count()


# A Japanese firm's interest in the Vietnamese cold-chain request, left for its owners to
# answer: their start page has something waiting.
DEMO_INTEREST = (
    "naniwa-robotics",
    "robotics",
    "saigon-coldchain",
    "冷凍倉庫の入出庫を自動化するロボットと温度監視の実績があります。"
    "オンラインで一度お打ち合わせをお願いできますか。（デモ）",
)


def _load_interest(places, users) -> None:
    key, person, owner, message = DEMO_INTEREST
    organisation = places.organisations[key]
    proposal = Proposal.objects.filter(
        organisation=places.organisations[owner], status=ProposalStatus.PUBLISHED
    ).first()
    if (
        proposal is None
        or Interest.objects.filter(proposal=proposal, organisation=organisation).exists()
    ):
        return
    services.express_interest(
        proposal=proposal, organisation=organisation, by=users[person], message=message
    )
