"""Visits: someone received by someone, or someone visiting a place.

"HOST tiếp VISITOR" / "HOST received VISITOR" / "HOSTは…VISITORと会談" — the host is the person
named before the verb, the visitor the one after. "VISITOR thăm / visited / を訪問 (PLACE or
HOST)" — the other way round; "VISITORの表敬訪問を受けた HOST" and "VISITOR paid a courtesy call
on HOST" too. The host's place is the place of the host's role ("Phó Chủ tịch UBND TP.HCM"),
else the place the sentence names after "tại"/"in"/"visited", else the Vietnamese place the
article is about. The purpose is the clause after "nhằm"/"để"/"về"/"to discuss"/"について".
"""

from __future__ import annotations

import re

from kakehashi.news.engine.facts.context import Context, clause_after

HOST_FIRST = {
    "vi": re.compile(
        r"\b(?:tiếp|tiếp đón|đón tiếp|tiếp xã giao|hội kiến|hội đàm|làm việc với|gặp gỡ|đón)\b"
    ),
    "en": re.compile(r"\b(?:received|receives|welcomed|hosted|met with|met|held talks with)\b"),
    "ja": re.compile(r"会談|面会|迎え|歓迎|懇談|意見交換"),
}
VISITOR_FIRST = {
    "vi": re.compile(r"\b(?:thăm|đến thăm|sang thăm|chào xã giao|thăm và làm việc|dẫn đầu)\b"),
    "en": re.compile(
        r"\b(?:visited|visits|paid a courtesy call on|called on|paid a visit to|led a delegation)\b"
    ),
    "ja": re.compile(r"表敬訪問|訪問|訪れ|訪ね"),
}
RECEIVED = {"ja": re.compile(r"を受け|受けた")}
PURPOSE = {
    "vi": re.compile(
        r"\b(?:nhằm|để bàn về|để trao đổi về|để|về việc|bàn về|trao đổi về|thảo luận về)\s+"
    ),
    "en": re.compile(r"\b(?:to discuss|to promote|to strengthen|to boost|to explore)\s+"),
    "ja": re.compile(r"(?P<p>[^、。]{2,40})(?:について|に関して)"),
}
PLACE_CUE = {
    "vi": re.compile(r"\b(?:tại|ở|thăm|đến)\s+$"),
    "en": re.compile(r"\b(?:in|at|visited|to)\s+(?:the\s+)?$"),
    "ja": re.compile(r"(?:を|に|で)?$"),
}


def find_visits(ctx: Context) -> list[dict]:
    out = []
    lang = ctx.language
    for sentence in ctx.text.sentences:
        text = sentence.text
        people = ctx.people_in(sentence.start, sentence.end)
        host_verb = HOST_FIRST[lang].search(text)
        visit_verb = VISITOR_FIRST[lang].search(text)
        host = visitor = None
        if lang == "ja":
            received = RECEIVED["ja"].search(text)
            if visit_verb and people:
                visitor = people[0]
                host = people[1] if len(people) > 1 else None
                if received and host:
                    visitor, host = host, visitor
            elif host_verb and len(people) >= 2:
                host, visitor = people[0], people[1]
        else:
            first = min(
                (v for v in (host_verb, visit_verb) if v), key=lambda v: v.start(), default=None
            )
            if first is None:
                continue
            at = sentence.start + first.start()
            before = [p for p in people if p.start < at]
            after = [p for p in people if p.start >= at]
            if first is host_verb and before and after:
                host, visitor = before[-1], after[0]
            elif first is visit_verb and before:
                visitor = before[-1]
                host = after[0] if after else None
            elif first is visit_verb and after and "dẫn đầu" not in first.group():
                continue
        if visitor is None:
            continue
        locality = _host_locality(ctx, sentence, host, visitor)
        if host is None and locality is None:
            continue
        date = ctx.date_for(sentence)
        fields = {
            "visitor": ctx.written(visitor.start, visitor.end),
            "visitor_role": visitor.role,
            "host": ctx.written(host.start, host.end) if host else None,
            "host_role": host.role if host else None,
            "host_locality": ctx.place(locality),
            "date": date,
            "purpose": _purpose(ctx, sentence),
        }
        filled = (bool(host) + bool(locality) + bool(date) + bool(visitor.role)) / 4
        out.append(ctx.fact("visit", sentence, fields, filled))
    return out


def _host_locality(ctx: Context, sentence, host, visitor):
    if host is not None:
        for place in host.places:
            if place is not None and place.slug:
                return place
    places = [
        m
        for m in ctx.in_span(sentence.start, sentence.end, ("locality",))
        if m.slug and not any(m is q for q in visitor.places)
    ]
    for m in places:
        if PLACE_CUE[ctx.language].search(ctx.norm[max(sentence.start, m.start - 12) : m.start]):
            if visitor.country is None or m.country != visitor.country or host is not None:
                return m
    if host is not None and host.country:
        return ctx.main_locality(host.country)
    side = "JP" if visitor.country == "VN" else "VN"
    return ctx.main_locality(side) if host is None and places else None


def _purpose(ctx: Context, sentence) -> str | None:
    m = PURPOSE[ctx.language].search(sentence.text)
    if not m:
        return None
    if ctx.language == "ja":
        value = m.group("p")
        start = sentence.start + m.start("p")
    else:
        value = clause_after(sentence.text, m.end(), r"[.;,](?=\s|$)")
        start = sentence.start + m.end()
    value = value.strip()
    return ctx.written(start, start + len(value)) if len(value) >= 4 else None
