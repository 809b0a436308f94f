"""Visits: someone received by someone, meeting someone, or visiting a place.

The verbs and who comes first are in facts/delegations.py; who visits whom in a sentence in
facts/visit_parties.py; the host's place in facts/visit_places.py (the place of the host's role
("Phó Chủ tịch UBND TP.HCM"), else the place the sentence says they meet at, else the host's
side's place the article is about; without a host, the place visited). A delegation's trip
("đoàn ... đã thăm và làm việc tại tỉnh Shizuoka từ ngày 12 đến 15/7") gives a visit only when
no meeting of its leader with a host is reported: the meeting is the visit, with its own day.
The purpose is the clause after "nhằm"/"để"/"về"/"to discuss"/"について".
"""

from __future__ import annotations

import re

from kakehashi.news.engine.facts import delegations as D
from kakehashi.news.engine.facts import visit_parties as P
from kakehashi.news.engine.facts import visit_places as L
from kakehashi.news.engine.facts.context import FUTURE, Context, clause_after
from kakehashi.news.engine.facts.visit_offices import holders
from kakehashi.news.engine.facts.visit_particulars import particulars_visits, visit_fields

PURPOSE = {
    "vi": re.compile(
        r"(?<!\w)(?:nhằm|để bàn về|để trao đổi về|để|về việc|bàn về|trao đổi về|thảo luận về|"
        r"về)\s+"
    ),
    "en": re.compile(r"\b(?:to discuss|to promote|to strengthen|to boost|to explore)\s+"),
    "ja": re.compile(r"(?P<p>[^、。]{2,40})(?:について|に関して)"),
}


# another meeting on the day of the visit told before: "Earlier that day", "The same day",
# "Chiều cùng ngày", "Trước đó", "Sau buổi làm việc", 同日, 同日午後, これに先立ち (in English
# the visit's day, not a later date named in between)
SAME_DAY = {
    "en": re.compile(
        r"(?i)\b(?:earlier|later) (?:in|on) (?:the|that) day\b|\b(?:earlier|later) that day\b|"
        r"\b(?:on )?the same day\b|\bafter the (?:meeting|talks|reception)\b"
    ),
    "vi": re.compile(
        r"(?i)(?<!\w)(?:cùng ngày|trước đó|sau đó|sau buổi (?:làm việc|tiếp|hội đàm|gặp))(?!\w)"
    ),
    "ja": re.compile(r"同日|これに先立ち|その後|続いて"),
}


def find_visits(ctx: Context) -> list[dict]:
    out: list[tuple[object, object, dict]] = []
    group: list = []  # the leaders of the delegation the article follows
    last = None  # else the visitor told last: "the delegation", 代表団 of a later sentence
    for sentence in ctx.text.sentences:
        people = ctx.people_in(sentence.start, sentence.end)
        group = D.leaders_of(ctx, sentence, people) or group
        leader = group[0] if group else last
        found = P.parties(ctx, sentence, people, leader)
        if found is None:
            continue
        visitor, host, place, trip = found
        if visitor is None and host is not None:  # "received the mayors of A and B"
            for holder in holders(ctx, sentence):
                out += [
                    (*fact, False, False) for fact in _visit(ctx, sentence, holder, host, place)
                ]
        if (
            visitor is None
            or visitor.full.unnamed
            or (host is not None and host.full is visitor.full)
            or (
                host is None
                and any(visitor.full is h for _v, h, *_rest in out)
                and not _travels(ctx, sentence, visitor)
            )
        ):
            continue  # a host named again, alone ("フオン副委員長は…提案した"), visits nobody
        led = [p for p in group if p.full is not (host.full if host else None)]
        visitors = led if any(p.full is visitor.full for p in group) else [visitor]
        visitors += _received_together(ctx, people, visitors[-1], host)
        same_day = bool(SAME_DAY[ctx.language].search(sentence.text))
        again = bool(out) and same_day
        if trip and host is None:  # "X副知事は…ベトナムを訪問した": the traveller of what follows
            last = visitor
        for one in visitors:
            made = _visit(ctx, sentence, one, host, place)
            # "On the same day" after "…, the prefecture said Wednesday": the day told before,
            # whether a meeting or anything else happened on it
            if made and same_day and not ctx.dates_in(sentence.start, sentence.end):
                day = _day_told(ctx, sentence)
                made[0][2]["date"] = day or made[0][2]["date"]  # "Earlier in the day, ..."
            out += [(*fact, trip, again) for fact in made]
            last = one if made else last
            if made and host is not None:
                for other, day, where in _more_hosts(ctx, sentence, people, one, host):
                    more = _visit(ctx, sentence, one, other, where)
                    for fact in more:
                        fact[2]["date"] = day or fact[2]["date"]
                    out += [(*fact, False, again) for fact in more]
    out += [(visitor, host, fact, False, False) for visitor, host, fact in particulars_visits(ctx)]
    return _distinct(out)


def _travels(ctx: Context, sentence, person) -> bool:
    """The sentence says the person visits a place of the other side ("Long will visit
    Kitakyushu in April 2027", "小川副知事は、来年２月にフンイエン省を訪問する予定です")."""
    side = person.full.country
    if not side or not D.VISIT[ctx.language].search(sentence.text):
        return False
    return any(
        m.slug and m.country and m.country != side
        for m in ctx.in_span(sentence.start, sentence.end, ("locality",))
    )


_EACH = re.compile(r"それぞれ|各々")
_AND = re.compile(r"(?<!\w)(?:và|and)(?!\w)|、")


def _more_hosts(ctx: Context, sentence, people, visitor, host) -> list:
    """Further hosts of the same visitor in the sentence, each after a verb of meeting or
    visiting ("chào xã giao A và làm việc với B", "called on A and met B", "Aを表敬訪問し、
    その後…Bと面談した") or after a day of the first one ("A (ngày 12/5) và B (ngày 13/5)"),
    with the first day named after them (else the sentence's)."""
    lang, out, prev = ctx.language, [], host
    if not host.full.country:
        return []
    for person in people:
        if person.start <= prev.start or any(person.full is x.full for x in (host, visitor)):
            continue
        side = person.full.country
        if side not in (host.full.country, None) or (side and side == visitor.full.country):
            continue  # of the host's side (or of none known), not of the visitor's
        if any(person.full is o.full for o, *_ in out):
            continue
        lo = D.role_end(prev)
        hi = person.role_start if person.role_start is not None else person.start
        hi = min(hi, person.start)
        between = ctx.norm[lo:hi]
        verb = D.MEET[lang].search(between) or D.VISIT[lang].search(between)
        dated = ctx.dates_in(lo, hi) and _AND.search(between)
        # "ハノイ市ではA委員長と、ハイフォン市ではB委員長とそれぞれ会談した"
        each = lang == "ja" and _EACH.search(sentence.text) and re.match(r"と?、", between)
        if not (verb or dated or each):
            continue
        after = ctx.dates_in(person.start, sentence.end)
        # the place told with the second host: "…と、ハイフォン市ではB委員長と"
        where = [m for m in ctx.in_span(lo, hi, ("locality",)) if m.slug] if each else []
        out.append((person, after[0].value if after else None, where[-1] if where else None))
        prev = person
    return out


_TOGETHER = re.compile(r"\s*(?:,|và|and|と|、|及び|および)\s*")


def _received_together(ctx: Context, people, visitor, host) -> list:
    """Officials of the visitor's side named with the visitor ("tiếp Đại sứ A và Tổng Lãnh sự
    B", "received A and B", AとBの表敬訪問を受けた): each makes a visit of their own."""
    out, prev = [], visitor
    if not visitor.full.country:
        return out
    for person in people:
        if person.start <= prev.start or (host is not None and person.full is host.full):
            continue
        start = person.role_start if person.role_start is not None else person.start
        if not _TOGETHER.fullmatch(ctx.norm[D.role_end(prev) : min(start, person.start)]):
            break
        if person.full.country != visitor.full.country or person.full.unnamed:
            break
        out.append(person)
        prev = person
    return out


def _visit(ctx: Context, sentence, visitor, host, place) -> list:
    locality = L.host_locality(ctx, sentence, host, visitor, place)
    if host is None and locality is None:
        return []
    if _own_place(visitor, host, locality):
        return []  # an official of one's own side met abroad, placed at home: no visit there
    date = _day_in_trip(ctx, sentence) or ctx.date_for(sentence, meeting=True)
    fields = visit_fields(ctx, visitor, host, locality, date, purpose=_purpose(ctx, sentence))
    filled = (bool(host) + bool(locality) + bool(date) + bool(visitor.full.role)) / 4
    fact = ctx.fact("visit", sentence, fields, filled)
    return [(visitor.full, host.full if host else None, fact)]


# a span of days: "từ ngày 23 đến 28/11", "from November 23 to 28", 23日から28日まで
_SPAN = re.compile(r"(?<!\w)(?:đến|tới)(?!\w)|\b(?:to|until|through)\b|から|[～~–]")
_SPAN_AFTER = re.compile(r"\s*(?:(?:đến|tới)(?!\w)|(?:to|until|through)\b|から|[～~–-])")
_SPAN_BEFORE = re.compile(
    r"(?:(?<!\w)(?:đến|tới)|\b(?:to|until|through)|から|[～~–-])\s*(?:ngày\s+)?$"
)


def _spans(ctx: Context, d) -> bool:
    return bool(
        _SPAN.search(d.text)
        or _SPAN_AFTER.match(ctx.norm, d.end)
        or _SPAN_BEFORE.search(ctx.norm, max(0, d.start - 12), d.start)
    )


def _day_in_trip(ctx: Context, sentence) -> str | None:
    """A trip's span of days and the day of the meeting inside it ("Trong chuyến công tác từ
    ngày 23 đến 28/11, ngày 24/11, đoàn đã làm việc với …"): the day, not the span's first."""
    own = ctx.dates_in(sentence.start, sentence.end, ("date",))
    if len(own) < 2 or not _spans(ctx, own[0]):
        return None
    days = [d for d in own[1:] if not _spans(ctx, d)]
    return days[0].value if days else None


def _own_place(visitor, host, locality) -> bool:
    """The host is of the visitor's side and the place found is the visitor's own (the
    Vietnamese ambassador in Tokyo called on by a Vietnamese delegation)."""
    if host is None or locality is None or not visitor.full.country:
        return False
    if host.full.country != visitor.full.country:
        return False
    own = {q.slug for q in visitor.full.places if q is not None and q.slug}
    return locality.slug in own or (not own and locality.country == visitor.full.country)


def _day_told(ctx: Context, sentence) -> str | None:
    """The last day named before the sentence in a sentence not about what is to come
    ("Chiều cùng ngày" after "... sẽ tổ chức ... vào ngày 29/11 tới" is the day told before)."""
    for earlier in reversed(ctx.text.sentences[: sentence.index]):
        if FUTURE[ctx.language].search(earlier.text):
            continue
        days = [d for d in ctx.dates_in(earlier.start, earlier.end) if d.kind == "date"]
        if days:
            return days[-1].value
    return None


def _distinct(found) -> list[dict]:
    """A trip ("đã thăm và làm việc tại tỉnh Aichi") is dropped when a meeting of the same
    visitor is reported; a meeting with an unnamed host when the same visitor met a named one
    there that day, unless it is told as another meeting of that day ("Chiều cùng ngày", 同日);
    the same meeting told twice is one. The visitor is the same by name (山中 亮一 and 山中大使
    named again)."""

    def who(visitor, fact) -> str:
        return (fact["visitor"] or "").replace(" ", "") or str(id(visitor))

    met = {who(visitor, fact) for visitor, _host, fact, trip, _again in found if not trip}
    named = {
        (who(visitor, fact), fact["date"], (fact["host_locality"] or {}).get("slug"))
        for visitor, host, fact, _trip, _again in found
        if host is not None
    }
    out, seen = [], set()
    for visitor, host, fact, trip, again in found:
        if trip and who(visitor, fact) in met:
            continue
        where = (fact["host_locality"] or {}).get("slug")
        if host is None and not trip and not again:
            if (who(visitor, fact), fact["date"], where) in named:
                continue
        key = (who(visitor, fact), id(host), fact["date"], where)
        if key in seen:
            continue
        seen.add(key)
        out.append(fact)
    return out


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
