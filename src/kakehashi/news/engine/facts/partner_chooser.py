"""The chooser of a priority list (facts/partners.py): the place whose list a sentence
states, told after "của"/"of" or before "の"/"'s", as the agent of a passive choice, before a
verb of choosing or as the article's place when written as a pronoun; the partners' country a
sentence names."""

from __future__ import annotations

import re
from dataclasses import replace

from kakehashi.news.engine.facts.context import Context
from kakehashi.news.engine.facts.own_place import in_merger_clause
from kakehashi.news.engine.facts.partner_words import (
    ANAPHORS,
    BY_AGENT,
    CHOOSE,
    COUNTRY_WORDS,
    IN_BRACKETS,
    OWNER,
    OWNER_BEFORE,
    PRIORITY,
    PUT,
    TOP,
)
from kakehashi.news.engine.gazetteer import Mention


def _agent(ctx: Context, sentence, trigger, places) -> Mention | None:
    """The place named as the agent of a passive choice before the trigger, or right after it
    ("The priority partners chosen by Gia Lai for 2026-2030 are …")."""
    lo = sentence.start
    for m in places:
        if m.start >= lo + trigger.start() and not (
            ctx.language == "en" and m.start - (lo + trigger.end()) < 40
        ):
            break
        if m.start >= lo + trigger.start() and "," in ctx.norm[lo + trigger.end() : m.start]:
            break
        if ctx.language == "en" and _passive_by(ctx, sentence, trigger, m):
            return m  # "A and B were selected as priority partners by Hyogo Prefecture"
        if not BY_AGENT[ctx.language].search(ctx.norm, max(lo, m.start - 40), m.start):
            continue
        if ctx.language == "vi" and not CHOOSE["vi"].match(ctx.norm, m.end + 1):
            continue  # "được tỉnh Đồng Tháp chọn": the verb right after the agent
        return m
    return None


_PASSIVE = re.compile(
    r"\b(?:was|were|is|are|been|being)\s+(?:\w+\s+)?(?:chosen|named|selected|picked"
    r"|designated|identified|listed)\b",
    re.IGNORECASE,
)


# a verb of choosing in the passive, its agent untold: the place before it is chosen
_PASSIVE_BEFORE = {
    "vi": re.compile(r"(?<!\w)được\s+$"),
    "en": re.compile(r"\b(?:was|were|is|are|been|being)\s+(?:\w+ly\s+)?$", re.IGNORECASE),
}
_NEVER = re.compile(r"(?!)")


def _passive_by(ctx: Context, sentence, trigger, m: Mention) -> bool:
    """The place is the agent after the trigger of a passive choice: "were selected as
    priority partners by Hyogo Prefecture"."""
    lo = sentence.start
    after = ctx.norm[lo + trigger.end() : m.start]
    return bool(
        re.fullmatch(r"\s+(?:in\s+\w+\s+)?by\s+(?:the\s+)?", after)
        and _PASSIVE.search(sentence.text, 0, trigger.start())
    )


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
    choose = PUT if lang == "en" and TOP.match(trigger.group()) else CHOOSE[lang]
    verbs = [
        v
        for v in choose.finditer(sentence.text, 0, trigger.start())
        if v.start() and not IN_BRACKETS.search(sentence.text, 0, v.start())
    ]
    if verbs and _PASSIVE_BEFORE.get(lang, _NEVER).search(sentence.text, 0, verbs[-1].start()):
        return None  # "Thành phố Izumisano (tỉnh Osaka) cũng được bổ sung vào …": a member
    if verbs:
        # not a place of a relative clause: "Quang Ninh, which already has ties with
        # Yamaguchi, has picked …"
        relative = ctx.relative_spans(sentence)
        before = [
            m
            for m in places
            if m.end <= lo + verbs[-1].start() and not any(a <= m.start < b for a, b in relative)
        ]
        return before[-1] if before else None  # what follows the verb is the list
    before = [m for m in places if m.start < lo + trigger.start()]
    if lang == "ja":  # "タイニン省を重点地域に追加し": the object is no chooser
        before = [m for m in before if not ctx.norm.startswith("を", m.end)]
        told_after = [
            m
            for m in places
            if m.start >= lo + trigger.end() and ctx.norm.startswith(("が", "は"), m.end)
        ]
        if told_after and all(m.country != told_after[0].country for m in before):
            return told_after[0]  # "A市とB市を、…とする方針を、北九州市がまとめた"
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


def owner_pronoun(ctx: Context, m: Mention) -> bool:
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


# the side the chooser is on, not the partners' country: "On the Japanese side, Osaka named …",
# "Về phía Nhật Bản, …", 日本側は
_SIDE = {
    "en": re.compile(r"\b(?:On|From|For)\s+the\s+(?:Japanese|Vietnamese)\s+side\b", re.I),
    "vi": re.compile(r"phía (?:Nhật Bản|Việt Nam)", re.I),
    "ja": re.compile(r"(?:日本|ベトナム)側"),
}


def stated_country(lang: str, text: str) -> str | None:
    text = _SIDE[lang].sub(" ", text)
    named = [c for c, pattern in COUNTRY_WORDS[lang].items() if pattern.search(text)]
    return named[0] if len(named) == 1 else None


def list_subject(ctx: Context, sentence, trigger, places, stated):
    subject = _list_subject(ctx, sentence, trigger, places, stated)
    return town_in(ctx, subject) or subject if subject is not None else None


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


# a city or town told with the prefecture it is in (the chooser is the town): "Imabari City in Ehime
# Prefecture", "The city of Kanazawa in Ishikawa Prefecture", "Thành phố Kanazawa (tỉnh
# Ishikawa", 愛媛県今治市, 北海道東川町
_TOWN_BEFORE = {
    "en": re.compile(
        r"(?:\b[Tt]he (?:[a-z]+ )?(?:city|town) of ([A-Z][a-z]+)|\b([A-Z][a-z]+ City))\s+in\s+$"
    ),
    "vi": re.compile(r"((?:[Tt]hành phố|[Tt]hị xã) [A-Z]\w+)\s*\(\s*$"),
}
_TOWN_AFTER = {"ja": re.compile(r"[\u4e00-\u9fff\u30a0-\u30ff]{1,4}[市町村](?=は|が|の|、)")}


def town_in(ctx: Context, m: Mention) -> Mention | None:
    """The city or town told with the prefecture `m` (see _TOWN_BEFORE): the directory's, or
    a place with no slug in the prefecture's country when the directory lacks it; None when
    the prefecture is told alone."""
    if m.level != "prefecture" or not m.slug:
        return None
    before = _TOWN_BEFORE.get(ctx.language)
    found = before.search(ctx.norm, max(0, m.start - 40), m.start) if before else None
    if found is not None:
        group = 1 if found.group(1) else 2
        start, end = found.start(group), found.end(group)
    else:
        after = _TOWN_AFTER.get(ctx.language)
        found = after.match(ctx.norm, m.end) if after else None
        if found is None:
            return None
        start, end = found.start(), found.end()
    known = [o for o in ctx.in_span(start, end, ("locality",)) if o.slug]
    if known:
        return known[0]  # "Kitakyushu City in Fukuoka Prefecture": the city the directory holds
    return replace(m, start=start, end=end, text=ctx.norm[start:end], slug=None, level="city",
                   successor=None)  # fmt: skip
