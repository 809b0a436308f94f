"""Lists told one locality after another, after a lead that says several will be told: "Four
northern localities used a conference … to say which Japanese prefectures they will work with
most closely in the 2026-2030 period. … Bac Ninh … is betting on Aichi, Shizuoka and Gifu. For
Nghe An …, its picks were Ibaraki and Gunma." Each clause after the lead that opens with a
place and names places of the other country after it is that place's list ("Can Tho, Kagoshima
and Miyazaki; An Giang, Saga and Kumamoto"; "Oita is betting on Hanoi and Da Nang, and
Kagoshima on Can Tho"); the lead's period is each list's unless the clause has its own. A
clause that names no list ("Ca Mau … would decide on partners only after a study", "did not
present lists", "without making them a priority") gives none; a clause that opens with "It"
or whose member "completes its list" adds to the list before it. In English, Vietnamese ("- Hải
Phòng: thành phố Kitakyushu và tỉnh Yamaguchi;") and Japanese ("・福岡県：ハノイ市、ハイフォン市",
"ハイフォン市＝北九州市、山口県▽クアンニン省＝…").
"""

from __future__ import annotations

import re
from itertools import pairwise

from kakehashi.news.engine.facts import partner_members as M
from kakehashi.news.engine.facts.context import Context, number
from kakehashi.news.engine.facts.own_place import in_merger_clause, places_with_own
from kakehashi.news.engine.facts.partner_reach import expired, period, period_last
from kakehashi.news.engine.facts.partner_words import ANAPHORS, SIZE, group_word_size

_KINDS = r"(?:prefectures|provinces|localities|cities|partners|places|municipalities)"
# the lead: several localities say which places of the other country they will work with
_LEAD = {
    "en": re.compile(
        r"\bwhich\s+(?:(?:Japanese|Vietnamese)\s+)?" + _KINDS + r"\b"
        r"|\b(?:nam(?:e|es|ed|ing)|pick(?:s|ed|ing)?|set(?:s|ting)?\s+out|outlin\w+"
        r"|line(?:s|d)?\s+up|assign\w*|swap\w*|unveil\w*|announc\w*|designat\w*|present\w*"
        r"|chose|chosen|choos\w*|decided\s+on|the\s+following)\s+(?:the\s+|their\s+|its\s+)?"
        r"(?:specific\s+)?"
        r"(?:own\s+)?(?:preferred\s+|priority\s+|key\s+|focus\s+|chosen\s+)?"
        r"(?:(?:Japanese|Vietnamese|Japan|Vietnam)\s+)?(?:partners?|partner\s+lists|localities"
        r"|prefectures|provinces|cities)\b|\b(?:partner|shopping)\s+lists\b"
        # a line that heads the lines of each locality: "the priority partners are:"
        r"|\bpartners?\b[^.:]*:\s*$",
        re.IGNORECASE,
    ),
    # "công bố danh sách địa phương Nhật Bản sẽ hợp tác trọng tâm", "đối tác ưu tiên … của các
    # địa phương gồm:", "định hướng hợp tác với các địa phương Nhật Bản", "cụ thể như sau:"
    "vi": re.compile(
        r"danh sách (?:các\s+)?(?:địa phương|đối tác)|đối tác (?:ưu tiên|trọng điểm|chính)[^.:]*:"
        r"|định hướng hợp tác với các địa phương|(?:ưu tiên|trọng điểm)[^.:]*(?:cụ thể|như sau)",
        re.IGNORECASE,
    ),
    # "重点交流先を次のとおり表明しました", "構成府県市の重点交流先", "主な指名先は次の通り",
    # "各市が今後重点を置く相手を報告した"
    "ja": re.compile(
        r"(?:重点|優先|指名)[^。]{0,12}(?:先|相手|地域)[^。]*(?:次の(?:とおり|通り)|以下の(?:とおり|通り)|報告|表明)"
        r"|次の(?:とおり|通り)[^。]*(?:重点|優先|指名)|構成[^。]{0,6}の(?:重点|優先)"
        r"|(?:主な)?指名先は次の"
    ),
}
# told of several: "each naming", "they will", "Five prefectures …", "six of them"
_SEVERAL = {
    "en": re.compile(
        r"\b(?:each|they|their)\b|\b(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+"
        r"(?:of\s+them|(?:[\w-]+\s+){0,2}?(?:localities|prefectures|provinces|cities|mayors))\b",
        re.IGNORECASE,
    ),
    "vi": re.compile(
        r"(?<!\w)(?:các|mỗi|những)\s+(?:địa phương|tỉnh|thành phố)|(?<!\w)(?:hai|ba|bốn|năm|sáu"
        r"|bảy|tám|\d{1,2})\s+(?:địa phương|tỉnh|thành phố)",
        re.IGNORECASE,
    ),
    "ja": re.compile(
        r"各(?:県|市|府県|府県市|省|地|自治体)|構成|[0-9０-９]+(?:県|市|府県|省|地域)|九州|関西|北陸|東北"
    ),
}
# what may stand before the place that opens a clause: "For Nghe An", "On the Japanese side,",
# a bullet ("- Hanoi: Tokyo, Osaka and Fukuoka")
_OPENING = {
    "en": re.compile(
        r"\s*(?:[-–—•*]\s*|\d{1,2}[.)]\s+)?(?:(?:and|while|but)\s+)?"
        r"(?:(?:Meanwhile|Elsewhere|Separately|Likewise|Similarly|(?:Further|Farther)\s+"
        r"(?:south|north|east|west)|In\s+the\s+(?:north|south|centre|center))\s*,\s*)?"
        r"(?:For\s+|On\s+the\s+(?:Japanese|Vietnamese)\s+side,\s*"
        r"|(?:The\s+)?(?:city|prefecture|province)\s+of\s+)?",
        re.IGNORECASE,
    ),
    # "- Hải Phòng: …", "+ Thành phố Yokohama: …", "a) Thành phố Cần Thơ: …", "Riêng thành phố
    # Nagoya chọn …"
    "vi": re.compile(r"\s*(?:[-–—•*+]\s*|[a-zđ\d]{1,2}[.)]\s+)?(?:Riêng\s+)?", re.IGNORECASE),
    # "・福岡県：…", "○兵庫県　…", "（１）…", "▽クアンニン省＝…"
    "ja": re.compile(r"[\s　]*(?:[・○●◎▽△■□◆◇\-－]\s*|[（(]?[0-9０-９]{1,2}[)）.．]\s*)?"),
}
# a clause that adds to the list before it: "It also added Thai Nguyen", "Quang Tri, added last
# month …, completes its list"
_IT = {
    "en": re.compile(r"\s*(?:It|The\s+(?:prefecture|province|city))\s+(?:also\s+)?\w+"),
    # "Thành phố này cũng sẽ bổ sung tỉnh Nghệ An vào danh sách"
    "vi": re.compile(r"\s*(?:Thành phố|Tỉnh|Địa phương) này\b", re.IGNORECASE),
    "ja": re.compile(r"[\s　]*(?:これに|さらに)[^。]*加え"),  # "これに中部の古都フエ市を加え"
}
_COMPLETES = {"en": re.compile(r"\b(?:completes|rounds out|rounding out|joins)\s+(?:its|the)\b")}
# a clause that names no list: "did not present lists", "without making them a priority",
# "would decide on partners only after a study", "still weighing", "rather than pick"
_NONE = {
    "en": re.compile(
        r"\b(?:did\s+not|didn't|does\s+not|has\s+not|have\s+not|had\s+not|not\s+yet)\s+"
        r"(?:name|present|announce|pick|choose|set|list|designate)\w*"
        r"|\bwithout\s+making\b|\bstill\s+weighing\b|\bonly\s+after\b|\brather\s+than\b"
        r"|\bcandidates?\b|\bwhether\s+to\b|\bobservers?\b|\bleft\s+out\b"
        r"|\b(?:sent|send|sends|sending)\s+(?:a\s+|its\s+|trade\s+)?(?:delegations?|missions?)\b"
        r"|\b(?:signed|sign|signs|signing)\b|\bmemorand\w+|\bsister[-\s]cit"
        r"|\bagree(?:d|s)?\s+to\b",  # "Quang Ninh and Fukuoka agreed to study a charter route"
        re.IGNORECASE,
    ),
    "vi": re.compile(
        r"chưa (?:công bố|chọn|lựa chọn|xác định)|khảo sát|cân nhắc|nghiên cứu|ký kết|biên bản"
        r"|kết nghĩa|hữu nghị|tham dự|cử đại diện|(?<!\w)dự\s+hội",
        re.IGNORECASE,
    ),
    "ja": re.compile(r"定めず|示さず|予定|検討|調査|未定|参加|締結|覚書|協定|開催|姉妹|友好"),
}
# a relative clause or an apposition set off by commas: "Sapporo, which has no formal partner
# in Vietnam, said …"
_ASIDE = re.compile(r",\s+(?:which|who|whose|where|now|home|enlarged|a|an|the)\b[^,;:]*,")
# where a sentence parts into clauses: a semicolon, a colon after no place, ", and X on Y"
_CUT = {
    "en": re.compile(r";\s+|,\s+(?:and|while|but)\s+(?=[A-Z])"),
    "vi": re.compile(r";\s*"),
    "ja": re.compile(r"[▽；;]"),
}
_COLON = {"en": ": ", "vi": ": ", "ja": ":"}  # (the private copy's half-width colon)
_FOLLOWING = 12  # sentences after the lead that may each tell a list


def series_lists(ctx: Context) -> tuple[set[int], list[dict]]:
    """(the indexes of the sentences that are the series' alone: those that lead to the lists,
    those that tell several; the lists told one locality after another) (see the module's
    text); (set(), []) when the article has none."""
    lang = ctx.language
    if lang not in _LEAD:
        return set(), []
    sentences = ctx.text.sentences
    leads = [
        s
        for s in sentences
        if _LEAD[lang].search(s.text) and _several(lang, s.text) or _keyed(ctx, s) > 1
    ]
    if not leads:
        return set(), []
    lead = leads[0]
    out: list[tuple[dict, str]] = []  # (the list, its chooser's country)
    first = None  # the first sentence that tells a list: the leads before it head the lists
    head_end = lead.end  # where the lead's own words end: before its first list, if any
    several = set()  # the sentences that tell several lists ("Cụ thể: A chọn X; B chọn Y")
    # a lead whose clauses are keyed lists tells them itself ("… as follows: Can Tho: Kagoshima
    # and Okayama; Vinh Long: …")
    since = lead.index if _keyed(ctx, lead) > 1 else lead.index + 1
    for sentence in sentences[since : lead.index + 1 + _FOLLOWING]:
        told_here = 0
        for lo, hi in _clauses(ctx, sentence):
            found = _clause_list(ctx, sentence, lo, hi, out[-1] if out else None)
            if found is not None:
                out.append(found)
                first = sentence.index if first is None else first
                head_end = lo if sentence is lead and told_here == 0 else head_end
                told_here += 1
        if told_here > 1:
            several.add(sentence.index)
    if len(out) < 2:
        return set(), []  # one list after a lead: no series, the rules read it
    # the period they share: the lead's, or that of the sentence after it when it tells none of
    # the lists, or the plan's told before the lead ("１　計画期間　2027年度から…")
    told = [(lead.start, head_end)] + [
        (s.start, s.end) for s in sentences[lead.index + 1 : lead.index + 2] if s.index != first
    ]
    shared = next((p for p in (period(ctx, lo, hi) for lo, hi in told) if p), None)
    shared = shared or period_last(ctx, 0, lead.start)
    if shared is not None and expired(ctx, shared):
        return set(), []
    for fact, _ in out if shared is not None else ():
        fact["until"] = fact["until"] or str(shared.years[1])
    dateline = ctx.dateline_place
    heads = {  # the leads before the lists that name no place: they head the lists
        s.index
        for s in leads
        if s.index < first
        and M.all_venues(  # (the venues: "sau hội nghị tại Nagoya và Tokyo, bốn tỉnh …")
            ctx,
            [
                m
                for m in places_with_own(ctx, s.start, s.end)
                if m != dateline and m.text.lower() not in ANAPHORS  # ("năm thành phố …")
            ],
        )
    }
    return heads | several, [fact for fact, _ in out]


# a lead that heads lines: "…, the priority partners are:", "主な指名先は次の通り。",
# "重点交流先は次の通り（カッコ内は期間）。"
_HEADS = re.compile(r"[:：]\s*$|次の(?:とおり|通り)(?:です)?(?:\([^)]*\))?。?\s*$")


def _several(lang: str, text: str) -> bool:
    """The lead tells of several localities, or heads lines."""
    return bool(_SEVERAL[lang].search(text) or _HEADS.search(text))


def _keyed(ctx: Context, sentence) -> int:
    """How many of the sentence's clauses open with a place and a colon (or ＝) before the
    members: "Can Tho: Kagoshima and Okayama; Vinh Long: Aichi …", "ホーチミン市：大阪府、…；"."""
    count = 0
    for lo, hi in _clauses(ctx, sentence):
        places = places_with_own(ctx, lo, hi)
        if (
            places
            and _OPENING[ctx.language].fullmatch(ctx.norm, lo, places[0].start)
            and _KEY.match(ctx.norm, places[0].end, hi)
        ):
            count += 1
    return count


# what parts a keyed list's chooser from its members (in the private copy: "：" is ":")
_KEY = re.compile(r" *[:=]")


def _clauses(ctx: Context, sentence) -> list[tuple[int, int]]:
    """The stretches of the sentence that may each tell a locality's list: after a colon that
    follows no place (or the words before a place that a colon follows: "主な内容は、ホーチミン市
    ：…"), cut at semicolons (▽ in Japanese) and, in English, at ", and X"."""
    s0, text = sentence.start, sentence.text
    colon = text.find(_COLON[ctx.language])
    start = 0
    before = places_with_own(ctx, s0, s0 + colon) if colon > 0 else []
    if colon > 0 and not before:
        start = colon + 1  # "The line-ups were read out by the moderator: Can Tho, …"
    elif len(before) == 1 and _KEY.fullmatch(ctx.norm, before[0].end, s0 + colon + 1):
        start = before[0].start - s0
    edges = [start] + [m.end() for m in _CUT[ctx.language].finditer(text, start)] + [len(text)]
    return [(s0 + a, s0 + b) for a, b in pairwise(edges) if b > a]


def _clause_list(ctx: Context, sentence, lo: int, hi: int, last):
    """(the list the clause lo:hi tells, its chooser's country), or None; the members a clause
    adds to `last` (the list before it) join it."""
    lang, text = ctx.language, ctx.norm[lo:hi]
    plain = _ASIDE.sub(",", text) if lang == "en" else text
    if _NONE[lang].search(plain):
        return None
    places = [m for m in places_with_own(ctx, lo, hi) if not in_merger_clause(ctx, sentence, m)]
    if not places:
        return None
    first = places[0]
    opens = bool(_OPENING[lang].fullmatch(ctx.norm, lo, first.start))
    completes = opens and lang in _COMPLETES and _COMPLETES[lang].search(plain)
    if last is not None and (_IT[lang].match(text) or completes):
        fact, country = last
        new = [m for m in M.not_venues(ctx, places) if m.country != country and m.slug]
        known = {p["slug"] for p in fact["partners"]}
        fact["partners"] += [ctx.place(m) for m in new if m.slug not in known]
        return None  # "It also added Thai Nguyen", "Quang Tri … completes its list"
    if not opens or not first.slug:
        return None
    members = [
        m
        for m in M.without_containers(ctx, M.not_venues(ctx, places[1:]))
        if m.country != first.country and m.slug
    ]
    if not members:
        return None
    partners, seen = [], set()
    for m in members:
        if m.slug not in seen:
            seen.add(m.slug)
            partners.append(ctx.place(m))
    until = period(ctx, lo, hi)  # (else the period the lists share, series_lists)
    size_m = SIZE[lang].search(text)
    size = number(size_m.group(1)) if size_m else group_word_size(lang, text)
    fields = {
        "locality": ctx.place(first),
        "partners": partners,
        "list_size": size,
        "until": str(until.years[1]) if until else None,
    }
    return ctx.fact("priority_partners", sentence, fields, 0.6), first.country
