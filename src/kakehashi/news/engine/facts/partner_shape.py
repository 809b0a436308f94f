"""A priority list told by its shape rather than by a word of priority: "Kumamoto has singled
out Bac Ninh and Thai Nguyen as the localities on which it will focus its exchanges through
fiscal 2028", "Hanoi's programme for 2026-2030 gives precedence to cooperation with Tokyo,
Osaka and Fukuoka", "we will put our energy into two prefectures, Shizuoka and Kagoshima, until
2030". A sentence has that shape when it names two places or more of one country and a chooser
of the other (by name, or as "the city"), a period to come (or the size of a group of places),
and a word of focusing or choosing; a sentence of a signing is an agreement's, not a list's."""

from __future__ import annotations

import re

from kakehashi.news.engine.facts.context import NUMBER, Context
from kakehashi.news.engine.facts.own_place import in_merger_clause
from kakehashi.news.engine.facts.partner_members import not_venues
from kakehashi.news.engine.facts.partner_words import ANAPHORS, NOT_A_LIST
from kakehashi.news.engine.gazetteer import Gazetteer

FOCUS = {
    # (not the nouns of names and titles: "Chief Representative", "Conference Center")
    "en": re.compile(
        r"\b(?:focus\w*|concentrat\w*|precedence|anchors?|closely|closest|priorit\w*"
        r"|singl(?:es|ed|e|ing) out|earmark\w*|target\w*|channel\w*|line-?up"
        # "put its energy into", not "hydrogen energy"
        r"|(?:energy|energies|resources|efforts?)\s+(?:into|on|to|in)"
        r"|picks?|picked|chose|chosen|choose|select\w*|names?|named|naming|designat\w*"
        r"|favou?r\w*|pillars?|mainstays?|cornerstones?|retains?|retained|reserv\w*|court"
        r"|intensive\w*|zero(?:es|ed|ing)?\s+in\s+on|weight\s+behind"
        r"|cent(?:er|re)(?:s|d|ing)?\s+on|at\s+(?:its|the)\s+(?:cent(?:er|re)|heart|core))\b",
        re.IGNORECASE,
    ),
    # "địa bàn trọng điểm", "dồn nguồn lực hợp tác … vào", "đối tác then chốt"
    "vi": re.compile(
        r"(?<!\w)(?:trọng điểm|trọng tâm|then chốt|chủ chốt|tập trung|dồn(?: nguồn)? lực|ưu tiên"
        r"|lựa chọn|chọn|xác định|mũi nhọn)(?!\w)",
        re.IGNORECASE,
    ),
    # "2市に絞って重点的に取り組む", "協力を集中させる", "優先的に拡大する相手と定めた",
    # "交流の柱とする"
    "ja": re.compile(
        r"絞|重点|集中|優先|選ん|選定|選び|定め|挙げ|柱|力を入れ|力を注|軸に|据え|相手と|相手に"
        r"|位置付け|位置づけ|がっちり|手を組"
    ),
}
# a group of places told by its size: "two localities", "three Vietnamese localities"
_GROUP = {
    "en": re.compile(
        NUMBER + r"\s+(?:(?:Japanese\s+|Vietnamese\s+)?(?:localities|prefectures|provinces"
        r"|cities|partners|regions)|as\s+the\s+places|of\s+them)\b",
        re.IGNORECASE,
    ),
    "vi": re.compile(NUMBER + r"\s+(?:địa phương|tỉnh|thành phố|đối tác)(?!\w)", re.IGNORECASE),
    "ja": re.compile(
        r"(?:\d+|[一二三四五六七八九十両])(?:つの)?(?:都道府県|府県|道県|都県|自治体|都市|地域|市|県|省)"
    ),
}
# what stands between a group and the members it counts: "two provinces, A and B", "four
# Japanese localities – A, B", "A and B, three coastal localities"
_APPOSITION = re.compile(r"\s*[,:–—-]+\s*")
_APPOSITION_AFTER = re.compile(r"\s*,\s*(?:the\s+|all\s+)?")
# what stands between places told one after another: "A, B và C", "A, B and C", "A、B"
_RUN_GAP = re.compile(r"\s*(?:,|、|・|;)?\s*(?:and|và|với|と|及び|および)?\s*")
# a place told as a destination or an origin: "exports to A and B", "investors from A and B"
_DESTINATION = {
    "en": re.compile(r"\b(?:to|from|in|at|into)\s+(?:the\s+)?$", re.IGNORECASE),
    "vi": re.compile(r"(?<!\w)(?:tại|ở|đến|từ|sang|tới)\s+$", re.IGNORECASE),
}
# what the members are told to be, before the word that chooses them
_BEING = {
    "en": re.compile(
        r"\s*$|[^,;]*\b(?:are|were|is|was|will be|have been|has been|had been)\b[^,;]*$",
        re.IGNORECASE,
    ),
    "vi": re.compile(r"\s*$|[^,;]*(?<!\w)(?:là|được|đã được|sẽ là)(?!\w)[^,;]*$", re.IGNORECASE),
}
_TIES_WITH = {
    "en": re.compile(r"\b(?:to|from|in|at|into|with|of)\s+(?:the\s+|its\s+|their\s+)?$", re.I),
    "vi": re.compile(r"(?<!\w)(?:với|tại|ở|đến|từ|của|sang)\s+(?:các\s+)?$", re.IGNORECASE),
}
_SIGNING = {
    "en": re.compile(r"\b(?:memorand\w*|MoUs?|sister|twin\w*)\b", re.IGNORECASE),
    "ja": re.compile(r"覚書|協定|姉妹"),
    "vi": re.compile(r"biên bản ghi nhớ|thỏa thuận|kết nghĩa", re.IGNORECASE),
}
# a place told as where one goes, comes from or meets: "東京都内で", "ハノイ市を訪問" (the venues
# of other languages: partner_members.not_venues)
_NOT_A_MEMBER = {"ja": re.compile(r"(?:都内|市内|県内)?(?:から|へ|で(?!の)|を訪)")}


def shape_trigger(ctx: Context, sentence):
    """(the word of focusing or choosing, the members' country) of a list told by its shape,
    or None. The members are the country named twice or more ("Hai Phong, Da Nang and Khanh Hoa
    are the ones Hyogo has chosen"); a unit merged away, or named in a clause on a merger, is
    none ("after Tay Ninh absorbed the former Long An Province")."""
    lang = ctx.language
    if lang not in FOCUS or not_shaped(lang, sentence.text):
        return None
    year = ctx.published.year if ctx.published else 0
    # the period of the sentence, or of the plan told before it
    dates = [d for d in ctx.dates if d.start < sentence.end]
    to_come = any(d.kind in ("until", "range") and d.years and d.years[1] >= year for d in dates)
    if not (to_come or _GROUP[lang].search(sentence.text)):
        return None
    found = members_of(ctx, sentence)
    if found is None:
        return None
    country, places = found
    focus = _choice(ctx, sentence, places)
    for run in _runs(ctx, places) if focus is None else ():
        focus = focus or _choice(ctx, sentence, run)  # "chuyến thăm TP.HCM …, Hokkaido đặt
        # trọng tâm hợp tác vào ba địa phương của Việt Nam là TP.HCM, Hà Nội và Đà Nẵng"
    if focus is None and to_come:  # "… through two provinces, Nghe An and Ha Tinh, until …"
        focus = _counted(ctx, sentence, places)
    return (focus, country) if focus else None


def not_shaped(lang: str, text: str) -> bool:
    """A sentence of a signing (an agreement's, not a list's), or of the partners beside a
    list ("Ngoài 3 đối tác ưu tiên, tỉnh còn hợp tác với A và B")."""
    return bool(_SIGNING[lang].search(text) or NOT_A_LIST[lang].search(text))


def members_of(ctx: Context, sentence) -> tuple[str, list] | None:
    """(the country, its places) when the sentence names two places or more of one country
    only (not the dateline's place, a venue, a unit merged away or named in a clause on a
    merger), else None."""
    lang, dateline = ctx.language, ctx.dateline_place
    by_country: dict[str, list] = {}
    named = not_venues(
        ctx,
        [
            m
            for m in ctx.in_span(sentence.start, sentence.end, ("locality",))
            if m.slug and m.text.lower() not in ANAPHORS  # named, not "mà tỉnh sẽ tập trung"
        ],
    )
    for m in named:
        if m == dateline or in_merger_clause(ctx, sentence, m) or m.slug.endswith("-before-2025"):
            continue
        if lang in _NOT_A_MEMBER and _NOT_A_MEMBER[lang].match(ctx.norm, m.end):
            continue
        by_country.setdefault(m.country, []).append(m)
    members = [c for c, places in by_country.items() if len({m.slug for m in places}) >= 2]
    return (members[0], by_country[members[0]]) if len(members) == 1 else None


def _runs(ctx: Context, places) -> list[list]:
    """The places told one after another ("A, B và C"), each run of two or more."""
    runs: list[list] = [[places[0]]]
    for m in places[1:]:
        if _RUN_GAP.fullmatch(ctx.norm[runs[-1][-1].end : m.start]):
            runs[-1].append(m)
        else:
            runs.append([m])
    return [run for run in runs if len({m.slug for m in run}) >= 2]


def _counted(ctx: Context, sentence, members):
    """The group that counts the members, told beside them ("four Japanese localities – Osaka,
    Kanagawa, Aichi and Fukuoka –", "Quang Ninh, Hai Phong and Khanh Hoa, three coastal
    localities"), not as a destination or an origin ("investors from two provinces, A and B"),
    nor as the places it has ties with ("has exchange ties with two Vietnamese localities, A
    and B": a count of partners)."""
    lang, s0 = ctx.language, sentence.start
    first, last = members[0].start - s0, members[-1].end - s0
    for group in _GROUP[lang].finditer(sentence.text):
        if group.end() <= first and _APPOSITION.fullmatch(sentence.text[group.end() : first]):
            if not _TIES_WITH[lang].search(sentence.text, 0, group.start()):
                return group
        if group.start() >= last and _APPOSITION_AFTER.fullmatch(
            sentence.text[last : group.start()]
        ):
            return group
    return None


def _choice(ctx: Context, sentence, members):
    """The word of focusing or choosing that governs the members: before them ("has singled
    out A and B", "will concentrate its exchanges on two localities, A and B"; not a
    destination or an origin, "exports to A and B", "investors from A and B"), or right after
    them, told as what they are ("A, B and C are the ones Hyogo has chosen", "have been
    designated", "puts A, B and C at its center"; not "flights to A and B, targeting …")."""
    lang, s0 = ctx.language, sentence.start
    first, last = members[0].start - s0, members[-1].end - s0
    words = list(FOCUS[lang].finditer(sentence.text))
    if lang == "ja":  # the verb after its objects: "A市とB市の2市に絞って重点的に取り組む"
        after = (w for w in words if first < w.start() and w.start() - last <= 80)
        before = (w for w in words if w.end() <= first and first - w.end() <= 15)
        return next(after, None) or next(before, None)
    before = [w for w in words if w.end() <= first and first - w.end() <= 90]
    if before:
        gap = sentence.text[before[-1].end() : first]
        if ";" not in gap and not (_DESTINATION[lang].search(gap) and len(gap) > 25):
            return before[-1]
    inside = [w for w in words if first < w.start() < last]
    if inside and last - first <= 150 and ";" not in sentence.text[first:last]:
        return inside[0]  # "counts A among three prefectures it will work with most
        # intensively, alongside B and C"
    # ("Niigata, Akita and Yamagata — these are the three Japanese prefectures the province
    # will give precedence to")
    after = [w for w in words if w.start() >= last and w.start() - last <= 70]
    if after and _BEING[lang].match(sentence.text[last : after[0].start()]):
        return after[0]
    return None


def shaped_list(fact: dict) -> bool:
    """A list told by its shape names two known places or more: of the directory, or
    municipalities it lacks by a name the gazetteer knows (嬬恋村, "Matsue City"; "the two
    Vietnamese cities had been chosen because … Mexico City" names one)."""

    def known(place: dict) -> bool:
        gazetteer = Gazetteer.default()
        entry = gazetteer.lookup(place["name"])
        bare = gazetteer.towns is not None and place["name"].lower() in gazetteer.towns.bare
        return place["slug"] is not None or bare or entry is not None and entry.kind == "locality"

    return sum(1 for place in fact["partners"] if known(place)) >= 2
