"""Priority partners ("TP xác định 7 địa phương Nhật Bản là đối tác ưu tiên đến năm 2025, gồm
tỉnh Osaka, Kanagawa, ...") and partnership counts ("TP.HCM đã thiết lập quan hệ với 7 địa
phương Nhật Bản").

The locality is the chooser: the place after "của"/"of" ("đối tác ưu tiên của TP"), else the
place named last before a verb of choosing ("TP đã chọn A, B và C là đối tác ưu tiên", "A và B
được tỉnh chọn là..."), else the first place before the trigger, else the article's place. A
chooser written "TP"/"Thành phố"/同市/"the city" is the article's place when the pronoun would
otherwise stand for a place of the partners' country.
Partners are the places of the other country in the sentence (and in the next one when the
list follows there); the list size is the number before "địa phương"/"自治体"/"localities";
until is the year of "đến năm 2025"/"2025年まで"/"until 2025" (or a period's last year).
"""

from __future__ import annotations

import re
from dataclasses import replace

from kakehashi.news.engine.facts.context import NUMBER, Context, number
from kakehashi.news.engine.gazetteer import Mention

PRIORITY = {
    "vi": re.compile(
        r"(?:đối tác|địa phương)\s+(?:ưu tiên|trọng điểm|trọng tâm)"
        r"|(?:địa phương|tỉnh|thành phố)\s+(?:của\s+)?(?:Nhật Bản|Việt Nam)\s+ưu tiên"
        r"|ưu tiên hợp tác với"
    ),
    "ja": re.compile(
        r"(?:優先|重点)(?:的な|的に)?(?:交流|協力|連携|提携)?(?:パートナー|相手|先|自治体|地域|都市)"
    ),
    "en": re.compile(
        r"\b(?:priority|key|focus)\s+(?:Japanese\s+|Vietnamese\s+)?"
        r"(?:partners?|localities|partner localities|partner cities|partner prefectures)",
        re.IGNORECASE,
    ),
}
SIZE = {
    "vi": re.compile(NUMBER + r"\s+(?:địa phương|tỉnh|tỉnh, thành phố|tỉnh, thành|đối tác)"),
    "ja": re.compile(
        r"(\d+|[一二三四五六七八九十])\s*(?:つの|か所の|カ所の)?(?:日本の|ベトナムの)?(?:自治体|都道府県|地方|県|都市|地域)"
    ),
    "en": re.compile(
        NUMBER + r"\s+(?:priority |key )?(?:Japanese |Vietnamese |partner )?"
        r"(?:localities|prefectures|provinces|cities|partners|local governments)",
        re.IGNORECASE,
    ),
}
COUNT = {
    "vi": re.compile(
        r"(?:thiết lập|có|duy trì|xây dựng)\s+quan hệ"
        r"(?:\s+(?:hợp tác|hữu nghị|hợp tác hữu nghị|đối tác))?"
        r"(?:\s+(?:chính thức|với tổng cộng|với hơn|với gần|với))*\s+"
        + NUMBER
        + r"\s+(?:địa phương|tỉnh|tỉnh, thành phố)(?:\s+(?:của\s+)?(?P<c>Nhật Bản|Việt Nam|Nhật))?"
    ),
    "ja": re.compile(
        r"(?P<c0>日本|ベトナム)?(?:の)?(?P<n>\d+)\s*(?:つの|の)?(?P<c>日本|ベトナム)?(?:の)?"
        r"(?:自治体|都市|省・市|省市|省|県|地方自治体|都道府県|地域)と"
        r"(?:の)?(?:友好|交流|協力|提携|姉妹)"
    ),
    "en": re.compile(
        r"(?:ties|relations|relationships?|partnerships?|cooperation|links|cooperative relations)"
        r"\s+with\s+"
        r"(?:more than\s+|over\s+|nearly\s+)?" + NUMBER + r"\s+(?P<c>Japanese|Vietnamese)?\s*"
        r"(?:localities|prefectures|cities|provinces|local governments)",
        re.IGNORECASE,
    ),
}
_COUNTRY = {"Nhật Bản": "JP", "Nhật": "JP", "Việt Nam": "VN", "日本": "JP", "ベトナム": "VN",
            "japanese": "JP", "vietnamese": "VN"}  # fmt: skip


def _subject(ctx: Context, sentence, trigger_at: int, partner_country: str | None):
    before = [
        m
        for m in ctx.in_span(sentence.start, trigger_at, ("locality",))
        if m.slug and (partner_country is None or m.country != partner_country)
    ]
    if before:
        return before[0]
    return ctx.main_locality("VN" if partner_country != "VN" else "JP")


# "chọn", "lựa chọn", "xác định", "coi ... là", "選定", "位置づけ", "named", "chose"
CHOOSE = {
    "vi": re.compile(r"(?<!\w)(?:lựa chọn|chọn|xác định|coi|xem|đưa)(?!\w)"),
    "ja": re.compile(r"(?<=は)|(?<=が)"),
    "en": re.compile(r"\b(?:chose|chosen|choose|chooses|named|names|selected|identified)\b"),
}
OWNER = {"vi": re.compile(r"\s*của\s+"), "ja": re.compile(r"(?!)"), "en": re.compile(r"\s*of\s+")}
ANAPHORS = {"tp", "thành phố", "tỉnh", "同市", "同県", "同府", "同省", "同都", "the city",
            "the province", "the prefecture"}  # fmt: skip


def _chooser(ctx: Context, sentence, trigger) -> Mention | None:
    """The place whose priority list the sentence states (None: the sentence names none)."""
    lang, lo = ctx.language, sentence.start
    places = [m for m in ctx.in_span(lo, sentence.end, ("locality",)) if m.slug]
    owner = OWNER[lang].match(sentence.text, trigger.end())
    if owner:
        after = [m for m in places if m.start == lo + owner.end()]
        if after:
            return after[0]
    verbs = [v for v in CHOOSE[lang].finditer(sentence.text, 0, trigger.start()) if v.start()]
    if verbs:
        before = [m for m in places if m.end <= lo + verbs[-1].start()]
        return before[-1] if before else None  # what follows the verb is the list
    before = [m for m in places if m.start < lo + trigger.start()]
    return before[0] if before else None


def _article_place(ctx: Context, chooser: Mention | None, places: list[Mention]):
    """The chooser, unless it is a pronoun standing for a place of the partners' country
    (or no place at all): then the place the article is about."""
    rest = [m for m in places if m is not chooser]
    countries = [m.country for m in rest]
    theirs = max(set(countries), key=countries.count) if countries else None
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


def find_priority_partners(ctx: Context) -> list[dict]:
    lang, out = ctx.language, []
    sentences = ctx.text.sentences
    for sentence in sentences:
        trigger = PRIORITY[lang].search(sentence.text)
        if not trigger:
            continue
        lo, hi = sentence.start, sentence.end
        later = sentences[sentence.index + 1] if sentence.index + 1 < len(sentences) else None
        places = [m for m in ctx.in_span(lo, hi, ("locality",)) if m.slug]
        subject = _chooser(ctx, sentence, trigger)
        if subject is None:
            subject = ctx.main_locality("VN")
        else:
            subject = _article_place(ctx, subject, places)
        others = [
            m
            for m in places
            if m.start != getattr(subject, "start", None)
            and (subject is None or m.country != subject.country)
        ]
        if len(others) < 2 and later is not None:
            others += [
                m
                for m in ctx.in_span(later.start, later.end, ("locality",))
                if m.slug and (subject is None or m.country != subject.country)
            ]
        partners, seen = [], set()
        for m in others:
            if m.slug not in seen:
                seen.add(m.slug)
                partners.append(ctx.place(m))
        if not partners:
            continue  # "coi Nhật Bản là đối tác ưu tiên": no list of localities
        size_m = SIZE[lang].search(sentence.text)
        until = next(
            (d for d in ctx.dates if lo <= d.start < hi and d.kind in ("until", "range")), None
        )
        fields = {
            "locality": ctx.place(subject),
            "partners": partners,
            "list_size": number(size_m.group(1)) if size_m else (len(partners) or None),
            "until": str(until.years[1]) if until else None,
        }
        filled = (bool(subject) + bool(partners) + bool(size_m) + bool(until)) / 4
        out.append(ctx.fact("priority_partners", sentence, fields, filled))
    return _one_list_per_place(out)


def _one_list_per_place(facts: list[dict]) -> list[dict]:
    """A headline and its lead often state the same list: one fact per locality, the one
    naming the most partners, its gaps filled from the others."""
    best: dict = {}
    for fact in facts:
        key = (fact["locality"] or {}).get("slug")
        known = best.get(key)
        if known is None or len(fact["partners"]) > len(known["partners"]):
            if known is not None:
                _fill(fact, known)
            best[key] = fact
        else:
            _fill(known, fact)
    return list(best.values())


def _fill(fact: dict, other: dict) -> None:
    for name in ("list_size", "until"):
        if fact[name] is None:
            fact[name] = other[name]


def find_partnership_counts(ctx: Context) -> list[dict]:
    lang, out, seen = ctx.language, [], set()
    for sentence in ctx.text.sentences:
        m = COUNT[lang].search(sentence.text)
        if not m:
            continue
        count = number(m.group("n") if lang == "ja" else m.group(1))
        written = m.group("c") or (m.group("c0") if lang == "ja" else None)
        country = _COUNTRY.get(written.lower() if lang == "en" and written else written)
        if country is None:
            country = "JP" if re.search(r"Nhật|日本|Japan", sentence.text) else None
        subject = _subject(ctx, sentence, sentence.start + m.start(), country)
        fields = {"locality": ctx.place(subject), "country": country, "count": count}
        key = (subject.slug if subject else None, country, count)
        if key in seen:
            continue  # the headline and the lead telling the same count
        seen.add(key)
        filled = (bool(subject) + bool(country) + 1) / 3
        out.append(ctx.fact("partnership_count", sentence, fields, filled))
    return out
