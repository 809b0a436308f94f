"""Lists told one locality after another, after a lead that says several will be told: "Four
northern localities used a conference … to say which Japanese prefectures they will work with
most closely in the 2026-2030 period. … Bac Ninh … is betting on Aichi, Shizuoka and Gifu. For
Nghe An …, its picks were Ibaraki and Gunma." Each clause after the lead that opens with a
place and names places of the other country after it is that place's list ("Can Tho, Kagoshima
and Miyazaki; An Giang, Saga and Kumamoto"; "Oita is betting on Hanoi and Da Nang, and
Kagoshima on Can Tho"); the lead's period is each list's unless the clause has its own. A
clause that names no list ("Ca Mau … would decide on partners only after a study", "did not
present lists", "without making them a priority") gives none; a clause that opens with "It"
or whose member "completes its list" adds to the list before it. English only so far.
"""

from __future__ import annotations

import re
from itertools import pairwise

from kakehashi.news.engine.facts import partner_members as M
from kakehashi.news.engine.facts.context import Context, number
from kakehashi.news.engine.facts.own_place import in_merger_clause, places_with_own
from kakehashi.news.engine.facts.partner_reach import expired, period
from kakehashi.news.engine.facts.partner_words import SIZE, group_word_size

_KINDS = r"(?:prefectures|provinces|localities|cities|partners|places|municipalities)"
# the lead: several localities say which places of the other country they will work with
_LEAD = {
    "en": re.compile(
        r"\bwhich\s+(?:(?:Japanese|Vietnamese)\s+)?" + _KINDS + r"\b"
        r"|\b(?:nam(?:e|es|ed|ing)|pick(?:s|ed|ing)?|set(?:s|ting)?\s+out|outlin\w+"
        r"|line(?:s|d)?\s+up|assign\w*|swap\w*|unveil\w*|announc\w*|designat\w*|present\w*"
        r"|chose|chosen|choos\w*|decided\s+on|the\s+following)\s+(?:the\s+|their\s+|its\s+)?"
        r"(?:own\s+)?(?:preferred\s+|priority\s+|key\s+|focus\s+|chosen\s+)?"
        r"(?:(?:Japanese|Vietnamese|Japan|Vietnam)\s+)?(?:partners?|partner\s+lists|localities"
        r"|prefectures|provinces|cities)\b|\b(?:partner|shopping)\s+lists\b"
        # a line that heads the lines of each locality: "the priority partners are:"
        r"|\bpartners?\b[^.:]*:\s*$",
        re.IGNORECASE,
    )
}
# told of several: "each naming", "they will", "Five prefectures …", "six of them"
_SEVERAL = {
    "en": re.compile(
        r"\b(?:each|they|their)\b|\b(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+"
        r"(?:of\s+them|(?:[\w-]+\s+){0,2}?(?:localities|prefectures|provinces|cities|mayors))\b",
        re.IGNORECASE,
    )
}
# what may stand before the place that opens a clause: "For Nghe An", "On the Japanese side,",
# a bullet ("- Hanoi: Tokyo, Osaka and Fukuoka")
_OPENING = {
    "en": re.compile(
        r"\s*(?:[-–—•*]\s*|\d{1,2}[.)]\s+)?(?:(?:and|while|but)\s+)?"
        r"(?:For\s+|On\s+the\s+(?:Japanese|Vietnamese)\s+side,\s*"
        r"|(?:The\s+)?(?:city|prefecture|province)\s+of\s+)?",
        re.IGNORECASE,
    )
}
# a clause that adds to the list before it: "It also added Thai Nguyen", "Quang Tri, added last
# month …, completes its list"
_IT = {"en": re.compile(r"\s*(?:It|The\s+(?:prefecture|province|city))\s+(?:also\s+)?\w+")}
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
    )
}
# a relative clause or an apposition set off by commas: "Sapporo, which has no formal partner
# in Vietnam, said …"
_ASIDE = re.compile(r",\s+(?:which|who|whose|where|now|home|enlarged|a|an|the)\b[^,;:]*,")
# where a sentence parts into clauses: a semicolon, a colon after no place, ", and X on Y"
_CUT = re.compile(r";\s+|,\s+(?:and|while|but)\s+(?=[A-Z])")
_FOLLOWING = 12  # sentences after the lead that may each tell a list


def series_lists(ctx: Context) -> tuple[set[int], list[dict]]:
    """(the indexes of the sentences that lead to the lists, the lists told one locality after
    another after them) (see the module's text); (set(), []) when the article has none."""
    lang = ctx.language
    if lang not in _LEAD:
        return set(), []
    sentences = ctx.text.sentences
    leads = [s for s in sentences if _LEAD[lang].search(s.text) and _several(lang, s.text)]
    if not leads:
        return set(), []
    lead = leads[0]
    told = sentences[lead.index : lead.index + 2]  # the lead and the sentence after it
    shared = next((p for p in (period(ctx, s.start, s.end) for s in told) if p), None)
    if shared is not None and expired(ctx, shared):
        return set(), []
    out: list[tuple[dict, str]] = []  # (the list, its chooser's country)
    first = None  # the first sentence that tells a list: the leads before it head the lists
    for sentence in sentences[lead.index + 1 : lead.index + 1 + _FOLLOWING]:
        for lo, hi in _clauses(ctx, sentence):
            found = _clause_list(ctx, sentence, lo, hi, shared, out[-1] if out else None)
            if found is not None:
                out.append(found)
                first = sentence.index if first is None else first
    if len(out) < 2:
        return set(), []  # one list after a lead: no series, the rules read it
    dateline = ctx.dateline_place()
    heads = {  # the leads before the lists that name no place: they head the lists
        s.index
        for s in leads
        if s.index < first and all(m == dateline for m in places_with_own(ctx, s.start, s.end))
    }
    return heads, [fact for fact, _ in out]


def _several(lang: str, text: str) -> bool:
    """The lead tells of several localities, or heads lines ("…, the priority partners are:")."""
    return bool(_SEVERAL[lang].search(text)) or text.rstrip().endswith(":")


def _clauses(ctx: Context, sentence) -> list[tuple[int, int]]:
    s0, text = sentence.start, sentence.text
    colon = text.find(": ")
    start = 0
    if colon > 0 and not places_with_own(ctx, s0, s0 + colon):
        start = colon + 2  # "The line-ups were read out by the moderator: Can Tho, …"
    edges = [start] + [m.end() for m in _CUT.finditer(text, start)] + [len(text)]
    return [(s0 + a, s0 + b) for a, b in pairwise(edges) if b > a]


def _clause_list(ctx: Context, sentence, lo: int, hi: int, shared, last):
    """(the list the clause lo:hi tells, its chooser's country), or None; the members a clause
    adds to `last` (the list before it) join it."""
    lang, text = ctx.language, ctx.norm[lo:hi]
    plain = _ASIDE.sub(",", text)
    if _NONE[lang].search(plain):
        return None
    places = [m for m in places_with_own(ctx, lo, hi) if not in_merger_clause(ctx, sentence, m)]
    if not places:
        return None
    first = places[0]
    opening = _OPENING[lang].match(ctx.norm, lo)
    opens = opening is not None and opening.end() == first.start
    if last is not None and (_IT[lang].match(text) or opens and _COMPLETES[lang].search(plain)):
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
    own = period(ctx, lo, hi)
    until = own if own is not None else shared
    size_m = SIZE[lang].search(text)
    size = number(size_m.group(1)) if size_m else group_word_size(lang, text)
    fields = {
        "locality": ctx.place(first),
        "partners": partners,
        "list_size": size,
        "until": str(until.years[1]) if until else None,
    }
    return ctx.fact("priority_partners", sentence, fields, 0.6), first.country
