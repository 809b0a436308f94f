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
from kakehashi.news.engine.facts.own_place import in_merger_clause, places_with_own

FOCUS = {
    # (not the nouns of names and titles: "Chief Representative", "Conference Center")
    "en": re.compile(
        r"\b(?:focus\w*|concentrat\w*|precedence|anchor|closely|closest|priorit\w*"
        r"|singled out|single out|earmark\w*|target\w*|energy|resources|channel\w*|line-?up"
        r"|picks?|picked|chose|chosen|choose|select\w*|names?|named|naming|designat\w*"
        r"|favou?r\w*|pillars?|mainstays?|cornerstones?|retains?|retained|reserv\w*|court"
        r"|intensive\w*|cent(?:er|re)(?:s|d|ing)?\s+on|at\s+(?:its|the)\s+(?:cent(?:er|re)|heart|core))\b",
        re.IGNORECASE,
    ),
}
# a group of places told by its size: "two localities", "three Vietnamese localities"
_GROUP = {
    "en": re.compile(
        NUMBER + r"\s+(?:(?:Japanese\s+|Vietnamese\s+)?(?:localities|prefectures|provinces"
        r"|cities|partners|regions)|as\s+the\s+places|of\s+them)\b",
        re.IGNORECASE,
    ),
}
# a place told as a destination or an origin: "exports to A and B", "investors from A and B"
_DESTINATION = {"en": re.compile(r"\b(?:to|from|in|at|into)\s+(?:the\s+)?$", re.IGNORECASE)}
# what the members are told to be, before the word that chooses them
_BEING = {
    "en": re.compile(
        r"\s*$|[^,;]*\b(?:are|were|is|was|will be|have been|has been|had been)\b[^,;]*$",
        re.IGNORECASE,
    )
}
_SIGNING = {
    "en": re.compile(r"\b(?:memorand\w*|MoUs?|sister|twin\w*)\b", re.IGNORECASE),
}


def shape_trigger(ctx: Context, sentence):
    """(the word of focusing or choosing, the members' country) of a list told by its shape,
    or None. The members are the country named twice or more ("Hai Phong, Da Nang and Khanh Hoa
    are the ones Hyogo has chosen"); a unit merged away, or named in a clause on a merger, is
    none ("after Tay Ninh absorbed the former Long An Province")."""
    lang = ctx.language
    if lang not in FOCUS or _SIGNING[lang].search(sentence.text):
        return None
    year = ctx.published.year if ctx.published else 0
    # the period of the sentence, or of the plan told before it
    dates = [d for d in ctx.dates if d.start < sentence.end]
    to_come = any(d.kind in ("until", "range") and d.years and d.years[1] >= year for d in dates)
    if not (to_come or _GROUP[lang].search(sentence.text)):
        return None
    by_country: dict[str, list] = {}
    dateline = ctx.dateline_place()
    for m in places_with_own(ctx, sentence.start, sentence.end):
        if m == dateline or in_merger_clause(ctx, sentence, m) or m.slug.endswith("-before-2025"):
            continue
        by_country.setdefault(m.country, []).append(m)
    members = [c for c, places in by_country.items() if len({m.slug for m in places}) >= 2]
    if len(members) != 1:
        return None
    focus = _choice(ctx, sentence, by_country[members[0]])
    return (focus, members[0]) if focus else None


def _choice(ctx: Context, sentence, members):
    """The word of focusing or choosing that governs the members: before them ("has singled
    out A and B", "will concentrate its exchanges on two localities, A and B"; not a
    destination or an origin, "exports to A and B", "investors from A and B"), or right after
    them, told as what they are ("A, B and C are the ones Hyogo has chosen", "have been
    designated", "puts A, B and C at its center"; not "flights to A and B, targeting …")."""
    lang, s0 = ctx.language, sentence.start
    first, last = members[0].start - s0, members[-1].end - s0
    words = list(FOCUS[lang].finditer(sentence.text))
    before = [w for w in words if w.end() <= first and first - w.end() <= 90]
    if before:
        gap = sentence.text[before[-1].end() : first]
        if ";" not in gap and not (_DESTINATION[lang].search(gap) and len(gap) > 25):
            return before[-1]
    inside = [w for w in words if first < w.start() < last]
    if inside and last - first <= 150 and ";" not in sentence.text[first:last]:
        return inside[0]  # "counts A among three prefectures it will work with most
        # intensively, alongside B and C"
    after = [w for w in words if w.start() >= last and w.start() - last <= 40]
    if after and _BEING[lang].match(sentence.text[last : after[0].start()]):
        return after[0]
    return None


def shaped_list(fact: dict) -> bool:
    """A list told by its shape names two members of the directory or more ("the two
    Vietnamese cities had been chosen because … Mexico City" names one)."""
    return sum(1 for partner in fact["partners"] if partner["slug"]) >= 2
