"""Who holds an event: the bodies (and places, as their governments) of its sentence before
the verb of holding, or after "do" / "by" / 主催 (a Japanese list of 主催/共催 bodies is
event_organisers_ja's); not the places where it is held ("tại TP Huế", "in Osaka", ハノイ市内で),
nor the subject who attends it ("đã dự Hội thảo …", "attended the forum")."""

from __future__ import annotations

import re

from kakehashi.news.engine.facts.context import Context
from kakehashi.news.engine.facts.event_organisers_ja import ja_organisers

# the verbs of holding an event in Vietnamese
VI_VERB = re.compile(r"tổ chức|khai mạc|diễn ra|đăng cai|chủ trì|khai trương|bế mạc")

_BY = {
    "vi": re.compile(r"\bdo\b"),
    "ja": re.compile(r"が主催|主催|が共催|共催"),
    # not "attended by 40 companies", "led by", "followed by"
    "en": re.compile(
        r"\b(?:organi[sz]ed by|hosted by|co-organi[sz]ed by|held by|"
        r"(?<!attended )(?<!joined )(?<!led )(?<!followed )(?<!chaired )(?<!addressed )by)\b"
    ),
}


# the subject attends the event named next: it does not hold it ("đã dự Hội thảo …")
ATTENDED = {
    "vi": re.compile(
        r"(?<!\w)(?:dự|tham dự|tham gia|có mặt tại|tại|bên lề|trong khuôn khổ)\s+(?:buổi\s+)?$"
    ),
    "ja": re.compile(r"$^"),
    "en": re.compile(r"\b(?:attended|joined|took part in|participated in)\s+(?:the\s+)?$"),
}


def named_by(ctx: Context, sentence, organiser: dict) -> bool:
    """An organiser given after "do" / "by" (not the subject who attends)."""
    by = _BY[ctx.language].search(sentence.text)
    return bool(by) and organiser["name"] in sentence.text[by.end() :]


# the topic of a Japanese sentence: "北海道とジェトロ北海道は、" (not "には", "では")
_JA_TOPIC = re.compile(r"(?<![にでとへ])[はが](?=、|\s|\d)")


def organisers_of(ctx: Context, sentence, verb, name_start: int, name_end: int):
    """The bodies (and places, as their governments) said to hold the event, in order: an
    office and its place are one ("JETRO Osaka", ジェトロ北海道), a prefecture before its city
    is the city's address (大阪府堺市)."""
    text = sentence.text
    if ctx.language == "ja":
        listed = ja_organisers(ctx, sentence, name_start, name_end)
        if listed:
            return listed
    by = _BY[ctx.language].search(text)
    held_by = None
    if ctx.language == "vi" and by and sentence.start + by.start() >= name_end:
        held_by = VI_VERB.search(text, by.end())  # "diễn ra hội thảo … do Sở … tổ chức"
    if ctx.language == "ja" and by:
        lo, hi = sentence.start, sentence.start + by.start()
    elif held_by:
        lo, hi = sentence.start + by.end(), sentence.start + held_by.start()
    elif by and (not verb or by.start() < verb.start() or ctx.language == "en"):
        hi = sentence.start + (verb.start() if verb and verb.start() > by.end() else len(text))
        lo = sentence.start + by.end()
    else:
        lo, hi = sentence.start, sentence.start + (verb.start() if verb else len(text))
        topic = _JA_TOPIC.search(text) if ctx.language == "ja" else None
        if topic and sentence.start + topic.start() < hi:
            hi = sentence.start + topic.start()
    found = [
        m
        for m in ctx.in_span(lo, hi)
        if not (name_start <= m.start < name_end)
        and (m.kind == "organisation" or m.slug)
        and not (m.kind == "locality" and _is_venue(ctx, m))
    ]
    bodies = [m for m in found if m.kind == "organisation"]
    out, seen, spans = [], set(), []
    for i, m in enumerate(found):
        if any(o.start <= m.start < o.end for o in bodies if o is not m):
            continue  # a place inside a body
        nxt = found[i + 1] if i + 1 < len(found) else None
        end = m.end
        if m.kind == "organisation" and nxt is not None and nxt.kind == "locality":
            if nxt.start - m.end <= 1 and ctx.norm[m.end : nxt.start] in ("", " ", "・"):
                end = nxt.end  # an office: "JETRO Osaka", ジェトロ北海道
        if m.kind == "organisation" and nxt is not None and nxt.kind == "organisation":
            gap = ctx.norm[m.end : nxt.start]
            if gap in (" (", "(", "（") and ctx.norm[nxt.end : nxt.end + 1] in (")", "）"):
                end = nxt.end + 1  # "... Promotion Centre (ITPC)": one body
        if m.kind == "locality" and nxt is not None and nxt.kind == "locality":
            if nxt.start == m.end and m.level == "prefecture" and nxt.level != "prefecture":
                continue  # 大阪府堺市: the city
        if any(a <= m.start < b for a, b in spans):
            continue
        written = ctx.written(m.start, end)
        if (m.key, m.slug, written) in seen:
            continue
        seen.add((m.key, m.slug, written))
        spans.append((m.start, end))
        out.append({"name": written, "slug": None, "key": m.key})
    return out


# where it is held, not who holds it: "tại TP Huế", "in Osaka", "ハノイ市内で"
_AT_PLACE = {
    "vi": re.compile(r"(?:tại|ở)\s+(?:(?:tỉnh|thành phố|TP\.?|Thành phố)\s+)?$"),
    "en": re.compile(r"\b(?:in|at)\s+(?:the\s+)?(?:city\s+of\s+)?$"),
}
_JA_AT_PLACE = re.compile(r"(?:市内|県内|内)?(?:で|において|にて)")


def _is_venue(ctx: Context, m) -> bool:
    if ctx.language == "ja":
        return bool(_JA_AT_PLACE.match(ctx.norm, m.end))
    return bool(_AT_PLACE[ctx.language].search(ctx.norm, max(0, m.start - 30), m.start))
