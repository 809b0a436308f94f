"""Lists of two choosers told in one sentence (facts/partners.py), each clause with its own:
"Toyama chose Ha Tinh and Quang Tri, while Fukui picked Hue", "While Hue chose A and B, Da Nang
picked C", "Tỉnh Nghệ An chọn tỉnh Gifu và tỉnh Aichi, còn tỉnh Hà Tĩnh chọn tỉnh Toyama",
"クアンニン省は福岡、広島両県を、ハイフォン市は北九州市を、それぞれ重点協力先に選んだ"."""

from __future__ import annotations

import re

from kakehashi.news.engine.facts.context import Context
from kakehashi.news.engine.facts.own_place import places_with_own
from kakehashi.news.engine.facts.partner_reach import period
from kakehashi.news.engine.facts.partner_words import CHOOSE
from kakehashi.news.engine.gazetteer import Mention

# where one chooser's clause ends and another's begins
_CONTRAST = {
    "en": re.compile(r",?\s+(?:while|whereas)\s+|;\s+"),
    "vi": re.compile(r",\s+(?:còn|trong khi)\s+|;\s+"),
}
# a sentence that opens with the contrast: its clauses part at the comma before the second verb
_OPENS = {"en": re.compile(r"\s*(?:While|Whereas)\s"), "vi": re.compile(r"\s*Trong khi\s")}


def contrasted_lists(ctx: Context, sentence) -> list[dict]:
    """The lists of a sentence that tells two choosers' lists (see contrasted), else []."""
    until = period(ctx, sentence.start, sentence.end)
    out = []
    for chooser, members in contrasted(ctx, sentence):
        partners = list({m.slug or m.text: ctx.place(m) for m in members}.values())
        fields = {"locality": ctx.place(chooser), "partners": partners, "list_size": None,
                  "until": str(until.years[1]) if until else None}  # fmt: skip
        out.append(ctx.fact("priority_partners", sentence, fields, 0.5 + 0.25 * bool(until)))
    return out


def contrasted(ctx: Context, sentence) -> list[tuple[Mention, list[Mention]]]:
    """(chooser, members) of each clause that names its chooser before a verb of choosing and
    members of the other country after it, when two clauses or more with different choosers
    do; else []."""
    spans = _each_ja(sentence) if ctx.language == "ja" else _clauses(ctx, sentence)
    clauses = []
    for (a, b), (c, d) in spans:
        before = places_with_own(ctx, a, b)
        if not before:
            continue
        chooser = before[-1]
        members = [
            m for m in places_with_own(ctx, c, d) if m.country and m.country != chooser.country
        ]
        if members:
            clauses.append((chooser, members))
    if len(clauses) < 2 or len({chooser.slug for chooser, _ in clauses}) < 2:
        return []
    return clauses


def _clauses(ctx: Context, sentence) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """(where the chooser is told, where its members are) of each clause of a contrast: before
    and after the clause's verb of choosing."""
    cuts = [(sentence.start + m.start(), sentence.start + m.end())
            for m in _CONTRAST[ctx.language].finditer(sentence.text)]  # fmt: skip
    verbs = list(CHOOSE[ctx.language].finditer(sentence.text))
    if _OPENS[ctx.language].match(sentence.text) and len(verbs) >= 2:
        comma = sentence.text.rfind(", ", 0, verbs[1].start())
        if comma > verbs[0].end():
            cuts.insert(0, (sentence.start + comma, sentence.start + comma + 2))
    starts = [sentence.start] + [end for _, end in cuts]
    ends = [start for start, _ in cuts] + [sentence.end]
    spans = []
    for lo, hi in zip(starts, ends, strict=True):
        verb = CHOOSE[ctx.language].search(ctx.norm, lo, hi)
        if verb is not None:
            spans.append(((lo, verb.start()), (verb.end(), hi)))
    return spans


# "AはX、Y両県を、BはZを、それぞれ…に選んだ": each chooser before は, its members before を
_EACH_JA = re.compile(r"それぞれ|各々")
_CLAUSE_JA = re.compile(r"([^、。]*?)[はが]([^。]*?)を、?")


def _each_ja(sentence) -> list[tuple[tuple[int, int], tuple[int, int]]]:
    if not _EACH_JA.search(sentence.text):
        return []
    at = sentence.start
    return [
        ((at + c.start(1), at + c.end(1)), (at + c.start(2), at + c.end(2)))
        for c in _CLAUSE_JA.finditer(sentence.text)
    ]
