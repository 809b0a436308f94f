"""Partnership counts: "TP.HCM đã thiết lập quan hệ với 7 địa phương Nhật Bản", 「日本の9つの
自治体と交流関係」, "ties with six Japanese localities".

The locality is the place of the other country named first in the sentence (before the count
when there is one there), a place in a merger clause ("sau khi hợp nhất với tỉnh Yên Bái",
"which merged with Yen Bai") aside, "本県" being the article's own place; else the article's
place. The country is the one written with the count, else that of the places the sentence
names with it ("ハノイ市、ホーチミン市など7つの自治体と"), else Japan when the sentence names it.
"""

from __future__ import annotations

import re

from kakehashi.news.engine.facts.context import NUMBER, Context, number
from kakehashi.news.engine.facts.own_place import in_merger_clause, places_with_own

N = r"(?P<n>" + NUMBER[1:]  # the count, named
KANJI_N = r"(?P<n>\d+|[一二三四五六七八九十]+)"
PLACES_VI = r"(?:địa phương|tỉnh|thành phố|tỉnh, thành phố|tỉnh, thành)"
PLACES_EN = r"(?:localities|prefectures|cities|provinces|local governments|municipalities)"
COUNTS = {
    "vi": (
        re.compile(
            r"(?:thiết lập|có|duy trì|xây dựng)\s+quan hệ"
            r"(?:\s+(?:hợp tác|hữu nghị|hợp tác hữu nghị|đối tác))?"
            r"(?:\s+(?:chính thức|với tổng cộng|với hơn|với gần|với))*\s+"
            + N
            + r"\s+"
            + PLACES_VI
            + r"(?:\s+(?:của\s+)?(?P<c>Nhật Bản|Việt Nam|Nhật))?"
        ),
        # "đã kết nghĩa với 3 địa phương của Nhật Bản"
        re.compile(
            r"(?:kết nghĩa|liên kết|hợp tác hữu nghị|quan hệ hữu nghị)\s+với"
            r"(?:\s+(?:tổng cộng|hơn|gần|khoảng|trên))?\s+"
            + N
            + r"\s+"
            + PLACES_VI
            + r"(?:\s+(?:của\s+|tại\s+|ở\s+)?(?P<c>Nhật Bản|Việt Nam))?"
        ),
        # "có 5 địa phương đối tác tại Nhật Bản", "ký văn bản hợp tác với 5 địa phương Nhật Bản"
        re.compile(
            r"(?:(?<!\w)có|(?:ký|ký kết)\s+(?:các\s+)?(?:văn bản|thỏa thuận|thoả thuận|"
            r"biên bản ghi nhớ|MOU|MoU)(?:\s+hợp tác)?\s+với)\s+"
            + N
            + r"\s+(?:địa phương|tỉnh|thành phố)"
            r"(?:\s+(?:đối tác|kết nghĩa))?(?:\s+(?:tại|của|ở))?\s+(?P<c>Nhật Bản|Việt Nam)"
        ),
    ),
    "ja": (
        re.compile(
            r"(?P<c0>日本|ベトナム)?(?:の)?"
            + KANJI_N
            + r"\s*(?:つの|の)?(?P<c>日本|ベトナム)?(?:の)?"
            r"(?:自治体|都市|省・市|省市|省|県|地方自治体|地方政府|都道府県|地域)と"
            r"(?:の)?(?:友好|交流|協力|提携|姉妹|覚書|協定|合意書)"
        ),
        # 「友好提携先は日本の7自治体」「交流先は3省に上る」
        re.compile(
            r"(?<!重点)(?<!優先)(?:交流|提携|友好|姉妹)(?:都市|先|関係)+(?:は|が)(?:(?P<c>日本|ベトナム)の)?(?:計)?"
            + KANJI_N
            + r"\s*(?:つの)?(?:自治体|都市|省|県|地域)"
        ),
    ),
    "en": (
        re.compile(
            r"(?:ties|relations|relationships?|partnerships?|cooperation|links|"
            r"cooperative relations|agreements|memoranda|memorandums|MoUs|MOUs|twinned|"
            r"cooperates|cooperated|co-operates|works|worked)"  # "cooperates with four …"
            r"\s+with\s+"
            r"(?:more than\s+|over\s+|nearly\s+)?"
            + N
            + r"\s+(?P<c>Japanese|Vietnamese)?\s*"
            + PLACES_EN,
            re.IGNORECASE,
        ),
        # "which counts five partner localities in Japan", "has 11 Japanese sister cities"
        re.compile(
            r"\b(?:counts|has|have|had|maintains)\s+(?:more than\s+|over\s+|nearly\s+)?"
            + N
            + r"\s+(?:(?P<c>Japanese|Vietnamese)\s+)?(?:partner|sister|friendship|twin)\s+"
            + PLACES_EN
            + r"(?:\s+in\s+(?P<c2>Japan|Vietnam)\b)?",
            re.IGNORECASE,
        ),
    ),
}
_COUNTRY = {"Nhật Bản": "JP", "Nhật": "JP", "Việt Nam": "VN", "日本": "JP", "ベトナム": "VN",
            "japanese": "JP", "vietnamese": "VN", "japan": "JP", "vietnam": "VN"}  # fmt: skip


_CLAUSE = re.compile(
    r";|,\s+(?:while|whereas|but)\b|,\s+(?:còn|trong khi|trong khi đó|nhưng)(?!\w)|一方(?:、|で)"
)


def _subject(ctx: Context, sentence, trigger_at: int, partner_country: str | None):
    ours = [
        m
        for m in places_with_own(ctx, sentence.start, sentence.end)
        if (partner_country is None or m.country != partner_country)
        and not in_merger_clause(ctx, sentence, m)
    ]
    before = [m for m in ours if m.start < trigger_at]
    # "Saga says …, while Yamagata counts four partner localities": the count's own clause
    breaks = [sentence.start + b.end() for b in _CLAUSE.finditer(sentence.text)]
    clause = max((b for b in breaks if b <= trigger_at), default=sentence.start)
    before = [m for m in before if m.start >= clause] or before
    if before or ours:
        return (before or ours)[0]  # "..., Quang Tri's vice chairman said"
    return ctx.main_locality("VN" if partner_country != "VN" else "JP")


def find_partnership_counts(ctx: Context) -> list[dict]:
    lang, out, seen = ctx.language, [], set()
    for sentence in ctx.text.sentences:
        m = next((m for p in COUNTS[lang] if (m := p.search(sentence.text))), None)
        if not m:
            continue
        found = m.groupdict()
        count = number(found["n"])
        if count is None:
            continue  # "十一" and the like: not read
        written = found.get("c") or found.get("c2") or found.get("c0")
        country = _COUNTRY.get(written.lower() if lang == "en" and written else written)
        if country is None:
            # "ハノイ市、ホーチミン市など7つの自治体と": the country of the places it names
            named = {
                p.country
                for p in ctx.in_span(sentence.start, sentence.start + m.end(), ("locality",))
                if p.slug and p.start > sentence.start + m.start() - 40
            }
            named.discard(None)
            if len(named) == 2:
                first = ctx.in_span(sentence.start, sentence.end, ("locality",))[0]
                named.discard(first.country)  # the first place is the one counting
            if len(named) == 1:
                country = named.pop()
            elif re.search(r"Nhật|日本|Japan", sentence.text):
                country = "JP"
        subject = _subject(ctx, sentence, sentence.start + m.start(), country)
        fields = {"locality": ctx.place(subject), "country": country, "count": count}
        key = (subject.slug if subject else None, country, count)
        if key in seen:
            continue  # the headline and the lead telling the same count
        seen.add(key)
        filled = (bool(subject) + bool(country) + 1) / 3
        out.append(ctx.fact("partnership_count", sentence, fields, filled))
    return out
