"""An event named without its day, then told by its bare head with a day of its own: "Đoàn
sang dự Diễn đàn hợp tác … lần thứ hai. … Sáng 26/11, diễn đàn do UBND tỉnh … đồng tổ chức đã
diễn ra …", "… to attend the Mekong–Kansai Business Forum. On May 12, the forum opened with …":
the day is the event's, when it is named as the one attended, with no day of its own."""

from __future__ import annotations

import re

from kakehashi.news.engine.facts.context import Context

_HEAD = {
    "vi": re.compile(
        r"(?<![\w])(?P<h>diễn đàn|hội thảo|hội nghị|hội chợ|tọa đàm|toạ đàm|ngày hội|lễ hội|"
        r"triển lãm|tuần lễ)"
        r"(?=\s+(?:(?:năm nay|lần này)\s+)?(?:do\s[^.;]{3,120}?(?:đồng |phối hợp |cùng )?tổ chức"
        r"|(?:đã\s+|chính thức\s+)*(?:diễn ra|khai mạc|được tổ chức)(?!\w)))",
        re.IGNORECASE,
    ),
    "en": re.compile(
        r"\bthe (?P<h>forum|seminar|conference|symposium|fair|festival|workshop|expo)"
        r"(?=\s+(?:was held|took place|opened|was hosted|was organi[sz]ed|kicked off|"
        r"was co-hosted|got under way)\b)",
        re.IGNORECASE,
    ),
}


def _has_head(language: str, name: str, head: str) -> bool:
    low = name.lower()
    if language == "vi":
        return low.startswith(head.replace("toạ", "tọa")) or low.startswith(head)
    return bool(re.search(r"\b" + head + r"\b", low))


# the event named as the one the trip is for: "sang … để dự", "to attend", "tham dự"
_ATTEND = {
    "vi": re.compile(r"(?<!\w)(?:dự|tham dự|tham gia)\s+$", re.IGNORECASE),
    "en": re.compile(
        r"\b(?:attend|attending|join|joining|take part in|taking part in)\s+(?:the\s+)?$", re.I
    ),
}


def bare_day_after(ctx: Context, sentence, name: str) -> str | None:
    """The day a bare head told in the next sentences gives the event named here, as the one
    attended, without a day of its own ("Sáng 26/11, diễn đàn … đã diễn ra"), else None."""
    pattern = _HEAD.get(ctx.language)
    if pattern is None or ctx.dates_in(sentence.start, sentence.end, ("date", "month", "year")):
        return None
    at = sentence.text.find(name)
    if at < 0 or not _ATTEND[ctx.language].search(sentence.text[max(0, at - 30) : at]):
        return None
    later = ctx.text.sentences[sentence.index + 1 : sentence.index + 4]
    for part in later:
        for found in pattern.finditer(ctx.norm, part.start, part.end):
            if not _has_head(ctx.language, name, found.group("h").lower()):
                continue
            days = ctx.dates_in(part.start, part.end, ("date",))
            if days:
                return days[0].value
    return None
