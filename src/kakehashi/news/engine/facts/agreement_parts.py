"""The parts of an agreement that need more than a pattern: who "both sides" are, the
document's name with its Japanese compound ("友好交流協定", "協力覚書"), the field cut where a
time phrase begins, an agreement named by its year ("their 2024 memorandum", "2023年の覚書"),
and a sentence that counts partners rather than naming them ("ベトナムの3つの省と覚書を結んで
いる" is a partnership count, not an agreement)."""

from __future__ import annotations

import re

from kakehashi.news.engine.facts.context import NUMBER, Context
from kakehashi.news.engine.facts.own_place import in_merger_clause
from kakehashi.news.engine.gazetteer import Mention
from kakehashi.news.engine.municipalities import is_unlisted


def both_sides(ctx: Context, sentence, country: str) -> Mention | None:
    """The place of `country` that "hai bên"/"双方"/"the two sides" stands for: the one named
    most in this sentence and the two before (the meeting just told; a merger clause's former
    units and the municipalities the directory lacks aside), then the one the article names
    most, then the latest; else the article's place of that country."""
    window = [
        m
        for told in ctx.text.sentences[max(0, sentence.index - 2) : sentence.index + 1]
        for m in ctx.in_span(told.start, told.end, ("locality",))
        if m.slug
        and not is_unlisted(m.slug)
        and m.country == country
        and not in_merger_clause(ctx, told, m)
    ]
    if not window:
        return ctx.main_locality(country)
    counts: dict[str, int] = {}
    for m in window:
        counts[m.slug] = counts.get(m.slug, 0) + 1
    overall: dict[str, int] = {}
    for m in ctx.mentions:
        if m.slug in counts:
            overall[m.slug] = overall.get(m.slug, 0) + 1
    latest = {m.slug: m for m in window}
    best = max(counts, key=lambda slug: (counts[slug], overall[slug], latest[slug].start))
    return latest[best]


# the words of a compound before the document's own word: 友好交流協定, 協力覚書, 友好提携
# (not a field's word: "観光覚書" is a 覚書 on tourism)
_KANJI_RUN = re.compile(r"(?:友好|交流|協力|連携|提携|姉妹|包括|相互|基本)+$")


_EN_RUN = re.compile(
    r"(?:\b(?:friendship|cooperation|sister[- ]city|partnership|twinning|framework)\s+)+$",
    re.IGNORECASE,
)


def document_start(ctx: Context, lo: int, doc_start: int) -> int:
    """Where the document's name starts, its compound included (a place's name excluded):
    友好交流協定, "friendship agreement"."""
    if ctx.language == "vi":
        return doc_start
    pattern = _KANJI_RUN if ctx.language == "ja" else _EN_RUN
    run = pattern.search(ctx.norm[max(lo, doc_start - 40) : doc_start])
    if not run:
        return doc_start
    start = doc_start - len(run.group())
    for m in ctx.mentions:
        if m.start < doc_start and m.end > start:
            start = max(start, m.end)
    return start


# the field ends where a time or a relative clause begins
FIELD_TAIL = {
    "vi": re.compile(
        r"(?:\s+(?:trong|vào|đến)\s+(?:năm|tháng|cuối|đầu|giữa|quý)\b.*"
        r"|,\s*(?:dự kiến|tạo|nhằm)\b.*)$"
    ),
    "en": re.compile(
        r"\s+(?:in\s+(?:(?:the\s+)?(?:first|second|early|late|end)\b.*|(?:19|20)\d\d\b.*)|"
        r"next year\b.*|this year\b.*|by\s+(?:19|20)\d\d\b.*|(?:that|which)\b.*)$",
        re.IGNORECASE,
    ),
}
_JA_FIELD = re.compile(r"[\u4e00-\u9fff\u30a0-\u30ff・ー]+(?:分野)?$")


def clean_field(language: str, field: str | None) -> str | None:
    if not field:
        return field
    if language == "ja":
        run = _JA_FIELD.search(field)
        field = run.group() if run else field
        return field or None
    cut = FIELD_TAIL[language].search(field)
    if cut:
        field = field[: cut.start()].rstrip(" ,")
    return field or None


# an agreement named by its year: "their 2024 memorandum of understanding", "2023年の覚書"
YEAR_DOCUMENT = {
    "vi": re.compile(
        r"(?:[Bb]iên bản ghi nhớ|bản ghi nhớ|MOU|MoU|[Tt]hỏa thuận)(?:\s+hợp tác)?"
        r"(?:\s+(?:được\s+)?ký(?:\s+kết)?)?(?:\s+(?:từ|vào))?\s+năm\s+((?:19|20)\d\d)"
    ),
    "ja": re.compile(r"((?:19|20)\d\d)年の(?:[^、。]{0,12}?)(?:覚書|協定|合意書)"),
    "en": re.compile(
        r"\b(?:their|the|its|a)\s+((?:19|20)\d\d)\s+(?:cooperation\s+|friendship\s+)?"
        r"(?:memorandum|MoU|MOU|agreement)",
    ),
}

# partners counted, not named: "ベトナムの3つの省と", "với 3 địa phương", "with three provinces"
COUNTED = {
    "vi": re.compile(
        NUMBER + r"\s+(?:địa phương|tỉnh|thành phố|tỉnh, thành phố)(?:\s+đối tác)?"
        r"\s+(?:của\s+|tại\s+|ở\s+)?(?:Nhật Bản|Việt Nam)"
    ),
    "ja": re.compile(
        r"(?:\d+|[一二三四五六七八九十])\s*(?:つの)?(?:省|県|自治体|地域|都市|省・市)(?:・市)?と"
    ),
    "en": re.compile(
        NUMBER + r"\s+(?:(?:Japanese|Vietnamese)\s+(?:partner\s+)?(?:localities|provinces|"
        r"prefectures|cities)|(?:partner\s+)?(?:localities|provinces|prefectures|cities)\s+in\s+"
        r"(?:Japan|Vietnam))",
        re.IGNORECASE,
    ),
}


# the place where it was signed: "Tại TP Nagoya, ...", "in Hanoi", "静岡市内で"
_VENUE_BEFORE = {
    "vi": re.compile(r"(?<!\w)(?:[Tt]ại|[Ởở])\s+(?:(?:TP\.?|[Tt]hành phố|[Tt]ỉnh)\s*)?$"),
    "ja": re.compile(r"(?!)"),
    "en": re.compile(r"\b(?:[Ii]n|[Aa]t)\s+(?:the\s+)?$"),
}
_VENUE_AFTER = re.compile(r"(?:市内|県内|都内|府内|省内|内)?(?:で|にて)(?![はもの])")


def is_venue(ctx: Context, m: Mention) -> bool:
    if m.kind != "locality":
        return False
    if ctx.language == "ja":
        return bool(_VENUE_AFTER.match(ctx.norm, m.end))
    return bool(_VENUE_BEFORE[ctx.language].search(ctx.norm[max(0, m.start - 12) : m.start]))
