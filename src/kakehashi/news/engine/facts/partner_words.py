"""The words of priority lists (facts/partners.py) in each language: what tells a list
(PRIORITY), its size, the verbs of choosing, the chooser named with it, the partners' country,
what is no list, the weak words that make a list only with more, those present, what says the
list follows, and the group named again in the next sentence."""

from __future__ import annotations

import re

from kakehashi.news.engine.facts.context import NUMBER

PRIORITY = {
    "vi": re.compile(
        r"(?:đối tác|địa phương)\s+(?:ưu tiên|trọng điểm|trọng tâm|then chốt|chủ chốt)"
        # "3 địa phương Nhật Bản hợp tác trọng điểm", "đối tác chiến lược" (weak)
        r"|(?:đối tác|địa phương)(?:\s+(?:Nhật Bản|Việt Nam))?(?:\s+hợp tác)?\s+"
        r"(?:ưu tiên|trọng điểm|trọng tâm|chiến lược)(?!\s+toàn diện)"
        # "các địa phương Nhật Bản mà tỉnh Nghệ An ưu tiên hợp tác" (weak)
        r"|(?:địa phương|đối tác)\s+(?:[\w.]+\s+){0,3}?mà\s+(?:[\w.]+\s+){0,5}?ưu tiên"
        r"|(?:địa phương|tỉnh|thành phố)\s+(?:của\s+)?(?:Nhật Bản|Việt Nam)\s+(?:được\s+)?ưu tiên"
        r"|(?:địa phương|đối tác)\s+(?:\w+\s+){0,3}?được\s+(?:[\w.]+\s+){0,5}?ưu tiên"
        r"|(?:dành|đặt|trao)\s+(?:sự\s+)?ưu tiên\s+(?:cho|vào)"
        r"|(?<!\w)ưu tiên(?=\s+(?:các\s+)?(?:tỉnh|thành phố|TP\.?)\s)"
        r"|ưu tiên hợp tác với|tập trung (?:hợp tác|giao lưu|quan hệ) với"
        # "đưa A và B lên đầu danh sách đối tác" (weak)
        r"|(?:lên\s+)?đầu\s+danh sách (?:các\s+)?(?:đối tác|địa phương đối tác)"
    ),
    "ja": re.compile(
        r"(?:優先|重点)(?:的な|的に)?(?:交流|協力|連携|提携|支援)?(?:する|を進める|を深める|取り組む)?"
        r"(?:(?:ベトナム|日本)の)?(?:\d+|[一二三四五六七八九十])?(?:つの|か所の|カ所の)?"
        r"(?:パートナー|相手|先|自治体|地域|都市)"
        # "フエ市、ニンビン省と重点的に交流を進めていく方針" (weak)
        r"|(?:優先|重点)的に(?:交流|協力|連携)(?:を進め|を深め|し|する)"
        r"|戦略(?:的)?パートナー(?!シップ)"  # 戦略パートナーとして…を位置付けた (weak)
        r"|最優先の?(?:交流|協力|連携)?(?:パートナー|相手|先)"  # 最優先の交流相手とする (weak)
        r"|に重点を置(?:き|いて|く)"  # "ベトナムとの交流をフート省に重点を置いて進める" (weak)
    ),
    "en": re.compile(
        r"\b(?:priority|key|focus|core|strategic|focal|top-tier|preferred|top|main|principal"
        r"|most important|favou?red|privileged|anchor)\s+"
        r"(?:Japanese\s+|Vietnamese\s+|Japan\s+|Vietnam\s+|Viet\s+Nam\s+)?"
        r"(?:cooperation\s+|exchange\s+)?"
        r"(?:partners?|localities|partner localities|partner cities|partner prefectures"
        r"|partner provinces|regions|provinces|prefectures|counterparts|cities|towns)"
        # "Thai Nguyen's priority list now has five Japanese localities", "listing A and B among
        # its priorities", "as focus areas of its cooperation with Vietnam" (weak)
        r"|\bpriority\s+list\b|\bamong\s+(?:its|their|our)\s+priorities\b"
        r"|\bas\s+(?:its\s+|their\s+|our\s+)?(?:main\s+|top\s+)?priorities\b"
        # "puts A and B at the centre of its Vietnam exchanges" (weak)
        r"|\bat\s+the\s+(?:centre|center|heart|core)\s+of\s+(?:its|their|our)\s+"
        r"(?:[A-Z]\w+\s+)?(?:exchanges?|cooperation|ties|relations)\b"
        # "makes Da Nang and Hai Phong the focus of its engagement with Vietnam"
        r"|\bthe\s+(?:main\s+)?focus\s+of\s+(?:its|their|our)\s+(?:[A-Z]\w+\s+)?"
        r"(?:engagement|exchanges?|cooperation|ties|relations)\b"
        r"|\bfocus\s+areas\b"
        # the choice told by the noun: "partner localities of choice", "a shortlist of three
        # Japanese localities", "localities for priority cooperation"
        r"|\b(?:partner\s+)?(?:partners|localities|cities|prefectures|provinces|regions)\s+of\s+"
        r"choice\b"
        r"|\bshort-?list(?:ed)?\s+(?:of\s+)?(?:\w+\s+){0,2}?(?:partners|localities|cities"
        r"|prefectures|provinces|regions)\b"
        r"|\b(?:(?:partners|localities|cities|prefectures|provinces|regions)\s+)?for\s+priority\s+"
        r"(?:cooperation|exchanges?|ties|partnerships?)\b"
        r"|\b(?:give|gives|giving|gave|given|accords?|accorded)\s+(?:its\s+|their\s+|top\s+)?"
        r"priority\s+(?:to|in\s+(?:its|their|our)\s+(?:\w+\s+)?(?:cooperation|exchanges?|ties"
        r"|relations|partnerships?))\b"
        r"|\b(?:concentrat|focus)\w*\s+(?:its|their|our)\s+(?:[A-Z]\w+\s+)?"
        r"(?:exchanges?|cooperation|ties|relations|partnerships?)"
        r"\s+(?:(?:in|with) (?:\w+\s+)?(?:Japan|Vietnam|Viet Nam)\s+)?(?:in \w+\s+)?on\b"
        # "will focus on three Vietnamese provinces - A, B and C": a size follows
        r"|\b(?:concentrat|focus)\w*\s+(?:its\s+\w+\s+)?on\s+(?=(?:the\s+)?(?:\d+|two|three|four|five"
        r"|six|seven|eight|nine|ten)\s+(?:Japanese\s+|Vietnamese\s+)?(?:localities|prefectures"
        r"|provinces|cities|partners)\b)"
        r"|\bprioriti[sz]\w*\s+(?:its\s+|their\s+)?(?:exchanges?|cooperation|ties|relations"
        r"|partnerships?)\s+with\b"
        # "is prioritising Fukuoka, Saitama and Tokyo in its cooperation with Japan", "Hue's
        # priorities in Japan are …", "Ninh Binh's cooperation with Japan will centre on …" (weak)
        r"|\bprioriti[sz](?:e|es|ed|ing)\s+(?=[A-Z])"
        r"|\bpriorities\s+(?:in|among)\s+(?:Japan|Vietnam|Viet Nam)\b"
        r"|\b(?:Japan|Vietnam|Viet Nam)\s+priorities\b"
        r"|\b(?:cooperation|exchanges?|ties|relations)\s+with\s+(?:Japan|Vietnam|Viet Nam)\s+"
        r"(?:will\s+|would\s+)?(?:centre|center|focus|concentrate)\w*\s+on\b"
        # the list's members put first among the partners: "has placed A, B and C at the top of
        # its list of Japanese partners for 2026-2030", "will put A and B first among its
        # Vietnamese partners until 2030" (weak)
        r"|\b(?:at\s+the\s+top\s+of|first\s+among|first\s+on|top\s+of)\s+(?:its|their|our"
        r"|the\s+\w+['’]s)\s+(?:list\s+of\s+)?(?:Japanese\s+|Vietnamese\s+|foreign\s+)?"
        r"(?:partners|partner\s+localities|partner\s+cities)\b"
        # "would enjoy priority status in the province's external relations", "have held
        # priority-partner status in Da Nang's plan" (weak)
        r"|\bpriority(?:[- ]partner)?\s+status\b"
        # "has made Da Nang and Quang Ngai the anchors of its Vietnam strategy" (weak)
        r"|\banchors\s+of\s+(?:its|their|our)\s+(?:[A-Z]\w+\s+)?(?:strategy|cooperation"
        r"|exchanges|ties|policy)\b"
        # the partners told before, named again: "Those five are the partners the city will
        # prioritise until 2030" (BACK: the members are in the sentence before)
        r"|\b(?:partners|localities|prefectures|provinces|cities|regions)\s+(?:that\s+)?(?:the\s+\w+|it"
        r"|we|they|[A-Z]\w+(?:\s+[A-Z]\w+){0,3})\s+(?:will|would|is going to|plans to)\s+"
        r"prioriti[sz]e\b"
        # "would focus on A, B and C until 2030", "the focus of Hue's cooperation" (_LOOSE)
        r"|\bfocus(?:es|ed|ing)?\s+on\b|(?<=\bthe )focus of\b",
        re.IGNORECASE,
    ),
}
SIZE = {
    "vi": re.compile(NUMBER + r"\s+(?:địa phương|tỉnh|tỉnh, thành phố|tỉnh, thành|đối tác)"),
    "ja": re.compile(
        r"(\d+|[一二三四五六七八九十])\s*(?:つの|か所の|カ所の)?(?:日本の|ベトナムの)?(?:自治体|都道府県|道府県|道県|都県|府県|地方|県|都市|地域|市|省)"
    ),
    "en": re.compile(
        NUMBER + r"\s+(?:priority |key |core |focus )?(?:Japanese |Vietnamese )?(?:partner )?"
        r"(?:cooperation |exchange )?"
        r"(?:localities|prefectures|provinces|cities|partners|local governments|members)",
        re.IGNORECASE,
    ),
}
# A choice of a group of localities with no word of priority: "We have settled on a quartet of
# Japanese localities for the years up to 2030: …", "has picked three Japanese prefectures for
# the 2026-2030 period". A list only with a period (not "for its trade fair in 2027").
_GROUP_WORDS = {"pair": 2, "trio": 3, "quartet": 4, "quintet": 5, "half a dozen": 6, "sextet": 6}
_GROUP = r"(?:a\s+)?(pair|trio|quartet|quintet|half a dozen|sextet)\s+of\s+"
CHOSEN_GROUP = {
    "en": re.compile(
        r"\b(?:settled on|settle on|picked|chosen|chose|selected|singled out|identified)\s+"
        r"(?:(?:the|its|their)\s+)?(?:" + NUMBER + r"\s+|" + _GROUP + r")"
        r"(?:Japanese|Vietnamese)\s+(?:localities|prefectures|provinces|cities|partners)\b",
        re.IGNORECASE,
    ),
}
# the list's size as a group word: "a quartet of Japanese localities", "half a dozen partners"
_GROUP_SIZE = re.compile(
    r"\b" + _GROUP + r"(?:[\w-]+\s+){0,2}?(?:localities|prefectures|provinces|cities|partners)\b",
    re.IGNORECASE,
)


def group_word_size(lang: str, text: str) -> int | None:
    found = _GROUP_SIZE.search(text) if lang == "en" else None
    return _GROUP_WORDS[found.group(1).lower()] if found else None


# "chọn", "lựa chọn", "xác định", "coi ... là", "選定", "位置づけ", "named", "chose"
CHOOSE = {
    "vi": re.compile(r"(?<!\w)(?:lựa chọn|chọn|xác định|coi|xem|đưa|bổ sung|chỉ định)(?!\w)"),
    "ja": re.compile(r"(?<=は)|(?<=が)"),
    "en": re.compile(
        r"\b(?:chose|chosen|choose|chooses|named|names|selected|identified|picked|picks|added|"
        r"adds|designated|designates)\b"
    ),
}
# the whole of which the list is a part: "6 địa phương…, trong đó", "seven…, of which", "のうち"
SUBSET = {
    "vi": re.compile(r"(?<!\w)(?:trong đó|trong số đó|trong số này)(?!\w)", re.IGNORECASE),
    "ja": re.compile(r"うち"),
    "en": re.compile(r"\b(?:of which|of whom|among them|among which)\b", re.I),
}
# the chooser named with the list: "đối tác ưu tiên của TP", "priority partners of Hue",
# "本県の重点交流先"
OWNER = {
    "vi": re.compile(r"\s*của\s+"),
    "ja": re.compile(r"(?!)"),
    # "priority-partner status in Da Nang's external relations plan", "a key partner of the
    # former Binh Phuoc Province"
    "en": re.compile(r"\s*of\s+(?:the\s+former\s+)?|\s+in\s+(?=[A-Z][^,.;]{0,30}?['’]s\s)"),
}
OWNER_BEFORE = {
    "ja": re.compile(r"の[^、。をはが]{0,8}$"),
    "en": re.compile(r"['’]s\s+(?:[\w-]+\s+){0,2}$"),  # "were chosen as Aichi's priority partners"
}
ANAPHORS = {"tp", "thành phố", "tỉnh", "同市", "同県", "同府", "同省", "同都", "the city",
            "the province", "the prefecture"}  # fmt: skip
# The partners' country when the sentence names one ("4 địa phương Nhật Bản", "ベトナムの3地域",
# "priority partners in Japan").
COUNTRY_WORDS = {
    "vi": {"JP": re.compile(r"Nhật Bản"), "VN": re.compile(r"Việt Nam")},
    # not a place told with its region or country: ベトナム北部バクニン省, ベトナム・クアンニン省
    "ja": {
        "JP": re.compile(r"日本(?!国大使|国総領事)"),
        "VN": re.compile(r"ベトナム(?![北南中東西]|・)"),
    },
    "en": {
        "JP": re.compile(r"\b(?:Japanese|Japan)\b"),
        "VN": re.compile(r"\b(?:Vietnamese|Vietnam|Viet Nam)\b"),
    },
}
# Not a list of places: the country itself as the partner ("Nhật Bản là đối tác ưu tiên hàng
# đầu", "Japan is a key partner", 日本を重点パートナーと), or the partners beside the list
# ("Ngoài 4 đối tác ưu tiên, tỉnh còn hợp tác với...", "Besides its priority partners").
NOT_A_LIST = {
    "vi": re.compile(
        r"(?<!phương )(?<!tỉnh )(?<!phố )(?<!tác )(?<!của )(?<!tại )(?<!ở )(?<!\d )"
        r"(?:Nhật Bản|Việt Nam)\s+(?:luôn\s+|vẫn\s+|tiếp tục\s+)?(?:là|được coi là|được xem là|"
        r"được xác định là)\s+(?:một\s+)?(?:trong (?:những|các)\s+)?(?:đối tác|quốc gia)"
        # (not "Bên cạnh đó," nor "Ngoài ra,": "moreover", no partners beside the list)
        r"|^\s*(?:Ngoài|Bên cạnh|Ngoài ra, bên cạnh)\s(?!đó\b|ra\b)"
    ),
    "ja": re.compile(r"(?:日本|ベトナム)(?:は|を|が)(?:[^。、]{0,6})(?:重点|優先)|以外(?:の|にも)"),
    "en": re.compile(
        r"(?<!in )(?<!of )\b(?:Japan|Vietnam|Viet Nam)\s+(?:is|as|remains|was|has been|would be)\s+"
        r"(?:a|an|its|one of (?:its|the)|[\w ]+['’]s)\s+(?:\w+\s+)?(?:priority|key|focus)"
        r"|^\s*(?:Besides|Apart from|Beyond|In addition to|Aside from)\b"
        # places beside the list: "Kobe and Sakai, which rank below the three priority partners"
        r"|\b(?:below|outside|beyond|other than|apart from|besides|behind)\s+(?:the|its|their)\s+"
        r"(?:\w+\s+)?(?=(?:priority|key|core)\b)"
        # a ranking by trade: "Tay Ninh's top partners by trade volume are …", "main trading
        # partners"
        r"|\b(?:top|main|largest|biggest|principal)\s+(?:\w+\s+)?partners\s+(?:by|in terms of)\b"
        r"|\btrading\s+partners?\b"
        # a correction: "An earlier version of this article misstated … as Chiba and Saitama"
        r"|\b(?:misstated|misreported|incorrectly|wrongly|erroneously)\b",
        re.IGNORECASE,
    ),
}
# A trigger that also says "we favour working with X" without naming a list: it gives a list
# only with two partners or more, a size or a period.
WEAK = re.compile(
    r"ưu tiên hợp tác với|^(?:địa phương|đối tác)\s+được|ưu tiên (?:cho|vào)|^ưu tiên$|tập trung"
    r"|chiến lược$|^(?:địa phương|đối tác)\s+(?:[\w.]+\s+){0,3}?mà\s"
    r"|優先的に|重点的に|^戦略|^最優先|đầu\s+danh sách|status$"
    r"|^(?:key|focus|core|strategic|focal|concentrat|prioriti|giv|gave|accord|at|first|top|main|anchor"
    r"|principal|most|among|as|favou?red|privileged|priorities|priority\s+list|cooperation|exchange|ties"
    r"|relations)",
    re.IGNORECASE,
)
# The choice told by a noun ("partner localities of choice", "a shortlist of …", "localities
# for priority cooperation"): a list only when chosen, with a size or with a period.
NOUN_CHOICE = re.compile(r"of\s+choice$|^short|for\s+priority", re.IGNORECASE)
# Members added to a list told before: "thành phố đưa thêm A và B vào danh sách", "also added",
# 新たに加え
ADDED = {
    # "thành phố Fukuoka cũng được đưa vào danh sách đối tác ưu tiên của tỉnh"
    "vi": re.compile(
        r"(?<!\w)(?:đưa thêm|bổ sung|thêm)(?!\w)|(?<!\w)đưa\s+(?:\w+\s+){0,6}?vào\s+danh sách"
    ),
    # "バクニン省も重点交流先に加える"
    "ja": re.compile(r"新たに加え|を加え|も加え|追加し|追加した|も併せて|も[^。、]{0,12}に加え"),
    "en": re.compile(r"\b(?:also added|has added|have added|added|adds|joins|joined)\b", re.I),
}
# Those present: a list of attendees is no list of priority partners.
ATTEND = {
    "vi": re.compile(r"tham dự|tham gia|có mặt|đại diện|Đại diện"),
    "ja": re.compile(r"出席|参加|来場|列席"),
    "en": re.compile(
        r"\b(?:attended|attending|attendees|took part|participants|representatives)\b"
    ),
}
# The list follows in the next sentence: "... gồm:", "...as follows:", "以下の".
LIST_FOLLOWS = re.compile(
    r"(?:[:：]|gồm|bao gồm|là|including|namely|as follows\.?|như sau\.?"
    r"|(?:以下|次)の(?:通り|とおり)(?:です)?。?)\s*$"
)


# a member told in passing: "Can Tho, one of their priority partners", "một trong các đối tác
# ưu tiên của tỉnh", 重点交流先の一つ
ONE_OF = re.compile(
    r"\bone of (?:its|their|our|his|her|the|[\w ]+['’]s)\s+(?:\w+\s+)?$"
    r"|một trong (?:các|những)\s+$",
    re.I,
)
BESIDES = re.compile(
    r"^\s*(?:Ngoài|Bên cạnh|Besides|Apart|Beyond|In addition|Aside)|以外"
    r"|^(?:below|outside|beyond|other than|apart from|besides|behind)\s"
    r"|^(?:misstated|misreported|incorrectly|wrongly|erroneously)$",
    re.I,
)


# a fact box's line under a heading that names the list: "Partners: A; B; C (D); E",
# "Đối tác: …", "重点交流先：…"
BOX_LINE = re.compile(
    r"^\s*(?:(?:Priority |Key )?[Pp]artners?|(?:Các )?[Đđ]ối tác(?: ưu tiên| trọng điểm)?|"
    r"Danh sách|重点交流先|優先交流先|重点パートナー|パートナー)\s*[:：]"
)


IN_BRACKETS = re.compile(r"[(（][^()（）]*$")  # "三重県（県庁所在地は津市）": not a verb

# the chooser as the agent of a passive verb of choosing: "Saga has been named by Dong Thap as
# one of its priority partners", "one of five localities selected by Hung Yen", "được tỉnh
# Đồng Tháp chọn là", "ドンタップ省により…に選定された"
BY_AGENT = {
    "en": re.compile(
        r"\b(?:chosen|named|selected|picked|designated|identified|listed|singled out|"
        r"shortlisted)\s+by\s+(?:the\s+)?$",
        re.IGNORECASE,
    ),
    "vi": re.compile(r"(?<!\w)được\s+(?:(?:UBND|Ủy ban nhân dân|chính quyền)\s+)?$"),
    "ja": re.compile(r"(?!)"),
}


# the list's members put first among the partners ("will put A and B first among its
# partners"): the verbs of choosing, and those of putting
TOP = re.compile(r"at\s|first\s|top\s", re.IGNORECASE)
PUT = re.compile(CHOOSE["en"].pattern + r"|\b(?:put|puts|placed|places)\b")


# a sentence that names again, as a group, the places the sentence before it told: "Those five
# are the partners the city will prioritise until 2030", "These three are …"
BACK = {
    "en": re.compile(
        r"^\s*(?:Those|These|All)\s+(two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+"
        r"(?:are|were|will be|remain)\b"
        # "The result will please city officials: those are the three localities Hanoi chose …"
        r"|^[^.;:]{0,60}:\s*(?:those|these)\s+(?:are|were)\s+(?:the\s+)?"
        r"(two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+"
        r"(?:localities|partners|prefectures|provinces|cities)\b",
        re.IGNORECASE,
    ),
    # "Bốn địa phương này là các đối tác ưu tiên của tỉnh đến năm 2030."
    "vi": re.compile(
        r"^\s*(?:Cả\s+)?"
        + NUMBER
        + r"\s+(?:địa phương|đối tác|tỉnh, thành phố)\s+(?:này|nói trên|trên)"
        r"\s+(?:là|sẽ là|được xác định là|được chọn là)(?!\w)",
        re.IGNORECASE,
    ),
}
