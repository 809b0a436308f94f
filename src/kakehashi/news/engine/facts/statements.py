"""Proposals, milestones and the people of the article.

Proposal: "đề xuất"/"kiến nghị"/"đề nghị" (not "theo đề nghị"), 提案/要望/提言, proposed /
suggested / called for; the text is the clause after the verb (in Japanese, the clause before
"を提案"); `by` is the person named last before the verb, else the organisation or place.
Milestone: "50 năm quan hệ ngoại giao", "kỷ niệm 30 năm", "50周年", "50th anniversary"; years
is that number, period the period of that length the sentence names ("1973-2023"), else null.
"""

from __future__ import annotations

import re

from kakehashi.news.engine.facts.context import Context, clause_after

PROPOSAL = {
    "vi": re.compile(r"(?<!theo )(?<!Theo )\b(?:đề xuất|kiến nghị|đề nghị|gợi ý|đưa ra ý tưởng)\b"),
    "ja": re.compile(r"(?:ことを|を|と)?(?:提案|要望|提言|呼びかけ|求め)"),
    "en": re.compile(
        r"\b(?:proposed|suggested|recommended|called for|urged|put forward|requested)\b"
    ),
}
MILESTONE = {
    "vi": re.compile(
        r"(?:kỷ niệm\s+)?(?P<n>\d+)\s+năm\s+(?:ngày\s+)?(?:thiết lập\s+)?quan hệ[^,.;()]*"
        r"|kỷ niệm\s+(?P<n2>\d+)\s+năm[^,.;()]*"
    ),
    "ja": re.compile(r"(?P<w>[^、。「」]{0,20}?)(?P<n>\d+)\s*周年"),
    "en": re.compile(
        r"(?P<n>\d+)(?:st|nd|rd|th)\s+anniversary[^,.;()]*|(?P<n2>\d+)\s+years\s+of\s+"
        r"(?:diplomatic\s+)?(?:relations|ties|friendship|cooperation)[^,.;()]*"
    ),
}
_LEAD = re.compile(r"^(?:\s|:|việc|rằng|that|to)+")


def find_proposals(ctx: Context) -> list[dict]:
    lang, out = ctx.language, []
    for sentence in ctx.text.sentences:
        triggers = list(PROPOSAL[lang].finditer(sentence.text))
        for i, m in enumerate(triggers):
            nxt = triggers[i + 1].start() if i + 1 < len(triggers) else len(sentence.text)
            fact = _proposal(ctx, sentence, m, nxt)
            if fact is not None:
                out.append(fact)
    return out


_TAIL = re.compile(r"(?:[\s,;]+(?:và|and))?[\s,;]*$")


def _proposal(ctx: Context, sentence, m, nxt: int) -> dict | None:
    if ctx.language == "ja":
        head = sentence.text[: m.start()]
        cut = max(head.rfind("、"), head.rfind("は"), head.rfind("が"))
        lo = sentence.start + cut + 1
        value = ctx.norm[lo : sentence.start + m.start()].strip()
        start = lo + (len(ctx.norm[lo:]) - len(ctx.norm[lo:].lstrip()))
    else:
        rest = _TAIL.sub("", clause_after(sentence.text[:nxt], m.end()))
        lead = _LEAD.match(rest)
        skip = lead.end() if lead else 0
        value = rest[skip:].strip()
        start = sentence.start + m.end() + skip
    if len(value) < 6:
        return None
    by = _by(ctx, sentence, sentence.start + m.start())
    fields = {"text": ctx.written(start, start + len(value)), "by": by}
    return ctx.fact("proposal", sentence, fields, (1 + bool(by)) / 2)


def _by(ctx: Context, sentence, at: int) -> str | None:
    people = [p for p in ctx.people_in(sentence.start, at)]
    if people:
        return ctx.person_name(people[-1])
    bodies = ctx.in_span(sentence.start, at)
    if bodies:
        return ctx.written(bodies[0].start, bodies[0].end)
    for word in ("hai bên", "両者", "双方", "both sides", "the two sides"):
        i = ctx.norm.find(word, sentence.start, at)
        if i >= 0:
            return ctx.written(i, i + len(word))
    return None


def find_milestones(ctx: Context) -> list[dict]:
    lang, seen = ctx.language, {}
    for sentence in ctx.text.sentences:
        m = MILESTONE[lang].search(sentence.text)
        if not m:
            continue
        count = int(m.group("n") or m.groupdict().get("n2") or 0)
        if not 1 <= count <= 200:
            continue
        lo = sentence.start + m.start()
        hi = sentence.start + m.end()
        what = ctx.written(lo, hi).strip()
        ranges = [
            d
            for d in ctx.dates
            if sentence.start <= d.start < sentence.end and d.kind == "range" and d.years
        ]
        span = next((d for d in ranges if d.years[1] - d.years[0] == count), None)
        period = f"{span.years[0]}-{span.years[1]}" if span else None
        fields = {"what": what, "years": count, "period": period}
        known = seen.get(count)
        # the headline and the lead telling the same anniversary: the fuller telling
        if known is None or len(what) > len(known["what"]):
            fact = ctx.fact("milestone", sentence, fields, 1.0)
            if known is not None:
                fact["period"] = fact["period"] or known["period"]
            seen[count] = fact
    return sorted(seen.values(), key=lambda f: f["span"][0])


def person_facts(ctx: Context) -> list[dict]:
    """One fact per person named with a role, the first sentence that names them."""
    out: dict[str, dict] = {}
    for person in ctx.people:
        if person.canonical is not None or person.unnamed:
            continue  # a short mention of someone named in full before
        name = ctx.written(person.start, person.end)
        sentence = ctx.text.sentence_at(person.start)
        if sentence is None or not person.role:
            continue
        org = person.organisation
        fields = {
            "name": name,
            "role": person.role,
            "organisation": ctx.organisation(org) if org is not None else None,
            "country": person.country,
        }
        known = out.get(name)
        if known is None:
            filled = (bool(org) + bool(person.country) + 1) / 3
            out[name] = ctx.fact("person", sentence, fields, filled)
        else:
            for key, value in fields.items():
                if known[key] is None and value is not None:
                    known[key] = value
    return list(out.values())
