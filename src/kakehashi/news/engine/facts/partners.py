"""Priority partners ("TP xác định 7 địa phương Nhật Bản là đối tác ưu tiên đến năm 2025, gồm
tỉnh Osaka, Kanagawa, ..."); partnership counts are in partnership_counts.py.

The locality is the chooser: the place after "của"/"of" ("đối tác ưu tiên của TP") or before
"の" (本県の重点交流先), else the place named last before a verb of choosing ("TP đã chọn A, B
và C là đối tác ưu tiên", "A và B được tỉnh chọn là..."), else the first place before the
trigger, else the article's place. A chooser written "TP"/"Thành phố"/同市/"the city" is the
article's place when the pronoun would otherwise stand for a place of the partners' country;
"本県"/"当市" is the article's own Japanese place. When the sentence names the partners'
country ("4 địa phương Nhật Bản", "ベトナムの3地域", "partners in Japan"), the chooser is of
the other country (a headline may name it after the list) and the partners of that one.
Partners are the places of the other country in the sentence, and in the next one when the
sentence says more are to come (a size larger than the places named, "gồm:"); the list size
is the number before "địa phương"/"自治体"/"localities"; until is the year of "đến năm
2025"/"2025年まで"/"until 2025" (or a period's last year).

Not a list: the country itself as the partner ("Nhật Bản là đối tác ưu tiên hàng đầu",
"Japan is a key partner"), the partners beside the list ("Ngoài 4 đối tác ưu tiên, ...",
"Besides its priority partners", 重点交流先以外の), a preference for one place with no size
nor period ("ưu tiên hợp tác với tỉnh Aichi trong lĩnh vực..."), a list hoped for or under
study ("mong muốn X sẽ trở thành đối tác trọng điểm", "is considering", 重点交流先にしたい).
A list told twice is one fact: per chooser the one whose partners are as many as it says;
a list whose partners are all among another's is left out. Clauses joined by a semicolon that
each have a period of their own are lists of their own (partner_reach.period_clauses).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from kakehashi.news.engine.facts import partner_members as M
from kakehashi.news.engine.facts.context import NUMBER, Context, number
from kakehashi.news.engine.facts.own_place import in_merger_clause, places_with_own
from kakehashi.news.engine.facts.partner_clues import (
    LOOSE,
    adds_to_list,
    chosen_in_clause,
    denied,
    each_other,
    far,
    hoped,
    in_relative,
    mutual,
    names_list_again,
    one_year,
    widened_size,
)
from kakehashi.news.engine.facts.partner_complete import (
    completing,
    group_size,
    joins_list,
    told_in_city,
    year_of_focus,
)
from kakehashi.news.engine.facts.partner_lists import one_list_per_place, told_once
from kakehashi.news.engine.facts.partner_reach import (
    annex_rows,
    following,
    period,
    period_clauses,
    period_next,
)
from kakehashi.news.engine.gazetteer import Mention
from kakehashi.news.engine.text import Sentence

PRIORITY = {
    "vi": re.compile(
        r"(?:đối tác|địa phương)\s+(?:ưu tiên|trọng điểm|trọng tâm)"
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
        r"(?:優先|重点)(?:的な|的に)?(?:交流|協力|連携|提携)?(?:する|を進める|を深める)?"
        r"(?:(?:ベトナム|日本)の)?(?:パートナー|相手|先|自治体|地域|都市)"
        r"|戦略(?:的)?パートナー(?!シップ)"  # 戦略パートナーとして…を位置付けた (weak)
        r"|最優先の?(?:交流|協力|連携)?(?:パートナー|相手|先)"  # 最優先の交流相手とする (weak)
    ),
    "en": re.compile(
        r"\b(?:priority|key|focus|core|strategic|focal|top-tier|preferred)\s+"
        r"(?:Japanese\s+|Vietnamese\s+)?"
        r"(?:cooperation\s+|exchange\s+)?"
        r"(?:partners?|localities|partner localities|partner cities|partner prefectures"
        r"|partner provinces|regions|provinces|prefectures)"
        # the choice told by the noun: "partner localities of choice", "a shortlist of three
        # Japanese localities", "localities for priority cooperation"
        r"|\b(?:partner\s+)?(?:partners|localities|cities|prefectures|provinces|regions)\s+of\s+"
        r"choice\b"
        r"|\bshort-?list(?:ed)?\s+(?:of\s+)?(?:\w+\s+){0,2}?(?:partners|localities|cities"
        r"|prefectures|provinces|regions)\b"
        r"|\b(?:partners|localities|cities|prefectures|provinces|regions)\s+for\s+priority\s+"
        r"(?:cooperation|exchanges?|ties|partnerships?)\b"
        r"|\b(?:give|gives|giving|gave|given|accords?|accorded)\s+(?:its\s+|their\s+|top\s+)?"
        r"priority\s+(?:to|in\s+(?:its|their|our)\s+(?:\w+\s+)?(?:cooperation|exchanges?|ties"
        r"|relations|partnerships?))\b"
        r"|\b(?:concentrat|focus)\w*\s+(?:its|their|our)\s+(?:[A-Z]\w+\s+)?"
        r"(?:exchanges?|cooperation|ties)"
        r"\s+(?:in \w+\s+)?on\b"
        # "will focus on three Vietnamese provinces - A, B and C": a size follows
        r"|\b(?:concentrat|focus)\w*\s+(?:its\s+\w+\s+)?on\s+(?=(?:the\s+)?(?:\d+|two|three|four|five"
        r"|six|seven|eight|nine|ten)\s+(?:Japanese\s+|Vietnamese\s+)?(?:localities|prefectures"
        r"|provinces|cities|partners)\b)"
        r"|\bprioriti[sz]\w*\s+(?:its\s+|their\s+)?(?:exchanges?|cooperation|ties)\s+with\b"
        # the list's members put first among the partners: "has placed A, B and C at the top of
        # its list of Japanese partners for 2026-2030", "will put A and B first among its
        # Vietnamese partners until 2030" (weak)
        r"|\b(?:at\s+the\s+top\s+of|first\s+among|first\s+on|top\s+of)\s+(?:its|their|our"
        r"|the\s+\w+['’]s)\s+(?:list\s+of\s+)?(?:Japanese\s+|Vietnamese\s+|foreign\s+)?"
        r"(?:partners|partner\s+localities|partner\s+cities)\b"
        # "would enjoy priority status in the province's external relations", "have held
        # priority-partner status in Da Nang's plan" (weak)
        r"|\bpriority(?:[- ]partner)?\s+status\b"
        # the partners told before, named again: "Those five are the partners the city will
        # prioritise until 2030" (_BACK: the members are in the sentence before)
        r"|\b(?:partners|localities|prefectures|provinces|cities)\s+(?:that\s+)?(?:the\s+\w+|it"
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
        r"(\d+|[一二三四五六七八九十])\s*(?:つの|か所の|カ所の)?(?:日本の|ベトナムの)?(?:自治体|都道府県|地方|県|都市|地域|市|省)"
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


def _group_size(lang: str, text: str) -> int | None:
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
    # "priority-partner status in Da Nang's external relations plan"
    "en": re.compile(r"\s*of\s+|\s+in\s+(?=[A-Z][^,.;]{0,30}?['’]s\s)"),
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
    "ja": {"JP": re.compile(r"日本(?!国大使|国総領事)"), "VN": re.compile(r"ベトナム")},
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
        r"|^\s*(?:Ngoài|Bên cạnh|Ngoài ra, bên cạnh)\s"
    ),
    "ja": re.compile(r"(?:日本|ベトナム)(?:は|を|が)(?:[^。、]{0,6})(?:重点|優先)|以外(?:の|にも)"),
    "en": re.compile(
        r"(?<!in )(?<!of )\b(?:Japan|Vietnam|Viet Nam)\s+(?:is|as|remains|was|has been|would be)\s+"
        r"(?:a|an|its|one of (?:its|the)|[\w ]+['’]s)\s+(?:\w+\s+)?(?:priority|key|focus)"
        r"|^\s*(?:Besides|Apart from|Beyond|In addition to|Aside from)\b"
        # places beside the list: "Kobe and Sakai, which rank below the three priority partners"
        r"|\b(?:below|outside|beyond|other than|apart from|besides|behind)\s+(?:the|its|their)\s+"
        r"(?:\w+\s+)?(?=(?:priority|key|core)\b)"
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
    r"|優先的に|^戦略|^最優先|đầu\s+danh sách|status$"
    r"|^(?:key|focus|core|strategic|focal|concentrat|prioriti|giv|gave|accord|at|first|top)",
    re.IGNORECASE,
)
# The choice told by a noun ("partner localities of choice", "a shortlist of …", "localities
# for priority cooperation"): a list only when chosen, with a size or with a period.
NOUN_CHOICE = re.compile(r"of\s+choice$|^short|for\s+priority", re.IGNORECASE)
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
_ONE_OF = re.compile(
    r"\bone of (?:its|their|our|his|her|the|[\w ]+['’]s)\s+(?:\w+\s+)?$"
    r"|một trong (?:các|những)\s+$",
    re.I,
)
_BESIDES = re.compile(
    r"^\s*(?:Ngoài|Bên cạnh|Besides|Apart|Beyond|In addition|Aside)|以外"
    r"|^(?:below|outside|beyond|other than|apart from|besides|behind)\s"
    r"|^(?:misstated|misreported|incorrectly|wrongly|erroneously)$",
    re.I,
)


# a fact box's line under a heading that names the list: "Partners: A; B; C (D); E",
# "Đối tác: …", "重点交流先：…"
_BOX_LINE = re.compile(
    r"^\s*(?:(?:Priority |Key )?[Pp]artners?|(?:Các )?[Đđ]ối tác(?: ưu tiên| trọng điểm)?|"
    r"Danh sách|重点交流先|優先交流先|重点パートナー|パートナー)\s*[:：]"
)


def _heads_box(sentence, later) -> bool:
    """The sentence is a heading line (no full stop) over a fact box's line of partners."""
    return (
        later is not None
        and not re.search(r"[.。!?]\s*$", sentence.text)
        and bool(_BOX_LINE.match(later.text))
    )


def _trigger(lang: str, text: str):
    """The words that tell the list, after what is no list: the country as the partner told
    first ("ベトナムを重点国と位置づけ、A、B、Cを重点交流先とした") leaves the list that
    follows it; the partners beside the list ("Ngoài 4 đối tác ưu tiên, …") leave none."""
    nots = list(NOT_A_LIST[lang].finditer(text))
    if any(_BESIDES.search(m.group()) for m in nots):
        return None
    end = max((m.end() for m in nots), default=0)
    found = next((t for t in PRIORITY[lang].finditer(text) if t.start() >= end), None)
    if found is None and lang in CHOSEN_GROUP:
        found = CHOSEN_GROUP[lang].search(text, end)
    return found


_IN_BRACKETS = re.compile(r"[(（][^()（）]*$")  # "三重県（県庁所在地は津市）": not a verb

# the chooser as the agent of a passive verb of choosing: "Saga has been named by Dong Thap as
# one of its priority partners", "one of five localities selected by Hung Yen", "được tỉnh
# Đồng Tháp chọn là", "ドンタップ省により…に選定された"
_BY_AGENT = {
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
_TOP = re.compile(r"at\s|first\s|top\s", re.IGNORECASE)
_PUT = re.compile(CHOOSE["en"].pattern + r"|\b(?:put|puts|placed|places)\b")


def _agent(ctx: Context, sentence, trigger, places) -> Mention | None:
    """The place named as the agent of a passive choice before the trigger."""
    lo = sentence.start
    for m in places:
        if m.start >= lo + trigger.start():
            break
        if not _BY_AGENT[ctx.language].search(ctx.norm, max(lo, m.start - 40), m.start):
            continue
        if ctx.language == "vi" and not CHOOSE["vi"].match(ctx.norm, m.end + 1):
            continue  # "được tỉnh Đồng Tháp chọn": the verb right after the agent
        return m
    return None


def _chooser(ctx: Context, sentence, trigger, places) -> Mention | None:
    """The place whose priority list the sentence states (None: the sentence names none)."""
    lang, lo = ctx.language, sentence.start
    # "Ninh Binh, which merged with Nam Dinh and Ha Nam, has named…": not the absorbed units
    places = [m for m in places if not in_merger_clause(ctx, sentence, m)]
    owner = OWNER[lang].match(sentence.text, trigger.end())
    if owner:
        after = [m for m in places if m.start == lo + owner.end()]
        if after:
            return after[0]
    agent = _agent(ctx, sentence, trigger, places)
    if agent is not None:
        return agent
    inside = [
        m
        for m in places
        if lo + trigger.start() < m.start < lo + trigger.end()
        and ctx.text.low[m.start : m.end] not in ANAPHORS
    ]
    if inside:  # "the partners Can Tho plans to prioritise" (not "the city": see _article_place)
        return inside[0]
    if lang in OWNER_BEFORE:
        mine = [
            m
            for m in places
            if m.end <= lo + trigger.start()
            and OWNER_BEFORE[lang].match(ctx.norm[m.end : lo + trigger.start()])
        ]
        if mine:
            return mine[-1]
    choose = _PUT if lang == "en" and _TOP.match(trigger.group()) else CHOOSE[lang]
    verbs = [
        v
        for v in choose.finditer(sentence.text, 0, trigger.start())
        if v.start() and not _IN_BRACKETS.search(sentence.text, 0, v.start())
    ]
    if verbs:
        before = [m for m in places if m.end <= lo + verbs[-1].start()]
        return before[-1] if before else None  # what follows the verb is the list
    before = [m for m in places if m.start < lo + trigger.start()]
    if len(places) >= 2 and len({m.country for m in places}) == 1:
        return None  # all of one country, with nothing that chooses: they are the list
    return before[0] if before else None


def _article_place(ctx: Context, chooser: Mention | None, places: list[Mention]):
    """The chooser, unless it is a pronoun standing for a place of the partners' country
    (or no place at all): then the place the article is about."""
    rest = [m for m in places if m is not chooser]
    if chooser is not None and all(m.slug == chooser.slug for m in rest):
        return chooser  # "The Hai Phong People's Committee approved the city's …": itself
    countries = [m.country for m in rest]
    # on a tie, the side the sentence opens with is the chooser's ("UBND tỉnh Thanh Hóa quyết
    # định bổ sung tỉnh Shizuoka vào danh sách … của tỉnh"); sorted, so that it never varies
    opener = rest[0].country if rest else None
    theirs = (
        max(sorted(set(countries)), key=lambda c: (countries.count(c), c != opener))
        if countries
        else None
    )
    if chooser is not None and (
        chooser.country != theirs or ctx.text.low[chooser.start : chooser.end] not in ANAPHORS
    ):
        return chooser
    if chooser is None and not rest:
        return None
    ours = ctx.main_locality("JP" if theirs == "VN" else "VN")
    if chooser is None or ours is None:
        return ours or chooser
    # the pronoun as written, standing for the article's place
    return replace(chooser, slug=ours.slug, country=ours.country, level=ours.level,
                   successor=ours.successor)  # fmt: skip


def _owner_pronoun(ctx: Context, m: Mention) -> bool:
    """The list's owner told by a pronoun after its words ("…; giai đoạn 2028-2030, các đối tác
    ưu tiên của tỉnh là …", "the priority partners of the city"): the chooser, not a member."""
    if ctx.text.low[m.start : m.end] not in ANAPHORS:
        return False
    before = ctx.norm[max(0, m.start - 60) : m.start]
    owner = re.search(r"(?:của|of)\s+(?:the\s+)?$", before)
    return bool(
        owner
        and re.search(
            "(?:" + PRIORITY[ctx.language].pattern + r")\s*$", before[: owner.start()], re.I
        )
    )


def _adds_to_list(lang: str, text: str) -> bool:
    """The next sentence adds earlier members and tells the whole list again."""
    return (adds_to_list(lang, text) or joins_list(lang, text)) and bool(
        names_list_again(lang, text) or PRIORITY[lang].search(text)
    )


def _stated_country(lang: str, text: str) -> str | None:
    named = [c for c, pattern in COUNTRY_WORDS[lang].items() if pattern.search(text)]
    return named[0] if len(named) == 1 else None


def _list_subject(ctx: Context, sentence, trigger, places, stated):
    chooser = _chooser(ctx, sentence, trigger, places)
    if stated is None:
        if chooser is None and not places:
            return ctx.main_locality("VN")
        return _article_place(ctx, chooser, places)
    if chooser is not None and chooser.country != stated:
        return _article_place(ctx, chooser, places)
    # a headline may name the chooser after the list ("ベトナム3地域を重点交流先に　三重県が…")
    ours = [m for m in places if m.country and m.country != stated]
    if ours:
        return ours[0]
    return ctx.main_locality("JP" if stated == "VN" else "VN")


def _returned(ctx: Context, sentence, trigger, fact: dict) -> dict | None:
    """The partner's list of the chooser when the sentence says they choose each other ("Quang
    Tri and Tottori agreed to treat each other as priority partners until 2030"): its one
    partner's list of the chooser, with the same period."""
    if len(fact["partners"]) != 1 or not fact["locality"]:
        return None
    if not each_other(ctx.language, sentence.text, trigger.start()):
        return None
    partner = fact["partners"][0]
    fields = {"locality": partner, "partners": [fact["locality"]], "list_size": None,
              "until": fact["until"]}  # fmt: skip
    return ctx.fact("priority_partners", sentence, fields, fact["confidence"])


# a sentence that names again, as a group, the places the sentence before it told: "Those five
# are the partners the city will prioritise until 2030", "These three are …"
_BACK = {
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


def _told_before(ctx: Context, sentence):
    """(the sentence before, the size the group states) when `sentence` names a group of places
    told in the sentence before it ("Those five are the partners …") and none of its own."""
    pattern = _BACK.get(ctx.language)
    found = pattern.match(sentence.text) if pattern else None
    if found is None or sentence.index == 0:
        return None
    earlier = ctx.text.sentences[sentence.index - 1]
    if not places_with_own(ctx, earlier.start, earlier.end):
        return None
    return earlier, number(next(group for group in found.groups() if group))


def find_priority_partners(ctx: Context) -> list[dict]:
    lang, out, mutuals = ctx.language, [], set()
    sentences = ctx.text.sentences
    for sentence in sentences:
        trigger = _trigger(lang, sentence.text)
        if not trigger or hoped(lang, sentence, trigger, CHOOSE[lang]):
            continue
        if denied(lang, sentence.text, trigger.start(), trigger.end()):
            continue  # "Sendai has no priority partner cities yet"
        later = sentences[sentence.index + 1] if sentence.index + 1 < len(sentences) else None
        places = places_with_own(ctx, sentence.start, sentence.end)
        stated = _stated_country(lang, sentence.text)
        clauses = period_clauses(ctx, sentence, PRIORITY[lang].search)
        before = _told_before(ctx, sentence) if len(places) <= 1 else None
        if before is not None:  # "… Chiba, Yokohama and Fukuoka City. Those five are …"
            places = places_with_own(ctx, before[0].start, sentence.end)
            clauses = [(before[0].start, sentence.end)]
        subject = _list_subject(ctx, sentence, trigger, places, stated)
        for lo, hi in clauses:
            found = _list_in(
                ctx,
                _Told(sentence, trigger, subject, stated, places, before and before[1]),
                lo,
                hi,
                later if hi == sentence.end else None,
            )
            if found is None:
                continue
            out.append(found)
            if subject is not None and mutual(lang, ctx.norm, subject, sentence):
                mutuals.add(id(found[1]))
            returned = _returned(ctx, sentence, trigger, found[1])
            if returned is not None:  # "A and B agreed to treat each other as …": B's too
                out.append((False, returned))
                mutuals.update((id(found[1]), id(returned)))
    return told_once(one_list_per_place(out), mutuals)


@dataclass(frozen=True)
class _Told:
    """What a sentence that tells a list says of it as a whole."""

    sentence: Sentence
    trigger: re.Match
    subject: Mention | None
    stated: str | None  # the partners' country, when the sentence names it
    places: list[Mention]
    size: int | None = None  # the size the group states ("Those five are …"), when no other


def _list_in(ctx: Context, told: _Told, lo: int, hi: int, later) -> tuple[bool, dict] | None:
    """The list told in sentence[lo:hi] (the whole sentence, or one of its clauses with a
    period of its own): (whether its partners are as many as it says, the fact). `later` is
    the next sentence, None when the list cannot reach past `hi`."""
    lang, sentence, trigger, subject, stated = (
        ctx.language, told.sentence, told.trigger, told.subject, told.stated
    )  # fmt: skip
    sentences, s0 = ctx.text.sentences, sentence.start
    text = ctx.norm[lo:hi]

    def theirs(m):
        if subject is not None and m.country == subject.country:
            return False
        return stated is None or m.country == stated

    places = [m for m in told.places if lo <= m.start < hi]
    if subject is not None and any(
        m.start == subject.start and M.left_the_list(ctx, sentence, m, ANAPHORS) for m in places
    ):
        return None  # "Hiroshima, a priority partner under the 2021-2025 plan, did not make
        # the new list, though it will keep training Quang Ninh's pilots": a member leaving
    others = [
        m
        for m in places
        if m.start != getattr(subject, "start", None)
        and theirs(m)
        and not in_relative(lang, sentence.text, m.start - s0, trigger.start())
        and not _owner_pronoun(ctx, m)
    ]
    size_m = SIZE[lang].search(text)
    if size_m and SUBSET[lang].search(sentence.text, lo - s0 + size_m.end(), trigger.start()):
        size_m = None  # "quan hệ với 6 địa phương, trong đó A, B là các đối tác ưu tiên"
    size = widened_size(lang, text)  # "từ 3 lên 5": the list has 5 now
    size = size or (number(size_m.group(1)) if size_m else None)
    size = size or _group_size(lang, text)  # "a quartet of Japanese localities"
    size = size or told.size
    follows = LIST_FOLLOWS.search(sentence.text) or _heads_box(sentence, later)
    wanted = size or (2 if follows else 0)
    named = len({m.slug for m in others})
    end = hi
    rows = annex_rows(ctx, sentences, sentence) if hi == sentence.end else []
    if rows:
        # "…を別表に掲げる２都市と定め": the members are the annex's rows, not what the next
        # sentence names ("ハノイ市とは…重点連携先には含めていません")
        others = others + [
            m for row in rows for m in places_with_own(ctx, row.start, row.end) if theirs(m)
        ]
    elif later is not None and _adds_to_list(lang, later.text):
        # "Cùng với A, B và C, danh sách hiện gồm 4 địa phương.": the earlier members too
        others = others + [m for m in places_with_own(ctx, later.start, later.end) if theirs(m)]
        end = later.end
        sizes = list(SIZE[lang].finditer(later.text))
        size = number(sizes[-1].group(1)) if sizes else group_size(lang, later.text) or size
    elif later is not None and names_list_again(lang, later.text):
        # "…, danh sách này hiện gồm A, B và C.": the whole list, named again
        again = [m for m in places_with_own(ctx, later.start, later.end) if theirs(m)]
        if again:
            others, end = again, later.end
    elif later is not None and named < min(wanted, 2):  # "A, B など7自治体": no more
        parts = following(ctx, sentences, sentence, later)
        bulleted = len(parts) > 1
        if size and not bulleted:  # a stated size may take the members of up to 3 sentences
            parts = sentences[later.index : later.index + 3]
        for part in parts:
            extra = part is not later and size and not bulleted
            if extra and (
                len({m.slug for m in others}) >= size or PRIORITY[lang].search(part.text)
            ):
                break  # the list is whole, or another list begins
            new = [m for m in places_with_own(ctx, part.start, part.end) if theirs(m)]
            if extra and not any(ctx.norm[part.start : m.start].strip(" \"“'‘") == "" for m in new):
                break  # "Nara would lead the group. Kyoto City would help. Yamanashi had been
                # included": members told one sentence after another, each opening its
                # sentence, and no further ("The second topic was a seminar in Osaka")
            members = [
                m
                for m in told_in_city(ctx, M.without_containers(ctx, others + new))
                if not M.chooser_pronoun(ctx, m, CHOOSE[lang], ANAPHORS)
            ]
            if size and len({m.slug for m in members}) > size:
                break  # more places than the list has room for: not its members
            if ATTEND[lang].search(part.text) and not LIST_FOLLOWS.search(sentence.text):
                break  # "Representatives of A and B also took part": those present
            others += new
            end = part.end
    if hi == sentence.end:
        # "…on four priority partners. "A and B …," he said. "C and D complete the four.""
        more, end = completing(
            ctx,
            sentences,
            end,
            {m.slug for m in others},
            size,
            theirs,
            lambda a, b: places_with_own(ctx, a, b),
            lambda text: bool(PRIORITY[lang].search(text) or ATTEND[lang].search(text)),
        )
        others = others + more
    others = [
        m
        for m in others
        if not M.chooser_pronoun(ctx, m, CHOOSE[lang], ANAPHORS)
        and not M.taken_off(ctx, m)
        and not M.left_the_list(ctx, sentence, m, ANAPHORS)
    ]
    named_in = places if end == hi else places_with_own(ctx, lo, end)
    partners, seen = [], set()
    for m in M.stated_run(
        ctx,
        sentence,
        M.mayors_cities(ctx, told_in_city(ctx, M.without_containers(ctx, others))),
        size,
    ):
        if m.slug not in seen:
            seen.add(m.slug)
            partners.append(ctx.place(m))
    if size and len(partners) < size:  # "…, tỉnh Ishikawa và thành phố Kanazawa"
        partners += M.unknown_places(ctx, end, others, named_in, size - len(partners))
    elif not size and len(partners) >= 2:  # "A, B, thành phố Matsumoto (tỉnh Nagano) và C"
        partners += M.unknown_places(ctx, end, others, named_in, 9, inside=True)
    if partners and (not size or len(partners) < size):  # "本県及び金沢市を…に選定"
        partners += M.joined_unknowns(ctx, lo, end, others, named_in)[: (size or 9) - len(partners)]
    if partners and (not size or len(partners) < size):  # "A and its capital, Matsue"
        partners += M.capitals_named(ctx, lo, end, named_in)[: (size or 9) - len(partners)]
    if not partners:
        return None  # "coi Nhật Bản là đối tác ưu tiên": no list of localities
    after = next((part for part in sentences[sentence.index + 1 :] if part.start >= end), None)
    until = period(ctx, lo, end) or period_next(ctx, after, PRIORITY[lang])
    until = str(until.years[1]) if until else one_year(lang, sentence.text)
    until = until or year_of_focus(lang, sentence.text)  # "its cooperation in 2027 on …"
    chosen = lang != "ja" and chosen_in_clause(lang, CHOOSE[lang], sentence.text, trigger.start())
    loose = LOOSE.match(trigger.group()) and (
        len(partners) < 2
        or not (size or until)
        or not size
        and far(ctx, s0 + trigger.end(), others)
    )
    if WEAK.search(trigger.group()) and (
        subject is None or len(partners) < 2 and not (size or until or chosen) or loose
    ):
        return None  # "ưu tiên hợp tác với tỉnh Aichi trong lĩnh vực...": a preference;
        # "The seminar will focus on three prefectures…": no place chooses
    if (
        lang in CHOSEN_GROUP
        and CHOSEN_GROUP[lang].fullmatch(trigger.group())
        and not (period(ctx, lo, end))
    ):
        return None  # "has picked three Japanese prefectures for its trade fair": no list
    if NOUN_CHOICE.search(trigger.group()) and not (size or until or chosen):
        return None  # "the cities of choice for students": a liking, no list chosen
    if ATTEND[lang].search(sentence.text) and not (size or until or chosen):
        return None  # those who came: "Đại diện tỉnh A, tỉnh B - các đối tác ưu tiên - dự..."
    if (
        len(partners) == 1
        and not (size or until or chosen)
        and _ONE_OF.search(sentence.text, 0, trigger.start())
    ):
        return None  # "toured Can Tho, one of their priority partners": a member in passing
        # (not "Nghe An has in turn chosen Gifu as one of its key partners": a choice)
    if until and ctx.published and until.isdigit() and int(until) < ctx.published.year:
        return None  # "had named Kagoshima and Kochi under a 2021-2025 plan": a list no more
    fields = {
        "locality": ctx.place(subject),
        "partners": partners,
        "list_size": size,  # as stated: the partners found may not be the whole list
        "until": until,
    }
    filled = (bool(subject) + bool(partners) + bool(size_m) + bool(until)) / 4
    return size == len(partners), ctx.fact("priority_partners", sentence, fields, filled)
