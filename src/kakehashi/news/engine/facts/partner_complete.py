"""A priority list told over more than one sentence (facts/partners.py), in English above all.

- A list whose size is stated before its members are all named is completed by the next
  sentences that name more places of the partners' country, as long as they do not name more
  than the size says: "…would concentrate its cooperation on four priority partners. "Osaka
  and Yokohama have been with us the longest," he said. "Aichi and Chiba complete the four.""
- A place that joins the members just told adds to the list, and "the four" then gives its
  size: "A, B and C have been our strategic partners since 2024. From this year D joins them,
  and the four will be the focus of our cooperation until 2030."
- The prefecture a member city is told in is no member: "Takayama City in Gifu", "thành phố
  Takayama thuộc tỉnh Gifu".
- "would concentrate its cooperation in 2027 on …": the list is for that year.
"""

from __future__ import annotations

import re

from kakehashi.news.engine.facts import partner_members as M
from kakehashi.news.engine.facts.context import Context, number
from kakehashi.news.engine.facts.own_place import places_with_own
from kakehashi.news.engine.facts.partner_clues import adds_to_list, names_list_again
from kakehashi.news.engine.facts.partner_reach import expired, period
from kakehashi.news.engine.facts.partner_words import BACK, PRIORITY, SIZE, group_word_size
from kakehashi.news.engine.gazetteer import Mention

# a member kept: "Gunma, which hosts …, remains on the list"
_STAYS = (
    r"|\b(?:remains?|remained|stays?|stayed|will remain|will stay|(?:was|were|is|are) kept)"
    r"\s+on\s+(?:the|its|this|that)\s+(?:list|group)\b"
)
# a place that joins the members just told: "From this year Yamanashi joins them", "…, and
# Saga has now joined them", "they are now joined by Nara"; one that stays
_JOINS = {
    "en": re.compile(
        r"\b(?:joins|join|joined|will join|has joined|have joined)\s+(?:them|the (?:list|group|"
        r"three|two|four|five))\b|\b(?:are|were|will be)\s+(?:now\s+)?joined by\b" + _STAYS,
        re.IGNORECASE,
    ),
}

_SIZE_WORDS = r"(two|three|four|five|six|seven|eight|nine|ten|\d{1,2})"
# the list's size told by its members as a group: "the four will be", "all four are", "these
# three remain"
_GROUP_SIZE = {
    "en": re.compile(
        r"\b(?:the|all|these|those)\s+" + _SIZE_WORDS + r"(?=\s+(?:will|are|were|have|now|"
        r"remain|together|form|make up)\b)"
        # "…, bringing the number to three"
        r"|\b(?:bringing|taking)\s+the\s+(?:number|total|tally|count)\s+to\s+"
        + _SIZE_WORDS
        + r"\b",
        re.IGNORECASE,
    ),
}


# a place added to the list just told, in the next sentence: "Yamaguchi Prefecture was added to
# the list on Monday", "The city has since added Kobe to the list", "Tỉnh Niigata được bổ sung
# vào danh sách", 同リストに…を追加
_ADDED_TO_LIST = {
    "en": re.compile(
        r"\b(?:was|were|has been|have been|is being)\s+added\s+to\s+(?:the|its|this|that)\s+"
        r"(?:list|group)\b|\badded\s+(?:[A-Z][\w-]*\s+){1,4}to\s+(?:the|its|this|that)\s+"
        r"(?:list|group)\b"
        # "Tuesday's agreement adds Hai Phong, bringing the number to three"
        r"|\b(?:adds|added|adding)\s+(?:[A-Z][\w-]*\s+){0,3}[A-Z][\w-]*,?\s+(?:bringing|taking)"
        r"\s+the\s+(?:number|total|tally|count)\b" + _STAYS
    ),
    # "また、新たにダナン市を加え、この2地域との間で…"
    # "昨年度に指定したハノイ市と合わせた3地域を軸に", "これまでのA、B、Cと合わせ4地域となる"
    # "日本からは長野県のほか山梨県も盛り込まれ"
    "ja": re.compile(r"新たに[^。、]{0,20}を(?:加え|追加)|と合わせ|のほか[^。、]{0,20}も盛り込"),
    "vi": re.compile(
        r"(?<!\w)(?:được\s+)?(?:bổ sung|đưa)\s+(?:\w+\s+){0,6}?vào\s+danh sách(?:\s+này)?"
        r"(?!\s+(?:các\s+)?đối tác\s+(?:ưu tiên|trọng điểm)\s+(?!của))"
    ),
}


def added_to_list(language: str, text: str) -> bool:
    pattern = _ADDED_TO_LIST.get(language)
    return bool(pattern and pattern.search(text))


def joins_list(language: str, text: str) -> bool:
    pattern = _JOINS.get(language)
    return bool(pattern and pattern.search(text))


def group_size(language: str, text: str) -> int | None:
    pattern = _GROUP_SIZE.get(language)
    found = pattern.search(text) if pattern else None
    return number(next(g for g in found.groups() if g)) if found else None


# what says a sentence completes the list: "Aichi and Chiba complete the four", "The other two
# are …", "rounding out the list", "hai đối tác còn lại là …", 残る2地域は
_COMPLETES = {
    "en": re.compile(
        r"\b(?:complete|completes|completing|round(?:s|ing)? out|the other (?:one|two|three|four)"
        r"|the remaining|the rest|the last (?:one|two|three)|also on the list|make up the rest"
        # "The first is Gifu. … The second is Shizuoka": the members told one by one
        r"|the (?:second|third|fourth|fifth|sixth|last|final)(?: one| partner| member)?"
        r"(?:\s+(?:is|are|will be)|(?=,))|the (?:second|third|fourth|fifth|sixth|last|final) "
        r"(?:priority |key )?partner)\b",
        re.IGNORECASE,
    ),
    "vi": re.compile(r"(?<!\w)(?:còn lại|hoàn thiện danh sách|hoàn tất danh sách)(?!\w)", re.I),
    "ja": re.compile(r"残る|残りの"),
}

# the size of a list told as its members' number: "the three-member list"
_MEMBERS = re.compile(r"\b" + _SIZE_WORDS + r"-member\b", re.IGNORECASE)


def completes(language: str, text: str) -> bool:
    """The sentence says it completes a list ("The third, Yamagata, …", 残る2地域は)."""
    return bool(_COMPLETES[language].search(text))


def completing(ctx: Context, sentences, end: int, have: set, size: int | None, theirs, places_in,
               stop) -> tuple[list[Mention], int]:  # fmt: skip
    """The places of the sentences after `end` (at most two) that complete a list of `size`
    members of which `have` are named: (the new places, the new end). Only a sentence that says
    it completes the list counts; one that names a list of its own, those present, or more
    places than the list has room for, stops it."""
    added: list[Mention] = []
    parts = [s for s in sentences if s.start >= end][:2]
    if not size and parts and _COMPLETES[ctx.language].search(parts[0].text):
        # "Sakai heads the city's new list… Yokohama and Ishikawa make up the rest of the
        # three-member list": the size told by the sentence that completes it
        told = _MEMBERS.search(parts[0].text)
        size = number(told.group(1)) if told else None
    if not size or len(have) >= size:
        return added, end
    seen = set(have)
    for part in parts:
        new = [m for m in places_in(part.start, part.end) if theirs(m) and m.slug not in seen]
        slugs = {m.slug for m in new}
        if not new or stop(part.text) or len(seen | slugs) > size:
            break
        if not _COMPLETES[ctx.language].search(part.text):
            break
        added += new
        seen |= slugs
        end = part.end
        if len(seen) >= size:
            break
    return added, end


# the prefecture a member city is told in: "Takayama City in Gifu", "thành phố Takayama thuộc
# tỉnh Gifu", "thành phố Takayama ở tỉnh Gifu" (the city also when the directory lacks it:
# "Matsumoto City in Nagano")
_TOLD_IN = {
    "en": re.compile(r"\s+in\s+(?:the\s+)?$"),
    "vi": re.compile(r"\s+(?:thuộc|ở|của)\s+$"),
}
_UNKNOWN_CITY_IN = {
    "en": re.compile(r"\b[A-Z][\w-]* City\s+in\s+(?:the\s+)?$"),
    "vi": re.compile(r"(?<!\w)thành phố [A-Z][\w-]*\s+(?:thuộc|ở)\s+$"),
}
_WIDE = ("prefecture", "province")


def told_in_city(ctx: Context, places: list[Mention]) -> list[Mention]:
    """Not the prefecture or province told as where the member city before it lies."""
    pattern = _TOLD_IN.get(ctx.language)
    if pattern is None:
        return places
    out: list[Mention] = []
    for m in places:
        if m.level in _WIDE:
            before = ctx.norm[max(0, m.start - 40) : m.start]
            if _UNKNOWN_CITY_IN[ctx.language].search(before):
                continue
            city = out[-1] if out else None
            if (
                city is not None
                and city.level not in _WIDE
                and city.country == m.country
                and pattern.fullmatch(ctx.norm[city.end : m.start])
            ):
                continue
        out.append(m)
    return out


# the list's one year told between the focus and its members: "would concentrate its Japan
# cooperation in 2027 on four priority partners"
_IN_YEAR = re.compile(
    r"\b(?:cooperation|exchanges?|ties|efforts)\s+in\s+((?:19|20)\d\d)\s+on\b", re.IGNORECASE
)


def year_of_focus(language: str, text: str) -> str | None:
    if language != "en":
        return None
    found = _IN_YEAR.search(text)
    return found.group(1) if found else None


def rest_beside(sentences, sentence, have: set, missing: int, places_in, present) -> list[Mention]:
    """The `missing` members a list lacks, when the sentence before `sentence` or the one after
    it (not the headline) names exactly as many other places of theirs (`places_in(part)`):
    "Osaka and Hyogo joined the list in 2024. Hue now has four priority partners in Japan, with
    Kyoto and Nara added this year". Not those present (`present(text)`): "Representatives of
    Toyama and Ishikawa also took part"."""
    for index in (sentence.index - 1, sentence.index + 1):
        if not 0 < index < len(sentences) or present(sentences[index].text):
            continue
        new: dict = {}
        for m in places_in(sentences[index]):
            if m.slug not in have:
                new.setdefault(m.slug, m)
        if len(new) == missing:
            return list(new.values())
    return []


def each_other_lists(ctx: Context, sentence, places_in) -> list[dict]:
    """The two lists of a sentence that tells two places choosing each other without naming
    them ("Toyama Prefecture and Thanh Hoa Province signed a memorandum … Under the memorandum,
    each party will regard the other as a priority partner through 2030"): the places of the
    sentence before it, else of the lead, when it names one place of each country
    (`places_in(part)`: the places of a sentence that may be a member), each the other's
    partner, with the period told in either sentence; [] when no such pair is told."""
    if sentence.index < 2:
        return []  # (not the headline)
    for index in dict.fromkeys((sentence.index - 1, 1)):
        earlier = ctx.text.sentences[index]
        countries: dict = {}
        for m in places_in(earlier):
            countries.setdefault(m.country, {}).setdefault(m.slug, m)
        if len(countries) == 2 and all(len(slugs) == 1 for slugs in countries.values()):
            one, other = (next(iter(slugs.values())) for slugs in countries.values())
            until = period(ctx, sentence.start, sentence.end) or period(
                ctx, earlier.start, earlier.end
            )
            if until is not None and expired(ctx, until):
                return []
            fields = {"list_size": None, "until": str(until.years[1]) if until else None}
            return [
                ctx.fact("priority_partners", sentence, {"locality": ctx.place(a),
                         "partners": [ctx.place(b)], **fields}, 0.75)
                for a, b in ((one, other), (other, one))
            ]  # fmt: skip
    return []


def told_before(ctx: Context, sentence):
    """(the sentence before, the size the group states) when `sentence` names a group of places
    told in the sentence before it ("Those five are the partners …") and none of its own, or
    counts a run of places fronted before a dash (_fronted)."""
    pattern = BACK.get(ctx.language)
    found = pattern.match(sentence.text) if pattern else None
    if found is None and sentence.index > 0:
        return _fronted(ctx, sentence)
    if found is None or sentence.index == 0:
        return None
    earlier = ctx.text.sentences[sentence.index - 1]
    if not places_with_own(ctx, earlier.start, earlier.end):
        return None
    return earlier, number(next(group for group in found.groups() if group))


# places fronted before a dash, the sentences after them saying what they are: "ハイフォン、
# クアンニン、タイグエン――。北九州市が…狙いを定めるのは、この3地域だ。"
_FRONTED = re.compile(r"(?:――|——|—|–|-)+\s*[。.]?\s*$")
_RUN_ONLY = re.compile(r"[\s、,・]*(?:and|và|と|及び)?[\s、,・]*")


def _fronted(ctx: Context, sentence):
    """(the run of places fronted before a dash, their number) when one of the two sentences
    before `sentence` is only that run and `sentence` counts the group it names."""
    lang = ctx.language
    size = SIZE[lang].search(sentence.text) or group_word_size(lang, sentence.text)
    for earlier in ctx.text.sentences[max(0, sentence.index - 2) : sentence.index]:
        if not _FRONTED.search(earlier.text):
            continue
        places = places_with_own(ctx, earlier.start, earlier.end)
        gaps, last = [], earlier.start
        for m in places:
            gaps.append(ctx.norm[last : m.start])
            last = m.end
        rest = _FRONTED.sub("", ctx.norm[last : earlier.end])
        if len(places) >= 2 and size and all(_RUN_ONLY.fullmatch(g) for g in gaps + [rest]):
            return earlier, len({m.slug for m in places})
    return None


def adds_to_the_list(lang: str, text: str) -> bool:
    """The next sentence adds earlier members and tells the whole list again, adds a member to
    the list just told ("Yamaguchi Prefecture was added to the list on Monday") or says it
    completes it ("Y and Z round out the group")."""
    return (
        (adds_to_list(lang, text) or joins_list(lang, text))
        and bool(names_list_again(lang, text) or PRIORITY[lang].search(text))
        or (added_to_list(lang, text) and not PRIORITY[lang].search(text))
        or completes(lang, text)
    )


def unnamed_members(ctx: Context, partners, others, named_in, size, lo: int, end: int) -> list:
    """The members of a list of `partners` (found among the places `others`) that the
    directory and the gazetteer do not know, told by their names in lo:end (`named_in`: the
    places named there): as many as the stated `size` lacks, or those in brackets and beside
    the members when no size is stated."""
    more: list = []
    if size and len(partners) < size:  # "…, tỉnh Ishikawa và thành phố Kanazawa"
        more += M.unknown_places(ctx, end, others, named_in, size - len(partners))
    elif not size and len(partners) >= 2:  # "A, B, thành phố Matsumoto (tỉnh Nagano) và C"
        more += M.unknown_places(ctx, end, others, named_in, 9, inside=True)
    have = len(partners) + len(more)
    if have and (not size or have < size):  # "本県及び金沢市を…に選定"
        joined = M.joined_unknowns(ctx, lo, end, others, named_in)
        known = {q["name"] for q in partners + more}
        more += [p for p in joined if p["name"] not in known][: (size or 9) - have]
    have = len(partners) + len(more)
    if have and (not size or have < size):  # "A and its capital, Matsue"
        more += M.capitals_named(ctx, lo, end, named_in)[: (size or 9) - have]
    return more
