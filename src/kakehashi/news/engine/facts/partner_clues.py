"""Clues a priority list (facts/partners.py) gives around its members: a size told as a change
("nâng … từ 3 lên 5", "from two to four", "3地域から5地域に": the list now has the second
number); a next sentence that names the list again ("Như vậy, danh sách này hiện gồm A, B
và C.", "The list now includes A, B and C.": that sentence names the whole list); one year as
the list's span ("trong năm 2027", "for fiscal 2027"); a choice returned (ゲアン省も本県を…);
a list denied ("has no priority partners yet", "chưa có đối tác ưu tiên"); a list hoped for
("mong muốn X sẽ trở thành …", "would like"); a loose "focus on A, B and C" that is a list only
with a period or a size."""

from __future__ import annotations

import re

from kakehashi.news.engine.facts.context import NUMBER, Context, number
from kakehashi.news.engine.facts.partner_words import BESIDES, CHOSEN_GROUP, NOT_A_LIST, PRIORITY
from kakehashi.news.engine.gazetteer import Mention

_NOT_PLACES = r"(?!\s*(?:%|phần trăm|tỷ|triệu|nghìn|USD|đồng|percent|billion|million|yen))"
_JA_NUMBER = r"(\d+|[一二三四五六七八九十])"
_JA_UNIT = r"(?:つの|か所の|カ所の)?(?:自治体|地域|都市|県|市|省|か所|カ所|つ)?"
WIDENED = {
    "vi": re.compile(
        r"(?<!\w)từ\s+"
        + NUMBER
        + r"(?:\s+\w+){0,2}?\s+(?:lên|thành|xuống(?:\s+còn)?|còn)\s+"
        + NUMBER
        + r"(?!\w)"
        + _NOT_PLACES,
        re.IGNORECASE,
    ),
    "ja": re.compile(_JA_NUMBER + _JA_UNIT + r"から" + _JA_NUMBER + _JA_UNIT + r"(?:に|へ)"),
    "en": re.compile(
        r"\bfrom\s+"
        + NUMBER
        + r"(?:\s+[a-z]+){0,2}?\s+to\s+"
        + NUMBER
        + r"\b"
        + _NOT_PLACES
        # "bringing their number to four", "taking the list to five": the size after a change
        + r"|\b(?:bring|brings|bringing|brought|take|takes|taking|took|raise|raises|raising|"
        r"raised|lift|lifts|lifting|lifted)\s+(?:the|their|its)\s+(?:number|total|count|list|"
        r"tally)(?:\s+of(?:\s+[a-z]+){1,3}?)?\s+to\s+" + NUMBER + r"\b" + _NOT_PLACES,
        re.IGNORECASE,
    ),
}


def widened_size(language: str, text: str) -> int | None:
    """The list's size after a change told in the sentence ("từ 3 lên 5" → 5), else None."""
    found = WIDENED[language].search(text)
    if not found:
        return None
    size = number(found.group(found.lastindex))
    return size if size and size <= 30 else None  # "from 2026 to 2030" is a period


# the list named again with its members: "danh sách này hiện gồm", "nhóm này nay có",
# "The list now includes", "The group comprises", "リストは…となる" (a Japanese sentence that
# names 重点交流先 again is a list of its own)
LIST_AGAIN = {
    "vi": re.compile(
        # (not "Nhóm đối tác tiềm năng gồm …": another group)
        r"(?<!\w)(?:danh sách|nhóm)(?:\s+(?:này|trên|mới|đối tác\s+(?:ưu tiên|trọng điểm|trọng tâm)"
        r"(?:\s+\w+)?))?"
        r"(?:\s*,[^,.;:]{1,60},)?"  # "Danh sách mới, áp dụng đến năm 2030, hiện gồm"
        r"(?:\s+(?:hiện|nay|hiện nay|vẫn|sẽ))*\s+(?:gồm|bao gồm|có)(?!\w)",
        re.IGNORECASE,
    ),
    "ja": re.compile(r"(?:リスト|一覧)は"),
    "en": re.compile(
        r"\b(?:the|this|that|its|the new|the revised)\s+(?:\w+\s+)?(?:list|group)\s+(?:now\s+)?"
        # (not "when the list is reviewed in 2028": a passive says nothing of its members)
        r"(?:includes|comprises|consists of|covers|is made up of|reads|contains"
        r"|is(?!\s+(?:\w+ed|being|to|due|set|expected)\b)|has(?!\s+been\b)|holds)\b"
        # "The revised list, valid until 2030, now comprises": an apposition, then a verb that
        # names members
        # "Since the merger of July 2025 it has read A, B and C": the list told just before
        r"|\bit\s+(?:has\s+read|now\s+reads|reads\s+now|has\s+since\s+read)\b"
        r"|\b(?:the|this|its|the new|the revised)\s+(?:\w+\s+)?list\s*,(?!\s*(?:which|who))"
        r"[^,.;:]{1,60},\s+(?:now\s+)?(?:includes|comprises|consists of|is made up of)\b",
        re.IGNORECASE,
    ),
}


def names_list_again(language: str, text: str) -> bool:
    return bool(LIST_AGAIN[language].search(text))


# a list for one year: "trong năm 2027", "cho năm 2027", "for 2027", "for fiscal 2027",
# "2027年度の" (a year told otherwise, "Năm 2027, tỉnh sẽ…", is when, not how long)
_FOR_YEAR = {
    "vi": re.compile(r"(?<!\w)(?:trong|cho)\s+năm\s+(\d{4})(?!\s*[-–]|\d)", re.IGNORECASE),
    "ja": re.compile(r"(\d{4})年度(?:の|中|に)"),
    "en": re.compile(
        r"\b(?:for|during|throughout)\s+(?:the\s+year\s+|fiscal\s+(?:year\s+)?)?(\d{4})\b"
        r"(?!\s*[-–]|\d)",
        re.IGNORECASE,
    ),
}


def one_year(language: str, text: str) -> str | None:
    """The year a list is for, when the sentence gives one year as its span."""
    found = _FOR_YEAR[language].search(text)
    return found.group(1) if found else None


# a choice returned: "ゲアン省も本県を…に選んだ", "Nghệ An cũng chọn tỉnh Gifu…", "Nghe An has
# also named Gifu…", "…in turn", "likewise"
_MUTUAL = {
    "vi": re.compile(
        r"(?<!\w)(?:cũng|đáp lại|ngược lại|về phía mình|về phần mình|đến lượt mình)(?!\w)",
        re.IGNORECASE,
    ),
    "en": re.compile(
        r"\b(?:also|in turn|likewise|in return|reciprocat\w*|for (?:its|their|his|her) part"
        r"|on (?:its|their) (?:part|side)"
        # "Da Nang has listed Wakayama among its own priority partners": the partner's own list
        r"|(?:its|their) own(?= (?:priority|key|core|strategic|focus) ))\b",
        re.IGNORECASE,
    ),
}


# two places that choose each other: "agreed to treat each other as priority partners", "become
# each other's priority partners", "coi nhau là đối tác ưu tiên", 互いを重点交流先とする
_EACH_OTHER = {
    # ("each party will regard the other as a priority partner")
    "en": re.compile(
        r"\beach other(?:['’]s)?\b|\bone another(?:['’]s)?\b|\bmutual\b|\bthe other\s+as\b", re.I
    ),
    "vi": re.compile(r"(?<!\w)(?:coi|xem|chọn|xác định) nhau(?!\w)|(?<!\w)lẫn nhau(?!\w)", re.I),
    "ja": re.compile(r"(?:お)?互い(?:に)?を|相互に"),
}


def each_other(language: str, text: str, at: int) -> bool:
    """The words of the list at text[at:] say two places choose each other (one list each):
    "each other" just before them ("treat each other as priority partners"), not elsewhere in
    the sentence ("have visited each other since 2015, and both are priority partners of …")."""
    return bool(_EACH_OTHER[language].search(text, max(0, at - 30), at))


def mutual(language: str, norm: str, chooser, sentence) -> bool:
    """The sentence tells the chooser's own choice of a partner that chose it."""
    if language == "ja":
        return norm.startswith("も", chooser.end)
    return bool(_MUTUAL[language].search(sentence.text))


# a list denied: "had no priority partner cities yet", "has not named key partners", "chưa có
# đối tác ưu tiên", "không xác định đối tác trọng điểm", 重点交流先はまだ定めていない
_DENIED_BEFORE = {
    "vi": re.compile(
        r"(?<!\w)(?:chưa|không|chẳng)(?!\s+(?:chỉ|những|ngừng|ngại))(?:\s+\w+){0,3}\s+$"
        # "không phải là một trong bốn đối tác ưu tiên"
        r"|(?<!\w)không (?:phải là |nằm trong )?(?:một trong|trong số)\s+[^,.;]{0,20}$",
        re.IGNORECASE,
    ),
    "en": re.compile(
        r"\b(?:no|not(?!\s+only)|never|without|nor)\b(?:\s+(?:yet|any|named|chosen|selected|designated|"
        r"identified|set|formal|official|Japanese|Vietnamese))*\s+$"
        # "Quang Ngai has not chosen Osaka or Hyogo as priority partners"
        r"|\b(?:has|have|had|did)\s+not\s+(?:yet\s+)?(?:chosen|picked|named|selected|designated"
        r"|choose|pick|name|select|designate)\b[^.;]{0,40}\bas\s+$"
        # "Kobe, which is not one of Hue's four priority partners"
        r"|\b(?:not|never|no longer)\s+(?:one\s+of|among|on|part\s+of|in)\s+[^,.;]{0,30}$",
        re.IGNORECASE,
    ),
}
_DENIED_AFTER = re.compile(
    r"^[^。、]{0,12}?(?:はない|はまだ|がない|を(?:まだ)?(?:定めて|設けて|決めて)いない"
    # "ダナン市とは…、重点交流先とはしていません", "…には含まれていません"
    r"|と(?:は|も)?し(?:ていません|ていない|ない|ません)|には含(?:まれ|め)て(?:い)?(?:ません|ない)"
    r"|では(?:ありません|ない|なく)"
    # "特定の外国地域を「重点地域」として定めない方針"
    r"|(?:定め|指定し|選定し|設け|決め)(?:ない|ず|ません))"
)


def denied(language: str, text: str, start: int, end: int) -> bool:
    """The sentence says there is no such list (yet)."""
    if language == "ja":
        return bool(_DENIED_AFTER.match(text[end:]))
    if language == "vi" and _DENIED_AFTER_VI.match(text[end:]):
        return True  # "thông tin "Nghệ An chọn … làm đối tác ưu tiên" … không chính xác"
    return bool(_DENIED_BEFORE[language].search(text[max(0, start - 40) : start]))


_DENIED_AFTER_VI = re.compile(
    r"^[^.]{0,100}?(?:lan truyền|không chính xác|không đúng sự thật|bác bỏ|phủ nhận"
    # "…, đại diện … khẳng định tỉnh chưa ban hành bất kỳ quyết định nào về nội dung này"
    r"|chưa (?:ban hành|đưa ra|có) (?:bất kỳ |một )?quyết định)",
    re.IGNORECASE,
)


# the next sentence adds the list's earlier members to the one just told and gives the whole:
# "Cùng với ba đối tác đã chọn từ năm 2024 là A, B và C, danh sách hiện gồm 4 địa phương.",
# "これまでのハノイ市と合わせ、重点交流先は2地域となる。", "Together with A and B, the list now
# has four members."
_TOGETHER = {
    "vi": re.compile(r"^\s*(?:Cùng với|Cộng với|Tính cả|Kể cả|Thêm vào)\s", re.IGNORECASE),
    "ja": re.compile(
        r"^[^。]{0,40}?(?:と(?:合わせ|あわせ|併せ)(?:て)?|を加え(?:ると|て))(?:、|[^。、]{0,8}?となり)"
    ),
    "en": re.compile(r"^\s*(?:Together with|Along with|Added to|Combined with|Counting)\s", re.I),
}


def adds_to_list(language: str, text: str) -> bool:
    return bool(_TOGETHER[language].search(text))


# a relative clause: "Aichi, which picked Hanoi as a sister city, gives priority to…",
# "Officials who selected the venue said…", "tỉnh Đồng Nai, nơi đã chọn tỉnh Aichi làm…"
_RELATIVE = {
    "vi": re.compile(r"(?<!\w)nơi(?!\w)"),
    "ja": re.compile(r"(?!)"),
    "en": re.compile(r"\b(?:which|who|whom|whose|where)\b"),
}


def _clause_start(text: str, at: int) -> int:
    return max(text.rfind(sep, 0, at) for sep in ",;:") + 1


def in_relative(language: str, text: str, at: int, before: int) -> bool:
    """`at` lies in a relative clause closed (by a comma) before `before`, or in one that
    opens its own comma-free stretch ("Officials who selected … said")."""
    lo = _clause_start(text, at)
    if not _RELATIVE[language].search(text, lo, at):
        return False
    close = min((i for i in (text.find(sep, at) for sep in ",;") if i >= 0), default=len(text))
    # the commas of a list told inside the clause ("Tay Ninh, which since January has counted
    # Gunma, Tochigi, Kagawa and Ibaraki as its four priority partners, …") do not close it
    while close < before and _LIST_GOES_ON[language].match(text, close + 1):
        nxt = min((i for i in (text.find(sep, close + 1) for sep in ",;") if i >= 0), default=-1)
        close = nxt if nxt >= 0 else len(text)
    return close < before or bool(_REPORTING.search(text, at, before))


# a list's next member after a comma: " Tochigi,", " Kagawa and", " tỉnh Kagawa và"
_LIST_GOES_ON = {
    "en": re.compile(r"\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*\s*(?:,|and\b)"),
    "vi": re.compile(
        r"\s+(?:(?:tỉnh|thành phố|TP\.?)\s+)?[A-ZĐ][\w-]*(?:\s+[A-ZĐ][\w-]*)*\s*(?:,|và(?!\w))"
    ),
    "ja": re.compile(r"(?!)"),
}


# the main clause's verb after a relative one: "Officials who selected the venue said …"
_REPORTING = re.compile(r"\b(?:said|says|told|added|noted)\b|(?<!\w)(?:cho biết|nói)(?!\w)")


def chosen_in_clause(language: str, choose, text: str, before: int) -> bool:
    """A verb of choosing ("chose", "chọn", "designated") before `before` that is not in a
    relative clause about something else."""
    return any(
        not in_relative(language, text, verb.start(), before)
        for verb in choose.finditer(text, 0, before)
    )


# "would focus on A, B and C until 2030", "the focus of Hue's cooperation": a list only with two
# partners and a period or a size, the partners what the focus is on
LOOSE = re.compile(r"focus(?:es|ed|ing)?\s+on|focus of", re.IGNORECASE)


def far(ctx, at: int, places) -> bool:
    """The places after `at` are not what the focus is on ("focus on tourism and trade with
    Kyoto and Osaka")."""
    after = [m.start for m in places if m.start >= at]
    return bool(after) and bool(re.search(r"\bwith\b|[,;]", ctx.norm[at : min(after)]))


# A list hoped for, not chosen: "mong muốn Kitakyushu sẽ trở thành một trong những đối tác
# trọng điểm", "would like X to become a key partner", 重点交流先にしたい / となることを期待.
HOPE_BEFORE = {
    "vi": re.compile(
        r"(?<!\w)(?:mong muốn|mong|hy vọng|kỳ vọng|nghiên cứu|xem xét|cân nhắc|dự thảo|bác bỏ"
        r"|phủ nhận|lan truyền)(?!\w)"
    ),
    "ja": re.compile(r"(?!)"),
    "en": re.compile(
        r"\b(?:would(?:\s+(?:also|still|very much|much|really))?\s+like|hopes?|hoped|hoping|"
        r"wish|wishe[sd]|wants?|wanted|considers?|considering|studying|exploring|reviewing"
        r"|weighing|whether"  # "was reviewing whether to designate priority provinces"
        # a list denied or still a draft: "denied media reports that it had designated …",
        # "A draft resolution … would name …"
        r"|denie[sd]|denying|dismisse[sd]|dismissing|rejecte[sd]|draft)\b",
        re.IGNORECASE,
    ),
}
# a choice reported and denied, put off (見送り), or a list whose period has run out:
# "…の指定について「…事実はない」と否定した", "…としていた計画は、2025年度末で期間が満了した"
# (a list that was: "…を重点交流先としていたが、同戦略は今年3月で期間を終え")
# (a report denied: "…に決めたとする一部報道について「そのような決定はしていない」")
_DENIED_JA = re.compile(
    r"否定|事実はない|満了|期限が切れ|期限切れ|見送|期間を終え|とする(?:一部)?報道|決定はしていない"
)
# a list that was, and is no more ("計画では…を重点交流先としていたが、県は後継計画を策定して
# おらず"; not "…としてきたが、新たに…を加え": more members)
_WAS_JA = re.compile(r"としていたが(?![^。]*(?:加え|追加|改め|代え|替え))")
HOPE_AFTER = re.compile(r"^[^。、]{0,20}?(?:たい|期待|希望|ほしい|願|検討|候補|視野)")


def hoped(lang: str, sentence, trigger, choose) -> bool:
    """The list is wished for ("mong muốn X sẽ trở thành đối tác trọng điểm"), denied or a
    draft, not stated."""
    if lang == "ja":
        return bool(
            HOPE_AFTER.match(sentence.text[trigger.end() :])
            or _DENIED_JA.search(sentence.text, trigger.end())
            or _WAS_JA.match(sentence.text, trigger.end())
        )
    hopes = list(HOPE_BEFORE[lang].finditer(sentence.text, 0, trigger.start()))
    if not hopes:
        return False
    # "to meet that wish, the province chose ...": a list chosen in a clause of its own
    between = sentence.text[hopes[-1].end() : trigger.start()]
    return not any(choose.search(part) for part in re.split(r"[,;]", between)[1:])


def returned_list(ctx, sentence, trigger, fact: dict) -> dict | None:
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


def list_trigger(lang: str, text: str):
    """The words that tell the list, after what is no list: the country as the partner told
    first ("ベトナムを重点国と位置づけ、A、B、Cを重点交流先とした") leaves the list that
    follows it; the partners beside the list ("Ngoài 4 đối tác ưu tiên, …") leave none."""
    nots = list(NOT_A_LIST[lang].finditer(text))
    if any(BESIDES.search(m.group()) for m in nots):
        return None
    end = max((m.end() for m in nots), default=0)
    found = next((t for t in PRIORITY[lang].finditer(text) if t.start() >= end), None)
    if found is None and lang in CHOSEN_GROUP:
        found = CHOSEN_GROUP[lang].search(text, end)
    return found


# a clause, after the list, on ties only studied: "…, đồng thời nghiên cứu hợp tác với thành phố
# Kanazawa", "…, and is also studying cooperation with Nagano"
_STUDIED = {
    "en": re.compile(
        r"[,;]\s*(?:and|while|but)?\s*(?:\w+\s+){0,3}?(?:is|are|will\s+be|was)?\s*(?:also\s+)?"
        r"(?:study|studying|studies|consider|considering|considers|explore|exploring|explores)"
        r"\s+(?:\w+\s+){0,3}?(?:with|of)\s+[^,;.]*$",
        re.IGNORECASE,
    ),
    "vi": re.compile(
        r"[,;]\s*(?:đồng thời|và|còn)?\s*(?:\w+\s+){0,3}?(?:nghiên cứu|xem xét|cân nhắc|tìm hiểu)"
        r"[^,;.]*$",
        re.IGNORECASE,
    ),
}


def only_studied(ctx: Context, trigger_end: int, m: Mention) -> bool:
    """The place is named after the list, in a clause on ties only studied (`_STUDIED`)."""
    pattern = _STUDIED.get(ctx.language)
    return (
        pattern is not None
        and trigger_end <= m.start
        and bool(pattern.search(ctx.norm, trigger_end, m.start))
    )
