"""A visit told as a Japanese press release's particulars, one line each:

    1　日時　令和8年11月5日（木曜日）14時00分から
    2　場所　静岡県庁本館2階　知事応接室
    3　来訪者　ハナム省人民委員会　委員長　チュオン・クオック・フイ　氏　ほか5名
    4　対応者　静岡県知事　鈴木 康友

The visitor is the first person of the 来訪者 (来庁者, 来県者, 訪問者) line, the host the first of
the 対応者 (応対者) line, the day the first of the 日時 line, the place the host's (else the
one the 場所 line names)."""

from __future__ import annotations

import re

from kakehashi.news.engine.facts import visit_places as L
from kakehashi.news.engine.facts.context import Context

_ITEM = r"^[\s0-9一二三四五六七八九十()（）.．、]*"
_VISITOR = re.compile(_ITEM + r"(?:来訪者|来庁者|来県者|来市者|訪問者|表敬者)\s*[:：]?")
_HOST = re.compile(_ITEM + r"(?:対応者|応対者|応接者|面会者)\s*[:：]?")
_DAY = re.compile(_ITEM + r"(?:日時|日程|期日)\s*[:：]?")
_PLACE = re.compile(_ITEM + r"(?:場所|会場)\s*[:：]?")


def particulars_visits(ctx: Context) -> list[tuple]:
    """(visitor, host, fact) of each 来訪者 line with a person, in a Japanese article."""
    if ctx.language != "ja":
        return []
    lines = {"visitor": [], "host": [], "day": [], "place": []}
    for sentence in ctx.text.sentences:
        for key, pattern in (("visitor", _VISITOR), ("host", _HOST), ("day", _DAY),
                             ("place", _PLACE)):  # fmt: skip
            if pattern.match(sentence.text):
                lines[key].append(sentence)
    out = []
    for line in lines["visitor"]:
        visitors = ctx.people_in(line.start, line.end)
        if not visitors or visitors[0].full.unnamed:
            continue
        visitor = visitors[0]
        host_line = _next_after(lines["host"], line) or _last_before(lines["host"], line)
        hosts = ctx.people_in(host_line.start, host_line.end) if host_line else []
        host = next((p for p in hosts if p.full is not visitor.full), None)
        day_line = _last_before(lines["day"], line)
        days = ctx.dates_in(day_line.start, day_line.end, ("date",)) if day_line else []
        place_line = _last_before(lines["place"], line)
        place = _place_in(ctx, place_line)
        where = L.host_locality(ctx, host_line or line, host, visitor, place)
        if where is None:
            continue
        date = days[0].value if days else ctx.date_for(line)
        fields = visit_fields(ctx, visitor, host, where, date, purpose=None)
        fact = ctx.fact("visit", line, fields, 0.75 if host else 0.5)
        out.append((visitor.full, host.full if host else None, fact))
    return out


def visit_fields(ctx: Context, visitor, host, locality, date, *, purpose) -> dict:
    """A visit fact's fields (docs/news-format.md) from its parties, place and day."""
    return {
        "visitor": ctx.person_name(visitor),
        "visitor_role": visitor.full.role,
        "host": ctx.person_name(host) if host else None,
        "host_role": host.full.role if host else None,
        "host_locality": ctx.place(locality),
        "date": date,
        "purpose": purpose,
    }


def _next_after(lines, line):
    return next((x for x in lines if x.start > line.start), None)


def _last_before(lines, line):
    before = [x for x in lines if x.start < line.start]
    return before[-1] if before else None


def _place_in(ctx: Context, line):
    """The place of the first place or body the 場所 line names (静岡県庁本館 is Shizuoka)."""
    if line is None:
        return None
    for m in ctx.in_span(line.start, line.end):
        place = m.value if m.kind == "organisation" and m.value is not None else m
        if place.kind == "locality" and place.slug:
            return place
    return None
