"""The role words of each language and the words that may stand between a role and a name
("Thứ trưởng Bộ Ngoại giao Nhật Bản Yamada Kenji", "Vice Minister of Foreign Affairs of Japan
Yamada Kenji")."""

from __future__ import annotations

import re

from kakehashi.news.engine.bodies import _VI_DEPARTMENTS

_VI_ROLES = [
    "Thủ tướng", "Chủ tịch nước", "Chủ tịch Quốc hội", "Chủ tịch Hội đồng quản trị",
    "Chủ tịch HĐQT", "Chủ tịch", "Bộ trưởng", "Thứ trưởng", "Bí thư", "Tổng Giám đốc",
    "Tổng giám đốc", "Giám đốc điều hành", "Giám đốc", "Đại sứ đặc mệnh toàn quyền", "Đại sứ",
    "Tổng Lãnh sự", "Tổng lãnh sự", "Lãnh sự", "Thống đốc", "Tỉnh trưởng", "Thị trưởng",
    "Trưởng Đại diện", "Trưởng đại diện", "Trưởng ban", "Trưởng Ban", "Trưởng đoàn",
    "Cục trưởng", "Vụ trưởng", "Viện trưởng", "Hiệu trưởng", "Chủ nhiệm", "Tổng Thư ký",
    "Tổng thư ký", "Nghị sĩ", "Chánh Văn phòng", "Tham tán", "Trưởng phòng", "Chủ tịch Hội",
    "Người đứng đầu", "Công sứ", "Phó Đại sứ", "Tổng Lãnh sự quán",
]  # fmt: skip
VI_ROLE = re.compile(
    r"(?<![\w])(?:(?:Phó|phó|Nguyên|nguyên|Quyền|quyền)\s+)?(?:"
    + "|".join(sorted((r for r in _VI_ROLES if r != "Tổng Lãnh sự quán"), key=len, reverse=True))
    + r")(?:\s+(?:Thường trực|thường trực))?(?![\w])"
)
VI_CONNECTOR = re.compile(
    r"(?:tại|ở|của|Nhật Bản|Việt Nam|Nhật|nước|thường trực|Thường trực|đặc mệnh toàn quyền|"
    r"Đặc mệnh toàn quyền|kiêm|Ngoại giao|Bộ|Sở|UBND|HĐND|Quốc hội|Chính phủ|Tỉnh ủy|Thành ủy|"
    r"tỉnh|thành phố|Thành phố|TP|" + _VI_DEPARTMENTS + r")(?![\w])"
)
VI_HONORIFIC = re.compile(r"(?:ông|bà|Ông|Bà|ngài|Ngài|Mr\.|Ms\.|Mrs\.)\s+")

JA_ROLES = [
    "特命全権大使", "大使", "総領事", "領事", "副知事", "知事", "副市長", "市長", "副町長", "町長",
    "村長", "区長", "副大臣", "大臣", "政務官", "事務次官", "次官", "副首相", "首相", "副委員長",
    "委員長", "副会長", "会長", "副理事長", "理事長", "副議長", "議長", "副社長", "社長",
    "首席代表", "事務所長", "所長", "副局長", "局長", "副部長", "部長", "党委書記", "副書記",
    "書記", "国家主席", "主席", "学長", "総長", "理事", "代表", "議員", "総裁", "副総裁",
    "人民委員会委員長", "人民委員会副委員長", "省人民委員会委員長", "省人民委員会副委員長",
    "市人民委員会委員長", "市人民委員会副委員長", "公使", "参事官", "大臣政務官", "副大臣",
    "課長", "副課長", "室長", "センター長", "団長", "副団長", "審議官", "省党委書記", "市党委書記",
    "省党委員会書記", "党委員会書記", "副書記長", "書記長",
    # ministers as the press shortens them: 外相, 経済産業相, 商工相
    "副首相兼外相", "外相", "経済産業相", "経産相", "国土交通相", "国交相", "農林水産相", "農相",
    "総務相", "厚生労働相", "厚労相", "文部科学相", "文科相", "財務相", "法相", "環境相", "防衛相",
    "商工相", "計画投資相", "財政相", "内務相", "労働相", "運輸相", "建設相", "農業農村開発相",
]  # fmt: skip
# "外務副大臣", "経済産業大臣": a ministry before the role
JA_ROLE = re.compile(
    r"(?:(?:外務|経済産業|国土交通|農林水産|総務|厚生労働|文部科学|財務|法務|環境|防衛|内閣府)(?=副?大臣|大臣政務官|政務官|審議官))?"
    # a bureau or section before its head: 国際局長, 国際交流課長, 商工労働部長
    r"(?:[一-龥]{1,5}(?=(?:局|部|課|室)長))?"
    # an envoy by the country served: 駐日ベトナム大使, 駐ベトナム日本国特命全権大使
    r"(?:駐(?:[日越]|[ァ-ヴー]{2,})[ァ-ヴー・一-龥]{0,16}?(?=(?:特命全権)?大使|総領事)"
    # and by the place of the post: 在ホーチミン日本国総領事, 在大阪ベトナム総領事
    r"|在[ァ-ヴー一-龥]{2,8}?(?:日本国?|ベトナム国?)(?=(?:特命全権)?大使|総領事))?"
    r"(?:" + "|".join(sorted(set(JA_ROLES), key=len, reverse=True)) + ")"
)
JA_NAME = re.compile(
    r"[ァ-ヴー]+(?:[・=＝][ァ-ヴー]+)+"  # Vietnamese names in katakana: ボー・バン・ホアン
    r"|[一-龥々]{2,6}(?=\s*(?:氏|さん|様|君))"
)

_EN_ROLES = [
    "Deputy Prime Minister", "Prime Minister", "Vice Minister", "Deputy Minister",
    "Deputy Foreign Minister", "Vice Foreign Minister", "Foreign Minister",
    "State Minister", "Parliamentary Vice-Minister", "Minister", "Vice Governor", "Governor",
    "Vice Mayor", "Deputy Mayor", "Mayor", "Ambassador Extraordinary and Plenipotentiary",
    "Ambassador", "Consul General", "Consul-General", "Vice Chairman", "Vice Chairwoman",
    "Vice-Chairman", "Vice Chair", "Permanent Vice Chairman", "Chairman", "Chairwoman", "Chair",
    "Vice President", "President", "Secretary General", "Party Secretary", "Secretary",
    "Director General", "Director-General", "Deputy Director", "Director", "Chief Representative",
    "Chief Executive", "Head", "Speaker", "CEO", "Deputy Head", "Chief",
]  # fmt: skip
EN_ROLE = re.compile(
    r"(?<![\w])(?:Former |former |Acting |acting )?(?:"
    + "|".join(sorted(_EN_ROLES, key=len, reverse=True))
    + r")(?![\w])"
)
EN_CONNECTOR = re.compile(
    r"(?:Japan['’]s|Vietnam['’]s|Viet Nam['’]s|municipal|provincial|city|"
    r"of the|of|the|to|for|in|at|Japan|Japanese|Viet Nam|Vietnam|Vietnamese|Foreign Affairs|"
    r"Planning and Investment|Industry and Trade|Economy, Trade and Industry|Finance|"
    r"Land, Infrastructure, Transport and Tourism|Agriculture|Education|Health|Labour|"
    r"Internal Affairs and Communications|Culture, Sports and Tourism|Science and Technology|"
    r"Home Affairs|Natural Resources and Environment|People's Committee|People’s Committee|"
    r"Standing|standing|Permanent|permanent|Extraordinary and Plenipotentiary|Party Committee|"
    r"Municipal|Provincial|City|Prefecture|Prefectural Government|and|"
    # a section of a government named by its field: "the Industry Department of Aichi"
    r"(?:[A-Z][\w&'’-]*\s+){1,4}(?:Department|Bureau|Division|Section)|"
    # a minister's portfolio after "for": "Vice Minister for Internal Affairs"
    r"Internal Affairs|Economy|Trade|Industry|Transport|Tourism|Environment|Justice|Defen[cs]e|"
    r"Construction|Communications|Welfare|Fisheries|Forestry|Rural Development|Social Affairs)"
    r"(?![\w])"
)
EN_HONORIFIC = re.compile(r"(?:Mr|Ms|Mrs|Dr|Madam|H\.E|HE|Prof)\.?\s+")

COUNTRY_WORDS = {
    "JP": re.compile(r"Nhật Bản|Nhật|Japan|Japanese|日本"),
    "VN": re.compile(r"Việt Nam|Vietnam|Viet Nam|Vietnamese|ベトナム|越"),
}

VI_SURNAMES = set(
    """Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Trương Đoàn
    Lâm Mai Trịnh Đào Cao Lương Tạ Hà Thái Tô Châu Kiều La Quách Lưu Từ Tăng Triệu Chu Phùng
    Nông Lại Vương Khúc Kim Âu Tôn Giang Thân Hứa Diệp Mạc Lữ Nghiêm Trình Lục Văn Tống Khổng
    Mạnh Đồng Ông Doãn Hoàng Vi Lò Quan Nhữ Bạch Đàm Cù Hồng Nhan Phương Thạch Ninh Ngọ""".split()
)
