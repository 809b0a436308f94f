"""What the agreement, priority-list and partnership-count rules share beyond the context:

- the place an article speaks for when it says "本県", "当市" (a prefecture's or a city's own
  press release): the Japanese place of that level its contact line names (【問合せ先】鳥取県
  交流推進課: the release's issuer), else the one the article names most; a bare "県は"
  opening a sentence or a clause: the prefecture named last ("市は": the city named last);
- the year a plan is for when it is written as an era year ("令和9年中") or relative to the
  publication ("来年", "next year", "năm nay");
- the places a merger clause names ("sau khi hợp nhất với tỉnh Yên Bái", "which merged with
  Yen Bai", "after absorbing Binh Duong"): former units, never the subject of the sentence.
"""

from __future__ import annotations

import re
from dataclasses import replace

from kakehashi.news.engine.facts.context import CITY_LEVELS, MERGER, Context
from kakehashi.news.engine.gazetteer import Mention

# "本県", "当県", "わが県", "我が市"; "県は"/"府が" opening a sentence or a clause after "、".
OWN = re.compile(
    r"(?:本|当|わが|我が)(?P<a>県|府|都|道|市)|(?<![^、。\s])(?P<b>県|府|市)(?=は|が|と)"
)


def own_places(ctx: Context, lo: int, hi: int) -> list[Mention]:
    """The places "本県", "当市" (the article's own) and a bare "県は"/"市は" (the one named
    last) stand for in the stretch lo:hi, as mentions at those words."""
    if ctx.language != "ja":
        return []
    out = []
    for m in OWN.finditer(ctx.norm, lo, hi):
        if any(x.start <= m.start() < x.end for x in ctx.mentions):
            continue  # part of a name ("県立", a place's own "市")
        city = (m.group("a") or m.group("b")) == "市"
        if m.group("a"):
            place = _main_of_level(ctx, city)
        else:  # a bare "市は" is the city named last ("ダナン市は…。市は…"), a "県は" the
            # prefecture named last
            place = ctx.last_locality(m.start(), None if city else "JP", city=city)
        if place is not None:
            out.append(replace(place, start=m.start(), end=m.end(), text=m.group()))
    return out


def own_voice(ctx: Context) -> Mention | None:
    """The Japanese place the article speaks for, when it says "本県", "県は"... anywhere."""
    found = [m for m in own_places(ctx, 0, len(ctx.norm)) if m.country == "JP"]
    return found[0] if found else None


# the contact line that closes a release names its issuer: "【問合せ先】鳥取県交流推進課",
# "問い合わせ先：新潟市国際課", "お問合せ　石川県国際交流課"
_CONTACT = re.compile(r"^[ \t]*[【\[(（]?(?:お)?問(?:い)?合(?:わ)?せ(?:先)?[】\])）:：\s]", re.M)


def issuer_of(ctx: Context, city: bool) -> Mention | None:
    """The Japanese place of that level the release's contact line names."""
    for line in _CONTACT.finditer(ctx.norm):
        stop = ctx.norm.find("\n", line.end())
        stop = len(ctx.norm) if stop < 0 else stop
        for m in ctx.in_span(line.start(), stop, ("locality",)):
            if m.slug and m.country == "JP" and (m.level in CITY_LEVELS) == city:
                return m
    return None


def _main_of_level(ctx: Context, city: bool) -> Mention | None:
    issuer = issuer_of(ctx, city)
    if issuer is not None:
        return issuer
    counts: dict[str, int] = {}
    first: dict[str, Mention] = {}
    for m in ctx.mentions:
        if m.kind != "locality" or not m.slug or m.country != "JP":
            continue
        if (m.level in CITY_LEVELS) != city:
            continue
        counts[m.slug] = counts.get(m.slug, 0) + 1
        first.setdefault(m.slug, m)
    if not counts:
        return None
    return first[max(counts, key=lambda slug: (counts[slug], -first[slug].start))]


def places_with_own(ctx: Context, lo: int, hi: int) -> list[Mention]:
    """The named places of lo:hi and the "本県" ones, in text order."""
    named = [m for m in ctx.in_span(lo, hi, ("locality",)) if m.slug]
    return sorted(named + own_places(ctx, lo, hi), key=lambda m: m.start)


ERA = re.compile(r"(令和|平成)(\d{1,2}|元)年")
ERA_BASE = {"令和": 2018, "平成": 1988}
RELATIVE = {
    "vi": re.compile(r"(?<!\w)năm (?P<next>tới|sau|sau nữa)(?!\w)|(?<!\w)(?P<this>năm nay)(?!\w)"),
    # a fiscal year (来年度, 今年度) is no calendar year
    "ja": re.compile(r"(?P<next>来年)(?!度)|(?P<this>今年|本年)(?!度)"),
    "en": re.compile(r"\b(?P<next>next year)\b|\b(?P<this>this year|later this year)\b", re.I),
}


def year_of_plan(ctx: Context, text: str) -> str | None:
    """The year a plan is for, from an era year or a year relative to the publication."""
    era = ERA.search(text)
    if era:
        number = 1 if era.group(2) == "元" else int(era.group(2))
        return str(ERA_BASE[era.group(1)] + number)
    rel = RELATIVE[ctx.language].search(text)
    if rel and ctx.published is not None:
        return str(ctx.published.year + (1 if rel.group("next") else 0))
    return None


def in_merger_clause(ctx: Context, sentence, place: Mention) -> bool:
    for m in MERGER[ctx.language].finditer(sentence.text):
        if sentence.start + m.start() <= place.start < sentence.start + m.end():
            return True
    return False
